//! Exact decimal numbers: amounts, factors, rates and percentages, never floats.

use std::cmp::Ordering;
use std::fmt;

#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact, non-negative decimal number as written in a ladder file, such as
/// `130000`, `35.50` or `0.8`: `mantissa / 10^scale`.
///
/// It never passes through a float, and it keeps the number of fraction digits
/// that were written (`35.50` has scale 2), which money needs to check them
/// against its currency.
///
/// ```
/// use dualtrack::Decimal;
///
/// let d: Decimal = "35.50".parse()?;
/// assert_eq!((d.mantissa(), d.scale()), (3550, 2));
/// assert_eq!(d.to_string(), "35.50");
/// assert!("1e5".parse::<Decimal>().is_err());
/// # Ok::<(), dualtrack::DecimalError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: u64,
    scale: u8,
}

/// Why text is not a plain decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecimalError {
    /// Nothing was written.
    #[error("it is empty")]
    Empty,
    /// A leading `-`.
    #[error("negative amounts are not allowed")]
    Negative,
    /// `1e5`.
    #[error("exponent notation is not allowed")]
    Exponent,
    /// `0x1F`, `0o17`.
    #[error("hexadecimal and octal notation are not allowed")]
    Radix,
    /// `12_000`, `12,000`, `12 000`.
    #[error("digit separators are not allowed")]
    Separator,
    /// `.nan`, `.inf`.
    #[error("it is not a finite number")]
    NotFinite,
    /// `0123`.
    #[error("a leading zero is not allowed")]
    LeadingZero,
    /// More than 19 significant digits.
    #[error("it has more digits than an amount can hold")]
    TooLarge,
    /// `$120k`, `1.`, `.5`.
    #[error("it is not a plain decimal number")]
    Malformed,
}

impl Decimal {
    /// Zero, with no fraction digits.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// One, with no fraction digits.
    pub const ONE: Decimal = Decimal {
        mantissa: 1,
        scale: 0,
    };

    /// `mantissa / 10^scale`; `None` when `scale` is above 19.
    pub const fn new(mantissa: u64, scale: u8) -> Option<Self> {
        if scale > 19 {
            None
        } else {
            Some(Self { mantissa, scale })
        }
    }

    /// The digits as an integer: 3550 for `35.50`.
    pub const fn mantissa(self) -> u64 {
        self.mantissa
    }

    /// The number of fraction digits written: 2 for `35.50`.
    pub const fn scale(self) -> u8 {
        self.scale
    }

    /// Whether it is zero.
    pub const fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The number of fraction digits needed: 1 for `35.50`.
    pub fn significant_scale(self) -> u8 {
        let (mut m, mut s) = (self.mantissa, self.scale);
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        s
    }

