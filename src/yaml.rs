//! The YAML layer: the only module that knows which YAML library we use.
//!
//! It turns source text into a small tree of [`Node`]s that keeps every
//! scalar's exact text and quoting style (so that money never passes through a
//! float) and every node's span (so that findings can be located). It reports
//! what the ladder format forbids at the YAML level: syntax errors, duplicate
//! keys, anchors, aliases, merge keys, tags, several documents and too-deep
//! nesting. The tree is built with an explicit stack, so no input can overflow
//! the call stack.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use serde_saphyr::granit_parser::{
    ErrorKind, Event, Marker, Options, Parser, ScalarStyle, ScanError,
};

use crate::finding::reading;
use crate::finding::{Finding, Findings, Target};
use crate::text::{Location, escape, shorten};
use crate::{Limits, Pointer};

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
    fn to(mut self, end: usize) -> Self {
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
    pub(crate) value: Node<'s>,
}

/// What parsing produced: the document's root, when it could be built soundly,
/// and the findings met on the way.
pub(crate) struct Parsed<'s> {
    pub(crate) root: Option<Node<'s>>,
    pub(crate) findings: Vec<Finding>,
}

enum Frame<'s> {
    Sequence {
        span: Span,
        items: Vec<Node<'s>>,
    },
    Mapping {
        span: Span,
        entries: Vec<Entry<'s>>,
        pending_key: Option<(Cow<'s, str>, Span)>,
        index: HashMap<Cow<'s, str>, usize>,
    },
}

/// What `complete` found wrong with a node's place in its parent.
enum KeyProblem<'s> {
    Merge(Span),
    Complex(Span),
    TooLong(Span, usize),
    Duplicate {
        first: Span,
        key: Cow<'s, str>,
        key_span: Span,
    },
}

/// Mappings with more keys than this look up duplicates in a hash map.
const LINEAR_KEY_SCAN: usize = 16;

/// Parses one YAML document into a [`Node`] tree.
pub(crate) fn parse<'s>(source: &'s str, limits: &Limits) -> Parsed<'s> {
    let mut builder = Builder {
        source,
        limits,
        stack: Vec::new(),
        root: None,
        findings: Findings::new(limits.max_findings),
        sound: true,
        documents: 0,
        nodes: 0,
        anchored: None,
    };
    let mut options = Options::default();
    // Anchors are reported at their `&name` token, which this event carries.
    options.emit_anchor_events = true;
    // An alias of an unknown anchor is refused like any other alias.
    options.emit_unresolved_aliases = true;
    // The scanner looks ahead into flow collections: stop it at the same depth.
    options.flow_nesting_limit = limits.max_depth;
    options.block_nesting_limit = options
        .block_nesting_limit
        .max(limits.max_depth.saturating_add(1));
    let mut parser = Parser::new_from_str_with_options(source, options);
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => {
                let tag = span.tag_span().map(|t| builder.span(&t.start, &t.end));
                let span = builder.span(&span.start, &span.end);
                if builder.event(event, span, tag).is_break() || builder.findings.is_full() {
                    break;
                }
            }
            Err(error) => {
                builder.syntax(&error);
                break;
            }
        }
    }
    let root = if builder.sound { builder.root } else { None };
    Parsed {
        root,
        findings: builder.findings.into_vec(),
    }
}

struct Builder<'s, 'l> {
    source: &'s str,
    limits: &'l Limits,
    stack: Vec<Frame<'s>>,
    root: Option<Node<'s>>,
    findings: Findings,
    sound: bool,
    documents: usize,
    /// Scalars, aliases and collections read so far.
    nodes: usize,
    /// Where the node that carries the anchor announced next is.
    anchored: Option<Pointer>,
}

use std::ops::ControlFlow;

