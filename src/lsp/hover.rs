//! Hovers, in Markdown: on a level (its id, title or band, or an id that
//! names it), its grade, band in every zone, place in its track and
//! counterparts with the parity verdict; on an expectation's key, the
//! competency and the expectations of the levels around; on a competency's
//! definition, where it is used; on a track or a zone, what it is.

use std::fmt::Write;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::choice::TrackKind;
use crate::limits::Limits;
use crate::model::{Competency, Ladder, Level};
use crate::query::IdKind;
use crate::yaml::{self, Node};
use crate::{Pointer, Track};

use super::analysis::{Analysis, loader_text};
use super::complete::TextCompetency;
use super::cursor::{Cursor, Role, occurrences, scalar_at};

/// The findings that judge a level's pay against its counterparts'.
const PARITY_CODES: &[&str] = &["parity-gap", "management-premium"];

/// The hover at `position` of `document`; `ladder` is the analysis whose
/// ladder answers (the document's own, its last good one, or the ladder a
/// ratings file names). `None` where there is nothing to say.
pub(crate) fn hover(
    document: &Analysis,
    position: Position,
    ladder: Option<&Analysis>,
) -> Option<Hover> {
    let text = loader_text(document.text());
    let offset = document.offset(position)?;
    let (cursor, reading) = Cursor::read(text, offset)?;
    let root = yaml::parse(&reading, &Limits::default()).root;
    let model = ladder.and_then(Analysis::ladder);
    let tokens = cursor.tokens();
    let markdown = match cursor.id_use() {
        Some((id_use, scalar)) => {
            let kind = id_use
                .kinds
                .iter()
                .copied()
                .find(|kind| model.is_none_or(|l| exists(l, *kind, &scalar.text)))?;
            match (kind, model) {
                (IdKind::Level, Some(model)) => level(model, model.level(&scalar.text)?, ladder?),
                (IdKind::Competency, _) => {
                    let here = level_at(&tokens, root.as_ref(), model);
                    match id_use.role {
                        Role::Reference => expectation(model, root.as_ref(), &scalar.text, here)?,
                        Role::Definition => competency_uses(model, root.as_ref(), &scalar.text)?,
                    }
                }
                (IdKind::Track, Some(model)) => track(model.track(&scalar.text)?),
                (IdKind::Zone, Some(model)) => {
                    let zone = model.zone(&scalar.text)?;
                    format!(
                        "**{}** (`{}`): pay zone, factor {}, paid in {}",
                        zone.name(),
                        zone.id(),
                        zone.factor(),
                        zone.currency()
                    )
                }
                _ => return None,
            }
        }
        None => {
            let part = tokens.get(4).map(String::as_str);
            if !matches!(part, Some("id" | "title" | "band")) {
                return None;
            }
            let model = model?;
            let at = level_at(&tokens, root.as_ref(), Some(model))?;
            level(model, at, ladder?)
        }
    };
    let range = cursor
        .scalar
        .as_ref()
        .map(|s| document.range(s.span.clone()));
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range,
    })
}

fn exists(ladder: &Ladder, kind: IdKind, id: &str) -> bool {
    match kind {
        IdKind::Level => ladder.level(id).is_some(),
        IdKind::Track => ladder.track(id).is_some(),
        IdKind::Competency => ladder.competency(id).is_some(),
        IdKind::Zone => ladder.zone(id).is_some(),
    }
}

/// The level whose mapping `tokens` lie in (`/tracks/T/levels/L/...`), read
/// by the id the text gives it.
fn level_at<'l>(
    tokens: &[String],
    root: Option<&Node<'_>>,
    ladder: Option<&'l Ladder>,
) -> Option<&'l Level> {
    let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let ["tracks", t, "levels", l, ..] = tokens.as_slice() else {
        return None;
    };
    let pointer = Pointer::root()
        .key("tracks")
        .key(t)
        .key("levels")
        .key(l)
        .key("id");
    ladder?.level(scalar_at(root?, &pointer)?)
}

