//! `dualtrack diff OLD NEW`: what a change to a ladder does to pay and to the
//! dual track, for a reviewer.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};

use clap::ValueEnum;
use dualtrack::{
    ComparedPay, Count, Finding, FindingsDelta, GradeMovement, ItemChange, LadderDiff, Loaded,
    Loader, Movement, PayChange, Report, Reports, Severity, escape_whole,
};
use serde::Serialize;

use crate::output::{self, INVALID, USAGE, table};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The old version: a file, or `REV:PATH` read from git
    /// (`main:ladders/engineering.yaml`; PATH from the repository's root,
    /// or `REV:./PATH` from the current directory).
    old: String,
    /// The new version: a file, or `REV:PATH` read from git.
    new: String,
    /// `human`: text for the terminal; `markdown`: a pull-request comment;
    /// `json`: one JSON document.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// Exit 1 when the change meets this condition (repeatable):
    /// `new-errors`, the new version has an error finding the old one had
    /// not; `any-pay-decrease`, any band amount goes down.
    #[arg(long, value_enum, value_name = "CONDITION")]
    fail_on: Vec<FailOn>,
}

/// `--format` of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Human,
    Markdown,
    Json,
}

/// `--fail-on`: the CI gates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    NewErrors,
    AnyPayDecrease,
}

