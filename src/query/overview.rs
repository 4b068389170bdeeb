//! A whole ladder at a glance: every track's levels with their bands (in a
//! zone when asked) and counterparts, and which bands hold a salary.

use serde::Serialize;

use super::profile::BandedLevel;
use crate::{
    Band, Competency, Currency, Grade, Ladder, Level, Money, PayBasis, PayPeriod, ProficiencyScale,
    StepPosition, Track, TrackKind, Zone,
};

/// A level in a [`TrackOverview`]: its band and its counterparts.
///
/// Serialized as `{ id, title, grade, executive, band, variable,
/// target_cash, equity, counterparts, leads_into, steps, pay_basis }`, the
/// levels as ids, `executive` left out unless true, `variable`,
/// `target_cash`, `equity`, `steps` and `pay_basis` when there is none, and
/// `leads_into` unless the level is the top of the shared trunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelOverview<'a> {
    level: &'a Level,
    band: Option<Band>,
    counterparts: Vec<&'a Level>,
    leads_into: Vec<&'a Level>,
    steps: Vec<Money>,
}

impl<'a> LevelOverview<'a> {
    /// The level.
    pub fn level(&self) -> &'a Level {
        self.level
    }

    /// Its band in the zone asked about (see [`Level::band_in`]); `None`
    /// for a level that publishes no band.
    pub fn band(&self) -> Option<Band> {
        self.band
    }

    /// Its total target cash in the zone asked about: its band plus its
    /// target variable pay ([`Variable::on_band`](crate::Variable::on_band));
    /// `None` without variable pay, without a band, or for a fixed amount
    /// in a zone that pays in another currency.
    pub fn target_cash(&self) -> Option<Band> {
        self.level.variable()?.on_band(&self.band?)
    }

    /// Its equivalents on other tracks, in track order (see
    /// [`Ladder::counterparts`]).
    pub fn counterparts(&self) -> &[&'a Level] {
        &self.counterparts
    }

    /// At the top of the shared trunk, the entry level of every track it
    /// leads into (see [`Ladder::next_steps`]); empty for any other level.
    pub fn leads_into(&self) -> &[&'a Level] {
        &self.leads_into
    }

    /// Its pay steps in the zone asked about (see [`Level::steps_in`]);
    /// empty when it lists none.
    pub fn steps(&self) -> &[Money] {
        &self.steps
    }
}

impl Serialize for LevelOverview<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'s> {
            id: &'s str,
            title: &'s str,
            grade: &'s Grade,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            executive: bool,
            band: Option<Band>,
            #[serde(skip_serializing_if = "Option::is_none")]
            variable: Option<crate::Variable>,
            #[serde(skip_serializing_if = "Option::is_none")]
            target_cash: Option<Band>,
            #[serde(skip_serializing_if = "Option::is_none")]
            equity: Option<&'s Band>,
            counterparts: Vec<&'s str>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            leads_into: Vec<&'s str>,
            #[serde(skip_serializing_if = "<[Money]>::is_empty")]
            steps: &'s [Money],
            #[serde(skip_serializing_if = "Option::is_none")]
            pay_basis: Option<&'s PayBasis>,
        }
        Shown {
            id: self.level.id().as_str(),
            title: self.level.title(),
            grade: self.level.grade(),
            executive: self.level.is_executive(),
            band: self.band,
            variable: self.level.variable(),
            target_cash: self.target_cash(),
            equity: self.level.equity(),
            counterparts: self.counterparts.iter().map(|l| l.id().as_str()).collect(),
            leads_into: self.leads_into.iter().map(|l| l.id().as_str()).collect(),
            steps: &self.steps,
            pay_basis: self.level.pay_basis(),
        }
        .serialize(serializer)
    }
}

/// A track in a [`LadderOverview`]: its levels, in order.
///
/// Serialized as `{ id, name, kind, levels }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackOverview<'a> {
    track: &'a Track,
    levels: Vec<LevelOverview<'a>>,
}

