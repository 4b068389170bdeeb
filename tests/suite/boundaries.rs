//! Every policy rule at its limit: a band exactly at the limit has no
//! finding, and one cent (or one yen) past it has exactly the one finding,
//! where a user sees it and with the message they read.
//!
//! Each case starts from `LADDER`, changes a band or two, and sets a custom
//! `policy` whose limits differ from the defaults, so a rule that fell back to
//! its default would fail: a case past a custom limit is inside the default
//! one, or a case at a custom limit is outside the default one. Amounts are
//! chosen so that the limit is exactly representable in the currency.
//!
//! The whole report is compared, not only the rule under test: the changes are
//! chosen so that no other rule has anything to say, but where a case is about
//! where one rule hands over to another (a flat midpoint is band-regression's;
//! a level moved to another grade leaves a gap or breaks the grade order).

use dualtrack::Loader;

use crate::common;

use common::report_of;

/// `minimal.yaml`'s bands, one level a line: IC `ic1`, `ic2`, `ic3` on lines
/// 14 to 16 and management `em2`, `em3` on lines 21 and 22, at grades 1 to 3.
/// The band of every level starts at column 49 (its min at 56); the policy,
/// when a case sets one, is line 23. The default `parity.from_grade` is 2
/// (the management track has fewer than three levels, so its lowest grade).
///
/// Spreads are 30% to 31.7%, midpoint steps 20% and 21.7%, overlaps 33.3% and
/// 30.6%, and bands of the same grade are equal: clean under the default
/// policy and under every custom one below.
const LADDER: &str = "\
schema_version: 1
id: bounds
name: Bounds
currency: USD
pay_period: annual
competencies:
  - { id: coding, name: Coding, kind: craft }
  - { id: people, name: People, kind: people }
tracks:
  - id: ic
    name: Individual contributor
    kind: individual_contributor
    levels:
      - { id: ic1, title: IC 1, grade: 1, band: { min: 100000, mid: 115000, max: 130000 }, expectations: { coding: 1 } }
      - { id: ic2, title: IC 2, grade: 2, band: { min: 120000, mid: 138000, max: 156000 }, expectations: { coding: 2 } }
      - { id: ic3, title: IC 3, grade: 3, band: { min: 145000, mid: 168000, max: 191000 }, expectations: { coding: 3 } }
  - id: management
    name: Management
    kind: management
    levels:
      - { id: em2, title: EM 2, grade: 2, band: { min: 120000, mid: 138000, max: 156000 }, expectations: { coding: 2, people: 2 } }
      - { id: em3, title: EM 3, grade: 3, band: { min: 145000, mid: 168000, max: 191000 }, expectations: { coding: 3, people: 3 } }
";

/// `LADDER` with `policy: { POLICY }` and each `(level, band)`: that level's
/// band replaced.
fn ladder(policy: &str, bands: &[(&str, &str)]) -> String {
    let mut lines: Vec<String> = LADDER.lines().map(str::to_owned).collect();
    for &(level, band) in bands {
        let line = lines
            .iter_mut()
            .find(|line| line.contains(&format!("{{ id: {level},")))
            .unwrap_or_else(|| panic!("no level `{level}`"));
        let start = line.find("band: ").expect("a band") + "band: ".len();
        let end = start + line[start..].find('}').expect("its closing brace") + 1;
        line.replace_range(start..end, band);
    }
    let mut yaml = lines.join("\n") + "\n";
    if !policy.is_empty() {
        yaml += &format!("policy: {{ {policy} }}\n");
    }
    yaml
}

/// `yaml` with `from` replaced by `to`, once; `from` must be there.
fn edit(yaml: &str, from: &str, to: &str) -> String {
    assert!(yaml.contains(from), "no `{from}` in the ladder");
    yaml.replacen(from, to, 1)
}

/// Every finding of the ladder, as `code line:column message`.
fn findings(policy: &str, bands: &[(&str, &str)]) -> Vec<String> {
    findings_of(&ladder(policy, bands))
}

