use std::fmt;

use serde::Serialize;

use crate::Money;

/// A compensation band: `min <= mid <= max`, all in one currency.
///
/// ```
/// use dualtrack::{Band, Currency, Money};
///
/// let usd = Currency::from_code("USD").unwrap();
/// let band = Band::new(
///     Money::from_minor(10_000_000, usd),
///     Money::from_minor(11_500_000, usd),
///     Money::from_minor(13_000_000, usd),
/// )
/// .unwrap();
/// assert_eq!(band.mid().to_string(), "115000 USD");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Band {
    min: Money,
    mid: Money,
    max: Money,
}

impl Band {
    /// A band, when `min <= mid <= max` and all three share a currency.
    pub fn new(min: Money, mid: Money, max: Money) -> Option<Self> {
        let ordered = min.minor() <= mid.minor() && mid.minor() <= max.minor();
        let one_currency = min.currency() == mid.currency() && mid.currency() == max.currency();
        (ordered && one_currency).then_some(Self { min, mid, max })
    }

    /// The bottom of the band.
    pub fn min(&self) -> Money {
        self.min
    }

    /// The midpoint: the pay for someone fully performing at the level.
    pub fn mid(&self) -> Money {
        self.mid
    }

    /// The top of the band.
    pub fn max(&self) -> Money {
        self.max
    }
}

/// `min 100000 USD, mid 115000 USD, max 130000 USD`.
///
/// ```
/// # use dualtrack::{Band, Currency, Money};
/// let usd = Currency::from_code("USD").unwrap();
/// let money = |units: u64| Money::from_minor(units * 100, usd);
/// let band = Band::new(money(100_000), money(115_000), money(130_000)).unwrap();
/// assert_eq!(band.to_string(), "min 100000 USD, mid 115000 USD, max 130000 USD");
/// ```
impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "min {}, mid {}, max {}", self.min, self.mid, self.max)
    }
}

/// Reads `{ "min": ..., "mid": ..., "max": ... }` (each [`Money`]), checked as
/// [`Band::new`] checks it: in order and in one currency.
impl<'de> serde::Deserialize<'de> for Band {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            min: Money,
            mid: Money,
            max: Money,
        }
        let Wire { min, mid, max } = Wire::deserialize(deserializer)?;
        Band::new(min, mid, max).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a band reads `min <= mid <= max` in one currency; this one is {min}, {mid}, {max}"
            ))
        })
    }
}