/// A level: grade, band in every zone, place in its track, counterparts and
/// the parity verdict for each, from `analysis`'s findings.
fn level(ladder: &Ladder, level: &Level, analysis: &Analysis) -> String {
    let id = level.id().as_str();
    let mut out = format!("**{}** (`{id}`) · grade {}", level.title(), level.grade());
    if level.is_executive() {
        out.push_str(" · executive, outside parity");
    }
    if let Some(track) = ladder.track_of(id) {
        let levels = track.levels();
        let n = levels
            .iter()
            .position(|l| l.id() == level.id())
            .unwrap_or(0)
            + 1;
        let _ = write!(
            out,
            "\n\n{} (`{}`), level {n} of {}",
            track.name(),
            track.id(),
            levels.len()
        );
    }
    let below = ladder.previous_step(id).map(|(_, l)| l);
    let above: Vec<&Level> = ladder.next_steps(id).map(|(_, l)| l).collect();
    let name = |l: &Level| format!("`{}` {}", l.id(), l.title());
    let _ = write!(
        out,
        " · below: {} · above: {}",
        below.map_or_else(|| "none".to_owned(), name),
        if above.is_empty() {
            "none".to_owned()
        } else {
            above.iter().map(|l| name(l)).collect::<Vec<_>>().join(", ")
        }
    );
    match level.band() {
        Some(band) => {
            let _ = write!(out, "\n\n**Band**: {band}");
            for zone in ladder.zones() {
                if let Some(band) = level.band_in(Some(zone)) {
                    let _ = write!(out, "\n- {} (`{}`): {band}", zone.name(), zone.id());
                }
            }
        }
        None => out.push_str("\n\n**Band**: none published"),
    }
    let counterparts: Vec<(&Track, &Level)> = ladder.counterparts(id).collect();
    if !counterparts.is_empty() {
        let defined = level_pointers(analysis);
        out.push_str("\n\n**Counterparts**");
        for (track, other) in counterparts {
            let band = other
                .band()
                .map_or_else(|| "no band".to_owned(), ToString::to_string);
            let _ = write!(
                out,
                "\n- `{}` {} ({}): {band}",
                other.id(),
                other.title(),
                track.name()
            );
            if let Some(verdict) = parity(ladder, analysis, &defined, [level, other]) {
                let _ = write!(out, "\n  - {verdict}");
            }
        }
    }
    out
}

/// The parity verdict between a level and its counterpart when one is on an
/// IC track and the other on a management track: the ladder's own findings
/// (`parity-gap`, `management-premium`) about the pair, or that it meets the
/// policy, or why it is not compared. `defined` is where each level is in
/// the text `analysis` read.
fn parity(
    ladder: &Ladder,
    analysis: &Analysis,
    defined: &[(String, Pointer)],
    [one, other]: [&Level; 2],
) -> Option<String> {
    let kind = |l: &Level| ladder.track_of(l.id().as_str()).map(Track::kind);
    let kinds = [kind(one)?, kind(other)?];
    if !(kinds.contains(&TrackKind::IndividualContributor)
        && kinds.contains(&TrackKind::Management))
    {
        return None;
    }
    let policy = ladder.policy();
    let rule = format!(
        "parity (`{}` from grade {})",
        policy.parity_mode(),
        policy.parity_from_grade()
    );
    let pointer = |level: &Level| {
        defined
            .iter()
            .find(|(id, _)| id == level.id().as_str())
            .map(|(_, pointer)| pointer)
    };
    let pointers = [pointer(one), pointer(other)];
    let findings: Vec<String> = analysis
        .report()
        .findings()
        .iter()
        .filter(|f| PARITY_CODES.contains(&f.code()))
        .filter(|f| {
            let paths: Vec<&Pointer> = std::iter::once(f.path())
                .chain(f.related().iter().map(|r| r.path()))
                .collect();
            pointers
                .iter()
                .flatten()
                .all(|p| paths.iter().any(|path| path.starts_with(p)))
        })
        .map(|f| format!("`{}`: {}", f.code(), f.message()))
        .collect();
    let from = policy.parity_from_grade();
    Some(match findings.as_slice() {
        [] if one.is_executive() || other.is_executive() => {
            format!("{rule}: not compared, an executive level")
        }
        [] if one.grade() < from => format!("{rule}: not compared below grade {from}"),
        [] if one.band().is_none() || other.band().is_none() => {
            format!("{rule}: not compared, a band is missing")
        }
        [] => format!("{rule}: met"),
        [first] => format!("{rule}: {first}"),
        [first, rest @ ..] => format!("{rule}: {first} (and {} more)", rest.len()),
    })
}

