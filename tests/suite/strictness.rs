//! The strictness rules of the format, one mutation of the minimal ladder
//! each: what a user would see (code, line, column) for every trap.

use dualtrack::{Loader, Report};

use crate::common;

use common::{positions, report_of};

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.yaml");

fn report(source: &str) -> Report {
    report_of(Loader::new().load(source))
}

fn mutate(from: &str, to: &str) -> String {
    assert!(
        MINIMAL.contains(from),
        "`{from}` is not in the minimal ladder"
    );
    MINIMAL.replacen(from, to, 1)
}

/// The (code, line, column) of every finding.
fn findings(source: &str) -> Vec<(String, usize, usize)> {
    positions(&report(source))
}

fn one(code: &str, line: usize, column: usize) -> Vec<(String, usize, usize)> {
    vec![(code.to_owned(), line, column)]
}

#[test]
fn the_minimal_ladder_is_clean() {
    assert_eq!(findings(MINIMAL), []);
}

#[test]
fn money_is_exact_and_plain() {
    for (amount, column) in [
        ("1e5", 22),
        ("0x1F", 22),
        ("12_000", 22),
        (".nan", 22),
        (".inf", 22),
        ("-5", 22),
        ("\"$120k\"", 22),
        ("\"120.000,00\"", 22),
        ("99999999999999999999", 22),
    ] {
        let source = mutate("min: 100000,", &format!("min: {amount},"));
        assert_eq!(
            findings(&source),
            one("invalid-amount", 26, column),
            "{amount}"
        );
    }
    // Quoted amounts and trailing zeros within the currency's precision are fine.
    assert_eq!(findings(&mutate("min: 100000,", "min: \"100000.00\",")), []);
    let source = mutate("min: 100000,", "min: 100000.001,");
    assert_eq!(findings(&source), one("currency-precision", 26, 22));
}

#[test]
fn amounts_beyond_u64_minor_units_are_refused() {
    // 19 digits parse, but not once multiplied by 100 for cents.
    let source = mutate("min: 100000,", "min: 1000000000000000000,");
    assert_eq!(findings(&source), one("invalid-amount", 26, 22));
}

#[test]
fn null_is_never_a_string() {
    for null in ["~", "null", ""] {
        let source = mutate("name: Minimal", &format!("name: {null}"));
        let found = findings(&source);
        assert_eq!(found.len(), 1, "{null:?}: {found:?}");
        assert_eq!((found[0].0.as_str(), found[0].1), ("type", 5), "{null:?}");
    }
}

#[test]
fn yaml_1_1_booleans_are_strings() {
    // `yes` is a name here, exactly as written, never `true`.
    let loaded = dualtrack::load(&mutate("name: Minimal", "name: yes")).expect("valid");
    assert_eq!(loaded.ladder().name(), "yes");
    let source = mutate("name: Minimal", "name: true");
    assert_eq!(findings(&source), one("type", 5, 7));
}

#[test]
fn numbers_are_not_names_and_grades_are_not_text() {
    assert_eq!(
        findings(&mutate("name: Minimal", "name: 2024")),
        one("type", 5, 7)
    );
    assert_eq!(
        findings(&mutate("grade: 1", "grade: \"1\"")),
        one("type", 25, 16)
    );
    assert_eq!(
        findings(&mutate("grade: 1", "grade: 1.5")),
        one("type", 25, 16)
    );
}

#[test]
fn unknown_keys_are_errors_with_a_suggestion() {
    let source = mutate("        title: Engineer", "        titel: Engineer");
    let report = report(&source);
    let codes: Vec<_> = report
        .findings()
        .iter()
        .map(|f| (f.code(), f.line(), f.column()))
        .collect();
    assert_eq!(
        codes,
        [
            ("missing-key", Some(23), Some(9)),
            ("unknown-key", Some(24), Some(9))
        ]
    );
    assert_eq!(report.findings()[1].help(), Some("did you mean `title`?"));
}

