//! From a finding's JSON pointer back to the span to show.

use super::{Node, Span, Value};
use crate::Pointer;
use crate::finding::Target;

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
        let missing = Pointer::root().key("tracks").index(0).key("nope");
        assert_eq!(
            root.locate(&missing, Target::Value).location(),
            Location { line: 2, column: 5 }
        );
    }
}
