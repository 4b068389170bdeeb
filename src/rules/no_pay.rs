use crate::finding::{Finding, Findings};
use crate::rules::Facts;

declare_rule! {
    /// ### What it does
    /// Notes, once, that no level of the ladder publishes a pay band, so that
    /// pay parity between the tracks cannot be checked.
    ///
    /// ### Why is this bad?
    /// It is not: most public career frameworks publish expectations, not
    /// pay, and such a ladder is valid. But the heart of a dual track is that
    /// the IC track pays as much as management, and without bands nobody can
    /// tell; the note says so, so that a green run is not read as "parity
    /// holds". `currency` and `pay_period` may then be left out.
    ///
    /// ### Example
    /// A ladder whose levels have no band (the note is all there is to fix,
    /// once the pay is known):
    /// ```yaml
    /// - id: ic5
    ///   title: Principal Engineer
    ///   grade: 5
    ///   expectations: { technical-depth: 5 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic5
    ///   title: Principal Engineer
    ///   grade: 5
    ///   band: { min: 250000, mid: 295000, max: 340000 }
    ///   expectations: { technical-depth: 5 }
    /// ```
    NO_PAY, "no-pay", Note, Policy, "no level publishes a pay band: parity cannot be checked"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A level that did not decode may have had a band.
    if !facts.sound.all_tracks_and_levels() {
        return;
    }
    let mut levels = facts.levels().peekable();
    if levels.peek().is_none() || facts.levels().any(|(_, _, level)| level.band.is_some()) {
        return;
    }
    sink.push(
        Finding::new(
            &NO_PAY,
            crate::Pointer::root().key("tracks"),
            "no level publishes a pay band, so pay parity between the tracks cannot be checked",
        )
        .at_key()
        .with_help(
            "when the pay is known, give every level a `band: { min: ..., mid: ..., max: ... }` with the ladder's `currency` and `pay_period`",
        ),
    );
}
