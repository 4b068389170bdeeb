//! Findings: what validation says about one place in a ladder file, the
//! rules they are findings of, and the sink that collects them.

#[macro_use]
mod rule;
pub(crate) mod reading;

use std::fmt;
use std::ops::Range;

use crate::Pointer;
use crate::text::Location;
pub use rule::Rule;
pub(crate) use rule::RuleKind;

/// How serious a finding is.
///
/// Ordered from the mildest: `Note < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; never fails a check.
    Note,
    /// Probably a mistake in the ladder's design; fails a check only with "warnings are errors".
    Warning,
    /// The ladder is wrong; no `Ladder` is handed out.
    Error,
}

impl Severity {
    /// The lowercase name used in output: `error`, `warning` or `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = crate::text::UnknownName;

    /// `note`, `warning` or `error`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        const ALL: [Severity; 3] = [Severity::Note, Severity::Warning, Severity::Error];
        ALL.into_iter().find(|s| s.as_str() == text).ok_or_else(|| {
            crate::text::UnknownName::new("severity", text, &["note", "warning", "error"])
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Another place that explains a finding: the first definition of a duplicate
/// id, the management band a parity gap was measured against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Related {
    message: String,
    path: Pointer,
    #[cfg_attr(feature = "serde", serde(flatten))]
    location: Option<Location>,
    #[cfg_attr(feature = "serde", serde(skip))]
    span: Option<Range<usize>>,
}

impl Related {
    /// What this place has to do with the finding.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where it is in the document.
    pub fn path(&self) -> &Pointer {
        &self.path
    }

    /// Its line and column, when the document has that node.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// Its byte range in the source text (after any byte order mark).
    pub fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }
}

/// The JSON of a finding, as [`Finding`] serializes it; the rules layer,
/// which knows the codes, reads it back (`impl Deserialize for Finding`).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FindingJson {
    pub(crate) code: String,
    severity: Severity,
    message: String,
    path: Pointer,
    line: Option<usize>,
    column: Option<usize>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    related: Vec<RelatedJson>,
}

/// The JSON of a [`Related`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RelatedJson {
    message: String,
    path: Pointer,
    line: Option<usize>,
    column: Option<usize>,
}

#[cfg(feature = "serde")]
impl From<RelatedJson> for Related {
    fn from(related: RelatedJson) -> Self {
        Self {
            message: related.message,
            path: related.path,
            location: location(related.line, related.column),
            span: None,
        }
    }
}

/// Reads what it serializes; byte spans are not part of the JSON, so the
/// place read back has none.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Related {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <RelatedJson as serde::Deserialize>::deserialize(deserializer).map(Self::from)
    }
}

/// A location when both halves are there.
#[cfg(feature = "serde")]
fn location(line: Option<usize>, column: Option<usize>) -> Option<Location> {
    Some(Location::new(line?, column?))
}

#[cfg(feature = "serde")]
impl FindingJson {
    /// The finding, its code being `code` (the catalogue's copy of
    /// `self.code`). Byte spans are not part of the JSON: the finding has none.
    pub(crate) fn into_finding(self, code: &'static str) -> Finding {
        Finding {
            code,
            severity: self.severity,
            message: self.message,
            path: self.path,
            location: location(self.line, self.column),
            help: self.help,
            related: self.related.into_iter().map(Related::from).collect(),
            span: None,
            target: Target::Value,
        }
    }
}

/// Whether a finding is about a mapping key or about the value under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) enum Target {
    #[default]
    Value,
    Key,
}

/// One thing validation found, at one place in the file.
///
/// ```
/// let yaml = "schema_version: 1\nid: eng\nname: Eng\ncurrency: USD\npay_period: yearly\n";
/// let report = dualtrack::load(yaml).unwrap_err();
/// // Also reported: `competencies` and `tracks` are missing.
/// let finding = report.findings().iter().find(|f| f.code() == "type").unwrap();
/// assert_eq!(finding.message(), "expected a pay period, found the string `yearly`");
/// assert_eq!(finding.path().as_str(), "/pay_period");
/// assert_eq!((finding.line(), finding.column()), (Some(5), Some(13)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    code: &'static str,
    severity: Severity,
    message: String,
    path: Pointer,
    #[cfg_attr(feature = "serde", serde(flatten))]
    location: Option<Location>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    help: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    related: Vec<Related>,
    #[cfg_attr(feature = "serde", serde(skip))]
    span: Option<Range<usize>>,
    #[cfg_attr(feature = "serde", serde(skip))]
    target: Target,
}

