//! The facts the checks read: the decoded file with its indexes and the
//! typed values built from it once.

mod grades;
mod pay;

pub(crate) use grades::Scale;
use grades::{default_from_grade, resolve};
pub(crate) use pay::{Amount, AmountAt, BAND_POINTS, BandFact, Reference, Written};
use pay::{band_fact, read_equity, read_variable, resolve_relative};

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::choice::TrackKind;
use crate::finding::Finding;
use crate::model::{Band, Grade, Policy, Proficiency, ProficiencyScale, Variable};
use crate::rules::invalid_zone::{Conversion, ZoneProblem, conversion};
use crate::spec::{
    EquitySpec, ExpectationSpec, GradeSpec, LadderSpec, LevelSpec, PaySpec, ProficiencySpec,
    VariableSpec,
};
use crate::{CompetencyId, Currency, IdError, LadderId, LevelId, Money, Pointer, TrackId, ZoneId};

/// What the checks read: the decoded file, its indexes, the typed values
/// built from it (bands in minor units, the policy with its defaults), each
/// built once.
pub(crate) struct Facts<'s> {
    pub(crate) spec: &'s LadderSpec,
    /// The ladder's currency, when its code is valid.
    pub(crate) currency: Option<Currency>,
    /// The declared grade scale, when there is one.
    pub(crate) grade_scale: Option<Scale<'s>>,
    /// Every sound level's grade is a grade (`unknown-grade` reports the
    /// rest): the checks that need every grade (the IC ceiling, missing
    /// counterparts) stay silent otherwise.
    pub(crate) all_graded: bool,
    /// The grade parity starts from is known: `policy.parity.from_grade` is
    /// a grade, or, left out, every level's grade is (the default is read
    /// from them). The parity checks stay silent otherwise.
    pub(crate) from_grade_known: bool,
    /// Per track, per level: what was typed of it.
    levels: Vec<Vec<LevelFacts>>,
    /// Competency id -> index of its first definition.
    pub(crate) competencies: HashMap<&'s str, usize>,
    /// The proficiency scale (the default when none is declared), or the
    /// `invalid-proficiency-scale` findings that say why there is none
    /// (none when it did not decode).
    pub(crate) scale: Result<ProficiencyScale, Vec<Finding>>,
    /// Track id -> index of its first definition, sound tracks only.
    pub(crate) track_ids: HashMap<&'s str, usize>,
    /// Per competency with a `tracks` scope, per track: whether it is in
    /// the scope. Built once, so that a scope is read in constant time
    /// however long it is.
    scopes: OnceCell<Vec<Option<Vec<bool>>>>,
    /// The policy with defaults filled in.
    pub(crate) policy: Policy,
    /// Every id, parsed once.
    pub(crate) ids: Ids,
    /// Per zone: how it converts base amounts, or why it cannot.
    pub(crate) zones: Vec<Result<Conversion, Vec<ZoneProblem>>>,
    /// Which parts decoded soundly.
    pub(crate) sound: Sound,
    /// The IC levels by grade, for the checks that pair tracks.
    ic_by_grade: OnceCell<HashMap<u32, Vec<LevelAt<'s>>>>,
    /// The management levels of ordered tracks, in file order.
    management_levels: OnceCell<Vec<LevelAt<'s>>>,
}

/// A level with its track and level index.
pub(crate) type LevelAt<'s> = (usize, usize, &'s LevelSpec);

/// Which parts of the file decoded soundly. A part with a structural
/// finding (an unknown key in a level, a bad amount in its band, a list that
/// is not a list) is poisoned: it holds a placeholder, and the checks stay
/// silent about it and about what depends on it, so that one mistake stays
/// one finding.
pub(crate) struct Sound {
    /// The ladder's own id.
    pub(crate) id: bool,
    pub(crate) currency: bool,
    pub(crate) policy: bool,
    pub(crate) scale: bool,
    /// The grade scale and each of its entries, when it is declared.
    pub(crate) grades: bool,
    /// Per competency; `all_competencies` also covers the list itself.
    pub(crate) competencies: Vec<bool>,
    pub(crate) all_competencies: bool,
    /// Per track (its own keys; its levels have their own soundness).
    pub(crate) tracks: Vec<bool>,
    pub(crate) all_tracks: bool,
    /// Per track, per level: the level and its track are sound.
    levels: Vec<Vec<bool>>,
    /// Every level of every track is sound.
    pub(crate) all_levels: bool,
    pub(crate) zones: Vec<bool>,
}

