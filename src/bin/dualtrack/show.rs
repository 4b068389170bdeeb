//! `dualtrack show`: a level, or the whole ladder, in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use dualtrack::{
    Band, Competency, CompetencyKind, Currency, Decimal, Grade, Ladder, Level, Money, PayPeriod,
    Proficiency, SalaryPosition, TrackKind, Zone,
};
use serde::Serialize;

use crate::input;
use crate::output::{self, Format, table};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ladder file.
    ladder: PathBuf,
    /// A level id, such as `ic6`; without it, the whole ladder.
    level: Option<String>,
    /// Show bands in this location zone, such as `london`.
    #[arg(long, value_name = "ZONE")]
    zone: Option<String>,
    /// Where this salary falls, in the zone's currency with `--zone`: in the
    /// level's band (compa-ratio, range penetration), or which bands hold it.
    #[arg(long, value_name = "AMOUNT")]
    salary: Option<String>,
    /// `human`: text for the terminal; `json`: one JSON document.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let ladder = match input::ladder(&args.ladder, args.format) {
        Ok(ladder) => ladder,
        Err(code) => return code,
    };
    let zone = match args
        .zone
        .as_deref()
        .map(|z| ladder.lookup_zone(z))
        .transpose()
    {
        Ok(zone) => zone,
        Err(error) => return output::unknown(&error, &args.ladder),
    };
    let currency = zone.map_or(ladder.currency(), Zone::currency);
    let salary = match args
        .salary
        .as_deref()
        .map(|s| salary(s, currency))
        .transpose()
    {
        Ok(salary) => salary,
        Err(message) => return output::usage(&message),
    };
    let view = View {
        ladder: &ladder,
        zone,
        salary,
    };
    match &args.level {
        Some(id) => match ladder.lookup_level(id) {
            Ok(level) => {
                let shown = view.level(level);
                output::answer(args.format, || view.level_text(&shown), &shown)
            }
            Err(error) => output::unknown(&error, &args.ladder),
        },
        None => {
            let shown = view.whole();
            output::answer(args.format, || view.whole_text(&shown), &shown)
        }
    }
}

/// A salary as given on the command line, in `currency`.
pub(crate) fn salary(text: &str, currency: Currency) -> Result<Money, String> {
    let amount: Decimal = text
        .trim()
        .parse()
        .map_err(|error| format!("invalid salary `{text}`: {error}"))?;
    Money::from_decimal(amount, currency).ok_or_else(|| {
        format!(
            "invalid salary `{text}`: {currency} has {} decimal places",
            currency.minor_digits()
        )
    })
}

/// What a view shows everything in: a ladder, maybe a zone, maybe a salary.
struct View<'a> {
    ladder: &'a Ladder,
    zone: Option<&'a Zone>,
    salary: Option<Money>,
}

#[derive(Serialize)]
struct Brief<'a> {
    id: &'a str,
    title: &'a str,
    track: &'a str,
    grade: Grade,
    band: Option<Band>,
}

#[derive(Serialize)]
struct Expected<'a> {
    competency: &'a str,
    name: &'a str,
    kind: CompetencyKind,
    proficiency: Proficiency,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

/// `show LADDER LEVEL`.
#[derive(Serialize)]
struct LevelShown<'a> {
    ladder: &'a str,
    zone: Option<&'a Zone>,
    id: &'a str,
    title: &'a str,
    track: &'a str,
    grade: Grade,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    pay_period: PayPeriod,
    band: Option<Band>,
    below: Option<Brief<'a>>,
    above: Option<Brief<'a>>,
    counterparts: Vec<Brief<'a>>,
    expectations: Vec<Expected<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    salary: Option<SalaryPosition>,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    grade: Grade,
    band: Option<Band>,
    counterparts: Vec<&'a str>,
}

#[derive(Serialize)]
struct TrackShown<'a> {
    id: &'a str,
    name: &'a str,
    kind: TrackKind,
    levels: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct SalaryMatch<'a> {
    salary: Money,
    levels: Vec<Brief<'a>>,
}

/// `show LADDER`.
#[derive(Serialize)]
struct WholeShown<'a> {
    id: &'a str,
    name: &'a str,
    currency: Currency,
    pay_period: PayPeriod,
    zone: Option<&'a Zone>,
    tracks: Vec<TrackShown<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    salary: Option<SalaryMatch<'a>>,
}

impl<'a> View<'a> {
    fn band(&self, level: &Level) -> Option<Band> {
        level.band_in(self.zone)
    }

    fn brief(&self, level: &'a Level) -> Brief<'a> {
        Brief {
            id: level.id().as_str(),
            title: level.title(),
            track: self
                .ladder
                .track_of(level.id().as_str())
                .map_or("", |t| t.id().as_str()),
            grade: level.grade(),
            band: self.band(level),
        }
    }

    fn competency(&self, id: &str) -> Option<&'a Competency> {
        self.ladder.competency(id)
    }

