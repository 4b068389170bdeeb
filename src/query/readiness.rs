//! Readiness: which levels a person's assessed proficiencies meet, and what
//! stands between them and a level.
//!
//! Readiness to manage people is reported on its own. The `people`
//! competencies (managing people: reports, hiring, reviews) are never inferred
//! from craft ratings, however high: a top engineer whose people competencies
//! were not assessed is "not assessed" for management, not "ready".

use super::placed::Placed;
use crate::{
    Competency, CompetencyKind, Ladder, Level, NotFound, Proficiency, ProficiencyScale, Ratings,
    Report, Track,
};

/// A competency where the assessment falls short of what a level expects.
///
/// Serialized as `{ competency, name, kind, expected, expected_step,
/// assessed, assessed_step }`, the `_step` names only on a scale with named
/// steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap<'a> {
    competency: &'a Competency,
    expected: Proficiency,
    assessed: Option<Proficiency>,
    /// The ladder's proficiency scale.
    scale: &'a ProficiencyScale,
}

impl<'a> Gap<'a> {
    /// The competency.
    pub fn competency(&self) -> &'a Competency {
        self.competency
    }

    /// The proficiency the level expects.
    pub fn expected(&self) -> Proficiency {
        self.expected
    }

    /// The proficiency assessed; `None` when the competency was not rated.
    pub fn assessed(&self) -> Option<Proficiency> {
        self.assessed
    }

    /// How many steps short the assessment is; when the competency was not
    /// rated, counted from below the scale's first step (on the default
    /// scale, from 1, that is the expected proficiency).
    pub fn shortfall(&self) -> u8 {
        match self.assessed {
            Some(assessed) => self.expected.get().saturating_sub(assessed.get()),
            None => (self.expected.get() + 1).saturating_sub(self.scale.start().get()),
        }
    }

    /// The name of the expected step, on a scale with named steps.
    pub fn expected_step(&self) -> Option<&'a str> {
        self.scale.name(self.expected)
    }

    /// The name of the assessed step, on a scale with named steps.
    pub fn assessed_step(&self) -> Option<&'a str> {
        self.assessed.and_then(|p| self.scale.name(p))
    }
}

/// Whether readiness to manage people could be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PeopleAssessment {
    /// Nothing here expects a `people` competency (the IC track).
    NotRequired,
    /// `people` competencies are expected and none of them was rated.
    NotAssessed,
    /// At least one of the `people` competencies expected here was rated.
    Assessed,
}

impl PeopleAssessment {
    /// The name used in output: `not_required`, `not_assessed` or `assessed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotRequired => "not_required",
            Self::NotAssessed => "not_assessed",
            Self::Assessed => "assessed",
        }
    }

    fn of<'a>(expected: impl Iterator<Item = &'a str>, ratings: &Ratings) -> Self {
        let mut required = false;
        for id in expected {
            if ratings.get(id).is_some() {
                return Self::Assessed;
            }
            required = true;
        }
        if required {
            Self::NotAssessed
        } else {
            Self::NotRequired
        }
    }
}

/// How an assessment compares with one level: its gaps, craft and people
/// apart.
///
/// "Craft" covers the competencies of kind `craft` and `leadership` (leading
/// without authority, expected on every track); "people" those of kind
/// `people` (managing people, expected on management tracks only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelReadiness<'a> {
    pub(super) level: Placed<'a>,
    ready: bool,
    craft_gaps: Vec<Gap<'a>>,
    people: PeopleAssessment,
    people_gaps: Vec<Gap<'a>>,
}

impl<'a> LevelReadiness<'a> {
    fn new(ladder: &'a Ladder, level: Placed<'a>, ratings: &Ratings) -> Self {
        let mut craft_gaps = Vec::new();
        let mut people_gaps = Vec::new();
        for expectation in &level.level.expectations {
            let id = expectation.competency.as_str();
            let Some(competency) = ladder.competency(id) else {
                continue;
            };
            let assessed = ratings.get(id);
            if assessed >= Some(expectation.proficiency) {
                continue;
            }
            let gap = Gap {
                competency,
                expected: expectation.proficiency,
                assessed,
                scale: ladder.proficiency_scale(),
            };
            if competency.kind == CompetencyKind::People {
                people_gaps.push(gap);
            } else {
                craft_gaps.push(gap);
            }
        }
        let people = PeopleAssessment::of(people_expectations(ladder, level.level), ratings);
        Self {
            level,
            ready: craft_gaps.is_empty() && people_gaps.is_empty(),
            craft_gaps,
            people,
            people_gaps,
        }
    }