impl<'a> TrackOverview<'a> {
    /// The track.
    pub fn track(&self) -> &'a Track {
        self.track
    }

    /// Its levels, from the entry up.
    pub fn levels(&self) -> &[LevelOverview<'a>] {
        &self.levels
    }
}

impl Serialize for TrackOverview<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'s> {
            id: &'s str,
            name: &'s str,
            kind: TrackKind,
            levels: &'s [LevelOverview<'s>],
        }
        Shown {
            id: self.track.id().as_str(),
            name: self.track.name(),
            kind: self.track.kind(),
            levels: &self.levels,
        }
        .serialize(serializer)
    }
}

/// The levels whose band holds a salary (see [`Ladder::levels_containing`]).
///
/// Serialized as `{ salary, levels, steps }`, `steps` (one per level, in
/// the same order) left out when no level lists steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SalaryMatch<'a> {
    salary: Money,
    levels: Vec<BandedLevel<'a>>,
    /// Per level, where the salary sits among its pay steps; left out when
    /// no level lists steps.
    #[serde(skip_serializing_if = "no_steps")]
    steps: Vec<Option<StepPosition>>,
}

fn no_steps(steps: &[Option<StepPosition>]) -> bool {
    steps.iter().all(Option::is_none)
}

impl<'a> SalaryMatch<'a> {
    /// The salary.
    pub fn salary(&self) -> Money {
        self.salary
    }

    /// The levels whose band holds it, in track order; none for a salary in
    /// another currency than the bands'.
    pub fn levels(&self) -> &[BandedLevel<'a>] {
        &self.levels
    }

    /// Where the salary sits among the pay steps of each of those levels,
    /// in the same order (see [`Level::step_position`]); `None` for a level
    /// that lists no steps.
    pub fn steps(&self) -> &[Option<StepPosition>] {
        &self.steps
    }
}

/// A whole ladder at a glance: what `dualtrack show LADDER` prints. Built by
/// [`Ladder::overview`].
///
/// Serialized as `{ id, name, currency, pay_period, effective_date (when
/// given), zone, split_grade,
/// proficiency_scale, competencies, tracks, salary }`, `split_grade` left out
/// without a shared trunk, `proficiency_scale` when it is the default (1 to
/// 5, unnamed), `competencies` unless one has a `group` or a scope
/// (`tracks`), and `salary` when none was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderOverview<'a> {
    ladder: &'a Ladder,
    zone: Option<&'a Zone>,
    tracks: Vec<TrackOverview<'a>>,
    salary: Option<SalaryMatch<'a>>,
}

impl<'a> LadderOverview<'a> {
    /// The ladder.
    pub fn ladder(&self) -> &'a Ladder {
        self.ladder
    }

    /// The zone the bands are in; `None` for the ladder's base bands.
    pub fn zone(&self) -> Option<&'a Zone> {
        self.zone
    }

    /// The currency of the bands: the zone's, or the ladder's; `None` for a
    /// ladder that publishes no pay.
    pub fn currency(&self) -> Option<Currency> {
        self.zone
            .map_or(self.ladder.currency(), |z| Some(z.currency()))
    }

    /// Every track, in the ladder's order.
    pub fn tracks(&self) -> &[TrackOverview<'a>] {
        &self.tracks
    }

    /// The levels whose band holds the salary asked about; `None` when no
    /// salary was given.
    pub fn salary(&self) -> Option<&SalaryMatch<'a>> {
        self.salary.as_ref()
    }
}

