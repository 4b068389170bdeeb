use std::collections::HashSet;

use crate::choice::{CompetencyKind, TrackKind};
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that every management level sets an expectation on at least one
    /// `people` competency that applies to its track (a `people` competency
    /// scoped by `tracks` to other management tracks does not count).
    ///
    /// ### Why is this bad?
    /// Management is a different job, not the next level of the craft.
    /// Readiness to lead (putting team outcomes first, delegating without
    /// abdicating, giving honest feedback) must be assessed on its own; a
    /// management level that only lists craft expectations promotes the best
    /// engineer instead of the best manager.
    ///
    /// ### Example
    /// ```yaml
    /// - id: em1
    ///   expectations:
    ///     technical-depth: 3
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: em1
    ///   expectations:
    ///     technical-depth: 3
    ///     people-development: 3
    /// ```
    UNASSESSED_MANAGEMENT, "unassessed-management", Error, Policy, "a management level sets no people competency"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned competency may be the people competency a level sets.
    if !facts.sound.all_competencies {
        return;
    }
    let spec = facts.spec;
    // Per track, the people competencies that apply to it.
    let by_track: Vec<(Vec<&str>, HashSet<&str>)> = (0..spec.tracks.len())
        .map(|t| {
            let people: Vec<&str> = spec
                .competencies
                .iter()
                .enumerate()
                .filter(|(c, competency)| {
                    competency.kind == CompetencyKind::People && facts.applies(*c, t)
                })
                .map(|(_, c)| c.id.as_str())
                .collect();
            let set = people.iter().copied().collect();
            (people, set)
        })
        .collect();
    for (t, l, level) in facts.levels_of(TrackKind::Management) {
        if sink.is_full() {
            break;
        }
        let (people, is_people) = &by_track[t];
        if level
            .expectations
            .iter()
            .any(|(id, _)| is_people.contains(id.as_str()))
        {
            continue;
        }
        let pointer = if level.expectations.is_empty() {
            facts.level_pointer(t, l)
        } else {
            facts.level_pointer(t, l).key("expectations")
        };
        let help = if people.is_empty() {
            "define a competency with `kind: people` (such as people development or hiring) and set it here".to_owned()
        } else {
            format!(
                "readiness to lead is assessed on its own: set an expectation for {}",
                crate::text::names(people, " or ")
            )
        };
        sink.push(
            Finding::new(
                &UNASSESSED_MANAGEMENT,
                pointer,
                format!(
                    "management level `{}` sets no `people` competency",
                    escape(&level.id)
                ),
            )
            .with_help(help),
        );
    }
}
