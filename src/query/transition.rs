//! Moves between tracks, described as the career change they are.

use std::fmt;

use super::placed::Placed;
use crate::{
    Band, Competency, Ladder, Level, LevelId, Money, NotFound, Proficiency, ProficiencyScale,
    SalaryPosition, SignedMoney, Track, TrackId, Zone, ZoneId,
};

/// Whether a move keeps, raises or lowers the grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Direction {
    /// To the equivalent level: the same grade.
    Lateral,
    /// To a higher grade: the target track starts above the current grade.
    StepUp,
    /// To a lower grade: the target track has no level at the current grade.
    StepDown,
}

impl Direction {
    /// The name used in output: `lateral`, `step_up` or `step_down`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lateral => "lateral",
            Self::StepUp => "step_up",
            Self::StepDown => "step_down",
        }
    }
}

/// How the expectation of one competency differs between two levels.
///
/// Serialized as `{ competency, name, kind, from, from_step, to, to_step }`,
/// the `_step` names only on a scale with named steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpectationChange<'a> {
    competency: &'a Competency,
    from: Option<Proficiency>,
    to: Option<Proficiency>,
    /// The ladder's proficiency scale, for the step names.
    scale: &'a ProficiencyScale,
}

impl<'a> ExpectationChange<'a> {
    /// The competency.
    pub fn competency(&self) -> &'a Competency {
        self.competency
    }

    /// What the current level expects, if anything.
    pub fn from(&self) -> Option<Proficiency> {
        self.from
    }

    /// What the target level expects, if anything.
    pub fn to(&self) -> Option<Proficiency> {
        self.to
    }

    /// The name of the current level's step, on a scale with named steps.
    pub fn from_step(&self) -> Option<&'a str> {
        self.from.and_then(|p| self.scale.name(p))
    }

    /// The name of the target level's step, on a scale with named steps.
    pub fn to_step(&self) -> Option<&'a str> {
        self.to.and_then(|p| self.scale.name(p))
    }
}

/// Where a salary sits before and after a move: in the current band and in
/// the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SalaryMove {
    from: SalaryPosition,
    to: SalaryPosition,
}

impl SalaryMove {
    /// In the current band.
    pub fn from(&self) -> &SalaryPosition {
        &self.from
    }

    /// In the new band.
    pub fn to(&self) -> &SalaryPosition {
        &self.to
    }
}

/// A move from a level to another track: where it lands, what it pays, and
/// what the new role asks that the old one did not.
///
/// Built by [`Ladder::transition`]. A move from management back to the IC
/// track is described exactly like one the other way. A move from the shared
/// trunk serializes `via`, the trunk levels still on the way (empty from its
/// top); other moves leave it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition<'a> {
    pub(super) from: Placed<'a>,
    pub(super) to: Placed<'a>,
    pub(super) direction: Direction,
    pub(super) grade_change: i64,
    /// From a level of the shared trunk: the trunk levels still above it,
    /// before the split.
    pub(super) via: Option<Vec<Placed<'a>>>,
    /// The zone the bands and pay are in, when not the base bands.
    pub(super) zone: Option<&'a ZoneId>,
    /// `None` for a level that publishes no band, and then so is the pay
    /// difference.
    pub(super) from_band: Option<Band>,
    pub(super) to_band: Option<Band>,
    pub(super) pay_difference: Option<SignedMoney>,
    /// The difference in total target cash at the midpoint, when either
    /// level has variable pay.
    pub(super) target_cash_difference: Option<SignedMoney>,
    /// Where a salary sits in both bands, when one was given.
    pub(super) salary: Option<SalaryMove>,
    pub(super) newly_required: Vec<ExpectationChange<'a>>,
    pub(super) raised: Vec<ExpectationChange<'a>>,
    pub(super) lowered: Vec<ExpectationChange<'a>>,
    pub(super) no_longer_required: Vec<ExpectationChange<'a>>,
}

