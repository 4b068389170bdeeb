//! `validate --format github`: findings as GitHub Actions workflow
//! commands, which the runner turns into annotations on the pull request's
//! files.
//!
//! One command per finding, `::error` (or `::warning`, `::notice` for a
//! note) with the file, the node's line and column, its end where known and
//! the rule's code as title, then the message with its help and related
//! places on lines of their own. Properties and message are escaped as the
//! runner reads them (`%`, carriage return and line feed in both; `:` and
//! `,` in properties too), so that no path or message can end a command
//! early or start another.

use dualtrack::{Finding, Reports, Severity};

use crate::output::{self, Ends};

/// Every finding of `reports` as a workflow command, one line each; `ends`
/// holds each file's [`Ends`], in the order of the files.
pub(crate) fn commands(reports: &Reports, ends: &[Vec<Ends>]) -> String {
    let mut out = String::new();
    for ((path, report), ends) in reports.iter().zip(ends) {
        let file = output::relative(path);
        for (i, finding) in report.findings().iter().enumerate() {
            let ends = ends.get(i).cloned().unwrap_or_default();
            out.push_str(&command(finding, &file, &ends));
            out.push('\n');
        }
    }
    out
}

/// `::error file=ladders/x.yaml,line=3,col=5,endLine=3,endColumn=8,title=band-order::message`.
fn command(finding: &Finding, file: &str, ends: &Ends) -> String {
    let name = match finding.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "notice",
    };
    let mut properties = vec![("file", file.to_owned())];
    if let Some(start) = finding.location() {
        properties.push(("line", start.line.to_string()));
        properties.push(("col", start.column.to_string()));
        if let Some(end) = ends.finding.filter(|end| *end > start) {
            // GitHub keeps columns only on a one-line annotation, and its end
            // column is the last character's (SARIF's is the one after it).
            properties.push(("endLine", end.line.to_string()));
            if end.line == start.line {
                let last = end.column.saturating_sub(1).max(start.column);
                properties.push(("endColumn", last.to_string()));
            }
        }
    }
    properties.push(("title", finding.code().to_owned()));
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", property(value)))
        .collect();
    format!(
        "::{name} {}::{}",
        properties.join(","),
        data(&message(finding))
    )
}

/// The message, its help and its related places, a line each.
fn message(finding: &Finding) -> String {
    let mut text = finding.message().to_owned();
    if let Some(help) = finding.help() {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    for related in finding.related() {
        text.push_str("\nnote: ");
        text.push_str(related.message());
        if let Some(at) = related.location() {
            text.push_str(&format!(" (line {}, column {})", at.line, at.column));
        }
    }
    text
}

/// A command's message as the runner reads it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value as the runner reads it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn escapes_as_the_runner_reads() {
        assert_eq!(data("50%\r\n::error::x"), "50%25%0D%0A::error::x");
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
    }
}
