//! `show`, `move` and `assess` as a user runs them: output and exit codes.
#![cfg(feature = "cli")]

mod common;

use common::{dualtrack, text};

/// Runs a command that must succeed, and returns its stdout.
fn ok(args: &[&str]) -> String {
    let out = dualtrack(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// Runs a command that must fail with `code`, and returns its stderr.
fn fails(code: i32, args: &[&str]) -> String {
    let out = dualtrack(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stderr)
}

const ENGINEERING: &str = "ladders/engineering.yaml";
const PRINCIPAL: &str = "tests/fixtures/ratings/principal.yaml";
const BROKEN_LADDER: &str = "tests/fixtures/cli/engineering-broken.yaml";

#[test]
fn show_the_whole_ladder() {
    insta::assert_snapshot!("show-ladder", ok(&["show", ENGINEERING]));
    insta::assert_snapshot!(
        "show-ladder-hourly",
        ok(&["show", "ladders/skilled-trades.yaml"])
    );
}

/// A ladder graded by a declared scale shows the scale, and every grade by
/// its label.
#[test]
fn show_a_ladder_graded_by_labels() {
    const SCALED: &str = "tests/fixtures/valid/grade-scale.yaml";
    insta::assert_snapshot!("show-ladder-grade-scale", ok(&["show", SCALED]));
    insta::assert_snapshot!("show-level-grade-scale", ok(&["show", SCALED, "gs11"]));
    let json = ok(&["show", SCALED, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["grades"][3], "GS-11");
    assert_eq!(json["tracks"][1]["levels"][0]["grade"], "GS-13");
    let moved = ok(&["move", SCALED, "--from", "gs11", "--to", "supervisory"]);
    assert!(
        moved.contains(
            "A step up of 2 grades: the Supervisory track starts at grade GS-13, above grade GS-11."
        ),
        "{moved}"
    );
}

#[test]
fn show_a_level_with_its_neighbours_and_counterpart() {
    insta::assert_snapshot!("show-level", ok(&["show", ENGINEERING, "ic6"]));
    let top = ok(&["show", ENGINEERING, "vp"]);
    assert!(
        top.contains("above        none: the top of the track"),
        "{top}"
    );
    assert!(
        top.contains("counterpart  ic8  Engineering Fellow (Individual contributor), same grade"),
        "{top}"
    );
}

#[test]
fn show_a_level_in_a_zone_with_another_currency() {
    // ic1 is the bottom of its track and has no management counterpart;
    // 63200 GBP is exactly the bottom of its London band.
    insta::assert_snapshot!(
        "show-level-zone-salary",
        ok(&[
            "show",
            ENGINEERING,
            "ic1",
            "--zone",
            "london",
            "--salary",
            "63200"
        ])
    );
}

/// Someone in London sees the move in pounds, and where their pay lands in
/// the new band.
#[test]
fn move_in_a_zone_with_a_salary() {
    insta::assert_snapshot!(
        "move-ic2-management-london-salary",
        ok(&[
            "move",
            ENGINEERING,
            "--from",
            "ic2",
            "--to",
            "management",
            "--zone",
            "london",
            "--salary",
            "90000"
        ])
    );
    let json = ok(&[
        "move",
        ENGINEERING,
        "--from",
        "ic2",
        "--to",
        "management",
        "--zone",
        "london",
        "--salary",
        "90000",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["zone"], "london");
    assert_eq!(json["to_band"]["mid"]["currency"], "GBP");
    assert_eq!(json["salary"]["to"]["placement"], "below");
    assert_eq!(json["salary"]["to"]["outside_by"]["amount"], "20600");
    let unknown = fails(
        2,
        &[
            "move",
            ENGINEERING,
            "--from",
            "ic2",
            "--to",
            "management",
            "--zone",
            "londn",
        ],
    );
    assert!(unknown.contains("did you mean `london`?"), "{unknown}");
}

/// A level is found as people write it: its id in capitals, or its title.
#[test]
fn a_level_is_found_by_its_id_in_any_case_or_its_title() {
    let by_id = ok(&["show", ENGINEERING, "ic4"]);
    assert_eq!(ok(&["show", ENGINEERING, "IC4"]), by_id);
    assert_eq!(ok(&["show", ENGINEERING, "staff engineer"]), by_id);
    let unknown = fails(2, &["show", ENGINEERING, "Staff Enginer"]);
    insta::assert_snapshot!("show-level-misspelt-title", unknown);
    let moved = ok(&[
        "move",
        ENGINEERING,
        "--from",
        "Principal Engineer",
        "--to",
        "management",
    ]);
    assert!(moved.starts_with("ic6  Principal Engineer"), "{moved}");
}

/// A salary outside the band says by how much, in money, not only as a
/// ratio: what someone asking "how far off am I?" needs.
#[test]
fn show_says_how_far_outside_the_band_a_salary_is() {
    let below = ok(&["show", ENGINEERING, "ic3", "--salary", "100000"]);
    insta::assert_snapshot!("show-level-salary-below", below);
    assert!(
        below.contains("100000 USD: below the band, 45000 USD below the minimum, compa-ratio"),
        "{below}"
    );
    let above = ok(&["show", ENGINEERING, "ic1", "--salary", "130000.01"]);
    assert!(
        above.contains("above the band, 0.01 USD above the maximum"),
        "{above}"
    );
    let json = ok(&[
        "show",
        ENGINEERING,
        "ic3",
        "--salary",
        "100000",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["salary"]["outside_by"]["amount"], "45000");
}

#[test]
fn show_which_bands_hold_a_salary() {
    insta::assert_snapshot!(
        "show-ladder-zone-salary",
        ok(&[
            "show",
            ENGINEERING,
            "--zone",
            "toronto",
            "--salary",
            "293250"
        ])
    );
    let none = ok(&["show", ENGINEERING, "--salary", "99999.99"]);
    assert!(none.contains("99999.99 USD is in no band"), "{none}");
}

#[test]
fn show_json_is_one_document() {
    let out = ok(&[
        "show",
        ENGINEERING,
        "ic6",
        "--salary",
        "310000",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["counterparts"][0]["id"], "dir1");
    assert_eq!(json["salary"]["compa_ratio"]["fraction"], "62/59");
    insta::assert_snapshot!("show-level-json", out);
    let whole = ok(&["show", ENGINEERING, "--zone", "london", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&whole).expect("JSON");
    assert_eq!(json["currency"], "GBP");
    assert_eq!(
        json["tracks"][0]["levels"][0]["band"]["min"]["amount"],
        "63200"
    );
    assert_eq!(
        json["tracks"][1]["levels"][0]["counterparts"],
        serde_json::json!(["ic4"])
    );
}

#[test]
fn move_describes_the_career_change() {
    insta::assert_snapshot!(
        "move-ic6-management",
        ok(&["move", ENGINEERING, "--from", "ic6", "--to", "management"])
    );
    insta::assert_snapshot!(
        "move-dir1-ic",
        ok(&["move", ENGINEERING, "--from", "dir1", "--to", "ic"])
    );
    insta::assert_snapshot!(
        "move-ic1-management",
        ok(&["move", ENGINEERING, "--from", "ic1", "--to", "management"])
    );
    let out = ok(&[
        "move",
        ENGINEERING,
        "--from",
        "ic6",
        "--to",
        "management",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["to"]["id"], "dir1");
    assert_eq!(json["direction"], "lateral");
    insta::assert_snapshot!("move-json", out);
}

#[test]
fn assess_reports_readiness_per_track_and_the_gaps() {
    insta::assert_snapshot!(
        "assess",
        ok(&["assess", ENGINEERING, PRINCIPAL, "--target", "dir1"])
    );
    let out = ok(&["assess", ENGINEERING, PRINCIPAL, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["readiness"]["tracks"][0]["ready"]["id"], "ic6");
    assert_eq!(json["readiness"]["tracks"][1]["people"], "not_assessed");
    assert_eq!(json["target"], serde_json::Value::Null);
    insta::assert_snapshot!("assess-json", out);
}

#[test]
fn a_bad_ratings_file_gets_diagnostics_and_exit_1() {
    let stderr = fails(
        1,
        &["assess", ENGINEERING, "tests/fixtures/ratings/broken.yaml"],
    );
    insta::assert_snapshot!("assess-broken", stderr);
    let out = dualtrack(&[
        "assess",
        "ladders/design.yaml",
        PRINCIPAL,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["files"][0]["path"], PRINCIPAL);
    let codes: Vec<&str> = json["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "ladder-mismatch",
            "unknown-competency",
            "unknown-competency",
            "unknown-competency",
            "unknown-competency"
        ]
    );
}

#[test]
fn a_broken_ladder_stops_every_command_with_exit_1() {
    for args in [
        &["show", BROKEN_LADDER][..],
        &["show", BROKEN_LADDER, "ic6"],
        &["move", BROKEN_LADDER, "--from", "ic6", "--to", "management"],
        &["assess", BROKEN_LADDER, PRINCIPAL],
    ] {
        let out = dualtrack(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("error[band-order]"), "{args:?}: {stderr}");
        assert!(
            stderr.ends_with("checked 1 file: 2 errors, 1 warning\n"),
            "{stderr}"
        );
    }
}

#[test]
fn unknown_ids_and_unreadable_paths_are_usage_errors() {
    for (args, message) in [
        (
            &["show", ENGINEERING, "ic66"][..],
            "error: no level `ic66` in ladder `engineering`; did you mean `ic6`?\n",
        ),
        (
            &["show", ENGINEERING, "ic9"],
            "error: no level `ic9` in ladder `engineering`\nhelp: `dualtrack show ladders/engineering.yaml` lists every level, track and zone\n",
        ),
        (
            &["show", ENGINEERING, "--zone", "londn"],
            "error: no zone `londn` in ladder `engineering`; did you mean `london`?\n",
        ),
        (
            &["move", ENGINEERING, "--from", "ic6", "--to", "managment"],
            "error: no track `managment` in ladder `engineering`; did you mean `management`?\n",
        ),
        (
            &["move", ENGINEERING, "--from", "dir", "--to", "ic"],
            "error: no level `dir` in ladder `engineering`; did you mean `dir1` or `dir2`?\n",
        ),
        (
            &["move", ENGINEERING, "--from", "ic6", "--to", "ic"],
            "error: level `ic6` is already on track `ic`; a move goes to another track\n",
        ),
        (
            &["assess", ENGINEERING, PRINCIPAL, "--target", "em3"],
            "error: no level `em3` in ladder `engineering`; did you mean `em1` or `em2`?\n",
        ),
        (
            &["show", ENGINEERING, "ic6", "--salary", "1e5"],
            "error: invalid salary `1e5`: exponent notation is not allowed\n",
        ),
        (
            &["show", ENGINEERING, "ic6", "--salary", "100.001"],
            "error: invalid salary `100.001`: USD has 2 decimal places\n",
        ),
        (
            &["show", "no/such/ladder.yaml"],
            "error: cannot read `no/such/ladder.yaml`: No such file or directory (os error 2)\n",
        ),
        (
            &["assess", ENGINEERING, "no/such/ratings.yaml"],
            "error: cannot read `no/such/ratings.yaml`: No such file or directory (os error 2)\n",
        ),
    ] {
        assert_eq!(fails(2, args), message, "{args:?}");
    }
    for args in [
        &["move", ENGINEERING, "--from", "ic6"][..],
        &["assess", ENGINEERING],
        &["show", ENGINEERING, "--format", "yaml"],
        &["show"],
    ] {
        assert!(fails(2, args).contains("error"), "{args:?}");
    }
}

/// The README's `$ dualtrack ...` examples are what the commands print
/// (a last line of `...` stands for the rest of the output).
#[test]
fn the_readme_shows_real_output() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let mut checked = 0;
    for block in readme.split("```text\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let Some(command) = block
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("$ dualtrack "))
        else {
            continue;
        };
        let args: Vec<&str> = command.split_whitespace().collect();
        let output = ok(&args);
        let shown = block.split_once('\n').map_or("", |(_, rest)| rest);
        match shown.strip_suffix("  ...\n") {
            Some(head) => assert!(output.starts_with(head), "{command}:\n{output}"),
            None => assert_eq!(output, shown, "{command}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 3, "every command has its example");
}