impl<'a> Transition<'a> {
    /// The level moved from.
    pub fn from(&self) -> &'a Level {
        self.from.level
    }

    /// The track moved from.
    pub fn from_track(&self) -> &'a Track {
        self.from.track
    }

    /// The level moved to: the equivalent level at the same grade, or the
    /// nearest the target track has (see [`Ladder::transition`]).
    pub fn to(&self) -> &'a Level {
        self.to.level
    }

    /// The track moved to.
    pub fn to_track(&self) -> &'a Track {
        self.to.track
    }

    /// Lateral, a step up or a step down, by grade.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The target grade minus the current grade: zero for a lateral move.
    pub fn grade_change(&self) -> i64 {
        self.grade_change
    }

    /// Whether the move starts on the shared trunk: the choice of a path at
    /// the split, not a change of career, since a trunk level belongs to both
    /// paths.
    pub fn from_trunk(&self) -> bool {
        self.via.is_some()
    }

    /// From a level of the shared trunk, the trunk levels still above it on
    /// the way to the split, lowest first: empty from the top of the trunk,
    /// and for a move that does not start on the trunk.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// let from_mid = ladder.transition("mid", "ic")?;
    /// assert!(from_mid.from_trunk());
    /// assert_eq!(from_mid.to().id().as_str(), "staff");
    /// let via: Vec<&str> = from_mid.via().map(|l| l.id().as_str()).collect();
    /// assert_eq!(via, ["senior"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn via(&self) -> impl Iterator<Item = &'a Level> + '_ {
        self.via.iter().flatten().map(|p| p.level)
    }

    /// The same move in `zone`: both bands, and the pay difference, in the
    /// zone's currency, each amount rounded as [`Level::band_in`] rounds it.
    /// `None` only when a conversion overflows, which a zone of the ladder
    /// never does.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let london = ladder.zone("london").unwrap();
    /// let moved = ladder.transition("ic2", "management")?.in_zone(london).unwrap();
    /// assert_eq!(moved.to_band().unwrap().mid().to_string(), "129560 GBP"); // 205000 x 0.8 x 0.79
    /// assert_eq!(moved.pay_difference().unwrap().to_string(), "+42344 GBP");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_zone(mut self, zone: &'a Zone) -> Option<Self> {
        let convert = |level: &Level, band: Option<Band>| match band {
            Some(band) if zone.exempts(level.id()) => zone.national_band(&band).map(Some),
            Some(band) => zone.band(&band).map(Some),
            None => Some(None),
        };
        let (from, to) = (self.from(), self.to());
        self.from_band = convert(from, self.from_band)?;
        self.to_band = convert(to, self.to_band)?;
        self.pay_difference = match (self.from_band, self.to_band) {
            (Some(from), Some(to)) => Some(to.mid().difference(from.mid())?),
            _ => None,
        };
        self.target_cash_difference = cash_difference(
            (self.from.level, self.from_band),
            (self.to.level, self.to_band),
        );
        self.zone = Some(zone.id());
        Some(self)
    }

    /// The same move, with where `salary` sits in the current band and in
    /// the new one; `None` when `salary` is in another currency than the
    /// bands (the zone's, after [`in_zone`](Self::in_zone)), or when either
    /// level publishes no band.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::{Money, Placement};
    ///
    /// let salary = Money::from_minor(15_000_000, ladder.currency().unwrap()); // 150000 USD
    /// let moved = ladder.transition("ic2", "management")?.with_salary(salary).unwrap();
    /// let landing = moved.salary().unwrap();
    /// assert_eq!(landing.from().placement(), Placement::Within);
    /// assert_eq!(landing.to().placement(), Placement::Below);
    /// assert_eq!(landing.to().outside_by().unwrap().to_string(), "25000 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_salary(mut self, salary: Money) -> Option<Self> {
        self.salary = Some(SalaryMove {
            from: self.from_band?.position(salary)?,
            to: self.to_band?.position(salary)?,
        });
        Some(self)
    }

    /// The zone the bands and pay are in; `None` for the base bands.
    pub fn zone(&self) -> Option<&'a ZoneId> {
        self.zone
    }

    /// The current band: the level's, or its band in the zone; `None` when
    /// the level publishes no band.
    pub fn from_band(&self) -> Option<Band> {
        self.from_band
    }

    /// The new band: the target level's, or its band in the zone; `None`
    /// when the target level publishes no band.
    pub fn to_band(&self) -> Option<Band> {
        self.to_band
    }

    /// Where the salary given to [`with_salary`](Self::with_salary) sits.
    pub fn salary(&self) -> Option<&SalaryMove> {
        self.salary.as_ref()
    }

    /// The target band's midpoint minus the current one, exactly: zero under
    /// parity, negative for a pay cut; `None` when either level publishes no
    /// band.
    pub fn pay_difference(&self) -> Option<SignedMoney> {
        self.pay_difference
    }

    /// The target level's total target cash at the midpoint (base + target
    /// variable pay) minus the current one's, exactly; `None` when neither
    /// level has variable pay (then it is [`pay_difference`](Self::pay_difference)),
    /// or either publishes no band.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/variable-pay.yaml")?.into_ladder();
    /// let moved = ladder.transition("ic5", "management")?;
    /// assert!(moved.pay_difference().unwrap().is_zero());
    /// // em2 is grade 5 like ic5, and both have the 10% of their track
    /// assert!(moved.target_cash_difference().unwrap().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target_cash_difference(&self) -> Option<SignedMoney> {
        self.target_cash_difference
    }

    /// Competencies the target level expects and the current one does not,
    /// in the ladder's order. Moving into management these are the `people`
    /// competencies: they are assessed on their own, and no craft rating
    /// stands in for them.
    pub fn newly_required(&self) -> &[ExpectationChange<'a>] {
        &self.newly_required
    }

    /// Competencies both levels expect, the target at a higher proficiency.
    pub fn raised(&self) -> &[ExpectationChange<'a>] {
        &self.raised
    }

    /// Competencies both levels expect, the target at a lower proficiency.
    pub fn lowered(&self) -> &[ExpectationChange<'a>] {
        &self.lowered
    }

    /// Competencies the current level expects and the target does not, such
    /// as the `people` competencies when a manager moves back to the IC track.
    pub fn no_longer_required(&self) -> &[ExpectationChange<'a>] {
        &self.no_longer_required
    }
}

