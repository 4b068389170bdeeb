//! What a change to a ladder does: two versions of a ladder compared, matched
//! by id, as a reviewer reads a pull request ([`LadderDiff`]).
//!
//! Everything is exact: amounts are [`Money`], their changes [`SignedMoney`],
//! and the percentages [`Ratio`]s of the old amount, rounded only when shown
//! (two decimals, half away from zero).

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;

use crate::{
    Band, CompetencyId, Finding, Grade, Ladder, Level, LevelId, Loaded, Money, Proficiency, Ratio,
    Report, Severity, SignedMoney, TrackId, TrackKind, Zone, ZoneId,
};

/// The difference between two versions of a ladder, matched by id: what was
/// added, removed, renamed or moved; every band point whose amount changed,
/// in the base currency and in each zone; expectations raised and lowered;
/// policy changes; the findings the new version introduces and fixes; and,
/// first of all, how each grade's IC and management pay moved side by side.
///
/// ```
/// use dualtrack::BandPoint;
///
/// let old = std::fs::read_to_string("ladders/engineering.yaml")?;
/// // A 5% raise for directors at grade 6, not matched on the IC track.
/// let new = old.replace(
///     "band: { min: 250000, mid: 295000, max: 340000 }\n        expectations:\n          technical-depth: 3",
///     "band: { min: 262500, mid: 309750, max: 357000 }\n        expectations:\n          technical-depth: 3",
/// );
/// let loader = dualtrack::Loader::new();
/// let diff = dualtrack::LadderDiff::between(&loader.inspect(&old)?, &loader.inspect(&new)?);
/// let mid = diff.pay().iter().find(|p| p.zone.is_none() && p.point == BandPoint::Mid).unwrap();
/// assert_eq!(mid.to_string(), "dir1 mid 295000 -> 309750 USD (+5.00%)");
/// assert_eq!(diff.unmatched_raises().next().unwrap().grade.to_string(), "6");
///
/// // What it serializes reads back as the same diff.
/// # #[cfg(feature = "serde")] {
/// let json = serde_json::to_string(&diff)?;
/// assert_eq!(serde_json::from_str::<dualtrack::LadderDiff>(&json)?, diff);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Its JSON reads back as an equal diff; the parts computed from others (a
/// pay change's amount and percentage, an expectation's direction, a rounded
/// percentage) are checked against them, and a disagreement is refused. Keys
/// it does not know are ignored, so the document `dualtrack diff --format
/// json` prints reads as a diff too.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LadderDiff {
    ladder: Vec<FieldChange>,
    parity: Vec<GradeMovement>,
    tracks: Vec<ItemChange<TrackId>>,
    levels: Vec<ItemChange<LevelId>>,
    competencies: Vec<ItemChange<CompetencyId>>,
    zones: Vec<ItemChange<ZoneId>>,
    pay: Vec<PayChange>,
    expectations: Vec<ExpectationDelta>,
    policy: Vec<FieldChange>,
    findings: FindingsDelta,
}

/// A value of the ladder, its policy or a zone that changed: `key` as the file
/// names it (`effective_date`, `parity.tolerance`), the old and new values as
/// text (`none` when absent).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FieldChange {
    /// What changed, as the file names it.
    pub key: String,
    /// The old value as text.
    pub old: String,
    /// The new value as text.
    pub new: String,
}

impl fmt::Display for FieldChange {
    /// `parity.tolerance 0% -> 5%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} -> {}", self.key, self.old, self.new)
    }
}

/// A track, level, competency or zone added, removed, renamed, or with one
/// of its values changed (a level's grade or track, a zone's factor).
/// `Id` is the kind of id it has: [`TrackId`], [`LevelId`], [`CompetencyId`]
/// or [`ZoneId`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "change", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ItemChange<Id> {
    /// In the new version only.
    #[non_exhaustive]
    Added {
        /// Its id.
        id: Id,
        /// Its title or name.
        title: String,
        /// Where it sits: a level's track and grade (`ic, grade 9`); empty otherwise.
        detail: String,
    },
    /// In the old version only.
    #[non_exhaustive]
    Removed {
        /// Its id.
        id: Id,
        /// Its title or name.
        title: String,
        /// Where it sat: a level's track and grade; empty otherwise.
        detail: String,
    },
    /// Same id, another title or name.
    #[non_exhaustive]
    Renamed {
        /// Its id.
        id: Id,
        /// The old title.
        old: String,
        /// The new title.
        new: String,
    },
    /// Same id, another value: a level's `grade` (a grade move), `track`,
    /// `executive`, `variable`, `equity`, `steps`, `band` (published or
    /// withdrawn); a competency's `kind`; a track's `kind`; a zone's rules.
    #[non_exhaustive]
    Changed {
        /// Its id.
        id: Id,
        /// The value, as the file names it.
        key: String,
        /// The old value as text.
        old: String,
        /// The new value as text.
        new: String,
    },
}

