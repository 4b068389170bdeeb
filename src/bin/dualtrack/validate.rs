//! `dualtrack validate`: every finding of every ladder file named.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use dualtrack::{Loader, Override, Report, Reports, Severity};

use crate::output::{self, Ends, Format, INVALID, USAGE};
use crate::{annotations, input, sarif};

/// `validate --format`: for people, for programs, for code scanning, for
/// workflow annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ValidateFormat {
    /// Rustc-style diagnostics on stderr, and a summary line.
    Human,
    /// One JSON document on stdout (documented in the README).
    Json,
    /// A SARIF 2.1.0 log on stdout, for GitHub code scanning; the summary
    /// line on stderr.
    Sarif,
    /// GitHub Actions workflow commands on stdout, one per finding, which
    /// the runner shows as annotations; the summary line on stderr.
    Github,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files, or directories to search (with their subdirectories) for
    /// `*.yaml` and `*.yml` files. Default: the files directly in `ladders/`
    /// (not `ladders/examples/`, public frameworks that keep their real
    /// findings: name that directory to check them).
    paths: Vec<PathBuf>,
    /// How the findings are printed.
    #[arg(long, value_enum, default_value_t = ValidateFormat::Human)]
    format: ValidateFormat,
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

pub(crate) fn run(args: &Args) -> ExitCode {
    let loader = match loader(args) {
        Ok(loader) => loader,
        Err(message) => return output::usage(&message),
    };
    let files = match input::collect(&args.paths) {
        Ok(files) => files,
        Err(message) => return output::usage(&message),
    };
    let mut reports = Reports::new();
    let mut rendered = Vec::with_capacity(files.len());
    let mut ends = Vec::with_capacity(files.len());
    for (file, outcome) in files.iter().zip(check_all(&loader, &files, args.format)) {
        match outcome {
            Ok(checked) => {
                reports.push(checked.path, checked.report);
                rendered.push(checked.rendered);
                ends.push(checked.ends);
            }
            Err(error) => return output::usage(&input::unreadable(file, &error)),
        }
    }
    let printed = match args.format {
        ValidateFormat::Human => output::findings(&reports, &rendered, Format::Human),
        ValidateFormat::Json => output::findings(&reports, &rendered, Format::Json),
        ValidateFormat::Sarif => output::json_document(&sarif::log(&reports, &ends))
            .and_then(|()| output::summary(&reports)),
        ValidateFormat::Github => output::text(&annotations::commands(&reports, &ends))
            .and_then(|()| output::summary(&reports)),
    };
    if printed.is_err() {
        return ExitCode::from(USAGE);
    }
    let errors = reports.count(Severity::Error);
    let warnings = reports.count(Severity::Warning);
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

fn loader(args: &Args) -> Result<Loader, String> {
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

/// One file's outcome: its report and, for human output, its rendering, for
/// SARIF and annotations, where its findings end (the file's text is dropped
/// once rendered, so memory does not grow with the number of files).
struct Checked {
    path: String,
    report: Report,
    rendered: String,
    ends: Vec<Ends>,
}

/// Reads and checks one file, keeping only what the output needs.
fn check(loader: &Loader, file: &Path, format: ValidateFormat) -> std::io::Result<Checked> {
    let bytes = loader.read_file(file)?;
    let report = match loader.load_bytes(&bytes) {
        Ok(loaded) => loaded.into_parts().1,
        Err(report) => report,
    };
    let path = file.display().to_string();
    let (rendered, ends) = match format {
        ValidateFormat::Human => (
            output::rendered(&report, &bytes, &path, Format::Human),
            Vec::new(),
        ),
        ValidateFormat::Json => (String::new(), Vec::new()),
        ValidateFormat::Sarif | ValidateFormat::Github => {
            (String::new(), output::ends(&report, &bytes))
        }
    };
    Ok(Checked {
        path,
        report,
        rendered,
        ends,
    })
}

/// Checks every file on all cores, each outcome in the place of its file, so
/// that output does not depend on which thread finished first. Each worker
/// holds one file's bytes at a time.
fn check_all(
    loader: &Loader,
    files: &[PathBuf],
    format: ValidateFormat,
) -> Vec<std::io::Result<Checked>> {
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
