use crate::finding::{Finding, Findings};
use crate::rules::{Facts, Reference};
use crate::spec::PaySpec;
use crate::text::{did_you_mean, escape};

declare_rule! {
    /// ### What it does
    /// Checks that a band written as a percentage of another level's pay
    /// (`band: { percent: 120%, of: journeyman }`) names a level of the
    /// ladder whose own band is written as amounts (a range or a spot rate).
    ///
    /// ### Why is this bad?
    /// A percentage of a level that does not exist, or that publishes no pay,
    /// is no pay at all. A percentage of a level whose pay is itself a
    /// percentage hides the amount two steps away (and could loop): trade
    /// agreements define every classification from the one journeyman rate,
    /// and so does the ladder.
    ///
    /// ### Example
    /// ```yaml
    /// - { id: foreman, ..., band: { percent: 120%, of: journeymen } }
    /// ```
    /// Use instead:
    /// ```yaml
    /// - { id: foreman, ..., band: { percent: 120%, of: journeyman } }
    /// ```
    INVALID_PAY_REFERENCE, "invalid-pay-reference", Error, Invariant, "a band is a percentage of a level that is unknown, unpaid or itself relative"
}

pub(crate) fn check(facts: &Facts<'_>, sink: &mut Findings) {
    // A poisoned track or level may be the one referred to.
    if !facts.sound.all_tracks_and_levels() {
        return;
    }
    let known: Vec<&str> = facts
        .levels()
        .map(|(_, _, level)| level.id.as_str())
        .collect();
    for (t, l, level) in facts.levels() {
        let Some(PaySpec::Relative(relative)) = &level.band else {
            continue;
        };
        let Some(reference) = facts
            .level(t, l)
            .filter(|f| f.sound)
            .and_then(|f| f.relative)
        else {
            continue;
        };
        if sink.is_full() {
            return;
        }
        let id = escape(&level.id);
        let of = escape(&relative.of);
        let pointer = facts.level_pointer(t, l).key("band").key("of");
        let percent = relative.percent;
        let finding = match reference {
            Reference::Resolved(..) | Reference::Unreadable => continue,
            Reference::Unknown => {
                let others: Vec<&str> = known.iter().copied().filter(|k| *k != level.id).collect();
                let help = match did_you_mean(&relative.of, &others) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "name the id of a level whose band is written as amounts".to_owned(),
                };
                Finding::new(
                    &INVALID_PAY_REFERENCE,
                    pointer,
                    format!("band of level `{id}` is {percent} of unknown level `{of}`"),
                )
                .with_help(help)
            }
            Reference::Chained(rt, rl) => {
                let target = facts.level_spec((rt, rl));
                let (next, help) = match &target.band {
                    Some(PaySpec::Relative(r)) => (
                        format!(", itself {} of `{}`", r.percent, escape(&r.of)),
                        format!(
                            "refer to `{}` directly, with the two percentages multiplied ({percent} of {}): a band is a percentage of one level whose band is written as amounts",
                            escape(&r.of),
                            r.percent
                        ),
                    ),
                    _ => (String::new(), String::new()),
                };
                Finding::new(
                    &INVALID_PAY_REFERENCE,
                    pointer,
                    format!(
                        "band of level `{id}` is {percent} of `{of}`, whose band is a percentage too{next}"
                    ),
                )
                .with_help(help)
                .with_related(facts.level_pointer(rt, rl).key("band"), "the band referred to")
            }
            Reference::TooLarge(rt, rl) => Finding::new(
                &INVALID_PAY_REFERENCE,
                facts.level_pointer(t, l).key("band").key("percent"),
                format!(
                    "band of level `{id}` is {percent} of `{of}`, too large to hold in {}",
                    facts.currency.map_or_else(String::new, |c| c.to_string())
                ),
            )
            .with_help(
                "amounts are held in minor units up to 18446744073709551615: lower the percentage",
            )
            .with_related(
                facts.level_pointer(rt, rl).key("band"),
                "the band referred to",
            ),
            Reference::Unpaid(rt, rl) => Finding::new(
                &INVALID_PAY_REFERENCE,
                pointer,
                format!("band of level `{id}` is {percent} of `{of}`, which has no band"),
            )
            .with_help(format!(
                "give `{of}` a band, or refer to a level that has one"
            ))
            .with_related(facts.level_pointer(rt, rl), "the level referred to"),
        };
        sink.push(finding);
    }
}
