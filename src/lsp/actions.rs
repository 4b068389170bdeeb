//! Quick fixes: one edit that clears one finding, offered only where the
//! fix is certain. Each is tried first: the edited text is analysed again,
//! and the fix is offered only when the finding is gone and nothing new is
//! found.

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use lsp_types::{CodeAction, CodeActionKind, TextEdit, Uri, WorkspaceEdit};

use crate::Pointer;
use crate::choice::{CompetencyKind, ParityMode};
use crate::finding::Finding;
use crate::limits::Limits;
use crate::load::Loader;
use crate::model::{Ladder, Proficiency, ProficiencyScale};
use crate::yaml::{self, Node, PlainKind, Value, plain_kind};

use super::analysis::Analysis;

/// The most fixes one request tries: each is tried by analysing the
/// document again.
const MAX_TRIED: usize = 16;

/// How long one request spends trying fixes before it answers with those
/// it has: the message loop waits meanwhile (a reference ladder is analysed
/// in a few milliseconds, the largest admitted file in a few hundred).
const TRYING: Duration = Duration::from_millis(300);

/// An edit of the text the loader read (after any byte order mark).
struct Fix {
    title: String,
    span: Range<usize>,
    text: String,
}

impl Analysis {
    /// The quick fixes for the findings whose range meets `range`, each
    /// tried against `loader` first:
    ///
    /// - `parity-gap` under parity mode `equal`: the IC band set to the
    ///   management band it was compared with;
    /// - `missing-expectation`: the missing competencies added with their
    ///   values at the level below;
    /// - a finding whose help is "did you mean `x`?": its word replaced by
    ///   `x`;
    /// - a plain value that a `,` split inside `{ }`: the value quoted.
    ///
    /// ```
    /// use dualtrack::Loader;
    /// use dualtrack::lsp::Analysis;
    /// use lsp_types::{Position, Range};
    ///
    /// let text = "schema_version: 1\nid: eng\nnme: Engineering\n";
    /// let analysis = Analysis::ladder_file(text.to_owned(), &Loader::new());
    /// let uri = "file:///eng.yaml".parse()?;
    /// let line = Range::new(Position::new(2, 0), Position::new(2, 3));
    /// let fixes = analysis.quick_fixes(&uri, line, &Loader::new());
    /// assert_eq!(fixes[0].title, "change `nme` to `name`");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quick_fixes(
        &self,
        uri: &Uri,
        range: lsp_types::Range,
        loader: &Loader,
    ) -> Vec<CodeAction> {
        let source = self.loader_text();
        let Some(root) = yaml::parse(source, &Limits::default()).root else {
            return Vec::new();
        };
        let meets = |finding: &&Finding| {
            finding.span().is_some_and(|span| {
                let at = self.range(span);
                at.start <= range.end && range.start <= at.end
            })
        };
        let deadline = Instant::now() + TRYING;
        self.report()
            .findings()
            .iter()
            .filter(meets)
            .filter_map(|finding| Some((finding, self.fix(&root, finding)?)))
            .take(MAX_TRIED)
            .take_while(|_| Instant::now() < deadline)
            .filter_map(|(finding, fix)| {
                let edited = self.edited(&fix)?;
                self.clears(finding, edited, loader)
                    .then(|| self.code_action(uri, finding, fix))
            })
            .collect()
    }

    fn fix(&self, root: &Node<'_>, finding: &Finding) -> Option<Fix> {
        let source = self.loader_text();
        let by_code = match (finding.code(), self.ladder()) {
            ("parity-gap", Some(ladder)) => parity_gap(ladder, root, source, finding),
            ("missing-expectation", Some(ladder)) => {
                missing_expectation(ladder, root, source, finding)
            }
            _ => None,
        };
        by_code
            .or_else(|| comma_split(root, source, finding))
            .or_else(|| did_you_mean(source, finding))
    }

    /// The whole text with `fix` applied.
    fn edited(&self, fix: &Fix) -> Option<String> {
        let bom = self.bom();
        let mut text = self.text().to_owned();
        let span = fix.span.start + bom..fix.span.end + bom;
        text.get(span.clone())?;
        text.replace_range(span, &fix.text);
        Some(text)
    }

    /// Whether the document with the fix applied no longer has `finding`,
    /// and has no finding it did not have before.
    fn clears(&self, finding: &Finding, edited: String, loader: &Loader) -> bool {
        let after = self.reanalysed(edited, loader);
        let mut count: HashMap<(&str, &str), isize> = HashMap::new();
        for before in self.report().findings() {
            *count.entry((before.code(), before.message())).or_default() += 1;
        }
        *count
            .entry((finding.code(), finding.message()))
            .or_default() -= 1;
        for found in after.report().findings() {
            *count.entry((found.code(), found.message())).or_default() -= 1;
        }
        count.values().all(|&left| left >= 0)
    }

    fn code_action(&self, uri: &Uri, finding: &Finding, fix: Fix) -> CodeAction {
        let edit = TextEdit {
            range: self.range(fix.span),
            new_text: fix.text,
        };
        CodeAction {
            title: fix.title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![self.diagnostic(uri, finding)]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(true),
            ..CodeAction::default()
        }
    }
}

