//! Reports: every finding in one ladder file, and the reports of several.

use std::fmt;

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::text::plural;
use crate::{Finding, Severity};

/// Every finding of one ladder file, in file order.
///
/// When it holds an error, it is the `Err` of `dualtrack::load`; otherwise
/// it comes with the `Ladder`, holding any warnings.
/// Reads back from the JSON it serializes to (see `Finding`'s `Deserialize`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

/// The reports of several ladder files, each under its path, with their
/// totals: the document `dualtrack validate --format json` prints.
///
/// ```
/// use dualtrack::{LoadError, Reports, Severity};
///
/// let mut reports = Reports::new();
/// for path in ["ladders/engineering.yaml", "tests/fixtures/cli/engineering-broken.yaml"] {
///     let report = match dualtrack::load_path(path) {
///         Ok(loaded) => loaded.into_parts().1,
///         Err(LoadError::Invalid(invalid)) => invalid.into_report(),
///         Err(error) => return Err(error.into()),
///     };
///     reports.push(path, report);
/// }
/// assert_eq!((reports.len(), reports.count(Severity::Error)), (2, 2));
///
/// # #[cfg(feature = "serde")] {
/// let json = serde_json::to_value(&reports)?;
/// assert_eq!(json["files"][1]["path"], "tests/fixtures/cli/engineering-broken.yaml");
/// assert_eq!(json["files"][1]["findings"][1]["code"], "band-order");
/// assert_eq!(
///     json["summary"],
///     serde_json::json!({ "files": 2, "errors": 2, "warnings": 1, "notes": 0 })
/// );
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reports {
    files: Vec<(String, Report)>,
}

impl Reports {
    /// No reports yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the report of the file at `path`, after those added before.
    pub fn push(&mut self, path: impl Into<String>, report: Report) {
        self.files.push((path.into(), report));
    }

    /// Each file's path and report, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Report)> {
        self.files
            .iter()
            .map(|(path, report)| (path.as_str(), report))
    }

    /// How many files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was added.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// How many findings of all the files have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.files.iter().map(|(_, r)| r.count(severity)).sum()
    }
}

/// Reads what it serializes: each file's findings (see `Finding`'s
/// `Deserialize`), refused when the summary does not count them.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Reports {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Document {
            files: Vec<File>,
            summary: Summary,
        }
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            path: String,
            findings: Vec<Finding>,
        }
        #[derive(PartialEq, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Summary {
            files: usize,
            errors: usize,
            warnings: usize,
            notes: usize,
        }
        let document = Document::deserialize(deserializer)?;
        let mut reports = Self::new();
        for file in document.files {
            reports.push(file.path, Report::new(file.findings));
        }
        let counted = Summary {
            files: reports.len(),
            errors: reports.count(Severity::Error),
            warnings: reports.count(Severity::Warning),
            notes: reports.count(Severity::Note),
        };
        if document.summary != counted {
            let Summary {
                files,
                errors,
                warnings,
                notes,
            } = counted;
            return Err(serde::de::Error::custom(format!(
                "the summary does not count the findings: expected {files} files, {errors} \
                 errors, {warnings} warnings and {notes} notes"
            )));
        }
        Ok(reports)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Reports {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Document<'a> {
            files: Vec<File<'a>>,
            summary: Summary,
        }
        #[derive(serde::Serialize)]
        struct File<'a> {
            path: &'a str,
            findings: &'a [Finding],
        }
        #[derive(serde::Serialize)]
        struct Summary {
            files: usize,
            errors: usize,
            warnings: usize,
            notes: usize,
        }
        Document {
            files: self
                .iter()
                .map(|(path, report)| File {
                    path,
                    findings: report.findings(),
                })
                .collect(),
            summary: Summary {
                files: self.len(),
                errors: self.count(Severity::Error),
                warnings: self.count(Severity::Warning),
                notes: self.count(Severity::Note),
            },
        }
        .serialize(serializer)
    }
}
