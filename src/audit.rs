//! Parity in practice: what people are actually paid, audited against the
//! ladder ([`Ladder::audit`], [`Auditor`]).
//!
//! A roster is a table with a header: `level` (a level id, or a title as
//! [`Ladder::lookup_level`] reads it) and `salary` (in the ladder's pay period,
//! in the zone's currency when a `zone` column is given) are required;
//! `zone`, `variable` (actual variable pay, empty for none), `id` (a
//! pseudonymous key) and any other column (to group by, such as a gender
//! column) are optional. The library reads records, never files: a service
//! hands it the rows it already has, and the command line reads a CSV file
//! into it.
//!
//! Everything is exact ([`Money`], [`Ratio`]):
//!
//! - the **median** of an even count is the mean of the two middle values,
//!   rounded half up to the minor unit; the **mean** is the sum over the
//!   count, rounded half up to the minor unit;
//! - a **gap** is `management - ic` (or `reference - group`), exactly in
//!   money, and as a [`Ratio`] of the management (reference) figure.
//!
//! Statistics are kept per level and zone (the cell of a grade and track);
//! parity and group gaps per grade and zone (amounts of two currencies are
//! never compared).
//!
//! # Privacy
//!
//! A cell of fewer than `min_group` people is *suppressed*: its figures,
//! headcount included, are never given. Suppression is complementary: in
//! every set of cells whose sum could be worked out from what is published
//! (the levels of a grade, the IC and management sides of a grade, the
//! groups of a grade), the suppressed cells together always hold at least
//! `min_group` people or are the whole set, so no suppressed cell can be
//! recovered by subtraction. Individual rows appear only in the list of
//! salaries outside their band, identified by `id` when given, by line
//! otherwise.

use std::collections::HashMap;

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::{
    Band, Currency, Decimal, Grade, Ladder, LadderId, LevelId, Money, Percent, Ratio, SignedMoney,
    TrackKind, ZoneId,
};

/// How an audit is run.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuditOptions {
    /// Cells of fewer people are suppressed (5 by default; at least 1).
    pub min_group: usize,
    /// The column to compare groups by, such as `gender`.
    pub by: Option<String>,
    /// Group gaps of this much or more are flagged (5% by default, the
    /// joint pay assessment threshold of EU Directive 2023/970).
    pub gap_threshold: Percent,
}

impl Default for AuditOptions {
    fn default() -> Self {
        Self {
            min_group: 5,
            by: None,
            gap_threshold: Percent::whole(5),
        }
    }
}

impl AuditOptions {
    /// The default options, grouping by `column`.
    ///
    /// ```
    /// let options = dualtrack::audit::AuditOptions::by("gender");
    /// assert_eq!(options.min_group, 5);
    /// ```
    pub fn by(column: &str) -> Self {
        Self {
            by: Some(column.to_owned()),
            ..Self::default()
        }
    }
}

/// Why a roster's header cannot be audited.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// A required column (`level`, `salary`), or the `--by` column, is missing.
    #[error("the roster has no `{0}` column")]
    Missing(String),
    /// A column name appears twice.
    #[error("the roster has two `{0}` columns")]
    Duplicate(String),
}

/// A row of a roster: its fields by position.
pub trait Record {
    /// The field at `index` (from zero), if the row has one.
    fn field(&self, index: usize) -> Option<&str>;
}

impl<S: AsRef<str>> Record for [S] {
    fn field(&self, index: usize) -> Option<&str> {
        self.get(index).map(AsRef::as_ref)
    }
}

impl<S: AsRef<str>, const N: usize> Record for [S; N] {
    fn field(&self, index: usize) -> Option<&str> {
        self.get(index).map(AsRef::as_ref)
    }
}

impl<S: AsRef<str>> Record for Vec<S> {
    fn field(&self, index: usize) -> Option<&str> {
        self.get(index).map(AsRef::as_ref)
    }
}

/// A rejected row: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Rejection {
    /// Its line, from one (the header is line 1 of a file).
    pub line: u64,
    /// The column at fault, from one.
    pub column: usize,
    /// The name of that column.
    pub column_name: String,
    /// What is wrong, lowercase.
    pub message: String,
    /// How to fix it, when known.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub help: Option<String>,
}

/// The columns of a roster, by position.
#[derive(Debug, Clone)]
struct Columns {
    names: Vec<String>,
    level: usize,
    salary: usize,
    zone: Option<usize>,
    variable: Option<usize>,
    id: Option<usize>,
    by: Option<usize>,
}

impl Columns {
    fn new<'h>(
        header: impl IntoIterator<Item = &'h str>,
        by: Option<&str>,
    ) -> Result<Self, HeaderError> {
        let names: Vec<String> = header
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let name = if i == 0 {
                    name.trim_start_matches('\u{feff}')
                } else {
                    name
                };
                name.trim().to_owned()
            })
            .collect();
        let find = |wanted: &str| -> Result<Option<usize>, HeaderError> {
            let mut found = names.iter().enumerate().filter(|(_, n)| *n == wanted);
            let first = found.next().map(|(i, _)| i);
            if found.next().is_some() {
                return Err(HeaderError::Duplicate(wanted.to_owned()));
            }
            Ok(first)
        };
        let required = |wanted: &str| -> Result<usize, HeaderError> {
            find(wanted)?.ok_or_else(|| HeaderError::Missing(wanted.to_owned()))
        };
        Ok(Self {
            level: required("level")?,
            salary: required("salary")?,
            zone: find("zone")?,
            variable: find("variable")?,
            id: find("id")?,
            by: by.map(required).transpose()?,
            names,
        })
    }
}

