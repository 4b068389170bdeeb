//! A shared trunk (the levels both paths share below the split) and
//! executive levels (outside parity), as the rules and the questions see them.

use dualtrack::{Direction, Grade, Ladder, Loader, Report};

use crate::common;

use common::report_of;

const TRUNK: &str = "tests/fixtures/valid/trunk.yaml";

fn trunk_yaml() -> String {
    std::fs::read_to_string(TRUNK).expect("the trunk fixture")
}

fn ladder() -> Ladder {
    dualtrack::load_path(TRUNK)
        .expect("a valid ladder")
        .into_ladder()
}

fn report(yaml: &str) -> Report {
    report_of(Loader::new().load(yaml))
}

/// (code, path, message) of every finding.
fn findings(yaml: &str) -> Vec<(String, String, String)> {
    report(yaml)
        .findings()
        .iter()
        .map(|f| {
            (
                f.code().to_owned(),
                f.path().to_string(),
                f.message().to_owned(),
            )
        })
        .collect()
}

fn replaced(yaml: &str, from: &str, to: &str) -> String {
    assert!(yaml.contains(from), "{from}");
    yaml.replacen(from, to, 1)
}

// Executive levels

/// The minimal ladder with `ic2` paid below `em1` at grade 2, where parity
/// starts by default (the management track has two levels).
fn with_parity_gap() -> String {
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").expect("minimal");
    replaced(
        &minimal,
        "band: { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 2, mentoring: 2 }",
        "band: { min: 115000, mid: 132000, max: 150000 }\n        expectations: { coding: 2, mentoring: 2 }",
    )
}

/// Two levels on top of the management track, marked executive or not.
fn with_two_levels_on_top(yaml: &str, executive: bool) -> String {
    let flag = if executive {
        "\n        executive: true"
    } else {
        ""
    };
    let em2 = "expectations: { coding: 2, mentoring: 3, people-development: 3 }\n";
    replaced(
        yaml,
        em2,
        &format!(
            "{em2}      - id: cto
        title: Chief Technology Officer
        grade: 4{flag}
        band: {{ min: 175000, mid: 203000, max: 231000 }}
        expectations: {{ coding: 2, mentoring: 3, people-development: 4 }}
      - id: ceo
        title: Chief Executive Officer
        grade: 5{flag}
        band: {{ min: 210000, mid: 244000, max: 278000 }}
        expectations: {{ coding: 2, mentoring: 3, people-development: 5 }}
"
        ),
    )
}

/// The case: two executive levels on top of the management track
/// change no finding. The parity gap stays an error, and no `ic-ceiling`.
#[test]
fn executive_levels_on_top_change_no_finding() {
    let base = with_parity_gap();
    let before = findings(&base);
    assert_eq!(
        before.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["parity-gap"],
        "{before:?}"
    );
    let after = findings(&with_two_levels_on_top(&base, true));
    assert_eq!(after, before);

    // Without the flag, the same two levels raise the ceiling and move the
    // default threshold above grade 2: the gap would turn into a warning.
    let unmarked = findings(&with_two_levels_on_top(&base, false));
    let codes: Vec<&str> = unmarked.iter().map(|f| f.0.as_str()).collect();
    assert!(codes.contains(&"ic-ceiling"), "{codes:?}");
    assert!(codes.contains(&"management-premium"), "{codes:?}");
    assert!(!codes.contains(&"parity-gap"), "{codes:?}");
}

#[cfg(feature = "serde")]
#[test]
fn executive_levels_are_left_out_of_the_default_parity_threshold() {
    let ladder = ladder();
    // Management: em1 (4), dir (5), vp (6), then two executives: parity
    // covers the top three levels below them.
    assert_eq!(ladder.policy().parity_from_grade(), &Grade::new(4));
    let ceo = ladder.level("ceo").expect("ceo");
    assert!(ceo.is_executive());
    let json = serde_json::to_value(&ladder).expect("JSON");
    assert_eq!(json["tracks"][2]["levels"][4]["executive"], true);
    assert!(json["tracks"][2]["levels"][0].get("executive").is_none());
}

