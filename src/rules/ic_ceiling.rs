use std::collections::BTreeMap;

use crate::Grade;
use crate::choice::TrackKind;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::spec::LevelSpec;
use crate::text::{and_list, escape};

declare_rule! {
    /// ### What it does
    /// Checks that the individual-contributor track climbs at least as high as
    /// the management track: the top IC grade is not below the top management
    /// grade. Executive levels (`executive: true`, a CEO or EVP grade) are
    /// left out on both sides.
    ///
    /// ### Why is this bad?
    /// If the IC track stops at staff while management goes on to VP, the
    /// only way up leads away from the craft, and the best practitioners are
    /// "rewarded" with a job they did not want. Mastery must be an endpoint,
    /// not a stepping stone.
    ///
    /// ### Example
    /// ```yaml
    /// # IC: ic1 (1) .. ic5 (5); management: em1 (4) .. vp (8)
    /// ```
    /// Use instead:
    /// ```yaml
    /// # IC: ic1 (1) .. ic8 Fellow (8); management: em1 (4) .. vp (8)
    /// ```
    IC_CEILING, "ic-ceiling", Error, Policy, "the IC track stops below the management track's top grade"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned level or track may be the top of its track.
    if !(facts.sound.all_tracks_and_levels() && facts.all_graded) {
        return;
    }
    // Executive levels are outside parity: no IC level is meant to match
    // them. Each level with its grade.
    let levels = |kind| {
        facts
            .levels_of(kind)
            .into_iter()
            .filter(|(_, _, level)| !level.executive)
            .filter_map(|(t, l, level)| Some((t, l, level, facts.grade(t, l)?)))
            .collect::<Vec<_>>()
    };
    let management = levels(TrackKind::Management);
    let (Some((it, il, ic, ic_grade)), Some((mt, ml, m, m_grade))) = (
        top(&levels(TrackKind::IndividualContributor)),
        top(&management),
    ) else {
        return;
    };
    if ic_grade >= m_grade {
        return;
    }
    // The grades management reaches and the IC track does not, each with
    // the management levels there.
    let mut missing: BTreeMap<&Grade, Vec<&str>> = BTreeMap::new();
    for (_, _, level, grade) in &management {
        if *grade > ic_grade {
            missing.entry(*grade).or_default().push(&level.id);
        }
    }
    let grades: Vec<String> = missing.keys().map(ToString::to_string).collect();
    let ids: Vec<String> = missing
        .values()
        .flatten()
        .map(|id| format!("`{}`", escape(id)))
        .collect();
    let what = match grades.len() {
        1 => format!("an IC level at grade {}", grades.join("")),
        _ => format!("IC levels at grades {}", and_list(&grades)),
    };
    let finding = Finding::new(
        &IC_CEILING,
        facts.level_pointer(it, il).key("grade"),
        format!(
            "the IC track tops out at grade {} (`{}`), below the management top grade {} (`{}`)",
            ic_grade,
            escape(&ic.id),
            m_grade,
            escape(&m.id)
        ),
    )
    .with_help(format!(
        "add {what}, where management has {}, so that mastery is an endpoint, not a stepping stone; mark a level `executive: true` only when no IC level is meant to match it, such as a CEO",
        and_list(&ids)
    ))
    .with_related(facts.level_pointer(mt, ml).key("grade"), "top management grade");
    sink.push(finding);
}

/// A level with its grade.
type Graded<'s> = (usize, usize, &'s LevelSpec, &'s Grade);

/// The level of highest grade, the first of them.
fn top<'s>(levels: &[Graded<'s>]) -> Option<Graded<'s>> {
    levels.iter().max_by_key(|l| l.3.rank()).copied()
}
