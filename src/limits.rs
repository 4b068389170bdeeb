//! Limits that bound the time and memory any input can take.

/// Limits on the size and shape of a ladder file.
///
/// Exceeding one is a `limit` finding at the place it was exceeded, reported
/// as soon as it is reached: the loader never reads, parses or checks more
/// than the limits allow, so any input is answered in bounded time and
/// memory (under 64 MiB with the defaults). The defaults are generous for any
/// real ladder (the reference ladders are under 20 KiB, 2,000 values and 5
/// findings) and small enough that a hostile file is rejected quickly.
///
/// ```
/// let mut limits = dualtrack::Limits::default();
/// assert_eq!(limits.max_file_bytes, 4 * 1024 * 1024);
/// limits.max_levels_per_track = 50;
/// let loader = dualtrack::Loader::new().limits(limits);
/// # let _ = loader;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest file accepted, in bytes; a reader or file is not read past
    /// it. Default: 4 MiB.
    pub max_file_bytes: usize,
    /// Deepest nesting of lists and mappings. Default: 32.
    ///
    /// A value above 1000 is taken as 1000: parsing uses no recursion at any
    /// depth, but dropping a parsed tree recurses once per level, and 1000
    /// levels take under 256 KiB of stack in a debug build (less in release;
    /// a thread's stack is commonly 2 MiB). Deeper input is a `limit` finding
    /// at 1000, whatever this says.
    pub max_depth: usize,
    /// Longest scalar outside `description` fields, in bytes. Default: 4 KiB.
    pub max_scalar_bytes: usize,
    /// Longest mapping key, in bytes. Default: 256.
    ///
    /// Keys are names (`band`, a competency id of at most 64 characters),
    /// and every finding beneath a key carries it in its JSON Pointer, so
    /// this bounds the size of a report.
    pub max_key_bytes: usize,
    /// Longest `description` (and `summary`), in bytes. Default: 64 KiB.
    pub max_description_bytes: usize,
    /// Most levels in one track, and most grades in the grade scale
    /// (`grades`). Default: 1000.
    pub max_levels_per_track: usize,
    /// Most tracks in one ladder. Default: 64.
    ///
    /// Parity compares every IC track with every management track, so the
    /// number of tracks bounds that work.
    pub max_tracks: usize,
    /// Most zones in one ladder. Default: 256.
    ///
    /// Every zone repeats the parity check on its converted bands.
    pub max_zones: usize,
    /// Most values (scalars, lists and mappings, keys included) in one file.
    /// Default: 250,000.
    ///
    /// This bounds the memory of the parsed document whatever its shape: a
    /// 4 MiB file of `[1,1,1,...]` holds two million values.
    pub max_nodes: usize,
    /// Most findings reported for one file. Default: 1000.
    ///
    /// The first finding past it is replaced by a `limit` finding at its
    /// place, and the rest of the file is not checked. The count is taken
    /// before severity overrides.
    pub max_findings: usize,
}

/// The most [`Limits::max_depth`] can be: dropping a parsed tree recurses
/// once per level.
const DEPTH_CAP: usize = 1000;

impl Limits {
    /// The nesting depth enforced: [`Limits::max_depth`], at most [`DEPTH_CAP`].
    pub(crate) fn depth(&self) -> usize {
        self.max_depth.min(DEPTH_CAP)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 4 * 1024 * 1024,
            max_depth: 32,
            max_scalar_bytes: 4 * 1024,
            max_key_bytes: 256,
            max_description_bytes: 64 * 1024,
            max_levels_per_track: 1000,
            max_tracks: 64,
            max_zones: 256,
            max_nodes: 250_000,
            max_findings: 1000,
        }
    }
}
