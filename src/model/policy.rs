use serde::Serialize;

use crate::{Grade, Percent};

/// How IC bands are compared with management bands at the same grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "Parity mode")]
#[non_exhaustive]
pub enum ParityMode {
    /// The IC band's min, mid and max equal the management band's, within the tolerance.
    Equal,
    /// The IC band's min, mid and max are at least the management band's, less the tolerance.
    AtLeast,
    /// The IC band and the management band overlap.
    Overlap,
}

impl ParityMode {
    /// The name used in ladder files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Equal => "equal",
            Self::AtLeast => "at_least",
            Self::Overlap => "overlap",
        }
    }
}

/// The compensation policy the bands were checked against, with every default filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    pub(crate) parity_mode: ParityMode,
    pub(crate) parity_from_grade: Grade,
    pub(crate) parity_tolerance: Percent,
    pub(crate) spread_min: Percent,
    pub(crate) spread_max: Percent,
    pub(crate) progression_min: Percent,
    pub(crate) progression_max: Percent,
    pub(crate) overlap_max: Percent,
}

impl Policy {
    /// How IC and management bands are compared.
    pub fn parity_mode(&self) -> ParityMode {
        self.parity_mode
    }

    /// The grade from which parity is enforced.
    pub fn parity_from_grade(&self) -> Grade {
        self.parity_from_grade
    }

    /// How far apart equal bands may be, relative to the management band.
    pub fn parity_tolerance(&self) -> Percent {
        self.parity_tolerance
    }

    /// The allowed `(max - min) / min` of a band.
    pub fn spread(&self) -> (Percent, Percent) {
        (self.spread_min, self.spread_max)
    }

    /// The allowed midpoint step between consecutive levels.
    pub fn progression(&self) -> (Percent, Percent) {
        (self.progression_min, self.progression_max)
    }

    /// The largest share of a band that may overlap the next level's band.
    pub fn overlap_max(&self) -> Percent {
        self.overlap_max
    }
}