impl<Id: fmt::Display> fmt::Display for ItemChange<Id> {
    /// `ic9 added (Senior Fellow, ic, grade 9)`, `ic6 renamed: A -> B`,
    /// `ic6 grade 6 -> 7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Added { id, title, detail } | Self::Removed { id, title, detail } => {
                let verb = if matches!(self, Self::Added { .. }) {
                    "added"
                } else {
                    "removed"
                };
                write!(f, "{id} {verb} ({title}")?;
                if !detail.is_empty() {
                    write!(f, ", {detail}")?;
                }
                f.write_str(")")
            }
            Self::Renamed { id, old, new } => write!(f, "{id} renamed: {old} -> {new}"),
            Self::Changed { id, key, old, new } => write!(f, "{id} {key} {old} -> {new}"),
        }
    }
}

/// A point of a band: its minimum, midpoint or maximum (`min`, `mid`,
/// `max` in JSON, as in a ladder file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BandPoint {
    /// The band's minimum.
    Min,
    /// The band's midpoint.
    Mid,
    /// The band's maximum.
    Max,
}

impl BandPoint {
    /// This point of `band`.
    pub fn of(self, band: &Band) -> Money {
        match self {
            Self::Min => band.min(),
            Self::Mid => band.mid(),
            Self::Max => band.max(),
        }
    }
}

impl fmt::Display for BandPoint {
    /// `min`, `mid` or `max`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Min => "min",
            Self::Mid => "mid",
            Self::Max => "max",
        })
    }
}

/// One band point of one level whose amount changed: in the base currency
/// (`zone` is `None`), or in a zone as its rules make it.
///
/// Read from JSON, `change` and `percent` are computed again from `old` and
/// `new`, and a value that disagrees is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(into = "PayChangeJson", try_from = "PayChangeJson")
)]
#[non_exhaustive]
pub struct PayChange {
    /// The level.
    pub level: LevelId,
    /// The zone; `None` for the base band.
    pub zone: Option<ZoneId>,
    /// Which point of the band.
    pub point: BandPoint,
    /// The old amount.
    pub old: Money,
    /// The new amount.
    pub new: Money,
    /// `new - old`; `None` when the currency changed.
    pub change: Option<SignedMoney>,
    /// The change as a share of the old amount, exact; `None` when the
    /// currency changed or the old amount is zero. Written in JSON as a
    /// signed percentage rounded to two decimals (`+5.00%`): `old` and `new`
    /// give it exactly.
    pub percent: Option<Ratio>,
}

impl PayChange {
    fn new(level: LevelId, zone: Option<ZoneId>, point: BandPoint, old: Money, new: Money) -> Self {
        let change = new.difference(old);
        Self {
            level,
            zone,
            point,
            old,
            new,
            change,
            percent: share(change, old),
        }
    }

    /// Whether the amount went down (in the same currency).
    pub fn is_decrease(&self) -> bool {
        self.change.is_some_and(|c| c.minor() < 0)
    }
}

impl fmt::Display for PayChange {
    /// `ic6 mid 295000 -> 309750 USD (+5.00%)`; the zone first when there
    /// is one (`london: ic6 mid ...`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(zone) = &self.zone {
            write!(f, "{zone}: ")?;
        }
        write!(f, "{} {} ", self.level, self.point)?;
        if self.old.currency() == self.new.currency() {
            write!(f, "{} -> {}", self.old.amount(), self.new)?;
        } else {
            write!(f, "{} -> {}", self.old, self.new)?;
        }
        if let Some(percent) = self.percent {
            write!(f, " ({})", signed_percent(percent))?;
        }
        Ok(())
    }
}

/// `change` as a share of `old`: `None` when there is no change (another
/// currency) or the old amount is zero.
fn share(change: Option<SignedMoney>, old: Money) -> Option<Ratio> {
    change
        .and_then(|c| Ratio::new(c.minor(), i128::from(old.minor())))
        .filter(|_| old.minor() != 0)
}

/// A percentage with its sign: `+5.00%`, `-2.50%`, `0.00%`.
pub(crate) fn signed_percent(ratio: Ratio) -> String {
    let text = ratio.percent().to_string();
    if ratio.is_negative() || ratio == Ratio::ZERO {
        text
    } else {
        format!("+{text}")
    }
}

