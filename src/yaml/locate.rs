//! From a finding's JSON pointer back to the span to show.

use super::{Node, Span, Value};
use crate::Pointer;
use crate::finding::Target;

/// The widest flow collection shown whole, in bytes: a band written
/// `{ min: 100000, mid: 115000, max: 130000 }` (41) is; a long
/// `expectations: { ... }` is shown by its key.
const LONG_FLOW: usize = 60;

impl Node<'_> {
    /// The node at `pointer`, or the deepest existing node on its way, with
    /// the span to show: the key's span when asked for and the node is a
    /// mapping value, and also when the node is a long flow collection (a
    /// `{ }` or `[ ]` of more than [`LONG_FLOW`] bytes that starts on its
    /// key's line): a finding about a long `expectations: { ... }` points at
    /// `expectations`, not at a map that may run 200 characters wide. A short
    /// one (`band: { min: 1, mid: 2, max: 3 }`) is shown whole.
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
        let long_flow = |key: &Span| {
            matches!(node.value, Value::Mapping(_) | Value::Sequence(_))
                && key.location().line == node.span.location().line
                && node.span.bytes().len() > LONG_FLOW
        };
        match (target, key_span) {
            (Target::Key, Some(span)) => *span,
            (Target::Value, Some(span)) if long_flow(span) => *span,
            _ => node.span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Location;
    use crate::yaml::tests::parse_ok;

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
        // A long flow collection on its key's line is shown by its key; a
        // short one, or a block one (on the lines below), as a value.
        let source = format!(
            "band: {{ min: 1, mid: 2, max: 3 }}\nlong: [{}1]\nlist:\n  - 1\n",
            "1, ".repeat(30)
        );
        let flow = parse_ok(&source);
        let at = |key: &str| {
            let location = flow
                .locate(&Pointer::root().key(key), Target::Value)
                .location();
            (location.line, location.column)
        };
        assert_eq!(at("band"), (1, 7));
        assert_eq!(at("long"), (2, 1));
        assert_eq!(at("list"), (4, 3));
        let missing = Pointer::root().key("tracks").index(0).key("nope");
        assert_eq!(
            root.locate(&missing, Target::Value).location(),
            Location { line: 2, column: 5 }
        );
    }
}
