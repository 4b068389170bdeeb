//! Look-ups that explain a miss: "no level `ic9`; did you mean `ic8`?".

use std::fmt;

use crate::{Competency, Ladder, Level, Track, Zone};

/// What kind of thing an id was looked up as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum IdKind {
    /// A level id, such as `ic6`.
    Level,
    /// A track id, such as `management`.
    Track,
    /// A competency id, such as `hiring`.
    Competency,
    /// A zone id, such as `london`.
    Zone,
}

impl IdKind {
    /// The word used in messages: `level`, `track`, `competency` or `zone`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Level => "level",
            Self::Track => "track",
            Self::Competency => "competency",
            Self::Zone => "zone",
        }
    }
}

/// An id that names nothing in the ladder, with the ids closest to it when
/// it looks like a typo.
///
/// ```
/// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
/// let error = ladder.lookup_level("ic66").unwrap_err();
/// assert_eq!(error.suggestions(), ["ic6"]);
/// assert_eq!(
///     error.to_string(),
///     "no level `ic66` in ladder `engineering`; did you mean `ic6`?"
/// );
/// // Equally close ids are all named, up to five.
/// let error = ladder.lookup_level("dir").unwrap_err();
/// assert_eq!(error.suggestions(), ["dir1", "dir2"]);
/// // More are not worth listing: `ic1` to `ic8` are all as close to `ic`.
/// assert!(ladder.lookup_level("ic").unwrap_err().suggestions().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    kind: IdKind,
    id: String,
    ladder: String,
    suggestions: Vec<String>,
}

/// More equally close ids than this are not worth listing.
const MAX_SUGGESTIONS: usize = 5;

impl NotFound {
    fn new<'a>(
        kind: IdKind,
        id: &str,
        ladder: &Ladder,
        known: impl Iterator<Item = &'a str>,
    ) -> Self {
        let mut closest = crate::text::closest(id, known);
        if closest.len() > MAX_SUGGESTIONS {
            closest.clear();
        }
        Self {
            kind,
            id: id.to_owned(),
            ladder: ladder.id().to_string(),
            suggestions: closest.into_iter().map(str::to_owned).collect(),
        }
    }

    /// What the id was looked up as.
    pub fn kind(&self) -> IdKind {
        self.kind
    }

    /// The id as given.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The existing ids closest to the given one, in the ladder's order, when
    /// it looks like a typo of them; empty otherwise.
    pub fn suggestions(&self) -> &[String] {
        &self.suggestions
    }
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no {} `{}` in ladder `{}`",
            self.kind.as_str(),
            crate::text::escape(&self.id),
            self.ladder
        )?;
        if let Some((last, rest)) = self.suggestions.split_last() {
            f.write_str("; did you mean ")?;
            for (i, near) in rest.iter().enumerate() {
                let separator = if i + 1 == rest.len() { " or " } else { ", " };
                write!(f, "`{near}`{separator}")?;
            }
            write!(f, "`{last}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for NotFound {}

impl Ladder {
    /// The level a person names: by its id, its id in capitals (`IC6`), or
    /// its title in any case (`principal engineer`) when one level alone has
    /// it; or why there is none.
    ///
    /// Unlike [`level`](Self::level), which takes the exact id, it reads a
    /// level as people write it, and the error names the closest level ids.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.lookup_level("IC6")?.id().as_str(), "ic6");
    /// assert_eq!(ladder.lookup_level("Principal Engineer")?.id().as_str(), "ic6");
    /// assert!(ladder.lookup_level("Principal").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`] for a name no level has as id or title (`ic9`).
    pub fn lookup_level(&self, id: &str) -> Result<&Level, NotFound> {
        self.lookup_placed(id).map(|placed| placed.level)
    }

    pub(crate) fn level_not_found(&self, id: &str) -> NotFound {
        let levels = || self.tracks.iter().flat_map(|t| t.levels.iter());
        let mut not_found = NotFound::new(IdKind::Level, id, self, levels().map(|l| l.id.as_str()));
        if not_found.suggestions.is_empty() {
            // A misspelt title (`Staff Enginer`): suggest the ids of the
            // levels whose titles are closest.
            let wanted = id.trim().to_lowercase();
            let titles: Vec<(String, &str)> = levels()
                .map(|l| (l.title.trim().to_lowercase(), l.id.as_str()))
                .collect();
            let near = crate::text::closest(&wanted, titles.iter().map(|(t, _)| t.as_str()));
            if near.len() <= MAX_SUGGESTIONS {
                not_found.suggestions = titles
                    .iter()
                    .filter(|(title, _)| near.contains(&title.as_str()))
                    .map(|(_, id)| (*id).to_owned())
                    .collect();
            }
        }
        not_found
    }

    /// The track with this id, or why there is none.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.lookup_track("management")?.levels().len(), 5);
    /// let error = ladder.lookup_track("managment").unwrap_err();
    /// assert_eq!(error.suggestions(), ["management"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`] for an id no track has.
    pub fn lookup_track(&self, id: &str) -> Result<&Track, NotFound> {
        self.track(id).ok_or_else(|| {
            let known = self.tracks.iter().map(|t| t.id.as_str());
            NotFound::new(IdKind::Track, id, self, known)
        })
    }

    /// The competency with this id, or why there is none.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.lookup_competency("hiring")?.name(), "Hiring and team building");
    /// assert!(ladder.lookup_competency("hirring").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`] for an id no competency has.
    pub fn lookup_competency(&self, id: &str) -> Result<&Competency, NotFound> {
        self.competency(id).ok_or_else(|| {
            let known = self.competencies.iter().map(|c| c.id.as_str());
            NotFound::new(IdKind::Competency, id, self, known)
        })
    }

    /// The zone with this id, or why there is none.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.lookup_zone("london")?.currency().code(), "GBP");
    /// let error = ladder.lookup_zone("londn").unwrap_err();
    /// assert_eq!(error.to_string(), "no zone `londn` in ladder `engineering`; did you mean `london`?");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`] for an id no zone has.
    pub fn lookup_zone(&self, id: &str) -> Result<&Zone, NotFound> {
        self.zone(id).ok_or_else(|| {
            let known = self.zones.iter().map(|z| z.id.as_str());
            NotFound::new(IdKind::Zone, id, self, known)
        })
    }
}

impl std::fmt::Display for IdKind {
    /// Its name in output, as [`as_str`](IdKind::as_str).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
