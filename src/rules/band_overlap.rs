use std::cmp::Ordering;

use crate::decimal::ratio_text;
use crate::finding::Finding;
use crate::text::escape;
use crate::validate::Context;

declare_rule! {
    /// ### What it does
    /// Warns when too much of a band overlaps the band of the next level up
    /// its track: the overlap, as a share of the lower band's width, is above
    /// the policy `overlap` (default 60%).
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

pub(crate) fn check(cx: &mut Context<'_>) {
    let limit = cx.policy.overlap_max;
    let mut findings = Vec::new();
    for (t, track) in cx.spec.tracks.iter().enumerate() {
        for l in 1..track.levels.len() {
            let (Some(below), Some(band)) = (cx.bands[t][l - 1], cx.bands[t][l]) else {
                continue;
            };
            if below[0] >= below[2]
                || below[0] > below[1]
                || below[1] > below[2]
                || band[0] > band[2]
            {
                continue;
            }
            let width = u128::from(below[2] - below[0]);
            let overlap = u128::from(below[2].min(band[2]).saturating_sub(below[0].max(band[0])));
            if limit.compare(overlap, width) != Ordering::Greater {
                continue;
            }
            findings.push(
                Finding::new(
                    &BAND_OVERLAP,
                    cx.level_pointer(t, l).key("band").key("min"),
                    format!(
                        "band of level `{}` overlaps {} of the band of `{}` below it, above the maximum of {limit}",
                        escape(&track.levels[l].id),
                        ratio_text(overlap, width, limit),
                        escape(&track.levels[l - 1].id)
                    ),
                )
                .with_help("raise this band's min, or lower the max of the band below")
                .with_related(cx.level_pointer(t, l - 1).key("band").key("max"), "max of the level below"),
            );
        }
    }
    for finding in findings {
        cx.push(finding);
    }
}
