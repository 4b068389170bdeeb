use std::fmt;
use std::sync::Arc;

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::{Band, CompetencyId, LevelId, Money, Percent, Variable};

/// The cross-track key: levels of equal grade are equivalent.
///
/// A grade has a *rank*, which orders it, and is shown by its *label*:
///
/// - in a ladder without a grade scale (`grades:` left out), a grade is a
///   whole number, its own rank, shown as the number ([`Grade::new`]);
/// - in a ladder that declares its scale (`grades: [GS-1, GS-2, ...]`), a
///   grade is an entry of the scale: its rank is its position in the scale
///   (0 for the lowest), and it is shown by its label as the file writes it
///   (`GS-13`, `8A`, `9.5`).
///
/// Equality, order and hashing go by rank alone, so grades of one ladder
/// compare as the ladder orders them; grades of different ladders compare
/// only when the ladders share a scale. Serialized as the number without a
/// scale, as `{ "rank": 5, "label": "GS-13" }` with one; both read back.
///
/// ```
/// use dualtrack::Grade;
///
/// let six = Grade::new(6);
/// assert_eq!(six.rank(), 6);
/// assert_eq!(six.label(), None);
/// assert_eq!(six.to_string(), "6");
/// assert!(Grade::new(5) < six);
/// ```
#[derive(Debug, Clone)]
pub struct Grade {
    rank: u32,
    /// The scale's label; `None` for a numbered grade.
    label: Option<Arc<str>>,
}

impl Grade {
    /// A numbered grade, as in a ladder without a grade scale: its rank is
    /// the number.
    pub const fn new(number: u32) -> Self {
        Self {
            rank: number,
            label: None,
        }
    }

    /// An entry of a grade scale: `rank` is its position, lowest first.
    pub(crate) fn labelled(rank: u32, label: Arc<str>) -> Self {
        Self {
            rank,
            label: Some(label),
        }
    }

    /// What orders it: the number of a numbered grade, the position in the
    /// scale (0 for the lowest) of a labelled one.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/grade-scale.yaml")?.into_ladder();
    /// let grade = ladder.level("gs13").unwrap().grade();
    /// assert_eq!((grade.rank(), grade.label()), (5, Some("GS-13")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rank(&self) -> u32 {
        self.rank
    }

    /// Its label in the ladder's grade scale; `None` for a numbered grade,
    /// which is shown as its number.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }
}

/// The number of a numbered grade.
impl From<u32> for Grade {
    fn from(number: u32) -> Self {
        Self::new(number)
    }
}

impl PartialEq for Grade {
    fn eq(&self, other: &Self) -> bool {
        self.rank == other.rank
    }
}

impl Eq for Grade {}

impl PartialOrd for Grade {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Grade {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank.cmp(&other.rank)
    }
}

impl std::hash::Hash for Grade {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.rank.hash(state);
    }
}

impl fmt::Display for Grade {
    /// The label, or the number of a numbered grade.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.label {
            Some(label) => f.write_str(label),
            None => self.rank.fmt(f),
        }
    }
}

/// The number of a numbered grade; `{ "rank": 5, "label": "GS-13" }` for a
/// labelled one, so that it reads back with its order.
#[cfg(feature = "serde")]
impl Serialize for Grade {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match &self.label {
            Some(label) => {
                let mut grade = serializer.serialize_struct("Grade", 2)?;
                grade.serialize_field("rank", &self.rank)?;
                grade.serialize_field("label", &**label)?;
                grade.end()
            }
            None => serializer.serialize_u32(self.rank),
        }
    }
}

