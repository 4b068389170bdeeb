use std::collections::{HashMap, HashSet};

use crate::Pointer;
use crate::choice::ParityMode;
use crate::finding::{Finding, Findings};
use crate::model::{Band, Grade};
use crate::money::Money;
use crate::rules::Facts;
use crate::spec::LevelSpec;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// At every grade at or above `policy.parity.from_grade`, compares the
    /// band of each IC level with the band of each management level of the
    /// same grade, under `policy.parity.mode`:
    ///
    /// - `equal` (default): min, mid and max match, within `tolerance`
    ///   (default 0%) of the management amount;
    /// - `at_least`: the IC min, mid and max are not below the management
    ///   ones, less the tolerance;
    /// - `overlap`: the two bands overlap.
    ///
    /// The default `from_grade` is the grade of the management track's
    /// third-highest level: parity covers its top three levels. The check is
    /// repeated in every zone, on the zone amounts as rounded (its uplift,
    /// bounds, cap and rounding unit applied; a level the zone exempts is
    /// paid its base band there), and each such finding names the zone.
    /// Executive levels (`executive: true`) are outside parity: they are not
    /// compared, and the default `from_grade` counts only the levels that are
    /// not executive.
    ///
    /// ### Why is this bad?
    /// When management pays more at the same grade, the ladder tells its best
    /// engineers that the way to be paid for their growth is to stop doing
    /// the work they grew in. A dual track is only real if the tracks pay the
    /// same.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic7, grade: 7, band: { min: 300000, mid: 355000, max: 390000 } }
    /// # management
    /// - { id: dir2, grade: 7, band: { min: 300000, mid: 355000, max: 410000 } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic7, grade: 7, band: { min: 300000, mid: 355000, max: 410000 } }
    /// # management
    /// - { id: dir2, grade: 7, band: { min: 300000, mid: 355000, max: 410000 } }
    /// ```
    PARITY_GAP, "parity-gap", Error, Policy, "an IC band falls short of the management band at the same grade"
}

/// One of a band's three amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Min,
    Mid,
    Max,
}

impl Point {
    /// The midpoint first: pay at target is told at the midpoint.
    pub(crate) const MID_FIRST: [Point; 3] = [Point::Mid, Point::Max, Point::Min];

    /// Compared in this order, so that a finding names the widest gap first.
    const TOP_DOWN: [Point; 3] = [Point::Max, Point::Mid, Point::Min];

    pub(crate) fn of(self, band: &Band) -> u64 {
        self.money(band).minor()
    }

    pub(crate) fn money(self, band: &Band) -> Money {
        match self {
            Point::Min => band.min(),
            Point::Mid => band.mid(),
            Point::Max => band.max(),
        }
    }

    /// The key of the band's mapping.
    fn key(self) -> &'static str {
        match self {
            Point::Min => "min",
            Point::Mid => "mid",
            Point::Max => "max",
        }
    }

    fn verb(self) -> &'static str {
        match self {
            Point::Min => "starts at",
            Point::Mid => "has its midpoint at",
            Point::Max => "pays up to",
        }
    }
}

/// How an IC band falls short of a management band.
pub(crate) enum Gap {
    /// One point is off.
    Point(Point),
    /// The bands do not overlap.
    Apart,
}

/// Compares an IC band with a management band under the policy.
pub(crate) fn gap(facts: &Facts<'_>, ic: &Band, m: &Band) -> Option<Gap> {
    gap_in(facts, ic, m, Point::TOP_DOWN)
}

/// Compares as [`gap`] does, naming the first point off in `order`.
pub(crate) fn gap_in(facts: &Facts<'_>, ic: &Band, m: &Band, order: [Point; 3]) -> Option<Gap> {
    let tolerance = facts.policy.parity_tolerance;
    let off_by = |gap: u64, of: u64| !tolerance.admits(u128::from(gap), u128::from(of));
    match facts.policy.parity_mode {
        ParityMode::Equal => order
            .into_iter()
            .find(|p| off_by(p.of(ic).abs_diff(p.of(m)), p.of(m)))
            .map(Gap::Point),
        ParityMode::AtLeast => order
            .into_iter()
            .find(|p| p.of(ic) < p.of(m) && off_by(p.of(m) - p.of(ic), p.of(m)))
            .map(Gap::Point),
        ParityMode::Overlap => {
            let (ic_min, ic_max) = (ic.min().minor(), ic.max().minor());
            let (m_min, m_max) = (m.min().minor(), m.max().minor());
            let apart = (ic_max < m_min && off_by(m_min - ic_max, m_min))
                || (m_max < ic_min && off_by(ic_min - m_max, ic_min));
            apart.then_some(Gap::Apart)
        }
    }
}