/// [`PayChange`] as JSON: the percentage rounded, as a reviewer reads it.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PayChangeJson {
    level: LevelId,
    zone: Option<ZoneId>,
    point: BandPoint,
    old: Money,
    new: Money,
    change: Option<SignedMoney>,
    percent: Option<String>,
}

impl From<PayChange> for PayChangeJson {
    fn from(p: PayChange) -> Self {
        Self {
            level: p.level,
            zone: p.zone,
            point: p.point,
            old: p.old,
            new: p.new,
            change: p.change,
            percent: p.percent.map(signed_percent),
        }
    }
}

impl TryFrom<PayChangeJson> for PayChange {
    type Error = String;

    /// The change computed again from `old` and `new`; the JSON's `change`
    /// and `percent` must be what it gives.
    fn try_from(json: PayChangeJson) -> Result<Self, String> {
        let computed = PayChange::new(json.level, json.zone, json.point, json.old, json.new);
        let show = |change: Option<SignedMoney>| text(change);
        if json.change != computed.change {
            return Err(format!(
                "change {} is not {} -> {} (that is {})",
                show(json.change),
                json.old,
                json.new,
                show(computed.change)
            ));
        }
        let percent = computed.percent.map(signed_percent);
        if json.percent != percent {
            return Err(format!(
                "percent {} is not the change of {} -> {} (that is {})",
                json.percent.map_or_else(
                    || "none".to_owned(),
                    |p| format!("`{}`", crate::text::escape(&p))
                ),
                json.old,
                json.new,
                text(percent)
            ));
        }
        Ok(computed)
    }
}

/// How a level's expectation of a competency changed (`raised`, `lowered`,
/// `added`, `removed` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ExpectationDeltaKind {
    /// A higher proficiency than before.
    Raised,
    /// A lower proficiency than before.
    Lowered,
    /// Expected now, not before.
    Added,
    /// Expected before, not now.
    Removed,
}

impl ExpectationDeltaKind {
    /// The change from `old` to `new` (`None` for not expected); `None` when
    /// they are the same.
    pub fn between(old: Option<Proficiency>, new: Option<Proficiency>) -> Option<Self> {
        match (old, new) {
            (None, Some(_)) => Some(Self::Added),
            (Some(_), None) => Some(Self::Removed),
            (Some(a), Some(b)) if b > a => Some(Self::Raised),
            (Some(a), Some(b)) if b < a => Some(Self::Lowered),
            _ => None,
        }
    }
}

impl fmt::Display for ExpectationDeltaKind {
    /// `raised`, `lowered`, `added` or `removed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Raised => "raised",
            Self::Lowered => "lowered",
            Self::Added => "added",
            Self::Removed => "removed",
        })
    }
}

/// A level's expectation of a competency that changed.
///
/// Read from JSON, `change` must be the one `old` and `new` make
/// ([`ExpectationDeltaKind::between`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ExpectationDeltaJson"))]
#[non_exhaustive]
pub struct ExpectationDelta {
    /// The level.
    pub level: LevelId,
    /// The competency.
    pub competency: CompetencyId,
    /// Raised, lowered, added or removed.
    pub change: ExpectationDeltaKind,
    /// The old proficiency; `None` when added.
    pub old: Option<Proficiency>,
    /// The new proficiency; `None` when removed.
    pub new: Option<Proficiency>,
}

/// [`ExpectationDelta`] as JSON, before its change is checked.
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ExpectationDeltaJson {
    level: LevelId,
    competency: CompetencyId,
    change: ExpectationDeltaKind,
    old: Option<Proficiency>,
    new: Option<Proficiency>,
}

impl TryFrom<ExpectationDeltaJson> for ExpectationDelta {
    type Error = String;

    fn try_from(json: ExpectationDeltaJson) -> Result<Self, String> {
        let ExpectationDeltaJson {
            level,
            competency,
            change,
            old,
            new,
        } = json;
        if ExpectationDeltaKind::between(old, new) != Some(change) {
            return Err(format!(
                "expectation of `{competency}` at `{level}` cannot be {change} from {} to {}",
                text(old),
                text(new)
            ));
        }
        Ok(Self {
            level,
            competency,
            change,
            old,
            new,
        })
    }
}

impl fmt::Display for ExpectationDelta {
    /// `ic6 technical-depth raised 4 -> 5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |p: Option<Proficiency>| p.map_or_else(|| "none".to_owned(), |p| p.to_string());
        write!(
            f,
            "{} {} {} {} -> {}",
            self.level,
            self.competency,
            self.change,
            show(self.old),
            show(self.new)
        )
    }
}

/// What a movement compares: the base band, or total target cash (base
/// plus variable pay at target) when either version pays variable pay, as
/// parity compares it then (`base`, `target_cash` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ComparedPay {
    /// The base band.
    Base,
    /// Base plus variable pay at target, point by point.
    TargetCash,
}

