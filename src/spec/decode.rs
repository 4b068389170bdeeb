//! From the YAML node tree to the wire types, reporting every structural
//! problem (wrong type, unknown or missing key, bad amount) with its place.
//!
//! Decoding never stops at the first problem: every structural finding in the
//! file is reported in one run. A part with a finding of its own (a list
//! item: a competency, track, level or zone; or a top-level key such as
//! `policy`) is *poisoned*: it becomes a placeholder that keeps the others at
//! their places, and the rules stay silent about it, so that they check the
//! rest of the file without echoing the problem (a misspelt `expectatons` is
//! one `unknown-key`, not a dozen `missing-expectation` warnings).

use crate::finding::reading::{self, Exceeded};
use crate::finding::{Finding, Findings, Rule};
use crate::model::{CompetencyKind, ParityMode, PayPeriod, TrackKind};
use crate::spec::wire::Wire;
use crate::spec::{
    BandSpec, CompetencySpec, EquitySpec, ExpectationSpec, GradeSpec, LadderSpec, LevelSpec,
    OverlapSpec, ParitySpec, PaySpec, PercentRangeSpec, PolicySpec, ProficiencySpec, RelativeSpec,
    ScaleSpec, StepSpec, StepsSpec, TrackSpec, VariableSpec, ZoneSpec,
};
use crate::text::{did_you_mean, escape, is_hidden};
use crate::yaml::{Entry, Node, PlainKind, Style, Value, plain_kind};
use crate::{Date, Decimal, Limits, Percent, Pointer};

mod ratings;

pub(crate) use ratings::{RatingsSpec, decode_ratings};

/// The longest grade label, in characters: a label is a name, like an id.
const MAX_GRADE_LABEL: usize = crate::MAX_ID_LEN;

/// What decoding produced.
pub(crate) struct Decoded {
    /// The wire types, as far as they decoded: a part with a structural
    /// finding is a placeholder, named in `poisoned`. `None` when the file is
    /// not a ladder of this version at all.
    pub(crate) spec: Option<LadderSpec>,
    pub(crate) findings: Vec<Finding>,
    /// The parts with a structural finding (a list item, a top-level key),
    /// which the rules stay silent about.
    pub(crate) poisoned: Vec<Pointer>,
}

/// Decodes a parsed document into a [`LadderSpec`].
pub(crate) fn decode(root: Option<&Node>, limits: &Limits) -> Decoded {
    let mut decoder = Decoder::new(limits);
    let spec = match root {
        Some(root) => decoder.ladder(root),
        None => {
            decoder.findings.push(
                Finding::new(&reading::TYPE, Pointer::root(), "the file holds no ladder")
                    .with_help("start from one of the reference ladders in `ladders/`"),
            );
            None
        }
    };
    Decoded {
        spec: spec.filter(|_| !decoder.findings.is_full()),
        findings: decoder.findings.into_vec(),
        poisoned: decoder.poisoned,
    }
}

struct Decoder<'l> {
    limits: &'l Limits,
    findings: Findings,
    /// The parts with a finding of their own.
    poisoned: Vec<Pointer>,
    /// How many findings so far are blamed on a poisoned part.
    blamed: usize,
    /// Whether the ladder declares a grade scale (`grades`, even one with a
    /// finding): grades are then labels, else whole numbers.
    scaled: bool,
    /// How proficiencies are written: the scale's range, and whether its
    /// steps have names (then a proficiency may be a name).
    scale: ScaleHint,
}

/// What the decoder knows of the proficiency scale when it reads
/// expectations (or ratings): the rules judge the values against it.
#[derive(Debug, Clone)]
pub(crate) struct ScaleHint {
    /// `1 to 5`, or the declared scale's range when it reads.
    pub(crate) range: String,
    /// Whether a proficiency may be a step name.
    pub(crate) named: bool,
}

impl Default for ScaleHint {
    fn default() -> Self {
        Self {
            range: "1 to 5".to_owned(),
            named: false,
        }
    }
}

impl<'l> Decoder<'l> {
    fn new(limits: &'l Limits) -> Self {
        Self {
            limits,
            findings: Findings::new(limits.max_findings),
            poisoned: Vec::new(),
            blamed: 0,
            scale: ScaleHint::default(),
            scaled: false,
        }
    }
}

/// The findings reported, and blamed, when a part started decoding.
#[derive(Clone, Copy)]
struct Mark {
    reported: usize,
    blamed: usize,
}

/// A placeholder for a list item that did not decode: it keeps the other
/// items at their places, and the rules never read it (it is poisoned).
pub(crate) trait Placeholder {
    fn placeholder() -> Self;
}

/// Where a node is, as a chain of borrowed steps: decoding reaches every
/// node of the file, and a [`Pointer`] (a string) is built only for the few
/// that have a finding.
#[derive(Debug, Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    fn pointer(&self) -> Pointer {
        match self {
            Path::Root => Pointer::root(),
            Path::Key(parent, key) => parent.pointer().key(key),
            Path::Index(parent, index) => parent.pointer().index(*index),
        }
    }
}

/// A mapping whose keys have been checked against the known ones.
struct Fields<'n, 'p> {
    entries: &'n [Entry<'n>],
    pointer: Path<'p>,
    what: &'static str,
}

impl<'n> Fields<'n, '_> {
    fn get<'s>(&'s self, key: &'s str) -> Option<(&'n Node<'n>, Path<'s>)> {
        self.entries
            .iter()
            .find(|e| e.key == key)
            .map(|e| (&e.value, self.pointer.key(key)))
    }

    /// What the mapping is, named by its id when it has one: "level `ic3`".
    fn name(&self) -> String {
        let noun = self
            .what
            .strip_prefix("a ")
            .or_else(|| self.what.strip_prefix("an "));
        let id = self.get("id").and_then(|(node, _)| match &node.value {
            Value::Scalar { text, .. } if !text.is_empty() => Some(text),
            _ => None,
        });
        match (noun, id) {
            (Some(noun), Some(id)) => format!("{noun} `{}`", escape(id)),
            _ => self.what.to_owned(),
        }
    }
}

