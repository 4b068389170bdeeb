//! Readiness from ratings on the reference ladders, with readiness to manage
//! people judged on its own; and ratings files read with located findings.

use dualtrack::{Ladder, PeopleAssessment, Proficiency, Ratings};

use crate::common;

use common::positions;

fn ladder(name: &str) -> Ladder {
    dualtrack::load_path(format!("ladders/{name}.yaml"))
        .expect("a valid reference ladder")
        .into_ladder()
}

fn ratings(pairs: &[(&str, u8)]) -> Ratings {
    pairs
        .iter()
        .map(|(id, p)| {
            (
                id.parse().expect("id"),
                Proficiency::new(i64::from(*p)).expect("1..5"),
            )
        })
        .collect()
}

fn id(level: Option<&dualtrack::Level>) -> Option<&str> {
    level.map(|l| l.id().as_str())
}

const PRINCIPAL: &[(&str, u8)] = &[
    ("technical-depth", 5),
    ("system-design", 5),
    ("delivery", 4),
    ("collaboration", 4),
    ("influence", 4),
];

#[test]
fn craft_ratings_never_stand_in_for_readiness_to_manage() {
    let ladder = ladder("engineering");
    let readiness = ladder
        .readiness(&ratings(PRINCIPAL))
        .expect("ratings of this ladder");
    let ic = readiness.track("ic").expect("ic");
    assert_eq!(id(ic.ready()), Some("ic6"));
    assert_eq!(id(ic.craft()), Some("ic6"));
    assert_eq!(ic.people(), PeopleAssessment::NotRequired);
    let next = ic.next().expect("ic7 is above");
    assert_eq!(next.level().id().as_str(), "ic7");
    let gaps: Vec<_> = next
        .gaps()
        .map(|g| {
            (
                g.competency().id().as_str(),
                g.expected().get(),
                g.assessed().map(|p| p.get()),
                g.shortfall(),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        [
            ("delivery", 5, Some(4), 1),
            ("collaboration", 5, Some(4), 1),
            ("influence", 5, Some(4), 1)
        ]
    );

    let management = readiness.track("management").expect("management");
    assert_eq!(id(management.ready()), None);
    assert_eq!(
        id(management.craft()),
        Some("dir1"),
        "the craft is not what is missing"
    );
    assert_eq!(management.people(), PeopleAssessment::NotAssessed);
    assert_eq!(id(management.people_level()), None);
    let entry = management.next().expect("the entry level");
    assert_eq!(entry.level().id().as_str(), "em1");
    assert!(entry.craft_gaps().is_empty());
    assert_eq!(entry.people(), PeopleAssessment::NotAssessed);
    let people: Vec<_> = entry
        .people_gaps()
        .iter()
        .map(|g| (g.competency().id().as_str(), g.assessed(), g.shortfall()))
        .collect();
    assert_eq!(
        people,
        [("people-development", None, 3), ("hiring", None, 3)]
    );
}

#[test]
fn people_ratings_are_judged_on_their_own_scale() {
    let ladder = ladder("engineering");
    let mut pairs = PRINCIPAL.to_vec();
    pairs.extend([("people-development", 4), ("hiring", 3)]);
    let readiness = ladder
        .readiness(&ratings(&pairs))
        .expect("ratings of this ladder");
    let management = readiness.track("management").expect("management");
    assert_eq!(management.people(), PeopleAssessment::Assessed);
    // em2 expects people-development 4 and hiring 3; dir1 expects hiring 4.
    assert_eq!(id(management.people_level()), Some("em2"));
    assert_eq!(id(management.ready()), Some("em2"));
    let next = management.next().expect("dir1");
    assert_eq!(next.level().id().as_str(), "dir1");
    assert!(next.craft_gaps().is_empty());
    let gaps: Vec<_> = next
        .people_gaps()
        .iter()
        .map(|g| g.competency().id().as_str())
        .collect();
    assert_eq!(gaps, ["hiring"]);
}

#[test]
fn the_top_and_the_bottom_of_a_track() {
    let ladder = ladder("engineering");
    let everything: Vec<(&str, u8)> = ladder
        .competencies()
        .iter()
        .map(|c| (c.id().as_str(), 5))
        .collect();
    let readiness = ladder
        .readiness(&ratings(&everything))
        .expect("ratings of this ladder");
    for track in readiness.tracks() {
        assert_eq!(
            track.ready().map(|l| l.id()),
            Some(track.track().top().id())
        );
        assert!(track.next().is_none(), "nothing above the top");
    }
    let nobody = ladder
        .readiness(&Ratings::new())
        .expect("ratings of this ladder");
    let ic = nobody.track("ic").expect("ic");
    assert_eq!(id(ic.ready()), None);
    assert_eq!(id(ic.next().map(|n| n.level())), Some("ic1"));
    assert_eq!(ic.next().map(|n| n.gaps().count()), Some(5));
    assert_eq!(
        nobody.track("management").map(|t| t.people()),
        Some(PeopleAssessment::NotAssessed)
    );
}

#[test]
fn readiness_for_a_target_level() {
    let ladder = ladder("engineering");
    let ratings = ratings(PRINCIPAL);
    let ic6 = ladder.readiness_for("ic6", &ratings).expect("ic6");
    assert!(ic6.is_ready());
    assert_eq!(ic6.gaps().count(), 0);
    assert_eq!(ic6.people(), PeopleAssessment::NotRequired);
    let vp = ladder.readiness_for("vp", &ratings).expect("vp");
    assert!(!vp.is_ready());
    assert_eq!(vp.track().id().as_str(), "management");
    assert_eq!(vp.craft_gaps().len(), 3);
    assert_eq!(vp.people_gaps().len(), 2);
    let error = ladder.readiness_for("vp1", &ratings).expect_err("unknown");
    let dualtrack::ReadinessError::NotFound(error) = error else {
        panic!("an unknown level: {error}");
    };
    assert_eq!(error.suggestions(), ["vp"]);
}

#[cfg(feature = "serde")]
#[test]
fn readiness_serializes_for_apis() {
    let ladder = ladder("engineering");
    let readiness = ladder
        .readiness(&ratings(PRINCIPAL))
        .expect("ratings of this ladder");
    let json = serde_json::to_value(&readiness).expect("serializes");
    let management = &json["tracks"][1];
    assert_eq!(management["track"], "management");
    assert_eq!(management["ready"], serde_json::Value::Null);
    assert_eq!(management["people"], "not_assessed");
    assert_eq!(management["craft"]["id"], "dir1");
    assert_eq!(
        management["next"]["people_gaps"][0],
        serde_json::json!({
            "competency": "people-development",
            "name": "People development",
            "kind": "people",
            "expected": 3,
            "assessed": null
        })
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_ratings_file_reads_into_ratings() {
    let ladder = ladder("engineering");
    let source = std::fs::read("tests/fixtures/ratings/principal.yaml").expect("fixture");
    let ratings = dualtrack::load_ratings_bytes(&source, &ladder).expect("valid ratings");
    assert_eq!(ratings.person(), Some("Grace Hopper"));
    assert_eq!(ratings.ladder().map(|l| l.as_str()), Some("engineering"));
    assert_eq!(
        ratings.get("technical-depth").map(Proficiency::get),
        Some(5)
    );
    assert_eq!(ratings.get("hiring"), None);
    assert_eq!(ratings.len(), 5);
    let json = serde_json::to_value(&ratings).expect("serializes");
    assert_eq!(json["ratings"]["influence"], 4);
    // A byte order mark is fine; UTF-16 is not.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(&source);
    assert!(dualtrack::load_ratings_bytes(&bom, &ladder).is_ok());
    let report = dualtrack::load_ratings_bytes(b"\xFF\xFEs\0", &ladder).expect_err("UTF-16");
    assert_eq!(report.findings()[0].code(), "syntax");
}

fn findings(yaml: &str) -> Vec<(String, usize, usize)> {
    let ladder = ladder("engineering");
    match dualtrack::load_ratings(yaml, &ladder) {
        Ok(_) => Vec::new(),
        Err(report) => positions(&report),
    }
}

fn codes(list: &[(&str, usize, usize)]) -> Vec<(String, usize, usize)> {
    list.iter()
        .map(|(c, l, k)| ((*c).to_owned(), *l, *k))
        .collect()
}

#[test]
fn bad_ratings_files_get_located_findings_never_a_panic() {
    let head = "schema_version: 1\nladder: engineering\n";
    for (yaml, expected) in [
        (
            format!("{head}ratings:\n  hirng: 3\n  delivery: 9\n"),
            codes(&[("unknown-competency", 4, 3), ("invalid-proficiency", 5, 13)]),
        ),
        (
            format!("{head}ratings:\n  delivery: 3.5\n  influence: '4'\n  hiring: ~\n"),
            codes(&[("type", 4, 13), ("type", 5, 14), ("type", 6, 11)]),
        ),
        (
            format!("{head}rating:\n  delivery: 3\n"),
            codes(&[("missing-key", 1, 1), ("unknown-key", 3, 1)]),
        ),
        (
            "schema_version: 1\nladder: design\nratings: {}\n".to_owned(),
            codes(&[("ladder-mismatch", 2, 9)]),
        ),
        (
            format!("{head}ratings:\n  delivery: 3\n  delivery: 4\n"),
            codes(&[("duplicate-key", 5, 3)]),
        ),
        (
            format!("{head}ratings: &a\n  delivery: 3\n"),
            codes(&[("unsupported-yaml", 3, 10)]),
        ),
        (
            format!("{head}ratings: [delivery]\n"),
            codes(&[("type", 3, 10)]),
        ),
        (
            "schema_version: 2\nladder: engineering\nratings: {}\n".to_owned(),
            codes(&[("type", 1, 17)]),
        ),
        ("ratings: {\n".to_owned(), codes(&[("syntax", 1, 10)])),
        (String::new(), codes(&[("type", 1, 1)])),
        ("- a\n- b\n".to_owned(), codes(&[("type", 1, 1)])),
    ] {
        assert_eq!(findings(&yaml), expected, "{yaml}");
    }
    assert!(
        findings(&format!("{head}ratings: {{}}\n")).is_empty(),
        "no ratings is fine"
    );
}

/// Ratings read for one ladder and checked against another say so, with
/// each competency the other ladder lacks.
#[test]
fn ratings_checked_against_another_ladder_are_refused() {
    let engineering = ladder("engineering");
    let source = std::fs::read("tests/fixtures/ratings/principal.yaml").expect("fixture");
    let ratings = dualtrack::load_ratings_bytes(&source, &engineering).expect("valid ratings");
    assert!(engineering.check_ratings(&ratings).is_empty());
    let design = ladder("design");
    let report = design.check_ratings(&ratings);
    let codes: Vec<&str> = report.findings().iter().map(|f| f.code()).collect();
    assert_eq!(codes.first(), Some(&"ladder-mismatch"), "{report}");
    assert!(
        codes[1..].iter().all(|c| *c == "unknown-competency"),
        "{report}"
    );
    assert!(report.has_errors());
}
