//! Exact money: integer minor units with their ISO 4217 currency.

use std::fmt;

#[cfg(feature = "serde")]
use serde::de::Error as _;
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::decimal::write_scaled;

/// An ISO 4217 currency, with the number of digits of its minor unit
/// (JPY 0, USD 2, BHD 3).
///
/// ```
/// use dualtrack::Currency;
///
/// let usd = Currency::from_code("USD").unwrap();
/// assert_eq!(usd.minor_digits(), 2);
/// assert_eq!(Currency::from_code("JPY").unwrap().minor_digits(), 0);
/// assert!(Currency::from_code("usd").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// The currency with this alphabetic code (upper case, such as `EUR`);
    /// `None` for unknown codes and for codes with no minor unit (such as `XAU`).
    pub fn from_code(code: &str) -> Option<Self> {
        let currency = iso_currency::Currency::from_code(code)?;
        currency.exponent()?;
        Some(Self(currency))
    }

    /// The three-letter code.
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The number of fraction digits of the minor unit.
    pub fn minor_digits(self) -> u8 {
        self.0
            .exponent()
            .and_then(|e| u8::try_from(e).ok())
            .unwrap_or(0)
    }
}

impl std::str::FromStr for Currency {
    type Err = crate::text::UnknownName;

    /// An ISO 4217 code, as [`Currency::from_code`] reads it.
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Currency::from_code(code)
            .ok_or_else(|| crate::text::UnknownName::new("currency", code, &[]))
    }
}

/// Ordered by code, so that lists of currencies sort as people read them.
impl Ord for Currency {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl PartialOrd for Currency {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(feature = "serde")]
impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Reads an ISO 4217 code, as [`Currency::from_code`] does.
#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Currency::from_code(&code).ok_or_else(|| {
            D::Error::custom(format!(
                "unknown currency `{}`: use an ISO 4217 code with a minor unit, such as `USD`",
                crate::text::escape(&code)
            ))
        })
    }
}

/// An exact amount of money: whole minor units (cents, pence) of a currency.
///
/// ```
/// use dualtrack::{Currency, Money};
///
/// let usd = Currency::from_code("USD").unwrap();
/// let pay = Money::from_minor(3550, usd);
/// assert_eq!(pay.to_string(), "35.50 USD");
/// assert_eq!(Money::from_minor(13_000_000, usd).to_string(), "130000 USD");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    minor: u64,
    currency: Currency,
}

impl Money {
    /// `minor` minor units of `currency`.
    pub const fn from_minor(minor: u64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// `amount` of `currency`, such as a salary read from a form or an API.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Precision`] when the amount has more fraction digits than
    /// the currency allows (`35.555` USD, `10.5` JPY; trailing zeros are
    /// fine: `35.50` JPY is not, `35.00` JPY is); [`MoneyError::TooLarge`]
    /// when its minor units do not fit in a `u64`.
    ///
    /// ```
    /// use dualtrack::{Currency, Decimal, Money, MoneyError};
    ///
    /// let usd = Currency::from_code("USD").unwrap();
    /// let salary = Money::from_decimal("250000".parse::<Decimal>()?, usd)?;
    /// assert_eq!(salary.minor(), 25_000_000);
    ///
    /// let error = Money::from_decimal("35.555".parse()?, usd).unwrap_err();
    /// assert!(matches!(error, MoneyError::Precision { .. }));
    /// assert_eq!(
    ///     error.to_string(),
    ///     "amount `35.555` has more decimal places than USD allows (2)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_decimal(amount: crate::Decimal, currency: Currency) -> Result<Self, MoneyError> {
        match amount.to_scale(currency.minor_digits()) {
            Some(minor) => Ok(Self::from_minor(minor, currency)),
            None if amount.significant_scale() > currency.minor_digits() => {
                Err(MoneyError::Precision { amount, currency })
            }
            None => Err(MoneyError::TooLarge { amount, currency }),
        }
    }