/// Whether comparing these two bands makes any finding, in the base
/// currency or in some zone.
fn falls_short(facts: &Facts<'_>, ic: &Band, m: &Band) -> bool {
    gap(facts, ic, m).is_some()
        // An exempt level is paid differently in a zone: equal bands may part.
        || facts.any_exempt()
        || ic != m
            && (0..facts.spec.zones.len()).any(|zone| {
                let (Some(zic), Some(zm)) = (facts.zone_band(zone, ic), facts.zone_band(zone, m))
                else {
                    return false;
                };
                gap(facts, &zic, &zm).is_some()
            })
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned policy is not judged by its defaults.
    if !(facts.sound.policy && facts.from_grade_known) {
        return;
    }
    let from = facts.policy.parity_from_grade.rank();
    let ics = facts.ic_by_grade();
    // Ladders share bands across tracks, so most comparisons of a management
    // level with the IC levels of its grade are the same comparison: each
    // distinct pair of bands is judged once (in the base currency and every
    // zone), and a management level whose band falls short of none of the
    // distinct IC bands of its grade is not walked at all. Levels that are
    // walked are walked as before, so findings come in the same order.
    let mut distinct: HashMap<u32, Vec<Band>> = HashMap::new();
    for (&grade, levels) in ics {
        let mut bands: Vec<Band> = Vec::new();
        let mut seen: HashSet<Band> = HashSet::new();
        for &(t, l, _) in levels {
            if let Some(band) = facts.band(t, l)
                && seen.insert(band)
            {
                bands.push(band);
            }
        }
        distinct.insert(grade, bands);
    }
    let mut pair_short: HashMap<(Band, Band), bool> = HashMap::new();
    let mut level_short: HashMap<(u32, Band), bool> = HashMap::new();
    // Pairs that pass on the base bands without being equal, and fall short
    // in some zone: rounding there opens a gap. Bands that are equal stay equal.
    let mut passed: Vec<[usize; 4]> = Vec::new();
    for &(mt, ml, m) in facts.management_levels() {
        let Some(m_grade) = facts.grade(mt, ml).map(Grade::rank) else {
            continue;
        };
        if m_grade < from {
            continue;
        }
        let Some(m_band) = facts.band(mt, ml) else {
            continue;
        };
        let walk = *level_short.entry((m_grade, m_band)).or_insert_with(|| {
            distinct.get(&m_grade).into_iter().flatten().any(|ic_band| {
                *pair_short
                    .entry((*ic_band, m_band))
                    .or_insert_with(|| falls_short(facts, ic_band, &m_band))
            })
        });
        if !walk {
            continue;
        }
        for &(it, il, ic) in ics.get(&m_grade).into_iter().flatten() {
            let Some(ic_band) = facts.band(it, il) else {
                continue;
            };
            match gap(facts, &ic_band, &m_band) {
                Some(gap) => {
                    if sink.is_full() {
                        return;
                    }
                    let f = finding(
                        facts,
                        None,
                        (it, il, ic, &ic_band),
                        (mt, ml, m, &m_band),
                        &gap,
                    );
                    sink.push(f);
                }
                None if *pair_short
                    .entry((ic_band, m_band))
                    .or_insert_with(|| falls_short(facts, &ic_band, &m_band)) =>
                {
                    passed.push([it, il, mt, ml]);
                }
                None => {}
            }
        }
    }
    if passed.is_empty() {
        return;
    }
    let spec = facts.spec;
    // Zone by zone, each band is converted once, however many pairs it is in.
    let mut converted: Vec<Vec<Option<Option<Band>>>> = spec
        .tracks
        .iter()
        .map(|track| vec![None; track.levels.len()])
        .collect();
    for z in 0..spec.zones.len() {
        for track in &mut converted {
            track.fill(None);
        }
        let mut band_in_zone = |t: usize, l: usize| -> Option<Band> {
            *converted[t][l].get_or_insert_with(|| facts.level_zone_band(z, t, l))
        };
        for &[it, il, mt, ml] in &passed {
            let (Some(zic), Some(zm)) = (band_in_zone(it, il), band_in_zone(mt, ml)) else {
                continue;
            };
            if let Some(gap) = gap(facts, &zic, &zm) {
                if sink.is_full() {
                    return;
                }
                let (ic, m) = (&spec.tracks[it].levels[il], &spec.tracks[mt].levels[ml]);
                let f = finding(facts, Some(z), (it, il, ic, &zic), (mt, ml, m, &zm), &gap);
                sink.push(f);
            }
        }
    }
}