/// One person's pay, as kept: the salary and variable pay in minor units,
/// and the group.
#[derive(Debug, Clone, Copy)]
struct Pay {
    salary: u64,
    variable: u64,
    group: u32,
}

/// Reads roster rows one at a time and audits them on [`finish`](Self::finish).
///
/// ```
/// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
/// use dualtrack::audit::{AuditOptions, Auditor};
///
/// let mut auditor = Auditor::new(&ladder, ["level", "salary"], AuditOptions::default())?;
/// auditor.push(2, &["ic4", "180000"]);
/// auditor.push(3, &["ic9", "180000"]);
/// let audit = auditor.finish();
/// assert_eq!((audit.rows().read, audit.rows().used), (2, 1));
/// assert_eq!(audit.rejected()[0].message, "no level `ic9` in ladder `engineering`");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Auditor<'l> {
    ladder: &'l Ladder,
    options: AuditOptions,
    columns: Columns,
    /// Every level, in track order, with its track's kind.
    levels: Vec<(&'l crate::Level, TrackKind, &'l crate::TrackId)>,
    /// Level text as written to its index, or the rejection of it.
    level_cache: HashMap<String, Result<usize, (String, Option<String>)>>,
    zone_cache: HashMap<String, Result<usize, String>>,
    groups: Vec<String>,
    group_index: HashMap<String, u32>,
    /// `cells[level * (zones + 1) + zone slot]`; zone slot 0 is the base.
    cells: Vec<Vec<Pay>>,
    out_of_band: Vec<OutOfBand>,
    rejected: Vec<Rejection>,
    read: u64,
}

/// At most this many distinct unknown strings are remembered.
const CACHE_LIMIT: usize = 4096;

