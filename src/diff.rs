//! What a change to a ladder does: two versions of a ladder compared, matched
//! by id, as a reviewer reads a pull request ([`LadderDiff`]).
//!
//! Everything is exact: amounts are [`Money`], their changes [`SignedMoney`],
//! and the percentages [`Ratio`]s of the old amount, rounded only when shown
//! (two decimals, half away from zero).

use std::collections::HashMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::{
    Band, Finding, Grade, Ladder, Level, Loaded, Money, Proficiency, Ratio, Report, Severity,
    SignedMoney, TrackKind, Zone,
};

/// The difference between two versions of a ladder, matched by id: what was
/// added, removed, renamed or moved; every band point whose amount changed,
/// in the base currency and in each zone; expectations raised and lowered;
/// policy changes; the findings the new version introduces and fixes; and,
/// first of all, how each grade's IC and management pay moved side by side.
///
/// ```
/// let old = std::fs::read_to_string("ladders/engineering.yaml")?;
/// // A 5% raise for directors at grade 6, not matched on the IC track.
/// let new = old.replace(
///     "band: { min: 250000, mid: 295000, max: 340000 }\n        expectations:\n          technical-depth: 3",
///     "band: { min: 262500, mid: 309750, max: 357000 }\n        expectations:\n          technical-depth: 3",
/// );
/// let loader = dualtrack::Loader::new();
/// let diff = dualtrack::LadderDiff::between(&loader.inspect(&old)?, &loader.inspect(&new)?);
/// let mid = diff.pay().iter().find(|p| p.zone.is_none() && p.point == "mid").unwrap();
/// assert_eq!(mid.to_string(), "dir1 mid 295000 -> 309750 USD (+5.00%)");
/// assert_eq!(diff.unmatched_raises().next().unwrap().grade.to_string(), "6");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct LadderDiff {
    ladder: Vec<FieldChange>,
    parity: Vec<GradeMovement>,
    tracks: Vec<ItemChange>,
    levels: Vec<ItemChange>,
    competencies: Vec<ItemChange>,
    zones: Vec<ItemChange>,
    pay: Vec<PayChange>,
    expectations: Vec<ExpectationDelta>,
    policy: Vec<FieldChange>,
    findings: FindingsDelta,
}

/// A value of the ladder, its policy or a zone that changed: `key` as the file
/// names it (`effective_date`, `parity.tolerance`), the old and new values as
/// text (`none` when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemChange {
    /// In the new version only.
    #[non_exhaustive]
    Added {
        /// Its id.
        id: String,
        /// Its title or name.
        title: String,
        /// Where it sits: a level's track and grade (`ic, grade 9`); empty otherwise.
        detail: String,
    },
    /// In the old version only.
    #[non_exhaustive]
    Removed {
        /// Its id.
        id: String,
        /// Its title or name.
        title: String,
        /// Where it sat: a level's track and grade; empty otherwise.
        detail: String,
    },
    /// Same id, another title or name.
    #[non_exhaustive]
    Renamed {
        /// Its id.
        id: String,
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
        id: String,
        /// The value, as the file names it.
        key: String,
        /// The old value as text.
        old: String,
        /// The new value as text.
        new: String,
    },
}

impl fmt::Display for ItemChange {
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

/// One band point of one level whose amount changed: in the base currency
/// (`zone` is `None`), or in a zone as its rules make it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PayChange {
    /// The level.
    pub level: String,
    /// The zone; `None` for the base band.
    pub zone: Option<String>,
    /// `min`, `mid` or `max`.
    pub point: &'static str,
    /// The old amount.
    pub old: Money,
    /// The new amount.
    pub new: Money,
    /// `new - old`; `None` when the currency changed.
    pub change: Option<SignedMoney>,
    /// The change as a share of the old amount, exact; `None` when the
    /// currency changed or the old amount is zero.
    #[serde(serialize_with = "signed_percent_option")]
    pub percent: Option<Ratio>,
}

