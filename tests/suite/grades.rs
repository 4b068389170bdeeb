//! Declared grade scales (`grades:`): grades that are labels, ordered by the
//! scale, with the gaps a ladder has by design.
//!
//! Each fixture under `tests/fixtures/grades/` gives exactly the findings
//! its `# expect: CODE LINE:COL` lines name (none for a clean one), and its
//! human output is snapshotted. The rule fixtures of `unknown-grade` and
//! `duplicate-grade` are with the other rules'.

use dualtrack::Loader;

use crate::common;

use common::load_fixture;

const SCALED: &str = "tests/fixtures/valid/grade-scale.yaml";

#[test]
fn each_grade_scale_fixture_gives_the_findings_it_names() {
    insta::glob!("../fixtures/grades", "*.yaml", |path| {
        let (_source, _report, _name) = load_fixture(path);
        #[cfg(feature = "render")]
        insta::assert_snapshot!(dualtrack::render(&_report, &_source, &_name, false));
    });
}

/// The valid fixture leaves the even grades below GS-12 out of its scale:
/// a two-grade interval is no gap, and nothing else fires either.
#[test]
fn a_scale_with_gaps_by_design_validates_clean() {
    let loaded = Loader::new().load_path(SCALED).expect("valid");
    let (ladder, report) = loaded.into_parts();
    assert!(report.findings().is_empty(), "{:?}", report.findings());
    let labels: Vec<String> = ladder
        .grades()
        .expect("a scale")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        labels,
        [
            "GS-5", "GS-7", "GS-9", "GS-11", "GS-12", "GS-13", "GS-14", "GS-15"
        ]
    );
}

/// Grades are ordered by the scale, not by their text: `GS-11` is above
/// `GS-9`, and ranks count entries of the scale.
#[test]
fn grades_are_ordered_by_the_scale() {
    let ladder = Loader::new()
        .load_path(SCALED)
        .expect("valid")
        .into_ladder();
    let grade = |id: &str| ladder.level(id).expect(id).grade().clone();
    assert!(grade("gs9") < grade("gs11"));
    assert_eq!(grade("gs11").rank(), 3);
    assert_eq!(grade("gs11").label(), Some("GS-11"));
    assert_eq!(grade("gs13"), grade("sup13"));
    assert_eq!(ladder.grade("GS-13"), Some(grade("gs13")));
    assert_eq!(ladder.grade("GS-6"), None);
    let gs13 = ladder.grade("GS-13").expect("GS-13");
    let ids: Vec<&str> = ladder
        .levels_at(&gs13)
        .map(|(_, l)| l.id().as_str())
        .collect();
    assert_eq!(ids, ["gs13", "sup13"]);
    assert_eq!(
        ladder
            .counterpart("sup14", "analyst")
            .map(|l| l.id().as_str()),
        Some("gs14")
    );
    // The default parity threshold: the management track's third-highest grade.
    assert_eq!(ladder.policy().parity_from_grade().to_string(), "GS-13");
    // A move counts the scale's steps: GS-11 to GS-13 is two grades up.
    let change = ladder
        .transition("gs11", "supervisory")
        .expect("a move")
        .grade_change();
    assert_eq!(change, 2);
}

/// `9.5` in the scale and `"9.5"` on a level are one grade.
#[test]
fn a_number_and_its_quoted_text_are_one_grade() {
    let path = "tests/fixtures/grades/numbers-and-quoted-numbers.yaml";
    let ladder = Loader::new().load_path(path).expect("valid").into_ladder();
    let ic2 = ladder.level("ic2").expect("ic2");
    assert_eq!(ic2.grade().label(), Some("9.5"));
    assert_eq!(ladder.level("em1").expect("em1").grade(), ic2.grade());
}

