declare_rule! {
    /// ### What it does
    /// Reports YAML features that ladder files do not use: anchors (`&a`),
    /// aliases (`*a`), merge keys (`<<`), explicit tags (`!!str`, `!custom`)
    /// and a second document (`---`).
    ///
    /// ### Why is this bad?
    /// They hide what a value is from the reader: an alias makes one edit
    /// change many levels, a tag changes a value's type, a second document is
    /// ignored by most tools. Aliases can also expand a small file into
    /// billions of nodes.
    ///
    /// ### Example
    /// ```yaml
    /// - id: ic4
    ///   band: &staff { min: 175000, mid: 205000, max: 235000 }
    /// - id: em1
    ///   band: *staff
    /// ```
    /// Use instead:
    /// ```yaml
    /// - id: ic4
    ///   band: { min: 175000, mid: 205000, max: 235000 }
    /// - id: em1
    ///   band: { min: 175000, mid: 205000, max: 235000 }
    /// ```
    UNSUPPORTED_YAML, "unsupported-yaml", Error, Invariant, "anchors, aliases, merge keys, tags or several documents"
}
