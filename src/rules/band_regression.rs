use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that along each track, every level's band midpoint is above the
    /// midpoint of the level below it.
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
    for (t, track) in facts.spec.tracks.iter().enumerate() {
        for l in 1..track.levels.len() {
            let (Some(below), Some(mid)) = (facts.midpoint(t, l - 1), facts.midpoint(t, l)) else {
                continue;
            };
            if mid.minor() <= below.minor() {
                sink.push(
                    Finding::new(
                        &BAND_REGRESSION,
                        facts.level_pointer(t, l).key("band").key("mid"),
                        format!(
                            "level `{}` has its midpoint at {}, not above {} of `{}` below it",
                            escape(&track.levels[l].id),
                            mid,
                            below,
                            escape(&track.levels[l - 1].id)
                        ),
                    )
                    .with_help("a higher level pays more: raise this band, or lower the one below")
                    .with_related(
                        facts.level_pointer(t, l - 1).key("band").key("mid"),
                        "midpoint of the level below",
                    ),
                );
            }
        }
    }
}
