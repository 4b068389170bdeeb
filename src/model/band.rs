use std::fmt;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Band {
    min: Money,
    mid: Money,
    max: Money,
    /// A spot rate: one amount, min = mid = max; serialized only when true.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    spot: bool,
}

impl Band {
    /// A band, when `min <= mid <= max` and all three share a currency.
    pub fn new(min: Money, mid: Money, max: Money) -> Option<Self> {
        let ordered = min.minor() <= mid.minor() && mid.minor() <= max.minor();
        let one_currency = min.currency() == mid.currency() && mid.currency() == max.currency();
        (ordered && one_currency).then_some(Self {
            min,
            mid,
            max,
            spot: false,
        })
    }

    /// A spot rate: one rate for everyone at the level (hourly trades), a
    /// band whose min, mid and max are that rate. `band-spread` does not
    /// judge it, and `dualtrack show` prints the one rate.
    ///
    /// ```
    /// use dualtrack::{Band, Currency, Money};
    ///
    /// let usd = Currency::from_code("USD").unwrap();
    /// let rate = Band::spot(Money::from_minor(4_100, usd));
    /// assert!(rate.is_spot());
    /// assert_eq!((rate.min(), rate.max()), (rate.mid(), rate.mid()));
    /// assert_eq!(rate.to_string(), "rate 41 USD");
    /// ```
    pub fn spot(rate: Money) -> Self {
        Self {
            min: rate,
            mid: rate,
            max: rate,
            spot: true,
        }
    }

    /// Whether it is a spot rate ([`Band::spot`]) rather than a range.
    pub fn is_spot(&self) -> bool {
        self.spot
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
        if self.spot {
            return write!(f, "rate {}", self.mid);
        }
        write!(f, "min {}, mid {}, max {}", self.min, self.mid, self.max)
    }
}

/// Reads `{ "min": ..., "mid": ..., "max": ... }` (each [`Money`]), checked as
/// [`Band::new`] checks it: in order and in one currency; with `"spot": true`,
/// a spot rate, whose three amounts are equal.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Band {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            min: Money,
            mid: Money,
            max: Money,
            #[serde(default)]
            spot: bool,
        }
        let Wire {
            min,
            mid,
            max,
            spot,
        } = Wire::deserialize(deserializer)?;
        if spot {
            return if min == mid && mid == max {
                Ok(Band::spot(mid))
            } else {
                Err(serde::de::Error::custom(format!(
                    "a spot rate has one amount; this one is {min}, {mid}, {max}"
                )))
            };
        }
        Band::new(min, mid, max).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a band reads `min <= mid <= max` in one currency; this one is {min}, {mid}, {max}"
            ))
        })
    }
}