#[test]
fn duplicate_keys_name_both_places() {
    let report = report(&mutate("id: minimal\n", "id: minimal\nid: other\n"));
    assert_eq!(report.findings().len(), 1);
    let finding = &report.findings()[0];
    assert_eq!(
        (finding.code(), finding.line(), finding.column()),
        ("duplicate-key", Some(5), Some(1))
    );
    assert_eq!(
        finding.related()[0].location().map(|l| (l.line, l.column)),
        Some((4, 1))
    );
}

#[test]
fn anchors_aliases_merge_keys_and_tags_are_refused() {
    let anchored = mutate(
        "band: { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 2, mentoring: 2 }",
        "band: &senior { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 2, mentoring: 2 }",
    );
    let anchored = anchored.replacen(
        "band: { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 2, mentoring: 2, people",
        "band: *senior\n        expectations: { coding: 2, mentoring: 2, people",
        1,
    );
    let codes: Vec<_> = findings(&anchored).into_iter().map(|f| f.0).collect();
    assert_eq!(codes, ["unsupported-yaml", "unsupported-yaml"]);
    assert_eq!(
        findings(&mutate("name: Minimal", "name: !!str Minimal")),
        one("unsupported-yaml", 5, 7)
    );
    assert_eq!(
        findings(&mutate("id: minimal\n", "<<: { id: minimal }\n")),
        one("unsupported-yaml", 4, 1)
    );
}

#[test]
fn exactly_one_document() {
    let source = format!("{MINIMAL}---\n{MINIMAL}");
    let found = findings(&source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "unsupported-yaml");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{MINIMAL}");
    assert!(dualtrack::load(&with_bom).is_ok());
    assert!(Loader::new().load_bytes(with_bom.as_bytes()).is_ok());
}

