//! Pay as written: bands (a range with steps, a spot rate, a percentage of
//! another level), variable pay, equity, and location zones.

use super::*;

impl Decoder<'_> {
    /// Target variable pay: `{ target: 15% }` or `{ amount: 20000 }`.
    pub(super) fn variable(&mut self, node: &Node, pointer: &Path<'_>) -> Option<VariableSpec> {
        let f = self.fields::<VariableSpec>(node, pointer, "variable pay")?;
        let target = self.optional(&f, "target", Self::percent);
        let amount = self.optional(&f, "amount", Self::amount);
        match (f.get("target"), f.get("amount")) {
            (Some(_), Some((_, at))) => {
                self.push(
                    Finding::new(
                        &reading::TYPE,
                        at.pointer(),
                        "variable pay gives both `target` and `amount`",
                    )
                    .at_key()
                    .with_help(
                        "give either `target`, a percentage of base pay, or `amount`, a fixed amount",
                    ),
                );
                None
            }
            // `{ bonus: 20000 }` is an `unknown-key` finding already.
            (None, None) if !f.entries.is_empty() => None,
            (None, None) => {
                self.push(
                    Finding::new(
                        &reading::TYPE,
                        pointer.pointer(),
                        "expected variable pay, `target` or `amount`, found neither",
                    )
                    .with_help("write `{ target: 15% }` (of base pay) or `{ amount: 20000 }`"),
                );
                None
            }
            _ if target.is_none() && amount.is_none() => None,
            _ => Some(VariableSpec { target, amount }),
        }
    }

    /// An equity grant band: `{ min, mid, max }`.
    pub(super) fn equity(&mut self, node: &Node, pointer: &Path<'_>) -> Option<EquitySpec> {
        let f = self.fields::<EquitySpec>(node, pointer, "an equity band")?;
        let min = self.required(&f, "min", Self::amount);
        let mid = self.required(&f, "mid", Self::amount);
        let max = self.required(&f, "max", Self::amount);
        Some(EquitySpec {
            min: min?,
            mid: mid?,
            max: max?,
        })
    }

    /// A level's pay: a mapping with `percent` or `of` is relative, any
    /// other mapping a range, anything else a spot rate.
    pub(super) fn pay(&mut self, node: &Node, pointer: &Path<'_>) -> Option<PaySpec> {
        match &node.value {
            Value::Mapping(entries)
                if entries.iter().any(|e| e.key == "percent" || e.key == "of") =>
            {
                self.relative(node, pointer).map(PaySpec::Relative)
            }
            Value::Mapping(_) => self.band(node, pointer).map(PaySpec::Range),
            Value::Scalar { text, style }
                if !(*style == Style::Plain && plain_kind(text) == PlainKind::Null) =>
            {
                self.amount(node, pointer).map(PaySpec::Spot)
            }
            other => {
                let help = match other {
                    Value::Scalar { .. } => "leave `band` out for a level that publishes no pay",
                    _ => "",
                };
                self.type_error(
                    node,
                    pointer,
                    "a band (`{ min, mid, max }`, a spot rate such as `41.00`, or `{ percent, of }`)",
                    help,
                );
                None
            }
        }
    }

    pub(super) fn band(&mut self, node: &Node, pointer: &Path<'_>) -> Option<BandSpec> {
        let f = self.fields::<BandSpec>(node, pointer, "a band")?;
        let min = self.required(&f, "min", Self::amount);
        let mid = self.required(&f, "mid", Self::amount);
        let max = self.required(&f, "max", Self::amount);
        let steps = match f.get("steps") {
            Some((node, pointer)) => self.steps(node, &pointer),
            None => Some(Vec::new()),
        };
        Some(BandSpec {
            min: min?,
            mid: mid?,
            max: max?,
            steps: steps?,
        })
    }

    /// A band's steps: every amount is read, for every finding, but one bad
    /// amount makes the band (so its level) unreadable, not a placeholder
    /// step that the rules would judge.
    pub(super) fn steps(&mut self, node: &Node, pointer: &Path<'_>) -> Option<Vec<Decimal>> {
        let Value::Sequence(items) = &node.value else {
            self.type_error(node, pointer, "a list of steps", "");
            return None;
        };
        let mut out = Some(Vec::with_capacity(items.len()));
        for (i, item) in items.iter().enumerate() {
            if self.findings.is_full() {
                return None;
            }
            let step = self.amount(item, &pointer.index(i));
            out = out.zip(step).map(|(mut steps, step)| {
                steps.push(step);
                steps
            });
        }
        out
    }

    pub(super) fn relative(&mut self, node: &Node, pointer: &Path<'_>) -> Option<RelativeSpec> {
        let f = self.fields::<RelativeSpec>(node, pointer, "a relative band")?;
        let percent = self.required(&f, "percent", Self::percent);
        let of = self.required(&f, "of", Self::short_text);
        Some(RelativeSpec {
            percent: percent?,
            of: of?,
        })
    }

    pub(super) fn zone(&mut self, node: &Node, pointer: &Path<'_>) -> Option<ZoneSpec> {
        let f = self.fields::<ZoneSpec>(node, pointer, "a zone")?;
        let id = self.required(&f, "id", Self::short_text);
        let name = self.required(&f, "name", Self::short_text);
        let factor = self.required(&f, "factor", |d, n, p| {
            d.decimal(n, p, &reading::TYPE, "factor", "`0.8`")
        });
        let currency = self.optional(&f, "currency", Self::short_text);
        let rate = self.optional(&f, "rate", |d, n, p| {
            d.decimal(n, p, &reading::TYPE, "rate", "`0.79`")
        });
        let uplift = self.optional(&f, "uplift", Self::percent);
        let min_uplift = self.optional(&f, "min_uplift", Self::amount);
        let max_uplift = self.optional(&f, "max_uplift", Self::amount);
        let cap = self.optional(&f, "cap", Self::amount);
        let rounding = self.optional(&f, "rounding", |d, n, p| {
            d.decimal(n, p, &reading::TYPE, "rounding unit", "`1` or `100`")
        });
        let exempt = match f.get("exempt") {
            Some((node, pointer)) => self
                .texts(node, &pointer, "level or track ids", false)
                .map(Some),
            None => Some(None),
        };
        Some(ZoneSpec {
            id: id?,
            name: name?,
            factor: factor?,
            currency,
            rate,
            uplift,
            min_uplift,
            max_uplift,
            cap,
            rounding,
            exempt: exempt?,
        })
    }
}
