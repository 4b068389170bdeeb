//! Findings where teams already look: `validate --format sarif` (GitHub code
//! scanning), checked against the official SARIF 2.1.0 schema, and
//! `validate --format github` (workflow annotations), escaped as the runner
//! reads them.
#![cfg(feature = "cli")]

use crate::common;

use common::{dualtrack, text};
use serde_json::Value;

const BROKEN: &str = "tests/fixtures/cli/engineering-broken.yaml";
const WARNING: &str = "tests/fixtures/cli/warning-only.yaml";
const HOSTILE: &str = "tests/fixtures/cli/hostile-annotations.yaml";

/// The OASIS SARIF 2.1.0 schema (errata 01), vendored from
/// github.com/oasis-tcs/sarif-spec with its licence.
fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../sarif/sarif-schema-2.1.0.json"))
        .expect("the vendored SARIF schema is JSON");
    jsonschema::draft4::new(&schema).expect("a valid draft-04 schema")
}

/// Runs `dualtrack` in cargo's scratch directory for tests, where odd file
/// names are made, so that their paths relative to it are the same wherever
/// the target directory is.
fn dualtrack_in_scratch(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dualtrack"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_TARGET_TMPDIR"))
        .output()
        .expect("run dualtrack")
}

/// A copy of a fixture at `relative`, a path in cargo's scratch directory.
fn scratch_copy(fixture: &str, relative: &str) {
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(relative);
    std::fs::create_dir_all(file.parent().expect("a directory")).expect("a scratch directory");
    std::fs::copy(fixture, &file).expect("copy");
}

fn sarif(args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all = vec!["validate", "--format", "sarif"];
    all.extend_from_slice(args);
    sarif_of(dualtrack(&all))
}

fn sarif_of(out: std::process::Output) -> (Option<i32>, Value, String) {
    let log: Value = serde_json::from_slice(&out.stdout).expect("one JSON document on stdout");
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0: {errors:#?}");
    (out.status.code(), log, text(&out.stderr))
}

#[test]
fn sarif_of_a_broken_ladder_is_valid_and_locates_every_finding() {
    let (code, log, stderr) = sarif(&[BROKEN, "ladders/design.yaml"]);
    assert_eq!(code, Some(1));
    assert_eq!(stderr, "checked 2 files: 2 errors, 1 warning\n");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let root = run["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .expect("the working directory as the root");
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    insta::assert_json_snapshot!("sarif-results", run["results"]);
    insta::assert_json_snapshot!("sarif-artifacts", run["artifacts"]);
}

#[test]
fn sarif_rules_are_the_catalogue_with_its_docs() {
    let (code, log, _) = sarif(&["ladders/engineering.yaml"]);
    assert_eq!(code, Some(0));
    let run = &log["runs"][0];
    assert_eq!(run["results"], serde_json::json!([]));
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "dualtrack");
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), dualtrack::rules().len());
    for (descriptor, rule) in rules.iter().zip(dualtrack::rules()) {
        assert_eq!(descriptor["id"], rule.code());
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary());
        assert_eq!(
            descriptor["defaultConfiguration"]["level"],
            rule.default_severity().as_str()
        );
        let markdown = descriptor["help"]["markdown"]
            .as_str()
            .expect("markdown help");
        assert!(markdown.contains(&rule.docs()), "{}", rule.code());
        let full = descriptor["fullDescription"]["text"]
            .as_str()
            .expect("full");
        assert!(!full.is_empty() && !full.contains('\n'), "{}", rule.code());
        // A name only where it is not the id in another case.
        if let Some(name) = descriptor["name"].as_str() {
            assert!(!name.eq_ignore_ascii_case(rule.code()), "{name}");
        }
    }
    let parity = &rules[dualtrack::rules()
        .iter()
        .position(|r| r.code() == "parity-gap")
        .expect("parity-gap")];
    assert_eq!(parity["name"], "ParityGap");
    assert!(
        parity["fullDescription"]["text"]
            .as_str()
            .is_some_and(|t| t.ends_with("`overlap`: the two bands overlap.")),
        "{}",
        parity["fullDescription"]
    );
}

#[test]
fn sarif_results_name_their_rule_by_index_and_follow_overrides() {
    let (code, log, _) = sarif(&["--warn", "parity-gap", "--deny", "duplicate-title", BROKEN]);
    assert_eq!(code, Some(1));
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let levels: Vec<(&str, &str)> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().expect("id"),
                r["level"].as_str().expect("level"),
            )
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("duplicate-title", "error"),
            ("band-order", "error"),
            ("parity-gap", "warning")
        ]
    );
}

