//! What the integration tests share: a load's outcome as one report, findings
//! as the (code, line, column) a user sees, and the CLI as a user runs it.

// Each test crate uses a part of this module.
#![allow(dead_code)]

#[cfg(feature = "cli")]
use std::process::{Command, Output};

use dualtrack::{Loaded, Report};

pub mod roster;

/// The report of a load, whether it handed out a ladder or not.
pub fn report_of(outcome: Result<Loaded, Report>) -> Report {
    match outcome {
        Ok(loaded) => loaded.into_parts().1,
        Err(report) => report,
    }
}

/// The (code, line, column) of every finding, in report order.
pub fn positions(report: &Report) -> Vec<(String, usize, usize)> {
    report
        .findings()
        .iter()
        .map(|f| {
            (
                f.code().to_owned(),
                f.line().unwrap_or(0),
                f.column().unwrap_or(0),
            )
        })
        .collect()
}

/// The findings a fixture names in its `# expect: CODE LINE:COL` lines, as
/// (code, line, column), sorted.
pub fn expected(source: &str) -> Vec<(String, usize, usize)> {
    let mut list: Vec<(String, usize, usize)> = source
        .lines()
        .filter_map(|line| line.strip_prefix("# expect: "))
        .map(|rest| {
            let (code, at) = rest.split_once(' ').expect("`# expect: CODE LINE:COL`");
            let (line, column) = at.trim().split_once(':').expect("LINE:COL");
            (
                code.to_owned(),
                line.parse().expect("line"),
                column.parse().expect("column"),
            )
        })
        .collect();
    list.sort();
    list
}

/// Loads a ladder fixture and checks that it gives exactly the findings its
/// expect lines name; returns its text, its report and the name to render it
/// under (its path from the crate root).
pub fn load_fixture(path: &std::path::Path) -> (String, Report, String) {
    let source = std::fs::read_to_string(path).expect("a fixture");
    let report = report_of(dualtrack::Loader::new().load(&source));
    let mut found = positions(&report);
    found.sort();
    assert_eq!(found, expected(&source), "{}", path.display());
    let root = std::env::current_dir().expect("the crate root");
    let name = path
        .strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string();
    (source, report, name)
}

/// Runs the built `dualtrack` from the crate root, without colour.
#[cfg(feature = "cli")]
pub fn dualtrack(args: &[&str]) -> Output {
    dualtrack_with_env(args, &[])
}

/// Runs the built `dualtrack` with extra environment variables.
#[cfg(feature = "cli")]
pub fn dualtrack_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dualtrack"))
        .args(args)
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run dualtrack")
}

/// Program output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8 output")
}
