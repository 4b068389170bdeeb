//! Owned answers: the same JSON as the borrowing answers, with no lifetime,
//! so that a service can return them from a handler or a `spawn_blocking`
//! closure that holds an `Arc<Ladder>`.
//!
//! Each owned answer is the one declaration of its answer's JSON: the
//! borrowing answer serializes by converting itself (`owned_answers!`), so
//! the two cannot drift apart.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::overview::{LadderOverview, LevelOverview, SalaryMatch, TrackOverview};
use super::placed::Placed;
use super::profile::{BandedLevel, Expected, LevelProfile};
use super::readiness::{Assessment, Gap, LevelReadiness, Readiness, TrackReadiness};
use super::transition::{ExpectationChange, SalaryMove, Transition};
use crate::{
    Band, Competency, CompetencyId, CompetencyKind, Currency, Date, Decimal, Direction, Grade,
    LadderId, LevelId, Money, PayBasis, PayPeriod, PeopleAssessment, Percent, Proficiency,
    ProficiencyScale, Ratings, SalaryPosition, SignedMoney, StepPosition, TrackId, TrackKind,
    Variable, Zone, ZoneId,
};

/// For each borrowing answer and its owned form (which has `From<&Borrowing>`):
/// `into_owned`, and a `Serialize` that writes the owned form, so that both
/// serialize to the very same JSON.
macro_rules! owned_answers {
    ($($borrowing:ident => $owned:ident,)*) => {$(
        impl $borrowing<'_> {
            #[doc = concat!(
                "The same answer, owning its ids, titles and amounts, with the same JSON: ",
                "for a service that returns it from where the ladder cannot be borrowed ",
                "(see [`", stringify!($owned), "`]).",
            )]
            pub fn into_owned(self) -> $owned {
                $owned::from(&self)
            }
        }

        #[cfg(feature = "serde")]
        impl Serialize for $borrowing<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $owned::from(self).serialize(serializer)
            }
        }
    )*};
}

owned_answers! {
    Transition => TransitionAnswer,
    ExpectationChange => ExpectationChangeAnswer,
    Readiness => ReadinessAnswer,
    TrackReadiness => TrackReadinessAnswer,
    LevelReadiness => LevelReadinessAnswer,
    Gap => GapAnswer,
    Assessment => AssessmentAnswer,
    LevelProfile => LevelProfileAnswer,
    BandedLevel => BandedLevelAnswer,
    Expected => ExpectedAnswer,
    LadderOverview => LadderOverviewAnswer,
    TrackOverview => TrackOverviewAnswer,
    LevelOverview => LevelOverviewAnswer,
    SalaryMatch => SalaryMatchAnswer,
}

#[cfg(feature = "serde")]
impl Serialize for Placed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LevelBrief::from(*self).serialize(serializer)
    }
}

/// A level as answers name it, owned: serialized as `{ id, title, track,
/// grade }`, like the level of a borrowing answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LevelBrief {
    /// The level's id.
    pub id: LevelId,
    /// Its title.
    pub title: String,
    /// The id of its track.
    pub track: TrackId,
    /// Its grade (with the scale's label, if the ladder has one).
    pub grade: Grade,
}

impl From<Placed<'_>> for LevelBrief {
    fn from(placed: Placed<'_>) -> Self {
        Self {
            id: placed.level.id.clone(),
            title: placed.level.title.clone(),
            track: placed.track.id.clone(),
            grade: placed.level.grade.clone(),
        }
    }
}

/// A competency as answers name it, owned: serialized as `{ competency,
/// name, kind }`, `competency` being its id, inside the answer that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CompetencyBrief {
    /// The competency's id.
    #[cfg_attr(feature = "serde", serde(rename = "competency"))]
    pub id: CompetencyId,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: CompetencyKind,
}

impl From<&Competency> for CompetencyBrief {
    fn from(competency: &Competency) -> Self {
        Self {
            id: competency.id.clone(),
            name: competency.name.clone(),
            kind: competency.kind,
        }
    }
}

