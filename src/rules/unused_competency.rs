use crate::Pointer;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::{escape, names};

declare_rule! {
    /// ### What it does
    /// Warns when a competency is defined but no level sets an expectation
    /// on it; for a competency scoped to some tracks (`tracks`), the message
    /// names them.
    ///
    /// ### Why is this bad?
    /// A competency nobody is assessed on is dead text; usually the
    /// expectations were forgotten, or the competency was renamed and the
    /// old one left behind.
    ///
    /// ### Example
    /// ```yaml
    /// competencies:
    ///   - { id: public-speaking, kind: leadership, ... }   # used by no level
    /// ```
    /// Use instead:
    /// ```yaml
    /// # set it on the levels it matters for, or remove it
    /// ```
    UNUSED_COMPETENCY, "unused-competency", Warning, Policy, "a competency is not used by any level"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let spec = facts.spec;
    let used: std::collections::HashSet<&str> = facts
        .levels()
        .flat_map(|(_, _, level)| level.expectations.iter().map(|(id, _)| id.as_str()))
        .collect();
    // A poisoned level may be the one that expects it.
    if !facts.sound.all_tracks_and_levels() {
        return;
    }
    for (i, competency) in spec.competencies.iter().enumerate() {
        if sink.is_full() {
            return;
        }
        if !facts.sound.competency(i) {
            continue;
        }
        if !used.contains(competency.id.as_str()) {
            let (message, help) = match &competency.tracks {
                Some(scope) => {
                    let scope = crate::text::unique(scope.iter().map(String::as_str));
                    let scope = names(&scope, ", ");
                    (
                        format!(
                            "competency `{}` is not expected by any level of {scope}",
                            escape(&competency.id)
                        ),
                        format!("set it on the levels of {scope} it matters for, or remove it"),
                    )
                }
                None => (
                    format!(
                        "competency `{}` is not expected by any level",
                        escape(&competency.id)
                    ),
                    "set it on the levels it matters for, or remove it".to_owned(),
                ),
            };
            sink.push(
                Finding::new(
                    &UNUSED_COMPETENCY,
                    Pointer::root().key("competencies").index(i).key("id"),
                    message,
                )
                .with_help(help),
            );
        }
    }
}
