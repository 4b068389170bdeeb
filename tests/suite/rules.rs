//! Every rule fires on its fixture, exactly where the fixture says, and
//! renders as the fixture's snapshot shows; the reference ladders are clean.
//!
//! A fixture under `tests/fixtures/rules/<code>.yaml` starts with one
//! `# expect: <code> <line>:<column>` comment per finding it must produce,
//! and produces no other finding. A fixture with a `# ratings-for: LADDER`
//! line is a ratings file, read against that ladder.

use std::collections::BTreeSet;
use std::path::Path;

use dualtrack::{Loader, Report};

use crate::common;

use common::{positions, report_of};

fn report(bytes: &[u8]) -> Report {
    let source = String::from_utf8_lossy(bytes);
    if let Some(ladder) = source
        .lines()
        .find_map(|line| line.strip_prefix("# ratings-for: "))
    {
        let ladder = Loader::new()
            .load_path(ladder.trim())
            .expect("a valid ladder")
            .into_ladder();
        return dualtrack::load_ratings_bytes(bytes, &ladder)
            .err()
            .unwrap_or_default();
    }
    report_of(Loader::new().load_bytes(bytes))
}

fn expected(source: &str) -> BTreeSet<(String, usize, usize)> {
    common::expected(source).into_iter().collect()
}

#[test]
fn every_rule_fires_on_its_fixture_where_expected() {
    let mut failures = Vec::new();
    for rule in dualtrack::rules() {
        let path = format!("tests/fixtures/rules/{}.yaml", rule.code());
        let Ok(bytes) = std::fs::read(&path) else {
            failures.push(format!("{}: no fixture at {path}", rule.code()));
            continue;
        };
        let source = String::from_utf8_lossy(&bytes);
        let expected = expected(&source);
        if !expected.iter().any(|(code, _, _)| code == rule.code()) {
            failures.push(format!("{path}: expects no `{}` finding", rule.code()));
        }
        let report = report(&bytes);
        let actual: BTreeSet<(String, usize, usize)> = positions(&report).into_iter().collect();
        if actual != expected {
            failures.push(format!(
                "{path}:\n  expected {expected:?}\n  found    {actual:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One snapshot per fixture, `snapshots/rules__rule@<code>.yaml.snap`: a
/// mismatch is reported for every fixture that has one, not just the first.
#[cfg(feature = "render")]
#[test]
fn rule() {
    insta::glob!("../fixtures/rules", "*.yaml", |path| {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let path = format!("tests/fixtures/rules/{name}");
        let bytes = std::fs::read(&path).expect("fixture");
        let source = String::from_utf8_lossy(&bytes);
        let rendered = dualtrack::render(&report(&bytes), &source, &path, false);
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn fixtures_are_all_named_after_rules() {
    for entry in std::fs::read_dir("tests/fixtures/rules").expect("fixtures") {
        let path = entry.expect("entry").path();
        let code = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert!(
            dualtrack::rule(code).is_some(),
            "{} is not named after a rule",
            path.display()
        );
    }
}

#[test]
fn reference_ladders_and_valid_fixtures_are_clean() {
    for dir in ["ladders", "tests/fixtures/valid"] {
        for entry in std::fs::read_dir(dir).expect("directory") {
            let path = entry.expect("entry").path();
            // `ladders/examples/` keep their real problems (tests/suite/examples.rs).
            if path.is_dir() {
                continue;
            }
            let loaded = Loader::new()
                .load_path(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // A valid fixture may carry notes (a ladder without pay has
            // one); nothing else.
            let clean = match dir {
                "ladders" => loaded.report().is_empty(),
                _ => loaded
                    .report()
                    .findings()
                    .iter()
                    .all(|f| f.severity() == dualtrack::Severity::Note),
            };
            assert!(clean, "{}: {:?}", path.display(), loaded.report());
        }
    }
}

#[test]
fn a_ladder_without_pay_is_valid_with_one_note() {
    let loaded = Loader::new()
        .load_path("tests/fixtures/valid/no-pay.yaml")
        .expect("valid");
    let codes: Vec<&str> = loaded
        .report()
        .findings()
        .iter()
        .map(|f| f.code())
        .collect();
    assert_eq!(codes, ["no-pay"]);
    let note = &loaded.report().findings()[0];
    assert_eq!(note.severity(), dualtrack::Severity::Note);
    assert_eq!(
        note.message(),
        "no level publishes a pay band, so pay parity between the tracks cannot be checked"
    );
    let ladder = loaded.ladder();
    assert_eq!((ladder.currency(), ladder.pay_period()), (None, None));
    assert!(!ladder.publishes_pay());
    assert!(
        ladder
            .tracks()
            .iter()
            .flat_map(|t| t.levels())
            .all(|l| l.band().is_none())
    );
}

#[test]
fn reference_ladders_start_with_the_schema_modeline() {
    for (dir, schema) in [
        ("ladders", "../schemas/ladder.schema.json"),
        ("ladders/examples", "../../schemas/ladder.schema.json"),
    ] {
        for entry in std::fs::read_dir(dir).expect("ladders") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("text");
            assert!(
                text.starts_with(&format!("# yaml-language-server: $schema={schema}\n")),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn catalogue_is_sorted_unique_and_documented() {
    let codes: Vec<&str> = dualtrack::rules().iter().map(|r| r.code()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes must be sorted and unique");
    for rule in dualtrack::rules() {
        let code = rule.code();
        assert!(
            code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{code} is not kebab-case"
        );
        let docs = rule.docs();
        for section in [
            "### What it does",
            "### Why is this bad?",
            "### Example",
            "Use instead:",
        ] {
            assert!(docs.contains(section), "{code}: docs lack `{section}`");
        }
        assert_eq!(
            docs.matches("```yaml").count(),
            2,
            "{code}: a bad and a good example"
        );
        assert!(
            !rule.summary().ends_with('.'),
            "{code}: summary ends with a period"
        );
    }
}

#[test]
fn the_design_catalogue_is_covered() {
    let design = [
        "syntax",
        "type",
        "unknown-key",
        "duplicate-key",
        "limit",
        "unsupported-yaml",
        "invalid-id",
        "duplicate-id",
        "unknown-competency",
        "empty-track",
        "missing-track",
        "grade-order",
        "grade-gap",
        "duplicate-title",
        "invalid-amount",
        "invalid-currency",
        "currency-precision",
        "band-order",
        "band-spread",
        "band-regression",
        "midpoint-progression",
        "band-overlap",
        "ic-ceiling",
        "parity-gap",
        "missing-counterpart",
        "management-premium",
        "invalid-proficiency",
        "missing-expectation",
        "expectation-regression",
        "people-on-ic-track",
        "unassessed-management",
        "unused-competency",
    ];
    for code in design {
        assert!(
            dualtrack::rule(code).is_some(),
            "`{code}` from DESIGN.md is missing"
        );
    }
    assert!(Path::new("tests/fixtures/rules").is_dir());
}
