//! `dualtrack show`: a level, or the whole ladder, in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use dualtrack::{
    Band, BandedLevel, Expected, Ladder, LadderOverview, LevelProfile, ProficiencyScale, Variable,
};

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
    let shared = if track.is_trunk() {
        ": the shared trunk, common to every track"
    } else {
        ""
    };
    row(
        "track",
        format!(
            "{} (`{}`), level {at} of {}{shared}",
            track.name(),
            track.id(),
            track.levels().len()
        ),
    );
    row("grade", level.grade().to_string());
    if let Some(split) = shown.split_grade() {
        let text = if shown.above().is_none() {
            let paths: Vec<&str> = shown
                .leads_into()
                .iter()
                .map(|b| b.track().name())
                .collect();
            format!(
                "grade {split}, right above this level: the next step is on {}",
                paths.join(" or ")
            )
        } else {
            format!(
                "grade {split}, above `{}`, the top of the trunk",
                track.top().id()
            )
        };
        row("split", text);
    }
    if level.is_executive() {
        row(
            "executive",
            "yes: outside parity; no IC level is meant to match it".to_owned(),
        );
    }
    if let Some(summary) = level.summary() {
        row("summary", summary.to_owned());
    }
    let band_key = match shown.zone() {
        Some(zone) => format!("band ({})", zone.id()),
        None => "band".to_owned(),
    };
    match (level.band(), ladder.pay_period()) {
        (Some(base), Some(period)) => {
            // A spot rate is one amount: `rate`, not a band of three.
            let (key, base_key) = if base.is_spot() {
                (band_key.replacen("band", "rate", 1), "base rate")
            } else {
                (band_key, "base band")
            };
            let basis = match level.pay_basis() {
                Some(basis) => format!("{} of `{}`, ", basis.percent(), basis.of()),
                None => String::new(),
            };
            row(
                &key,
                format!(
                    "{} ({basis}{} pay)",
                    band_text(shown.band(), amounts),
                    period.as_str()
                ),
            );
            if shown.zone().is_some() {
                row(base_key, band_text(Some(*base), amounts));
            }
            if !shown.steps().is_empty() {
                let steps: Vec<String> = shown
                    .steps()
                    .iter()
                    .enumerate()
                    .map(|(i, step)| format!("{} {}", i + 1, amounts.money(*step)))
                    .collect();
                row("steps", steps.join(", "));
            }
        }
        _ => row("band", no_band(ladder)),
    }
    if let Some(variable) = level.variable() {
        row(
            "variable",
            format!("{} at target", variable_text(variable, amounts)),
        );
        let key = match shown.zone() {
            Some(zone) => format!("target cash ({})", zone.id()),
            None => "target cash".to_owned(),
        };
        match shown.target_cash() {
            Some(cash) => row(&key, format!("{} (base + variable)", amounts.band(cash))),
            None if level.band().is_none() => {}
            None => match variable {
                Variable::Amount(amount) => row(
                    &key,
                    format!(
                        "not shown: the fixed amount is in {}, the zone pays in another currency",
                        amount.currency()
                    ),
                ),
                _ => row(&key, "cannot be converted".to_owned()),
            },
        }
    }
    if let Some(equity) = level.equity() {
        row("equity", format!("{} a year", amounts.band(*equity)));
    }
    if let Some(zone) = shown.zone()
        && zone.exempts(level.id())
    {
        row(
            "zone pay",
            format!("exempt: paid nationally in `{}`", zone.id()),
        );
    }
    if let Some(position) = shown.salary() {
        let mut text = output::position_text(position, amounts);
        if let Some(step) = shown.step() {
            text.push_str(&format!("; {step}"));
        }
        row("salary", text);
    }
    // A neighbour on the same track by its title; one on another track (the
    // trunk below a track's entry, a track above the trunk) with its track.
    let neighbour = |b: &BandedLevel<'_>| {
        if std::ptr::eq(b.track(), track) {
            format!("{}  {}", b.level().id(), b.level().title())
        } else {
            format!(
                "{}  {}",
                b.level().id(),
                output::titled(b.level(), b.track())
            )
        }
    };
    row(
        "below",
        match shown.below() {
            Some(b) if b.track().is_trunk() && !track.is_trunk() => {
                format!("{}, the top of the shared trunk", neighbour(b))
            }
            Some(b) => neighbour(b),
            None => "none: the entry level of the track".to_owned(),
        },
    );
    match (shown.above(), shown.leads_into()) {
        (Some(b), _) => row("above", neighbour(b)),
        (None, []) => row("above", "none: the top of the track".to_owned()),
        (None, next) => {
            for (i, b) in next.iter().enumerate() {
                let key = if i == 0 { "above" } else { "" };
                let first = format!(
                    "{}  {}, the first level of {} (`{}`)",
                    b.level().id(),
                    b.level().title(),
                    b.track().name(),
                    b.track().id()
                );
                row(key, first);
            }
        }
    }
    if track.is_trunk() {
        row(
            "counterpart",
            "none: a trunk level is shared by every track".to_owned(),
        );
    }
    for other in ladder.tracks() {
        if std::ptr::eq(track, other) || other.is_trunk() || track.is_trunk() {
            continue;
        }
        let text = match shown
            .counterparts()
            .iter()
            .find(|b| std::ptr::eq(b.track(), other))
        {
            Some(b) => format!(
                "{}  {}, same grade",
                b.level().id(),
                output::titled(b.level(), other)
            ),
            None if level.is_executive() => {
                format!(
                    "none on {} (`{}`): an executive level, outside parity",
                    other.name(),
                    other.id()
                )
            }
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
    let scale = ladder.proficiency_scale();
    out.push_str(&format!(
        "\nexpectations (proficiency {})\n",
        scale_text(scale)
    ));
    let row = |e: &Expected<'_>| {
        let competency = e.competency();
        let mut what = format!("{} ({})", competency.name(), competency.kind().as_str());
        if let Some(description) = e.description() {
            what.push_str(": ");
            what.push_str(description);
        }
        vec![competency.id().to_string(), e.label(), what]
    };
    // Numbers line up on the right; `2 Practitioner` reads from the left.
    let right: &[usize] = if scale.is_named() { &[] } else { &[1] };
    let grouped = ladder.competencies().iter().any(|c| c.group().is_some());
    if grouped {
        // One table, so that the columns line up across groups, with each
        // group's heading above its rows.
        let mut rows = Vec::new();
        let mut starts = Vec::new();
        for (group, _) in ladder.competency_groups() {
            let members: Vec<&Expected<'_>> = shown
                .expectations()
                .iter()
                .filter(|e| e.competency().group() == group)
                .collect();
            if members.is_empty() {
                continue;
            }
            starts.push((rows.len(), group.unwrap_or("other")));
            rows.extend(members.into_iter().map(row));
        }
        let text = table(&rows, right, "    ");
        for (i, line) in text.lines().enumerate() {
            if let Some((_, heading)) = starts.iter().find(|(at, _)| *at == i) {
                out.push_str(&format!("  {heading}\n"));
            }
            out.push_str(line);
            out.push('\n');
        }
    } else {
        let expectations: Vec<Vec<String>> = shown.expectations().iter().map(row).collect();
        out.push_str(&table(&expectations, right, "  "));
    }
    if !level.entry_criteria().is_empty() {
        out.push_str("\nentry criteria\n");
        for criterion in level.entry_criteria() {
            out.push_str(&format!("  - {criterion}\n"));
        }
    }
    out
}