/// How one level's pay moved, point by point: its base band, or its total
/// target cash (base plus variable pay at target) when either version pays
/// variable pay, as parity compares it then.
///
/// In JSON the midpoint's share is written twice: `mid_percent` rounded as a
/// reviewer reads it (`+5.00%`), and `mid_share` exact (a [`Ratio`]), which
/// is what reads back; the two must agree.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(into = "MovementJson", try_from = "MovementJson")
)]
#[non_exhaustive]
pub struct Movement {
    /// The track.
    pub track: TrackId,
    /// The level at the grade on that track.
    pub level: LevelId,
    /// The base band, or total target cash when either version has
    /// variable pay.
    pub basis: ComparedPay,
    /// The changes of min, mid and max: each `None` when the currency
    /// changed.
    pub min: Option<SignedMoney>,
    /// See `min`.
    pub mid: Option<SignedMoney>,
    /// See `min`.
    pub max: Option<SignedMoney>,
    /// The midpoint's change as a share of the old midpoint; `None` when
    /// the currency changed or the old midpoint is zero.
    pub mid_percent: Option<Ratio>,
}

impl Movement {
    /// The movement from `old` to `new` on `track`, with each point's change
    /// as a share of the old one (zero when not comparable), to weigh the
    /// tracks point by point.
    fn of(track: &TrackId, old: &Level, new: &Level) -> Option<(Self, [Ratio; 3])> {
        let cash = old.target_cash().is_some() || new.target_cash().is_some();
        let pay = |level: &Level| {
            if cash {
                level.target_cash().or(level.band()).copied()
            } else {
                level.band().copied()
            }
        };
        let (old_band, new_band) = (pay(old)?, pay(new)?);
        let points = [BandPoint::Min, BandPoint::Mid, BandPoint::Max]
            .map(|point| (point.of(&old_band), point.of(&new_band)));
        let changes = points.map(|(o, n)| n.difference(o));
        let shares = [0, 1, 2].map(|at| share(changes[at], points[at].0));
        let movement = Self {
            track: track.clone(),
            level: new.id().clone(),
            basis: if cash {
                ComparedPay::TargetCash
            } else {
                ComparedPay::Base
            },
            min: changes[0],
            mid: changes[1],
            max: changes[2],
            mid_percent: shares[1],
        };
        Some((movement, shares.map(|s| s.unwrap_or(Ratio::ZERO))))
    }

    /// Whether none of the three points changed.
    pub fn is_still(&self) -> bool {
        [self.min, self.mid, self.max]
            .iter()
            .all(|c| c.is_some_and(SignedMoney::is_zero))
    }

    /// Each point's change in minor units (zero when not comparable).
    fn amounts(&self) -> [i128; 3] {
        [self.min, self.mid, self.max].map(|c| c.map_or(0, SignedMoney::minor))
    }
}

/// [`Movement`] as JSON: the midpoint's share rounded and exact.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct MovementJson {
    track: TrackId,
    level: LevelId,
    basis: ComparedPay,
    min: Option<SignedMoney>,
    mid: Option<SignedMoney>,
    max: Option<SignedMoney>,
    mid_percent: Option<String>,
    mid_share: Option<Ratio>,
}

impl From<Movement> for MovementJson {
    fn from(m: Movement) -> Self {
        Self {
            track: m.track,
            level: m.level,
            basis: m.basis,
            min: m.min,
            mid: m.mid,
            max: m.max,
            mid_percent: m.mid_percent.map(signed_percent),
            mid_share: m.mid_percent,
        }
    }
}

impl TryFrom<MovementJson> for Movement {
    type Error = String;

    fn try_from(json: MovementJson) -> Result<Self, String> {
        let rounded = json.mid_share.map(signed_percent);
        if json.mid_percent != rounded {
            return Err(format!(
                "mid_percent {} is not mid_share {} rounded (that is {})",
                json.mid_percent.as_deref().map_or_else(
                    || "none".to_owned(),
                    |p| format!("`{}`", crate::text::escape(p))
                ),
                text(
                    json.mid_share
                        .map(|s| format!("{}/{}", s.numerator(), s.denominator()))
                ),
                text(rounded)
            ));
        }
        Ok(Self {
            track: json.track,
            level: json.level,
            basis: json.basis,
            min: json.min,
            mid: json.mid,
            max: json.max,
            mid_percent: json.mid_share,
        })
    }
}

