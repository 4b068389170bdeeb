//! What is at a byte offset of a document: the node under the cursor as a
//! JSON pointer, whether the cursor is on a key or a value, the scalar there
//! with its span, and which id (of a level, track, competency or zone) that
//! scalar defines or refers to.
//!
//! A half-typed line often does not parse (`    delivery: 3\n    infl` has
//! no `:`; `of: ic` in an unclosed `{`): the line is then read as completed
//! (a `:` after a bare word, the flow brackets closed) or, failing that, as
//! blank, so that completion still knows where it is.

use std::borrow::Cow;
use std::ops::Range;

use crate::Pointer;
use crate::limits::Limits;
use crate::query::IdKind;
use crate::yaml::{self, Node, Span, Value};

/// Whether the cursor is on a mapping's key or on a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A key, typed or not yet typed.
    Key,
    /// A value: a scalar, or where an item or value goes.
    Value,
}

/// A scalar under the cursor: its text as YAML reads it, and its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scalar {
    pub(crate) text: String,
    pub(crate) span: Range<usize>,
}

/// What is at one byte offset of a document.
///
/// The pointer names the node: on a key, the pointer of that key's value
/// (`/tracks/0/levels/3/expectations/delivery`); where a key is still to be
/// typed, the empty key of its mapping (`/tracks/0/levels/3/expectations/`);
/// where a sequence item is still to be typed, the index after the items
/// before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub(crate) pointer: Pointer,
    pub(crate) place: Place,
    pub(crate) scalar: Option<Scalar>,
    /// On a key: the other keys of its mapping.
    pub(crate) siblings: Vec<String>,
}

/// What a scalar does with an id: defines it (`id: ic8`) or refers to one
/// (an expectation's key, a zone's `exempt`, a band's `of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Definition,
    Reference,
}

/// An id a scalar of the file format defines or refers to, and what kinds of
/// id it may be (a zone's `exempt` names levels and tracks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IdUse {
    pub(crate) role: Role,
    pub(crate) kinds: &'static [IdKind],
}

/// One scalar of a document that defines or refers to an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub(crate) id_use: IdUse,
    pub(crate) pointer: Pointer,
    pub(crate) id: String,
    pub(crate) span: Range<usize>,
}

const LEVEL: &[IdKind] = &[IdKind::Level];
const TRACK: &[IdKind] = &[IdKind::Track];
const COMPETENCY: &[IdKind] = &[IdKind::Competency];
const ZONE: &[IdKind] = &[IdKind::Zone];
const LEVEL_OR_TRACK: &[IdKind] = &[IdKind::Level, IdKind::Track];

/// The id use of the scalar at `tokens` (a pointer's tokens) read as a key
/// or a value: every place the format defines or names a level, track,
/// competency or zone (see `spec::LadderSpec` and `RatingsSpec`).
pub(crate) fn id_use(tokens: &[String], place: Place) -> Option<IdUse> {
    let t: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let (role, kinds) = match (t.as_slice(), place) {
        (["tracks", _, "levels", _, "id"], Place::Value) => (Role::Definition, LEVEL),
        (["tracks", _, "id"], Place::Value) => (Role::Definition, TRACK),
        (["competencies", _, "id"], Place::Value) => (Role::Definition, COMPETENCY),
        (["zones", _, "id"], Place::Value) => (Role::Definition, ZONE),
        (["tracks", _, "levels", _, "expectations", _], Place::Key)
        | (["ratings", _], Place::Key) => (Role::Reference, COMPETENCY),
        (["tracks", _, "levels", _, "band", "of"], Place::Value) => (Role::Reference, LEVEL),
        (["competencies", _, "tracks", _], Place::Value) => (Role::Reference, TRACK),
        (["zones", _, "exempt", _], Place::Value) => (Role::Reference, LEVEL_OR_TRACK),
        _ => return None,
    };
    Some(IdUse { role, kinds })
}

impl Cursor {
    /// What is at byte `offset` of `text` (counted as the loader counts, after
    /// any byte order mark), and the reading of `text` it was found in
    /// ([`readable`]); `None` when no reading parses.
    pub(crate) fn read(text: &str, offset: usize) -> Option<(Self, Cow<'_, str>)> {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let (start, _) = line_around(text, offset);
        let before = &text[start..offset];
        if before.trim_start().starts_with('#') || before.contains(" #") {
            return None; // in a comment
        }
        if text.trim().is_empty() {
            let cursor = Self::new_key(Pointer::root(), Vec::new());
            return Some((cursor, Cow::Borrowed(text)));
        }
        let reading = readable(text, offset)?;
        let root = yaml::parse(&reading, &Limits::default()).root?;
        let cursor = walk(&root, &reading, offset);
        Some((cursor, reading))
    }