#[test]
fn sarif_lists_a_file_named_twice_as_one_artifact() {
    let (code, log, _) = sarif(&["ladders", "ladders/examples", BROKEN]);
    assert_eq!(code, Some(1));
    let run = &log["runs"][0];
    let artifacts = run["artifacts"].as_array().expect("artifacts");
    let examples = std::fs::read_dir("ladders/examples")
        .expect("examples")
        .count();
    let top = std::fs::read_dir("ladders")
        .expect("ladders")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().is_file()))
        .count();
    assert_eq!(artifacts.len(), top + examples + 1);
    for result in run["results"].as_array().expect("results") {
        let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        let index = location["index"].as_u64().expect("an index") as usize;
        assert_eq!(artifacts[index]["location"]["uri"], location["uri"]);
    }
}

#[test]
fn sarif_of_unparsable_yaml_is_valid_and_located() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sarif-syntax");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let file = dir.join("broken.yaml");
    std::fs::write(&file, "\u{feff}schema_version: 1\nid: [unclosed\n").expect("write");
    let (code, log, _) = sarif(&[file.to_str().expect("utf-8 path")]);
    assert_eq!(code, Some(1));
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "syntax");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert!(region["startLine"].as_u64().is_some(), "{region}");
}

#[test]
fn sarif_paths_are_relative_to_the_working_directory_and_encoded() {
    let relative = "sarif paths #1/lad%der é.yaml";
    scratch_copy(WARNING, relative);
    let (code, log, _) = sarif_of(dualtrack_in_scratch(&[
        "validate", "--format", "sarif", relative,
    ]));
    assert_eq!(code, Some(0));
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "sarif%20paths%20%231/lad%25der%20%C3%A9.yaml"
    );
    assert_eq!(location["artifactLocation"]["uriBaseId"], "SRCROOT");

    // An absolute path under the working directory is made relative to it.
    let absolute = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(relative);
    let (_, log, _) = sarif_of(dualtrack_in_scratch(&[
        "validate",
        "--format",
        "sarif",
        absolute.to_str().expect("utf-8 path"),
    ]));
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "sarif%20paths%20%231/lad%25der%20%C3%A9.yaml"
    );
}

#[test]
fn github_annotations_are_one_command_per_finding() {
    let out = dualtrack(&[
        "validate",
        "--format",
        "github",
        BROKEN,
        "ladders/design.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "checked 2 files: 2 errors, 1 warning\n");
    insta::assert_snapshot!("github-broken", text(&out.stdout));
}

#[test]
fn github_annotations_escape_hostile_messages() {
    let out = dualtrack(&["validate", "--format", "github", HOSTILE]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    // One command per finding: nothing a title or id holds starts another.
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        stdout
            .lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning "))
    );
    assert!(
        !stdout.contains("%0A::error file=x"),
        "an encoded break stays text: {stdout}"
    );
    insta::assert_snapshot!("github-hostile", stdout);
}

#[test]
fn github_annotations_escape_hostile_paths() {
    let relative = "we,ird:50%/lad\nder,title=x::y.yaml";
    scratch_copy(WARNING, relative);
    let out = dualtrack_in_scratch(&["validate", "--format", "github", relative]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    insta::assert_snapshot!("github-hostile-path", stdout);
}

#[test]
fn the_readme_shows_the_committed_workflow() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let workflow = std::fs::read_to_string("docs/github-workflow.yml").expect("the workflow");
    let shown = format!("```yaml\n{workflow}```\n");
    assert!(
        readme.contains(&shown),
        "README's \"Use in CI\" must show docs/github-workflow.yml as it is"
    );
}

#[test]
fn regions_are_the_same_with_crlf_line_breaks_and_a_bom() {
    let lf = std::fs::read_to_string(BROKEN).expect("fixture");
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("crlf/broken.yaml");
    std::fs::create_dir_all(file.parent().expect("a directory")).expect("a scratch directory");
    std::fs::write(&file, crlf).expect("write");
    let regions = |log: &Value| -> Vec<Value> {
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["locations"][0]["physicalLocation"]["region"].clone())
            .collect()
    };
    let (_, with_lf, _) = sarif(&[BROKEN]);
    let (_, with_crlf, _) = sarif(&[file.to_str().expect("utf-8 path")]);
    assert_eq!(regions(&with_lf), regions(&with_crlf));
}
