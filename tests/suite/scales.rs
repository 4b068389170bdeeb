//! Proficiency scales, competency groups and scopes, entry criteria: what a
//! ladder written as a real framework writes it gets, and what a v1 ladder
//! keeps.

use dualtrack::{Loader, Proficiency, Report};

use crate::common;

use common::report_of;

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.yaml");
const NURSING: &str = include_str!("../fixtures/valid/scales.yaml");

/// The minimal ladder with each `(from, to)` replaced once.
fn minimal_with(changes: &[(&str, &str)]) -> String {
    let mut yaml = MINIMAL.to_owned();
    for (from, to) in changes {
        assert!(yaml.contains(from), "{from}");
        yaml = yaml.replacen(from, to, 1);
    }
    yaml
}

/// The findings of a ladder as (code, pointer, message, help).
fn findings(yaml: &str) -> Vec<(String, String, String, String)> {
    let report: Report = report_of(Loader::new().load(yaml));
    report
        .findings()
        .iter()
        .map(|f| {
            (
                f.code().to_owned(),
                f.path().as_str().to_owned(),
                f.message().to_owned(),
                f.help().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn codes(yaml: &str) -> Vec<String> {
    findings(yaml).into_iter().map(|f| f.0).collect()
}

const SCALE_FROM_0: &str = "proficiency_scale: { start: 0, steps: 5 }\ntracks:\n  - id: ic\n";

#[cfg(feature = "serde")]
#[test]
fn a_named_scale_from_0_reads_names_and_numbers() {
    let ladder = dualtrack::load(NURSING).expect("valid").into_ladder();
    let scale = ladder.proficiency_scale();
    assert_eq!(scale.to_string(), "0 to 4");
    assert!(scale.is_named() && !scale.is_default());
    let rn1 = ladder.level("rn1").expect("rn1");
    assert_eq!(
        rn1.expectation("teaching").map(|e| e.proficiency().get()),
        Some(0)
    );
    assert_eq!(
        rn1.expectation("research")
            .map(|e| scale.label(e.proficiency()))
            .as_deref(),
        Some("0 Awareness")
    );
    let step = scale.step(Proficiency::new(2).expect("2")).expect("a step");
    assert_eq!(
        step.description(),
        Some("Works independently and is the reference on the ward.")
    );
    let json = serde_json::to_value(ladder.proficiency_scale()).expect("JSON");
    assert_eq!(json["start"], 0);
    assert_eq!(json["end"], 4);
    assert_eq!(json["steps"][4]["name"], "Expert");
    // The ladder serializes as its file.
    let json = serde_json::to_value(&ladder).expect("JSON");
    assert_eq!(
        json["tracks"][0]["levels"][2]["entry_criteria"][1],
        "A postgraduate certificate in the specialty"
    );
    assert_eq!(json["competencies"][2]["group"], "Clinical practice");
}

#[cfg(feature = "serde")]
#[test]
fn a_v1_ladder_keeps_the_default_scale_and_its_json() {
    let ladder = dualtrack::load_path("ladders/engineering.yaml")
        .expect("valid")
        .into_ladder();
    assert!(ladder.proficiency_scale().is_default());
    assert_eq!(ladder.competency_groups().len(), 1);
    let json = serde_json::to_string(&ladder).expect("JSON");
    for key in [
        "proficiency_scale",
        "entry_criteria",
        "\"group\"",
        "\"tracks\":[\"",
    ] {
        assert!(!json.contains(key), "{key}");
    }
    // A name is still a `type` error on the default scale, as in v1.
    let found = findings(&minimal_with(&[("coding: 1,", "coding: Working,")]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "type");
    assert_eq!(
        found[0].2,
        "expected a proficiency (a whole number from 1 to 5), found the string `Working`"
    );
}

#[test]
fn an_unnamed_scale_judges_numbers_on_its_range() {
    let yaml = minimal_with(&[
        ("tracks:\n  - id: ic\n", SCALE_FROM_0),
        ("coding: 1,", "coding: 0,"),
    ]);
    assert_eq!(codes(&yaml), Vec::<String>::new());
    let found = findings(&minimal_with(&[
        ("tracks:\n  - id: ic\n", SCALE_FROM_0),
        ("coding: 1,", "coding: 5,"),
    ]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "invalid-proficiency");
    assert_eq!(
        found[0].2,
        "level `ic1` expects proficiency 5 in `coding`, outside the scale's 0 to 4"
    );
    assert_eq!(found[0].3, "use a number from 0 to 4");
    let found = findings(&minimal_with(&[
        ("tracks:\n  - id: ic\n", SCALE_FROM_0),
        ("coding: 1,", "coding: Working,"),
    ]));
    assert_eq!(
        found[0].2,
        "expected a proficiency (a whole number from 0 to 4), found the string `Working`"
    );
}

#[test]
fn a_scale_that_cannot_be_judged_on_is_one_finding() {
    let scale = |text: &str| {
        minimal_with(&[(
            "tracks:\n  - id: ic\n",
            &format!("proficiency_scale: {text}\ntracks:\n  - id: ic\n"),
        )])
    };
    for (text, message) in [
        (
            "{ steps: 1 }",
            "a proficiency scale of 1 steps: it needs 2 to 10",
        ),
        (
            "{ steps: 11 }",
            "a proficiency scale of 11 steps: it needs 2 to 10",
        ),
        (
            "{ start: 8, steps: 5 }",
            "the proficiency scale runs from 8 to 12, beyond 10",
        ),
        (
            "{ steps: [Novice, '2', Expert] }",
            "step name `2` is a number, which expectations would read as a proficiency number",
        ),
    ] {
        let found = findings(&scale(text));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].0, "invalid-proficiency-scale", "{text}");
        assert_eq!(found[0].2, message, "{text}");
    }
}

#[test]
fn a_scoped_competency_is_neither_missing_nor_expected_elsewhere() {
    // Scoped to the IC track: management levels need not, and may not, set it.
    let scoped = minimal_with(&[
        (
            "    name: Coding\n    kind: craft\n",
            "    name: Coding\n    kind: craft\n    tracks: [ic]\n",
        ),
        (
            "{ coding: 2, mentoring: 2, people-development: 2 }",
            "{ mentoring: 2, people-development: 2 }",
        ),
        (
            "{ coding: 2, mentoring: 3, people-development: 3 }",
            "{ mentoring: 3, people-development: 3 }",
        ),
    ]);
    assert_eq!(codes(&scoped), Vec::<String>::new());
    let ladder = dualtrack::load(&scoped).expect("valid").into_ladder();
    assert!(ladder.applies("coding", "ic") && !ladder.applies("coding", "management"));
    assert_eq!(
        ladder
            .competency("coding")
            .and_then(|c| c.tracks())
            .map(|t| t[0].as_str()),
        Some("ic")
    );
    // Without the scope, the management levels miss it.
    let unscoped = minimal_with(&[(
        "{ coding: 2, mentoring: 2, people-development: 2 }",
        "{ mentoring: 2, people-development: 2 }",
    )]);
    assert_eq!(codes(&unscoped), ["missing-expectation"]);
}

#[test]
fn a_people_competency_scoped_to_the_ic_track_is_one_finding_at_its_scope() {
    let yaml = minimal_with(&[
        (
            "    kind: people\n",
            "    kind: people\n    tracks: [ic, management]\n",
        ),
        (
            "{ coding: 1, mentoring: 1 }",
            "{ coding: 1, mentoring: 1, people-development: 1 }",
        ),
        (
            "{ coding: 2, mentoring: 2 }",
            "{ coding: 2, mentoring: 2, people-development: 2 }",
        ),
    ]);
    let found = findings(&yaml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "people-on-ic-track");
    assert_eq!(found[0].1, "/competencies/2/tracks/0");
    assert_eq!(
        found[0].2,
        "people-management competency `people-development` is scoped to IC track `ic`"
    );
}

#[test]
fn a_people_competency_of_another_management_track_does_not_assess_this_one() {
    let yaml = minimal_with(&[(
        "    kind: people\n",
        "    kind: people\n    tracks: [directors]\n",
    )]) + "  - id: directors
    name: Directors
    kind: management
    levels:
      - id: dir1
        title: Director
        grade: 3
        band: { min: 145000, mid: 168000, max: 191000 }
        expectations: { coding: 2, mentoring: 3, people-development: 3 }
";
    let found = findings(&yaml);
    let unassessed: Vec<&str> = found
        .iter()
        .filter(|f| f.0 == "unassessed-management")
        .map(|f| f.1.as_str())
        .collect();
    assert_eq!(
        unassessed,
        [
            "/tracks/1/levels/0/expectations",
            "/tracks/1/levels/1/expectations"
        ],
        "{found:?}"
    );
    let scoped: Vec<&str> = found
        .iter()
        .filter(|f| f.0 == "out-of-scope-expectation")
        .map(|f| f.1.as_str())
        .collect();
    assert_eq!(scoped.len(), 2, "{found:?}");
}

#[test]
fn a_misspelt_track_in_a_scope_is_one_finding() {
    let yaml = minimal_with(&[(
        "    name: Coding\n    kind: craft\n",
        "    name: Coding\n    kind: craft\n    tracks: [ic, managment]\n",
    )]);
    let found = findings(&yaml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "unknown-track");
    assert_eq!(found[0].3, "did you mean `management`?");
    let empty = findings(&minimal_with(&[(
        "    name: Coding\n    kind: craft\n",
        "    name: Coding\n    kind: craft\n    tracks: []\n",
    )]));
    assert_eq!(empty.len(), 1, "{empty:?}");
    assert_eq!(empty[0].0, "type");
    assert_eq!(
        empty[0].2,
        "expected a list of track ids, found an empty list"
    );
}

#[test]
fn ratings_on_a_named_scale_take_names() {
    let ladder = dualtrack::load(NURSING).expect("valid").into_ladder();
    let ratings = dualtrack::load_ratings(
        "schema_version: 1\nladder: nursing\nratings:\n  clinical-practice: Advanced\n  teaching: 0\n",
        &ladder,
    )
    .expect("valid ratings");
    assert_eq!(
        ratings.get("clinical-practice").map(Proficiency::get),
        Some(3)
    );
    assert_eq!(ratings.get("teaching").map(Proficiency::get), Some(0));
    let report = dualtrack::load_ratings(
        "schema_version: 1\nladder: nursing\nratings:\n  clinical-practice: Advnced\n  teaching: 5\n",
        &ladder,
    )
    .unwrap_err();
    let found: Vec<(&str, &str, Option<&str>)> = report
        .findings()
        .iter()
        .map(|f| (f.code(), f.message(), f.help()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "invalid-proficiency",
                "`clinical-practice` is rated `Advnced`, not a step of the scale",
                Some(
                    "did you mean `Advanced`? the steps are `Awareness`, `Working`, `Practitioner`, `Advanced`, `Expert`"
                ),
            ),
            (
                "invalid-proficiency",
                "`teaching` is rated 5, outside the scale's 0 to 4",
                Some(
                    "use a number from 0 to 4, or a step name: `Awareness`, `Working`, `Practitioner`, `Advanced`, `Expert`"
                ),
            ),
        ]
    );
}

#[test]
fn entry_criteria_are_text_in_file_order() {
    let ladder = dualtrack::load(NURSING).expect("valid").into_ladder();
    assert_eq!(
        ladder.level("nm1").expect("nm1").entry_criteria(),
        [
            "Two years as a Senior Registered Nurse",
            "A panel interview"
        ]
    );
    assert!(
        ladder
            .level("rn1")
            .expect("rn1")
            .entry_criteria()
            .is_empty()
    );
    let blank = findings(&minimal_with(&[(
        "        grade: 1\n",
        "        grade: 1\n        entry_criteria: ['']\n",
    )]));
    assert_eq!(blank.len(), 1, "{blank:?}");
    assert_eq!(blank[0].1, "/tracks/0/levels/0/entry_criteria/0");
}
