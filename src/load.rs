//! Loading: from text, bytes, a reader or a path to a [`Ladder`] or a [`Report`].

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::finding::Finding;
use crate::finding::reading::{self, Exceeded};
use crate::text::Location;
use crate::{Ladder, Limits, Pointer, Report, Severity, rules, spec, validate, yaml};

/// A loaded ladder, with the report of its findings.
///
/// From [`Loader::load`] (and [`load`], [`load_path`]), the report holds
/// only warnings and notes. From [`Loader::inspect`], it may also hold
/// errors of the policy rules (a parity gap, a management premium denied
/// into an error): the ladder's invariants hold, so every question can be
/// asked of it, but it does not pass validation.
///
/// ```
/// let source = std::fs::read_to_string("tests/fixtures/rules/parity-gap.yaml")?;
/// assert!(dualtrack::load(&source).is_err());
/// let loaded = dualtrack::Loader::new().inspect(&source)?;
/// assert!(!loaded.is_valid());
/// assert_eq!(loaded.report().findings()[0].code(), "parity-gap");
/// let ic3 = loaded.ladder().level("ic3").unwrap();
/// assert_eq!(ic3.band().unwrap().max().to_string(), "185000 USD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Loaded {
    ladder: Ladder,
    report: Report,
}

impl Loaded {
    /// The ladder.
    pub fn ladder(&self) -> &Ladder {
        &self.ladder
    }

    /// The findings that did not stop it loading: warnings and notes, and,
    /// from [`Loader::inspect`], errors of policy rules.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the ladder passed validation: its report holds no error.
    /// Always true for a ladder from [`Loader::load`].
    pub fn is_valid(&self) -> bool {
        !self.report.has_errors()
    }

    /// The ladder, dropping the report.
    pub fn into_ladder(self) -> Ladder {
        self.ladder
    }

    /// The ladder and the report.
    pub fn into_parts(self) -> (Ladder, Report) {
        (self.ladder, self.report)
    }
}

/// Why a ladder could not be loaded from a path or reader.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    #[non_exhaustive]
    Io {
        /// The path given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file was read, and validation found errors.
    #[error("{0}")]
    Invalid(InvalidFile),
}

/// A file that was read and found invalid: the report of its findings, with
/// the file's path and text, so that it can name the file and render its
/// findings without reading it again.
///
/// ```
/// let error = dualtrack::load_path("tests/fixtures/rules/band-order.yaml").unwrap_err();
/// let dualtrack::LoadError::Invalid(invalid) = error else { panic!("read") };
/// assert!(invalid.to_string().starts_with("`tests/fixtures/rules/band-order.yaml`: 1 error"));
/// assert_eq!(invalid.report().findings()[0].code(), "band-order");
/// assert!(invalid.source().contains("band:"));
/// ```
#[derive(Debug, Clone)]
pub struct InvalidFile {
    path: PathBuf,
    source: String,
    report: Report,
}

impl InvalidFile {
    fn new(path: &Path, bytes: &[u8], report: Report) -> Self {
        let text = String::from_utf8_lossy(bytes);
        Self {
            path: path.to_owned(),
            source: text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned(),
            report,
        }
    }

    /// The path given (`<input>` for a reader).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's text, as its findings' spans index it (invalid UTF-8 shown
    /// as U+FFFD).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The findings.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The findings, dropping the text.
    pub fn into_report(self) -> Report {
        self.report
    }

    /// The findings as rustc-style diagnostics naming the file, as
    /// [`render`](crate::render) draws them.
    #[cfg(feature = "render")]
    pub fn render(&self, color: bool) -> String {
        crate::render(
            &self.report,
            &self.source,
            &self.path.display().to_string(),
            color,
        )
    }
}

