use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;
use crate::{Currency, Pointer};

declare_rule! {
    /// ### What it does
    /// Checks that the ladder's `currency`, and each zone's, is an ISO 4217
    /// alphabetic code with a minor unit, written in upper case: `USD`, `EUR`,
    /// `GBP`, `JPY`, `BHD`.
    ///
    /// ### Why is this bad?
    /// The currency decides how many decimal places an amount may have and
    /// what the numbers mean; `$` or `dollars` could be any of a dozen.
    ///
    /// ### Example
    /// ```yaml
    /// currency: dollars
    /// ```
    /// Use instead:
    /// ```yaml
    /// currency: USD
    /// ```
    INVALID_CURRENCY, "invalid-currency", Error, Invariant, "a currency is not an ISO 4217 code"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let spec = facts.spec;
    let mut codes = Vec::new();
    if let (true, Some(code)) = (facts.sound.currency, &spec.currency) {
        codes.push((Pointer::root().key("currency"), code.as_str()));
    }
    for (z, zone) in spec.zones.iter().enumerate() {
        if !facts.sound.zone(z) {
            continue;
        }
        if let Some(code) = &zone.currency {
            codes.push((
                Pointer::root().key("zones").index(z).key("currency"),
                code.as_str(),
            ));
        }
    }
    for (pointer, code) in codes {
        if Currency::from_code(code).is_some() {
            continue;
        }
        let upper = code.to_ascii_uppercase();
        let help = if Currency::from_code(&upper).is_some() {
            format!("currency codes are upper case: `{upper}`")
        } else {
            "use an ISO 4217 code with a minor unit, such as `USD`, `EUR` or `GBP`".to_owned()
        };
        sink.push(
            Finding::new(
                &INVALID_CURRENCY,
                pointer,
                format!("unknown currency `{}`", escape(code)),
            )
            .with_help(help),
        );
    }
}
