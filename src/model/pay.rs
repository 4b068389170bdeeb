//! Pay beyond the base band: target variable pay, and the total target cash
//! it makes with the base.

use std::fmt;

use crate::{Band, Money, Percent};

/// A level's target variable pay (a bonus, a commission at target): a
/// percentage of base pay, or a fixed amount in the ladder's currency.
///
/// Total target cash is the base plus this, point by point of the band
/// ([`Variable::on`], [`Level::target_cash`](crate::Level::target_cash)).
///
/// ```
/// use dualtrack::{Currency, Money, Percent, Variable};
///
/// let usd = Currency::from_code("USD").unwrap();
/// let bonus = Variable::Target("15%".parse::<Percent>()?);
/// assert_eq!(bonus.to_string(), "15% of base");
/// let base = Money::from_minor(29_500_000, usd);
/// assert_eq!(bonus.on(base).unwrap().to_string(), "339250 USD");
/// # Ok::<(), dualtrack::DecimalError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Variable {
    /// A percentage of base pay at target, such as `15%`.
    Target(Percent),
    /// A fixed amount at target, whatever the base.
    Amount(Money),
}

impl Variable {
    /// The variable pay at target on `base`: the percentage of it rounded
    /// half away from zero to the currency's minor unit, or the amount.
    /// `None` on overflow, or when the amount is in another currency.
    pub fn at_target(self, base: Money) -> Option<Money> {
        match self {
            Variable::Target(percent) => {
                let fraction = percent.fraction();
                let numerator =
                    u128::from(base.minor()).checked_mul(u128::from(fraction.mantissa()))?;
                let denominator = 10u128.checked_pow(u32::from(fraction.scale()))?;
                let rounded = numerator / denominator
                    + u128::from(numerator % denominator >= denominator - denominator / 2);
                Some(Money::from_minor(
                    u64::try_from(rounded).ok()?,
                    base.currency(),
                ))
            }
            Variable::Amount(amount) => (amount.currency() == base.currency()).then_some(amount),
        }
    }

    /// Total target cash on `base`: the base plus the variable pay at
    /// target ([`at_target`](Self::at_target)).
    pub fn on(self, base: Money) -> Option<Money> {
        let variable = self.at_target(base)?;
        Some(Money::from_minor(
            base.minor().checked_add(variable.minor())?,
            base.currency(),
        ))
    }

    /// Total target cash on each point of `band`.
    pub fn on_band(self, band: &Band) -> Option<Band> {
        Band::new(
            self.on(band.min())?,
            self.on(band.mid())?,
            self.on(band.max())?,
        )
    }
}

impl fmt::Display for Variable {
    /// `15% of base`, or `20000 USD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Variable::Target(percent) => write!(f, "{percent} of base"),
            Variable::Amount(amount) => amount.fmt(f),
        }
    }
}

/// A band plus another pointwise (total compensation: total target cash
/// plus the equity band); `None` on overflow or across currencies.
pub(crate) fn add_bands(a: &Band, b: &Band) -> Option<Band> {
    let add = |x: Money, y: Money| -> Option<Money> {
        (x.currency() == y.currency())
            .then(|| x.minor().checked_add(y.minor()))
            .flatten()
            .map(|minor| Money::from_minor(minor, x.currency()))
    };
    Band::new(
        add(a.min(), b.min())?,
        add(a.mid(), b.mid())?,
        add(a.max(), b.max())?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    #[test]
    fn rounds_a_percentage_half_away_from_zero_to_the_minor_unit() {
        let usd = Currency::from_code("USD").unwrap();
        let jpy = Currency::from_code("JPY").unwrap();
        let pct = |s: &str| Variable::Target(s.parse().unwrap());
        // 0.05 USD x 10% = 0.005 -> 0.01
        assert_eq!(
            pct("10%").at_target(Money::from_minor(5, usd)),
            Some(Money::from_minor(1, usd))
        );
        // 0.04 USD x 10% = 0.004 -> 0.00
        assert_eq!(
            pct("10%").at_target(Money::from_minor(4, usd)),
            Some(Money::from_minor(0, usd))
        );
        // 333 JPY x 12.5% = 41.625 -> 42
        assert_eq!(
            pct("12.5%").on(Money::from_minor(333, jpy)),
            Some(Money::from_minor(375, jpy))
        );
        let fixed = Variable::Amount(Money::from_minor(2_000_000, usd));
        assert_eq!(
            fixed.on(Money::from_minor(10_000_000, usd)),
            Some(Money::from_minor(12_000_000, usd))
        );
        assert_eq!(fixed.on(Money::from_minor(1, jpy)), None);
        assert_eq!(pct("10%").on(Money::from_minor(u64::MAX, usd)), None);
    }
}
