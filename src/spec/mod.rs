//! Wire types: the ladder file as written, before any rule has run.
//!
//! These mirror the YAML one to one, and their doc comments are the JSON
//! Schema's titles and descriptions (first paragraph: title), written for the
//! people who edit ladder files. They are lenient where the rules are strict:
//! ids are plain strings and amounts plain decimals, so that every problem can
//! be reported with its place by the rules, which then build the checked
//! model from them.

mod decode;
#[cfg(feature = "schema")]
pub(crate) mod schema;
pub(crate) mod wire;
#[cfg(feature = "serde")]
mod written;

pub(crate) use decode::decode;
pub(crate) use decode::{RatingsSpec, ScaleHint, decode_ratings};
#[cfg(feature = "schema")]
pub use schema::{ratings_schema, schema};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use crate::choice::{CompetencyKind, ParityMode, PayPeriod, TrackKind};
use crate::spec::wire::{Wire, wire_struct};
use crate::{Date, Decimal, Percent};

wire_struct! {
    /// # Career ladder
    ///
    /// A dual-track career ladder: individual-contributor and management tracks
    /// whose levels line up by grade, with competencies and pay bands. Checked by
    /// `dualtrack validate`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Ladder"))]
    #[cfg_attr(feature = "schema", schemars(title = "Career ladder"))]
    // A ladder that publishes pay (a band on any level, a zone, an equity
    // band or a fixed variable amount) needs its currency and pay period; one
    // without pay may leave them out.
    #[cfg_attr(feature = "schema", schemars(extend(
        "if" = { "anyOf": [
            { "required": ["zones"], "properties": { "zones": { "minItems": 1 } } },
            { "required": ["tracks"], "properties": { "tracks": { "contains": {
                "required": ["levels"],
                "properties": { "levels": { "contains": { "anyOf": [
                    { "required": ["band"] },
                    { "required": ["equity"] },
                    { "required": ["variable"], "properties": { "variable": { "required": ["amount"] } } }
                ] } } }
            } } } },
            { "required": ["tracks"], "properties": { "tracks": { "contains": { "anyOf": [
                { "required": ["equity"] },
                { "required": ["variable"], "properties": { "variable": { "required": ["amount"] } } }
            ] } } } }
        ] },
        "then" = { "required": ["currency", "pay_period"] }
    )))]
    pub(crate) struct LadderSpec {
        /// # Schema version
        ///
        /// The version of the ladder file format. Always `1`.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::schema_version"))]
        pub(crate) schema_version: u32,
        /// # Ladder id
        ///
        /// A short, stable name for the ladder, used in links and by other tools:
        /// lower-case words joined by hyphens.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::id", extend("examples" = ["engineering", "design"])))]
        pub(crate) id: String,
        /// # Name
        ///
        /// The ladder's name as people read it.
        #[cfg_attr(feature = "schema", schemars(extend("examples" = ["Engineering"])))]
        pub(crate) name: String,
        /// # Description
        ///
        /// What the ladder covers and how to read it.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) description: Option<String>,
        /// # Currency
        ///
        /// The ISO 4217 code of the currency every band is paid in, such as `USD`,
        /// `EUR` or `GBP`. It decides how many decimal places an amount may have.
        /// Required as soon as any level has a `band` or the ladder has `zones`;
        /// a ladder that publishes no pay may leave it out.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_currency"))]
        pub(crate) currency: Option<String>,
        /// # Pay period
        ///
        /// How often the band amounts are paid: per year, per month or per hour.
        /// Required as soon as any level has a `band` or the ladder has `zones`;
        /// a ladder that publishes no pay may leave it out.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) pay_period: Option<PayPeriod>,
        /// # Grade scale
        ///
        /// Optional: the ladder's grades, lowest first, when they are labels
        /// rather than whole numbers, such as `[GS-12, GS-13, GS-14]`,
        /// `["8A", "8B", "8C"]` or `[9, 9.5, 10]`. Each level's `grade` then
        /// names an entry, and grades are ordered as listed. A grade is its text
        /// as written, quotes aside: `9.5` and `"9.5"` are the same grade, `9.50`
        /// another. List only the grades the ladder uses: a grade left out (a
        /// company with no grade 13, a series that moves two grades at a time)
        /// is no gap. Without `grades`, grades are whole numbers from 0.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::grades"))]
        pub(crate) grades: Option<Vec<String>>,
        /// # Competencies
        ///
        /// The skills and behaviours levels set expectations on. `craft` and
        /// `leadership` competencies apply to every track; `people` competencies
        /// (managing people) to management tracks only.
        pub(crate) competencies: Vec<CompetencySpec>,
        /// # Proficiency scale
        ///
        /// The scale expectations are written on, as the framework writes it:
        /// the number of its first step and its steps, lowest first, either
        /// how many or their names. Without it, proficiency runs from 1
        /// (learning) to 5 (sets the standard beyond the team), unnamed.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(extend("examples" = [{ "start": 0, "steps": ["Awareness", "Working", "Practitioner", "Advanced", "Expert"] }])))]
        pub(crate) proficiency_scale: Option<ScaleSpec>,
        /// # Tracks
        ///
        /// The career tracks, each a list of levels of rising grade. A dual-track
        /// ladder has at least one individual-contributor track and one
        /// management track.
        pub(crate) tracks: Vec<TrackSpec>,
        /// # Location zones
        ///
        /// Optional location differentials: each zone's bands are the base bands
        /// times its factor (and exchange rate), rounded to the cent.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
        pub(crate) zones: Vec<ZoneSpec>,
        /// # Compensation policy
        ///
        /// Optional limits the bands are checked against. Every value left out
        /// takes its default.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "PolicySpec::is_empty"))]
        pub(crate) policy: PolicySpec,
        /// # Effective date
        ///
        /// The date the ladder's pay takes effect, as an ISO 8601 calendar
        /// date `YYYY-MM-DD`, such as `2024-04-01`. Shown by `dualtrack show`;
        /// versions of a ladder order by it.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::date"))]
        pub(crate) effective_date: Option<Date>,
    }
}

