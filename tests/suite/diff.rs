//! `dualtrack diff` as a reviewer runs it: one test per kind of change, made
//! to the reference ladders' text, with the output of each format.
#![cfg(feature = "cli")]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::text;
use dualtrack::{LadderDiff, Loader};

const ENGINEERING: &str = include_str!("../../ladders/engineering.yaml");
const SKILLED_TRADES: &str = include_str!("../../ladders/skilled-trades.yaml");

/// `text` with `from` replaced by `to`, which must be there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the ladder has {from:?}");
    text.replacen(from, to, 1)
}

/// The engineering ladder with every management band 5% higher: the yearly
/// refresh of one track alone.
fn management_refresh() -> String {
    let (ic, management) = ENGINEERING.split_at(ENGINEERING.find("  - id: management").unwrap());
    let mut management = management.to_owned();
    for (old, new) in [
        (
            "175000, mid: 205000, max: 235000",
            "183750, mid: 215250, max: 246750",
        ),
        (
            "210000, mid: 245000, max: 280000",
            "220500, mid: 257250, max: 294000",
        ),
        (
            "250000, mid: 295000, max: 340000",
            "262500, mid: 309750, max: 357000",
        ),
        (
            "300000, mid: 355000, max: 410000",
            "315000, mid: 372750, max: 430500",
        ),
        (
            "360000, mid: 430000, max: 500000",
            "378000, mid: 451500, max: 525000",
        ),
    ] {
        management = edit(&management, old, new);
    }
    format!("{ic}{management}")
}

/// A directory of its own under the test's temporary directory.
fn workdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dualtrack_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dualtrack"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .output()
        .expect("run dualtrack")
}

/// The library's diff of the two texts, when both load.
fn library_diff(old: &str, new: &str) -> Option<LadderDiff> {
    let loader = Loader::new();
    Some(LadderDiff::between(
        &loader.inspect(old).ok()?,
        &loader.inspect(new).ok()?,
    ))
}

