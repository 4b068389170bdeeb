declare_rule! {
    /// ### What it does
    /// Reports input beyond the loader's limits: a file over 4 MiB, nesting
    /// deeper than 32 levels, a value over 4 KiB (64 KiB for a
    /// `description` or `summary`), a key over 256 bytes, more than 1000
    /// levels in a track, 64 tracks, 256 zones or 250,000 values in the file,
    /// and more than 1000 findings (the rest of the file is then not
    /// checked). Services can change the limits through `dualtrack::Limits`.
    ///
    /// ### Why is this bad?
    /// No real ladder comes near these sizes; a file that does is a mistake or
    /// an attack, and is refused before it can cost time or memory.
    ///
    /// ### Example
    /// ```yaml
    /// summary: "...five thousand characters..."
    /// ```
    /// Use instead:
    /// ```yaml
    /// summary: Leads the design of systems that span several teams.
    /// ```
    LIMIT, "limit", Error, Invariant, "the input exceeds a size or depth limit"
}