impl<'l> Auditor<'l> {
    /// An auditor of rows whose columns are named by `header`.
    ///
    /// # Errors
    ///
    /// [`HeaderError`] when `level`, `salary` or the `by` column is missing,
    /// or a column is named twice.
    pub fn new<'h>(
        ladder: &'l Ladder,
        header: impl IntoIterator<Item = &'h str>,
        options: AuditOptions,
    ) -> Result<Self, HeaderError> {
        let columns = Columns::new(header, options.by.as_deref())?;
        let levels = ladder
            .tracks()
            .iter()
            .flat_map(|t| t.levels().iter().map(move |l| (l, t.kind(), t.id())))
            .collect::<Vec<_>>();
        let cells = vec![Vec::new(); levels.len() * (ladder.zones().len() + 1)];
        Ok(Self {
            ladder,
            options,
            columns,
            levels,
            level_cache: HashMap::new(),
            zone_cache: HashMap::new(),
            groups: Vec::new(),
            group_index: HashMap::new(),
            cells,
            out_of_band: Vec::new(),
            rejected: Vec::new(),
            read: 0,
        })
    }

    fn reject(&mut self, line: u64, column: usize, message: String, help: Option<String>) {
        self.rejected.push(Rejection {
            line,
            column: column + 1,
            column_name: self.columns.names.get(column).cloned().unwrap_or_default(),
            message,
            help,
        });
    }

    fn level(&mut self, text: &str) -> Result<usize, (String, Option<String>)> {
        if let Some(found) = self.level_cache.get(text) {
            return found.clone();
        }
        let found = match self.ladder.lookup_level(text) {
            Ok(level) => self
                .levels
                .iter()
                .position(|(l, _, _)| l.id() == level.id())
                .ok_or_else(|| (format!("no level `{}`", crate::text::escape(text)), None)),
            Err(error) => Err((
                error.to_string(),
                error
                    .suggestions()
                    .is_empty()
                    .then(|| "`dualtrack show LADDER` lists every level".to_owned()),
            )),
        };
        if self.level_cache.len() < CACHE_LIMIT {
            self.level_cache.insert(text.to_owned(), found.clone());
        }
        found
    }

    fn zone(&mut self, text: &str) -> Result<usize, String> {
        if text.is_empty() {
            return Ok(0);
        }
        if let Some(found) = self.zone_cache.get(text) {
            return found.clone();
        }
        let found = match self.ladder.lookup_zone(text) {
            Ok(zone) => Ok(self
                .ladder
                .zones()
                .iter()
                .position(|z| z.id() == zone.id())
                .map_or(0, |i| i + 1)),
            Err(error) => Err(error.to_string()),
        };
        if self.zone_cache.len() < CACHE_LIMIT {
            self.zone_cache.insert(text.to_owned(), found.clone());
        }
        found
    }

    /// Rejects a row the reader could not read (such as a field that is not
    /// UTF-8): it counts as read and rejected. `column` is from one.
    pub fn reject_row(&mut self, line: u64, column: usize, message: String) {
        self.read += 1;
        self.reject(line, column.saturating_sub(1), message, None);
    }

    /// Reads one row, at `line` of the roster (used in rejections and to
    /// name a person without an `id`). A bad row is rejected, with its column
    /// and the reason, never dropped silently.
    pub fn push<R: Record + ?Sized>(&mut self, line: u64, row: &R) {
        self.read += 1;
        let columns = &self.columns;
        let (level_at, salary_at) = (columns.level, columns.salary);
        let zone_at = columns.zone;
        let variable_at = columns.variable;
        let by_at = columns.by;
        let id_at = columns.id;
        let Some(level_text) = row.field(level_at).map(str::trim).filter(|t| !t.is_empty()) else {
            return self.reject(line, level_at, "the level is missing".to_owned(), None);
        };
        let level = match self.level(level_text) {
            Ok(level) => level,
            Err((message, help)) => return self.reject(line, level_at, message, help),
        };
        let zone = match zone_at {
            Some(at) => match self.zone(row.field(at).map_or("", str::trim)) {
                Ok(zone) => zone,
                Err(message) => return self.reject(line, at, message, None),
            },
            None => 0,
        };
        let zone_ref = zone.checked_sub(1).and_then(|z| self.ladder.zones().get(z));
        let currency = match (zone_ref, self.ladder.currency()) {
            (Some(z), _) => z.currency(),
            (None, Some(c)) => c,
            (None, None) => {
                return self.reject(
                    line,
                    salary_at,
                    format!(
                        "ladder `{}` publishes no pay to audit against",
                        self.ladder.id()
                    ),
                    None,
                );
            }
        };
        let Some(salary_text) = row
            .field(salary_at)
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            return self.reject(line, salary_at, "the salary is missing".to_owned(), None);
        };
        let salary = match amount(salary_text, currency) {
            Ok(salary) => salary,
            Err(message) => return self.reject(line, salary_at, format!("salary {message}"), None),
        };
        let variable = match variable_at.and_then(|at| row.field(at)).map(str::trim) {
            None | Some("") => 0,
            Some(text) => match amount(text, currency) {
                Ok(v) => v.minor(),
                Err(message) => {
                    let at = variable_at.unwrap_or_default();
                    return self.reject(line, at, format!("variable pay {message}"), None);
                }
            },
        };
        let group = match by_at {
            Some(at) => {
                let text = row.field(at).map_or("", str::trim);
                match self.group_index.get(text) {
                    Some(g) => *g,
                    None => {
                        let g = u32::try_from(self.groups.len()).unwrap_or(u32::MAX);
                        self.groups.push(text.to_owned());
                        self.group_index.insert(text.to_owned(), g);
                        g
                    }
                }
            }
            None => 0,
        };
        let (level_ref, _, _) = self.levels[level];
        if let Some(band) = level_ref.band_in(zone_ref)
            && !band.contains(salary)
        {
            let who = match id_at.and_then(|at| row.field(at)).map(str::trim) {
                Some(id) if !id.is_empty() => id.to_owned(),
                _ => format!("line {line}"),
            };
            let below = salary.minor() < band.min().minor();
            let by = if below {
                band.min().minor() - salary.minor()
            } else {
                salary.minor() - band.max().minor()
            };
            self.out_of_band.push(OutOfBand {
                who,
                line,
                level: level_ref.id().clone(),
                zone: zone_ref.map(|z| z.id().clone()),
                salary,
                band,
                below,
                by: Money::from_minor(by, currency),
            });
        }
        let slot = level * (self.ladder.zones().len() + 1) + zone;
        self.cells[slot].push(Pay {
            salary: salary.minor(),
            variable,
            group,
        });
    }

    /// The audit of every row read.
    pub fn finish(self) -> Audit<'l> {
        finish(self)
    }
}

/// An amount in `currency`, or what is wrong with it (after the field's name).
fn amount(text: &str, currency: Currency) -> Result<Money, String> {
    let decimal: Decimal = text.parse().map_err(|error| {
        format!(
            "`{}` is not an exact amount: {error}",
            crate::text::escape(text)
        )
    })?;
    Money::from_decimal(decimal, currency).map_err(|_| {
        format!(
            "`{}` is not an exact amount in {currency}, which has {} decimal places",
            crate::text::escape(text),
            currency.minor_digits()
        )
    })
}

/// How many rows were read, used and rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RowCounts {
    /// Rows read (the header not counted).
    pub read: u64,
    /// Rows audited.
    pub used: u64,
    /// Rows rejected, each in [`Audit::rejected`].
    pub rejected: u64,
}

/// A salary outside its band: the only place a person appears.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OutOfBand {
    /// The row's `id`, or `line N`.
    pub who: String,
    /// The row's line.
    pub line: u64,
    /// The level.
    pub level: LevelId,
    /// The zone, when not the base.
    pub zone: Option<ZoneId>,
    /// The salary.
    pub salary: Money,
    /// The band, in the zone.
    pub band: Band,
    /// Below the minimum (`true`) or above the maximum.
    pub below: bool,
    /// How far outside.
    pub by: Money,
}

