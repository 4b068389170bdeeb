//! Publishing a ladder: a self-contained HTML page ([`html`]) or
//! GitHub-flavoured Markdown ([`markdown`]), with the two tracks side by side
//! by grade, the band chart, the competency matrix per track and one section
//! per level (feature `site`).
//!
//! Both read a checked [`Ladder`] and the [`Report`] it was loaded with (a
//! ladder that breaks only policy rules is published with its findings as its
//! validation status). Amounts are exact: one money format per page, with
//! the currency's minor digits when any amount shown has a fraction.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::choice::TrackKind;
use crate::model::{Band, Grade, Ladder, Level, Track, Zone};
use crate::money::Money;
use crate::report::Report;

mod html;
mod markdown;
mod style;

pub use html::{escape_html, html, index_html};
pub use markdown::{index_markdown, markdown};

/// `text` with every character that `replace` maps written as its
/// replacement: the escaping of both formats, borrowing the text when no
/// character needs it (most ladder text), a page of 10,000 levels escapes
/// hundreds of thousands of names.
pub(crate) fn escaped(text: &str, replace: impl Fn(char) -> Option<&'static str>) -> Cow<'_, str> {
    let Some(first) = text.find(|c| replace(c).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match replace(c) {
            Some(replacement) => out.push_str(replacement),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How many counterparts a level's section names; the rest are counted.
pub(crate) const COUNTERPARTS_SHOWN: usize = 6;

/// A level's counterparts for its section, each written by `name`: at most
/// [`COUNTERPARTS_SHOWN`] of them (a ladder of hundreds of tracks would list
/// hundreds per level; the side-by-side table has them all), then how many
/// more there are.
pub(crate) fn counterpart_items(
    ladder: &Ladder,
    level: &Level,
    name: impl Fn(&Track, &Level) -> String,
) -> Vec<String> {
    let mut items: Vec<String> = ladder
        .counterparts(level.id().as_str())
        .take(COUNTERPARTS_SHOWN)
        .map(|(t, l)| name(t, l))
        .collect();
    // Its counterparts are the other levels of its grade: counted, not walked.
    let others = ladder.levels_at(level.grade()).len().saturating_sub(1);
    let more = others.saturating_sub(items.len());
    if more > 0 {
        items.push(format!("and {more} more in the side-by-side table"));
    }
    items
}

/// What to publish: the bands in a zone (`None`: the base bands).
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct SiteOptions<'a> {
    /// The zone whose bands the chart and the tables show.
    pub zone: Option<&'a Zone>,
}

impl<'a> SiteOptions<'a> {
    /// The bands in `zone`.
    ///
    /// ```
    /// let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let options = dualtrack::SiteOptions::in_zone(ladder.zone("london"));
    /// assert!(options.zone.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_zone(zone: Option<&'a Zone>) -> Self {
        Self { zone }
    }
}

/// One page of an index: the ladder's name, where its page is, and how many
/// findings it has.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The ladder's name.
    pub name: String,
    /// The page's address, relative to the index.
    pub href: String,
    /// Its findings, or `None` when the file could not be loaded at all.
    pub findings: Option<usize>,
}

/// The grades of the ladder, highest first, each with the level of every
/// track at it (in track order; the trunk's level when the trunk has one).
pub(crate) fn grade_rows(ladder: &Ladder) -> Vec<(Grade, Vec<Option<&Level>>)> {
    let mut grades: Vec<Grade> = ladder
        .tracks()
        .iter()
        .flat_map(|t| t.levels().iter().map(|l| l.grade().clone()))
        .collect();
    grades.sort();
    grades.dedup();
    grades.reverse();
    grades
        .into_iter()
        .map(|g| {
            let cells = ladder.tracks().iter().map(|t| t.level_at(&g)).collect();
            (g, cells)
        })
        .collect()
}

/// The tracks that are not the trunk, in file order.
pub(crate) fn branches(ladder: &Ladder) -> Vec<&Track> {
    ladder
        .tracks()
        .iter()
        .filter(|t| t.kind() != TrackKind::Trunk)
        .collect()
}

/// The one money format of a page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Amounts {
    cents: bool,
}

impl Amounts {
    /// The format of every amount the page may show: the bands in `zone`,
    /// the base bands, the bands in every zone, target cash, equity and
    /// steps. One format per page, whichever zone a table shows.
    pub(crate) fn of(ladder: &Ladder, zone: Option<&Zone>) -> Self {
        let fraction = |m: Money| {
            let digits = u32::from(m.currency().minor_digits());
            !m.minor().is_multiple_of(10u64.pow(digits))
        };
        let band_fraction = |b: Band| [b.min(), b.mid(), b.max()].into_iter().any(fraction);
        let cents = ladder
            .tracks()
            .iter()
            .flat_map(|t| t.levels())
            .any(|level| {
                level
                    .band_in(zone)
                    .into_iter()
                    .chain(level.band().copied())
                    .chain(ladder.zones().iter().filter_map(|z| level.band_in(Some(z))))
                    .chain(level.target_cash().copied())
                    .chain(level.equity().copied())
                    .any(band_fraction)
                    || level.steps().iter().copied().any(fraction)
            });
        Self { cents }
    }