wire_struct! {
    /// # Competency
    ///
    /// A skill or behaviour that levels set expectations on.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Competency"))]
    pub(crate) struct CompetencySpec {
        /// # Competency id
        ///
        /// How levels refer to this competency in their `expectations`:
        /// lower-case words joined by hyphens.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::id", extend("examples" = ["technical-depth", "people-development"])))]
        pub(crate) id: String,
        /// # Name
        ///
        /// The competency's name as people read it.
        pub(crate) name: String,
        /// # Kind
        ///
        /// What the competency is about, which decides the tracks it applies to.
        pub(crate) kind: CompetencyKind,
        /// # Group
        ///
        /// The area the competency belongs to, such as `Delivery` or `Craft`:
        /// `dualtrack show` lists competencies by group, in the order the groups
        /// first appear.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(extend("examples" = ["Delivery"])))]
        pub(crate) group: Option<String>,
        /// # Tracks
        ///
        /// The ids of the tracks the competency applies to, when not all those
        /// of its kind: levels of other tracks neither need nor may set an
        /// expectation on it. Default: every track for `craft` and
        /// `leadership`, management tracks for `people`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::track_ids"))]
        pub(crate) tracks: Option<Vec<String>>,
        /// # Description
        ///
        /// What the competency means, in a few sentences.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) description: Option<String>,
    }
}

wire_struct! {
    /// # Track
    ///
    /// A career path: a list of levels, lowest grade first.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Track"))]
    pub(crate) struct TrackSpec {
        /// # Track id
        ///
        /// A short, stable name for the track: lower-case words joined by hyphens.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::id", extend("examples" = ["ic", "management"])))]
        pub(crate) id: String,
        /// # Name
        ///
        /// The track's name as people read it.
        pub(crate) name: String,
        /// # Kind
        ///
        /// Whether this is an individual-contributor track, a management track,
        /// or the shared trunk: the levels below the split (junior, mid, senior)
        /// that lead into every individual-contributor and management track.
        /// A ladder has at most one trunk, and its grades lie below the first
        /// level of every other track.
        pub(crate) kind: TrackKind,
        /// # Description
        ///
        /// What the track is for.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) description: Option<String>,
        /// # Levels
        ///
        /// The track's levels, lowest grade first; grades strictly increase.
        pub(crate) levels: Vec<LevelSpec>,
        /// # Variable pay
        ///
        /// The target variable pay of the track's levels, for each level that
        /// does not set its own `variable`: a percentage of base pay
        /// (`{ target: 15% }`) or a fixed amount (`{ amount: 20000 }`).
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(extend("examples" = [{ "target": "15%" }])))]
        pub(crate) variable: Option<VariableSpec>,
        /// # Equity
        ///
        /// The annual equity or long-term-incentive grant band of the track's
        /// levels, for each level that does not set its own `equity`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(extend("examples" = [{ "min": 60000, "mid": 80000, "max": 100000 }])))]
        pub(crate) equity: Option<EquitySpec>,
    }
}