/// `parity-gap` under `equal`: the IC band becomes the management band it
/// was compared with, written in the IC band's style.
fn parity_gap(ladder: &Ladder, root: &Node<'_>, source: &str, finding: &Finding) -> Option<Fix> {
    if ladder.policy().parity_mode() != ParityMode::Equal {
        return None;
    }
    // A finding in a zone compares zone bands: equal base bands may still
    // part there, so it has no certain fix.
    let band = |at: &Pointer| match at.tokens().last()?.as_str() {
        "min" | "mid" | "max" => Some(at.parent()),
        "band" => Some(at.clone()),
        _ => None,
    };
    let ic_at = band(finding.path())?;
    let [compared] = finding.related() else {
        return None;
    };
    let management_at = band(compared.path())?;
    let ic = node_at(root, &ic_at)?;
    let management = node_at(root, &management_at)?;
    let level_id = |band_at: &Pointer| scalar_at(node_at(root, &band_at.parent())?, "id");
    Some(Fix {
        title: format!(
            "give `{}` the band of `{}`",
            level_id(&ic_at)?,
            level_id(&management_at)?
        ),
        span: ic.span.bytes(),
        text: band_text(source, ic, management)?,
    })
}

/// The management band's text where the IC band is: as written, re-indented
/// between block mappings, and as `{ min: .., mid: .., max: .. }` where a
/// block mapping would go in a flow.
fn band_text(source: &str, ic: &Node<'_>, management: &Node<'_>) -> Option<String> {
    let written = source.get(management.span.bytes())?;
    let is_block = |node: &Node<'_>| {
        matches!(node.value, Value::Mapping(_))
            && !source
                .get(node.span.bytes())
                .is_some_and(|text| text.starts_with('{'))
    };
    match &management.value {
        Value::Mapping(_) if is_block(management) && is_block(ic) => {
            let from = " ".repeat(management.span.location().column.saturating_sub(1));
            let to = " ".repeat(ic.span.location().column.saturating_sub(1));
            let lines: Vec<String> = written
                .split('\n')
                .enumerate()
                .map(|(i, line)| match line.strip_prefix(from.as_str()) {
                    Some(rest) if i > 0 => format!("{to}{rest}"),
                    _ => line.to_owned(),
                })
                .collect();
            Some(lines.join("\n"))
        }
        Value::Mapping(entries) if is_block(management) => {
            let pairs = entries
                .iter()
                .map(|entry| match entry.value.value {
                    Value::Scalar { .. } => Some(format!(
                        "{}: {}",
                        source.get(entry.key_span.bytes())?,
                        source.get(entry.value.span.bytes())?
                    )),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?;
            Some(format!("{{ {} }}", pairs.join(", ")))
        }
        _ => Some(written.to_owned()),
    }
}

/// `missing-expectation`: the competencies the level is silent on, with
/// their values at the level below, added to its `expectations` (or as its
/// `expectations`, when it has none).
fn missing_expectation(
    ladder: &Ladder,
    root: &Node<'_>,
    source: &str,
    finding: &Finding,
) -> Option<Fix> {
    let at = finding.path();
    let level_at = match at.tokens().last()?.as_str() {
        "expectations" => at.parent(),
        _ => at.clone(),
    };
    let level_node = node_at(root, &level_at)?;
    let id = scalar_at(level_node, "id")?;
    let level = ladder.level(&id)?;
    let track = ladder
        .tracks()
        .iter()
        .find(|track| track.levels().iter().any(|l| l.id() == level.id()))?;
    let (_, below) = ladder.previous_step(&id)?;
    let is_people = |competency: &str| {
        ladder
            .competency(competency)
            .is_some_and(|c| c.kind() == CompetencyKind::People)
    };
    let assesses_people = level
        .expectations()
        .iter()
        .any(|e| is_people(e.competency().as_str()));
    let added: Vec<(String, String)> = below
        .expectations()
        .iter()
        .map(|e| (e.competency().as_str(), e.proficiency()))
        .filter(|&(competency, _)| {
            level.expectation(competency).is_none()
                && ladder.applies(competency, track.id().as_str())
                && (assesses_people || !is_people(competency))
        })
        .map(|(competency, proficiency)| {
            let value = proficiency_text(ladder.proficiency_scale(), proficiency);
            (competency.to_owned(), value)
        })
        .collect();
    if added.is_empty() {
        return None;
    }
    let (span, text) = match entry_at(level_node, "expectations") {
        Some(expectations) => insert_entries(source, expectations, &added)?,
        None => {
            let pairs: Vec<String> = added.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            let value = format!("{{ {} }}", pairs.join(", "));
            insert_entries(source, level_node, &[("expectations".to_owned(), value)])?
        }
    };
    let names: Vec<String> = added.iter().map(|(k, v)| format!("`{k}: {v}`")).collect();
    Some(Fix {
        title: format!("add {} as at `{}`", names.join(", "), below.id()),
        span,
        text,
    })
}

/// A proficiency as the file writes it: the step's name on a named scale.
fn proficiency_text(scale: &ProficiencyScale, proficiency: Proficiency) -> String {
    match scale.name(proficiency).filter(|_| scale.is_named()) {
        Some(name) => scalar_text(name),
        None => proficiency.get().to_string(),
    }
}

/// The insertion of `entries` into the mapping `node`, in its style: `, k: v`
/// before the `}` of a flow mapping; a line each, at its keys' indentation,
/// after a block mapping's last entry.
fn insert_entries(
    source: &str,
    node: &Node<'_>,
    entries: &[(String, String)],
) -> Option<(Range<usize>, String)> {
    let Value::Mapping(existing) = &node.value else {
        return None;
    };
    let pairs: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    let span = node.span.bytes();
    if source.get(span.clone())?.starts_with('{') {
        return Some(match existing.last() {
            Some(last) => {
                let at = last.value.span.bytes().end.max(last.key_span.bytes().end);
                (at..at, format!(", {}", pairs.join(", ")))
            }
            None => (
                span.start + 1..span.start + 1,
                format!(" {} ", pairs.join(", ")),
            ),
        });
    }
    let first = existing.first()?;
    let last = existing.last()?;
    let indent = " ".repeat(first.key_span.location().column.saturating_sub(1));
    let end = last.value.span.bytes().end.max(last.key_span.bytes().end);
    let lines: String = pairs.iter().map(|p| format!("{indent}{p}\n")).collect();
    // After the line the last entry ends on, keeping any comment on it.
    Some(match source.get(end..)?.find('\n') {
        _ if source[..end].ends_with('\n') => (end..end, lines),
        Some(newline) => (end + newline + 1..end + newline + 1, lines),
        None => (
            source.len()..source.len(),
            format!("\n{}", lines.trim_end_matches('\n')),
        ),
    })
}

/// A plain value that a `,` split inside `{ }` (`{ name: People (hire,
/// promote) }`, where `promote)` became a key): the whole value quoted.
fn comma_split(root: &Node<'_>, source: &str, finding: &Finding) -> Option<Fix> {
    if finding.code() != "unknown-key"
        || !finding
            .help()?
            .starts_with("a `,` ends an unquoted value inside `{ }`")
    {
        return None;
    }
    let key = finding.path().tokens().last()?;
    let Value::Mapping(entries) = &node_at(root, &finding.path().parent())?.value else {
        return None;
    };
    let bare = entries.iter().position(|e| e.bare && e.key == key)?;
    let split = entries[..bare].iter().rposition(|e| !e.bare)?;
    let last = entries[split + 1..].iter().take_while(|e| e.bare).last()?;
    let span = entries[split].value.span.bytes().start..last.key_span.bytes().end;
    let value = source.get(span.clone())?;
    Some(Fix {
        title: format!("quote the value of `{}`", entries[split].key),
        text: quoted(value),
        span,
    })
}

/// A finding whose help is "did you mean `x`?": its word replaced by `x`.
fn did_you_mean(source: &str, finding: &Finding) -> Option<Fix> {
    let near = finding
        .help()?
        .strip_prefix("did you mean `")?
        .split_once('`')?
        .0;
    let span = finding.span()?;
    let written = source.get(span.clone())?;
    let is_quoted = written.len() >= 2
        && (written.starts_with('"') && written.ends_with('"')
            || written.starts_with('\'') && written.ends_with('\''));
    let (span, word) = match is_quoted {
        true => (span.start + 1..span.end - 1, &written[1..written.len() - 1]),
        false => (span, written),
    };
    let is_word = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    if !is_word(word) || !is_word(near) {
        return None;
    }
    Some(Fix {
        title: format!("change `{word}` to `{near}`"),
        span,
        text: near.to_owned(),
    })
}

/// The node at `pointer` exactly, if there is one.
fn node_at<'n, 's>(root: &'n Node<'s>, pointer: &Pointer) -> Option<&'n Node<'s>> {
    pointer
        .tokens()
        .try_fold(root, |node, token| match &node.value {
            Value::Mapping(_) => entry_at(node, &token),
            Value::Sequence(items) => items.get(token.parse::<usize>().ok()?),
            Value::Scalar { .. } => None,
        })
}

/// The value at `key` of a mapping.
fn entry_at<'n, 's>(node: &'n Node<'s>, key: &str) -> Option<&'n Node<'s>> {
    match &node.value {
        Value::Mapping(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
        _ => None,
    }
}

/// The scalar at `key` of a mapping.
fn scalar_at(node: &Node<'_>, key: &str) -> Option<String> {
    match &entry_at(node, key)?.value {
        Value::Scalar { text, .. } => Some(text.clone().into_owned()),
        _ => None,
    }
}

/// `text` as a YAML scalar: plain when it reads back as that string, quoted
/// otherwise.
fn scalar_text(text: &str) -> String {
    let is_plain = plain_kind(text) == PlainKind::Str
        && text.trim() == text
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')'));
    match is_plain {
        true => text.to_owned(),
        false => quoted(text),
    }
}

