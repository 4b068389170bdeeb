//! What every command prints with: exit codes, answers as text or JSON,
//! findings as `validate` shows them, usage errors, and tables.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use dualtrack::{
    Band, Count, Currency, Decimal, Ladder, Level, Money, Placement, Report, Reports,
    SalaryPosition, Severity, SignedMoney, Track, Zone,
};
use serde::Serialize;

/// `--format`: for people or for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Human,
    Json,
}

/// Exit code when a ladder or ratings file has errors.
pub(crate) const INVALID: u8 = 1;

/// Exit code for a usage error or an unreadable path.
pub(crate) const USAGE: u8 = 2;

/// The test suite's way to check the panic path: debug builds panic on
/// purpose when this variable is set. Release builds ignore it.
const TEST_PANIC: &str = "DUALTRACK_TEST_PANIC";

/// A panic is a bug in dualtrack, never the user's fault: one line saying
/// so (no backtrace, whatever RUST_BACKTRACE says).
pub(crate) fn report_panics() {
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
}

/// Runs a command; a panic (reported by [`report_panics`]) is exit code 2.
pub(crate) fn unless_panicked(
    command: impl FnOnce() -> ExitCode + std::panic::UnwindSafe,
) -> ExitCode {
    let command = || {
        if cfg!(debug_assertions) && std::env::var_os(TEST_PANIC).is_some() {
            panic!("{TEST_PANIC} is set");
        }
        command()
    };
    match std::panic::catch_unwind(command) {
        Ok(code) => code,
        Err(_) => ExitCode::from(USAGE),
    }
}

/// Prints text on stdout.
pub(crate) fn print(text: &str) -> ExitCode {
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

/// Prints an answer: `human` as it is, `json` as one pretty document.
pub(crate) fn answer(
    format: Format,
    human: impl FnOnce() -> String,
    json: &impl Serialize,
) -> ExitCode {
    match format {
        Format::Human => print(&human()),
        Format::Json => match json_document(json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(USAGE),
        },
    }
}

/// Prints one pretty JSON document on stdout.
pub(crate) fn json_document(json: &impl Serialize) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, json)?;
    writeln!(stdout)?;
    stdout.flush()
}

/// A file's findings rendered for people, when the output is for people;
/// empty otherwise. `bytes` are the file's, which need not outlive this.
pub(crate) fn rendered(report: &Report, bytes: &[u8], path: &str, format: Format) -> String {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            dualtrack::render(report, &String::from_utf8_lossy(bytes), path, color)
        }
        Format::Json => String::new(),
    }
}