/// Every level's id and the pointer of its mapping in the text `analysis`
/// read.
fn level_pointers(analysis: &Analysis) -> Vec<(String, Pointer)> {
    let Some(root) = yaml::parse(analysis.loader_text(), &Limits::default()).root else {
        return Vec::new();
    };
    occurrences(&root)
        .into_iter()
        .filter(|o| o.id_use.role == Role::Definition && o.id_use.kinds == [IdKind::Level])
        .map(|o| (o.id, o.pointer.parent()))
        .collect()
}

/// A competency named by an expectation's key: what it is, and what the
/// levels below and above `here` expect of it. Without a ladder, what the
/// text says of it.
fn expectation(
    ladder: Option<&Ladder>,
    root: Option<&Node<'_>>,
    id: &str,
    here: Option<&Level>,
) -> Option<String> {
    let Some(ladder) = ladder else {
        return TextCompetency::all(root?)
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.markdown());
    };
    let competency = ladder.competency(id)?;
    let mut out = about(competency);
    let Some(here) = here else {
        return Some(out);
    };
    let scale = ladder.proficiency_scale();
    let expected = |level: &Level| {
        level.expectation(id).map_or_else(
            || "not expected".to_owned(),
            |e| scale.label(e.proficiency()),
        )
    };
    let below = ladder.previous_step(here.id().as_str()).map(|(_, l)| l);
    let above: Vec<&Level> = ladder
        .next_steps(here.id().as_str())
        .map(|(_, l)| l)
        .collect();
    out.push_str("\n\n");
    if let Some(track) = ladder.track_of(here.id().as_str()) {
        let _ = write!(out, "{}: ", track.name());
    }
    let mut steps: Vec<String> = below
        .map(|l| format!("`{}` {}", l.id(), expected(l)))
        .into_iter()
        .collect();
    steps.push(format!("**`{}` {}**", here.id(), expected(here)));
    steps.extend(
        above
            .iter()
            .map(|l| format!("`{}` {}", l.id(), expected(l))),
    );
    out.push_str(&steps.join(" → "));
    Some(out)
}

/// A competency: its name, kind and description.
fn about(competency: &Competency) -> String {
    let mut out = format!(
        "**{}** (`{}`) · {}",
        competency.name(),
        competency.id(),
        competency.kind()
    );
    if let Some(description) = competency.description() {
        let _ = write!(out, "\n\n{description}");
    }
    out
}

