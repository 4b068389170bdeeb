//! A ladder with policy errors can still be asked every question: when its
//! invariants hold, `Loader::inspect` hands it out with its report, and no
//! question panics on it, whatever the policy rules found (a parity gap, a
//! regression, a level without a band).

use dualtrack::{Ladder, Loader, Money, Proficiency, Ratings};
use proptest::prelude::*;

/// Asks the ladder every question a service or the CLI asks, in every zone,
/// with a salary at each band's midpoint; each answer must serialize.
fn ask_everything(ladder: &Ladder) {
    ask(ladder, true);
}

/// As [`ask_everything`]; unless `thorough`, in the base bands only, with
/// one salary, and readiness for the whole ladder rather than per level.
fn ask(ladder: &Ladder, thorough: bool) {
    let zones: Vec<_> = std::iter::once(None)
        .chain(ladder.zones().iter().filter(|_| thorough).map(Some))
        .collect();
    let salaries_asked = if thorough { 4 } else { 2 };
    let mut ratings = Ratings::new();
    for competency in ladder.competencies() {
        ratings.insert(competency.id().clone(), Proficiency::new(3).expect("3"));
    }
    let json = |value: &dyn erased::Serialize| value.to_json();
    json(&ladder);
    for &zone in &zones {
        let salaries: Vec<Option<Money>> = std::iter::once(None)
            .chain(
                ladder
                    .tracks()
                    .iter()
                    .flat_map(|t| t.levels())
                    .filter_map(|l| l.band_in(zone))
                    .map(|b| Some(b.mid())),
            )
            .collect();
        for &salary in salaries.iter().take(salaries_asked) {
            json(&ladder.overview(zone, salary));
        }
        for track in ladder.tracks() {
            for level in track.levels() {
                let id = level.id().as_str();
                for &salary in salaries.iter().take(salaries_asked) {
                    json(
                        &ladder
                            .profile(id, zone, salary)
                            .expect("a level of the ladder"),
                    );
                }
                for other in ladder.tracks() {
                    let Ok(moved) = ladder.transition(id, other.id().as_str()) else {
                        continue;
                    };
                    let moved = match zone {
                        Some(zone) => moved.in_zone(zone),
                        None => Some(moved),
                    };
                    if let Some(moved) = moved {
                        json(&moved);
                        for &salary in salaries.iter().flatten().take(salaries_asked / 2) {
                            if let Some(with) = moved.clone().with_salary(salary) {
                                json(&with);
                            }
                        }
                    }
                }
                json(
                    &ladder
                        .assess(&ratings, Some(id))
                        .expect("ratings of the ladder"),
                );
            }
        }
    }
    json(&ladder.readiness(&ratings).expect("ratings of the ladder"));
}

/// Serializing through a trait object, so that one closure takes any answer
/// (without the `serde` feature, the answers are only computed).
mod erased {
    pub trait Serialize {
        fn to_json(&self) -> serde_json::Value;
    }
    #[cfg(feature = "serde")]
    impl<T: serde::Serialize> Serialize for T {
        fn to_json(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("every answer serializes")
        }
    }
    #[cfg(not(feature = "serde"))]
    impl<T> Serialize for T {
        fn to_json(&self) -> serde_json::Value {
            serde_json::Value::Null
        }
    }
}

fn yaml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_fixture_whose_invariants_hold_answers_every_question() {
    let mut inspected = 0;
    let mut with_errors = Vec::new();
    for dir in [
        "ladders",
        "ladders/examples",
        "tests/fixtures/valid",
        "tests/fixtures/rules",
        "tests/fixtures/multi",
        "tests/fixtures/messages",
        "tests/fixtures/cli",
    ] {
        for path in yaml_files(dir) {
            let strict = Loader::new().load_path(&path);
            let Ok(loaded) = Loader::new().inspect_path(&path) else {
                assert!(strict.is_err(), "{}", path.display());
                continue;
            };
            // `load` hands out exactly the inspected ladders without errors.
            assert_eq!(strict.is_ok(), loaded.is_valid(), "{}", path.display());
            if !loaded.is_valid() {
                with_errors.push(path.display().to_string());
            }
            ask_everything(loaded.ladder());
            inspected += 1;
        }
    }
    assert!(inspected > 20, "{inspected}");
    // The policy rules that are errors by default each give one such fixture.
    for code in [
        "parity-gap",
        "ic-ceiling",
        "band-regression",
        "people-on-ic-track",
        "unassessed-management",
        "expectation-regression",
    ] {
        let path = format!("tests/fixtures/rules/{code}.yaml");
        assert!(with_errors.contains(&path), "{path}: {with_errors:?}");
    }
}

