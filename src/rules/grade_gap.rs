use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Warns when two consecutive levels of a track skip a grade (grade 3,
    /// then grade 5). A track may start at any grade.
    ///
    /// ### Why is this bad?
    /// A skipped grade is usually a missing level: the promotion from one
    /// level to the next is then twice the usual step, and the other track's
    /// level at the skipped grade has no counterpart.
    ///
    /// ### Example
    /// ```yaml
    /// levels:
    ///   - { id: ic3, grade: 3, ... }
    ///   - { id: ic5, grade: 5, ... }
    /// ```
    /// Use instead:
    /// ```yaml
    /// levels:
    ///   - { id: ic3, grade: 3, ... }
    ///   - { id: ic4, grade: 4, ... }
    ///   - { id: ic5, grade: 5, ... }
    /// ```
    GRADE_GAP, "grade-gap", Warning, Policy, "a track skips a grade between two levels"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for (t, track) in facts.spec.tracks.iter().enumerate() {
        for (l, pair) in track.levels.windows(2).enumerate() {
            let [below, level] = pair else { continue };
            if !(facts.is_sound(t, l) && facts.is_sound(t, l + 1)) {
                continue;
            }
            if level.grade > below.grade.saturating_add(1) {
                let skipped = if level.grade - below.grade == 2 {
                    format!("grade {}", below.grade + 1)
                } else {
                    format!("grades {} to {}", below.grade + 1, level.grade - 1)
                };
                sink.push(
                    Finding::new(
                        &GRADE_GAP,
                        facts.level_pointer(t, l + 1).key("grade"),
                        format!(
                            "track `{}` skips {skipped} between `{}` and `{}`",
                            escape(&track.id),
                            escape(&below.id),
                            escape(&level.id)
                        ),
                    )
                    .with_help("add the missing level, or renumber the grades")
                    .with_related(
                        facts.level_pointer(t, l).key("grade"),
                        "previous level's grade",
                    ),
                );
            }
        }
    }
}
