//! `dualtrack show`: a level, or the whole ladder, in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use dualtrack::{Band, BandedLevel, LadderOverview, LevelProfile, Money};

use crate::input;
use crate::output::{self, Format, table};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ladder file.
    ladder: PathBuf,
    /// A level, by its id (`ic6`) or its title (`"Principal Engineer"`); without it, the whole ladder.
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
    let (zone, salary) = match input::zone_and_salary(
        &ladder,
        &args.ladder,
        args.zone.as_deref(),
        args.salary.as_deref(),
    ) {
        Ok(found) => found,
        Err(code) => return code,
    };
    match &args.level {
        Some(id) => match ladder.profile(id, zone, salary) {
            Ok(profile) => output::answer(args.format, || profile_text(&profile), &profile),
            Err(error) => output::unknown(&error, &args.ladder),
        },
        None => {
            let overview = ladder.overview(zone, salary);
            output::answer(args.format, || overview_text(&overview), &overview)
        }
    }
}

fn profile_text(shown: &LevelProfile<'_>) -> String {
    let (ladder, level, track) = (shown.ladder(), shown.level(), shown.track());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |key: &str, value: String| rows.push(vec![key.to_owned(), value]);
    let at = track
        .levels()
        .iter()
        .position(|l| std::ptr::eq(l, level))
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
    row("grade", level.grade().to_string());
    if let Some(summary) = level.summary() {
        row("summary", summary.to_owned());
    }
    let band_key = match shown.zone() {
        Some(zone) => format!("band ({})", zone.id()),
        None => "band".to_owned(),
    };
    row(
        &band_key,
        format!(
            "{} ({} pay)",
            band_text(shown.band()),
            ladder.pay_period().as_str()
        ),
    );
    if shown.zone().is_some() {
        row("base band", band_text(Some(*level.band())));
    }
    if let Some(position) = shown.salary() {
        row("salary", output::position_text(position));
    }
    let neighbour = |banded: Option<&BandedLevel<'_>>, none: &str| match banded {
        Some(b) => format!("{}  {}", b.level().id(), b.level().title()),
        None => none.to_owned(),
    };
    row(
        "below",
        neighbour(shown.below(), "none: the entry level of the track"),
    );
    row(
        "above",
        neighbour(shown.above(), "none: the top of the track"),
    );
    for other in ladder.tracks() {
        if std::ptr::eq(track, other) {
            continue;
        }
        let text = match shown
            .counterparts()
            .iter()
            .find(|b| std::ptr::eq(b.track(), other))
        {
            Some(b) => format!(
                "{}  {} ({}), same grade",
                b.level().id(),
                b.level().title(),
                other.name()
            ),
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
        level.id(),
        level.title(),
        ladder.name(),
        output::zone_note(ladder, shown.zone())
    );
    out.push_str(&table(&rows, &[], "  "));
    out.push_str("\nexpectations (proficiency 1 to 5)\n");
    let expectations: Vec<Vec<String>> = shown
        .expectations()
        .iter()
        .map(|e| {
            let competency = e.competency();
            let mut what = format!("{} ({})", competency.name(), competency.kind().as_str());
            if let Some(description) = e.description() {
                what.push_str(": ");
                what.push_str(description);
            }
            vec![
                competency.id().to_string(),
                e.proficiency().get().to_string(),
                what,
            ]
        })
        .collect();
    out.push_str(&table(&expectations, &[1], "  "));
    out
}

fn overview_text(shown: &LadderOverview<'_>) -> String {
    let ladder = shown.ladder();
    let mut out = format!(
        "{} (`{}`): {} pay in {}{}\n",
        ladder.name(),
        ladder.id(),
        ladder.pay_period().as_str(),
        shown.currency(),
        output::zone_note(ladder, shown.zone())
    );
    if let Some(grades) = ladder.grades() {
        let labels: Vec<String> = grades.iter().map(ToString::to_string).collect();
        out.push_str(&format!("grades, lowest first: {}\n", labels.join(", ")));
    }
    // One table for every track, so that the columns line up across tracks.
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    // Cents in every amount when any amount has them: `19.00` above `21.50`.
    let cents = shown.tracks().iter().flat_map(|t| t.levels()).any(|level| {
        level
            .band()
            .is_some_and(|b| [b.min(), b.mid(), b.max()].iter().any(|m| has_cents(*m)))
    });
    for overview in shown.tracks() {
        let track = overview.track();
        starts.push((
            rows.len(),
            format!("\n{} (`{}`)\n", track.name(), track.id()),
        ));
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
        for row in overview.levels() {
            let level = row.level();
            let [min, mid, max] = row
                .band()
                .map(|b| [b.min(), b.mid(), b.max()].map(|m| amount(m, cents)))
                .unwrap_or_default();
            let counterparts: Vec<&str> =
                row.counterparts().iter().map(|l| l.id().as_str()).collect();
            rows.push(vec![
                level.grade().to_string(),
                level.id().to_string(),
                level.title().to_owned(),
                min,
                mid,
                max,
                counterparts.join(", "),
            ]);
        }
    }
    // Numbered grades align right, labels left.
    let right: &[usize] = match ladder.grades() {
        Some(_) => &[3, 4, 5],
        None => &[0, 3, 4, 5],
    };
    let text = table(&rows, right, "  ");
    for (i, line) in text.lines().enumerate() {
        if let Some((_, heading)) = starts.iter().find(|(at, _)| *at == i) {
            out.push_str(heading);
        }
        out.push_str(line);
        out.push('\n');
    }
    if let Some(matched) = shown.salary() {
        out.push('\n');
        if matched.levels().is_empty() {
            out.push_str(&format!("{} is in no band\n", matched.salary()));
        } else {
            out.push_str(&format!("{} is within the bands of\n", matched.salary()));
            let rows: Vec<Vec<String>> = matched
                .levels()
                .iter()
                .filter_map(|b| {
                    let position = b.band()?.position(matched.salary())?;
                    Some(vec![
                        b.level().id().to_string(),
                        b.level().title().to_owned(),
                        output::placement_text(&position),
                    ])
                })
                .collect();
            out.push_str(&table(&rows, &[], "  "));
        }
    }
    if shown.zone().is_none() && !ladder.zones().is_empty() {
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
        Some(band) => band.to_string(),
        None => "cannot be converted".to_owned(),
    }
}
