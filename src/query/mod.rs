//! Answers to the questions services ask of a [`Ladder`](crate::Ladder),
//! one module per question. All of them are methods on the ladder (or on its
//! [`Band`](crate::Band), [`Level`](crate::Level) and [`Track`](crate::Track)),
//! and every answer serializes.
//!
//! - [`lookup`]: a level, track, competency or zone by id, with a did-you-mean
//!   on a miss ([`Ladder::lookup_level`](crate::Ladder::lookup_level)).
//! - [`navigation`]: a track's levels in order, the level above and below,
//!   a level's track, the levels of a grade, counterparts on other tracks.
//! - [`compa`]: bands per zone, compa-ratio and range penetration as exact
//!   [`Ratio`](crate::Ratio)s, the levels whose band holds a salary.
//! - [`profile`]: one level as a person looks it up, and [`overview`]: the
//!   whole ladder at a glance, bands in a zone and a salary placed in them
//!   ([`Ladder::profile`](crate::Ladder::profile),
//!   [`Ladder::overview`](crate::Ladder::overview)).
//! - [`transition`]: a move to another track as the career change it is.
//! - [`readiness`]: which levels a person's ratings meet, and the gaps, with
//!   readiness to manage people judged on its own
//!   ([`Ladder::assess`](crate::Ladder::assess) for all of it at once).
//!
//! The look-ups ([`lookup`], [`navigation`], [`compa`]) never allocate.

pub(crate) mod answer;
pub(crate) mod compa;
pub(crate) mod lookup;
pub(crate) mod navigation;
pub(crate) mod overview;
mod placed;
pub(crate) mod profile;
pub(crate) mod readiness;
pub(crate) mod steps;
pub(crate) mod transition;

pub use answer::{
    AssessmentAnswer, BandedLevelAnswer, CompetencyAnswer, CompetencyBrief,
    ExpectationChangeAnswer, ExpectedAnswer, GapAnswer, LadderOverviewAnswer, LevelBrief,
    LevelOverviewAnswer, LevelProfileAnswer, LevelReadinessAnswer, PayAnswer, ReadinessAnswer,
    SalaryMatchAnswer, TrackOverviewAnswer, TrackReadinessAnswer, TransitionAnswer, ZoneAnswer,
};
pub use compa::{Placement, SalaryPosition};
pub use lookup::{IdKind, NotFound};
pub use navigation::CounterpartError;
pub use overview::{LadderOverview, LevelOverview, SalaryMatch, TrackOverview};
pub use profile::{BandedLevel, Expected, LevelProfile};
pub use readiness::{
    Assessment, Gap, LevelReadiness, PeopleAssessment, Readiness, ReadinessError, TrackReadiness,
};
pub use steps::StepPosition;
pub use transition::{Direction, ExpectationChange, SalaryMove, Transition, TransitionError};
