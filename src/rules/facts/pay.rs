//! Pay as the checks read it: each amount read once in the currency, band
//! facts, variable pay and equity as written, and pay written as a
//! percentage of another level, resolved.

use super::*;

/// A value of pay beyond the base band, as a level has it, and where it is
/// written: on the level, or on its track (which the level inherits).
#[derive(Debug, Clone)]
pub(crate) struct Written<T> {
    /// `None` when it could not be read: an amount too precise or too large
    /// for the currency, an equity band out of order, an unknown currency
    /// (the rules that report those say why).
    pub(crate) value: Option<T>,
    /// The `variable` or `equity` key that gives it.
    pub(crate) at: Pointer,
}

/// Reads variable pay in the currency.
pub(super) fn read_variable(spec: &VariableSpec, currency: Option<Currency>) -> Option<Variable> {
    match (spec.target, spec.amount) {
        (Some(target), _) => Some(Variable::Target(target)),
        (None, Some(amount)) => match Amount::read(amount, currency?) {
            Amount::Money(money) => Some(Variable::Amount(money)),
            _ => None,
        },
        (None, None) => None,
    }
}

/// Reads an equity band in the currency, when it is in order.
pub(super) fn read_equity(spec: &EquitySpec, currency: Option<Currency>) -> Option<Band> {
    let currency = currency?;
    match band_fact([spec.min, spec.mid, spec.max].map(|a| Amount::read(a, currency))) {
        BandFact::Ordered(band) => Some(band),
        _ => None,
    }
}

/// A level's band, as far as it could be read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum BandFact {
    /// The level publishes no band: `no-pay` or `missing-band` says so.
    Absent,
    /// An amount does not hold in the currency's minor units, or the
    /// currency is unknown: `invalid-currency`, `currency-precision` or
    /// `invalid-amount` says why.
    Unreadable,
    /// Min, mid and max are out of order: `band-order` says so.
    OutOfOrder { min: Money, mid: Money, max: Money },
    /// A band in order.
    Ordered(Band),
}

/// The three points of a band, for messages and pointers.
pub(crate) const BAND_POINTS: [&str; 3] = ["min", "mid", "max"];

/// Where an amount of a level's pay is written, below its `band`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AmountAt {
    /// `min`, `mid` or `max`.
    Point(&'static str),
    /// An entry of `steps`.
    Step(usize),
    /// The spot rate: `band` itself.
    Rate,
}

impl AmountAt {
    /// Its pointer, below the level's.
    pub(crate) fn below(self, level: Pointer) -> Pointer {
        let band = level.key("band");
        match self {
            Self::Point(name) => band.key(name),
            Self::Step(i) => band.key("steps").index(i),
            Self::Rate => band,
        }
    }
}

/// How a level's `band: { percent, of }` resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reference {
    /// The reference level, whose band the level's is a percentage of.
    Resolved(usize, usize),
    /// No level has that id.
    Unknown,
    /// The reference level's pay is itself a percentage.
    Chained(usize, usize),
    /// The reference level has no band.
    Unpaid(usize, usize),
    /// The reference, or its band, did not decode or read: its own
    /// findings say why.
    Unreadable,
    /// The percentage of the reference's band is too large to hold in the
    /// currency's minor units.
    TooLarge(usize, usize),
}

/// Resolves every `band: { percent, of }` against the band of the level it
/// names, once every level's own amounts are read: one reference, never a
/// chain, so resolution is one pass and cannot loop.
pub(super) fn resolve_relative(
    spec: &LadderSpec,
    levels: &mut [Vec<LevelFacts>],
    currency: Option<Currency>,
) {
    let mut by_id: HashMap<&str, (usize, usize)> = HashMap::new();
    for (t, track) in spec.tracks.iter().enumerate() {
        for (l, level) in track.levels.iter().enumerate() {
            by_id.entry(level.id.as_str()).or_insert((t, l));
        }
    }
    for (t, track) in spec.tracks.iter().enumerate() {
        for (l, level) in track.levels.iter().enumerate() {
            let Some(PaySpec::Relative(relative)) = &level.band else {
                continue;
            };
            let target = by_id.get(relative.of.as_str()).copied();
            let reference = match target {
                None => Reference::Unknown,
                Some((rt, rl)) => {
                    let target_spec = &spec.tracks[rt].levels[rl];
                    let target_sound = levels
                        .get(rt)
                        .and_then(|ls| ls.get(rl))
                        .is_some_and(|f| f.sound);
                    match &target_spec.band {
                        _ if !target_sound => Reference::Unreadable,
                        None => Reference::Unpaid(rt, rl),
                        Some(PaySpec::Relative(_)) => Reference::Chained(rt, rl),
                        Some(_) => Reference::Resolved(rt, rl),
                    }
                }
            };
            let resolved = match (reference, currency) {
                (Reference::Resolved(rt, rl), Some(currency)) => {
                    levels.get(rt).and_then(|ls| ls.get(rl)).and_then(|target| {
                        let BandFact::Ordered(band) = target.band else {
                            return None;
                        };
                        let factor = relative.percent.fraction();
                        let band = crate::model::convert_band(&band, factor, None, currency)?;
                        let steps = match &target.steps {
                            Some(steps) => Some(
                                steps
                                    .iter()
                                    .map(|s| crate::model::convert(*s, factor, None, currency))
                                    .collect::<Option<Vec<_>>>()?,
                            ),
                            None => None,
                        };
                        Some((band, steps))
                    })
                }
                _ => None,
            };
            // The reference's band read, in order, yet is not held once
            // scaled.
            let reference = match (reference, &resolved, currency) {
                (Reference::Resolved(rt, rl), None, Some(_))
                    if levels
                        .get(rt)
                        .and_then(|ls| ls.get(rl))
                        .is_some_and(|target| matches!(target.band, BandFact::Ordered(_))) =>
                {
                    Reference::TooLarge(rt, rl)
                }
                _ => reference,
            };
            if let Some(facts) = levels.get_mut(t).and_then(|ls| ls.get_mut(l)) {
                facts.relative = Some(reference);
                if let Some((band, steps)) = resolved {
                    facts.band = BandFact::Ordered(band);
                    facts.steps = steps;
                }
            }
        }
    }
}

/// One amount of a band, read in the currency's minor units.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Amount {
    Money(Money),
    /// More decimal places than the currency has, even zeros (`72.000` in
    /// EUR may mean 72000): `currency-precision` reports it.
    TooPrecise,
    /// More minor units than a `u64` holds: `invalid-amount` reports it.
    TooLarge,
}

impl Amount {
    pub(super) fn read(amount: crate::Decimal, currency: Currency) -> Self {
        if amount.scale() > currency.minor_digits() {
            return Self::TooPrecise;
        }
        Money::from_decimal(amount, currency).map_or(Self::TooLarge, Self::Money)
    }
}

/// A band from its amounts, as far as they could be read.
pub(super) fn band_fact(amounts: [Amount; 3]) -> BandFact {
    let [Amount::Money(min), Amount::Money(mid), Amount::Money(max)] = amounts else {
        return BandFact::Unreadable;
    };
    match Band::new(min, mid, max) {
        Some(band) => BandFact::Ordered(band),
        None => BandFact::OutOfOrder { min, mid, max },
    }
}
