//! The file a ladder serializes to: the wire types written back in the shape
//! the decoder reads (`Serialize` for the choices the schema spells with
//! `oneOf`; the structs derive theirs beside their schema).

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{ExpectationSpec, GradeSpec, PaySpec, PolicySpec, ProficiencySpec, StepsSpec};

/// A mapping written as a list of pairs, in the file's order.
pub(super) fn entries<S: Serializer, V: Serialize>(
    entries: &[(String, V)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(entries.len()))?;
    for (key, value) in entries {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

impl PolicySpec {
    /// Whether the file leaves every policy at its default.
    pub(crate) fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A range, an amount, or `{ percent, of }`.
impl Serialize for PaySpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Range(band) => band.serialize(serializer),
            Self::Spot(amount) => amount.serialize(serializer),
            Self::Relative(relative) => relative.serialize(serializer),
        }
    }
}

/// A whole number, or a step name.
impl Serialize for ProficiencySpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(number) => serializer.serialize_i64(*number),
            Self::Name(name) => serializer.serialize_str(name),
        }
    }
}

/// A whole number, or a label of the grade scale.
impl Serialize for GradeSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(number) => serializer.serialize_u32(*number),
            Self::Label(label) => serializer.serialize_str(label),
        }
    }
}

/// The proficiency alone, or `{ proficiency, description }` as written.
impl Serialize for ExpectationSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !self.detailed {
            return self.proficiency.serialize(serializer);
        }
        let len = 1 + usize::from(self.description.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("proficiency", &self.proficiency)?;
        if let Some(description) = &self.description {
            map.serialize_entry("description", description)?;
        }
        map.end()
    }
}

/// How many steps, or their names (each alone or `{ name, description }`,
/// as written).
impl Serialize for StepsSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Count(count) => serializer.serialize_i64(*count),
            Self::Named(steps) => {
                let mut seq = serializer.serialize_seq(Some(steps.len()))?;
                for (step, detailed) in steps {
                    if *detailed {
                        seq.serialize_element(step)?;
                    } else {
                        seq.serialize_element(&step.name)?;
                    }
                }
                seq.end()
            }
        }
    }
}
