use std::collections::HashMap;
use std::sync::Arc;

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::spec::LadderSpec;
use crate::{
    Competency, Currency, Grade, LadderId, Level, PayPeriod, Policy, ProficiencyScale, Track, Zone,
};

/// A validated dual-track career ladder.
///
/// Only `dualtrack::load` and `dualtrack::Loader` build one, and only
/// when no invariant rule failed, so its invariants hold: ids are valid and
/// unique, expectations name known competencies, grades rise along every
/// track, bands are ordered and in the ladder's currency. `load` hands one
/// out only when validation found no error at all; `Loader::inspect` also
/// when policy rules failed (a parity gap), so no question asked of a ladder
/// assumes that its policy holds.
///
/// With the `serde` feature it serializes as its file (the ladder file
/// format) and deserializes through the same checks as `load`; two ladders
/// are equal when their files are.
///
/// ```
/// # let yaml = std::fs::read_to_string("ladders/engineering.yaml")?;
/// let ladder = dualtrack::load(&yaml)?.into_ladder();
/// let principal = ladder.level("ic6").unwrap();
/// assert_eq!(principal.title(), "Principal Engineer");
/// assert_eq!(principal.band().unwrap().max().to_string(), "340000 USD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Ladder {
    pub(crate) id: LadderId,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    /// `None` for a ladder that publishes no pay.
    pub(crate) currency: Option<Currency>,
    /// `None` for a ladder that publishes no pay.
    pub(crate) pay_period: Option<PayPeriod>,
    /// The declared grade scale, lowest first.
    pub(crate) grades: Option<Vec<Grade>>,
    pub(crate) competencies: Vec<Competency>,
    pub(crate) proficiency_scale: ProficiencyScale,
    pub(crate) tracks: Vec<Track>,
    pub(crate) zones: Vec<Zone>,
    pub(crate) policy: Policy,
    /// The date its pay takes effect, when the file gives it.
    pub(crate) effective_date: Option<crate::Date>,
    /// Level id -> (track index, level index).
    pub(crate) level_index: HashMap<Box<str>, (usize, usize)>,
    /// Track, competency and zone id -> index (the first with that id), so
    /// that look-ups stay flat however many there are.
    pub(crate) track_index: HashMap<Box<str>, usize>,
    pub(crate) competency_index: HashMap<Box<str>, usize>,
    pub(crate) zone_index: HashMap<Box<str>, usize>,
    /// Every grade a level has, lowest first, each with its levels as
    /// (track index, level index) in track order: the equivalents of a level
    /// without a walk over every track.
    pub(crate) grade_index: Vec<(Grade, Vec<(usize, usize)>)>,
    /// The file it was read from, as the decoder read it: what it
    /// serializes to.
    pub(crate) file: Arc<LadderSpec>,
}

impl Ladder {
    /// Its id.
    pub fn id(&self) -> &LadderId {
        &self.id
    }

