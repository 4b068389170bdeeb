use crate::Pointer;
use crate::choice::TrackKind;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;

declare_rule! {
    /// ### What it does
    /// Checks that the ladder has at least one `individual_contributor` track
    /// and at least one `management` track.
    ///
    /// ### Why is this bad?
    /// A dual-track ladder with one track is a single ladder: either the only
    /// way up leads away from the craft, or there is no path into management
    /// at all.
    ///
    /// ### Example
    /// ```yaml
    /// tracks:
    ///   - id: engineering
    ///     kind: individual_contributor
    /// ```
    /// Use instead:
    /// ```yaml
    /// tracks:
    ///   - id: ic
    ///     kind: individual_contributor
    ///   - id: management
    ///     kind: management
    /// ```
    MISSING_TRACK, "missing-track", Error, Policy, "the ladder lacks an individual-contributor or a management track"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned track's kind is unknown: it may be the one missing.
    if !facts.sound.all_tracks {
        return;
    }
    for kind in [TrackKind::IndividualContributor, TrackKind::Management] {
        if facts.tracks_of(kind).next().is_none() {
            sink.push(
                Finding::new(
                    &MISSING_TRACK,
                    Pointer::root().key("tracks"),
                    format!("the ladder has no `{}` track", kind.as_str()),
                )
                .with_help(format!(
                    "a dual-track ladder needs both kinds; add a track with `kind: {}`",
                    kind.as_str()
                ))
                .at_key(),
            );
        }
    }
}