    /// The value in units of `10^-scale`, when it fits in a `u64` and loses
    /// no digits: `35.50` at scale 2 is 3550, at scale 0 it is `None`.
    pub fn to_scale(self, scale: u8) -> Option<u64> {
        if scale >= self.scale {
            10u64
                .checked_pow(u32::from(scale - self.scale))
                .and_then(|f| self.mantissa.checked_mul(f))
        } else {
            let f = 10u64.checked_pow(u32::from(self.scale - scale))?;
            self.mantissa.is_multiple_of(f).then_some(self.mantissa / f)
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        let widen = |d: Decimal| u128::from(d.mantissa) * 10u128.pow(u32::from(scale - d.scale));
        widen(*self).cmp(&widen(*other))
    }
}

impl std::str::FromStr for Decimal {
    type Err = DecimalError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let lower = text.to_ascii_lowercase();
        if text.is_empty() {
            return Err(DecimalError::Empty);
        }
        if text.starts_with('-') {
            return Err(DecimalError::Negative);
        }
        if matches!(
            lower.trim_start_matches(['+', '-']),
            ".nan" | ".inf" | "nan" | "inf" | "infinity"
        ) {
            return Err(DecimalError::NotFinite);
        }
        if lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b") {
            return Err(DecimalError::Radix);
        }
        let (int, frac) = match text.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (text, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || !frac.is_none_or(all_digits) {
            let numberish = text.bytes().all(|b| {
                b.is_ascii_digit()
                    || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-' | b'_' | b',' | b' ')
            });
            return Err(if !numberish {
                DecimalError::Malformed
            } else if text.contains(['_', ',', ' ']) {
                DecimalError::Separator
            } else if text.contains(['e', 'E']) {
                DecimalError::Exponent
            } else {
                DecimalError::Malformed
            });
        }
        if int.len() > 1 && int.starts_with('0') {
            return Err(DecimalError::LeadingZero);
        }
        let frac = frac.unwrap_or("");
        let scale = u8::try_from(frac.len()).map_err(|_| DecimalError::TooLarge)?;
        let digits = int.trim_start_matches('0').len() + frac.len();
        if digits > 19 || scale > 19 {
            return Err(DecimalError::TooLarge);
        }
        let mut mantissa: u64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(b - b'0')))
                .ok_or(DecimalError::TooLarge)?;
        }
        Ok(Self { mantissa, scale })
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_scaled(f, u128::from(self.mantissa), self.scale)
    }
}

/// Writes `value / 10^scale` with exactly `scale` fraction digits.
pub(crate) fn write_scaled(f: &mut impl fmt::Write, value: u128, scale: u8) -> fmt::Result {
    if scale == 0 {
        return write!(f, "{value}");
    }
    let divisor = 10u128.pow(u32::from(scale));
    write!(
        f,
        "{}.{:0width$}",
        value / divisor,
        value % divisor,
        width = usize::from(scale)
    )
}

#[cfg(feature = "serde")]
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads the decimal text it serializes to (`"130000"`, `"35.50"`), parsed
/// exactly as [`FromStr`](std::str::FromStr) parses it: never a float.
#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::text::parse_text(deserializer, "amount")
    }
}

/// An exact percentage, written `12%` or `0.12` in a ladder file.
///
/// ```
/// use dualtrack::Percent;
///
/// let p: Percent = "12.5%".parse()?;
/// assert_eq!(p, "0.125".parse()?);
/// assert_eq!(p.to_string(), "12.5%");
/// // Equal by value, however many digits were written.
/// assert_eq!(p, "0.12500".parse()?);
/// # Ok::<(), dualtrack::DecimalError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialOrd, Ord)]
pub struct Percent(Decimal);

/// By value: `15%`, `0.15` and `0.150` are one percentage (as they order).
impl PartialEq for Percent {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Percent {}

/// By value, as equality goes: the digits that matter.
impl std::hash::Hash for Percent {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let scale = self.0.significant_scale();
        (self.0.to_scale(scale), scale).hash(state);
    }
}

impl Percent {
    /// A whole number of percent.
    pub const fn whole(percent: u64) -> Self {
        Self(Decimal {
            mantissa: percent,
            scale: 2,
        })
    }

    /// The percentage as a fraction: `0.125` for `12.5%`.
    pub const fn fraction(self) -> Decimal {
        self.0
    }

    /// How `numerator / denominator` compares with this percentage, exactly.
    pub(crate) fn compare(self, numerator: u128, denominator: u128) -> Ordering {
        let scaled = numerator.saturating_mul(10u128.pow(u32::from(self.0.scale)));
        scaled.cmp(&denominator.saturating_mul(u128::from(self.0.mantissa)))
    }

    /// Whether `numerator / denominator` is at most this percentage, exactly.
    pub(crate) fn admits(self, numerator: u128, denominator: u128) -> bool {
        self.compare(numerator, denominator) != Ordering::Greater
    }
}