impl<'s> Builder<'s, '_> {
    fn event(&mut self, event: Event<'s>, span: Span, tag_at: Option<Span>) -> ControlFlow<()> {
        if matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(_)
                | Event::UnresolvedAlias(_)
        ) {
            self.count(span)?;
        }
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.unsupported(
                        span,
                        "a second YAML document in the file",
                        "a ladder file holds exactly one document; move the second one into a file of its own",
                    );
                    return ControlFlow::Break(());
                }
            }
            Event::Anchor(..) => {
                let pointer = self.anchored.take().unwrap_or_else(|| self.here());
                self.unsupported_at(
                    pointer,
                    span,
                    "an anchor (`&name`)",
                    "write each value out in full; anchors and aliases are not allowed in ladder files",
                );
            }
            Event::Alias(_) | Event::UnresolvedAlias(_) => {
                self.unsupported(
                    span,
                    "an alias (`*name`)",
                    "write the value out in full; anchors and aliases are not allowed in ladder files",
                );
                self.complete(Node {
                    value: Value::Scalar {
                        text: Cow::Borrowed(""),
                        style: Style::Plain,
                    },
                    span,
                })?;
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.check_properties(&span, anchor, tag.is_some(), tag_at);
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    _ => Style::Quoted,
                };
                self.complete(Node {
                    value: Value::Scalar { text, style },
                    span,
                })?;
            }
            Event::SequenceStart(_, anchor, tag) => {
                self.check_properties(&span, anchor, tag.is_some(), tag_at);
                self.open(
                    Frame::Sequence {
                        span,
                        items: Vec::new(),
                    },
                    span,
                )?;
            }
            Event::MappingStart(_, anchor, tag) => {
                self.check_properties(&span, anchor, tag.is_some(), tag_at);
                self.open(
                    Frame::Mapping {
                        span,
                        entries: Vec::new(),
                        pending_key: None,
                        index: HashMap::new(),
                    },
                    span,
                )?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = span.bytes().end;
                let node = match self.stack.pop() {
                    Some(Frame::Sequence { span, mut items }) => {
                        items.shrink_to_fit();
                        Node {
                            value: Value::Sequence(items),
                            span: span.to(end),
                        }
                    }
                    Some(Frame::Mapping {
                        span, mut entries, ..
                    }) => {
                        entries.shrink_to_fit();
                        Node {
                            value: Value::Mapping(entries),
                            span: span.to(end),
                        }
                    }
                    None => return ControlFlow::Continue(()),
                };
                self.complete(node)?;
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }

    /// Counts one more node, stopping at the limit before the tree grows past it.
    fn count(&mut self, span: Span) -> ControlFlow<()> {
        self.nodes += 1;
        if self.nodes <= self.limits.max_nodes {
            return ControlFlow::Continue(());
        }
        self.sound = false;
        let pointer = self.here();
        self.findings.push(
            Finding::new(
                &reading::LIMIT,
                pointer,
                format!(
                    "more than {} values in one file",
                    self.limits.max_nodes
                ),
            )
            .with_help("a ladder file needs a few thousand values; split it, or raise the limit through the library's `Limits`")
            .at(span.location(), span.bytes()),
        );
        ControlFlow::Break(())
    }

    fn open(&mut self, frame: Frame<'s>, span: Span) -> ControlFlow<()> {
        if self.stack.len() >= self.limits.max_depth {
            self.too_deep(span);
            return ControlFlow::Break(());
        }
        self.stack.push(frame);
        ControlFlow::Continue(())
    }

    fn too_deep(&mut self, span: Span) {
        self.sound = false;
        let pointer = self.here();
        self.findings.push(
            Finding::new(
                &reading::LIMIT,
                pointer,
                format!("nesting deeper than {} levels", self.limits.max_depth),
            )
            .with_help("a ladder file needs only a few levels of nesting; flatten the structure")
            .at(span.location(), span.bytes()),
        );
    }

    /// Hands a finished node to its parent, or makes it the root.
    fn complete(&mut self, node: Node<'s>) -> ControlFlow<()> {
        let max_key = self.limits.max_key_bytes;
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(node);
            return ControlFlow::Continue(());
        };
        let problem = match parent {
            Frame::Sequence { items, .. } => {
                items.push(node);
                None
            }
            Frame::Mapping {
                entries,
                pending_key,
                index,
                ..
            } => match pending_key.take() {
                None => match node.value {
                    Value::Scalar { text, style } => {
                        let merge = style == Style::Plain && text == "<<";
                        let len = text.len();
                        *pending_key = Some((text, node.span));
                        if merge {
                            Some(KeyProblem::Merge(node.span))
                        } else if len > max_key {
                            Some(KeyProblem::TooLong(node.span, len))
                        } else {
                            None
                        }
                    }
                    _ => Some(KeyProblem::Complex(node.span)),
                },
                Some((key, key_span)) => {
                    let first = if entries.len() < LINEAR_KEY_SCAN {
                        entries.iter().position(|e| e.key == key)
                    } else {
                        if index.is_empty() {
                            for (i, e) in entries.iter().enumerate() {
                                index.entry(e.key.clone()).or_insert(i);
                            }
                        }
                        index.get(&key).copied()
                    };
                    match first.and_then(|i| entries.get(i)) {
                        Some(first) => Some(KeyProblem::Duplicate {
                            first: first.key_span,
                            key,
                            key_span,
                        }),
                        None => {
                            if !index.is_empty() {
                                index.insert(key.clone(), entries.len());
                            }
                            entries.push(Entry {
                                key,
                                key_span,
                                value: node,
                            });
                            None
                        }
                    }
                }
            },
        };
        match problem {
            None => ControlFlow::Continue(()),
            Some(KeyProblem::Merge(span)) => {
                self.unsupported(
                    span,
                    "a merge key (`<<`)",
                    "write the merged keys out in full; merge keys are not allowed in ladder files",
                );
                ControlFlow::Continue(())
            }
            Some(KeyProblem::Complex(span)) => {
                self.unsupported(
                    span,
                    "a sequence or mapping used as a mapping key",
                    "keys in a ladder file are plain names such as `band`",
                );
                ControlFlow::Break(())
            }
            Some(KeyProblem::TooLong(span, len)) => {
                self.sound = false;
                let pointer = self.here();
                self.findings.push(
                    Finding::new(
                        &reading::LIMIT,
                        pointer,
                        format!("a key of {len} bytes, over the limit of {max_key}"),
                    )
                    .with_help("keys in a ladder file are plain names such as `band`")
                    .at(span.location(), span.bytes()),
                );
                // Every finding beneath would carry the key in its pointer.
                ControlFlow::Break(())
            }
            Some(KeyProblem::Duplicate {
                first,
                key,
                key_span,
            }) => {
                self.sound = false;
                let pointer = self.here().key(&key);
                self.findings.push(
                    Finding::new(
                        &reading::DUPLICATE_KEY,
                        pointer,
                        format!("duplicate key `{}`", escape(&key)),
                    )
                    .with_help(
                        "remove one of the two; a ladder file never keeps one value silently",
                    )
                    .at(key_span.location(), key_span.bytes())
                    .with_related_at(
                        "first defined here",
                        first.location(),
                        first.bytes(),
                    ),
                );
                ControlFlow::Continue(())
            }
        }
    }

    fn check_properties(&mut self, span: &Span, anchor: usize, tagged: bool, tag_at: Option<Span>) {
        if anchor != 0 {
            self.anchored = Some(self.here());
        }
        if tagged {
            self.unsupported(
                tag_at.unwrap_or(*span),
                "an explicit tag",
                "remove the tag; every value in a ladder file has the type its key gives it",
            );
        }
    }

    fn unsupported(&mut self, span: Span, what: &str, help: &str) {
        let pointer = self.here();
        self.unsupported_at(pointer, span, what, help);
    }

    fn unsupported_at(&mut self, pointer: Pointer, span: Span, what: &str, help: &str) {
        unsupported(
            &mut self.findings,
            &mut self.sound,
            pointer,
            span,
            what,
            help,
        );
    }

    /// The pointer of the node being read: the innermost open collection's
    /// next item, or the value of its pending key.
    fn here(&self) -> Pointer {
        let mut pointer = Pointer::root();
        for frame in &self.stack {
            pointer = match frame {
                Frame::Sequence { items, .. } => pointer.index(items.len()),
                Frame::Mapping {
                    pending_key: Some((key, _)),
                    ..
                } => pointer.key(key),
                Frame::Mapping {
                    pending_key: None, ..
                } => return pointer,
            };
        }
        pointer
    }

    fn syntax(&mut self, error: &ScanError) {
        self.sound = false;
        let marker = error.marker();
        let span = self.span(marker, marker);
        let start = span.bytes().start;
        let span = Span::new(
            start..next_char_boundary(self.source, start),
            span.location(),
        );
        if matches!(error.kind(), ErrorKind::RecursionLimitExceeded) {
            self.too_deep(span);
            return;
        }
        // The scanner reports some errors at the start of the token it was
        // reading; point at the offending character itself when it is near.
        let culprit = match error.kind() {
            ErrorKind::UnexpectedCharacter { character } => Some(*character),
            ErrorKind::TabNotAllowed
            | ErrorKind::TabInBlockIndentation
            | ErrorKind::TabInPlainScalar
            | ErrorKind::TabAtBlockScalarStart => Some('\t'),
            _ => None,
        };
        let span = culprit.map_or(span, |c| seek(self.source, span, c));
        let message = error.info();
        self.findings.push(
            Finding::new(&reading::SYNTAX, self.here(), escape(&message))
                .with_help(
                    "fix the YAML syntax at this position; the rest of the file was not checked",
                )
                .at(span.location(), span.bytes()),
        );
    }

    fn span(&self, start: &Marker, end: &Marker) -> Span {
        let start_byte = byte_offset(self.source, start);
        let end_byte = byte_offset(self.source, end).max(start_byte);
        Span::new(
            start_byte..end_byte,
            Location {
                line: start.line().max(1),
                column: start.col() + 1,
            },
        )
    }
}