/// Reads what it serializes to: a number, or `{ rank, label }` with a
/// label that is not blank. A label alone has a rank only in its ladder's
/// scale (look it up with [`Ladder::grade`](crate::Ladder::grade)), so it
/// is refused, saying so.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Grade {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Written;
        impl<'de> serde::de::Visitor<'de> for Written {
            type Value = Grade;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a grade number, or `{ rank, label }` for a grade of a scale")
            }
            fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<Grade, E> {
                rank(number).map(Grade::new)
            }
            fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<Grade, E> {
                match u64::try_from(number) {
                    Ok(number) => self.visit_u64(number),
                    Err(_) => Err(E::custom(format!("grade {number} is negative"))),
                }
            }
            fn visit_str<E: serde::de::Error>(self, label: &str) -> Result<Grade, E> {
                Err(E::custom(format!(
                    "grade `{}` is a label of a grade scale: only its ladder knows its rank \
                     (write `{{ rank, label }}`, or look it up with `Ladder::grade`)",
                    crate::text::escape(label)
                )))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Grade, A::Error> {
                use serde::de::Error;
                let (mut found_rank, mut found_label) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "rank" if found_rank.is_none() => {
                            found_rank = Some(map.next_value::<u64>()?)
                        }
                        "label" if found_label.is_none() => {
                            found_label = Some(map.next_value::<String>()?);
                        }
                        "rank" | "label" => return Err(A::Error::duplicate_field("rank or label")),
                        other => return Err(A::Error::unknown_field(other, &["rank", "label"])),
                    }
                }
                let rank = rank(found_rank.ok_or_else(|| A::Error::missing_field("rank"))?)?;
                let label = found_label.ok_or_else(|| A::Error::missing_field("label"))?;
                if label.trim().is_empty() {
                    return Err(A::Error::custom("a grade's label is blank"));
                }
                Ok(Grade::labelled(rank, label.into()))
            }
        }
        fn rank<E: serde::de::Error>(number: u64) -> Result<u32, E> {
            u32::try_from(number).map_err(|_| {
                E::custom(format!(
                    "grade {number} is too large (at most {})",
                    u32::MAX
                ))
            })
        }
        deserializer.deserialize_any(Written)
    }
}

/// A step of a proficiency scale, by its number: from 1 (learning) to 5
/// (sets the standard beyond the team) on the default scale; a ladder may
/// declare its own ([`ProficiencyScale`](crate::ProficiencyScale)), from 0 and
/// up to 10 steps, and [`Ladder::proficiency_scale`](crate::Ladder::proficiency_scale)
/// says which numbers it uses and what they are called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Proficiency(pub(crate) u8);

impl fmt::Display for Level {
    /// Its id and title: `ic6 Principal Engineer`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.id, self.title)
    }
}

/// A number that is no proficiency of any scale: outside 0 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProficiencyError(i64);

impl fmt::Display for ProficiencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "proficiency {} is outside {} to {}",
            self.0,
            Proficiency::MIN,
            Proficiency::MAX
        )
    }
}

impl std::error::Error for ProficiencyError {}

/// ```
/// use dualtrack::Proficiency;
///
/// assert_eq!(Proficiency::try_from(3u8).map(Proficiency::get), Ok(3));
/// assert_eq!(Proficiency::try_from(11u8).unwrap_err().to_string(), "proficiency 11 is outside 0 to 10");
/// ```
impl TryFrom<u8> for Proficiency {
    type Error = ProficiencyError;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Proficiency::new(i64::from(value)).ok_or(ProficiencyError(i64::from(value)))
    }
}

/// Reads a number from 0 to 10, as [`Proficiency::new`] checks it; whether
/// it is on a ladder's scale is judged against the ladder
/// ([`Ladder::check_ratings`](crate::Ladder::check_ratings)).
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Proficiency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        Proficiency::new(value).ok_or_else(|| serde::de::Error::custom(ProficiencyError(value)))
    }
}

impl fmt::Display for Proficiency {
    /// The number, such as `3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Proficiency {
    /// The lowest number any scale may use.
    pub const MIN: u8 = 0;
    /// The highest number any scale may use.
    pub const MAX: u8 = 10;

    /// A proficiency, when `value` is from 0 to 10, the numbers a scale may
    /// use; whether a ladder's scale has it is
    /// [`ProficiencyScale::contains`](crate::ProficiencyScale::contains).
    ///
    /// ```
    /// assert!(dualtrack::Proficiency::new(3).is_some());
    /// assert!(dualtrack::Proficiency::new(0).is_some());
    /// assert!(dualtrack::Proficiency::new(11).is_none());
    /// ```
    pub fn new(value: i64) -> Option<Self> {
        u8::try_from(value)
            .ok()
            .filter(|v| (Self::MIN..=Self::MAX).contains(v))
            .map(Self)
    }

