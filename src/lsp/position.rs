//! Byte offsets, as findings carry them, to the line and UTF-16 column an
//! editor counts in, and back.

use std::ops::Range;

use lsp_types::Position;

/// Where each line of a document starts, to turn byte offsets into LSP
/// positions (zero-based line, column in UTF-16 code units, which is what
/// LSP 3.17 clients count unless they negotiate otherwise) and back.
///
/// ```
/// use dualtrack::lsp::LineIndex;
/// use lsp_types::Position;
///
/// let text = "title: Ingénieur\nid: eng\n";
/// let index = LineIndex::new(text);
/// // `eng` starts at byte 22 (é is two bytes, one UTF-16 unit).
/// assert_eq!(index.position(text, 22), Position::new(1, 4));
/// assert_eq!(index.offset(text, Position::new(1, 4)), Some(22));
/// assert_eq!(index.position(text, 16), Position::new(0, 15)); // the end of line 0
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`'s lines (`\n`, `\r\n` and `\r` each end one).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Self { starts }
    }

    /// How many lines the text has (an empty text has one).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The position of byte `offset` in `text` (the text this index was
    /// built from). An offset inside a character counts from that
    /// character's start; one past the end is the end of the text.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(column))
    }

    /// The LSP range of the byte range `span` of `text`.
    pub fn range(&self, text: &str, span: Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(
            self.position(text, span.start),
            self.position(text, span.end.max(span.start)),
        )
    }

    /// The byte offset of `position` in `text`, or `None` past the last
    /// line. A column past the end of its line is the end of the line (LSP
    /// clients may send one); a column inside a surrogate pair is the
    /// character's start.
    pub fn offset(&self, text: &str, position: Position) -> Option<usize> {
        let line = usize::try_from(position.line).ok()?;
        let start = *self.starts.get(line)?;
        let end = self.line_end(text, line);
        let mut units = 0usize;
        let wanted = usize::try_from(position.character).unwrap_or(usize::MAX);
        for (at, c) in text[start..end].char_indices() {
            if units + c.len_utf16() > wanted {
                return Some(start + at);
            }
            units += c.len_utf16();
        }
        Some(end)
    }

    /// The byte offset where `line`'s content ends (before its line break).
    fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let content = &text[self.starts[line]..next];
        let trimmed = content.trim_end_matches(['\n', '\r']);
        self.starts[line] + trimmed.len()
    }
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Positions are `u32` in LSP; a document that long is far over any limit,
/// so saturating is only a guard.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_columns_in_utf16_units() {
        let text = "a: \u{1F600}x\n";
        let index = LineIndex::new(text);
        // The emoji is 4 bytes and 2 UTF-16 units.
        assert_eq!(index.position(text, 7), Position::new(0, 5));
        assert_eq!(index.offset(text, Position::new(0, 5)), Some(7));
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(index.offset(text, Position::new(0, 4)), Some(3));
    }

    #[test]
    fn every_line_break_style_ends_a_line() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.lines(), 4);
        assert_eq!(index.position(text, 3), Position::new(1, 0));
        assert_eq!(index.position(text, 5), Position::new(2, 0));
        assert_eq!(index.position(text, 7), Position::new(3, 0));
        assert_eq!(index.offset(text, Position::new(0, 9)), Some(1));
        assert_eq!(index.offset(text, Position::new(4, 0)), None);
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1), Position::new(0, 0));
        assert_eq!(index.position(text, 99), Position::new(0, 1));
    }
}