impl std::fmt::Display for InvalidFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}`: {}",
            crate::text::escape_whole(&self.path.display().to_string()),
            self.report
        )
    }
}

/// A severity override for one rule, as `--allow`, `--warn` and `--deny` give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Override {
    /// Drop its findings.
    Allow,
    /// Report its findings as warnings.
    Warn,
    /// Report its findings as errors.
    Deny,
}

impl std::str::FromStr for Override {
    type Err = crate::text::UnknownName;

    /// `allow`, `warn` or `deny`, as the CLI's flags name them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "allow" => Ok(Self::Allow),
            "warn" => Ok(Self::Warn),
            "deny" => Ok(Self::Deny),
            _ => Err(crate::text::UnknownName::new(
                "override",
                text,
                &["allow", "warn", "deny"],
            )),
        }
    }
}

/// Why a severity override was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OverrideError {
    /// No rule has this code.
    #[error("unknown rule `{}`; `dualtrack rules` lists them", crate::text::escape(.0))]
    UnknownRule(String),
    /// The rule guards the model's invariants, so it is always an error.
    #[error("rule `{0}` is always an error: a ladder that breaks it cannot be used")]
    Invariant(&'static str),
}

/// Loads ladders with chosen limits and severity overrides.
///
/// ```
/// use dualtrack::{Loader, Override};
///
/// let loader = Loader::new()
///     .with_override("grade-gap", Override::Deny)?
///     .with_override("band-spread", Override::Allow)?;
/// let loaded = loader.load_path("ladders/design.yaml")?;
/// assert!(loaded.report().is_empty());
/// assert!(Loader::new().with_override("band-order", Override::Allow).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Loader {
    limits: Limits,
    overrides: HashMap<&'static str, Override>,
    deny_warnings: bool,
}

impl Loader {
    /// A loader with the default limits and severities.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses these limits.
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Counts warnings as errors: a ladder with a warning is not handed out.
    #[must_use]
    pub fn deny_warnings(mut self, yes: bool) -> Self {
        self.deny_warnings = yes;
        self
    }

    /// Overrides the severity of one rule.
    ///
    /// # Errors
    ///
    /// [`OverrideError::UnknownRule`] for a code no rule has (`band-ordre`);
    /// [`OverrideError::Invariant`] for lowering a rule the model relies on
    /// (`--allow band-order`, `--warn syntax`).
    pub fn with_override(mut self, code: &str, level: Override) -> Result<Self, OverrideError> {
        let rule = rules::rule(code).ok_or_else(|| OverrideError::UnknownRule(code.to_owned()))?;
        if rule.is_invariant() && level != Override::Deny {
            return Err(OverrideError::Invariant(rule.code()));
        }
        self.overrides.insert(rule.code(), level);
        Ok(self)
    }

    /// Loads a ladder from its YAML text.
    ///
    /// # Errors
    ///
    /// The [`Report`] of every finding, when any is an error: a YAML syntax
    /// error, an unknown key, a band out of order, a parity gap.
    pub fn load(&self, source: &str) -> Result<Loaded, Report> {
        self.load_as(source, Strictness::Valid)
    }

    /// Loads a ladder to inspect it, even when it breaks policy rules: the
    /// ladder is handed out whenever its invariants hold (it parses, its ids
    /// are unique and resolve, grades rise and bands are in order), with the
    /// report of every finding, errors included. For a service or a command
    /// that answers questions about a ladder under review (what does the
    /// IC level with the parity gap pay?), where [`load`](Self::load) would
    /// refuse it. [`Loaded::is_valid`] says whether it passed.
    ///
    /// ```
    /// let source = std::fs::read_to_string("tests/fixtures/rules/parity-gap.yaml")?;
    /// let loaded = dualtrack::Loader::new().inspect(&source)?;
    /// assert!(loaded.report().has_errors());
    /// // ic3 pays up to 185000 USD, em2 at the same grade up to 191000 USD.
    /// let moved = loaded.ladder().transition("ic3", "management")?;
    /// assert_eq!(moved.to_band().unwrap().max().to_string(), "191000 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The [`Report`] of every finding, when an invariant is broken: a YAML
    /// syntax error, an unknown key, a duplicate id, a band out of order.
    pub fn inspect(&self, source: &str) -> Result<Loaded, Report> {
        self.load_as(source, Strictness::Invariants)
    }

    /// Loads a ladder from the bytes of a file to inspect it, as
    /// [`inspect`](Self::inspect) does.
    ///
    /// # Errors
    ///
    /// As [`inspect`](Self::inspect), and as [`load_bytes`](Self::load_bytes)
    /// for input that is not UTF-8.
    pub fn inspect_bytes(&self, bytes: &[u8]) -> Result<Loaded, Report> {
        self.inspect(self.text(bytes, FileKind::Ladder)?)
    }

    /// Loads a ladder file to inspect it, as [`inspect`](Self::inspect) does.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] when the file cannot be read; [`LoadError::Invalid`]
    /// when an invariant is broken.
    pub fn inspect_path(&self, path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
        let path = path.as_ref();
        let bytes = self.read_file(path).map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
        self.inspect_bytes(&bytes)
            .map_err(|report| LoadError::Invalid(InvalidFile::new(path, &bytes, report)))
    }

