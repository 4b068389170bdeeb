//! `dualtrack audit`: a generated roster with planted facts is reported
//! exactly so, in every format; the library audits rows it is handed; small
//! groups stay suppressed, and cannot be worked out from the others.

use crate::common::roster;

use dualtrack::Ladder;
use dualtrack::audit::AuditOptions;

const ENGINEERING: &str = "ladders/engineering.yaml";
const PLANTED: &str = "tests/fixtures/audit/planted.csv";

fn engineering() -> Ladder {
    dualtrack::load_path(ENGINEERING).unwrap().into_ladder()
}

/// The CSV text as `(line, fields)` rows after its header, for the library.
fn rows(csv: &str) -> (Vec<String>, Vec<(u64, Vec<String>)>) {
    let mut lines = csv.lines();
    let header = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_owned)
        .collect();
    let rows = lines
        .enumerate()
        .map(|(i, l)| (i as u64 + 2, l.split(',').map(str::to_owned).collect()))
        .collect();
    (header, rows)
}

/// The owned audit, for a service that answers from a worker thread, has
/// the JSON of the borrowing one, and reads back from it: to an equal value
/// but for each cell's salaries, which are never serialized.
#[cfg(feature = "serde")]
#[test]
fn the_owned_audit_serializes_like_the_borrowing_one() {
    let ladder = std::sync::Arc::new(engineering());
    let (header, rows) = rows(&roster::planted());
    let audit = ladder
        .audit(
            header.iter().map(String::as_str),
            rows.clone(),
            AuditOptions::by("gender"),
        )
        .unwrap();
    let json = serde_json::to_string(&audit).unwrap();
    let worker = {
        let ladder = std::sync::Arc::clone(&ladder);
        std::thread::spawn(move || {
            let header = header.iter().map(String::as_str);
            let audit = ladder.audit(header, rows, AuditOptions::by("gender"));
            audit.map(dualtrack::audit::Audit::into_owned)
        })
    };
    let owned = worker.join().unwrap().unwrap();
    assert!(owned.has_findings());
    assert_eq!(serde_json::to_string(&owned).unwrap(), json);
    let back: dualtrack::audit::AuditAnswer = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    assert_eq!(back.out_of_band, owned.out_of_band);
    assert_eq!(back.parity, owned.parity);
    assert_eq!(back.groups, owned.groups);
}

#[test]
fn the_fixture_is_the_generated_roster() {
    assert_eq!(std::fs::read_to_string(PLANTED).unwrap(), roster::planted());
}

#[test]
fn the_library_finds_the_planted_facts() {
    let ladder = engineering();
    let (header, rows) = rows(&roster::planted());
    let audit = ladder
        .audit(
            header.iter().map(String::as_str),
            rows,
            AuditOptions::by("gender"),
        )
        .unwrap();
    assert_eq!(
        (audit.rows().read, audit.rows().used, audit.rows().rejected),
        (65, 63, 2)
    );
    // Three people below their band minimum, no one above.
    let below: Vec<&str> = audit
        .out_of_band()
        .iter()
        .filter(|o| o.below)
        .map(|o| o.who.as_str())
        .collect();
    assert_eq!(below, ["p007", "p014", "p015"]);
    assert_eq!(audit.out_of_band().len(), 3);
    // A 7% management premium at grade 5, and only there.
    let findings: Vec<_> = audit.parity().iter().filter(|p| p.finding).collect();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].grade.rank(), 5);
    let base = findings[0].base.unwrap();
    assert_eq!(base.median.amount.to_string(), "+17500 USD");
    assert_eq!(base.median.ratio.unwrap().percent().to_string(), "7.00%");
    assert_eq!(base.mean.ratio.unwrap().percent().to_string(), "7.00%");
    // The level of four is suppressed, and nothing else is.
    let suppressed: Vec<&str> = audit
        .levels()
        .iter()
        .filter(|c| c.suppressed)
        .map(|c| c.level.as_str())
        .collect();
    assert_eq!(suppressed, ["ic8"]);
    // Two malformed rows, located, with a did-you-mean.
    let rejected: Vec<(u64, usize, &str)> = audit
        .rejected()
        .iter()
        .map(|r| (r.line, r.column, r.message.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            (
                23,
                2,
                "no level `Staff Enginer` in ladder `engineering`; did you mean `ic4`?"
            ),
            (
                44,
                3,
                "salary `180000.555` is not an exact amount in USD, which has 2 decimal places"
            ),
        ]
    );
    // The gender groups are paid alike: nothing flagged.
    assert!(
        audit
            .groups()
            .iter()
            .flat_map(|g| &g.groups)
            .all(|g| !g.flagged)
    );
}