impl Sound {
    fn new(spec: &LadderSpec, poisoned: &[Pointer]) -> Self {
        if poisoned.is_empty() {
            // The common case, on every load of a sound file: no pointers.
            return Self::all_sound(spec);
        }
        let set: HashSet<&str> = poisoned.iter().map(Pointer::as_str).collect();
        let clean = |pointer: Pointer| !set.contains(pointer.as_str());
        let root = Pointer::root;
        let list = |key: &str, len: usize| -> Vec<bool> {
            (0..len).map(|i| clean(root().key(key).index(i))).collect()
        };
        let competencies = list("competencies", spec.competencies.len());
        let tracks = list("tracks", spec.tracks.len());
        // A level is sound when it and its track are.
        let levels: Vec<Vec<bool>> = spec
            .tracks
            .iter()
            .enumerate()
            .map(|(t, track)| {
                let pointer = root().key("tracks").index(t).key("levels");
                (0..track.levels.len())
                    .map(|l| tracks[t] && clean(pointer.index(l)))
                    .collect()
            })
            .collect();
        let all_levels = levels.iter().flatten().all(|s| *s);
        Self {
            id: clean(root().key("id")),
            currency: clean(root().key("currency")),
            policy: clean(root().key("policy")),
            scale: clean(root().key("proficiency_scale")),
            grades: clean(root().key("grades"))
                && (0..spec.grades.as_ref().map_or(0, Vec::len))
                    .all(|i| clean(root().key("grades").index(i))),
            all_competencies: clean(root().key("competencies")) && competencies.iter().all(|s| *s),
            competencies,
            all_tracks: clean(root().key("tracks")) && tracks.iter().all(|s| *s),
            tracks,
            levels,
            all_levels,
            zones: list("zones", spec.zones.len()),
        }
    }

    fn all_sound(spec: &LadderSpec) -> Self {
        Self {
            id: true,
            currency: true,
            policy: true,
            scale: true,
            grades: true,
            competencies: vec![true; spec.competencies.len()],
            all_competencies: true,
            tracks: vec![true; spec.tracks.len()],
            all_tracks: true,
            levels: spec
                .tracks
                .iter()
                .map(|t| vec![true; t.levels.len()])
                .collect(),
            all_levels: true,
            zones: vec![true; spec.zones.len()],
        }
    }

    /// Whether track `t` decoded soundly (its own keys).
    pub(crate) fn track(&self, t: usize) -> bool {
        self.tracks.get(t).copied().unwrap_or(false)
    }

    /// Whether competency `i` decoded soundly.
    pub(crate) fn competency(&self, i: usize) -> bool {
        self.competencies.get(i).copied().unwrap_or(false)
    }

    /// Whether zone `z` decoded soundly.
    pub(crate) fn zone(&self, z: usize) -> bool {
        self.zones.get(z).copied().unwrap_or(false)
    }

    /// Whether every track and every level decoded soundly.
    pub(crate) fn all_tracks_and_levels(&self) -> bool {
        self.all_tracks && self.all_levels
    }
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
    /// Whether it, and its track, decoded soundly: the checks skip it if not.
    pub(crate) sound: bool,
    pub(crate) id: Result<LevelId, IdError>,
    /// Every amount of its band as written (min, mid, max and steps, or its
    /// spot rate), read in the currency, when the currency is known.
    pub(crate) amounts: Vec<(AmountAt, crate::Decimal, Amount)>,
    pub(crate) band: BandFact,
    /// Its pay steps, when it lists them and every one could be read (in
    /// the reference's steps times the percentage, for relative pay).
    pub(crate) steps: Option<Vec<Money>>,
    /// For pay written as a percentage of another level: how it resolved.
    pub(crate) relative: Option<Reference>,
    /// Its grade, when it is one: a number, or an entry of the scale.
    pub(crate) grade: Option<Grade>,
    /// Per expectation, in file order: the proficiency, when it is one of
    /// the scale (`invalid-proficiency` reports the rest; none when the scale
    /// itself is invalid).
    pub(crate) proficiencies: Vec<Option<Proficiency>>,
    /// Its target variable pay, its own or its track's, when either gives
    /// one.
    pub(crate) variable: Option<Written<Variable>>,
    /// Its equity band, its own or its track's, when either gives one.
    pub(crate) equity: Option<Written<Band>>,
}

