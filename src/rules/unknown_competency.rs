use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::did_you_mean;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that every key of a level's `expectations` is the id of a
    /// competency listed under `competencies`, and suggests the closest one.
    /// In a ratings file (`dualtrack assess`), it checks every rated
    /// competency against the ladder's.
    ///
    /// ### Why is this bad?
    /// An expectation of a competency nobody defined cannot be assessed: no
    /// one knows what it means, and a typo silently drops a requirement.
    ///
    /// ### Example
    /// ```yaml
    /// expectations:
    ///   technical-depht: 3
    /// ```
    /// Use instead:
    /// ```yaml
    /// expectations:
    ///   technical-depth: 3
    /// ```
    UNKNOWN_COMPETENCY, "unknown-competency", Error, Invariant, "an expectation names a competency that is not defined"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned competency may be the one an expectation names.
    if !facts.sound.all_competencies {
        return;
    }
    let known: Vec<&str> = facts
        .spec
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for (t, l, level) in facts.levels() {
        for (id, _) in &level.expectations {
            if facts.competencies.contains_key(id.as_str()) {
                continue;
            }
            if sink.is_full() {
                break;
            }
            let pointer = facts.level_pointer(t, l).key("expectations").key(id);
            let help = match did_you_mean(id, &known) {
                Some(near) => format!("did you mean `{near}`?"),
                None => {
                    "add the competency under `competencies`, or remove the expectation".to_owned()
                }
            };
            sink.push(
                Finding::new(
                    &UNKNOWN_COMPETENCY,
                    pointer,
                    format!(
                        "level `{}` expects unknown competency `{}`",
                        escape(&level.id),
                        escape(id)
                    ),
                )
                .with_help(help)
                .at_key(),
            );
        }
    }
}
