use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that every proficiency is a whole number from 1 to 5:
    /// 1 learning, 2 practising with guidance, 3 independent, 4 leads others
    /// in it, 5 sets the standard beyond the team. Ratings files
    /// (`dualtrack assess`) use the same scale.
    ///
    /// ### Why is this bad?
    /// Assessments and readiness checks compare proficiencies on one scale; a
    /// 0 or a 7 cannot be assessed against.
    ///
    /// ### Example
    /// ```yaml
    /// expectations:
    ///   technical-depth: 7
    /// ```
    /// Use instead:
    /// ```yaml
    /// expectations:
    ///   technical-depth: 5
    /// ```
    INVALID_PROFICIENCY, "invalid-proficiency", Error, Invariant, "a proficiency is outside 1 to 5"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for (t, l, level) in facts.levels() {
        let Some(typed) = facts.level(t, l) else {
            continue;
        };
        for ((id, expectation), proficiency) in level.expectations.iter().zip(&typed.proficiencies)
        {
            if proficiency.is_some() {
                continue;
            }
            let pointer = facts.proficiency_pointer(t, l, id, expectation);
            sink.push(
                Finding::new(
                    &INVALID_PROFICIENCY,
                    pointer,
                    format!(
                        "level `{}` expects proficiency {} in `{}`, outside 1 to 5",
                        escape(&level.id),
                        expectation.proficiency,
                        escape(id)
                    ),
                )
                .with_help(
                    "proficiency runs from 1 (learning) to 5 (sets the standard beyond the team)",
                ),
            );
        }
    }
}