impl PayChange {
    fn new(level: &str, zone: Option<&str>, point: &'static str, old: Money, new: Money) -> Self {
        let change = new.difference(old);
        let percent = change
            .and_then(|c| Ratio::new(c.minor(), i128::from(old.minor())))
            .filter(|_| old.minor() != 0);
        Self {
            level: level.to_owned(),
            zone: zone.map(str::to_owned),
            point,
            old,
            new,
            change,
            percent,
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

/// A percentage with its sign: `+5.00%`, `-2.50%`, `0.00%`.
pub(crate) fn signed_percent(ratio: Ratio) -> String {
    let text = ratio.percent().to_string();
    if ratio.is_negative() || ratio == Ratio::ZERO {
        text
    } else {
        format!("+{text}")
    }
}

fn signed_percent_option<S: Serializer>(
    ratio: &Option<Ratio>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match ratio {
        Some(ratio) => serializer.serialize_some(&signed_percent(*ratio)),
        None => serializer.serialize_none(),
    }
}

/// A level's expectation of a competency that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ExpectationDelta {
    /// The level.
    pub level: String,
    /// The competency.
    pub competency: String,
    /// `raised`, `lowered`, `added` or `removed`.
    pub change: &'static str,
    /// The old proficiency; `None` when added.
    pub old: Option<Proficiency>,
    /// The new proficiency; `None` when removed.
    pub new: Option<Proficiency>,
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

/// How one level's pay moved, point by point: its base band, or its total
/// target cash (base plus variable pay at target) when either version pays
/// variable pay, as parity compares it then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Movement {
    /// The track.
    pub track: String,
    /// The level at the grade on that track.
    pub level: String,
    /// `base`, or `target_cash` when either version has variable pay.
    pub basis: &'static str,
    /// The changes of min, mid and max: each `None` when the currency
    /// changed.
    pub min: Option<SignedMoney>,
    /// See `min`.
    pub mid: Option<SignedMoney>,
    /// See `min`.
    pub max: Option<SignedMoney>,
    /// The midpoint's change as a share of the old midpoint.
    #[serde(serialize_with = "signed_percent_option")]
    pub mid_percent: Option<Ratio>,
    /// Each point's change as a share of the old one (zero when not
    /// comparable), to weigh the tracks point by point.
    #[serde(skip)]
    percents: [Ratio; 3],
    /// Each point's change in minor units (zero when not comparable).
    #[serde(skip)]
    amounts: [i128; 3],
}

impl Movement {
    fn of(track: &str, old: &Level, new: &Level) -> Option<Self> {
        let cash = old.target_cash().is_some() || new.target_cash().is_some();
        let pay = |level: &Level| {
            if cash {
                level.target_cash().or(level.band()).copied()
            } else {
                level.band().copied()
            }
        };
        let (old_band, new_band) = (pay(old)?, pay(new)?);
        let points = [
            (old_band.min(), new_band.min()),
            (old_band.mid(), new_band.mid()),
            (old_band.max(), new_band.max()),
        ];
        let changes = points.map(|(o, n)| n.difference(o));
        let percents = points.map(|(o, n)| {
            PayChange::new("", None, "", o, n)
                .percent
                .unwrap_or(Ratio::ZERO)
        });
        Some(Self {
            track: track.to_owned(),
            level: new.id().to_string(),
            basis: if cash { "target_cash" } else { "base" },
            min: changes[0],
            mid: changes[1],
            max: changes[2],
            mid_percent: PayChange::new("", None, "", points[1].0, points[1].1).percent,
            percents,
            amounts: changes.map(|c| c.map_or(0, SignedMoney::minor)),
        })
    }

    /// Whether none of the three points changed.
    pub fn is_still(&self) -> bool {
        [self.min, self.mid, self.max]
            .iter()
            .all(|c| c.is_some_and(SignedMoney::is_zero))
    }
}

/// One grade's pay movement on each IC and management track, side by side:
/// the dual-track verdict of a pay change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
            introduced: unmatched_new.into_iter().flatten().cloned().collect(),
            fixed: unmatched_old.into_iter().flatten().cloned().collect(),
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
    pub fn tracks(&self) -> &[ItemChange] {
        &self.tracks
    }

    /// Levels added, removed, renamed, moved to another grade or track, and
    /// other values of theirs that changed (variable pay, equity, steps).
    pub fn levels(&self) -> &[ItemChange] {
        &self.levels
    }

    /// Competencies added, removed, renamed, or of another kind.
    pub fn competencies(&self) -> &[ItemChange] {
        &self.competencies
    }

    /// Zones added, removed, renamed, or with other rules.
    pub fn zones(&self) -> &[ItemChange] {
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
fn items<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> String,
    title: impl Fn(&T) -> String,
    detail: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> Vec<(&'static str, String, String)>,
) -> Vec<ItemChange> {
    let old_ids: Vec<String> = old.iter().map(&id).collect();
    let new_ids: Vec<String> = new.iter().map(&id).collect();
    let new_index: HashMap<&str, usize> = new_ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id.as_str(), at))
        .collect();
    let old_index: HashMap<&str, usize> = old_ids
        .iter()
        .enumerate()
        .map(|(at, id)| (id.as_str(), at))
        .collect();
    let mut out = Vec::new();
    for (o, oid) in old.iter().zip(&old_ids) {
        if !new_index.contains_key(oid.as_str()) {
            out.push(ItemChange::Removed {
                id: oid.clone(),
                title: title(o),
                detail: detail(o),
            });
        }
    }
    for (o, oid) in old.iter().zip(&old_ids) {
        let Some(n) = new_index.get(oid.as_str()).map(|&at| &new[at]) else {
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
        if !old_index.contains_key(nid.as_str()) {
            out.push(ItemChange::Added {
                id: nid.clone(),
                title: title(n),
                detail: detail(n),
            });
        }
    }
    out
}

fn tracks(old: &Ladder, new: &Ladder) -> Vec<ItemChange> {
    items(
        old.tracks(),
        new.tracks(),
        |t| t.id().to_string(),
        |t| t.name().to_owned(),
        |t| t.kind().to_string(),
        |o, n| vec![("kind", o.kind().to_string(), n.kind().to_string())],
    )
}

fn competencies(old: &Ladder, new: &Ladder) -> Vec<ItemChange> {
    items(
        old.competencies(),
        new.competencies(),
        |c| c.id().to_string(),
        |c| c.name().to_owned(),
        |c| c.kind().to_string(),
        |o, n| vec![("kind", o.kind().to_string(), n.kind().to_string())],
    )
}

fn zones(old: &Ladder, new: &Ladder) -> Vec<ItemChange> {
    items(
        old.zones(),
        new.zones(),
        |z| z.id().to_string(),
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
fn all_levels(ladder: &Ladder) -> Vec<(String, &Level)> {
    ladder
        .tracks()
        .iter()
        .flat_map(|t| t.levels().iter().map(move |l| (t.id().to_string(), l)))
        .collect()
}

fn levels(old: &Ladder, new: &Ladder) -> Vec<ItemChange> {
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
        |(_, l)| l.id().to_string(),
        |(_, l)| l.title().to_owned(),
        |(t, l)| format!("{t}, grade {}", l.grade()),
        |(ot, o), (nt, n)| {
            vec![
                ("grade", o.grade().to_string(), n.grade().to_string()),
                ("track", ot.clone(), nt.clone()),
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
    level: &str,
    zone: Option<&str>,
    old: Option<Band>,
    new: Option<Band>,
) {
    let (Some(old), Some(new)) = (old, new) else {
        return;
    };
    for (point, o, n) in [
        ("min", old.min(), new.min()),
        ("mid", old.mid(), new.mid()),
        ("max", old.max(), new.max()),
    ] {
        if o != n {
            out.push(PayChange::new(level, zone, point, o, n));
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
        band_changes(
            &mut out,
            n.id().as_str(),
            None,
            o.band_in(None),
            n.band_in(None),
        );
    }
    for new_zone in new.zones() {
        let Some(old_zone) = old.zone(new_zone.id()) else {
            continue;
        };
        for (o, n) in &pairs {
            band_changes(
                &mut out,
                n.id().as_str(),
                Some(new_zone.id().as_str()),
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
        let delta = |competency: &str, old: Option<Proficiency>, new: Option<Proficiency>| {
            let change = match (old, new) {
                (None, Some(_)) => "added",
                (Some(_), None) => "removed",
                (Some(a), Some(b)) if b > a => "raised",
                (Some(a), Some(b)) if b < a => "lowered",
                _ => return None,
            };
            Some(ExpectationDelta {
                level: n.id().to_string(),
                competency: competency.to_owned(),
                change,
                old,
                new,
            })
        };
        for e in o.expectations() {
            let id = e.competency().as_str();
            out.extend(delta(
                id,
                Some(e.proficiency()),
                n.expectation(id).map(|e| e.proficiency()),
            ));
        }
        for e in n.expectations() {
            let id = e.competency().as_str();
            if o.expectation(id).is_none() {
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
        let movements = |kind: TrackKind| -> Vec<Movement> {
            new.tracks()
                .iter()
                .filter(|t| t.kind() == kind)
                .filter_map(|t| {
                    let n = t.levels().iter().find(|l| l.grade() == grade)?;
                    let o = old.level(n.id())?;
                    Movement::of(t.id().as_str(), o, n)
                })
                .collect()
        };
        let ic = movements(TrackKind::IndividualContributor);
        let management = movements(TrackKind::Management);
        if ic.iter().chain(&management).all(Movement::is_still) {
            continue;
        }
        // Point by point: a management track that gained more than an IC
        // track, both as a share and as an amount (a raise of the same amount,
        // or of the same share, is matched).
        let unmatched = (0..3).any(|point| {
            management.iter().any(|m| {
                m.percents[point] > Ratio::ZERO
                    && ic.iter().any(|i| {
                        m.percents[point] > i.percents[point] && m.amounts[point] > i.amounts[point]
                    })
            })
        });
        out.push(GradeMovement {
            grade: grade.clone(),
            ic,
            management,
            unmatched,
        });
    }
    out
}
