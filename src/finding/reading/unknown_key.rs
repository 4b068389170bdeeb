declare_rule! {
    /// ### What it does
    /// Reports a key the ladder format does not have, with the closest known
    /// key when it looks like a typo. An empty key (`: value`) is one too.
    ///
    /// Inside `{ }`, a `,` ends an unquoted value and what follows it reads as
    /// a key: `{ name: People (hiring, reviews) }` has a key `reviews)`. The
    /// help then says to put the value in quotes.
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