    fn level(&self, level: &'a Level) -> LevelShown<'a> {
        let id = level.id().as_str();
        let band = self.band(level);
        LevelShown {
            ladder: self.ladder.id().as_str(),
            zone: self.zone,
            id,
            title: level.title(),
            track: self.ladder.track_of(id).map_or("", |t| t.id().as_str()),
            grade: level.grade(),
            summary: level.summary(),
            pay_period: self.ladder.pay_period(),
            band,
            below: self.ladder.level_below(id).map(|l| self.brief(l)),
            above: self.ladder.level_above(id).map(|l| self.brief(l)),
            counterparts: self
                .ladder
                .counterparts(id)
                .map(|(_, l)| self.brief(l))
                .collect(),
            expectations: level
                .expectations()
                .iter()
                .filter_map(|e| {
                    let competency = self.competency(e.competency().as_str())?;
                    Some(Expected {
                        competency: competency.id().as_str(),
                        name: competency.name(),
                        kind: competency.kind(),
                        proficiency: e.proficiency(),
                        description: e.description(),
                    })
                })
                .collect(),
            salary: self
                .salary
                .zip(band)
                .and_then(|(salary, band)| band.position(salary)),
        }
    }

    fn whole(&self) -> WholeShown<'a> {
        let ladder = self.ladder;
        WholeShown {
            id: ladder.id().as_str(),
            name: ladder.name(),
            currency: self.zone.map_or(ladder.currency(), Zone::currency),
            pay_period: ladder.pay_period(),
            zone: self.zone,
            tracks: ladder
                .tracks()
                .iter()
                .map(|track| TrackShown {
                    id: track.id().as_str(),
                    name: track.name(),
                    kind: track.kind(),
                    levels: track
                        .levels()
                        .iter()
                        .map(|level| Row {
                            id: level.id().as_str(),
                            title: level.title(),
                            grade: level.grade(),
                            band: self.band(level),
                            counterparts: ladder
                                .counterparts(level.id().as_str())
                                .map(|(_, l)| l.id().as_str())
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            salary: self.salary.map(|salary| SalaryMatch {
                salary,
                levels: ladder
                    .levels_containing(salary, self.zone)
                    .map(|(_, l)| self.brief(l))
                    .collect(),
            }),
        }
    }

    /// `annual`, `monthly` or `hourly`.
    fn period(&self) -> &'static str {
        self.ladder.pay_period().as_str()
    }

    fn zone_note(&self) -> String {
        match self.zone {
            None => String::new(),
            Some(zone) => {
                let rate = zone.rate().map_or(String::new(), |rate| {
                    format!(
                        ", at {rate} {} per {}",
                        zone.currency(),
                        self.ladder.currency()
                    )
                });
                format!(
                    " in the {} zone (`{}`: {} x the base band{rate})",
                    zone.name(),
                    zone.id(),
                    zone.factor()
                )
            }
        }
    }

    fn level_text(&self, shown: &LevelShown<'_>) -> String {
        let ladder = self.ladder;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row = |key: &str, value: String| rows.push(vec![key.to_owned(), value]);
        let track = ladder.track_of(shown.id);
        if let Some(track) = track {
            let at = track
                .levels()
                .iter()
                .position(|l| l.id().as_str() == shown.id)
                .map_or(0, |i| i + 1);
            row(
                "track",
                format!(
                    "{} (`{}`), level {at} of {}",
                    track.name(),
                    track.id(),
                    track.levels().len()
                ),
            );
        }
        row("grade", shown.grade.to_string());
        if let Some(summary) = shown.summary {
            row("summary", summary.to_owned());
        }
        let band_key = match self.zone {
            Some(zone) => format!("band ({})", zone.id()),
            None => "band".to_owned(),
        };
        row(
            &band_key,
            format!("{} ({} pay)", band_text(shown.band), self.period()),
        );
        if self.zone.is_some() {
            let base = ladder.level(shown.id).map(|l| *l.band());
            row("base band", band_text(base));
        }
        if let Some(position) = &shown.salary {
            row("salary", position_text(position));
        }
        let neighbour = |brief: &Option<Brief<'_>>, none: &str| match brief {
            Some(b) => format!("{}  {}", b.id, b.title),
            None => none.to_owned(),
        };
        row(
            "below",
            neighbour(&shown.below, "none: the entry level of the track"),
        );
        row(
            "above",
            neighbour(&shown.above, "none: the top of the track"),
        );
        for other in ladder.tracks() {
            if track.is_some_and(|t| std::ptr::eq(t, other)) {
                continue;
            }
            let text = match shown
                .counterparts
                .iter()
                .find(|b| b.track == other.id().as_str())
            {
                Some(b) => format!("{}  {} ({}), same grade", b.id, b.title, other.name()),
                None => format!(
                    "none on {} (`{}`): it spans grades {} to {}",
                    other.name(),
                    other.id(),
                    other.entry().grade(),
                    other.top().grade()
                ),
            };
            row("counterpart", text);
        }
        let mut out = format!(
            "{}  {} ({}){}\n",
            shown.id,
            shown.title,
            ladder.name(),
            self.zone_note()
        );
        out.push_str(&table(&rows, &[], "  "));
        out.push_str("\nexpectations (proficiency 1 to 5)\n");
        let expectations: Vec<Vec<String>> = shown
            .expectations
            .iter()
            .map(|e| {
                let mut what = format!("{} ({})", e.name, e.kind.as_str());
                if let Some(description) = e.description {
                    what.push_str(": ");
                    what.push_str(description);
                }
                vec![
                    e.competency.to_owned(),
                    e.proficiency.get().to_string(),
                    what,
                ]
            })
            .collect();
        out.push_str(&table(&expectations, &[1], "  "));
        out
    }

    fn whole_text(&self, shown: &WholeShown<'_>) -> String {
        let ladder = self.ladder;
        let mut out = format!(
            "{} (`{}`): {} pay in {}{}\n",
            shown.name,
            shown.id,
            self.period(),
            shown.currency,
            self.zone_note()
        );
        // One table for every track, so that the columns line up across tracks.
        let mut rows = Vec::new();
        let mut starts = Vec::new();
        // Cents in every amount when any amount has them: `19.00` above `21.50`.
        let cents = shown.tracks.iter().flat_map(|t| &t.levels).any(|level| {
            level
                .band
                .is_some_and(|b| [b.min(), b.mid(), b.max()].iter().any(|m| has_cents(*m)))
        });
        for track in &shown.tracks {
            starts.push((rows.len(), format!("\n{} (`{}`)\n", track.name, track.id)));
            rows.push(
                [
                    "grade",
                    "level",
                    "title",
                    "min",
                    "mid",
                    "max",
                    "counterpart",
                ]
                .map(str::to_owned)
                .to_vec(),
            );
            for level in &track.levels {
                let [min, mid, max] = level
                    .band
                    .map(|b| [b.min(), b.mid(), b.max()].map(|m| amount(m, cents)))
                    .unwrap_or_default();
                rows.push(vec![
                    level.grade.to_string(),
                    level.id.to_owned(),
                    level.title.to_owned(),
                    min,
                    mid,
                    max,
                    level.counterparts.join(", "),
                ]);
            }
        }
        let text = table(&rows, &[0, 3, 4, 5], "  ");
        for (i, line) in text.lines().enumerate() {
            if let Some((_, heading)) = starts.iter().find(|(at, _)| *at == i) {
                out.push_str(heading);
            }
            out.push_str(line);
            out.push('\n');
        }
        if let Some(matched) = &shown.salary {
            out.push('\n');
            if matched.levels.is_empty() {
                out.push_str(&format!("{} is in no band\n", matched.salary));
            } else {
                out.push_str(&format!("{} is within the bands of\n", matched.salary));
                let rows: Vec<Vec<String>> = matched
                    .levels
                    .iter()
                    .filter_map(|b| {
                        let position = b.band?.position(matched.salary)?;
                        Some(vec![
                            b.id.to_owned(),
                            b.title.to_owned(),
                            placement_text(&position),
                        ])
                    })
                    .collect();
                out.push_str(&table(&rows, &[], "  "));
            }
        }
        if self.zone.is_none() && !ladder.zones().is_empty() {
            let zones: Vec<String> = ladder
                .zones()
                .iter()
                .map(|z| {
                    if z.currency() == ladder.currency() {
                        z.id().to_string()
                    } else {
                        format!("{} ({})", z.id(), z.currency())
                    }
                })
                .collect();
            out.push_str(&format!(
                "\nzones: {}; show one with `--zone`\n",
                zones.join(", ")
            ));
        }
        out
    }
}

/// Whether an amount has a non-zero minor unit, such as `21.50`.
fn has_cents(money: Money) -> bool {
    let digits = u32::from(money.currency().minor_digits());
    !money.minor().is_multiple_of(10u64.pow(digits))
}

/// An amount for a table: with all its fraction digits when `cents`.
fn amount(money: Money, cents: bool) -> String {
    let text = money.amount();
    let digits = usize::from(money.currency().minor_digits());
    if cents && digits > 0 && !text.contains('.') {
        format!("{text}.{}", "0".repeat(digits))
    } else {
        text
    }
}

fn band_text(band: Option<Band>) -> String {
    match band {
        Some(b) => format!("min {}, mid {}, max {}", b.min(), b.mid(), b.max()),
        None => "cannot be converted".to_owned(),
    }
}

/// `310000 USD: within the band, compa-ratio 1.0508, range penetration 66.67%`.
fn position_text(position: &SalaryPosition) -> String {
    format!("{}: {}", position.salary(), placement_text(position))
}

/// `within the band, compa-ratio 1.0508, range penetration 66.67%`.
fn placement_text(position: &SalaryPosition) -> String {
    let mut text = format!("{} the band", position.placement().as_str());
    if let Some(compa) = position.compa_ratio() {
        text.push_str(&format!(", compa-ratio {compa}"));
    }
    if let Some(penetration) = position.range_penetration() {
        text.push_str(&format!(", range penetration {}", penetration.percent()));
    }
    text
}