impl Serialize for LadderOverview<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'s> {
            id: &'s str,
            name: &'s str,
            currency: Option<Currency>,
            pay_period: Option<PayPeriod>,
            #[serde(skip_serializing_if = "Option::is_none")]
            effective_date: Option<crate::Date>,
            #[serde(skip_serializing_if = "Option::is_none")]
            grades: Option<&'s [Grade]>,
            zone: Option<&'s Zone>,
            #[serde(skip_serializing_if = "Option::is_none")]
            split_grade: Option<&'s Grade>,
            #[serde(skip_serializing_if = "ProficiencyScale::is_default")]
            proficiency_scale: &'s ProficiencyScale,
            #[serde(skip_serializing_if = "Option::is_none")]
            competencies: Option<&'s [Competency]>,
            tracks: &'s [TrackOverview<'s>],
            #[serde(skip_serializing_if = "Option::is_none")]
            salary: Option<&'s SalaryMatch<'s>>,
        }
        // The competencies, when groups or scopes make them worth a look.
        let competencies = self.ladder.competencies();
        let competencies = competencies
            .iter()
            .any(|c| c.group().is_some() || c.tracks().is_some())
            .then_some(competencies);
        Shown {
            id: self.ladder.id().as_str(),
            name: self.ladder.name(),
            currency: self.currency(),
            pay_period: self.ladder.pay_period(),
            effective_date: self.ladder.effective_date(),
            grades: self.ladder.grades(),
            zone: self.zone,
            split_grade: self.ladder.split_grade(),
            proficiency_scale: self.ladder.proficiency_scale(),
            competencies,
            tracks: &self.tracks,
            salary: self.salary.as_ref(),
        }
        .serialize(serializer)
    }
}

impl Ladder {
    /// The whole ladder at a glance: every track's levels with their bands in
    /// `zone` (the base bands when `None`) and their counterparts, and the
    /// levels whose band holds `salary` (in the zone's currency).
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Money;
    ///
    /// let toronto = ladder.zone("toronto");
    /// let salary = Money::from_decimal("293250".parse()?, toronto.unwrap().currency()).ok();
    /// let overview = ladder.overview(toronto, salary);
    /// assert_eq!(overview.currency().unwrap().code(), "CAD");
    /// let management = &overview.tracks()[1];
    /// assert_eq!(management.levels()[0].counterparts()[0].id().as_str(), "ic4");
    /// let holding: Vec<&str> = overview.salary().unwrap().levels().iter()
    ///     .map(|b| b.level().id().as_str())
    ///     .collect();
    /// assert_eq!(holding, ["ic5", "ic6", "em2", "dir1"]);
    ///
    /// let json = serde_json::to_value(ladder.overview(None, None))?;
    /// assert_eq!(json["tracks"][0]["levels"][0]["band"]["min"]["amount"], "100000");
    /// assert!(json.get("salary").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overview<'a>(
        &'a self,
        zone: Option<&'a Zone>,
        salary: Option<Money>,
    ) -> LadderOverview<'a> {
        let tracks = self
            .tracks()
            .iter()
            .map(|track| TrackOverview {
                track,
                levels: track
                    .levels()
                    .iter()
                    .map(|level| LevelOverview {
                        level,
                        band: level.band_in(zone),
                        counterparts: self
                            .counterparts(level.id().as_str())
                            .map(|(_, l)| l)
                            .collect(),
                        steps: level.steps_in(zone),
                        leads_into: match track.is_trunk() {
                            true => self
                                .next_steps(level.id().as_str())
                                .filter(|(t, _)| !std::ptr::eq(*t, track))
                                .map(|(_, l)| l)
                                .collect(),
                            false => Vec::new(),
                        },
                    })
                    .collect(),
            })
            .collect();
        LadderOverview {
            ladder: self,
            zone,
            tracks,
            salary: salary.map(|salary| {
                let levels: Vec<BandedLevel<'a>> = self
                    .levels_containing(salary, zone)
                    .map(|(track, level)| BandedLevel::new(track, level, zone))
                    .collect();
                SalaryMatch {
                    salary,
                    steps: levels
                        .iter()
                        .map(|b| b.level().step_position(salary, zone))
                        .collect(),
                    levels,
                }
            }),
        }
    }
}
