//! The HTML page: one self-contained file, inline CSS and SVG, no script.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::style::{Bar, GRID, HATCH_GROUND, HATCH_LINE, INK, RULE, STYLE};
use super::{
    Amounts, IndexEntry, SiteOptions, branches, chart_note, counterpart_items, escaped, grade_rows,
    status, zone_rules,
};
use crate::choice::{CompetencyKind, TrackKind};
use crate::model::{Ladder, Level, Zone};
use crate::report::Report;

/// The page's content security policy: any request would be blocked.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Text escaped for HTML, in element content and in quoted attribute
/// values: `&`, `<`, `>`, `"` and `'`; for a service that puts a ladder's
/// words into a page of its own.
///
/// ```
/// assert_eq!(dualtrack::site::escape_html("<R&D's \"lab\">"), "&lt;R&amp;D&#39;s &quot;lab&quot;&gt;");
/// ```
pub fn escape_html(text: &str) -> String {
    escape(text).into_owned()
}

/// [`escape_html`], borrowing the text when it has nothing to escape (most
/// ladder text has none).
fn escape(text: &str) -> Cow<'_, str> {
    escaped(text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    })
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
}

/// A term and its description, in a `<dl>`.
fn item(out: &mut String, term: &str, description: impl std::fmt::Display) {
    let _ = writeln!(out, "<dt>{term}</dt><dd>{description}</dd>");
}

fn level_link(level: &Level) -> String {
    format!(
        "<a href=\"#level-{}\">{}</a> <code>{}</code>",
        escape(level.id().as_str()),
        escape(level.title()),
        escape(level.id().as_str())
    )
}

/// The ladder's page: summary and validation status, the tracks side by side
/// by grade, the band chart, the competency matrix per track and a section
/// per level. Self-contained: inline CSS and SVG, no script, no request.
///
/// ```
/// let loaded = dualtrack::Loader::new().inspect_path("ladders/engineering.yaml")?;
/// let page = dualtrack::site::html(loaded.ladder(), loaded.report(), Default::default());
/// assert!(page.contains("<svg"));
/// assert!(page.contains("Staff Engineer"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn html(ladder: &Ladder, report: &Report, options: SiteOptions<'_>) -> String {
    let zone = options.zone;
    let amounts = Amounts::of(ladder, zone);
    let mut out = String::new();
    head(&mut out, ladder.name());
    let _ = writeln!(out, "<header><h1>{}</h1>", escape(ladder.name()));
    if let Some(d) = ladder.description() {
        let _ = writeln!(out, "<p>{}</p>", escape(d));
    }
    out.push_str("<dl>\n");
    item(
        &mut out,
        "Ladder",
        format!("<code>{}</code>", escape(ladder.id().as_str())),
    );
    match ladder.currency() {
        Some(c) => item(&mut out, "Currency", escape(&c.to_string())),
        None => item(&mut out, "Pay", "not published: no level has a band"),
    }
    if let Some(p) = ladder.pay_period() {
        item(&mut out, "Pay period", escape(p.as_str()));
    }
    if let Some(d) = ladder.effective_date() {
        item(&mut out, "Effective date", escape(&d.to_string()));
    }
    if let Some(z) = zone {
        item(
            &mut out,
            "Zone shown",
            format!(
                "{} (<code>{}</code>)",
                escape(z.name()),
                escape(z.id().as_str())
            ),
        );
    }
    item(&mut out, "Validation", escape(&status(report)));
    out.push_str("</dl>\n");
    findings(&mut out, report);
    out.push_str("</header>\n");
    side_by_side(&mut out, ladder);
    chart_section(&mut out, ladder, zone, amounts);
    zones(&mut out, ladder, amounts);
    scale(&mut out, ladder);
    matrices(&mut out, ladder);
    levels(&mut out, ladder, zone, amounts);
    out.push_str("</body>\n</html>\n");
    out
}

