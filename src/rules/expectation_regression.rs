use std::collections::HashMap;

use crate::finding::{Finding, Findings};
use crate::model::Proficiency;
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that along each track, the proficiency expected in a competency
    /// never drops from one level to a higher one. Plateaus are fine.
    ///
    /// ### Why is this bad?
    /// Someone promoted would then be expected to be worse at something than
    /// before: the ladder contradicts itself, and an assessment against the
    /// higher level would pass people who fail the lower one.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic3, expectations: { technical-depth: 3 } }
    /// - { id: ic4, expectations: { technical-depth: 2 } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic3, expectations: { technical-depth: 3 } }
    /// - { id: ic4, expectations: { technical-depth: 4 } }
    /// ```
    EXPECTATION_REGRESSION, "expectation-regression", Error, Policy, "a proficiency drops as a track climbs"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // `3`, or `3 Advanced` on a scale with names.
    let label = |p: Proficiency| match &facts.scale {
        Ok(scale) => scale.label(p),
        Err(_) => p.to_string(),
    };
    for (t, track) in facts.spec.tracks.iter().enumerate() {
        // Competency -> (proficiency, level index) of the last level that set it.
        let mut last: HashMap<&str, (Proficiency, usize)> = HashMap::new();
        for (l, level) in track.levels.iter().enumerate() {
            let Some(typed) = facts.level(t, l).filter(|typed| typed.sound) else {
                continue;
            };
            for ((id, expectation), value) in level.expectations.iter().zip(&typed.proficiencies) {
                let Some(value) = *value else {
                    continue;
                };
                if let Some(&(before, at)) = last.get(id.as_str())
                    && value < before
                {
                    let pointer = facts.proficiency_pointer(t, l, id, expectation);
                    sink.push(
                        Finding::new(
                            &EXPECTATION_REGRESSION,
                            pointer,
                            format!(
                                "level `{}` expects {} in `{}`, below the {} of `{}` beneath it",
                                escape(&level.id),
                                label(value),
                                escape(id),
                                label(before),
                                escape(&track.levels[at].id)
                            ),
                        )
                        .with_help("a higher level expects at least as much: raise this proficiency, or lower the one below")
                        .with_related(
                            facts.level_pointer(t, at).key("expectations").key(id),
                            "the expectation below",
                        ),
                    );
                }
                last.insert(id.as_str(), (value, l));
            }
        }
    }
}