    /// The level.
    pub fn level(&self) -> &'a Level {
        self.level.level
    }

    /// Its track.
    pub fn track(&self) -> &'a Track {
        self.level.track
    }

    /// Whether every expectation of the level is met.
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// The craft and leadership expectations not met, in the level's order.
    pub fn craft_gaps(&self) -> &[Gap<'a>] {
        &self.craft_gaps
    }

    /// Whether the level's `people` expectations could be judged.
    pub fn people(&self) -> PeopleAssessment {
        self.people
    }

    /// The `people` expectations not met, in the level's order; every one of
    /// them when [`people`](Self::people) is `NotAssessed`.
    pub fn people_gaps(&self) -> &[Gap<'a>] {
        &self.people_gaps
    }

    /// Every expectation not met: craft first, then people.
    pub fn gaps(&self) -> impl Iterator<Item = &Gap<'a>> {
        self.craft_gaps.iter().chain(&self.people_gaps)
    }
}

/// Readiness on one track.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackReadiness<'a> {
    track: &'a Track,
    pub(super) ready: Option<Placed<'a>>,
    pub(super) craft: Option<Placed<'a>>,
    people: PeopleAssessment,
    pub(super) people_level: Option<Placed<'a>>,
    next: Option<LevelReadiness<'a>>,
    people_competencies: Vec<&'a Competency>,
}

impl<'a> TrackReadiness<'a> {
    /// The track.
    pub fn track(&self) -> &'a Track {
        self.track
    }

    /// The highest level whose expectations are all met, craft and people.
    pub fn ready(&self) -> Option<&'a Level> {
        self.ready.map(|p| p.level)
    }

    /// The highest level whose craft and leadership expectations are met,
    /// leaving `people` expectations aside.
    pub fn craft(&self) -> Option<&'a Level> {
        self.craft.map(|p| p.level)
    }

    /// Whether readiness to manage people could be judged on this track.
    pub fn people(&self) -> PeopleAssessment {
        self.people
    }

    /// The highest level whose `people` expectations are met, leaving craft
    /// aside; `None` when none is, or when [`people`](Self::people) is not
    /// `Assessed`.
    pub fn people_level(&self) -> Option<&'a Level> {
        self.people_level.map(|p| p.level)
    }

    /// The level above [`ready`](Self::ready) (the path's first level when
    /// no level is met: the bottom of the trunk, in a ladder with one) with
    /// its gaps; `None` at the top of the track.
    pub fn next(&self) -> Option<&LevelReadiness<'a>> {
        self.next.as_ref()
    }

    /// The `people` competencies the track's levels expect, in the order
    /// first expected: those to rate to judge readiness to manage. Empty on
    /// a track that expects none (the IC track).
    pub fn people_competencies(&self) -> &[&'a Competency] {
        &self.people_competencies
    }
}

/// Readiness on every track of a ladder, from one person's ratings.
///
/// Built by [`Ladder::readiness`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness<'a> {
    tracks: Vec<TrackReadiness<'a>>,
}

impl<'a> Readiness<'a> {
    /// Per track, in the ladder's order.
    pub fn tracks(&self) -> &[TrackReadiness<'a>] {
        &self.tracks
    }

    /// The readiness on the track with this id.
    pub fn track(&self, id: &str) -> Option<&TrackReadiness<'a>> {
        self.tracks.iter().find(|t| t.track.id.as_str() == id)
    }
}

/// A person's ratings against a ladder: readiness on every track and, when
/// asked, for one target level. What `dualtrack assess` prints. Built by
/// [`Ladder::assess`].
///
/// Serialized as `{ ladder, ratings, readiness, target }`, `ladder` being
/// its id and `target` null when no level was asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment<'a> {
    ladder: &'a Ladder,
    ratings: &'a Ratings,
    readiness: Readiness<'a>,
    target: Option<LevelReadiness<'a>>,
}

impl<'a> Assessment<'a> {
    /// The ladder.
    pub fn ladder(&self) -> &'a Ladder {
        self.ladder
    }

    /// The ratings assessed.
    pub fn ratings(&self) -> &'a Ratings {
        self.ratings
    }

    /// Readiness on every track (see [`Ladder::readiness`]).
    pub fn readiness(&self) -> &Readiness<'a> {
        &self.readiness
    }

    /// Readiness for the target level, when one was asked about (see
    /// [`Ladder::readiness_for`]).
    pub fn target(&self) -> Option<&LevelReadiness<'a>> {
        self.target.as_ref()
    }
}

/// The ids of the `people` competencies a level expects.
fn people_expectations<'l>(ladder: &'l Ladder, level: &'l Level) -> impl Iterator<Item = &'l str> {
    level
        .expectations
        .iter()
        .map(|e| e.competency.as_str())
        .filter(|id| {
            ladder
                .competency(id)
                .is_some_and(|c| c.kind == CompetencyKind::People)
        })
}

