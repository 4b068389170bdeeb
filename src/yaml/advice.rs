//! Syntax errors in words a people-ops editor acts on: the common mistakes
//! of quick typing (a `: ` inside text, a quote never closed, a comment
//! inside `{ }`, `grade:4`, an apostrophe in single quotes, an indentation
//! off by a space) get a plain message, a concrete fix and, where the
//! parser notices the mistake later than it was made, the place it was
//! made. Everything else keeps the parser's message, with its jargon
//! translated.

use granit_parser::ErrorKind;

use crate::text::Count;

/// What to say about a syntax error.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Advice {
    pub(super) message: String,
    pub(super) help: String,
    /// Where the mistake is, when not where the parser stopped: a byte
    /// offset; the parser's place becomes a related one, with its label.
    pub(super) at: Option<(usize, &'static str)>,
}

const GENERIC_HELP: &str =
    "fix the YAML syntax at this position; the rest of the file was not checked";

/// Advice on the error of `kind` the parser reported at byte `at` of
/// `source`, with the parser's own words `info`.
pub(super) fn advise(kind: &ErrorKind, source: &str, at: usize, info: &str) -> Advice {
    // The parser's offsets are character boundaries; a stray one must never
    // make a slice below panic.
    let mut at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let line = line_at(source, at);
    let plain = |message: String, help: &str| Advice {
        message,
        help: help.to_owned(),
        at: None,
    };
    let generic = || plain(plain_words(info), GENERIC_HELP);
    match kind {
        ErrorKind::UnclosedQuotedScalar
        | ErrorKind::InvalidQuotedScalarIndent
        | ErrorKind::InvalidTrailingDoubleQuotedScalar
        | ErrorKind::InvalidTrailingSingleQuotedScalar => quote(kind, source, at),
        ErrorKind::MappingValueNotAllowed => colon(source, at, line),
        ErrorKind::SimpleKeyExpected | ErrorKind::ExpectedBlockMappingKey => {
            match glued_key(line.text) {
                Some((key, value)) => plain(
                    format!("`{key}:{value}` has no space after the colon"),
                    &format!("put a space after the colon: `{key}: {value}`"),
                ),
                None => generic(),
            }
        }
        ErrorKind::InvalidIndentation
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::UnclosedFlowCollection { .. } => match flow_comment(source, at) {
            Some(hash) => Advice {
                message: "a comment cannot go inside `{ }`: it hides the rest of the line, the closing `}` too".to_owned(),
                help: "move the comment after the closing brace".to_owned(),
                at: Some((hash, "the mapping is still open here")),
            },
            None => generic(),
        },
        ErrorKind::TabNotAllowed
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation
        | ErrorKind::TabInPlainScalar
        | ErrorKind::TabAtBlockScalarStart => plain(
            "a tab here: YAML indents with spaces only".to_owned(),
            "replace the tab with spaces, as many as the lines around it use",
        ),
        _ => generic(),
    }
}

