use std::collections::HashMap;

use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that level ids are unique across the whole file, and that
    /// competency, track and zone ids are unique in their lists. The finding
    /// points at the second definition and names the first.
    ///
    /// ### Why is this bad?
    /// Levels are referenced by id alone (`ic6`, from promotion tools and
    /// other ladders); two levels with one id make every such reference
    /// ambiguous.
    ///
    /// ### Example
    /// ```yaml
    /// tracks:
    ///   - id: ic
    ///     levels:
    ///       - id: l4
    ///   - id: management
    ///     levels:
    ///       - id: l4
    /// ```
    /// Use instead:
    /// ```yaml
    /// tracks:
    ///   - id: ic
    ///     levels:
    ///       - id: ic4
    ///   - id: management
    ///     levels:
    ///       - id: em1
    /// ```
    DUPLICATE_ID, "duplicate-id", Error, Invariant, "two competencies, tracks, levels or zones share an id"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let mut first = HashMap::new();
    for (what, at, id) in facts.ids() {
        if what == "ladder" {
            continue;
        }
        match first.get(&(what, id)) {
            Some(&earlier) => sink.push(
                Finding::new(
                    &DUPLICATE_ID,
                    facts.id_pointer(at),
                    format!("duplicate {what} id `{}`", escape(id)),
                )
                .with_help(format!("give each {what} its own id"))
                .with_related(facts.id_pointer(earlier), "first defined here"),
            ),
            None => {
                first.insert((what, id), at);
            }
        }
    }
}
