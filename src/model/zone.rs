use serde::Serialize;

use crate::{Band, Currency, Decimal, Money, ZoneId};

/// A location differential: zone bands are the base bands times `factor`,
/// converted at `rate` when the zone pays in another currency, and rounded
/// half away from zero to the zone currency's minor unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Zone {
    pub(crate) id: ZoneId,
    pub(crate) name: String,
    pub(crate) factor: Decimal,
    pub(crate) currency: Currency,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) rate: Option<Decimal>,
}

impl Zone {
    /// Its id.
    pub fn id(&self) -> &ZoneId {
        &self.id
    }

    /// Its display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The multiplier applied to base bands.
    pub fn factor(&self) -> Decimal {
        self.factor
    }

    /// The currency it pays in.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Units of the zone currency per unit of the base currency, when they differ.
    pub fn rate(&self) -> Option<Decimal> {
        self.rate
    }

    /// `amount` (in the base currency) as paid in this zone; `None` on overflow.
    pub fn convert(&self, amount: Money) -> Option<Money> {
        convert(amount, self.factor, self.rate, self.currency)
    }

    /// `band` (in the base currency) as paid in this zone; `None` on overflow.
    pub fn band(&self, band: &Band) -> Option<Band> {
        convert_band(band, self.factor, self.rate, self.currency)
    }
}

/// A band converted point by point as [`convert`] converts an amount.
pub(crate) fn convert_band(
    band: &Band,
    factor: Decimal,
    rate: Option<Decimal>,
    currency: Currency,
) -> Option<Band> {
    let point = |amount| convert(amount, factor, rate, currency);
    if band.is_spot() {
        return point(band.mid()).map(Band::spot);
    }
    Band::new(point(band.min())?, point(band.mid())?, point(band.max())?)
}

/// `amount x factor x rate` in `currency`, rounded half away from zero to its minor unit.
pub(crate) fn convert(
    amount: Money,
    factor: Decimal,
    rate: Option<Decimal>,
    currency: Currency,
) -> Option<Money> {
    let rate = rate.unwrap_or(Decimal::ONE);
    let from = u32::from(amount.currency().minor_digits());
    let to = u32::from(currency.minor_digits());
    let numerator = u128::from(amount.minor())
        .checked_mul(u128::from(factor.mantissa()))?
        .checked_mul(u128::from(rate.mantissa()))?
        .checked_mul(10u128.checked_pow(to)?)?;
    let denominator =
        10u128.checked_pow(u32::from(factor.scale()) + u32::from(rate.scale()) + from)?;
    // Rounds half away from zero without overflowing near `u128::MAX`.
    let minor = numerator / denominator
        + u128::from(numerator % denominator >= denominator - denominator / 2);
    Some(Money::from_minor(u64::try_from(minor).ok()?, currency))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(minor: u64, code: &str) -> Money {
        Money::from_minor(minor, Currency::from_code(code).unwrap())
    }

    #[test]
    fn converts_exactly_and_rounds_half_away_from_zero() {
        let factor: Decimal = "0.8".parse().unwrap();
        let gbp = Currency::from_code("GBP").unwrap();
        let rate: Decimal = "0.79".parse().unwrap();
        // 130000.00 USD x 0.8 x 0.79 = 82160.00 GBP
        assert_eq!(
            convert(money(13_000_000, "USD"), factor, Some(rate), gbp),
            Some(money(8_216_000, "GBP"))
        );
        // 0.01 USD x 0.5 = 0.005 -> 0.01
        let half: Decimal = "0.5".parse().unwrap();
        let usd = Currency::from_code("USD").unwrap();
        assert_eq!(
            convert(money(1, "USD"), half, None, usd),
            Some(money(1, "USD"))
        );
        // 1000 USD in JPY at 150.5: 150500 JPY, no minor unit
        let jpy = Currency::from_code("JPY").unwrap();
        let one: Decimal = "1".parse().unwrap();
        let rate: Decimal = "150.5".parse().unwrap();
        assert_eq!(
            convert(money(100_000, "USD"), one, Some(rate), jpy),
            Some(money(150_500, "JPY"))
        );
    }

    #[test]
    fn rounds_without_overflow_near_the_top_of_u128() {
        // 18446744073709551615 JPY x 0.92 x 0.0000000000000000002 in KRW: the
        // product is 3.39e38, within u128, and adding half the divisor
        // (5e37) used to overflow (a panic in debug builds, a wrong amount in
        // release builds).
        let jpy = Currency::from_code("JPY").unwrap();
        let krw = Currency::from_code("KRW").unwrap();
        let factor: Decimal = "0.9200000000000000000".parse().unwrap();
        let rate: Decimal = "0.0000000000000000002".parse().unwrap();
        let converted = convert(Money::from_minor(u64::MAX, jpy), factor, Some(rate), krw);
        // 18446744073709551615 x 0.92 x 2e-19 = 3.394... -> 3
        assert_eq!(converted, Some(Money::from_minor(3, krw)));
    }
}
