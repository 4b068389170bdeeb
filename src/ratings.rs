//! A person's assessed proficiencies, built in code or read from a ratings
//! file with located findings.

use std::collections::BTreeMap;

use crate::finding::Finding;
use crate::load::FileKind;
use crate::spec::{ProficiencySpec, RatingsSpec, ScaleHint, decode_ratings};
use crate::text::did_you_mean;
use crate::text::escape;
use crate::{CompetencyId, Ladder, LadderId, Loader, Pointer, Proficiency, Report, rules};

/// Assessed proficiencies: competency id to a proficiency of the ladder's
/// scale (1..5 by default), for one person.
///
/// A competency that is not in the ratings was not assessed: it meets no
/// expectation. Build ratings in code, or read a ratings file with
/// [`load_ratings`].
///
/// ```
/// use dualtrack::{Proficiency, Ratings};
///
/// let mut ratings = Ratings::new();
/// ratings.insert("technical-depth".parse()?, Proficiency::new(4).unwrap());
/// assert_eq!(ratings.get("technical-depth").map(Proficiency::get), Some(4));
/// assert_eq!(ratings.get("hiring"), None);
/// # Ok::<(), dualtrack::IdError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Ratings {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    ladder: Option<LadderId>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    person: Option<String>,
    ratings: BTreeMap<CompetencyId, Proficiency>,
}

impl Ratings {
    /// No ratings yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rates one competency, returning its previous rating.
    pub fn insert(
        &mut self,
        competency: CompetencyId,
        proficiency: Proficiency,
    ) -> Option<Proficiency> {
        self.ratings.insert(competency, proficiency)
    }

    /// The rating of a competency; `None` when it was not assessed. Allocation-free.
    pub fn get(&self, competency: &str) -> Option<Proficiency> {
        self.ratings.get(competency).copied()
    }

    /// Every rating, by competency id.
    pub fn iter(&self) -> impl Iterator<Item = (&CompetencyId, Proficiency)> {
        self.ratings.iter().map(|(id, p)| (id, *p))
    }

    /// How many competencies were rated.
    pub fn len(&self) -> usize {
        self.ratings.len()
    }

    /// Whether no competency was rated.
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty()
    }

    /// The ladder the ratings are for, as a ratings file names it.
    pub fn ladder(&self) -> Option<&LadderId> {
        self.ladder.as_ref()
    }

    /// Who was assessed, when given.
    pub fn person(&self) -> Option<&str> {
        self.person.as_deref()
    }

    /// These ratings, for `person`.
    #[must_use]
    pub fn with_person(mut self, person: impl Into<String>) -> Self {
        self.person = Some(person.into());
        self
    }
}

impl FromIterator<(CompetencyId, Proficiency)> for Ratings {
    fn from_iter<I: IntoIterator<Item = (CompetencyId, Proficiency)>>(iter: I) -> Self {
        Self {
            ratings: iter.into_iter().collect(),
            ..Self::default()
        }
    }
}

/// Reads a ratings file for `ladder` from its YAML text.
///
/// The file names the ladder and rates competencies of it:
///
/// ```
/// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
/// let yaml = "\
/// schema_version: 1
/// ladder: engineering
/// person: Grace Hopper
/// ratings:
///   technical-depth: 5
///   people-development: 3
/// ";
/// let ratings = dualtrack::load_ratings(yaml, &ladder)?;
/// assert_eq!(ratings.person(), Some("Grace Hopper"));
/// assert_eq!(ratings.len(), 2);
///
/// let typo = "schema_version: 1\nladder: engineering\nratings:\n  tecnical-depth: 7\n";
/// let report = dualtrack::load_ratings(typo, &ladder).unwrap_err();
/// let codes: Vec<_> = report.findings().iter().map(|f| (f.code(), f.line())).collect();
/// assert_eq!(codes, [("unknown-competency", Some(4)), ("invalid-proficiency", Some(4))]);
/// assert_eq!(report.findings()[0].help(), Some("did you mean `technical-depth`?"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// The [`Report`] of every finding, each located like a ladder file's: a YAML
/// syntax error, an unknown key (`rating:`), a missing `ladder`, a ladder id
/// other than `ladder`'s (`ladder-mismatch`), an unknown competency
/// (`unknown-competency`, with the closest id), a proficiency off the ladder's
/// scale, outside 1..5 by default, or a step name the scale does not have
/// (`invalid-proficiency`), or not a whole number (`type`; a step name too
/// when the scale has names).
pub fn load_ratings(source: &str, ladder: &Ladder) -> Result<Ratings, Report> {
    Loader::new().load_ratings(source, ladder)
}

/// Reads a ratings file for `ladder` from its bytes: UTF-8, with or without
/// a byte order mark.
///
/// # Errors
///
/// As [`load_ratings`]; other encodings are a `syntax` finding.
pub fn load_ratings_bytes(bytes: &[u8], ladder: &Ladder) -> Result<Ratings, Report> {
    Loader::new().load_ratings_bytes(bytes, ladder)
}

impl Loader {
    /// Reads a ratings file for `ladder` from its YAML text, within this
    /// loader's limits, as [`load_ratings`] does with the default ones.
    ///
    /// # Errors
    ///
    /// As [`load_ratings`].
    pub fn load_ratings(&self, source: &str, ladder: &Ladder) -> Result<Ratings, Report> {
        let (findings, ratings) = self.read(source, FileKind::Ratings, |root, limits| {
            let scale = ladder.proficiency_scale();
            let hint = ScaleHint {
                range: scale.to_string(),
                named: scale.is_named(),
            };
            let decoded = decode_ratings(root, limits, hint);
            let mut findings = decoded.findings;
            let ratings = decoded.spec.map(|spec| check(&spec, ladder, &mut findings));
            (findings, ratings)
        })?;
        match ratings {
            Some(ratings) if findings.is_empty() => Ok(ratings),
            _ => Err(Report::new(findings)),
        }
    }

