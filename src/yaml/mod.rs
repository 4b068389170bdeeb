//! The YAML layer: the only module that knows which YAML library we use.
//!
//! It turns source text into a small tree of [`Node`]s that keeps every
//! scalar's exact text and quoting style (so that money never passes through a
//! float) and every node's span (so that findings can be located). It reports
//! what the ladder format forbids at the YAML level: syntax errors, duplicate
//! keys, anchors, aliases, merge keys, tags, several documents and too-deep
//! nesting. The tree is built with an explicit stack, so no input can overflow
//! the call stack.
//!
//! Its parts: `node` is the tree, `build` turns the parser's events into it
//! and refuses what ladder files never need, `tabs` finds the tab to show
//! for a tab used as indentation, `locate` finds the span a finding's
//! pointer names, `scalar` resolves plain scalars under the YAML 1.2 core
//! schema and words a node's type for type errors, and `tree` builds the
//! same tree from any serde format.

mod advice;
mod build;
mod locate;
mod node;
mod scalar;
mod tabs;
#[cfg(feature = "serde")]
mod tree;

use granit_parser::{Options, Parser};

use crate::Limits;
use crate::finding::Finding;

use build::Builder;
pub(crate) use node::{Entry, Node, Span, Style, Value};
pub(crate) use scalar::{PlainKind, plain_kind};
#[cfg(feature = "serde")]
pub(crate) use tree::from_deserializer;

/// What parsing produced: the document's root, when it could be built soundly,
/// and the findings met on the way.
pub(crate) struct Parsed<'s> {
    pub(crate) root: Option<Node<'s>>,
    pub(crate) findings: Vec<Finding>,
}

/// Parses one YAML document into a [`Node`] tree.
///
/// The parser runs with strict indentation, as the YAML specification has
/// it: a quoted scalar or flow collection continued left of its parent's
/// indentation is an error, not a PyYAML-compatible leniency. When that
/// finds a syntax error, the file is read once more without it, and an
/// earlier error found that way is the one reported: a quote never closed
/// is best shown at the quote, not at the first line it swallowed.
pub(crate) fn parse<'s>(source: &'s str, limits: &Limits) -> Parsed<'s> {
    let (strict, at) = read(source, limits, true);
    let Some(at) = at else {
        return strict;
    };
    match read(source, limits, false) {
        (lenient, Some(earlier)) if earlier < at => lenient,
        _ => strict,
    }
}

/// One reading of `source`, and where its syntax error is, if any.
fn read<'s>(source: &'s str, limits: &Limits, strict: bool) -> (Parsed<'s>, Option<usize>) {
    let mut builder = Builder::new(source, limits);
    let mut options = Options::default();
    options.strict_indentation = strict;
    // Anchors are reported at their `&name` token, which this event carries.
    options.emit_anchor_events = true;
    // An alias of an unknown anchor is refused like any other alias.
    options.emit_unresolved_aliases = true;
    // The scanner looks ahead into flow collections: stop it at the same depth.
    let max_depth = limits.depth();
    options.flow_nesting_limit = max_depth;
    options.block_nesting_limit = options.block_nesting_limit.max(max_depth.saturating_add(1));
    let mut parser = Parser::new_from_str_with_options(source, options);
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => {
                let tag = span.tag_span().map(|t| builder.span(&t.start, &t.end));
                let span = builder.span(&span.start, &span.end);
                if builder.event(event, span, tag).is_break() || builder.is_full() {
                    break;
                }
            }
            Err(error) => {
                builder.syntax(&error);
                break;
            }
        }
    }
    let at = builder.syntax_at();
    (builder.finish(), at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Location;

    pub(super) fn parse_ok(source: &str) -> Node<'_> {
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
}
