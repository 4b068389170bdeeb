//! `validate --format sarif`: findings as a SARIF 2.1.0 log, the format
//! GitHub code scanning (and other code-scanning hosts) accept.
//!
//! One run, by the tool `dualtrack`, whose rules are the whole catalogue
//! (`dualtrack rules`), each with its `explain` documentation as markdown
//! help; one result per finding, located by file, line and column (in
//! characters: `columnKind` is `unicodeCodePoints`), with the end of the
//! node when known (SARIF's end column is exclusive) and the finding's
//! related places. File paths are relative to the working directory, the
//! root of the repository when run in CI, under the base id `SRCROOT`.

use dualtrack::{Finding, Location, Reports, Severity};

use crate::output::{self, Ends};

/// The JSON Schema the log names (the OASIS standard's, with errata 01).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base id file paths are relative to.
const SRCROOT: &str = "SRCROOT";

/// The SARIF log of `reports`; `ends` holds each file's [`Ends`], in the
/// order of the files.
pub(crate) fn log(reports: &Reports, ends: &[Vec<Ends>]) -> serde_json::Value {
    let rules = dualtrack::rules();
    let mut results = Vec::new();
    let mut artifacts = Vec::new();
    let mut uris: Vec<String> = Vec::new();
    for ((path, report), ends) in reports.iter().zip(ends) {
        let mut artifact = Artifact::of(path, uris.len());
        // A file named twice (`ladders ladders/examples`) is one artifact.
        match uris.iter().position(|uri| *uri == artifact.uri) {
            Some(index) => artifact.index = index,
            None => {
                uris.push(artifact.uri.clone());
                // Every file checked, clean ones too: the set of files analysed.
                artifacts.push(serde_json::json!({
                    "location": artifact.location(),
                    "roles": ["analysisTarget"],
                    "mimeType": "application/yaml",
                }));
            }
        }
        for (i, finding) in report.findings().iter().enumerate() {
            let ends = ends.get(i).cloned().unwrap_or_default();
            let rule_index = rules.iter().position(|r| r.code() == finding.code());
            results.push(result(finding, rule_index, &artifact, &ends));
        }
    }
    let mut run = serde_json::json!({
        "tool": {
            "driver": {
                "name": "dualtrack",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules.iter().map(|rule| rule_descriptor(rule)).collect::<Vec<_>>(),
            }
        },
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(root) = source_root() {
        run["originalUriBaseIds"] = serde_json::json!({ SRCROOT: { "uri": root } });
    }
    serde_json::json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    })
}

/// A rule of the catalogue as a SARIF reporting descriptor.
fn rule_descriptor(rule: &dualtrack::Rule) -> serde_json::Value {
    let docs = rule.docs();
    let mut help = format!("{}: {}\n\n{}", rule.code(), rule.summary(), docs);
    if rule.is_invariant() {
        help.push_str("\n\nThe checked model relies on this rule: it is always an error.");
    }
    let mut descriptor = serde_json::json!({
        "id": rule.code(),
        "shortDescription": { "text": rule.summary() },
        "fullDescription": { "text": what_it_does(&docs).unwrap_or_else(|| rule.summary().to_owned()) },
        "help": { "text": help, "markdown": help },
        "defaultConfiguration": { "level": level(rule.default_severity()) },
        "properties": { "tags": ["dualtrack", if rule.is_invariant() { "invariant" } else { "policy" }] },
    });
    // SARIF wants a name only where it differs from the id (`ParityGap`,
    // not `Syntax` beside `syntax`).
    if rule.code().contains('-') {
        descriptor["name"] = camel_case(rule.code()).into();
    }
    descriptor
}

/// `parity-gap` as `ParityGap`: SARIF's rule names are identifiers.
fn camel_case(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The paragraph under a rule's `### What it does`, on one line; with the
/// list that follows when the paragraph ends with a colon, its items run on.
fn what_it_does(docs: &str) -> Option<String> {
    let (_, rest) = docs.split_once("### What it does")?;
    let section = rest.split("\n### ").next()?;
    let mut paragraphs = section.trim().split("\n\n");
    let mut text = paragraphs.next()?.to_owned();
    if text.ends_with(':')
        && let Some(list) = paragraphs.next()
    {
        text.push('\n');
        text.push_str(list.replace("\n- ", "\n").trim_start_matches("- "));
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// SARIF's name of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

/// A file as results point at it.
struct Artifact {
    uri: String,
    relative: bool,
    index: usize,
}

impl Artifact {
    fn of(path: &str, index: usize) -> Self {
        let path = output::relative(path);
        let relative = !std::path::Path::new(&path).is_absolute();
        let uri = if relative {
            encode(&path)
        } else {
            format!("file://{}", encode(&path))
        };
        Self {
            uri,
            relative,
            index,
        }
    }

    fn location(&self) -> serde_json::Value {
        if self.relative {
            serde_json::json!({ "uri": self.uri, "uriBaseId": SRCROOT })
        } else {
            serde_json::json!({ "uri": self.uri })
        }
    }

    fn indexed(&self) -> serde_json::Value {
        let mut location = self.location();
        location["index"] = self.index.into();
        location
    }
}

/// One finding as a SARIF result.
fn result(
    finding: &Finding,
    rule_index: Option<usize>,
    artifact: &Artifact,
    ends: &Ends,
) -> serde_json::Value {
    let mut text = finding.message().to_owned();
    if let Some(help) = finding.help() {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = serde_json::json!({
        "ruleId": finding.code(),
        "level": level(finding.severity()),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": physical(artifact, finding.location(), ends.finding),
            "logicalLocations": [{
                "fullyQualifiedName": finding.path().as_str(),
                "kind": "element",
            }],
        }],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = index.into();
    }
    let related: Vec<serde_json::Value> = finding
        .related()
        .iter()
        .enumerate()
        .map(|(i, related)| {
            let end = ends.related.get(i).copied().flatten();
            serde_json::json!({
                "id": i + 1,
                "message": { "text": related.message() },
                "physicalLocation": physical(artifact, related.location(), end),
            })
        })
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = related.into();
    }
    result
}

/// A place in a file: the file alone when the finding has no position.
fn physical(
    artifact: &Artifact,
    start: Option<Location>,
    end: Option<Location>,
) -> serde_json::Value {
    let mut physical = serde_json::json!({ "artifactLocation": artifact.indexed() });
    if let Some(start) = start {
        let mut region = serde_json::json!({
            "startLine": start.line,
            "startColumn": start.column,
        });
        if let Some(end) = end.filter(|end| *end > start) {
            region["endLine"] = end.line.into();
            region["endColumn"] = end.column.into();
        }
        physical["region"] = region;
    }
    physical
}

/// The working directory as a `file:` URI ending in `/`, the root that
/// relative paths are relative to.
fn source_root() -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    let mut path = cwd.display().to_string();
    if cfg!(windows) {
        path = format!("/{}", path.replace('\\', "/"));
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    Some(format!("file://{}", encode(&path)))
}

/// A path as a URI reference: every byte outside RFC 3986's unreserved
/// characters and `/` percent-encoded (a space, `%`, `#`, `?`, non-ASCII).
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