/// One grade's pay movement on each IC and management track, side by side:
/// the dual-track verdict of a pay change.
///
/// A labelled grade (`Band 8b`) reads back from JSON with its rank (see
/// [`Grade`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GradeMovement {
    /// The grade, as the new version shows it.
    pub grade: Grade,
    /// The IC tracks' levels at this grade.
    pub ic: Vec<Movement>,
    /// The management tracks' levels at this grade.
    pub management: Vec<Movement>,
    /// Whether a management band point rose more than the same point of an
    /// IC level at this grade, both as a share and as an amount: a raise for
    /// managers not matched for individual contributors, the headline of a
    /// diff even when the bands stay within the parity tolerance.
    pub unmatched: bool,
}

/// The findings the new version introduces and those it fixes, matched by
/// code and message, then by code and path (a finding whose message changed
/// with an amount is the same finding).
///
/// Each finding is placed as its JSON places it, by path, line and column:
/// it has no byte span ([`Finding::span`] is `None`), since a span indexes
/// one of two texts the diff does not hold; so a diff reads back equal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FindingsDelta {
    /// Findings of the new version that the old one did not have.
    pub introduced: Vec<Finding>,
    /// Findings of the old version that the new one no longer has.
    pub fixed: Vec<Finding>,
}

impl FindingsDelta {
    /// `old`'s and `new`'s findings compared.
    pub fn between(old: &Report, new: &Report) -> Self {
        let mut unmatched_old: Vec<Option<&Finding>> = old.findings().iter().map(Some).collect();
        let mut unmatched_new: Vec<Option<&Finding>> = new.findings().iter().map(Some).collect();
        let same_message =
            |a: &Finding, b: &Finding| a.code() == b.code() && a.message() == b.message();
        let same_path = |a: &Finding, b: &Finding| a.code() == b.code() && a.path() == b.path();
        for same in [
            &same_message as &dyn Fn(&Finding, &Finding) -> bool,
            &same_path,
        ] {
            for slot in &mut unmatched_new {
                let Some(finding) = *slot else { continue };
                if let Some(found) = unmatched_old
                    .iter_mut()
                    .find(|o| o.is_some_and(|o| same(o, finding)))
                {
                    *found = None;
                    *slot = None;
                }
            }
        }
        Self {
            introduced: unmatched_new
                .into_iter()
                .flatten()
                .map(Finding::as_told)
                .collect(),
            fixed: unmatched_old
                .into_iter()
                .flatten()
                .map(Finding::as_told)
                .collect(),
        }
    }
}

impl LadderDiff {
    /// Two loaded versions compared, their reports included: a version that
    /// breaks policy rules ([`Loader::inspect`](crate::Loader::inspect)) is
    /// compared all the same, and its findings counted.
    pub fn between(old: &Loaded, new: &Loaded) -> Self {
        let mut diff = old.ladder().diff(new.ladder());
        diff.findings = FindingsDelta::between(old.report(), new.report());
        diff
    }

    /// Changes to the ladder's own values: `id`, `name`, `currency`,
    /// `pay_period`, `effective_date`, `grades` (its scale).
    pub fn ladder(&self) -> &[FieldChange] {
        &self.ladder
    }

    /// Each grade whose IC or management pay moved, lowest first, with the
    /// tracks' movements side by side.
    pub fn parity(&self) -> &[GradeMovement] {
        &self.parity
    }

    /// The grades where management rose more than IC: the headline.
    pub fn unmatched_raises(&self) -> impl Iterator<Item = &GradeMovement> {
        self.parity.iter().filter(|g| g.unmatched)
    }

    /// Tracks added, removed, renamed, or of another kind.
    pub fn tracks(&self) -> &[ItemChange<TrackId>] {
        &self.tracks
    }

    /// Levels added, removed, renamed, moved to another grade or track, and
    /// other values of theirs that changed (variable pay, equity, steps).
    pub fn levels(&self) -> &[ItemChange<LevelId>] {
        &self.levels
    }

    /// Competencies added, removed, renamed, or of another kind.
    pub fn competencies(&self) -> &[ItemChange<CompetencyId>] {
        &self.competencies
    }

    /// Zones added, removed, renamed, or with other rules.
    pub fn zones(&self) -> &[ItemChange<ZoneId>] {
        &self.zones
    }

    /// Every band point whose amount changed, of every level in both
    /// versions: the base bands first, then each zone's as its rules make
    /// them (for zones in both versions).
    pub fn pay(&self) -> &[PayChange] {
        &self.pay
    }

    /// Expectations raised, lowered, added or removed, on levels in both
    /// versions.
    pub fn expectations(&self) -> &[ExpectationDelta] {
        &self.expectations
    }

