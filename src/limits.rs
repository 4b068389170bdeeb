//! Limits that bound the time and memory any input can take.

/// Limits on the size and shape of a ladder file.
///
/// Exceeding one is a `limit` finding at the place it was exceeded. The
/// defaults are generous for any real ladder and small enough that a hostile
/// file is rejected quickly.
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
    /// Largest file accepted, in bytes. Default: 4 MiB.
    pub max_file_bytes: usize,
    /// Deepest nesting of lists and mappings. Default: 32.
    pub max_depth: usize,
    /// Longest scalar outside `description` fields, in bytes. Default: 4 KiB.
    pub max_scalar_bytes: usize,
    /// Longest `description`, in bytes. Default: 64 KiB.
    pub max_description_bytes: usize,
    /// Most levels in one track. Default: 1000.
    pub max_levels_per_track: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 4 * 1024 * 1024,
            max_depth: 32,
            max_scalar_bytes: 4 * 1024,
            max_description_bytes: 64 * 1024,
            max_levels_per_track: 1000,
        }
    }
}