    /// The pointer's tokens.
    pub(crate) fn tokens(&self) -> Vec<String> {
        self.pointer.tokens().collect()
    }

    /// The id the scalar under the cursor defines or refers to, and how.
    pub(crate) fn id_use(&self) -> Option<(IdUse, &Scalar)> {
        let scalar = self.scalar.as_ref()?;
        Some((id_use(&self.tokens(), self.place)?, scalar))
    }

    fn new_key(mapping: Pointer, siblings: Vec<String>) -> Self {
        Self {
            pointer: mapping.key(""),
            place: Place::Key,
            scalar: None,
            siblings,
        }
    }
}

/// The texts to read a text that does not parse in, with the cursor at
/// `offset`: its cursor line completed, then blanked, then the line of its
/// first syntax error (`broken`) blanked, for a line broken elsewhere. Each
/// keeps every byte before the cursor where it is.
fn readings(text: &str, offset: usize, broken: Option<Range<usize>>) -> Vec<Cow<'_, str>> {
    let (start, end) = line_around(text, offset);
    let before = &text[start..offset];
    let completed = format!(
        "{}{}{}",
        &text[..offset],
        completion_of(before),
        &text[end..]
    );
    let mut readings = vec![Cow::Owned(completed), blank_line(text, offset)];
    if let Some(broken) = broken.filter(|at| line_around(text, at.start) != (start, end)) {
        readings.push(blank_line(text, broken.start.min(text.len())));
    }
    readings
}

/// The byte range of the line holding `offset`, without its line break.
fn line_around(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset);
    let start = text[..offset].rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let end = text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| offset + at);
    (start, end)
}

/// `text` with the line holding `offset` turned to spaces, one per byte.
fn blank_line(text: &str, offset: usize) -> Cow<'_, str> {
    let (start, end) = line_around(text, offset);
    let blank = " ".repeat(end - start);
    Cow::Owned(format!("{}{blank}{}", &text[..start], &text[end..]))
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    (0..=offset.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0)
}

/// `text` when it parses, else the first of its [`readings`] that does;
/// `None` for a text over the loader's size limit (its one diagnostic says
/// so), which is not read again at every keystroke.
pub(crate) fn readable(text: &str, offset: usize) -> Option<Cow<'_, str>> {
    let limits = Limits::default();
    if text.len() > limits.max_file_bytes {
        return None;
    }
    let offset = floor_char_boundary(text, offset);
    let parsed = yaml::parse(text, &limits);
    if parsed.root.is_some() {
        return Some(Cow::Borrowed(text));
    }
    let broken = parsed
        .findings
        .first()
        .and_then(crate::finding::Finding::span);
    readings(text, offset, broken)
        .into_iter()
        .find(|reading| yaml::parse(reading, &Limits::default()).root.is_some())
}

/// What makes a half-typed line parse: the flow brackets it opened, closed;
/// or a `:` after a bare word in a block mapping.
fn completion_of(line: &str) -> String {
    let mut open = Vec::new();
    for c in line.chars() {
        match c {
            '{' => open.push('}'),
            '[' => open.push(']'),
            '}' | ']' => {
                open.pop();
            }
            _ => {}
        }
    }
    if !open.is_empty() {
        return open.into_iter().rev().collect();
    }
    let word = line.trim_start().trim_start_matches("- ").trim();
    if !word.is_empty() && !word.contains(':') && !word.starts_with('#') {
        ":".to_owned()
    } else {
        String::new()
    }
}

fn within(span: &Span, offset: usize) -> bool {
    let bytes = span.bytes();
    bytes.start <= offset && offset <= bytes.end
}

/// Whether the node is a `{ }` or `[ ]` collection.
fn is_flow(node: &Node<'_>, text: &str) -> bool {
    matches!(
        text.as_bytes().get(node.span.bytes().start),
        Some(b'{' | b'[')
    )
}

/// The cursor's column when only blanks precede it on its line: then it
/// says which block the cursor is in.
fn blank_column(text: &str, offset: usize) -> Option<usize> {
    let start = text[..offset].rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let before = &text[start..offset];
    before.trim().is_empty().then_some(before.len())
}

