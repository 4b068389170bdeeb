use std::collections::{HashMap, HashSet};

use crate::finding::{Finding, Findings};
use crate::model::{CompetencyKind, TrackKind};
use crate::rules::Facts;
use crate::spec::CompetencySpec as Competency;
use crate::text::escape;
use crate::text::{did_you_mean, names};

declare_rule! {
    /// ### What it does
    /// Warns when a level sets no expectation on a competency that applies
    /// to its track: `craft` and `leadership` competencies apply to every
    /// track, `people` competencies to management tracks only.
    ///
    /// A competency no level uses is left to `unused-competency`, and a
    /// management level with no `people` expectation at all to
    /// `unassessed-management`, and a competency whose id the level
    /// misspells to `unknown-competency`, so that one mistake is one finding.
    ///
    /// ### Why is this bad?
    /// A level that is silent on a competency cannot be assessed on it, so
    /// promotion decisions fall back on whoever argues best.
    ///
    /// ### Example
    /// ```yaml
    /// competencies: [technical-depth, collaboration]   # (abridged)
    /// - id: ic2
    ///   expectations:
    ///     technical-depth: 2
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic2
    ///   expectations:
    ///     technical-depth: 2
    ///     collaboration: 2
    /// ```
    MISSING_EXPECTATION, "missing-expectation", Warning, Policy, "a level says nothing about a competency of its track"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned competency's kind decides where the others apply.
    if !facts.sound.all_competencies {
        return;
    }
    let spec = facts.spec;
    let used: HashSet<&str> = facts
        .levels()
        .flat_map(|(_, _, level)| level.expectations.iter().map(|(id, _)| id.as_str()))
        .collect();
    let is_people = |id: &str| {
        facts
            .competencies
            .get(id)
            .is_some_and(|&c| spec.competencies[c].kind == CompetencyKind::People)
    };
    // Whether competency `c` applies to a level: on a management track, and
    // whether that level sets any `people` competency.
    let applies = |c: &Competency, management: bool, assessed: bool| {
        used.contains(c.id.as_str())
            && (c.kind != CompetencyKind::People || (management && assessed))
    };
    // Per id, how many competencies with it apply in each of the three cases,
    // so that each level is checked in the time of its own expectations.
    const CASES: [(bool, bool); 3] = [(false, false), (true, false), (true, true)];
    let mut applicable = [0usize; 3];
    let mut by_id: HashMap<&str, [usize; 3]> = HashMap::new();
    for c in &spec.competencies {
        for (case, &(management, assessed)) in CASES.iter().enumerate() {
            if applies(c, management, assessed) {
                applicable[case] += 1;
                by_id.entry(c.id.as_str()).or_default()[case] += 1;
            }
        }
    }
    let known: Vec<&str> = spec.competencies.iter().map(|c| c.id.as_str()).collect();
    for (t, l, level) in facts.levels() {
        if sink.is_full() {
            break;
        }
        let management = spec.tracks[t].kind == TrackKind::Management;
        let assessed = level.expectations.iter().any(|(id, _)| is_people(id));
        let case = match (management, assessed) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        let expected: HashSet<&str> = level
            .expectations
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        let set: usize = expected
            .iter()
            .filter_map(|id| by_id.get(id))
            .map(|counts| counts[case])
            .sum();
        if set >= applicable[case] {
            continue;
        }
        // A misspelt id (`unknown-competency`) is the expectation it meant:
        // that one is not missing too.
        let meant: HashSet<&str> = expected
            .iter()
            .filter(|id| !facts.competencies.contains_key(*id))
            .filter_map(|id| did_you_mean(id, &known))
            .collect();
        let missing: Vec<&str> = spec
            .competencies
            .iter()
            .filter(|c| applies(c, management, assessed))
            .filter(|c| !expected.contains(c.id.as_str()) && !meant.contains(c.id.as_str()))
            .map(|c| c.id.as_str())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let pointer = if level.expectations.is_empty() {
            facts.level_pointer(t, l)
        } else {
            facts.level_pointer(t, l).key("expectations")
        };
        sink.push(
            Finding::new(
                &MISSING_EXPECTATION,
                pointer,
                format!(
                    "level `{}` sets no expectation for {}",
                    escape(&level.id),
                    names(&missing, ", ")
                ),
            )
            .with_help("say what each competency of the track looks like at this level, with a proficiency from 1 to 5"),
        );
    }
}