/// Minimum, median, mean and maximum of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Summary {
    /// The lowest.
    pub min: Money,
    /// The median (the mean of the two middle values, rounded half up, for an even count).
    pub median: Money,
    /// The mean, rounded half up to the minor unit.
    pub mean: Money,
    /// The highest.
    pub max: Money,
}

/// The figures of a level in a zone, when not suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LevelFigures {
    /// Headcount.
    pub headcount: usize,
    /// Salaries.
    pub salary: Summary,
    /// Variable pay, when the roster has a `variable` column.
    pub variable: Option<Summary>,
    /// Compa-ratio of the median salary (median / band midpoint).
    pub compa_median: Option<Ratio>,
    /// Compa-ratio of the lowest salary.
    pub compa_min: Option<Ratio>,
    /// Compa-ratio of the highest salary.
    pub compa_max: Option<Ratio>,
    /// Range penetration of the median salary.
    pub penetration_median: Option<Ratio>,
    /// People paid below the band minimum.
    pub below_min: usize,
    /// People paid above the band maximum.
    pub above_max: usize,
    /// Every salary, in minor units, lowest first (for charts; never serialized).
    #[cfg_attr(feature = "serde", serde(skip))]
    salaries: Vec<u64>,
}

impl LevelFigures {
    /// Every salary of the cell, in minor units of its currency, lowest
    /// first: the dots of a chart. Given only for cells that are not
    /// suppressed, and never serialized.
    pub fn salaries(&self) -> &[u64] {
        &self.salaries
    }
}

/// A level in a zone: the cell of one grade and track.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LevelCell {
    /// The level.
    pub level: LevelId,
    /// Its track.
    pub track: crate::TrackId,
    /// Its grade.
    pub grade: Grade,
    /// The zone, when not the base.
    pub zone: Option<ZoneId>,
    /// Its band in the zone.
    pub band: Option<Band>,
    /// Whether its figures are suppressed (see the [module](crate::audit)).
    pub suppressed: bool,
    /// The figures; `None` when suppressed.
    pub figures: Option<LevelFigures>,
}

/// A gap between a reference figure and another, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GapFigure {
    /// `reference - other`.
    pub amount: SignedMoney,
    /// The amount as a ratio of the reference figure.
    pub ratio: Option<Ratio>,
}

impl GapFigure {
    fn new(reference: Money, other: Money) -> Option<Self> {
        let amount = reference.difference(other)?;
        Some(Self {
            amount,
            ratio: Ratio::new(amount.minor(), i128::from(reference.minor())),
        })
    }
}

/// A side of a grade: its headcount, median and mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Side {
    /// Headcount.
    pub headcount: usize,
    /// Median.
    pub median: Money,
    /// Mean.
    pub mean: Money,
}

/// Median and mean gaps of one measure (base or total pay).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Gaps {
    /// The median gap.
    pub median: GapFigure,
    /// The mean gap.
    pub mean: GapFigure,
}

/// IC against management pay at a grade, in a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ParityInPractice {
    /// The grade.
    pub grade: Grade,
    /// The zone, when not the base.
    pub zone: Option<ZoneId>,
    /// IC base pay; `None` when suppressed.
    pub ic: Option<Side>,
    /// Management base pay; `None` when suppressed.
    pub management: Option<Side>,
    /// Management less IC base pay, as a share of management's; `None` when a side is suppressed.
    pub base: Option<Gaps>,
    /// The same on total pay (salary plus variable), with a `variable` column.
    pub total: Option<Gaps>,
    /// Whether management is paid more than the ladder's parity policy allows.
    pub finding: bool,
}

/// One group at a grade.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GroupCell {
    /// The group's value in the `by` column.
    pub group: String,
    /// Base pay; `None` when suppressed.
    pub base: Option<Side>,
    /// Variable pay; `None` when suppressed or without a `variable` column.
    pub variable: Option<Side>,
    /// The gap to the reference group's base pay.
    pub base_gap: Option<Gaps>,
    /// The gap to the reference group's variable pay.
    pub variable_gap: Option<Gaps>,
    /// Whether a median or mean gap reaches the threshold.
    pub flagged: bool,
}

/// The groups of a grade (the category of workers of equal value), in a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GroupGrade {
    /// The grade.
    pub grade: Grade,
    /// The zone, when not the base.
    pub zone: Option<ZoneId>,
    /// The reference group: the unsuppressed group with the highest mean base pay.
    pub reference: Option<String>,
    /// Every group with people at the grade, by value.
    pub groups: Vec<GroupCell>,
}

/// The audit of a roster against a ladder: its [`AuditAnswer`] with the
/// ladder, and serialized as that answer.
#[derive(Debug, Clone)]
pub struct Audit<'l> {
    ladder: &'l Ladder,
    answer: AuditAnswer,
}

