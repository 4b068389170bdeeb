//! `dualtrack rules`: every rule, one line each.

use std::process::ExitCode;

use crate::output;

pub(crate) fn run() -> ExitCode {
    let mut out = String::new();
    for rule in dualtrack::rules() {
        out.push_str(&format!(
            "{:<24} {:<8} {}\n",
            rule.code(),
            rule.default_severity().as_str(),
            rule.summary()
        ));
    }
    output::print(&out)
}
