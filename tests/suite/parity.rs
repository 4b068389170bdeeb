//! The dual-track parity rules at their edges, under every mode.
//!
//! Each case starts from `fixtures/valid/minimal.yaml`, where `ic3` (IC) and
//! `em2` (management) share grade 3 and the band 145000 / 168000 / 191000 USD,
//! changes the IC band and the policy, and asserts the `parity-gap` findings.

use dualtrack::{Finding, Loader, Override, Report};

use crate::common;

use common::report_of;

const MANAGEMENT_BAND: &str =
    "band: { min: 145000, mid: 168000, max: 191000 }\n        expectations: { coding: 2";

fn ladder(ic_band: &str, policy: &str) -> String {
    let base =
        std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").expect("minimal ladder");
    let ic3 = "band: { min: 145000, mid: 168000, max: 191000 }\n        expectations: { coding: 3";
    assert!(base.contains(ic3) && base.contains(MANAGEMENT_BAND));
    let changed = base.replacen(
        ic3,
        &format!("band: {ic_band}\n        expectations: {{ coding: 3"),
        1,
    );
    format!("{changed}policy:\n  parity: {policy}\n")
}

fn report(yaml: &str) -> Report {
    // The band changes below can also move spread, overlap and progression;
    // this suite is about parity only.
    let loader = [
        "band-spread",
        "band-overlap",
        "midpoint-progression",
        "band-regression",
    ]
    .into_iter()
    .fold(Loader::new(), |loader, code| {
        loader.with_override(code, Override::Allow).expect("rule")
    });
    report_of(loader.load(yaml))
}

fn gaps(ic_band: &str, policy: &str) -> Vec<Finding> {
    let report = report(&ladder(ic_band, policy));
    let others: Vec<_> = report
        .findings()
        .iter()
        .filter(|f| f.code() != "parity-gap")
        .collect();
    assert!(others.is_empty(), "unexpected findings: {others:?}");
    report.findings().to_vec()
}

fn gap_paths(ic_band: &str, policy: &str) -> Vec<String> {
    gaps(ic_band, policy)
        .iter()
        .map(|f| f.path().to_string())
        .collect()
}

const IC3_BAND: &str = "/tracks/0/levels/2/band";

#[test]
fn equal_exactly_equal_passes() {
    assert!(
        gap_paths(
            "{ min: 145000, mid: 168000, max: 191000 }",
            "{ mode: equal }"
        )
        .is_empty()
    );
}

#[test]
fn equal_one_cent_short_fails_at_that_point() {
    let gaps = gaps(
        "{ min: 145000, mid: 168000, max: 190999.99 }",
        "{ mode: equal }",
    );
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].path().to_string(), format!("{IC3_BAND}/max"));
    assert_eq!(
        gaps[0].message(),
        "IC level `ic3` (grade 3) pays up to 190999.99 USD, below management level `em2` (191000 USD)"
    );
    assert_eq!(
        gaps[0].related()[0].path().to_string(),
        "/tracks/1/levels/1/band/max"
    );
}

#[test]
fn equal_one_cent_above_also_fails() {
    let gaps = gaps(
        "{ min: 145000.01, mid: 168000, max: 191000 }",
        "{ mode: equal }",
    );
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].path().to_string(), format!("{IC3_BAND}/min"));
    assert!(
        gaps[0]
            .message()
            .contains("starts at 145000.01 USD, above management level `em2`")
    );
}

#[test]
fn equal_within_tolerance_passes_and_just_outside_fails() {
    // 1% of 191000 is 1910: 189090 is exactly at the tolerance.
    assert!(
        gap_paths(
            "{ min: 145000, mid: 168000, max: 189090 }",
            "{ mode: equal, tolerance: 1% }"
        )
        .is_empty()
    );
    assert!(
        gap_paths(
            "{ min: 145000, mid: 168000, max: 192910 }",
            "{ mode: equal, tolerance: 0.01 }"
        )
        .is_empty()
    );
    assert_eq!(
        gap_paths(
            "{ min: 145000, mid: 168000, max: 189089.99 }",
            "{ mode: equal, tolerance: 1% }"
        ),
        [format!("{IC3_BAND}/max")]
    );
    assert_eq!(
        gap_paths(
            "{ min: 145000, mid: 168000, max: 192910.01 }",
            "{ mode: equal, tolerance: 1% }"
        ),
        [format!("{IC3_BAND}/max")]
    );
}

