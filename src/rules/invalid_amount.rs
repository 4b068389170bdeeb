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
    for (pointer, amount, read) in facts.pay_amounts() {
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
