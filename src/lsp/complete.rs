//! Completion: competency ids as an expectation's (or a rating's) key,
//! leaving out those already there; proficiency values as its value (the
//! scale's names for a named scale); level, track and zone ids wherever the
//! format names one; the grade scale's labels as a grade. Half-typed text is read as the cursor module reads it;
//! without a ladder, the ids come from what the text defines.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionResponse, CompletionTextEdit, Position, TextEdit,
};

use crate::Pointer;
use crate::limits::Limits;
use crate::model::Ladder;
use crate::query::IdKind;
use crate::yaml::{self, Node, Value};

use super::analysis::{Analysis, loader_text};
use super::cursor::{Cursor, Place, Role, id_use, occurrences, scalar_at};

/// A competency as the text defines it, for when no ladder could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextCompetency {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) description: Option<String>,
}

impl TextCompetency {
    /// Every entry of `competencies:` in `root` that has an `id`.
    pub(crate) fn all(root: &Node<'_>) -> Vec<Self> {
        let competencies = Pointer::root().key("competencies");
        let Some(count) = sequence_len(root, &competencies) else {
            return Vec::new();
        };
        (0..count)
            .filter_map(|i| {
                let at = competencies.index(i);
                let field = |key: &str| scalar_at(root, &at.key(key));
                Some(Self {
                    id: field("id")?,
                    name: field("name"),
                    kind: field("kind"),
                    description: field("description"),
                })
            })
            .collect()
    }

    /// What the text says of it, in Markdown.
    pub(crate) fn markdown(&self) -> String {
        let mut out = format!(
            "**{}** (`{}`)",
            self.name.as_deref().unwrap_or(&self.id),
            self.id
        );
        if let Some(kind) = &self.kind {
            out.push_str(" · ");
            out.push_str(kind);
        }
        if let Some(description) = &self.description {
            out.push_str("\n\n");
            out.push_str(description);
        }
        out
    }
}

fn sequence_len(root: &Node<'_>, pointer: &Pointer) -> Option<usize> {
    let mut node = root;
    for token in pointer.tokens() {
        let Value::Mapping(entries) = &node.value else {
            return None;
        };
        node = &entries.iter().find(|e| e.key == token)?.value;
    }
    match &node.value {
        Value::Sequence(items) => Some(items.len()),
        _ => None,
    }
}

/// What the text at hand defines, read as the cursor was: its competencies,
/// and the ids of each kind with their definitions.
struct TextIds {
    competencies: Vec<TextCompetency>,
    defined: Vec<(IdKind, String)>,
    /// The id of the track the cursor is in, when it is in one.
    track: Option<String>,
}

impl TextIds {
    fn read(reading: &str, tokens: &[String]) -> Self {
        let Some(root) = yaml::parse(reading, &Limits::default()).root else {
            return Self {
                competencies: Vec::new(),
                defined: Vec::new(),
                track: None,
            };
        };
        let track = match tokens {
            [first, t, ..] if first == "tracks" => {
                scalar_at(&root, &Pointer::root().key("tracks").key(t).key("id"))
            }
            _ => None,
        };
        let defined = occurrences(&root)
            .into_iter()
            .filter(|o| o.id_use.role == Role::Definition)
            .filter_map(|o| Some((*o.id_use.kinds.first()?, o.id)))
            .collect();
        Self {
            competencies: TextCompetency::all(&root),
            defined,
            track,
        }
    }
}

/// The completions at `position` of `document`; `ladder` is the analysis
/// whose ladder answers, as for hovers.
pub(crate) fn completion(
    document: &Analysis,
    position: Position,
    ladder: Option<&Analysis>,
) -> Option<CompletionResponse> {
    let text = loader_text(document.text());
    let offset = document.offset(position)?;
    let (cursor, reading) = Cursor::read(text, offset)?;
    let model = ladder.and_then(Analysis::ladder);
    let tokens = cursor.tokens();
    let ids = TextIds::read(&reading, &tokens);
    let t: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let candidates: Vec<(String, Option<String>, CompletionItemKind)> =
        match (t.as_slice(), cursor.place) {
            (["tracks", _, "levels", _, "expectations", _] | ["ratings", _], Place::Key) => {
                competencies(model, &ids)
                    .into_iter()
                    .filter(|(id, _)| !cursor.siblings.contains(id))
                    // A competency scoped to other tracks is not offered.
                    .filter(|(id, _)| match (model, &ids.track) {
                        (Some(ladder), Some(track)) => ladder.applies(id, track),
                        _ => true,
                    })
                    .map(|(id, name)| (id, name, CompletionItemKind::FIELD))
                    .collect()
            }
            (
                ["tracks", _, "levels", _, "expectations", _]
                | ["tracks", _, "levels", _, "expectations", _, "proficiency"]
                | ["ratings", _],
                Place::Value,
            ) => proficiencies(model?),
            (
                ["tracks", _, "levels", _, "grade"] | ["policy", "parity", "from_grade"],
                Place::Value,
            ) => model?
                .grades()?
                .iter()
                .map(|g| (g.to_string(), None, CompletionItemKind::ENUM_MEMBER))
                .collect(),
            (_, place) => {
                let kinds = id_use(&tokens, place)
                    .filter(|u| u.role == Role::Reference)
                    .map(|u| u.kinds)?;
                kinds
                    .iter()
                    .flat_map(|kind| identifiers(*kind, model, &ids))
                    .collect()
            }
        };
    let range = document.range(
        cursor
            .scalar
            .as_ref()
            .map_or(offset..offset, |s| s.span.clone()),
    );
    let items = candidates
        .into_iter()
        .map(|(label, detail, kind)| CompletionItem {
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                label.clone(),
            ))),
            label,
            detail,
            kind: Some(kind),
            ..CompletionItem::default()
        })
        .collect();
    Some(CompletionResponse::Array(items))
}