/// An owned [`ExpectationChange`], serialized the same way: `{ competency,
/// name, kind, from, from_step, to, to_step }`, the `_step` names only on a
/// scale with named steps.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ExpectationChangeAnswer {
    /// The competency.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub competency: CompetencyBrief,
    /// What the current level expects, if anything.
    pub from: Option<Proficiency>,
    /// The name of that step, on a scale with named steps.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub from_step: Option<String>,
    /// What the target level expects, if anything.
    pub to: Option<Proficiency>,
    /// The name of that step, on a scale with named steps.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub to_step: Option<String>,
}

impl From<&ExpectationChange<'_>> for ExpectationChangeAnswer {
    fn from(change: &ExpectationChange<'_>) -> Self {
        Self {
            competency: change.competency().into(),
            from: change.from(),
            from_step: change.from_step().map(str::to_owned),
            to: change.to(),
            to_step: change.to_step().map(str::to_owned),
        }
    }
}

/// An owned [`Transition`]: what [`Transition::into_owned`] returns. It holds
/// ids, titles and amounts instead of references into the ladder, and
/// serializes to the very JSON the transition does (tested).
///
/// ```
/// use std::sync::Arc;
/// use dualtrack::TransitionAnswer;
///
/// let ladder = Arc::new(dualtrack::load_path("ladders/engineering.yaml")?.into_ladder());
/// // What a handler on a worker thread can return: no borrow of the ladder.
/// let worker = {
///     let ladder = Arc::clone(&ladder);
///     std::thread::spawn(move || -> Result<TransitionAnswer, dualtrack::TransitionError> {
///         Ok(ladder.transition("ic6", "management")?.into_owned())
///     })
/// };
/// let answer = worker.join().unwrap()?;
/// assert_eq!((answer.from.id.as_str(), answer.to.id.as_str()), ("ic6", "dir1"));
/// assert_eq!(answer.to.title, "Director of Engineering");
/// assert!(answer.newly_required.iter().any(|c| c.competency.id.as_str() == "people-development"));
/// # #[cfg(feature = "serde")] {
/// assert_eq!(
///     serde_json::to_value(&answer)?,
///     serde_json::to_value(ladder.transition("ic6", "management")?)?
/// );
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TransitionAnswer {
    /// The level moved from.
    pub from: LevelBrief,
    /// The level moved to.
    pub to: LevelBrief,
    /// Lateral, a step up or a step down, by grade.
    pub direction: Direction,
    /// The target grade minus the current grade.
    pub grade_change: i64,
    /// From a level of the shared trunk: the trunk levels still above it;
    /// `None` for a move that does not start on the trunk.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub via: Option<Vec<LevelBrief>>,
    /// The zone the bands and pay are in, when not the base bands.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub zone: Option<ZoneId>,
    /// The band of the level moved from, if it publishes one.
    pub from_band: Option<Band>,
    /// The band of the level moved to, if it publishes one.
    pub to_band: Option<Band>,
    /// The midpoint difference, when both levels publish a band.
    pub pay_difference: Option<SignedMoney>,
    /// The difference in total target cash at the midpoint, when either
    /// level has variable pay.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub target_cash_difference: Option<SignedMoney>,
    /// Where a salary sits in both bands, when one was given.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub salary: Option<SalaryMove>,
    /// Competencies the target level requires and the current one does not.
    pub newly_required: Vec<ExpectationChangeAnswer>,
    /// Competencies expected higher.
    pub raised: Vec<ExpectationChangeAnswer>,
    /// Competencies expected lower.
    pub lowered: Vec<ExpectationChangeAnswer>,
    /// Competencies the target level no longer requires.
    pub no_longer_required: Vec<ExpectationChangeAnswer>,
}

impl From<&Transition<'_>> for TransitionAnswer {
    fn from(transition: &Transition<'_>) -> Self {
        let changes = |changes: &[ExpectationChange<'_>]| {
            changes.iter().map(ExpectationChangeAnswer::from).collect()
        };
        Self {
            from: transition.from.into(),
            to: transition.to.into(),
            direction: transition.direction,
            grade_change: transition.grade_change,
            via: transition
                .via
                .as_ref()
                .map(|via| via.iter().copied().map(LevelBrief::from).collect()),
            zone: transition.zone.cloned(),
            from_band: transition.from_band,
            to_band: transition.to_band,
            pay_difference: transition.pay_difference,
            target_cash_difference: transition.target_cash_difference,
            salary: transition.salary,
            newly_required: changes(&transition.newly_required),
            raised: changes(&transition.raised),
            lowered: changes(&transition.lowered),
            no_longer_required: changes(&transition.no_longer_required),
        }
    }
}