wire_struct! {
    /// # Level
    ///
    /// One level of a track: its title, grade, pay band and expectations.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Level"))]
    pub(crate) struct LevelSpec {
        /// # Level id
        ///
        /// A short, stable name for the level, unique across the whole ladder:
        /// promotion tools and other ladders refer to levels by it.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::id", extend("examples" = ["ic6", "em1"])))]
        pub(crate) id: String,
        /// # Title
        ///
        /// The job title people hold at this level, unique in the ladder.
        #[cfg_attr(feature = "schema", schemars(extend("examples" = ["Principal Engineer"])))]
        pub(crate) title: String,
        /// # Grade
        ///
        /// The cross-track key: levels of equal grade are equivalent in scope and
        /// pay, whichever track they are on. Grades strictly increase along a track.
        /// A whole number from 0, or, when the ladder declares `grades`, an entry
        /// of that scale, such as `GS-13` or `8A`.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::grade"))]
        pub(crate) grade: GradeSpec,
        /// # Summary
        ///
        /// One sentence on what the level is about.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) summary: Option<String>,
        /// # Executive level
        ///
        /// `true` for an executive level (a CEO or EVP grade) that no IC level is
        /// meant to match: it is left out of the parity rules (`ic-ceiling`,
        /// `parity-gap`, `management-premium`, `missing-counterpart`) and of the
        /// default `parity.from_grade`. Default: `false`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "std::ops::Not::not"))]
        #[cfg_attr(feature = "schema", schemars(extend("default" = false, "examples" = [true])))]
        pub(crate) executive: bool,
        /// # Pay band
        ///
        /// The level's pay in the ladder's currency, written one of three ways:
        /// a range `{ min, mid, max }` (`min <= mid <= max`, optionally with its
        /// `steps`); a single amount, such as `41.00`, for a spot rate (one rate
        /// for everyone at the level, as in hourly trades: a band whose min, mid
        /// and max are that rate, which `band-spread` does not judge); or
        /// `{ percent: 120%, of: journeyman }`, a percentage of another level's
        /// pay. Optional: a ladder that publishes no pay leaves it out on every
        /// level (its pay parity is then not checked); a level without one in a
        /// ladder whose other levels have one is a `missing-band` warning.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::pay"))]
        pub(crate) band: Option<PaySpec>,
        /// # Expectations
        ///
        /// For each competency that applies to the track, the proficiency expected
        /// at this level, from 1 (learning) to 5 (sets the standard beyond the
        /// team) unless the ladder declares a `proficiency_scale`: a number, a
        /// step name of the scale, or `{ proficiency: ..., description: ... }`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty", serialize_with = "written::entries"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::expectations"))]
        pub(crate) expectations: Vec<(String, ExpectationSpec)>,
        /// # Entry criteria
        ///
        /// What it takes to enter the level beyond its expectations, one
        /// criterion a line: years in the band below, hours of practice, an
        /// interview or a panel.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
        #[cfg_attr(feature = "schema", schemars(extend("default" = [], "examples" = [["Two years at the level below", "A promotion panel"]])))]
        pub(crate) entry_criteria: Vec<String>,
        /// # Variable pay
        ///
        /// The level's target variable pay (a bonus at target): a percentage
        /// of base pay (`{ target: 15% }`) or a fixed amount in the ladder's
        /// currency (`{ amount: 20000 }`). Default: the track's `variable`,
        /// else none. Total target cash (base + variable at target) is judged
        /// for parity beside the base band (`total-pay-gap`).
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(extend("examples" = [{ "target": "15%" }, { "amount": 20000 }])))]
        pub(crate) variable: Option<VariableSpec>,
        /// # Equity
        ///
        /// The level's annual equity or long-term-incentive grant band, in
        /// the ladder's currency: `{ min, mid, max }`. Default: the track's
        /// `equity`, else none. Total compensation (total target cash +
        /// equity) is judged for parity too.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(extend("examples" = [{ "min": 60000, "mid": 80000, "max": 100000 }])))]
        pub(crate) equity: Option<EquitySpec>,
    }
}

