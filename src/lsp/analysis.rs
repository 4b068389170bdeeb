//! One open document, read through the same loader as the CLI: its text, its
//! line index, the ladder when its invariants hold, and every finding.

use std::ops::Range;
use std::sync::Arc;

use crate::load::Loader;
use crate::model::Ladder;
use crate::report::Report;
use crate::yaml::{self, Value};

use super::position::LineIndex;

/// What an open document is: a ladder, or a person's ratings against one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A ladder file (`tracks:`, `competencies:`, ...).
    Ladder,
    /// A ratings file: it names its ladder (`ladder: engineering`) and has
    /// `ratings:`.
    Ratings,
}

impl DocumentKind {
    /// The kind of `text`: a ratings file when its top level has a
    /// `ratings` key, a ladder otherwise (a half-typed or empty file is a
    /// ladder, the common case in an editor).
    ///
    /// ```
    /// use dualtrack::lsp::DocumentKind;
    ///
    /// let ratings = "schema_version: 1\nladder: engineering\nratings:\n  delivery: 3\n";
    /// assert_eq!(DocumentKind::of(ratings), DocumentKind::Ratings);
    /// assert_eq!(DocumentKind::of("id: eng\ntracks:\n"), DocumentKind::Ladder);
    /// // Ratings mentioned in a description do not make a ratings file.
    /// let ladder = "id: eng\ndescription: >\n  ratings: see the review guide\n";
    /// assert_eq!(DocumentKind::of(ladder), DocumentKind::Ladder);
    /// let flow = "{ schema_version: 1, ladder: eng, ratings: { delivery: 3 } }";
    /// assert_eq!(DocumentKind::of(flow), DocumentKind::Ratings);
    /// ```
    pub fn of(text: &str) -> Self {
        if !may_have_top_level_ratings(text) {
            return Self::Ladder;
        }
        let parsed = yaml::parse(text, &crate::limits::Limits::default());
        let has_ratings = parsed.root.as_ref().is_some_and(|root| match &root.value {
            Value::Mapping(entries) => entries.iter().any(|e| e.key == "ratings"),
            _ => false,
        });
        if has_ratings {
            Self::Ratings
        } else {
            Self::Ladder
        }
    }
}

/// A document analysed: the text an editor holds, its lines, the checked
/// [`Ladder`] when its invariants hold (a ladder with a parity gap is still
/// there to hover), and the [`Report`] of every finding.
///
/// ```
/// use dualtrack::Loader;
/// use dualtrack::lsp::Analysis;
///
/// let text = std::fs::read_to_string("tests/fixtures/rules/parity-gap.yaml")?;
/// let analysis = Analysis::ladder_file(text, &Loader::new());
/// assert!(analysis.ladder().is_some());
/// assert!(analysis.report().findings().iter().any(|f| f.code() == "parity-gap"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Analysis {
    text: String,
    index: LineIndex,
    kind: DocumentKind,
    ladder: Option<Ladder>,
    report: Report,
    /// For ratings: the ladder file they were checked against.
    against: Option<Arc<Analysis>>,
    missing_ladder: Option<String>,
}

impl Analysis {
    /// Analyses `text` as a ladder file with `loader`'s limits: every
    /// finding the loader reports, and the ladder whenever it could be
    /// inspected.
    pub fn ladder_file(text: String, loader: &Loader) -> Self {
        let (ladder, report) = match loader.inspect(&text) {
            Ok(loaded) => {
                let (ladder, report) = loaded.into_parts();
                (Some(ladder), report)
            }
            Err(report) => (None, report),
        };
        Self::new(text, DocumentKind::Ladder, ladder, report)
    }