#[test]
fn non_utf8_input_is_a_located_syntax_error() {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    let at = MINIMAL.find("Minimal").expect("name");
    bytes[at] = 0xFF;
    let report = Loader::new().load_bytes(&bytes).expect_err("not UTF-8");
    let f = &report.findings()[0];
    assert_eq!(
        (f.code(), f.line(), f.column()),
        ("syntax", Some(5), Some(7))
    );
    assert!(f.message().contains("0xFF"));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("a: 1".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let report = Loader::new().load_bytes(&utf16).expect_err("UTF-16");
    assert!(report.findings()[0].message().contains("UTF-16"));
}

#[test]
fn a_syntax_error_is_located() {
    let source = mutate("name: Minimal", "name: \"Minimal");
    let found = findings(&source);
    assert_eq!(found, one("syntax", 5, 7));
}

#[test]
fn every_structural_problem_is_reported_in_one_run() {
    let source = mutate("pay_period: annual", "pay_period: yearly")
        .replacen("kind: craft", "kind: crafts", 1)
        .replacen("        title: Engineer", "        titel: Engineer", 1);
    let codes: Vec<_> = findings(&source).into_iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(
        codes,
        [
            ("type".to_owned(), 7),
            ("type".to_owned(), 11),
            ("missing-key".to_owned(), 23),
            ("unknown-key".to_owned(), 24)
        ]
    );
}

#[test]
fn every_semantic_problem_is_reported_in_one_run() {
    let source = mutate("id: ic1", "id: IC1")
        .replacen(
            "band: { min: 100000, mid: 115000, max: 130000 }",
            "band: { min: 130000, mid: 115000, max: 100000 }",
            1,
        )
        .replacen("currency: USD", "currency: usd", 1);
    let codes: Vec<_> = findings(&source).into_iter().map(|f| f.0).collect();
    assert_eq!(codes, ["invalid-currency", "invalid-id"]);
    // With a valid currency the bands can be compared too.
    let source = mutate("id: ic1", "id: IC1").replacen(
        "band: { min: 100000, mid: 115000, max: 130000 }",
        "band: { min: 130000, mid: 115000, max: 100000 }",
        1,
    );
    let codes: Vec<_> = findings(&source).into_iter().map(|f| f.0).collect();
    assert_eq!(codes, ["invalid-id", "band-order"]);
}

#[test]
fn continuations_left_of_their_key_are_syntax_errors() {
    // Indented past the key, a quoted value may go on over several lines.
    let loaded = dualtrack::load(&mutate("name: Minimal", "name: \"Mini\n  mal\"")).expect("valid");
    assert_eq!(loaded.ladder().name(), "Mini mal");
    // Not at column 0, where YAML ends the key's value (yaml-test-suite QB6E).
    let source = mutate("name: Minimal", "name: \"Mini\nmal\"");
    assert_eq!(findings(&source), one("syntax", 6, 1));
    let source = mutate("title: Engineer", "title: \"Engi\n  neer\"");
    assert_eq!(findings(&source), one("syntax", 25, 3));
    // A flow mapping continued at column 0 (yaml-test-suite 9C9N).
    let source = mutate("band: { min: 100000, ", "band: { min: 100000,\n");
    assert_eq!(findings(&source), one("syntax", 27, 1));
}

#[test]
fn empty_keys_are_named_as_such() {
    let source = mutate("        grade: 1\n", "        grade: 1\n        : 1\n");
    let first = report(&source);
    let f = &first.findings()[0];
    assert_eq!(
        (f.code(), f.line(), f.column()),
        ("unknown-key", Some(26), Some(9))
    );
    assert_eq!(f.message(), "an empty key in a level");
    assert_eq!(f.path().as_str(), "/tracks/0/levels/0/");
    assert!(
        f.help()
            .is_some_and(|h| h.starts_with("write a key before the `:`"))
    );
    let source = mutate("id: minimal\n", "id: minimal\n: a\n: b\n");
    let twice = report(&source);
    let f = &twice.findings()[0];
    assert_eq!(
        (f.code(), f.line(), f.column()),
        ("duplicate-key", Some(6), Some(1))
    );
    assert_eq!(
        f.message(),
        "an empty key appears twice in the same mapping"
    );
    assert_eq!(f.path().as_str(), "/");
}

#[test]
fn empty_or_blank_text_is_an_error() {
    for (value, found) in [
        ("\"\"", "an empty string"),
        ("''", "an empty string"),
        ("\"   \"", "a string of only whitespace"),
        ("\"\\t\"", "a string of only whitespace"),
    ] {
        let source = mutate("title: Engineer", &format!("title: {value}"));
        let found_in = report(&source);
        assert_eq!(positions(&found_in), one("type", 24, 16), "{value}");
        let f = &found_in.findings()[0];
        assert_eq!(f.message(), format!("expected text, found {found}"));
        assert_eq!(
            f.help(),
            Some("write the text; an empty or blank value is no more text than `null`")
        );
    }
    assert_eq!(
        findings(&mutate("name: Minimal", "name: ' '")),
        one("type", 5, 7)
    );
    let described = mutate(
        "    kind: craft\n",
        "    kind: craft\n    description: \"\"\n",
    );
    assert_eq!(findings(&described), one("type", 12, 18));
}

#[test]
fn a_comma_that_splits_an_unquoted_value_asks_for_quotes() {
    let source = mutate(
        "  - id: coding\n    name: Coding\n    kind: craft\n",
        "  - { id: coding, name: Coding (pairing, reviews), kind: craft }\n",
    );
    let first = report(&source);
    let f = &first.findings()[0];
    assert_eq!(
        (f.code(), f.line(), f.column()),
        ("unknown-key", Some(9), Some(42))
    );
    assert_eq!(f.message(), "unknown key `reviews)` in a competency");
    assert_eq!(
        f.help(),
        Some("a `,` ends an unquoted value inside `{ }`; put the whole value of `name` in quotes")
    );
    // A key written alone for its own sake keeps the usual help.
    let source = mutate("band: { min: 100000,", "band: { mn, min: 100000,");
    let help = report(&source).findings()[0].help().map(str::to_owned);
    assert_eq!(help.as_deref(), Some("did you mean `min`?"));
}
