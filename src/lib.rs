//! Typed, validated dual-track career ladders.
//!
//! A *dual-track* ladder lets engineers grow as individual contributors
//! (senior, staff, principal, distinguished, fellow) as far, and for as much
//! pay, as managers do. `dualtrack` reads a ladder from YAML, checks it
//! against a catalogue of rules (the heart of which is that the IC track
//! climbs as high and pays as much as management), and hands out either a
//! typed, immutable [`Ladder`] or a [`Report`] of every problem, each at its
//! line and column.
//!
//! ```
//! let yaml = std::fs::read_to_string("ladders/engineering.yaml")?;
//! let ladder = dualtrack::load(&yaml)?.into_ladder();
//! let fellow = ladder.level("ic8").unwrap();
//! let vp = ladder.level("vp").unwrap();
//! assert_eq!(fellow.grade(), vp.grade());
//! assert_eq!(fellow.band(), vp.band());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The parts, in the order a file goes through them (each module uses only
//! those above it in this list):
//!
//! - text, pointers and exact numbers ([`Decimal`], [`Percent`], [`Ratio`]);
//! - ids ([`LevelId`], ...), [`Money`], and [`Finding`]s with the [`Rule`]s
//!   they are findings of;
//! - a private YAML layer reads the text into nodes with spans, refusing what
//!   ladder files never need (anchors, tags, duplicate keys);
//! - the wire types mirror the file; their decoder reports every structural
//!   finding;
//! - the [rules](rules()) check identifiers, money, bands, parity and
//!   competencies, each in its own module, over typed facts of the file;
//! - validation builds the checked model ([`Ladder`], [`Track`], [`Level`],
//!   [`Band`]) from the values those checks typed, only when no invariant
//!   rule failed; [`Loader`] runs it all on text, bytes, readers and paths
//!   ([`Loader::inspect`] also hands out a ladder that breaks only policy
//!   rules, with its report, to look at what is wrong with it);
//! - `render()` shows a report as rustc-style diagnostics (feature `render`);
//! - the questions services ask of a ladder are methods on it, one module per
//!   question: counterparts across tracks ([`Ladder::counterpart`]), bands
//!   per zone and where a salary falls in them, exactly ([`Band::position`],
//!   [`Ratio`], and on which pay step: [`StepPosition`]), moves between tracks ([`Ladder::transition`]) and readiness
//!   from a person's [`Ratings`] ([`Ladder::readiness`]);
//! - what a change to a ladder does, two versions compared by id
//!   ([`LadderDiff`], [`Ladder::diff`]): pay moved per grade on each track
//!   side by side, every band point changed, findings introduced and fixed.
//! - [`audit`]: what people are actually paid, against the ladder: statistics
//!   per level, parity in practice, group gaps, with privacy suppression
//!   ([`Ladder::audit`]).
//!
//! # Features
//!
//! - `cli` (default): the `dualtrack` binary; turns on every feature below.
//! - `serde` (default): `Serialize` and `Deserialize` for the public types,
//!   reading back through the same checks as the constructors and the
//!   loader: a [`Ladder`] as its file, ids, money, findings and reports,
//!   [`Ratings`], and every answer.
//! - `schema`: `schema()` and `ratings_schema()`, the JSON Schemas editors use
//!   (turns on `serde`).
//! - `render`: `render()`, rustc-style diagnostics.
//! - `site`: `dualtrack::site` publishes a ladder as a self-contained HTML
//!   page or GitHub-flavoured Markdown (`dualtrack render`).
//! - `lsp`: `dualtrack::lsp`, the language server editors run (`dualtrack lsp`;
//!   turns on `serde`).
//!
//! A service that embeds the crate takes `default-features = false,
//! features = ["serde"]`: the loader, the rules, the model, every question
//! and serde both ways are there, in 17 crates, with no argument parser,
//! schema generator or renderer (14 crates without `serde`).

#![deny(missing_docs)]
#![forbid(unsafe_code)]
// The library never prints and never panics on input.
#![warn(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

// Layer by layer, bottom first (tests/suite/layers.rs holds each to the ones below).
mod date;
mod decimal;
mod limits;
mod pointer;
mod ratio;
mod text;

mod choice;
#[macro_use]
mod finding;
mod id;
mod money;

mod report;
mod signed_money;
mod yaml;

#[cfg(feature = "render")]
mod render;
mod spec;

mod model;

mod rules;

mod validate;

mod load;

mod ratings;

mod query;

mod diff;

pub mod audit;

#[cfg(feature = "site")]
pub mod site;

#[cfg(feature = "lsp")]
pub mod lsp;

pub use choice::{CompetencyKind, ParityMode, PayPeriod, TrackKind};
pub use date::{Date, DateError};
pub use decimal::{Decimal, DecimalError, Percent};
pub use diff::{
    BandPoint, ComparedPay, ExpectationDelta, ExpectationDeltaKind, FieldChange, FindingsDelta,
    GradeMovement, ItemChange, LadderDiff, Movement, PayChange,
};
pub use finding::{Finding, Related, Rule, Severity};
pub use id::{
    CompetencyId, ID_PATTERN, IdError, LadderId, LevelId, MAX_ID_LEN, TrackId, ZoneId, check_id,
};
pub use limits::Limits;
pub use load::{InvalidFile, LoadError, Loaded, Loader, Override, OverrideError, load, load_path};
pub use model::{
    Band, Competency, Expectation, Grade, Ladder, Level, PayBasis, Policy, Proficiency,
    ProficiencyError, ProficiencyScale, ProficiencyStep, Track, Variable, Zone,
};
pub use money::{Currency, Money, MoneyError, ParseMoneyError};
pub use pointer::Pointer;
pub use query::{
    Assessment, BandedLevel, CounterpartError, Direction, ExpectationChange, Expected, Gap, IdKind,
    LadderOverview, LevelOverview, LevelProfile, LevelReadiness, NotFound, PeopleAssessment,
    Placement, Readiness, ReadinessError, SalaryMatch, SalaryMove, SalaryPosition, StepPosition,
    TrackOverview, TrackReadiness, Transition, TransitionError,
};
pub use query::{
    AssessmentAnswer, BandedLevelAnswer, CompetencyAnswer, CompetencyBrief,
    ExpectationChangeAnswer, ExpectedAnswer, GapAnswer, LadderOverviewAnswer, LevelBrief,
    LevelOverviewAnswer, LevelProfileAnswer, LevelReadinessAnswer, PayAnswer, ReadinessAnswer,
    SalaryMatchAnswer, TrackOverviewAnswer, TrackReadinessAnswer, TransitionAnswer, ZoneAnswer,
};
pub use ratings::{Ratings, load_ratings, load_ratings_bytes};
pub use ratio::Ratio;
#[cfg(feature = "render")]
pub use render::render;
pub use report::{Report, Reports};
pub use rules::{rule, rules};
pub use signed_money::SignedMoney;
#[cfg(feature = "site")]
pub use site::SiteOptions;
#[cfg(feature = "schema")]
pub use spec::{ratings_schema, schema};
pub use text::{Count, Location, UnknownName, escape, escape_whole};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
