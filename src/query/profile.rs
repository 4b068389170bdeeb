//! One level as a person looks it up: its track, grade and band (in a zone
//! when asked), its neighbours and counterparts, what it expects, and where
//! a salary falls in its band.

use super::placed::Placed;
use crate::{
    Band, Competency, Expectation, Grade, Ladder, Level, Money, NotFound, Proficiency,
    SalaryPosition, StepPosition, Track, Zone,
};

/// A level with its track and its band in the zone asked about.
///
/// Serialized as `{ id, title, track, grade, band }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandedLevel<'a> {
    placed: Placed<'a>,
    band: Option<Band>,
}

impl<'a> BandedLevel<'a> {
    pub(crate) fn new(track: &'a Track, level: &'a Level, zone: Option<&Zone>) -> Self {
        Self {
            placed: Placed { track, level },
            band: level.band_in(zone),
        }
    }

    /// The level.
    pub fn level(&self) -> &'a Level {
        self.placed.level
    }

    /// Its track.
    pub fn track(&self) -> &'a Track {
        self.placed.track
    }

    /// Its band in the zone asked about (see [`Level::band_in`]).
    pub fn band(&self) -> Option<Band> {
        self.band
    }
}

/// What a level expects of one competency, with the competency.
///
/// Serialized as `{ competency, name, kind, group, proficiency, step,
/// description }`, `competency` being its id; `group`, `step` (the step
/// name, on a scale with names) and `description` left out when there is
/// none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected<'a> {
    competency: &'a Competency,
    expectation: &'a Expectation,
    step: Option<&'a str>,
}

impl<'a> Expected<'a> {
    /// The competency.
    pub fn competency(&self) -> &'a Competency {
        self.competency
    }

    /// The proficiency expected.
    pub fn proficiency(&self) -> Proficiency {
        self.expectation.proficiency()
    }

    /// The name of the proficiency's step, when the ladder's scale names
    /// its steps (`Practitioner`).
    pub fn step(&self) -> Option<&'a str> {
        self.step
    }

    /// The proficiency as people read it: `3`, or `2 Practitioner` on a
    /// scale with names.
    pub fn label(&self) -> String {
        match self.step {
            Some(name) => format!("{} {name}", self.proficiency()),
            None => self.proficiency().to_string(),
        }
    }

    /// What the proficiency looks like at this level, when the ladder says.
    pub fn description(&self) -> Option<&'a str> {
        self.expectation.description()
    }
}

/// A level as a person looks it up: what `dualtrack show LADDER LEVEL`
/// prints. Built by [`Ladder::profile`].
///
/// Serialized as `{ ladder, zone, id, title, track, grade, summary,
/// executive, split_grade, pay_period, band, variable, target_cash, equity,
/// below, above, leads_into, counterparts, expectations, entry_criteria,
/// salary, steps, step, pay_basis }`, `summary`, `split_grade`, `variable`,
/// `target_cash`, `equity`, `entry_criteria`, `salary`, `steps`, `step` and
/// `pay_basis` left out when there is none,
/// `executive` unless true, and `leads_into` unless the level is the top of
/// the shared trunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelProfile<'a> {
    ladder: &'a Ladder,
    zone: Option<&'a Zone>,
    level: BandedLevel<'a>,
    below: Option<BandedLevel<'a>>,
    above: Option<BandedLevel<'a>>,
    leads_into: Vec<BandedLevel<'a>>,
    counterparts: Vec<BandedLevel<'a>>,
    expectations: Vec<Expected<'a>>,
    salary: Option<SalaryPosition>,
    steps: Vec<Money>,
    step: Option<StepPosition>,
}