/// A competency's definition: what it is and how many levels of which
/// tracks expect it.
fn competency_uses(ladder: Option<&Ladder>, root: Option<&Node<'_>>, id: &str) -> Option<String> {
    let Some(ladder) = ladder else {
        return expectation(None, root, id, None);
    };
    let mut out = about(ladder.competency(id)?);
    let per_track: Vec<(&Track, usize)> = ladder
        .tracks()
        .iter()
        .map(|t| {
            (
                t,
                t.levels()
                    .iter()
                    .filter(|l| l.expectation(id).is_some())
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let levels: usize = per_track.iter().map(|(_, n)| n).sum();
    if levels == 0 {
        out.push_str("\n\nExpected at no level.");
    } else {
        let tracks: Vec<String> = per_track
            .iter()
            .map(|(t, n)| format!("{} ({n})", t.name()))
            .collect();
        let _ = write!(
            out,
            "\n\nExpected at {levels} level{} on {} track{}: {}",
            if levels == 1 { "" } else { "s" },
            per_track.len(),
            if per_track.len() == 1 { "" } else { "s" },
            tracks.join(", ")
        );
    }
    Some(out)
}

/// A track: its name, kind and levels.
fn track(track: &Track) -> String {
    let levels = track.levels();
    let mut out = format!(
        "**{}** (`{}`) · {} · {} level{}",
        track.name(),
        track.id(),
        track.kind(),
        levels.len(),
        if levels.len() == 1 { "" } else { "s" }
    );
    if let (Some(first), Some(last)) = (levels.first(), levels.last()) {
        let _ = write!(out, ", grades {} to {}", first.grade(), last.grade());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loader;

    fn read(path: &str) -> String {
        std::fs::read_to_string(path).expect("the fixture is there")
    }

    /// The hover on the `nth` match of `needle`, `into` bytes in, answered
    /// from `ladder` (the document itself when `None`).
    fn shown(text: &str, needle: &str, into: usize, ladder: Option<&Analysis>) -> Option<String> {
        let document = Analysis::ladder_file(text.to_owned(), &Loader::new());
        let offset = text.find(needle).expect("the needle") + into;
        let position = document.line_index().position(text, offset);
        let ladder = ladder.or(document.ladder().map(|_| &document));
        let hover = super::hover(&document, position, ladder)?;
        match hover.contents {
            HoverContents::Markup(markup) => Some(markup.value),
            _ => None,
        }
    }

    #[test]
    fn a_level_with_a_parity_gap_shows_the_finding() {
        let text = read("tests/fixtures/rules/parity-gap.yaml");
        let staff = shown(&text, "id: ic3", 5, None).expect("a hover");
        assert!(
            staff.contains(
                "- `em2` Senior Engineering Manager (Management): min 145000 USD, mid 168000 USD, max 191000 USD\n  - parity (`equal` from grade 2): `parity-gap`: "
            ),
            "{staff}"
        );
        // Below the grade parity starts from, the pair is not compared.
        let text = read("tests/fixtures/rules/management-premium.yaml");
        let manager = shown(&text, "id: em1", 5, None).expect("a hover");
        assert!(manager.contains("`management-premium`"), "{manager}");
        let engineer = shown(&text, "id: ic1", 5, None).expect("a hover");
        assert!(!engineer.contains("**Counterparts**"), "{engineer}");
    }

    #[test]
    fn without_a_ladder_an_expectation_shows_what_the_text_says() {
        let text = read("tests/fixtures/rules/parity-gap.yaml").replace("grade: 1\n", "grade\n");
        let hover = shown(&text, "{ coding: 1", 3, None).expect("a hover");
        assert_eq!(hover, "**Coding** (`coding`) · craft");
        assert_eq!(
            shown(&text, "id: ic1", 5, None),
            None,
            "no ladder, no level hover"
        );
    }

    #[test]
    fn a_byte_order_mark_moves_nothing() {
        let text = format!("\u{feff}{}", read("ladders/engineering.yaml"));
        let document = Analysis::ladder_file(text.clone(), &Loader::new());
        let id = text.find("id: ic8").expect("ic8") + 4;
        let position = document.line_index().position(&text, id + 1);
        let hover = super::hover(&document, position, Some(&document)).expect("a hover");
        let range = document.line_index().range(&text, id..id + 3);
        assert_eq!(hover.range, Some(range));
    }

    #[test]
    fn a_text_over_the_size_limit_has_no_hover() {
        let small = "competencies:\n  - { id: coding, name: Coding }\ntracks:\n  - levels:\n      - expectations: { coding: 1 }\n";
        let hover = shown(small, "coding: 1", 1, None);
        assert_eq!(hover.as_deref(), Some("**Coding** (`coding`)"));
        let line = "# padding\n";
        let big = format!("{small}{}", line.repeat(4 * 1024 * 1024 / line.len() + 1));
        assert_eq!(shown(&big, "coding: 1", 1, None), None);
    }

    #[test]
    fn tracks_and_zones_say_what_they_are() {
        let text = read("ladders/engineering.yaml");
        let track = shown(&text, "id: management", 5, None);
        assert_eq!(
            track.as_deref(),
            Some("**Management** (`management`) · management · 5 levels, grades 4 to 8")
        );
        let zone = shown(&text, "id: london", 5, None);
        assert_eq!(
            zone.as_deref(),
            Some("**London** (`london`): pay zone, factor 0.8, paid in GBP")
        );
    }
}
