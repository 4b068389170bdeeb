use std::cmp::Ordering;

use crate::decimal::ratio_text;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Warns when the step between the midpoints of two consecutive levels of
    /// a track, `(mid - mid below) / mid below`, is outside the policy
    /// `progression` (default 5% to 30%). A midpoint that does not rise at
    /// all is `band-regression` instead. In a ladder with a shared trunk, the
    /// step from the trunk's top level into the entry level of each track is
    /// checked too: a cliff at the split is worth a look.
    ///
    /// ### Why is this bad?
    /// A tiny step makes a promotion meaningless; a huge one makes it a cliff,
    /// and usually means a level is missing in between.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic1, grade: 1, band: { min: 100000, mid: 115000, max: 130000 } }
    /// - { id: ic2, grade: 2, band: { min: 150000, mid: 175000, max: 200000 } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic1, grade: 1, band: { min: 100000, mid: 115000, max: 130000 } }
    /// - { id: ic2, grade: 2, band: { min: 120000, mid: 138000, max: 156000 } }
    /// ```
    MIDPOINT_PROGRESSION, "midpoint-progression", Warning, Policy, "the midpoint step between two levels is outside the policy"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned policy is not judged by its defaults.
    if !facts.sound.policy {
        return;
    }
    let (low, high) = (facts.policy.progression_min, facts.policy.progression_max);
    for step in facts.steps() {
        let [(bt, bl), (t, l)] = step;
        let (Some(below), Some(mid)) = (facts.midpoint(bt, bl), facts.midpoint(t, l)) else {
            continue;
        };
        let (from, to) = (u128::from(below.minor()), u128::from(mid.minor()));
        if to <= from || from == 0 {
            continue;
        }
        let step_up = to - from;
        let (side, limit) = if high.compare(step_up, from) == Ordering::Greater {
            ("above the maximum", high)
        } else if low.compare(step_up, from) == Ordering::Less {
            ("below the minimum", low)
        } else {
            continue;
        };
        sink.push(
            Finding::new(
                &MIDPOINT_PROGRESSION,
                facts.band_point(t, l, "mid"),
                format!(
                    "midpoint of level `{}` is {} above `{}`{}, {side} step of {limit}",
                    escape(&facts.level_spec((t, l)).id),
                    ratio_text(step_up, from, limit),
                    escape(&facts.level_spec((bt, bl)).id),
                    if bt == t { "" } else { " at the top of the trunk" }
                ),
            )
            .with_help(format!(
                "the policy progression is {low} to {high} per level: adjust the band, or change `policy.progression`"
            ))
            .with_related(facts.band_point(bt, bl, "mid"), "midpoint of the level below"),
        );
    }
}
