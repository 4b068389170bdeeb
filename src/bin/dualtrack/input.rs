//! Reading the files a command is given: a ladder, a ratings file. A file
//! with errors is reported as `validate` reports it.

use std::path::Path;
use std::process::ExitCode;

use dualtrack::{Ladder, Loader, Ratings, Report, Reports};

use crate::output::{self, Format, INVALID, USAGE};

/// The message of a path that cannot be read.
pub(crate) fn unreadable(path: &Path, error: &std::io::Error) -> String {
    format!("cannot read `{}`: {error}", path.display())
}

/// Reads a file, reporting an unreadable path as a usage error.
fn read_or_usage(path: &Path) -> Result<Vec<u8>, ExitCode> {
    Loader::new()
        .read_file(path)
        .map_err(|error| output::usage(&unreadable(path, &error)))
}

/// Shows a file's findings as `validate` does, and returns exit code 1.
fn invalid(path: &Path, bytes: &[u8], report: Report, format: Format) -> ExitCode {
    let path = path.display().to_string();
    let rendered = [output::rendered(&report, bytes, &path, format)];
    let mut reports = Reports::new();
    reports.push(path, report);
    match output::findings(&reports, &rendered, format) {
        Ok(()) => ExitCode::from(INVALID),
        Err(_) => ExitCode::from(USAGE),
    }
}

/// Loads a ladder file; on failure, the exit code after reporting why.
pub(crate) fn ladder(path: &Path, format: Format) -> Result<Ladder, ExitCode> {
    let bytes = read_or_usage(path)?;
    Loader::new()
        .load_bytes(&bytes)
        .map(dualtrack::Loaded::into_ladder)
        .map_err(|report| invalid(path, &bytes, report, format))
}

/// Loads a ratings file for `ladder`; on failure, the exit code after
/// reporting why.
pub(crate) fn ratings(path: &Path, ladder: &Ladder, format: Format) -> Result<Ratings, ExitCode> {
    let bytes = read_or_usage(path)?;
    dualtrack::load_ratings_bytes(&bytes, ladder)
        .map_err(|report| invalid(path, &bytes, report, format))
}
