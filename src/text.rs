//! Text as messages show it: quoting user text safely, naming ids, counting
//! lines and columns, plurals and did-you-mean. The bottom of the crate: it
//! knows nothing of ladders.

use std::borrow::Cow;
use std::fmt;

/// A 1-based line and column in a ladder file; the column counts characters.
///
/// Its fields are public to read; build one with [`Location::new`] (it may
/// gain fields, such as a byte offset, without a major version).
///
/// ```
/// let location = dualtrack::Location::new(3, 9);
/// assert_eq!((location.line, location.column), (3, 9));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Location {
    /// Line `line`, column `column`, both 1-based.
    pub const fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }
}

/// The most characters of user text that a message quotes.
const MAX_QUOTED: usize = 100;

/// Text as a message quotes it: control, invisible and bidi characters shown
/// as escapes, so that a message can never drive a terminal or hide what it
/// quotes, and cut after 100 characters, so that a long value
/// cannot make every message that names it long.
///
/// ```
/// assert_eq!(dualtrack::escape("no\u{202E}lmx.yaml"), "no\\u{202e}lmx.yaml");
/// assert_eq!(dualtrack::escape(&"a".repeat(150)), format!("{}...", "a".repeat(100)));
/// ```
pub fn escape(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED) {
        Some((cut, _)) => {
            let mut out = escape_whole(&text[..cut]);
            out.push_str("...");
            out
        }
        None => escape_whole(text),
    }
}

/// Text with control, invisible and bidi characters shown as escapes, as
/// [`escape`] shows them, but whole: for text the reader needs every
/// character of, such as a path in an error message.
///
/// ```
/// let path = format!("{}/no\u{202E}lmx.yaml", "d".repeat(150));
/// let shown = dualtrack::escape_whole(&path);
/// assert!(shown.ends_with("/no\\u{202e}lmx.yaml"));
/// assert!(!shown.contains('\u{202E}'));
/// ```
pub fn escape_whole(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The 1-based line and column (in characters) of byte `at` of `source`,
/// counting line breaks as YAML does: `\n`, `\r\n` and a lone `\r`.
pub(crate) fn location_of(source: &str, at: usize) -> Location {
    let mut at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let before = &source.as_bytes()[..at];
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in before.iter().enumerate() {
        let is_break = b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n'));
        if is_break {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = source[line_start..at].chars().count() + 1;
    Location { line, column }
}

/// Characters that would be invisible, reorder text or drive a terminal.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}')
}

pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    let escaped = escape(text);
    if escaped.chars().count() <= MAX {
        escaped
    } else {
        let cut: String = escaped.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// Ids for a message, in backticks, joined by `sep`: the first ten, then how
/// many more, so that a message stays short whatever the file holds.
pub(crate) fn names(ids: &[&str], sep: &str) -> String {
    const SHOWN: usize = 10;
    let mut text = ids
        .iter()
        .take(SHOWN)
        .map(|id| format!("`{}`", escape(id)))
        .collect::<Vec<_>>()
        .join(sep);
    if ids.len() > SHOWN {
        text.push_str(&format!(" and {} more", ids.len() - SHOWN));
    }
    text
}

/// Items as `a`, `a and b` or `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// Each of `items` once, in the order of first appearance.
pub(crate) fn unique<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(*item))
        .collect()
}

/// `word` or `words`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    Count::new(n, word).noun().into_owned()
}

/// A number and the noun it counts, plural unless the number is one:
/// `1 file`, `3 files`, `2 competencies`.
///
/// ```
/// use dualtrack::Count;
///
/// assert_eq!(Count::new(1, "file").to_string(), "1 file");
/// assert_eq!(Count::new(0, "error").to_string(), "0 errors");
/// let rated = Count::new(5, "competency").plural("competencies");
/// assert_eq!(rated.to_string(), "5 competencies");
/// assert_eq!(rated.noun(), "competencies");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count<'w> {
    n: usize,
    one: &'w str,
    many: Option<&'w str>,
}

impl<'w> Count<'w> {
    /// `n` of `noun`, whose plural adds an `s`.
    pub fn new(n: usize, noun: &'w str) -> Self {
        Self {
            n,
            one: noun,
            many: None,
        }
    }

