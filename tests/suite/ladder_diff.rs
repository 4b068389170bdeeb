//! `LadderDiff` as a service computes it: exact amounts and percentages,
//! items matched by id, findings matched whatever their place.

use dualtrack::{ItemChange, LadderDiff, Loader};

const ENGINEERING: &str = include_str!("../../ladders/engineering.yaml");

fn diff(old: &str, new: &str) -> LadderDiff {
    let loader = Loader::new();
    LadderDiff::between(&loader.inspect(old).unwrap(), &loader.inspect(new).unwrap())
}

#[test]
fn a_ladder_against_itself_is_no_change() {
    for text in [
        ENGINEERING,
        include_str!("../../ladders/skilled-trades.yaml"),
        include_str!("../../ladders/examples/nhs-nursing.yaml"),
        include_str!("../../ladders/examples/civil-service.yaml"),
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
    assert!(matches!(&d.levels()[0], ItemChange::Removed { id, .. } if id.as_str() == "ic8"));
    assert!(matches!(&d.levels()[1], ItemChange::Added { id, .. } if id.as_str() == "fellow"));
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

/// A diff reads back from its JSON as an equal diff: pay in the base
/// currency and in zones, parity, items of every kind, expectations, a
/// currency change, variable pay, findings introduced and fixed.
#[cfg(feature = "serde")]
#[test]
fn a_diff_reads_back_from_its_json() {
    let raise = ENGINEERING.replacen(
        "band: { min: 250000, mid: 295000, max: 340000 }\n        expectations:\n          technical-depth: 3",
        "band: { min: 262500, mid: 309750, max: 357000 }\n        expectations:\n          technical-depth: 3",
        1,
    );
    let items = ENGINEERING
        .replacen("title: Principal Engineer", "title: Principal", 1)
        .replacen("name: Individual contributor", "name: Engineering IC", 1)
        .replacen("name: Hiring and team building", "name: Hiring", 1)
        .replacen(
            "    name: London\n    factor: 0.8",
            "    name: Greater London\n    factor: 0.85",
            1,
        )
        .replace("ic8", "fellow");
    let expectations = ENGINEERING.replacen(
        "          technical-depth: 1\n          system-design: 1\n          delivery: 1\n",
        "          technical-depth: 2\n          delivery: 1\n",
        1,
    );
    let gap = ENGINEERING.replacen("mid: 430000, max: 500000", "mid: 430000, max: 480000", 1);
    let currency = ENGINEERING.replacen("currency: USD", "currency: EUR", 1);
    let variable = include_str!("../../ladders/examples/variable-pay.yaml");
    let variable_fixed = variable.replacen(
        "        band: { min: 250000, mid: 295000, max: 340000 }\n        equity:",
        "        band: { min: 250000, mid: 295000, max: 340000 }\n        variable: { target: 15% }\n        equity:",
        1,
    );
    for (old, new) in [
        (ENGINEERING, raise.as_str()),
        (&raise, ENGINEERING),
        (ENGINEERING, &items),
        (ENGINEERING, &expectations),
        (&expectations, ENGINEERING),
        (ENGINEERING, &gap),
        (&gap, ENGINEERING),
        (ENGINEERING, &currency),
        (variable, &variable_fixed),
        (
            ENGINEERING,
            include_str!("../../ladders/skilled-trades.yaml"),
        ),
    ] {
        let d = diff(old, new);
        assert!(!d.is_empty());
        let json = serde_json::to_string(&d).unwrap();
        let back: LadderDiff =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
        assert_eq!(back, d);
    }
}

/// The JSON of the diff of a raise for `dir1` that lowers one of its
/// expectations, with `from` replaced by `to` (which must be there), read
/// back as a diff.
#[cfg(feature = "serde")]
fn read_edited(from: &str, to: &str) -> Result<LadderDiff, String> {
    let new = ENGINEERING.replacen(
        "band: { min: 250000, mid: 295000, max: 340000 }\n        expectations:\n          technical-depth: 3",
        "band: { min: 262500, mid: 309750, max: 357000 }\n        expectations:\n          technical-depth: 2",
        1,
    );
    let json = serde_json::to_string(&diff(ENGINEERING, &new)).unwrap();
    assert!(json.contains(from), "{json}");
    serde_json::from_str(&json.replacen(from, to, 1)).map_err(|e| e.to_string())
}

#[cfg(feature = "serde")]
#[test]
fn a_diff_with_an_unknown_label_or_a_wrong_figure_is_refused() {
    // The text replaced in the JSON, its replacement, what the error says.
    let cases = [
        (
            r#""point":"mid""#,
            r#""point":"median""#,
            "unknown variant `median`, expected one of `min`, `mid`, `max`",
        ),
        (
            r#""basis":"base""#,
            r#""basis":"cash""#,
            "unknown variant `cash`, expected `base` or `target_cash`",
        ),
        (
            r#""change":"lowered""#,
            r#""change":"dropped""#,
            "unknown variant `dropped`, expected one of `raised`, `lowered`, `added`, `removed`",
        ),
        (
            r#""change":"lowered""#,
            r#""change":"raised""#,
            "expectation of `technical-depth` at `dir1` cannot be raised from 3 to 2",
        ),
        (
            r#""level":"dir1""#,
            r#""level":"Dir1""#,
            "invalid id `Dir1`: upper-case letter `D`",
        ),
        (
            r#""percent":"+5.00%""#,
            r#""percent":"+6.00%""#,
            "percent `+6.00%` is not the change of 250000 USD -> 262500 USD (that is +5.00%)",
        ),
        (
            r#""change":{"amount":"12500""#,
            r#""change":{"amount":"12000""#,
            "change +12000 USD is not 250000 USD -> 262500 USD (that is +12500 USD)",
        ),
        (
            r#""mid_percent":"+5.00%""#,
            r#""mid_percent":"+5.01%""#,
            "mid_percent `+5.01%` is not mid_share 1/20 rounded (that is +5.00%)",
        ),
    ];
    for (from, to, message) in cases {
        let error = read_edited(from, to).unwrap_err();
        assert!(error.contains(message), "{error}");
    }
}
