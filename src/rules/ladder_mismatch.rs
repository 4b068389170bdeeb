declare_rule! {
    /// ### What it does
    /// Checks that a ratings file (the input of `dualtrack assess`) names the
    /// ladder it is assessed against in its `ladder` key.
    ///
    /// ### Why is this bad?
    /// Competencies and their proficiency scales belong to one ladder: a
    /// design ladder's `influence` is not engineering's. Ratings read against
    /// the wrong ladder give a confident and wrong readiness.
    ///
    /// ### Example
    /// ```yaml
    /// # assessed against ladders/engineering.yaml
    /// schema_version: 1
    /// ladder: design
    /// ratings: { influence: 4 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// schema_version: 1
    /// ladder: engineering
    /// ratings: { influence: 4 }
    /// ```
    LADDER_MISMATCH, "ladder-mismatch", Error, Invariant, "a ratings file is for another ladder"
}
