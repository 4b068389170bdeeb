use crate::Money;
use crate::finding::{Finding, Findings};
use crate::rules::{Amount, Facts};

declare_rule! {
    /// ### What it does
    /// Checks that no amount has more decimal places than its currency's
    /// minor unit: none for JPY, two for USD, EUR and GBP, three for BHD.
    ///
    /// ### Why is this bad?
    /// Nobody can be paid 130000.005 USD. An extra digit is a typo or a value
    /// computed somewhere else and pasted without rounding; either way the
    /// band is not what it says.
    ///
    /// ### Example
    /// ```yaml
    /// currency: USD
    /// ...
    /// band: { min: 100000.005, mid: 115000, max: 130000 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// currency: USD
    /// ...
    /// band: { min: 100000.01, mid: 115000, max: 130000 }
    /// ```
    CURRENCY_PRECISION, "currency-precision", Error, Invariant, "an amount has more decimal places than its currency"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let Some(currency) = facts.currency else {
        return;
    };
    let digits = currency.minor_digits();
    let allowed = match digits {
        0 => "none".to_owned(),
        n => n.to_string(),
    };
    for (pointer, amount, read) in facts.pay_amounts() {
        if matches!(read, Amount::TooPrecise) {
            sink.push(
                Finding::new(
                    &CURRENCY_PRECISION,
                    pointer,
                    format!(
                        "amount `{amount}` has {} decimal places, but {currency} has {allowed}",
                        amount.scale()
                    ),
                )
                .with_help(if amount.scale() == 3 && amount.mantissa() < 1_000_000 {
                    // `72.000` in EUR: a dot written as a thousands
                    // separator (an amount under 1000 with three places).
                    let small = match Money::from_decimal(amount, currency) {
                        Ok(money) => format!("if you meant {money}, write `{}`", money.amount()),
                        Err(_) => format!("otherwise round it to {allowed} decimal places"),
                    };
                    format!(
                        "a dot followed by three digits reads here as a thousands separator: write `{}` (numbers take no separators); {small}",
                        amount.mantissa()
                    )
                } else {
                    format!("round it to the {currency} minor unit")
                }),
            );
        }
    }
}
