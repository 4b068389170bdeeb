use serde::Serialize;

use super::names::wire_enum;
use crate::CompetencyId;

wire_enum! {
    /// What a competency is about, which decides the tracks it applies to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", schemars(title = "Competency kind"))]
    #[non_exhaustive]
    pub enum CompetencyKind {
        /// The practice itself (technical depth, design); applies to every track.
        Craft => "craft",
        /// Leading without authority (influence, mentoring); applies to every track.
        Leadership => "leadership",
        /// Managing people (reports, hiring, reviews); applies to management only.
        People => "people",
    }
}

/// A competency that levels set expectations on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Competency {
    pub(crate) id: CompetencyId,
    pub(crate) name: String,
    pub(crate) kind: CompetencyKind,
    #[serde(skip_serializing_if = "Option::is_none")]
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

    /// What it means, when the ladder says.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}
