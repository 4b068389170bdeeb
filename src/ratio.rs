//! Exact ratios: compa-ratios and range penetrations, never floats.

use std::cmp::Ordering;
use std::fmt::{self, Write as _};

#[cfg(feature = "serde")]
use serde::{Serialize, Serializer};

/// An exact rational number `numerator / denominator`, such as a compa-ratio
/// (salary / midpoint) or a range penetration ((salary - min) / (max - min)).
///
/// It is kept in lowest terms with a positive denominator, so that equal
/// values are equal (`2/4 == 1/2`), and it compares exactly, without
/// overflow, however large its parts.
///
/// It displays as a decimal rounded half away from zero: four decimals by
/// default, or the precision asked for (`{:.2}`). [`percent`](Self::percent)
/// displays it as a percentage, two decimals by default. Rounding happens only
/// in the display: the value itself stays exact.
///
/// ```
/// use dualtrack::Ratio;
///
/// let third = Ratio::new(1, 3).unwrap();
/// assert_eq!(third.to_string(), "0.3333");
/// assert_eq!(format!("{:.1}", third.percent()), "33.3%");
/// assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
/// assert!(Ratio::new(-1, 10).unwrap() < Ratio::ZERO);
/// assert!(Ratio::new(2, 0).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    numerator: i128,
    denominator: i128,
}

/// Decimals shown by default: `1.0169`, and as a percentage `101.69%`.
const DEFAULT_DECIMALS: usize = 4;

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio {
        numerator: 0,
        denominator: 1,
    };

    /// One: a salary at the midpoint has a compa-ratio of one.
    pub const ONE: Ratio = Ratio {
        numerator: 1,
        denominator: 1,
    };

    /// `numerator / denominator` in lowest terms; `None` when the denominator
    /// is zero, or when a negative part is `i128::MIN` (which has no positive
    /// counterpart).
    pub fn new(numerator: i128, denominator: i128) -> Option<Self> {
        if denominator == 0 {
            return None;
        }
        let (numerator, denominator) = if denominator < 0 {
            (numerator.checked_neg()?, denominator.checked_neg()?)
        } else {
            (numerator, denominator)
        };
        let divisor = gcd(numerator.unsigned_abs(), denominator.unsigned_abs());
        // The divisor divides both parts, so it fits in an i128 whenever it
        // is not 1... except for gcd(i128::MIN, i128::MIN), refused above.
        let divisor = i128::try_from(divisor).ok()?;
        Some(Self {
            numerator: numerator / divisor,
            denominator: denominator / divisor,
        })
    }

    /// The numerator, in lowest terms; negative for a negative ratio.
    pub fn numerator(self) -> i128 {
        self.numerator
    }

    /// The denominator, in lowest terms; always positive.
    pub fn denominator(self) -> i128 {
        self.denominator
    }

    /// Whether it is below zero.
    pub fn is_negative(self) -> bool {
        self.numerator < 0
    }

    /// The ratio displayed as a percentage: `{}` gives two decimals
    /// (`101.69%`), `{:.1}` one.
    ///
    /// ```
    /// let compa = dualtrack::Ratio::new(61, 60).unwrap();
    /// assert_eq!(compa.percent().to_string(), "101.67%");
    /// assert_eq!(format!("{:.0}", compa.percent()), "102%");
    /// ```
    pub fn percent(self) -> impl fmt::Display + Copy {
        AsPercent(self)
    }

    /// Writes the value times `10^shift` with `decimals` fraction digits,
    /// rounded half away from zero, by long division (no overflow).
    fn write(self, f: &mut fmt::Formatter<'_>, shift: usize, decimals: usize) -> fmt::Result {
        let denominator = self.denominator.unsigned_abs();
        let magnitude = self.numerator.unsigned_abs();
        let mut integer = magnitude / denominator;
        let mut remainder = magnitude % denominator;
        let mut digits: Vec<u8> = Vec::with_capacity(shift + decimals);
        for _ in 0..shift + decimals {
            let (digit, rest) = times_ten(remainder, denominator);
            digits.push(digit);
            remainder = rest;
        }
        // Half away from zero: up when the remainder is at least half the denominator.
        if remainder >= denominator - remainder {
            let mut carry = true;
            for digit in digits.iter_mut().rev() {
                if *digit == 9 {
                    *digit = 0;
                } else {
                    *digit += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                integer += 1;
            }
        }
        // The first `shift` digits belong to the integer part.
        let (shifted, fraction) = digits.split_at(shift);
        let mut whole = integer.to_string();
        whole.extend(shifted.iter().map(|d| char::from(b'0' + d)));
        let whole = match whole.trim_start_matches('0') {
            "" => "0",
            trimmed => trimmed,
        };
        let rounds_to_zero = whole == "0" && fraction.iter().all(|d| *d == 0);
        if self.numerator < 0 && !rounds_to_zero {
            f.write_str("-")?;
        }
        f.write_str(whole)?;
        if !fraction.is_empty() {
            f.write_str(".")?;
            for d in fraction {
                f.write_char(char::from(b'0' + d))?;
            }
        }
        Ok(())
    }
}

