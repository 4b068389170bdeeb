use std::collections::{HashMap, HashSet};

use crate::Pointer;
use crate::finding::{Finding, Findings};
use crate::model::{Band, ParityMode, TrackKind};
use crate::rules::{BAND_POINTS, Facts};
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
    /// repeated in every zone, on the zone bands as rounded.
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

/// How an IC band falls short of a management band.
pub(crate) enum Gap {
    /// One point (0 min, 1 mid, 2 max) is off.
    Point(usize),
    /// The bands do not overlap.
    Apart,
}

/// Compares an IC band with a management band under the policy.
pub(crate) fn gap(facts: &Facts<'_>, ic: [u64; 3], m: [u64; 3]) -> Option<Gap> {
    let tolerance = facts.policy.parity_tolerance;
    match facts.policy.parity_mode {
        ParityMode::Equal => [2, 1, 0]
            .into_iter()
            .find(|&i| !tolerance.admits(u128::from(ic[i].abs_diff(m[i])), u128::from(m[i])))
            .map(Gap::Point),
        ParityMode::AtLeast => [2, 1, 0]
            .into_iter()
            .find(|&i| {
                ic[i] < m[i] && !tolerance.admits(u128::from(m[i] - ic[i]), u128::from(m[i]))
            })
            .map(Gap::Point),
        ParityMode::Overlap => {
            let apart = (ic[2] < m[0]
                && !tolerance.admits(u128::from(m[0] - ic[2]), u128::from(m[0])))
                || (m[2] < ic[0] && !tolerance.admits(u128::from(ic[0] - m[2]), u128::from(ic[0])));
            apart.then_some(Gap::Apart)
        }
    }
}

/// A band's min, mid and max in minor units: the key under which parity
/// judges each distinct pair of bands once.
fn points(band: Band) -> [u64; 3] {
    [band.min().minor(), band.mid().minor(), band.max().minor()]
}

/// A level with its track and level index.
pub(crate) type LevelAt<'s> = (usize, usize, &'s LevelSpec);

/// The levels of one kind by grade, from the tracks whose grades strictly
/// increase. A track that breaks `grade-order` is left out: its levels have no
/// meaningful counterparts, and leaving it out keeps the pairs to one level
/// per track and grade, so that their number stays bounded by the tracks.
pub(crate) fn by_grade<'s>(facts: &Facts<'s>, kind: TrackKind) -> HashMap<u32, Vec<LevelAt<'s>>> {
    let spec = facts.spec;
    let mut map: HashMap<u32, Vec<LevelAt<'s>>> = HashMap::new();
    for t in facts.tracks_of(kind) {
        let levels = &spec.tracks[t].levels;
        if levels.windows(2).any(|w| w[1].grade <= w[0].grade) {
            continue;
        }
        for (l, level) in levels.iter().enumerate() {
            map.entry(level.grade).or_default().push((t, l, level));
        }
    }
    map
}

/// The management levels of ordered tracks, in file order.
pub(crate) fn management_levels<'s>(facts: &Facts<'s>) -> Vec<LevelAt<'s>> {
    let mut out = Vec::new();
    for levels in by_grade(facts, TrackKind::Management).into_values() {
        out.extend(levels);
    }
    out.sort_unstable_by_key(|&(t, l, _)| (t, l));
    out
}

/// A band in minor units converted into a zone, when the zone is valid.
fn zone_band(facts: &Facts<'_>, zone: usize, band: [u64; 3]) -> Option<[u64; 3]> {
    let mut out = [0; 3];
    for (slot, minor) in out.iter_mut().zip(band) {
        *slot = facts.zone_minor(zone, minor)?;
    }
    Some(out)
}