/// One version as read: its name as given, its bytes, and its load.
struct Side {
    name: String,
    bytes: Vec<u8>,
    outcome: Result<Loaded, Report>,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let mut sides = Vec::new();
    for arg in [&args.old, &args.new] {
        let bytes = match read(arg) {
            Ok(bytes) => bytes,
            Err(message) => return output::usage(&message),
        };
        let outcome = Loader::new().inspect_bytes(&bytes);
        sides.push(Side {
            name: arg.clone(),
            bytes,
            outcome,
        });
    }
    let (old, new) = (&sides[0], &sides[1]);
    let (Ok(old_loaded), Ok(new_loaded)) = (&old.outcome, &new.outcome) else {
        return broken(&sides, args.format);
    };
    let diff = LadderDiff::between(old_loaded, new_loaded);
    let code = match args.format {
        DiffFormat::Human => output::print(&human(&diff, old, new)),
        DiffFormat::Markdown => output::print(&markdown(&diff, old, new)),
        DiffFormat::Json => output::answer(
            output::Format::Json,
            String::new,
            &Document {
                old: Version::of(old, old_loaded),
                new: Version::of(new, new_loaded),
                summary: Summary::of(&diff),
                diff: &diff,
            },
        ),
    };
    if code != ExitCode::SUCCESS {
        return code;
    }
    let failed = args.fail_on.iter().any(|condition| match condition {
        FailOn::NewErrors => diff.introduces_errors(),
        FailOn::AnyPayDecrease => diff.decreases_pay(),
    });
    if failed {
        ExitCode::from(INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

/// A version's bytes: the file, or `git show REV:PATH` when no file has that
/// name and it has the form `REV:PATH`.
fn read(arg: &str) -> Result<Vec<u8>, String> {
    let path = Path::new(arg);
    match arg.split_once(':') {
        Some((rev, file)) if !path.exists() && !rev.is_empty() && !file.is_empty() => {
            git_show(arg, rev, file)
        }
        _ => Loader::new()
            .read_file(path)
            .map_err(|error| crate::input::unreadable(path, &error)),
    }
}

fn git(args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .args(args)
        .output()
        .map_err(|error| format!("cannot run `git` to read a `REV:PATH` argument: {error}"))
}

fn git_show(arg: &str, rev: &str, file: &str) -> Result<Vec<u8>, String> {
    let inside = git(&["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() {
        return Err(format!(
            "cannot read `{arg}`: not inside a git repository (`REV:PATH` reads PATH as of revision REV; give a file path outside a repository)"
        ));
    }
    let commit = format!("{rev}^{{commit}}");
    let known = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &commit,
    ])?;
    if !known.status.success() {
        return Err(format!(
            "cannot read `{arg}`: unknown revision `{rev}` (no file `{arg}` either)"
        ));
    }
    // The blob as committed: no text conversion, and a revision is never an option.
    let shown = git(&[
        "show",
        "--no-textconv",
        "--end-of-options",
        &format!("{rev}:{file}"),
    ])?;
    if !shown.status.success() {
        let why = String::from_utf8_lossy(&shown.stderr);
        let why = why.trim().trim_start_matches("fatal: ");
        return Err(format!("cannot read `{arg}`: {why}"));
    }
    Ok(shown.stdout)
}

/// A version whose invariants fail cannot be compared: its findings, as
/// `validate` shows them, and exit code 1.
fn broken(sides: &[Side], format: DiffFormat) -> ExitCode {
    let mut reports = Reports::new();
    let mut rendered = Vec::new();
    let as_validate = match format {
        DiffFormat::Json => output::Format::Json,
        DiffFormat::Human | DiffFormat::Markdown => output::Format::Human,
    };
    for side in sides {
        if let Err(report) = &side.outcome {
            rendered.push(output::rendered(
                report,
                &side.bytes,
                &side.name,
                as_validate,
            ));
            reports.push(side.name.clone(), report.clone());
        }
    }
    if output::findings(&reports, &rendered, as_validate).is_err() {
        return ExitCode::from(USAGE);
    }
    if as_validate == output::Format::Human {
        let names: Vec<String> = reports
            .iter()
            .map(|(name, _)| format!("`{}`", escape_whole(name)))
            .collect();
        eprintln!(
            "error: cannot compare the versions: {} {} not load (fix the errors above first)",
            names.join(" and "),
            if names.len() == 1 { "does" } else { "do" }
        );
    }
    ExitCode::from(INVALID)
}

/// The JSON document: both versions, a summary, then the diff.
#[derive(Serialize)]
struct Document<'a> {
    old: Version,
    new: Version,
    summary: Summary,
    #[serde(flatten)]
    diff: &'a LadderDiff,
}

/// A version as named on the command line, with its finding counts.
#[derive(Serialize)]
struct Version {
    source: String,
    ladder: String,
    errors: usize,
    warnings: usize,
}

impl Version {
    fn of(side: &Side, loaded: &Loaded) -> Self {
        Self {
            source: side.name.clone(),
            ladder: loaded.ladder().id().to_string(),
            errors: loaded.report().count(Severity::Error),
            warnings: loaded.report().count(Severity::Warning),
        }
    }
}

#[derive(Serialize)]
struct Summary {
    unmatched_grades: Vec<String>,
    pay_changes: usize,
    pay_decreases: usize,
    findings_introduced: usize,
    errors_introduced: usize,
    findings_fixed: usize,
}

impl Summary {
    fn of(diff: &LadderDiff) -> Self {
        let findings = diff.findings();
        Self {
            unmatched_grades: diff
                .unmatched_raises()
                .map(|g| g.grade.to_string())
                .collect(),
            pay_changes: diff.pay().len(),
            pay_decreases: diff.pay().iter().filter(|p| p.is_decrease()).count(),
            findings_introduced: findings.introduced.len(),
            errors_introduced: findings
                .introduced
                .iter()
                .filter(|f| f.severity() == Severity::Error)
                .count(),
            findings_fixed: findings.fixed.len(),
        }
    }

