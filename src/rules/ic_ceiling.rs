use crate::finding::{Finding, Findings};
use crate::model::TrackKind;
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that the individual-contributor track climbs at least as high as
    /// the management track: the top IC grade is not below the top management
    /// grade.
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
    let top = |kind| {
        facts
            .levels_of(kind)
            .into_iter()
            .filter_map(|(t, l, level)| Some((t, l, level, facts.grade(t, l)?)))
            .max_by_key(|(_, _, _, grade)| grade.rank())
    };
    let (Some((it, il, ic, ic_grade)), Some((mt, ml, m, m_grade))) = (
        top(TrackKind::IndividualContributor),
        top(TrackKind::Management),
    ) else {
        return;
    };
    if ic_grade >= m_grade {
        return;
    }
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
        "add IC levels up to grade {} (such as Distinguished or Fellow) so that mastery is an endpoint, not a stepping stone",
        m_grade
    ))
    .with_related(facts.level_pointer(mt, ml).key("grade"), "top management grade");
    sink.push(finding);
}
