use crate::Pointer;
use crate::choice::ParityMode;
use crate::finding::{Finding, Findings};
use crate::model::{Band, Grade};
use crate::ratio::Ratio;
use crate::rules::Facts;
use crate::rules::parity_gap::{Gap, Point, gap, gap_in};
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Where `parity-gap` finds the base bands of an IC level and a
    /// management level of the same grade at parity, compares what they pay
    /// beyond base, under the same `policy.parity` (`mode`, `tolerance`,
    /// `from_grade`; executive levels left out):
    ///
    /// - total target cash, the band plus the target variable pay (a
    ///   percentage of each band amount rounded half away from zero to the
    ///   currency's minor unit, or a fixed amount), when either level has
    ///   `variable` pay (its own or its track's);
    /// - total compensation, total target cash plus the `equity` band, when
    ///   either level has one.
    ///
    /// Each pair has at most one finding: the first of the two that falls
    /// short. Zone bands are not re-checked beyond base.
    ///
    /// ### Why is this bad?
    /// Equal base bands with a bonus for managers only is a management
    /// premium by another name: at target, the director earns more than the
    /// principal engineer of the same grade, and the dual track is parity on
    /// paper only.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: ic6, grade: 6, band: { min: 250000, mid: 295000, max: 340000 } }
    /// # management
    /// - { id: dir1, grade: 6, band: { min: 250000, mid: 295000, max: 340000 }, variable: { target: 15% } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: ic6, grade: 6, band: { min: 250000, mid: 295000, max: 340000 }, variable: { target: 15% } }
    /// # management
    /// - { id: dir1, grade: 6, band: { min: 250000, mid: 295000, max: 340000 }, variable: { target: 15% } }
    /// ```
    TOTAL_PAY_GAP, "total-pay-gap", Error, Policy, "base bands are at parity, but total target cash or total compensation is not"
}

/// What is compared beyond base.
#[derive(Clone, Copy)]
enum Beyond {
    /// Total target cash.
    Target,
    /// Total compensation, with equity.
    Total,
}

impl Beyond {
    fn phrase(self) -> &'static str {
        match self {
            Beyond::Target => "at target",
            Beyond::Total => "in total compensation (with equity)",
        }
    }
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned policy is not judged by its defaults.
    if !(facts.sound.policy && facts.from_grade_known) {
        return;
    }
    let from = facts.policy.parity_from_grade.rank();
    let ics = facts.ic_by_grade();
    for &(mt, ml, m) in facts.management_levels() {
        let Some(grade) = facts.grade(mt, ml) else {
            continue;
        };
        if grade.rank() < from {
            continue;
        }
        let Some(m_base) = facts.band(mt, ml) else {
            continue;
        };
        for &(it, il, ic) in ics.get(&grade.rank()).into_iter().flatten() {
            let Some(ic_base) = facts.band(it, il) else {
                continue;
            };
            // A gap in base pay is `parity-gap`'s.
            if gap(facts, &ic_base, &m_base).is_some() {
                continue;
            }
            let (Some(ic_facts), Some(m_facts)) = (facts.level(it, il), facts.level(mt, ml)) else {
                continue;
            };
            let variable = ic_facts.variable.is_some() || m_facts.variable.is_some();
            let equity = ic_facts.equity.is_some() || m_facts.equity.is_some();
            let compared = [
                (
                    Beyond::Target,
                    variable,
                    facts.target_cash(it, il),
                    facts.target_cash(mt, ml),
                ),
                (
                    Beyond::Total,
                    equity,
                    facts.total_compensation(it, il),
                    facts.total_compensation(mt, ml),
                ),
            ];
            for (beyond, given, ic_band, m_band) in compared {
                let (true, Some(ic_band), Some(m_band)) = (given, ic_band, m_band) else {
                    continue;
                };
                let Some(found) = gap_in(facts, &ic_band, &m_band, Point::MID_FIRST) else {
                    continue;
                };
                if sink.is_full() {
                    return;
                }
                let pair = Pair {
                    grade,
                    ic: (it, il, ic.id.as_str()),
                    m: (mt, ml, m.id.as_str()),
                    base_equal: ic_base == m_base,
                };
                sink.push(finding(facts, &pair, beyond, &found, (&ic_band, &m_band)));
                break;
            }
        }
    }
}