impl Decoder<'_> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn type_error(&mut self, node: &Node, pointer: &Path<'_>, expected: &str, help: &str) {
        let mut finding = Finding::new(
            &reading::TYPE,
            pointer.pointer(),
            format!("expected {expected}, found {}", node.describe()),
        );
        if !help.is_empty() {
            finding = finding.with_help(help);
        }
        self.push(finding);
    }

    /// Checks that `node` is a mapping with only the keys of the wire type `T`.
    fn fields<'n, 'p, T: Wire>(
        &mut self,
        node: &'n Node<'n>,
        pointer: &Path<'p>,
        what: &'static str,
    ) -> Option<Fields<'n, 'p>> {
        let known = T::KEYS;
        let Value::Mapping(entries) = &node.value else {
            self.type_error(node, pointer, &format!("{what} (a mapping)"), "");
            return None;
        };
        for (i, entry) in entries.iter().enumerate() {
            if self.findings.is_full() {
                break;
            }
            if !known.contains(&entry.key.as_ref()) {
                let message = if entry.key.is_empty() {
                    format!("an empty key in {what}")
                } else {
                    format!("unknown key `{}` in {what}", escape(&entry.key))
                };
                let finding = Finding::new(
                    &reading::UNKNOWN_KEY,
                    pointer.pointer().key(&entry.key),
                    message,
                )
                .at_key();
                let near = did_you_mean(&entry.key, known);
                let near_is_absent = near.is_some_and(|near| entries.iter().all(|e| e.key != near));
                if let (Path::Root, Some(near), true) = (pointer, near, near_is_absent) {
                    // A misspelt top-level key (`polcy:`) leaves the part it
                    // names out: the rules stay silent about that part rather
                    // than judge the defaults.
                    self.poisoned.push(Pointer::root().key(near));
                }
                let keys = || {
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                // `{ name: People (hire, promote) }`: a `,` ended the value of
                // `name`, and what followed became keys.
                let split = entry
                    .bare
                    .then(|| entries[..i].iter().rev().find(|before| !before.bare))
                    .flatten()
                    .filter(|before| {
                        matches!(&before.value.value, Value::Scalar { text, style: Style::Plain }
                            if plain_kind(text) == PlainKind::Str)
                    });
                // `{ max: 92,000 }` and `{ rate: 4,27 }`: a `,` split a number
                // into a value and a key of digits.
                let number = entry
                    .bare
                    .then(|| entries[..i].iter().rev().find(|before| !before.bare))
                    .flatten()
                    .and_then(|before| match &before.value.value {
                        Value::Scalar {
                            text,
                            style: Style::Plain,
                        } => comma_in_number(&format!("{text},{}", entry.key))
                            .map(|comma| (before, text, comma)),
                        _ => None,
                    });
                if let Some((before, value, comma)) = number {
                    let written = format!("{},{}", escape(value), escape(&entry.key));
                    let (problem, number) = match comma {
                        Comma::Thousands(number) => {
                            ("numbers take no thousands separators", number)
                        }
                        Comma::Decimal(number) => ("use a dot for decimals", number),
                    };
                    self.push(
                        Finding::new(
                            &reading::UNKNOWN_KEY,
                            pointer.pointer().key(&entry.key),
                            format!(
                                "`{written}` inside `{{ }}` reads as `{}` and a key `{}`: {problem}",
                                escape(value),
                                escape(&entry.key)
                            ),
                        )
                        .at_key()
                        .with_help(format!("write `{}: {number}`", escape(&before.key))),
                    );
                    continue;
                }
                let help = match (split, near) {
                    (Some(before), _) => format!(
                        "a `,` ends an unquoted value inside `{{ }}`; put the whole value of `{}` in quotes",
                        escape(&before.key),
                    ),
                    (None, Some(near)) => format!("did you mean `{near}`?"),
                    (None, None) if entry.key.is_empty() => {
                        format!(
                            "write a key before the `:`; the keys of {what} are {}",
                            keys()
                        )
                    }
                    (None, None) => format!("the keys of {what} are {}", keys()),
                };
                self.push(finding.with_help(help));
            }
        }
        Some(Fields {
            entries,
            pointer: *pointer,
            what,
        })
    }

    /// A required value: reports it when missing.
    fn required<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        decode: impl FnOnce(&mut Self, &Node, &Path<'_>) -> Option<T>,
    ) -> Option<T> {
        let Some((node, pointer)) = fields.get(key) else {
            self.push(
                Finding::new(
                    &reading::MISSING_KEY,
                    fields.pointer.pointer(),
                    format!("{} is missing `{key}`", fields.name()),
                )
                .with_help(format!("add `{key}:` to {}", fields.name())),
            );
            return None;
        };
        decode(self, node, &pointer)
    }

    /// An optional value.
    fn optional<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        decode: impl FnOnce(&mut Self, &Node, &Path<'_>) -> Option<T>,
    ) -> Option<T> {
        let (node, pointer) = fields.get(key)?;
        decode(self, node, &pointer)
    }

    fn list<T: Placeholder>(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
        what: &str,
        max: Option<usize>,
        mut item: impl FnMut(&mut Self, &Node, &Path<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Value::Sequence(items) = &node.value else {
            self.type_error(node, pointer, &format!("a list of {what}"), "");
            return None;
        };
        if let Some(max) = max.filter(|max| items.len() > *max) {
            self.push(Exceeded::List { what, max }.finding(pointer.pointer().index(max)));
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, node) in items.iter().enumerate() {
            if self.findings.is_full() {
                return None;
            }
            let at = pointer.index(i);
            let mark = self.mark();
            let value = item(self, node, &at);
            let poisoned = self.poison_since(mark, || at.pointer());
            out.push(value.filter(|_| !poisoned).unwrap_or_else(T::placeholder));
        }
        Some(out)
    }

    fn mark(&self) -> Mark {
        Mark {
            reported: self.findings.len(),
            blamed: self.blamed,
        }
    }

    /// Poisons the part at `pointer` when findings were reported since
    /// `mark` that no part inside it was already blamed for.
    fn poison_since(&mut self, mark: Mark, pointer: impl FnOnce() -> Pointer) -> bool {
        let reported = self.findings.len().saturating_sub(mark.reported);
        let own = reported.saturating_sub(self.blamed.saturating_sub(mark.blamed));
        if own == 0 {
            return false;
        }
        self.poisoned.push(pointer());
        self.blamed = self.blamed.saturating_add(own);
        true
    }

    /// Decodes one top-level key, poisoning it when it has a finding.
    fn part<T>(&mut self, key: &'static str, decode: impl FnOnce(&mut Self) -> T) -> T {
        let mark = self.mark();
        let value = decode(self);
        self.poison_since(mark, || Pointer::root().key(key));
        value
    }

    /// A scalar of at most [`Limits::max_scalar_bytes`].
    fn scalar<'n>(
        &mut self,
        node: &'n Node<'n>,
        pointer: &Path<'_>,
        expected: &str,
    ) -> Option<(&'n str, Style)> {
        self.scalar_within(node, pointer, expected, self.limits.max_scalar_bytes)
    }

    fn scalar_within<'n>(
        &mut self,
        node: &'n Node<'n>,
        pointer: &Path<'_>,
        expected: &str,
        max: usize,
    ) -> Option<(&'n str, Style)> {
        let Value::Scalar { text, style } = &node.value else {
            self.type_error(node, pointer, expected, "");
            return None;
        };
        if text.len() > max {
            let len = text.len();
            self.push(Exceeded::Value { len, max }.finding(pointer.pointer()));
            return None;
        }
        Some((text.as_ref(), *style))
    }

    fn text(&mut self, node: &Node, pointer: &Path<'_>, max: usize) -> Option<String> {
        let (text, style) = self.scalar_within(node, pointer, "a string", max)?;
        if style == Style::Plain && plain_kind(text) != PlainKind::Str {
            let help = if plain_kind(text) == PlainKind::Null {
                "write the text; an empty value or `null` is never a string"
            } else {
                "put the value in quotes to make it a string"
            };
            self.type_error(node, pointer, "a string", help);
            return None;
        }
        if text.trim().is_empty() {
            let found = if text.is_empty() {
                "an empty string"
            } else {
                "a string of only whitespace"
            };
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("expected text, found {found}"),
                )
                .with_help("write the text; an empty or blank value is no more text than `null`"),
            );
            return None;
        }
        Some(text.to_owned())
    }

    fn short_text(&mut self, node: &Node, pointer: &Path<'_>) -> Option<String> {
        self.text(node, pointer, self.limits.max_scalar_bytes)
    }

    fn long_text(&mut self, node: &Node, pointer: &Path<'_>) -> Option<String> {
        self.text(node, pointer, self.limits.max_description_bytes)
    }

    fn integer(&mut self, node: &Node, pointer: &Path<'_>, expected: &str) -> Option<i64> {
        let (text, style) = self.scalar(node, pointer, expected)?;
        let parsed = (style == Style::Plain
            && text.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .then(|| text.parse::<i64>().ok())
        .flatten();
        let digits = text.strip_prefix('-').unwrap_or(text);
        // `0777` is 777 in YAML 1.2 but 511 in YAML 1.1: never guess.
        let parsed = parsed.filter(|_| !(digits.len() > 1 && digits.starts_with('0')));
        if parsed.is_none() {
            let help = if style == Style::Quoted {
                "remove the quotes"
            } else if plain_kind(text) == PlainKind::Int {
                "write the number without a leading zero or a `0o`/`0x` prefix; YAML 1.1 would read `0777` as octal"
            } else {
                ""
            };
            self.type_error(node, pointer, expected, help);
        }
        parsed
    }

    /// `true` or `false`, as YAML 1.2 writes them (`yes` and `on` are text).
    fn boolean(&mut self, node: &Node, pointer: &Path<'_>) -> Option<bool> {
        let (text, style) = self.scalar(node, pointer, "`true` or `false`")?;
        let value = match (style, text) {
            (Style::Plain, "true" | "True" | "TRUE") => Some(true),
            (Style::Plain, "false" | "False" | "FALSE") => Some(false),
            _ => None,
        };
        if value.is_none() {
            let help = if style == Style::Quoted {
                "remove the quotes"
            } else {
                "write `true` or `false`; `yes`, `no`, `on` and `off` are text in YAML 1.2"
            };
            self.type_error(node, pointer, "`true` or `false`", help);
        }
        value
    }

    /// A level's grade (or `from_grade`): a label of the scale when the
    /// ladder declares one (`unknown-grade` checks that it names an entry),
    /// else a whole number.
    fn grade(&mut self, node: &Node, pointer: &Path<'_>) -> Option<GradeSpec> {
        if self.scaled {
            return self.grade_label(node, pointer).map(GradeSpec::Label);
        }
        if let Value::Scalar { text, style } = &node.value {
            // `9.5`, `GS-13`, `"8A"`: a label, which needs a scale.
            let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            let label = match style {
                Style::Quoted => !digits,
                Style::Plain => match plain_kind(text) {
                    PlainKind::Str => true,
                    // `9.5`, not `.inf` or `1e3`.
                    PlainKind::Float => text.parse::<Decimal>().is_ok(),
                    _ => false,
                },
            };
            if label && text.len() <= self.limits.max_scalar_bytes {
                self.type_error(
                    node,
                    pointer,
                    "a grade (a whole number)",
                    &format!(
                        "to use grades such as `{}`, declare the grade scale: every grade, lowest first, in a top-level `grades:` list",
                        escape(text)
                    ),
                );
                return None;
            }
        }
        let value = self.integer(node, pointer, "a grade (a whole number)")?;
        let grade = u32::try_from(value).ok();
        if grade.is_none() {
            self.type_error(node, pointer, "a grade (a whole number from 0)", "");
        }
        grade.map(GradeSpec::Number)
    }

    /// An entry of the grade scale, or a grade naming one: a scalar, string
    /// or number, taken by its text.
    fn grade_label(&mut self, node: &Node, pointer: &Path<'_>) -> Option<String> {
        let expected = "a grade label (text or a number)";
        let (text, style) = self.scalar(node, pointer, expected)?;
        if style == Style::Plain && matches!(plain_kind(text), PlainKind::Null | PlainKind::Bool) {
            let help = if plain_kind(text) == PlainKind::Null {
                "write the grade; an empty value or `null` names none"
            } else {
                "put the value in quotes to make it a label"
            };
            self.type_error(node, pointer, expected, help);
            return None;
        }
        if text.trim().is_empty() {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("expected {expected}, found a blank string"),
                )
                .with_help("write the grade's label"),
            );
            return None;
        }
        // Labels are names, shown as they are in messages and tables.
        let chars = text.chars().count();
        if chars > MAX_GRADE_LABEL {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!(
                        "a grade label of {chars} characters; a label has at most {MAX_GRADE_LABEL}"
                    ),
                )
                .with_help(
                    "write a short label, such as `GS-13` or `8A`; a level's title says more",
                ),
            );
            return None;
        }
        if text.chars().any(is_hidden) {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("grade label `{}` holds a hidden character", escape(text)),
                )
                .with_help("write the label in visible characters"),
            );
            return None;
        }
        Some(text.to_owned())
    }

    /// The grade scale: a list of at least one label.
    fn grades(&mut self, node: &Node, pointer: &Path<'_>) -> Option<Vec<String>> {
        let max = self.limits.max_levels_per_track;
        let grades = self.list(node, pointer, "grade labels", Some(max), Self::grade_label)?;
        if grades.is_empty() {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    "expected a list of grade labels, lowest first, found an empty list",
                )
                .with_help(
                    "list the ladder's grades, or leave `grades` out to grade by whole numbers",
                ),
            );
            return None;
        }
        Some(grades)
    }

    fn decimal(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
        rule: &Rule,
        what: &str,
        example: &str,
    ) -> Option<Decimal> {
        let (text, style) = self.scalar(node, pointer, what)?;
        if style == Style::Plain && plain_kind(text) == PlainKind::Null {
            self.type_error(
                node,
                pointer,
                what,
                &format!("write a number such as {example}"),
            );
            return None;
        }
        match text.parse::<Decimal>() {
            Ok(value) => Some(value),
            Err(error) => {
                let (problem, help) = match comma_in_number(text) {
                    Some(Comma::Thousands(number)) => (
                        error.to_string(),
                        format!("write `{number}`: numbers take no thousands separators"),
                    ),
                    Some(Comma::Decimal(number)) => (
                        "use a dot for decimals".to_owned(),
                        format!("write `{number}`"),
                    ),
                    None => (
                        error.to_string(),
                        format!("write a plain decimal number such as {example}"),
                    ),
                };
                self.push(
                    Finding::new(
                        rule,
                        pointer.pointer(),
                        format!("invalid {what} `{}`: {problem}", escape(text)),
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    fn amount(&mut self, node: &Node, pointer: &Path<'_>) -> Option<Decimal> {
        self.decimal(
            node,
            pointer,
            &reading::INVALID_AMOUNT,
            "amount",
            "`130000` or `35.50`",
        )
    }

    fn percent(&mut self, node: &Node, pointer: &Path<'_>) -> Option<Percent> {
        let (text, style) = self.scalar(node, pointer, "a percentage")?;
        let parsed = if style == Style::Plain && plain_kind(text) == PlainKind::Null {
            None
        } else {
            text.parse::<Percent>().ok()
        };
        if parsed.is_none() {
            self.type_error(node, pointer, "a percentage", "write it as `12%` or `0.12`");
        }
        parsed
    }

    fn choice<T: Copy>(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
        what: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let (text, _) = self.scalar(node, pointer, what)?;
        let found = choices
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, v)| *v);
        if found.is_none() {
            let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
            let list = names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let help = match did_you_mean(text, &names) {
                Some(near) => format!("did you mean `{near}`? the choices are {list}"),
                None => format!("the choices are {list}"),
            };
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("expected {what}, found {}", node.describe()),
                )
                .with_help(help),
            );
        }
        found
    }

    fn ladder(&mut self, node: &Node) -> Option<LadderSpec> {
        let root = Path::Root;
        let f = self.fields::<LadderSpec>(node, &root, "the ladder")?;
        let version = self.required(&f, "schema_version", |d, n, p| {
            let version = d.integer(n, p, "the schema version `1`")?;
            if version != 1 {
                d.push(
                    Finding::new(
                        &reading::TYPE,
                        p.pointer(),
                        format!("unsupported schema_version `{version}`"),
                    )
                    .with_help("this version of dualtrack reads `schema_version: 1`"),
                );
                return None;
            }
            Some(())
        });
        // A key with a finding is poisoned and left empty; the rules stay
        // silent about it and check the rest.
        let id = self.part("id", |d| d.required(&f, "id", Self::short_text));
        let name = self.part("name", |d| d.required(&f, "name", Self::short_text));
        let description = self.part("description", |d| {
            d.optional(&f, "description", Self::long_text)
        });
        // Optional in a ladder that publishes no pay; required, below, as
        // soon as a band or a zone needs them.
        let currency = self.part("currency", |d| d.optional(&f, "currency", Self::short_text));
        let pay_period = self.part("pay_period", |d| {
            d.optional(&f, "pay_period", |d, n, p| {
                d.choice(n, p, "a pay period", PayPeriod::ALL)
            })
        });
        // Read before the levels, whose grades are labels when it is there,
        // or misspelt (`grade:` at the top): then the `unknown-key` finding
        // is the one finding, not one per level.
        let misspelt = Pointer::root().key("grades");
        self.scaled = f.get("grades").is_some() || self.poisoned.contains(&misspelt);
        let grades = self.part("grades", |d| d.optional(&f, "grades", Self::grades));
        let competencies = self.part("competencies", |d| {
            d.required(&f, "competencies", |d, n, p| {
                d.list(n, p, "competencies", None, Self::competency)
            })
        });
        let proficiency_scale = self.part("proficiency_scale", |d| {
            d.optional(&f, "proficiency_scale", Self::scale)
        });
        if let Some((node, _)) = f.get("proficiency_scale") {
            self.scale = scale_hint(node, proficiency_scale.as_ref());
        }
        let max_tracks = self.limits.max_tracks;
        let tracks = self.part("tracks", |d| {
            d.required(&f, "tracks", |d, n, p| {
                d.list(n, p, "tracks", Some(max_tracks), Self::track)
            })
        });
        let max_zones = self.limits.max_zones;
        let zones = self.part("zones", |d| {
            d.optional(&f, "zones", |d, n, p| {
                d.list(n, p, "zones", Some(max_zones), Self::zone)
            })
        });
        let policy = self.part("policy", |d| d.optional(&f, "policy", Self::policy));
        let effective_date = self.part("effective_date", |d| {
            d.optional(&f, "effective_date", Self::date)
        });
        let tracks = tracks.unwrap_or_default();
        let zones = zones.unwrap_or_default();
        // The first band, or else the first zone, that needs them.
        let first_band = tracks.iter().enumerate().find_map(|(t, track)| {
            let l = track.levels.iter().position(|l| l.band.is_some())?;
            Some(
                Pointer::root()
                    .key("tracks")
                    .index(t)
                    .key("levels")
                    .index(l)
                    .key("band"),
            )
        });
        // Else the first fixed variable amount or equity band, on a track or
        // a level.
        let first_extra = || {
            tracks.iter().enumerate().find_map(|(t, track)| {
                let at = Pointer::root().key("tracks").index(t);
                let extra = |variable: &Option<VariableSpec>, equity: &Option<EquitySpec>| {
                    if variable.is_some_and(|v| v.amount.is_some()) {
                        Some("variable")
                    } else {
                        equity.is_some().then_some("equity")
                    }
                };
                if let Some(key) = extra(&track.variable, &track.equity) {
                    return Some(at.key(key));
                }
                track.levels.iter().enumerate().find_map(|(l, level)| {
                    let key = extra(&level.variable, &level.equity)?;
                    Some(at.clone().key("levels").index(l).key(key))
                })
            })
        };
        let needed_by = match first_band {
            Some(band) => Some((band, "a band is paid in the ladder's currency")),
            None if first_extra().is_some() => first_extra().map(|at| {
                (
                    at,
                    "an amount of pay beyond base is paid in the ladder's currency",
                )
            }),
            None if !zones.is_empty() => Some((
                Pointer::root().key("zones").index(0),
                "a zone converts the ladder's bands",
            )),
            None => None,
        };
        if let Some((at, why)) = needed_by {
            let needs = [
                (
                    "currency",
                    "currency: USD",
                    "the currency its bands are paid in",
                ),
                (
                    "pay_period",
                    "pay_period: annual",
                    "how often they are paid",
                ),
            ];
            for (key, example, what) in needs {
                self.paid_needs(&f, key, example, what, (&at, why));
            }
        }
        version?;
        Some(LadderSpec {
            schema_version: 1,
            id: id.unwrap_or_default(),
            name: name.unwrap_or_default(),
            description,
            currency,
            pay_period,
            grades,
            competencies: competencies.unwrap_or_default(),
            proficiency_scale,
            tracks,
            zones,
            policy: policy.unwrap_or_default(),
            effective_date,
        })
    }

    /// Reports a top-level key that a ladder publishing pay (a band, a zone)
    /// must give, when it is missing, and leaves it out of the checks.
    fn paid_needs(
        &mut self,
        f: &Fields<'_, '_>,
        key: &'static str,
        example: &str,
        what: &str,
        (needed_at, why): (&Pointer, &str),
    ) {
        if f.get(key).is_some() {
            return;
        }
        self.part(key, |d| {
            d.push(
                Finding::new(
                    &reading::MISSING_KEY,
                    Pointer::root(),
                    format!("the ladder is missing `{key}`"),
                )
                .with_related(needed_at.clone(), why)
                .with_help(format!(
                    "add `{example}` ({what}); only a ladder that publishes no pay (no `band`, no `zones`) may leave it out"
                )),
            );
        });
    }

    fn competency(&mut self, node: &Node, pointer: &Path<'_>) -> Option<CompetencySpec> {
        let f = self.fields::<CompetencySpec>(node, pointer, "a competency")?;
        let id = self.required(&f, "id", Self::short_text);
        let name = self.required(&f, "name", Self::short_text);
        let kind = self.required(&f, "kind", |d, n, p| {
            d.choice(n, p, "a competency kind", CompetencyKind::ALL)
        });
        let group = self.optional(&f, "group", Self::short_text);
        let tracks = match f.get("tracks") {
            Some((node, pointer)) => self.texts(node, &pointer, "track ids", false).map(Some),
            None => Some(None),
        };
        let description = self.optional(&f, "description", Self::long_text);
        Some(CompetencySpec {
            id: id?,
            name: name?,
            kind: kind?,
            group,
            tracks: tracks?,
            description,
        })
    }

    fn track(&mut self, node: &Node, pointer: &Path<'_>) -> Option<TrackSpec> {
        let f = self.fields::<TrackSpec>(node, pointer, "a track")?;
        let id = self.required(&f, "id", Self::short_text);
        let name = self.required(&f, "name", Self::short_text);
        let kind = self.required(&f, "kind", |d, n, p| {
            d.choice(n, p, "a track kind", TrackKind::ALL)
        });
        let description = self.optional(&f, "description", Self::long_text);
        let max = self.limits.max_levels_per_track;
        let levels = self.required(&f, "levels", |d, n, p| {
            d.list(n, p, "levels", Some(max), Self::level)
        });
        let variable = self.optional(&f, "variable", Self::variable);
        let equity = self.optional(&f, "equity", Self::equity);
        let variable_sound = f.get("variable").is_none() || variable.is_some();
        let equity_sound = f.get("equity").is_none() || equity.is_some();
        if !(variable_sound && equity_sound) {
            return None;
        }
        Some(TrackSpec {
            id: id?,
            name: name?,
            kind: kind?,
            description,
            levels: levels?,
            variable,
            equity,
        })
    }

    fn level(&mut self, node: &Node, pointer: &Path<'_>) -> Option<LevelSpec> {
        let f = self.fields::<LevelSpec>(node, pointer, "a level")?;
        let id = self.required(&f, "id", Self::short_text);
        let title = self.required(&f, "title", Self::short_text);
        let grade = self.required(&f, "grade", Self::grade);
        let summary = self.optional(&f, "summary", Self::long_text);
        let executive = self.optional(&f, "executive", Self::boolean);
        let band = self.optional(&f, "band", Self::pay);
        let expectations = self
            .optional(&f, "expectations", Self::expectations)
            .unwrap_or_default();
        let entry_criteria = match f.get("entry_criteria") {
            Some((node, pointer)) => self.texts(node, &pointer, "entry criteria", true),
            None => Some(Vec::new()),
        };
        let variable = self.optional(&f, "variable", Self::variable);
        let equity = self.optional(&f, "equity", Self::equity);
        Some(LevelSpec {
            id: id?,
            title: title?,
            grade: grade?,
            summary,
            executive: executive.unwrap_or(false),
            band,
            expectations,
            entry_criteria: entry_criteria?,
            variable,
            equity,
        })
    }

    /// Target variable pay: `{ target: 15% }` or `{ amount: 20000 }`.
    fn variable(&mut self, node: &Node, pointer: &Path<'_>) -> Option<VariableSpec> {
        let f = self.fields::<VariableSpec>(node, pointer, "variable pay")?;
        let target = self.optional(&f, "target", Self::percent);
        let amount = self.optional(&f, "amount", Self::amount);
        match (f.get("target"), f.get("amount")) {
            (Some(_), Some((_, at))) => {
                self.push(
                    Finding::new(
                        &reading::TYPE,
                        at.pointer(),
                        "variable pay gives both `target` and `amount`",
                    )
                    .at_key()
                    .with_help(
                        "give either `target`, a percentage of base pay, or `amount`, a fixed amount",
                    ),
                );
                None
            }
            // `{ bonus: 20000 }` is an `unknown-key` finding already.
            (None, None) if !f.entries.is_empty() => None,
            (None, None) => {
                self.push(
                    Finding::new(
                        &reading::TYPE,
                        pointer.pointer(),
                        "expected variable pay, `target` or `amount`, found neither",
                    )
                    .with_help("write `{ target: 15% }` (of base pay) or `{ amount: 20000 }`"),
                );
                None
            }
            _ if target.is_none() && amount.is_none() => None,
            _ => Some(VariableSpec { target, amount }),
        }
    }

    /// An equity grant band: `{ min, mid, max }`.
    fn equity(&mut self, node: &Node, pointer: &Path<'_>) -> Option<EquitySpec> {
        let f = self.fields::<EquitySpec>(node, pointer, "an equity band")?;
        let min = self.required(&f, "min", Self::amount);
        let mid = self.required(&f, "mid", Self::amount);
        let max = self.required(&f, "max", Self::amount);
        Some(EquitySpec {
            min: min?,
            mid: mid?,
            max: max?,
        })
    }

    /// An ISO 8601 calendar date, `2024-04-01`, checked strictly.
    fn date(&mut self, node: &Node, pointer: &Path<'_>) -> Option<Date> {
        let expected = "a date (`YYYY-MM-DD`)";
        let (text, _) = self.scalar(node, pointer, expected)?;
        match text.parse::<Date>() {
            Ok(date) => Some(date),
            Err(error) => {
                self.push(
                    Finding::new(
                        &reading::TYPE,
                        pointer.pointer(),
                        format!(
                            "expected an ISO 8601 date, found `{}`: {error}",
                            escape(text)
                        ),
                    )
                    .with_help("write the date as `YYYY-MM-DD`, such as `2024-04-01`"),
                );
                None
            }
        }
    }

    /// A level's pay: a mapping with `percent` or `of` is relative, any
    /// other mapping a range, anything else a spot rate.
    fn pay(&mut self, node: &Node, pointer: &Path<'_>) -> Option<PaySpec> {
        match &node.value {
            Value::Mapping(entries)
                if entries.iter().any(|e| e.key == "percent" || e.key == "of") =>
            {
                self.relative(node, pointer).map(PaySpec::Relative)
            }
            Value::Mapping(_) => self.band(node, pointer).map(PaySpec::Range),
            Value::Scalar { text, style }
                if !(*style == Style::Plain && plain_kind(text) == PlainKind::Null) =>
            {
                self.amount(node, pointer).map(PaySpec::Spot)
            }
            other => {
                let help = match other {
                    Value::Scalar { .. } => "leave `band` out for a level that publishes no pay",
                    _ => "",
                };
                self.type_error(
                    node,
                    pointer,
                    "a band (`{ min, mid, max }`, a spot rate such as `41.00`, or `{ percent, of }`)",
                    help,
                );
                None
            }
        }
    }

    fn band(&mut self, node: &Node, pointer: &Path<'_>) -> Option<BandSpec> {
        let f = self.fields::<BandSpec>(node, pointer, "a band")?;
        let min = self.required(&f, "min", Self::amount);
        let mid = self.required(&f, "mid", Self::amount);
        let max = self.required(&f, "max", Self::amount);
        let steps = match f.get("steps") {
            Some((node, pointer)) => self.steps(node, &pointer),
            None => Some(Vec::new()),
        };
        Some(BandSpec {
            min: min?,
            mid: mid?,
            max: max?,
            steps: steps?,
        })
    }

    /// A band's steps: every amount is read, for every finding, but one bad
    /// amount makes the band (so its level) unreadable, not a placeholder
    /// step that the rules would judge.
    fn steps(&mut self, node: &Node, pointer: &Path<'_>) -> Option<Vec<Decimal>> {
        let Value::Sequence(items) = &node.value else {
            self.type_error(node, pointer, "a list of steps", "");
            return None;
        };
        let mut out = Some(Vec::with_capacity(items.len()));
        for (i, item) in items.iter().enumerate() {
            if self.findings.is_full() {
                return None;
            }
            let step = self.amount(item, &pointer.index(i));
            out = out.zip(step).map(|(mut steps, step)| {
                steps.push(step);
                steps
            });
        }
        out
    }

    fn relative(&mut self, node: &Node, pointer: &Path<'_>) -> Option<RelativeSpec> {
        let f = self.fields::<RelativeSpec>(node, pointer, "a relative band")?;
        let percent = self.required(&f, "percent", Self::percent);
        let of = self.required(&f, "of", Self::short_text);
        Some(RelativeSpec {
            percent: percent?,
            of: of?,
        })
    }

    fn expectations(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
    ) -> Option<Vec<(String, ExpectationSpec)>> {
        let Value::Mapping(entries) = &node.value else {
            let help = match &node.value {
                Value::Sequence(_) => {
                    "write them in braces, `{ technical-depth: 3, delivery: 4 }`, or one `competency: N` per line below `expectations:`"
                }
                _ => "",
            };
            self.type_error(
                node,
                pointer,
                "expectations (a mapping of competency ids to proficiencies)",
                help,
            );
            return None;
        };
        let mut out = Vec::with_capacity(entries.len());
        for entry in entries {
            if self.findings.is_full() {
                return None;
            }
            let pointer = pointer.key(&entry.key);
            let expectation = match &entry.value.value {
                Value::Mapping(_) => {
                    let f =
                        self.fields::<ExpectationSpec>(&entry.value, &pointer, "an expectation");
                    f.and_then(|f| {
                        let proficiency = self.required(&f, "proficiency", Self::proficiency);
                        let description = self.optional(&f, "description", Self::long_text);
                        Some(ExpectationSpec {
                            proficiency: proficiency?,
                            description,
                            detailed: true,
                        })
                    })
                }
                _ => self
                    .proficiency(&entry.value, &pointer)
                    .map(|proficiency| ExpectationSpec {
                        proficiency,
                        description: None,
                        detailed: false,
                    }),
            };
            if let Some(expectation) = expectation {
                out.push((entry.key.clone().into_owned(), expectation));
            }
        }
        Some(out)
    }

    /// A proficiency: a whole number, or a step name when the scale has names.
    fn proficiency(&mut self, node: &Node, pointer: &Path<'_>) -> Option<ProficiencySpec> {
        if self.scale.named
            && let Value::Scalar { text, style } = &node.value
            && (*style == Style::Quoted || plain_kind(text) == PlainKind::Str)
            && !text.trim().is_empty()
        {
            let (text, _) = self.scalar(node, pointer, "a proficiency")?;
            return Some(ProficiencySpec::Name(text.to_owned()));
        }
        let expected = if self.scale.named {
            format!(
                "a proficiency (a whole number from {}, or a step name)",
                self.scale.range
            )
        } else {
            format!("a proficiency (a whole number from {})", self.scale.range)
        };
        self.integer(node, pointer, &expected)
            .map(ProficiencySpec::Number)
    }

    /// A list of texts, each of at most [`Limits::max_scalar_bytes`]: the
    /// track ids of a competency's scope, a level's entry criteria. An empty
    /// list is a finding unless `empty` allows it.
    fn texts(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
        what: &str,
        empty: bool,
    ) -> Option<Vec<String>> {
        let Value::Sequence(items) = &node.value else {
            self.type_error(node, pointer, &format!("a list of {what}"), "");
            return None;
        };
        if items.is_empty() && !empty {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("expected a list of {what}, found an empty list"),
                )
                .with_help("name at least one, or leave the key out for the default"),
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut sound = true;
        for (i, item) in items.iter().enumerate() {
            match self.short_text(item, &pointer.index(i)) {
                Some(text) => out.push(text),
                None => sound = false,
            }
        }
        sound.then_some(out)
    }

    fn scale(&mut self, node: &Node, pointer: &Path<'_>) -> Option<ScaleSpec> {
        let f = self.fields::<ScaleSpec>(node, pointer, "the proficiency scale")?;
        let start = self.optional(&f, "start", |d, n, p| {
            let value = d.integer(n, p, "the number of the first step (a whole number)")?;
            let start = u32::try_from(value).ok();
            if start.is_none() {
                d.type_error(
                    n,
                    p,
                    "the number of the first step (a whole number from 0)",
                    "",
                );
            }
            start
        });
        let steps = self.required(&f, "steps", |d, n, p| match &n.value {
            Value::Sequence(items) => {
                let mut steps = Vec::with_capacity(items.len());
                let mut sound = true;
                for (i, item) in items.iter().enumerate() {
                    let at = p.index(i);
                    let step = match &item.value {
                        Value::Mapping(_) => d
                            .fields::<StepSpec>(item, &at, "a proficiency step")
                            .and_then(|f| {
                                let name = d.required(&f, "name", Self::short_text);
                                let description =
                                    f.get("description").and_then(|(n, p)| d.long_text(n, &p));
                                Some((
                                    StepSpec {
                                        name: name?,
                                        description,
                                    },
                                    true,
                                ))
                            }),
                        _ => d.short_text(item, &at).map(|name| {
                            (
                                StepSpec {
                                    name,
                                    description: None,
                                },
                                false,
                            )
                        }),
                    };
                    match step {
                        Some(step) => steps.push(step),
                        None => sound = false,
                    }
                }
                sound.then_some(StepsSpec::Named(steps))
            }
            _ => d
                .integer(
                    n,
                    p,
                    "the steps of the scale (how many, or a list of their names)",
                )
                .map(StepsSpec::Count),
        });
        Some(ScaleSpec {
            start,
            steps: steps?,
        })
    }

    fn zone(&mut self, node: &Node, pointer: &Path<'_>) -> Option<ZoneSpec> {
        let f = self.fields::<ZoneSpec>(node, pointer, "a zone")?;
        let id = self.required(&f, "id", Self::short_text);
        let name = self.required(&f, "name", Self::short_text);
        let factor = self.required(&f, "factor", |d, n, p| {
            d.decimal(n, p, &reading::TYPE, "factor", "`0.8`")
        });
        let currency = self.optional(&f, "currency", Self::short_text);
        let rate = self.optional(&f, "rate", |d, n, p| {
            d.decimal(n, p, &reading::TYPE, "rate", "`0.79`")
        });
        let uplift = self.optional(&f, "uplift", Self::percent);
        let min_uplift = self.optional(&f, "min_uplift", Self::amount);
        let max_uplift = self.optional(&f, "max_uplift", Self::amount);
        let cap = self.optional(&f, "cap", Self::amount);
        let rounding = self.optional(&f, "rounding", |d, n, p| {
            d.decimal(n, p, &reading::TYPE, "rounding unit", "`1` or `100`")
        });
        let exempt = match f.get("exempt") {
            Some((node, pointer)) => self
                .texts(node, &pointer, "level or track ids", false)
                .map(Some),
            None => Some(None),
        };
        Some(ZoneSpec {
            id: id?,
            name: name?,
            factor: factor?,
            currency,
            rate,
            uplift,
            min_uplift,
            max_uplift,
            cap,
            rounding,
            exempt: exempt?,
        })
    }

    fn policy(&mut self, node: &Node, pointer: &Path<'_>) -> Option<PolicySpec> {
        let f = self.fields::<PolicySpec>(node, pointer, "the policy")?;
        Some(PolicySpec {
            parity: self.optional(&f, "parity", Self::parity),
            spread: self.optional(&f, "spread", |d, n, p| {
                d.percent_range(n, p, "the spread policy")
            }),
            progression: self.optional(&f, "progression", |d, n, p| {
                d.percent_range(n, p, "the progression policy")
            }),
            overlap: self.optional(&f, "overlap", |d, n, p| {
                let f = d.fields::<OverlapSpec>(n, p, "the overlap policy")?;
                Some(OverlapSpec {
                    max: d.optional(&f, "max", Self::percent),
                })
            }),
        })
    }

    fn parity(&mut self, node: &Node, pointer: &Path<'_>) -> Option<ParitySpec> {
        let f = self.fields::<ParitySpec>(node, pointer, "the parity policy")?;
        Some(ParitySpec {
            mode: self.optional(&f, "mode", |d, n, p| {
                d.choice(n, p, "a parity mode", ParityMode::ALL)
            }),
            from_grade: self.optional(&f, "from_grade", Self::grade),
            tolerance: self.optional(&f, "tolerance", Self::percent),
        })
    }

    fn percent_range(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
        what: &'static str,
    ) -> Option<PercentRangeSpec> {
        let f = self.fields::<PercentRangeSpec>(node, pointer, what)?;
        Some(PercentRangeSpec {
            min: self.optional(&f, "min", Self::percent),
            max: self.optional(&f, "max", Self::percent),
        })
    }
}

