//! The `invalid-amount` rule is declared with the reading rules (the decoder
//! reports amounts that are not plain decimals); this is its check on a decoded
//! ladder: an amount too large to hold in minor units.

use crate::finding::reading::INVALID_AMOUNT;
use crate::finding::{Finding, Findings};
use crate::rules::{Amount, Facts};

/// Amounts that parse but do not fit in `u64` minor units of the currency.
pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let Some(currency) = facts.currency else {
        return;
    };
    // Every amount of each band as written (min, mid, max and steps, or its
    // spot rate), then the variable pay amounts and equity bands.
    let mut amounts = Vec::new();
    for (t, l, _) in facts.levels() {
        let Some(typed) = facts.level(t, l) else {
            continue;
        };
        for &(at, amount, read) in &typed.amounts {
            amounts.push((at.below(facts.level_pointer(t, l)), amount, read));
        }
    }
    // Variable pay amounts and equity bands, on levels and tracks.
    amounts.extend(facts.pay_amounts());
    for (pointer, amount, read) in amounts {
        if matches!(read, Amount::TooLarge) {
            sink.push(
                Finding::new(
                    &INVALID_AMOUNT,
                    pointer,
                    format!("amount `{amount}` is too large to hold in {currency}"),
                )
                .with_help("amounts are held in minor units up to 18446744073709551615"),
            );
        }
    }
}
