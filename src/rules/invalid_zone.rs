use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;
use crate::{Currency, Pointer};

declare_rule! {
    /// ### What it does
    /// Checks that each zone can turn base bands into zone bands: its
    /// `factor` is above zero; a zone paying in another currency gives the
    /// `rate` (units of the zone currency per unit of the base currency), and
    /// it is above zero; a zone paying in the base currency gives no `rate`.
    ///
    /// ### Why is this bad?
    /// Without a rate the zone bands cannot be computed; a zero factor pays
    /// nothing; a rate on a zone in the base currency would be silently
    /// ignored.
    ///
    /// ### Example
    /// ```yaml
    /// zones:
    ///   - id: london
    ///     name: London
    ///     factor: 0.8
    ///     currency: GBP
    /// ```
    /// Use instead:
    /// ```yaml
    /// zones:
    ///   - id: london
    ///     name: London
    ///     factor: 0.8
    ///     currency: GBP
    ///     rate: 0.79
    /// ```
    INVALID_ZONE, "invalid-zone", Error, Invariant, "a zone's factor or exchange rate cannot convert its bands"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let spec = facts.spec;
    let base = facts.currency;
    for (z, zone) in spec.zones.iter().enumerate() {
        let pointer = Pointer::root().key("zones").index(z);
        let id = escape(&zone.id);
        if zone.factor.is_zero() {
            sink.push(
                Finding::new(
                    &INVALID_ZONE,
                    pointer.key("factor"),
                    format!("zone `{id}` has a factor of 0"),
                )
                .with_help(
                    "the factor multiplies the base bands: `1` pays the same, `0.8` pays 80%",
                ),
            );
        }
        let zone_currency = zone.currency.as_deref().map(Currency::from_code);
        match (zone_currency, zone.rate) {
            (Some(Some(currency)), None) if Some(currency) != base => sink.push(
                Finding::new(
                    &INVALID_ZONE,
                    pointer.key("currency"),
                    format!(
                        "zone `{id}` pays in {currency} but gives no `rate` from {}",
                        spec.currency
                    ),
                )
                .with_help(format!(
                    "add `rate:`, the number of {currency} per {}",
                    spec.currency
                )),
            ),
            (Some(Some(currency)), Some(rate)) if Some(currency) != base && rate.is_zero() => sink
                .push(
                    Finding::new(
                        &INVALID_ZONE,
                        pointer.key("rate"),
                        format!("zone `{id}` has a rate of 0"),
                    )
                    .with_help(format!(
                        "the rate is the number of {currency} per {}",
                        spec.currency
                    )),
                ),
            (Some(Some(currency)), Some(_)) if Some(currency) != base => {}
            (None | Some(Some(_)), Some(_)) => sink.push(
                Finding::new(
                    &INVALID_ZONE,
                    pointer.key("rate"),
                    format!(
                        "zone `{id}` gives a `rate` but pays in the base currency {}",
                        spec.currency
                    ),
                )
                .with_help("remove `rate`, or set the zone's `currency`"),
            ),
            _ => {}
        }
    }
}
