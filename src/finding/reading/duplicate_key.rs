declare_rule! {
    /// ### What it does
    /// Reports a key written twice in the same mapping, at the second one,
    /// naming the first.
    ///
    /// ### Why is this bad?
    /// YAML tools disagree on which value wins; most keep the last one without
    /// a word. Whichever it is, one of the two values is lost.
    ///
    /// ### Example
    /// ```yaml
    /// band: { min: 100000, mid: 115000, max: 130000, max: 140000 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// band: { min: 100000, mid: 115000, max: 130000 }
    /// ```
    DUPLICATE_KEY, "duplicate-key", Error, Invariant, "a key appears twice in the same mapping"
}
