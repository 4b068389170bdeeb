//! `dualtrack explain CODE`: a rule's documentation.

use std::process::ExitCode;

use crate::output;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The rule's code, such as `parity-gap`.
    code: String,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let code = &args.code;
    match dualtrack::rule(code) {
        Some(rule) => output::print(&format!(
            "{}: {} ({} by default{})\n\n{}",
            rule.code(),
            rule.summary(),
            rule.default_severity(),
            if rule.is_invariant() { ", always" } else { "" },
            rule.docs()
        )),
        None => output::usage(&format!(
            "unknown rule `{code}`; `dualtrack rules` lists them"
        )),
    }
}
