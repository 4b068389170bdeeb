//! The tree that parsing builds: nodes, their values and their spans.

use std::borrow::Cow;
use std::ops::Range;

use crate::text::Location;

/// Where a node is: its byte range and the 1-based position of its start.
///
/// Kept small (16 bytes), since a document holds one per node and key;
/// offsets past `u32::MAX` saturate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    start: u32,
    end: u32,
    line: u32,
    column: u32,
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn widen(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl Span {
    pub(crate) fn new(bytes: Range<usize>, location: Location) -> Self {
        Self {
            start: narrow(bytes.start),
            end: narrow(bytes.end),
            line: narrow(location.line),
            column: narrow(location.column),
        }
    }

    /// Its byte range in the source.
    pub(crate) fn bytes(&self) -> Range<usize> {
        widen(self.start)..widen(self.end)
    }

    /// The 1-based line and column of its start.
    pub(crate) fn location(&self) -> Location {
        Location {
            line: widen(self.line),
            column: widen(self.column),
        }
    }

    /// This span extended to end at byte `end`.
    pub(super) fn to(mut self, end: usize) -> Self {
        self.end = narrow(end).max(self.end);
        self
    }
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Unquoted: YAML 1.2 resolves it to null, a boolean, a number or a string.
    Plain,
    /// Single- or double-quoted, or a block scalar: always a string.
    Quoted,
}

/// A YAML node with its span. Scalars borrow their text from the source
/// whenever it is written as is, so that a document costs little more
/// memory than its text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node<'s> {
    pub(crate) value: Value<'s>,
    pub(crate) span: Span,
}

/// The content of a node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'s> {
    Scalar { text: Cow<'s, str>, style: Style },
    Sequence(Vec<Node<'s>>),
    Mapping(Vec<Entry<'s>>),
}

/// One `key: value` pair of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry<'s> {
    pub(crate) key: Cow<'s, str>,
    pub(crate) key_span: Span,
    /// A plain key written alone in a flow mapping, with no `:` and no value
    /// (`{ a: 1, b }`): what a `,` in an unquoted value leaves behind, as in
    /// `{ name: People (hire, promote) }`.
    pub(crate) bare: bool,
    pub(crate) value: Node<'s>,
}
