//! The facts the checks read: the decoded file with its indexes and the
//! typed values built from it once.

use std::collections::HashMap;

use crate::model::{Band, Grade, Policy, Proficiency, TrackKind};
use crate::rules::invalid_zone::{Conversion, ZoneProblem, conversion};
use crate::spec::{BandSpec, ExpectationSpec, LadderSpec, LevelSpec};
use crate::{CompetencyId, Currency, IdError, LadderId, LevelId, Money, Pointer, TrackId, ZoneId};

/// What the checks read: the decoded file, its indexes, the typed values
/// built from it (bands in minor units, the policy with its defaults), each
/// built once.
pub(crate) struct Facts<'s> {
    pub(crate) spec: &'s LadderSpec,
    /// The ladder's currency, when its code is valid.
    pub(crate) currency: Option<Currency>,
    /// Per track, per level: what was typed of it.
    levels: Vec<Vec<LevelFacts>>,
    /// Competency id -> index of its first definition.
    pub(crate) competencies: HashMap<&'s str, usize>,
    /// The policy with defaults filled in.
    pub(crate) policy: Policy,
    /// Every id, parsed once.
    pub(crate) ids: Ids,
    /// Per zone: how it converts base amounts, or why it cannot.
    pub(crate) zones: Vec<Result<Conversion, Vec<ZoneProblem>>>,
}

/// The typed ids of a file, each parsed once: `invalid-id` reports the
/// errors, and the model takes the rest.
pub(crate) struct Ids {
    pub(crate) ladder: Result<LadderId, IdError>,
    pub(crate) competencies: Vec<Result<CompetencyId, IdError>>,
    pub(crate) tracks: Vec<Result<TrackId, IdError>>,
    pub(crate) zones: Vec<Result<ZoneId, IdError>>,
}

impl Ids {
    fn new(spec: &LadderSpec) -> Self {
        Self {
            ladder: LadderId::new(&spec.id),
            competencies: spec
                .competencies
                .iter()
                .map(|c| CompetencyId::new(&c.id))
                .collect(),
            tracks: spec.tracks.iter().map(|t| TrackId::new(&t.id)).collect(),
            zones: spec.zones.iter().map(|z| ZoneId::new(&z.id)).collect(),
        }
    }

    /// Why the id at `at` is not valid, when it is not (levels' ids are in
    /// their [`LevelFacts`]).
    fn error(&self, at: IdAt) -> Option<&IdError> {
        match at {
            IdAt::Ladder => self.ladder.as_ref().err(),
            IdAt::Competency(i) => self.competencies.get(i)?.as_ref().err(),
            IdAt::Track(t) => self.tracks.get(t)?.as_ref().err(),
            IdAt::Level(..) => None,
            IdAt::Zone(z) => self.zones.get(z)?.as_ref().err(),
        }
    }
}

/// What was typed of one level, each value once: its id, its band and its
/// proficiencies.
pub(crate) struct LevelFacts {
    pub(crate) id: Result<LevelId, IdError>,
    pub(crate) band: BandFact,
    /// Per expectation, in file order: the proficiency, when it is one
    /// (`invalid-proficiency` reports the rest).
    pub(crate) proficiencies: Vec<Option<Proficiency>>,
}

impl LevelFacts {
    fn new(level: &LevelSpec, currency: Option<Currency>) -> Self {
        Self {
            id: LevelId::new(&level.id),
            band: band_fact(level.band, currency),
            proficiencies: level
                .expectations
                .iter()
                .map(|(_, e)| Proficiency::new(e.proficiency))
                .collect(),
        }
    }
}

/// A level's band, as far as it could be read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum BandFact {
    /// An amount does not hold in the currency's minor units, or the
    /// currency is unknown: `invalid-currency`, `currency-precision` or
    /// `invalid-amount` says why.
    Unreadable,
    /// Min, mid and max are out of order: `band-order` says so.
    OutOfOrder { min: Money, mid: Money, max: Money },
    /// A band in order.
    Ordered(Band),
}

/// Where an id is written: the ladder's, or the index of its competency,
/// track, level or zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdAt {
    Ladder,
    Competency(usize),
    Track(usize),
    Level(usize, usize),
    Zone(usize),
}

