//! `dualtrack`: validate dual-track career ladders from the command line.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Parser, Subcommand, ValueEnum};
use dualtrack::{Count, Limits, Loader, Override, Report, Severity};
use serde::Serialize;

mod assess;
mod common;
mod r#move;
mod show;

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
    Validate(ValidateArgs),
    /// Print the JSON Schema of ladder files (schemas/ladder.schema.json),
    /// or of ratings files (schemas/ratings.schema.json).
    Schema {
        /// Which file format.
        #[arg(value_enum, default_value_t = SchemaKind::Ladder)]
        kind: SchemaKind,
    },
    /// List every rule: code, default severity, what it checks.
    Rules,
    /// Show a rule's documentation, with a bad and a good example.
    Explain {
        /// The rule's code, such as `parity-gap`.
        code: String,
    },
    /// Show a level, or the whole ladder: grades, bands, expectations, counterparts.
    Show(show::Args),
    /// Describe a move from a level to another track: target, pay, new expectations.
    Move(r#move::Args),
    /// Readiness per track, and the gaps, from a person's ratings file.
    Assess(assess::Args),
}

#[derive(Debug, clap::Args)]
struct ValidateArgs {
    /// Files, or directories to search for `*.yaml` and `*.yml` files.
    #[arg(default_value = "ladders")]
    paths: Vec<PathBuf>,
    /// `human`: diagnostics on stderr; `json`: one JSON document on stdout.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Count warnings as errors for the exit code.
    #[arg(long)]
    deny_warnings: bool,
    /// Drop the findings of a rule (repeatable).
    #[arg(long, value_name = "CODE")]
    allow: Vec<String>,
    /// Report a rule's findings as warnings (repeatable).
    #[arg(long, value_name = "CODE")]
    warn: Vec<String>,
    /// Report a rule's findings as errors (repeatable).
    #[arg(long, value_name = "CODE")]
    deny: Vec<String>,
}

/// The file formats with a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SchemaKind {
    /// Ladder files.
    Ladder,
    /// Ratings files, the input of `assess`.
    Ratings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// Exit code for a usage error or an unreadable path.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    // A panic is a bug in dualtrack, never the user's fault: one line saying
    // so (no backtrace, whatever RUST_BACKTRACE says) and exit code 2.
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "error: internal error in dualtrack{at}: {}\nthis is a bug; please report it with the file that caused it",
            dualtrack::escape_whole(message)
        );
    }));
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(USAGE),
    }
}

/// The test suite's way to check the panic path: debug builds panic on
/// purpose when this variable is set. Release builds ignore it.
const TEST_PANIC: &str = "DUALTRACK_TEST_PANIC";

fn run(cli: Cli) -> ExitCode {
    if cfg!(debug_assertions) && std::env::var_os(TEST_PANIC).is_some() {
        panic!("{TEST_PANIC} is set");
    }
    match cli.command {
        Command::Validate(args) => validate(&args),
        Command::Schema { kind } => print(&match kind {
            SchemaKind::Ladder => dualtrack::schema(),
            SchemaKind::Ratings => dualtrack::ratings_schema(),
        }),
        Command::Rules => {
            let mut out = String::new();
            for rule in dualtrack::rules() {
                out.push_str(&format!(
                    "{:<24} {:<8} {}\n",
                    rule.code(),
                    rule.default_severity().as_str(),
                    rule.summary()
                ));
            }
            print(&out)
        }
        Command::Explain { code } => match dualtrack::rule(&code) {
            Some(rule) => print(&format!(
                "{}: {} ({} by default{})\n\n{}",
                rule.code(),
                rule.summary(),
                rule.default_severity(),
                if rule.is_invariant() { ", always" } else { "" },
                rule.docs()
            )),
            None => usage(&format!(
                "unknown rule `{code}`; `dualtrack rules` lists them"
            )),
        },
        Command::Show(args) => show::run(&args),
        Command::Move(args) => r#move::run(&args),
        Command::Assess(args) => assess::run(&args),
    }
}

fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(USAGE);
    }
    ExitCode::SUCCESS
}

fn usage(message: &str) -> ExitCode {
    let _ = writeln!(
        std::io::stderr(),
        "error: {}",
        dualtrack::escape_whole(message)
    );
    ExitCode::from(USAGE)
}

/// A usage error with advice on a line of its own.
fn usage_with_help(message: &str, help: &str) -> ExitCode {
    let _ = writeln!(
        std::io::stderr(),
        "error: {}\nhelp: {}",
        dualtrack::escape_whole(message),
        dualtrack::escape_whole(help)
    );
    ExitCode::from(USAGE)
}

