declare_rule! {
    /// ### What it does
    /// Reports a key the ladder format does not have, with the closest known
    /// key when it looks like a typo.
    ///
    /// ### Why is this bad?
    /// A misspelt key would otherwise be ignored, and what it holds silently
    /// lost: `expectatons` would leave a level with no expectations at all.
    ///
    /// ### Example
    /// ```yaml
    /// - id: ic3
    ///   title: Senior Software Engineer
    ///   expectatons:
    ///     technical-depth: 3
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic3
    ///   title: Senior Software Engineer
    ///   expectations:
    ///     technical-depth: 3
    /// ```
    UNKNOWN_KEY, "unknown-key", Error, Invariant, "a key that the ladder format does not have"
}
