//! Moving around the ladder: a level's track, its neighbours, and its
//! equivalents on other tracks. Every look-up here is allocation-free.

use crate::{Grade, Ladder, Level, LevelId, NotFound, Track, TrackId};

impl Track {
    /// Its level at `grade`, when it has one (a binary search: grades rise
    /// strictly along a track).
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Grade;
    ///
    /// let management = ladder.track("management").unwrap();
    /// assert_eq!(management.level_at(&Grade::new(6)).map(|l| l.title()), Some("Director of Engineering"));
    /// assert!(management.level_at(&Grade::new(2)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level_at(&self, grade: &Grade) -> Option<&Level> {
        let at = self.levels.binary_search_by(|l| l.grade.cmp(grade)).ok()?;
        self.levels.get(at)
    }

    /// Its lowest level, where people enter the track.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.track("management").unwrap().entry().id().as_str(), "em1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entry(&self) -> &Level {
        // A checked track is never empty (`empty-track` is an invariant).
        &self.levels[0]
    }

    /// Its highest level.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.track("ic").unwrap().top().title(), "Engineering Fellow");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn top(&self) -> &Level {
        &self.levels[self.levels.len() - 1]
    }
}

impl Ladder {
    /// The track a level belongs to; `None` for an unknown level id.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.track_of("dir1").map(|t| t.name()), Some("Management"));
    /// assert!(ladder.track_of("nope").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn track_of(&self, level: &str) -> Option<&Track> {
        let (track, _) = *self.level_index.get(level)?;
        self.tracks.get(track)
    }

    /// The next level up the same track; `None` at the top of the track or
    /// for an unknown level id.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.level_above("ic6").map(|l| l.title()), Some("Distinguished Engineer"));
    /// assert!(ladder.level_above("ic8").is_none(), "Fellow is the top of the IC track");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level_above(&self, level: &str) -> Option<&Level> {
        let (track, at) = *self.level_index.get(level)?;
        self.tracks.get(track)?.levels.get(at.checked_add(1)?)
    }

    /// The next level down the same track; `None` at the bottom of the track
    /// or for an unknown level id.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert_eq!(ladder.level_below("ic6").map(|l| l.title()), Some("Senior Staff Engineer"));
    /// assert!(ladder.level_below("em1").is_none(), "the entry to management");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level_below(&self, level: &str) -> Option<&Level> {
        let (track, at) = *self.level_index.get(level)?;
        self.tracks.get(track)?.levels.get(at.checked_sub(1)?)
    }

    /// The levels of one grade across all tracks, in track order, each with
    /// its track: the equivalent levels.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::Grade;
    ///
    /// let titles: Vec<&str> = ladder.levels_at(&Grade::new(6)).map(|(_, l)| l.title()).collect();
    /// assert_eq!(titles, ["Principal Engineer", "Director of Engineering"]);
    /// assert_eq!(ladder.levels_at(&Grade::new(1)).count(), 1);
    /// assert_eq!(ladder.levels_at(&Grade::new(99)).count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels_at(&self, grade: &Grade) -> impl ExactSizeIterator<Item = (&Track, &Level)> + '_ {
        self.placed_at(grade)
            .iter()
            .map(|&(t, l)| (&self.tracks[t], &self.tracks[t].levels[l]))
    }

    /// The (track index, level index) of the levels of `grade`, in track
    /// order, from the grade index (the indexes are the ladder's own).
    fn placed_at(&self, grade: &Grade) -> &[(usize, usize)] {
        self.grade_index
            .binary_search_by(|(g, _)| g.cmp(grade))
            .map_or(&[], |at| &self.grade_index[at].1)
    }

    /// The shared trunk: the track of kind `trunk`, whose levels lead into
    /// every individual-contributor and management track; `None` when the
    /// ladder has none.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// assert_eq!(ladder.trunk().map(|t| t.id().as_str()), Some("shared"));
    /// # let engineering = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// assert!(engineering.trunk().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn trunk(&self) -> Option<&Track> {
        self.tracks.iter().find(|t| t.is_trunk())
    }

    /// The grade where the paths split: the lowest entry grade of the tracks
    /// the trunk leads into, the first grade above the trunk; `None` without
    /// a trunk.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// use dualtrack::Grade;
    ///
    /// assert_eq!(ladder.split_grade(), Some(&Grade::new(4)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split_grade(&self) -> Option<&Grade> {
        self.trunk()?;
        self.tracks
            .iter()
            .filter(|t| t.follows_trunk())
            .filter_map(|t| t.levels.first().map(|l| &l.grade))
            .min()
    }

    /// The tracks the trunk leads into (every individual-contributor and
    /// management track), each with its entry level; empty without a trunk.
    pub(crate) fn split(&self) -> impl Iterator<Item = (&Track, &Level)> + '_ {
        let trunk = self.trunk().is_some();
        self.tracks
            .iter()
            .filter(move |t| trunk && t.follows_trunk())
            .filter_map(|t| Some((t, t.levels.first()?)))
    }

    /// Where a level leads: the level above it on its track; or, at the top
    /// of the trunk, the entry level of every track the trunk leads into.
    /// Empty at the top of any other track, or for an unknown level id.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// let ids = |level| -> Vec<&str> {
    ///     ladder.next_steps(level).map(|(_, l)| l.id().as_str()).collect()
    /// };
    /// assert_eq!(ids("mid"), ["senior"]);
    /// assert_eq!(ids("senior"), ["staff", "em1"], "the split: one step on each track");
    /// assert_eq!(ids("em1"), ["dir"]);
    /// assert!(ids("ceo").is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_steps(&self, level: &str) -> impl Iterator<Item = (&Track, &Level)> + '_ {
        let found = self.level_index.get(level).and_then(|&(t, at)| {
            let track = self.tracks.get(t)?;
            Some((track, at))
        });
        let above = found.and_then(|(track, at)| Some((track, track.levels.get(at + 1)?)));
        let at_split =
            found.is_some_and(|(track, at)| track.is_trunk() && at + 1 == track.levels.len());
        above
            .into_iter()
            .chain(self.split().filter(move |_| at_split))
    }

    /// The level before a level on its path: the level below it on its
    /// track; or, at the entry of a track the trunk leads into, the top of
    /// the trunk. `None` at the bottom of the ladder or for an unknown id.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// let before = ladder.previous_step("em1").unwrap();
    /// assert_eq!((before.0.id().as_str(), before.1.id().as_str()), ("shared", "senior"));
    /// assert!(ladder.level_below("em1").is_none(), "the entry of its own track");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_step(&self, level: &str) -> Option<(&Track, &Level)> {
        let (t, at) = *self.level_index.get(level)?;
        let track = self.tracks.get(t)?;
        match at.checked_sub(1) {
            Some(below) => Some((track, track.levels.get(below)?)),
            None if track.follows_trunk() => {
                let trunk = self.trunk()?;
                Some((trunk, trunk.levels.last()?))
            }
            None => None,
        }
    }

    /// The equivalent of a level on another track: its level at the same
    /// grade. `None` when that track has no level at the grade, when `track`
    /// is the level's own track, or when either id is unknown.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let principal = ladder.counterpart("ic6", "management").unwrap();
    /// assert_eq!(principal.title(), "Director of Engineering");
    /// let director = ladder.counterpart("dir1", "ic").unwrap();
    /// assert_eq!(director.title(), "Principal Engineer");
    /// // Management starts at grade 4: a new graduate has no counterpart there.
    /// assert!(ladder.counterpart("ic1", "management").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counterpart(&self, level: &str, track: &str) -> Option<&Level> {
        let (own, at) = *self.level_index.get(level)?;
        let grade = &self.tracks.get(own)?.levels.get(at)?.grade;
        let index = *self.track_index.get(track)?;
        let target = self.tracks.get(index)?;
        if index == own {
            return None;
        }
        target.level_at(grade)
    }

    /// The equivalent of a level on another track, as
    /// [`counterpart`](Self::counterpart) finds it, or why there is none: an
    /// unknown level or track (with the closest ids), the level's own track,
    /// or no level of that grade on the track.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// use dualtrack::CounterpartError;
    ///
    /// assert_eq!(ladder.lookup_counterpart("IC6", "management")?.id().as_str(), "dir1");
    /// let error = ladder.lookup_counterpart("ic1", "management").unwrap_err();
    /// assert!(matches!(error, CounterpartError::NoLevelAtGrade { .. }));
    /// assert_eq!(
    ///     error.to_string(),
    ///     "track `management` has no level at grade 1; its grades run from 4 to 8"
    /// );
    /// assert!(matches!(
    ///     ladder.lookup_counterpart("ic1", "managment"),
    ///     Err(CounterpartError::NotFound(_))
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`CounterpartError`] naming the reason.
    pub fn lookup_counterpart(&self, level: &str, track: &str) -> Result<&Level, CounterpartError> {
        let placed = self
            .lookup_placed(level)
            .map_err(CounterpartError::NotFound)?;
        let target = self
            .lookup_track(track)
            .map_err(CounterpartError::NotFound)?;
        if std::ptr::eq(placed.track, target) {
            return Err(CounterpartError::SameTrack {
                level: placed.level.id.clone(),
                track: target.id.clone(),
            });
        }
        let grade = &placed.level.grade;
        target
            .level_at(grade)
            .ok_or_else(|| CounterpartError::NoLevelAtGrade {
                track: target.id.clone(),
                grade: grade.clone(),
                lowest: target.levels.first().map(|l| l.grade.clone()),
                highest: target.levels.last().map(|l| l.grade.clone()),
            })
    }

    /// The equivalents of a level on every other track, each with its track.
    /// A level of the shared trunk has none: it is on every path itself, and
    /// its next steps are [`next_steps`](Self::next_steps).
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("ladders/engineering.yaml")?.into_ladder();
    /// let equivalents: Vec<_> = ladder.counterparts("em1").map(|(t, l)| (t.id().as_str(), l.id().as_str())).collect();
    /// assert_eq!(equivalents, [("ic", "ic4")]);
    /// assert_eq!(ladder.counterparts("ic2").count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counterparts(&self, level: &str) -> impl Iterator<Item = (&Track, &Level)> + '_ {
        let found = self.level_index.get(level).and_then(|&(own, at)| {
            let grade = &self.tracks.get(own)?.levels.get(at)?.grade;
            Some((own, self.placed_at(grade)))
        });
        let (own, placed) = found.unwrap_or((usize::MAX, &[]));
        placed
            .iter()
            .filter(move |&&(t, _)| t != own)
            .map(|&(t, l)| (&self.tracks[t], &self.tracks[t].levels[l]))
    }
}

/// Why a level has no counterpart on a track.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CounterpartError {
    /// The level or the track does not exist.
    NotFound(NotFound),
    /// The track is the level's own.
    #[non_exhaustive]
    SameTrack {
        /// The level given.
        level: LevelId,
        /// Its track.
        track: TrackId,
    },
    /// The track has no level at the level's grade.
    #[non_exhaustive]
    NoLevelAtGrade {
        /// The track.
        track: TrackId,
        /// The level's grade.
        grade: Grade,
        /// The track's lowest grade.
        lowest: Option<Grade>,
        /// The track's highest grade.
        highest: Option<Grade>,
    },
}

impl std::fmt::Display for CounterpartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFound(error) => error.fmt(f),
            Self::SameTrack { level, track } => {
                write!(f, "level `{level}` is on track `{track}` itself")
            }
            Self::NoLevelAtGrade {
                track,
                grade,
                lowest,
                highest,
            } => {
                write!(f, "track `{track}` has no level at grade {grade}")?;
                if let (Some(lowest), Some(highest)) = (lowest, highest) {
                    write!(f, "; its grades run from {lowest} to {highest}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CounterpartError {}
