//! `dualtrack schema`: the JSON Schema of ladder or ratings files.

use std::process::ExitCode;

use clap::ValueEnum;

use crate::output;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Which file format.
    #[arg(value_enum, default_value_t = Kind::Ladder)]
    kind: Kind,
}

/// The file formats with a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Kind {
    /// Ladder files.
    Ladder,
    /// Ratings files, the input of `assess`.
    Ratings,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    output::print(&match args.kind {
        Kind::Ladder => dualtrack::schema(),
        Kind::Ratings => dualtrack::ratings_schema(),
    })
}
