//! Go to definition and find references, within one document: from an
//! expectation's key to its competency's `id:`, from a zone's `exempt`, a
//! band's `of` or a competency's `tracks` to the level or track named, and
//! from any definition to every place that names it.

use std::ops::Range;

use lsp_types::Position;

use crate::limits::Limits;
use crate::query::IdKind;
use crate::yaml;

use super::analysis::{Analysis, loader_text};
use super::cursor::{Cursor, Occurrence, Role, occurrences};

/// The id under the cursor, what kinds it may be, and every occurrence of an
/// id in the document.
fn target(
    document: &Analysis,
    position: Position,
) -> Option<(String, Vec<IdKind>, Vec<Occurrence>)> {
    let text = loader_text(document.text());
    let (cursor, reading) = Cursor::read(text, document.offset(position)?)?;
    let (id_use, scalar) = cursor.id_use()?;
    let root = yaml::parse(&reading, &Limits::default()).root?;
    let all = occurrences(&root);
    let id = scalar.text.clone();
    let defined = |kind: &IdKind| {
        all.iter()
            .any(|o| o.id_use.role == Role::Definition && o.id_use.kinds == [*kind] && o.id == id)
    };
    // `exempt: [ic]` names a level or a track: the one the document defines.
    let mut kinds: Vec<IdKind> = id_use.kinds.iter().copied().filter(defined).collect();
    if kinds.is_empty() {
        kinds = id_use.kinds.to_vec();
    }
    Some((id, kinds, all))
}

/// The ranges of the definition of the id under the cursor, in `document`.
pub(crate) fn definition(document: &Analysis, position: Position) -> Vec<lsp_types::Range> {
    let Some((id, kinds, all)) = target(document, position) else {
        return Vec::new();
    };
    spans(&all, &id, &kinds, Role::Definition)
        .map(|span| document.range(span))
        .collect()
}

/// The ranges in `ladder` of the definition of the id under the cursor of
/// `document`: a ratings file's competency in the ladder it names.
pub(crate) fn defined_in(
    document: &Analysis,
    position: Position,
    ladder: &Analysis,
) -> Vec<lsp_types::Range> {
    let Some((id, kinds, _)) = target(document, position) else {
        return Vec::new();
    };
    let Some(root) = yaml::parse(ladder.loader_text(), &Limits::default()).root else {
        return Vec::new();
    };
    spans(&occurrences(&root), &id, &kinds, Role::Definition)
        .map(|span| ladder.range(span))
        .collect()
}

/// The ranges of every use of the id under the cursor (on its definition or
/// on a use), and of its definition when `declaration` is asked for.
pub(crate) fn references(
    document: &Analysis,
    position: Position,
    declaration: bool,
) -> Vec<lsp_types::Range> {
    let Some((id, kinds, all)) = target(document, position) else {
        return Vec::new();
    };
    let mut found: Vec<Range<usize>> = spans(&all, &id, &kinds, Role::Reference).collect();
    if declaration {
        found.extend(spans(&all, &id, &kinds, Role::Definition));
        found.sort_by_key(|span| span.start);
    }
    found.into_iter().map(|span| document.range(span)).collect()
}

/// The spans of the occurrences of `id` as one of `kinds`, in `role`.
fn spans<'a>(
    all: &'a [Occurrence],
    id: &'a str,
    kinds: &'a [IdKind],
    role: Role,
) -> impl Iterator<Item = Range<usize>> + 'a {
    all.iter()
        .filter(move |o| {
            o.id_use.role == role && o.id == id && o.id_use.kinds.iter().any(|k| kinds.contains(k))
        })
        .map(|o| o.span.clone())
}
