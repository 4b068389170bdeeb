//! Owned answers: the same JSON as the borrowing answers, with no lifetime,
//! so that a service can return them from a handler or a `spawn_blocking`
//! closure that holds an `Arc<Ladder>`.

use serde::Serialize;

use super::placed::Placed;
use super::transition::{ExpectationChange, SalaryMove, Transition};
use crate::{
    Band, CompetencyId, CompetencyKind, Direction, Grade, LevelId, Proficiency, SignedMoney,
    TrackId, ZoneId,
};

/// A level as answers name it, owned: serialized as `{ id, title, track,
/// grade }`, like the level of a borrowing answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// An owned [`ExpectationChange`], serialized the same way: `{ competency,
/// name, kind, from, from_step, to, to_step }`, the `_step` names only on a
/// scale with named steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ExpectationChangeAnswer {
    /// The competency's id.
    pub competency: CompetencyId,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: CompetencyKind,
    /// What the current level expects, if anything.
    pub from: Option<Proficiency>,
    /// The name of that step, on a scale with named steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_step: Option<String>,
    /// What the target level expects, if anything.
    pub to: Option<Proficiency>,
    /// The name of that step, on a scale with named steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_step: Option<String>,
}

impl From<&ExpectationChange<'_>> for ExpectationChangeAnswer {
    fn from(change: &ExpectationChange<'_>) -> Self {
        let competency = change.competency();
        Self {
            competency: competency.id.clone(),
            name: competency.name.clone(),
            kind: competency.kind,
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
/// assert!(answer.newly_required.iter().any(|c| c.competency.as_str() == "people-development"));
/// assert_eq!(
///     serde_json::to_value(&answer)?,
///     serde_json::to_value(ladder.transition("ic6", "management")?)?
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Vec<LevelBrief>>,
    /// The zone the bands and pay are in, when not the base bands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<ZoneId>,
    /// The band of the level moved from, if it publishes one.
    pub from_band: Option<Band>,
    /// The band of the level moved to, if it publishes one.
    pub to_band: Option<Band>,
    /// The midpoint difference, when both levels publish a band.
    pub pay_difference: Option<SignedMoney>,
    /// The difference in total target cash at the midpoint, when either
    /// level has variable pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_cash_difference: Option<SignedMoney>,
    /// Where a salary sits in both bands, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
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

impl Transition<'_> {
    /// The same answer, owning its ids, titles and amounts: for a service
    /// that returns it from where the ladder cannot be borrowed (see
    /// [`TransitionAnswer`]).
    pub fn into_owned(self) -> TransitionAnswer {
        let changes = |changes: &[ExpectationChange<'_>]| {
            changes.iter().map(ExpectationChangeAnswer::from).collect()
        };
        TransitionAnswer {
            from: self.from.into(),
            to: self.to.into(),
            direction: self.direction,
            grade_change: self.grade_change,
            via: self
                .via
                .as_ref()
                .map(|via| via.iter().copied().map(LevelBrief::from).collect()),
            zone: self.zone.cloned(),
            from_band: self.from_band,
            to_band: self.to_band,
            pay_difference: self.pay_difference,
            target_cash_difference: self.target_cash_difference,
            salary: self.salary,
            newly_required: changes(&self.newly_required),
            raised: changes(&self.raised),
            lowered: changes(&self.lowered),
            no_longer_required: changes(&self.no_longer_required),
        }
    }
}
