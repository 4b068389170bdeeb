use crate::choice::{CompetencyKind, TrackKind};
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::{escape, names};

declare_rule! {
    /// ### What it does
    /// Checks that no level sets an expectation on a competency scoped away
    /// from its track: one whose `tracks` do not include the level's track.
    /// (A `people` competency on an individual-contributor track is
    /// `people-on-ic-track`'s.)
    ///
    /// ### Why is this bad?
    /// The ladder contradicts itself: the competency says it does not apply
    /// to the track, and the level assesses it anyway. Either the scope is
    /// too narrow or the expectation is a leftover.
    ///
    /// ### Example
    /// ```yaml
    /// competencies:
    ///   - { id: research, name: Research, kind: craft, tracks: [clinical] }
    /// # ...
    ///   - id: nm1          # on the management track
    ///     expectations: { research: 2 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// competencies:
    ///   - { id: research, name: Research, kind: craft, tracks: [clinical, management] }
    /// ```
    OUT_OF_SCOPE_EXPECTATION, "out-of-scope-expectation", Error, Policy, "a level expects a competency scoped away from its track"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let spec = facts.spec;
    // Per competency: its scope for messages, `None` when it has none or
    // when it names an unknown track (`unknown-track`'s: it may be this
    // one, misspelt). Each scope is read once.
    let scopes: Vec<Option<String>> = spec
        .competencies
        .iter()
        .map(|c| {
            let scope = c.tracks.as_ref()?;
            if scope
                .iter()
                .any(|id| !facts.track_ids.contains_key(id.as_str()))
            {
                return None;
            }
            let ids = crate::text::unique(scope.iter().map(String::as_str));
            Some(names(&ids, ", "))
        })
        .collect();
    for (t, l, level) in facts.levels() {
        let track = &spec.tracks[t];
        for (id, _) in &level.expectations {
            let Some(&c) = facts.competencies.get(id.as_str()) else {
                continue;
            };
            let competency = &spec.competencies[c];
            let Some(Some(scope)) = scopes.get(c) else {
                continue;
            };
            if facts.in_scope(c, t)
                || (competency.kind == CompetencyKind::People
                    && track.kind == TrackKind::IndividualContributor)
            {
                continue;
            }
            if sink.is_full() {
                return;
            }
            sink.push(
                Finding::new(
                    &OUT_OF_SCOPE_EXPECTATION,
                    facts.level_pointer(t, l).key("expectations").key(id),
                    format!(
                        "level `{}` of track `{}` expects `{}`, which applies to {} only",
                        escape(&level.id),
                        escape(&track.id),
                        escape(id),
                        scope
                    ),
                )
                .with_help(format!(
                    "remove the expectation, or add `{}` to the competency's `tracks`",
                    escape(&track.id)
                ))
                .with_related(
                    crate::Pointer::root()
                        .key("competencies")
                        .index(c)
                        .key("tracks"),
                    "scoped here",
                )
                .at_key(),
            );
        }
    }
}
