//! A rule of the catalogue: its stable code, default severity and documentation.

use std::fmt;

use crate::finding::Severity;

/// Declares a rule from its doc comment, code, default severity, kind and summary.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $name:ident, $code:literal, $severity:ident, $kind:ident, $summary:literal
    ) => {
        $(#[doc = $doc])*
        pub(crate) static $name: $crate::finding::Rule = $crate::finding::Rule {
            code: $code,
            default_severity: $crate::finding::Severity::$severity,
            kind: $crate::finding::RuleKind::$kind,
            summary: $summary,
            docs: concat!($($doc, "\n"),*),
        };
    };
}

/// Whether the checked model relies on a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleKind {
    /// The model's invariants rest on it: always an error, never lowered.
    Invariant,
    /// A design policy: its severity can be overridden.
    Policy,
}

/// A rule of the catalogue: its stable code, default severity and documentation.
///
/// ```
/// let rule = dualtrack::rule("parity-gap").unwrap();
/// assert_eq!(rule.default_severity(), dualtrack::Severity::Error);
/// assert!(rule.docs().contains("### Example"));
/// ```
#[derive(Debug)]
pub struct Rule {
    pub(crate) code: &'static str,
    pub(crate) default_severity: Severity,
    pub(crate) kind: RuleKind,
    pub(crate) summary: &'static str,
    pub(crate) docs: &'static str,
}

impl Rule {
    /// The stable kebab-case code, such as `band-order`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The severity of its findings unless overridden.
    pub fn default_severity(&self) -> Severity {
        self.default_severity
    }

    /// Whether the checked model relies on it, so that it is always an error
    /// and cannot be allowed or turned into a warning.
    pub fn is_invariant(&self) -> bool {
        self.kind == RuleKind::Invariant
    }

    /// One line saying what it checks.
    pub fn summary(&self) -> &'static str {
        self.summary
    }

    /// Its full documentation in Markdown: what it does, why, a bad and a good example.
    pub fn docs(&self) -> String {
        self.docs
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}