#[test]
fn medians_of_even_counts_round_half_up_to_the_minor_unit() {
    let ladder = engineering();
    let rows = [(2, vec!["ic1", "100000.01"]), (3, vec!["ic1", "100000.02"])];
    let mut options = AuditOptions::default();
    options.min_group = 2;
    let audit = ladder.audit(["level", "salary"], rows, options).unwrap();
    let figures = audit.levels()[0].figures.as_ref().unwrap();
    assert_eq!(figures.salary.median.to_string(), "100000.02 USD"); // 100000.015 half up
    assert_eq!(figures.salary.mean.to_string(), "100000.02 USD");
}

/// A group of four beside a group of twenty at one grade: the four are
/// suppressed, and so is the twenty, or the four could be worked out from
/// the grade's total (published through the IC and management sides).
#[test]
fn suppression_is_complementary() {
    let ladder = engineering();
    let mut csv = String::from("level,salary,gender\n");
    for i in 0..4 {
        csv.push_str(&format!("ic5,{},X\n", 220_000 + i * 1000));
    }
    for i in 0..10 {
        csv.push_str(&format!(
            "ic5,{},F\nem2,{},M\n",
            230_000 + i * 1000,
            230_000 + i * 1000
        ));
    }
    let (header, rows) = rows(&csv);
    let audit = ladder
        .audit(
            header.iter().map(String::as_str),
            rows,
            AuditOptions::by("gender"),
        )
        .unwrap();
    let groups = &audit.groups()[0].groups;
    let hidden: Vec<(&str, bool)> = groups
        .iter()
        .map(|g| (g.group.as_str(), g.base.is_none()))
        .collect();
    assert_eq!(hidden, expected_hidden());
}

/// F (10 people) is the smallest published group next to X (4): it is
/// hidden with X, so that the two together hold at least five.
fn expected_hidden() -> Vec<(&'static str, bool)> {
    vec![("F", true), ("M", false), ("X", true)]
}

#[test]
fn a_header_without_salary_is_refused() {
    let ladder = engineering();
    let error = ladder
        .audit(
            ["level", "pay"],
            Vec::<(u64, Vec<String>)>::new(),
            AuditOptions::default(),
        )
        .unwrap_err();
    assert_eq!(error.to_string(), "the roster has no `salary` column");
}

#[cfg(feature = "cli")]
mod cli {
    use super::*;
    use crate::common::{dualtrack, text};

    fn run(args: &[&str]) -> (i32, String, String) {
        let out = dualtrack(args);
        (
            out.status.code().unwrap(),
            text(&out.stdout),
            text(&out.stderr),
        )
    }

    #[test]
    fn every_format_reports_the_planted_facts() {
        for format in ["human", "json", "csv", "html"] {
            let (code, stdout, stderr) = run(&[
                "audit",
                ENGINEERING,
                PLANTED,
                "--by",
                "gender",
                "--format",
                format,
            ]);
            assert_eq!(code, 1, "{format}: findings exit 1; {stderr}");
            assert!(stderr.is_empty(), "{format}: {stderr}");
            insta::assert_snapshot!(format!("audit-planted-{format}"), stdout);
        }
    }

