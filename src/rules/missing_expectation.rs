use crate::finding::Finding;
use crate::model::{CompetencyKind, TrackKind};
use crate::validate::Context;
use crate::yaml::escape;

declare_rule! {
    /// ### What it does
    /// Warns when a level sets no expectation on a competency that applies
    /// to its track: `craft` and `leadership` competencies apply to every
    /// track, `people` competencies to management tracks only.
    ///
    /// A competency no level uses is left to `unused-competency`, and a
    /// management level with no `people` expectation at all to
    /// `unassessed-management`, so that one mistake is one finding.
    ///
    /// ### Why is this bad?
    /// A level that is silent on a competency cannot be assessed on it, so
    /// promotion decisions fall back on whoever argues best.
    ///
    /// ### Example
    /// ```yaml
    /// competencies: [technical-depth, collaboration]   # (abridged)
    /// - id: ic2
    ///   expectations:
    ///     technical-depth: 2
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic2
    ///   expectations:
    ///     technical-depth: 2
    ///     collaboration: 2
    /// ```
    MISSING_EXPECTATION, "missing-expectation", Warning, Policy, "a level says nothing about a competency of its track"
}

pub(crate) fn check(cx: &mut Context<'_>) {
    let spec = cx.spec;
    let used = |id: &str| {
        cx.levels()
            .any(|(_, _, level)| level.expectations.iter().any(|(e, _)| e == id))
    };
    let unused: Vec<&str> = spec
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| !used(id))
        .collect();
    let is_people = |id: &str| {
        cx.competencies
            .get(id)
            .is_some_and(|&c| spec.competencies[c].kind == CompetencyKind::People)
    };
    let mut findings = Vec::new();
    for (t, l, level) in cx.levels() {
        let management = spec.tracks[t].kind == TrackKind::Management;
        let assessed = level.expectations.iter().any(|(id, _)| is_people(id));
        let missing: Vec<String> = spec
            .competencies
            .iter()
            .filter(|c| !unused.contains(&c.id.as_str()))
            .filter(|c| c.kind != CompetencyKind::People || (management && assessed))
            .filter(|c| !level.expectations.iter().any(|(id, _)| *id == c.id))
            .map(|c| format!("`{}`", escape(&c.id)))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let pointer = if level.expectations.is_empty() {
            cx.level_pointer(t, l)
        } else {
            cx.level_pointer(t, l).key("expectations")
        };
        findings.push(
            Finding::new(
                &MISSING_EXPECTATION,
                pointer,
                format!("level `{}` sets no expectation for {}", escape(&level.id), missing.join(", ")),
            )
            .with_help("say what each competency of the track looks like at this level, with a proficiency from 1 to 5"),
        );
    }
    for finding in findings {
        cx.push(finding);
    }
}
