use crate::{Grade, ParityMode, Percent};

/// The compensation policy the bands were checked against, with every default filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// The defaults of DESIGN's policy: `equal` parity with no tolerance, bands
/// spreading 20% to 65%, midpoints stepping 5% to 30%, at most 60% overlap.
/// `parity_from_grade` is 0 here; a loaded ladder's is, unless its file sets
/// one, the grade of its management track's third-highest level.
///
/// ```
/// let policy = dualtrack::Policy::default();
/// assert_eq!(policy.spread().0.to_string(), "20%");
/// assert_eq!(policy.parity_mode(), dualtrack::ParityMode::Equal);
/// ```
impl Default for Policy {
    fn default() -> Self {
        Self {
            parity_mode: ParityMode::Equal,
            parity_from_grade: Grade::new(0),
            parity_tolerance: Percent::whole(0),
            spread_min: Percent::whole(20),
            spread_max: Percent::whole(65),
            progression_min: Percent::whole(5),
            progression_max: Percent::whole(30),
            overlap_max: Percent::whole(60),
        }
    }
}

impl Policy {
    /// How IC and management bands are compared.
    pub fn parity_mode(&self) -> ParityMode {
        self.parity_mode
    }

    /// The grade from which parity is enforced.
    pub fn parity_from_grade(&self) -> &Grade {
        &self.parity_from_grade
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
