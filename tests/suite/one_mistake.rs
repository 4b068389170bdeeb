//! One structural mistake, one structural report: on a clean reference
//! ladder, an unknown key or a value of the wrong type anywhere gives only
//! reading findings (`unknown-key`, `missing-key`, `type`), never a rule's
//! finding computed from the broken part, although the rules now run on the
//! rest of the file.

use proptest::prelude::*;

const LADDERS: [&str; 3] = [
    "ladders/engineering.yaml",
    "ladders/design.yaml",
    "ladders/skilled-trades.yaml",
];

/// The keys of the file format (competency ids under `expectations` are
/// not: renaming one of those is a rule's business).
const FORMAT_KEYS: &[&str] = &[
    "schema_version",
    "id",
    "name",
    "description",
    "currency",
    "pay_period",
    "competencies",
    "tracks",
    "zones",
    "policy",
    "kind",
    "levels",
    "title",
    "grade",
    "summary",
    "band",
    "expectations",
    "min",
    "mid",
    "max",
    "proficiency",
    "factor",
    "rate",
    "parity",
    "mode",
    "from_grade",
    "tolerance",
    "spread",
    "progression",
    "overlap",
];

const READING: &[&str] = &["unknown-key", "missing-key", "type", "invalid-amount"];

/// The lines of `text` written `key: value` (a scalar or flow value on the
/// same line), with the column where the key starts.
fn scalar_lines(text: &str) -> Vec<(usize, usize)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let body = line.trim_start_matches([' ', '-']);
            let indent = line.len() - body.len();
            let (key, value) = body.split_once(": ")?;
            let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            (plain && !value.trim().is_empty() && !body.starts_with('#')).then_some((i, indent))
        })
        .collect()
}

fn mutate(text: &str, pick: usize, rename: bool) -> Option<String> {
    let lines = scalar_lines(text);
    let &(index, indent) = lines.get(pick % lines.len().max(1))?;
    let mut all: Vec<String> = text.lines().map(str::to_owned).collect();
    let line = &all[index];
    let (key, value) = line[indent..].split_once(": ")?;
    if !FORMAT_KEYS.contains(&key) || value.starts_with(">-") {
        return None;
    }
    let changed = if rename {
        format!("{}zzzzzz: {value}", &line[..indent])
    } else {
        format!("{}{key}: [1, 2]", &line[..indent])
    };
    all[index] = changed;
    Some(all.join("\n") + "\n")
}

proptest! {
    #[test]
    fn one_structural_mistake_gives_only_structural_findings(
        ladder in 0..LADDERS.len(),
        pick in 0usize..10_000,
        rename in any::<bool>(),
    ) {
        let text = std::fs::read_to_string(LADDERS[ladder]).expect("reference ladder");
        let Some(broken) = mutate(&text, pick, rename) else {
            return Ok(());
        };
        let report = dualtrack::load(&broken).expect_err("a structural mistake is an error");
        prop_assert!(!report.findings().is_empty());
        for finding in report.findings() {
            prop_assert!(
                READING.contains(&finding.code()),
                "{} at {:?}: {}\n{}",
                finding.code(),
                finding.location(),
                finding.message(),
                report
            );
        }
    }
}

/// The reference ladder with one line replaced.
fn engineering_with(line: usize, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string("ladders/engineering.yaml").expect("reference ladder");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    assert!(
        lines[line - 1].contains(from),
        "line {line}: {}",
        lines[line - 1]
    );
    lines[line - 1] = lines[line - 1].replace(from, to);
    lines.join("\n") + "\n"
}

fn codes(yaml: &str) -> Vec<String> {
    let report = dualtrack::load(yaml).expect_err("a mistake");
    report
        .findings()
        .iter()
        .map(|f| {
            format!(
                "{} {}:{}",
                f.code(),
                f.line().unwrap_or(0),
                f.column().unwrap_or(0)
            )
        })
        .collect()
}

/// Swapping a band's min and mid is `band-order`, with no midpoint step or
/// premium computed from the broken band.
#[test]
fn a_swapped_band_is_only_band_order() {
    let yaml = engineering_with(
        102,
        "band: { min: 145000, mid: 168000, max: 191000 }",
        "band: { min: 168000, mid: 145000, max: 191000 }",
    );
    assert_eq!(codes(&yaml), ["band-order 102:15"]);
}

/// A misspelt competency id is `unknown-competency`, and the competency it
/// meant is not also reported missing.
#[test]
fn a_misspelt_competency_is_only_unknown_competency() {
    let yaml = engineering_with(91, "technical-depth: 2", "tecnical-depth: 2");
    assert_eq!(codes(&yaml), ["unknown-competency 91:11"]);
}

/// A misspelt top-level key beside the real one leaves the real one checked:
/// `polcy:` does not silence a `policy:` that is there too.
#[test]
fn a_misspelt_key_beside_the_real_one_poisons_nothing() {
    let text = std::fs::read_to_string("ladders/engineering.yaml").expect("reference ladder");
    let yaml = format!("{text}policy:\n  spread: {{ min: 90%, max: 95% }}\npolcy: {{}}\n");
    let report = dualtrack::load(&yaml).expect_err("an unknown key");
    let codes: Vec<&str> = report.findings().iter().map(|f| f.code()).collect();
    assert!(codes.contains(&"unknown-key"), "{report}");
    assert!(
        codes.contains(&"band-spread"),
        "the policy is still judged: {report}"
    );
}
