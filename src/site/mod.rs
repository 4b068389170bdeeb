//! Publishing a ladder: a self-contained HTML page ([`html`]) or
//! GitHub-flavoured Markdown ([`markdown`]), with the two tracks side by side
//! by grade, the band chart, the competency matrix per track and one section
//! per level (feature `site`).
//!
//! Both read a checked [`Ladder`] and the [`Report`] it was loaded with (a
//! ladder that breaks only policy rules is published with its findings as its
//! validation status). Amounts are exact: one money format per page, with
//! the currency's minor digits when any amount shown has a fraction.

use std::fmt::Write as _;

use crate::model::{Band, Grade, Ladder, Level, Track, TrackKind, Zone};
use crate::money::Money;
use crate::report::Report;

mod html;
mod markdown;

pub use html::{escape_html, html, index_html};
pub use markdown::{index_markdown, markdown};

/// How many counterparts a level's section names; the rest are counted.
pub(crate) const COUNTERPARTS_SHOWN: usize = 6;

/// A level's counterparts for its section, each written by `name`: at most
/// [`COUNTERPARTS_SHOWN`] of them (a ladder of hundreds of tracks would list
/// hundreds per level; the side-by-side table has them all), then how many
/// more there are.
pub(crate) fn counterpart_items(
    ladder: &Ladder,
    level: &str,
    name: impl Fn(&Track, &Level) -> String,
) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut more = 0usize;
    for (t, l) in ladder.counterparts(level) {
        if items.len() < COUNTERPARTS_SHOWN {
            items.push(name(t, l));
        } else {
            more += 1;
        }
    }
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
    pub(crate) fn of(ladder: &Ladder, zone: Option<&Zone>) -> Self {
        let mut all = Vec::new();
        for level in ladder.tracks().iter().flat_map(|t| t.levels()) {
            let mut bands: Vec<Band> = Vec::new();
            bands.extend(level.band_in(zone));
            bands.extend(level.band().copied());
            bands.extend(ladder.zones().iter().filter_map(|z| level.band_in(Some(z))));
            bands.extend(level.target_cash().copied());
            bands.extend(level.equity().copied());
            for b in bands {
                all.extend([b.min(), b.mid(), b.max()]);
            }
            all.extend(level.steps().iter().copied());
        }
        let cents = all.iter().any(|m| {
            let digits = u32::from(m.currency().minor_digits());
            !m.minor().is_multiple_of(10u64.pow(digits))
        });
        Self { cents }
    }

    /// `130,000.00 USD` or `130,000 USD`.
    pub(crate) fn money(self, money: Money) -> String {
        format!("{} {}", self.amount(money), money.currency())
    }

    /// `130,000`, grouped by thousands.
    pub(crate) fn amount(self, money: Money) -> String {
        let digits = usize::from(money.currency().minor_digits());
        let text = money.amount();
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w.to_owned(), f.to_owned()),
            None if self.cents && digits > 0 => (text.clone(), "0".repeat(digits)),
            None => (text.clone(), String::new()),
        };
        let mut grouped = String::new();
        let len = whole.len();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if fraction.is_empty() {
            grouped
        } else {
            format!("{grouped}.{fraction}")
        }
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
        if band.is_spot() {
            return self.money(band.mid());
        }
        format!(
            "{} – {} {} (mid {})",
            self.amount(band.min()),
            self.amount(band.max()),
            band.min().currency(),
            self.amount(band.mid())
        )
    }
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