/// An owned [`Gap`], serialized the same way: `{ competency, name, kind,
/// expected, expected_step, assessed, assessed_step }`, the `_step` names
/// only on a scale with named steps.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GapAnswer {
    /// The competency.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub competency: CompetencyBrief,
    /// The proficiency the level expects.
    pub expected: Proficiency,
    /// The name of that step, on a scale with named steps.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub expected_step: Option<String>,
    /// The proficiency assessed; `None` when the competency was not rated.
    pub assessed: Option<Proficiency>,
    /// The name of that step, on a scale with named steps.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub assessed_step: Option<String>,
}

impl From<&Gap<'_>> for GapAnswer {
    fn from(gap: &Gap<'_>) -> Self {
        Self {
            competency: gap.competency().into(),
            expected: gap.expected(),
            expected_step: gap.expected_step().map(str::to_owned),
            assessed: gap.assessed(),
            assessed_step: gap.assessed_step().map(str::to_owned),
        }
    }
}

/// An owned [`LevelReadiness`], serialized the same way: `{ level, ready,
/// craft_gaps, people, people_gaps }`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LevelReadinessAnswer {
    /// The level.
    pub level: LevelBrief,
    /// Whether every expectation of the level is met.
    pub ready: bool,
    /// The craft and leadership expectations not met, in the level's order.
    pub craft_gaps: Vec<GapAnswer>,
    /// Whether the level's `people` expectations could be judged.
    pub people: PeopleAssessment,
    /// The `people` expectations not met, in the level's order.
    pub people_gaps: Vec<GapAnswer>,
}

impl From<&LevelReadiness<'_>> for LevelReadinessAnswer {
    fn from(readiness: &LevelReadiness<'_>) -> Self {
        Self {
            level: readiness.level.into(),
            ready: readiness.is_ready(),
            craft_gaps: readiness.craft_gaps().iter().map(GapAnswer::from).collect(),
            people: readiness.people(),
            people_gaps: readiness
                .people_gaps()
                .iter()
                .map(GapAnswer::from)
                .collect(),
        }
    }
}

/// An owned [`TrackReadiness`], serialized the same way: `{ track, ready,
/// craft, people, people_level, next }`, `track` being its id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TrackReadinessAnswer {
    /// The track's id.
    pub track: TrackId,
    /// The highest level whose expectations are all met, craft and people.
    pub ready: Option<LevelBrief>,
    /// The highest level whose craft and leadership expectations are met.
    pub craft: Option<LevelBrief>,
    /// Whether readiness to manage people could be judged on this track.
    pub people: PeopleAssessment,
    /// The highest level whose `people` expectations are met.
    pub people_level: Option<LevelBrief>,
    /// The next level up, with its gaps; `None` at the top of the track.
    pub next: Option<LevelReadinessAnswer>,
}

impl From<&TrackReadiness<'_>> for TrackReadinessAnswer {
    fn from(readiness: &TrackReadiness<'_>) -> Self {
        Self {
            track: readiness.track().id.clone(),
            ready: readiness.ready.map(LevelBrief::from),
            craft: readiness.craft.map(LevelBrief::from),
            people: readiness.people(),
            people_level: readiness.people_level.map(LevelBrief::from),
            next: readiness.next().map(LevelReadinessAnswer::from),
        }
    }
}

/// An owned [`Readiness`], serialized the same way: `{ tracks }`.
///
/// ```
/// use std::sync::Arc;
/// use dualtrack::{ReadinessAnswer, Report};
///
/// let ladder = Arc::new(dualtrack::load_path("ladders/engineering.yaml")?.into_ladder());
/// let yaml = std::fs::read_to_string("tests/fixtures/ratings/principal.yaml")?;
/// let ratings = dualtrack::load_ratings(&yaml, &ladder)?;
/// let worker = {
///     let ladder = Arc::clone(&ladder);
///     std::thread::spawn(move || -> Result<ReadinessAnswer, Report> {
///         Ok(ladder.readiness(&ratings)?.into_owned())
///     })
/// };
/// let answer = worker.join().unwrap()?;
/// let ic = &answer.tracks[0];
/// assert_eq!(ic.ready.as_ref().map(|l| l.title.as_str()), Some("Principal Engineer"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReadinessAnswer {
    /// Per track, in the ladder's order.
    pub tracks: Vec<TrackReadinessAnswer>,
}

