//! The file format declared once: each mapping's keys are the fields of its
//! wire type (and each choice's names sit beside its enum's variants, in the
//! model: `wire_enum!`). The schema is generated from those declarations and
//! the decoder reads the same ones, so a key or a name cannot be known to one
//! and not to the other.

/// A mapping of the file format, declared with [`wire_struct!`].
pub(crate) trait Wire {
    /// The keys the mapping may hold, in declaration order: the fields of
    /// the wire type, as the schema lists them in its `properties`.
    const KEYS: &'static [&'static str];
}

/// Declares a wire type: the struct exactly as written (its derives and doc
/// comments make the schema), and its [`Wire`] keys, one per field.
///
/// A field's name is its key: renaming a field with `#[serde(rename)]` would
/// make the schema and the decoder disagree (the tests would say so).
macro_rules! wire_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident: $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $(
                $(#[$field_meta])*
                $field_vis $field: $ty,
            )*
        }

        impl $crate::spec::wire::Wire for $name {
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
        }
    };
}

pub(crate) use wire_struct;
