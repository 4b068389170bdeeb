//! How answers show a level: briefly, with its track, not its whole definition.

use crate::{Ladder, Level, Track};

/// A level with its track, serialized as `{ id, title, track, grade }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed<'a> {
    pub(crate) track: &'a Track,
    pub(crate) level: &'a Level,
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

    /// The level a person named, and its track, or why there is none (with
    /// the closest ids): [`placed_as_written`](Self::placed_as_written) with
    /// its error.
    pub(crate) fn lookup_placed(&self, name: &str) -> Result<Placed<'_>, crate::NotFound> {
        self.placed_as_written(name)
            .ok_or_else(|| self.level_not_found(name))
    }

    /// The level a person named, and its track: by its id, its id in any
    /// case (`DS4`), or its title in any case (`staff data scientist`) when
    /// one level alone has it.
    pub(crate) fn placed_as_written(&self, name: &str) -> Option<Placed<'_>> {
        if let Some(placed) = self.placed(name) {
            return Some(placed);
        }
        let name = name.trim();
        if let Some(placed) = self.placed(&name.to_ascii_lowercase()) {
            return Some(placed);
        }
        let wanted = name.to_lowercase();
        let mut titled = self.tracks.iter().flat_map(|track| {
            track
                .levels
                .iter()
                .filter(|level| level.title.trim().to_lowercase() == wanted)
                .map(move |level| Placed { track, level })
        });
        let first = titled.next()?;
        titled.next().is_none().then_some(first)
    }
}
