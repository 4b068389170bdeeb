//! Every borrowing answer and its owned form (`into_owned`) serialize to the
//! very same JSON, on every reference and example ladder (trunks, named
//! proficiency steps, variable pay): in base bands and in each zone, with a
//! salary at the level's midpoint and without.

use dualtrack::{Ladder, Proficiency, Ratings};
use serde::Serialize;

fn ladders() -> Vec<(std::path::PathBuf, Ladder)> {
    let mut paths: Vec<_> = ["ladders", "ladders/examples"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("dir"))
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let ladder = dualtrack::Loader::new()
                .inspect_path(&path)
                .unwrap_or_else(|e| panic!("{path:?}: {e}"))
                .into_parts()
                .0;
            (path, ladder)
        })
        .collect()
}

/// The borrowing answer's JSON, then the owned answer's, as text: equal
/// text is equal keys in equal order.
fn same<B: Serialize, O: Serialize>(borrowing: B, into_owned: impl FnOnce(B) -> O) {
    let json = serde_json::to_string(&borrowing).expect("serializes");
    let owned = serde_json::to_string(&into_owned(borrowing)).expect("serializes");
    assert_eq!(owned, json);
}

/// Every competency of the ladder rated at `step` of its scale.
fn rated(ladder: &Ladder, step: u8) -> Ratings {
    let scale = ladder.proficiency_scale();
    let proficiency = Proficiency::new(i64::from(scale.start().get() + step))
        .filter(|p| scale.contains(*p))
        .unwrap_or(scale.start());
    ladder
        .competencies()
        .iter()
        .map(|c| (c.id().clone(), proficiency))
        .collect()
}

#[test]
fn profiles_and_overviews_serialize_as_their_owned_answers() {
    for (_, ladder) in ladders() {
        let zones = std::iter::once(None).chain(ladder.zones().iter().map(Some));
        for zone in zones {
            same(ladder.overview(zone, None), |o| o.into_owned());
            for track in ladder.tracks() {
                for level in track.levels() {
                    let id = level.id().as_str();
                    let profile = ladder.profile(id, zone, None).expect("a level");
                    same(profile, |p| p.into_owned());
                    let Some(band) = level.band_in(zone) else {
                        continue;
                    };
                    let salary = Some(band.mid());
                    same(ladder.profile(id, zone, salary).expect("level"), |p| {
                        p.into_owned()
                    });
                }
                // The salary of the track's entry, matched across the ladder.
                let entry = track.levels().first().and_then(|l| l.band_in(zone));
                same(ladder.overview(zone, entry.map(|b| b.mid())), |o| {
                    o.into_owned()
                });
            }
        }
    }
}

#[test]
fn readiness_and_assessments_serialize_as_their_owned_answers() {
    for (_, ladder) in ladders() {
        for step in [0, 2] {
            let ratings = rated(&ladder, step);
            let readiness = ladder.readiness(&ratings).expect("ratings of this ladder");
            for track in readiness.tracks() {
                same(track.clone(), |t| t.into_owned());
            }
            same(readiness, |r| r.into_owned());
            same(ladder.assess(&ratings, None).expect("assessed"), |a| {
                a.into_owned()
            });
            for level in ladder.tracks().iter().flat_map(|t| t.levels()) {
                let target = ladder.readiness_for(level.id().as_str(), &ratings);
                same(target.expect("a level"), |t| t.into_owned());
            }
            let top = ladder.tracks().last().and_then(|t| t.levels().last());
            let top = top.map(|l| l.id().as_str());
            same(ladder.assess(&ratings, top).expect("assessed"), |a| {
                a.into_owned()
            });
        }
    }
}

#[test]
fn transitions_serialize_as_their_owned_answers() {
    let mut compared = 0;
    for (_, ladder) in ladders() {
        let mut same = |t| {
            same(t, |t: dualtrack::Transition<'_>| t.into_owned());
            compared += 1;
        };
        for track in ladder.tracks() {
            for level in track.levels() {
                for to in ladder.tracks().iter().filter(|t| t.id() != track.id()) {
                    let Ok(t) = ladder.transition(level.id().as_str(), to.id().as_str()) else {
                        continue;
                    };
                    same(t.clone());
                    let zoned = ladder.zones().iter().map(|zone| t.clone().in_zone(zone));
                    let salaried = level.band().map(|band| t.clone().with_salary(band.mid()));
                    zoned.chain(salaried).flatten().for_each(&mut same);
                }
            }
        }
    }
    assert!(compared > 300, "{compared} transitions compared");
}
