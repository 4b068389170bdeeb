//! `dualtrack`: validate dual-track career ladders from the command line.
//!
//! This file parses the command line and hands each command to its module;
//! the answers come from the library, and `output` prints them.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod annotations;
mod assess;
mod audit;
mod diff;
mod explain;
mod input;
mod lsp;
mod r#move;
mod output;
mod render;
mod rules;
mod sarif;
mod schema;
mod show;
mod validate;

/// Validate dual-track career ladders: an individual-contributor track that
/// climbs as high, and pays as much, as management.
#[derive(Debug, Parser)]
#[command(name = "dualtrack", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check ladder files and report every finding with its line and column.
    Validate(validate::Args),
    /// Print the JSON Schema of ladder files (schemas/ladder.schema.json),
    /// or of ratings files (schemas/ratings.schema.json).
    Schema(schema::Args),
    /// List every rule: code, default severity, what it checks.
    Rules,
    /// Show a rule's documentation, with a bad and a good example.
    Explain(explain::Args),
    /// Show a level, or the whole ladder: grades, bands, expectations, counterparts.
    Show(show::Args),
    /// Describe a move from a level to another track: target, pay, new expectations.
    Move(r#move::Args),
    /// Readiness per track, and the gaps, from a person's ratings file.
    Assess(assess::Args),
    /// Compare two versions of a ladder: pay per grade on each track side by
    /// side, every band point changed, findings introduced and fixed.
    Diff(diff::Args),
    /// Audit what people are actually paid (a CSV roster) against the ladder:
    /// pay per level, parity in practice, group gaps, salaries outside their band.
    Audit(audit::Args),
    /// Publish ladders as pages: the two tracks side by side, the band chart,
    /// the competency matrix, a section per level (HTML, or Markdown).
    Render(render::Args),
    /// Serve the language server over stdio: every finding as a ladder is
    /// typed, for editors (see the README's "Editor setup").
    Lsp(lsp::Args),
}

fn main() -> ExitCode {
    output::report_panics();
    let cli = Cli::parse();
    output::unless_panicked(|| run(cli))
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Rules => rules::run(),
        Command::Explain(args) => explain::run(&args),
        Command::Show(args) => show::run(&args),
        Command::Move(args) => r#move::run(&args),
        Command::Assess(args) => assess::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Audit(args) => audit::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Lsp(args) => lsp::run(&args),
    }
}