/// `remainder * 10` divided by `denominator`, as (digit, new remainder),
/// without overflow: `remainder < denominator`.
fn times_ten(remainder: u128, denominator: u128) -> (u8, u128) {
    let mut digit = 0u8;
    let mut acc = 0u128;
    for _ in 0..10 {
        // acc + remainder, reduced modulo the denominator.
        if acc >= denominator - remainder {
            acc -= denominator - remainder;
            digit += 1;
        } else {
            acc += remainder;
        }
    }
    (digit, acc)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

/// Compares `a / b` with `c / d` (non-negative, `b` and `d` positive) by
/// their continued fractions, which never overflows.
fn compare_magnitudes(mut a: u128, mut b: u128, mut c: u128, mut d: u128) -> Ordering {
    let mut flipped = false;
    loop {
        let (q1, r1) = (a / b, a % b);
        let (q2, r2) = (c / d, c % d);
        let order = match q1.cmp(&q2) {
            Ordering::Equal => match (r1 == 0, r2 == 0) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                // r1/b vs r2/d is b/r1 vs d/r2, reversed.
                (false, false) => {
                    (a, b, c, d) = (b, r1, d, r2);
                    flipped = !flipped;
                    continue;
                }
            },
            order => order,
        };
        return if flipped { order.reverse() } else { order };
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        let sign = |r: &Ratio| r.numerator.signum();
        match sign(self).cmp(&sign(other)) {
            Ordering::Equal => {}
            order => return order,
        }
        let order = compare_magnitudes(
            self.numerator.unsigned_abs(),
            self.denominator.unsigned_abs(),
            other.numerator.unsigned_abs(),
            other.denominator.unsigned_abs(),
        );
        if self.numerator < 0 {
            order.reverse()
        } else {
            order
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, 0, f.precision().unwrap_or(DEFAULT_DECIMALS))
    }
}

#[derive(Clone, Copy)]
struct AsPercent(Ratio);

impl fmt::Display for AsPercent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0
            .write(f, 2, f.precision().unwrap_or(DEFAULT_DECIMALS - 2))?;
        f.write_str("%")
    }
}

/// Serializes as `{ "value": "1.0169", "fraction": "61/60" }`: the rounded
/// decimal for display, and the exact value as text (no JSON number can hold
/// every ratio exactly).
#[cfg(feature = "serde")]
impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Ratio", 2)?;
        s.serialize_field("value", &self.to_string())?;
        s.serialize_field(
            "fraction",
            &format!("{}/{}", self.numerator, self.denominator),
        )?;
        s.end()
    }
}