    /// Analyses `text` as a ratings file against `ladder`, the analysis of
    /// the ladder file it names: every finding loading it reports. When that
    /// ladder could not be inspected, no findings, and a note that the
    /// ladder has to be fixed first.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use dualtrack::Loader;
    /// use dualtrack::lsp::Analysis;
    ///
    /// let ladder = std::fs::read_to_string("ladders/engineering.yaml")?;
    /// let ladder = Arc::new(Analysis::ladder_file(ladder, &Loader::new()));
    /// let ratings = "schema_version: 1\nladder: engineering\nratings:\n  technical-depth: 9\n";
    /// let analysis = Analysis::ratings_file(ratings.to_owned(), ladder, &Loader::new());
    /// assert_eq!(analysis.report().findings()[0].code(), "invalid-proficiency");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn ratings_file(text: String, ladder: Arc<Analysis>, loader: &Loader) -> Self {
        let Some(checked) = ladder.ladder() else {
            let mut analysis = Self::ratings_without_ladder(text);
            analysis.against = Some(ladder);
            return analysis;
        };
        let report = match loader.load_ratings(&text, checked) {
            Ok(_) => Report::default(),
            Err(report) => report,
        };
        let mut analysis = Self::new(text, DocumentKind::Ratings, None, report);
        analysis.against = Some(ladder);
        analysis
    }

    /// A ratings file whose ladder is neither open nor found on disk: no
    /// findings, and one note at its `ladder:` saying where to put it.
    pub fn ratings_without_ladder(text: String) -> Self {
        let mut analysis = Self::new(text, DocumentKind::Ratings, None, Report::default());
        analysis.missing_ladder = named_ladder(&analysis.text);
        analysis
    }

    fn new(text: String, kind: DocumentKind, ladder: Option<Ladder>, report: Report) -> Self {
        let index = LineIndex::new(&text);
        Self {
            text,
            index,
            kind,
            ladder,
            report,
            against: None,
            missing_ladder: None,
        }
    }

    /// The same kind of document analysed again with `text`: a ladder file,
    /// or ratings against the same ladder.
    pub(crate) fn reanalysed(&self, text: String, loader: &Loader) -> Self {
        match (self.kind, &self.against) {
            (DocumentKind::Ladder, _) => Self::ladder_file(text, loader),
            (DocumentKind::Ratings, Some(ladder)) => {
                Self::ratings_file(text, Arc::clone(ladder), loader)
            }
            (DocumentKind::Ratings, None) => Self::ratings_without_ladder(text),
        }
    }

    /// The ladder a ratings file names that was not at hand to check it
    /// against: neither open nor found, or found but too broken to read.
    pub fn missing_ladder(&self) -> Option<&str> {
        self.missing_ladder.as_deref()
    }

    /// For ratings: the analysis of the ladder file they were checked
    /// against, or found and could not be checked against.
    pub(crate) fn against(&self) -> Option<&Analysis> {
        self.against.as_deref()
    }

    /// The text analysed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What the document is.
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Where the text's lines start.
    pub fn line_index(&self) -> &LineIndex {
        &self.index
    }

    /// The ladder, when the text is a ladder whose invariants hold.
    pub fn ladder(&self) -> Option<&Ladder> {
        self.ladder.as_ref()
    }

    /// Every finding, as `dualtrack validate` reports them.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The LSP range of a finding's byte span. Spans count from after a
    /// byte order mark; the editor's text still has it.
    pub fn range(&self, span: Range<usize>) -> lsp_types::Range {
        let bom = self.bom();
        self.index
            .range(&self.text, span.start + bom..span.end + bom)
    }

    /// The byte offset in the text the loader read (after any byte order
    /// mark) of an editor's `position`.
    pub fn offset(&self, position: lsp_types::Position) -> Option<usize> {
        let offset = self.index.offset(&self.text, position)?;
        Some(offset.saturating_sub(self.bom()))
    }

    /// The text the loader read: the editor's text after any byte order
    /// mark, which is what findings' spans count in.
    pub(crate) fn loader_text(&self) -> &str {
        loader_text(&self.text)
    }

    /// The bytes of a byte order mark at the start of the text, if any.
    pub(crate) fn bom(&self) -> usize {
        self.text.len() - self.loader_text().len()
    }
}

/// The text the loader reads: an editor's text after any byte order mark.
pub(crate) fn loader_text(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Whether `text` may have a top-level `ratings` key, without parsing it: a
/// block mapping's top-level keys start their line, so a ladder that only
/// mentions ratings in a description is told apart at once (the message
/// loop asks this of every document it sends off); a document written as
/// one flow mapping is parsed.
fn may_have_top_level_ratings(text: &str) -> bool {
    let flow = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim_start)
        .find(|line| !line.is_empty() && !line.starts_with('#') && !line.starts_with("---"))
        .is_some_and(|line| line.starts_with('{'));
    flow || text.lines().any(|line| {
        let line = line.trim_start_matches('\u{feff}');
        ["ratings", "\"ratings\"", "'ratings'"].iter().any(|key| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
    })
}

/// The id a ratings file's `ladder:` names, when it is a plain string, and
/// the span of that string.
/// The span counts from after a byte order mark, as findings' spans do.
pub(crate) fn named_ladder_at(text: &str) -> Option<(String, Range<usize>)> {
    top_level_scalar(text, "ladder")
}

/// The scalar at `key` of the top-level mapping (a ladder's `id`, the
/// `ladder` a ratings file names), with its span after any byte order mark.
pub(crate) fn top_level_scalar(text: &str, key: &str) -> Option<(String, Range<usize>)> {
    let parsed = yaml::parse(loader_text(text), &crate::limits::Limits::default());
    let root = parsed.root?;
    let Value::Mapping(entries) = root.value else {
        return None;
    };
    let entry = entries.into_iter().find(|e| e.key == key)?;
    match entry.value.value {
        Value::Scalar { text, .. } => Some((text.into_owned(), entry.value.span.bytes())),
        _ => None,
    }
}

/// The id a ratings file's `ladder:` names, when it is a plain string.
pub(crate) fn named_ladder(text: &str) -> Option<String> {
    named_ladder_at(text).map(|(id, _)| id)
}
