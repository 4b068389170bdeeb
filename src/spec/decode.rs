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

use crate::choice::{CompetencyKind, ParityMode, PayPeriod, TrackKind};
use crate::finding::reading::{self, Exceeded};
use crate::finding::{Finding, Findings, Rule};
use crate::spec::wire::Wire;
use crate::spec::{
    BandSpec, CompetencySpec, EquitySpec, ExpectationSpec, GradeSpec, LadderSpec, LevelSpec,
    OverlapSpec, ParitySpec, PaySpec, PercentRangeSpec, PolicySpec, ProficiencySpec, RelativeSpec,
    ScaleSpec, StepSpec, StepsSpec, TrackSpec, VariableSpec, ZoneSpec,
};
use crate::text::{did_you_mean, escape, is_hidden};
use crate::yaml::{Entry, Node, PlainKind, Style, Value, plain_kind};
use crate::{Date, Decimal, Limits, Percent, Pointer};

mod expectations;
mod grades;
mod ladder;
mod pay;
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