/// Every finding of a ladder file, as `code line:column message`.
fn findings_of(yaml: &str) -> Vec<String> {
    report_of(Loader::new().load(yaml))
        .findings()
        .iter()
        .map(|f| {
            format!(
                "{} {}:{} {}",
                f.code(),
                f.line().unwrap_or(0),
                f.column().unwrap_or(0),
                f.message()
            )
        })
        .collect()
}

const NONE: [&str; 0] = [];

#[test]
fn the_ladder_is_clean_under_the_defaults_and_every_custom_policy() {
    for policy in [
        "",
        SPREAD,
        PROGRESSION,
        OVERLAP,
        EQUAL,
        AT_LEAST,
        OVERLAP_PARITY,
        FROM_GRADE_3,
        FROM_GRADE_4,
    ] {
        assert_eq!(findings(AT_LEAST, &[]), NONE, "policy: {policy}");
    }
}

// band-spread: (max - min) / min, reported when below `spread.min` (strictly)
// or above `spread.max` (strictly). Defaults 20% and 65%.

const SPREAD: &str = "spread: { min: 25%, max: 45% }";

#[test]
fn band_spread_at_its_minimum_passes_and_one_cent_below_warns() {
    // 25% of 100000 is 25000.
    let at = [("ic1", "{ min: 100000, mid: 115000, max: 125000 }")];
    assert_eq!(findings(SPREAD, &at), NONE);
    let past = [("ic1", "{ min: 100000, mid: 115000, max: 124999.99 }")];
    assert_eq!(
        findings(SPREAD, &past),
        [
            "band-spread 14:49 band of level `ic1` spreads 24.99999% from min to max, below the minimum of 25%"
        ]
    );
}

#[test]
fn band_spread_at_its_maximum_passes_and_one_cent_above_warns() {
    // 45% of 100000 is 45000.
    let at = [("ic1", "{ min: 100000, mid: 115000, max: 145000 }")];
    assert_eq!(findings(SPREAD, &at), NONE);
    let past = [("ic1", "{ min: 100000, mid: 115000, max: 145000.01 }")];
    assert_eq!(
        findings(SPREAD, &past),
        [
            "band-spread 14:49 band of level `ic1` spreads 45.00001% from min to max, above the maximum of 45%"
        ]
    );
}

#[test]
fn band_spread_checks_a_band_whose_mid_is_at_one_end() {
    // min = mid: 108000 * 1.25 = 135000.
    let low = [("ic1", "{ min: 108000, mid: 108000, max: 134999.99 }")];
    assert_eq!(
        findings(SPREAD, &low),
        [
            "band-spread 14:49 band of level `ic1` spreads 24.99999% from min to max, below the minimum of 25%"
        ]
    );
    // mid = max: 104000 * 1.25 = 130000.
    let high = [("ic1", "{ min: 104000.01, mid: 130000, max: 130000 }")];
    assert_eq!(
        findings(SPREAD, &high),
        [
            "band-spread 14:49 band of level `ic1` spreads 24.99999% from min to max, below the minimum of 25%"
        ]
    );
}

// midpoint-progression: (mid - mid below) / mid below, reported on the upper
// level when below `progression.min` or above `progression.max` (strictly).
// Defaults 5% and 30%. A midpoint that does not rise is band-regression's.

const PROGRESSION: &str = "progression: { min: 15%, max: 25% }";

#[test]
fn midpoint_progression_at_its_minimum_passes_and_one_cent_below_warns() {
    // ic2's midpoint is 138000: 15% above 120000.
    let at = [("ic1", "{ min: 100000, mid: 120000, max: 130000 }")];
    assert_eq!(findings(PROGRESSION, &at), NONE);
    let past = [("ic1", "{ min: 100000, mid: 120000.01, max: 130000 }")];
    assert_eq!(
        findings(PROGRESSION, &past),
        [
            "midpoint-progression 15:69 midpoint of level `ic2` is 14.99999% above `ic1`, below the minimum step of 15%"
        ]
    );
}

