//! Rendering findings as rustc-style snippets for people.

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::text::is_hidden;
use crate::{Finding, Location, Report, Severity};

/// The most source bytes one finding shows in a snippet; a finding whose
/// places lie further apart names them without showing them.
const MAX_EXCERPT: usize = 16 * 1024;

/// The longest source line shown, in bytes; a finding on a longer line names
/// its place without showing it, so that rendering stays fast and readable
/// whatever the line length.
const MAX_LINE: usize = 400;

/// Renders every finding of `report` against `source` (the file's text) as
/// rustc-style diagnostics naming `path`, with `color` as ANSI escapes.
///
/// Control, invisible and bidi characters of the source, the path and the
/// messages are shown as pictures or escapes: the output never drives a
/// terminal, whatever the file holds.
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
    let source = line_breaks(source);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for finding in report.findings() {
        out.push_str(&renderer.render(&[group(finding, &source, path)]));
        out.push_str("\n\n");
    }
    sanitize(out, color)
}

/// The source with every line break as YAML counts them (`\n`, `\r\n` and a
/// lone `\r`) written as one `\n`, byte for byte in place, so that spans still
/// hold and line numbers match the findings'.
fn line_breaks(source: &str) -> Cow<'_, str> {
    if !source.contains('\r') {
        return Cow::Borrowed(source);
    }
    let mut bytes = source.as_bytes().to_vec();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' {
            bytes[i] = if bytes.get(i + 1) == Some(&b'\n') {
                b' '
            } else {
                b'\n'
            };
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    Cow::Owned(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// The rendered text with any character that could drive a terminal or hide
/// text escaped; the renderer already shows C0 controls as pictures, this
/// catches the rest (C1 controls, zero-width and bidi marks).
fn sanitize(out: String, color: bool) -> String {
    let keep = |c: char| c == '\n' || (color && c == '\x1b');
    if !out.chars().any(|c| is_hidden(c) && !keep(c)) {
        return out;
    }
    let mut clean = String::with_capacity(out.len());
    for c in out.chars() {
        if is_hidden(c) && !keep(c) {
            clean.extend(c.escape_unicode());
        } else {
            clean.push(c);
        }
    }
    clean
}

fn group<'a>(finding: &'a Finding, source: &'a str, path: &'a str) -> Group<'a> {
    let level = match finding.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let title = level.primary_title(finding.message()).id(finding.code());
    let primary = finding.span().map(|span| clamp(source, span));
    let related: Vec<(Range<usize>, &str, Option<Location>)> = finding
        .related()
        .iter()
        .filter_map(|r| Some((clamp(source, r.span()?), r.message(), r.location())))
        .collect();
    let mut group = match &primary {
        Some(span) => {
            let ranges =
                std::iter::once(span.clone()).chain(related.iter().map(|(r, _, _)| r.clone()));
            match excerpt(source, ranges) {
                Some((start, end)) => {
                    // The line of the first place, as the finding located it;
                    // counted only when it was not.
                    let first = std::iter::once((span, finding.location()))
                        .chain(related.iter().map(|(r, _, l)| (r, *l)))
                        .min_by_key(|(r, _)| r.start);
                    let first_line = match first {
                        Some((_, Some(location))) => location.line,
                        _ => source[..start].matches('\n').count() + 1,
                    };
                    let shift = |r: &Range<usize>| (r.start - start)..(r.end - start);
                    let mut snippet = Snippet::source(&source[start..end])
                        .line_start(first_line)
                        .path(path)
                        .fold(true)
                        .annotation(AnnotationKind::Primary.span(shift(span)));
                    for (range, message, _) in &related {
                        snippet = snippet
                            .annotation(AnnotationKind::Context.span(shift(range)).label(*message));
                    }
                    title.element(snippet)
                }
                None => {
                    // Places far apart or on very long lines: named, not shown.
                    let at = |location: Option<Location>, range: &Range<usize>| {
                        location.unwrap_or_else(|| crate::text::location_of(source, range.start))
                    };
                    let here = at(finding.location(), span);
                    let mut group = Group::with_title(title)
                        .element(Origin::path(path).line(here.line).char_column(here.column));
                    for (range, message, location) in &related {
                        let there = at(*location, range);
                        group =
                            group.element(Level::NOTE.message(format!(
                                "{message}: {path}:{}:{}",
                                there.line, there.column
                            )));
                    }
                    group
                }
            }
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

/// The whole lines covering `ranges` (byte start and end), when they are
/// short enough to show whole; found in time bounded by [`MAX_EXCERPT`].
fn excerpt(source: &str, ranges: impl Iterator<Item = Range<usize>>) -> Option<(usize, usize)> {
    let (mut lo, mut hi) = (source.len(), 0);
    for r in ranges {
        lo = lo.min(r.start);
        hi = hi.max(r.end);
    }
    let lo = lo.min(hi);
    if hi - lo > MAX_EXCERPT {
        return None;
    }
    let start = lo - line_back(source, lo)?;
    let end = hi + line_ahead(source, hi)?;
    let longest = source[start..end]
        .split('\n')
        .map(str::len)
        .max()
        .unwrap_or(0);
    (longest <= MAX_LINE).then_some((start, end))
}

/// How many bytes back the line holding `at` starts, if within [`MAX_LINE`].
fn line_back(source: &str, at: usize) -> Option<usize> {
    let before = &source.as_bytes()[..at];
    match before
        .iter()
        .rev()
        .take(MAX_LINE + 1)
        .position(|&b| b == b'\n')
    {
        Some(n) => Some(n),
        None if before.len() <= MAX_LINE => Some(before.len()),
        None => None,
    }
}

/// How many bytes ahead the line holding `at` ends, if within [`MAX_LINE`].
fn line_ahead(source: &str, at: usize) -> Option<usize> {
    let after = &source.as_bytes()[at..];
    match after.iter().take(MAX_LINE + 1).position(|&b| b == b'\n') {
        Some(n) => Some(n),
        None if after.len() <= MAX_LINE => Some(after.len()),
        None => None,
    }
}
