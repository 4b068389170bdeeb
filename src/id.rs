//! Identifiers: `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`, at most 64 ASCII characters.

use std::borrow::Borrow;
use std::fmt;

use crate::text::is_hidden;

/// The longest identifier accepted.
pub const MAX_ID_LEN: usize = 64;

/// The identifier grammar as a regular expression, for the JSON Schema and
/// for editors: [`check_id`] accepts exactly the strings of at most
/// [`MAX_ID_LEN`] characters that it matches (a test holds the two together).
pub const ID_PATTERN: &str = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

/// Why text is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// Nothing was written.
    #[error("an identifier cannot be empty")]
    Empty,
    /// More than [`MAX_ID_LEN`] characters.
    #[error("an identifier has at most {MAX_ID_LEN} characters, this one has {0}")]
    TooLong(usize),
    /// An upper-case ASCII letter.
    #[error("upper-case letter `{0}` at position {1}")]
    Uppercase(char, usize),
    /// Any character other than `a-z`, `0-9` and `-` (shown escaped when it is invisible).
    #[error("character `{0}` at position {1} is not allowed")]
    Character(String, usize),
    /// Starts with a digit or a hyphen.
    #[error("an identifier starts with a letter")]
    Start,
    /// `--` or a trailing `-`.
    #[error("hyphens separate words: no `--` and no `-` at the end")]
    Hyphen,
}

/// Checks `text` against the identifier grammar.
///
/// ```
/// assert!(dualtrack::check_id("staff-engineer").is_ok());
/// assert!(dualtrack::check_id("Staff").is_err());
/// assert!(dualtrack::check_id("ic\u{200b}6").is_err());
/// ```
///
/// # Errors
///
/// [`IdError`] says what is wrong and at which (1-based, character) position:
/// `Staff` (upper case), `ic 6` (a space), `../ic6` (a path), `6ic`, `ic--6`,
/// and anything longer than 64 characters.
pub fn check_id(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    for (i, c) in text.chars().enumerate() {
        let position = i + 1;
        if c.is_ascii_uppercase() {
            return Err(IdError::Uppercase(c, position));
        }
        if !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            let shown = if c.is_ascii_graphic() {
                c.to_string()
            } else if c.is_whitespace() || is_hidden(c) {
                c.escape_unicode().to_string()
            } else {
                // Visible but not ASCII, such as a Cyrillic `а` that looks like `a`.
                format!("{c} ({})", c.escape_unicode())
            };
            return Err(IdError::Character(shown, position));
        }
    }
    let count = text.chars().count();
    if count > MAX_ID_LEN {
        return Err(IdError::TooLong(count));
    }
    if !text.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(IdError::Start);
    }
    if text.contains("--") || text.ends_with('-') {
        return Err(IdError::Hyphen);
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(Box<str>);

        /// Reads the id from a string, checked as [`new`](Self::new) checks it.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::text::parse_text(deserializer, "id")
            }
        }

        impl $name {
            /// Checks `text` against the identifier grammar.
            ///
            /// # Errors
            ///
            /// When `text` is not a valid identifier; see [`check_id`].
            pub fn new(text: &str) -> Result<Self, IdError> {
                check_id(text)?;
                Ok(Self(text.into()))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;

            fn from_str(text: &str) -> Result<Self, IdError> {
                Self::new(text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type! {
    /// The id of a ladder, such as `engineering`.
    LadderId
}
id_type! {
    /// The id of a track, such as `ic` or `management`.
    TrackId
}
id_type! {
    /// The id of a level, unique across its ladder, such as `ic6`.
    ///
    /// ```
    /// let id: dualtrack::LevelId = "ic6".parse()?;
    /// assert_eq!(id.as_str(), "ic6");
    /// # Ok::<(), dualtrack::IdError>(())
    /// ```
    LevelId
}
id_type! {
    /// The id of a competency, such as `technical-depth`.
    CompetencyId
}
id_type! {
    /// The id of a location zone, such as `london`.
    ZoneId
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case() {
        for id in ["a", "ic6", "staff-engineer", "l10-b2"] {
            assert_eq!(check_id(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn names_the_offending_character() {
        assert_eq!(check_id("Ic6"), Err(IdError::Uppercase('I', 1)));
        assert_eq!(
            check_id("ic 6"),
            Err(IdError::Character("\\u{20}".into(), 3))
        );
        assert_eq!(
            check_id("ic\u{202e}6"),
            Err(IdError::Character("\\u{202e}".into(), 3))
        );
        assert_eq!(check_id("../ic"), Err(IdError::Character(".".into(), 1)));
        assert_eq!(
            check_id("ic\u{430}"),
            Err(IdError::Character("\u{430} (\\u{430})".into(), 3))
        );
        assert_eq!(check_id("6ic"), Err(IdError::Start));
        assert_eq!(check_id("ic--6"), Err(IdError::Hyphen));
        assert_eq!(check_id(&"a".repeat(65)), Err(IdError::TooLong(65)));
    }
}