/// Whether the node starting at `start` (a key, or a sequence item) holds
/// the cursor's line in its block: the cursor is on a later line, and
/// indented deeper than a key (`deeper`) or as deep as an item, or after
/// something typed on its line.
fn in_block_of(text: &str, start: &Span, offset: usize, deeper: bool) -> bool {
    let later_line = text[start.bytes().start.min(offset)..offset].contains(['\n', '\r']);
    let indent = start.location().column.saturating_sub(1) + usize::from(deeper);
    later_line && blank_column(text, offset).is_none_or(|column| column >= indent)
}

/// The cursor at `offset` of `text`, whose tree is `root`: down from the
/// root into the key, the value or the block that holds it.
fn walk(root: &Node<'_>, text: &str, offset: usize) -> Cursor {
    let mut node = root;
    let mut pointer = Pointer::root();
    loop {
        match &node.value {
            Value::Scalar { text: scalar, .. } => {
                let bytes = node.span.bytes();
                let typed = within(&node.span, offset) && !bytes.is_empty();
                return Cursor {
                    pointer,
                    place: Place::Value,
                    scalar: typed.then(|| Scalar {
                        text: scalar.to_string(),
                        span: bytes,
                    }),
                    siblings: Vec::new(),
                };
            }
            Value::Mapping(entries) => {
                let keys = |except: Option<&str>| -> Vec<String> {
                    entries
                        .iter()
                        .filter(|e| Some(e.key.as_ref()) != except)
                        .map(|e| e.key.to_string())
                        .collect()
                };
                if let Some(entry) = entries.iter().find(|e| within(&e.key_span, offset)) {
                    return Cursor {
                        pointer: pointer.key(&entry.key),
                        place: Place::Key,
                        scalar: Some(Scalar {
                            text: entry.key.to_string(),
                            span: entry.key_span.bytes(),
                        }),
                        siblings: keys(Some(&entry.key)),
                    };
                }
                let Some(entry) = entries
                    .iter()
                    .rev()
                    .find(|e| e.key_span.bytes().end <= offset)
                else {
                    return Cursor::new_key(pointer, keys(None));
                };
                let value = &entry.value;
                let after_colon = text[entry.key_span.bytes().end..offset]
                    .trim_start()
                    .strip_prefix(':')
                    .is_some_and(|rest| rest.trim_matches([' ', '\t']).is_empty());
                let in_value = (within(&value.span, offset) && !value.span.bytes().is_empty())
                    && (is_flow(value, text) || blank_column(text, offset).is_none());
                let block =
                    !is_flow(node, text) && in_block_of(text, &entry.key_span, offset, true);
                match &value.value {
                    _ if in_value || (after_colon && !block) => {
                        pointer = pointer.key(&entry.key);
                        node = value;
                    }
                    Value::Mapping(_) | Value::Sequence(_) if block => {
                        pointer = pointer.key(&entry.key);
                        node = value;
                    }
                    // A key with no value yet, and the cursor in its block:
                    // the first key of the mapping being typed under it.
                    Value::Scalar { text: null, .. } if block && null.is_empty() => {
                        return Cursor::new_key(pointer.key(&entry.key), Vec::new());
                    }
                    _ => return Cursor::new_key(pointer, keys(None)),
                }
            }
            Value::Sequence(items) => {
                let before = items
                    .iter()
                    .take_while(|item| item.span.bytes().start <= offset)
                    .count();
                let last = before.checked_sub(1).and_then(|i| Some((i, items.get(i)?)));
                match last {
                    Some((i, item))
                        if (within(&item.span, offset) && blank_column(text, offset).is_none())
                            || (!is_flow(node, text)
                                && matches!(
                                    item.value,
                                    Value::Mapping(_) | Value::Sequence(_)
                                )
                                && in_block_of(text, &item.span, offset, false)) =>
                    {
                        pointer = pointer.index(i);
                        node = item;
                    }
                    _ => {
                        return Cursor {
                            pointer: pointer.index(before),
                            place: Place::Value,
                            scalar: None,
                            siblings: Vec::new(),
                        };
                    }
                }
            }
        }
    }
}