/// `text` in quotes: double, or single when it holds a `"` or a `\`.
fn quoted(text: &str) -> String {
    if text.contains(['"', '\\']) {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_band_goes_into_a_flow_as_a_flow() {
        let source = "ic: { min: 1, mid: 2, max: 3 }\nm:\n  min: 1\n  mid: 2\n  max: 4\n";
        let root = yaml::parse(source, &Limits::default()).root.unwrap();
        let at = |key: &str| node_at(&root, &Pointer::root().key(key)).unwrap();
        assert_eq!(
            band_text(source, at("ic"), at("m")).as_deref(),
            Some("{ min: 1, mid: 2, max: 4 }")
        );
        assert_eq!(
            band_text(source, at("m"), at("ic")).as_deref(),
            Some("{ min: 1, mid: 2, max: 3 }")
        );
    }

    #[test]
    fn values_are_quoted_only_when_plain_would_read_otherwise() {
        assert_eq!(scalar_text("Advanced"), "Advanced");
        assert_eq!(scalar_text("Working knowledge"), "Working knowledge");
        assert_eq!(scalar_text("3"), "\"3\"");
        assert_eq!(scalar_text("null"), "\"null\"");
        assert_eq!(scalar_text("a: b"), "\"a: b\"");
        assert_eq!(quoted(r#"say "hi", it's"#), r#"'say "hi", it''s'"#);
    }
}
