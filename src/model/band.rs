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
