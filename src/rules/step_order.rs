use crate::Money;
use crate::finding::{Finding, Findings};
use crate::rules::{Amount, AmountAt, BandFact, Facts};
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that a band's `steps` (its pay points) each rise above the one
    /// before and lie from the band's `min` to its `max`.
    ///
    /// ### Why is this bad?
    /// A pay table moves people up one step at a time: a step that does not
    /// rise pays nothing for a year of service, and a step outside the band
    /// pays what the band says nobody at the level is paid. Either is a typo
    /// in the table or a band that no longer matches it.
    ///
    /// ### Example
    /// ```yaml
    /// band: { min: 37338, mid: 40823, max: 44962, steps: [37338, 44962, 40823] }
    /// ```
    /// Use instead:
    /// ```yaml
    /// band: { min: 37338, mid: 40823, max: 44962, steps: [37338, 40823, 44962] }
    /// ```
    STEP_ORDER, "step-order", Error, Invariant, "a band's steps do not rise, or lie outside the band"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for (t, l, level) in facts.levels() {
        // A band out of order is `band-order`'s; steps are judged in one
        // that reads.
        let BandFact::Ordered(band) = facts.band_fact(t, l) else {
            continue;
        };
        let Some(typed) = facts.level(t, l) else {
            continue;
        };
        let id = escape(&level.id);
        let mut before: Option<(usize, Money)> = None;
        for &(at, _, read) in &typed.amounts {
            let (AmountAt::Step(i), Amount::Money(step)) = (at, read) else {
                continue;
            };
            if sink.is_full() {
                return;
            }
            let pointer = at.below(facts.level_pointer(t, l));
            let step_no = i + 1;
            if step < band.min() || step > band.max() {
                let (side, bound, key) = if step < band.min() {
                    ("below the band's min", band.min(), "min")
                } else {
                    ("above the band's max", band.max(), "max")
                };
                sink.push(
                    Finding::new(
                        &STEP_ORDER,
                        pointer,
                        format!("step {step_no} of level `{id}` is {step}, {side} {bound}"),
                    )
                    .with_help(format!(
                        "every step lies from the band's min to its max: correct the step, or the band's `{key}`"
                    ))
                    .with_related(facts.level_pointer(t, l).key("band").key(key), format!("the band's {key}")),
                );
            } else if let Some((j, previous)) = before.filter(|(_, previous)| step <= *previous) {
                sink.push(
                    Finding::new(
                        &STEP_ORDER,
                        pointer,
                        format!(
                            "step {step_no} of level `{id}` is {step}, not above step {} ({previous})",
                            j + 1
                        ),
                    )
                    .with_help("list the steps lowest first, each higher than the one before")
                    .with_related(
                        facts.level_pointer(t, l).key("band").key("steps").index(j),
                        format!("step {}", j + 1),
                    ),
                );
            }
            before = Some((i, step));
        }
    }
}