    /// Policy values that changed, every default filled in
    /// (`parity.mode`, `parity.from_grade`, `parity.tolerance`, `spread.min`,
    /// `spread.max`, `progression.min`, `progression.max`, `overlap.max`).
    pub fn policy(&self) -> &[FieldChange] {
        &self.policy
    }

    /// The findings introduced and fixed; empty when compared without
    /// reports ([`Ladder::diff`]).
    pub fn findings(&self) -> &FindingsDelta {
        &self.findings
    }

    /// Whether the new version introduces an error finding.
    pub fn introduces_errors(&self) -> bool {
        self.findings
            .introduced
            .iter()
            .any(|f| f.severity() == Severity::Error)
    }

    /// Whether any amount went down, in the base currency or in a zone.
    pub fn decreases_pay(&self) -> bool {
        self.pay.iter().any(PayChange::is_decrease)
    }

    /// Whether nothing changed (findings included).
    pub fn is_empty(&self) -> bool {
        self.ladder.is_empty()
            && self.parity.is_empty()
            && self.tracks.is_empty()
            && self.levels.is_empty()
            && self.competencies.is_empty()
            && self.zones.is_empty()
            && self.pay.is_empty()
            && self.expectations.is_empty()
            && self.policy.is_empty()
            && self.findings.introduced.is_empty()
            && self.findings.fixed.is_empty()
    }
}

impl Ladder {
    /// What changes from this version of the ladder to `new`, matched by id
    /// (findings are compared by [`LadderDiff::between`]).
    ///
    /// ```
    /// let text = std::fs::read_to_string("ladders/engineering.yaml")?;
    /// let old = dualtrack::load(&text)?.into_ladder();
    /// let new = dualtrack::load(&text.replace("title: Principal Engineer", "title: Principal"))?
    ///     .into_ladder();
    /// let diff = old.diff(&new);
    /// assert_eq!(diff.levels()[0].to_string(), "ic6 renamed: Principal Engineer -> Principal");
    /// assert!(diff.pay().is_empty() && diff.parity().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diff(&self, new: &Ladder) -> LadderDiff {
        let old = self;
        LadderDiff {
            ladder: ladder_fields(old, new),
            parity: parity(old, new),
            tracks: tracks(old, new),
            levels: levels(old, new),
            competencies: competencies(old, new),
            zones: zones(old, new),
            pay: pay(old, new),
            expectations: expectations(old, new),
            policy: policy(old, new),
            findings: FindingsDelta::default(),
        }
    }
}

fn text<T: fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| v.to_string())
}

fn push_field(out: &mut Vec<FieldChange>, key: &str, old: String, new: String) {
    if old != new {
        out.push(FieldChange {
            key: key.to_owned(),
            old,
            new,
        });
    }
}

fn ladder_fields(old: &Ladder, new: &Ladder) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let scale = |l: &Ladder| {
        l.grades().map(|g| {
            g.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    push_field(&mut out, "id", old.id().to_string(), new.id().to_string());
    push_field(
        &mut out,
        "name",
        old.name().to_owned(),
        new.name().to_owned(),
    );
    push_field(
        &mut out,
        "currency",
        text(old.currency()),
        text(new.currency()),
    );
    push_field(
        &mut out,
        "pay_period",
        text(old.pay_period()),
        text(new.pay_period()),
    );
    push_field(
        &mut out,
        "effective_date",
        text(old.effective_date()),
        text(new.effective_date()),
    );
    push_field(&mut out, "grades", text(scale(old)), text(scale(new)));
    out
}

fn policy(old: &Ladder, new: &Ladder) -> Vec<FieldChange> {
    let (o, n) = (old.policy(), new.policy());
    let mut out = Vec::new();
    push_field(
        &mut out,
        "parity.mode",
        o.parity_mode().to_string(),
        n.parity_mode().to_string(),
    );
    push_field(
        &mut out,
        "parity.from_grade",
        o.parity_from_grade().to_string(),
        n.parity_from_grade().to_string(),
    );
    push_field(
        &mut out,
        "parity.tolerance",
        o.parity_tolerance().to_string(),
        n.parity_tolerance().to_string(),
    );
    push_field(
        &mut out,
        "spread.min",
        o.spread().0.to_string(),
        n.spread().0.to_string(),
    );
    push_field(
        &mut out,
        "spread.max",
        o.spread().1.to_string(),
        n.spread().1.to_string(),
    );
    push_field(
        &mut out,
        "progression.min",
        o.progression().0.to_string(),
        n.progression().0.to_string(),
    );
    push_field(
        &mut out,
        "progression.max",
        o.progression().1.to_string(),
        n.progression().1.to_string(),
    );
    push_field(
        &mut out,
        "overlap.max",
        o.overlap_max().to_string(),
        n.overlap_max().to_string(),
    );
    out
}

/// Items of two versions matched by id: removed (old order), then the
/// renamed and changed, then added (new order).
fn items<T, Id: Clone + Eq + Hash>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> Id,
    title: impl Fn(&T) -> String,
    detail: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> Vec<(&'static str, String, String)>,
) -> Vec<ItemChange<Id>> {
    let old_ids: Vec<Id> = old.iter().map(&id).collect();
    let new_ids: Vec<Id> = new.iter().map(&id).collect();
    let new_index: HashMap<&Id, usize> = new_ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id, at))
        .collect();
    let old_index: HashMap<&Id, usize> = old_ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id, at))
        .collect();
    let mut out = Vec::new();
    for (o, oid) in old.iter().zip(&old_ids) {
        if !new_index.contains_key(oid) {
            out.push(ItemChange::Removed {
                id: oid.clone(),
                title: title(o),
                detail: detail(o),
            });
        }
    }
    for (o, oid) in old.iter().zip(&old_ids) {
        let Some(n) = new_index.get(oid).map(|&at| &new[at]) else {
            continue;
        };
        if title(o) != title(n) {
            out.push(ItemChange::Renamed {
                id: oid.clone(),
                old: title(o),
                new: title(n),
            });
        }
        for (key, old, new) in fields(o, n) {
            if old != new {
                out.push(ItemChange::Changed {
                    id: oid.clone(),
                    key: key.to_owned(),
                    old,
                    new,
                });
            }
        }
    }
    for (n, nid) in new.iter().zip(&new_ids) {
        if !old_index.contains_key(nid) {
            out.push(ItemChange::Added {
                id: nid.clone(),
                title: title(n),
                detail: detail(n),
            });
        }
    }
    out
}

