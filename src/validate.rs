//! The validation pass: runs every rule over the wire types, then builds the
//! checked [`Ladder`] when no error was found.

use std::collections::HashMap;

use crate::finding::{Finding, Findings};
use crate::model::{
    Band, Competency, Expectation, Grade, Level, ParityMode, Policy, Proficiency, Track, TrackKind,
    Zone,
};
use crate::spec::{ExpectationSpec, LadderSpec, LevelSpec, ZoneSpec};
use crate::{
    CompetencyId, Currency, Ladder, LadderId, LevelId, Money, Percent, Pointer, Severity, TrackId,
    ZoneId, rules,
};

/// Everything the rules share: the spec, its indexes, the amounts in minor
/// units, and the findings so far.
pub(crate) struct Context<'s> {
    pub(crate) spec: &'s LadderSpec,
    /// The ladder's currency, when its code is valid.
    pub(crate) currency: Option<Currency>,
    /// Per track, per level: the band in minor units, when all three amounts
    /// are valid in the currency.
    pub(crate) bands: Vec<Vec<Option<[u64; 3]>>>,
    /// Competency id -> index of its first definition.
    pub(crate) competencies: HashMap<&'s str, usize>,
    /// The policy with defaults filled in.
    pub(crate) policy: Policy,
    findings: Findings,
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

