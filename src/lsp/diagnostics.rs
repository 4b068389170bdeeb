//! Findings as LSP diagnostics: the finding's code, severity, message and
//! help, at its span, with the places it was compared against.

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

use crate::finding::{Finding, Severity};

use super::analysis::{Analysis, named_ladder_at};

/// The `source` of every diagnostic: the tool that reported it.
pub const SOURCE: &str = "dualtrack";

impl Analysis {
    /// Every finding of the document as an LSP diagnostic of `uri`: the
    /// rule's code (`dualtrack explain CODE` says more), the severity, the
    /// message with its help on a second line, the finding's whole span, and
    /// the related places (the management band a parity gap was measured
    /// against, the first definition of a duplicate id) as related
    /// information.
    ///
    /// ```
    /// use dualtrack::Loader;
    /// use dualtrack::lsp::Analysis;
    ///
    /// let text = std::fs::read_to_string("tests/fixtures/rules/parity-gap.yaml")?;
    /// let uri = "file:///parity-gap.yaml".parse()?;
    /// let diagnostics = Analysis::ladder_file(text, &Loader::new()).diagnostics(&uri);
    /// let gap = diagnostics.iter().find(|d| d.message.contains("pays up to 185000")).unwrap();
    /// assert_eq!(gap.code, Some(lsp_types::NumberOrString::String("parity-gap".into())));
    /// assert!(gap.range.start < gap.range.end);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diagnostics(&self, uri: &Uri) -> Vec<Diagnostic> {
        let mut diagnostics: Vec<Diagnostic> = self
            .report()
            .findings()
            .iter()
            .map(|finding| self.diagnostic(uri, finding))
            .collect();
        if let Some((id, span)) = self
            .missing_ladder()
            .and_then(|_| named_ladder_at(self.text()))
        {
            diagnostics.push(Diagnostic {
                range: self.range(span),
                severity: Some(DiagnosticSeverity::INFORMATION),
                source: Some(SOURCE.to_owned()),
                message: match self.against() {
                    Some(_) => format!(
                        "these ratings are not checked: the ladder `{id}` has errors that stop it being read\n\
                         help: fix the ladder file whose `id` is `{id}` first"
                    ),
                    None => format!(
                        "these ratings are not checked: the ladder `{id}` is neither open nor found on disk\n\
                         help: open the ladder file whose `id` is `{id}`, or put it beside these ratings \
                         or in a `ladders/` directory above them"
                    ),
                },
                ..Diagnostic::default()
            });
        }
        diagnostics
    }

    pub(super) fn diagnostic(&self, uri: &Uri, finding: &Finding) -> Diagnostic {
        let range = self.range(finding.span().unwrap_or(0..0));
        let message = match finding.help() {
            Some(help) => format!("{}\nhelp: {help}", finding.message()),
            None => finding.message().to_owned(),
        };
        let related: Vec<DiagnosticRelatedInformation> = finding
            .related()
            .iter()
            .filter_map(|related| {
                Some(DiagnosticRelatedInformation {
                    location: Location::new(uri.clone(), self.range(related.span()?)),
                    message: related.message().to_owned(),
                })
            })
            .collect();
        Diagnostic {
            range,
            severity: Some(severity(finding.severity())),
            code: Some(NumberOrString::String(finding.code().to_owned())),
            code_description: None,
            source: Some(SOURCE.to_owned()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        }
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        _ => DiagnosticSeverity::INFORMATION,
    }
}