fn tracks(old: &Ladder, new: &Ladder) -> Vec<ItemChange<TrackId>> {
    items(
        old.tracks(),
        new.tracks(),
        |t| t.id().clone(),
        |t| t.name().to_owned(),
        |t| t.kind().to_string(),
        |o, n| vec![("kind", o.kind().to_string(), n.kind().to_string())],
    )
}

fn competencies(old: &Ladder, new: &Ladder) -> Vec<ItemChange<CompetencyId>> {
    items(
        old.competencies(),
        new.competencies(),
        |c| c.id().clone(),
        |c| c.name().to_owned(),
        |c| c.kind().to_string(),
        |o, n| vec![("kind", o.kind().to_string(), n.kind().to_string())],
    )
}

fn zones(old: &Ladder, new: &Ladder) -> Vec<ItemChange<ZoneId>> {
    items(
        old.zones(),
        new.zones(),
        |z| z.id().clone(),
        |z| z.name().to_owned(),
        |z| z.currency().to_string(),
        |o: &Zone, n: &Zone| {
            vec![
                (
                    "currency",
                    o.currency().to_string(),
                    n.currency().to_string(),
                ),
                ("factor", o.factor().to_string(), n.factor().to_string()),
                ("rate", text(o.rate()), text(n.rate())),
                ("uplift", text(o.uplift()), text(n.uplift())),
                ("min_uplift", text(o.min_uplift()), text(n.min_uplift())),
                ("max_uplift", text(o.max_uplift()), text(n.max_uplift())),
                ("cap", text(o.cap()), text(n.cap())),
                ("rounding", text(o.rounding()), text(n.rounding())),
                ("exempt", o.exempt().join(", "), n.exempt().join(", ")),
            ]
        },
    )
}

/// Every level with its track's id, in track order.
fn all_levels(ladder: &Ladder) -> Vec<(&TrackId, &Level)> {
    ladder
        .tracks()
        .iter()
        .flat_map(|t| t.levels().iter().map(move |l| (t.id(), l)))
        .collect()
}

