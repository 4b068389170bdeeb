//! `show`, `move` and `assess` as a user runs them: output and exit codes.
#![cfg(feature = "cli")]

use crate::common;

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
    // A labelled grade keeps its rank in JSON, so that it reads back ordered.
    let grade = |rank: u32, label: &str| serde_json::json!({ "rank": rank, "label": label });
    assert_eq!(json["grades"][3], grade(3, "GS-11"));
    assert_eq!(json["tracks"][1]["levels"][0]["grade"], grade(5, "GS-13"));
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

/// A ladder whose invariants hold but which breaks a policy rule (here a
/// parity gap, the very thing to look at) is answered about: its findings
/// come first on stderr, as `validate` shows them, then the answer.
#[test]
fn a_ladder_with_policy_errors_is_answered_after_its_findings() {
    const GAP: &str = "tests/fixtures/rules/parity-gap.yaml";
    const STAFF: &str = "tests/fixtures/ratings/minimal-staff.yaml";
    for (name, args) in [
        ("show-policy-errors", &["show", GAP, "ic3"][..]),
        (
            "move-policy-errors",
            &["move", GAP, "--from", "ic3", "--to", "management"],
        ),
        ("assess-policy-errors", &["assess", GAP, STAFF]),
    ] {
        let out = dualtrack(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("error[parity-gap]"), "{stderr}");
        insta::assert_snapshot!(
            name,
            format!("--- stderr\n{stderr}--- stdout\n{}", text(&out.stdout))
        );
    }
    // JSON keeps stdout to the answer alone.
    let out = dualtrack(&["show", GAP, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(json["id"], "minimal");
    assert!(text(&out.stderr).contains("error[parity-gap]"));
    // `validate` stays as strict as it was.
    assert_eq!(dualtrack(&["validate", GAP]).status.code(), Some(1));
}

/// Every rule fixture whose invariants hold (so every policy rule's) is
/// answered by `show`, `move` and `assess`, never a panic: its findings on
/// stderr, the answer on stdout, exit code 0.
#[test]
fn every_fixture_with_policy_findings_is_answered_by_every_command() {
    let mut answered = 0;
    let mut paths: Vec<_> = std::fs::read_dir("tests/fixtures/rules")
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(loaded) = dualtrack::Loader::new().inspect_path(&path) else {
            continue;
        };
        let ladder = loaded.ladder();
        let file = path.to_str().expect("a UTF-8 path");
        let mut runs: Vec<Vec<String>> = vec![vec!["show".into(), file.into()]];
        for track in ladder.tracks() {
            for level in [track.entry(), track.top()] {
                let id = level.id().to_string();
                runs.push(vec!["show".into(), file.into(), id.clone()]);
                for other in ladder.tracks().iter().filter(|t| t.id() != track.id()) {
                    let to = other.id().to_string();
                    runs.push(
                        ["move", file, "--from", &id, "--to", &to]
                            .map(String::from)
                            .to_vec(),
                    );
                }
            }
        }
        if ladder.id().as_str() == "minimal" {
            runs.push(
                ["assess", file, "tests/fixtures/ratings/minimal-staff.yaml"]
                    .map(String::from)
                    .to_vec(),
            );
        }
        for args in runs {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = dualtrack(&args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{args:?}: {}",
                text(&out.stderr)
            );
            assert!(!out.stdout.is_empty(), "{args:?}");
            // Findings are shown only when there is an error among them.
            assert_eq!(
                out.stderr.is_empty(),
                loaded.is_valid(),
                "{args:?}: {}",
                text(&out.stderr)
            );
            answered += 1;
        }
    }
    assert!(answered > 100, "{answered}");
}

#[test]
fn a_ladder_without_pay_is_shown_without_bands() {
    const NO_PAY: &str = "tests/fixtures/valid/no-pay.yaml";
    insta::assert_snapshot!("show-no-pay", ok(&["show", NO_PAY]));
    insta::assert_snapshot!("show-no-pay-level", ok(&["show", NO_PAY, "ic2"]));
    insta::assert_snapshot!(
        "move-no-pay",
        ok(&["move", NO_PAY, "--from", "ic2", "--to", "management"])
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["show", NO_PAY, "ic2", "--format", "json"])).expect("JSON");
    assert!(json["band"].is_null() && json["pay_period"].is_null());
    assert_eq!(
        fails(2, &["show", NO_PAY, "ic2", "--salary", "100000"]),
        "error: cannot place salary `100000`: ladder `no-pay` publishes no pay (no level has a band)\n"
    );
    // Some levels with a band, one without: the salary cannot be placed on it.
    const PARTLY: &str = "tests/fixtures/rules/missing-band.yaml";
    assert_eq!(
        fails(2, &["show", PARTLY, "ic2", "--salary", "130000"]),
        "error: cannot place a salary on `ic2`: the level has no pay band\n"
    );
    assert_eq!(
        fails(
            2,
            &[
                "move", PARTLY, "--from", "em1", "--to", "ic", "--salary", "130000"
            ]
        ),
        "error: cannot place a salary on `ic2`: the level has no pay band\n"
    );
    let shown = ok(&["show", PARTLY, "ic2"]);
    assert!(
        shown.contains("band         none: no pay band is published for this level"),
        "{shown}"
    );
}