#[test]
fn executive_is_true_or_false_as_yaml_1_2_writes_them() {
    let yaml = trunk_yaml();
    for (written, help) in [
        ("yes", "write `true` or `false`"),
        ("\"true\"", "remove the quotes"),
        ("1", "write `true` or `false`"),
    ] {
        let changed = replaced(&yaml, "executive: true", &format!("executive: {written}"));
        let report = report(&changed);
        let finding = &report.findings()[0];
        assert_eq!(finding.code(), "type", "{written}");
        assert_eq!(finding.path().as_str(), "/tracks/2/levels/3/executive");
        assert_eq!(
            finding.message(),
            format!("expected `true` or `false`, found {}", describe(written))
        );
        assert!(
            finding.help().unwrap_or_default().starts_with(help),
            "{written}"
        );
    }
    // `false` is the default: the CTO is then a management level like any
    // other, above the IC track's top (the CEO stays executive).
    let no = replaced(&yaml, "executive: true", "executive: false");
    let found = findings(&no);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "ic-ceiling");
    assert!(
        found[0]
            .2
            .ends_with("below the management top grade 7 (`cto`)"),
        "{}",
        found[0].2
    );
}

fn describe(written: &str) -> &'static str {
    match written {
        "yes" => "the string `yes`",
        "\"true\"" => "the string `true`",
        _ => "the integer `1`",
    }
}

// The trunk in the rules

#[test]
fn a_band_below_the_top_of_the_trunk_is_a_regression() {
    let yaml = replaced(
        &trunk_yaml(),
        "band: { min: 165000, mid: 190000, max: 215000 }\n        expectations: { coding: 2",
        "band: { min: 130000, mid: 150000, max: 170000 }\n        expectations: { coding: 2",
    );
    let found = findings(&yaml);
    let regression = found
        .iter()
        .find(|f| f.0 == "band-regression")
        .expect("band-regression");
    assert_eq!(regression.1, "/tracks/2/levels/0/band/mid");
    assert_eq!(
        regression.2,
        "level `em1` has its midpoint at 150000 USD, not above 156000 USD of `senior` below it, at the top of the trunk"
    );
}

#[test]
fn a_cliff_at_the_split_is_a_progression_warning() {
    let yaml = replaced(
        &trunk_yaml(),
        "band: { min: 165000, mid: 190000, max: 215000 }\n        expectations: { coding: 4",
        "band: { min: 175000, mid: 210000, max: 245000 }\n        expectations: { coding: 4",
    );
    let found = findings(&yaml);
    let cliff: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "midpoint-progression")
        .collect();
    assert_eq!(cliff.len(), 1, "{found:?}");
    assert_eq!(cliff[0].1, "/tracks/1/levels/0/band/mid");
    assert!(
        cliff[0].2.starts_with(
            "midpoint of level `staff` is 34.6% above `senior` at the top of the trunk"
        ),
        "{}",
        cliff[0].2
    );
}

#[test]
fn a_track_that_starts_grades_above_the_trunk_skips_them() {
    // The trunk moved one grade down: 0, 1, 2; both tracks still start at 4.
    let mut yaml = trunk_yaml();
    for (from, to) in [
        (
            "grade: 1\n        band: { min: 90000",
            "grade: 0\n        band: { min: 90000",
        ),
        (
            "grade: 2\n        band: { min: 110000",
            "grade: 1\n        band: { min: 110000",
        ),
        ("grade: 3\n        summary", "grade: 2\n        summary"),
    ] {
        yaml = replaced(&yaml, from, to);
    }
    let gaps: Vec<_> = findings(&yaml)
        .into_iter()
        .filter(|f| f.0 == "grade-gap")
        .map(|f| (f.1, f.2))
        .collect();
    assert_eq!(
        gaps,
        [
            (
                "/tracks/1/levels/0/grade".to_owned(),
                "track `ic` skips grade 3 between `senior`, the top of the trunk, and its first level `staff`".to_owned()
            ),
            (
                "/tracks/2/levels/0/grade".to_owned(),
                "track `management` skips grade 3 between `senior`, the top of the trunk, and its first level `em1`".to_owned()
            ),
        ]
    );
}

#[test]
fn a_trunk_level_never_requires_managing_people() {
    let yaml = replaced(
        &trunk_yaml(),
        "expectations: { coding: 3, mentoring: 2 }",
        "expectations: { coding: 3, mentoring: 2, people-development: 1 }",
    );
    let found = findings(&yaml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "people-on-ic-track");
    assert_eq!(
        found[0].2,
        "trunk level `senior` requires `people-development`, a people-management competency"
    );
}