#[test]
fn at_least_accepts_more_and_refuses_one_cent_less() {
    assert!(
        gap_paths(
            "{ min: 150000, mid: 175000, max: 200000 }",
            "{ mode: at_least }"
        )
        .is_empty()
    );
    assert!(
        gap_paths(
            "{ min: 145000, mid: 168000, max: 191000 }",
            "{ mode: at_least }"
        )
        .is_empty()
    );
    assert_eq!(
        gap_paths(
            "{ min: 144999.99, mid: 168000, max: 191000 }",
            "{ mode: at_least }"
        ),
        [format!("{IC3_BAND}/min")]
    );
}

#[test]
fn at_least_within_tolerance_passes_and_just_outside_fails() {
    // 2% of 168000 is 3360.
    assert!(
        gap_paths(
            "{ min: 145000, mid: 164640, max: 191000 }",
            "{ mode: at_least, tolerance: 2% }"
        )
        .is_empty()
    );
    assert_eq!(
        gap_paths(
            "{ min: 145000, mid: 164639.99, max: 191000 }",
            "{ mode: at_least, tolerance: 2% }"
        ),
        [format!("{IC3_BAND}/mid")]
    );
}

#[test]
fn overlap_touching_bands_pass_and_disjoint_ones_fail() {
    assert!(
        gap_paths(
            "{ min: 120000, mid: 132500, max: 145000 }",
            "{ mode: overlap }"
        )
        .is_empty()
    );
    let gaps = gaps(
        "{ min: 120000, mid: 132500, max: 144999.99 }",
        "{ mode: overlap }",
    );
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].path().to_string(), IC3_BAND);
    assert!(
        gaps[0]
            .message()
            .contains("does not overlap management level `em2`")
    );
    // A band entirely above management does not overlap either.
    assert_eq!(
        gap_paths(
            "{ min: 191000.01, mid: 200000, max: 230000 }",
            "{ mode: overlap }"
        ),
        [IC3_BAND]
    );
}

#[test]
fn below_from_grade_parity_is_not_enforced_but_a_management_premium_is_reported() {
    let report = report(&ladder(
        "{ min: 140000, mid: 160000, max: 180000 }",
        "{ mode: equal, from_grade: 4 }",
    ));
    let codes: Vec<_> = report
        .findings()
        .iter()
        .map(|f| (f.code(), f.path().to_string()))
        .collect();
    assert_eq!(
        codes,
        [(
            "management-premium",
            "/tracks/1/levels/1/band/mid".to_owned()
        )]
    );
}

#[test]
fn default_from_grade_is_the_third_highest_management_level() {
    let yaml = std::fs::read_to_string("ladders/engineering.yaml").expect("engineering");
    let ladder = dualtrack::load(&yaml).expect("valid").into_ladder();
    // Management: em1 (4), em2 (5), dir1 (6), dir2 (7), vp (8): the top three start at 6.
    assert_eq!(
        ladder.policy().parity_from_grade(),
        &dualtrack::Grade::new(6)
    );
}

#[test]
fn zone_parity_is_checked_on_the_rounded_zone_bands() {
    // Within 1% in USD; in a zone paying in JPY (no minor unit) the maxima
    // become 1.4938 and 1.5089 JPY, rounded to 1 and 2: no longer within 1%.
    let yaml = ladder(
        "{ min: 145000, mid: 168000, max: 189090 }",
        "{ mode: equal, tolerance: 1% }",
    ) + "zones:\n  - { id: tiny, name: Tiny, factor: 0.0000079, currency: JPY, rate: 1 }\n";
    let report = report(&yaml);
    let gaps: Vec<_> = report
        .findings()
        .iter()
        .filter(|f| f.code() == "parity-gap")
        .collect();
    assert_eq!(gaps.len(), 1, "{report:?}");
    assert_eq!(gaps[0].path().to_string(), "/zones/0");
    assert!(
        gaps[0]
            .message()
            .starts_with("in zone `tiny`, IC level `ic3`"),
        "{}",
        gaps[0].message()
    );
}
