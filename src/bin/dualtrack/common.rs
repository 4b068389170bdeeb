//! What the ladder commands share: loading a ladder or a ratings file the way
//! `validate` reports it, and printing an answer.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dualtrack::{Ladder, Limits, Report, Severity};
use serde::Serialize;

use crate::{Checked, Format, USAGE};

/// Exit code when the ladder or ratings file has errors.
const INVALID: u8 = 1;

/// Reads a file, reporting an unreadable path as a usage error.
fn read(path: &Path) -> Result<Vec<u8>, ExitCode> {
    crate::read(path, Limits::default().max_file_bytes)
        .map_err(|error| crate::usage(&format!("cannot read `{}`: {error}", path.display())))
}

/// Shows a file's findings as `validate` does, and returns exit code 1.
fn invalid(path: &Path, bytes: &[u8], report: Report, format: Format) -> ExitCode {
    let checked = [Checked::new(
        path.display().to_string(),
        bytes,
        report,
        format,
    )];
    let count = |s| checked[0].report.count(s);
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let written = match format {
        Format::Human => crate::human(&checked, errors, warnings),
        Format::Json => crate::json(&checked, errors, warnings, notes),
    };
    match written {
        Ok(()) => ExitCode::from(INVALID),
        Err(_) => ExitCode::from(USAGE),
    }
}

/// Loads a ladder file; on failure, the exit code after reporting why.
pub(crate) fn ladder(path: &Path, format: Format) -> Result<Ladder, ExitCode> {
    let bytes = read(path)?;
    dualtrack::Loader::new()
        .load_bytes(&bytes)
        .map(dualtrack::Loaded::into_ladder)
        .map_err(|report| invalid(path, &bytes, report, format))
}

/// Loads a ratings file for `ladder`; on failure, the exit code after
/// reporting why.
pub(crate) fn ratings(
    path: &Path,
    ladder: &Ladder,
    format: Format,
) -> Result<dualtrack::Ratings, ExitCode> {
    let bytes = read(path)?;
    dualtrack::load_ratings_bytes(&bytes, ladder)
        .map_err(|report| invalid(path, &bytes, report, format))
}

/// Reports an unknown id (with its did-you-mean) as a usage error.
pub(crate) fn unknown(error: &dualtrack::NotFound, ladder: &Path) -> ExitCode {
    if error.suggestions().is_empty() {
        let help = format!(
            "`dualtrack show {}` lists every level, track and zone",
            ladder.display()
        );
        crate::usage_with_help(&error.to_string(), &help)
    } else {
        crate::usage(&error.to_string())
    }
}

/// Prints an answer: `human` as it is, `json` as one pretty document.
pub(crate) fn answer(
    format: Format,
    human: impl FnOnce() -> String,
    json: &impl Serialize,
) -> ExitCode {
    match format {
        Format::Human => crate::print(&human()),
        Format::Json => {
            let mut stdout = std::io::stdout().lock();
            let written = serde_json::to_writer_pretty(&mut stdout, json)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(stdout))
                .and_then(|()| stdout.flush());
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(USAGE),
            }
        }
    }
}

/// Lines of cells, each column padded to its widest cell; columns whose
/// index is in `right` are right-aligned. Trailing spaces are trimmed.
pub(crate) fn table(rows: &[Vec<String>], right: &[usize], indent: &str) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(indent);
        for (c, cell) in row.iter().enumerate() {
            let width = widths[c];
            if c > 0 {
                line.push_str("  ");
            }
            if right.contains(&c) {
                line.push_str(&format!("{cell:>width$}"));
            } else {
                line.push_str(&format!("{cell:<width$}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
