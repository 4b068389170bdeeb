//! The YAML layer: the only module that knows which YAML library we use.
//!
//! It turns source text into a small tree of [`Node`]s that keeps every
//! scalar's exact text and quoting style (so that money never passes through a
//! float) and every node's span (so that findings can be located). It reports
//! what the ladder format forbids at the YAML level: syntax errors, duplicate
//! keys, anchors, aliases, merge keys, tags, several documents and too-deep
//! nesting. The tree is built with an explicit stack, so no input can overflow
//! the call stack.

use std::collections::HashMap;
use std::ops::Range;

use serde_saphyr::granit_parser::{Event, Marker, Options, Parser, ScalarStyle, ScanError};

use crate::finding::{Finding, Location, Target};
use crate::{Limits, Pointer, rules};

/// Where a node is: its byte range and the 1-based position of its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) bytes: Range<usize>,
    pub(crate) location: Location,
}

impl Span {
    /// This span extended to end at byte `end`.
    fn to(mut self, end: usize) -> Self {
        self.bytes.end = end.max(self.bytes.end);
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

/// A YAML node with its span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    pub(crate) span: Span,
}

/// The content of a node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Scalar { text: String, style: Style },
    Sequence(Vec<Node>),
    Mapping(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub(crate) key: String,
    pub(crate) key_span: Span,
    pub(crate) value: Node,
}

/// What parsing produced: the document's root, when it could be built soundly,
/// and the findings met on the way.
pub(crate) struct Parsed {
    pub(crate) root: Option<Node>,
    pub(crate) findings: Vec<Finding>,
}

enum Frame {
    Sequence {
        span: Span,
        items: Vec<Node>,
    },
    Mapping {
        span: Span,
        entries: Vec<Entry>,
        pending_key: Option<(String, Span)>,
        index: HashMap<String, usize>,
    },
}

/// What `complete` found wrong with a node's place in its parent.
enum KeyProblem {
    Merge(Span),
    Complex(Span),
    Duplicate {
        first: Span,
        key: String,
        key_span: Span,
    },
}

/// Mappings with more keys than this look up duplicates in a hash map.
const LINEAR_KEY_SCAN: usize = 16;

/// Parses one YAML document into a [`Node`] tree.
pub(crate) fn parse(source: &str, limits: &Limits) -> Parsed {
    let mut builder = Builder {
        source,
        limits,
        stack: Vec::new(),
        root: None,
        findings: Vec::new(),
        sound: true,
        documents: 0,
        anchored: None,
    };
    let mut options = Options::default();
    // Anchors are reported at their `&name` token, which this event carries.
    options.emit_anchor_events = true;
    let mut parser = Parser::new_from_str_with_options(source, options);
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => {
                let tag = span.tag_span().map(|t| builder.span(&t.start, &t.end));
                let span = builder.span(&span.start, &span.end);
                if builder.event(event, span, tag).is_break() {
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
        findings: builder.findings,
    }
}

struct Builder<'s> {
    source: &'s str,
    limits: &'s Limits,
    stack: Vec<Frame>,
    root: Option<Node>,
    findings: Vec<Finding>,
    sound: bool,
    documents: usize,
    /// Where the node that carries the anchor announced next is.
    anchored: Option<Pointer>,
}

use std::ops::ControlFlow;

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, span: Span, tag_at: Option<Span>) -> ControlFlow<()> {
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
                    span.clone(),
                    "an alias (`*name`)",
                    "write the value out in full; anchors and aliases are not allowed in ladder files",
                );
                self.complete(Node {
                    value: Value::Scalar {
                        text: String::new(),
                        style: Style::Plain,
                    },
                    span,
                })?;
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.check_properties(&span, anchor, tag.is_some(), tag_at.clone());
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    _ => Style::Quoted,
                };
                self.complete(Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        style,
                    },
                    span,
                })?;
            }
            Event::SequenceStart(_, anchor, tag) => {
                self.check_properties(&span, anchor, tag.is_some(), tag_at.clone());
                self.open(
                    Frame::Sequence {
                        span: span.clone(),
                        items: Vec::new(),
                    },
                    span,
                )?;
            }
            Event::MappingStart(_, anchor, tag) => {
                self.check_properties(&span, anchor, tag.is_some(), tag_at.clone());
                self.open(
                    Frame::Mapping {
                        span: span.clone(),
                        entries: Vec::new(),
                        pending_key: None,
                        index: HashMap::new(),
                    },
                    span,
                )?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = span.bytes.end;
                let node = match self.stack.pop() {
                    Some(Frame::Sequence { span, items }) => Node {
                        value: Value::Sequence(items),
                        span: span.to(end),
                    },
                    Some(Frame::Mapping { span, entries, .. }) => Node {
                        value: Value::Mapping(entries),
                        span: span.to(end),
                    },
                    None => return ControlFlow::Continue(()),
                };
                self.complete(node)?;
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }

    fn open(&mut self, frame: Frame, span: Span) -> ControlFlow<()> {
        if self.stack.len() >= self.limits.max_depth {
            self.sound = false;
            self.findings.push(
                Finding::new(
                    &rules::LIMIT,
                    self.here(),
                    format!("nesting deeper than {} levels", self.limits.max_depth),
                )
                .with_help(
                    "a ladder file needs only a few levels of nesting; flatten the structure",
                )
                .at(span.location, span.bytes),
            );
            return ControlFlow::Break(());
        }
        self.stack.push(frame);
        ControlFlow::Continue(())
    }

    /// Hands a finished node to its parent, or makes it the root.
    fn complete(&mut self, node: Node) -> ControlFlow<()> {
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
                        *pending_key = Some((text, node.span.clone()));
                        merge.then_some(KeyProblem::Merge(node.span))
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
                            first: first.key_span.clone(),
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
            Some(KeyProblem::Duplicate {
                first,
                key,
                key_span,
            }) => {
                self.sound = false;
                let pointer = self.here().key(&key);
                self.findings.push(
                    Finding::new(
                        &rules::DUPLICATE_KEY,
                        pointer,
                        format!("duplicate key `{}`", escape(&key)),
                    )
                    .with_help(
                        "remove one of the two; a ladder file never keeps one value silently",
                    )
                    .at(key_span.location, key_span.bytes)
                    .with_related_at(
                        "first defined here",
                        first.location,
                        first.bytes,
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
                tag_at.unwrap_or_else(|| span.clone()),
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
        let end = next_char_boundary(self.source, span.bytes.start);
        let message = error.info();
        self.findings.push(
            Finding::new(&rules::SYNTAX, self.here(), escape(&message))
                .with_help(
                    "fix the YAML syntax at this position; the rest of the file was not checked",
                )
                .at(span.location, span.bytes.start..end),
        );
    }

    fn span(&self, start: &Marker, end: &Marker) -> Span {
        let start_byte = byte_offset(self.source, start);
        let end_byte = byte_offset(self.source, end).max(start_byte);
        Span {
            bytes: start_byte..end_byte,
            location: Location {
                line: start.line().max(1),
                column: start.col() + 1,
            },
        }
    }
}

fn unsupported(
    findings: &mut Vec<Finding>,
    sound: &mut bool,
    pointer: Pointer,
    span: Span,
    what: &str,
    help: &str,
) {
    *sound = false;
    findings.push(
        Finding::new(
            &rules::UNSUPPORTED_YAML,
            pointer,
            format!("{what} is not supported in ladder files"),
        )
        .with_help(help)
        .at(span.location, span.bytes),
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

fn next_char_boundary(source: &str, at: usize) -> usize {
    source[at.min(source.len())..]
        .chars()
        .next()
        .map_or(at, |c| at + c.len_utf8())
}

/// Text with control, invisible and bidi characters shown as escapes, so that
/// a message can never drive a terminal or hide what it quotes.
pub(crate) fn escape(text: &str) -> String {
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

/// Characters that would be invisible, reorder text or drive a terminal.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}')
}

impl Node {
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
            (Target::Key, Some(span)) => span.clone(),
            _ => node.span.clone(),
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

fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    let escaped = escape(text);
    if escaped.chars().count() <= MAX {
        escaped
    } else {
        let cut: String = escaped.chars().take(MAX).collect();
        format!("{cut}...")
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

    fn parse_ok(source: &str) -> Node {
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
            entries[1].value.span.location,
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
            root.locate(&pointer, Target::Value).location,
            Location {
                line: 3,
                column: 13
            }
        );
        assert_eq!(
            root.locate(&pointer, Target::Key).location,
            Location { line: 3, column: 5 }
        );
        let missing = Pointer::root().key("tracks").index(0).key("nope");
        assert_eq!(
            root.locate(&missing, Target::Value).location,
            Location { line: 2, column: 5 }
        );
    }

    #[test]
    fn escapes_hidden_characters() {
        assert_eq!(escape("a\u{202E}b\x1b"), "a\\u{202e}b\\u{1b}");
    }
}