#[test]
fn midpoint_progression_at_its_maximum_passes_and_one_cent_above_warns() {
    // ic2's midpoint is 138000: 25% above 110400.
    let at = [("ic1", "{ min: 100000, mid: 110400, max: 130000 }")];
    assert_eq!(findings(PROGRESSION, &at), NONE);
    let past = [("ic1", "{ min: 100000, mid: 110399.99, max: 130000 }")];
    assert_eq!(
        findings(PROGRESSION, &past),
        [
            "midpoint-progression 15:69 midpoint of level `ic2` is 25.00001% above `ic1`, above the maximum step of 25%"
        ]
    );
}

#[test]
fn a_midpoint_that_does_not_rise_is_a_regression_and_one_cent_of_rise_a_step() {
    let flat = [("ic1", "{ min: 100000, mid: 138000, max: 138000 }")];
    assert_eq!(
        findings(PROGRESSION, &flat),
        [
            "band-regression 15:69 level `ic2` has its midpoint at 138000 USD, not above 138000 USD of `ic1` below it"
        ]
    );
    let rise = [("ic1", "{ min: 100000, mid: 137999.99, max: 138000 }")];
    assert_eq!(
        findings(PROGRESSION, &rise),
        [
            "midpoint-progression 15:69 midpoint of level `ic2` is 0% above `ic1`, below the minimum step of 15%"
        ]
    );
}

// band-overlap: the share of a band's width that the next level's band
// overlaps, reported on the upper band's min when above `overlap.max`
// (strictly). Default 60%.

const OVERLAP: &str = "overlap: { max: 40% }";

#[test]
fn band_overlap_at_its_maximum_passes_and_one_cent_more_warns() {
    // ic1 up to 130000, ic2 from 120000: 10000 is 40% of a 25000 width.
    let at = [("ic1", "{ min: 105000, mid: 115000, max: 130000 }")];
    assert_eq!(findings(OVERLAP, &at), NONE);
    let past = [("ic1", "{ min: 105000.01, mid: 115000, max: 130000 }")];
    assert_eq!(
        findings(OVERLAP, &past),
        [
            "band-overlap 15:56 band of level `ic2` overlaps 40.00002% of the band of `ic1` below it, above the maximum of 40%"
        ]
    );
}

#[test]
fn band_overlap_checks_a_lower_band_whose_mid_is_at_one_end() {
    // min = mid: 20000 of a 25000 width.
    let low = [("ic1", "{ min: 115000, mid: 115000, max: 140000 }")];
    assert_eq!(
        findings(OVERLAP, &low),
        [
            "band-overlap 15:56 band of level `ic2` overlaps 80% of the band of `ic1` below it, above the maximum of 40%"
        ]
    );
    // mid = max: 10000 of a 24000 width.
    let high = [("ic1", "{ min: 106000, mid: 130000, max: 130000 }")];
    assert_eq!(
        findings(OVERLAP, &high),
        [
            "band-overlap 15:56 band of level `ic2` overlaps 41.7% of the band of `ic1` below it, above the maximum of 40%"
        ]
    );
}

// parity-gap: at grades at or above `parity.from_grade`, the IC band against
// the management band of the same grade, within `parity.tolerance` (default
// 0%), a share of the management amount (of the IC min when the IC band is
// above in `overlap` mode). An amount exactly at the tolerance passes.

const EQUAL: &str = "parity: { mode: equal, tolerance: 2%, from_grade: 3 }";

#[test]
fn parity_equal_at_its_tolerance_below_passes_and_one_cent_further_fails() {
    // 2% of em3's max, 191000, is 3820.
    let at = [("ic3", "{ min: 145000, mid: 168000, max: 187180 }")];
    assert_eq!(findings(EQUAL, &at), NONE);
    let past = [("ic3", "{ min: 145000, mid: 168000, max: 187179.99 }")];
    assert_eq!(
        findings(EQUAL, &past),
        [
            "parity-gap 16:82 IC level `ic3` (grade 3) pays up to 187179.99 USD, below management level `em3` (191000 USD)"
        ]
    );
}

#[test]
fn parity_equal_at_its_tolerance_above_passes_and_one_cent_further_fails() {
    let at = [("ic3", "{ min: 145000, mid: 168000, max: 194820 }")];
    assert_eq!(findings(EQUAL, &at), NONE);
    let past = [("ic3", "{ min: 145000, mid: 168000, max: 194820.01 }")];
    assert_eq!(
        findings(EQUAL, &past),
        [
            "parity-gap 16:82 IC level `ic3` (grade 3) pays up to 194820.01 USD, above management level `em3` (191000 USD)"
        ]
    );
}

