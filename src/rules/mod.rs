//! The rule catalogue: one module per rule, each with its documentation, its
//! default severity and, for the semantic rules, its check.
//!
//! The structural rules (`syntax`, `type`, `unknown-key`, ...) are checked
//! while the file is read; their modules hold only their documentation.

use std::fmt;

use crate::Severity;
use crate::validate::Context;

/// Declares a rule from its doc comment, code, default severity, kind and summary.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $name:ident, $code:literal, $severity:ident, $kind:ident, $summary:literal
    ) => {
        $(#[doc = $doc])*
        pub(crate) static $name: $crate::Rule = $crate::Rule {
            code: $code,
            default_severity: $crate::Severity::$severity,
            kind: $crate::rules::RuleKind::$kind,
            summary: $summary,
            docs: concat!($($doc, "\n"),*),
        };
    };
}

mod band_order;
mod band_overlap;
mod band_regression;
mod band_spread;
mod currency_precision;
mod duplicate_id;
mod duplicate_key;
mod duplicate_title;
mod empty_track;
mod expectation_regression;
mod grade_gap;
mod grade_order;
mod ic_ceiling;
mod invalid_amount;
mod invalid_currency;
mod invalid_id;
mod invalid_proficiency;
mod invalid_zone;
mod ladder_mismatch;
mod limit;
mod management_premium;
mod midpoint_progression;
mod missing_counterpart;
mod missing_expectation;
mod missing_key;
mod missing_track;
mod parity_gap;
mod people_on_ic_track;
mod syntax;
mod r#type;
mod unassessed_management;
mod unknown_competency;
mod unknown_key;
mod unsupported_yaml;
mod unused_competency;

pub(crate) use duplicate_key::DUPLICATE_KEY;
pub(crate) use invalid_amount::INVALID_AMOUNT;
pub(crate) use invalid_proficiency::INVALID_PROFICIENCY;
pub(crate) use ladder_mismatch::LADDER_MISMATCH;
pub(crate) use limit::LIMIT;
pub(crate) use missing_key::MISSING_KEY;
pub(crate) use syntax::SYNTAX;
pub(crate) use r#type::TYPE;
pub(crate) use unknown_competency::UNKNOWN_COMPETENCY;
pub(crate) use unknown_key::UNKNOWN_KEY;
pub(crate) use unsupported_yaml::UNSUPPORTED_YAML;

/// Whether the checked model relies on a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleKind {
    /// The model's invariants rest on it: always an error, never lowered.
    Invariant,
    /// A design policy: its severity can be overridden.
    Policy,
}

/// A rule of the catalogue: its stable code, default severity and documentation.
///
/// ```
/// let rule = dualtrack::rule("parity-gap").unwrap();
/// assert_eq!(rule.default_severity(), dualtrack::Severity::Error);
/// assert!(rule.docs().contains("### Example"));
/// ```
#[derive(Debug)]
pub struct Rule {
    pub(crate) code: &'static str,
    pub(crate) default_severity: Severity,
    pub(crate) kind: RuleKind,
    pub(crate) summary: &'static str,
    pub(crate) docs: &'static str,
}

impl Rule {
    /// The stable kebab-case code, such as `band-order`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The severity of its findings unless overridden.
    pub fn default_severity(&self) -> Severity {
        self.default_severity
    }

    /// Whether the checked model relies on it, so that it is always an error
    /// and cannot be allowed or turned into a warning.
    pub fn is_invariant(&self) -> bool {
        self.kind == RuleKind::Invariant
    }

    /// One line saying what it checks.
    pub fn summary(&self) -> &'static str {
        self.summary
    }

    /// Its full documentation in Markdown: what it does, why, a bad and a good example.
    pub fn docs(&self) -> String {
        self.docs
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

/// Every rule, sorted by code.
static RULES: &[&Rule] = &[
    &band_order::BAND_ORDER,
    &band_overlap::BAND_OVERLAP,
    &band_regression::BAND_REGRESSION,
    &band_spread::BAND_SPREAD,
    &currency_precision::CURRENCY_PRECISION,
    &duplicate_id::DUPLICATE_ID,
    &duplicate_key::DUPLICATE_KEY,
    &duplicate_title::DUPLICATE_TITLE,
    &empty_track::EMPTY_TRACK,
    &expectation_regression::EXPECTATION_REGRESSION,
    &grade_gap::GRADE_GAP,
    &grade_order::GRADE_ORDER,
    &ic_ceiling::IC_CEILING,
    &invalid_amount::INVALID_AMOUNT,
    &invalid_currency::INVALID_CURRENCY,
    &invalid_id::INVALID_ID,
    &invalid_proficiency::INVALID_PROFICIENCY,
    &invalid_zone::INVALID_ZONE,
    &ladder_mismatch::LADDER_MISMATCH,
    &limit::LIMIT,
    &management_premium::MANAGEMENT_PREMIUM,
    &midpoint_progression::MIDPOINT_PROGRESSION,
    &missing_counterpart::MISSING_COUNTERPART,
    &missing_expectation::MISSING_EXPECTATION,
    &missing_key::MISSING_KEY,
    &missing_track::MISSING_TRACK,
    &parity_gap::PARITY_GAP,
    &people_on_ic_track::PEOPLE_ON_IC_TRACK,
    &syntax::SYNTAX,
    &r#type::TYPE,
    &unassessed_management::UNASSESSED_MANAGEMENT,
    &unknown_competency::UNKNOWN_COMPETENCY,
    &unknown_key::UNKNOWN_KEY,
    &unsupported_yaml::UNSUPPORTED_YAML,
    &unused_competency::UNUSED_COMPETENCY,
];

/// The semantic checks, in the order their findings are most useful.
pub(crate) static CHECKS: &[fn(&mut Context<'_>)] = &[
    invalid_id::check,
    duplicate_id::check,
    invalid_currency::check,
    invalid_zone::check,
    missing_track::check,
    empty_track::check,
    grade_order::check,
    grade_gap::check,
    duplicate_title::check,
    invalid_amount::check,
    currency_precision::check,
    band_order::check,
    band_spread::check,
    band_regression::check,
    midpoint_progression::check,
    band_overlap::check,
    ic_ceiling::check,
    parity_gap::check,
    missing_counterpart::check,
    management_premium::check,
    unknown_competency::check,
    invalid_proficiency::check,
    people_on_ic_track::check,
    unassessed_management::check,
    missing_expectation::check,
    expectation_regression::check,
    unused_competency::check,
];

/// Every rule of the catalogue, sorted by code.
///
/// ```
/// let codes: Vec<&str> = dualtrack::rules().iter().map(|r| r.code()).collect();
/// assert!(codes.contains(&"ic-ceiling"));
/// assert!(codes.is_sorted());
/// ```
pub fn rules() -> &'static [&'static Rule] {
    RULES
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    find(code)
}

pub(crate) fn find(code: &str) -> Option<&'static Rule> {
    RULES
        .binary_search_by(|r| r.code.cmp(code))
        .ok()
        .and_then(|i| RULES.get(i).copied())
}
