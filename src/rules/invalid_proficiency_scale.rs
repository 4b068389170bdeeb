use crate::finding::{Finding, Findings};
use crate::model::{ProficiencyScale, ProficiencyStep};
use crate::rules::Facts;
use crate::spec::{ScaleSpec, StepsSpec};
use crate::text::escape;
use crate::{Pointer, Proficiency};

declare_rule! {
    /// ### What it does
    /// Checks the ladder's `proficiency_scale`: from 2 to 10 steps, every
    /// number of the scale from 0 to 10, and step names that are unique and
    /// are not numbers.
    ///
    /// ### Why is this bad?
    /// Expectations and ratings are judged on the scale: a one-step scale
    /// cannot tell levels apart, two steps with one name make `Advanced` mean
    /// two numbers, and a step called `3` would be read as the number 3.
    ///
    /// ### Example
    /// ```yaml
    /// proficiency_scale:
    ///   start: 0
    ///   steps: [Awareness, Working, Working, Expert]
    /// ```
    /// Use instead:
    /// ```yaml
    /// proficiency_scale:
    ///   start: 0
    ///   steps: [Awareness, Working, Practitioner, Expert]
    /// ```
    INVALID_PROFICIENCY_SCALE, "invalid-proficiency-scale", Error, Invariant, "the proficiency scale has too few or too many steps, or a repeated or numeric name"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    if let Err(findings) = &facts.scale {
        for finding in findings {
            sink.push(finding.clone());
        }
    }
}

/// The pointer to the scale, or one of its keys.
fn at(key: &str) -> Pointer {
    Pointer::root().key("proficiency_scale").key(key)
}