#[test]
fn parity_equal_in_yen_at_its_tolerance_passes_and_one_yen_further_fails() {
    let yen = |band| {
        let yaml = ladder(EQUAL, &[("ic3", band)]);
        findings_of(&edit(&yaml, "currency: USD", "currency: JPY"))
    };
    assert_eq!(yen("{ min: 145000, mid: 168000, max: 187180 }"), NONE);
    assert_eq!(
        yen("{ min: 145000, mid: 168000, max: 187179 }"),
        [
            "parity-gap 16:82 IC level `ic3` (grade 3) pays up to 187179 JPY, below management level `em3` (191000 JPY)"
        ]
    );
}

const AT_LEAST: &str = "parity: { mode: at_least, tolerance: 2%, from_grade: 3 }";

#[test]
fn parity_at_least_at_its_tolerance_passes_and_one_cent_further_fails() {
    // 2% of em3's mid, 168000, is 3360.
    let at = [("ic3", "{ min: 145000, mid: 164640, max: 191000 }")];
    assert_eq!(findings(AT_LEAST, &at), NONE);
    let past = [("ic3", "{ min: 145000, mid: 164639.99, max: 191000 }")];
    assert_eq!(
        findings(AT_LEAST, &past),
        [
            "parity-gap 16:69 IC level `ic3` (grade 3) has its midpoint at 164639.99 USD, below management level `em3` (168000 USD)"
        ]
    );
    // Above management is never short, however far: `equal` fails this.
    let above = [("ic3", "{ min: 145000, mid: 168000, max: 194820.01 }")];
    assert_eq!(findings(AT_LEAST, &above), NONE);
}

const OVERLAP_PARITY: &str = "parity: { mode: overlap, tolerance: 2%, from_grade: 3 }";

/// A band entirely below the other: a gap of 3500, 2% of 175000.
const LOWER: &str = "{ min: 142000, mid: 146000, max: 171500 }";
const UPPER: &str = "{ min: 175000, mid: 178000, max: 215000 }";

#[test]
fn parity_overlap_with_ic_below_at_its_tolerance_passes_and_one_cent_further_fails() {
    // The gap is a share of the management min, 175000.
    let at = [("ic3", LOWER), ("em3", UPPER)];
    assert_eq!(findings(OVERLAP_PARITY, &at), NONE);
    let past = [
        ("ic3", "{ min: 142000, mid: 146000, max: 171499.99 }"),
        ("em3", UPPER),
    ];
    assert_eq!(
        findings(OVERLAP_PARITY, &past),
        [
            "parity-gap 16:49 IC level `ic3` (grade 3) band 142000 USD to 171499.99 USD does not overlap management level `em3` (175000 USD to 215000 USD)"
        ]
    );
}

#[test]
fn parity_overlap_with_ic_above_at_its_tolerance_passes_and_one_cent_further_fails() {
    // The gap is a share of the IC min, 175000.
    let at = [("ic3", UPPER), ("em3", LOWER)];
    assert_eq!(findings(OVERLAP_PARITY, &at), NONE);
    let past = [
        ("ic3", "{ min: 175000.01, mid: 178000, max: 215000 }"),
        ("em3", LOWER),
    ];
    assert_eq!(
        findings(OVERLAP_PARITY, &past),
        [
            "parity-gap 16:49 IC level `ic3` (grade 3) band 175000.01 USD to 215000 USD does not overlap management level `em3` (142000 USD to 171500 USD)"
        ]
    );
}

const FROM_GRADE_3: &str = "parity: { from_grade: 3 }";
const FROM_GRADE_4: &str = "parity: { from_grade: 4 }";