#[test]
fn inspect_hands_out_a_ladder_with_policy_errors_and_load_does_not() {
    let source = std::fs::read_to_string("tests/fixtures/rules/parity-gap.yaml").expect("fixture");
    let report = dualtrack::load(&source).expect_err("a parity gap is an error");
    let loaded = Loader::new().inspect(&source).expect("its invariants hold");
    assert!(!loaded.is_valid());
    assert_eq!(loaded.report(), &report, "the same findings");
    let ic3 = loaded.ladder().level("ic3").expect("ic3");
    assert_eq!(
        ic3.band().expect("published").max().to_string(),
        "185000 USD"
    );
    // A broken invariant is refused by both.
    let bytes = std::fs::read("tests/fixtures/rules/band-order.yaml").expect("fixture");
    let refused = Loader::new()
        .inspect_bytes(&bytes)
        .expect_err("band out of order");
    assert_eq!(refused.findings()[0].code(), "band-order");
    assert!(matches!(
        Loader::new().inspect_path("tests/fixtures/rules/duplicate-id.yaml"),
        Err(dualtrack::LoadError::Invalid(_))
    ));
    // A valid ladder inspects as it loads.
    let loaded = Loader::new()
        .inspect_path("ladders/engineering.yaml")
        .expect("valid");
    assert!(loaded.is_valid() && loaded.report().is_empty());
    // Overrides apply: a warning denied into an error is a policy error too.
    let loaded = Loader::new()
        .with_override("missing-band", dualtrack::Override::Deny)
        .expect("a policy rule")
        .inspect_path("tests/fixtures/rules/missing-band.yaml")
        .expect("its invariants hold");
    assert!(!loaded.is_valid());
    assert!(loaded.ladder().level("ic2").expect("ic2").band().is_none());
}

/// The engineering ladder with each band kept, dropped, or replaced by an
/// ordered band of arbitrary amounts: parity gaps, premiums, regressions,
/// missing bands. Whatever the policy rules find, every question answers.
fn scrambled() -> impl Strategy<Value = String> {
    let source = std::fs::read_to_string("ladders/engineering.yaml").expect("reference ladder");
    let bands = source
        .lines()
        .filter(|l| l.trim_start().starts_with("band:"))
        .count();
    let band = prop_oneof![
        Just(None),
        Just(Some(None)),
        (1u64..1_000_000, 0u64..200_000, 0u64..200_000).prop_map(|(min, a, b)| Some(Some((
            min,
            min + a.min(b),
            min + a.max(b)
        )))),
    ];
    proptest::collection::vec(band, bands).prop_map(move |choices| {
        let mut choices = choices.into_iter();
        let mut out = String::new();
        for line in source.lines() {
            let choice = if line.trim_start().starts_with("band:") {
                choices.next().flatten()
            } else {
                None
            };
            match choice {
                None => out.push_str(line),
                Some(None) => {}
                Some(Some((min, mid, max))) => {
                    let indent = &line[..line.len() - line.trim_start().len()];
                    out.push_str(&format!(
                        "{indent}band: {{ min: {min}, mid: {mid}, max: {max} }}"
                    ));
                }
            }
            out.push('\n');
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn scrambled_bands_are_inspected_and_answered(source in scrambled()) {
        let loaded = Loader::new().inspect(&source);
        // Amounts are ordered and well-formed: the invariants always hold.
        let loaded = loaded.map_err(|r| TestCaseError::fail(r.to_string()))?;
        prop_assert_eq!(loaded.is_valid(), !loaded.report().has_errors());
        // A lighter round keeps a case quick (CI runs 10,000).
        ask(loaded.ladder(), false);
    }
}