fn loader(args: &ValidateArgs) -> Result<Loader, String> {
    let mut loader = Loader::new();
    for (codes, level) in [
        (&args.allow, Override::Allow),
        (&args.warn, Override::Warn),
        (&args.deny, Override::Deny),
    ] {
        for code in codes {
            loader = loader
                .with_override(code, level)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(loader)
}

/// One file's outcome: its report and, for human output, its rendering (the
/// file's text is dropped once rendered, so memory does not grow with the
/// number of files).
struct Checked {
    path: String,
    rendered: String,
    report: Report,
}

impl Checked {
    /// A file's outcome, rendered now when the output is for people.
    fn new(path: String, bytes: &[u8], report: Report, format: Format) -> Self {
        let rendered = match format {
            Format::Human => {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                dualtrack::render(&report, &String::from_utf8_lossy(bytes), &path, color)
            }
            Format::Json => String::new(),
        };
        Self {
            path,
            rendered,
            report,
        }
    }
}

fn validate(args: &ValidateArgs) -> ExitCode {
    let loader = match loader(args) {
        Ok(loader) => loader,
        Err(message) => return usage(&message),
    };
    let files = match collect(&args.paths) {
        Ok(files) => files,
        Err(message) => return usage(&message),
    };
    let mut checked = Vec::with_capacity(files.len());
    for (file, outcome) in files.iter().zip(check_all(&loader, &files, args.format)) {
        match outcome {
            Ok(c) => checked.push(c),
            Err(error) => return usage(&format!("cannot read `{}`: {error}", file.display())),
        }
    }
    let count = |s| checked.iter().map(|c| c.report.count(s)).sum::<usize>();
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let written = match args.format {
        Format::Human => human(&checked, errors, warnings),
        Format::Json => json(&checked, errors, warnings, notes),
    };
    if written.is_err() {
        return ExitCode::from(USAGE);
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads and checks one file, keeping only what the output needs.
fn check(loader: &Loader, file: &Path, format: Format) -> std::io::Result<Checked> {
    let bytes = read(file, Limits::default().max_file_bytes)?;
    let report = match loader.load_bytes(&bytes) {
        Ok(loaded) => loaded.into_parts().1,
        Err(report) => report,
    };
    Ok(Checked::new(
        file.display().to_string(),
        &bytes,
        report,
        format,
    ))
}

/// Checks every file on all cores, each outcome in the place of its file, so
/// that output does not depend on which thread finished first. Each worker
/// holds one file's bytes at a time.
fn check_all(loader: &Loader, files: &[PathBuf], format: Format) -> Vec<std::io::Result<Checked>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len());
    if threads <= 1 {
        return files
            .iter()
            .map(|file| check(loader, file, format))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut outcomes: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break };
                        done.push((i, check(loader, file, format)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(done) => done,
                // Re-raise a worker's panic on this thread, where main catches it.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    outcomes.sort_by_key(|(i, _)| *i);
    outcomes.into_iter().map(|(_, outcome)| outcome).collect()
}

fn human(checked: &[Checked], errors: usize, warnings: usize) -> std::io::Result<()> {
    let mut stderr = std::io::stderr().lock();
    for c in checked {
        stderr.write_all(c.rendered.as_bytes())?;
    }
    writeln!(
        stderr,
        "checked {}: {}, {}",
        Count::new(checked.len(), "file"),
        Count::new(errors, "error"),
        Count::new(warnings, "warning")
    )
}

/// The JSON document of `validate --format json`.
#[derive(Serialize)]
struct Document<'a> {
    files: Vec<FileFindings<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct FileFindings<'a> {
    path: &'a str,
    findings: &'a [dualtrack::Finding],
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

fn json(checked: &[Checked], errors: usize, warnings: usize, notes: usize) -> std::io::Result<()> {
    let document = Document {
        files: checked
            .iter()
            .map(|c| FileFindings {
                path: &c.path,
                findings: c.report.findings(),
            })
            .collect(),
        summary: Summary {
            files: checked.len(),
            errors,
            warnings,
            notes,
        },
    };
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &document)?;
    writeln!(stdout)?;
    stdout.flush()
}

/// The files named, and the `*.yaml` and `*.yml` files under the directories
/// named, each directory's sorted by path.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml")
            // Only regular files (or links to them): opening a FIFO found
            // in a directory would wait forever for a writer.
            && std::fs::metadata(&path).is_ok_and(|m| m.is_file())
        {
            found.push(path);
        }
    }
    Ok(())
}

/// Reads at most `limit + 1` bytes, so an endless or huge file stops early.
fn read(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}
