use crate::finding::{Finding, Findings};
use crate::model::ProficiencyScale;
use crate::rules::Facts;
use crate::spec::ProficiencySpec;
use crate::text::{did_you_mean, escape, names};

declare_rule! {
    /// ### What it does
    /// Checks that every proficiency is on the ladder's scale: by default a
    /// whole number from 1 to 5 (1 learning, 2 practising with guidance, 3
    /// independent, 4 leads others in it, 5 sets the standard beyond the
    /// team); with a `proficiency_scale`, a number of that scale or one of its
    /// step names, with the closest name suggested for a misspelt one. Ratings
    /// files (`dualtrack assess`) use the same scale.
    ///
    /// ### Why is this bad?
    /// Assessments and readiness checks compare proficiencies on one scale; a
    /// 0 or a 7 on a scale from 1 to 5, or a step the scale does not have,
    /// cannot be assessed against.
    ///
    /// ### Example
    /// ```yaml
    /// expectations:
    ///   technical-depth: 7
    ///   delivery: Practicioner
    /// ```
    /// Use instead:
    /// ```yaml
    /// expectations:
    ///   technical-depth: 5
    ///   delivery: Practitioner   # a step of the ladder's proficiency_scale
    /// ```
    INVALID_PROFICIENCY, "invalid-proficiency", Error, Invariant, "a proficiency is not on the ladder's scale (1 to 5 by default)"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // An invalid scale is `invalid-proficiency-scale`'s: nothing is judged on it.
    let Ok(scale) = &facts.scale else {
        return;
    };
    for (t, l, level) in facts.levels() {
        let Some(typed) = facts.level(t, l) else {
            continue;
        };
        for ((id, expectation), proficiency) in level.expectations.iter().zip(&typed.proficiencies)
        {
            if proficiency.is_some() {
                continue;
            }
            let pointer = facts.proficiency_pointer(t, l, id, expectation);
            let (problem, help) = judge(&expectation.proficiency, scale);
            sink.push(
                Finding::new(
                    &INVALID_PROFICIENCY,
                    pointer,
                    format!(
                        "level `{}` expects proficiency {} in `{}`, {problem}",
                        escape(&level.id),
                        expectation.proficiency,
                        escape(id)
                    ),
                )
                .with_help(help),
            );
        }
    }
}

/// Why a value is not on `scale`, and how to write it: the words a ladder
/// file and a ratings file share.
pub(crate) fn judge(value: &ProficiencySpec, scale: &ProficiencyScale) -> (String, String) {
    let steps: Vec<&str> = scale.steps().iter().map(|s| s.name()).collect();
    let named = names(&steps, ", ");
    match value {
        ProficiencySpec::Number(_) if scale.is_default() => (
            format!("outside {scale}"),
            "proficiency runs from 1 (learning) to 5 (sets the standard beyond the team)"
                .to_owned(),
        ),
        ProficiencySpec::Number(_) if scale.is_named() => (
            format!("outside the scale's {scale}"),
            format!("use a number from {scale}, or a step name: {named}"),
        ),
        ProficiencySpec::Number(_) => (
            format!("outside the scale's {scale}"),
            format!("use a number from {scale}"),
        ),
        ProficiencySpec::Name(name)
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (
                "not a step of the scale".to_owned(),
                format!(
                    "remove the quotes to write the number {name}; the scale runs from {scale}"
                ),
            )
        }
        ProficiencySpec::Name(name) => {
            let help = match did_you_mean(name, &steps) {
                Some(near) => format!("did you mean `{near}`? the steps are {named}"),
                None => format!("the steps are {named}, numbered from {scale}"),
            };
            ("not a step of the scale".to_owned(), help)
        }
    }
}