    /// Its display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What it covers, when the ladder says.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The currency of its bands; `None` for a ladder that publishes no pay
    /// (no band, no zone), which may leave `currency` out. (It was
    /// `Currency` before such ladders were admitted.)
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.currency().unwrap().code(), "USD");
    /// let unpaid = dualtrack::load_path("tests/fixtures/valid/no-pay.yaml")?.into_ladder();
    /// assert_eq!(unpaid.currency(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }

    /// How often the band amounts are paid; `None` for a ladder that
    /// publishes no pay, as for [`currency`](Self::currency).
    pub fn pay_period(&self) -> Option<PayPeriod> {
        self.pay_period
    }

    /// The date its pay takes effect (`effective_date:`), when the file
    /// gives it; versions of a ladder order by it.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/variable-pay.yaml")?.into_ladder();
    /// let date = ladder.effective_date().unwrap();
    /// assert_eq!((date.year(), date.month(), date.day()), (2024, 4, 1));
    /// assert_eq!(date.to_string(), "2024-04-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn effective_date(&self) -> Option<crate::Date> {
        self.effective_date
    }

    /// Whether any level has target variable pay (its own or its track's).
    pub fn has_variable_pay(&self) -> bool {
        self.tracks
            .iter()
            .flat_map(|t| &t.levels)
            .any(|l| l.variable.is_some())
    }

    /// Whether any level publishes a band: `false` for a competency
    /// framework without pay, whose pay parity cannot be checked.
    pub fn publishes_pay(&self) -> bool {
        self.tracks
            .iter()
            .flat_map(|t| &t.levels)
            .any(|l| l.band.is_some())
    }

    /// Its grade scale, lowest first, when the file declares one
    /// (`grades:`); `None` when its grades are whole numbers.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/grade-scale.yaml")?.into_ladder();
    /// let labels: Vec<String> = ladder.grades().unwrap().iter().map(|g| g.to_string()).collect();
    /// assert_eq!(labels[..4], ["GS-5", "GS-7", "GS-9", "GS-11"]);
    /// # let engineering = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert!(engineering.grades().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn grades(&self) -> Option<&[Grade]> {
        self.grades.as_deref()
    }

    /// The grade written `text` in this ladder: the entry of its scale with
    /// that exact label, or, without a scale, the whole number `text` spells
    /// (digits only, no leading zero).
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/grade-scale.yaml")?.into_ladder();
    /// let gs13 = ladder.grade("GS-13").unwrap();
    /// assert_eq!(ladder.levels_at(&gs13).count(), 2);
    /// assert!(ladder.grade("13").is_none());
    /// # let engineering = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(engineering.grade("6"), Some(dualtrack::Grade::new(6)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn grade(&self, text: &str) -> Option<Grade> {
        match &self.grades {
            Some(scale) => scale.iter().find(|g| g.label() == Some(text)).cloned(),
            None => {
                let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
                let leading_zero = text.len() > 1 && text.starts_with('0');
                (digits && !leading_zero)
                    .then(|| text.parse().ok().map(Grade::new))
                    .flatten()
            }
        }
    }

    /// Its competencies, in file order.
    pub fn competencies(&self) -> &[Competency] {
        &self.competencies
    }

    /// The scale its expectations are written on: the default, 1 to 5
    /// unnamed, unless the file declares a `proficiency_scale`.
    pub fn proficiency_scale(&self) -> &ProficiencyScale {
        &self.proficiency_scale
    }

    /// The competency groups in file order of first appearance, each with
    /// its competencies in file order; the competencies without a group
    /// come first, under `None`. One entry, `None`, when no competency has
    /// a group.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/scales.yaml")?.into_ladder();
    /// let groups: Vec<Option<&str>> = ladder.competency_groups().iter().map(|(g, _)| *g).collect();
    /// assert_eq!(groups, [Some("Clinical practice"), Some("Leadership")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn competency_groups(&self) -> Vec<(Option<&str>, Vec<&Competency>)> {
        let mut groups: Vec<(Option<&str>, Vec<&Competency>)> = Vec::new();
        if self.competencies.iter().any(|c| c.group.is_none()) {
            groups.push((None, Vec::new()));
        }
        for competency in &self.competencies {
            let group = competency.group();
            match groups.iter_mut().find(|(g, _)| *g == group) {
                Some((_, members)) => members.push(competency),
                None => groups.push((group, vec![competency])),
            }
        }
        groups
    }

    /// Whether `competency` applies to `track` (see
    /// [`Competency::applies_to`]); `false` when either is unknown.
    pub fn applies(&self, competency: &str, track: &str) -> bool {
        match (self.competency(competency), self.track(track)) {
            (Some(c), Some(t)) => c.applies_to(t),
            _ => false,
        }
    }

    /// Its tracks, in file order.
    pub fn tracks(&self) -> &[Track] {
        &self.tracks
    }

    /// Its location zones, in file order.
    pub fn zones(&self) -> &[Zone] {
        &self.zones
    }

    /// The policy it was checked against, defaults filled in.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The track with this id (a `&str` or a [`TrackId`](crate::TrackId)).
    pub fn track(&self, id: impl AsRef<str>) -> Option<&Track> {
        self.tracks.get(*self.track_index.get(id.as_ref())?)
    }

    /// The level with this id, in any track (a `&str` or a
    /// [`LevelId`](crate::LevelId)).
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let id: dualtrack::LevelId = "ic6".parse()?;
    /// assert_eq!(ladder.level(&id), ladder.level("ic6"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level(&self, id: impl AsRef<str>) -> Option<&Level> {
        let (track, level) = *self.level_index.get(id.as_ref())?;
        self.tracks.get(track)?.levels.get(level)
    }

    /// The competency with this id (a `&str` or a
    /// [`CompetencyId`](crate::CompetencyId)).
    pub fn competency(&self, id: impl AsRef<str>) -> Option<&Competency> {
        self.competencies
            .get(*self.competency_index.get(id.as_ref())?)
    }

    /// The zone with this id (a `&str` or a [`ZoneId`](crate::ZoneId)).
    pub fn zone(&self, id: impl AsRef<str>) -> Option<&Zone> {
        self.zones.get(*self.zone_index.get(id.as_ref())?)
    }
}

/// Equal when their files are: everything else is built from the file, so
/// it is compared once, not field by field and index by index.
impl PartialEq for Ladder {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.file, &other.file) || self.file == other.file
    }
}

impl Eq for Ladder {}

/// Its file: the ladder file format (the schema's), with the keys, values
/// and order its file had (comments and layout aside; amounts and
/// percentages as exact strings).
///
/// A ladder that passes validation deserializes back, through the same
/// checks as `Loader::load`, to an equal ladder, through any self-describing
/// format that keeps the order of a mapping's keys (`serde_json::Value`
/// sorts them unless serde_json's `preserve_order` is on, and the order of a
/// level's expectations is the ladder's). One that `Loader::inspect` handed
/// out despite a policy error, or that a loader with overrides or raised
/// limits admitted, is refused as `load` would refuse it: load its JSON text
/// through that loader instead (JSON is YAML).
#[cfg(feature = "serde")]
impl Serialize for Ladder {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.file.serialize(serializer)
    }
}