/// A quote the parser found unclosed, or followed by more text.
fn quote(kind: &ErrorKind, source: &str, at: usize) -> Advice {
    let mark = if matches!(kind, ErrorKind::InvalidTrailingSingleQuotedScalar) {
        '\''
    } else {
        '"'
    };
    let opened = opening_quote(source, at, mark);
    let same_line = opened.is_some_and(|open| !source[open..at].contains(['\n', '\r']));
    let closed_below = closes_later(source, at, mark);
    match (kind, opened) {
        (ErrorKind::InvalidQuotedScalarIndent, Some(_)) if closed_below => Advice {
            message: "quoted text continued on a line that is not indented".to_owned(),
            help: "indent the continuation line more than the key, or keep the quoted text on one line".to_owned(),
            at: None,
        },
        (ErrorKind::InvalidTrailingSingleQuotedScalar, Some(_)) if same_line => Advice {
            message: "an apostrophe inside single quotes ends the text there".to_owned(),
            help: "double the apostrophe (`'Engineer''s lead'`), or put the text in double quotes (`\"Engineer's lead\"`)".to_owned(),
            at: None,
        },
        (ErrorKind::InvalidTrailingDoubleQuotedScalar, Some(_)) if same_line => Advice {
            message: "text after the closing quote".to_owned(),
            help: "put all of the text inside the quotes, or write `\\\"` for a quote inside them".to_owned(),
            at: None,
        },
        (_, Some(open)) => {
            let location = crate::text::location_of(source, open);
            Advice {
                message: format!(
                    "this quoted text, opened at {}:{}, is never closed",
                    location.line, location.column
                ),
                help: format!("close it with `{mark}` at the end of its line, or remove the opening `{mark}`"),
                at: Some((open, "the file stops making sense here")),
            }
        }
        (_, None) => Advice {
            message: "a quote is never closed".to_owned(),
            help: "close the quoted text on the line it starts".to_owned(),
            at: None,
        },
    }
}

/// Whether the next `mark` after `at` closes the quoted text, rather than
/// opening the value of another key (`grade: "4"`).
fn closes_later(source: &str, at: usize, mark: char) -> bool {
    let Some(next) = source
        .get(at..)
        .and_then(|rest| rest.find(mark))
        .map(|i| at + i)
    else {
        return false;
    };
    let line = line_at(source, next);
    let lead = line.text[..next - line.start].trim_end();
    let opens_a_value =
        lead.ends_with(':') || lead.trim_start().starts_with('-') && lead.trim() == "-";
    !opens_a_value
}

/// Where the quote that is still open at `at` was opened: the last `mark`
/// before `at` that starts a quoted value (after `: `, `- `, `[` or `{`),
/// looking back over the lines of an unclosed quote.
fn opening_quote(source: &str, at: usize, mark: char) -> Option<usize> {
    let before = &source[..at.min(source.len())];
    before
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == mark)
        .find(|&(i, _)| {
            let lead = before[..i].trim_end_matches(' ');
            lead.is_empty() || lead.ends_with([':', '-', '[', '{', ',', '\n', '\r'])
        })
        .map(|(i, _)| i)
}

/// `: ` where a value cannot hold it: inside unquoted text, or on a line
/// indented deeper than it belongs, which makes it part of the value above.
fn colon(source: &str, at: usize, line: Line<'_>) -> Advice {
    let text = line.text;
    let indent = text.len() - text.trim_start_matches([' ', '-']).len();
    let first_colon = text
        .find(": ")
        .or_else(|| text.strip_suffix(':').map(str::len));
    let column = at - line.start;
    if first_colon.is_some_and(|c| c < column) {
        let (key, value) = text
            .trim_start_matches([' ', '-'])
            .split_once(": ")
            .unwrap_or_default();
        let value = value.trim();
        return Advice {
            message: "a `: ` inside unquoted text".to_owned(),
            help: format!(
                "put the text in quotes: `{key}: \"{}\"`",
                value.replace('"', "\\\"")
            ),
            at: None,
        };
    }
    let above = previous_line(source, line.start);
    let above_indent = above.map(|l| l.len() - l.trim_start_matches([' ', '-']).len());
    match above_indent {
        Some(width) if width != indent => Advice {
            message: format!(
                "this line is indented by {}, the line above by {}",
                Count::new(indent, "space"),
                Count::new(width, "space")
            ),
            help: "indent this line like the line above, if it is the next key of the same mapping"
                .to_owned(),
            at: Some((
                line.start + indent,
                "the parser read it as part of the value above",
            )),
        },
        _ => Advice {
            message: "a `: ` where a value cannot hold it".to_owned(),
            help: "put the value in quotes, or check the indentation of this line".to_owned(),
            at: None,
        },
    }
}