/// Whether comparing these two bands makes any finding, in the base
/// currency or in some zone.
fn falls_short(facts: &Facts<'_>, ic: [u64; 3], m: [u64; 3]) -> bool {
    gap(facts, ic, m).is_some()
        || ic != m
            && (0..facts.spec.zones.len()).any(|zone| {
                let (Some(zic), Some(zm)) = (zone_band(facts, zone, ic), zone_band(facts, zone, m))
                else {
                    return false;
                };
                gap(facts, zic, zm).is_some()
            })
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let from = facts.policy.parity_from_grade.0;
    let ics = by_grade(facts, TrackKind::IndividualContributor);
    // Ladders share bands across tracks, so most comparisons of a management
    // level with the IC levels of its grade are the same comparison: each
    // distinct pair of bands is judged once (in the base currency and every
    // zone), and a management level whose band falls short of none of the
    // distinct IC bands of its grade is not walked at all. Levels that are
    // walked are walked as before, so findings come in the same order.
    let mut distinct: HashMap<u32, Vec<[u64; 3]>> = HashMap::new();
    for (&grade, levels) in &ics {
        let mut bands: Vec<[u64; 3]> = Vec::new();
        let mut seen: HashSet<[u64; 3]> = HashSet::new();
        for &(t, l, _) in levels {
            if let Some(band) = facts.band(t, l).map(points)
                && seen.insert(band)
            {
                bands.push(band);
            }
        }
        distinct.insert(grade, bands);
    }
    let mut pair_short: HashMap<([u64; 3], [u64; 3]), bool> = HashMap::new();
    let mut level_short: HashMap<(u32, [u64; 3]), bool> = HashMap::new();
    // Pairs that pass on the base bands without being equal, and fall short
    // in some zone: rounding there opens a gap. Bands that are equal stay equal.
    let mut passed: Vec<[usize; 4]> = Vec::new();
    for (mt, ml, m) in management_levels(facts) {
        if m.grade < from {
            continue;
        }
        let Some(m_band) = facts.band(mt, ml).map(points) else {
            continue;
        };
        let walk = *level_short.entry((m.grade, m_band)).or_insert_with(|| {
            distinct
                .get(&m.grade)
                .into_iter()
                .flatten()
                .any(|&ic_band| {
                    *pair_short
                        .entry((ic_band, m_band))
                        .or_insert_with(|| falls_short(facts, ic_band, m_band))
                })
        });
        if !walk {
            continue;
        }
        for &(it, il, ic) in ics.get(&m.grade).into_iter().flatten() {
            let Some(ic_band) = facts.band(it, il).map(points) else {
                continue;
            };
            match gap(facts, ic_band, m_band) {
                Some(gap) => {
                    if sink.is_full() {
                        return;
                    }
                    let f = finding(
                        facts,
                        None,
                        (it, il, ic, ic_band),
                        (mt, ml, m, m_band),
                        &gap,
                    );
                    sink.push(f);
                }
                None if *pair_short
                    .entry((ic_band, m_band))
                    .or_insert_with(|| falls_short(facts, ic_band, m_band)) =>
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
    let mut converted: Vec<Vec<Option<Option<[u64; 3]>>>> = spec
        .tracks
        .iter()
        .map(|track| vec![None; track.levels.len()])
        .collect();
    for z in 0..spec.zones.len() {
        for track in &mut converted {
            track.fill(None);
        }
        let mut band_in_zone = |facts: &Facts<'_>, t: usize, l: usize| -> Option<[u64; 3]> {
            *converted[t][l]
                .get_or_insert_with(|| zone_band(facts, z, facts.band(t, l).map(points)?))
        };
        for &[it, il, mt, ml] in &passed {
            let (Some(zic), Some(zm)) = (band_in_zone(facts, it, il), band_in_zone(facts, mt, ml))
            else {
                continue;
            };
            if let Some(gap) = gap(facts, zic, zm) {
                if sink.is_full() {
                    return;
                }
                let (ic, m) = (&spec.tracks[it].levels[il], &spec.tracks[mt].levels[ml]);
                let f = finding(facts, Some(z), (it, il, ic, zic), (mt, ml, m, zm), &gap);
                sink.push(f);
            }
        }
    }
}

fn finding(
    facts: &Facts<'_>,
    zone: Option<usize>,
    (it, il, ic, ic_band): (usize, usize, &LevelSpec, [u64; 3]),
    (mt, ml, m, m_band): (usize, usize, &LevelSpec, [u64; 3]),
    gap: &Gap,
) -> Finding {
    let money = |minor| match zone {
        Some(z) => facts.zone_money(z, minor),
        None => facts.money(minor),
    };
    let (point, message) = match *gap {
        Gap::Point(i) => {
            let verb = ["starts at", "has its midpoint at", "pays up to"][i];
            let side = if ic_band[i] < m_band[i] {
                "below"
            } else {
                "above"
            };
            (
                Some(BAND_POINTS[i]),
                format!(
                    "IC level `{}` (grade {}) {verb} {}, {side} management level `{}` ({})",
                    escape(&ic.id),
                    ic.grade,
                    money(ic_band[i]),
                    escape(&m.id),
                    money(m_band[i])
                ),
            )
        }
        Gap::Apart => (
            None,
            format!(
                "IC level `{}` (grade {}) band {} to {} does not overlap management level `{}` ({} to {})",
                escape(&ic.id),
                ic.grade,
                money(ic_band[0]),
                money(ic_band[2]),
                escape(&m.id),
                money(m_band[0]),
                money(m_band[2])
            ),
        ),
    };
    let help = match facts.policy.parity_mode {
        ParityMode::Equal => format!(
            "from grade {} the policy is `equal`: give both levels the same band (management: min {}, mid {}, max {})",
            facts.policy.parity_from_grade,
            money(m_band[0]),
            money(m_band[1]),
            money(m_band[2])
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
        let band = facts.level_pointer(t, l).key("band");
        match point {
            Some(p) => band.key(p),
            None => band,
        }
    };
    match zone {
        Some(z) => {
            let zone_spec = &facts.spec.zones[z];
            Finding::new(
                &PARITY_GAP,
                Pointer::root().key("zones").index(z),
                format!("in zone `{}`, {message}", escape(&zone_spec.id)),
            )
            .with_help(format!(
                "{help}; the zone bands are rounded separately, so check the zone's factor and rate"
            ))
            .with_related(band_pointer(it, il), "the IC band")
            .with_related(band_pointer(mt, ml), "the management band")
        }
        None => Finding::new(&PARITY_GAP, band_pointer(it, il), message)
            .with_help(help)
            .with_related(band_pointer(mt, ml), "the management band compared with"),
    }
}
