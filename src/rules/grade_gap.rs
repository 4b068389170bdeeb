use crate::finding::{Finding, Findings};
use crate::model::Grade;
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Warns when two consecutive levels of a track skip a grade (grade 3,
    /// then grade 5), or when a track starts more than one grade above the
    /// top of the shared trunk that leads into it. Without a trunk, a track
    /// may start at any grade.
    ///
    /// When the ladder declares its grade scale (`grades`), the gap is
    /// judged against the scale: a level skips a grade when the scale lists
    /// one between it and the level below. A grade the ladder has no level
    /// at by design (no grade 13, a series that moves two grades at a time)
    /// is simply left out of the scale: `grades: [1, 2, 3, 5]` for a ladder
    /// with no grade 4.
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
    // Against a scale, only a sound one that lists each grade once.
    if facts.grade_scale.is_some()
        && !(facts.sound.grades && facts.grade_scale.as_ref().is_some_and(|s| s.is_unique()))
    {
        return;
    }
    for step in facts.steps() {
        let [(bt, bl), (t, l)] = step;
        if !(facts.is_sound(bt, bl) && facts.is_sound(t, l)) {
            continue;
        }
        let (Some(below_grade), Some(grade)) = (facts.grade(bt, bl), facts.grade(t, l)) else {
            continue;
        };
        let (below_rank, rank) = (below_grade.rank(), grade.rank());
        if rank <= below_rank.saturating_add(1) {
            continue;
        }
        let (below, level) = (facts.level_spec((bt, bl)), facts.level_spec((t, l)));
        let track = &facts.spec.tracks[t];
        // The skipped grades: numbers, or the scale's labels.
        let name = |rank: u32| match &facts.grade_scale {
            Some(scale) => usize::try_from(rank)
                .ok()
                .and_then(|i| scale.grades.get(i))
                .map(Grade::to_string)
                .unwrap_or_default(),
            None => rank.to_string(),
        };
        let skipped = if rank - below_rank == 2 {
            format!("grade {}", name(below_rank + 1))
        } else {
            format!("grades {} to {}", name(below_rank + 1), name(rank - 1))
        };
        let help = match facts.grade_scale {
            Some(_) => {
                "add the missing level; or, when the ladder has no such grade by design, leave it out of `grades`"
            }
            None => "add the missing level, or renumber the grades",
        };
        let message = if bt == t {
            format!(
                "track `{}` skips {skipped} between `{}` and `{}`",
                escape(&track.id),
                escape(&below.id),
                escape(&level.id)
            )
        } else {
            format!(
                "track `{}` skips {skipped} between `{}`, the top of the trunk, and its first level `{}`",
                escape(&track.id),
                escape(&below.id),
                escape(&level.id)
            )
        };
        let related = if bt == t {
            "previous level's grade"
        } else {
            "the top of the trunk"
        };
        sink.push(
            Finding::new(&GRADE_GAP, facts.level_pointer(t, l).key("grade"), message)
                .with_help(help)
                .with_related(facts.level_pointer(bt, bl).key("grade"), related),
        );
    }
}
