//! `dualtrack audit`: what people are actually paid, against the ladder.
//!
//! The roster is read as CSV, streaming, and handed row by row to the
//! library's [`Auditor`]; it is never written or copied anywhere.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dualtrack::audit::{Audit, AuditOptions, Auditor, GapFigure, Gaps, LevelCell, Side};
use dualtrack::site::escape_html;
use dualtrack::{Count, Ladder, Money, Percent, Ratio};

use crate::input;
use crate::output::{self, Amounts, table};

/// `--format` of `audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum AuditFormat {
    /// Text for the terminal.
    Human,
    /// One JSON document.
    Json,
    /// One CSV table: `section,grade,zone,subject,measure,value`.
    Csv,
    /// A self-contained HTML page, with a chart per grade.
    Html,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ladder file.
    ladder: PathBuf,
    /// The roster: CSV with a header; `level` and `salary` required, `zone`,
    /// `variable`, `id` and any other column optional.
    roster: PathBuf,
    /// Compare groups by this column (such as `gender`) at every grade.
    #[arg(long, value_name = "COLUMN")]
    by: Option<String>,
    /// Suppress every figure of a group of fewer people.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    min_group: u32,
    /// Flag group gaps of this much or more.
    #[arg(long, value_name = "PERCENT", default_value = "5%")]
    gap_threshold: Percent,
    /// The roster's delimiter; detected from the header (comma or semicolon) by default.
    #[arg(long, value_name = "CHAR")]
    delimiter: Option<char>,
    /// Exit 1 when any row is rejected.
    #[arg(long)]
    strict: bool,
    /// `human`, `json`, `csv` or `html`.
    #[arg(long, value_enum, default_value_t = AuditFormat::Human)]
    format: AuditFormat,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let format = match args.format {
        AuditFormat::Json => output::Format::Json,
        _ => output::Format::Human,
    };
    let ladder = match input::ladder(&args.ladder, format) {
        Ok(ladder) => ladder,
        Err(code) => return code,
    };
    let mut options = AuditOptions::default();
    options.min_group = args.min_group as usize;
    options.by.clone_from(&args.by);
    options.gap_threshold = args.gap_threshold;
    let audit = match read(&ladder, &args.roster, args.delimiter, options) {
        Ok(audit) => audit,
        Err(message) => return output::usage(&message),
    };
    let name = args.roster.display().to_string();
    let code = match args.format {
        AuditFormat::Human => output::print(&human(&audit, &name)),
        AuditFormat::Json => output::answer(format, String::new, &audit),
        AuditFormat::Csv => match csv_table(&audit) {
            Ok(text) => output::print(&text),
            Err(message) => return output::usage(&message),
        },
        AuditFormat::Html => output::print(&html(&audit, &name)),
    };
    if code != ExitCode::SUCCESS {
        return code;
    }
    if audit.has_findings() || (args.strict && audit.rows().rejected > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The delimiter of the header line: a semicolon when it has more
/// semicolons than commas, a comma otherwise.
fn detect(head: &[u8]) -> u8 {
    let line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let count = |c: u8| line.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// A roster row as the library reads it.
struct Row<'a>(&'a csv::ByteRecord);

impl dualtrack::audit::Record for Row<'_> {
    fn field(&self, index: usize) -> Option<&str> {
        std::str::from_utf8(self.0.get(index)?).ok()
    }
}

/// Reads the roster at `path` into an audit, streaming.
fn read<'l>(
    ladder: &'l Ladder,
    path: &Path,
    delimiter: Option<char>,
    options: AuditOptions,
) -> Result<Audit<'l>, String> {
    let file = File::open(path).map_err(|error| input::unreadable(path, &error))?;
    let mut file = BufReader::with_capacity(1 << 16, file);
    let mut head = Vec::new();
    (&mut file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|error| input::unreadable(path, &error))?;
    let delimiter = match delimiter {
        Some(c) if c.is_ascii() => c as u8,
        Some(c) => return Err(format!("invalid delimiter `{c}`: use one ASCII character")),
        None => detect(&head),
    };
    let reader = std::io::Cursor::new(head).chain(file);
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let header = csv
        .byte_headers()
        .map_err(|error| format!("cannot read the header of `{}`: {error}", path.display()))?
        .clone();
    let names: Vec<&str> = header
        .iter()
        .map(|f| std::str::from_utf8(f).unwrap_or(""))
        .collect();
    let mut auditor = Auditor::new(ladder, names, options)
        .map_err(|error| format!("`{}`: {error}", path.display()))?;
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, csv::Position::line);
                match record.iter().position(|f| std::str::from_utf8(f).is_err()) {
                    Some(column) => auditor.reject_row(
                        line,
                        column + 1,
                        "the field is not UTF-8 text".to_owned(),
                    ),
                    None => auditor.push(line, &Row(&record)),
                }
            }
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                match error.kind() {
                    csv::ErrorKind::Io(_) => {
                        return Err(format!("cannot read `{}`: {error}", path.display()));
                    }
                    _ => auditor.reject_row(line, 1, format!("unreadable row: {error}")),
                }
            }
        }
    }
    Ok(auditor.finish())
}

