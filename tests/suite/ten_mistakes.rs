//! A people-ops editor's first draft: the engineering ladder with ten
//! typical typing mistakes. Fixing what each run's first message points at
//! reaches a clean ladder in as few runs as YAML allows: one run per syntax
//! error (the parser cannot read past one), then one run that reports every
//! other mistake at once, then a clean run. Each run's first message points
//! at a real mistake, never at an innocent line.

use dualtrack::{Loader, Severity};

/// (line, as written in the reference ladder, as mistyped).
const MISTAKES: [(usize, &str, &str); 10] = [
    (74, "grade: 1", "grade:1"),
    (
        88,
        "summary: Delivers features end to end with little guidance and is a dependable teammate.",
        "summary: Scope: features end to end, with little guidance.",
    ),
    (91, "technical-depth: 2", "tecnical-depth: 2"),
    (
        99,
        "title: Senior Software Engineer",
        "title: 'Engineer's senior level'",
    ),
    (103, "expectations:", "expectatons:"),
    (
        115,
        "band: { min: 175000, mid: 205000, max: 235000 }",
        "band: { min: 175000, mid: 205000, max: 235000 # staff }",
    ),
    (128, "max: 280000", "max: 280,000"),
    (139, "min: 250000", "min: 250.000"),
    (
        152,
        "band: { min: 300000, mid: 355000, max: 410000 }",
        "band: { min: 355000, mid: 300000, max: 410000 }",
    ),
    (262, "rate: 0.79", "rate: 0,79"),
];

#[test]
fn ten_typing_mistakes_are_fixed_in_as_few_runs_as_yaml_allows() {
    let clean = std::fs::read_to_string("ladders/engineering.yaml").expect("reference ladder");
    let mut lines: Vec<String> = clean.lines().map(str::to_owned).collect();
    for (line, right, wrong) in MISTAKES {
        assert!(
            lines[line - 1].contains(right),
            "line {line}: {}",
            lines[line - 1]
        );
        lines[line - 1] = lines[line - 1].replace(right, wrong);
    }
    let mut left: Vec<usize> = MISTAKES.iter().map(|m| m.0).collect();
    let mut runs = 0;
    loop {
        runs += 1;
        assert!(runs <= 10, "no end in sight");
        let text = lines.join("\n") + "\n";
        let report = match Loader::new().load(&text) {
            Ok(loaded) => {
                assert!(loaded.report().is_empty(), "{}", loaded.report());
                break;
            }
            Err(report) => report,
        };
        let first = &report.findings()[0];
        let at = first.line().expect("located");
        assert!(
            left.contains(&at),
            "run {runs}: the first message points at line {at}, where nothing is wrong: {}",
            first.message()
        );
        // Each mistake once, and nothing on an innocent line.
        let mut reported: Vec<usize> = report.findings().iter().filter_map(|f| f.line()).collect();
        reported.dedup();
        assert!(
            reported.iter().all(|l| left.contains(l)),
            "run {runs}: {report}"
        );
        let fixed: Vec<usize> = if first.code() == "syntax" {
            assert_eq!(report.findings().len(), 1);
            vec![at]
        } else {
            assert_eq!(reported, left, "run {runs}: every mistake left is reported");
            assert!(
                report
                    .findings()
                    .iter()
                    .all(|f| f.severity() == Severity::Error)
            );
            left.clone()
        };
        for line in fixed {
            let (_, right, wrong) = MISTAKES.iter().find(|m| m.0 == line).expect("a mistake");
            lines[line - 1] = lines[line - 1].replace(wrong, right);
            left.retain(|l| *l != line);
        }
    }
    // Four syntax errors, one run for the other six, one clean run.
    assert_eq!(runs, 6);
}