    /// `130,000.00 USD` or `130,000 USD`.
    pub(crate) fn money(self, money: Money) -> String {
        let mut out = String::with_capacity(16);
        self.write_money(&mut out, money);
        out
    }

    fn write_money(self, out: &mut String, money: Money) {
        self.write_amount(out, money);
        out.push(' ');
        out.push_str(money.currency().code());
    }

    /// `130,000`, grouped by thousands.
    pub(crate) fn amount(self, money: Money) -> String {
        let mut out = String::with_capacity(12);
        self.write_amount(&mut out, money);
        out
    }

    /// Writes `130,000` (or `130,000.00`) at the end of `out`: integer
    /// arithmetic on the minor units into a buffer, right to left (a
    /// 10,000-level page writes over a million amounts).
    fn write_amount(self, out: &mut String, money: Money) {
        let digits = u32::from(money.currency().minor_digits());
        let unit = 10u64.pow(digits);
        let (mut whole, mut fraction) = (money.minor() / unit, money.minor() % unit);
        // 20 digits, 6 commas, a point and at most 4 minor digits.
        let mut text = [0u8; 32];
        let mut at = text.len();
        let mut put = |byte: u8| {
            at -= 1;
            text[at] = byte;
        };
        if digits > 0 && (self.cents || fraction != 0) {
            for _ in 0..digits {
                put(b'0' + (fraction % 10) as u8);
                fraction /= 10;
            }
            put(b'.');
        }
        let mut n = 0;
        loop {
            if n > 0 && n % 3 == 0 {
                put(b',');
            }
            put(b'0' + (whole % 10) as u8);
            whole /= 10;
            n += 1;
            if whole == 0 {
                break;
            }
        }
        out.push_str(std::str::from_utf8(&text[at..]).unwrap_or_default());
    }

    /// `100,000 – 130,000 USD (mid 115,000)`, or a spot rate's one amount.
    ///
    /// With `(spot rate)` after a spot rate's amount, for tables of bands.
    pub(crate) fn band_cell(self, band: Band) -> String {
        if band.is_spot() {
            format!("{} (spot rate)", self.money(band.mid()))
        } else {
            self.band(band)
        }
    }

    /// `100,000 – 130,000 USD (mid 115,000)`, or a spot rate's one amount.
    pub(crate) fn band(self, band: Band) -> String {
        let mut out = String::with_capacity(48);
        self.write_band(&mut out, band);
        out
    }

    /// [`band`](Self::band), written at the end of `out` (no text of its
    /// own: a page of 10,000 levels in 48 zones writes half a million).
    pub(crate) fn write_band(self, out: &mut String, band: Band) {
        if band.is_spot() {
            return self.write_money(out, band.mid());
        }
        self.write_amount(out, band.min());
        out.push_str(" – ");
        self.write_amount(out, band.max());
        out.push(' ');
        out.push_str(band.min().currency().code());
        out.push_str(" (mid ");
        self.write_amount(out, band.mid());
        out.push(')');
    }
}

/// What the band chart shows when the ladder has zones: the base bands,
/// and where the zones' bands are, the command written by `code`; `None`
/// without zones or when the page shows one zone (the chart's title names
/// it). One chart per page: a ladder of 48 zones and 10,000 levels would
/// otherwise draw 49. Ids and currency codes need no escaping.
pub(crate) fn chart_note(
    ladder: &Ladder,
    zone: Option<&Zone>,
    code: impl Fn(&str) -> String,
) -> Option<String> {
    let first = ladder.zones().first()?;
    if zone.is_some() {
        return None;
    }
    let currency = ladder
        .currency()
        .map_or_else(|| "the base currency".to_owned(), |c| c.to_string());
    Some(format!(
        "The base bands, in {currency}. Each level's section gives its band in every zone; \
         publish the page for one zone ({}) to see that zone's bands here.",
        code(&format!("dualtrack render --zone {}", first.id()))
    ))
}

/// The rules of a zone, as a sentence.
pub(crate) fn zone_rules(zone: &Zone, amounts: Amounts) -> String {
    let mut out = format!("{} x the base band, in {}", zone.factor(), zone.currency());
    if let Some(rate) = zone.rate() {
        let _ = write!(out, " at {rate} {} per base unit", zone.currency());
    }
    if let Some(uplift) = zone.uplift() {
        let _ = write!(out, "; uplift {uplift}");
    }
    if let Some(min) = zone.min_uplift() {
        let _ = write!(out, "; uplift at least {}", amounts.money(min));
    }
    if let Some(max) = zone.max_uplift() {
        let _ = write!(out, "; uplift at most {}", amounts.money(max));
    }
    if let Some(cap) = zone.cap() {
        let _ = write!(out, "; capped at {}", amounts.money(cap));
    }
    if let Some(rounding) = zone.rounding() {
        let _ = write!(out, "; rounded to {rounding}");
    }
    if !zone.exempt().is_empty() {
        let _ = write!(out, "; exempt: {}", zone.exempt().join(", "));
    }
    out
}

/// The validation status: `clean`, or how many findings.
pub(crate) fn status(report: &Report) -> String {
    match report.findings().len() {
        0 => "clean: no findings".to_owned(),
        1 => "1 finding".to_owned(),
        n => format!("{n} findings"),
    }
}