impl Finding {
    /// A finding of `rule` at `path`, with the rule's default severity.
    pub(crate) fn new(rule: &Rule, path: Pointer, message: impl Into<String>) -> Self {
        Self {
            code: rule.code(),
            severity: rule.default_severity(),
            message: message.into(),
            path,
            location: None,
            help: None,
            related: Vec::new(),
            span: None,
            target: Target::Value,
        }
    }

    /// Adds advice on how to fix it.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds another place that explains it.
    pub(crate) fn with_related(mut self, path: Pointer, message: impl Into<String>) -> Self {
        self.related.push(Related {
            message: message.into(),
            path,
            location: None,
            span: None,
        });
        self
    }

    /// Points the finding at the key of its path's node rather than at its value.
    pub(crate) fn at_key(mut self) -> Self {
        self.target = Target::Key;
        self
    }

    /// Places the finding at a known position (for findings without a node, such as syntax errors).
    pub(crate) fn at(mut self, location: Location, span: Range<usize>) -> Self {
        self.location = Some(location);
        self.span = Some(span);
        self
    }

    /// Places a related entry at a known position.
    pub(crate) fn with_related_at(
        mut self,
        message: impl Into<String>,
        location: Location,
        span: Range<usize>,
    ) -> Self {
        self.related.push(Related {
            message: message.into(),
            path: self.path.clone(),
            location: Some(location),
            span: Some(span),
        });
        self
    }

    /// The finding as its JSON tells it: path, line and column, without
    /// the byte spans (which index the text it was found in) or the target
    /// its place was resolved with.
    pub(crate) fn as_told(&self) -> Self {
        Self {
            span: None,
            target: Target::Value,
            related: self
                .related
                .iter()
                .map(|r| Related {
                    span: None,
                    ..r.clone()
                })
                .collect(),
            ..self.clone()
        }
    }

    pub(crate) fn target(&self) -> Target {
        self.target
    }

    pub(crate) fn is_located(&self) -> bool {
        self.location.is_some()
    }

    pub(crate) fn locate(&mut self, location: Location, span: Range<usize>) {
        self.location = Some(location);
        self.span = Some(span);
    }

    pub(crate) fn related_mut(
        &mut self,
    ) -> impl Iterator<Item = (&Pointer, &mut Option<Location>, &mut Option<Range<usize>>)> {
        self.related
            .iter_mut()
            .map(|r| (&r.path, &mut r.location, &mut r.span))
    }

    pub(crate) fn set_severity(&mut self, severity: Severity) {
        self.severity = severity;
    }

    /// The rule's code, such as `parity-gap`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// How serious it is, after any severity overrides.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// What is wrong, naming the ids and amounts involved.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the document: a JSON Pointer such as `/tracks/0/levels/6/band/max`.
    pub fn path(&self) -> &Pointer {
        &self.path
    }

    /// The 1-based line and column of the offending node.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// The 1-based line of the offending node.
    pub fn line(&self) -> Option<usize> {
        self.location.map(|l| l.line)
    }

    /// The 1-based column (in characters) of the offending node.
    pub fn column(&self) -> Option<usize> {
        self.location.map(|l| l.column)
    }

    /// How to fix it, when there is advice to give.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Other places that explain it.
    pub fn related(&self) -> &[Related] {
        &self.related
    }

    /// The byte range of the offending node in the source text (after any byte order mark).
    pub fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }
}

/// Findings up to [`Limits::max_findings`](crate::Limits::max_findings): the
/// first one past the limit is replaced by a `limit` finding at its place,
/// and the rest are dropped, so that no input can make a report grow without
/// bound.
#[derive(Debug)]
pub(crate) struct Findings {
    list: Vec<Finding>,
    max: usize,
    full: bool,
}

impl Findings {
    pub(crate) fn new(max: usize) -> Self {
        Self {
            list: Vec::new(),
            max,
            full: false,
        }
    }

    pub(crate) fn push(&mut self, finding: Finding) {
        if self.full {
            return;
        }
        if self.list.len() < self.max {
            self.list.push(finding);
            return;
        }
        self.full = true;
        let mut limit = reading::Exceeded::Findings { max: self.max }.finding(finding.path.clone());
        limit.target = finding.target;
        if let (Some(location), Some(span)) = (finding.location, finding.span) {
            limit = limit.at(location, span);
        }
        self.list.push(limit);
    }

    /// Whether the limit was reached: further work would only be dropped.
    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    /// How many findings it holds.
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn into_vec(self) -> Vec<Finding> {
        self.list
    }
}
