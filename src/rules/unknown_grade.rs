use std::collections::HashMap;

use crate::Pointer;
use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::spec::GradeSpec;
use crate::text::{closest, escape};

declare_rule! {
    /// ### What it does
    /// In a ladder that declares its grade scale (`grades`), checks that each
    /// level's `grade`, and `policy.parity.from_grade`, is an entry of the
    /// scale, and suggests the closest one. A grade is compared by its text
    /// as written, quotes aside: `9.5` and `"9.5"` are the same grade,
    /// `9.50` and `gs-13` are not `9.5` and `GS-13`.
    ///
    /// ### Why is this bad?
    /// Grades are ordered by the scale: a grade it does not list has no place
    /// in the order, so the level can be neither compared with the levels of
    /// other tracks nor placed in its own.
    ///
    /// ### Example
    /// ```yaml
    /// grades: [GS-12, GS-13, GS-14]
    /// # ...
    ///       - { id: gs13, title: Senior Analyst, grade: GS13, ... }
    /// ```
    /// Use instead:
    /// ```yaml
    /// grades: [GS-12, GS-13, GS-14]
    /// # ...
    ///       - { id: gs13, title: Senior Analyst, grade: GS-13, ... }
    /// ```
    UNKNOWN_GRADE, "unknown-grade", Error, Invariant, "a grade is not an entry of the ladder's grade scale"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned scale may lack the entry a grade names.
    let Some(scale) = facts.grade_scale.as_ref().filter(|_| facts.sound.grades) else {
        return;
    };
    // One help per distinct label: a label repeated on many levels is
    // looked up once.
    let mut helps: HashMap<String, String> = HashMap::new();
    // The characters compared pairwise by every edit-distance search of the
    // check together: a file of a thousand long labels, each level naming
    // one the scale lacks, would otherwise take minutes.
    let mut budget: usize = 1 << 22;
    let mut help = |label: &str| -> String {
        if let Some(help) = helps.get(label) {
            return help.clone();
        }
        // The labels near enough in length to be a typo of it, while the
        // budget lasts.
        let length = label.chars().count();
        let candidates: Vec<&str> = scale
            .labels()
            .filter(|k| length.abs_diff(k.chars().count()) <= (k.len() / 3).max(1))
            .take_while(|k| {
                let cost = label.len().saturating_mul(k.len());
                budget.checked_sub(cost).map(|left| budget = left).is_some()
            })
            .collect();
        // The same label in another case, else the one closest label: a
        // label as close to several (`P4` to `P1`, `P2`, `P3`) is likely a
        // grade the scale lacks, not a typo.
        let near = scale
            .labels()
            .find(|known| known.eq_ignore_ascii_case(label))
            .or_else(|| match closest(label, candidates)[..] {
                [near] => Some(near),
                _ => None,
            });
        let help = match near {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "the grades are {}; add `{}` to `grades` where it belongs in the order",
                listed(scale.labels()),
                escape(label)
            ),
        };
        helps.insert(label.to_owned(), help.clone());
        help
    };
    for (t, l, level) in facts.levels() {
        if sink.is_full() {
            return;
        }
        let GradeSpec::Label(label) = &level.grade else {
            continue;
        };
        if facts.grade(t, l).is_some() {
            continue;
        }
        sink.push(
            Finding::new(
                &UNKNOWN_GRADE,
                facts.level_pointer(t, l).key("grade"),
                format!(
                    "grade `{}` of level `{}` is not in the grade scale",
                    escape(label),
                    escape(&level.id)
                ),
            )
            .with_help(help(label)),
        );
    }
    let parity = facts.spec.policy.parity.as_ref();
    if let (true, Some(GradeSpec::Label(label))) = (
        facts.sound.policy,
        parity.and_then(|p| p.from_grade.as_ref()),
    ) && scale.get(label).is_none()
    {
        sink.push(
            Finding::new(
                &UNKNOWN_GRADE,
                Pointer::root()
                    .key("policy")
                    .key("parity")
                    .key("from_grade"),
                format!(
                    "grade `{}` of `policy.parity.from_grade` is not in the grade scale",
                    escape(label)
                ),
            )
            .with_help(help(label)),
        );
    }
}

/// The labels as a list for a message, the first few of a long scale.
fn listed<'a>(labels: impl Iterator<Item = &'a str>) -> String {
    const SHOWN: usize = 12;
    let labels: Vec<&str> = labels.collect();
    let mut list: Vec<String> = labels
        .iter()
        .take(SHOWN)
        .map(|l| format!("`{l}`"))
        .collect();
    if labels.len() > SHOWN {
        list.push(format!("... ({} in all)", labels.len()));
    }
    list.join(", ")
}