fn zone_text(zone: Option<&dualtrack::ZoneId>) -> String {
    zone.map_or_else(String::new, ToString::to_string)
}

fn ratio(r: Option<Ratio>) -> String {
    r.map_or_else(|| "-".to_owned(), |r| format!("{:.2}", r))
}

fn percent(r: Option<Ratio>) -> String {
    r.map_or_else(|| "-".to_owned(), |r| r.percent().to_string())
}

const SUPPRESSED: &str = "suppressed";

fn gap_text(g: &GapFigure, amounts: Amounts) -> String {
    format!("{} ({})", amounts.signed(g.amount), percent(g.ratio))
}

/// The one amount format of an answer: with cents when the bands, or any
/// figure shown, have them.
fn amounts_of(audit: &Audit<'_>) -> Amounts {
    let cents = |m: Money| {
        !m.minor()
            .is_multiple_of(10u64.pow(u32::from(m.currency().minor_digits())))
    };
    let figures = audit
        .levels()
        .iter()
        .filter_map(|c| c.figures.as_ref())
        .any(|f| {
            [f.salary.min, f.salary.median, f.salary.mean, f.salary.max]
                .into_iter()
                .chain(
                    f.variable
                        .iter()
                        .flat_map(|v| [v.min, v.median, v.mean, v.max]),
                )
                .any(cents)
        });
    let sides = audit
        .parity()
        .iter()
        .flat_map(|p| [p.ic, p.management])
        .chain(
            audit
                .groups()
                .iter()
                .flat_map(|g| g.groups.iter().map(|c| c.base)),
        )
        .flatten()
        .any(|s| cents(s.median) || cents(s.mean));
    Amounts::of(audit.ladder(), None).or_cents(figures || sides)
}

