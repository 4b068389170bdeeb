use crate::finding::{Finding, Findings};
use crate::rules::Facts;
use crate::text::escape;

declare_rule! {
    /// ### What it does
    /// Checks that, when some levels of a ladder publish a pay band, every
    /// level does.
    ///
    /// ### Why is this bad?
    /// A level without a band in a ladder that publishes pay is usually one
    /// left behind: its pay is compared with nothing, so a parity gap or a
    /// management premium at its grade goes unseen, and the band rules skip
    /// it. A ladder that publishes no pay at all is fine (`no-pay` notes it),
    /// and so is an executive level (`executive: true`) without a band:
    /// executives are often paid outside the published structure (a board's
    /// remuneration committee, a senior salaries review body), and they are
    /// outside parity anyway.
    ///
    /// ### Example
    /// ```yaml
    /// - id: ic5
    ///   title: Principal Engineer
    ///   grade: 5
    ///   expectations: { technical-depth: 5 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic5
    ///   title: Principal Engineer
    ///   grade: 5
    ///   band: { min: 250000, mid: 295000, max: 340000 }
    ///   expectations: { technical-depth: 5 }
    /// ```
    MISSING_BAND, "missing-band", Warning, Policy, "a level has no pay band while others have one"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    let Some((bt, bl, banded)) = facts.levels().find(|(_, _, level)| level.band.is_some()) else {
        return;
    };
    for (t, l, level) in facts.levels() {
        if sink.is_full() {
            break;
        }
        if level.band.is_some() || level.executive {
            continue;
        }
        sink.push(
            Finding::new(
                &MISSING_BAND,
                facts.level_pointer(t, l).key("id"),
                format!(
                    "level `{}` has no pay band, while other levels of the ladder have one",
                    escape(&level.id)
                ),
            )
            .with_help(format!(
                "add `band: {{ min: ..., mid: ..., max: ... }}` to `{}`: without one its pay is compared with no other level",
                escape(&level.id)
            ))
            .with_related(
                facts.level_pointer(bt, bl).key("band"),
                format!("`{}` has a band", escape(&banded.id)),
            ),
        );
    }
}
