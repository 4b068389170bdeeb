//! The rule catalogue: every rule, with its documentation, its default
//! severity and, for the rules checked on a decoded ladder, its check.
//!
//! The rules reported while a file is read (`syntax`, `type`,
//! `unknown-key`, ...) are declared in [`finding::reading`](crate::finding),
//! below the YAML layer and the decoder that report them; the rest are here,
//! one module per rule. [`CATALOGUE`] lists them all, in the order their
//! checks run.
//!
//! # Adding a rule
//!
//! 1. Pick a kebab-case code that says what is wrong (`band-overlap`); a code
//!    is never reused or renamed.
//! 2. Add `src/rules/<code>.rs` with `declare_rule!`: its docs (`### What it
//!    does`, `### Why is this bad?`, `### Example` with a bad and a good
//!    snippet), code, default severity, kind (`Invariant` only when the
//!    checked model relies on it) and a one-line summary; then its
//!    `check(facts, sink)`: read the [`Facts`], push a [`Finding`] per
//!    problem into the sink, and return. A finding names the ids and amounts
//!    involved in a lowercase message, points at the node to fix, and says how
//!    to fix it in `help`.
//! 3. Add one line to [`CATALOGUE`], where its findings are most useful.
//! 4. Add `tests/fixtures/rules/<code>.yaml` with `# expect: <code> LINE:COL`
//!    lines, and accept its snapshot (`cargo insta review`).

use std::sync::LazyLock;

use crate::finding::{Findings, Rule, reading};

mod facts;

mod band_order;
mod band_overlap;
mod band_regression;
mod band_spread;
mod currency_precision;
mod duplicate_grade;
mod duplicate_id;
mod duplicate_title;
mod empty_track;
mod expectation_regression;
mod grade_gap;
mod grade_order;
mod ic_ceiling;
mod invalid_amount;
mod invalid_currency;
mod invalid_id;
mod invalid_pay_reference;
mod invalid_proficiency;
pub(crate) mod invalid_proficiency_scale;
mod invalid_zone;
mod ladder_mismatch;
mod management_premium;
mod midpoint_progression;
mod missing_band;
mod missing_counterpart;
mod missing_expectation;
mod missing_track;
mod no_pay;
mod out_of_scope_expectation;
mod parity_gap;
mod people_on_ic_track;
mod step_order;
mod total_pay_gap;
mod trunk_split;
mod unassessed_management;
mod unknown_competency;
mod unknown_exempt;
mod unknown_grade;
mod unknown_track;
mod unused_competency;

pub(crate) use facts::on_scale;
pub(crate) use facts::{Amount, AmountAt, BandFact, Facts, Reference};
pub(crate) use invalid_proficiency::{INVALID_PROFICIENCY, judge as judge_proficiency};
pub(crate) use ladder_mismatch::LADDER_MISMATCH;
pub(crate) use unknown_competency::UNKNOWN_COMPETENCY;