/// The audit of a roster, owning all of it: what [`Audit::into_owned`]
/// returns, for a service that answers from where the ladder cannot be
/// borrowed. Serialized as `{ ladder_id, min_group, by, gap_threshold, rows,
/// levels, parity, groups, out_of_band, rejected }`, and read back from it
/// (its parts have public fields, so any value read is one a caller could
/// build), each cell without its [salaries](LevelFigures::salaries), which
/// are never serialized.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AuditAnswer {
    /// The id of the ladder audited against.
    pub ladder_id: LadderId,
    /// Cells under this size are suppressed.
    pub min_group: usize,
    /// The column groups were compared by.
    pub by: Option<String>,
    /// Group gaps of this much or more are flagged.
    pub gap_threshold: Percent,
    /// Rows read, used and rejected.
    pub rows: RowCounts,
    /// Every level and zone with people, in track order.
    pub levels: Vec<LevelCell>,
    /// IC against management at every grade and zone where both have people.
    pub parity: Vec<ParityInPractice>,
    /// Group gaps per grade and zone, with `by`.
    pub groups: Vec<GroupGrade>,
    /// Salaries outside their band, in roster order.
    pub out_of_band: Vec<OutOfBand>,
    /// Rejected rows, in roster order.
    pub rejected: Vec<Rejection>,
}

impl AuditAnswer {
    /// Whether anything calls for attention: a salary outside its band, a
    /// parity finding or a flagged group gap (rejected rows are counted
    /// apart).
    pub fn has_findings(&self) -> bool {
        !self.out_of_band.is_empty()
            || self.parity.iter().any(|p| p.finding)
            || self
                .groups
                .iter()
                .flat_map(|g| &g.groups)
                .any(|g| g.flagged)
    }
}

// The owned audit can cross threads and outlive the ladder.
const _: () = {
    const fn owned<T: Send + Sync + 'static>() {}
    owned::<AuditAnswer>();
};

#[cfg(feature = "serde")]
impl Serialize for Audit<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.answer.serialize(serializer)
    }
}

impl<'l> Audit<'l> {
    /// The ladder audited against.
    pub fn ladder(&self) -> &'l Ladder {
        self.ladder
    }
    /// The audit without the ladder, with the same JSON.
    pub fn into_owned(self) -> AuditAnswer {
        self.answer
    }
    /// Cells under this size are suppressed.
    pub fn min_group(&self) -> usize {
        self.answer.min_group
    }
    /// The column groups were compared by.
    pub fn by(&self) -> Option<&str> {
        self.answer.by.as_deref()
    }
    /// Group gaps of this much or more are flagged.
    pub fn gap_threshold(&self) -> Percent {
        self.answer.gap_threshold
    }
    /// Rows read, used and rejected.
    pub fn rows(&self) -> RowCounts {
        self.answer.rows
    }
    /// Every level and zone with people, in track order.
    pub fn levels(&self) -> &[LevelCell] {
        &self.answer.levels
    }
    /// IC against management at every grade and zone where both have people.
    pub fn parity(&self) -> &[ParityInPractice] {
        &self.answer.parity
    }
    /// Group gaps per grade and zone, with `by`.
    pub fn groups(&self) -> &[GroupGrade] {
        &self.answer.groups
    }
    /// Salaries outside their band, in roster order.
    pub fn out_of_band(&self) -> &[OutOfBand] {
        &self.answer.out_of_band
    }
    /// Rejected rows, in roster order.
    pub fn rejected(&self) -> &[Rejection] {
        &self.answer.rejected
    }
    /// Whether anything calls for attention (see
    /// [`AuditAnswer::has_findings`]).
    pub fn has_findings(&self) -> bool {
        self.answer.has_findings()
    }
}

impl Ladder {
    /// Audits roster rows against this ladder: `header` names the columns,
    /// `rows` are `(line, record)` pairs. See [`Auditor`] to feed rows one
    /// at a time, and the [module](crate::audit) for what is computed.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::audit::AuditOptions;
    ///
    /// let rows = (0..6).map(|i| (i + 2, vec!["ic5".to_owned(), format!("{}", 200000 + i * 10000)]));
    /// let audit = ladder.audit(["level", "salary"], rows, AuditOptions::default())?;
    /// let figures = audit.levels()[0].figures.as_ref().unwrap();
    /// assert_eq!(figures.salary.median.to_string(), "225000 USD");
    /// assert_eq!(figures.below_min, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`HeaderError`] when a required column is missing.
    pub fn audit<'l, 'h, R: Record>(
        &'l self,
        header: impl IntoIterator<Item = &'h str>,
        rows: impl IntoIterator<Item = (u64, R)>,
        options: AuditOptions,
    ) -> Result<Audit<'l>, HeaderError> {
        let mut auditor = Auditor::new(self, header, options)?;
        for (line, row) in rows {
            auditor.push(line, &row);
        }
        Ok(auditor.finish())
    }
}

/// `sum / n` rounded half up.
fn mean_of(sum: u128, n: usize) -> u64 {
    let n = n.max(1) as u128;
    u64::try_from((2 * sum + n) / (2 * n)).unwrap_or(u64::MAX)
}