/// `dualtrack diff old.yaml new.yaml ARGS` on the two texts: exit code,
/// stdout, stderr. The library's diff of the same texts reads back from its
/// JSON as an equal diff, whatever the case.
fn diff(name: &str, old: &str, new: &str, args: &[&str]) -> (i32, String, String) {
    if let Some(diff) = library_diff(old, new) {
        let json = serde_json::to_string(&diff).unwrap();
        let read = serde_json::from_str::<LadderDiff>(&json);
        assert_eq!(read.as_ref().ok(), Some(&diff), "{read:?}\n{json}");
    }
    let dir = workdir(name);
    std::fs::write(dir.join("old.yaml"), old).unwrap();
    std::fs::write(dir.join("new.yaml"), new).unwrap();
    let mut all = vec!["diff", "old.yaml", "new.yaml"];
    all.extend_from_slice(args);
    let out = dualtrack_in(&dir, &all);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// The human output of a change that must exit 0 with nothing on stderr.
fn human(name: &str, old: &str, new: &str) -> String {
    let (code, out, err) = diff(name, old, new, &[]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    out
}

#[test]
fn a_management_refresh_alone_is_the_headline_in_every_format() {
    let new = management_refresh();
    let out = human("refresh-human", ENGINEERING, &new);
    assert!(out.contains("management raised more than IC at grades 4, 5, 6, 7, 8"));
    assert!(out.contains("dir1 mid 295000 -> 309750 USD (+5.00%)"));
    insta::assert_snapshot!("diff-refresh-human", out);

    let (code, markdown, _) = diff(
        "refresh-markdown",
        ENGINEERING,
        &new,
        &["--format", "markdown"],
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!("diff-refresh-markdown", markdown);

    let (code, json, _) = diff("refresh-json", ENGINEERING, &new, &["--format", "json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    assert_eq!(value["summary"]["unmatched_grades"][0], "4");
    assert_eq!(value["pay"][7]["percent"], "+5.00%");
    // The document reads as the diff it shows (its versions and summary aside).
    let read: LadderDiff = serde_json::from_str(&json).expect("the diff");
    assert_eq!(Some(read), library_diff(ENGINEERING, &new));
    insta::assert_snapshot!("diff-refresh-json", json);
}

#[test]
fn a_raise_within_tolerance_is_still_the_headline() {
    // Parity holds within 5%, so no finding; the raise is still not matched.
    let old = format!("{ENGINEERING}\npolicy:\n  parity:\n    tolerance: 5%\n");
    let new = edit(
        &old,
        "band: { min: 250000, mid: 295000, max: 340000 }\n        expectations:\n          technical-depth: 3",
        "band: { min: 255000, mid: 300000, max: 345000 }\n        expectations:\n          technical-depth: 3",
    );
    let out = human("tolerance", &old, &new);
    assert!(
        out.contains("management raised more than IC at grade 6;"),
        "{out}"
    );
    assert!(out.contains("findings: 0 introduced"), "{out}");
    insta::assert_snapshot!("diff-within-tolerance", out);
}

#[test]
fn matched_raises_on_both_tracks_are_no_headline() {
    let new = ENGINEERING.replace(
        "band: { min: 250000, mid: 295000, max: 340000 }",
        "band: { min: 262500, mid: 309750, max: 357000 }",
    );
    let out = human("matched", ENGINEERING, &new);
    assert!(!out.contains("management raised"), "{out}");
    assert!(out.contains("ic6 mid +14750 USD (+5.00%)"), "{out}");
    insta::assert_snapshot!("diff-matched-raise", out);
}

#[test]
fn levels_added_removed_renamed_and_moved() {
    let new = edit(
        ENGINEERING,
        "title: Principal Engineer",
        "title: Principal Software Engineer",
    );
    // A Fellow moved up a grade: the VP has no counterpart any more.
    let new = edit(&new, "        grade: 8\n", "        grade: 9\n");
    let new = edit(
        &new,
        "    levels:\n      - id: em1",
        "    levels:\n      - id: tl1\n        title: Team Lead\n        grade: 3\n        band: { min: 145000, mid: 168000, max: 191000 }\n        expectations: { technical-depth: 2, system-design: 2, delivery: 2, collaboration: 2, influence: 2, people-development: 1, hiring: 1 }\n      - id: em1",
    );
    let out = human("levels", ENGINEERING, &new);
    assert!(
        out.contains("ic6 renamed: Principal Engineer -> Principal Software Engineer"),
        "{out}"
    );
    assert!(out.contains("ic8 grade 8 -> 9"), "{out}");
    assert!(
        out.contains("tl1 added (Team Lead, management, grade 3)"),
        "{out}"
    );
    insta::assert_snapshot!("diff-levels", out);
    // And back: the level removed, the findings fixed.
    let out = human("levels-back", &new, ENGINEERING);
    assert!(out.contains("tl1 removed"), "{out}");
    insta::assert_snapshot!("diff-levels-back", out);
}

#[test]
fn tracks_competencies_and_zones_renamed_added_and_removed() {
    let new = edit(
        ENGINEERING,
        "name: Individual contributor",
        "name: Engineering IC",
    );
    let new = edit(
        &new,
        "  - id: toronto\n    name: Toronto\n    factor: 0.85\n    currency: CAD\n    rate: 1.38",
        "  - id: berlin\n    name: Berlin\n    factor: 0.75\n    currency: EUR\n    rate: 0.92",
    );
    let new = edit(
        &new,
        "    name: London\n    factor: 0.8",
        "    name: Greater London\n    factor: 0.85",
    );
    let new = edit(&new, "name: Hiring and team building", "name: Hiring");
    let out = human("items", ENGINEERING, &new);
    assert!(
        out.contains("ic renamed: Individual contributor -> Engineering IC"),
        "{out}"
    );
    assert!(out.contains("toronto removed (Toronto, CAD)"), "{out}");
    assert!(out.contains("berlin added (Berlin, EUR)"), "{out}");
    assert!(out.contains("london factor 0.8 -> 0.85"), "{out}");
    // Zone bands as they result: every London amount moves by the factor.
    assert!(
        out.contains("london: ic6 mid 186440 -> 198092.50 GBP (+6.25%)"),
        "{out}"
    );
    insta::assert_snapshot!("diff-items", out);
}

#[test]
fn expectations_raised_lowered_added_and_removed() {
    let new = edit(
        ENGINEERING,
        "          technical-depth: 1\n          system-design: 1\n          delivery: 1\n",
        "          technical-depth: 2\n          delivery: 1\n",
    );
    let out = human("expectations", ENGINEERING, &new);
    assert!(out.contains("ic1 technical-depth raised 1 -> 2"), "{out}");
    assert!(out.contains("ic1 system-design removed 1 -> none"), "{out}");
    let back = human("expectations-back", &new, ENGINEERING);
    assert!(
        back.contains("ic1 technical-depth lowered 2 -> 1"),
        "{back}"
    );
    assert!(back.contains("ic1 system-design added none -> 1"), "{back}");
    insta::assert_snapshot!("diff-expectations", format!("{out}\n---\n{back}"));
}

#[test]
fn policy_and_effective_date_changes() {
    let new = edit(
        ENGINEERING,
        "pay_period: annual\n",
        "pay_period: annual\neffective_date: 2027-01-01\n",
    );
    let new = format!(
        "{new}\npolicy:\n  parity:\n    tolerance: 2%\n  spread: {{ min: 25%, max: 65% }}\n"
    );
    let (code, out, _) = diff("policy", ENGINEERING, &new, &["--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("| effective\\_date | none | 2027-01-01 |"),
        "{out}"
    );
    assert!(out.contains("| parity.tolerance | 0% | 2% |"), "{out}");
    insta::assert_snapshot!("diff-policy-markdown", out);
}

#[test]
fn fail_on_gates_a_pay_decrease_and_new_errors() {
    let lower = ENGINEERING.replace(
        "band: { min: 100000, mid: 115000, max: 130000 }",
        "band: { min: 99000, mid: 115000, max: 130000 }",
    );
    let (code, out, _) = diff(
        "decrease",
        ENGINEERING,
        &lower,
        &["--fail-on", "any-pay-decrease"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("ic1 min 100000 -> 99000 USD (-1.00%)"),
        "{out}"
    );
    assert!(
        out.contains("1 band point and 3 zone amounts changed (4 down)"),
        "{out}"
    );
    let (code, _, _) = diff(
        "decrease-new-errors",
        ENGINEERING,
        &lower,
        &["--fail-on", "new-errors"],
    );
    assert_eq!(code, 0, "a lower minimum breaks no rule");
    let (code, _, _) = diff(
        "no-decrease",
        SKILLED_TRADES,
        SKILLED_TRADES,
        &["--fail-on", "any-pay-decrease"],
    );
    assert_eq!(code, 0);

    let refresh = management_refresh();
    let (code, _, _) = diff(
        "new-errors",
        ENGINEERING,
        &refresh,
        &["--fail-on", "new-errors"],
    );
    assert_eq!(code, 1, "the refresh opens parity gaps from grade 6");
    let (code, out, _) = diff("fixed", &refresh, ENGINEERING, &["--fail-on", "new-errors"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Findings fixed (in old.yaml):\n  error[parity-gap] old.yaml:139:48"),
        "{out}"
    );
}

#[test]
fn a_version_that_does_not_load_is_reported_with_its_findings() {
    let broken = edit(
        ENGINEERING,
        "min: 145000, mid: 168000, max: 191000",
        "min: 191000, mid: 168000, max: 145000",
    );
    let (code, out, err) = diff("broken", ENGINEERING, &broken, &[]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.contains("error[band-order]"), "{err}");
    insta::assert_snapshot!("diff-broken", err);
    let (code, json, _) = diff("broken-json", ENGINEERING, &broken, &["--format", "json"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["files"][0]["path"], "new.yaml");
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        text(&status.stderr)
    );
}

#[test]
fn a_version_is_read_from_git_as_rev_colon_path() {
    let dir = workdir("git");
    git(&dir, &["init", "-q", "-b", "main"]);
    std::fs::create_dir_all(dir.join("ladders")).unwrap();
    std::fs::write(dir.join("ladders/engineering.yaml"), ENGINEERING).unwrap();
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "ladder"]);
    std::fs::write(dir.join("ladders/engineering.yaml"), management_refresh()).unwrap();
    let out = dualtrack_in(
        &dir,
        &[
            "diff",
            "main:ladders/engineering.yaml",
            "ladders/engineering.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with(
        "main:ladders/engineering.yaml -> ladders/engineering.yaml\nmanagement raised more than IC"
    ));

    let unknown = dualtrack_in(
        &dir,
        &[
            "diff",
            "release:ladders/engineering.yaml",
            "ladders/engineering.yaml",
        ],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        text(&unknown.stderr),
        "error: cannot read `release:ladders/engineering.yaml`: unknown revision `release` (no file `release:ladders/engineering.yaml` either)\n"
    );
    let missing = dualtrack_in(
        &dir,
        &["diff", "main:design.yaml", "ladders/engineering.yaml"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        text(&missing.stderr),
        "error: cannot read `main:design.yaml`: path 'design.yaml' does not exist in 'main'\n"
    );

    let outside = workdir("no-git");
    std::fs::write(outside.join("new.yaml"), ENGINEERING).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dualtrack"))
        .args(["diff", "main:new.yaml", "new.yaml"])
        .env("GIT_CEILING_DIRECTORIES", outside.parent().unwrap())
        .current_dir(&outside)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not inside a git repository"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn no_change_says_so() {
    let out = human("same", ENGINEERING, ENGINEERING);
    assert_eq!(out, "old.yaml -> new.yaml\nno change\n");
}

#[test]
fn variable_pay_moves_parity_on_total_target_cash() {
    let old = include_str!("../../ladders/examples/variable-pay.yaml");
    // The fix the example names: the principal engineer gets the directors' target.
    let new = edit(
        old,
        "        band: { min: 250000, mid: 295000, max: 340000 }\n        equity:",
        "        band: { min: 250000, mid: 295000, max: 340000 }\n        variable: { target: 15% }\n        equity:",
    );
    let out = human("variable", old, &new);
    assert!(out.contains("ic6 variable none -> 15% of base"), "{out}");
    assert!(
        out.contains("ic6 target cash mid +44250 USD (+15.00%)"),
        "{out}"
    );
    assert!(
        out.contains("Findings fixed (in old.yaml):\n  error[total-pay-gap]"),
        "{out}"
    );
    insta::assert_snapshot!("diff-variable-pay", out);
}

#[test]
fn markdown_cells_keep_ladder_text_as_text() {
    let new = edit(
        ENGINEERING,
        "title: Principal Engineer",
        "title: \"Principal | <script>alert(1)</script> *Engineer*\"",
    );
    let (code, out, _) = diff(
        "markdown-escape",
        ENGINEERING,
        &new,
        &["--format", "markdown"],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "| ic6 | renamed | Principal Engineer | Principal \\| &lt;script&gt;alert(1)&lt;/script&gt; \\*Engineer\\* |"
        ),
        "{out}"
    );
    assert!(!out.contains("<script>"), "{out}");
}
