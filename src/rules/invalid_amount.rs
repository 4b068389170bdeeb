use crate::finding::Finding;
use crate::validate::{BAND_POINTS, Context};

declare_rule! {
    /// ### What it does
    /// Checks that every amount is a plain, non-negative decimal number:
    /// `130000`, `"130000.00"`, `35.50`. Negative numbers, exponents (`1e5`),
    /// hexadecimal or octal (`0x1F`), digit separators (`12_000`,
    /// `120.000,00`), `.nan`, `.inf`, leading zeros and text such as `"$120k"`
    /// are refused, and so is an amount too large to hold in minor units.
    ///
    /// ### Why is this bad?
    /// Money is exact. Every other spelling is either ambiguous (is
    /// `120.000,00` 120 or 120000?) or would pass through a floating-point
    /// number and come out slightly different.
    ///
    /// ### Example
    /// ```yaml
    /// band: { min: 1e5, mid: "$115k", max: 130_000 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// band: { min: 100000, mid: 115000, max: 130000 }
    /// ```
    INVALID_AMOUNT, "invalid-amount", Error, Invariant, "an amount is not a plain non-negative decimal number"
}

/// Amounts that parse but do not fit in `u64` minor units of the currency.
pub(crate) fn check(cx: &mut Context<'_>) {
    let Some(currency) = cx.currency else { return };
    let digits = currency.minor_digits();
    let mut findings = Vec::new();
    for (t, l, level) in cx.levels() {
        let b = level.band;
        for (name, amount) in BAND_POINTS.into_iter().zip([b.min, b.mid, b.max]) {
            if amount.scale() <= digits && amount.to_scale(digits).is_none() {
                findings.push(
                    Finding::new(
                        &INVALID_AMOUNT,
                        cx.level_pointer(t, l).key("band").key(name),
                        format!("amount `{amount}` is too large to hold in {currency}"),
                    )
                    .with_help("amounts are held in minor units up to 18446744073709551615"),
                );
            }
        }
    }
    for finding in findings {
        cx.push(finding);
    }
}