#[test]
fn parity_applies_from_its_from_grade_and_not_below() {
    // One cent short at grade 2 and at grade 3.
    let short = [
        ("ic2", "{ min: 120000, mid: 138000, max: 155999.99 }"),
        ("ic3", "{ min: 145000, mid: 168000, max: 190999.99 }"),
    ];
    assert_eq!(
        findings(FROM_GRADE_3, &short),
        [
            "parity-gap 16:82 IC level `ic3` (grade 3) pays up to 190999.99 USD, below management level `em3` (191000 USD)"
        ]
    );
    assert_eq!(findings(FROM_GRADE_4, &short), NONE);
}

// management-premium: below `parity.from_grade`, a management midpoint
// strictly above the IC midpoint of the same grade.

#[test]
fn management_premium_at_an_equal_midpoint_passes_and_one_cent_more_warns() {
    let at = [
        ("ic2", "{ min: 120000, mid: 140000, max: 156000 }"),
        ("em2", "{ min: 120000, mid: 140000, max: 156000 }"),
    ];
    assert_eq!(findings(FROM_GRADE_3, &at), NONE);
    let past = [("em2", "{ min: 120000, mid: 138000.01, max: 156000 }")];
    assert_eq!(
        findings(FROM_GRADE_3, &past),
        [
            "management-premium 21:69 management level `em2` (grade 2) has its midpoint at 138000.01 USD, above IC level `ic2` (138000 USD)"
        ]
    );
}

#[test]
fn management_premium_stops_at_the_from_grade_where_parity_takes_over() {
    let more = [("em3", "{ min: 145000, mid: 168000.01, max: 191000 }")];
    assert_eq!(
        findings(FROM_GRADE_3, &more),
        [
            "parity-gap 16:69 IC level `ic3` (grade 3) has its midpoint at 168000 USD, below management level `em3` (168000.01 USD)"
        ]
    );
}

#[test]
fn management_premium_is_judged_against_each_ic_level_of_its_grade() {
    // A second IC track pays a midpoint of 140000 at grade 2, as em2 now does:
    // em2 is paid more than ic2 (138000), not more than ib2.
    let second = "  - id: ic-b
    name: Second IC track
    kind: individual_contributor
    levels:
      - { id: ib2, title: IB 2, grade: 2, band: { min: 120000, mid: 140000, max: 156000 }, expectations: { coding: 2 } }
";
    let em2 = [("em2", "{ min: 120000, mid: 140000, max: 156000 }")];
    let yaml = edit(
        &ladder(FROM_GRADE_3, &em2),
        "policy:",
        &format!("{second}policy:"),
    );
    assert_eq!(
        findings_of(&yaml),
        [
            "management-premium 21:69 management level `em2` (grade 2) has its midpoint at 140000 USD, above IC level `ic2` (138000 USD)"
        ]
    );
}

#[test]
fn parity_and_premium_leave_a_track_whose_grades_repeat_to_grade_order() {
    // ic3 is given ic2's grade: the IC track's levels have no counterparts.
    let yaml = edit(
        &ladder("", &[]),
        "id: ic3, title: IC 3, grade: 3,",
        "id: ic3, title: IC 3, grade: 2,",
    );
    assert_eq!(
        findings_of(&yaml),
        [
            "grade-order 16:40 level `ic3` has grade 2, not above grade 2 of `ic2` listed before it",
            "ic-ceiling 16:40 the IC track tops out at grade 2 (`ic3`), below the management top grade 3 (`em3`)"
        ]
    );
}

// missing-counterpart: a management grade at or above `parity.from_grade`
// with no IC level of that grade.

#[test]
fn missing_counterpart_applies_from_its_from_grade_and_not_below() {
    // ic3 moves to grade 4: no IC level at em3's grade 3, and a gap in the IC track.
    let moved = |policy| {
        let yaml = ladder(policy, &[]);
        findings_of(&edit(
            &yaml,
            "id: ic3, title: IC 3, grade: 3,",
            "id: ic3, title: IC 3, grade: 4,",
        ))
    };
    let gap = "grade-gap 16:40 track `ic` skips grade 3 between `ic2` and `ic3`";
    assert_eq!(
        moved(FROM_GRADE_3),
        [
            gap,
            "missing-counterpart 22:40 management level `em3` (grade 3) has no IC level of the same grade"
        ]
    );
    assert_eq!(moved(FROM_GRADE_4), [gap]);
}
