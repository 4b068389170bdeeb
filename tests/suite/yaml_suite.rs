//! The YAML test suite (vendored under `tests/yaml-test-suite/`): every
//! must-fail case is refused by the YAML layer, as `syntax` or (for what
//! ladder files never use) `unsupported-yaml`, and no valid case is a
//! `syntax` error. Valid cases are no ladders, so they fail on other codes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dualtrack::Loader;

use crate::common;

use common::report_of;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/yaml-test-suite/data");

/// The codes with which the YAML layer refuses a file.
const REFUSED: [&str; 2] = ["syntax", "unsupported-yaml"];

struct Case {
    id: String,
    name: String,
    input: Vec<u8>,
    must_fail: bool,
}

/// Every case directory (`ID` or `ID/NN`) that holds an `in.yaml`.
fn cases() -> Vec<Case> {
    let mut dirs = vec![PathBuf::from(DATA)];
    let mut cases = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable suite directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            }
        }
        let input = dir.join("in.yaml");
        if input.is_file() {
            cases.push(Case {
                id: id_of(&dir),
                name: std::fs::read_to_string(dir.join("===")).unwrap_or_default(),
                input: std::fs::read(&input).expect("readable in.yaml"),
                must_fail: dir.join("error").is_file(),
            });
        }
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    cases
}

fn id_of(dir: &Path) -> String {
    dir.strip_prefix(DATA)
        .expect("under the data directory")
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn every_must_fail_case_is_refused_and_no_valid_case_is_a_syntax_error() {
    let cases = cases();
    let must_fail = cases.iter().filter(|c| c.must_fail).count();
    assert_eq!((cases.len(), must_fail), (402, 94), "the vendored release");

    let started = Instant::now();
    let mut refused = 0;
    let mut refused_valid = 0;
    let mut wrong = Vec::new();
    for case in &cases {
        let report = report_of(Loader::new().load_bytes(&case.input));
        let codes: Vec<&str> = report.findings().iter().map(|f| f.code()).collect();
        let is_refused = codes.iter().any(|code| REFUSED.contains(code));
        if case.must_fail {
            if is_refused {
                refused += 1;
            } else {
                wrong.push(format!(
                    "{} ({}): must fail, but got {codes:?}",
                    case.id,
                    case.name.trim()
                ));
            }
        } else if codes.contains(&"syntax") {
            let first = report.findings().iter().find(|f| f.code() == "syntax");
            wrong.push(format!(
                "{} ({}): valid, but got syntax {:?}",
                case.id,
                case.name.trim(),
                first.map(|f| (f.line(), f.column(), f.message()))
            ));
        } else if is_refused {
            refused_valid += 1;
        }
    }
    let elapsed = started.elapsed();
    println!(
        "yaml-test-suite: {} cases, {must_fail} must-fail, {refused} of them refused by the YAML layer; \
         {} valid, {} with a `syntax` finding, {refused_valid} refused as unsupported; {elapsed:?}",
        cases.len(),
        cases.len() - must_fail,
        wrong.iter().filter(|w| w.contains("valid, but")).count(),
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn indentation_errors_are_reported_where_they_are() {
    // Accepted before strict indentation (the first three), or located a
    // line after the tab that set the wrong indentation (4EJS).
    for (id, line, column) in [
        ("9C9N", 3, 1),
        ("DK95/01", 2, 1),
        ("QB6E", 3, 1),
        ("4EJS", 3, 1),
    ] {
        let input = std::fs::read(Path::new(DATA).join(id).join("in.yaml")).expect("case");
        let report = report_of(Loader::new().load_bytes(&input));
        let f = &report.findings()[0];
        assert_eq!(
            (f.code(), f.line(), f.column()),
            ("syntax", Some(line), Some(column)),
            "{id}: {}",
            f.message()
        );
    }
}
