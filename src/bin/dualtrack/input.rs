//! Reading the files a command is given: a ladder, a ratings file. A file
//! with errors is reported as `validate` reports it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dualtrack::{Currency, Decimal, Ladder, Loader, Money, Ratings, Report, Reports, Zone};

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

/// Loads a ladder file to answer questions about it; on failure, the exit
/// code after reporting why. A ladder whose invariants hold is answered
/// about even when it breaks policy rules (a parity gap is the very thing to
/// look at): its findings are shown on stderr first, as `validate` shows
/// them, and the answer follows.
pub(crate) fn ladder(path: &Path, format: Format) -> Result<Ladder, ExitCode> {
    let bytes = read_or_usage(path)?;
    let loaded = Loader::new()
        .inspect_bytes(&bytes)
        .map_err(|report| invalid(path, &bytes, report, format))?;
    if !loaded.is_valid() {
        let path = path.display().to_string();
        output::findings_above(loaded.report(), &bytes, &path)
            .map_err(|_| ExitCode::from(USAGE))?;
    }
    Ok(loaded.into_ladder())
}

/// Loads a ratings file for `ladder`; on failure, the exit code after
/// reporting why.
pub(crate) fn ratings(path: &Path, ladder: &Ladder, format: Format) -> Result<Ratings, ExitCode> {
    let bytes = read_or_usage(path)?;
    dualtrack::load_ratings_bytes(&bytes, ladder)
        .map_err(|report| invalid(path, &bytes, report, format))
}

/// The zone and salary a command was given: the zone by its id, the salary
/// in the zone's currency (the ladder's without a zone). On failure, the exit
/// code after saying why.
pub(crate) fn zone_and_salary<'l>(
    ladder: &'l Ladder,
    path: &Path,
    zone: Option<&str>,
    salary: Option<&str>,
) -> Result<(Option<&'l Zone>, Option<Money>), ExitCode> {
    let zone = zone
        .map(|z| ladder.lookup_zone(z))
        .transpose()
        .map_err(|error| output::unknown(&error, path))?;
    let currency = zone.map_or(ladder.currency(), |z| Some(z.currency()));
    let salary = salary
        .map(|s| match currency {
            Some(currency) => amount(s, currency),
            None => Err(format!(
                "cannot place salary `{s}`: ladder `{}` publishes no pay (no level has a band)",
                ladder.id()
            )),
        })
        .transpose()
        .map_err(|message| output::usage(&message))?;
    Ok((zone, salary))
}

/// A salary as given on the command line, in `currency`.
fn amount(text: &str, currency: Currency) -> Result<Money, String> {
    let amount: Decimal = text
        .trim()
        .parse()
        .map_err(|error| format!("invalid salary `{text}`: {error}"))?;
    Money::from_decimal(amount, currency).map_err(|_| {
        format!(
            "invalid salary `{text}`: {currency} has {} decimal places",
            currency.minor_digits()
        )
    })
}

/// Where `validate` looks when no path is named: the ladder files directly in
/// it, not its subdirectories.
const DEFAULT_DIR: &str = "ladders";

/// The files named, and the `*.yaml` and `*.yml` files under the directories
/// named, each directory's sorted by path; with none named, the files
/// directly in [`DEFAULT_DIR`].
pub(crate) fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let default = [PathBuf::from(DEFAULT_DIR)];
    let (paths, recurse) = match paths {
        [] => (&default[..], false),
        named => (named, true),
    };
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, recurse, &mut found).map_err(|e| unreadable(path, &e))?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, recurse: bool, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if recurse {
                walk(&path, recurse, found)?;
            }
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