    /// The amount in minor units.
    pub const fn minor(self) -> u64 {
        self.minor
    }

    /// The currency.
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// The amount as a decimal string with the currency's fraction digits,
    /// dropped when they are all zero: `130000`, `35.50`.
    pub fn amount(self) -> String {
        amount_text(u128::from(self.minor), self.currency)
    }
}

/// A count of minor units as a decimal string with the currency's fraction
/// digits, dropped when they are all zero: `130000`, `35.50`. The one money
/// format, signed amounts included.
pub(crate) fn amount_text(minor: u128, currency: Currency) -> String {
    let digits = currency.minor_digits();
    let divisor = 10u128.pow(u32::from(digits));
    if minor.is_multiple_of(divisor) {
        return (minor / divisor).to_string();
    }
    let mut text = String::new();
    let _ = write_scaled(&mut text, minor, digits);
    text
}

/// Amounts of one currency compare; amounts of two currencies do not
/// (`None`: no rate is implied).
impl PartialOrd for Money {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        (self.currency == other.currency).then(|| self.minor.cmp(&other.minor))
    }
}

/// Reads what [`Display`](fmt::Display) writes: `130000 USD`, `35.50 EUR`.
///
/// ```
/// let money: dualtrack::Money = "35.50 EUR".parse()?;
/// assert_eq!(money.minor(), 3550);
/// assert!("35.555 EUR".parse::<dualtrack::Money>().is_err());
/// assert!("35.50 EUR".parse::<dualtrack::Money>()? < "36 EUR".parse()?);
/// # Ok::<(), dualtrack::ParseMoneyError>(())
/// ```
impl std::str::FromStr for Money {
    type Err = ParseMoneyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = |why: String| ParseMoneyError(why);
        let (amount, code) = text.trim().rsplit_once(' ').ok_or_else(|| {
            fail(format!(
                "`{}` is not an amount and a currency such as `130000 USD`",
                crate::text::escape(text)
            ))
        })?;
        let currency: Currency = code
            .parse()
            .map_err(|e: crate::text::UnknownName| fail(e.to_string()))?;
        let amount: crate::Decimal = amount.trim().parse().map_err(|e| {
            fail(format!(
                "invalid amount `{}`: {e}",
                crate::text::escape(amount)
            ))
        })?;
        Ok(Money::from_decimal(amount, currency)?)
    }
}

/// Why a text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseMoneyError(String);

impl fmt::Display for ParseMoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseMoneyError {}

impl From<MoneyError> for ParseMoneyError {
    fn from(error: MoneyError) -> Self {
        ParseMoneyError(error.to_string())
    }
}

/// Why an exact amount is not money of a currency, from
/// [`Money::from_decimal`]. Its `Display` is a lowercase phrase that names
/// the amount and the currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// More fraction digits than the currency's minor unit has: `35.555`
    /// USD, `10.5` JPY.
    #[error(
        "amount `{amount}` has more decimal places than {currency} allows ({})",
        currency.minor_digits()
    )]
    #[non_exhaustive]
    Precision {
        /// The amount as given.
        amount: crate::Decimal,
        /// The currency it was meant in.
        currency: Currency,
    },
    /// Its minor units do not fit in a `u64` (over 184 quadrillion USD).
    #[error("amount `{amount}` is too large for {currency}")]
    #[non_exhaustive]
    TooLarge {
        /// The amount as given.
        amount: crate::Decimal,
        /// The currency it was meant in.
        currency: Currency,
    },
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount(), self.currency)
    }
}

/// Reads `{ "amount": "35.50", "currency": "USD" }`, as it serializes: the
/// amount exact, with no more decimal places than the currency has.
#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            amount: crate::Decimal,
            currency: Currency,
        }
        let Wire { amount, currency } = Wire::deserialize(deserializer)?;
        Money::from_decimal(amount, currency).map_err(D::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Money", 2)?;
        s.serialize_field("amount", &self.amount())?;
        s.serialize_field("currency", &self.currency)?;
        s.end()
    }
}