    /// The number, such as `3`.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// What a level expects of one competency.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Expectation {
    pub(crate) competency: CompetencyId,
    pub(crate) proficiency: Proficiency,
    pub(crate) description: Option<String>,
}

impl Expectation {
    /// The competency.
    pub fn competency(&self) -> &CompetencyId {
        &self.competency
    }

    /// The proficiency required.
    pub fn proficiency(&self) -> Proficiency {
        self.proficiency
    }

    /// What it looks like at this level, when the ladder says.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

/// One level of a track.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Level {
    pub(crate) id: LevelId,
    pub(crate) title: String,
    pub(crate) grade: Grade,
    pub(crate) summary: Option<String>,
    /// An executive level, outside parity; serialized only when true.
    pub(crate) executive: bool,
    /// `None` when the ladder publishes no pay for it (serialized `null`).
    pub(crate) band: Option<Band>,
    pub(crate) expectations: Vec<Expectation>,
    pub(crate) entry_criteria: Vec<String>,
    /// Its own or its track's; serialized only when there is one.
    pub(crate) variable: Option<Variable>,
    /// The base band plus the variable pay at target, computed once.
    pub(crate) target_cash: Option<Band>,
    /// Its own or its track's; serialized only when there is one.
    pub(crate) equity: Option<Band>,
    /// The band's pay points, lowest first; serialized only when given.
    pub(crate) steps: Vec<Money>,
    /// What the band is a percentage of; serialized only when given.
    pub(crate) pay_basis: Option<PayBasis>,
}

/// Pay defined as a percentage of another level's pay (`band: { percent:
/// 120%, of: journeyman }`): the level's band is each amount of the
/// reference level's band times the percentage, rounded half up to the
/// currency's minor unit.
///
/// ```
/// # let ladder = dualtrack::load_path("tests/fixtures/valid/spot-rates.yaml")?.into_ladder();
/// let splicer = ladder.level("cable-splicer").unwrap();
/// let basis = splicer.pay_basis().expect("relative");
/// assert_eq!(basis.percent().to_string(), "110%");
/// assert_eq!(basis.of().as_str(), "journeyman");
/// // 110% of the journeyman's 41.00 USD an hour: a spot rate too.
/// let rate = splicer.band().unwrap();
/// assert!(rate.is_spot());
/// assert_eq!(rate.mid().to_string(), "45.10 USD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PayBasis {
    pub(crate) percent: Percent,
    pub(crate) of: LevelId,
}

impl PayBasis {
    /// The share of the reference level's pay, such as `120%`.
    pub fn percent(&self) -> Percent {
        self.percent
    }

    /// The reference level, whose own pay is written as amounts.
    pub fn of(&self) -> &LevelId {
        &self.of
    }
}

impl Level {
    /// Its id, unique across the ladder.
    pub fn id(&self) -> &LevelId {
        &self.id
    }

    /// Its title, such as `Principal Engineer`.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Its grade.
    pub fn grade(&self) -> &Grade {
        &self.grade
    }

