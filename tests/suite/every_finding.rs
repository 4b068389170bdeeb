//! Every finding in one run: independent mistakes in different parts of a
//! reference ladder are each reported once, at their own place, whether the
//! mistake is structural (an unknown key, a value of the wrong type) or a
//! rule's (a band out of order, a parity gap); a part with a structural
//! finding makes no other finding.
//!
//! A fixture under `tests/fixtures/multi/` ends with one `# expect: CODE
//! LINE:COL` line per mistake; its human output is snapshotted.

use dualtrack::Loader;

use crate::common;

use common::{expected, load_fixture, positions, report_of};

#[test]
fn every_independent_mistake_is_reported_once_at_its_place() {
    insta::glob!("../fixtures/multi", "*.yaml", |path| {
        let (source, _report, _name) = load_fixture(path);
        assert!(
            expected(&source).len() >= 2,
            "{}: name its mistakes",
            path.display()
        );
        #[cfg(feature = "render")]
        insta::assert_snapshot!(dualtrack::render(&_report, &source, &_name, false));
    });
}

/// Each mistake alone gives exactly its own finding: together they add up,
/// with nothing lost and nothing new.
#[test]
fn mistakes_together_report_what_each_reports_alone() {
    let clean = std::fs::read_to_string("ladders/engineering.yaml").expect("reference ladder");
    let lines: Vec<&str> = clean.lines().collect();
    // (line, what it becomes) for three mistakes in different parts.
    let mistakes = [
        (90, "        expectatons:"),
        (
            115,
            "        band: { min: 235000, mid: 205000, max: 175000 }",
        ),
        (257, "    factor: high"),
    ];
    let apply = |chosen: &[(usize, &str)]| -> String {
        let mut edited: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        for &(line, text) in chosen {
            edited[line - 1] = text.to_owned();
        }
        edited.join("\n") + "\n"
    };
    let findings = |yaml: &str| positions(&report_of(Loader::new().load(yaml)));
    let mut alone: Vec<_> = mistakes
        .iter()
        .flat_map(|m| {
            let found = findings(&apply(std::slice::from_ref(m)));
            assert_eq!(found.len(), 1, "one mistake, one finding: {found:?}");
            found
        })
        .collect();
    alone.sort();
    let mut together = findings(&apply(&mistakes));
    together.sort();
    assert_eq!(together, alone);
}
