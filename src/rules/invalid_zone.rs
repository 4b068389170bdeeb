use crate::finding::{Finding, Findings};
use crate::model::{ZoneRules, unit_minor};
use crate::rules::Facts;
use crate::spec::ZoneSpec;
use crate::text::escape;
use crate::{Currency, Decimal, Money, Pointer};

declare_rule! {
    /// ### What it does
    /// Checks that each zone can turn base bands into zone bands: its
    /// `factor` is above zero; a zone paying in another currency gives the
    /// `rate` (units of the zone currency per unit of the base currency), and
    /// it is above zero; a zone paying in the base currency gives no `rate`.
    /// Its location rules must be usable too: `min_uplift` and `max_uplift`
    /// bound an `uplift` (so come with one), the minimum is at most the
    /// maximum, they and `cap` are amounts of their currency, and `rounding`
    /// is a whole number of the zone currency's smallest unit.
    ///
    /// ### Why is this bad?
    /// Without a rate the zone bands cannot be computed; a zero factor pays
    /// nothing; a rate on a zone in the base currency would be silently
    /// ignored. A floor above its ceiling has no meaning, a bound without an
    /// uplift bounds nothing, and a rounding unit of 0.001 GBP cannot be paid.
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
pub(crate) type Conversion = ZoneRules;

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
    /// `min_uplift` or `max_uplift` (the key) without `uplift`.
    BoundWithoutUplift(&'static str),
    /// `min_uplift` above `max_uplift`.
    BoundsReversed,
    /// An amount (the key) finer than its currency's minor unit, or too large.
    Amount(&'static str, Currency),
    /// A rounding unit of zero, or not a whole number of minor units.
    Rounding(Currency),
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
    let (Some(base), Some(currency)) = (base, currency) else {
        return Err(problems);
    };
    let mut money = |key: &'static str, amount: Option<Decimal>, currency: Currency| {
        let amount = amount?;
        let money = Money::from_decimal(amount, currency).ok();
        if money.is_none() {
            problems.push(ZoneProblem::Amount(key, currency));
        }
        money
    };
    let min_uplift = money("min_uplift", zone.min_uplift, base);
    let max_uplift = money("max_uplift", zone.max_uplift, base);
    let cap = money("cap", zone.cap, currency);
    if zone.uplift.is_none() {
        for (key, bound) in [
            ("min_uplift", zone.min_uplift),
            ("max_uplift", zone.max_uplift),
        ] {
            if bound.is_some() {
                problems.push(ZoneProblem::BoundWithoutUplift(key));
            }
        }
    }
    if let (Some(min), Some(max)) = (min_uplift, max_uplift)
        && min.minor() > max.minor()
    {
        problems.push(ZoneProblem::BoundsReversed);
    }
    if let Some(unit) = zone.rounding
        && unit_minor(unit, currency).is_none()
    {
        problems.push(ZoneProblem::Rounding(currency));
    }
    match problems.is_empty() {
        true => Ok(Conversion {
            factor: zone.factor,
            rate: zone.rate,
            currency,
            uplift: zone.uplift,
            min_uplift,
            max_uplift,
            cap,
            rounding: zone.rounding,
        }),
        false => Err(problems),
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
                ZoneProblem::BoundWithoutUplift(key) => Finding::new(
                    &INVALID_ZONE,
                    pointer.key(key),
                    format!("zone `{id}` gives `{key}` but no `uplift` for it to bound"),
                )
                .with_help("add `uplift:`, the supplement as a share of base pay, such as `20%`"),
                ZoneProblem::BoundsReversed => Finding::new(
                    &INVALID_ZONE,
                    pointer.key("min_uplift"),
                    format!(
                        "zone `{id}` has a `min_uplift` of {} above its `max_uplift` of {}",
                        zone.min_uplift.map_or_else(String::new, |d| d.to_string()),
                        zone.max_uplift.map_or_else(String::new, |d| d.to_string())
                    ),
                )
                .with_help("swap them: the supplement is at least `min_uplift` and at most `max_uplift`"),
                ZoneProblem::Amount(key, currency) => Finding::new(
                    &INVALID_ZONE,
                    pointer.key(key),
                    format!("zone `{id}` has a `{key}` that is not an amount of {currency}"),
                )
                .with_help(format!(
                    "write it with at most {} decimal places",
                    currency.minor_digits()
                )),
                ZoneProblem::Rounding(currency) => Finding::new(
                    &INVALID_ZONE,
                    pointer.key("rounding"),
                    format!(
                        "zone `{id}` rounds to {}, which is not a whole number of {currency}'s smallest unit",
                        zone.rounding.map_or_else(String::new, |d| d.to_string())
                    ),
                )
                .with_help(format!(
                    "round to `1` (whole {currency}), `100` (hundreds) or another multiple of {}",
                    Money::from_minor(1, currency).amount()
                )),
            };
            sink.push(finding);
        }
    }
}
