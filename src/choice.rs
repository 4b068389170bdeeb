//! The closed choices of the file format (a track's kind, a competency's
//! kind, the pay period, the parity mode), each enum declared once with its
//! variants' names in ladder files: serde, the schema, the decoder of the
//! wire format and messages all read the names from here.

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
                #[cfg_attr(feature = "serde", serde(rename = $text))]
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

wire_enum! {
    /// Which kind of career a track is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", schemars(title = "Track kind"))]
    #[non_exhaustive]
    pub enum TrackKind {
        /// Growth through the craft: senior, staff, principal, distinguished, fellow.
        IndividualContributor => "individual_contributor",
        /// Growth through managing people: a career change, not a promotion.
        Management => "management",
        /// The shared levels below the split (junior, mid, senior), common to
        /// both paths: they lead into every individual-contributor and
        /// management track. At most one per ladder; its grades lie below the
        /// entry of every track it leads into.
        Trunk => "trunk",
    }
}

wire_enum! {
    /// What a competency is about, which decides the tracks it applies to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", schemars(title = "Competency kind"))]
    #[non_exhaustive]
    pub enum CompetencyKind {
        /// The practice itself (technical depth, design); applies to every track.
        Craft => "craft",
        /// Leading without authority (influence, mentoring); applies to every track.
        Leadership => "leadership",
        /// Managing people (reports, hiring, reviews); applies to management only.
        People => "people",
    }
}

wire_enum! {
    /// How often the band amounts are paid.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", schemars(title = "Pay period"))]
    #[non_exhaustive]
    pub enum PayPeriod {
        /// Per year.
        Annual => "annual",
        /// Per month.
        Monthly => "monthly",
        /// Per hour; hourly ladders are compared with hourly ladders only.
        Hourly => "hourly",
    }
}

wire_enum! {
    /// How IC bands are compared with management bands at the same grade.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", schemars(title = "Parity mode"))]
    #[non_exhaustive]
    pub enum ParityMode {
        /// The IC band's min, mid and max equal the management band's, within the tolerance.
        Equal => "equal",
        /// The IC band's min, mid and max are at least the management band's, less the tolerance.
        AtLeast => "at_least",
        /// The IC band and the management band overlap.
        Overlap => "overlap",
    }
}
