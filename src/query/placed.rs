//! How answers show a level: briefly, with its track, not its whole definition.

use serde::Serialize;

use crate::{Grade, Ladder, Level, Track};

/// A level with its track, serialized as `{ id, title, track, grade }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed<'a> {
    pub(crate) track: &'a Track,
    pub(crate) level: &'a Level,
}

#[derive(Serialize)]
struct Brief<'a> {
    id: &'a str,
    title: &'a str,
    track: &'a str,
    grade: Grade,
}

impl Serialize for Placed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Brief {
            id: self.level.id.as_str(),
            title: &self.level.title,
            track: self.track.id.as_str(),
            grade: self.level.grade,
        }
        .serialize(serializer)
    }
}

impl Ladder {
    /// The level with this id and its track.
    pub(crate) fn placed(&self, id: &str) -> Option<Placed<'_>> {
        let (track, level) = *self.level_index.get(id)?;
        let track = self.tracks.get(track)?;
        Some(Placed {
            track,
            level: track.levels.get(level)?,
        })
    }
}
