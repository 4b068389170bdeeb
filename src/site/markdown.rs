//! GitHub-flavoured Markdown: the same sections as tables, no SVG.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::{
    Amounts, IndexEntry, SiteOptions, branches, chart_note, counterpart_items, escaped, grade_rows,
    status, zone_rules,
};
use crate::choice::{CompetencyKind, TrackKind};
use crate::model::{Ladder, Level};
use crate::report::Report;

/// Escapes text for a Markdown table cell (borrowed when there is nothing
/// to escape).
fn cell(text: &str) -> Cow<'_, str> {
    escaped(text, |c| match c {
        '\\' => Some("\\\\"),
        '|' => Some("\\|"),
        '\n' => Some(" "),
        '<' => Some("&lt;"),
        _ => None,
    })
}

/// A list item: a term and its description.
fn item(out: &mut String, term: &str, description: impl std::fmt::Display) {
    let _ = writeln!(out, "- {term}: {description}");
}

fn link(level: &Level) -> String {
    format!(
        "[{}](#level-{}) `{}`",
        cell(level.title()),
        level.id(),
        level.id()
    )
}

/// The ladder as GitHub-flavoured Markdown, for handbooks and wikis: the
/// sections of [`html`](super::html) as tables, the band chart as a table.
/// The output is stable: the same ladder gives the same text.
///
/// ```
/// let loaded = dualtrack::Loader::new().inspect_path("ladders/engineering.yaml")?;
/// let page = dualtrack::site::markdown(loaded.ladder(), loaded.report(), Default::default());
/// assert!(page.starts_with("# "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn markdown(ladder: &Ladder, report: &Report, options: SiteOptions<'_>) -> String {
    let zone = options.zone;
    let amounts = Amounts::of(ladder, zone);
    let scale = ladder.proficiency_scale();
    let mut out = format!("# {}\n\n", cell(ladder.name()));
    if let Some(d) = ladder.description() {
        let _ = writeln!(out, "{}\n", d.trim());
    }
    let _ = writeln!(out, "- Ladder: `{}`", ladder.id());
    match ladder.currency() {
        Some(c) => {
            let _ = writeln!(out, "- Currency: {c}");
        }
        None => out.push_str("- Pay: not published: no level has a band\n"),
    }
    if let Some(p) = ladder.pay_period() {
        let _ = writeln!(out, "- Pay period: {}", p.as_str());
    }
    if let Some(d) = ladder.effective_date() {
        let _ = writeln!(out, "- Effective date: {d}");
    }
    if let Some(z) = zone {
        let _ = writeln!(out, "- Zone shown: {} (`{}`)", cell(z.name()), z.id());
    }
    let _ = writeln!(out, "- Validation: {}\n", status(report));
    if !report.findings().is_empty() {
        out.push_str("| Severity | Code | Line | Message |\n|---|---|---|---|\n");
        for f in report.findings() {
            let at = match (f.line(), f.column()) {
                (Some(l), Some(c)) => format!("{l}:{c}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "| {} | `{}` | {at} | {} |",
                f.severity(),
                f.code(),
                cell(f.message())
            );
        }
        out.push('\n');
    }

    // The tracks side by side.
    let branches = branches(ladder);
    out.push_str("## The tracks side by side\n\n| Grade |");
    for t in &branches {
        let _ = write!(out, " {} |", cell(t.name()));
    }
    out.push_str("\n|---|");
    for _ in &branches {
        out.push_str("---|");
    }
    out.push('\n');
    for (grade, cells) in grade_rows(ladder) {
        let _ = write!(out, "| {} |", cell(&grade.to_string()));
        let trunk = ladder
            .tracks()
            .iter()
            .zip(&cells)
            .find(|(t, l)| t.kind() == TrackKind::Trunk && l.is_some())
            .and_then(|(_, l)| *l);
        for (t, l) in ladder.tracks().iter().zip(&cells) {
            if t.kind() == TrackKind::Trunk {
                continue;
            }
            match (trunk, l) {
                (Some(level), _) => {
                    let _ = write!(out, " {} (shared trunk) |", link(level));
                }
                (None, Some(level)) => {
                    let exec = if level.is_executive() {
                        " (executive)"
                    } else {
                        ""
                    };
                    let _ = write!(out, " {}{exec} |", link(level));
                }
                (None, None) => out.push_str(" — |"),
            }
        }
        out.push('\n');
    }
    out.push('\n');

    // The bands.
    out.push_str("## Pay bands\n\n");
    if ladder.publishes_pay() {
        if let Some(note) = chart_note(ladder, zone, |c| format!("`{c}`")) {
            let _ = writeln!(out, "{note}\n");
        }
        if let Some(z) = zone {
            let _ = writeln!(out, "### In the {} zone (`{}`)\n", cell(z.name()), z.id());
        }
        out.push_str("| Grade | Level | Track | Band |\n|---|---|---|---|\n");
        for (grade, cells) in grade_rows(ladder) {
            for (t, l) in ladder.tracks().iter().zip(&cells) {
                if let Some(level) = l
                    && let Some(band) = level.band_in(zone)
                {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        cell(&grade.to_string()),
                        link(level),
                        cell(t.name()),
                        amounts.band_cell(band)
                    );
                }
            }
        }
        out.push('\n');
    } else {
        out.push_str(
            "This ladder publishes no pay: no level has a band, so there is no chart.\n\n",
        );
    }

    if !ladder.zones().is_empty() {
        out.push_str("## Zones\n\n| Zone | Rules |\n|---|---|\n");
        for z in ladder.zones() {
            let _ = writeln!(
                out,
                "| {} `{}` | {} |",
                cell(z.name()),
                z.id(),
                cell(&zone_rules(z, amounts))
            );
        }
        out.push('\n');
    }

    if scale.is_named() {
        out.push_str("## Proficiency scale\n\n| Step | Name | Description |\n|---|---|---|\n");
        for s in scale.steps() {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                s.proficiency(),
                cell(s.name()),
                cell(s.description().unwrap_or(""))
            );
        }
        out.push('\n');
    }

    if !ladder.competencies().is_empty() {
        out.push_str("## Competency matrix\n\nEach cell is the expected proficiency. People competencies are marked (people).\n\n");
        for track in ladder.tracks() {
            let comps: Vec<_> = ladder
                .competencies()
                .iter()
                .filter(|c| c.applies_to(track))
                .collect();
            if comps.is_empty() {
                continue;
            }
            let _ = write!(out, "### {}\n\n| Level |", cell(track.name()));
            for c in &comps {
                let people = if c.kind() == CompetencyKind::People {
                    " (people)"
                } else {
                    ""
                };
                let group = c
                    .group()
                    .map(|g| format!(" [{}]", cell(g)))
                    .unwrap_or_default();
                let _ = write!(out, " {}{people}{group} |", cell(c.name()));
            }
            out.push_str("\n|---|");
            for _ in &comps {
                out.push_str("---|");
            }
            out.push('\n');
            for level in track.levels().iter().rev() {
                let _ = write!(out, "| {} |", link(level));
                for c in &comps {
                    match level.expectation(c.id().as_str()) {
                        Some(e) => {
                            let _ = write!(out, " {} |", cell(&scale.label(e.proficiency())));
                        }
                        None => out.push_str(" — |"),
                    }
                }
                out.push('\n');
            }
            out.push('\n');
        }
    }

    out.push_str("## Levels\n");
    let zone_items: Vec<String> = ladder
        .zones()
        .iter()
        .map(|z| format!("- In {}: ", z.name()))
        .collect();
    for track in ladder.tracks() {
        for level in track.levels() {
            let id = level.id().as_str();
            let _ = writeln!(
                out,
                "\n<a id=\"level-{id}\"></a>\n### {} `{id}`\n",
                cell(level.title())
            );
            let shared = if track.is_trunk() {
                " (shared trunk)"
            } else {
                ""
            };
            item(&mut out, "Track", format!("{}{shared}", cell(track.name())));
            item(&mut out, "Grade", level.grade().to_string());
            if level.is_executive() {
                item(&mut out, "Executive", "yes: outside parity".to_owned());
            }
            if let Some(s) = level.summary() {
                item(&mut out, "Summary", s.trim().replace('\n', " "));
            }
            match level.band() {
                Some(band) => {
                    let key = if band.is_spot() { "Spot rate" } else { "Band" };
                    let basis = level
                        .pay_basis()
                        .map(|b| format!(" ({} of `{}`)", b.percent(), b.of()))
                        .unwrap_or_default();
                    item(&mut out, key, format!("{}{basis}", amounts.band(*band)));
                    for (z, label) in ladder.zones().iter().zip(&zone_items) {
                        if let Some(zb) = level.band_in(Some(z)) {
                            out.push_str(label);
                            amounts.write_band(&mut out, zb);
                            out.push('\n');
                        }
                    }
                }
                None => item(&mut out, "Band", "no published pay".to_owned()),
            }
            if !level.steps().is_empty() {
                let steps: Vec<String> = level
                    .steps()
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("{} {}", i + 1, amounts.money(*s)))
                    .collect();
                item(&mut out, "Steps", steps.join(", "));
            }
            if let Some(v) = level.variable() {
                item(&mut out, "Variable pay", v.to_string());
            }
            if let Some(t) = level.target_cash() {
                item(&mut out, "Target cash", amounts.band(*t));
            }
            if let Some(e) = level.equity() {
                item(&mut out, "Equity", amounts.band(*e));
            }
            if let Some(t) = level.total_compensation() {
                item(&mut out, "Total compensation", amounts.band(t));
            }
            let counterparts = counterpart_items(ladder, level, |t, l| {
                format!("{}: {}", cell(t.name()), link(l))
            });
            if !counterparts.is_empty() {
                item(&mut out, "Counterparts", counterparts.join("; "));
            }
            // Above: the next level, or at the top of the trunk each
            // track's entry; below: the previous level, or at a track's
            // entry the top of the trunk.
            let above: Vec<String> = ladder.next_steps(id).map(|(_, l)| link(l)).collect();
            if !above.is_empty() {
                item(&mut out, "Above", above.join("; "));
            }
            let below = ladder.previous_step(id).map(|(_, l)| l);
            if let Some(l) = below {
                item(&mut out, "Below", link(l));
            }
            if !level.entry_criteria().is_empty() {
                out.push_str("\nEntry criteria:\n\n");
                for c in level.entry_criteria() {
                    let _ = writeln!(out, "- {}", c.trim().replace('\n', " "));
                }
            }
            if !level.expectations().is_empty() {
                out.push_str("\n| Competency | Expected | Description |\n|---|---|---|\n");
                for e in level.expectations() {
                    let name = ladder
                        .competency(e.competency().as_str())
                        .map_or(e.competency().as_str(), |c| c.name());
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} |",
                        cell(name),
                        cell(&scale.label(e.proficiency())),
                        cell(e.description().unwrap_or(""))
                    );
                }
            }
        }
    }
    out
}

/// An index in Markdown linking the pages of several ladders.
pub fn index_markdown(entries: &[IndexEntry]) -> String {
    let mut out = String::from("# Career ladders\n\n| Ladder | Validation |\n|---|---|\n");
    for e in entries {
        let status = match e.findings {
            Some(0) => "clean".to_owned(),
            Some(1) => "1 finding".to_owned(),
            Some(n) => format!("{n} findings"),
            None => "could not be loaded".to_owned(),
        };
        let _ = writeln!(out, "| [{}]({}) | {status} |", cell(&e.name), e.href);
    }
    out
}
