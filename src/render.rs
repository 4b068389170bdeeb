//! Rendering findings as rustc-style snippets for people.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::{Finding, Report, Severity};

/// Renders every finding of `report` against `source` (the file's text) as
/// rustc-style diagnostics naming `path`, with `color` as ANSI escapes.
///
/// ```
/// let yaml = "schema_version: 1\nid: eng\nname: Eng\ncurrency: USD\npay_period: yearly\n";
/// let report = dualtrack::load(yaml).unwrap_err();
/// let text = dualtrack::render(&report, yaml, "ladders/x.yaml", false);
/// assert!(text.contains("error[type]: expected a pay period, found the string `yearly`"));
/// assert!(text.contains("--> ladders/x.yaml:5:13"));
/// ```
pub fn render(report: &Report, source: &str, path: &str, color: bool) -> String {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for finding in report.findings() {
        out.push_str(&renderer.render(&[group(finding, source, path)]));
        out.push_str("\n\n");
    }
    out
}

fn group<'a>(finding: &'a Finding, source: &'a str, path: &'a str) -> Group<'a> {
    let level = match finding.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let title = level.primary_title(finding.message()).id(finding.code());
    let primary = finding.span().map(|span| clamp(source, span));
    let related: Vec<(Range<usize>, &str)> = finding
        .related()
        .iter()
        .filter_map(|r| Some((clamp(source, r.span()?), r.message())))
        .collect();
    let mut group = match &primary {
        Some(span) => {
            let ranges =
                std::iter::once(span.clone()).chain(related.iter().map(|(r, _)| r.clone()));
            let (start, end, first_line) = excerpt(source, ranges);
            let shift = |r: &Range<usize>| (r.start - start)..(r.end - start);
            let mut snippet = Snippet::source(&source[start..end])
                .line_start(first_line)
                .path(path)
                .fold(true)
                .annotation(AnnotationKind::Primary.span(shift(span)));
            for (range, message) in &related {
                snippet =
                    snippet.annotation(AnnotationKind::Context.span(shift(range)).label(*message));
            }
            title.element(snippet)
        }
        None => Group::with_title(title),
    };
    if let Some(help) = finding.help() {
        group = group.element(Level::HELP.message(help));
    }
    group
}

/// A span kept within `source` and on character boundaries.
fn clamp(source: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    // Show at most the first line of a multi-line node.
    let line_end = source[start..end].find('\n').map_or(end, |n| start + n);
    start..line_end
}

/// The whole lines covering `ranges`: byte start, byte end, first line number.
fn excerpt(source: &str, ranges: impl Iterator<Item = Range<usize>>) -> (usize, usize, usize) {
    let (mut lo, mut hi) = (source.len(), 0);
    for r in ranges {
        lo = lo.min(r.start);
        hi = hi.max(r.end);
    }
    let lo = lo.min(hi);
    let start = source[..lo].rfind('\n').map_or(0, |n| n + 1);
    let end = source[hi..].find('\n').map_or(source.len(), |n| hi + n);
    let first_line = source[..start].matches('\n').count() + 1;
    (start, end, first_line)
}
