use crate::Pointer;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::{did_you_mean, escape, names};

declare_rule! {
    /// ### What it does
    /// Checks that every track id in a competency's `tracks` (the tracks it
    /// applies to) is the id of a track of the ladder, and suggests the
    /// closest one.
    ///
    /// ### Why is this bad?
    /// A competency scoped to a track that does not exist applies nowhere
    /// it was meant to: a typo would silently drop the expectations of a
    /// whole track.
    ///
    /// ### Example
    /// ```yaml
    /// competencies:
    ///   - { id: research, name: Research, kind: craft, tracks: [clinicl] }
    /// ```
    /// Use instead:
    /// ```yaml
    /// competencies:
    ///   - { id: research, name: Research, kind: craft, tracks: [clinical] }
    /// ```
    UNKNOWN_TRACK, "unknown-track", Error, Invariant, "a competency is scoped to a track that is not defined"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned track may be the one a scope names.
    if !facts.sound.all_tracks {
        return;
    }
    let spec = facts.spec;
    let known: Vec<&str> = spec.tracks.iter().map(|t| t.id.as_str()).collect();
    for (i, competency) in spec.competencies.iter().enumerate() {
        if !facts.sound.competency(i) {
            continue;
        }
        for (j, id) in competency.tracks.iter().flatten().enumerate() {
            if facts.track_ids.contains_key(id.as_str()) {
                continue;
            }
            if sink.is_full() {
                return;
            }
            let help = match did_you_mean(id, &known) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the tracks are {}", names(&known, ", ")),
            };
            sink.push(
                Finding::new(
                    &UNKNOWN_TRACK,
                    Pointer::root()
                        .key("competencies")
                        .index(i)
                        .key("tracks")
                        .index(j),
                    format!(
                        "competency `{}` is scoped to unknown track `{}`",
                        escape(&competency.id),
                        escape(id)
                    ),
                )
                .with_help(help),
            );
        }
    }
}