wire_struct! {
    /// # Variable pay
    ///
    /// Target variable pay: either `target`, a percentage of base pay, or
    /// `amount`, a fixed amount; not both.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Variable"))]
    #[cfg_attr(feature = "schema", schemars(extend("oneOf" = [{ "required": ["target"] }, { "required": ["amount"] }])))]
    pub(crate) struct VariableSpec {
        /// # Target percentage
        ///
        /// The variable pay at target as a percentage of base pay, such as
        /// `15%` or `0.15`. Total target cash is each band amount plus this
        /// share of it, rounded half away from zero to the currency's minor
        /// unit.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_percent"))]
        pub(crate) target: Option<Percent>,
        /// # Fixed amount
        ///
        /// The variable pay at target as a fixed amount in the ladder's
        /// currency, such as `20000`, whatever the base.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount"))]
        pub(crate) amount: Option<Decimal>,
    }
}

wire_struct! {
    /// # Equity
    ///
    /// An annual equity or long-term-incentive grant band in the ladder's
    /// currency: the minimum, the midpoint and the maximum grant value.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Equity"))]
    #[cfg_attr(feature = "schema", schemars(extend("examples" = [{ "min": 40000, "mid": 60000, "max": 80000 }])))]
    pub(crate) struct EquitySpec {
        /// # Minimum
        ///
        /// The smallest annual grant value, such as `40000`.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount"))]
        pub(crate) min: Decimal,
        /// # Midpoint
        ///
        /// The annual grant value at target, such as `60000`.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount"))]
        pub(crate) mid: Decimal,
        /// # Maximum
        ///
        /// The largest annual grant value, such as `80000`.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount"))]
        pub(crate) max: Decimal,
    }
}

wire_struct! {
    /// # Pay band
    ///
    /// A pay range: the minimum, the midpoint and the maximum.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Band"))]
    pub(crate) struct BandSpec {
        /// # Minimum
        ///
        /// The lowest pay for the level, such as `100000` or `35.50`: a plain
        /// decimal number, with no more decimal places than the currency has.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount"))]
        pub(crate) min: Decimal,
        /// # Midpoint
        ///
        /// The pay for someone fully performing at the level, such as `115000`:
        /// a plain decimal number between the minimum and the maximum.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount"))]
        pub(crate) mid: Decimal,
        /// # Maximum
        ///
        /// The highest pay for the level, such as `130000`: a plain decimal number.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount"))]
        pub(crate) max: Decimal,
        /// # Pay steps
        ///
        /// Optional: the pay points of the band, lowest first, as a pay table
        /// publishes them (such as `[29970, 32324, 36483]`). Each lies from the
        /// minimum to the maximum, and each is higher than the one before
        /// (`step-order`). `min`, `mid` and `max` are still written: the
        /// midpoint is the pay for full performance, which a table of steps
        /// does not name. `dualtrack show --salary` names the step a salary
        /// sits on.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::steps", extend("default" = [])))]
        pub(crate) steps: Vec<Decimal>,
    }
}

/// A level's pay as written: a range, a spot rate, or a percentage of
/// another level's pay (its schema is written by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PaySpec {
    /// `{ min, mid, max }`, with optional steps.
    Range(BandSpec),
    /// A single amount: one rate for the level.
    Spot(Decimal),
    /// `{ percent, of }`.
    Relative(RelativeSpec),
}

impl PaySpec {
    /// The range, when the pay is written as one.
    pub(crate) fn range(&self) -> Option<&BandSpec> {
        match self {
            Self::Range(band) => Some(band),
            _ => None,
        }
    }
}

wire_struct! {
    /// # Pay relative to another level
    ///
    /// A level paid a percentage of another level's pay, as trade agreements
    /// define every classification from the journeyman rate: each amount of
    /// the other level's band (its rate, or its min, mid, max and steps) times
    /// `percent`, rounded half up to the currency's minor unit.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "RelativePay"))]
    pub(crate) struct RelativeSpec {
        /// # Percentage
        ///
        /// The share of the other level's pay, such as `120%` (a foreman at 120%
        /// of the journeyman rate) or `40%` (a first-period apprentice).
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::percent", extend("examples" = ["120%"])))]
        pub(crate) percent: Percent,
        /// # Reference level
        ///
        /// The id of the level whose pay this is a percentage of. That level's
        /// own pay is written as amounts (a range or a rate), not as a
        /// percentage of a third level: one reference, never a chain.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::id", extend("examples" = ["journeyman"])))]
        pub(crate) of: String,
    }
}

