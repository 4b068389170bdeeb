use crate::{CompetencyId, CompetencyKind, Track, TrackId, TrackKind};

/// A competency that levels set expectations on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competency {
    pub(crate) id: CompetencyId,
    pub(crate) name: String,
    pub(crate) kind: CompetencyKind,
    pub(crate) group: Option<String>,
    pub(crate) tracks: Option<Vec<TrackId>>,
    pub(crate) description: Option<String>,
}

impl Competency {
    /// Its id.
    pub fn id(&self) -> &CompetencyId {
        &self.id
    }

    /// Its display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What it is about.
    pub fn kind(&self) -> CompetencyKind {
        self.kind
    }

    /// The group (area) it is shown under, such as `Delivery`, when the
    /// ladder gives one.
    pub fn group(&self) -> Option<&str> {
        self.group.as_deref()
    }

    /// The tracks it is scoped to, when the ladder says; `None` when it
    /// applies by its kind (see [`applies_to`](Self::applies_to)).
    pub fn tracks(&self) -> Option<&[TrackId]> {
        self.tracks.as_deref()
    }

    /// Whether it applies to `track`: a track it is scoped to, or, without a
    /// scope, any track for `craft` and `leadership` competencies and
    /// management tracks for `people` ones. A `people` competency never
    /// applies to an individual-contributor track.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/scales.yaml")?.into_ladder();
    /// let research = ladder.competency("research").unwrap();
    /// assert!(research.applies_to(ladder.track("clinical").unwrap()));
    /// assert!(!research.applies_to(ladder.track("management").unwrap()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn applies_to(&self, track: &Track) -> bool {
        let by_kind = self.kind != CompetencyKind::People || track.kind() == TrackKind::Management;
        let in_scope = match &self.tracks {
            Some(tracks) => tracks.iter().any(|t| t == track.id()),
            None => true,
        };
        by_kind && in_scope
    }

    /// What it means, when the ladder says.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}
