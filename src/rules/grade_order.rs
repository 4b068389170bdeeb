use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that grades strictly increase along each track, in the order
    /// the levels are listed: as numbers, or, when the ladder declares
    /// `grades`, in the order of that scale.
    ///
    /// ### Why is this bad?
    /// The grade is the key that makes levels of different tracks equivalent.
    /// Two levels of one track at the same grade, or a level listed above a
    /// higher one, make "the next level" and every cross-track comparison
    /// meaningless.
    ///
    /// ### Example
    /// ```yaml
    /// levels:
    ///   - { id: ic3, grade: 3, ... }
    ///   - { id: ic4, grade: 3, ... }
    /// ```
    /// Use instead:
    /// ```yaml
    /// levels:
    ///   - { id: ic3, grade: 3, ... }
    ///   - { id: ic4, grade: 4, ... }
    /// ```
    GRADE_ORDER, "grade-order", Error, Invariant, "grades do not strictly increase along a track"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for (t, track) in facts.spec.tracks.iter().enumerate() {
        for (l, pair) in track.levels.windows(2).enumerate() {
            let [below, level] = pair else { continue };
            if !(facts.is_sound(t, l) && facts.is_sound(t, l + 1)) {
                continue;
            }
            let (Some(below_grade), Some(grade)) = (facts.grade(t, l), facts.grade(t, l + 1))
            else {
                continue;
            };
            if grade <= below_grade {
                sink.push(
                    Finding::new(
                        &GRADE_ORDER,
                        facts.level_pointer(t, l + 1).key("grade"),
                        format!(
                            "level `{}` has grade {}, not above grade {} of `{}` listed before it",
                            escape(&level.id),
                            grade,
                            below_grade,
                            escape(&below.id)
                        ),
                    )
                    .with_help(
                        "list the levels of a track from the lowest grade up, one grade per level",
                    )
                    .with_related(
                        facts.level_pointer(t, l).key("grade"),
                        "previous level's grade",
                    ),
                );
            }
        }
    }
}