/// A proficiency as written: a number, or a step name of a named scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ProficiencySpec {
    Number(i64),
    Name(String),
}

impl std::fmt::Display for ProficiencySpec {
    /// As written: `7`, or the name in backticks.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Number(n) => n.fmt(f),
            Self::Name(name) => write!(f, "`{}`", crate::text::escape(name)),
        }
    }
}

/// A grade as written: a whole number in a ladder without a grade scale, the
/// text of a scalar naming an entry of the scale in a ladder with one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GradeSpec {
    Number(u32),
    Label(String),
}

/// One value of a level's `expectations` (its schema is written by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExpectationSpec {
    pub(crate) proficiency: ProficiencySpec,
    pub(crate) description: Option<String>,
    /// Written as `{ proficiency: N, ... }` rather than a bare number.
    pub(crate) detailed: bool,
}

/// The keys of the `{ proficiency: N, description: ... }` form, whose schema
/// is written by hand beside the bare number's ([`schema::expectations`]).
impl Wire for ExpectationSpec {
    const KEYS: &'static [&'static str] = &["proficiency", "description"];
}

wire_struct! {
    /// # Proficiency scale
    ///
    /// The scale expectations and ratings are written on: numbered from
    /// `start`, one number per step, lowest first.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "ProficiencyScale"))]
    pub(crate) struct ScaleSpec {
        /// # First step
        ///
        /// The number of the lowest step, such as `0` for a scale that starts at
        /// milestone 0. Default: `1`. Every number of the scale lies from 0 to 10.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::scale_start"))]
        pub(crate) start: Option<u32>,
        /// # Steps
        ///
        /// The steps, lowest first: how many (`5`), or their names as the
        /// framework writes them (`[Awareness, Working, Practitioner, Advanced,
        /// Expert]`), each a name or `{ name: ..., description: ... }`. From 2 to
        /// 10 steps. With names, an expectation may give the name instead of the
        /// number, and `dualtrack show` prints both.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::scale_steps"))]
        pub(crate) steps: StepsSpec,
    }
}

/// The steps of a scale: how many, or their names (its schema is written by
/// hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StepsSpec {
    Count(i64),
    /// Each step, and whether it is written `{ name: ... }` (not a bare name).
    Named(Vec<(StepSpec, bool)>),
}

wire_struct! {
    /// # Proficiency step
    ///
    /// One named step of the proficiency scale, with what it means.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "ProficiencyStep"))]
    pub(crate) struct StepSpec {
        /// # Name
        ///
        /// The step's name, such as `Practitioner`: expectations may use it
        /// instead of the number. Unique in the scale, and not a number.
        pub(crate) name: String,
        /// # Description
        ///
        /// What someone at this step can do.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) description: Option<String>,
    }
}