fn unsupported(
    findings: &mut Findings,
    sound: &mut bool,
    pointer: Pointer,
    span: Span,
    what: &str,
    help: &str,
) {
    *sound = false;
    findings.push(
        Finding::new(
            &reading::UNSUPPORTED_YAML,
            pointer,
            format!("{what} is not supported in ladder files"),
        )
        .with_help(help)
        .at(span.location(), span.bytes()),
    );
}

fn byte_offset(source: &str, marker: &Marker) -> usize {
    match marker.byte_offset() {
        Some(offset) => offset.min(source.len()),
        None => source
            .char_indices()
            .nth(marker.index())
            .map_or(source.len(), |(at, _)| at),
    }
}

/// `span` moved forward to the next `culprit` within a few lines, if any.
fn seek(source: &str, span: Span, culprit: char) -> Span {
    const NEAR: usize = 1024;
    let start = span.bytes().start.min(source.len());
    let Some(rest) = source.get(start..) else {
        return span;
    };
    let Some((offset, _)) = rest.char_indices().take(NEAR).find(|&(_, c)| c == culprit) else {
        return span;
    };
    let mut location = span.location();
    let mut chars = rest[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = c == '\n' || (c == '\r' && chars.peek() != Some(&'\n'));
        if is_break {
            location.line += 1;
            location.column = 1;
        } else if c != '\r' {
            location.column += 1;
        }
    }
    let at = start + offset;
    Span::new(at..at + culprit.len_utf8(), location)
}

