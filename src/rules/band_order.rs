use crate::finding::{Finding, Findings};
use crate::rules::{BandFact, Facts};
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that every band has `min <= mid <= max`.
    ///
    /// ### Why is this bad?
    /// A band whose minimum is above its maximum has no valid salary in it;
    /// it is almost always two values swapped.
    ///
    /// ### Example
    /// ```yaml
    /// band: { min: 130000, mid: 115000, max: 100000 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// band: { min: 100000, mid: 115000, max: 130000 }
    /// ```
    BAND_ORDER, "band-order", Error, Invariant, "a band's min, mid and max are not in order"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for (t, l, level) in facts.levels() {
        let BandFact::OutOfOrder { min, mid, max } = facts.band_fact(t, l) else {
            continue;
        };
        let ((above, high), (below, low)) = order(min, mid, max);
        sink.push(
            Finding::new(
                &BAND_ORDER,
                facts.level_pointer(t, l).key("band"),
                format!(
                    "band of level `{}` is out of order: {above} {high} is above {below} {low}",
                    escape(&level.id),
                ),
            )
            .with_help("a band reads `min <= mid <= max`; were two values swapped?"),
        );
    }
    for (pointer, [min, mid, max]) in facts.equity_out_of_order() {
        let ((above, high), (below, low)) = order(min, mid, max);
        sink.push(
            Finding::new(
                &BAND_ORDER,
                pointer,
                format!("equity band is out of order: {above} {high} is above {below} {low}"),
            )
            .with_help("an equity band reads `min <= mid <= max`; were two values swapped?"),
        );
    }
}

/// The first two points out of order, the higher first.
fn order(
    min: crate::Money,
    mid: crate::Money,
    max: crate::Money,
) -> ((&'static str, crate::Money), (&'static str, crate::Money)) {
    if min.minor() > max.minor() {
        (("min", min), ("max", max))
    } else if min.minor() > mid.minor() {
        (("min", min), ("mid", mid))
    } else {
        (("mid", mid), ("max", max))
    }
}