    /// The same count, with the plural of a noun that does not just add an `s`.
    #[must_use]
    pub fn plural(self, many: &'w str) -> Self {
        Self {
            many: Some(many),
            ..self
        }
    }

    /// The noun alone, singular or plural as the number asks.
    pub fn noun(&self) -> Cow<'w, str> {
        match (self.n, self.many) {
            (1, _) => Cow::Borrowed(self.one),
            (_, Some(many)) => Cow::Borrowed(many),
            (_, None) => Cow::Owned(format!("{}s", self.one)),
        }
    }
}

impl fmt::Display for Count<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.n, self.noun())
    }
}

/// The known names closest to `unknown`, when they are close enough to be a
/// typo (an edit for every three characters), all those tied at the best
/// distance, in the order given.
///
/// Its work is bounded whatever the input: names whose lengths alone rule
/// them out are skipped, and the search gives up after comparing about a
/// million characters pairwise, as a hostile file with thousands of long
/// names would make it do.
pub(crate) fn closest<'k>(unknown: &str, known: impl IntoIterator<Item = &'k str>) -> Vec<&'k str> {
    const BUDGET: usize = 1 << 20;
    let length = unknown.chars().count();
    let mut spent = 0usize;
    let mut best = usize::MAX;
    let mut found = Vec::new();
    for k in known {
        let allowed = (k.len() / 3).max(1);
        if length.abs_diff(k.chars().count()) > allowed {
            continue;
        }
        spent = spent.saturating_add(length.saturating_mul(k.len()));
        if spent > BUDGET {
            break;
        }
        let distance = strsim::damerau_levenshtein(unknown, k);
        if distance > allowed || distance > best {
            continue;
        }
        if distance < best {
            best = distance;
            found.clear();
        }
        found.push(k);
    }
    found
}

/// The known name closest to `unknown` (the first of [`closest`]), for a
/// "did you mean" hint.
pub(crate) fn did_you_mean<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    closest(unknown, known.iter().copied()).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_hidden_characters() {
        assert_eq!(escape("a\u{202E}b\x1b"), "a\\u{202e}b\\u{1b}");
    }

    #[test]
    fn closest_keeps_every_tie_and_did_you_mean_the_first() {
        let known = ["band", "bank", "brand", "grade"];
        assert_eq!(closest("banx", known), ["band", "bank"]);
        assert_eq!(did_you_mean("banx", &known), Some("band"));
        assert_eq!(did_you_mean("zzzzzz", &known), None);
    }
}

/// A name that is none of the names a value can have: `fatal` as a severity,
/// `yearly` as a pay period.
///
/// ```
/// let error = "fatal".parse::<dualtrack::Severity>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown severity `fatal`; the choices are `note`, `warning`, `error`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    what: String,
    found: String,
    choices: Vec<&'static str>,
}

impl UnknownName {
    pub(crate) fn new(what: impl Into<String>, found: &str, choices: &[&'static str]) -> Self {
        Self {
            what: what.into(),
            found: found.to_owned(),
            choices: choices.to_vec(),
        }
    }

    /// The name given.
    pub fn found(&self) -> &str {
        &self.found
    }

    /// The names it could have been, when they are few enough to list.
    pub fn choices(&self) -> &[&'static str] {
        &self.choices
    }
}

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} `{}`", self.what, escape(&self.found))?;
        if let Some(near) = did_you_mean(&self.found, &self.choices) {
            return write!(f, "; did you mean `{near}`?");
        }
        if !self.choices.is_empty() {
            let list: Vec<String> = self.choices.iter().map(|c| format!("`{c}`")).collect();
            write!(f, "; the choices are {}", list.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownName {}

/// A type's name in words: `PayPeriod` is `pay period`.
pub(crate) fn words(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push(' ');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A string parsed with `FromStr`, the error naming `what` and the text.
#[cfg(feature = "serde")]
pub(crate) fn parse_text<'de, D, T>(deserializer: D, what: &str) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let text = <String as serde::Deserialize>::deserialize(deserializer)?;
    text.parse().map_err(|error| {
        serde::de::Error::custom(format!("invalid {what} `{}`: {error}", escape(&text)))
    })
}