fn human(audit: &Audit<'_>, roster: &str) -> String {
    let ladder = audit.ladder();
    let amounts = amounts_of(audit);
    let rows = audit.rows();
    let mut out = format!(
        "Audit of `{}` against {} (`{}`){}\nrows: {} read, {} used, {} rejected; figures of groups of fewer than {} are suppressed\n",
        dualtrack::escape(roster),
        ladder.name(),
        ladder.id(),
        ladder.currency().map_or_else(String::new, |c| format!(
            ": amounts in {c}, or in each zone's currency"
        )),
        rows.read,
        rows.used,
        rows.rejected,
        Count::new(audit.min_group(), "person").plural("people"),
    );
    out.push_str("\nPay per level (compa-ratio: salary / band midpoint; penetration: where the median sits from min 0% to max 100%)\n");
    let mut table_rows = vec![
        [
            "grade",
            "level",
            "zone",
            "people",
            "min",
            "median",
            "mean",
            "max",
            "compa",
            "compa range",
            "penetration",
            "below",
            "above",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for cell in audit.levels() {
        let mut row = vec![
            cell.grade.to_string(),
            cell.level.to_string(),
            zone_text(cell.zone.as_ref()),
        ];
        match &cell.figures {
            Some(f) => row.extend([
                f.headcount.to_string(),
                amounts.amount(f.salary.min),
                amounts.amount(f.salary.median),
                amounts.amount(f.salary.mean),
                amounts.amount(f.salary.max),
                ratio(f.compa_median),
                format!("{}-{}", ratio(f.compa_min), ratio(f.compa_max)),
                percent(f.penetration_median),
                f.below_min.to_string(),
                f.above_max.to_string(),
            ]),
            None => row.push(SUPPRESSED.to_owned()),
        }
        table_rows.push(row);
    }
    let zoned = audit.levels().iter().any(|c| c.zone.is_some());
    if !zoned {
        for row in &mut table_rows {
            row.remove(2);
        }
    }
    let right: &[usize] = if zoned {
        &[0, 3, 4, 5, 6, 7, 8, 10, 11, 12]
    } else {
        &[0, 2, 3, 4, 5, 6, 7, 9, 10, 11]
    };
    out.push_str(&table(&table_rows, right, "  "));
    if audit.levels().iter().any(|c| c.figures.is_none()) {
        out.push_str(&format!(
            "  suppressed: fewer than {}, or hidden too so that no small group can be worked out from the others\n",
            Count::new(audit.min_group(), "person").plural("people")
        ));
    }

    let policy = ladder.policy();
    out.push_str(&format!(
        "\nParity in practice: management less IC pay, as a share of management's (policy: {}, tolerance {})\n",
        policy.parity_mode().as_str(),
        policy.parity_tolerance()
    ));
    if audit.parity().is_empty() {
        out.push_str("  no grade has people on both an IC and a management track\n");
    }
    for p in audit.parity() {
        let at = match &p.zone {
            Some(z) => format!("grade {} in {z}", p.grade),
            None => format!("grade {}", p.grade),
        };
        let side = |s: &Option<Side>| match s {
            Some(s) => format!(
                "{}, median {}, mean {}",
                Count::new(s.headcount, "person").plural("people"),
                amounts.money(s.median),
                amounts.money(s.mean)
            ),
            None => SUPPRESSED.to_owned(),
        };
        out.push_str(&format!(
            "  {at}\n    IC:         {}\n    management: {}\n",
            side(&p.ic),
            side(&p.management)
        ));
        let gaps = |name: &str, g: &Option<Gaps>| match g {
            Some(g) => format!(
                "    {name} gap: median {}, mean {}\n",
                gap_text(&g.median, amounts),
                gap_text(&g.mean, amounts)
            ),
            None => format!("    {name} gap: {SUPPRESSED}\n"),
        };
        out.push_str(&gaps("base", &p.base));
        if p.total.is_some()
            || (p.base.is_none()
                && audit
                    .levels()
                    .iter()
                    .any(|l| l.figures.as_ref().is_some_and(|f| f.variable.is_some())))
        {
            out.push_str(&gaps("total pay", &p.total));
        }
        if p.finding {
            out.push_str(&format!(
                "    finding: management is paid more than the parity policy allows ({}, tolerance {})\n",
                policy.parity_mode().as_str(),
                policy.parity_tolerance()
            ));
        }
    }

    if let Some(by) = audit.by() {
        out.push_str(&format!(
            "\nGroups by `{}` per grade: gap to the reference group (highest mean base pay), flagged at {} or more\n",
            dualtrack::escape(by),
            audit.gap_threshold()
        ));
        for g in audit.groups() {
            let at = match &g.zone {
                Some(z) => format!("grade {} in {z}", g.grade),
                None => format!("grade {}", g.grade),
            };
            out.push_str(&format!("  {at}\n"));
            let mut rows = vec![
                [
                    "group",
                    "people",
                    "median",
                    "mean",
                    "median gap",
                    "mean gap",
                    "variable gap (median, mean)",
                    "",
                ]
                .map(String::from)
                .to_vec(),
            ];
            for c in &g.groups {
                let mut row = vec![if c.group.is_empty() {
                    "(empty)".to_owned()
                } else {
                    dualtrack::escape(&c.group)
                }];
                match c.base {
                    Some(b) => {
                        row.extend([
                            b.headcount.to_string(),
                            amounts.amount(b.median),
                            amounts.amount(b.mean),
                        ]);
                        if g.reference.as_deref() == Some(c.group.as_str()) {
                            row.extend(["reference".to_owned(), String::new(), String::new()]);
                        } else {
                            match &c.base_gap {
                                Some(gap) => row.extend([
                                    gap_text(&gap.median, amounts),
                                    gap_text(&gap.mean, amounts),
                                ]),
                                None => row.extend(["-".to_owned(), "-".to_owned()]),
                            }
                            row.push(c.variable_gap.map_or_else(
                                || "-".to_owned(),
                                |v| {
                                    format!(
                                        "{}, {}",
                                        percent(v.median.ratio),
                                        percent(v.mean.ratio)
                                    )
                                },
                            ));
                        }
                        row.push(if c.flagged {
                            "flagged".to_owned()
                        } else {
                            String::new()
                        });
                    }
                    None => row.push(SUPPRESSED.to_owned()),
                }
                rows.push(row);
            }
            out.push_str(&table(&rows, &[1, 2, 3], "    "));
        }
    }

    out.push_str(&format!(
        "\nOutside the band ({})\n",
        audit.out_of_band().len()
    ));
    if audit.out_of_band().is_empty() {
        out.push_str("  everyone is paid within their band\n");
    } else {
        let mut rows = vec![
            ["who", "level", "zone", "salary", "band", "outside by"]
                .map(String::from)
                .to_vec(),
        ];
        for o in audit.out_of_band() {
            rows.push(vec![
                dualtrack::escape(&o.who),
                o.level.to_string(),
                zone_text(o.zone.as_ref()),
                amounts.money(o.salary),
                format!(
                    "{}-{}",
                    amounts.amount(o.band.min()),
                    amounts.amount(o.band.max())
                ),
                format!(
                    "{} {} the {}",
                    amounts.money(o.by),
                    if o.below { "below" } else { "above" },
                    if o.below { "minimum" } else { "maximum" }
                ),
            ]);
        }
        if !audit.out_of_band().iter().any(|o| o.zone.is_some()) {
            for row in &mut rows {
                row.remove(2);
            }
            out.push_str(&table(&rows, &[2], "  "));
        } else {
            out.push_str(&table(&rows, &[3], "  "));
        }
    }

    out.push_str(&format!("\nRejected rows ({})\n", audit.rejected().len()));
    if audit.rejected().is_empty() {
        out.push_str("  none\n");
    }
    for r in audit.rejected() {
        out.push_str(&format!(
            "  line {}, column {} (`{}`): {}\n",
            r.line,
            r.column,
            dualtrack::escape(&r.column_name),
            r.message
        ));
        if let Some(help) = &r.help {
            out.push_str(&format!("    help: {help}\n"));
        }
    }
    out
}

/// The audit as one long CSV table: `section,grade,zone,subject,measure,value`.
fn csv_table(audit: &Audit<'_>) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; 6]> = Vec::new();
    let mut put = |section: &str,
                   grade: String,
                   zone: String,
                   subject: &str,
                   measure: &str,
                   value: String| {
        rows.push([
            section.to_owned(),
            grade,
            zone,
            subject.to_owned(),
            measure.to_owned(),
            value,
        ]);
    };
    let r = audit.rows();
    put(
        "rows",
        String::new(),
        String::new(),
        "",
        "read",
        r.read.to_string(),
    );
    put(
        "rows",
        String::new(),
        String::new(),
        "",
        "used",
        r.used.to_string(),
    );
    put(
        "rows",
        String::new(),
        String::new(),
        "",
        "rejected",
        r.rejected.to_string(),
    );
    let money = |m: Money| m.amount();
    let ratio = |r: Option<Ratio>| r.map_or_else(String::new, |r| format!("{r}"));
    for c in audit.levels() {
        let (g, z, s) = (
            c.grade.to_string(),
            zone_text(c.zone.as_ref()),
            c.level.as_str(),
        );
        match &c.figures {
            None => put("level", g, z, s, "suppressed", "true".to_owned()),
            Some(f) => {
                for (m, v) in [
                    ("headcount", f.headcount.to_string()),
                    ("min", money(f.salary.min)),
                    ("median", money(f.salary.median)),
                    ("mean", money(f.salary.mean)),
                    ("max", money(f.salary.max)),
                    ("compa_median", ratio(f.compa_median)),
                    ("compa_min", ratio(f.compa_min)),
                    ("compa_max", ratio(f.compa_max)),
                    ("penetration_median", ratio(f.penetration_median)),
                    ("below_min", f.below_min.to_string()),
                    ("above_max", f.above_max.to_string()),
                ] {
                    put("level", g.clone(), z.clone(), s, m, v);
                }
            }
        }
    }
    for p in audit.parity() {
        let (g, z) = (p.grade.to_string(), zone_text(p.zone.as_ref()));
        for (name, gaps) in [("base", &p.base), ("total", &p.total)] {
            match gaps {
                Some(gaps) => {
                    put(
                        "parity",
                        g.clone(),
                        z.clone(),
                        name,
                        "median_gap",
                        gaps.median.amount.amount(),
                    );
                    put(
                        "parity",
                        g.clone(),
                        z.clone(),
                        name,
                        "median_gap_ratio",
                        ratio(gaps.median.ratio),
                    );
                    put(
                        "parity",
                        g.clone(),
                        z.clone(),
                        name,
                        "mean_gap",
                        gaps.mean.amount.amount(),
                    );
                    put(
                        "parity",
                        g.clone(),
                        z.clone(),
                        name,
                        "mean_gap_ratio",
                        ratio(gaps.mean.ratio),
                    );
                }
                None if name == "base" => put(
                    "parity",
                    g.clone(),
                    z.clone(),
                    name,
                    "suppressed",
                    "true".to_owned(),
                ),
                None => {}
            }
        }
        put("parity", g, z, "", "finding", p.finding.to_string());
    }
    for gg in audit.groups() {
        let (g, z) = (gg.grade.to_string(), zone_text(gg.zone.as_ref()));
        for c in &gg.groups {
            match c.base {
                None => put(
                    "group",
                    g.clone(),
                    z.clone(),
                    &c.group,
                    "suppressed",
                    "true".to_owned(),
                ),
                Some(b) => {
                    put(
                        "group",
                        g.clone(),
                        z.clone(),
                        &c.group,
                        "headcount",
                        b.headcount.to_string(),
                    );
                    put(
                        "group",
                        g.clone(),
                        z.clone(),
                        &c.group,
                        "median",
                        money(b.median),
                    );
                    put(
                        "group",
                        g.clone(),
                        z.clone(),
                        &c.group,
                        "mean",
                        money(b.mean),
                    );
                    if gg.reference.as_deref() == Some(c.group.as_str()) {
                        put(
                            "group",
                            g.clone(),
                            z.clone(),
                            &c.group,
                            "reference",
                            "true".to_owned(),
                        );
                    }
                    if let Some(gap) = c.base_gap {
                        put(
                            "group",
                            g.clone(),
                            z.clone(),
                            &c.group,
                            "median_gap_ratio",
                            ratio(gap.median.ratio),
                        );
                        put(
                            "group",
                            g.clone(),
                            z.clone(),
                            &c.group,
                            "mean_gap_ratio",
                            ratio(gap.mean.ratio),
                        );
                    }
                    if let Some(gap) = c.variable_gap {
                        put(
                            "group",
                            g.clone(),
                            z.clone(),
                            &c.group,
                            "variable_median_gap_ratio",
                            ratio(gap.median.ratio),
                        );
                        put(
                            "group",
                            g.clone(),
                            z.clone(),
                            &c.group,
                            "variable_mean_gap_ratio",
                            ratio(gap.mean.ratio),
                        );
                    }
                    put(
                        "group",
                        g.clone(),
                        z.clone(),
                        &c.group,
                        "flagged",
                        c.flagged.to_string(),
                    );
                }
            }
        }
    }
    for o in audit.out_of_band() {
        let level = o.level.to_string();
        let grade = audit
            .ladder()
            .level(&level)
            .map(|l| l.grade().to_string())
            .unwrap_or_default();
        let measure = if o.below {
            "below_min_by"
        } else {
            "above_max_by"
        };
        put(
            "out_of_band",
            grade,
            zone_text(o.zone.as_ref()),
            &format!("{} ({level})", o.who),
            measure,
            money(o.by),
        );
    }
    for r in audit.rejected() {
        put(
            "rejected",
            String::new(),
            String::new(),
            &format!("line {} column {} ({})", r.line, r.column, r.column_name),
            "reason",
            r.message.clone(),
        );
    }
    writer
        .write_record(["section", "grade", "zone", "subject", "measure", "value"])
        .map_err(|e| e.to_string())?;
    for row in &rows {
        writer.write_record(row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// At most this many dots per level in a chart: evenly spaced through the
/// sorted salaries when there are more.
const MAX_DOTS: usize = 400;

/// A self-contained page: no script, no external resource.
fn html(audit: &Audit<'_>, roster: &str) -> String {
    let ladder = audit.ladder();
    let amounts = amounts_of(audit);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Pay audit: {}</title>\n<style>\nbody{{font-family:system-ui,sans-serif;margin:2em;color:#222}}\ntable{{border-collapse:collapse;margin:1em 0}}\ntd,th{{border:1px solid #ccc;padding:.2em .6em;text-align:right}}\nth{{background:#f4f4f4}}\n.finding{{color:#b00020;font-weight:bold}}\nsvg text{{font-size:12px}}\n</style>\n</head>\n<body>\n<h1>Pay audit: {} (<code>{}</code>)</h1>\n<p>Roster <code>{}</code>: {} rows read, {} used, {} rejected. Figures of groups of fewer than {} people are suppressed.</p>\n",
        escape_html(ladder.name()),
        escape_html(ladder.name()),
        escape_html(ladder.id().as_str()),
        escape_html(roster),
        audit.rows().read,
        audit.rows().used,
        audit.rows().rejected,
        audit.min_group()
    );
    // Charts per grade and zone.
    out.push_str("<h2>Pay per grade</h2>\n<p>Each dot is one person's salary; the bars are the bands (IC in blue, management in orange). Suppressed groups show their band only.</p>\n");
    let mut keys: Vec<(dualtrack::Grade, Option<dualtrack::ZoneId>)> = audit
        .levels()
        .iter()
        .map(|c| (c.grade.clone(), c.zone.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    for (grade, zone) in &keys {
        let cells: Vec<&LevelCell> = audit
            .levels()
            .iter()
            .filter(|c| &c.grade == grade && &c.zone == zone)
            .collect();
        chart(&mut out, ladder, grade, zone.as_ref(), &cells);
    }
    // Parity table.
    out.push_str("<h2>Parity in practice</h2>\n<table>\n<tr><th>grade</th><th>zone</th><th>IC median</th><th>management median</th><th>median gap</th><th>mean gap</th><th>total pay median gap</th><th>finding</th></tr>\n");
    for p in audit.parity() {
        let median =
            |s: &Option<Side>| s.map_or_else(|| SUPPRESSED.to_owned(), |s| amounts.money(s.median));
        let gap = |g: Option<GapFigure>| {
            g.map_or_else(|| SUPPRESSED.to_owned(), |g| gap_text(&g, amounts))
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{}</td></tr>",
            p.grade,
            escape_html(&zone_text(p.zone.as_ref())),
            median(&p.ic),
            median(&p.management),
            gap(p.base.map(|g| g.median)),
            gap(p.base.map(|g| g.mean)),
            p.total
                .map_or_else(|| "-".to_owned(), |g| gap_text(&g.median, amounts)),
            if p.finding { " class=\"finding\"" } else { "" },
            if p.finding {
                "management paid more than the policy allows"
            } else {
                ""
            }
        );
    }
    out.push_str("</table>\n");
    if let Some(by) = audit.by() {
        let _ = writeln!(
            out,
            "<h2>Groups by <code>{}</code></h2>\n<table>\n<tr><th>grade</th><th>zone</th><th>group</th><th>people</th><th>median</th><th>mean</th><th>median gap</th><th>mean gap</th><th>flagged</th></tr>",
            escape_html(by)
        );
        for g in audit.groups() {
            for c in &g.groups {
                let (people, median, mean) = c.base.map_or_else(
                    || (SUPPRESSED.to_owned(), String::new(), String::new()),
                    |b| {
                        (
                            b.headcount.to_string(),
                            amounts.money(b.median),
                            amounts.money(b.mean),
                        )
                    },
                );
                let reference = g.reference.as_deref() == Some(c.group.as_str());
                let (mg, ag) = match c.base_gap {
                    Some(gap) => (gap_text(&gap.median, amounts), gap_text(&gap.mean, amounts)),
                    None if reference => ("reference".to_owned(), String::new()),
                    None => (String::new(), String::new()),
                };
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{people}</td><td>{median}</td><td>{mean}</td><td>{mg}</td><td>{ag}</td><td{}>{}</td></tr>",
                    g.grade,
                    escape_html(&zone_text(g.zone.as_ref())),
                    escape_html(&c.group),
                    if c.flagged { " class=\"finding\"" } else { "" },
                    if c.flagged { "flagged" } else { "" }
                );
            }
        }
        out.push_str("</table>\n");
    }
    let _ = writeln!(
        out,
        "<h2>Outside the band ({})</h2>\n<table>\n<tr><th>who</th><th>level</th><th>zone</th><th>salary</th><th>band</th><th>outside by</th></tr>",
        audit.out_of_band().len()
    );
    for o in audit.out_of_band() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}-{}</td><td>{} {}</td></tr>",
            escape_html(&o.who),
            escape_html(o.level.as_str()),
            escape_html(&zone_text(o.zone.as_ref())),
            amounts.money(o.salary),
            amounts.amount(o.band.min()),
            amounts.amount(o.band.max()),
            amounts.money(o.by),
            if o.below { "below" } else { "above" }
        );
    }
    out.push_str("</table>\n");
    let _ = writeln!(
        out,
        "<h2>Rejected rows ({})</h2>\n<table>\n<tr><th>line</th><th>column</th><th>reason</th></tr>",
        audit.rejected().len()
    );
    for r in audit.rejected() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{} ({})</td><td>{}</td></tr>",
            r.line,
            r.column,
            escape_html(&r.column_name),
            escape_html(&r.message)
        );
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

/// One grade's chart: a row per level, its band as a bar, its people as dots.
fn chart(
    out: &mut String,
    ladder: &Ladder,
    grade: &dualtrack::Grade,
    zone: Option<&dualtrack::ZoneId>,
    cells: &[&LevelCell],
) {
    let (width, left, row_height) = (900u64, 160u64, 36u64);
    // The scale: from the lowest to the highest band end or salary.
    let mut low = u64::MAX;
    let mut high = 0u64;
    for c in cells {
        if let Some(b) = c.band {
            low = low.min(b.min().minor());
            high = high.max(b.max().minor());
        }
        if let Some(f) = &c.figures {
            low = low.min(f.salary.min.minor());
            high = high.max(f.salary.max.minor());
        }
    }
    if low >= high {
        high = low.saturating_add(1);
    }
    let span = high - low;
    let x = |minor: u64| -> u64 {
        left + u64::try_from(
            u128::from(minor.saturating_sub(low)) * u128::from(width - left - 20)
                / u128::from(span),
        )
        .unwrap_or(0)
    };
    let height = row_height * cells.len() as u64 + 30;
    let title = match zone {
        Some(z) => format!("Grade {grade} in {z}"),
        None => format!("Grade {grade}"),
    };
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        escape_html(&title),
        escape_html(&title)
    );
    for (i, c) in cells.iter().enumerate() {
        let y = 10 + row_height * i as u64;
        let management = ladder
            .track(c.track.as_str())
            .is_some_and(|t| t.kind() == dualtrack::TrackKind::Management);
        let color = if management { "#f28e2b" } else { "#4e79a7" };
        let _ = writeln!(
            out,
            "<text x=\"4\" y=\"{}\">{} ({})</text>",
            y + 18,
            escape_html(c.level.as_str()),
            escape_html(c.track.as_str())
        );
        if let Some(b) = c.band {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{color}\" fill-opacity=\"0.25\" stroke=\"{color}\"><title>band {}-{}</title></rect>",
                x(b.min().minor()),
                y + 6,
                (x(b.max().minor()) - x(b.min().minor())).max(1),
                b.min(),
                b.max()
            );
        }
        match &c.figures {
            Some(f) => {
                let salaries = f.salaries();
                let step = salaries.len().div_ceil(MAX_DOTS).max(1);
                // Equal salaries are drawn a little apart, up and down.
                for (k, s) in salaries.iter().step_by(step).enumerate() {
                    let cy = y + 9 + (k as u64 % 3) * 5;
                    let _ = writeln!(
                        out,
                        "<circle cx=\"{}\" cy=\"{cy}\" r=\"3\" fill=\"{color}\" fill-opacity=\"0.7\"/>",
                        x(*s)
                    );
                }
            }
            None => {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" fill=\"#666\">suppressed</text>",
                    width - 90,
                    y + 18
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "<text x=\"{left}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n</svg>",
        height - 4,
        escape_html(&Money::from_minor(low, currency(cells)).to_string()),
        width - 20,
        height - 4,
        escape_html(&Money::from_minor(high, currency(cells)).to_string()),
    );
}

fn currency(cells: &[&LevelCell]) -> dualtrack::Currency {
    cells
        .iter()
        .find_map(|c| {
            c.band
                .map(|b| b.min().currency())
                .or_else(|| c.figures.as_ref().map(|f| f.salary.min.currency()))
        })
        .unwrap_or_else(|| dualtrack::Currency::from_code("USD").unwrap_or_else(|| unreachable!()))
}