    fn load_as(&self, source: &str, strictness: Strictness) -> Result<Loaded, Report> {
        let (findings, ladder) = self.read(source, FileKind::Ladder, ladder_of)?;
        self.judge(findings, ladder, strictness)
    }

    /// Loads a ladder from a tree read from any serde format, as
    /// `Deserialize for Ladder` does: the findings have pointers and no
    /// line, since there is no text.
    #[cfg(feature = "serde")]
    fn load_tree(&self, root: &yaml::Node<'_>) -> Result<Loaded, Report> {
        let (mut findings, ladder) = ladder_of(Some(root), &self.limits);
        // In document order, as a file's findings are: the tree numbers its
        // nodes in the order it read them.
        findings.sort_by_key(|f| root.locate(f.path(), f.target()).bytes().start);
        self.judge(findings, ladder, Strictness::Valid)
    }

    /// The loaded ladder, or the report that refuses it.
    fn judge(
        &self,
        findings: Vec<Finding>,
        ladder: Option<Ladder>,
        strictness: Strictness,
    ) -> Result<Loaded, Report> {
        let report = Report::new(self.apply_overrides(findings));
        // No ladder comes without an error finding: every value the model
        // could not take was reported by an invariant rule. A ladder is built
        // only when no invariant rule failed, so its other errors are the
        // policy rules' (overrides never lower an invariant rule).
        match ladder {
            Some(ladder) if strictness == Strictness::Invariants || !report.has_errors() => {
                Ok(Loaded { ladder, report })
            }
            _ => Err(report),
        }
    }

    /// Loads a ladder from the bytes of a file: UTF-8, with or without a
    /// byte order mark.
    ///
    /// # Errors
    ///
    /// As [`load`](Self::load); UTF-16 and UTF-32 input (with or without a
    /// byte order mark) is a `syntax` finding naming the encoding, and other
    /// non-UTF-8 input one naming the first bad byte, at its line and column.
    pub fn load_bytes(&self, bytes: &[u8]) -> Result<Loaded, Report> {
        self.load(self.text(bytes, FileKind::Ladder)?)
    }

