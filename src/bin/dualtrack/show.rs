//! `dualtrack show`: a level, or the whole ladder, in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use dualtrack::{Band, BandedLevel, Ladder, LadderOverview, LevelProfile};

use crate::input;
use crate::output::{self, Amounts, Format, table};

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
    let amounts = Amounts::of(&ladder, zone);
    match &args.level {
        Some(id) => match ladder.profile(id, zone, salary) {
            Ok(profile) if salary.is_some() && profile.level().band().is_none() => {
                output::usage(&format!(
                    "cannot place a salary on `{}`: the level has no pay band",
                    profile.level().id()
                ))
            }
            Ok(profile) => {
                output::answer(args.format, || profile_text(&profile, amounts), &profile)
            }
            Err(error) => output::unknown(&error, &args.ladder),
        },
        None => {
            let overview = ladder.overview(zone, salary);
            output::answer(args.format, || overview_text(&overview, amounts), &overview)
        }
    }
}

fn profile_text(shown: &LevelProfile<'_>, amounts: Amounts) -> String {
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
    match (level.band(), ladder.pay_period()) {
        (Some(base), Some(period)) => {
            row(
                &band_key,
                format!(
                    "{} ({} pay)",
                    band_text(shown.band(), amounts),
                    period.as_str()
                ),
            );
            if shown.zone().is_some() {
                row("base band", band_text(Some(*base), amounts));
            }
        }
        _ => row("band", no_band(ladder)),
    }
    if let Some(position) = shown.salary() {
        row("salary", output::position_text(position, amounts));
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

fn overview_text(shown: &LadderOverview<'_>, amounts: Amounts) -> String {
    let ladder = shown.ladder();
    let pay = match (ladder.pay_period(), shown.currency()) {
        (Some(period), Some(currency)) if ladder.publishes_pay() => {
            format!("{} pay in {currency}", period.as_str())
        }
        _ => "no published pay: its pay parity cannot be checked".to_owned(),
    };
    let mut out = format!(
        "{} (`{}`): {pay}{}\n",
        ladder.name(),
        ladder.id(),
        output::zone_note(ladder, shown.zone())
    );
    // One table for every track, so that the columns line up across tracks;
    // a ladder without pay has no band columns.
    let paid = ladder.publishes_pay();
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    for overview in shown.tracks() {
        let track = overview.track();
        starts.push((
            rows.len(),
            format!("\n{} (`{}`)\n", track.name(), track.id()),
        ));
        let mut heading = vec!["grade", "level", "title"];
        if paid {
            heading.extend(["min", "mid", "max"]);
        }
        heading.push("counterpart");
        rows.push(heading.into_iter().map(str::to_owned).collect());
        for row in overview.levels() {
            let level = row.level();
            let counterparts: Vec<&str> =
                row.counterparts().iter().map(|l| l.id().as_str()).collect();
            let mut cells = vec![
                level.grade().to_string(),
                level.id().to_string(),
                level.title().to_owned(),
            ];
            if paid {
                // `-`: no band published; empty: one that cannot be converted.
                let points = match (level.band(), row.band()) {
                    (None, _) => ["-", "-", "-"].map(str::to_owned),
                    (Some(_), Some(b)) => [b.min(), b.mid(), b.max()].map(|m| amounts.amount(m)),
                    (Some(_), None) => Default::default(),
                };
                cells.extend(points);
            }
            cells.push(counterparts.join(", "));
            rows.push(cells);
        }
    }
    let right: &[usize] = if paid { &[0, 3, 4, 5] } else { &[0] };
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
        let salary = amounts.money(matched.salary());
        if matched.levels().is_empty() {
            out.push_str(&format!("{salary} is in no band\n"));
        } else {
            out.push_str(&format!("{salary} is within the bands of\n"));
            let rows: Vec<Vec<String>> = matched
                .levels()
                .iter()
                .filter_map(|b| {
                    let position = b.band()?.position(matched.salary())?;
                    Some(vec![
                        b.level().id().to_string(),
                        b.level().title().to_owned(),
                        output::placement_text(&position, amounts),
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
                if Some(z.currency()) == ladder.currency() {
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

fn band_text(band: Option<Band>, amounts: Amounts) -> String {
    match band {
        Some(band) => amounts.band(band),
        None => "cannot be converted".to_owned(),
    }
}

/// What `show` says of a level without a band.
fn no_band(ladder: &Ladder) -> String {
    if ladder.publishes_pay() {
        "none: no pay band is published for this level".to_owned()
    } else {
        "none: the ladder publishes no pay".to_owned()
    }
}