impl From<&Readiness<'_>> for ReadinessAnswer {
    fn from(readiness: &Readiness<'_>) -> Self {
        Self {
            tracks: readiness
                .tracks()
                .iter()
                .map(TrackReadinessAnswer::from)
                .collect(),
        }
    }
}

/// An owned [`Assessment`], serialized the same way: `{ ladder, ratings,
/// readiness, target }`, `ladder` being its id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AssessmentAnswer {
    /// The ladder's id.
    pub ladder: LadderId,
    /// The ratings assessed.
    pub ratings: Ratings,
    /// Readiness on every track.
    pub readiness: ReadinessAnswer,
    /// Readiness for the target level, when one was asked about.
    pub target: Option<LevelReadinessAnswer>,
}

impl From<&Assessment<'_>> for AssessmentAnswer {
    fn from(assessment: &Assessment<'_>) -> Self {
        Self {
            ladder: assessment.ladder().id().clone(),
            ratings: assessment.ratings().clone(),
            readiness: assessment.readiness().into(),
            target: assessment.target().map(LevelReadinessAnswer::from),
        }
    }
}

/// An owned [`BandedLevel`], serialized the same way: `{ id, title, track,
/// grade, band }`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct BandedLevelAnswer {
    /// The level.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub level: LevelBrief,
    /// Its band in the zone asked about.
    pub band: Option<Band>,
}

impl From<&BandedLevel<'_>> for BandedLevelAnswer {
    fn from(banded: &BandedLevel<'_>) -> Self {
        Self {
            level: Placed {
                track: banded.track(),
                level: banded.level(),
            }
            .into(),
            band: banded.band(),
        }
    }
}

/// An owned [`Expected`], serialized the same way: `{ competency, name,
/// kind, group, proficiency, step, description }`, `group`, `step` and
/// `description` left out when there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ExpectedAnswer {
    /// The competency.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub competency: CompetencyBrief,
    /// Its group, when the ladder groups its competencies.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub group: Option<String>,
    /// The proficiency expected.
    pub proficiency: Proficiency,
    /// The name of that step, on a scale with named steps.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub step: Option<String>,
    /// What the proficiency looks like at this level, when the ladder says.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub description: Option<String>,
}

impl From<&Expected<'_>> for ExpectedAnswer {
    fn from(expected: &Expected<'_>) -> Self {
        let competency = expected.competency();
        Self {
            competency: competency.into(),
            group: competency.group().map(str::to_owned),
            proficiency: expected.proficiency(),
            step: expected.step().map(str::to_owned),
            description: expected.description().map(str::to_owned),
        }
    }
}

/// A [`Zone`] as an answer shows it: its rules as written, serialized the
/// same way (`{ id, name, factor, currency, rate, uplift, min_uplift,
/// max_uplift, cap, rounding, exempt }`, the optional ones left out when
/// absent). It tells the zone; making bands in it is the ladder's work
/// ([`Level::band_in`](crate::Level::band_in)), which needs the levels its
/// `exempt` names, so it reads back as written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ZoneAnswer {
    /// Its id.
    pub id: ZoneId,
    /// Its display name.
    pub name: String,
    /// The multiplier applied to base bands.
    pub factor: Decimal,
    /// The currency it pays in.
    pub currency: Currency,
    /// Units of the zone currency per unit of the base currency, when they
    /// differ.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub rate: Option<Decimal>,
    /// The supplement, as a share of the base amount.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub uplift: Option<Percent>,
    /// The least the supplement adds, in the base currency.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub min_uplift: Option<Money>,
    /// The most the supplement adds, in the base currency.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub max_uplift: Option<Money>,
    /// The most a zone amount may be, in the zone currency.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub cap: Option<Money>,
    /// The unit zone amounts are rounded to.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub rounding: Option<Decimal>,
    /// The level and track ids paid nationally, as written.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub exempt: Vec<String>,
}

