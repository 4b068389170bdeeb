//! Reports: every finding in one ladder file.

use std::fmt;

use serde::Serialize;

use crate::text::plural;
use crate::{Finding, Severity};

/// Every finding of one ladder file, in file order.
///
/// When it holds an error, it is the `Err` of `dualtrack::load`; otherwise
/// it comes with the `Ladder`, holding any warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    findings: Vec<Finding>,
}

impl Report {
    pub(crate) fn new(findings: Vec<Finding>) -> Self {
        Self { findings }
    }

    /// The findings, in file order.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether there are no findings at all.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.count(Severity::Error);
        let warnings = self.count(Severity::Warning);
        write!(
            f,
            "{} {}, {} {}",
            errors,
            plural(errors, "error"),
            warnings,
            plural(warnings, "warning")
        )?;
        let worst = self.findings.iter().map(Finding::severity).max();
        if let Some(first) = self.findings.iter().find(|f| Some(f.severity()) == worst) {
            write!(f, "; {} `{}`", first.severity(), first.code())?;
            if let Some(line) = first.line() {
                write!(f, " at {}:{}", line, first.column().unwrap_or(1))?;
            }
            write!(f, ": {}", first.message())?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}