impl Ladder {
    /// For each track, the highest level whose expectations `ratings` meet,
    /// and the gaps to the next one; craft and people apart.
    ///
    /// A competency that was not rated meets no expectation. A level is met
    /// when every one of its expectations is met; levels are looked at one by
    /// one, so the answer is the highest met level even if one below it is
    /// not.
    ///
    /// In a ladder with a shared trunk, each path the trunk leads into is
    /// walked from the bottom of the trunk: the trunk's levels, then the
    /// track's. The highest level met, and the next one, may be on the trunk;
    /// the trunk has no readiness of its own.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// use dualtrack::{Proficiency, Ratings};
    ///
    /// let p = |n| Proficiency::new(n).unwrap();
    /// let ratings: Ratings = [("coding".parse()?, p(3)), ("mentoring".parse()?, p(2))]
    ///     .into_iter()
    ///     .collect();
    /// let readiness = ladder.readiness(&ratings)?;
    /// assert_eq!(readiness.tracks().len(), 2, "one per path; the trunk is on both");
    /// let ic = readiness.track("ic").unwrap();
    /// assert_eq!(ic.ready().map(|l| l.id().as_str()), Some("senior"));
    /// assert_eq!(ic.next().unwrap().level().id().as_str(), "staff");
    /// let management = readiness.track("management").unwrap();
    /// assert_eq!(management.next().unwrap().level().id().as_str(), "em1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::{PeopleAssessment, Proficiency, Ratings};
    ///
    /// // A principal engineer's craft, and no assessment as a manager.
    /// let p = |n| Proficiency::new(n).unwrap();
    /// let ratings: Ratings = [
    ///     ("technical-depth", p(5)),
    ///     ("system-design", p(5)),
    ///     ("delivery", p(4)),
    ///     ("collaboration", p(4)),
    ///     ("influence", p(4)),
    /// ]
    /// .into_iter()
    /// .map(|(id, p)| (id.parse().unwrap(), p))
    /// .collect();
    /// let readiness = ladder.readiness(&ratings)?;
    ///
    /// let ic = readiness.track("ic").unwrap();
    /// assert_eq!(ic.ready().map(|l| l.id().as_str()), Some("ic6"));
    /// assert_eq!(ic.next().unwrap().level().id().as_str(), "ic7");
    ///
    /// // Craft ratings never stand in for readiness to manage.
    /// let management = readiness.track("management").unwrap();
    /// assert_eq!(management.craft().map(|l| l.id().as_str()), Some("dir1"));
    /// assert_eq!(management.people(), PeopleAssessment::NotAssessed);
    /// assert!(management.ready().is_none());
    /// let to_rate: Vec<&str> = management.people_competencies().iter().map(|c| c.id().as_str()).collect();
    /// assert_eq!(to_rate, ["people-development", "hiring"]);
    ///
    /// // Ratings this ladder cannot read are refused, not read as unassessed.
    /// let typo: Ratings = [("tecnical-depth".parse()?, p(5))].into_iter().collect();
    /// assert_eq!(ladder.readiness(&typo).unwrap_err().findings()[0].code(), "unknown-competency");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The [`Report`] of [`check_ratings`](Self::check_ratings) when the
    /// ratings name another ladder or a competency this one does not have.
    pub fn readiness(&self, ratings: &Ratings) -> Result<Readiness<'_>, Report> {
        let problems = self.check_ratings(ratings);
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(self.readiness_of(ratings))
    }

    /// Readiness from ratings already checked against the ladder.
    fn readiness_of(&self, ratings: &Ratings) -> Readiness<'_> {
        let trunk = self.trunk();
        let tracks = self
            .tracks
            .iter()
            // The trunk's levels are walked on every path they lead into.
            .filter(|track| !(track.is_trunk() && self.split().next().is_some()))
            .map(|track| {
                let shared = trunk.filter(|_| track.follows_trunk());
                let path: Vec<Placed<'_>> = shared
                    .into_iter()
                    .flat_map(|trunk| {
                        trunk.levels.iter().map(move |level| Placed {
                            track: trunk,
                            level,
                        })
                    })
                    .chain(track.levels.iter().map(|level| Placed { track, level }))
                    .collect();
                let mut ready = None;
                // The index after the highest level met: where `next` is.
                let mut next_index = 0;
                let mut craft = None;
                let mut people_level = None;
                let mut levels = Vec::with_capacity(path.len());
                for (i, placed) in path.iter().enumerate() {
                    let checked = LevelReadiness::new(self, *placed, ratings);
                    let placed = Some(checked.level);
                    if checked.ready {
                        ready = placed;
                        next_index = i + 1;
                    }
                    if checked.craft_gaps.is_empty() {
                        craft = placed;
                    }
                    if checked.people_gaps.is_empty() {
                        people_level = placed;
                    }
                    levels.push(checked);
                }
                let mut people_competencies: Vec<&Competency> = Vec::new();
                for id in path
                    .iter()
                    .flat_map(|placed| people_expectations(self, placed.level))
                {
                    if let Some(competency) = self.competency(id)
                        && !people_competencies
                            .iter()
                            .any(|c| std::ptr::eq(*c, competency))
                    {
                        people_competencies.push(competency);
                    }
                }
                let people = PeopleAssessment::of(
                    people_competencies.iter().map(|c| c.id.as_str()),
                    ratings,
                );
                if people != PeopleAssessment::Assessed {
                    people_level = None;
                }
                let next = levels.into_iter().nth(next_index);
                TrackReadiness {
                    track,
                    ready,
                    craft,
                    people,
                    people_level,
                    next,
                    people_competencies,
                }
            })
            .collect();
        Readiness { tracks }
    }

    /// How `ratings` compare with one level: whether it is met, and the gaps,
    /// craft and people apart.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::{PeopleAssessment, Proficiency, Ratings};
    ///
    /// let mut ratings = Ratings::new();
    /// ratings.insert("technical-depth".parse()?, Proficiency::new(5).unwrap());
    /// ratings.insert("people-development".parse()?, Proficiency::new(2).unwrap());
    ///
    /// let em1 = ladder.readiness_for("em1", &ratings)?;
    /// assert!(!em1.is_ready());
    /// assert_eq!(em1.people(), PeopleAssessment::Assessed);
    /// let people: Vec<_> = em1
    ///     .people_gaps()
    ///     .iter()
    ///     .map(|g| (g.competency().id().as_str(), g.expected().get(), g.assessed().map(|p| p.get())))
    ///     .collect();
    /// assert_eq!(people, [("people-development", 3, Some(2)), ("hiring", 3, None)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ReadinessError::NotFound`] for an unknown level id, with the closest
    /// one; [`ReadinessError::Ratings`] for ratings this ladder cannot read.
    pub fn readiness_for(
        &self,
        level: &str,
        ratings: &Ratings,
    ) -> Result<LevelReadiness<'_>, ReadinessError> {
        let placed = self
            .lookup_placed(level)
            .map_err(ReadinessError::NotFound)?;
        let problems = self.check_ratings(ratings);
        if problems.has_errors() {
            return Err(ReadinessError::Ratings(problems));
        }
        Ok(LevelReadiness::new(self, placed, ratings))
    }

    /// Assesses `ratings` against the ladder: readiness on every track, and
    /// for the `target` level when given.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let yaml = std::fs::read_to_string("tests/fixtures/ratings/principal.yaml")?;
    /// let ratings = dualtrack::load_ratings(&yaml, &ladder)?;
    /// let assessment = ladder.assess(&ratings, Some("dir1"))?;
    /// let ic = &assessment.readiness().tracks()[0];
    /// assert_eq!(ic.ready().map(|l| l.title()), Some("Principal Engineer"));
    /// assert!(!assessment.target().unwrap().is_ready(), "people skills not assessed");
    ///
    /// # #[cfg(feature = "serde")] {
    /// let json = serde_json::to_value(&assessment)?;
    /// assert_eq!(json["ladder"], "engineering");
    /// assert_eq!(json["target"]["level"]["id"], "dir1");
    /// assert!(ladder.assess(&ratings, Some("dir9")).is_err());
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`readiness_for`](Self::readiness_for): an unknown target level
    /// id, or ratings this ladder cannot read.
    pub fn assess<'a>(
        &'a self,
        ratings: &'a Ratings,
        target: Option<&str>,
    ) -> Result<Assessment<'a>, ReadinessError> {
        let target = target
            .map(|level| self.lookup_placed(level).map_err(ReadinessError::NotFound))
            .transpose()?;
        let problems = self.check_ratings(ratings);
        if problems.has_errors() {
            return Err(ReadinessError::Ratings(problems));
        }
        let readiness = self.readiness_of(ratings);
        let target = target.map(|placed| LevelReadiness::new(self, placed, ratings));
        Ok(Assessment {
            ladder: self,
            ratings,
            readiness,
            target,
        })
    }
}

impl std::fmt::Display for PeopleAssessment {
    /// Its name in output, as [`as_str`](PeopleAssessment::as_str).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why readiness could not be judged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadinessError {
    /// The target level does not exist.
    NotFound(NotFound),
    /// The ratings do not fit the ladder: what [`Ladder::check_ratings`]
    /// reports.
    Ratings(Report),
}

impl std::fmt::Display for ReadinessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFound(error) => error.fmt(f),
            Self::Ratings(report) => write!(f, "the ratings do not fit the ladder: {report}"),
        }
    }
}

impl std::error::Error for ReadinessError {}