/// In answers a labelled grade is `{ rank, label }` and a numbered one a
/// number; both read back. The ladder itself serializes as its file, with
/// the grades as written.
#[cfg(feature = "serde")]
#[test]
fn json_shows_labels_with_their_rank_and_keeps_numbers() {
    let ladder = Loader::new()
        .load_path(SCALED)
        .expect("valid")
        .into_ladder();
    let file = serde_json::to_value(&ladder).expect("JSON");
    assert_eq!(file["grades"][0], "GS-5");
    assert_eq!(file["tracks"][0]["levels"][5]["grade"], "GS-13");
    let profile = ladder.profile("gs13", None, None).expect("a level");
    let json = serde_json::to_value(&profile).expect("JSON");
    assert_eq!(
        json["grade"],
        serde_json::json!({ "rank": 5, "label": "GS-13" })
    );
    let grade: dualtrack::Grade =
        serde_json::from_value(json["grade"].clone()).expect("reads back");
    assert_eq!((grade.rank(), grade.label()), (5, Some("GS-13")));

    let v1 = dualtrack::load_path("ladders/engineering.yaml")
        .expect("valid")
        .into_ladder();
    let json = serde_json::to_value(v1.profile("ic6", None, None).expect("ic6")).expect("JSON");
    assert_eq!(json["grade"], 6);
    assert_eq!(
        serde_json::from_value::<dualtrack::Grade>(json["grade"].clone()).ok(),
        Some(dualtrack::Grade::new(6))
    );
}

/// With a scale, a grade may be any scalar that names an entry; one that
/// names none, or that is not a scalar, is reported where it is written. A
/// mistake in the scale is one finding, not one per level.
#[test]
fn a_grade_the_scale_lacks_is_located() {
    let scaled = std::fs::read_to_string(SCALED).expect("fixture");
    for (from, to, code) in [
        ("grade: GS-11\n", "grade: GS-10\n", "unknown-grade"),
        ("grade: GS-11\n", "grade: 11\n", "unknown-grade"),
        ("grade: GS-11\n", "grade: [GS-11]\n", "type"),
        ("grade: GS-11\n", "grade: null\n", "type"),
        ("grade: GS-11\n", "grade: true\n", "type"),
        ("[GS-5,", "[\"\",", "type"),
        ("[GS-5,", "[\"GS-\u{202E}5\",", "type"),
        // One mistake in the scale, one finding: no gap or ceiling from it.
        ("[GS-5,", "[GS-5, GS-5,", "duplicate-grade"),
        ("GS-14, GS-15]", "GS-15]", "unknown-grade\0unknown-grade"),
        ("[GS-5,", "[GS-5, null,", "type"),
        ("grades: [", "grade: [", "unknown-key"),
        ("grades: [", "grades: GS-5\nx: [", "type\0unknown-key"),
    ] {
        assert!(scaled.contains(from), "{from}");
        let yaml = scaled.replacen(from, to, 1);
        let report = dualtrack::load(&yaml).expect_err(to);
        let codes: Vec<&str> = report.findings().iter().map(|f| f.code()).collect();
        assert_eq!(codes, code.split('\0').collect::<Vec<_>>(), "{to}");
    }
}

/// A scale of 1,000 long labels and 900 levels that each name a label it
/// lacks: the did-you-mean search is bounded, so the load stays fast.
#[test]
fn many_unknown_grades_against_a_long_scale_are_checked_quickly() {
    let label = |i: usize| format!("{}{i:04}", "g".repeat(58));
    let scale: Vec<String> = (0..1000).map(label).collect();
    let mut source = format!(
        "schema_version: 1\nid: x\nname: X\ncurrency: USD\npay_period: annual\ngrades: [{}]\ncompetencies: []\n",
        scale.join(", ")
    );
    source.push_str(
        "tracks:\n  - id: ic\n    name: I\n    kind: individual_contributor\n    levels:\n",
    );
    for l in 0..900 {
        source.push_str(&format!(
            "      - {{ id: l{l}, title: T{l}, grade: {}x, band: {{ min: 1, mid: 1, max: 1 }} }}\n",
            label(l)
        ));
    }
    let started = std::time::Instant::now();
    let report = dualtrack::load(&source).expect_err("unknown grades");
    let elapsed = started.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(20), "{elapsed:?}");
    let unknown = report
        .findings()
        .iter()
        .filter(|f| f.code() == "unknown-grade")
        .count();
    assert_eq!(unknown, 900);
}
