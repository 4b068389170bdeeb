use std::cmp::Ordering;

use crate::Band;
use crate::decimal::ratio_text;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Warns when too much of a band overlaps the band of the next level up
    /// its track: the overlap, as a share of the lower band's width, is above
    /// the policy `overlap` (default 60%). In a ladder with a shared trunk,
    /// the entry level of each track is compared with the trunk's top level.
    ///
    /// ### Why is this bad?
    /// Some overlap lets an experienced person at one level earn more than a
    /// new one at the next. Too much means the two levels pay the same, and
    /// promotion changes a title but not pay.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic1, grade: 1, band: { min: 100000, mid: 115000, max: 130000 } }
    /// - { id: ic2, grade: 2, band: { min: 105000, mid: 121000, max: 137000 } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic1, grade: 1, band: { min: 100000, mid: 115000, max: 130000 } }
    /// - { id: ic2, grade: 2, band: { min: 120000, mid: 138000, max: 156000 } }
    /// ```
    BAND_OVERLAP, "band-overlap", Warning, Policy, "a band overlaps the next level's band more than the policy allows"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned policy is not judged by its defaults.
    if !facts.sound.policy {
        return;
    }
    let limit = facts.policy.overlap_max;
    for step in facts.steps() {
        let [(bt, bl), (t, l)] = step;
        let (Some(below), Some(band)) = (facts.band(bt, bl), facts.band(t, l)) else {
            continue;
        };
        if below.is_spot() || band.is_spot() {
            spot_overlap(facts, step, below, band, sink);
            continue;
        }
        let (below_min, below_max) = (below.min().minor(), below.max().minor());
        if below_min == below_max {
            continue;
        }
        let width = u128::from(below_max - below_min);
        let top = below_max.min(band.max().minor());
        let bottom = below_min.max(band.min().minor());
        let overlap = u128::from(top.saturating_sub(bottom));
        if limit.compare(overlap, width) != Ordering::Greater {
            continue;
        }
        sink.push(
            Finding::new(
                &BAND_OVERLAP,
                facts.band_point(t, l, "min"),
                format!(
                    "band of level `{}` overlaps {} of the band of `{}` {}, above the maximum of {limit}",
                    escape(&facts.level_spec((t, l)).id),
                    ratio_text(overlap, width, limit),
                    escape(&facts.level_spec((bt, bl)).id),
                    facts.below_it(step)
                ),
            )
            .with_help("raise this band's min, or lower the max of the band below")
            .with_related(facts.band_point(bt, bl, "max"), "max of the level below"),
        );
    }
}

/// A spot rate is one amount, so its overlap is all or nothing: a spot rate
/// below the next level's minimum, or a range below whose maximum stays under
/// the next level's spot rate, overlaps nothing; otherwise someone at the
/// lower level is paid more than someone at the next. Two spot rates are
/// `band-regression`'s to compare.
fn spot_overlap(
    facts: &Facts<'_>,
    step: [(usize, usize); 2],
    below: Band,
    band: Band,
    sink: &mut Findings,
) {
    let [(bt, bl), (t, l)] = step;
    let id = |at| escape(&facts.level_spec(at).id);
    let (message, help) = match (below.is_spot(), band.is_spot()) {
        (true, false) if below.mid() > band.min() => (
            format!(
                "band of level `{}` starts at {}, below the spot rate {} of `{}` {}",
                id((t, l)),
                band.min(),
                below.mid(),
                id((bt, bl)),
                facts.below_it(step)
            ),
            "raise this band's min to the rate below it at least",
        ),
        (false, true) if below.max() > band.mid() => (
            format!(
                "spot rate {} of level `{}` lies inside the band of `{}` {}, which reaches {}",
                band.mid(),
                id((t, l)),
                id((bt, bl)),
                facts.below_it(step),
                below.max()
            ),
            "raise this rate above the max of the band below, or lower that max",
        ),
        _ => return,
    };
    sink.push(
        Finding::new(&BAND_OVERLAP, facts.band_point(t, l, "min"), message)
            .with_help(help)
            .with_related(facts.band_point(bt, bl, "max"), "pay of the level below"),
    );
}