/// The end of the character at byte `at`; `at` itself past the end or off a
/// character boundary (never expected from the scanner, but never a panic).
fn next_char_boundary(source: &str, at: usize) -> usize {
    source
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(at, |c| at + c.len_utf8())
}

impl Node<'_> {
    /// The node at `pointer`, or the deepest existing node on its way, with
    /// the span to show: the key's span when asked for and the node is a
    /// mapping value.
    pub(crate) fn locate(&self, pointer: &Pointer, target: Target) -> Span {
        let mut node = self;
        let mut key_span = None;
        for token in pointer.tokens() {
            let next = match &node.value {
                Value::Mapping(entries) => entries
                    .iter()
                    .find(|e| e.key == token)
                    .map(|e| (&e.value, Some(&e.key_span))),
                Value::Sequence(items) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i))
                    .map(|n| (n, None)),
                Value::Scalar { .. } => None,
            };
            match next {
                Some((child, span)) => {
                    node = child;
                    key_span = span;
                }
                None => {
                    key_span = None;
                    break;
                }
            }
        }
        match (target, key_span) {
            (Target::Key, Some(span)) => *span,
            _ => node.span,
        }
    }

    /// A short description of what this node is, for type errors.
    pub(crate) fn describe(&self) -> String {
        match &self.value {
            Value::Sequence(_) => "a list".to_owned(),
            Value::Mapping(_) => "a mapping".to_owned(),
            Value::Scalar { text, style } => match (style, plain_kind(text)) {
                (Style::Quoted, _) => format!("the string `{}`", shorten(text)),
                (Style::Plain, PlainKind::Null) => "null".to_owned(),
                (Style::Plain, PlainKind::Bool) => format!("the boolean `{text}`"),
                (Style::Plain, PlainKind::Int) => format!("the integer `{}`", shorten(text)),
                (Style::Plain, PlainKind::Float) => format!("the number `{}`", shorten(text)),
                (Style::Plain, PlainKind::Str) => format!("the string `{}`", shorten(text)),
            },
        }
    }
}

