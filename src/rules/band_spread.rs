use std::cmp::Ordering;

use crate::decimal::ratio_text;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Warns when a band's spread, `(max - min) / min`, is outside the policy
    /// `spread` (default 20% to 65%).
    ///
    /// ### Why is this bad?
    /// A narrow band leaves no room to grow pay within a level, so raises
    /// become promotions; a wide one makes the level mean little, and pay
    /// within it depends on negotiation rather than the ladder.
    ///
    /// ### Example
    /// ```yaml
    /// band: { min: 100000, mid: 102000, max: 105000 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// band: { min: 100000, mid: 115000, max: 130000 }
    /// ```
    BAND_SPREAD, "band-spread", Warning, Policy, "a band is narrower or wider than the policy spread"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned policy is not judged by its defaults.
    if !facts.sound.policy {
        return;
    }
    let (low, high) = (facts.policy.spread_min, facts.policy.spread_max);
    for (t, l, level) in facts.levels() {
        // A spot rate is one amount by design: it has no spread to judge.
        let Some(band) = facts.band(t, l).filter(|band| !band.is_spot()) else {
            continue;
        };
        let (min, max) = (band.min().minor(), band.max().minor());
        let width = u128::from(max - min);
        let (side, limit) = if min == 0 || high.compare(width, u128::from(min)) == Ordering::Greater
        {
            ("above the maximum", high)
        } else if low.compare(width, u128::from(min)) == Ordering::Less {
            ("below the minimum", low)
        } else {
            continue;
        };
        sink.push(
            Finding::new(
                &BAND_SPREAD,
                facts.level_pointer(t, l).key("band"),
                format!(
                    "band of level `{}` spreads {} from min to max, {side} of {limit}",
                    escape(&level.id),
                    ratio_text(width, u128::from(min), limit),
                ),
            )
            .with_help(format!(
                "the policy spread is {} to {}: widen or narrow the band, or change `policy.spread`",
                low, high
            )),
        );
    }
}