/// A proficiency as written, on `scale`: its number or its step name.
pub(crate) fn on_scale(value: &ProficiencySpec, scale: &ProficiencyScale) -> Option<Proficiency> {
    match value {
        ProficiencySpec::Number(n) => scale.get(*n),
        ProficiencySpec::Name(name) => scale.named(name),
    }
}

impl LevelFacts {
    fn new(
        level: &LevelSpec,
        currency: Option<Currency>,
        scale: Option<&ProficiencyScale>,
        grade_scale: Option<&Scale<'_>>,
        sound: bool,
    ) -> Self {
        let written: Vec<(AmountAt, crate::Decimal)> = match &level.band {
            None | Some(PaySpec::Relative(_)) => Vec::new(),
            Some(PaySpec::Spot(rate)) => vec![(AmountAt::Rate, *rate)],
            Some(PaySpec::Range(b)) => BAND_POINTS
                .into_iter()
                .zip([b.min, b.mid, b.max])
                .map(|(name, a)| (AmountAt::Point(name), a))
                .chain(
                    b.steps
                        .iter()
                        .enumerate()
                        .map(|(i, a)| (AmountAt::Step(i), *a)),
                )
                .collect(),
        };
        let amounts: Vec<(AmountAt, crate::Decimal, Amount)> = match currency {
            Some(c) => written
                .into_iter()
                .map(|(at, a)| (at, a, Amount::read(a, c)))
                .collect(),
            None => Vec::new(),
        };
        let money = |i: usize| match amounts.get(i) {
            Some((_, _, Amount::Money(m))) => Some(*m),
            _ => None,
        };
        let (band, steps) = match &level.band {
            None => (BandFact::Absent, None),
            Some(PaySpec::Relative(_)) => (BandFact::Unreadable, None),
            Some(_) if currency.is_none() => (BandFact::Unreadable, None),
            Some(PaySpec::Spot(_)) => (
                money(0).map_or(BandFact::Unreadable, |m| BandFact::Ordered(Band::spot(m))),
                None,
            ),
            Some(PaySpec::Range(b)) => {
                let points = [0, 1, 2].map(|i| amounts.get(i).map(|(_, _, a)| *a));
                let band = match points {
                    [Some(min), Some(mid), Some(max)] => band_fact([min, mid, max]),
                    _ => BandFact::Unreadable,
                };
                let steps = (!b.steps.is_empty())
                    .then(|| {
                        (3..3 + b.steps.len())
                            .map(money)
                            .collect::<Option<Vec<_>>>()
                    })
                    .flatten();
                (band, steps)
            }
        };
        Self {
            sound,
            id: LevelId::new(&level.id),
            amounts,
            band,
            steps,
            relative: None,
            grade: resolve(grade_scale, &level.grade),
            proficiencies: level
                .expectations
                .iter()
                .map(|(_, e)| scale.and_then(|scale| on_scale(&e.proficiency, scale)))
                .collect(),
            variable: None,
            equity: None,
        }
    }
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

impl<'s> Facts<'s> {
    pub(crate) fn new(spec: &'s LadderSpec, poisoned: &[Pointer]) -> Self {
        let sound = Sound::new(spec, poisoned);
        let currency = spec
            .currency
            .as_deref()
            .and_then(Currency::from_code)
            .filter(|_| sound.currency);
        let scale = if sound.scale {
            crate::rules::invalid_proficiency_scale::scale(spec.proficiency_scale.as_ref())
        } else {
            Err(Vec::new())
        };
        let grade_scale = spec.grades.as_deref().map(Scale::new);
        let levels: Vec<Vec<LevelFacts>> = spec
            .tracks
            .iter()
            .enumerate()
            .map(|(t, track)| {
                let track_at = Pointer::root().key("tracks").index(t);
                track
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(l, level)| {
                        let ok = sound.levels.get(t).and_then(|ls| ls.get(l)).copied();
                        let mut facts = LevelFacts::new(
                            level,
                            currency,
                            scale.as_ref().ok(),
                            grade_scale.as_ref(),
                            ok.unwrap_or(false),
                        );
                        let level_at = || track_at.clone().key("levels").index(l);
                        facts.variable = match (&level.variable, &track.variable) {
                            (Some(own), _) => Some((own, level_at())),
                            (None, Some(inherited)) => Some((inherited, track_at.clone())),
                            (None, None) => None,
                        }
                        .map(|(v, at)| Written {
                            value: read_variable(v, currency),
                            at: at.key("variable"),
                        });
                        facts.equity = match (&level.equity, &track.equity) {
                            (Some(own), _) => Some((own, level_at())),
                            (None, Some(inherited)) => Some((inherited, track_at.clone())),
                            (None, None) => None,
                        }
                        .map(|(e, at)| Written {
                            value: read_equity(e, currency),
                            at: at.key("equity"),
                        });
                        facts
                    })
                    .collect()
            })
            .collect();
        let mut levels = levels;
        resolve_relative(spec, &mut levels, currency);
        let all_graded = levels
            .iter()
            .flatten()
            .all(|level| !level.sound || level.grade.is_some());
        let mut competencies = HashMap::new();
        for (i, c) in spec.competencies.iter().enumerate() {
            if sound.competency(i) {
                competencies.entry(c.id.as_str()).or_insert(i);
            }
        }
        let mut track_ids = HashMap::new();
        for (t, track) in spec.tracks.iter().enumerate() {
            if sound.track(t) {
                track_ids.entry(track.id.as_str()).or_insert(t);
            }
        }
        let p = &spec.policy;
        let parity = p.parity.clone().unwrap_or_default();
        let spread = p.spread.clone().unwrap_or_default();
        let progression = p.progression.clone().unwrap_or_default();
        let overlap = p.overlap.clone().unwrap_or_default();
        let default = Policy::default();
        let from_grade = parity
            .from_grade
            .as_ref()
            .map(|g| resolve(grade_scale.as_ref(), g));
        // The default is read from the management levels' grades.
        let from_grade_known = match &from_grade {
            Some(grade) => grade.is_some(),
            None => all_graded,
        };
        let policy = Policy {
            parity_mode: parity.mode.unwrap_or(default.parity_mode),
            parity_from_grade: from_grade
                .flatten()
                .unwrap_or_else(|| default_from_grade(spec, &levels, grade_scale.as_ref())),
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
            grade_scale,
            all_graded,
            from_grade_known,
            levels,
            competencies,
            scale,
            track_ids,
            scopes: OnceCell::new(),
            policy,
            ids: Ids::new(spec),
            zones: spec
                .zones
                .iter()
                .zip(&sound.zones)
                .map(|(z, sound)| match sound {
                    true => conversion(z, currency),
                    false => Err(Vec::new()),
                })
                .collect(),
            sound,
            ic_by_grade: OnceCell::new(),
            management_levels: OnceCell::new(),
        }
    }