/// Every scalar of `root` that defines or refers to an id, in document order.
pub(crate) fn occurrences(root: &Node<'_>) -> Vec<Occurrence> {
    let mut found = Vec::new();
    let mut stack = vec![(root, Pointer::root())];
    while let Some((node, pointer)) = stack.pop() {
        match &node.value {
            Value::Scalar { text, .. } => {
                let tokens: Vec<String> = pointer.tokens().collect();
                if let Some(id_use) = id_use(&tokens, Place::Value) {
                    found.push(Occurrence {
                        id_use,
                        pointer,
                        id: text.to_string(),
                        span: node.span.bytes(),
                    });
                }
            }
            Value::Mapping(entries) => {
                for entry in entries.iter().rev() {
                    let at = pointer.key(&entry.key);
                    let tokens: Vec<String> = at.tokens().collect();
                    if let Some(id_use) = id_use(&tokens, Place::Key) {
                        found.push(Occurrence {
                            id_use,
                            pointer: at.clone(),
                            id: entry.key.to_string(),
                            span: entry.key_span.bytes(),
                        });
                    }
                    stack.push((&entry.value, at));
                }
            }
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((item, pointer.index(i)));
                }
            }
        }
    }
    found.sort_by_key(|o| o.span.start);
    found
}

/// The text of the scalar at `pointer` in `root`, if it is one.
pub(crate) fn scalar_at(root: &Node<'_>, pointer: &Pointer) -> Option<String> {
    let mut node = root;
    for token in pointer.tokens() {
        node = match &node.value {
            Value::Mapping(entries) => &entries.iter().find(|e| e.key == token)?.value,
            Value::Sequence(items) => items.get(token.parse::<usize>().ok()?)?,
            Value::Scalar { .. } => return None,
        };
    }
    match &node.value {
        Value::Scalar { text, .. } => Some(text.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::LineIndex;
    use lsp_types::Position;

    /// The cursor at the `|` of `marked`.
    fn at(marked: &str) -> Cursor {
        let offset = marked.find('|').expect("a | in the text");
        let text = marked.replacen('|', "", 1);
        Cursor::read(&text, offset).expect("a cursor").0
    }

    fn summary(cursor: &Cursor) -> (String, Place, Option<String>) {
        (
            cursor.pointer.to_string(),
            cursor.place,
            cursor.scalar.as_ref().map(|s| s.text.clone()),
        )
    }

    fn is(pointer: &str, place: Place, scalar: Option<&str>) -> (String, Place, Option<String>) {
        (pointer.to_owned(), place, scalar.map(str::to_owned))
    }

    const LEVEL: &str = "tracks:\n  - id: ic\n    levels:\n      - id: ic1\n        expectations:\n          delivery: 3\n";

    #[test]
    fn keys_and_values_of_a_block_mapping() {
        let cursor = at(&LEVEL.replace("deli", "de|li"));
        let expected = "/tracks/0/levels/0/expectations/delivery";
        assert_eq!(summary(&cursor), is(expected, Place::Key, Some("delivery")));
        assert_eq!(cursor.id_use().map(|(u, _)| u.role), Some(Role::Reference));
        let cursor = at(&LEVEL.replace("delivery: 3", "delivery: |3"));
        assert_eq!(summary(&cursor), is(expected, Place::Value, Some("3")));
        let cursor = at(&LEVEL.replace("ic1", "ic|1"));
        assert_eq!(
            summary(&cursor),
            is("/tracks/0/levels/0/id", Place::Value, Some("ic1"))
        );
        assert_eq!(cursor.id_use().map(|(u, _)| u.role), Some(Role::Definition));
    }

    #[test]
    fn keys_and_values_of_a_flow_mapping() {
        let text = "band: { percent: 80, of: ic2 }\nexpectations: { a: 1, b: 2 }\n";
        let cursor = at(&text.replace("ic2", "ic|2"));
        assert_eq!(summary(&cursor), is("/band/of", Place::Value, Some("ic2")));
        let cursor = at(&text.replace("b: 2", "|b: 2"));
        assert_eq!(
            summary(&cursor),
            is("/expectations/b", Place::Key, Some("b"))
        );
        assert_eq!(cursor.siblings, ["a"]);
        let cursor = at(&text.replace("1, b", "1, | b"));
        assert_eq!(summary(&cursor), is("/expectations/", Place::Key, None));
        assert_eq!(cursor.siblings, ["a", "b"]);
    }

    #[test]
    fn a_half_typed_key_at_the_end_of_its_line() {
        let cursor = at(&format!("{LEVEL}          infl|\n"));
        assert_eq!(
            summary(&cursor),
            is(
                "/tracks/0/levels/0/expectations/infl",
                Place::Key,
                Some("infl")
            )
        );
        assert_eq!(cursor.siblings, ["delivery"]);
        // A blank line in the mapping: a key still to type.
        let cursor = at(&format!("{LEVEL}          |\n"));
        assert_eq!(
            summary(&cursor),
            is("/tracks/0/levels/0/expectations/", Place::Key, None)
        );
        // Less indented: a key of the level.
        let cursor = at(&format!("{LEVEL}        |\n"));
        assert_eq!(
            summary(&cursor),
            is("/tracks/0/levels/0/", Place::Key, None)
        );
        // In a flow mapping not closed yet.
        let cursor = at("expectations: { delivery: 3, infl|\n");
        assert_eq!(
            summary(&cursor),
            is("/expectations/infl", Place::Key, Some("infl"))
        );
    }

    #[test]
    fn a_value_still_to_type() {
        let cursor = at(&LEVEL.replace("delivery: 3", "delivery: |"));
        assert_eq!(
            summary(&cursor),
            is(
                "/tracks/0/levels/0/expectations/delivery",
                Place::Value,
                None
            )
        );
        let cursor = at("band: { percent: 80, of: |\n");
        assert_eq!(summary(&cursor), is("/band/of", Place::Value, None));
        let cursor = at("exempt: [ic1, |\n");
        assert_eq!(summary(&cursor), is("/exempt/1", Place::Value, None));
        let cursor = at("exempt:\n  - ic1\n  - |\n");
        assert_eq!(summary(&cursor), is("/exempt/1", Place::Value, None));
    }

    #[test]
    fn nothing_in_a_comment() {
        for marked in [
            "# a |comment\na: 1\n",
            "a: 1 # a |comment\n",
            "a:\n  # |\n  b: 1\n",
        ] {
            let offset = marked.find('|').expect("a | in the text");
            let text = marked.replacen('|', "", 1);
            assert_eq!(Cursor::read(&text, offset), None, "{marked:?}");
        }
    }

    #[test]
    fn crlf_lines_and_utf16_columns() {
        let text = "name: \u{1F600} Ingénieur\r\ncompetencies:\r\n  - id: delivery\r\n";
        let index = LineIndex::new(text);
        // Line 2, column 10 is inside `delivery`.
        let offset = index.offset(text, Position::new(2, 10)).expect("an offset");
        let cursor = Cursor::read(text, offset).expect("a cursor").0;
        assert_eq!(
            summary(&cursor),
            is("/competencies/0/id", Place::Value, Some("delivery"))
        );
        // Column 12 on line 0 is after the emoji (two UTF-16 units) and `Ing`.
        let offset = index.offset(text, Position::new(0, 12)).expect("an offset");
        assert_eq!(&text[offset..offset + 3], "én");
        let cursor = Cursor::read(text, offset).expect("a cursor").0;
        assert_eq!(summary(&cursor).0, "/name");
        let cursor = at("competencies:\r\n  - id: a\r\n  - |\r\n");
        assert_eq!(summary(&cursor), is("/competencies/1", Place::Value, None));
    }

    #[test]
    fn occurrences_are_every_id_defined_or_named() {
        let text = "tracks:\n  - id: ic\n    levels:\n      - id: ic1\n        band: { percent: 80, of: ic2 }\n        expectations: { delivery: 3 }\nzones:\n  - id: london\n    exempt: [ic1, ic]\n";
        let root = yaml::parse(text, &Limits::default()).root.expect("a root");
        let found: Vec<(&str, Role)> = occurrences(&root)
            .iter()
            .map(|o| (&text[o.span.clone()], o.id_use.role))
            .collect();
        assert_eq!(
            found,
            [
                ("ic", Role::Definition),
                ("ic1", Role::Definition),
                ("ic2", Role::Reference),
                ("delivery", Role::Reference),
                ("london", Role::Definition),
                ("ic1", Role::Reference),
                ("ic", Role::Reference),
            ]
        );
    }

    /// Every offset of odd texts, and the end of each cut short, gives a cursor or
    /// none, never a panic.
    #[test]
    fn every_offset_of_odd_texts() {
        let texts = [
            "\u{feff}a: { b: [1, 2], c: 'd' }\r\nname: \u{1F600}\r\n",
            "tracks:\n- id: ic\n  levels:\n  - { id: ic1, band: { percent: 80, of: ic2 } }\n",
            "competencies:\n  - id: é\n    tracks: [ic,\n",
            "x: |\n  block\n  text\ny: \"quoted: ]\"\n- not: valid\n",
        ];
        let cursor_at = |text: &str, offset: usize| {
            if let Some((cursor, _)) = Cursor::read(text, offset) {
                let _ = cursor.id_use();
            }
        };
        for text in texts {
            // Anywhere in the whole text, and at the end of it typed so far.
            for offset in 0..=text.len() + 1 {
                cursor_at(text, offset);
            }
            for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
                cursor_at(&text[..end], end);
            }
        }
    }
}
