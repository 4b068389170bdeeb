//! JSON Pointers (RFC 6901) into a ladder document.

use std::fmt;

/// A JSON Pointer (RFC 6901) naming one node of a ladder document, such as
/// `/tracks/0/levels/2/band/max`.
///
/// Findings store a pointer rather than a position: the line and column are
/// looked up in the document's spans when the report is built.
///
/// ```
/// use dualtrack::Pointer;
///
/// let pointer = Pointer::root().key("tracks").index(0).key("a/b");
/// assert_eq!(pointer.as_str(), "/tracks/0/a~1b");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Pointer(String);

/// Reads a JSON Pointer: the empty string, or `/` and its tokens.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Pointer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.is_empty() || text.starts_with('/') {
            Ok(Self(text))
        } else {
            Err(serde::de::Error::custom(format!(
                "invalid JSON Pointer `{}`: it starts with `/`",
                crate::text::escape(&text)
            )))
        }
    }
}

impl Pointer {
    /// The pointer to the whole document (the empty string).
    pub fn root() -> Self {
        Self(String::new())
    }

    /// This pointer extended by a mapping key, escaped as RFC 6901 requires.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut text = String::with_capacity(self.0.len() + key.len() + 1);
        text.push_str(&self.0);
        text.push('/');
        for c in key.chars() {
            match c {
                '~' => text.push_str("~0"),
                '/' => text.push_str("~1"),
                c => text.push(c),
            }
        }
        Self(text)
    }

    /// This pointer extended by a sequence index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        Self(format!("{}/{index}", self.0))
    }

    /// The pointer as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The unescaped reference tokens of the pointer, outermost first.
    pub fn tokens(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .split('/')
            .skip(1)
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &Pointer) -> bool {
        self.0 == other.0
            || (self.0.starts_with(&other.0) && self.0.as_bytes().get(other.0.len()) == Some(&b'/'))
    }

    /// The pointer one level up; the root is its own parent.
    #[must_use]
    pub fn parent(&self) -> Self {
        match self.0.rfind('/') {
            Some(at) => Self(self.0[..at].to_owned()),
            None => Self::root(),
        }
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_unescapes_tokens() {
        let pointer = Pointer::root().key("a~b").key("c/d").index(3);
        assert_eq!(pointer.as_str(), "/a~0b/c~1d/3");
        assert_eq!(pointer.tokens().collect::<Vec<_>>(), ["a~b", "c/d", "3"]);
    }

    #[test]
    fn prefix_respects_token_boundaries() {
        let level = Pointer::root().key("levels").index(1);
        assert!(level.key("band").starts_with(&level));
        assert!(!Pointer::root().key("levels").index(10).starts_with(&level));
        assert_eq!(level.parent(), Pointer::root().key("levels"));
    }
}
