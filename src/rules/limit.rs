declare_rule! {
    /// ### What it does
    /// Reports input beyond the loader's limits: a file over 4 MiB, nesting
    /// deeper than 32 levels, a value over 4 KiB (64 KiB for a
    /// `description`), more than 1000 levels in a track. Services can change
    /// the limits through `dualtrack::Limits`.
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
