//! The names the model's enums have in ladder files, declared once beside
//! their variants: serde, the schema and the decoder of the wire format all
//! read them from there.

/// Declares an enum of the file format with each variant's name in the file,
/// once: serde and the schema use the names through `#[serde(rename)]`, the
/// decoder through `ALL`, and messages through `as_str()`.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident => $text:literal
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                #[serde(rename = $text)]
                $variant,
            )*
        }

        impl $name {
            /// Every value with its name in ladder files, in declaration order.
            pub(crate) const ALL: &'static [(&'static str, Self)] = &[$(($text, Self::$variant)),*];

            /// The name used in ladder files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::text::UnknownName;

            /// Its name in ladder files.
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .find(|(name, _)| *name == text)
                    .map(|(_, value)| *value)
                    .ok_or_else(|| {
                        let names: Vec<&'static str> = Self::ALL.iter().map(|(name, _)| *name).collect();
                        $crate::text::UnknownName::new($crate::text::words(stringify!($name)), text, &names)
                    })
            }
        }

        impl std::fmt::Display for $name {
            /// The name used in ladder files, as [`as_str`](Self::as_str).
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use wire_enum;