#[test]
fn a_trunk_alone_is_not_a_dual_track() {
    let yaml = replaced(&trunk_yaml(), "kind: individual_contributor", "kind: trunk");
    let codes: Vec<String> = findings(&yaml).into_iter().map(|f| f.0).collect();
    assert!(codes.contains(&"missing-track".to_owned()), "{codes:?}");
    assert!(codes.contains(&"trunk-split".to_owned()), "{codes:?}");
}

// The trunk in the questions

#[test]
fn the_trunk_splits_into_every_track() {
    let ladder = ladder();
    assert_eq!(ladder.trunk().map(|t| t.id().as_str()), Some("shared"));
    assert_eq!(ladder.split_grade(), Some(&Grade::new(4)));
    let next: Vec<(&str, &str)> = ladder
        .next_steps("senior")
        .map(|(t, l)| (t.id().as_str(), l.id().as_str()))
        .collect();
    assert_eq!(next, [("ic", "staff"), ("management", "em1")]);
    assert_eq!(ladder.counterparts("senior").count(), 0);
    let before = ladder.previous_step("staff").expect("the top of the trunk");
    assert_eq!(before.1.id().as_str(), "senior");
}

#[test]
fn a_move_from_the_trunk_lands_at_the_entry_of_the_track() {
    let ladder = ladder();
    for (from, to, lands, via) in [
        ("senior", "ic", "staff", &[][..]),
        ("senior", "management", "em1", &[][..]),
        ("junior", "management", "em1", &["mid", "senior"][..]),
    ] {
        let t = ladder.transition(from, to).expect("a move");
        assert!(t.from_trunk());
        assert_eq!(t.direction(), Direction::StepUp);
        assert_eq!(t.to().id().as_str(), lands);
        let through: Vec<&str> = t.via().map(|l| l.id().as_str()).collect();
        assert_eq!(through, via);
    }
    let lateral = ladder.transition("staff", "management").expect("a move");
    assert!(!lateral.from_trunk());
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_value(&lateral).expect("JSON");
        assert!(json.get("via").is_none());
        let json =
            serde_json::to_value(ladder.transition("junior", "ic").expect("a move")).expect("JSON");
        assert_eq!(json["via"][1]["id"], "senior");
    }
}

#[cfg(feature = "serde")]
#[test]
fn a_profile_of_the_top_of_the_trunk_names_each_next_step() {
    let ladder = ladder();
    let senior = ladder.profile("senior", None, None).expect("senior");
    assert!(senior.above().is_none());
    let next: Vec<&str> = senior
        .leads_into()
        .iter()
        .map(|b| b.level().id().as_str())
        .collect();
    assert_eq!(next, ["staff", "em1"]);
    assert_eq!(senior.split_grade(), Some(&Grade::new(4)));
    let json = serde_json::to_value(&senior).expect("JSON");
    assert_eq!(json["split_grade"], 4);
    assert_eq!(json["leads_into"][1]["track"], "management");

    let staff = ladder.profile("staff", None, None).expect("staff");
    assert_eq!(
        staff.below().map(|b| b.level().id().as_str()),
        Some("senior")
    );
    assert!(staff.split_grade().is_none());

    let overview = serde_json::to_value(ladder.overview(None, None)).expect("JSON");
    assert_eq!(overview["split_grade"], 4);
    assert_eq!(overview["tracks"][0]["kind"], "trunk");
    assert_eq!(
        overview["tracks"][0]["levels"][2]["leads_into"],
        serde_json::json!(["staff", "em1"])
    );
    assert_eq!(overview["tracks"][2]["levels"][4]["executive"], true);
}

#[test]
fn readiness_walks_each_path_from_the_bottom_of_the_trunk() {
    let ladder = ladder();
    let ratings = dualtrack::Ratings::new();
    let readiness = ladder.readiness(&ratings).expect("readiness");
    let tracks: Vec<&str> = readiness
        .tracks()
        .iter()
        .map(|t| t.track().id().as_str())
        .collect();
    assert_eq!(tracks, ["ic", "management"]);
    for track in readiness.tracks() {
        assert!(track.ready().is_none());
        assert_eq!(
            track.next().map(|n| n.level().id().as_str()),
            Some("junior")
        );
    }
}
