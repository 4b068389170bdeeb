//! Calendar dates, as ISO 8601 writes them: `2024-04-01`.

use std::fmt;

#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar, such as the date a ladder's
/// pay takes effect (`Ladder::effective_date`).
///
/// Read from and shown as an ISO 8601 calendar date, `YYYY-MM-DD`, years 0001
/// to 9999; a date that does not exist (`2024-13-01`, `2023-02-29`) is not
/// one. Dates order by time.
///
/// ```
/// use dualtrack::Date;
///
/// let date: Date = "2024-02-29".parse()?;
/// assert_eq!((date.year(), date.month(), date.day()), (2024, 2, 29));
/// assert_eq!(date.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// assert!("April 2024".parse::<Date>().is_err());
/// assert!(date < "2024-03-01".parse()?);
/// # Ok::<(), dualtrack::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not an ISO 8601 calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not written `YYYY-MM-DD` with digits.
    #[error("a date is written `YYYY-MM-DD`")]
    Format,
    /// Year 0000.
    #[error("the year is from 0001 to 9999")]
    Year,
    /// A month outside 01 to 12.
    #[error("the month is from 01 to 12")]
    Month,
    /// A day the month does not have.
    #[error("the month has {0} days")]
    Day(u8),
}

impl Date {
    /// The date, when it exists: `None` for `2023-02-29` or month 13.
    ///
    /// ```
    /// assert!(dualtrack::Date::new(2024, 2, 29).is_some());
    /// assert!(dualtrack::Date::new(2100, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        Self::checked(year, month, day).ok()
    }

    fn checked(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(DateError::Year);
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month);
        }
        let days = days_in_month(year, month);
        if !(1..=days).contains(&day) {
            return Err(DateError::Day(days));
        }
        Ok(Self { year, month, day })
    }

    /// The year, from 1 to 9999.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, from 1 (January) to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }
}

/// Whether `year` is a leap year of the Gregorian calendar.
fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    /// Exactly `YYYY-MM-DD`: four, two and two ASCII digits.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError::Format);
        }
        let number = |range: std::ops::Range<usize>| {
            bytes[range]
                .iter()
                .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'))
        };
        let month = u8::try_from(number(5..7)).map_err(|_| DateError::Month)?;
        let day = u8::try_from(number(8..10)).map_err(|_| DateError::Format)?;
        Self::checked(number(0..4), month, day)
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2024-04-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// As ISO 8601 text, `"2024-04-01"`.
#[cfg(feature = "serde")]
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// From ISO 8601 text, checked as [`str::parse`] checks it.
#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_dates_that_exist() {
        let ok = [
            "2024-04-01",
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
        ];
        for text in ok {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
        let bad = [
            ("2024-13-01", DateError::Month),
            ("2024-00-10", DateError::Month),
            ("2024-02-30", DateError::Day(29)),
            ("2023-02-29", DateError::Day(28)),
            ("1900-02-29", DateError::Day(28)),
            ("2024-04-31", DateError::Day(30)),
            ("2024-04-00", DateError::Day(30)),
            ("0000-01-01", DateError::Year),
            ("April 2024", DateError::Format),
            ("2024-4-1", DateError::Format),
            ("2024-04-01T00:00", DateError::Format),
            ("+024-04-01", DateError::Format),
            ("２０２４-04-01", DateError::Format),
            ("", DateError::Format),
        ];
        for (text, error) in bad {
            assert_eq!(text.parse::<Date>(), Err(error), "{text}");
        }
    }
}