impl<'a> LevelProfile<'a> {
    /// The ladder.
    pub fn ladder(&self) -> &'a Ladder {
        self.ladder
    }

    /// The zone the bands are in; `None` for the ladder's base bands.
    pub fn zone(&self) -> Option<&'a Zone> {
        self.zone
    }

    /// The level.
    pub fn level(&self) -> &'a Level {
        self.level.level()
    }

    /// Its total target cash in the zone asked about: its band plus its
    /// target variable pay; `None` without variable pay, without a band, or
    /// for a fixed amount in a zone that pays in another currency.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/variable-pay.yaml")?.into_ladder();
    /// let director = ladder.profile("dir1", None, None)?;
    /// assert_eq!(director.target_cash().unwrap().mid().to_string(), "339250 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target_cash(&self) -> Option<Band> {
        self.level().variable()?.on_band(&self.band()?)
    }

    /// Its track.
    pub fn track(&self) -> &'a Track {
        self.level.track()
    }

    /// Its band in the zone (see [`Level::band_in`]); `None` for a level
    /// that publishes no band.
    pub fn band(&self) -> Option<Band> {
        self.level.band()
    }

    /// The level before it on its path (see [`Ladder::previous_step`]): the
    /// level below on the same track, or, at the entry of a track the trunk
    /// leads into, the top of the trunk; `None` at the bottom of the ladder.
    pub fn below(&self) -> Option<&BandedLevel<'a>> {
        self.below.as_ref()
    }

    /// At the top of the shared trunk, the entry level of every track it
    /// leads into: its next steps, one per path; empty for any other level.
    pub fn leads_into(&self) -> &[BandedLevel<'a>] {
        &self.leads_into
    }

    /// The grade where the paths split, for a level of the shared trunk
    /// (see [`Ladder::split_grade`]); `None` for the levels of other tracks.
    pub fn split_grade(&self) -> Option<&'a Grade> {
        self.track()
            .is_trunk()
            .then(|| self.ladder.split_grade())
            .flatten()
    }

    /// The level above on the same track; `None` at the top of the track.
    pub fn above(&self) -> Option<&BandedLevel<'a>> {
        self.above.as_ref()
    }

    /// Its equivalents on other tracks, in track order (see
    /// [`Ladder::counterparts`]).
    pub fn counterparts(&self) -> &[BandedLevel<'a>] {
        &self.counterparts
    }

    /// What it expects, in the level's order.
    pub fn expectations(&self) -> &[Expected<'a>] {
        &self.expectations
    }

    /// Where the salary asked about falls in its band; `None` when no salary
    /// was given, when the level publishes no band, or for a salary in
    /// another currency than the band's.
    pub fn salary(&self) -> Option<&SalaryPosition> {
        self.salary.as_ref()
    }

    /// The level's pay steps in the zone asked about (see
    /// [`Level::steps_in`]); empty when it lists none.
    pub fn steps(&self) -> &[Money] {
        &self.steps
    }

    /// Where the salary asked about sits among the level's pay steps;
    /// `None` when no salary was given or the level lists no steps.
    pub fn step(&self) -> Option<StepPosition> {
        self.step
    }
}

impl Ladder {
    /// A level as a person looks it up: its track, its band in `zone` (the
    /// base band when `None`), the levels above and below it, its
    /// counterparts, what it expects, and where `salary` (in the zone's
    /// currency) falls in its band.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::{Money, Placement};
    ///
    /// let london = ladder.zone("london");
    /// let salary = Money::from_decimal("63200".parse()?, london.unwrap().currency()).ok();
    /// let ic1 = ladder.profile("ic1", london, salary)?;
    /// assert_eq!(ic1.band().unwrap().min().to_string(), "63200 GBP");
    /// assert_eq!(ic1.salary().unwrap().placement(), Placement::Within);
    /// assert!(ic1.below().is_none(), "the entry of the IC track");
    /// assert_eq!(ic1.above().unwrap().level().id().as_str(), "ic2");
    /// assert!(ic1.counterparts().is_empty(), "management starts at grade 4");
    /// assert_eq!(ic1.expectations()[0].competency().name(), "Technical depth");
    ///
    /// # #[cfg(feature = "serde")] {
    /// let json = serde_json::to_value(ladder.profile("ic6", None, None)?)?;
    /// assert_eq!(json["counterparts"][0]["id"], "dir1");
    /// assert_eq!(json["band"]["mid"]["amount"], "295000");
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`] for an unknown level id (`ic9`), with the closest one.
    pub fn profile<'a>(
        &'a self,
        level: &str,
        zone: Option<&'a Zone>,
        salary: Option<Money>,
    ) -> Result<LevelProfile<'a>, NotFound> {
        let placed = self.lookup_placed(level)?;
        let (track, level) = (placed.track, placed.level);
        let id = level.id().as_str();
        let banded = |l| BandedLevel::new(track, l, zone);
        let band = level.band_in(zone);
        Ok(LevelProfile {
            ladder: self,
            zone,
            level: BandedLevel { placed, band },
            below: self
                .previous_step(id)
                .map(|(t, l)| BandedLevel::new(t, l, zone)),
            above: self.level_above(id).map(banded),
            leads_into: match track.is_trunk() && self.level_above(id).is_none() {
                true => self
                    .next_steps(id)
                    .map(|(t, l)| BandedLevel::new(t, l, zone))
                    .collect(),
                false => Vec::new(),
            },
            counterparts: self
                .counterparts(id)
                .map(|(t, l)| BandedLevel::new(t, l, zone))
                .collect(),
            expectations: level
                .expectations()
                .iter()
                .filter_map(|expectation| {
                    let competency = self.competency(expectation.competency().as_str())?;
                    Some(Expected {
                        competency,
                        expectation,
                        step: self.proficiency_scale().name(expectation.proficiency()),
                    })
                })
                .collect(),
            salary: salary
                .zip(band)
                .and_then(|(salary, band)| band.position(salary)),
            steps: level.steps_in(zone),
            step: salary.and_then(|salary| level.step_position(salary, zone)),
        })
    }
}