impl std::str::FromStr for Percent {
    type Err = DecimalError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.strip_suffix('%') {
            Some(number) => {
                let d: Decimal = number.trim_end().parse()?;
                let scale = d
                    .scale
                    .checked_add(2)
                    .filter(|s| *s <= 19)
                    .ok_or(DecimalError::TooLarge)?;
                Ok(Self(Decimal {
                    mantissa: d.mantissa,
                    scale,
                }))
            }
            None => text.parse().map(Self),
        }
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        let scale = d.significant_scale().max(2);
        let value = d.to_scale(scale).map_or(0, u128::from);
        let mut text = String::new();
        write_scaled(&mut text, value, scale - 2)?;
        write!(f, "{text}%")
    }
}

/// As [`Display`](fmt::Display) writes it: `"12.5%"`, every digit that
/// matters, so that it reads back equal.
#[cfg(feature = "serde")]
impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads `"12.5%"` or `"0.125"`, as [`FromStr`](std::str::FromStr) does.
#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::text::parse_text(deserializer, "percentage")
    }
}

/// `numerator / denominator` as a percentage for messages: one decimal, or
/// as many more as it takes not to read as `limit` when it differs from it.
pub(crate) fn ratio_text(numerator: u128, denominator: u128, limit: Percent) -> String {
    if denominator == 0 {
        return "infinite".to_owned();
    }
    let at_limit = limit.compare(numerator, denominator) == Ordering::Equal;
    let mut text = String::new();
    for decimals in 1..=6u8 {
        let unit = 100 * 10u128.pow(u32::from(decimals));
        let scaled = (numerator.saturating_mul(unit) + denominator / 2) / denominator;
        text.clear();
        let _ = write_scaled(&mut text, scaled, decimals);
        let trimmed = text.trim_end_matches('0').trim_end_matches('.');
        text = format!("{trimmed}%");
        if at_limit || text != limit.to_string() {
            break;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_decimals_exactly() {
        let d: Decimal = "130000.00".parse().unwrap();
        assert_eq!((d.mantissa(), d.scale()), (13_000_000, 2));
        assert_eq!(d.to_scale(2), Some(13_000_000));
        assert_eq!(d.to_scale(0), Some(130_000));
        assert_eq!("35.55".parse::<Decimal>().unwrap().to_scale(1), None);
        assert_eq!("0".parse::<Decimal>().unwrap(), Decimal::ZERO);
    }

    #[test]
    fn rejects_every_other_spelling() {
        for (text, error) in [
            ("-5", DecimalError::Negative),
            ("1e5", DecimalError::Exponent),
            ("0x1F", DecimalError::Radix),
            ("12_000", DecimalError::Separator),
            ("120.000,00", DecimalError::Separator),
            (".nan", DecimalError::NotFinite),
            (".inf", DecimalError::NotFinite),
            ("0123", DecimalError::LeadingZero),
            ("$120k", DecimalError::Malformed),
            ("1.", DecimalError::Malformed),
            (".5", DecimalError::Malformed),
            ("", DecimalError::Empty),
            ("99999999999999999999", DecimalError::TooLarge),
        ] {
            assert_eq!(text.parse::<Decimal>(), Err(error), "{text}");
        }
    }

    #[test]
    fn percentages_are_exact() {
        let p: Percent = "12%".parse().unwrap();
        assert_eq!(p.fraction(), "0.12".parse().unwrap());
        assert_eq!(p.to_string(), "12%");
        assert!(p.admits(12, 100));
        assert!(!p.admits(121, 1000));
        assert_eq!(p.compare(119, 1000), Ordering::Less);
        assert_eq!(Percent::whole(0).to_string(), "0%");
        assert_eq!(ratio_text(1, 3, Percent::whole(20)), "33.3%");
        // Never reads as the limit it is compared with.
        assert_eq!(ratio_text(1996, 10000, Percent::whole(20)), "19.96%");
        assert_eq!(ratio_text(20, 100, Percent::whole(20)), "20%");
    }
}
