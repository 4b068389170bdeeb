use std::collections::HashMap;

use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Warns when two levels of the ladder share a title.
    ///
    /// ### Why is this bad?
    /// Titles are what people see on offers and profiles. Two levels called
    /// "Senior Engineer" make it impossible to tell from a title which level
    /// (and band) someone is at.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic3, title: Senior Engineer, ... }
    /// - { id: ic4, title: Senior Engineer, ... }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic3, title: Senior Engineer, ... }
    /// - { id: ic4, title: Staff Engineer, ... }
    /// ```
    DUPLICATE_TITLE, "duplicate-title", Warning, Policy, "two levels share a title"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // Title -> where it was first seen; pointers are built for findings only.
    let mut first: HashMap<&str, (usize, usize, &str)> = HashMap::new();
    for (t, l, level) in facts.levels() {
        match first.get(level.title.as_str()) {
            Some(&(et, el, earlier_id)) => sink.push(
                Finding::new(
                    &DUPLICATE_TITLE,
                    facts.level_pointer(t, l).key("title"),
                    format!(
                        "level `{}` has the title \"{}\", like level `{}`",
                        escape(&level.id),
                        escape(&level.title),
                        escape(earlier_id)
                    ),
                )
                .with_help("give each level a title of its own")
                .with_related(facts.level_pointer(et, el).key("title"), "the same title"),
            ),
            None => {
                first.insert(level.title.as_str(), (t, l, level.id.as_str()));
            }
        }
    }
}
