use crate::choice::TrackKind;
use crate::finding::{Finding, Findings};
use crate::model::Grade;
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Warns when a management level at or above `policy.parity.from_grade`
    /// has no IC level of the same grade. Grades above the IC track's top are
    /// left to `ic-ceiling`; executive levels (`executive: true`) and the
    /// levels of the shared trunk need no counterpart.
    ///
    /// ### Why is this bad?
    /// Parity cannot be checked against a level that does not exist, and the
    /// grade tells engineers that beyond a point, only managers are valued.
    ///
    /// ### Example
    /// ```yaml
    /// # IC: ... ic6 (6), ic8 (8); management: ... dir2 (7)
    /// ```
    /// Use instead:
    /// ```yaml
    /// # IC: ... ic6 (6), ic7 (7), ic8 (8); management: ... dir2 (7)
    /// ```
    MISSING_COUNTERPART, "missing-counterpart", Warning, Policy, "a senior management grade has no IC level"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned level or track may be the counterpart, and the policy
    // decides where parity starts.
    if !(facts.sound.all_tracks_and_levels() && facts.sound.policy && facts.all_graded) {
        return;
    }
    let from = facts.policy.parity_from_grade.rank();
    let ic_grades: std::collections::HashSet<u32> = facts
        .levels_of(TrackKind::IndividualContributor)
        .iter()
        .filter_map(|l| facts.grade(l.0, l.1).map(Grade::rank))
        .collect();
    let ic_top = ic_grades.iter().copied().max().unwrap_or(0);
    for (t, l, level) in facts.levels_of(TrackKind::Management) {
        // An executive level is outside parity: it has no counterpart by design.
        if level.executive {
            continue;
        }
        let Some(grade) = facts.grade(t, l) else {
            continue;
        };
        let rank = grade.rank();
        if rank >= from && rank <= ic_top && !ic_grades.contains(&rank) {
            sink.push(
                Finding::new(
                    &MISSING_COUNTERPART,
                    facts.level_pointer(t, l).key("grade"),
                    format!(
                        "management level `{}` (grade {}) has no IC level of the same grade",
                        escape(&level.id),
                        grade
                    ),
                )
                .with_help(format!(
                    "add an IC level at grade {} to keep the tracks side by side",
                    grade
                )),
            );
        }
    }
}