impl From<&Zone> for ZoneAnswer {
    fn from(zone: &Zone) -> Self {
        Self {
            id: zone.id.clone(),
            name: zone.name.clone(),
            factor: zone.factor,
            currency: zone.currency,
            rate: zone.rate,
            uplift: zone.uplift,
            min_uplift: zone.min_uplift,
            max_uplift: zone.max_uplift,
            cap: zone.cap,
            rounding: zone.rounding,
            exempt: zone.exempt.clone(),
        }
    }
}

/// A [`Competency`] as an answer shows it, serialized the same way: `{ id,
/// name, kind, group, tracks, description }`, the last three left out when
/// absent. Whether its tracks exist is a question for its ladder, so it
/// reads back as written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CompetencyAnswer {
    /// Its id.
    pub id: CompetencyId,
    /// Its display name.
    pub name: String,
    /// What it is about.
    pub kind: CompetencyKind,
    /// The group (area) it is shown under.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub group: Option<String>,
    /// The tracks it applies to; `None` for every track.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub tracks: Option<Vec<TrackId>>,
    /// What it means.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
}

impl From<&Competency> for CompetencyAnswer {
    fn from(competency: &Competency) -> Self {
        Self {
            id: competency.id.clone(),
            name: competency.name.clone(),
            kind: competency.kind,
            group: competency.group.clone(),
            tracks: competency.tracks.clone(),
            description: competency.description.clone(),
        }
    }
}

/// What a level pays in the zone asked about, in a [`LevelProfileAnswer`]
/// and a [`LevelOverviewAnswer`]: `{ band, variable, target_cash, equity }`,
/// the last three left out when there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PayAnswer {
    /// Its band in the zone.
    pub band: Option<Band>,
    /// Its variable pay.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub variable: Option<Variable>,
    /// Its total target cash in the zone.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub target_cash: Option<Band>,
    /// Its equity band.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub equity: Option<Band>,
}

/// An owned [`LevelProfile`], serialized the same way (see there for the
/// keys left out when empty). It reads back from its JSON, its zone as a
/// [`ZoneAnswer`], a labelled grade (`Band 8b`) with its rank (see [`Grade`]).
///
/// ```
/// let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
/// let profile = ladder.profile("ic6", ladder.zone("london"), None)?;
/// # #[cfg(feature = "serde")] {
/// let json = serde_json::to_string(&profile)?;
/// let owned = profile.into_owned();
/// drop(ladder);
/// assert_eq!(owned.counterparts[0].level.id.as_str(), "dir1");
/// assert_eq!(serde_json::to_string(&owned)?, json);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LevelProfileAnswer {
    /// The ladder's id.
    pub ladder: LadderId,
    /// The zone the bands are in; `None` for the ladder's base bands.
    pub zone: Option<ZoneAnswer>,
    /// The level's id.
    pub id: LevelId,
    /// Its title.
    pub title: String,
    /// The id of its track.
    pub track: TrackId,
    /// Its grade.
    pub grade: Grade,
    /// Its summary, when it has one.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub summary: Option<String>,
    /// Whether it is an executive level (outside parity).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub executive: bool,
    /// The grade where the paths split, for a level of the shared trunk.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub split_grade: Option<Grade>,
    /// The ladder's pay period; `None` for a ladder without pay.
    pub pay_period: Option<PayPeriod>,
    /// Its band and what else it pays, in the zone.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub pay: PayAnswer,
    /// The level before it on its path.
    pub below: Option<BandedLevelAnswer>,
    /// The level above on the same track.
    pub above: Option<BandedLevelAnswer>,
    /// At the top of the shared trunk, the entry level of every track it
    /// leads into.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub leads_into: Vec<BandedLevelAnswer>,
    /// Its equivalents on other tracks, in track order.
    pub counterparts: Vec<BandedLevelAnswer>,
    /// What it expects, in the level's order.
    pub expectations: Vec<ExpectedAnswer>,
    /// What a person shows before entering it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub entry_criteria: Vec<String>,
    /// Where the salary asked about falls in its band.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub salary: Option<SalaryPosition>,
    /// Its pay steps in the zone.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub steps: Vec<Money>,
    /// Where the salary asked about sits among its pay steps.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub step: Option<StepPosition>,
    /// Where its band comes from, when not written out.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub pay_basis: Option<PayBasis>,
}