    /// Its one-line summary, when the ladder gives one.
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// Whether it is an executive level (a CEO or EVP grade): outside the
    /// parity rules (`ic-ceiling`, `parity-gap`, `management-premium`,
    /// `missing-counterpart`) and the default `parity.from_grade`, since no
    /// IC level is meant to match it.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// assert!(ladder.level("ceo").unwrap().is_executive());
    /// assert!(!ladder.level("vp").unwrap().is_executive());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_executive(&self) -> bool {
        self.executive
    }

    /// Its compensation band in the ladder's base currency; `None` when the
    /// ladder publishes no pay for this level.
    ///
    /// Since ladders without published pay were admitted (most public
    /// competency frameworks publish expectations, not bands), this is an
    /// `Option`: it was `&Band`. A ladder either gives every level a band, or
    /// gives none (a `no-pay` note), or misses some (a `missing-band` warning
    /// per level).
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let band = ladder.level("ic6").unwrap().band().expect("published");
    /// assert_eq!(band.mid().to_string(), "295000 USD");
    ///
    /// let unpaid = dualtrack::load_path("tests/fixtures/valid/no-pay.yaml")?.into_ladder();
    /// assert_eq!(unpaid.level("ic1").unwrap().band(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn band(&self) -> Option<&Band> {
        self.band.as_ref()
    }

    /// The pay points of its band, lowest first, when the ladder lists them
    /// (`band: { min, mid, max, steps: [...] }`); empty otherwise. Each lies
    /// in the band, and each is higher than the one before.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/pay-steps.yaml")?.into_ladder();
    /// let steps = ladder.level("specialist-nurse").unwrap().steps();
    /// assert_eq!(steps.len(), 3);
    /// assert_eq!(steps[0].to_string(), "37338 GBP");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps(&self) -> &[Money] {
        &self.steps
    }

    /// What its band is a percentage of, when the ladder writes it so
    /// (`band: { percent: 120%, of: journeyman }`); the band itself is
    /// resolved ([`Level::band`]).
    pub fn pay_basis(&self) -> Option<&PayBasis> {
        self.pay_basis.as_ref()
    }

    /// Its expectations, in file order.
    pub fn expectations(&self) -> &[Expectation] {
        &self.expectations
    }

    /// What it takes to enter the level beyond its expectations (years in
    /// the band below, hours of practice, an interview), in file order; empty
    /// when the ladder names none.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/scales.yaml")?.into_ladder();
    /// let senior = ladder.level("rn3").unwrap();
    /// assert_eq!(senior.entry_criteria()[0], "Two years as a Registered Nurse");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entry_criteria(&self) -> &[String] {
        &self.entry_criteria
    }

    /// Its target variable pay (a bonus at target, as a percentage of base or
    /// a fixed amount): its own `variable`, or else its track's; `None` when
    /// neither gives one.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/variable-pay.yaml")?.into_ladder();
    /// let director = ladder.level("dir1").unwrap();
    /// assert_eq!(director.variable().unwrap().to_string(), "15% of base");
    /// // The track's default, where the level sets none:
    /// assert_eq!(ladder.level("ic5").unwrap().variable().unwrap().to_string(), "10% of base");
    /// assert_eq!(ladder.level("ic4").unwrap().variable().unwrap().to_string(), "20000 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn variable(&self) -> Option<Variable> {
        self.variable
    }

    /// Total target cash: the base band plus the variable pay at target,
    /// point by point, a percentage rounded half away from zero to the
    /// currency's minor unit ([`Variable::on`]). `None` without a band or
    /// without variable pay, where it is the base band itself.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/variable-pay.yaml")?.into_ladder();
    /// let director = ladder.level("dir1").unwrap();
    /// assert_eq!(director.band().unwrap().mid().to_string(), "295000 USD");
    /// assert_eq!(director.target_cash().unwrap().mid().to_string(), "339250 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target_cash(&self) -> Option<&Band> {
        self.target_cash.as_ref()
    }

    /// Its annual equity or long-term-incentive grant band, in the ladder's
    /// currency: its own `equity`, or else its track's.
    pub fn equity(&self) -> Option<&Band> {
        self.equity.as_ref()
    }

    /// Total compensation: total target cash (or the base band, without
    /// variable pay) plus the equity band, point by point; `None` without a
    /// band or without equity.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/variable-pay.yaml")?.into_ladder();
    /// let director = ladder.level("dir1").unwrap();
    /// assert_eq!(director.equity().unwrap().mid().to_string(), "80000 USD");
    /// // 295000 + 15% + 80000
    /// assert_eq!(director.total_compensation().unwrap().mid().to_string(), "419250 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total_compensation(&self) -> Option<Band> {
        let cash = self.target_cash.as_ref().or(self.band.as_ref())?;
        crate::model::add_bands(cash, self.equity.as_ref()?)
    }

    /// Its expectation of one competency.
    pub fn expectation(&self, competency: &str) -> Option<&Expectation> {
        self.expectations
            .iter()
            .find(|e| e.competency.as_str() == competency)
    }
}
