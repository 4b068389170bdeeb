use crate::choice::{CompetencyKind, TrackKind};
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that no level of an individual-contributor track, or of the
    /// shared trunk that leads into it, sets an expectation on a `people`
    /// competency (managing people: direct reports, hiring, performance
    /// reviews), and that no `people` competency is scoped to such a track
    /// by its `tracks` (reported once, at the scope, rather than at every
    /// level).
    ///
    /// ### Why is this bad?
    /// An IC track that requires managing people is a management track in
    /// disguise: staff and principal engineers lead through influence and
    /// mentoring (`leadership` competencies), never by having reports.
    ///
    /// ### Example
    /// ```yaml
    /// - id: ic6
    ///   expectations:
    ///     people-development: 3
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic6
    ///   expectations:
    ///     mentoring: 4
    /// ```
    PEOPLE_ON_IC_TRACK, "people-on-ic-track", Error, Policy, "an IC level requires a people-management competency"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let spec = facts.spec;
    let is_ic = |id: &str| {
        facts.track_ids.get(id).is_some_and(|&t| {
            matches!(
                spec.tracks[t].kind,
                TrackKind::IndividualContributor | TrackKind::Trunk
            )
        })
    };
    for (c, competency) in spec.competencies.iter().enumerate() {
        if competency.kind != CompetencyKind::People || !facts.sound.competency(c) {
            continue;
        }
        for (j, id) in competency.tracks.iter().flatten().enumerate() {
            if !is_ic(id) {
                continue;
            }
            sink.push(
                Finding::new(
                    &PEOPLE_ON_IC_TRACK,
                    crate::Pointer::root()
                        .key("competencies")
                        .index(c)
                        .key("tracks")
                        .index(j),
                    format!(
                        "people-management competency `{}` is scoped to IC track `{}`",
                        escape(&competency.id),
                        escape(id)
                    ),
                )
                .with_help("the IC track never requires managing anyone: scope it to management tracks, or make it a `leadership` competency such as mentoring")
                .with_related(crate::Pointer::root().key("competencies").index(c).key("kind"), "defined as `people` here"),
            );
        }
    }
    // The trunk's levels are on the IC path too.
    let mut levels = facts.levels_of(TrackKind::IndividualContributor);
    levels.extend(facts.levels_of(TrackKind::Trunk));
    for (t, l, level) in levels {
        let what = match spec.tracks[t].kind {
            TrackKind::Trunk => "trunk level",
            _ => "IC level",
        };
        for (id, _) in &level.expectations {
            let Some(&c) = facts.competencies.get(id.as_str()) else {
                continue;
            };
            // Reported once, at the scope that names this track.
            if spec.competencies[c].tracks.is_some() && facts.in_scope(c, t) {
                continue;
            }
            if spec.competencies[c].kind == CompetencyKind::People {
                sink.push(
                    Finding::new(
                        &PEOPLE_ON_IC_TRACK,
                        facts.level_pointer(t, l).key("expectations").key(id),
                        format!(
                            "{what} `{}` requires `{}`, a people-management competency",
                            escape(&level.id),
                            escape(id)
                        ),
                    )
                    .with_help("the IC track never requires managing anyone: remove it, or use a `leadership` competency such as mentoring")
                    .with_related(crate::Pointer::root().key("competencies").index(c).key("kind"), "defined as `people` here")
                    .at_key(),
                );
            }
        }
    }
}
