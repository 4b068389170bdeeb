use crate::Pointer;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::{did_you_mean, escape};

declare_rule! {
    /// ### What it does
    /// Checks that every id in a zone's `exempt` list (the levels and
    /// tracks paid nationally in that zone) is the id of a level or a track
    /// of the ladder, and suggests the closest one.
    ///
    /// ### Why is this bad?
    /// A misspelt exemption exempts nothing: the executives meant to be paid
    /// nationally would silently get the zone's supplement, and parity in
    /// the zone would be judged on pay nobody receives.
    ///
    /// ### Example
    /// ```yaml
    /// zones:
    ///   - { id: inner-london, name: Inner London, factor: 1, uplift: 20%, exempt: [chief-nrse] }
    /// ```
    /// Use instead:
    /// ```yaml
    /// zones:
    ///   - { id: inner-london, name: Inner London, factor: 1, uplift: 20%, exempt: [chief-nurse] }
    /// ```
    UNKNOWN_EXEMPT, "unknown-exempt", Error, Invariant, "a zone exempts a level or track that is not defined"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned track or level may be the one an exemption names.
    if !(facts.sound.all_tracks && facts.sound.all_levels) {
        return;
    }
    let spec = facts.spec;
    let mut known: Vec<&str> = Vec::new();
    for track in &spec.tracks {
        known.push(track.id.as_str());
        known.extend(track.levels.iter().map(|l| l.id.as_str()));
    }
    for (z, zone) in spec.zones.iter().enumerate() {
        if !facts.sound.zone(z) {
            continue;
        }
        for (j, id) in zone.exempt.iter().flatten().enumerate() {
            if known.contains(&id.as_str()) {
                continue;
            }
            if sink.is_full() {
                return;
            }
            let help = match did_you_mean(id, &known) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "list the id of a level, or of a track to exempt all its levels".to_owned(),
            };
            sink.push(
                Finding::new(
                    &UNKNOWN_EXEMPT,
                    Pointer::root().key("zones").index(z).key("exempt").index(j),
                    format!(
                        "zone `{}` exempts `{}`, which is no level or track",
                        escape(&zone.id),
                        escape(id)
                    ),
                )
                .with_help(help),
            );
        }
    }
}
