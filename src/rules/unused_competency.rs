use crate::Pointer;
use crate::finding::Finding;
use crate::validate::Context;
use crate::yaml::escape;

declare_rule! {
    /// ### What it does
    /// Warns when a competency is defined but no level sets an expectation
    /// on it.
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

pub(crate) fn check(cx: &mut Context<'_>) {
    let spec = cx.spec;
    for (i, competency) in spec.competencies.iter().enumerate() {
        let used = cx.levels().any(|(_, _, level)| {
            level
                .expectations
                .iter()
                .any(|(id, _)| *id == competency.id)
        });
        if !used {
            cx.push(
                Finding::new(
                    &UNUSED_COMPETENCY,
                    Pointer::root().key("competencies").index(i).key("id"),
                    format!(
                        "competency `{}` is not expected by any level",
                        escape(&competency.id)
                    ),
                )
                .with_help("set it on the levels it matters for, or remove it"),
            );
        }
    }
}