/// A finding's message or help as HTML: escaped, and the ids and values it
/// quotes in backticks (`` `nurse-consultant` ``) set as code, as a terminal
/// reader sees them quoted. Text with an unpaired backtick is left as it is.
fn message_html(text: &str) -> String {
    let escaped = escape(text);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escaped.into_owned();
    }
    let mut html = String::with_capacity(escaped.len() + 16 * parts.len());
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            html.push_str("<code>");
            html.push_str(part);
            html.push_str("</code>");
        } else {
            html.push_str(part);
        }
    }
    html
}

fn findings(out: &mut String, report: &Report) {
    if report.findings().is_empty() {
        return;
    }
    out.push_str("<h2>Findings</h2>\n<ul class=\"findings\">\n");
    for f in report.findings() {
        let at = match (f.line(), f.column()) {
            (Some(l), Some(c)) => format!(" at line {l}:{c}"),
            _ => String::new(),
        };
        let help = f
            .help()
            .map(|h| format!("<br>help: {}", message_html(h)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li class=\"finding\"><strong>{}</strong> <code>{}</code>{at}: {}{help}</li>",
            f.severity(),
            f.code(),
            message_html(f.message())
        );
    }
    out.push_str("</ul>\n");
}

fn side_by_side(out: &mut String, ladder: &Ladder) {
    let branches = branches(ladder);
    out.push_str("<section id=\"tracks\"><h2>The tracks side by side</h2>\n<div class=\"scroll\"><table class=\"side-by-side\">\n<thead><tr><th scope=\"col\">Grade</th>");
    for t in &branches {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(t.name()));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (grade, cells) in grade_rows(ladder) {
        let _ = write!(
            out,
            "<tr class=\"grade\"><th scope=\"row\">{}</th>",
            escape(&grade.to_string())
        );
        let trunk = ladder
            .tracks()
            .iter()
            .zip(&cells)
            .find(|(t, l)| t.kind() == TrackKind::Trunk && l.is_some())
            .and_then(|(_, l)| *l);
        if let Some(level) = trunk {
            let _ = write!(
                out,
                "<td class=\"shared\" colspan=\"{}\">{} (shared trunk)</td>",
                branches.len().max(1),
                level_link(level)
            );
        } else {
            for (t, l) in ladder.tracks().iter().zip(&cells) {
                if t.kind() == TrackKind::Trunk {
                    continue;
                }
                match l {
                    Some(level) => {
                        let exec = if level.is_executive() {
                            " (executive)"
                        } else {
                            ""
                        };
                        let _ = write!(out, "<td>{}{exec}</td>", level_link(level));
                    }
                    None => out.push_str("<td>—</td>"),
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div></section>\n");
}

fn chart_section(out: &mut String, ladder: &Ladder, zone: Option<&Zone>, amounts: Amounts) {
    out.push_str("<section id=\"chart\"><h2>Pay bands</h2>\n");
    if !ladder.publishes_pay() {
        out.push_str("<p>This ladder publishes no pay: no level has a band, so there is no chart.</p></section>\n");
        return;
    }
    if let Some(note) = chart_note(ladder, zone, |c| format!("<code>{c}</code>")) {
        let _ = writeln!(out, "<p>{note}</p>");
    }
    chart(out, ladder, zone, amounts);
    out.push_str("</section>\n");
}

/// A band chart: one row per grade, one bar per level (min to max, a tick at
/// mid; a spot rate is a dot), the tracks of a grade next to each other on
/// one money axis. Positions are integer arithmetic on minor units.
fn chart(out: &mut String, ladder: &Ladder, zone: Option<&Zone>, amounts: Amounts) {
    let rows = grade_rows(ladder);
    let mut bars = Vec::new();
    for (grade, cells) in &rows {
        // The bars of a grade, next to each other, in track order.
        let mut slot = 0;
        for (t, l) in ladder.tracks().iter().zip(cells) {
            if let Some(level) = l
                && let Some(band) = level.band_in(zone)
            {
                bars.push((grade.clone(), slot, t, *level, band));
                slot += 1;
            }
        }
    }
    let Some(first) = bars.first() else {
        out.push_str("<p>No level has a band in this zone.</p>\n");
        return;
    };
    let currency = first.4.min().currency();
    let lo = bars.iter().map(|b| b.4.min().minor()).min().unwrap_or(0);
    let hi = bars.iter().map(|b| b.4.max().minor()).max().unwrap_or(1);
    let (lo, hi, step) = axis(lo, hi, currency.minor_digits());
    let tracks = bars.iter().map(|b| b.1 as u64 + 1).max().unwrap_or(1);
    let (label_w, plot_w, bar_h, gap) = (150u64, 760u64, 14u64, 10u64);
    let row_h = tracks * (bar_h + 4) + gap;
    let top = 30u64;
    let height = top + row_h * rows.len() as u64 + 50;
    let width = label_w + plot_w + 40;
    let x = |minor: u64| -> u64 {
        let span = u128::from(hi - lo).max(1);
        let off = u128::from(minor.saturating_sub(lo)) * u128::from(plot_w) / span;
        label_w + u64::try_from(off).unwrap_or(plot_w)
    };
    let what = match zone {
        Some(z) => format!(" in the {} zone", z.name()),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "<div class=\"scroll\"><svg class=\"chart\" role=\"img\" aria-labelledby=\"t-{z} d-{z}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n\
         <title id=\"t-{z}\">Pay bands by grade{what}, {currency}</title>\n\
         <desc id=\"d-{z}\">One horizontal bar per level from the band's minimum to its maximum, with a tick at the midpoint; a spot rate is a dot, filled as its track's bars are. Levels of the same grade are drawn next to each other; solid bars are individual-contributor levels, hatched bars management, grey the shared trunk. The table below gives every figure.</desc>",
        z = escape(zone.map_or("base", |z| z.id().as_str())),
        what = escape(&what)
    );
    let _ = writeln!(
        out,
        "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{HATCH_GROUND}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{HATCH_LINE}\" stroke-width=\"2\"/></pattern></defs>"
    );
    // The axis: grid lines and labels.
    let mut tick = lo;
    while tick <= hi {
        let tx = x(tick);
        let money = crate::money::Money::from_minor(tick, currency);
        let _ = writeln!(
            out,
            "<line x1=\"{tx}\" y1=\"{top}\" x2=\"{tx}\" y2=\"{}\" stroke=\"{GRID}\"/><text x=\"{tx}\" y=\"{}\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
            height - 40,
            height - 24,
            amounts.amount(money)
        );
        tick += step.max(1);
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{INK}\">{currency}, {} pay</text>",
        label_w + plot_w / 2,
        height - 6,
        ladder.pay_period().map_or("", |p| p.as_str())
    );
    // The legend: the kind of bar of each kind of track, in words as well
    // as fill, naming the tracks (or counting them, past three).
    let mut lx = label_w;
    for (kind, names) in legend(ladder) {
        let Bar { fill, stroke, what } = Bar::of(kind);
        let text = format!("{names} ({what})");
        let _ = writeln!(
            out,
            "<rect x=\"{lx}\" y=\"6\" width=\"20\" height=\"12\" fill=\"{fill}\" stroke=\"{stroke}\"/><text x=\"{}\" y=\"16\" fill=\"{INK}\">{}</text>",
            lx + 26,
            escape(&text)
        );
        lx += 40 + 7 * text.chars().count() as u64;
    }
    for (r, (grade, _)) in rows.iter().enumerate() {
        let y = top + row_h * r as u64;
        let in_row = bars.iter().filter(|b| &b.0 == grade).count() as u64;
        let label = match grade.label() {
            Some(label) => label.to_owned(),
            None => format!("Grade {grade}"),
        };
        let _ = writeln!(
            out,
            "<text x=\"4\" y=\"{}\" fill=\"{INK}\" font-weight=\"600\">{}</text><line x1=\"0\" y1=\"{}\" x2=\"{width}\" y2=\"{}\" stroke=\"{RULE}\"/>",
            y + (in_row.max(1) * (bar_h + 4)) / 2 + 4,
            escape(&label),
            y + row_h - gap / 2,
            y + row_h - gap / 2
        );
    }
    for (grade, i, track, level, band) in &bars {
        let r = rows.iter().position(|(g, _)| g == grade).unwrap_or(0) as u64;
        let y = top + row_h * r + *i as u64 * (bar_h + 4);
        let Bar { fill, stroke, .. } = Bar::of(track.kind());
        let title = format!(
            "{} ({}, {}): {}",
            level.title(),
            level.id(),
            track.name(),
            amounts.band_cell(*band)
        );
        let _ = write!(
            out,
            "<g class=\"band\" data-level=\"{}\"><title>{}</title>",
            escape(level.id().as_str()),
            escape(&title)
        );
        if band.is_spot() {
            let cx = x(band.mid().minor());
            let _ = write!(
                out,
                "<line x1=\"{label_w}\" y1=\"{cy}\" x2=\"{cx}\" y2=\"{cy}\" stroke=\"{stroke}\" stroke-dasharray=\"2 3\"/><circle cx=\"{cx}\" cy=\"{cy}\" r=\"6\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
                cy = y + bar_h / 2
            );
        } else {
            let (x0, x1, xm) = (
                x(band.min().minor()),
                x(band.max().minor()),
                x(band.mid().minor()),
            );
            let _ = write!(
                out,
                "<rect x=\"{x0}\" y=\"{y}\" width=\"{}\" height=\"{bar_h}\" fill=\"{fill}\" stroke=\"{stroke}\"/><line x1=\"{xm}\" y1=\"{}\" x2=\"{xm}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"2\"/>",
                (x1 - x0).max(1),
                y.saturating_sub(2),
                y + bar_h + 2
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg></div>\n");
    // The table fallback.
    let _ = writeln!(
        out,
        "<div class=\"scroll\"><table class=\"bands\"><caption>Bands{}</caption><thead><tr><th scope=\"col\">Grade</th><th scope=\"col\">Level</th><th scope=\"col\">Track</th><th scope=\"col\">Band</th></tr></thead><tbody>",
        escape(&what)
    );
    for (grade, _, track, level, band) in &bars {
        let _ = writeln!(
            out,
            "<tr><td class=\"grade\">{}</td><td>{}</td><td>{}</td><td class=\"money\">{}</td></tr>",
            escape(&grade.to_string()),
            level_link(level),
            escape(track.name()),
            escape(&amounts.band_cell(*band))
        );
    }
    out.push_str("</tbody></table></div>\n");
}

/// The kinds of track in the ladder, in order of first appearance, each with
/// its tracks' names, or how many there are when more than three.
fn legend(ladder: &Ladder) -> Vec<(TrackKind, String)> {
    let mut kinds: Vec<(TrackKind, Vec<&str>)> = Vec::new();
    for t in ladder.tracks() {
        match kinds.iter_mut().find(|(k, _)| *k == t.kind()) {
            Some((_, names)) => names.push(t.name()),
            None => kinds.push((t.kind(), vec![t.name()])),
        }
    }
    kinds
        .into_iter()
        .map(|(kind, names)| {
            let text = if names.len() <= 3 {
                names.join(", ")
            } else {
                let what = match kind {
                    TrackKind::IndividualContributor => "individual-contributor",
                    TrackKind::Management => "management",
                    TrackKind::Trunk => "trunk",
                };
                format!("{} {what} tracks", names.len())
            };
            (kind, text)
        })
        .collect()
}

/// A round axis from `lo` to `hi` (minor units): its ends and its step, a
/// 1, 2 or 5 times a power of ten of major units, about six ticks.
fn axis(lo: u64, hi: u64, digits: u8) -> (u64, u64, u64) {
    let unit = 10u64.pow(u32::from(digits));
    let span = hi.saturating_sub(lo).max(1);
    let mut step = unit;
    'outer: loop {
        for m in [1, 2, 5] {
            let s = step.saturating_mul(m);
            if span / s <= 6 {
                step = s;
                break 'outer;
            }
        }
        if step > u64::MAX / 100 {
            break;
        }
        step *= 10;
    }
    let lo = lo / step * step;
    let hi = hi.div_ceil(step).saturating_mul(step);
    (lo, hi, step)
}

fn zones(out: &mut String, ladder: &Ladder, amounts: Amounts) {
    if ladder.zones().is_empty() {
        return;
    }
    out.push_str("<section id=\"zones\"><h2>Zones</h2>\n<table><thead><tr><th scope=\"col\">Zone</th><th scope=\"col\">Rules</th></tr></thead><tbody>\n");
    for z in ladder.zones() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{} <code>{}</code></th><td>{}</td></tr>",
            escape(z.name()),
            escape(z.id().as_str()),
            escape(&zone_rules(z, amounts))
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn scale(out: &mut String, ladder: &Ladder) {
    let scale = ladder.proficiency_scale();
    if !scale.is_named() {
        return;
    }
    out.push_str("<section id=\"scale\"><h2>Proficiency scale</h2>\n<table><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Name</th><th scope=\"col\">Description</th></tr></thead><tbody>\n");
    for s in scale.steps() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            s.proficiency(),
            escape(s.name()),
            escape(s.description().unwrap_or(""))
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn matrices(out: &mut String, ladder: &Ladder) {
    if ladder.competencies().is_empty() {
        return;
    }
    let scale = ladder.proficiency_scale();
    out.push_str("<section id=\"competencies\"><h2>Competency matrix</h2>\n<p>Each cell is the expected proficiency; darker shading is higher, and the number is always written. People competencies are marked (people).</p>\n");
    for track in ladder.tracks() {
        let comps: Vec<_> = ladder
            .competencies()
            .iter()
            .filter(|c| c.applies_to(track))
            .collect();
        if comps.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<h3>{}</h3>\n<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th scope=\"col\">Level</th>",
            escape(track.name())
        );
        for c in &comps {
            let group = c
                .group()
                .map(|g| format!("<br><small>{}</small>", escape(g)))
                .unwrap_or_default();
            let people = if c.kind() == CompetencyKind::People {
                " (people)"
            } else {
                ""
            };
            let _ = write!(
                out,
                "<th scope=\"col\">{}{people}{group}</th>",
                escape(c.name())
            );
        }
        out.push_str("</tr></thead><tbody>\n");
        for level in track.levels().iter().rev() {
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", level_link(level));
            for c in &comps {
                match level.expectation(c.id().as_str()) {
                    Some(e) => {
                        let p = e.proficiency();
                        let shade = p.get().saturating_sub(scale.start().get()).min(5) + 1;
                        let _ = write!(
                            out,
                            "<td class=\"p{shade}\">{}</td>",
                            escape(&scale.label(p))
                        );
                    }
                    None => out.push_str("<td>—</td>"),
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n");
    }
    out.push_str("</section>\n");
}

fn levels(out: &mut String, ladder: &Ladder, zone: Option<&Zone>, amounts: Amounts) {
    out.push_str("<section id=\"levels\"><h2>Levels</h2>\n");
    let zone_terms: Vec<String> = ladder
        .zones()
        .iter()
        .map(|z| format!("<dt>In {}</dt><dd>", escape(z.name())))
        .collect();
    let scale = ladder.proficiency_scale();
    for track in ladder.tracks() {
        for level in track.levels() {
            let id = level.id().as_str();
            let _ = writeln!(
                out,
                "<article id=\"level-{}\"><h3>{} <code>{}</code></h3>\n<dl>",
                escape(id),
                escape(level.title()),
                escape(id)
            );
            let shared = if track.is_trunk() {
                " (shared trunk)"
            } else {
                ""
            };
            item(out, "Track", format!("{}{shared}", escape(track.name())));
            item(out, "Grade", escape(&level.grade().to_string()));
            if level.is_executive() {
                item(out, "Executive", "yes: outside parity");
            }
            if let Some(s) = level.summary() {
                item(out, "Summary", escape(s));
            }
            match level.band() {
                Some(band) => {
                    let key = if band.is_spot() { "Spot rate" } else { "Band" };
                    let basis = level
                        .pay_basis()
                        .map(|b| {
                            format!(
                                " ({} of <code>{}</code>)",
                                b.percent(),
                                escape(b.of().as_str())
                            )
                        })
                        .unwrap_or_default();
                    item(out, key, format!("{}{basis}", escape(&amounts.band(*band))));
                    if let Some(z) = zone
                        && let Some(zb) = level.band_in(Some(z))
                    {
                        item(
                            out,
                            &format!("In {}", escape(z.name())),
                            escape(&amounts.band(zb)),
                        );
                    }
                    for (z, term) in ladder.zones().iter().zip(&zone_terms) {
                        if Some(z.id()) == zone.map(|z| z.id()) {
                            continue;
                        }
                        // Amounts need no escaping: digits, separators, a code.
                        if let Some(zb) = level.band_in(Some(z)) {
                            out.push_str(term);
                            amounts.write_band(out, zb);
                            out.push_str("</dd>\n");
                        }
                    }
                }
                None => item(out, "Band", "no published pay"),
            }
            if !level.steps().is_empty() {
                let steps: Vec<String> = level
                    .steps()
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("{} {}", i + 1, amounts.money(*s)))
                    .collect();
                item(out, "Steps", escape(&steps.join(", ")));
            }
            if let Some(v) = level.variable() {
                item(out, "Variable pay", escape(&v.to_string()));
            }
            if let Some(t) = level.target_cash() {
                item(out, "Target cash", escape(&amounts.band(*t)));
            }
            if let Some(e) = level.equity() {
                item(out, "Equity", escape(&amounts.band(*e)));
            }
            if let Some(t) = level.total_compensation() {
                item(out, "Total compensation", escape(&amounts.band(t)));
            }
            let counterparts = counterpart_items(ladder, level, |t, l| {
                format!("{}: {}", escape(t.name()), level_link(l))
            });
            if !counterparts.is_empty() {
                item(out, "Counterparts", counterparts.join("; "));
            }
            // Above: the next level, or at the top of the trunk each
            // track's entry; below: the previous level, or at a track's
            // entry the top of the trunk.
            let above: Vec<String> = ladder.next_steps(id).map(|(_, l)| level_link(l)).collect();
            if !above.is_empty() {
                item(out, "Above", above.join("; "));
            }
            let below = ladder.previous_step(id).map(|(_, l)| l);
            if let Some(l) = below {
                item(out, "Below", level_link(l));
            }
            out.push_str("</dl>\n");
            if !level.entry_criteria().is_empty() {
                out.push_str("<p>Entry criteria:</p><ul>\n");
                for c in level.entry_criteria() {
                    let _ = writeln!(out, "<li>{}</li>", escape(c));
                }
                out.push_str("</ul>\n");
            }
            if !level.expectations().is_empty() {
                out.push_str("<table><thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">Expected</th><th scope=\"col\">Description</th></tr></thead><tbody>\n");
                for e in level.expectations() {
                    let name = ladder
                        .competency(e.competency().as_str())
                        .map_or(e.competency().as_str(), |c| c.name());
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape(name),
                        escape(&scale.label(e.proficiency())),
                        escape(e.description().unwrap_or(""))
                    );
                }
                out.push_str("</tbody></table>\n");
            }
            out.push_str("</article>\n");
        }
    }
    out.push_str("</section>\n");
}

/// An index page linking the pages of several ladders, with each one's
/// validation status.
pub fn index_html(entries: &[IndexEntry]) -> String {
    let mut out = String::new();
    head(&mut out, "Career ladders");
    out.push_str("<h1>Career ladders</h1>\n<table><thead><tr><th scope=\"col\">Ladder</th><th scope=\"col\">Validation</th></tr></thead><tbody>\n");
    for e in entries {
        let status = match e.findings {
            Some(0) => "clean".to_owned(),
            Some(1) => "1 finding".to_owned(),
            Some(n) => format!("{n} findings"),
            None => "could not be loaded".to_owned(),
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{status}</td></tr>",
            escape(&e.href),
            escape(&e.name)
        );
    }
    out.push_str("</tbody></table>\n</body>\n</html>\n");
    out
}
