//! Wire types: the ladder file as written, before any rule has run.
//!
//! These mirror the YAML one to one. They are lenient where the rules are
//! strict: ids are plain strings and amounts plain decimals, so that every
//! problem can be reported with its place by the rules, which then build the
//! checked [`model`](crate::model) from them.

mod decode;

pub(crate) use decode::{RatingsSpec, decode_ratings};
pub(crate) use decode::{decode, did_you_mean};

use crate::model::{CompetencyKind, ParityMode, PayPeriod, TrackKind};
use crate::{Decimal, Percent};

/// A whole ladder file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LadderSpec {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) currency: String,
    pub(crate) pay_period: PayPeriod,
    pub(crate) competencies: Vec<CompetencySpec>,
    pub(crate) tracks: Vec<TrackSpec>,
    pub(crate) zones: Vec<ZoneSpec>,
    pub(crate) policy: PolicySpec,
}

/// One entry of `competencies`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CompetencySpec {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: CompetencyKind,
    pub(crate) description: Option<String>,
}

/// One entry of `tracks`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TrackSpec {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: TrackKind,
    pub(crate) description: Option<String>,
    pub(crate) levels: Vec<LevelSpec>,
}

/// One entry of a track's `levels`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LevelSpec {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) grade: u32,
    pub(crate) summary: Option<String>,
    pub(crate) band: BandSpec,
    /// In file order; keys are competency ids as written.
    pub(crate) expectations: Vec<(String, ExpectationSpec)>,
}

/// A level's `band`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BandSpec {
    pub(crate) min: Decimal,
    pub(crate) mid: Decimal,
    pub(crate) max: Decimal,
}

/// One value of a level's `expectations`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExpectationSpec {
    pub(crate) proficiency: i64,
    pub(crate) description: Option<String>,
    /// Written as `{ proficiency: N, ... }` rather than a bare number.
    pub(crate) detailed: bool,
}

/// One entry of `zones`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ZoneSpec {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) factor: Decimal,
    pub(crate) currency: Option<String>,
    pub(crate) rate: Option<Decimal>,
}

/// The optional `policy` block; every value left out takes its default.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PolicySpec {
    pub(crate) parity_mode: Option<ParityMode>,
    pub(crate) parity_from_grade: Option<u32>,
    pub(crate) parity_tolerance: Option<Percent>,
    pub(crate) spread_min: Option<Percent>,
    pub(crate) spread_max: Option<Percent>,
    pub(crate) progression_min: Option<Percent>,
    pub(crate) progression_max: Option<Percent>,
    pub(crate) overlap_max: Option<Percent>,
}
