//! Where a tab used as indentation is. YAML indents with spaces only; the
//! parser reports a tab where it first notices one, which can be a line
//! later than the tab that set the wrong indentation, and lets a tab
//! through before a block collection (`a:` / ` <tab>b: 1`). These find the
//! tab to show.

use super::Span;
use crate::text::Location;

/// The first tab in the indentation of a block collection that starts at
/// byte `at`: between the start of its line and `at` there are only blanks
/// and block indicators (`-`, `?`, `:`), and one of the blanks is a tab.
pub(super) fn indenting(source: &str, at: usize) -> Option<usize> {
    let start = line_start(source, at);
    let prefix = source.get(start..at)?;
    if !prefix
        .bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'-' | b'?' | b':'))
    {
        return None;
    }
    prefix.find('\t').map(|offset| start + offset)
}

/// The tab to show for a tab error the parser reported at byte `at`: a tab
/// in the indentation of that line when `at` is within it, else none. For an
/// error on block indentation, the tab indenting the previous line's key or
/// list item comes first: that tab set the indentation this line misses.
pub(super) fn culprit(source: &str, at: usize, block_indentation: bool) -> Option<usize> {
    let start = line_start(source, at);
    let blanks = leading_blanks(source, start);
    let here = (at <= blanks.end)
        .then(|| source.get(blanks.clone())?.find('\t'))
        .flatten()
        .map(|offset| start + offset);
    if !block_indentation {
        return here;
    }
    let before = previous_content_line(source, start).and_then(|line| {
        let blanks = leading_blanks(source, line);
        let content = source.get(blanks.end..line_end(source, line))?;
        let indicator = content
            .strip_prefix(['-', '?'])
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        let key =
            content.trim_end().ends_with(':') || content.contains(": ") || content.contains(":\t");
        let opens_block = indicator || key;
        let tab = source.get(blanks.clone())?.find('\t')?;
        opens_block.then_some(line + tab)
    });
    before.or(here)
}

/// The span of the character at byte `at`, located from `known`: a span
/// that starts on the same line as `at` or on a later one.
pub(super) fn span_at(source: &str, known: Span, at: usize) -> Span {
    let start = line_start(source, at);
    let Some(column) = source
        .get(start..at)
        .map(|s| s.trim_start_matches('\u{feff}').chars().count() + 1)
    else {
        return known;
    };
    let breaks = source.get(at..known.bytes().start).map_or(0, line_breaks);
    let line = known.location().line.saturating_sub(breaks).max(1);
    let end = source
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(at, |c| at + c.len_utf8());
    Span::new(at..end, Location { line, column })
}

fn line_start(source: &str, at: usize) -> usize {
    source
        .get(..at)
        .and_then(|before| before.rfind(['\n', '\r']))
        .map_or(0, |i| i + 1)
}

fn line_end(source: &str, start: usize) -> usize {
    source
        .get(start..)
        .and_then(|rest| rest.find(['\n', '\r']))
        .map_or(source.len(), |i| start + i)
}

/// The spaces and tabs that begin the line starting at byte `start`.
fn leading_blanks(source: &str, start: usize) -> std::ops::Range<usize> {
    let len = source.get(start..).map_or(0, |rest| {
        rest.len() - rest.trim_start_matches([' ', '\t']).len()
    });
    start..start + len
}

/// The start of the nearest line before the one starting at `start` that
/// holds more than blanks and a comment.
fn previous_content_line(source: &str, mut start: usize) -> Option<usize> {
    // The `\n` of a `\r\n` reads as an empty line, skipped like any blank one.
    while start > 0 {
        start = line_start(source, start - 1);
        let blanks = leading_blanks(source, start);
        let rest = source.get(blanks.end..line_end(source, start))?;
        if !rest.is_empty() && !rest.starts_with('#') {
            return Some(start);
        }
    }
    None
}

fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_tab_that_set_the_indentation() {
        let source = "---\na:\n\tb:\n\t\tc: value\n";
        let line4 = source.find("\t\tc").unwrap();
        assert_eq!(
            culprit(source, line4, true),
            Some(source.find("\tb").unwrap())
        );
        assert_eq!(culprit(source, line4, false), Some(line4));
        let crlf = "a:\r\n\tb:\r\n\r\n\t\tc: value\r\n";
        let at = crlf.find("\t\tc").unwrap();
        assert_eq!(culprit(crlf, at, true), Some(crlf.find("\tb").unwrap()));
    }

    #[test]
    fn finds_a_tab_before_a_block_collection() {
        assert_eq!(indenting("a:\n \tb: 1\n", 5), Some(4));
        assert_eq!(indenting("-\tb: 1\n", 2), Some(1));
        assert_eq!(indenting("a:\n  b: 1\n", 5), None);
        assert_eq!(indenting("x: \"\tb: 1", 5), None);
    }

    #[test]
    fn locates_a_byte_before_a_known_span() {
        let source = "a:\n\tb:\n\t\tc: value\n";
        let known = Span::new(7..8, Location { line: 3, column: 1 });
        let span = span_at(source, known, 3);
        assert_eq!(span.location(), Location { line: 2, column: 1 });
        assert_eq!(span.bytes(), 3..4);
    }
}