/// Prints text on stdout, reporting a failed write.
pub(crate) fn text(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// The summary line `validate` ends with, on stderr: `checked 2 files: 1
/// error, 0 warnings`.
pub(crate) fn summary(reports: &Reports) -> std::io::Result<()> {
    writeln!(
        std::io::stderr(),
        "checked {}: {}, {}",
        Count::new(reports.len(), "file"),
        Count::new(reports.count(Severity::Error), "error"),
        Count::new(reports.count(Severity::Warning), "warning")
    )
}

/// Prints the findings of files as `validate` does: `human`, each file's
/// `rendered` findings and a summary line on stderr; `json`, one document
/// on stdout.
pub(crate) fn findings(
    reports: &Reports,
    rendered: &[String],
    format: Format,
) -> std::io::Result<()> {
    match format {
        Format::Human => {
            let mut stderr = std::io::stderr().lock();
            for text in rendered {
                stderr.write_all(text.as_bytes())?;
            }
            drop(stderr);
            summary(reports)
        }
        Format::Json => json_document(reports),
    }
}

/// Prints the findings of a ladder that is answered about although it
/// breaks policy rules: on stderr, as `validate --format human` shows them,
/// whatever the answer's format (stdout keeps the answer alone).
pub(crate) fn findings_above(report: &Report, bytes: &[u8], path: &str) -> std::io::Result<()> {
    let rendered = [rendered(report, bytes, path, Format::Human)];
    let mut reports = Reports::new();
    reports.push(path.to_owned(), report.clone());
    findings(&reports, &rendered, Format::Human)?;
    writeln!(
        std::io::stderr(),
        "note: the answer is for the ladder as written; `dualtrack validate` fails until the errors are fixed"
    )
}

/// Prints a usage error, with everything the user typed escaped.
pub(crate) fn usage(message: &str) -> ExitCode {
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

/// Reports an unknown id (with its did-you-mean) as a usage error.
pub(crate) fn unknown(error: &dualtrack::NotFound, ladder: &Path) -> ExitCode {
    if error.suggestions().is_empty() {
        let help = format!(
            "`dualtrack show {}` lists every level, track and zone",
            ladder.display()
        );
        usage_with_help(&error.to_string(), &help)
    } else {
        usage(&error.to_string())
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

/// How the amounts of one answer are written: the one money format of the
/// command line. Amounts carry the currency's minor digits (`41.00 USD`)
/// when any band of the ladder, in the zone shown, has a fraction, as an
/// hourly ladder's do; otherwise whole (`295000 USD`). The same in tables,
/// in `show LEVEL` and in `move`, so that one ladder never shows `41` in one
/// place and `41.00` in another.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Amounts {
    cents: bool,
}

impl Amounts {
    /// The format of the bands of `ladder` in `zone` (the base bands when
    /// `None`).
    pub(crate) fn of(ladder: &Ladder, zone: Option<&Zone>) -> Self {
        let cents = ladder
            .tracks()
            .iter()
            .flat_map(|t| t.levels())
            .filter_map(|l| l.band_in(zone))
            .any(|b| [b.min(), b.mid(), b.max()].iter().any(|m| has_cents(*m)));
        Self { cents }
    }

    /// The same format, with the minor digits always written when `cents`
    /// (for answers whose own figures, such as medians, have cents).
    pub(crate) fn or_cents(self, cents: bool) -> Self {
        Self {
            cents: self.cents || cents,
        }
    }

    /// `41.00` (no currency), for a table column.
    pub(crate) fn amount(self, money: Money) -> String {
        self.pad(money.amount(), money.currency())
    }

    /// `41.00 USD`.
    pub(crate) fn money(self, money: Money) -> String {
        format!("{} {}", self.amount(money), money.currency())
    }

    /// `+2.50 USD`, `0.00 USD`.
    pub(crate) fn signed(self, money: SignedMoney) -> String {
        let sign = if money.minor() > 0 { "+" } else { "" };
        format!(
            "{sign}{} {}",
            self.pad(money.amount(), money.currency()),
            money.currency()
        )
    }

    /// `min 19.00 USD, mid 21.50 USD, max 24.00 USD`.
    /// `min 100000 USD, mid 115000 USD, max 130000 USD`; a spot rate's one
    /// amount, `41.00 USD`.
    pub(crate) fn band(self, band: Band) -> String {
        if band.is_spot() {
            return self.money(band.mid());
        }
        format!(
            "min {}, mid {}, max {}",
            self.money(band.min()),
            self.money(band.mid()),
            self.money(band.max())
        )
    }

    fn pad(self, text: String, currency: Currency) -> String {
        let digits = usize::from(currency.minor_digits());
        if self.cents && digits > 0 && !text.contains('.') {
            format!("{text}.{}", "0".repeat(digits))
        } else {
            text
        }
    }
}

/// Whether an amount has a non-zero minor unit, such as `21.50`.
fn has_cents(money: Money) -> bool {
    let digits = u32::from(money.currency().minor_digits());
    !money.minor().is_multiple_of(10u64.pow(digits))
}

/// ` in the London zone (`london`: 0.8 x the base band, at 0.79 GBP per USD)`,
/// or nothing without a zone.
pub(crate) fn zone_note(ladder: &Ladder, zone: Option<&Zone>) -> String {
    match zone {
        None => String::new(),
        Some(zone) => {
            let base = ladder
                .currency()
                .map_or_else(String::new, |c| format!(" per {c}"));
            let rate = zone.rate().map_or(String::new(), |rate| {
                format!(", at {rate} {}{base}", zone.currency())
            });
            let factor = zone.factor();
            let pay = match zone.uplift() {
                None => format!("{factor} x the base band"),
                Some(uplift) => {
                    let bounds = match (zone.min_uplift(), zone.max_uplift()) {
                        (Some(min), Some(max)) => format!(" (at least {min}, at most {max})"),
                        (Some(min), None) => format!(" (at least {min})"),
                        (None, Some(max)) => format!(" (at most {max})"),
                        (None, None) => String::new(),
                    };
                    let supplemented = format!("the base band + {uplift} of it{bounds}");
                    match factor.cmp(&Decimal::ONE).is_eq() {
                        true => supplemented,
                        false => format!("{factor} x ({supplemented})"),
                    }
                }
            };
            let rounding = zone.rounding().map_or(String::new(), |unit| {
                format!(", rounded to {unit} {}", zone.currency())
            });
            let cap = zone
                .cap()
                .map_or(String::new(), |cap| format!(", capped at {cap}"));
            let exempt = match zone.exempt() {
                [] => String::new(),
                ids => {
                    let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
                    format!("; exempt, paid nationally: {}", ids.join(", "))
                }
            };
            format!(
                " in the {} zone (`{}`: {pay}{rate}{rounding}{cap}{exempt})",
                zone.name(),
                zone.id(),
            )
        }
    }
}

/// `310000 USD: within the band, compa-ratio 1.0508, range penetration 66.67%`.
pub(crate) fn position_text(position: &SalaryPosition, amounts: Amounts) -> String {
    format!(
        "{}: {}",
        amounts.money(position.salary()),
        placement_text(position, amounts)
    )
}

/// `within the band, compa-ratio 1.0508, range penetration 66.67%`.
/// For a spot rate: `at the rate`, `below the rate, 1.00 USD below it`.
pub(crate) fn placement_text(position: &SalaryPosition, amounts: Amounts) -> String {
    if position.band().is_spot() {
        return match (position.placement(), position.outside_by()) {
            (Placement::Within, _) | (_, None) => "at the rate".to_owned(),
            (placement, Some(by)) => {
                format!("{} the rate, by {}", placement.as_str(), amounts.money(by))
            }
        };
    }
    let mut text = format!("{} the band", position.placement().as_str());
    if let Some(by) = position.outside_by().map(|by| amounts.money(by)) {
        let end = match position.placement() {
            Placement::Above => "above the maximum",
            _ => "below the minimum",
        };
        text.push_str(&format!(", {by} {end}"));
    }
    if let Some(compa) = position.compa_ratio() {
        text.push_str(&format!(", compa-ratio {compa}"));
    }
    if let Some(penetration) = position.range_penetration() {
        text.push_str(&format!(", range penetration {}", penetration.percent()));
    }
    text
}

/// A level's title with its track's name in brackets, `Staff Engineer
/// (Individual contributor)`; the title alone when it already names the
/// track, in any case: `People Manager`, not `People Manager (People manager)`.
pub(crate) fn titled(level: &Level, track: &Track) -> String {
    let (title, name) = (level.title(), track.name());
    if title.to_lowercase().contains(&name.to_lowercase()) {
        title.to_owned()
    } else {
        format!("{title} ({name})")
    }
}

/// A level's title with its track's name and grade in brackets, `Staff
/// Engineer (Individual contributor, grade 4)`; with the grade alone when
/// the title already names the track: `People Manager (grade 4)`.
pub(crate) fn titled_at_grade(level: &Level, track: &Track) -> String {
    let titled = titled(level, track);
    match titled.strip_suffix(')') {
        Some(open) if titled != level.title() => format!("{open}, grade {})", level.grade()),
        _ => format!("{titled} (grade {})", level.grade()),
    }
}

/// Where a finding's node ends, and where each related place's node ends, as
/// 1-based line and column (in characters) just past its last character:
/// computed from the file's bytes once, for the formats that show ranges.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ends {
    /// The end of the finding's node, when it is located.
    pub(crate) finding: Option<dualtrack::Location>,
    /// The end of each related place's node, in the finding's order.
    pub(crate) related: Vec<Option<dualtrack::Location>>,
}

/// The [`Ends`] of every finding of `report`, in its order. `bytes` are the
/// file's as read (a leading byte order mark is skipped, as spans do).
pub(crate) fn ends(report: &Report, bytes: &[u8]) -> Vec<Ends> {
    let source = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let lines = line_starts(source);
    report
        .findings()
        .iter()
        .map(|finding| Ends {
            finding: finding.span().map(|span| end_of(source, &lines, span)),
            related: finding
                .related()
                .iter()
                .map(|r| r.span().map(|span| end_of(source, &lines, span)))
                .collect(),
        })
        .collect()
}

/// Where each line starts, with line breaks counted as YAML counts them
/// (`\n`, `\r\n`, a lone `\r`): found once per file, so that locating many
/// findings in a large file stays linear.
fn line_starts(source: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, &byte) in source.iter().enumerate() {
        if byte == b'\n' || (byte == b'\r' && source.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

/// The line and column just past the last character of `span` that is not
/// trailing white space (a block node's span runs to the next line), columns
/// in characters. Works on bytes, so that a file that is not UTF-8 is
/// located as the loader located it.
fn end_of(source: &[u8], lines: &[usize], span: std::ops::Range<usize>) -> dualtrack::Location {
    let start = span.start.min(source.len());
    let mut end = span.end.clamp(start, source.len());
    while end > start && matches!(source[end - 1], b'\n' | b'\r' | b' ' | b'\t') {
        end -= 1;
    }
    // The last line starting at or before `end` (the first starts at 0).
    let line = lines.partition_point(|&s| s <= end).max(1);
    let line_start = lines[line - 1];
    // Characters are counted by their first bytes (not UTF-8 continuations).
    let column = 1 + source[line_start..end]
        .iter()
        .filter(|&&b| b & 0b1100_0000 != 0b1000_0000)
        .count();
    dualtrack::Location::new(line, column)
}

/// A file's path as code scanning and workflow annotations expect it:
/// relative to the working directory (the repository's root in CI), with
/// `/` separators and no leading `./`; an absolute path outside the working
/// directory stays absolute.
pub(crate) fn relative(path: &str) -> String {
    let as_path = Path::new(path);
    let relative = match std::env::current_dir() {
        Ok(cwd) if as_path.is_absolute() => as_path
            .strip_prefix(&cwd)
            .map_or_else(|_| path.to_owned(), |p| p.display().to_string()),
        _ => path.to_owned(),
    };
    let relative = if cfg!(windows) {
        relative.replace('\\', "/")
    } else {
        relative
    };
    let mut rest = relative.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_owned()
}
