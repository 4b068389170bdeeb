use crate::Grade;
use crate::choice::TrackKind;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::spec::LevelSpec;
use crate::text::{and_list, escape};

declare_rule! {
    /// ### What it does
    /// Checks the shared trunk (a track of kind `trunk`: the levels below
    /// the split, common to both paths): a ladder has at most one, and every
    /// trunk level's grade is below the entry level of each
    /// individual-contributor and management track it leads into.
    ///
    /// ### Why is this bad?
    /// The trunk's levels are where everyone starts; the split is where the
    /// paths diverge. A trunk level at or above a track's entry grade sits on
    /// the shared path and on one track at once, so the split has no grade and
    /// a person at that level has two next steps that are not steps up. Two
    /// trunks leave it unclear which shared path leads into the tracks.
    ///
    /// ### Example
    /// ```yaml
    /// - id: shared
    ///   kind: trunk
    ///   levels: [{ id: senior, grade: 3, ... }]
    /// - id: management
    ///   kind: management
    ///   levels: [{ id: em1, grade: 3, ... }]
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: shared
    ///   kind: trunk
    ///   levels: [{ id: senior, grade: 3, ... }]
    /// - id: management
    ///   kind: management
    ///   levels: [{ id: em1, grade: 4, ... }]
    /// ```
    TRUNK_SPLIT, "trunk-split", Error, Policy, "a second trunk, or a trunk level not below a track it leads into"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let spec = facts.spec;
    let mut trunks = facts.tracks_of(TrackKind::Trunk);
    let Some(trunk) = trunks.next() else {
        return;
    };
    for other in trunks {
        sink.push(
            Finding::new(
                &TRUNK_SPLIT,
                facts.track_pointer(other).key("kind"),
                format!(
                    "track `{}` is a second trunk, after `{}`",
                    escape(&spec.tracks[other].id),
                    escape(&spec.tracks[trunk].id)
                ),
            )
            .with_help("a ladder has one trunk, the levels every path shares below the split: merge the two, or make this one an `individual_contributor` or `management` track")
            .with_related(facts.track_pointer(trunk).key("kind"), "the first trunk"),
        );
    }
    let levels = &spec.tracks[trunk].levels;
    // A poisoned or ungraded trunk level may be the one that reaches too high.
    if !(0..levels.len()).all(|l| facts.is_sound(trunk, l) && facts.grade(trunk, l).is_some()) {
        return;
    }
    let entries: Vec<(usize, &LevelSpec, &Grade)> = facts
        .tracks_of(TrackKind::IndividualContributor)
        .chain(facts.tracks_of(TrackKind::Management))
        .filter(|&t| facts.is_sound(t, 0))
        .filter_map(|t| Some((t, &spec.tracks[t].levels[0], facts.grade(t, 0)?)))
        .collect();
    let Some(split) = entries.iter().map(|(_, _, grade)| *grade).min() else {
        return;
    };
    // The lowest trunk level at or above the split, and the tracks that
    // start at or below its grade: one finding, where the trunk goes too far.
    let Some((l, level, grade)) = levels
        .iter()
        .enumerate()
        .filter_map(|(l, level)| Some((l, level, facts.grade(trunk, l)?)))
        .find(|(_, _, grade)| *grade >= split)
    else {
        return;
    };
    let tracks: Vec<(usize, &LevelSpec, &Grade)> = entries
        .into_iter()
        .filter(|(_, _, entry)| *entry <= grade)
        .collect();
    let starts: Vec<String> = tracks
        .iter()
        .map(|&(_, entry, grade)| format!("`{}` (grade {grade})", escape(&entry.id)))
        .collect();
    let names: Vec<String> = tracks
        .iter()
        .map(|&(t, _, _)| format!("`{}`", escape(&spec.tracks[t].id)))
        .collect();
    let top = facts
        .grade(trunk, levels.len().saturating_sub(1))
        .unwrap_or(grade);
    let mut finding = Finding::new(
        &TRUNK_SPLIT,
        facts.level_pointer(trunk, l).key("grade"),
        format!(
            "trunk level `{}` (grade {}) is not below {}, where {} {} {}",
            escape(&level.id),
            grade,
            and_list(&starts),
            plural(tracks.len(), "track", "tracks"),
            and_list(&names),
            plural(tracks.len(), "starts", "start"),
        ),
    )
    .with_help(format!(
        "the trunk holds the levels every path shares, below the split: start {} above grade {top}, or move `{}` onto the tracks",
        and_list(&names),
        escape(&level.id)
    ));
    for &(t, _, _) in &tracks {
        finding = finding.with_related(
            facts.level_pointer(t, 0).key("grade"),
            format!("where track `{}` starts", escape(&spec.tracks[t].id)),
        );
    }
    sink.push(finding);
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