/// The three points of a band, for messages and pointers.
pub(crate) const BAND_POINTS: [&str; 3] = ["min", "mid", "max"];

impl<'s> Facts<'s> {
    pub(crate) fn new(spec: &'s LadderSpec) -> Self {
        let currency = Currency::from_code(&spec.currency);
        let levels = spec
            .tracks
            .iter()
            .map(|track| {
                track
                    .levels
                    .iter()
                    .map(|level| LevelFacts::new(level, currency))
                    .collect()
            })
            .collect();
        let mut competencies = HashMap::new();
        for (i, c) in spec.competencies.iter().enumerate() {
            competencies.entry(c.id.as_str()).or_insert(i);
        }
        let p = &spec.policy;
        let parity = p.parity.clone().unwrap_or_default();
        let spread = p.spread.clone().unwrap_or_default();
        let progression = p.progression.clone().unwrap_or_default();
        let overlap = p.overlap.clone().unwrap_or_default();
        let default = Policy::default();
        let policy = Policy {
            parity_mode: parity.mode.unwrap_or(default.parity_mode),
            parity_from_grade: Grade(
                parity
                    .from_grade
                    .unwrap_or_else(|| default_from_grade(spec)),
            ),
            parity_tolerance: parity.tolerance.unwrap_or(default.parity_tolerance),
            spread_min: spread.min.unwrap_or(default.spread_min),
            spread_max: spread.max.unwrap_or(default.spread_max),
            progression_min: progression.min.unwrap_or(default.progression_min),
            progression_max: progression.max.unwrap_or(default.progression_max),
            overlap_max: overlap.max.unwrap_or(default.overlap_max),
        };
        Self {
            spec,
            currency,
            levels,
            competencies,
            policy,
            ids: Ids::new(spec),
            zones: spec.zones.iter().map(|z| conversion(z, currency)).collect(),
        }
    }

    /// A level's band as far as it could be read.
    pub(crate) fn band_fact(&self, track: usize, level: usize) -> BandFact {
        self.level(track, level)
            .map_or(BandFact::Unreadable, |level| level.band)
    }

    /// What was typed of a level.
    pub(crate) fn level(&self, track: usize, level: usize) -> Option<&LevelFacts> {
        self.levels.get(track)?.get(level)
    }

    /// Why the id at `at` is not valid, when it is not.
    pub(crate) fn id_error(&self, at: IdAt) -> Option<&IdError> {
        match at {
            IdAt::Level(t, l) => self.level(t, l)?.id.as_ref().err(),
            _ => self.ids.error(at),
        }
    }

    /// A level's midpoint, when its band could be read, in order or not.
    pub(crate) fn midpoint(&self, track: usize, level: usize) -> Option<Money> {
        match self.band_fact(track, level) {
            BandFact::Ordered(band) => Some(band.mid()),
            BandFact::OutOfOrder { mid, .. } => Some(mid),
            BandFact::Unreadable => None,
        }
    }

    /// A level's band, when it could be read and is in order.
    pub(crate) fn band(&self, track: usize, level: usize) -> Option<Band> {
        match self.band_fact(track, level) {
            BandFact::Ordered(band) => Some(band),
            _ => None,
        }
    }

    pub(crate) fn track_pointer(&self, track: usize) -> Pointer {
        Pointer::root().key("tracks").index(track)
    }

    pub(crate) fn level_pointer(&self, track: usize, level: usize) -> Pointer {
        self.track_pointer(track).key("levels").index(level)
    }