/// What a plain scalar resolves to under the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlainKind {
    Null,
    Bool,
    Int,
    Float,
    Str,
}

/// Resolves a plain scalar under the YAML 1.2 core schema (`yes` and `on` are strings).
pub(crate) fn plain_kind(text: &str) -> PlainKind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return PlainKind::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return PlainKind::Bool,
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => return PlainKind::Float,
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if is_digits(unsigned) {
        return PlainKind::Int;
    }
    let radix = |prefix: &str, digit: fn(&u8) -> bool| {
        text.strip_prefix(prefix)
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| digit(&b)))
    };
    if radix("0o", |b| (b'0'..=b'7').contains(b)) || radix("0x", u8::is_ascii_hexdigit) {
        return PlainKind::Int;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (int.is_empty() || is_digits(int))
                && (frac.is_empty() || is_digits(frac))
                && !(int.is_empty() && frac.is_empty())
        }
        None => is_digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| is_digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    if mantissa_ok && exponent_ok {
        PlainKind::Float
    } else {
        PlainKind::Str
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(source: &str) -> Node<'_> {
        let parsed = parse(source, &Limits::default());
        assert!(parsed.findings.is_empty(), "{:?}", parsed.findings);
        parsed.root.expect("a root")
    }

    #[test]
    fn keeps_scalar_text_and_style() {
        let root = parse_ok("a: 35.50\nb: '1e5'\n");
        let Value::Mapping(entries) = root.value else {
            panic!("not a mapping")
        };
        assert_eq!(
            entries[0].value.value,
            Value::Scalar {
                text: "35.50".into(),
                style: Style::Plain
            }
        );
        assert_eq!(
            entries[1].value.value,
            Value::Scalar {
                text: "1e5".into(),
                style: Style::Quoted
            }
        );
        assert_eq!(
            entries[1].value.span.location(),
            Location { line: 2, column: 4 }
        );
    }

    #[test]
    fn resolves_plain_scalars_as_yaml_1_2() {
        assert_eq!(plain_kind("yes"), PlainKind::Str);
        assert_eq!(plain_kind("~"), PlainKind::Null);
        assert_eq!(plain_kind("0x1F"), PlainKind::Int);
        assert_eq!(plain_kind("1e5"), PlainKind::Float);
        assert_eq!(plain_kind("12_000"), PlainKind::Str);
        assert_eq!(plain_kind("."), PlainKind::Str);
    }

    #[test]
    fn locates_keys_and_values() {
        let root = parse_ok("tracks:\n  - id: ic\n    levels: []\n");
        let pointer = Pointer::root().key("tracks").index(0).key("levels");
        assert_eq!(
            root.locate(&pointer, Target::Value).location(),
            Location {
                line: 3,
                column: 13
            }
        );
        assert_eq!(
            root.locate(&pointer, Target::Key).location(),
            Location { line: 3, column: 5 }
        );
        let missing = Pointer::root().key("tracks").index(0).key("nope");
        assert_eq!(
            root.locate(&missing, Target::Value).location(),
            Location { line: 2, column: 5 }
        );
    }
}