/// One money format per ladder: an hourly ladder's amounts carry their cents
/// in `show LEVEL` and `move` as in the tables (`41.00`, never `41`).
#[test]
fn amounts_keep_the_currency_digits_everywhere_in_a_ladder_with_cents() {
    const TRADES: &str = "ladders/skilled-trades.yaml";
    insta::assert_snapshot!(
        "show-level-hourly-salary",
        ok(&["show", TRADES, "master-roofer", "--salary", "41"])
    );
    let moved = ok(&[
        "move",
        TRADES,
        "--from",
        "master-roofer",
        "--to",
        "site-management",
        "--salary",
        "41",
    ]);
    assert!(
        moved.contains("min 37.00 USD, mid 42.50 USD, max 48.00 USD"),
        "{moved}"
    );
    assert!(moved.contains("Salary 41.00 USD:"), "{moved}");
    assert!(
        moved.contains("unchanged at the midpoint, 42.50 USD"),
        "{moved}"
    );
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
        // `audit` exits 1 on findings, which its example has on purpose.
        let output = if args[0] == "audit" {
            let out = dualtrack(&args);
            assert_eq!(out.status.code(), Some(1), "{command}");
            text(&out.stdout)
        } else {
            ok(&args)
        };
        let shown = block.split_once('\n').map_or("", |(_, rest)| rest);
        match shown.strip_suffix("  ...\n") {
            Some(head) => assert!(output.starts_with(head), "{command}:\n{output}"),
            None => assert_eq!(output, shown, "{command}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 4, "every command has its example");
}

const TRUNK: &str = "tests/fixtures/valid/trunk.yaml";

/// A ladder whose paths split at senior: the trunk and where it splits, and
/// the executive levels, outside parity.
#[test]
fn show_a_ladder_with_a_shared_trunk_and_executives() {
    insta::assert_snapshot!("show-ladder-trunk", ok(&["show", TRUNK]));
}

/// The top of the trunk names its next step on each track and the split.
#[test]
fn show_a_trunk_level() {
    insta::assert_snapshot!("show-level-trunk-top", ok(&["show", TRUNK, "senior"]));
    let lower = ok(&["show", TRUNK, "mid"]);
    assert!(
        lower.contains("split        grade 4, above `senior`, the top of the trunk"),
        "{lower}"
    );
    assert!(
        lower.contains("counterpart  none: a trunk level is shared by every track"),
        "{lower}"
    );
    // The entry of a track has the top of the trunk below it.
    let staff = ok(&["show", TRUNK, "staff"]);
    assert!(
        staff.contains(
            "below        senior  Senior Engineer (Engineering), the top of the shared trunk"
        ),
        "{staff}"
    );
}

/// Moving from the trunk is choosing a path at the split.
#[test]
fn move_from_a_trunk_level_to_each_track() {
    for (from, to) in [
        ("senior", "ic"),
        ("senior", "management"),
        ("junior", "management"),
    ] {
        insta::assert_snapshot!(
            format!("move-{from}-{to}"),
            ok(&["move", TRUNK, "--from", from, "--to", to])
        );
    }
}

#[test]
fn show_an_executive_level() {
    insta::assert_snapshot!("show-level-executive", ok(&["show", TRUNK, "ceo"]));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["show", TRUNK, "ceo", "--format", "json"])).expect("JSON");
    assert_eq!(json["executive"], true);
}