    /// The sound IC levels by grade (its rank), from the tracks whose grades
    /// strictly increase. A track that breaks `grade-order` is left out: its levels
    /// have no meaningful counterparts, and leaving it out keeps the pairs to
    /// one level per track and grade, so that their number stays bounded by
    /// the tracks. Built once, for every check that pairs tracks.
    ///
    /// Executive levels are left out: they are outside parity.
    pub(crate) fn ic_by_grade(&self) -> &HashMap<u32, Vec<LevelAt<'s>>> {
        self.ic_by_grade.get_or_init(|| {
            let mut map: HashMap<u32, Vec<LevelAt<'s>>> = HashMap::new();
            let levels = self.ordered_levels(TrackKind::IndividualContributor);
            for level in levels.into_iter().filter(|l| !l.2.executive) {
                if let Some(grade) = self.grade(level.0, level.1) {
                    map.entry(grade.rank()).or_default().push(level);
                }
            }
            map
        })
    }

    /// The sound management levels of the tracks whose grades strictly
    /// increase, in file order, executive levels left out (they are outside
    /// parity). Built once.
    pub(crate) fn management_levels(&self) -> &[LevelAt<'s>] {
        self.management_levels.get_or_init(|| {
            let mut levels = self.ordered_levels(TrackKind::Management);
            levels.retain(|l| !l.2.executive);
            levels
        })
    }

    /// The index of the shared trunk: the first sound track of kind `trunk`
    /// (`trunk-split` reports any other).
    pub(crate) fn trunk(&self) -> Option<usize> {
        self.tracks_of(TrackKind::Trunk).next()
    }

    /// Every step up a path, as the (track, level) below and above: each
    /// two consecutive levels of a track and, when the ladder has a trunk,
    /// the step from the trunk's top level to the entry level of each track
    /// it leads into (listed before that track's own steps). The band rules
    /// that compare a level with the one below walk these.
    pub(crate) fn steps(&self) -> Vec<[(usize, usize); 2]> {
        let spec = self.spec;
        let trunk_top = self
            .trunk()
            .and_then(|t| Some((t, spec.tracks[t].levels.len().checked_sub(1)?)));
        let mut steps = Vec::new();
        for (t, track) in spec.tracks.iter().enumerate() {
            let follows = matches!(
                track.kind,
                TrackKind::IndividualContributor | TrackKind::Management
            );
            if let (Some(top), true, false) = (trunk_top, follows, track.levels.is_empty()) {
                steps.push([top, (t, 0)]);
            }
            steps.extend((1..track.levels.len()).map(|l| [(t, l - 1), (t, l)]));
        }
        steps
    }

    /// How a message names the level below in a step: `below it`, or, from
    /// the trunk into a track, `below it at the top of the trunk`.
    pub(crate) fn below_it(&self, [below, above]: [(usize, usize); 2]) -> &'static str {
        if below.0 == above.0 {
            "below it"
        } else {
            "below it, at the top of the trunk"
        }
    }

    /// A level of the file by its track and level index.
    pub(crate) fn level_spec(&self, (t, l): (usize, usize)) -> &'s LevelSpec {
        &self.spec.tracks[t].levels[l]
    }

    /// The sound levels of the tracks of one kind whose grades strictly
    /// increase, in file order.
    fn ordered_levels(&self, kind: TrackKind) -> Vec<LevelAt<'s>> {
        let spec = self.spec;
        let mut out = Vec::new();
        for t in self.tracks_of(kind) {
            let levels: Vec<LevelAt<'s>> = spec.tracks[t]
                .levels
                .iter()
                .enumerate()
                .filter(|&(l, _)| self.is_sound(t, l) && self.grade(t, l).is_some())
                .map(|(l, level)| (t, l, level))
                .collect();
            let grade = |at: &LevelAt<'s>| self.grade(at.0, at.1);
            if levels.windows(2).all(|w| grade(&w[0]) < grade(&w[1])) {
                out.extend(levels);
            }
        }
        out
    }

    /// A level's grade, when it is one (a label the scale lacks is not).
    pub(crate) fn grade(&self, track: usize, level: usize) -> Option<&Grade> {
        self.level(track, level)?.grade.as_ref()
    }

    /// A level's band as far as it could be read.
    pub(crate) fn band_fact(&self, track: usize, level: usize) -> BandFact {
        self.level(track, level)
            .filter(|level| level.sound)
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

    /// A level's midpoint, when its band could be read and is in order: a
    /// band out of order is `band-order`'s alone, so no step or premium is
    /// computed from it.
    pub(crate) fn midpoint(&self, track: usize, level: usize) -> Option<Money> {
        self.band(track, level).map(|band| band.mid())
    }

    /// A level's total target cash band (base + variable at target), when
    /// its band and its variable pay could be read; its base band when it
    /// has no variable pay.
    pub(crate) fn target_cash(&self, track: usize, level: usize) -> Option<Band> {
        let band = self.band(track, level)?;
        match &self.level(track, level)?.variable {
            None => Some(band),
            Some(written) => written.value?.on_band(&band),
        }
    }

    /// A level's total compensation band (total target cash + equity), when
    /// it has an equity band and both could be read; its total target cash
    /// without one.
    pub(crate) fn total_compensation(&self, track: usize, level: usize) -> Option<Band> {
        let cash = self.target_cash(track, level)?;
        match &self.level(track, level)?.equity {
            None => Some(cash),
            Some(written) => crate::model::add_bands(&cash, &written.value?),
        }
    }

    /// Every amount of pay as written, with where it is and how it reads in
    /// the currency: each amount of each band (min, mid, max and steps, or its
    /// spot rate), then each `variable.amount` and each point of each
    /// `equity`, of sound levels and tracks, once each.
    pub(crate) fn pay_amounts(&self) -> Vec<(Pointer, crate::Decimal, Amount)> {
        let mut amounts = Vec::new();
        for (t, l, _) in self.levels() {
            let Some(typed) = self.level(t, l) else {
                continue;
            };
            for &(at, amount, read) in &typed.amounts {
                amounts.push((at.below(self.level_pointer(t, l)), amount, read));
            }
        }
        amounts.extend(self.beyond_base_amounts());
        amounts
    }

    /// The amounts of pay beyond the base bands: see [`Self::pay_amounts`].
    fn beyond_base_amounts(&self) -> Vec<(Pointer, crate::Decimal, Amount)> {
        let Some(currency) = self.currency else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut add =
            |at: Pointer, variable: Option<&VariableSpec>, equity: Option<&EquitySpec>| {
                if let Some(amount) = variable.and_then(|v| v.amount) {
                    let read = Amount::read(amount, currency);
                    out.push((at.clone().key("variable").key("amount"), amount, read));
                }
                if let Some(e) = equity {
                    for (name, amount) in BAND_POINTS.into_iter().zip([e.min, e.mid, e.max]) {
                        let read = Amount::read(amount, currency);
                        out.push((at.clone().key("equity").key(name), amount, read));
                    }
                }
            };
        for (t, track) in self.spec.tracks.iter().enumerate() {
            if self.sound.track(t) {
                add(
                    self.track_pointer(t),
                    track.variable.as_ref(),
                    track.equity.as_ref(),
                );
            }
        }
        for (t, l, level) in self.levels() {
            add(
                self.level_pointer(t, l),
                level.variable.as_ref(),
                level.equity.as_ref(),
            );
        }
        out
    }

    /// Every equity band written out of order, with where it is.
    pub(crate) fn equity_out_of_order(&self) -> Vec<(Pointer, [Money; 3])> {
        let Some(currency) = self.currency else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut add = |at: Pointer, equity: Option<&EquitySpec>| {
            let Some(e) = equity else { return };
            let read = [e.min, e.mid, e.max].map(|a| Amount::read(a, currency));
            if let BandFact::OutOfOrder { min, mid, max } = band_fact(read) {
                out.push((at.key("equity"), [min, mid, max]));
            }
        };
        for (t, track) in self.spec.tracks.iter().enumerate() {
            if self.sound.track(t) {
                add(self.track_pointer(t), track.equity.as_ref());
            }
        }
        for (t, l, level) in self.levels() {
            add(self.level_pointer(t, l), level.equity.as_ref());
        }
        out
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

    /// Where a point (`min`, `mid`, `max`) of a level's pay is written: below
    /// `band` for a range; `band` itself for a spot rate or a percentage of
    /// another level's pay, which write no points.
    pub(crate) fn band_point(&self, track: usize, level: usize, point: &str) -> Pointer {
        let band = self.level_pointer(track, level).key("band");
        let pay = (self.spec.tracks.get(track))
            .and_then(|t| t.levels.get(level))
            .and_then(|l| l.band.as_ref());
        match pay {
            Some(PaySpec::Spot(_) | PaySpec::Relative(_)) => band,
            _ => band.key(point),
        }
    }

    /// Every level with its track and level index.
    pub(crate) fn levels(&self) -> impl Iterator<Item = (usize, usize, &'s LevelSpec)> + '_ {
        let spec = self.spec;
        spec.tracks.iter().enumerate().flat_map(move |(t, track)| {
            track
                .levels
                .iter()
                .enumerate()
                .filter(move |&(l, _)| self.is_sound(t, l))
                .map(move |(l, level)| (t, l, level))
        })
    }

    /// Whether a level, and its track, decoded soundly.
    pub(crate) fn is_sound(&self, track: usize, level: usize) -> bool {
        self.level(track, level).is_some_and(|l| l.sound)
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
    pub(crate) fn ids(&self) -> impl Iterator<Item = (&'static str, IdAt, &'s str)> + '_ {
        let spec = self.spec;
        let sound = &self.sound;
        let competencies = spec.competencies.iter().enumerate();
        let tracks = spec.tracks.iter().enumerate();
        let levels = self
            .levels()
            .map(|(t, l, level)| ("level", IdAt::Level(t, l), level.id.as_str()));
        let zones = spec.zones.iter().enumerate();
        let ladder = sound
            .id
            .then_some(("ladder", IdAt::Ladder, spec.id.as_str()));
        ladder
            .into_iter()
            .chain(
                competencies
                    .filter(|(i, _)| sound.competency(*i))
                    .map(|(i, c)| ("competency", IdAt::Competency(i), c.id.as_str())),
            )
            .chain(
                tracks
                    .filter(|(t, _)| sound.track(*t))
                    .map(|(t, track)| ("track", IdAt::Track(t), track.id.as_str())),
            )
            .chain(levels)
            .chain(
                zones
                    .filter(|(z, _)| sound.zone(*z))
                    .map(|(z, zone)| ("zone", IdAt::Zone(z), zone.id.as_str())),
            )
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
    pub(crate) fn tracks_of(&self, kind: TrackKind) -> impl Iterator<Item = usize> + '_ {
        let spec = self.spec;
        spec.tracks
            .iter()
            .enumerate()
            .filter(move |(i, t)| t.kind == kind && self.sound.track(*i))
            .map(|(i, _)| i)
    }

    /// Every level of the tracks of one kind.
    pub(crate) fn levels_of(&self, kind: TrackKind) -> Vec<(usize, usize, &'s LevelSpec)> {
        self.levels()
            .filter(|(t, _, _)| self.spec.tracks[*t].kind == kind)
            .collect()
    }

    /// Whether competency `c` applies to track `t`: a track it is scoped to
    /// (by `tracks`), or by its kind (`people` to management tracks only,
    /// the others to every track). A `people` competency never applies to
    /// an individual-contributor track, whatever its scope says
    /// (`people-on-ic-track` reports such a scope).
    pub(crate) fn applies(&self, c: usize, t: usize) -> bool {
        let (Some(competency), Some(track)) =
            (self.spec.competencies.get(c), self.spec.tracks.get(t))
        else {
            return false;
        };
        let by_kind = competency.kind != crate::choice::CompetencyKind::People
            || track.kind == TrackKind::Management;
        by_kind && self.in_scope(c, t)
    }

    /// Whether track `t` is in competency `c`'s scope: named in its
    /// `tracks`, or any track when it has none.
    pub(crate) fn in_scope(&self, c: usize, t: usize) -> bool {
        let scopes = self.scopes.get_or_init(|| {
            let spec = self.spec;
            let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
            for (t, track) in spec.tracks.iter().enumerate() {
                by_id.entry(track.id.as_str()).or_default().push(t);
            }
            spec.competencies
                .iter()
                .map(|competency| {
                    let tracks = competency.tracks.as_ref()?;
                    let mut scope = vec![false; spec.tracks.len()];
                    for t in tracks
                        .iter()
                        .filter_map(|id| by_id.get(id.as_str()))
                        .flatten()
                    {
                        scope[*t] = true;
                    }
                    Some(scope)
                })
                .collect()
        });
        match scopes.get(c) {
            Some(Some(scope)) => scope.get(t).copied().unwrap_or(false),
            Some(None) => t < self.spec.tracks.len(),
            None => false,
        }
    }

    /// A base band converted into zone `z`, when the zone is valid: each
    /// amount rounded to the zone currency's minor unit.
    pub(crate) fn zone_band(&self, z: usize, band: &Band) -> Option<Band> {
        self.zones.get(z)?.as_ref().ok()?.band(band)
    }

    /// The band of level `l` of track `t` in zone `z`, when both are valid:
    /// the zone's rules applied, or only its rate when the level or its
    /// track is exempt there.
    pub(crate) fn level_zone_band(&self, z: usize, t: usize, l: usize) -> Option<Band> {
        let band = self.band(t, l)?;
        let rules = self.zones.get(z)?.as_ref().ok()?;
        match self.exempt(z, t, l) {
            true => crate::model::ZoneRules::national(rules.rate, rules.currency).band(&band),
            false => rules.band(&band),
        }
    }

    /// Whether zone `z` lists level `l` of track `t`, or the track, in `exempt`.
    pub(crate) fn exempt(&self, z: usize, t: usize, l: usize) -> bool {
        let (Some(zone), Some(track)) = (self.spec.zones.get(z), self.spec.tracks.get(t)) else {
            return false;
        };
        let level = track.levels.get(l).map(|level| level.id.as_str());
        zone.exempt
            .iter()
            .flatten()
            .any(|e| e == &track.id || Some(e.as_str()) == level)
    }

    /// Whether any zone exempts any level or track.
    pub(crate) fn any_exempt(&self) -> bool {
        self.spec
            .zones
            .iter()
            .any(|z| z.exempt.as_ref().is_some_and(|e| !e.is_empty()))
    }
}