/// A check: reads the facts of a decoded ladder and reports what it finds
/// into the sink.
pub(crate) type Check = fn(&Facts<'_>, &mut Findings);

/// A rule of the catalogue with its check, when it has one.
struct Entry {
    rule: &'static Rule,
    check: Option<Check>,
}

const fn read(rule: &'static Rule) -> Entry {
    Entry { rule, check: None }
}

const fn check(rule: &'static Rule, check: Check) -> Entry {
    Entry {
        rule,
        check: Some(check),
    }
}

/// Every rule: first those reported while reading, then the checks in the
/// order their findings are most useful.
static CATALOGUE: &[Entry] = &[
    read(&reading::SYNTAX),
    read(&reading::UNSUPPORTED_YAML),
    read(&reading::DUPLICATE_KEY),
    read(&reading::LIMIT),
    read(&reading::TYPE),
    read(&reading::UNKNOWN_KEY),
    read(&reading::MISSING_KEY),
    check(&invalid_id::INVALID_ID, invalid_id::check),
    check(&duplicate_id::DUPLICATE_ID, duplicate_id::check),
    check(&invalid_currency::INVALID_CURRENCY, invalid_currency::check),
    check(&invalid_zone::INVALID_ZONE, invalid_zone::check),
    check(&unknown_exempt::UNKNOWN_EXEMPT, unknown_exempt::check),
    check(&missing_track::MISSING_TRACK, missing_track::check),
    check(&empty_track::EMPTY_TRACK, empty_track::check),
    check(&duplicate_grade::DUPLICATE_GRADE, duplicate_grade::check),
    check(&unknown_grade::UNKNOWN_GRADE, unknown_grade::check),
    check(&grade_order::GRADE_ORDER, grade_order::check),
    check(&grade_gap::GRADE_GAP, grade_gap::check),
    check(&trunk_split::TRUNK_SPLIT, trunk_split::check),
    check(&duplicate_title::DUPLICATE_TITLE, duplicate_title::check),
    check(&no_pay::NO_PAY, no_pay::check),
    check(&missing_band::MISSING_BAND, missing_band::check),
    check(&reading::INVALID_AMOUNT, invalid_amount::check),
    check(
        &currency_precision::CURRENCY_PRECISION,
        currency_precision::check,
    ),
    check(&band_order::BAND_ORDER, band_order::check),
    check(&step_order::STEP_ORDER, step_order::check),
    check(
        &invalid_pay_reference::INVALID_PAY_REFERENCE,
        invalid_pay_reference::check,
    ),
    check(&band_spread::BAND_SPREAD, band_spread::check),
    check(&band_regression::BAND_REGRESSION, band_regression::check),
    check(
        &midpoint_progression::MIDPOINT_PROGRESSION,
        midpoint_progression::check,
    ),
    check(&band_overlap::BAND_OVERLAP, band_overlap::check),
    check(&ic_ceiling::IC_CEILING, ic_ceiling::check),
    check(&parity_gap::PARITY_GAP, parity_gap::check),
    check(&total_pay_gap::TOTAL_PAY_GAP, total_pay_gap::check),
    check(
        &missing_counterpart::MISSING_COUNTERPART,
        missing_counterpart::check,
    ),
    check(
        &management_premium::MANAGEMENT_PREMIUM,
        management_premium::check,
    ),
    check(
        &unknown_competency::UNKNOWN_COMPETENCY,
        unknown_competency::check,
    ),
    check(&unknown_track::UNKNOWN_TRACK, unknown_track::check),
    check(
        &invalid_proficiency_scale::INVALID_PROFICIENCY_SCALE,
        invalid_proficiency_scale::check,
    ),
    check(
        &invalid_proficiency::INVALID_PROFICIENCY,
        invalid_proficiency::check,
    ),
    check(
        &people_on_ic_track::PEOPLE_ON_IC_TRACK,
        people_on_ic_track::check,
    ),
    check(
        &out_of_scope_expectation::OUT_OF_SCOPE_EXPECTATION,
        out_of_scope_expectation::check,
    ),
    check(
        &unassessed_management::UNASSESSED_MANAGEMENT,
        unassessed_management::check,
    ),
    check(
        &missing_expectation::MISSING_EXPECTATION,
        missing_expectation::check,
    ),
    check(
        &expectation_regression::EXPECTATION_REGRESSION,
        expectation_regression::check,
    ),
    check(
        &unused_competency::UNUSED_COMPETENCY,
        unused_competency::check,
    ),
    read(&ladder_mismatch::LADDER_MISMATCH),
];

/// The catalogue sorted by code.
static SORTED: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut rules: Vec<&'static Rule> = CATALOGUE.iter().map(|e| e.rule).collect();
    rules.sort_by_key(|r| r.code());
    rules
});

/// The checks run on a decoded ladder, in order.
pub(crate) fn checks() -> impl Iterator<Item = Check> {
    CATALOGUE.iter().filter_map(|e| e.check)
}

/// Every rule of the catalogue, sorted by code.
///
/// ```
/// let codes: Vec<&str> = dualtrack::rules().iter().map(|r| r.code()).collect();
/// assert!(codes.contains(&"ic-ceiling"));
/// assert!(codes.is_sorted());
/// ```
pub fn rules() -> &'static [&'static Rule] {
    &SORTED
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    let sorted = rules();
    sorted
        .binary_search_by(|r| r.code().cmp(code))
        .ok()
        .and_then(|i| sorted.get(i).copied())
}

/// Reads a finding back from the JSON it serializes to (what `dualtrack
/// validate --format json` prints per finding), so that a service can
/// receive a report it sent. The code must be a rule of the catalogue;
/// byte spans are not part of the JSON, so a finding read back has none
/// ([`Finding::span`](crate::Finding::span) is `None`) and is otherwise equal.
///
/// ```
/// let yaml = std::fs::read_to_string("tests/fixtures/cli/engineering-broken.yaml")?;
/// let report = dualtrack::load(&yaml).unwrap_err();
/// let json = serde_json::to_string(&report)?;
/// let back: dualtrack::Report = serde_json::from_str(&json)?;
/// assert_eq!(back.findings()[0].message(), report.findings()[0].message());
/// assert_eq!(serde_json::to_string(&back)?, json);
///
/// let unknown = r#"{"code":"pay-gap","severity":"error","message":"m","path":""}"#;
/// let error = serde_json::from_str::<dualtrack::Finding>(unknown).unwrap_err();
/// assert!(error.to_string().starts_with("unknown rule `pay-gap`"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for crate::Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let json = crate::finding::FindingJson::deserialize(deserializer)?;
        let Some(rule) = rule(&json.code) else {
            let codes: Vec<&str> = rules().iter().map(|r| r.code()).collect();
            let hint = crate::text::did_you_mean(&json.code, &codes)
                .map(|code| format!("; did you mean `{code}`?"))
                .unwrap_or_default();
            return Err(D::Error::custom(format!(
                "unknown rule `{}`{hint}",
                crate::text::escape(&json.code)
            )));
        };
        Ok(json.into_finding(rule.code()))
    }
}