impl From<&LevelProfile<'_>> for LevelProfileAnswer {
    fn from(profile: &LevelProfile<'_>) -> Self {
        let level = profile.level();
        let briefs =
            |levels: &[BandedLevel<'_>]| levels.iter().map(BandedLevelAnswer::from).collect();
        Self {
            ladder: profile.ladder().id().clone(),
            zone: profile.zone().map(ZoneAnswer::from),
            id: level.id.clone(),
            title: level.title.clone(),
            track: profile.track().id.clone(),
            grade: level.grade.clone(),
            summary: level.summary().map(str::to_owned),
            executive: level.is_executive(),
            split_grade: profile.split_grade().cloned(),
            pay_period: profile.ladder().pay_period(),
            pay: PayAnswer {
                band: profile.band(),
                variable: level.variable(),
                target_cash: profile.target_cash(),
                equity: level.equity().copied(),
            },
            below: profile.below().map(BandedLevelAnswer::from),
            above: profile.above().map(BandedLevelAnswer::from),
            leads_into: briefs(profile.leads_into()),
            counterparts: briefs(profile.counterparts()),
            expectations: profile
                .expectations()
                .iter()
                .map(ExpectedAnswer::from)
                .collect(),
            entry_criteria: level.entry_criteria().to_vec(),
            salary: profile.salary().copied(),
            steps: profile.steps().to_vec(),
            step: profile.step(),
            pay_basis: level.pay_basis().cloned(),
        }
    }
}

/// An owned [`LevelOverview`], serialized the same way: the levels as ids
/// (see there for the keys left out when empty).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LevelOverviewAnswer {
    /// The level's id.
    pub id: LevelId,
    /// Its title.
    pub title: String,
    /// Its grade.
    pub grade: Grade,
    /// Whether it is an executive level (outside parity).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub executive: bool,
    /// Its band and what else it pays, in the zone.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub pay: PayAnswer,
    /// Its equivalents on other tracks, in track order.
    pub counterparts: Vec<LevelId>,
    /// At the top of the shared trunk, the entry level of every track it
    /// leads into.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub leads_into: Vec<LevelId>,
    /// Its pay steps in the zone.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub steps: Vec<Money>,
    /// Where its band comes from, when not written out.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub pay_basis: Option<PayBasis>,
}

impl From<&LevelOverview<'_>> for LevelOverviewAnswer {
    fn from(overview: &LevelOverview<'_>) -> Self {
        let level = overview.level();
        let ids = |levels: &[&crate::Level]| levels.iter().map(|l| l.id.clone()).collect();
        Self {
            id: level.id.clone(),
            title: level.title.clone(),
            grade: level.grade.clone(),
            executive: level.is_executive(),
            pay: PayAnswer {
                band: overview.band(),
                variable: level.variable(),
                target_cash: overview.target_cash(),
                equity: level.equity().copied(),
            },
            counterparts: ids(overview.counterparts()),
            leads_into: ids(overview.leads_into()),
            steps: overview.steps().to_vec(),
            pay_basis: level.pay_basis().cloned(),
        }
    }
}

/// An owned [`TrackOverview`], serialized the same way: `{ id, name, kind,
/// levels }`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TrackOverviewAnswer {
    /// The track's id.
    pub id: TrackId,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: TrackKind,
    /// Its levels, from the entry up.
    pub levels: Vec<LevelOverviewAnswer>,
}

impl From<&TrackOverview<'_>> for TrackOverviewAnswer {
    fn from(overview: &TrackOverview<'_>) -> Self {
        let track = overview.track();
        Self {
            id: track.id.clone(),
            name: track.name.clone(),
            kind: track.kind,
            levels: overview
                .levels()
                .iter()
                .map(LevelOverviewAnswer::from)
                .collect(),
        }
    }
}