/// An IC level and a management level of one grade, whose base bands are
/// at parity.
struct Pair<'a> {
    grade: &'a Grade,
    ic: (usize, usize, &'a str),
    m: (usize, usize, &'a str),
    base_equal: bool,
}

/// Where a level's pay beyond base is written (the level's or its track's
/// `variable` or `equity`), when it has some.
fn written_at(facts: &Facts<'_>, (t, l): (usize, usize), beyond: Beyond) -> Option<Pointer> {
    let level = facts.level(t, l)?;
    match beyond {
        Beyond::Target => level.variable.as_ref().map(|w| w.at.clone()),
        Beyond::Total => level.equity.as_ref().map(|w| w.at.clone()),
    }
}

/// `15%`, `12.5%`: at most two decimals, no trailing zeros.
fn percent_text(ratio: Ratio) -> String {
    let text = format!("{:.2}", ratio.percent());
    let number = text.trim_end_matches('%');
    let number = if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    };
    format!("{number}%")
}

fn finding(
    facts: &Facts<'_>,
    pair: &Pair<'_>,
    beyond: Beyond,
    found: &Gap,
    (ic_band, m_band): (&Band, &Band),
) -> Finding {
    let (it, il, ic) = pair.ic;
    let (mt, ml, m) = pair.m;
    let base = if pair.base_equal {
        "base bands match"
    } else {
        "base bands are at parity"
    };
    let ic_name = format!("IC level `{}`", escape(ic));
    let m_name = format!("management level `{}`", escape(m));
    let (message, ic_higher) = match *found {
        Gap::Point(point) => {
            let (ic_amount, m_amount) = (point.of(ic_band), point.of(m_band));
            let ic_higher = ic_amount > m_amount;
            let (high, low) = if ic_higher {
                (ic_amount, m_amount)
            } else {
                (m_amount, ic_amount)
            };
            let more = Ratio::new(i128::from(high) - i128::from(low), i128::from(low.max(1)))
                .map(percent_text)
                .unwrap_or_default();
            let (first, second, first_money, second_money) = if ic_higher {
                (&ic_name, &m_name, point.money(ic_band), point.money(m_band))
            } else {
                (&m_name, &ic_name, point.money(m_band), point.money(ic_band))
            };
            let at = match point {
                Point::Min => "at the bottom of the band",
                Point::Mid => "at the midpoint",
                Point::Max => "at the top of the band",
            };
            (
                format!(
                    "{base}, but {} {first} (grade {}) earns {more} more than {second} {at}: {first_money} vs {second_money}",
                    beyond.phrase(),
                    pair.grade,
                ),
                ic_higher,
            )
        }
        Gap::Apart => (
            format!(
                "{base}, but {} the bands of {ic_name} ({} to {}) and {m_name} ({} to {}) do not overlap (grade {})",
                beyond.phrase(),
                ic_band.min(),
                ic_band.max(),
                m_band.min(),
                m_band.max(),
                pair.grade,
            ),
            ic_band.min().minor() > m_band.max().minor(),
        ),
    };
    // The node to fix: the pay beyond base of the level that earns more,
    // else of the other one (which gives less of it).
    let (higher, lower) = if ic_higher {
        ((it, il), (mt, ml))
    } else {
        ((mt, ml), (it, il))
    };
    let what = match beyond {
        Beyond::Target => "variable",
        Beyond::Total => "equity",
    };
    let (at, other) = match written_at(facts, higher, beyond) {
        Some(at) => (at, lower),
        None => (
            written_at(facts, lower, beyond)
                .unwrap_or_else(|| facts.level_pointer(lower.0, lower.1)),
            higher,
        ),
    };
    let mode = match facts.policy.parity_mode {
        ParityMode::Equal => "equal",
        ParityMode::AtLeast => "at_least",
        ParityMode::Overlap => "overlap",
    };
    let help = format!(
        "from grade {} the policy is `{mode}` on pay beyond base too: give `{}` and `{}` the same `{what}` (on the level or its track)",
        facts.policy.parity_from_grade,
        escape(ic),
        escape(m),
    );
    let other_id = if other == (it, il) { ic } else { m };
    let (related, label) = match written_at(facts, other, beyond) {
        Some(pointer) => (pointer, format!("the `{what}` of `{}`", escape(other_id))),
        None => (
            facts.level_pointer(other.0, other.1).key("band"),
            format!("`{}`: its base band, no `{what}`", escape(other_id)),
        ),
    };
    Finding::new(&TOTAL_PAY_GAP, at, message)
        .with_help(help)
        .with_related(related, label)
}
