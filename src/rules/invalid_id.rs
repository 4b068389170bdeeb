use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks every id (of the ladder, competencies, tracks, levels and zones)
    /// against `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`, at most 64 characters. The
    /// offending character is named, escaped when it is invisible.
    ///
    /// ### Why is this bad?
    /// Ids are referenced from other files, URLs and HR systems. Upper case,
    /// spaces and look-alike characters (a Cyrillic `а`, a zero-width space, a
    /// right-to-left mark) make two ids that look the same differ, or one that
    /// looks harmless point elsewhere.
    ///
    /// ### Example
    /// ```yaml
    /// - id: Staff Engineer
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: staff-engineer
    /// ```
    INVALID_ID, "invalid-id", Error, Invariant, "an id is not lower-case ASCII words joined by hyphens"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    for (what, at, id) in facts.ids() {
        if let Some(error) = facts.id_error(at) {
            sink.push(
                Finding::new(&INVALID_ID, facts.id_pointer(at), format!("invalid {what} id `{}`: {error}", escape(id)))
                    .with_help("ids are lower-case ASCII letters and digits in words joined by `-`, such as `staff-engineer`"),
            );
        }
    }
}
