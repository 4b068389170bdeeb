//! The command line as a user runs it: output, exit codes, and files left untouched.
#![cfg(feature = "cli")]

use crate::common;

use common::{dualtrack, text};

const BROKEN: &str = "tests/fixtures/cli/engineering-broken.yaml";

#[test]
fn validate_reports_the_reference_ladders_clean() {
    // `ladders/examples/` (walked by a bare `validate`) holds worked
    // examples of published pay tables, with the findings they really have.
    let out = dualtrack(&[
        "validate",
        "ladders/design.yaml",
        "ladders/engineering.yaml",
        "ladders/skilled-trades.yaml",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "checked 3 files: 0 errors, 0 warnings\n");
    assert!(out.stdout.is_empty());
}

#[test]
fn validate_shows_every_problem_of_a_broken_ladder() {
    let out = dualtrack(&["validate", BROKEN]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "human output goes to stderr");
    insta::assert_snapshot!("validate-human", text(&out.stderr));
}

#[test]
fn validate_json_is_one_document_on_stdout() {
    let out = dualtrack(&[
        "validate",
        "--format",
        "json",
        BROKEN,
        "ladders/design.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        document["summary"],
        serde_json::json!({ "files": 2, "errors": 2, "warnings": 1, "notes": 0 })
    );
    insta::assert_snapshot!("validate-json", text(&out.stdout));
}

#[test]
fn warnings_pass_unless_denied() {
    let out = dualtrack(&["validate", "--allow", "band-order", BROKEN]);
    assert_eq!(out.status.code(), Some(2), "band-order cannot be allowed");
    assert!(text(&out.stderr).contains("rule `band-order` is always an error"));

    let out = dualtrack(&[
        "validate",
        "--warn",
        "parity-gap",
        "--format",
        "json",
        BROKEN,
    ]);
    let document: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        document["summary"]["errors"], 1,
        "only band-order is left an error"
    );
    assert_eq!(document["summary"]["warnings"], 2);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn deny_warnings_and_overrides_decide_the_exit_code() {
    let fixture = "tests/fixtures/cli/warning-only.yaml";
    let out = dualtrack(&["validate", fixture]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).ends_with("checked 1 file: 0 errors, 1 warning\n"));
    let out = dualtrack(&["validate", "--deny-warnings", fixture]);
    assert_eq!(out.status.code(), Some(1));
    let out = dualtrack(&["validate", "--deny", "duplicate-title", fixture]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("error[duplicate-title]"));
    let out = dualtrack(&["validate", "--allow", "duplicate-title", fixture]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).ends_with("checked 1 file: 0 errors, 0 warnings\n"));
}

#[test]
fn usage_errors_and_unreadable_paths_exit_2() {
    for args in [
        &["validate", "no/such/file.yaml"][..],
        &["validate", "--allow", "no-such-rule"],
        &["validate", "--format", "xml"],
        &["explain", "no-such-rule"],
        &["frobnicate"],
    ] {
        let out = dualtrack(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stderr).contains("error"), "{args:?}");
    }
}

#[test]
fn usage_errors_escape_what_the_user_typed() {
    // Raw, U+202E (right-to-left override) makes a terminal show the path
    // `no\u{202e}yaml.lmx` as `noxml.lmay`; messages show the escape instead.
    for (args, shown) in [
        (
            &["validate", "no\u{202e}yaml.lmx"][..],
            "error: cannot read `no\\u{202e}yaml.lmx`: ",
        ),
        (
            &["validate", "--allow", "no\u{202e}rule"],
            "error: unknown rule `no\\u{202e}rule`; ",
        ),
        (
            &["explain", "no\u{200b}rule"],
            "error: unknown rule `no\\u{200b}rule`; ",
        ),
    ] {
        let out = dualtrack(args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with(shown), "{args:?}: {stderr}");
        assert!(
            !stderr.contains(['\u{202e}', '\u{200b}']),
            "{args:?}: {stderr:?}"
        );
    }
}

#[test]
fn rules_lists_every_rule() {
    let out = dualtrack(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let listing = text(&out.stdout);
    for rule in dualtrack::rules() {
        assert!(listing.contains(rule.code()), "{}", rule.code());
    }
    insta::assert_snapshot!("rules", listing);
}

#[test]
fn explain_prints_a_rule_with_its_examples() {
    let out = dualtrack(&["explain", "parity-gap"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("explain-parity-gap", text(&out.stdout));
}

#[test]
fn validate_never_writes_to_the_files_it_reads() {
    let before = std::fs::read(BROKEN).expect("fixture");
    let modified = std::fs::metadata(BROKEN)
        .and_then(|m| m.modified())
        .expect("mtime");
    dualtrack(&["validate", BROKEN]);
    assert_eq!(std::fs::read(BROKEN).expect("fixture"), before);
    assert_eq!(
        std::fs::metadata(BROKEN)
            .and_then(|m| m.modified())
            .expect("mtime"),
        modified
    );
}
