//! `dualtrack move`: a move from a level to another track, in words.

use std::path::PathBuf;
use std::process::ExitCode;

use dualtrack::{
    CompetencyKind, Count, Direction, ExpectationChange, ProficiencyScale, Transition,
    TransitionError,
};

use crate::input;
use crate::output::{self, Amounts, Format, table};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ladder file.
    ladder: PathBuf,
    /// The level moved from, by its id (`ic6`) or its title.
    #[arg(long, value_name = "LEVEL")]
    from: String,
    /// The track moved to, such as `management`.
    #[arg(long, value_name = "TRACK")]
    to: String,
    /// Show bands and pay in this location zone, such as `london`.
    #[arg(long, value_name = "ZONE")]
    zone: Option<String>,
    /// Where this salary sits in the current band and in the new one, in the
    /// zone's currency with `--zone`.
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
    if let (Some(_), Ok(t)) = (salary, ladder.transition(&args.from, &args.to))
        && let Some(level) = [t.from(), t.to()].into_iter().find(|l| l.band().is_none())
    {
        return output::usage(&format!(
            "cannot place a salary on `{}`: the level has no pay band",
            level.id()
        ));
    }
    let amounts = Amounts::of(&ladder, zone);
    let transition = ladder.transition(&args.from, &args.to).map(|t| {
        let t = match zone {
            Some(zone) => t.in_zone(zone),
            None => Some(t),
        };
        match salary {
            Some(salary) => t.and_then(|t| t.with_salary(salary)),
            None => t,
        }
    });
    match transition {
        Ok(Some(transition)) => {
            let note = output::zone_note(&ladder, zone);
            output::answer(
                args.format,
                || text(&transition, &note, amounts, ladder.proficiency_scale()),
                &transition,
            )
        }
        Ok(None) => output::usage("the bands cannot be converted into this zone"),
        Err(TransitionError::NotFound(error)) => output::unknown(&error, &args.ladder),
        Err(error) => output::usage(&error.to_string()),
    }
}