/// Every competency's id and name: the ladder's, or the text's.
fn competencies(ladder: Option<&Ladder>, ids: &TextIds) -> Vec<(String, Option<String>)> {
    match ladder {
        Some(ladder) => ladder
            .competencies()
            .iter()
            .map(|c| (c.id().to_string(), Some(c.name().to_owned())))
            .collect(),
        None => ids
            .competencies
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
    }
}

/// The values of the ladder's proficiency scale: its step names when the
/// steps are named, its numbers otherwise.
fn proficiencies(ladder: &Ladder) -> Vec<(String, Option<String>, CompletionItemKind)> {
    let scale = ladder.proficiency_scale();
    if scale.is_named() {
        return scale
            .steps()
            .iter()
            .map(|step| {
                let detail = match step.description() {
                    Some(description) => format!("{}: {description}", step.proficiency()),
                    None => step.proficiency().to_string(),
                };
                (
                    step.name().to_owned(),
                    Some(detail),
                    CompletionItemKind::ENUM_MEMBER,
                )
            })
            .collect();
    }
    (scale.start().get()..=scale.end().get())
        .map(|n| (n.to_string(), None, CompletionItemKind::VALUE))
        .collect()
}

/// The ids of one kind, with what names them: the ladder's, or those the
/// text defines.
fn identifiers(
    kind: IdKind,
    ladder: Option<&Ladder>,
    ids: &TextIds,
) -> Vec<(String, Option<String>, CompletionItemKind)> {
    let Some(ladder) = ladder else {
        return ids
            .defined
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| (id.clone(), None, CompletionItemKind::REFERENCE))
            .collect();
    };
    let named = |id: &dyn ToString, name: &str| {
        (
            id.to_string(),
            Some(name.to_owned()),
            CompletionItemKind::REFERENCE,
        )
    };
    match kind {
        IdKind::Level => ladder
            .tracks()
            .iter()
            .flat_map(|t| t.levels())
            .map(|l| named(l.id(), l.title()))
            .collect(),
        IdKind::Track => ladder
            .tracks()
            .iter()
            .map(|t| named(t.id(), t.name()))
            .collect(),
        IdKind::Competency => ladder
            .competencies()
            .iter()
            .map(|c| named(c.id(), c.name()))
            .collect(),
        IdKind::Zone => ladder
            .zones()
            .iter()
            .map(|z| named(z.id(), z.name()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loader;

    /// The labels offered at the `|` of `marked`, answered from `ladder`.
    fn offered(marked: &str, ladder: Option<&Analysis>) -> Vec<String> {
        let offset = marked.find('|').expect("a | in the text");
        let text = marked.replacen('|', "", 1);
        let document = Analysis::ladder_file(text.clone(), &Loader::new());
        let position = document.line_index().position(&text, offset);
        match completion(&document, position, ladder) {
            Some(CompletionResponse::Array(items)) => items.into_iter().map(|i| i.label).collect(),
            _ => Vec::new(),
        }
    }

    fn read(path: &str) -> String {
        std::fs::read_to_string(path).expect("the file is there")
    }

    #[test]
    fn without_a_ladder_the_texts_competencies_and_ids() {
        let text = read("tests/fixtures/rules/parity-gap.yaml");
        let half = text.replacen("{ coding: 1, mentoring: 1 }", "{ coding: 1, | }", 1);
        assert_eq!(offered(&half, None), ["mentoring", "people-development"]);
        let band = "band: { min: 100000, mid: 115000, max: 130000 }";
        let half = text.replacen(band, "band: { percent: 80, of: |", 1);
        assert_eq!(offered(&half, None), ["ic1", "ic2", "ic3", "em1", "em2"]);
    }

    #[test]
    fn grade_labels_track_ids_and_numbers() {
        let civil = read("ladders/examples/civil-service.yaml");
        let ladder = Analysis::ladder_file(civil.clone(), &Loader::new());
        let grade = civil.replacen("grade: HEO", "grade: |", 1);
        let labels = offered(&grade, Some(&ladder));
        assert_eq!(labels.first().map(String::as_str), Some("HEO"));
        assert_eq!(labels.len(), 8);
        let engineering = read("ladders/engineering.yaml");
        let ladder = Analysis::ladder_file(engineering.clone(), &Loader::new());
        let value = engineering.replacen("technical-depth: 1", "technical-depth: |", 1);
        assert_eq!(offered(&value, Some(&ladder)), ["1", "2", "3", "4", "5"]);
        let tracks = engineering.replacen("kind: people\n", "kind: people\n    tracks: [|]\n", 1);
        assert_eq!(offered(&tracks, Some(&ladder)), ["ic", "management"]);
    }
}
