//! The validation pass: runs every rule over the wire types, then builds the
//! checked [`Ladder`] when no error was found.

use std::collections::HashMap;
use std::sync::Arc;

use crate::finding::{Finding, Findings};
use crate::model::{Competency, Expectation, Level, PayBasis, Track, Zone};
use crate::rules::Facts;
use crate::spec::{LadderSpec, PaySpec};
use crate::{Grade, Ladder, LevelId, Pointer, Severity, rules};

/// Runs every check over the facts of `spec`, then builds the ladder from
/// them when no invariant was broken.
///
/// The checks skip the `poisoned` parts (those with a structural finding);
/// the sink holds `room` findings, what the limit leaves after decoding.
pub(crate) fn validate(
    spec: LadderSpec,
    poisoned: &[Pointer],
    room: usize,
) -> (Vec<Finding>, Option<Ladder>) {
    let file = Arc::new(spec);
    let facts = Facts::new(&file, poisoned);
    let mut sink = Findings::new(room);
    for check in rules::checks() {
        if sink.is_full() {
            break;
        }
        check(&facts, &mut sink);
    }
    let full = sink.is_full();
    let findings = sink.into_vec();
    let broken = full
        || !poisoned.is_empty()
        || findings.iter().any(|f| {
            f.severity() == Severity::Error
                && rules::rule(f.code()).is_some_and(|r| r.is_invariant())
        });
    let ladder = if broken { None } else { build(&facts, &file) };
    (findings, ladder)
}

/// Assembles the ladder from the typed values the facts of `file` hold.
/// Each `?` is a value that failed to build, which an invariant rule has
/// reported; the caller builds only when none was.
fn build(facts: &Facts<'_>, file: &Arc<LadderSpec>) -> Option<Ladder> {
    let spec = facts.spec;
    let ids = &facts.ids;
    // A ladder that publishes no pay may have no currency; one that has a
    // currency has a valid one (`invalid-currency` is an invariant).
    let currency = match spec.currency {
        Some(_) => Some(facts.currency?),
        None => None,
    };
    let competencies = spec
        .competencies
        .iter()
        .zip(&ids.competencies)
        .map(|(c, id)| {
            let tracks = match &c.tracks {
                Some(tracks) => Some(
                    tracks
                        .iter()
                        .map(|t| crate::TrackId::new(t).ok())
                        .collect::<Option<Vec<_>>>()?,
                ),
                None => None,
            };
            Some(Competency {
                id: id.clone().ok()?,
                name: c.name.clone(),
                kind: c.kind,
                group: c.group.clone(),
                tracks,
                description: c.description.clone(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let mut level_index = HashMap::new();
    let mut tracks = Vec::with_capacity(spec.tracks.len());
    for ((t, track), track_id) in spec.tracks.iter().enumerate().zip(&ids.tracks) {
        let mut levels = Vec::with_capacity(track.levels.len());
        for (l, level) in track.levels.iter().enumerate() {
            let typed = facts.level(t, l)?;
            let expectations = level
                .expectations
                .iter()
                .zip(&typed.proficiencies)
                .map(|((id, e), proficiency)| {
                    let competency = competencies.get(*facts.competencies.get(id.as_str())?)?;
                    Some(Expectation {
                        competency: competency.id.clone(),
                        proficiency: (*proficiency)?,
                        description: e.description.clone(),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            level_index.insert(Box::from(level.id.as_str()), (t, l));
            // Unreadable pay beyond the band is an invariant rule's finding.
            let variable = match &typed.variable {
                Some(written) => Some(written.value?),
                None => None,
            };
            let equity = match &typed.equity {
                Some(written) => Some(written.value?),
                None => None,
            };
            let band = match level.band {
                Some(_) => Some(facts.band(t, l)?),
                None => None,
            };
            levels.push(Level {
                id: typed.id.clone().ok()?,
                title: level.title.clone(),
                grade: typed.grade.clone()?,
                summary: level.summary.clone(),
                executive: level.executive,
                band,
                expectations,
                entry_criteria: level.entry_criteria.clone(),
                variable,
                target_cash: band.zip(variable).and_then(|(b, v)| v.on_band(&b)),
                equity,
                steps: match level.band.as_ref().and_then(PaySpec::range) {
                    Some(band) if !band.steps.is_empty() => typed.steps.clone()?,
                    // Relative pay takes the reference's steps.
                    _ => typed.steps.clone().unwrap_or_default(),
                },
                pay_basis: match &level.band {
                    Some(PaySpec::Relative(relative)) => Some(PayBasis {
                        percent: relative.percent,
                        of: LevelId::new(&relative.of).ok()?,
                    }),
                    _ => None,
                },
            });
        }
        tracks.push(Track {
            id: track_id.clone().ok()?,
            name: track.name.clone(),
            kind: track.kind,
            description: track.description.clone(),
            levels,
        });
    }
    let zones = spec
        .zones
        .iter()
        .zip(ids.zones.iter().zip(&facts.zones))
        .map(|(z, (id, conversion))| {
            let conversion = conversion.as_ref().ok()?;
            let exempt = z.exempt.clone().unwrap_or_default();
            let listed = &exempt;
            let exempt_levels = tracks
                .iter()
                .flat_map(|t| {
                    let whole = listed.iter().any(|e| e == t.id.as_str());
                    t.levels
                        .iter()
                        .filter(move |l| whole || listed.iter().any(|e| e == l.id.as_str()))
                        .map(|l| l.id.clone())
                })
                .collect();
            Some(Zone {
                id: id.clone().ok()?,
                name: z.name.clone(),
                factor: conversion.factor,
                currency: conversion.currency,
                rate: conversion.rate,
                uplift: conversion.uplift,
                min_uplift: conversion.min_uplift,
                max_uplift: conversion.max_uplift,
                cap: conversion.cap,
                rounding: conversion.rounding,
                exempt_levels,
                exempt,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Ladder {
        id: ids.ladder.clone().ok()?,
        name: spec.name.clone(),
        description: spec.description.clone(),
        currency,
        pay_period: spec.pay_period,
        grades: facts.grade_scale.as_ref().map(|s| s.grades.clone()),
        policy: facts.policy.clone(),
        level_index,
        track_index: index(tracks.iter().map(|t| t.id.as_str())),
        competency_index: index(competencies.iter().map(|c| c.id.as_str())),
        zone_index: index(zones.iter().map(|z| z.id.as_str())),
        grade_index: grade_index(&tracks),
        competencies,
        proficiency_scale: facts.scale.clone().ok()?,
        tracks,
        zones,
        effective_date: spec.effective_date,
        file: Arc::clone(file),
    })
}

/// Each grade with its levels, lowest grade first, levels in track order.
fn grade_index(tracks: &[Track]) -> Vec<(Grade, Vec<(usize, usize)>)> {
    let mut at: Vec<(&Grade, usize, usize)> = tracks
        .iter()
        .enumerate()
        .flat_map(|(t, track)| {
            track
                .levels
                .iter()
                .enumerate()
                .map(move |(l, level)| (&level.grade, t, l))
        })
        .collect();
    // Stable: levels of one grade stay in track order.
    at.sort_by(|a, b| a.0.cmp(b.0));
    let mut index: Vec<(Grade, Vec<(usize, usize)>)> = Vec::new();
    for (grade, t, l) in at {
        match index.last_mut() {
            Some((last, levels)) if last == grade => levels.push((t, l)),
            _ => index.push((grade.clone(), vec![(t, l)])),
        }
    }
    index
}

/// Id -> index in the list, the first of each id as a search would find it.
fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<Box<str>, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(Box::from(id)).or_insert(i);
    }
    map
}