/// Reads what it serializes: the exact `fraction` (`"61/60"`); `value` is
/// its rounding and must agree with it.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Ratio {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wire {
            value: String,
            fraction: String,
        }
        let Wire { value, fraction } = Wire::deserialize(deserializer)?;
        let parsed = fraction
            .split_once('/')
            .and_then(|(n, d)| Some((n.trim().parse().ok()?, d.trim().parse().ok()?)))
            .and_then(|(n, d)| Ratio::new(n, d));
        let ratio = parsed.ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid fraction `{}`: write it `numerator/denominator`, such as `61/60`",
                crate::text::escape(&fraction)
            ))
        })?;
        if ratio.to_string() != value {
            return Err(serde::de::Error::custom(format!(
                "value `{}` is not the fraction {fraction} rounded ({ratio})",
                crate::text::escape(&value)
            )));
        }
        Ok(ratio)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn keeps_lowest_terms_with_a_positive_denominator() {
        assert_eq!((r(6, -4).numerator(), r(6, -4).denominator()), (-3, 2));
        assert_eq!(r(0, -7), Ratio::ZERO);
        assert_eq!(Ratio::new(1, 0), None);
        assert_eq!(Ratio::new(i128::MIN, -1), None);
        assert_eq!(r(i128::MIN, 1).numerator(), i128::MIN);
    }

    #[test]
    fn displays_rounded_half_away_from_zero() {
        assert_eq!(r(1, 3).to_string(), "0.3333");
        assert_eq!(r(2, 3).to_string(), "0.6667");
        assert_eq!(r(-2, 3).to_string(), "-0.6667");
        assert_eq!(format!("{:.2}", r(1, 8)), "0.13");
        assert_eq!(format!("{:.2}", r(-1, 8)), "-0.13");
        assert_eq!(format!("{:.0}", r(1, 2)), "1");
        assert_eq!(format!("{:.0}", r(-1, 2)), "-1");
        assert_eq!(format!("{:.3}", r(19_999, 10_000)), "2.000");
        assert_eq!(format!("{:.2}", r(-1, 1000)), "0.00", "no negative zero");
        assert_eq!(Ratio::ONE.to_string(), "1.0000");
        assert_eq!(r(7, 1).percent().to_string(), "700.00%");
        assert_eq!(r(-1, 3).percent().to_string(), "-33.33%");
        assert_eq!(format!("{:.0}", r(1, 200).percent()), "1%");
        assert_eq!(format!("{:.0}", r(1, 201).percent()), "0%");
        assert_eq!(format!("{:.1}", r(9_999, 10_000).percent()), "100.0%");
        // Agrees with integer rounding of n * 100 / d, half away from zero.
        for n in -300i128..=300 {
            for d in 1i128..=40 {
                let hundredths = (2 * n.abs() * 100 + d) / (2 * d) * n.signum();
                let sign = if hundredths < 0 { "-" } else { "" };
                let (whole, cents) = (hundredths.abs() / 100, hundredths.abs() % 100);
                let expected = format!("{sign}{whole}.{cents:02}");
                assert_eq!(format!("{:.2}", r(n, d)), expected, "{n}/{d}");
            }
        }
    }

    #[test]
    fn huge_parts_neither_overflow_nor_lose_digits() {
        let big = r(i128::MAX, i128::MAX - 1);
        assert_eq!(big.to_string(), "1.0000");
        assert!(big > Ratio::ONE);
        let max = r(i128::MAX, 1);
        assert_eq!(max.to_string(), format!("{}.0000", i128::MAX));
        assert!(max.percent().to_string().ends_with("00.00%"));
        let tiny = r(1, i128::MAX);
        assert_eq!(format!("{:.40}", tiny).len(), 42);
        assert!(tiny > Ratio::ZERO && tiny < r(1, i128::MAX - 1));
    }

    #[test]
    fn compares_exactly() {
        let mut values = [
            r(2, 3),
            r(-1, 2),
            r(1, 3),
            Ratio::ONE,
            r(-2, 3),
            Ratio::ZERO,
        ];
        values.sort();
        assert_eq!(
            values,
            [
                r(-2, 3),
                r(-1, 2),
                Ratio::ZERO,
                r(1, 3),
                r(2, 3),
                Ratio::ONE
            ]
        );
        // Equal to twelve decimals, still ordered.
        assert!(r(1_000_000_000_000, 3_000_000_000_001) < r(1, 3));
        assert_eq!(r(5, 10).cmp(&r(1, 2)), Ordering::Equal);
        // Agrees with cross-multiplication wherever that does not overflow.
        for (a, b) in (-12..=12).flat_map(|a| (1..=12).map(move |b| (a, b))) {
            for (c, d) in (-12..=12).flat_map(|c| (1..=12).map(move |d| (c, d))) {
                assert_eq!(
                    r(a, b).cmp(&r(c, d)),
                    (a * d).cmp(&(c * b)),
                    "{a}/{b} {c}/{d}"
                );
            }
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serializes_the_rounded_value_and_the_exact_fraction() {
        let json = serde_json::to_value(r(61, 60)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "value": "1.0167", "fraction": "61/60" })
        );
    }
}
