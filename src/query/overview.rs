//! A whole ladder at a glance: every track's levels with their bands (in a
//! zone when asked) and counterparts, and which bands hold a salary.

use super::profile::BandedLevel;
use crate::{Band, Currency, Ladder, Level, Money, StepPosition, Track, Zone};

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

/// The levels whose band holds a salary (see [`Ladder::levels_containing`]).
///
/// Serialized as `{ salary, levels, steps }`, `steps` (one per level, in
/// the same order) left out when no level lists steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalaryMatch<'a> {
    salary: Money,
    levels: Vec<BandedLevel<'a>>,
    /// Per level, where the salary sits among its pay steps.
    steps: Vec<Option<StepPosition>>,
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
    /// # #[cfg(feature = "serde")] {
    /// let json = serde_json::to_value(ladder.overview(None, None))?;
    /// assert_eq!(json["tracks"][0]["levels"][0]["band"]["min"]["amount"], "100000");
    /// assert!(json.get("salary").is_none());
    /// # }
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