wire_struct! {
    /// # Location zone
    ///
    /// A location differential: the zone's bands are the base bands, plus an
    /// `uplift` between `min_uplift` and `max_uplift` when given, times
    /// `factor`, converted at `rate` when the zone pays in another currency,
    /// rounded to `rounding` and held under `cap`; the levels and tracks in
    /// `exempt` are paid nationally.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Zone"))]
    // The bounds of a supplement come with the supplement (`invalid-zone`).
    #[cfg_attr(feature = "schema", schemars(extend(
        "dependencies" = { "min_uplift": ["uplift"], "max_uplift": ["uplift"] }
    )))]
    pub(crate) struct ZoneSpec {
        /// # Zone id
        ///
        /// A short, stable name for the zone: lower-case words joined by hyphens.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::id", extend("examples" = ["london"])))]
        pub(crate) id: String,
        /// # Name
        ///
        /// The zone's name as people read it.
        pub(crate) name: String,
        /// # Factor
        ///
        /// What the zone pays relative to the base bands: `1` the same, `0.8`
        /// 80%, `1.15` 115%.
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::factor", extend("examples" = [0.8])))]
        pub(crate) factor: Decimal,
        /// # Currency
        ///
        /// The ISO 4217 code the zone pays in, when it is not the ladder's
        /// currency; then `rate` is required.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_currency"))]
        pub(crate) currency: Option<String>,
        /// # Exchange rate
        ///
        /// Units of the zone's currency per unit of the ladder's currency, such as
        /// `0.79` GBP per USD. Only with `currency`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_factor", extend("examples" = [0.79])))]
        pub(crate) rate: Option<Decimal>,
        /// # Uplift
        ///
        /// A location supplement as a share of the base amount, added to it
        /// before `factor` and `rate` apply: zone amount = (base +
        /// clamp(base x uplift, min_uplift, max_uplift)) x factor x rate.
        /// Give `factor: 1` for a supplement alone (NHS inner London: `20%`).
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_percent"))]
        pub(crate) uplift: Option<Percent>,
        /// # Minimum uplift
        ///
        /// The least the `uplift` adds, in the ladder's currency, per pay
        /// period: a supplement floor. Only with `uplift`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount", extend("examples" = [5414])))]
        pub(crate) min_uplift: Option<Decimal>,
        /// # Maximum uplift
        ///
        /// The most the `uplift` adds, in the ladder's currency, per pay
        /// period: a supplement cap. Only with `uplift`; at least `min_uplift`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount", extend("examples" = [8172])))]
        pub(crate) max_uplift: Option<Decimal>,
        /// # Pay cap
        ///
        /// No zone amount is above this, in the zone's currency (a statutory
        /// pay cap): it applies last, after `rounding`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::amount", extend("examples" = [191900])))]
        pub(crate) cap: Option<Decimal>,
        /// # Rounding unit
        ///
        /// The unit zone amounts are rounded to, half up: `1` whole units,
        /// `100` the nearest hundred, `0.01` cents. A multiple of the zone
        /// currency's minor unit. Default: the minor unit.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_factor", extend("examples" = [1, 100])))]
        pub(crate) rounding: Option<Decimal>,
        /// # Exempt levels and tracks
        ///
        /// Ids of levels or tracks paid nationally in this zone (executives,
        /// say): their zone amounts are the base amounts, only converted at
        /// `rate`, with no factor, uplift, cap or rounding unit.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::exempt_ids"))]
        pub(crate) exempt: Option<Vec<String>>,
    }
}

wire_struct! {
    /// # Compensation policy
    ///
    /// The limits bands are checked against; every value left out takes its default.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Policy"))]
    pub(crate) struct PolicySpec {
        /// # Parity between tracks
        ///
        /// How individual-contributor bands are compared with management bands
        /// at the same grade.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) parity: Option<ParitySpec>,
        /// # Band spread
        ///
        /// The allowed width of a band, `(max - min) / min`. Default: 20% to 65%.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) spread: Option<PercentRangeSpec>,
        /// # Midpoint progression
        ///
        /// The allowed step between the midpoints of consecutive levels of a
        /// track. Default: 5% to 30%.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) progression: Option<PercentRangeSpec>,
        /// # Band overlap
        ///
        /// The largest share of a band that may overlap the next level's band.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) overlap: Option<OverlapSpec>,
    }
}

wire_struct! {
    /// # Parity between tracks
    ///
    /// How individual-contributor bands are compared with management bands at the same grade.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Parity"))]
    pub(crate) struct ParitySpec {
        /// # Parity mode
        ///
        /// How the bands are compared. Default: `equal`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        pub(crate) mode: Option<ParityMode>,
        /// # Parity from grade
        ///
        /// Parity is enforced at and above this grade (an entry of `grades` when
        /// the ladder declares them). Default: the grade of the management
        /// track's third-highest level that is not executive (its top three
        /// levels below the executives).
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_grade"))]
        pub(crate) from_grade: Option<GradeSpec>,
        /// # Tolerance
        ///
        /// How far apart `equal` bands may be, relative to the management amount,
        /// such as `2%`. Default: `0%`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_percent"))]
        pub(crate) tolerance: Option<Percent>,
    }
}

wire_struct! {
    /// # Percentage range
    ///
    /// A lower and an upper limit, each written `12%` or `0.12`.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "PercentRange"))]
    pub(crate) struct PercentRangeSpec {
        /// # Minimum
        ///
        /// The lower limit, such as `20%`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_percent"))]
        pub(crate) min: Option<Percent>,
        /// # Maximum
        ///
        /// The upper limit, such as `65%`.
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_percent"))]
        pub(crate) max: Option<Percent>,
    }
}

wire_struct! {
    /// # Band overlap limit
    ///
    /// The largest share of a band that may overlap the next level's band.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Overlap"))]
    pub(crate) struct OverlapSpec {
        /// # Maximum overlap
        ///
        /// Such as `60%` (the default).
        #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "schema", schemars(schema_with = "schema::optional_percent"))]
        pub(crate) max: Option<Percent>,
    }
}