    #[test]
    fn the_human_output_names_each_fact() {
        let (_, out, _) = run(&["audit", ENGINEERING, PLANTED]);
        assert!(out.contains("rows: 65 read, 63 used, 2 rejected"));
        assert!(out.contains("base gap: median +17500.00 USD (7.00%), mean +17500.00 USD (7.00%)"));
        assert_eq!(out.matches("below the minimum").count(), 3);
        assert!(out.contains("ic8    suppressed"));
        assert!(out.contains("line 23, column 2 (`level`)"));
        assert!(out.contains("line 44, column 3 (`salary`)"));
    }

    #[test]
    fn the_page_is_well_formed_and_self_contained() {
        let (_, page, _) = run(&["audit", ENGINEERING, PLANTED, "--format", "html"]);
        assert!(page.starts_with("<!DOCTYPE html>"));
        for outside in ["<script", "src=", "href=", "url(", "@import", "<link"] {
            assert!(!page.contains(outside), "{outside}");
        }
        // Every element is closed in order (void elements aside).
        let mut open: Vec<String> = Vec::new();
        let mut rest = page.as_str();
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let end = rest.find('>').expect("a closed tag");
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag.starts_with('!') || tag.ends_with('/') || tag.starts_with("meta") {
                continue;
            }
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if tag.starts_with('/') {
                assert_eq!(open.pop().as_deref(), Some(name.as_str()), "closing {name}");
            } else {
                open.push(name);
            }
        }
        assert!(open.is_empty(), "{open:?}");
        // A dot per person outside the suppressed level, and a chart per grade.
        assert_eq!(page.matches("<circle").count(), 59);
        assert_eq!(page.matches("<svg").count(), 6);
    }

    #[test]
    fn strict_turns_rejections_into_exit_1_and_semicolons_are_detected() {
        let dir = std::env::temp_dir().join(format!("dualtrack-audit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("roster.csv");
        std::fs::write(&path, "\u{feff}level;salary\nic1;110000\nic1;11O000\n").unwrap();
        let path = path.to_str().unwrap();
        let (code, out, _) = run(&["audit", ENGINEERING, path]);
        assert_eq!(code, 0, "{out}");
        assert!(
            out.contains("line 3, column 2 (`salary`): salary `11O000` is not an exact amount"),
            "{out}"
        );
        let (code, _, _) = run(&["audit", ENGINEERING, path, "--strict"]);
        assert_eq!(code, 1);
        let (code, _, err) = run(&["audit", ENGINEERING, "no/such.csv"]);
        assert_eq!(code, 2, "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// Salaries in a zone are in its currency and placed in its band; an
/// unknown zone and a missing salary are rejected where they are.
#[test]
fn zones_and_missing_fields() {
    let ladder = engineering();
    let rows = [
        (2, vec!["ic1", "london", "60000"]),
        (3, vec!["ic1", "londn", "60000"]),
        (4, vec!["ic1", "", ""]),
        (5, vec!["ic1", "london", "60000.555"]),
    ];
    let mut options = AuditOptions::default();
    options.min_group = 1;
    let audit = ladder
        .audit(["level", "zone", "salary"], rows, options)
        .unwrap();
    assert_eq!(audit.rows().used, 1);
    let cell = &audit.levels()[0];
    assert_eq!(cell.zone.as_ref().map(|z| z.as_str()), Some("london"));
    assert_eq!(
        cell.figures.as_ref().unwrap().salary.median.to_string(),
        "60000 GBP"
    );
    let rejected: Vec<(u64, usize, &str)> = audit
        .rejected()
        .iter()
        .map(|r| (r.line, r.column, r.message.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            (
                3,
                2,
                "no zone `londn` in ladder `engineering`; did you mean `london`?"
            ),
            (4, 3, "the salary is missing"),
            (
                5,
                3,
                "salary `60000.555` is not an exact amount in GBP, which has 2 decimal places"
            ),
        ]
    );
}
