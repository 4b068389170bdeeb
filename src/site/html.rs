//! The HTML page: one self-contained file, inline CSS and SVG, no script.

use std::fmt::Write as _;

use super::{
    Amounts, IndexEntry, SiteOptions, branches, counterpart_items, grade_rows, status, zone_rules,
};
use crate::model::{CompetencyKind, Ladder, Level, TrackKind, Zone};
use crate::report::Report;

/// The page's content security policy: any request would be blocked.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:72rem;padding:1rem}\
h1,h2,h3{line-height:1.2}a{color:#0b4f9c}\
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #888;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef}td.shared{background:#f4f4f4;text-align:center;font-style:italic}\
.scroll{overflow-x:auto}svg.chart{width:100%;min-width:800px;height:auto}table{display:block;max-width:100%;overflow-x:auto}dd,td{overflow-wrap:anywhere}td.money,.finding code{overflow-wrap:normal;white-space:nowrap}td.money{white-space:nowrap}\
.p1{background:#fff}.p2{background:#e8f0fb}.p3{background:#cfe0f6}.p4{background:#b3cdf0}.p5{background:#9bbde9}.p6{background:#86aee3}\
.finding{margin-bottom:.5rem;overflow-wrap:anywhere}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
@media print{section{break-before:page}.scroll{overflow:visible}a{color:#000}}";

/// Text escaped for HTML, in element content and in quoted attribute
/// values: `&`, `<`, `>`, `"` and `'`; for a service that puts a ladder's
/// words into a page of its own.
///
/// ```
/// assert_eq!(dualtrack::site::escape_html("<R&D's \"lab\">"), "&lt;R&amp;D&#39;s &quot;lab&quot;&gt;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape_html(title)
    );
}

fn level_link(level: &Level) -> String {
    format!(
        "<a href=\"#level-{}\">{}</a> <code>{}</code>",
        escape_html(level.id().as_str()),
        escape_html(level.title()),
        escape_html(level.id().as_str())
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
    let _ = writeln!(out, "<header><h1>{}</h1>", escape_html(ladder.name()));
    if let Some(d) = ladder.description() {
        let _ = writeln!(out, "<p>{}</p>", escape_html(d));
    }
    out.push_str("<dl>\n");
    let mut item = |k: &str, v: String| {
        let _ = writeln!(out, "<dt>{k}</dt><dd>{v}</dd>");
    };
    item(
        "Ladder",
        format!("<code>{}</code>", escape_html(ladder.id().as_str())),
    );
    match ladder.currency() {
        Some(c) => item("Currency", escape_html(&c.to_string())),
        None => item("Pay", "not published: no level has a band".to_owned()),
    }
    if let Some(p) = ladder.pay_period() {
        item("Pay period", escape_html(p.as_str()));
    }
    if let Some(d) = ladder.effective_date() {
        item("Effective date", escape_html(&d.to_string()));
    }
    if let Some(z) = zone {
        item(
            "Zone shown",
            format!(
                "{} (<code>{}</code>)",
                escape_html(z.name()),
                escape_html(z.id().as_str())
            ),
        );
    }
    item("Validation", escape_html(&status(report)));
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
            .map(|h| format!("<br>help: {}", escape_html(h)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li class=\"finding\"><strong>{}</strong> <code>{}</code>{at}: {}{help}</li>",
            f.severity(),
            f.code(),
            escape_html(f.message())
        );
    }
    out.push_str("</ul>\n");
}

fn side_by_side(out: &mut String, ladder: &Ladder) {
    let branches = branches(ladder);
    out.push_str("<section id=\"tracks\"><h2>The tracks side by side</h2>\n<div class=\"scroll\"><table class=\"side-by-side\">\n<thead><tr><th scope=\"col\">Grade</th>");
    for t in &branches {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape_html(t.name()));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (grade, cells) in grade_rows(ladder) {
        let _ = write!(
            out,
            "<tr class=\"grade\"><th scope=\"row\">{}</th>",
            escape_html(&grade.to_string())
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
    chart(out, ladder, zone, amounts);
    if zone.is_none() {
        for z in ladder.zones() {
            let _ = writeln!(
                out,
                "<h3>In the {} zone (<code>{}</code>)</h3>",
                escape_html(z.name()),
                escape_html(z.id().as_str())
            );
            chart(out, ladder, Some(z), Amounts::of(ladder, Some(z)));
        }
    }
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
         <desc id=\"d-{z}\">One horizontal bar per level from the band's minimum to its maximum, with a tick at the midpoint; a spot rate is a dot. Levels of the same grade are drawn next to each other; solid bars are individual-contributor levels, hatched bars management, grey the shared trunk. The table below gives every figure.</desc>",
        z = escape_html(zone.map_or("base", |z| z.id().as_str())),
        what = escape_html(&what)
    );
    out.push_str("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f3d9b1\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a4b00\" stroke-width=\"2\"/></pattern></defs>\n");
    // The axis: grid lines and labels.
    let mut tick = lo;
    while tick <= hi {
        let tx = x(tick);
        let money = crate::money::Money::from_minor(tick, currency);
        let _ = writeln!(
            out,
            "<line x1=\"{tx}\" y1=\"{top}\" x2=\"{tx}\" y2=\"{}\" stroke=\"#ccc\"/><text x=\"{tx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#1a1a1a\">{}</text>",
            height - 40,
            height - 24,
            amounts.amount(money)
        );
        tick += step.max(1);
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#1a1a1a\">{currency}, {} pay</text>",
        label_w + plot_w / 2,
        height - 6,
        ladder.pay_period().map_or("", |p| p.as_str())
    );
    // The legend: the kind of bar of each track, in words as well as fill.
    let mut lx = label_w;
    for t in ladder.tracks() {
        let (fill, stroke, what) = match t.kind() {
            TrackKind::IndividualContributor => ("#9bbde9", "#0b4f9c", "solid"),
            TrackKind::Management => ("url(#hatch)", "#8a4b00", "hatched"),
            TrackKind::Trunk => ("#d9d9d9", "#444", "grey"),
        };
        let text = format!("{} ({what})", t.name());
        let _ = writeln!(
            out,
            "<rect x=\"{lx}\" y=\"6\" width=\"20\" height=\"12\" fill=\"{fill}\" stroke=\"{stroke}\"/><text x=\"{}\" y=\"16\" fill=\"#1a1a1a\">{}</text>",
            lx + 26,
            escape_html(&text)
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
            "<text x=\"4\" y=\"{}\" fill=\"#1a1a1a\" font-weight=\"600\">{}</text><line x1=\"0\" y1=\"{}\" x2=\"{width}\" y2=\"{}\" stroke=\"#eee\"/>",
            y + (in_row.max(1) * (bar_h + 4)) / 2 + 4,
            escape_html(&label),
            y + row_h - gap / 2,
            y + row_h - gap / 2
        );
    }
    for (grade, i, track, level, band) in &bars {
        let r = rows.iter().position(|(g, _)| g == grade).unwrap_or(0) as u64;
        let y = top + row_h * r + *i as u64 * (bar_h + 4);
        let (fill, stroke) = match track.kind() {
            TrackKind::IndividualContributor => ("#9bbde9", "#0b4f9c"),
            TrackKind::Management => ("url(#hatch)", "#8a4b00"),
            TrackKind::Trunk => ("#d9d9d9", "#444"),
        };
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
            escape_html(level.id().as_str()),
            escape_html(&title)
        );
        if band.is_spot() {
            let cx = x(band.mid().minor());
            let _ = write!(
                out,
                "<line x1=\"{label_w}\" y1=\"{cy}\" x2=\"{cx}\" y2=\"{cy}\" stroke=\"{stroke}\" stroke-dasharray=\"2 3\"/><circle cx=\"{cx}\" cy=\"{cy}\" r=\"6\" fill=\"{stroke}\"/>",
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
                "<rect x=\"{x0}\" y=\"{y}\" width=\"{}\" height=\"{bar_h}\" fill=\"{fill}\" stroke=\"{stroke}\"/><line x1=\"{xm}\" y1=\"{}\" x2=\"{xm}\" y2=\"{}\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>",
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
        escape_html(&what)
    );
    for (grade, _, track, level, band) in &bars {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"money\">{}</td></tr>",
            escape_html(&grade.to_string()),
            level_link(level),
            escape_html(track.name()),
            escape_html(&amounts.band_cell(*band))
        );
    }
    out.push_str("</tbody></table></div>\n");
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
            escape_html(z.name()),
            escape_html(z.id().as_str()),
            escape_html(&zone_rules(z, amounts))
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
            escape_html(s.name()),
            escape_html(s.description().unwrap_or(""))
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
            escape_html(track.name())
        );
        for c in &comps {
            let group = c
                .group()
                .map(|g| format!("<br><small>{}</small>", escape_html(g)))
                .unwrap_or_default();
            let people = if c.kind() == CompetencyKind::People {
                " (people)"
            } else {
                ""
            };
            let _ = write!(
                out,
                "<th scope=\"col\">{}{people}{group}</th>",
                escape_html(c.name())
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
                            escape_html(&scale.label(p))
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
    let scale = ladder.proficiency_scale();
    // Each zone's money format, once: not once per level.
    let zone_amounts: Vec<Amounts> = ladder
        .zones()
        .iter()
        .map(|z| Amounts::of(ladder, Some(z)))
        .collect();
    for track in ladder.tracks() {
        for level in track.levels() {
            let id = level.id().as_str();
            let _ = writeln!(
                out,
                "<article id=\"level-{}\"><h3>{} <code>{}</code></h3>\n<dl>",
                escape_html(id),
                escape_html(level.title()),
                escape_html(id)
            );
            let mut item = |k: &str, v: String| {
                let _ = writeln!(out, "<dt>{k}</dt><dd>{v}</dd>");
            };
            let shared = if track.is_trunk() {
                " (shared trunk)"
            } else {
                ""
            };
            item("Track", format!("{}{shared}", escape_html(track.name())));
            item("Grade", escape_html(&level.grade().to_string()));
            if level.is_executive() {
                item("Executive", "yes: outside parity".to_owned());
            }
            if let Some(s) = level.summary() {
                item("Summary", escape_html(s));
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
                                escape_html(b.of().as_str())
                            )
                        })
                        .unwrap_or_default();
                    item(key, format!("{}{basis}", escape_html(&amounts.band(*band))));
                    if let Some(z) = zone
                        && let Some(zb) = level.band_in(Some(z))
                    {
                        item(
                            &format!("In {}", escape_html(z.name())),
                            escape_html(&amounts.band(zb)),
                        );
                    }
                    for (zi, z) in ladder.zones().iter().enumerate() {
                        if Some(z.id()) == zone.map(|z| z.id()) {
                            continue;
                        }
                        if let Some(zb) = level.band_in(Some(z)) {
                            item(
                                &format!("In {}", escape_html(z.name())),
                                escape_html(&zone_amounts[zi].band(zb)),
                            );
                        }
                    }
                }
                None => item("Band", "no published pay".to_owned()),
            }
            if !level.steps().is_empty() {
                let steps: Vec<String> = level
                    .steps()
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("{} {}", i + 1, amounts.money(*s)))
                    .collect();
                item("Steps", escape_html(&steps.join(", ")));
            }
            if let Some(v) = level.variable() {
                item("Variable pay", escape_html(&v.to_string()));
            }
            if let Some(t) = level.target_cash() {
                item("Target cash", escape_html(&amounts.band(*t)));
            }
            if let Some(e) = level.equity() {
                item("Equity", escape_html(&amounts.band(*e)));
            }
            if let Some(t) = level.total_compensation() {
                item("Total compensation", escape_html(&amounts.band(t)));
            }
            let counterparts = counterpart_items(ladder, id, |t, l| {
                format!("{}: {}", escape_html(t.name()), level_link(l))
            });
            if !counterparts.is_empty() {
                item("Counterparts", counterparts.join("; "));
            }
            // Above: the next level, or at the top of the trunk each
            // track's entry; below: the previous level, or at a track's
            // entry the top of the trunk.
            let above: Vec<String> = ladder.next_steps(id).map(|(_, l)| level_link(l)).collect();
            if !above.is_empty() {
                item("Above", above.join("; "));
            }
            let below = ladder.previous_step(id).map(|(_, l)| l);
            if let Some(l) = below {
                item("Below", level_link(l));
            }
            out.push_str("</dl>\n");
            if !level.entry_criteria().is_empty() {
                out.push_str("<p>Entry criteria:</p><ul>\n");
                for c in level.entry_criteria() {
                    let _ = writeln!(out, "<li>{}</li>", escape_html(c));
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
                        escape_html(name),
                        escape_html(&scale.label(e.proficiency())),
                        escape_html(e.description().unwrap_or(""))
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
            escape_html(&e.href),
            escape_html(&e.name)
        );
    }
    out.push_str("</tbody></table>\n</body>\n</html>\n");
    out
}