/// `grade:4`: a key glued to its value, as the key and the value.
fn glued_key(line: &str) -> Option<(String, String)> {
    let body = line.trim_start_matches([' ', '-']);
    let (key, value) = body.split_once(':')?;
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let value = value.trim_end();
    (is_key && !value.is_empty() && !value.starts_with([' ', '\t']))
        .then(|| (key.to_owned(), value.to_owned()))
}

/// The `#` of a comment that swallowed the end of a `{ }` mapping left open
/// before `at`.
fn flow_comment(source: &str, at: usize) -> Option<usize> {
    let before = &source[..at.min(source.len())];
    let mut depth = 0i32;
    let mut start = 0;
    let mut found = None;
    for line in before.split_inclusive('\n') {
        let mut quoted = None;
        for (i, c) in line.char_indices() {
            match (quoted, c) {
                (Some(q), c) if c == q => quoted = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quoted = Some(c),
                (None, '{') => depth += 1,
                (None, '}') => depth -= 1,
                (None, '#') if depth > 0 && line[..i].ends_with([' ', '\t']) => {
                    found = Some(start + i);
                    break;
                }
                _ => {}
            }
        }
        start += line.len();
    }
    found.filter(|_| depth > 0)
}

/// The parser's message in plain words: no scalars, flow collections or
/// simple keys.
fn plain_words(info: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("while scanning a plain scalar, ", ""),
        ("while scanning a block scalar, ", ""),
        ("while scanning a quoted scalar, ", ""),
        ("while parsing a flow mapping, ", ""),
        ("while parsing a flow sequence, ", ""),
        ("while parsing a block mapping, ", ""),
        ("single-quoted scalar", "text in single quotes"),
        ("double-quoted scalar", "text in double quotes"),
        ("multiline quoted scalar", "quoted text over several lines"),
        ("quoted scalar", "quoted text"),
        ("block scalar", "block of text (`|` or `>`)"),
        ("plain scalar", "unquoted value"),
        ("scalar", "value"),
        ("flow mapping", "`{ }` mapping"),
        ("flow sequence", "`[ ]` list"),
        ("flow collection", "`{ }` or `[ ]`"),
        ("simple key expected ':'", "a key needs a `:` after it"),
        ("simple key", "key"),
        (
            "mapping values are not allowed in this context",
            "a `: ` cannot go here",
        ),
    ];
    let mut text = info.to_owned();
    for (jargon, words) in WORDS {
        text = text.replace(jargon, words);
    }
    text
}

/// A line of the source: its text (without the line break) and where it
/// starts.
#[derive(Debug, Clone, Copy)]
struct Line<'s> {
    text: &'s str,
    start: usize,
}

fn line_at(source: &str, at: usize) -> Line<'_> {
    let at = at.min(source.len());
    let start = source[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = source[start..]
        .find(['\n', '\r'])
        .map_or(source.len(), |i| start + i);
    Line {
        text: &source[start..end],
        start,
    }
}

/// The nearest line above the line starting at `start` that holds more than
/// white space or a comment.
fn previous_line(source: &str, start: usize) -> Option<&str> {
    source[..start]
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glued_key_is_told_apart_from_a_url() {
        assert_eq!(
            glued_key("        grade:4"),
            Some(("grade".to_owned(), "4".to_owned()))
        );
        assert_eq!(glued_key("        grade: 4"), None);
        assert_eq!(glued_key("        levels:"), None);
    }

    #[test]
    fn the_jargon_goes() {
        let said = plain_words("while scanning a plain scalar, found a tab");
        assert_eq!(said, "found a tab");
        assert!(!plain_words("did not find expected key in a flow mapping").contains("flow"));
    }

    #[test]
    fn a_comment_left_inside_braces_is_found() {
        let source = "band: { min: 1 # note }\nnext: 3\n";
        assert_eq!(flow_comment(source, source.len() - 2), Some(15));
        assert_eq!(flow_comment("band: { min: 1 } # note\nx: 1\n", 25), None);
    }
}
