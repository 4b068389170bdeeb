use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that every track has at least one level.
    ///
    /// ### Why is this bad?
    /// A track with no levels is a career path that leads nowhere; it usually
    /// means the levels were put under the wrong track.
    ///
    /// ### Example
    /// ```yaml
    /// - id: management
    ///   name: Management
    ///   kind: management
    ///   levels: []
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: management
    ///   name: Management
    ///   kind: management
    ///   levels:
    ///     - id: em1
    ///       title: Engineering Manager
    ///       grade: 4
    ///       band: { min: 175000, mid: 205000, max: 235000 }
    ///       expectations: { people-development: 3 }
    /// ```
    EMPTY_TRACK, "empty-track", Error, Invariant, "a track has no levels"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for (t, track) in facts.spec.tracks.iter().enumerate() {
        if track.levels.is_empty() && facts.sound.track(t) {
            let pointer = facts.track_pointer(t).key("levels");
            sink.push(
                Finding::new(
                    &EMPTY_TRACK,
                    pointer,
                    format!("track `{}` has no levels", escape(&track.id)),
                )
                .with_help("add its levels, or remove the track"),
            );
        }
    }
}
