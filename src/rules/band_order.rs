use crate::finding::Finding;
use crate::text::escape;
use crate::validate::{BAND_POINTS, Context};

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

pub(crate) fn check(cx: &mut Context<'_>) {
    let mut findings = Vec::new();
    for (t, l, level) in cx.levels() {
        let Some(band) = cx.bands[t][l] else { continue };
        let pair = [(0, 2), (0, 1), (1, 2)]
            .into_iter()
            .find(|&(a, b)| band[a] > band[b]);
        if let Some((a, b)) = pair {
            findings.push(
                Finding::new(
                    &BAND_ORDER,
                    cx.level_pointer(t, l).key("band"),
                    format!(
                        "band of level `{}` is out of order: {} {} is above {} {}",
                        escape(&level.id),
                        BAND_POINTS[a],
                        cx.money(band[a]),
                        BAND_POINTS[b],
                        cx.money(band[b])
                    ),
                )
                .with_help("a band reads `min <= mid <= max`; were two values swapped?"),
            );
        }
    }
    for finding in findings {
        cx.push(finding);
    }
}