    /// One line: the headline first.
    fn line(&self, diff: &LadderDiff) -> String {
        if diff.is_empty() {
            return "no change".to_owned();
        }
        let mut parts = Vec::new();
        if !self.unmatched_grades.is_empty() {
            parts.push(format!(
                "management raised more than IC at {} {}",
                if self.unmatched_grades.len() == 1 {
                    "grade"
                } else {
                    "grades"
                },
                self.unmatched_grades.join(", ")
            ));
        }
        let base = diff.pay().iter().filter(|p| p.zone.is_none()).count();
        let zoned = diff.pay().len() - base;
        parts.push(if diff.pay().is_empty() {
            "bands unchanged".to_owned()
        } else {
            format!(
                "{} and {} changed ({})",
                Count::new(base, "band point"),
                Count::new(zoned, "zone amount"),
                match self.pay_decreases {
                    0 => "no decrease".to_owned(),
                    n => format!("{n} down"),
                }
            )
        });
        parts.push(format!(
            "findings: {} introduced ({}), {} fixed",
            self.findings_introduced,
            Count::new(self.errors_introduced, "error"),
            self.findings_fixed
        ));
        parts.join("; ")
    }
}

/// A movement's mid as the parity table shows it: `em1 +10250 USD (+5.00%)`.
fn movement(list: &[Movement]) -> String {
    if list.is_empty() {
        return "-".to_owned();
    }
    list.iter()
        .map(|m| {
            if m.is_still() {
                return format!("{} unchanged", m.level);
            }
            let change = m
                .mid
                .map_or_else(|| "currency changed".to_owned(), |c| c.to_string());
            let point = if m.basis == ComparedPay::Base {
                "mid"
            } else {
                "target cash mid"
            };
            match m.mid_percent {
                Some(p) => format!("{} {point} {change} ({})", m.level, signed(p)),
                None => format!("{} {point} {change}", m.level),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn signed(ratio: dualtrack::Ratio) -> String {
    let text = ratio.percent().to_string();
    if ratio.is_negative() || ratio == dualtrack::Ratio::ZERO {
        text
    } else {
        format!("+{text}")
    }
}

fn verdict(grade: &GradeMovement) -> &'static str {
    if grade.unmatched {
        "management raise not matched on IC"
    } else {
        ""
    }
}

fn where_found(finding: &Finding, file: &str) -> String {
    match (finding.line(), finding.column()) {
        (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
        _ => format!("{file} {}", finding.path()),
    }
}

fn human(diff: &LadderDiff, old: &Side, new: &Side) -> String {
    let mut out = String::new();
    let summary = Summary::of(diff);
    let _ = writeln!(
        out,
        "{} -> {}\n{}",
        escape_whole(&old.name),
        escape_whole(&new.name),
        escape_whole(&summary.line(diff))
    );
    if !diff.parity().is_empty() {
        let _ = writeln!(
            out,
            "\nIC and management pay per grade (midpoint change; `!` marks a management raise not matched on IC):"
        );
        let mut rows = vec![vec![
            String::new(),
            "grade".to_owned(),
            "IC".to_owned(),
            "management".to_owned(),
        ]];
        for grade in diff.parity() {
            rows.push(vec![
                if grade.unmatched { "!" } else { "" }.to_owned(),
                grade.grade.to_string(),
                movement(&grade.ic),
                movement(&grade.management),
            ]);
        }
        out.push_str(&table(&rows, &[], "  "));
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(out, "\n{title}:");
            for line in lines {
                let _ = writeln!(out, "  {}", escape_whole(&line));
            }
        }
    };
    section(
        "Ladder",
        diff.ladder().iter().map(ToString::to_string).collect(),
    );
    section("Tracks", strings(diff.tracks()));
    section("Levels", strings(diff.levels()));
    section("Competencies", strings(diff.competencies()));
    section("Zones", strings(diff.zones()));
    let (base, zoned): (Vec<&PayChange>, Vec<&PayChange>) =
        diff.pay().iter().partition(|p| p.zone.is_none());
    section("Pay", base.iter().map(ToString::to_string).collect());
    section(
        "Pay in zones, as their rules make it",
        zoned.iter().map(ToString::to_string).collect(),
    );
    section(
        "Expectations",
        diff.expectations()
            .iter()
            .map(ToString::to_string)
            .collect(),
    );
    section(
        "Policy",
        diff.policy().iter().map(ToString::to_string).collect(),
    );
    let findings = |list: &[Finding], file: &str| {
        list.iter()
            .map(|f| {
                format!(
                    "{}[{}] {}: {}",
                    f.severity(),
                    f.code(),
                    where_found(f, file),
                    f.message()
                )
            })
            .collect()
    };
    let FindingsDelta {
        introduced, fixed, ..
    } = diff.findings();
    section(
        &format!("Findings introduced (in {})", escape_whole(&new.name)),
        findings(introduced, &new.name),
    );
    section(
        &format!("Findings fixed (in {})", escape_whole(&old.name)),
        findings(fixed, &old.name),
    );
    if let Ok(loaded) = &new.outcome
        && loaded.report().has_errors()
    {
        let _ = writeln!(
            out,
            "\nnote: {} has {} in all; `dualtrack validate` shows them",
            escape_whole(&new.name),
            Count::new(loaded.report().count(Severity::Error), "error")
        );
    }
    out
}

/// Text for a markdown table cell: no `|`, no markup, on one line.
fn cell(text: &str) -> String {
    escape_whole(text)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('`', "\\`")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace(['\n', '\r'], " ")
}

/// A markdown table; columns whose index is in `right` are right-aligned.
/// A message for a markdown table cell: its backtick-quoted values as code
/// spans (only `|` escaped inside, as tables require), the rest as [`cell`].
fn message_cell(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return cell(text);
    }
    parts
        .iter()
        .enumerate()
        .map(|(at, part)| {
            if at % 2 == 1 {
                format!("`{}`", escape_whole(part).replace('|', "\\|"))
            } else {
                cell(part)
            }
        })
        .collect()
}

fn markdown_table(out: &mut String, header: &[&str], right: &[usize], rows: Vec<Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: String = (0..header.len())
        .map(|c| if right.contains(&c) { "---:|" } else { "---|" })
        .collect();
    let _ = writeln!(out, "|{rule}");
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
}

fn pay_rows(list: &[&PayChange], zone: bool) -> Vec<Vec<String>> {
    list.iter()
        .map(|p| {
            let mut row = Vec::new();
            if zone {
                row.push(cell(p.zone.as_ref().map_or("", AsRef::as_ref)));
            }
            row.extend([
                cell(p.level.as_str()),
                p.point.to_string(),
                cell(&p.old.to_string()),
                cell(&p.new.to_string()),
                p.change.map_or_else(String::new, |c| cell(&c.to_string())),
                p.percent.map_or_else(String::new, signed),
            ]);
            row
        })
        .collect()
}

fn markdown(diff: &LadderDiff, old: &Side, new: &Side) -> String {
    let mut out = String::new();
    let summary = Summary::of(diff);
    let _ = writeln!(
        out,
        "**dualtrack diff** `{}` → `{}`: {}",
        cell(&old.name).replace("\\`", "'"),
        cell(&new.name).replace("\\`", "'"),
        cell(&summary.line(diff))
    );
    if !diff.parity().is_empty() {
        let _ = writeln!(out, "\n#### IC and management pay per grade (midpoint)\n");
        let rows = diff
            .parity()
            .iter()
            .map(|g| {
                vec![
                    cell(&g.grade.to_string()),
                    cell(&movement(&g.ic)),
                    cell(&movement(&g.management)),
                    if g.unmatched {
                        format!("⚠️ {}", verdict(g))
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        markdown_table(
            &mut out,
            &["grade", "IC", "management", "verdict"],
            &[],
            rows,
        );
    }
    let mut items = |title: &str, rows: Vec<Vec<String>>| {
        if rows.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n#### {title}\n");
        markdown_table(&mut out, &["id", "change", "old", "new"], &[], rows);
    };
    items("Tracks", item_rows(diff.tracks()));
    items("Levels", item_rows(diff.levels()));
    items("Competencies", item_rows(diff.competencies()));
    items("Zones", item_rows(diff.zones()));
    let fields = |out: &mut String, title: &str, list: &[dualtrack::FieldChange]| {
        if list.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n#### {title}\n");
        let rows = list
            .iter()
            .map(|f| vec![cell(&f.key), cell(&f.old), cell(&f.new)])
            .collect();
        markdown_table(out, &["key", "old", "new"], &[], rows);
    };
    fields(&mut out, "Ladder", diff.ladder());
    let (base, zoned): (Vec<&PayChange>, Vec<&PayChange>) =
        diff.pay().iter().partition(|p| p.zone.is_none());
    if !base.is_empty() {
        let _ = writeln!(out, "\n#### Pay\n");
        markdown_table(
            &mut out,
            &["level", "point", "old", "new", "change", "%"],
            &[2, 3, 4, 5],
            pay_rows(&base, false),
        );
    }
    if !zoned.is_empty() {
        let _ = writeln!(
            out,
            "\n<details><summary>Pay in zones, as their rules make it ({})</summary>\n",
            Count::new(zoned.len(), "change")
        );
        markdown_table(
            &mut out,
            &["zone", "level", "point", "old", "new", "change", "%"],
            &[3, 4, 5, 6],
            pay_rows(&zoned, true),
        );
        let _ = writeln!(out, "\n</details>");
    }
    if !diff.expectations().is_empty() {
        let _ = writeln!(out, "\n#### Expectations\n");
        let show =
            |p: Option<dualtrack::Proficiency>| p.map_or_else(String::new, |p| p.to_string());
        let rows = diff
            .expectations()
            .iter()
            .map(|e| {
                vec![
                    cell(e.level.as_str()),
                    cell(e.competency.as_str()),
                    e.change.to_string(),
                    show(e.old),
                    show(e.new),
                ]
            })
            .collect();
        markdown_table(
            &mut out,
            &["level", "competency", "change", "old", "new"],
            &[3, 4],
            rows,
        );
    }
    fields(&mut out, "Policy", diff.policy());
    let FindingsDelta {
        introduced, fixed, ..
    } = diff.findings();
    if !introduced.is_empty() || !fixed.is_empty() {
        let _ = writeln!(out, "\n#### Findings\n");
        let rows = introduced
            .iter()
            .map(|f| ("introduced", f, &new.name))
            .chain(fixed.iter().map(|f| ("fixed", f, &old.name)))
            .map(|(what, f, file)| {
                vec![
                    what.to_owned(),
                    f.severity().to_string(),
                    format!("`{}`", f.code()),
                    cell(&where_found(f, file)),
                    message_cell(f.message()),
                ]
            })
            .collect();
        markdown_table(
            &mut out,
            &["", "severity", "code", "where", "message"],
            &[],
            rows,
        );
    }
    out
}

/// The lines of `list` as the rows of a markdown table: id, change, old, new.
fn item_rows<Id: AsRef<str> + std::fmt::Display>(list: &[ItemChange<Id>]) -> Vec<Vec<String>> {
    list.iter()
        .map(|c| match c {
            ItemChange::Added {
                id, title, detail, ..
            } => {
                vec![
                    cell(id.as_ref()),
                    "added".to_owned(),
                    String::new(),
                    cell(&join(title, detail)),
                ]
            }
            ItemChange::Removed {
                id, title, detail, ..
            } => {
                vec![
                    cell(id.as_ref()),
                    "removed".to_owned(),
                    cell(&join(title, detail)),
                    String::new(),
                ]
            }
            ItemChange::Renamed { id, old, new, .. } => {
                vec![
                    cell(id.as_ref()),
                    "renamed".to_owned(),
                    cell(old),
                    cell(new),
                ]
            }
            ItemChange::Changed {
                id, key, old, new, ..
            } => {
                vec![cell(id.as_ref()), cell(key), cell(old), cell(new)]
            }
            _ => vec![
                cell(&c.to_string()),
                String::new(),
                String::new(),
                String::new(),
            ],
        })
        .collect()
}

/// Each line of `list` as text.
fn strings<Id: std::fmt::Display>(list: &[ItemChange<Id>]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

fn join(title: &str, detail: &str) -> String {
    if detail.is_empty() {
        title.to_owned()
    } else {
        format!("{title} ({detail})")
    }
}