/// The median of sorted values: the mean of the two middle ones, rounded
/// half up, for an even count.
fn median_of(sorted: &[u64]) -> u64 {
    let n = sorted.len();
    if n == 0 {
        return 0;
    }
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        let sum = u128::from(sorted[n / 2 - 1]) + u128::from(sorted[n / 2]);
        u64::try_from(sum.div_ceil(2)).unwrap_or(u64::MAX)
    }
}

fn summary(values: &mut [u64], currency: Currency) -> Summary {
    values.sort_unstable();
    let sum: u128 = values.iter().map(|v| u128::from(*v)).sum();
    let money = |m| Money::from_minor(m, currency);
    Summary {
        min: money(values.first().copied().unwrap_or(0)),
        median: money(median_of(values)),
        mean: money(mean_of(sum, values.len())),
        max: money(values.last().copied().unwrap_or(0)),
    }
}

fn side(values: &mut [u64], currency: Currency) -> Side {
    let s = summary(values, currency);
    Side {
        headcount: values.len(),
        median: s.median,
        mean: s.mean,
    }
}

fn gaps(reference: Side, other: Side) -> Option<Gaps> {
    Some(Gaps {
        median: GapFigure::new(reference.median, other.median)?,
        mean: GapFigure::new(reference.mean, other.mean)?,
    })
}

/// Complementary suppression over a set of cells whose total may be known:
/// while the suppressed cells hold fewer than `min` people together, and
/// some are suppressed, the smallest published cell is suppressed too.
/// Returns whether anything changed.
fn complement(counts: &[usize], suppressed: &mut [bool], min: usize) -> bool {
    let mut changed = false;
    loop {
        let hidden: usize = counts
            .iter()
            .zip(suppressed.iter())
            .filter(|(_, s)| **s)
            .map(|(c, _)| *c)
            .sum();
        if hidden == 0 || hidden >= min {
            return changed;
        }
        let next = (0..counts.len())
            .filter(|i| !suppressed[*i])
            .min_by_key(|i| counts[*i]);
        match next {
            Some(i) => {
                suppressed[i] = true;
                changed = true;
            }
            None => return changed,
        }
    }
}

/// Whether a management-over-IC gap breaks the parity policy.
fn breaks_parity(ladder: &Ladder, gaps: &Gaps, ic: &[u64], management: &[u64]) -> bool {
    let policy = ladder.policy();
    match policy.parity_mode() {
        crate::ParityMode::Overlap => {
            // Every IC paid less than every manager.
            let ic_max = ic.iter().max();
            let m_min = management.iter().min();
            matches!((ic_max, m_min), (Some(i), Some(m)) if i < m)
        }
        _ => [gaps.median, gaps.mean].iter().any(|g| {
            g.amount.minor() > 0
                && g.ratio.is_some_and(|r| {
                    !policy
                        .parity_tolerance()
                        .admits(r.numerator().unsigned_abs(), r.denominator().unsigned_abs())
                })
        }),
    }
}