/// Why a move could not be described.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransitionError {
    /// The level or the track does not exist.
    NotFound(NotFound),
    /// The level is already on the target track.
    #[non_exhaustive]
    SameTrack {
        /// The level given.
        level: LevelId,
        /// Its track, also the target.
        track: TrackId,
    },
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(error) => error.fmt(f),
            Self::SameTrack { level, track } => write!(
                f,
                "level `{level}` is already on track `{track}`; a move goes to another track"
            ),
        }
    }
}

impl std::error::Error for TransitionError {}

impl From<NotFound> for TransitionError {
    fn from(error: NotFound) -> Self {
        Self::NotFound(error)
    }
}

impl Ladder {
    /// Describes moving from level `from` to track `to`.
    ///
    /// The target is the level of `to` at the same grade (a lateral move).
    /// When `to` has none, it is the nearest level that is not a promotion:
    /// the highest level below the grade (a step down); and when the track
    /// starts above the grade, its entry level (a step up).
    ///
    /// From a level of the shared trunk (which belongs to both paths), a move
    /// to a track the trunk leads into is the choice of a path: it lands on
    /// the track's entry level, above the split, and
    /// [`via`](Transition::via) names the trunk levels on the way.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Direction;
    ///
    /// let into_management = ladder.transition("ic6", "management")?;
    /// assert_eq!(into_management.to().title(), "Director of Engineering");
    /// assert_eq!(into_management.direction(), Direction::Lateral);
    /// assert!(into_management.pay_difference().unwrap().is_zero(), "parity from grade 6");
    /// let new: Vec<&str> = into_management
    ///     .newly_required()
    ///     .iter()
    ///     .map(|c| c.competency().id().as_str())
    ///     .collect();
    /// assert_eq!(new, ["people-development", "hiring"]);
    ///
    /// // Back to the craft: as ordinary a move as the other way.
    /// let back = ladder.transition("dir1", "ic")?;
    /// assert_eq!(back.to().id().as_str(), "ic6");
    /// assert_eq!(back.no_longer_required().len(), 2);
    ///
    /// // Management starts at grade 4.
    /// let early = ladder.transition("ic2", "management")?;
    /// assert_eq!((early.direction(), early.to().id().as_str()), (Direction::StepUp, "em1"));
    /// assert_eq!(early.pay_difference().unwrap().to_string(), "+67000 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`TransitionError::NotFound`] for an unknown level or track (`ic9`,
    /// `managment`), with the closest id; [`TransitionError::SameTrack`] when
    /// the level is already on `to` (`ic6` to `ic`).
    pub fn transition(&self, from: &str, to: &str) -> Result<Transition<'_>, TransitionError> {
        let placed = self.lookup_placed(from)?;
        let (own_track, level) = (placed.track, placed.level);
        let target_track = self.lookup_track(to)?;
        if std::ptr::eq(own_track, target_track) {
            return Err(TransitionError::SameTrack {
                level: level.id.clone(),
                track: target_track.id.clone(),
            });
        }
        let grade = &level.grade;
        let (target, direction) = match target_track.level_at(grade) {
            Some(same) => (same, Direction::Lateral),
            None => match target_track.levels.iter().rev().find(|l| l.grade < *grade) {
                Some(below) => (below, Direction::StepDown),
                None => (target_track.entry(), Direction::StepUp),
            },
        };
        // From the trunk into a track it leads into: the path through the
        // rest of the trunk to the split.
        let via = (own_track.is_trunk() && target_track.follows_trunk()).then(|| {
            own_track
                .levels
                .iter()
                .filter(|l| l.grade > *grade && l.grade < target.grade)
                .map(|l| Placed {
                    track: own_track,
                    level: l,
                })
                .collect()
        });
        let mut transition = Transition {
            from: Placed {
                track: own_track,
                level,
            },
            to: Placed {
                track: target_track,
                level: target,
            },
            direction,
            grade_change: i64::from(target.grade.rank()) - i64::from(grade.rank()),
            via,
            zone: None,
            from_band: level.band,
            to_band: target.band,
            pay_difference: level.band.zip(target.band).map(|(from, to)| {
                SignedMoney::from_minor(
                    i128::from(to.mid().minor()) - i128::from(from.mid().minor()),
                    to.mid().currency(),
                )
            }),
            target_cash_difference: cash_difference((level, level.band), (target, target.band)),
            newly_required: Vec::new(),
            raised: Vec::new(),
            lowered: Vec::new(),
            no_longer_required: Vec::new(),
            salary: None,
        };
        for competency in &self.competencies {
            let id = competency.id.as_str();
            let change = ExpectationChange {
                competency,
                from: level.expectation(id).map(|e| e.proficiency),
                to: target.expectation(id).map(|e| e.proficiency),
                scale: &self.proficiency_scale,
            };
            let list = match (change.from, change.to) {
                (None, Some(_)) => &mut transition.newly_required,
                (Some(_), None) => &mut transition.no_longer_required,
                (Some(a), Some(b)) if b > a => &mut transition.raised,
                (Some(a), Some(b)) if b < a => &mut transition.lowered,
                _ => continue,
            };
            list.push(change);
        }
        Ok(transition)
    }
}

impl std::fmt::Display for Direction {
    /// Its name in output, as [`as_str`](Direction::as_str).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The difference in total target cash at the midpoint between two levels
/// with these bands, when either has variable pay.
fn cash_difference(
    (from, from_band): (&Level, Option<Band>),
    (to, to_band): (&Level, Option<Band>),
) -> Option<SignedMoney> {
    if from.variable().is_none() && to.variable().is_none() {
        return None;
    }
    let cash = |level: &Level, band: Option<Band>| -> Option<Money> {
        let mid = band?.mid();
        match level.variable() {
            Some(variable) => variable.on(mid),
            None => Some(mid),
        }
    };
    cash(to, to_band)?.difference(cash(from, from_band)?)
}
