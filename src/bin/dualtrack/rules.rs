//! `dualtrack rules`: every rule, one line each.

use std::process::ExitCode;

use crate::output;

pub(crate) fn run() -> ExitCode {
    let mut out = String::new();
    let width = dualtrack::rules()
        .iter()
        .map(|r| r.code().len())
        .max()
        .unwrap_or(0);
    for rule in dualtrack::rules() {
        out.push_str(&format!(
            "{:<width$} {:<8} {}\n",
            rule.code(),
            rule.default_severity().as_str(),
            rule.summary()
        ));
    }
    output::print(&out)
}