fn finish(auditor: Auditor<'_>) -> Audit<'_> {
    let Auditor {
        ladder,
        options,
        columns,
        levels,
        groups: group_names,
        mut cells,
        out_of_band,
        rejected,
        read,
        ..
    } = auditor;
    let min = options.min_group.max(1);
    let zones = ladder.zones().len() + 1;
    let currency_of = |zone: usize| {
        zone.checked_sub(1)
            .and_then(|z| ladder.zones().get(z))
            .map(|z| z.currency())
            .or(ladder.currency())
    };
    let zone_id = |zone: usize| {
        zone.checked_sub(1)
            .and_then(|z| ladder.zones().get(z))
            .map(|z| z.id().clone())
    };
    let has_variable = columns.variable.is_some();
    let used: u64 = cells.iter().map(|c| c.len() as u64).sum();

    // Primary suppression of level cells, then complementary suppression per
    // grade and zone.
    let mut suppressed: Vec<bool> = cells
        .iter()
        .map(|c| !c.is_empty() && c.len() < min)
        .collect();
    let mut grades: Vec<Grade> = levels.iter().map(|(l, _, _)| l.grade().clone()).collect();
    grades.sort();
    grades.dedup();
    let mut parity = Vec::new();
    let mut group_grades = Vec::new();
    for grade in &grades {
        for zone in 0..zones {
            let Some(currency) = currency_of(zone) else {
                continue;
            };
            let at: Vec<usize> = (0..levels.len())
                .filter(|i| levels[*i].0.grade() == grade && !cells[i * zones + zone].is_empty())
                .map(|i| i * zones + zone)
                .collect();
            if at.is_empty() {
                continue;
            }
            let kind_of = |slot: usize| levels[slot / zones].1;
            let ic: Vec<usize> = at
                .iter()
                .copied()
                .filter(|s| kind_of(*s) == TrackKind::IndividualContributor)
                .collect();
            let mg: Vec<usize> = at
                .iter()
                .copied()
                .filter(|s| kind_of(*s) == TrackKind::Management)
                .collect();
            let other: Vec<usize> = at
                .iter()
                .copied()
                .filter(|s| !ic.contains(s) && !mg.contains(s))
                .collect();
            let count = |slots: &[usize]| slots.iter().map(|s| cells[*s].len()).sum::<usize>();
            let (n_ic, n_mg) = (count(&ic), count(&mg));
            // The partition of the grade by sides (IC, management, each other level).
            let mut side_counts = vec![n_ic, n_mg];
            side_counts.extend(other.iter().map(|s| cells[*s].len()));
            let mut side_hidden: Vec<bool> =
                side_counts.iter().map(|n| *n > 0 && *n < min).collect();
            for (k, s) in other.iter().enumerate() {
                side_hidden[k + 2] |= suppressed[*s];
            }
            // Zero-sized sides are never counted as hidden cells.
            loop {
                let mut changed = false;
                let counts: Vec<usize> = at.iter().map(|s| cells[*s].len()).collect();
                let mut hidden: Vec<bool> = at.iter().map(|s| suppressed[*s]).collect();
                changed |= complement(&counts, &mut hidden, min);
                for (k, s) in at.iter().enumerate() {
                    suppressed[*s] = hidden[k];
                }
                for members in [&ic, &mg] {
                    let counts: Vec<usize> = members.iter().map(|s| cells[*s].len()).collect();
                    let mut hidden: Vec<bool> = members.iter().map(|s| suppressed[*s]).collect();
                    changed |= complement(&counts, &mut hidden, min);
                    for (k, s) in members.iter().enumerate() {
                        suppressed[*s] = hidden[k];
                    }
                }
                let nonzero: Vec<usize> = (0..side_counts.len())
                    .filter(|k| side_counts[*k] > 0)
                    .collect();
                let counts: Vec<usize> = nonzero.iter().map(|k| side_counts[*k]).collect();
                let mut hidden: Vec<bool> = nonzero.iter().map(|k| side_hidden[*k]).collect();
                changed |= complement(&counts, &mut hidden, min);
                for (j, k) in nonzero.iter().enumerate() {
                    side_hidden[*k] = hidden[j];
                }
                // A hidden side hides its levels; a hidden other level is its side.
                for (k, members) in [&ic, &mg].iter().enumerate() {
                    if side_hidden[k] {
                        for s in members.iter() {
                            changed |= !suppressed[*s];
                            suppressed[*s] = true;
                        }
                    }
                }
                for (k, s) in other.iter().enumerate() {
                    if suppressed[*s] != side_hidden[k + 2] {
                        suppressed[*s] = true;
                        side_hidden[k + 2] = true;
                        changed = true;
                    }
                }
                if !changed {
                    break;
                }
            }
            // Parity in practice.
            if n_ic > 0 && n_mg > 0 {
                let gather = |slots: &[usize], total: bool| -> Vec<u64> {
                    slots
                        .iter()
                        .flat_map(|s| cells[*s].iter())
                        .map(|p| {
                            if total {
                                p.salary.saturating_add(p.variable)
                            } else {
                                p.salary
                            }
                        })
                        .collect()
                };
                let shown = !side_hidden[0] && !side_hidden[1];
                let mut ic_base = gather(&ic, false);
                let mut mg_base = gather(&mg, false);
                let ic_side = side(&mut ic_base, currency);
                let mg_side = side(&mut mg_base, currency);
                let base = gaps(mg_side, ic_side);
                let total = if has_variable {
                    let mut a = gather(&ic, true);
                    let mut b = gather(&mg, true);
                    let (a, b) = (side(&mut a, currency), side(&mut b, currency));
                    gaps(b, a)
                } else {
                    None
                };
                let finding = shown
                    && (base.is_some_and(|g| breaks_parity(ladder, &g, &ic_base, &mg_base))
                        || total.is_some_and(|g| {
                            breaks_parity(ladder, &g, &gather(&ic, true), &gather(&mg, true))
                        }));
                parity.push(ParityInPractice {
                    grade: grade.clone(),
                    zone: zone_id(zone),
                    ic: (!side_hidden[0]).then_some(ic_side),
                    management: (!side_hidden[1]).then_some(mg_side),
                    base: if shown { base } else { None },
                    total: if shown { total } else { None },
                    finding,
                });
            }
            // Groups.
            if columns.by.is_some() {
                let mut by_group: Vec<(u32, Vec<u64>, Vec<u64>)> = Vec::new();
                let mut index: HashMap<u32, usize> = HashMap::new();
                for s in &at {
                    for p in &cells[*s] {
                        let i = *index.entry(p.group).or_insert_with(|| {
                            by_group.push((p.group, Vec::new(), Vec::new()));
                            by_group.len() - 1
                        });
                        by_group[i].1.push(p.salary);
                        by_group[i].2.push(p.variable);
                    }
                }
                by_group.sort_by(|a, b| group_names[a.0 as usize].cmp(&group_names[b.0 as usize]));
                let counts: Vec<usize> = by_group.iter().map(|g| g.1.len()).collect();
                let mut hidden: Vec<bool> = counts.iter().map(|n| *n < min).collect();
                complement(&counts, &mut hidden, min);
                let mut cells_out: Vec<(GroupCell, Option<Side>)> = by_group
                    .iter_mut()
                    .zip(&hidden)
                    .map(|((g, base, var), hidden)| {
                        let b = side(base, currency);
                        let v = side(var, currency);
                        (
                            GroupCell {
                                group: group_names[*g as usize].clone(),
                                base: (!hidden).then_some(b),
                                variable: (!hidden && has_variable).then_some(v),
                                base_gap: None,
                                variable_gap: None,
                                flagged: false,
                            },
                            (!hidden).then_some(v),
                        )
                    })
                    .collect();
                let reference = cells_out
                    .iter()
                    .filter_map(|(c, v)| c.base.map(|b| (c.group.clone(), b, *v)))
                    .max_by(|a, b| a.1.mean.minor().cmp(&b.1.mean.minor()).then(b.0.cmp(&a.0)));
                if let Some((name, rb, rv)) = &reference {
                    for (cell, v) in cells_out.iter_mut() {
                        if &cell.group == name {
                            continue;
                        }
                        if let Some(b) = cell.base {
                            cell.base_gap = gaps(*rb, b);
                        }
                        if has_variable
                            && let (Some(rv), Some(v)) = (rv, v)
                            && rv.mean.minor() > 0
                            && rv.median.minor() > 0
                        {
                            cell.variable_gap = gaps(*rv, *v);
                        }
                        let t = options.gap_threshold;
                        let reaches = |g: &GapFigure| {
                            g.amount.minor() > 0
                                && g.ratio.is_some_and(|r| {
                                    t.compare(
                                        r.numerator().unsigned_abs(),
                                        r.denominator().unsigned_abs(),
                                    ) != std::cmp::Ordering::Less
                                })
                        };
                        cell.flagged = [cell.base_gap, cell.variable_gap]
                            .iter()
                            .flatten()
                            .any(|g| reaches(&g.median) || reaches(&g.mean));
                    }
                }
                group_grades.push(GroupGrade {
                    grade: grade.clone(),
                    zone: zone_id(zone),
                    reference: reference.map(|r| r.0),
                    groups: cells_out.into_iter().map(|(c, _)| c).collect(),
                });
            }
        }
    }

    // Level cells, in track order.
    let mut level_cells = Vec::new();
    for (i, (level, _, track)) in levels.iter().enumerate() {
        for zone in 0..zones {
            let slot = i * zones + zone;
            if cells[slot].is_empty() {
                continue;
            }
            let Some(currency) = currency_of(zone) else {
                continue;
            };
            let zone_ref = zone.checked_sub(1).and_then(|z| ladder.zones().get(z));
            let band = level.band_in(zone_ref);
            let figures = (!suppressed[slot]).then(|| {
                let pays = &mut cells[slot];
                let mut salaries: Vec<u64> = pays.iter().map(|p| p.salary).collect();
                let salary = summary(&mut salaries, currency);
                let variable = has_variable.then(|| {
                    let mut v: Vec<u64> = pays.iter().map(|p| p.variable).collect();
                    summary(&mut v, currency)
                });
                let (below_min, above_max) = band.map_or((0, 0), |b| {
                    (
                        salaries.iter().filter(|s| **s < b.min().minor()).count(),
                        salaries.iter().filter(|s| **s > b.max().minor()).count(),
                    )
                });
                LevelFigures {
                    headcount: salaries.len(),
                    salary,
                    variable,
                    compa_median: band.and_then(|b| b.compa_ratio(salary.median)),
                    compa_min: band.and_then(|b| b.compa_ratio(salary.min)),
                    compa_max: band.and_then(|b| b.compa_ratio(salary.max)),
                    penetration_median: band.and_then(|b| b.range_penetration(salary.median)),
                    below_min,
                    above_max,
                    salaries,
                }
            });
            level_cells.push(LevelCell {
                level: level.id().clone(),
                track: (*track).clone(),
                grade: level.grade().clone(),
                zone: zone_id(zone),
                band,
                suppressed: figures.is_none(),
                figures,
            });
        }
    }
    let answer = AuditAnswer {
        ladder_id: ladder.id().clone(),
        min_group: min,
        by: options.by,
        gap_threshold: options.gap_threshold,
        rows: RowCounts {
            read,
            used,
            rejected: rejected.len() as u64,
        },
        levels: level_cells,
        parity,
        groups: group_grades,
        out_of_band,
        rejected,
    };
    Audit { ladder, answer }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_means_round_half_up() {
        assert_eq!(median_of(&[1, 2]), 2);
        assert_eq!(median_of(&[1, 3]), 2);
        assert_eq!(median_of(&[1, 2, 9]), 2);
        assert_eq!(mean_of(3, 2), 2);
        assert_eq!(mean_of(4, 3), 1);
        assert_eq!(mean_of(5, 3), 2);
    }

    #[test]
    fn complementary_suppression_hides_enough() {
        let mut hidden = [true, false, false];
        complement(&[4, 10, 20], &mut hidden, 5);
        assert_eq!(hidden, [true, true, false]);
        let mut hidden = [false, false];
        assert!(!complement(&[10, 20], &mut hidden, 5));
    }
}
