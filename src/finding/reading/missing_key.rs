declare_rule! {
    /// ### What it does
    /// Reports a required key that is absent: a level without `band`, a track
    /// without `levels`, a ladder without `currency`.
    ///
    /// ### Why is this bad?
    /// The ladder cannot be understood without it, and there is no safe
    /// default: a level with no band has no pay.
    ///
    /// ### Example
    /// ```yaml
    /// - id: ic1
    ///   title: Software Engineer I
    ///   grade: 1
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic1
    ///   title: Software Engineer I
    ///   grade: 1
    ///   band: { min: 100000, mid: 115000, max: 130000 }
    /// ```
    MISSING_KEY, "missing-key", Error, Invariant, "a required key is absent"
}
