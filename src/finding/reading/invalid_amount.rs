declare_rule! {
    /// ### What it does
    /// Checks that every amount is a plain, non-negative decimal number:
    /// `130000`, `"130000.00"`, `35.50`. Negative numbers, exponents (`1e5`),
    /// hexadecimal or octal (`0x1F`), digit separators (`12_000`,
    /// `120.000,00`), `.nan`, `.inf`, leading zeros and text such as `"$120k"`
    /// are refused, and so is an amount too large to hold in minor units.
    ///
    /// ### Why is this bad?
    /// Money is exact. Every other spelling is either ambiguous (is
    /// `120.000,00` 120 or 120000?) or would pass through a floating-point
    /// number and come out slightly different.
    ///
    /// ### Example
    /// ```yaml
    /// band: { min: 1e5, mid: "$115k", max: 130_000 }
    /// ```
    /// Use instead:
    /// ```yaml
    /// band: { min: 100000, mid: 115000, max: 130000 }
    /// ```
    INVALID_AMOUNT, "invalid-amount", Error, Invariant, "an amount is not a plain non-negative decimal number"
}