impl Placeholder for String {
    fn placeholder() -> Self {
        String::new()
    }
}

impl Placeholder for CompetencySpec {
    fn placeholder() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            kind: CompetencyKind::Craft,
            group: None,
            tracks: None,
            description: None,
        }
    }
}

impl Placeholder for TrackSpec {
    fn placeholder() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            kind: TrackKind::IndividualContributor,
            description: None,
            levels: Vec::new(),
            variable: None,
            equity: None,
        }
    }
}

impl Placeholder for LevelSpec {
    fn placeholder() -> Self {
        Self {
            id: String::new(),
            title: String::new(),
            grade: GradeSpec::Number(0),
            summary: None,
            executive: false,
            band: None,
            expectations: Vec::new(),
            entry_criteria: Vec::new(),
            variable: None,
            equity: None,
        }
    }
}

impl Placeholder for ZoneSpec {
    fn placeholder() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            factor: Decimal::ONE,
            currency: None,
            rate: None,
            uplift: None,
            min_uplift: None,
            max_uplift: None,
            cap: None,
            rounding: None,
            exempt: None,
        }
    }
}

/// What the expectations may hold, from the `proficiency_scale` node: names
/// when its steps are a list (even one with a problem of its own, so that the
/// names are not each a `type` error too), and the range it declares.
fn scale_hint(node: &Node, scale: Option<&ScaleSpec>) -> ScaleHint {
    let named = match &node.value {
        Value::Mapping(entries) => entries
            .iter()
            .any(|e| e.key == "steps" && matches!(e.value.value, Value::Sequence(_))),
        _ => false,
    };
    let range = scale.and_then(|scale| {
        let start = i64::from(scale.start.unwrap_or(1));
        let len = match &scale.steps {
            StepsSpec::Count(n) => *n,
            StepsSpec::Named(steps) => i64::try_from(steps.len()).ok()?,
        };
        (len > 0).then(|| format!("{start} to {}", start.saturating_add(len - 1)))
    });
    ScaleHint {
        range: range.unwrap_or_else(|| ScaleHint::default().range),
        named,
    }
}

/// What a comma in a number most likely meant.
#[derive(Debug, PartialEq, Eq)]
enum Comma {
    /// `92,000`, `1,250,000`: thousands; the number without them.
    Thousands(String),
    /// `4,27`, `0,8`: a decimal comma; the number with a dot.
    Decimal(String),
}

/// Reads `text` as a number written with a comma, when it is one.
fn comma_in_number(text: &str) -> Option<Comma> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, rest) = text.split_once(',')?;
    if !digits(whole) {
        return None;
    }
    let groups: Vec<&str> = rest.split(',').collect();
    if whole.len() <= 3 && groups.iter().all(|g| g.len() == 3 && digits(g)) {
        return Some(Comma::Thousands(format!("{whole}{}", groups.concat())));
    }
    (groups.len() == 1 && digits(rest)).then(|| Comma::Decimal(format!("{whole}.{rest}")))
}
