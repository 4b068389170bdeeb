declare_rule! {
    /// ### What it does
    /// Reports a value of the wrong kind: a list where a mapping belongs, a
    /// number where a name belongs, `null`, an empty value or blank text
    /// (`""`, `"  "`) where text is required, a grade written as `"4"` or
    /// `4.5`, a `kind`, `pay_period` or parity `mode` outside its choices, a
    /// percentage or factor that is not a plain number, a `schema_version`
    /// other than `1`.
    ///
    /// YAML 1.2 rules apply: `yes`, `no` and `on` are text, not booleans.
    ///
    /// ### Why is this bad?
    /// The value cannot mean what the key says, and guessing (turning `null`
    /// into the text "null", `4.5` into 4) would silently change the ladder.
    ///
    /// ### Example
    /// ```yaml
    /// pay_period: yearly
    /// tracks:
    ///   - id: ic
    ///     name: ~
    /// ```
    /// Use instead:
    /// ```yaml
    /// pay_period: annual
    /// tracks:
    ///   - id: ic
    ///     name: Individual contributor
    /// ```
    TYPE, "type", Error, Invariant, "a value has the wrong type or is not one of the allowed choices"
}
