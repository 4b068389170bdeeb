//! The event-driven builder: turns the parser's events into a [`Node`] tree
//! with an explicit stack, and refuses what ladder files never need
//! (duplicate keys, anchors, aliases, merge keys, tags, further documents,
//! complex keys) and what exceeds the limits (depth, node count, key size).
//! Syntax errors become findings here too, and so does a tab indenting a
//! block collection, which the parser lets through.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::ControlFlow;

use granit_parser::{ErrorKind, Event, Marker, ScalarStyle, ScanError, StructureStyle};

use super::{Entry, Node, Parsed, Span, Style, Value, advice, tabs};
use crate::finding::reading::{self, Exceeded};
use crate::finding::{Finding, Findings};
use crate::text::{Location, escape};
use crate::{Limits, Pointer};

enum Frame<'s> {
    Sequence {
        span: Span,
        items: Vec<Node<'s>>,
    },
    Mapping {
        span: Span,
        flow: bool,
        entries: Vec<Entry<'s>>,
        pending_key: Option<(Cow<'s, str>, Span, Style)>,
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

pub(super) struct Builder<'s, 'l> {
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
    /// The byte at which a syntax error was reported.
    syntax_at: Option<usize>,
}

impl<'s, 'l> Builder<'s, 'l> {
    pub(super) fn new(source: &'s str, limits: &'l Limits) -> Self {
        Self {
            source,
            limits,
            stack: Vec::new(),
            root: None,
            findings: Findings::new(limits.max_findings),
            sound: true,
            documents: 0,
            nodes: 0,
            anchored: None,
            syntax_at: None,
        }
    }

    /// The byte at which a syntax error was reported, if one was.
    pub(super) fn syntax_at(&self) -> Option<usize> {
        self.syntax_at
    }

    /// Whether the limit on findings was reached: reading on would find only
    /// what is dropped.
    pub(super) fn is_full(&self) -> bool {
        self.findings.is_full()
    }

    /// The root, unless something on the way made the tree unsound, and the
    /// findings.
    pub(super) fn finish(self) -> Parsed<'s> {
        let root = if self.sound { self.root } else { None };
        Parsed {
            root,
            findings: self.findings.into_vec(),
        }
    }

    pub(super) fn event(
        &mut self,
        event: Event<'s>,
        span: Span,
        tag_at: Option<Span>,
    ) -> ControlFlow<()> {
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
                // The parser gives a node left empty (`key:`, `: value`) the
                // text `~`; it has none, and must not be named `~`.
                let text = if style == Style::Plain && span.bytes().is_empty() {
                    Cow::Borrowed("")
                } else {
                    text
                };
                self.complete(Node {
                    value: Value::Scalar { text, style },
                    span,
                })?;
            }
            Event::SequenceStart(style, anchor, tag) => {
                if style == StructureStyle::Block {
                    self.indented_by_tab(span)?;
                }
                self.check_properties(&span, anchor, tag.is_some(), tag_at);
                self.open(
                    Frame::Sequence {
                        span,
                        items: Vec::new(),
                    },
                    span,
                )?;
            }
            Event::MappingStart(style, anchor, tag) => {
                if style == StructureStyle::Block {
                    self.indented_by_tab(span)?;
                }
                self.check_properties(&span, anchor, tag.is_some(), tag_at);
                self.open(
                    Frame::Mapping {
                        span,
                        flow: style == StructureStyle::Flow,
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
            Exceeded::Nodes {
                max: self.limits.max_nodes,
            }
            .finding(pointer)
            .at(span.location(), span.bytes()),
        );
        ControlFlow::Break(())
    }

    fn open(&mut self, frame: Frame<'s>, span: Span) -> ControlFlow<()> {
        if self.stack.len() >= self.limits.depth() {
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
            Exceeded::Depth {
                max: self.limits.depth(),
            }
            .finding(pointer)
            .at(span.location(), span.bytes()),
        );
    }

    /// Hands a finished node to its parent, or makes it the root.
    fn complete(&mut self, node: Node<'s>) -> ControlFlow<()> {
        let max_key = self.limits.max_key_bytes;
        let source = self.source;
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
                flow,
                entries,
                pending_key,
                index,
                ..
            } => match pending_key.take() {
                None => match node.value {
                    Value::Scalar { text, style } => {
                        let merge = style == Style::Plain && text == "<<";
                        let len = text.len();
                        *pending_key = Some((text, node.span, style));
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
                Some((key, key_span, key_style)) => {
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
                            let bare = *flow
                                && key_style == Style::Plain
                                && is_left_empty(&node)
                                // `{ a: }` has its empty value at the `:`.
                                && source
                                    .get(node.span.bytes().start..)
                                    .is_some_and(|rest| !rest.starts_with(':'));
                            entries.push(Entry {
                                key,
                                key_span,
                                bare,
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
                    Exceeded::Key { len, max: max_key }
                        .finding(pointer)
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
                        if key.is_empty() {
                            "an empty key appears twice in the same mapping".to_owned()
                        } else {
                            format!("duplicate key `{}`", escape(&key))
                        },
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
                    pending_key: Some((key, ..)),
                    ..
                } => pointer.key(key),
                Frame::Mapping {
                    pending_key: None, ..
                } => return pointer,
            };
        }
        pointer
    }

    pub(super) fn syntax(&mut self, error: &ScanError) {
        let marker = error.marker();
        let span = self.span(marker, marker);
        let start = span.bytes().start;
        let span = Span::new(
            start..next_char_boundary(self.source, start),
            span.location(),
        );
        if matches!(error.kind(), ErrorKind::RecursionLimitExceeded) {
            self.sound = false;
            self.too_deep(span);
            return;
        }
        // The scanner reports some errors at the start of the token it was
        // reading, or a line after the tab that set a wrong indentation;
        // point at the offending character itself.
        let span = match error.kind() {
            ErrorKind::UnexpectedCharacter { character } => seek(self.source, span, *character),
            kind @ (ErrorKind::TabNotAllowed
            | ErrorKind::TabInBlockIndentation
            | ErrorKind::TabInIndentation
            | ErrorKind::TabInPlainScalar
            | ErrorKind::TabAtBlockScalarStart) => {
                let block = matches!(kind, ErrorKind::TabInBlockIndentation);
                match tabs::culprit(self.source, start, block) {
                    Some(tab) => tabs::span_at(self.source, span, tab),
                    None => seek(self.source, span, '\t'),
                }
            }
            _ => span,
        };
        let advice = advice::advise(error.kind(), self.source, span.bytes().start, &error.info());
        match advice.at {
            Some((at, label)) if at != span.bytes().start => {
                let mistake = Span::new(
                    at..next_char_boundary(self.source, at),
                    crate::text::location_of(self.source, at),
                );
                self.report_syntax(mistake, &advice.message, &advice.help, Some((span, label)));
            }
            _ => self.report_syntax(span, &advice.message, &advice.help, None),
        }
    }

    /// A block collection indented with a tab, which the parser lets through
    /// when enough spaces come before it.
    fn indented_by_tab(&mut self, span: Span) -> ControlFlow<()> {
        match tabs::indenting(self.source, span.bytes().start) {
            Some(tab) => {
                let span = tabs::span_at(self.source, span, tab);
                self.report_syntax(
                    span,
                    "a tab indents this line: YAML indents with spaces only",
                    "replace the tab with spaces, as many as the lines around it use",
                    None,
                );
                ControlFlow::Break(())
            }
            None => ControlFlow::Continue(()),
        }
    }

    fn report_syntax(
        &mut self,
        span: Span,
        message: &str,
        help: &str,
        related: Option<(Span, &str)>,
    ) {
        self.sound = false;
        self.syntax_at = Some(span.bytes().start);
        let mut finding = Finding::new(&reading::SYNTAX, self.here(), escape(message))
            .with_help(help)
            .at(span.location(), span.bytes());
        if let Some((place, label)) = related {
            finding = finding.with_related_at(label, place.location(), place.bytes());
        }
        self.findings.push(finding);
    }

    pub(super) fn span(&self, start: &Marker, end: &Marker) -> Span {
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

/// Whether `node` is a plain scalar with nothing written: `key:`, `: value`.
fn is_left_empty(node: &Node<'_>) -> bool {
    matches!(&node.value, Value::Scalar { text, style: Style::Plain } if text.is_empty())
        && node.span.bytes().is_empty()
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
