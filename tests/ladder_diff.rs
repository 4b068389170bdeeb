//! `LadderDiff` as a service computes it: exact amounts and percentages,
//! items matched by id, findings matched whatever their place.

use dualtrack::{ItemChange, LadderDiff, Loader};

const ENGINEERING: &str = include_str!("../ladders/engineering.yaml");

fn diff(old: &str, new: &str) -> LadderDiff {
    let loader = Loader::new();
    LadderDiff::between(&loader.inspect(old).unwrap(), &loader.inspect(new).unwrap())
}

#[test]
fn a_ladder_against_itself_is_no_change() {
    for text in [
        ENGINEERING,
        include_str!("../ladders/skilled-trades.yaml"),
        include_str!("../ladders/examples/nhs-nursing.yaml"),
        include_str!("../ladders/examples/civil-service.yaml"),
    ] {
        let d = diff(text, text);
        assert!(d.is_empty(), "{d:?}");
        assert!(!d.decreases_pay() && !d.introduces_errors());
    }
}

#[test]
fn percentages_are_exact_and_rounded_only_when_shown() {
    // 115000 -> 115001: +1/115000, shown as +0.00%, and not zero.
    let new = ENGINEERING.replacen("mid: 115000", "mid: 115001", 1);
    let d = diff(ENGINEERING, &new);
    let change = &d.pay()[0];
    assert_eq!(change.to_string(), "ic1 mid 115000 -> 115001 USD (+0.00%)");
    let percent = change.percent.unwrap();
    assert_eq!((percent.numerator(), percent.denominator()), (1, 115000));
    assert_eq!(change.change.unwrap().minor(), 100);
    // Every zone's amount as its rules make it, from the same base change.
    assert_eq!(
        d.pay().iter().filter(|p| p.zone.is_some()).count(),
        3,
        "{:?}",
        d.pay()
    );
}

#[test]
fn a_level_id_changed_is_one_removed_and_one_added() {
    let new = ENGINEERING
        .replace("- id: ic8", "- id: fellow")
        .replace("ic8", "fellow");
    let d = diff(ENGINEERING, &new);
    assert!(matches!(&d.levels()[0], ItemChange::Removed { id, .. } if id == "ic8"));
    assert!(matches!(&d.levels()[1], ItemChange::Added { id, .. } if id == "fellow"));
    assert!(
        d.pay().is_empty(),
        "pay is compared on levels in both versions"
    );
}

#[test]
fn a_finding_whose_amount_changed_is_neither_introduced_nor_fixed() {
    // A parity gap at ic8 in both versions, with another amount in its message.
    let gap = ENGINEERING.replacen(
        "band: { min: 360000, mid: 430000, max: 500000 }",
        "band: { min: 360000, mid: 430000, max: 480000 }",
        1,
    );
    let wider = ENGINEERING.replacen(
        "band: { min: 360000, mid: 430000, max: 500000 }",
        "band: { min: 360000, mid: 430000, max: 470000 }",
        1,
    );
    let d = diff(&gap, &wider);
    assert!(d.findings().introduced.is_empty(), "{:?}", d.findings());
    assert!(d.findings().fixed.is_empty(), "{:?}", d.findings());
    assert!(d.decreases_pay());
    // Against the clean ladder, the gap is introduced, with its place.
    let d = diff(ENGINEERING, &gap);
    let introduced = &d.findings().introduced;
    assert_eq!(introduced.len(), 1);
    assert_eq!(introduced[0].code(), "parity-gap");
    assert_eq!(introduced[0].line(), Some(163));
    assert!(d.introduces_errors());
}

#[test]
fn a_currency_change_shows_both_amounts_without_a_percentage() {
    let new = ENGINEERING.replacen("currency: USD", "currency: EUR", 1);
    let d = diff(ENGINEERING, &new);
    assert_eq!(d.ladder()[0].to_string(), "currency USD -> EUR");
    let first = &d.pay()[0];
    assert_eq!(first.to_string(), "ic1 min 100000 USD -> 100000 EUR");
    assert!(first.change.is_none() && first.percent.is_none());
    assert!(!d.decreases_pay());
}
