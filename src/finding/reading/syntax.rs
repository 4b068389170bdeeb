declare_rule! {
    /// ### What it does
    /// Reports text that is not well-formed YAML: a bad indentation, an
    /// unclosed quote or bracket, a tab used for indentation, a `key: value`
    /// where a list item was expected. It also reports files that are not
    /// UTF-8 text.
    ///
    /// Indentation is read as the YAML specification has it: a quoted value
    /// or a `{ }`/`[ ]` continued on a line no more indented than its key is
    /// an error, even where other YAML tools let it through.
    ///
    /// ### Why is this bad?
    /// Nothing after the error can be read reliably, so the rest of the file
    /// is not checked until the syntax is fixed.
    ///
    /// ### Example
    /// ```yaml
    /// tracks:
    ///   - id: ic
    ///     name: "Individual contributor
    /// ```
    /// Use instead:
    /// ```yaml
    /// tracks:
    ///   - id: ic
    ///     name: "Individual contributor"
    /// ```
    SYNTAX, "syntax", Error, Invariant, "the file is not well-formed YAML"
}
