use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::spec::ZoneSpec;
use crate::text::escape;
use crate::{Currency, Decimal, Pointer};

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

/// How a valid zone converts base amounts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Conversion {
    pub(crate) factor: Decimal,
    pub(crate) rate: Option<Decimal>,
    pub(crate) currency: Currency,
}

/// Why a zone cannot convert base amounts.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ZoneProblem {
    ZeroFactor,
    /// Pays in another currency without a rate.
    NoRate(Currency),
    /// Pays in another currency at a rate of 0.
    ZeroRate(Currency),
    /// Gives a rate but pays in the base currency.
    NeedlessRate,
}

/// How `zone` converts amounts of the `base` currency, or why it cannot.
/// No problem with an `Err` means that a currency code is unknown, which
/// `invalid-currency` reports.
pub(crate) fn conversion(
    zone: &ZoneSpec,
    base: Option<Currency>,
) -> Result<Conversion, Vec<ZoneProblem>> {
    let mut problems = Vec::new();
    if zone.factor.is_zero() {
        problems.push(ZoneProblem::ZeroFactor);
    }
    let zone_currency = zone.currency.as_deref().map(Currency::from_code);
    match (zone_currency, zone.rate) {
        (Some(Some(currency)), None) if Some(currency) != base => {
            problems.push(ZoneProblem::NoRate(currency));
        }
        (Some(Some(currency)), Some(rate)) if Some(currency) != base && rate.is_zero() => {
            problems.push(ZoneProblem::ZeroRate(currency));
        }
        (Some(Some(currency)), Some(_)) if Some(currency) != base => {}
        (None | Some(Some(_)), Some(_)) => problems.push(ZoneProblem::NeedlessRate),
        _ => {}
    }
    let currency = match zone_currency {
        Some(currency) => currency,
        None => base,
    };
    match (base, currency) {
        (Some(_), Some(currency)) if problems.is_empty() => Ok(Conversion {
            factor: zone.factor,
            rate: zone.rate,
            currency,
        }),
        _ => Err(problems),
    }
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let spec = facts.spec;
    // A zone needs the ladder's currency: `missing-key` reports its absence,
    // and the zone is then left out (it converts nothing).
    let base = spec.currency.as_deref().unwrap_or_default();
    for (z, zone) in spec.zones.iter().enumerate() {
        let Some(Err(problems)) = facts.zones.get(z) else {
            continue;
        };
        if !facts.sound.zone(z) {
            continue;
        }
        let pointer = Pointer::root().key("zones").index(z);
        let id = escape(&zone.id);
        for problem in problems {
            let finding = match *problem {
                ZoneProblem::ZeroFactor => Finding::new(
                    &INVALID_ZONE,
                    pointer.key("factor"),
                    format!("zone `{id}` has a factor of 0"),
                )
                .with_help(
                    "the factor multiplies the base bands: `1` pays the same, `0.8` pays 80%",
                ),
                ZoneProblem::NoRate(currency) => Finding::new(
                    &INVALID_ZONE,
                    pointer.key("currency"),
                    format!(
                        "zone `{id}` pays in {currency} but gives no `rate` from {}",
                        base
                    ),
                )
                .with_help(format!(
                    "add `rate:`, the number of {currency} per {}",
                    base
                )),
                ZoneProblem::ZeroRate(currency) => Finding::new(
                    &INVALID_ZONE,
                    pointer.key("rate"),
                    format!("zone `{id}` has a rate of 0"),
                )
                .with_help(format!("the rate is the number of {currency} per {}", base)),
                ZoneProblem::NeedlessRate => Finding::new(
                    &INVALID_ZONE,
                    pointer.key("rate"),
                    format!(
                        "zone `{id}` gives a `rate` but pays in the base currency {}",
                        base
                    ),
                )
                .with_help("remove `rate`, or set the zone's `currency`"),
            };
            sink.push(finding);
        }
    }
}