/// The scale a declaration describes, or the findings that say why it
/// describes none. No declaration: the default scale.
pub(crate) fn scale(spec: Option<&ScaleSpec>) -> Result<ProficiencyScale, Vec<Finding>> {
    let Some(spec) = spec else {
        return Ok(ProficiencyScale::default());
    };
    let mut findings = Vec::new();
    let start = i64::from(spec.start.unwrap_or(1));
    let (len, names) = match &spec.steps {
        StepsSpec::Count(n) => (*n, &[][..]),
        StepsSpec::Named(steps) => (i64::try_from(steps.len()).unwrap_or(i64::MAX), &steps[..]),
    };
    let max = i64::try_from(ProficiencyScale::MAX_STEPS).unwrap_or(i64::MAX);
    let end = start.saturating_add(len).saturating_sub(1);
    if !(2..=max).contains(&len) {
        findings.push(
            Finding::new(
                &INVALID_PROFICIENCY_SCALE,
                at("steps"),
                format!("a proficiency scale of {len} steps: it needs 2 to {max}"),
            )
            .with_help("list the steps of the framework, lowest first, such as `[Awareness, Working, Practitioner, Advanced, Expert]`"),
        );
        // Its names are not judged: they are too few to mean anything, or
        // too many to compare.
        return Err(findings);
    } else if end > i64::from(Proficiency::MAX) {
        findings.push(
            Finding::new(
                &INVALID_PROFICIENCY_SCALE,
                at("start"),
                format!(
                    "the proficiency scale runs from {start} to {end}, beyond {}",
                    Proficiency::MAX
                ),
            )
            .with_help(format!(
                "number the steps from 0 or 1: `start: {}` or less",
                i64::from(Proficiency::MAX) - len + 1
            )),
        );
    }
    let mut steps: Vec<ProficiencyStep> = Vec::with_capacity(names.len());
    for (i, (step, detailed)) in names.iter().enumerate() {
        let pointer = if *detailed {
            at("steps").index(i).key("name")
        } else {
            at("steps").index(i)
        };
        let first = names[..i].iter().position(|(s, _)| s.name == step.name);
        if let Some(first) = first {
            let related = if names[first].1 {
                at("steps").index(first).key("name")
            } else {
                at("steps").index(first)
            };
            findings.push(
                Finding::new(
                    &INVALID_PROFICIENCY_SCALE,
                    pointer,
                    format!(
                        "step name `{}` is used twice in the proficiency scale",
                        escape(&step.name)
                    ),
                )
                .with_help("give every step its own name, or remove the repeated step")
                .with_related(related, "first used here"),
            );
            continue;
        }
        if step.name.trim().bytes().all(|b| b.is_ascii_digit()) {
            findings.push(
                Finding::new(
                    &INVALID_PROFICIENCY_SCALE,
                    pointer,
                    format!(
                        "step name `{}` is a number, which expectations would read as a proficiency number",
                        escape(&step.name)
                    ),
                )
                .with_help("name the step in words (`Practitioner`), or give the number of steps: `steps: 5`"),
            );
            continue;
        }
        let value = i64::try_from(i).map_or(i64::MAX, |i| start.saturating_add(i));
        if let Some(proficiency) = Proficiency::new(value) {
            steps.push(ProficiencyStep {
                proficiency,
                name: step.name.clone(),
                description: step.description.clone(),
            });
        }
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    match (Proficiency::new(start), Proficiency::new(end)) {
        (Some(start), Some(end)) => Ok(ProficiencyScale { start, end, steps }),
        _ => Err(findings),
    }
}

// Here, beside the check it reuses: the model layer does not see the rules.
/// Reads what it serializes, `{ start, end, steps }`, checked as a ladder
/// file's `proficiency_scale` is (the same check, so the same messages: 2 to
/// 10 steps within 0 to 10, names unique and not numbers); each step's
/// number must be its place on the scale.
///
/// ```
/// use dualtrack::ProficiencyScale;
///
/// let json = r#"{ "start": 1, "end": 3, "steps": [
///     { "proficiency": 1, "name": "Working" },
///     { "proficiency": 2, "name": "Working" },
///     { "proficiency": 3, "name": "Expert" } ] }"#;
/// let error = serde_json::from_str::<ProficiencyScale>(json).unwrap_err();
/// assert!(error.to_string().starts_with("step name `Working` is used twice in the proficiency scale"));
/// let default = serde_json::to_string(&ProficiencyScale::default())?;
/// assert_eq!(serde_json::from_str::<ProficiencyScale>(&default)?, ProficiencyScale::default());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ProficiencyScale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;

        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct ScaleJson {
            start: Proficiency,
            end: Proficiency,
            #[serde(default)]
            steps: Vec<crate::model::StepWire>,
        }
        let json = ScaleJson::deserialize(deserializer)?;
        let steps = if json.steps.is_empty() {
            StepsSpec::Count(i64::from(json.end.get()) - i64::from(json.start.get()) + 1)
        } else {
            StepsSpec::Named(
                json.steps
                    .iter()
                    .map(|step| {
                        let spec = crate::spec::StepSpec {
                            name: step.name.clone(),
                            description: step.description.clone(),
                        };
                        (spec, step.description.is_some())
                    })
                    .collect(),
            )
        };
        let spec = ScaleSpec {
            start: Some(u32::from(json.start.get())),
            steps,
        };
        let scale = scale(Some(&spec)).map_err(|findings| {
            let messages: Vec<&str> = findings.iter().map(crate::Finding::message).collect();
            D::Error::custom(messages.join("; "))
        })?;
        if scale.end != json.end {
            return Err(D::Error::custom(format!(
                "a proficiency scale of {} named steps from {} ends at {}, not {}",
                json.steps.len(),
                scale.start,
                scale.end,
                json.end
            )));
        }
        for (step, json) in scale.steps.iter().zip(&json.steps) {
            if step.proficiency != json.proficiency {
                return Err(D::Error::custom(format!(
                    "step `{}` is number {} of the proficiency scale, not {}",
                    crate::text::escape(&step.name),
                    step.proficiency,
                    json.proficiency
                )));
            }
        }
        Ok(scale)
    }
}
