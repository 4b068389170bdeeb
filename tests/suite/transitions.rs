//! Moves between tracks on the reference ladders, both ways, with and
//! without a counterpart.

use dualtrack::{CompetencyKind, Direction, Ladder, Transition, TransitionError};

fn ladder(name: &str) -> Ladder {
    dualtrack::load_path(format!("ladders/{name}.yaml"))
        .expect("a valid reference ladder")
        .into_ladder()
}

/// A competency with the proficiency expected before and after.
type Change = (String, Option<u8>, Option<u8>);

/// New, raised, lowered and no longer required, in that order.
fn changes(t: &Transition<'_>) -> [Vec<Change>; 4] {
    [
        t.newly_required(),
        t.raised(),
        t.lowered(),
        t.no_longer_required(),
    ]
    .map(|list| {
        list.iter()
            .map(|c| {
                (
                    c.competency().id().to_string(),
                    c.from().map(|p| p.get()),
                    c.to().map(|p| p.get()),
                )
            })
            .collect()
    })
}

fn owned(list: &[(&str, Option<u8>, Option<u8>)]) -> Vec<Change> {
    list.iter()
        .map(|(id, a, b)| ((*id).to_owned(), *a, *b))
        .collect()
}

#[test]
fn principal_engineer_into_management_is_a_lateral_career_change() {
    let ladder = ladder("engineering");
    let t = ladder.transition("ic6", "management").expect("a move");
    assert_eq!(
        (t.from().id().as_str(), t.to().id().as_str()),
        ("ic6", "dir1")
    );
    assert_eq!(
        (t.from_track().id().as_str(), t.to_track().id().as_str()),
        ("ic", "management")
    );
    assert_eq!((t.direction(), t.grade_change()), (Direction::Lateral, 0));
    assert!(
        t.pay_difference().expect("published").is_zero(),
        "equal parity from grade 6"
    );
    assert_eq!(
        t.pay_difference().expect("published").currency().code(),
        "USD"
    );
    assert!(
        t.newly_required()
            .iter()
            .all(|c| c.competency().kind() == CompetencyKind::People),
        "what is new in management is managing people"
    );
    assert_eq!(
        changes(&t),
        [
            owned(&[
                ("people-development", None, Some(4)),
                ("hiring", None, Some(4))
            ]),
            vec![],
            owned(&[
                ("technical-depth", Some(5), Some(3)),
                ("system-design", Some(5), Some(4))
            ]),
            vec![],
        ]
    );
}

#[test]
fn management_back_to_ic_is_as_ordinary_as_the_other_way() {
    let ladder = ladder("engineering");
    let t = ladder.transition("vp", "ic").expect("a move");
    assert_eq!(t.to().title(), "Engineering Fellow");
    assert_eq!(t.direction(), Direction::Lateral);
    assert!(t.pay_difference().expect("published").is_zero());
    assert_eq!(
        changes(&t),
        [
            vec![],
            owned(&[
                ("technical-depth", Some(3), Some(5)),
                ("system-design", Some(4), Some(5))
            ]),
            vec![],
            owned(&[
                ("people-development", Some(5), None),
                ("hiring", Some(5), None)
            ]),
        ]
    );
}

#[test]
fn without_a_counterpart_the_move_lands_on_the_track_entry() {
    let ladder = ladder("engineering");
    let t = ladder.transition("ic1", "management").expect("a move");
    assert_eq!(t.to().id().as_str(), "em1");
    assert_eq!((t.direction(), t.grade_change()), (Direction::StepUp, 3));
    assert_eq!(
        t.pay_difference().expect("published").to_string(),
        "+90000 USD"
    );
    assert_eq!(t.pay_difference().expect("published").minor(), 9_000_000);
    // Design pays in EUR.
    let design = self::ladder("design");
    let t = design
        .transition("des3", "design-management")
        .expect("a move");
    assert_eq!(
        (t.to().id().as_str(), t.direction()),
        ("dm1", Direction::StepUp)
    );
    assert_eq!(
        t.pay_difference().expect("published").to_string(),
        "+15000 EUR"
    );
    // Hourly pay keeps its cents.
    let trades = self::ladder("skilled-trades");
    let t = trades
        .transition("journeyman", "site-management")
        .expect("a move");
    assert_eq!(t.to().id().as_str(), "crew-lead");
    assert_eq!(
        t.pay_difference().expect("published").to_string(),
        "+5.50 USD"
    );
}

#[test]
fn above_the_target_tracks_top_the_move_steps_down() {
    // The minimal ladder with an IC level above the management track's top.
    let yaml = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").expect("fixture");
    let ic3 = "        expectations: { coding: 3, mentoring: 3 }\n";
    let ic4 = "      - id: ic4\n        title: Principal Engineer\n        grade: 4\n        band: { min: 175000, mid: 205000, max: 235000 }\n        expectations: { coding: 4, mentoring: 4 }\n";
    let yaml = yaml.replacen(ic3, &format!("{ic3}{ic4}"), 1);
    let ladder = dualtrack::load(&yaml).expect("valid").into_ladder();
    let t = ladder.transition("ic4", "management").expect("a move");
    assert_eq!(t.to().id().as_str(), "em2");
    assert_eq!((t.direction(), t.grade_change()), (Direction::StepDown, -1));
    assert_eq!(
        t.pay_difference().expect("published").to_string(),
        "-37000 USD"
    );
    assert_eq!(
        changes(&t),
        [
            owned(&[("people-development", None, Some(3))]),
            vec![],
            owned(&[
                ("coding", Some(4), Some(2)),
                ("mentoring", Some(4), Some(3))
            ]),
            vec![],
        ]
    );
}

#[test]
fn unknown_ids_and_moves_within_a_track_are_errors() {
    let ladder = ladder("engineering");
    match ladder.transition("ic66", "management") {
        Err(TransitionError::NotFound(e)) => assert_eq!(e.suggestions(), ["ic6"]),
        other => panic!("{other:?}"),
    }
    match ladder.transition("ic6", "managment") {
        Err(TransitionError::NotFound(e)) => assert_eq!(e.suggestions(), ["management"]),
        other => panic!("{other:?}"),
    }
    let error = ladder.transition("ic6", "ic").expect_err("same track");
    assert!(matches!(error, TransitionError::SameTrack { .. }));
    assert_eq!(
        error.to_string(),
        "level `ic6` is already on track `ic`; a move goes to another track"
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_transition_serializes_for_apis() {
    let ladder = ladder("engineering");
    let t = ladder.transition("ic2", "management").expect("a move");
    let json = serde_json::to_value(&t).expect("serializes");
    assert_eq!(
        json["from"],
        serde_json::json!({ "id": "ic2", "title": "Software Engineer II", "track": "ic", "grade": 2 })
    );
    assert_eq!(json["direction"], "step_up");
    assert_eq!(json["grade_change"], 2);
    assert_eq!(
        json["pay_difference"],
        serde_json::json!({ "amount": "67000", "currency": "USD" })
    );
    assert_eq!(json["to_band"]["mid"]["amount"], "205000");
    assert_eq!(json["newly_required"][0]["kind"], "people");
    assert_eq!(json["raised"].as_array().map(Vec::len), Some(5));
}
