//! `dualtrack assess`: readiness per track from a person's ratings, and the gaps.

use std::path::PathBuf;
use std::process::ExitCode;

use dualtrack::{
    Assessment, Competency, Count, Gap, Ladder, Level, LevelReadiness, PeopleAssessment,
    ProficiencyScale, ReadinessError, Track,
};

use crate::input;
use crate::output::{self, Format, table};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ladder file.
    ladder: PathBuf,
    /// The ratings file: `ladder`, optional `person`, and `ratings` from
    /// competency id to proficiency on the ladder's scale, 1..5 by default,
    /// or a step name of a named scale (see the README).
    ratings: PathBuf,
    /// Also show the gaps to this level, by its id (`em1`) or its title.
    #[arg(long, value_name = "LEVEL")]
    target: Option<String>,
    /// `human`: text for the terminal; `json`: one JSON document.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let ladder = match input::ladder(&args.ladder, args.format) {
        Ok(ladder) => ladder,
        Err(code) => return code,
    };
    if let Some(target) = &args.target
        && let Err(error) = ladder.lookup_level(target)
    {
        return output::unknown(&error, &args.ladder);
    }
    let ratings = match input::ratings(&args.ratings, &ladder, args.format) {
        Ok(ratings) => ratings,
        Err(code) => return code,
    };
    match ladder.assess(&ratings, args.target.as_deref()) {
        Ok(assessment) => output::answer(args.format, || text(&assessment), &assessment),
        Err(ReadinessError::NotFound(error)) => output::unknown(&error, &args.ladder),
        // The ratings file was checked against the ladder as it was read.
        Err(error) => output::usage(&error.to_string()),
    }
}

/// A level by its id and title, and, in a ladder with a shared trunk, where
/// a trunk level is: on the way to every track.
fn named(ladder: &Ladder, level: &Level) -> String {
    let shared = ladder
        .track_of(level.id().as_str())
        .is_some_and(Track::is_trunk);
    let on = if shared { ", on the shared trunk" } else { "" };
    format!("{}  {}{on}", level.id(), level.title())
}

fn text(assessment: &Assessment<'_>) -> String {
    let (ladder, ratings) = (assessment.ladder(), assessment.ratings());
    let who = ratings.person().unwrap_or("Ratings");
    let mut out = format!(
        "{who}, assessed against {} (`{}`): {} rated\n",
        ladder.name(),
        ladder.id(),
        Count::new(ratings.len(), "competency").plural("competencies")
    );
    for track in assessment.readiness().tracks() {
        let t = track.track();
        out.push_str(&format!("\n{} (`{}`): ", t.name(), t.id()));
        match track.ready() {
            Some(level) => out.push_str(&format!("ready for {}\n", named(ladder, level))),
            None => out.push_str("not ready for any level\n"),
        }
        let mut rows = Vec::new();
        if track.people() != PeopleAssessment::NotRequired {
            let craft = match track.craft() {
                Some(level) => format!("met up to {}", named(ladder, level)),
                None => "not met at any level".to_owned(),
            };
            rows.push(vec!["craft and leadership".to_owned(), craft]);
            let people = match (track.people(), track.people_level()) {
                (PeopleAssessment::Assessed, Some(level)) => {
                    format!("met up to {}", named(ladder, level))
                }
                (PeopleAssessment::Assessed, None) => "not met at any level".to_owned(),
                _ => format!(
                    "not assessed: rate {} to judge readiness to manage",
                    names(track.people_competencies())
                ),
            };
            rows.push(vec!["managing people".to_owned(), people]);
        }
        out.push_str(&table(&rows, &[], "  "));
        match track.next() {
            Some(next) => {
                out.push_str(&format!("  next: {}\n", named(ladder, next.level())));
                out.push_str(&gaps(next, ladder.proficiency_scale()));
            }
            None => out.push_str("  the top of the track\n"),
        }
    }
    if let Some(target) = assessment.target() {
        let level = target.level();
        out.push_str(&format!(
            "\nTarget {}  {}: {}\n",
            level.id(),
            output::titled_at_grade(level, target.track()),
            if target.is_ready() {
                "ready"
            } else {
                "not ready"
            }
        ));
        let met = |gaps: &[Gap<'_>]| match gaps.len() {
            0 => "met".to_owned(),
            n => format!("{} short", Count::new(n, "expectation")),
        };
        let mut rows = vec![vec![
            "craft and leadership".to_owned(),
            met(target.craft_gaps()),
        ]];
        rows.push(vec![
            "managing people".to_owned(),
            match target.people() {
                PeopleAssessment::NotRequired => "not required at this level".to_owned(),
                PeopleAssessment::NotAssessed => {
                    "not assessed: craft ratings do not stand in for it".to_owned()
                }
                PeopleAssessment::Assessed => met(target.people_gaps()),
                other => other.to_string(),
            },
        ]);
        out.push_str(&table(&rows, &[], "  "));
        if !target.is_ready() {
            out.push_str(&gaps(target, ladder.proficiency_scale()));
        }
    }
    out
}

/// Competencies as `a`, `a and b` or `a, b and c`, each id in backticks.
fn names(competencies: &[&Competency]) -> String {
    let ids: Vec<String> = competencies
        .iter()
        .map(|c| format!("`{}`", c.id()))
        .collect();
    match ids.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn gaps(readiness: &LevelReadiness<'_>, scale: &ProficiencyScale) -> String {
    let rows: Vec<Vec<String>> = readiness.gaps().map(|g| gap(g, scale)).collect();
    if rows.is_empty() {
        return "    every expectation met\n".to_owned();
    }
    table(&rows, &[], "    ")
}

fn gap(gap: &Gap<'_>, scale: &ProficiencyScale) -> Vec<String> {
    let assessed = match gap.assessed() {
        Some(p) => format!("assessed {}", scale.label(p)),
        None => "not assessed".to_owned(),
    };
    vec![
        gap.competency().id().to_string(),
        format!("expects {}, {assessed}", scale.label(gap.expected())),
        format!("({})", gap.competency().kind().as_str()),
    ]
}
