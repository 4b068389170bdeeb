use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that along each track, every level's band midpoint is above the
    /// midpoint of the level below it; and, in a ladder with a shared trunk,
    /// that the entry level of each track is above the trunk's top level.
    ///
    /// ### Why is this bad?
    /// A promotion that pays the same or less is not a promotion. It is
    /// usually a band copied from the level below and not updated.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic2, grade: 2, band: { min: 120000, mid: 138000, max: 156000 } }
    /// - { id: ic3, grade: 3, band: { min: 120000, mid: 138000, max: 156000 } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic2, grade: 2, band: { min: 120000, mid: 138000, max: 156000 } }
    /// - { id: ic3, grade: 3, band: { min: 145000, mid: 168000, max: 191000 } }
    /// ```
    BAND_REGRESSION, "band-regression", Error, Policy, "a level's midpoint is not above the level below it"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for step in facts.steps() {
        let [(bt, bl), (t, l)] = step;
        let (Some(below), Some(mid)) = (facts.midpoint(bt, bl), facts.midpoint(t, l)) else {
            continue;
        };
        if mid.minor() <= below.minor() {
            sink.push(
                Finding::new(
                    &BAND_REGRESSION,
                    facts.band_point(t, l, "mid"),
                    format!(
                        "level `{}` has its midpoint at {}, not above {} of `{}` {}",
                        escape(&facts.level_spec((t, l)).id),
                        mid,
                        below,
                        escape(&facts.level_spec((bt, bl)).id),
                        facts.below_it(step)
                    ),
                )
                .with_help("a higher level pays more: raise this band, or lower the one below")
                .with_related(
                    facts.band_point(bt, bl, "mid"),
                    "midpoint of the level below",
                ),
            );
        }
    }
}
