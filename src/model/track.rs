use crate::{Level, TrackId, TrackKind};

/// A track: levels of rising grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Track {
    pub(crate) id: TrackId,
    pub(crate) name: String,
    pub(crate) kind: TrackKind,
    pub(crate) description: Option<String>,
    pub(crate) levels: Vec<Level>,
}

impl Track {
    /// Its id.
    pub fn id(&self) -> &TrackId {
        &self.id
    }

    /// Its display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its kind.
    pub fn kind(&self) -> TrackKind {
        self.kind
    }

    /// What it is for, when the ladder says.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Its levels, lowest grade first (never empty).
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// Whether it is the shared trunk, whose levels lead into every
    /// individual-contributor and management track.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/trunk.yaml")?.into_ladder();
    /// assert!(ladder.track("shared").unwrap().is_trunk());
    /// assert!(!ladder.track("ic").unwrap().is_trunk());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_trunk(&self) -> bool {
        self.kind == TrackKind::Trunk
    }

    /// Whether the trunk leads into it: an individual-contributor or a
    /// management track.
    pub(crate) fn follows_trunk(&self) -> bool {
        matches!(
            self.kind,
            TrackKind::IndividualContributor | TrackKind::Management
        )
    }
}