    /// The stages every file goes through: the size limit, a byte order
    /// mark, the YAML layer, then `decode` (the decoder and checks of its
    /// kind of file) on the document when the YAML layer found nothing;
    /// findings are located and put in file order.
    pub(crate) fn read<T>(
        &self,
        source: &str,
        kind: FileKind,
        decode: impl FnOnce(Option<&yaml::Node<'_>>, &Limits) -> (Vec<Finding>, Option<T>),
    ) -> Result<(Vec<Finding>, Option<T>), Report> {
        if source.len() > self.limits.max_file_bytes {
            return Err(self.too_large(source.len(), kind));
        }
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let parsed = yaml::parse(source, &self.limits);
        let (mut findings, value) = if parsed.findings.is_empty() {
            decode(parsed.root.as_ref(), &self.limits)
        } else {
            (parsed.findings, None)
        };
        for finding in &mut findings {
            locate(finding, parsed.root.as_ref());
        }
        findings.sort_by_key(Finding::location);
        Ok((findings, value))
    }

    /// The text of a file's bytes, or the report of why it is not UTF-8.
    pub(crate) fn text<'b>(&self, bytes: &'b [u8], kind: FileKind) -> Result<&'b str, Report> {
        if bytes.len() > self.limits.max_file_bytes {
            return Err(self.too_large(bytes.len(), kind));
        }
        if let Some(encoding) = wide_encoding(bytes) {
            let finding = Finding::new(
                &reading::SYNTAX,
                Pointer::root(),
                format!(
                    "the file is {encoding} text; {} files are UTF-8",
                    kind.noun()
                ),
            )
            .with_help("save the file as UTF-8")
            .at(Location { line: 1, column: 1 }, 0..0);
            return Err(Report::new(vec![finding]));
        }
        std::str::from_utf8(bytes)
            .map_err(|error| Report::new(vec![not_utf8(bytes, error.valid_up_to())]))
    }

    /// Loads a ladder from a reader, reading no more than the size limit allows.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] when reading fails; [`LoadError::Invalid`] as for
    /// [`load`](Self::load), including a `limit` finding for input over the
    /// size limit (the rest is not read).
    pub fn load_reader(&self, reader: impl Read) -> Result<Loaded, LoadError> {
        self.read_from(reader, Path::new("<input>"))
    }

    /// Loads a ladder file.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] when the file cannot be opened or read (missing, a
    /// directory, no permission); [`LoadError::Invalid`] as for
    /// [`load`](Self::load).
    pub fn load_path(&self, path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
        let path = path.as_ref();
        let bytes = self.read_file(path).map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
        self.load_file(&bytes, path)
    }

    /// Reads a file's bytes as [`load_path`](Self::load_path) does, for a
    /// caller that keeps them (to render findings against the text, or to
    /// read a ratings file): no more than one byte past the size limit, so
    /// that an endless or huge file stops early and loads as too large.
    ///
    /// ```
    /// let loader = dualtrack::Loader::new();
    /// let bytes = loader.read_file("ladders/design.yaml")?;
    /// assert!(loader.load_bytes(&bytes).is_ok());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the file cannot be opened or read: missing, a directory, no
    /// permission.
    pub fn read_file(&self, path: impl AsRef<Path>) -> std::io::Result<Vec<u8>> {
        read_limited(std::fs::File::open(path)?, self.limits.max_file_bytes)
    }

    fn read_from(&self, reader: impl Read, path: &Path) -> Result<Loaded, LoadError> {
        let bytes =
            read_limited(reader, self.limits.max_file_bytes).map_err(|source| LoadError::Io {
                path: path.to_owned(),
                source,
            })?;
        self.load_file(&bytes, path)
    }

    /// Loads the bytes read from `path`; a failed load keeps them.
    fn load_file(&self, bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
        self.load_bytes(bytes)
            .map_err(|report| LoadError::Invalid(InvalidFile::new(path, bytes, report)))
    }

    fn too_large(&self, len: usize, kind: FileKind) -> Report {
        let exceeded = Exceeded::File {
            len,
            max: self.limits.max_file_bytes,
            kind: kind.noun(),
        };
        let finding = exceeded
            .finding(Pointer::root())
            .at(Location { line: 1, column: 1 }, 0..0);
        Report::new(vec![finding])
    }

    fn apply_overrides(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                match self.overrides.get(f.code()) {
                    Some(Override::Allow) => return None,
                    Some(Override::Warn) => f.set_severity(Severity::Warning),
                    Some(Override::Deny) => f.set_severity(Severity::Error),
                    None => {}
                }
                if self.deny_warnings && f.severity() == Severity::Warning {
                    f.set_severity(Severity::Error);
                }
                Some(f)
            })
            .collect()
    }
}

/// What a load hands a ladder out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// No error at all: [`Loader::load`].
    Valid,
    /// The invariants hold: [`Loader::inspect`].
    Invariants,
}

/// The kinds of file read through [`Loader::read`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Ladder,
    Ratings,
}

impl FileKind {
    fn noun(self) -> &'static str {
        match self {
            Self::Ladder => "ladder",
            Self::Ratings => "ratings",
        }
    }
}

/// Reads at most `limit + 1` bytes: enough to tell that input is too large
/// without reading an endless stream.
fn read_limited(reader: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(cap).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// UTF-16 or UTF-32, told by the byte order mark or, without one, by the
/// zero bytes of the first character, as the YAML specification (5.2) does.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x00, 0x00, 0xFE, 0xFF, ..] => Some("UTF-32BE (with a byte order mark)"),
        [0xFF, 0xFE, 0x00, 0x00, ..] => Some("UTF-32LE (with a byte order mark)"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE (with a byte order mark)"),
        [0xFF, 0xFE, ..] => Some("UTF-16LE (with a byte order mark)"),
        [0x00, 0x00, 0x00, b, ..] if *b != 0 => Some("UTF-32BE"),
        [b, 0x00, 0x00, 0x00, ..] if *b != 0 => Some("UTF-32LE"),
        [0x00, b, ..] if *b != 0 => Some("UTF-16BE"),
        [b, 0x00, ..] if *b != 0 => Some("UTF-16LE"),
        _ => None,
    }
}

fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Finding {
    let at = valid_up_to.min(bytes.len());
    let byte = bytes.get(at).copied().unwrap_or(0);
    let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
    // Positions count from after a byte order mark, as in the text that is parsed.
    let offset = valid.len();
    Finding::new(
        &reading::SYNTAX,
        Pointer::root(),
        format!("the file is not UTF-8 text: byte 0x{byte:02X} is not valid here"),
    )
    .with_help("save the file as UTF-8")
    .at(crate::text::location_of(valid, valid.len()), offset..offset)
}