/// A title that already names its track is not suffixed with it again:
/// `People Manager`, not `People Manager (People manager)`.
#[test]
fn a_title_that_names_its_track_is_not_suffixed_again() {
    let staff = ok(&["show", TRUNK, "staff"]);
    assert!(
        staff.contains("counterpart  em1  People Manager, same grade"),
        "{staff}"
    );
    let moved = ok(&["move", TRUNK, "--from", "staff", "--to", "management"]);
    assert!(
        moved.contains("-> em1  People Manager (grade 4)\n"),
        "{moved}"
    );
    let back = ok(&["move", TRUNK, "--from", "em1", "--to", "ic"]);
    assert!(
        back.starts_with("em1  People Manager (grade 4)\n"),
        "{back}"
    );
}

/// Readiness walks each path from the bottom of the trunk: a senior engineer
/// is ready for the top of the trunk on both paths, and the next step is the
/// entry of each track.
#[test]
fn assess_on_a_ladder_with_a_shared_trunk() {
    insta::assert_snapshot!(
        "assess-trunk",
        ok(&[
            "assess",
            TRUNK,
            "tests/fixtures/ratings/senior.yaml",
            "--target",
            "em1"
        ])
    );
}

const NURSING: &str = "tests/fixtures/valid/scales.yaml";

