use std::collections::HashMap;

use crate::Pointer;
use crate::finding::{Finding, Findings};
use crate::model::Grade;
use crate::rules::Facts;
use crate::spec::LevelSpec;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Below `policy.parity.from_grade`, where `parity-gap` does not apply,
    /// warns when a management level's midpoint is above the midpoint of an
    /// IC level of the same grade, or, where the midpoints match, when its
    /// total target cash at the midpoint (base + target variable pay) is.
    /// Executive levels are outside parity and left out.
    ///
    /// In a zone that exempts one of the two levels (`exempt`), the zone
    /// midpoints are compared too, and the finding names the zone.
    ///
    /// ### Why is this bad?
    /// A premium for managing at the same grade is the incentive that pushes
    /// strong engineers out of their craft early in their careers, often into
    /// a job they do not want and are not ready for.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic4, grade: 4, band: { min: 175000, mid: 205000, max: 235000 } }
    /// # management
    /// - { id: em1, grade: 4, band: { min: 190000, mid: 220000, max: 250000 } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic4, grade: 4, band: { min: 175000, mid: 205000, max: 235000 } }
    /// # management
    /// - { id: em1, grade: 4, band: { min: 175000, mid: 205000, max: 235000 } }
    /// ```
    MANAGEMENT_PREMIUM, "management-premium", Warning, Policy, "below parity, management pays more than IC at the same grade"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned policy is not judged by its defaults.
    if !(facts.sound.policy && facts.from_grade_known) {
        return;
    }
    let from = facts.policy.parity_from_grade.rank();
    let ics = facts.ic_by_grade();
    // The lowest IC midpoint of each grade: a management level paid no more
    // than that has no finding, and the IC levels of its grade are walked
    // only when it is paid more (in file order, as before).
    let lowest: HashMap<u32, u64> = ics
        .iter()
        .map(|(&grade, levels)| {
            let mid = levels
                .iter()
                .filter_map(|&(t, l, _)| facts.midpoint(t, l).map(|mid| mid.minor()))
                .min()
                .unwrap_or(u64::MAX);
            (grade, mid)
        })
        .collect();
    let variable = facts.levels().any(|(t, l, _)| {
        facts
            .level(t, l)
            .is_some_and(|level| level.variable.is_some())
    });
    for &(mt, ml, m) in facts.management_levels() {
        let Some(m_grade) = facts.grade(mt, ml) else {
            continue;
        };
        if m_grade.rank() >= from {
            continue;
        }
        let Some(m_mid) = facts.midpoint(mt, ml) else {
            continue;
        };
        if variable {
            at_target(facts, sink, (mt, ml, m), m_grade);
        }
        if lowest
            .get(&m_grade.rank())
            .is_none_or(|&mid| m_mid.minor() <= mid)
        {
            continue;
        }
        for &(it, il, ic) in ics.get(&m_grade.rank()).into_iter().flatten() {
            let Some(ic_mid) = facts.midpoint(it, il) else {
                continue;
            };
            if m_mid.minor() > ic_mid.minor() {
                if sink.is_full() {
                    return;
                }
                let finding = Finding::new(
                    &MANAGEMENT_PREMIUM,
                    facts.band_point(mt, ml, "mid"),
                    format!(
                        "management level `{}` (grade {}) has its midpoint at {}, above IC level `{}` ({})",
                        escape(&m.id),
                        m_grade,
                        m_mid,
                        escape(&ic.id),
                        ic_mid
                    ),
                )
                .with_help("pay the same at the same grade, so that moving into management is a career change, not a raise")
                .with_related(facts.band_point(it, il, "mid"), "the IC midpoint");
                sink.push(finding);
            }
        }
    }
    // Zone amounts follow the base amounts up (uplift, bounds, factor,
    // rounding and cap never reverse an order), so a zone adds a premium
    // only where it exempts the IC level and not the manager.
    if facts.any_exempt() {
        in_zones(facts, sink);
    }
}