fn text(t: &Transition<'_>, zone_note: &str, amounts: Amounts, scale: &ProficiencyScale) -> String {
    let (from, to) = (t.from(), t.to());
    let (from_track, to_track) = (t.from_track(), t.to_track());
    let mut out = format!(
        "{}  {}\n  -> {}  {}\n\n",
        from.id(),
        output::titled_at_grade(from, from_track),
        to.id(),
        output::titled_at_grade(to, to_track)
    );
    let steps = Count::new(
        usize::try_from(t.grade_change().unsigned_abs()).unwrap_or(usize::MAX),
        "grade",
    );
    let via: Vec<Vec<String>> = t
        .via()
        .map(|l| {
            vec![
                l.id().to_string(),
                format!("{} (grade {})", l.title(), l.grade()),
            ]
        })
        .collect();
    out.push_str(&match t.direction() {
        _ if t.from_trunk() && via.is_empty() => format!(
            "The split: {} is the top of the shared trunk ({}), common to every track; \
             its next step on the {} track is {}, {} up, where that track starts.\n",
            from.title(),
            from_track.name(),
            to_track.name(),
            to.title(),
            steps
        ),
        _ if t.from_trunk() => format!(
            "{} is on the shared trunk ({}), below the split: the {} track starts {} up, at {}, \
             after the rest of the trunk:\n{}\n",
            from.title(),
            from_track.name(),
            to_track.name(),
            steps,
            to.title(),
            table(&via, &[], "  ")
        ),
        Direction::Lateral => format!(
            "A lateral move: {} is the {} level at the same grade.\n",
            to.title(),
            to_track.name()
        ),
        Direction::StepUp => format!(
            "A step up of {}: the {} track starts at grade {}, above grade {}.\n",
            steps,
            to_track.name(),
            to.grade(),
            from.grade()
        ),
        Direction::StepDown => format!(
            "A step down of {}: the {} track has no level at grade {}; {} is the highest below it.\n",
            steps,
            to_track.name(),
            from.grade(),
            to.title()
        ),
        other => format!("A move ({other}).\n"),
    });
    out.push_str(&match (t.pay_difference(), t.from_band(), t.to_band()) {
        (Some(pay), Some(from_band), _) if pay.is_zero() => format!(
            "Pay{zone_note}: unchanged at the midpoint, {}.\n",
            amounts.money(from_band.mid())
        ),
        (Some(pay), Some(from_band), Some(to_band)) => format!(
            "Pay{zone_note}: {} at the midpoint, from {} to {}.\n",
            amounts.signed(pay),
            amounts.money(from_band.mid()),
            amounts.money(to_band.mid())
        ),
        _ if t.from().band().is_none() && t.to().band().is_none() => {
            "Pay: not compared: neither level has a pay band.\n".to_owned()
        }
        _ => "Pay: not compared: one of the levels has no pay band.\n".to_owned(),
    });
    if let Some(cash) = t.target_cash_difference() {
        let text = if cash.is_zero() {
            "unchanged at the midpoint".to_owned()
        } else {
            format!("{} at the midpoint", amounts.signed(cash))
        };
        let with = |level: &dualtrack::Level| match level.variable() {
            Some(v) => match v {
                dualtrack::Variable::Amount(amount) => amounts.money(amount),
                other => other.to_string(),
            },
            None => "none".to_owned(),
        };
        out.push_str(&format!(
            "Total target cash{zone_note}: {text} (variable pay: {} {}, {} {}).\n",
            from.id(),
            with(from),
            to.id(),
            with(to)
        ));
    }
    let band = |band: Option<dualtrack::Band>| {
        band.map_or_else(|| "no pay band published".to_owned(), |b| amounts.band(b))
    };
    out.push_str(&table(
        &[
            vec![format!("{}:", from.id()), band(t.from_band())],
            vec![format!("{}:", to.id()), band(t.to_band())],
        ],
        &[],
        "  ",
    ));
    if let Some(salary) = t.salary() {
        out.push_str(&format!(
            "\nSalary {}:\n",
            amounts.money(salary.from().salary())
        ));
        out.push_str(&table(
            &[
                vec![
                    format!("{}:", from.id()),
                    output::placement_text(salary.from(), amounts),
                ],
                vec![
                    format!("{}:", to.id()),
                    output::placement_text(salary.to(), amounts),
                ],
            ],
            &[],
            "  ",
        ));
    }
    let people = t
        .newly_required()
        .iter()
        .any(|c| c.competency().kind() == CompetencyKind::People);
    let heading = if people {
        "Newly required (assessed on their own; craft ratings do not stand in for them)"
    } else {
        "Newly required"
    };
    let level = |p| level(p, scale);
    section(&mut out, heading, t.newly_required(), |c| level(c.to()));
    section(&mut out, "Expected higher", t.raised(), |c| {
        format!("{} -> {}", level(c.from()), level(c.to()))
    });
    section(&mut out, "Expected lower", t.lowered(), |c| {
        format!("{} -> {}", level(c.from()), level(c.to()))
    });
    section(
        &mut out,
        "No longer required",
        t.no_longer_required(),
        |c| level(c.from()),
    );
    if t.newly_required().is_empty() && t.raised().is_empty() {
        out.push_str("\nNothing is expected that the current level does not already expect.\n");
    }
    out
}

/// A proficiency, with its step name on a scale with names.
fn level(p: Option<dualtrack::Proficiency>, scale: &ProficiencyScale) -> String {
    p.map_or_else(|| "-".to_owned(), |p| scale.label(p))
}

fn section(
    out: &mut String,
    heading: &str,
    changes: &[ExpectationChange<'_>],
    proficiency: impl Fn(&ExpectationChange<'_>) -> String,
) {
    if changes.is_empty() {
        return;
    }
    out.push_str(&format!("\n{heading}:\n"));
    let rows: Vec<Vec<String>> = changes
        .iter()
        .map(|c| {
            let competency = c.competency();
            vec![
                competency.id().to_string(),
                proficiency(c),
                format!("{} ({})", competency.name(), competency.kind().as_str()),
            ]
        })
        .collect();
    out.push_str(&table(&rows, &[], "  "));
}