impl<'s> Context<'s> {
    fn new(spec: &'s LadderSpec, limits: &crate::Limits) -> Self {
        let currency = Currency::from_code(&spec.currency);
        let bands = spec
            .tracks
            .iter()
            .map(|track| {
                track
                    .levels
                    .iter()
                    .map(|level| {
                        let digits = currency?.minor_digits();
                        let b = level.band;
                        Some([
                            b.min.to_scale(digits)?,
                            b.mid.to_scale(digits)?,
                            b.max.to_scale(digits)?,
                        ])
                    })
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
        let policy = Policy {
            parity_mode: parity.mode.unwrap_or(ParityMode::Equal),
            parity_from_grade: Grade(
                parity
                    .from_grade
                    .unwrap_or_else(|| default_from_grade(spec)),
            ),
            parity_tolerance: parity.tolerance.unwrap_or(Percent::whole(0)),
            spread_min: spread.min.unwrap_or(Percent::whole(20)),
            spread_max: spread.max.unwrap_or(Percent::whole(65)),
            progression_min: progression.min.unwrap_or(Percent::whole(5)),
            progression_max: progression.max.unwrap_or(Percent::whole(30)),
            overlap_max: overlap.max.unwrap_or(Percent::whole(60)),
        };
        Self {
            spec,
            currency,
            bands,
            competencies,
            policy,
            findings: Findings::new(limits.max_findings),
        }
    }

    pub(crate) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// How many more findings can be reported before the limit.
    pub(crate) fn findings_left(&self) -> usize {
        self.findings.left()
    }

    /// Whether the findings reached their limit: a rule can stop looking.
    pub(crate) fn is_full(&self) -> bool {
        self.findings.is_full()
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

    /// The currency a zone pays in, when valid.
    fn zone_currency(&self, zone: &ZoneSpec) -> Option<Currency> {
        match &zone.currency {
            Some(code) => Currency::from_code(code),
            None => self.currency,
        }
    }

    /// A base amount in minor units converted into a zone, when the zone is valid.
    pub(crate) fn zone_minor(&self, zone: &ZoneSpec, minor: u64) -> Option<u64> {
        let base = self.currency?;
        let currency = self.zone_currency(zone)?;
        if zone.factor.is_zero()
            || (currency != base) != zone.rate.is_some()
            || zone.rate.is_some_and(|r| r.is_zero())
        {
            return None;
        }
        crate::model::convert(
            Money::from_minor(minor, base),
            zone.factor,
            zone.rate,
            currency,
        )
        .map(Money::minor)
    }

    /// A zone amount as money, for messages.
    pub(crate) fn zone_money(&self, zone: &ZoneSpec, minor: u64) -> String {
        match self.zone_currency(zone) {
            Some(currency) => Money::from_minor(minor, currency).to_string(),
            None => minor.to_string(),
        }
    }

    /// A band amount as money, for messages.
    pub(crate) fn money(&self, minor: u64) -> String {
        match self.currency {
            Some(currency) => Money::from_minor(minor, currency).to_string(),
            None => minor.to_string(),
        }
    }
}

/// The default `parity.from_grade`: the grade of the management track's
/// third-highest level, or its lowest when it has fewer than three; with
/// several management tracks, the lowest such grade.
pub(crate) fn default_from_grade(spec: &LadderSpec) -> u32 {
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

/// Runs every rule, then builds the ladder when no invariant was broken.
pub(crate) fn validate(
    spec: &LadderSpec,
    limits: &crate::Limits,
) -> (Vec<Finding>, Option<Ladder>) {
    let mut cx = Context::new(spec, limits);
    for rule in rules::CHECKS {
        if cx.is_full() {
            break;
        }
        rule(&mut cx);
    }
    let full = cx.is_full();
    let findings = std::mem::replace(&mut cx.findings, Findings::new(0)).into_vec();
    let broken = full
        || findings.iter().any(|f| {
            f.severity() == Severity::Error
                && rules::find(f.code()).is_some_and(|r| r.is_invariant())
        });
    let ladder = if broken { None } else { build(&cx) };
    (findings, ladder)
}

fn build(cx: &Context<'_>) -> Option<Ladder> {
    let spec = cx.spec;
    let currency = cx.currency?;
    let competencies = spec
        .competencies
        .iter()
        .map(|c| {
            Some(Competency {
                id: CompetencyId::new(&c.id).ok()?,
                name: c.name.clone(),
                kind: c.kind,
                description: c.description.clone(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let mut level_index = HashMap::new();
    let mut tracks = Vec::with_capacity(spec.tracks.len());
    for (t, track) in spec.tracks.iter().enumerate() {
        let mut levels = Vec::with_capacity(track.levels.len());
        for (l, level) in track.levels.iter().enumerate() {
            let [min, mid, max] = (*cx.bands.get(t)?.get(l)?)?;
            let money = |minor| Money::from_minor(minor, currency);
            let expectations = level
                .expectations
                .iter()
                .map(|(id, e)| {
                    Some(Expectation {
                        competency: CompetencyId::new(id).ok()?,
                        proficiency: Proficiency::new(e.proficiency)?,
                        description: e.description.clone(),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            level_index.insert(Box::from(level.id.as_str()), (t, l));
            levels.push(Level {
                id: LevelId::new(&level.id).ok()?,
                title: level.title.clone(),
                grade: Grade(level.grade),
                summary: level.summary.clone(),
                band: Band::new(money(min), money(mid), money(max))?,
                expectations,
            });
        }
        tracks.push(Track {
            id: TrackId::new(&track.id).ok()?,
            name: track.name.clone(),
            kind: track.kind,
            description: track.description.clone(),
            levels,
        });
    }
    let zones = spec
        .zones
        .iter()
        .map(|z| {
            let zone_currency = match &z.currency {
                Some(code) => Currency::from_code(code)?,
                None => currency,
            };
            Some(Zone {
                id: ZoneId::new(&z.id).ok()?,
                name: z.name.clone(),
                factor: z.factor,
                currency: zone_currency,
                rate: z.rate,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Ladder {
        id: LadderId::new(&spec.id).ok()?,
        name: spec.name.clone(),
        description: spec.description.clone(),
        currency,
        pay_period: spec.pay_period,
        policy: cx.policy.clone(),
        level_index,
        track_index: index(tracks.iter().map(|t| t.id.as_str())),
        competency_index: index(competencies.iter().map(|c| c.id.as_str())),
        zone_index: index(zones.iter().map(|z| z.id.as_str())),
        competencies,
        tracks,
        zones,
    })
}

/// Id -> index in the list, the first of each id as a search would find it.
fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<Box<str>, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(Box::from(id)).or_insert(i);
    }
    map
}