fn locate(finding: &mut Finding, root: Option<&yaml::Node>) {
    let Some(root) = root else {
        if !finding.is_located() {
            finding.locate(Location { line: 1, column: 1 }, 0..0);
        }
        return;
    };
    if !finding.is_located() {
        let span = root.locate(finding.path(), finding.target());
        finding.locate(span.location(), span.bytes());
    }
    for (path, location, bytes) in finding.related_mut() {
        if location.is_none() {
            let span = root.locate(path, crate::finding::Target::Value);
            *location = Some(span.location());
            *bytes = Some(span.bytes());
        }
    }
}

/// The decoder, then the rules over every part that decoded soundly, then
/// the model when no invariant broke.
fn ladder_of(root: Option<&yaml::Node<'_>>, limits: &Limits) -> (Vec<Finding>, Option<Ladder>) {
    let mut decoded = spec::decode(root, limits);
    let Some(spec) = decoded.spec else {
        return (decoded.findings, None);
    };
    let room = limits.max_findings.saturating_sub(decoded.findings.len());
    let (findings, ladder) = validate::validate(spec, &decoded.poisoned, room);
    decoded.findings.extend(findings);
    (decoded.findings, ladder)
}

/// Reads a ladder from its file in any self-describing serde format (what a
/// [`Ladder`] serializes to: the file format, as JSON or otherwise) through
/// the same decoder and rules as [`Loader::load`] with the default limits,
/// so that a service can take a ladder in a request body or its own
/// configuration.
/// Refused with the first error's code, pointer and message; warnings are
/// dropped (load through a [`Loader`] to keep its [`Report`]). A number with
/// a fraction must come as a string (`"0.8"`): the float a format hands over
/// has already lost the digits written.
///
/// ```
/// # let yaml = std::fs::read_to_string("ladders/engineering.yaml")?;
/// let ladder = dualtrack::load(&yaml)?.into_ladder();
/// let json = serde_json::to_string(&ladder)?;
/// let back: dualtrack::Ladder = serde_json::from_str(&json)?;
/// assert_eq!(back, ladder);
///
/// let broken = json.replacen(r#""max":"130000""#, r#""max":"90000""#, 1);
/// let error = serde_json::from_str::<dualtrack::Ladder>(&broken).unwrap_err();
/// assert!(error.to_string().starts_with(
///     "invalid ladder: error `band-order` at /tracks/0/levels/0/band:"
/// ), "{error}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Ladder {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let loader = Loader::new();
        let root = yaml::from_deserializer(deserializer, &loader.limits)?;
        loader
            .load_tree(&root)
            .map(Loaded::into_ladder)
            .map_err(|report| serde::de::Error::custom(Refusal(&report)))
    }
}

/// Why a ladder read through serde is refused: its first error, in full.
#[cfg(feature = "serde")]
struct Refusal<'r>(&'r Report);

#[cfg(feature = "serde")]
impl std::fmt::Display for Refusal<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors: Vec<&Finding> = (self.0.findings().iter())
            .filter(|f| f.severity() == Severity::Error)
            .collect();
        let Some(first) = errors.first() else {
            return write!(f, "invalid ladder: {}", self.0);
        };
        let at = match first.path().as_str() {
            "" => "the top",
            path => path,
        };
        write!(
            f,
            "invalid ladder: error `{}` at {at}: {}",
            first.code(),
            first.message()
        )?;
        if let Some(help) = first.help() {
            write!(f, " (help: {help})")?;
        }
        if errors.len() > 1 {
            write!(
                f,
                "; and {}",
                crate::text::Count::new(errors.len() - 1, "more error")
            )?;
        }
        Ok(())
    }
}

/// Loads a ladder from its YAML text with the default limits and severities.
///
/// ```
/// let yaml = std::fs::read_to_string("ladders/engineering.yaml")?;
/// let loaded = dualtrack::load(&yaml)?;
/// assert_eq!(loaded.ladder().tracks().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// The [`Report`] of every finding, when any is an error.
pub fn load(source: &str) -> Result<Loaded, Report> {
    Loader::new().load(source)
}

/// Loads a ladder file with the default limits and severities.
///
/// # Errors
///
/// [`LoadError::Io`] when the file cannot be read; [`LoadError::Invalid`]
/// with the report when any finding is an error.
pub fn load_path(path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
    Loader::new().load_path(path)
}
