use std::cmp::Ordering;

use crate::decimal::ratio_text;
use crate::finding::Finding;
use crate::text::escape;
use crate::validate::Context;

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

pub(crate) fn check(cx: &mut Context<'_>) {
    let (low, high) = (cx.policy.spread_min, cx.policy.spread_max);
    let mut findings = Vec::new();
    for (t, l, level) in cx.levels() {
        let Some([min, mid, max]) = cx.bands[t][l] else {
            continue;
        };
        if min > mid || mid > max {
            continue;
        }
        let width = u128::from(max - min);
        let (side, limit) = if min == 0 || high.compare(width, u128::from(min)) == Ordering::Greater
        {
            ("above the maximum", high)
        } else if low.compare(width, u128::from(min)) == Ordering::Less {
            ("below the minimum", low)
        } else {
            continue;
        };
        findings.push(
            Finding::new(
                &BAND_SPREAD,
                cx.level_pointer(t, l).key("band"),
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
    for finding in findings {
        cx.push(finding);
    }
}
