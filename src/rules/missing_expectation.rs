use std::collections::{HashMap, HashSet};

use crate::choice::CompetencyKind;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::spec::CompetencySpec as Competency;
use crate::text::escape;
use crate::text::{did_you_mean, names};

declare_rule! {
    /// ### What it does
    /// Warns when a level sets no expectation on a competency that applies
    /// to its track: `craft` and `leadership` competencies apply to every
    /// track, `people` competencies to management tracks only, unless the
    /// competency is scoped to some tracks by its `tracks` (then to those
    /// only; a level never needs a competency scoped away from its track).
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
    // Whether competency `c` applies to a level of track `t`: in its scope
    // (by `tracks`, or by its kind), and for a `people` competency, whether
    // that level sets any `people` competency.
    let applies = |c: usize, t: usize, assessed: bool| {
        let competency: &Competency = &spec.competencies[c];
        used.contains(competency.id.as_str())
            && facts.applies(c, t)
            && (competency.kind != CompetencyKind::People || assessed)
    };
    // Per track, how many competencies apply in each of the two cases (no
    // `people` expectation, some); per id, the competencies with it, so
    // that each level is checked in the time of its own expectations.
    let applicable: Vec<[usize; 2]> = (0..spec.tracks.len())
        .map(|t| {
            [false, true].map(|assessed| {
                (0..spec.competencies.len())
                    .filter(|&c| applies(c, t, assessed))
                    .count()
            })
        })
        .collect();
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (c, competency) in spec.competencies.iter().enumerate() {
        by_id.entry(competency.id.as_str()).or_default().push(c);
    }
    let known: Vec<&str> = spec.competencies.iter().map(|c| c.id.as_str()).collect();
    let help = match &facts.scale {
        Ok(scale) if !scale.is_default() => format!(
            "say what each competency of the track looks like at this level, with a proficiency from {scale}"
        ),
        _ => "say what each competency of the track looks like at this level, with a proficiency from 1 to 5".to_owned(),
    };
    for (t, l, level) in facts.levels() {
        if sink.is_full() {
            break;
        }
        let assessed = level.expectations.iter().any(|(id, _)| is_people(id));
        let case = usize::from(assessed);
        let expected: HashSet<&str> = level
            .expectations
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        let set: usize = expected
            .iter()
            .filter_map(|id| by_id.get(id))
            .flatten()
            .filter(|&&c| applies(c, t, assessed))
            .count();
        if set >= applicable[t][case] {
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
            .enumerate()
            .filter(|(c, _)| applies(*c, t, assessed))
            .filter(|(_, c)| !expected.contains(c.id.as_str()) && !meant.contains(c.id.as_str()))
            .map(|(_, c)| c.id.as_str())
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
            .with_help(help.clone()),
        );
    }
}