    /// Every level with its track and level index.
    pub(crate) fn levels(&self) -> impl Iterator<Item = (usize, usize, &'s LevelSpec)> + use<'s> {
        let spec = self.spec;
        spec.tracks.iter().enumerate().flat_map(|(t, track)| {
            track
                .levels
                .iter()
                .enumerate()
                .map(move |(l, level)| (t, l, level))
        })
    }

    /// Where a level's proficiency in a competency is written: the value
    /// itself, or its `proficiency` key in the `{ proficiency: N }` form.
    pub(crate) fn proficiency_pointer(
        &self,
        track: usize,
        level: usize,
        id: &str,
        expectation: &ExpectationSpec,
    ) -> Pointer {
        let pointer = self.level_pointer(track, level).key("expectations").key(id);
        if expectation.detailed {
            pointer.key("proficiency")
        } else {
            pointer
        }
    }

    /// Every id in the file: what it names, where it is, and the id. The
    /// pointer to an id is built by [`id_pointer`](Self::id_pointer), only
    /// when a finding needs it.
    pub(crate) fn ids(&self) -> impl Iterator<Item = (&'static str, IdAt, &'s str)> + use<'s> {
        let spec = self.spec;
        let competencies = spec.competencies.iter().enumerate();
        let tracks = spec.tracks.iter().enumerate();
        let levels = spec.tracks.iter().enumerate().flat_map(|(t, track)| {
            track
                .levels
                .iter()
                .enumerate()
                .map(move |(l, level)| ("level", IdAt::Level(t, l), level.id.as_str()))
        });
        let zones = spec.zones.iter().enumerate();
        std::iter::once(("ladder", IdAt::Ladder, spec.id.as_str()))
            .chain(competencies.map(|(i, c)| ("competency", IdAt::Competency(i), c.id.as_str())))
            .chain(tracks.map(|(t, track)| ("track", IdAt::Track(t), track.id.as_str())))
            .chain(levels)
            .chain(zones.map(|(z, zone)| ("zone", IdAt::Zone(z), zone.id.as_str())))
    }

    /// The pointer to an id.
    pub(crate) fn id_pointer(&self, at: IdAt) -> Pointer {
        match at {
            IdAt::Ladder => Pointer::root().key("id"),
            IdAt::Competency(i) => Pointer::root().key("competencies").index(i).key("id"),
            IdAt::Track(t) => self.track_pointer(t).key("id"),
            IdAt::Level(t, l) => self.level_pointer(t, l).key("id"),
            IdAt::Zone(z) => Pointer::root().key("zones").index(z).key("id"),
        }
    }

    /// The indexes of the tracks of one kind.
    pub(crate) fn tracks_of(&self, kind: TrackKind) -> impl Iterator<Item = usize> + use<'s> {
        let spec = self.spec;
        spec.tracks
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.kind == kind)
            .map(|(i, _)| i)
    }

    /// Every level of the tracks of one kind.
    pub(crate) fn levels_of(&self, kind: TrackKind) -> Vec<(usize, usize, &'s LevelSpec)> {
        self.levels()
            .filter(|(t, _, _)| self.spec.tracks[*t].kind == kind)
            .collect()
    }

    /// A base band converted into zone `z`, when the zone is valid: each
    /// amount rounded to the zone currency's minor unit.
    pub(crate) fn zone_band(&self, z: usize, band: &Band) -> Option<Band> {
        let conversion = self.zones.get(z)?.as_ref().ok()?;
        let convert = |amount| {
            crate::model::convert(
                amount,
                conversion.factor,
                conversion.rate,
                conversion.currency,
            )
        };
        Band::new(
            convert(band.min())?,
            convert(band.mid())?,
            convert(band.max())?,
        )
    }
}

/// The default `parity.from_grade`: the grade of the management track's
/// third-highest level, or its lowest when it has fewer than three; with
/// several management tracks, the lowest such grade.
fn default_from_grade(spec: &LadderSpec) -> u32 {
    spec.tracks
        .iter()
        .filter(|t| t.kind == TrackKind::Management && !t.levels.is_empty())
        .filter_map(|t| {
            let mut grades: Vec<u32> = t.levels.iter().map(|l| l.grade).collect();
            grades.sort_unstable_by(|a, b| b.cmp(a));
            grades.dedup();
            grades.get(2).or(grades.last()).copied()
        })
        .min()
        .unwrap_or(0)
}

/// A band read in the currency's minor units.
fn band_fact(band: BandSpec, currency: Option<Currency>) -> BandFact {
    let Some(currency) = currency else {
        return BandFact::Unreadable;
    };
    let money = |amount: crate::Decimal| Money::from_decimal(amount, currency);
    let (Some(min), Some(mid), Some(max)) = (money(band.min), money(band.mid), money(band.max))
    else {
        return BandFact::Unreadable;
    };
    match Band::new(min, mid, max) {
        Some(band) => BandFact::Ordered(band),
        None => BandFact::OutOfOrder { min, mid, max },
    }
}