/// The scale for a heading: `1 to 5`, or with its step names
/// `0 to 4: Awareness, Working, Practitioner, Advanced, Expert`.
fn scale_text(scale: &ProficiencyScale) -> String {
    if scale.is_named() {
        let names: Vec<&str> = scale.steps().iter().map(|s| s.name()).collect();
        format!("{scale}: {}", names.join(", "))
    } else {
        scale.to_string()
    }
}

/// The competencies by group, with the tracks each is scoped to: shown
/// when the ladder groups or scopes them.
fn competencies_text(ladder: &Ladder) -> String {
    let competencies = ladder.competencies();
    if !competencies
        .iter()
        .any(|c| c.group().is_some() || c.tracks().is_some())
    {
        return String::new();
    }
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    for (group, members) in ladder.competency_groups() {
        starts.push((rows.len(), group.unwrap_or("other")));
        for c in members {
            let scope = match c.tracks() {
                Some(tracks) => {
                    let ids: Vec<&str> = tracks.iter().map(|t| t.as_str()).collect();
                    format!("{} only", ids.join(", "))
                }
                None => String::new(),
            };
            rows.push(vec![
                c.id().to_string(),
                c.name().to_owned(),
                c.kind().as_str().to_owned(),
                scope,
            ]);
        }
    }
    let mut out = String::from("\ncompetencies\n");
    let grouped = competencies.iter().any(|c| c.group().is_some());
    let text = table(&rows, &[], if grouped { "    " } else { "  " });
    for (i, line) in text.lines().enumerate() {
        if grouped && let Some((_, heading)) = starts.iter().find(|(at, _)| *at == i) {
            out.push_str(&format!("  {heading}\n"));
        }
        out.push_str(line);
        out.push('\n');
    }
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
    if let Some(date) = ladder.effective_date() {
        out.push_str(&format!("effective from {date}\n"));
    }
    if let Some(grades) = ladder.grades() {
        let labels: Vec<String> = grades.iter().map(ToString::to_string).collect();
        out.push_str(&format!("grades, lowest first: {}\n", labels.join(", ")));
    }
    // One table for every track, so that the columns line up across tracks;
    // a ladder without pay has no band columns.
    let paid = ladder.publishes_pay();
    // Total target cash at the midpoint, when any level has variable pay.
    let cash = paid && ladder.has_variable_pay();
    let levels = || ladder.tracks().iter().flat_map(|t| t.levels());
    // A ladder of spot rates has one pay column, `rate`; one that writes
    // pay as percentages of a level shows them in `basis`.
    let spot_only = levels().all(|l| l.band().is_none_or(Band::is_spot));
    let relative = levels().any(|l| l.pay_basis().is_some());
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    let mut columns: Vec<&str> = Vec::new();
    let split = ladder.split_grade();
    for overview in shown.tracks() {
        let track = overview.track();
        let note = match split {
            Some(split) if track.is_trunk() => {
                format!(
                    ": the shared trunk, common to every track; the paths split at grade {split}"
                )
            }
            _ => String::new(),
        };
        starts.push((
            rows.len(),
            format!("\n{} (`{}`){note}\n", track.name(), track.id()),
        ));
        let mut heading = vec!["grade", "level", "title"];
        if paid && spot_only {
            heading.push("rate");
        } else if paid {
            heading.extend(["min", "mid", "max"]);
        }
        if cash {
            heading.push("ttc mid");
        }
        if relative {
            heading.push("basis");
        }
        heading.push("counterpart");
        columns.clone_from(&heading);
        rows.push(heading.into_iter().map(str::to_owned).collect());
        for row in overview.levels() {
            let level = row.level();
            let ids = |levels: &[&dualtrack::Level]| -> String {
                let ids: Vec<&str> = levels.iter().map(|l| l.id().as_str()).collect();
                ids.join(", ")
            };
            let counterparts = if !row.leads_into().is_empty() {
                format!("leads into {}", ids(row.leads_into()))
            } else if track.is_trunk() {
                "shared".to_owned()
            } else if level.is_executive() && row.counterparts().is_empty() {
                "executive".to_owned()
            } else {
                ids(row.counterparts())
            };
            let mut cells = vec![
                level.grade().to_string(),
                level.id().to_string(),
                level.title().to_owned(),
            ];
            if paid && spot_only {
                cells.push(match (level.band(), row.band()) {
                    (None, _) => "-".to_owned(),
                    (Some(_), Some(b)) => amounts.amount(b.mid()),
                    (Some(_), None) => String::new(),
                });
            } else if paid {
                // `-`: no band published; empty: one that cannot be converted;
                // a spot rate in the mid column alone.
                let points = match (level.band(), row.band()) {
                    (None, _) => ["-", "-", "-"].map(str::to_owned),
                    (Some(_), Some(b)) if b.is_spot() => {
                        [String::new(), amounts.amount(b.mid()), String::new()]
                    }
                    (Some(_), Some(b)) => [b.min(), b.mid(), b.max()].map(|m| amounts.amount(m)),
                    (Some(_), None) => Default::default(),
                };
                cells.extend(points);
            }
            if cash {
                // `-`: no band or no variable pay; the base is the cash.
                cells.push(match (row.band(), row.target_cash()) {
                    (Some(_), Some(ttc)) => amounts.amount(ttc.mid()),
                    (Some(b), None) if level.variable().is_none() => amounts.amount(b.mid()),
                    (None, _) => "-".to_owned(),
                    (Some(_), None) => String::new(),
                });
            }
            if relative {
                cells.push(match level.pay_basis() {
                    Some(basis) => format!("{} of {}", basis.percent(), basis.of()),
                    None => String::new(),
                });
            }
            cells.push(counterparts);
            rows.push(cells);
        }
    }
    // Amounts align right, and numbered grades; labels left.
    let numeric = |name: &str| match name {
        "grade" => ladder.grades().is_none(),
        "min" | "mid" | "max" | "rate" | "ttc mid" => true,
        _ => false,
    };
    let right: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, name)| numeric(name))
        .map(|(i, _)| i)
        .collect();
    let text = table(&rows, &right, "  ");
    for (i, line) in text.lines().enumerate() {
        if let Some((_, heading)) = starts.iter().find(|(at, _)| *at == i) {
            out.push_str(heading);
        }
        out.push_str(line);
        out.push('\n');
    }
    let scale = ladder.proficiency_scale();
    if !scale.is_default() {
        let steps: Vec<String> = if scale.is_named() {
            scale
                .steps()
                .iter()
                .map(|s| format!("{} {}", s.proficiency(), s.name()))
                .collect()
        } else {
            vec![scale.to_string()]
        };
        out.push_str(&format!("\nproficiency: {}\n", steps.join(", ")));
    }
    out.push_str(&competencies_text(ladder));
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
                .zip(matched.steps())
                .filter_map(|(b, step)| {
                    let position = b.band()?.position(matched.salary())?;
                    let mut placed = output::placement_text(&position, amounts);
                    if let Some(step) = step {
                        placed.push_str(&format!("; {step}"));
                    }
                    Some(vec![
                        b.level().id().to_string(),
                        b.level().title().to_owned(),
                        placed,
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

/// `15% of base`, or `20000 USD` in the answer's money format.
fn variable_text(variable: Variable, amounts: Amounts) -> String {
    match variable {
        Variable::Amount(amount) => amounts.money(amount),
        other => other.to_string(),
    }
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