fn levels(old: &Ladder, new: &Ladder) -> Vec<ItemChange<LevelId>> {
    let steps = |l: &Level| {
        (!l.steps().is_empty()).then(|| {
            l.steps()
                .iter()
                .map(|m| m.amount())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let published = |l: &Level| {
        if l.band().is_some() {
            "published"
        } else {
            "none"
        }
    };
    items(
        &all_levels(old),
        &all_levels(new),
        |(_, l)| l.id().clone(),
        |(_, l)| l.title().to_owned(),
        |(t, l)| format!("{t}, grade {}", l.grade()),
        |(ot, o), (nt, n)| {
            vec![
                ("grade", o.grade().to_string(), n.grade().to_string()),
                ("track", ot.to_string(), nt.to_string()),
                (
                    "executive",
                    o.is_executive().to_string(),
                    n.is_executive().to_string(),
                ),
                ("band", published(o).to_owned(), published(n).to_owned()),
                (
                    "pay_basis",
                    text(
                        o.pay_basis()
                            .map(|b| format!("{} of {}", b.percent(), b.of())),
                    ),
                    text(
                        n.pay_basis()
                            .map(|b| format!("{} of {}", b.percent(), b.of())),
                    ),
                ),
                ("steps", text(steps(o)), text(steps(n))),
                ("variable", text(o.variable()), text(n.variable())),
                ("equity", text(o.equity()), text(n.equity())),
            ]
        },
    )
}

fn band_changes(
    out: &mut Vec<PayChange>,
    level: &LevelId,
    zone: Option<&ZoneId>,
    old: Option<Band>,
    new: Option<Band>,
) {
    let (Some(old), Some(new)) = (old, new) else {
        return;
    };
    for point in [BandPoint::Min, BandPoint::Mid, BandPoint::Max] {
        let (o, n) = (point.of(&old), point.of(&new));
        if o != n {
            out.push(PayChange::new(level.clone(), zone.cloned(), point, o, n));
        }
    }
}

/// The pairs of levels in both versions, in the new version's order.
fn matched<'a>(old: &'a Ladder, new: &'a Ladder) -> Vec<(&'a Level, &'a Level)> {
    all_levels(new)
        .into_iter()
        .filter_map(|(_, n)| Some((old.level(n.id())?, n)))
        .collect()
}

fn pay(old: &Ladder, new: &Ladder) -> Vec<PayChange> {
    let mut out = Vec::new();
    let pairs = matched(old, new);
    for (o, n) in &pairs {
        band_changes(&mut out, n.id(), None, o.band_in(None), n.band_in(None));
    }
    for new_zone in new.zones() {
        let Some(old_zone) = old.zone(new_zone.id()) else {
            continue;
        };
        for (o, n) in &pairs {
            band_changes(
                &mut out,
                n.id(),
                Some(new_zone.id()),
                o.band_in(Some(old_zone)),
                n.band_in(Some(new_zone)),
            );
        }
    }
    out
}

fn expectations(old: &Ladder, new: &Ladder) -> Vec<ExpectationDelta> {
    let mut out = Vec::new();
    for (o, n) in matched(old, new) {
        let delta =
            |competency: &CompetencyId, old: Option<Proficiency>, new: Option<Proficiency>| {
                Some(ExpectationDelta {
                    level: n.id().clone(),
                    competency: competency.clone(),
                    change: ExpectationDeltaKind::between(old, new)?,
                    old,
                    new,
                })
            };
        for e in o.expectations() {
            let id = e.competency();
            out.extend(delta(
                id,
                Some(e.proficiency()),
                n.expectation(id.as_str()).map(|e| e.proficiency()),
            ));
        }
        for e in n.expectations() {
            let id = e.competency();
            if o.expectation(id.as_str()).is_none() {
                out.extend(delta(id, None, Some(e.proficiency())));
            }
        }
    }
    out
}

fn parity(old: &Ladder, new: &Ladder) -> Vec<GradeMovement> {
    let mut grades: Vec<&Grade> = new
        .tracks()
        .iter()
        .flat_map(|t| t.levels().iter().map(Level::grade))
        .collect();
    grades.sort();
    grades.dedup();
    let mut out = Vec::new();
    for grade in grades {
        let movements = |kind: TrackKind| -> Vec<(Movement, [Ratio; 3])> {
            new.tracks()
                .iter()
                .filter(|t| t.kind() == kind)
                .filter_map(|t| {
                    let n = t.levels().iter().find(|l| l.grade() == grade)?;
                    let o = old.level(n.id())?;
                    Movement::of(t.id(), o, n)
                })
                .collect()
        };
        let ic = movements(TrackKind::IndividualContributor);
        let management = movements(TrackKind::Management);
        if ic.iter().chain(&management).all(|(m, _)| m.is_still()) {
            continue;
        }
        // Point by point: a management track that gained more than an IC
        // track, both as a share and as an amount (a raise of the same amount,
        // or of the same share, is matched).
        let unmatched = (0..3).any(|point| {
            management.iter().any(|(m, m_shares)| {
                m_shares[point] > Ratio::ZERO
                    && ic.iter().any(|(i, i_shares)| {
                        m_shares[point] > i_shares[point] && m.amounts()[point] > i.amounts()[point]
                    })
            })
        });
        let without_shares =
            |list: Vec<(Movement, [Ratio; 3])>| list.into_iter().map(|(m, _)| m).collect();
        out.push(GradeMovement {
            grade: grade.clone(),
            ic: without_shares(ic),
            management: without_shares(management),
            unmatched,
        });
    }
    out
}