/// A ladder written on a named scale from 0, with competency groups, scoped
/// competencies and entry criteria: `show` prints each.
#[test]
fn show_a_named_scale_groups_scopes_and_entry_criteria() {
    insta::assert_snapshot!("show-ladder-scales", ok(&["show", NURSING]));
    insta::assert_snapshot!("show-level-scales", ok(&["show", NURSING, "rn3"]));
    let out = ok(&["show", NURSING, "rn3", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let first = &json["expectations"][0];
    assert_eq!(first["proficiency"], 3);
    assert_eq!(first["step"], "Advanced");
    assert_eq!(first["group"], "Clinical practice");
    assert_eq!(json["entry_criteria"][0], "Two years as a Registered Nurse");
    let out = ok(&["show", NURSING, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["proficiency_scale"]["start"], 0);
    assert_eq!(
        json["proficiency_scale"]["steps"][2]["name"],
        "Practitioner"
    );
    assert_eq!(json["competencies"][2]["tracks"][0], "clinical");
    // A v1 ladder's JSON says nothing of scales or groups.
    let out = ok(&["show", ENGINEERING, "--format", "json"]);
    assert!(!out.contains("proficiency_scale") && !out.contains("\"competencies\""));
}

/// Ratings written with the ladder's step names, and the gaps and the move
/// in those names.
#[test]
fn assess_and_move_speak_the_scale_s_step_names() {
    insta::assert_snapshot!(
        "assess-scales",
        ok(&["assess", NURSING, "tests/fixtures/ratings/nurse.yaml"])
    );
    insta::assert_snapshot!(
        "move-scales",
        ok(&["move", NURSING, "--from", "rn3", "--to", "management"])
    );
    let out = ok(&[
        "assess",
        NURSING,
        "tests/fixtures/ratings/nurse.yaml",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let gap = &json["readiness"]["tracks"][0]["next"]["craft_gaps"][0];
    assert_eq!(
        (&gap["expected"], &gap["expected_step"]),
        (&3.into(), &"Advanced".into())
    );
    assert_eq!(gap["assessed_step"], "Practitioner");
    let out = ok(&[
        "move",
        NURSING,
        "--from",
        "rn3",
        "--to",
        "management",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["lowered"][0]["from_step"], "Advanced");
    assert_eq!(json["lowered"][0]["to_step"], "Practitioner");
}

const STEPS: &str = "tests/fixtures/valid/pay-steps.yaml";
const SPOT: &str = "tests/fixtures/valid/spot-rates.yaml";
const TRADE: &str = "tests/fixtures/cli/electrical-trade.yaml";

/// A stepped pay table: `show LEVEL` lists the steps, and `show --salary`
/// (for a level or the whole ladder) names the step a salary sits on.
#[test]
fn show_names_the_step_a_salary_sits_on() {
    insta::assert_snapshot!("show-steps-ladder", ok(&["show", STEPS]));
    let between = ok(&["show", STEPS, "staff-nurse", "--salary", "34000"]);
    assert!(
        between.contains("; between steps 2 and 3 of 3"),
        "{between}"
    );
    insta::assert_snapshot!("show-steps-level-salary", between);
    let on = ok(&["show", STEPS, "--salary", "39405"]);
    assert!(on.contains("on step 2 of 3"), "{on}");
    insta::assert_snapshot!("show-steps-salary", on);
    // JSON: the steps, and where the salary sits, as numbers.
    let json = ok(&[
        "show",
        STEPS,
        "specialist-nurse",
        "--salary",
        "44962",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["steps"][2]["amount"], "44962");
    assert_eq!(json["step"], serde_json::json!({ "on": 3, "of": 3 }));
    let json = ok(&["show", STEPS, "--salary", "30000", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["salary"]["levels"][0]["id"], "staff-nurse");
    assert_eq!(
        json["salary"]["steps"][0],
        serde_json::json!({ "between": [1, 2], "of": 3 })
    );
}

/// Spot rates print as one amount, and a rate written as a percentage of
/// another level's shows both the amount and the percentage.
#[test]
fn show_prints_spot_rates_and_their_basis() {
    insta::assert_snapshot!("show-spot-rates", ok(&["show", SPOT]));
    let splicer = ok(&["show", SPOT, "cable-splicer", "--salary", "45.10"]);
    assert!(
        splicer.contains("rate         45.10 USD (110% of `journeyman`, hourly pay)"),
        "{splicer}"
    );
    assert!(splicer.contains("45.10 USD: at the rate"), "{splicer}");
    insta::assert_snapshot!("show-spot-rate-level", splicer);
    // The full sheet, as `show` answers it despite its `ic-ceiling` error.
    let out = dualtrack(&["show", TRADE, "foreman"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("49.20 USD (120% of `journeyman`, hourly pay)"),
        "{stdout}"
    );
    let json = ok(&["show", SPOT, "apprentice-1", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["band"]["spot"], true);
    assert_eq!(json["band"]["mid"]["amount"], "16.40");
    assert_eq!(
        json["pay_basis"],
        serde_json::json!({ "percent": "40%", "of": "journeyman" })
    );
}

/// The spot-rate ladder validates without a word about band spread.
#[test]
fn a_spot_rate_ladder_validates_without_spread_noise() {
    let out = dualtrack(&["validate", SPOT]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "checked 1 file: 0 errors, 0 warnings\n");
    let out = dualtrack(&["validate", TRADE]);
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("band-spread"), "{stderr}");
    assert!(
        stderr.contains("checked 1 file: 1 error, 0 warnings"),
        "{stderr}"
    );
}
