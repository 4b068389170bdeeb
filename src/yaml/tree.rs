//! The same tree from any serde format: what `Deserialize for Ladder` hands
//! the decoder, so that a ladder in a JSON body (or a service's own config)
//! goes through the very checks its YAML file would.
//!
//! Strings become quoted scalars and integers and booleans plain ones, as a
//! YAML file would write them; a number with a fraction is refused, since
//! the float it arrives as has already lost the digits written (amounts and
//! factors are exact strings in what a ladder serializes to). Nodes have no
//! span: there is no text to point into, and findings keep their pointers.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Entry, Node, Span, Style, Value};
use crate::finding::reading::Exceeded;
use crate::text::Location;
use crate::{Limits, Pointer};

/// Reads one document from `deserializer` into a tree, within `limits`'
/// depth, node count and total size.
pub(crate) fn from_deserializer<'de, D: Deserializer<'de>>(
    deserializer: D,
    limits: &Limits,
) -> Result<Node<'static>, D::Error> {
    let budget = Budget {
        limits,
        nodes: Cell::new(0),
        bytes: Cell::new(0),
    };
    Seed {
        budget: &budget,
        depth: 0,
    }
    .deserialize(deserializer)
}

/// What the whole document may still take.
struct Budget<'l> {
    limits: &'l Limits,
    nodes: Cell<usize>,
    bytes: Cell<usize>,
}

impl Budget<'_> {
    /// No place in a text, since the tree came from none; its "byte" is the
    /// node's number in reading order, which puts findings in document order.
    fn span(&self) -> Span {
        let order = self.nodes.get();
        Span::new(order..order, Location { line: 0, column: 0 })
    }

    fn take<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        let nodes = self.nodes.get() + 1;
        self.nodes.set(nodes);
        if nodes > self.limits.max_nodes {
            return Err(exceeded(Exceeded::Nodes {
                max: self.limits.max_nodes,
            }));
        }
        let total = self.bytes.get().saturating_add(bytes);
        self.bytes.set(total);
        if total > self.limits.max_file_bytes {
            return Err(E::custom(format_args!(
                "the ladder holds more than the limit of {} bytes of text",
                self.limits.max_file_bytes
            )));
        }
        Ok(())
    }
}

fn exceeded<E: de::Error>(limit: Exceeded) -> E {
    E::custom(limit.finding(Pointer::root()).message())
}

fn scalar(text: impl Into<Cow<'static, str>>, style: Style, span: Span) -> Node<'static> {
    Node {
        value: Value::Scalar {
            text: text.into(),
            style,
        },
        span,
    }
}

#[derive(Clone, Copy)]
struct Seed<'b, 'l> {
    budget: &'b Budget<'l>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Node<'static>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Seed<'_, '_> {
    fn plain<E: de::Error>(self, text: String) -> Result<Node<'static>, E> {
        self.budget.take(text.len())?;
        Ok(scalar(text, Style::Plain, self.budget.span()))
    }

    fn nested<E: de::Error>(self) -> Result<Self, E> {
        let depth = self.depth + 1;
        if depth > self.budget.limits.depth() {
            return Err(exceeded(Exceeded::Depth {
                max: self.budget.limits.depth(),
            }));
        }
        self.budget.take(0)?;
        Ok(Self {
            budget: self.budget,
            depth,
        })
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Node<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a ladder file: mappings, lists, strings, whole numbers and booleans")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        self.plain(value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        self.plain(value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        self.plain(value.to_string())
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Self::Value, E> {
        self.plain(value.to_string())
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Self::Value, E> {
        self.plain(value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Err(E::custom(format_args!(
            "the number {value:?} arrived as a float, which cannot carry an exact value: \
             write a whole number without a fraction, or a decimal as a string (\"{value:?}\")"
        )))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        self.budget.take(value.len())?;
        Ok(scalar(value.to_owned(), Style::Quoted, self.budget.span()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        self.budget.take(value.len())?;
        Ok(scalar(value, Style::Quoted, self.budget.span()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.plain("null".to_owned())
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self.nested()?)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self.nested()?)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let inner = self.nested()?;
        let span = self.budget.span();
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Node {
            value: Value::Sequence(items),
            span,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let inner = self.nested()?;
        let span = self.budget.span();
        let mut entries: Vec<Entry<'static>> = Vec::new();
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key_seed(inner)? {
            let key_span = key.span;
            let Value::Scalar { text: key, .. } = key.value else {
                return Err(de::Error::custom(
                    "a key is a mapping or a list; ladder files have text keys",
                ));
            };
            if key.len() > self.budget.limits.max_key_bytes {
                return Err(exceeded(Exceeded::Key {
                    len: key.len(),
                    max: self.budget.limits.max_key_bytes,
                }));
            }
            if !keys.insert(key.clone()) {
                return Err(de::Error::custom(format_args!(
                    "the key `{}` appears twice in one mapping",
                    crate::text::escape(&key)
                )));
            }
            let value = map.next_value_seed(inner)?;
            entries.push(Entry {
                key,
                key_span,
                bare: false,
                value,
            });
        }
        Ok(Node {
            value: Value::Mapping(entries),
            span,
        })
    }
}