/// The premiums a zone's exemptions open: the IC level paid nationally, the
/// manager of its grade with the supplement.
fn in_zones(facts: &Facts<'_>, sink: &mut Findings) {
    let from = facts.policy.parity_from_grade.rank();
    let ics = facts.ic_by_grade();
    for z in 0..facts.spec.zones.len() {
        for &(mt, ml, m) in facts.management_levels() {
            let Some(m_grade) = facts.grade(mt, ml) else {
                continue;
            };
            if m_grade.rank() >= from {
                continue;
            }
            let (Some(m_mid), Some(m_zone)) =
                (facts.midpoint(mt, ml), facts.level_zone_band(z, mt, ml))
            else {
                continue;
            };
            for &(it, il, ic) in ics.get(&m_grade.rank()).into_iter().flatten() {
                let (Some(ic_mid), Some(ic_zone)) =
                    (facts.midpoint(it, il), facts.level_zone_band(z, it, il))
                else {
                    continue;
                };
                // A premium on the base bands is reported once, above.
                if m_mid.minor() > ic_mid.minor() || m_zone.mid().minor() <= ic_zone.mid().minor() {
                    continue;
                }
                if sink.is_full() {
                    return;
                }
                let zone = escape(&facts.spec.zones[z].id);
                let finding = Finding::new(
                    &MANAGEMENT_PREMIUM,
                    Pointer::root().key("zones").index(z),
                    format!(
                        "in zone `{zone}`, management level `{}` (grade {}) has its midpoint at {}, above IC level `{}` ({})",
                        escape(&m.id),
                        m_grade,
                        m_zone.mid(),
                        escape(&ic.id),
                        ic_zone.mid()
                    ),
                )
                .with_help(format!(
                    "the zone exempts one of them: exempt both `{}` and `{}` from zone `{zone}`, or neither",
                    escape(&ic.id),
                    escape(&m.id)
                ))
                .with_related(facts.band_point(mt, ml, "mid"), "the management midpoint")
                .with_related(facts.band_point(it, il, "mid"), "the IC midpoint");
                sink.push(finding);
            }
        }
    }
}

/// The premium that appears only at target: the base midpoints are no
/// higher, but the management level's total target cash is.
fn at_target(
    facts: &Facts<'_>,
    sink: &mut Findings,
    (mt, ml, m): (usize, usize, &LevelSpec),
    m_grade: &Grade,
) {
    let (Some(m_mid), Some(m_cash)) = (facts.midpoint(mt, ml), facts.target_cash(mt, ml)) else {
        return;
    };
    let ics = facts.ic_by_grade();
    for &(it, il, ic) in ics.get(&m_grade.rank()).into_iter().flatten() {
        let (Some(ic_mid), Some(ic_cash)) = (facts.midpoint(it, il), facts.target_cash(it, il))
        else {
            continue;
        };
        if m_mid.minor() > ic_mid.minor() || m_cash.mid().minor() <= ic_cash.mid().minor() {
            continue;
        }
        if sink.is_full() {
            return;
        }
        let at = facts
            .level(mt, ml)
            .and_then(|level| level.variable.as_ref())
            .map_or_else(|| facts.level_pointer(mt, ml), |w| w.at.clone());
        let related = facts
            .level(it, il)
            .and_then(|level| level.variable.as_ref())
            .map_or_else(|| facts.band_point(it, il, "mid"), |w| w.at.clone());
        sink.push(
            Finding::new(
                &MANAGEMENT_PREMIUM,
                at,
                format!(
                    "at target, management level `{}` (grade {}) earns {} at the midpoint, above IC level `{}` ({}), {}",
                    escape(&m.id),
                    m_grade,
                    m_cash.mid(),
                    escape(&ic.id),
                    ic_cash.mid(),
                    if m_mid == ic_mid {
                        format!("on the same base midpoint ({m_mid})")
                    } else {
                        format!("on base midpoints of {m_mid} and {ic_mid}")
                    },
                ),
            )
            .with_help("give both levels the same variable pay at the same grade, so that moving into management is a career change, not a raise")
            .with_related(related, "the IC level's pay compared with"),
        );
    }
}