fn finding(
    facts: &Facts<'_>,
    zone: Option<usize>,
    (it, il, ic, ic_band): (usize, usize, &LevelSpec, &Band),
    (mt, ml, m, m_band): (usize, usize, &LevelSpec, &Band),
    gap: &Gap,
) -> Finding {
    let ic_grade = facts
        .grade(it, il)
        .map(Grade::to_string)
        .unwrap_or_default();
    let (point, message) = match *gap {
        Gap::Point(point) => {
            let side = if point.of(ic_band) < point.of(m_band) {
                "below"
            } else {
                "above"
            };
            (
                Some(point.key()),
                format!(
                    "IC level `{}` (grade {}) {} {}, {side} management level `{}` ({})",
                    escape(&ic.id),
                    ic_grade,
                    point.verb(),
                    point.money(ic_band),
                    escape(&m.id),
                    point.money(m_band)
                ),
            )
        }
        Gap::Apart => (
            None,
            format!(
                "IC level `{}` (grade {}) band {} to {} does not overlap management level `{}` ({} to {})",
                escape(&ic.id),
                ic_grade,
                ic_band.min(),
                ic_band.max(),
                escape(&m.id),
                m_band.min(),
                m_band.max()
            ),
        ),
    };
    let help = match facts.policy.parity_mode {
        ParityMode::Equal => format!(
            "from grade {} the policy is `equal`: give both levels the same band (management: {m_band})",
            facts.policy.parity_from_grade,
        ),
        ParityMode::AtLeast => format!(
            "from grade {} the policy is `at_least`: the IC band is at least the management band",
            facts.policy.parity_from_grade
        ),
        ParityMode::Overlap => format!(
            "from grade {} the policy is `overlap`: the IC band overlaps the management band",
            facts.policy.parity_from_grade
        ),
    };
    let band_pointer = |t, l| -> Pointer {
        match point {
            Some(p) => facts.band_point(t, l, p),
            None => facts.level_pointer(t, l).key("band"),
        }
    };
    match zone {
        Some(z) => {
            let zone_spec = &facts.spec.zones[z];
            let zone_id = escape(&zone_spec.id);
            let zone_help = match (facts.exempt(z, it, il), facts.exempt(z, mt, ml)) {
                (true, false) | (false, true) => {
                    let (exempt, paid) = match facts.exempt(z, it, il) {
                        true => (&ic.id, &m.id),
                        false => (&m.id, &ic.id),
                    };
                    format!(
                        "`{}` is exempt from zone `{zone_id}` (paid nationally) and `{}` is not: exempt both or neither",
                        escape(exempt),
                        escape(paid)
                    )
                }
                _ if zone_spec.uplift.is_some()
                    || zone_spec.cap.is_some()
                    || zone_spec.rounding.is_some() =>
                {
                    "the zone's uplift bounds, cap and rounding apply to each band separately, so check them".to_owned()
                }
                _ => "the zone bands are rounded separately, so check the zone's factor and rate"
                    .to_owned(),
            };
            Finding::new(
                &PARITY_GAP,
                Pointer::root().key("zones").index(z),
                format!("in zone `{zone_id}`, {message}"),
            )
            .with_help(format!("{help}; {zone_help}"))
            .with_related(band_pointer(it, il), "the IC band")
            .with_related(band_pointer(mt, ml), "the management band")
        }
        None => Finding::new(&PARITY_GAP, band_pointer(it, il), message)
            .with_help(help)
            .with_related(band_pointer(mt, ml), "the management band compared with"),
    }
}
