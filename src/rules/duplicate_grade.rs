use std::collections::HashMap;

use crate::Pointer;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that each label of the grade scale (`grades`) is listed once.
    /// Labels are compared by their text as written, quotes aside: `9.5` and
    /// `"9.5"` are one label. The finding points at the second entry and
    /// names the first.
    ///
    /// ### Why is this bad?
    /// A grade's place in the scale is what orders it: a label listed twice
    /// has two places, so the levels at that grade cannot be ordered.
    ///
    /// ### Example
    /// ```yaml
    /// grades: ["8A", "8B", "8C", "8B"]
    /// ```
    /// Use instead:
    /// ```yaml
    /// grades: ["8A", "8B", "8C", "8D"]
    /// ```
    DUPLICATE_GRADE, "duplicate-grade", Error, Invariant, "a grade is listed twice in the grade scale"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let Some(labels) = facts.spec.grades.as_ref().filter(|_| facts.sound.grades) else {
        return;
    };
    let at = |i: usize| Pointer::root().key("grades").index(i);
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(labels.len());
    for (i, label) in labels.iter().enumerate() {
        if sink.is_full() {
            return;
        }
        match first.get(label.as_str()) {
            Some(&earlier) => sink.push(
                Finding::new(
                    &DUPLICATE_GRADE,
                    at(i),
                    format!(
                        "grade `{}` is listed twice in the grade scale",
                        escape(label)
                    ),
                )
                .with_help("list each grade once, lowest first")
                .with_related(at(earlier), "first listed here"),
            ),
            None => {
                first.insert(label, i);
            }
        }
    }
}