/// An owned [`SalaryMatch`], serialized the same way: `{ salary, levels,
/// steps }`, `steps` left out when no level lists steps.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SalaryMatchAnswer {
    /// The salary.
    pub salary: Money,
    /// The levels whose band holds it, in track order.
    pub levels: Vec<BandedLevelAnswer>,
    /// Per level, where the salary sits among its pay steps; empty when no
    /// level lists steps.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "no_steps"))]
    pub steps: Vec<Option<StepPosition>>,
}

fn no_steps(steps: &[Option<StepPosition>]) -> bool {
    steps.iter().all(Option::is_none)
}

impl From<&SalaryMatch<'_>> for SalaryMatchAnswer {
    fn from(matched: &SalaryMatch<'_>) -> Self {
        Self {
            salary: matched.salary(),
            levels: matched
                .levels()
                .iter()
                .map(BandedLevelAnswer::from)
                .collect(),
            steps: match no_steps(matched.steps()) {
                true => Vec::new(),
                false => matched.steps().to_vec(),
            },
        }
    }
}

/// An owned [`LadderOverview`], serialized the same way (see there for the
/// keys left out when empty).
///
/// It reads back from its JSON: its zone as a [`ZoneAnswer`], its
/// competencies as [`CompetencyAnswer`]s, its [`ProficiencyScale`] checked as
/// a ladder file's is; a labelled grade (`Band 8b`) with its rank (see
/// [`Grade`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LadderOverviewAnswer {
    /// The ladder's id.
    pub id: LadderId,
    /// Its name.
    pub name: String,
    /// The currency of the bands: the zone's, or the ladder's.
    pub currency: Option<Currency>,
    /// The ladder's pay period; `None` for a ladder without pay.
    pub pay_period: Option<PayPeriod>,
    /// The date the ladder takes effect, when it says.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub effective_date: Option<Date>,
    /// The ladder's grade scale, when it declares one.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub grades: Option<Vec<Grade>>,
    /// The zone the bands are in; `None` for the ladder's base bands.
    pub zone: Option<ZoneAnswer>,
    /// The grade where the paths split, in a ladder with a shared trunk.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub split_grade: Option<Grade>,
    /// The proficiency scale, left out when it is the default.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "ProficiencyScale::is_default")
    )]
    pub proficiency_scale: ProficiencyScale,
    /// The competencies, when groups or scopes make them worth a look.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub competencies: Option<Vec<CompetencyAnswer>>,
    /// Every track, in the ladder's order.
    pub tracks: Vec<TrackOverviewAnswer>,
    /// The levels whose band holds the salary asked about.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub salary: Option<SalaryMatchAnswer>,
}

impl From<&LadderOverview<'_>> for LadderOverviewAnswer {
    fn from(overview: &LadderOverview<'_>) -> Self {
        let ladder = overview.ladder();
        let competencies = ladder.competencies();
        let competencies = competencies
            .iter()
            .any(|c| c.group().is_some() || c.tracks().is_some())
            .then(|| competencies.iter().map(CompetencyAnswer::from).collect());
        Self {
            id: ladder.id().clone(),
            name: ladder.name().to_owned(),
            currency: overview.currency(),
            pay_period: ladder.pay_period(),
            effective_date: ladder.effective_date(),
            grades: ladder.grades().map(<[Grade]>::to_vec),
            zone: overview.zone().map(ZoneAnswer::from),
            split_grade: ladder.split_grade().cloned(),
            proficiency_scale: ladder.proficiency_scale().clone(),
            competencies,
            tracks: overview
                .tracks()
                .iter()
                .map(TrackOverviewAnswer::from)
                .collect(),
            salary: overview.salary().map(SalaryMatchAnswer::from),
        }
    }
}

// Every owned answer can cross threads and outlive the ladder: checked when
// the crate compiles.
const _: () = {
    const fn owned<T: Send + Sync + 'static>() {}
    owned::<TransitionAnswer>();
    owned::<ReadinessAnswer>();
    owned::<TrackReadinessAnswer>();
    owned::<LevelReadinessAnswer>();
    owned::<AssessmentAnswer>();
    owned::<LevelProfileAnswer>();
    owned::<LadderOverviewAnswer>();
};