    /// Reads a ratings file for `ladder` from its bytes, within this
    /// loader's limits, as [`load_ratings_bytes`] does with the default ones.
    ///
    /// # Errors
    ///
    /// As [`load_ratings_bytes`].
    pub fn load_ratings_bytes(&self, bytes: &[u8], ladder: &Ladder) -> Result<Ratings, Report> {
        self.load_ratings(self.text(bytes, FileKind::Ratings)?, ladder)
    }
}

impl Ladder {
    /// Checks ratings built in code (or received as JSON) against this
    /// ladder, as loading a ratings file does: a `ladder-mismatch` when they
    /// name another ladder, an `unknown-competency` (with the closest id) for
    /// each competency the ladder does not have, an `invalid-proficiency` for
    /// each rating off the ladder's proficiency scale (a 0 on a scale from 1). The findings point into the
    /// ratings as a file would hold them (`/ratings/tecnical-depth`); they
    /// have no line, since there is no file. Empty when they are sound.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Proficiency;
    ///
    /// let p = |n| Proficiency::new(n).unwrap();
    /// let ratings: dualtrack::Ratings = [("tecnical-depth", p(5)), ("delivery", p(4))]
    ///     .into_iter()
    ///     .map(|(id, p)| (id.parse().unwrap(), p))
    ///     .collect();
    /// let report = ladder.check_ratings(&ratings);
    /// let finding = &report.findings()[0];
    /// assert_eq!(finding.code(), "unknown-competency");
    /// assert_eq!(finding.path().as_str(), "/ratings/tecnical-depth");
    /// assert_eq!(finding.help(), Some("did you mean `technical-depth`?"));
    /// assert!(ladder.check_ratings(&dualtrack::Ratings::new()).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_ratings(&self, ratings: &Ratings) -> Report {
        let mut findings = Vec::new();
        if let Some(id) = ratings.ladder()
            && id.as_str() != self.id().as_str()
        {
            findings.push(ladder_mismatch(id.as_str(), self));
        }
        for (id, proficiency) in ratings.iter() {
            if self.competency(id).is_none() {
                findings.push(unknown_competency(id.as_str(), self));
            }
            if !self.proficiency_scale().contains(proficiency) {
                let value = ProficiencySpec::Number(i64::from(proficiency.get()));
                findings.push(off_scale(id.as_str(), &value, self));
            }
        }
        Report::new(findings)
    }
}

/// Ratings made for another ladder.
fn ladder_mismatch(given: &str, ladder: &Ladder) -> Finding {
    Finding::new(
        &rules::LADDER_MISMATCH,
        Pointer::root().key("ladder"),
        format!(
            "these ratings are for ladder `{}`, not `{}`",
            escape(given),
            ladder.id()
        ),
    )
    .with_help(format!(
        "assess them against the `{}` ladder file, or rate the competencies of `{}`",
        escape(given),
        ladder.id()
    ))
}

/// A rating of a competency the ladder does not have, with the closest id.
fn unknown_competency(id: &str, ladder: &Ladder) -> Finding {
    let known: Vec<&str> = ladder
        .competencies()
        .iter()
        .map(|c| c.id().as_str())
        .collect();
    let help = match did_you_mean(id, &known) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!(
            "the competencies of `{}` are {}",
            ladder.id(),
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Finding::new(
        &rules::UNKNOWN_COMPETENCY,
        Pointer::root().key("ratings").key(id),
        format!("rating of unknown competency `{}`", escape(id)),
    )
    .with_help(help)
    .at_key()
}

/// A rating that is not on the ladder's proficiency scale.
fn off_scale(id: &str, value: &ProficiencySpec, ladder: &Ladder) -> Finding {
    let (problem, help) = rules::judge_proficiency(value, ladder.proficiency_scale());
    Finding::new(
        &rules::INVALID_PROFICIENCY,
        Pointer::root().key("ratings").key(id),
        format!("`{}` is rated {value}, {problem}", escape(id)),
    )
    .with_help(help)
}

/// Checks a decoded ratings file against its ladder, into `findings`; the ratings
/// that hold (the caller hands them out only when there is no finding).
fn check(spec: &RatingsSpec, ladder: &Ladder, findings: &mut Vec<Finding>) -> Ratings {
    let ladder_id = LadderId::new(&spec.ladder).ok();
    if spec.ladder != ladder.id().as_str() {
        findings.push(ladder_mismatch(&spec.ladder, ladder));
    }
    let mut ratings = BTreeMap::new();
    for (id, value) in &spec.ratings {
        let competency = ladder.competency(id).map(|c| c.id().clone());
        if competency.is_none() {
            findings.push(unknown_competency(id, ladder));
        }
        let proficiency = rules::on_scale(value, ladder.proficiency_scale());
        if proficiency.is_none() {
            findings.push(off_scale(id, value, ladder));
        }
        if let (Some(id), Some(p)) = (competency, proficiency) {
            ratings.insert(id, p);
        }
    }
    Ratings {
        ladder: ladder_id,
        person: spec.person.clone(),
        ratings,
    }
}
