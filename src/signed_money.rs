//! Signed money: the difference between two amounts, such as a pay change.

use std::fmt;

#[cfg(feature = "serde")]
use serde::{Serialize, Serializer};

use crate::money::amount_text;
use crate::{Currency, Money};

/// An exact, signed amount of money: whole minor units of a currency, below
/// zero for a pay cut.
///
/// It displays with its sign (`+40000 USD`, `-12.50 USD`, `0 USD`) and
/// serializes like [`Money`], as `{ "amount": "-12.50", "currency": "USD" }`.
///
/// ```
/// use dualtrack::{Currency, Money};
///
/// let usd = Currency::from_code("USD").unwrap();
/// let before = Money::from_minor(29_500_000, usd);
/// let after = Money::from_minor(35_500_000, usd);
/// let raise = after.difference(before).unwrap();
/// assert_eq!(raise.to_string(), "+60000 USD");
/// assert_eq!(before.difference(after).unwrap().minor(), -6_000_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SignedMoney {
    minor: i128,
    currency: Currency,
}

impl SignedMoney {
    /// `minor` minor units of `currency`; negative for a loss.
    pub const fn from_minor(minor: i128, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// The amount in minor units.
    pub const fn minor(self) -> i128 {
        self.minor
    }

    /// The currency.
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// Whether it is zero.
    pub const fn is_zero(self) -> bool {
        self.minor == 0
    }

    /// The amount as a decimal string with the currency's fraction digits,
    /// dropped when they are all zero, and a leading `-` when negative:
    /// `-40000`, `12.50`.
    pub fn amount(self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        format!(
            "{sign}{}",
            amount_text(self.minor.unsigned_abs(), self.currency)
        )
    }
}

impl Money {
    /// `self - other`, exactly; `None` when the currencies differ.
    pub fn difference(self, other: Money) -> Option<SignedMoney> {
        (self.currency() == other.currency()).then(|| {
            SignedMoney::from_minor(
                i128::from(self.minor()) - i128::from(other.minor()),
                self.currency(),
            )
        })
    }
}

impl fmt::Display for SignedMoney {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor > 0 { "+" } else { "" };
        write!(f, "{sign}{} {}", self.amount(), self.currency)
    }
}

#[cfg(feature = "serde")]
impl Serialize for SignedMoney {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("SignedMoney", 2)?;
        s.serialize_field("amount", &self.amount())?;
        s.serialize_field("currency", &self.currency)?;
        s.end()
    }
}

/// Reads `{ "amount": "-12.50", "currency": "USD" }`, as it serializes.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SignedMoney {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            amount: String,
            currency: Currency,
        }
        let Wire { amount, currency } = Wire::deserialize(deserializer)?;
        let (negative, digits) = match amount.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, amount.strip_prefix('+').unwrap_or(&amount)),
        };
        let minor = digits
            .parse::<crate::Decimal>()
            .ok()
            .and_then(|d| Money::from_decimal(d, currency).ok())
            .map(|money| i128::from(money.minor()))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "invalid amount `{}` in {currency}",
                    crate::text::escape(&amount)
                ))
            })?;
        Ok(SignedMoney::from_minor(
            if negative { -minor } else { minor },
            currency,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_its_sign_and_the_currency_precision() {
        let usd = Currency::from_code("USD").unwrap();
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(
            SignedMoney::from_minor(-1250, usd).to_string(),
            "-12.50 USD"
        );
        assert_eq!(SignedMoney::from_minor(-5, usd).to_string(), "-0.05 USD");
        assert_eq!(SignedMoney::from_minor(0, usd).to_string(), "0 USD");
        assert_eq!(SignedMoney::from_minor(400, jpy).to_string(), "+400 JPY");
        let gap = Money::from_minor(0, usd).difference(Money::from_minor(u64::MAX, usd));
        assert_eq!(gap.map(|g| g.minor()), Some(-i128::from(u64::MAX)));
        assert_eq!(
            Money::from_minor(1, usd).difference(Money::from_minor(1, jpy)),
            None
        );
        #[cfg(feature = "serde")]
        assert_eq!(
            serde_json::to_value(SignedMoney::from_minor(-1250, usd)).unwrap(),
            serde_json::json!({ "amount": "-12.50", "currency": "USD" })
        );
    }
}
