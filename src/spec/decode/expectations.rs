//! Expectations and the proficiency scale they are written on.

use super::*;

impl Decoder<'_> {
    pub(super) fn expectations(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
    ) -> Option<Vec<(String, ExpectationSpec)>> {
        let Value::Mapping(entries) = &node.value else {
            let help = match &node.value {
                Value::Sequence(_) => {
                    "write them in braces, `{ technical-depth: 3, delivery: 4 }`, or one `competency: N` per line below `expectations:`"
                }
                _ => "",
            };
            self.type_error(
                node,
                pointer,
                "expectations (a mapping of competency ids to proficiencies)",
                help,
            );
            return None;
        };
        let mut out = Vec::with_capacity(entries.len());
        for entry in entries {
            if self.findings.is_full() {
                return None;
            }
            let pointer = pointer.key(&entry.key);
            let expectation = match &entry.value.value {
                Value::Mapping(_) => {
                    let f =
                        self.fields::<ExpectationSpec>(&entry.value, &pointer, "an expectation");
                    f.and_then(|f| {
                        let proficiency = self.required(&f, "proficiency", Self::proficiency);
                        let description = self.optional(&f, "description", Self::long_text);
                        Some(ExpectationSpec {
                            proficiency: proficiency?,
                            description,
                            detailed: true,
                        })
                    })
                }
                _ => self
                    .proficiency(&entry.value, &pointer)
                    .map(|proficiency| ExpectationSpec {
                        proficiency,
                        description: None,
                        detailed: false,
                    }),
            };
            if let Some(expectation) = expectation {
                out.push((entry.key.clone().into_owned(), expectation));
            }
        }
        Some(out)
    }

    /// A proficiency: a whole number, or a step name when the scale has names.
    pub(super) fn proficiency(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
    ) -> Option<ProficiencySpec> {
        if self.scale.named
            && let Value::Scalar { text, style } = &node.value
            && (*style == Style::Quoted || plain_kind(text) == PlainKind::Str)
            && !text.trim().is_empty()
        {
            let (text, _) = self.scalar(node, pointer, "a proficiency")?;
            return Some(ProficiencySpec::Name(text.to_owned()));
        }
        let expected = if self.scale.named {
            format!(
                "a proficiency (a whole number from {}, or a step name)",
                self.scale.range
            )
        } else {
            format!("a proficiency (a whole number from {})", self.scale.range)
        };
        self.integer(node, pointer, &expected)
            .map(ProficiencySpec::Number)
    }

    /// A list of texts, each of at most [`Limits::max_scalar_bytes`]: the
    /// track ids of a competency's scope, a level's entry criteria. An empty
    /// list is a finding unless `empty` allows it.
    pub(super) fn texts(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
        what: &str,
        empty: bool,
    ) -> Option<Vec<String>> {
        let Value::Sequence(items) = &node.value else {
            self.type_error(node, pointer, &format!("a list of {what}"), "");
            return None;
        };
        if items.is_empty() && !empty {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("expected a list of {what}, found an empty list"),
                )
                .with_help("name at least one, or leave the key out for the default"),
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut sound = true;
        for (i, item) in items.iter().enumerate() {
            match self.short_text(item, &pointer.index(i)) {
                Some(text) => out.push(text),
                None => sound = false,
            }
        }
        sound.then_some(out)
    }

    pub(super) fn scale(&mut self, node: &Node, pointer: &Path<'_>) -> Option<ScaleSpec> {
        let f = self.fields::<ScaleSpec>(node, pointer, "the proficiency scale")?;
        let start = self.optional(&f, "start", |d, n, p| {
            let value = d.integer(n, p, "the number of the first step (a whole number)")?;
            let start = u32::try_from(value).ok();
            if start.is_none() {
                d.type_error(
                    n,
                    p,
                    "the number of the first step (a whole number from 0)",
                    "",
                );
            }
            start
        });
        let steps = self.required(&f, "steps", |d, n, p| match &n.value {
            Value::Sequence(items) => {
                let mut steps = Vec::with_capacity(items.len());
                let mut sound = true;
                for (i, item) in items.iter().enumerate() {
                    let at = p.index(i);
                    let step = match &item.value {
                        Value::Mapping(_) => d
                            .fields::<StepSpec>(item, &at, "a proficiency step")
                            .and_then(|f| {
                                let name = d.required(&f, "name", Self::short_text);
                                let description =
                                    f.get("description").and_then(|(n, p)| d.long_text(n, &p));
                                Some((
                                    StepSpec {
                                        name: name?,
                                        description,
                                    },
                                    true,
                                ))
                            }),
                        _ => d.short_text(item, &at).map(|name| {
                            (
                                StepSpec {
                                    name,
                                    description: None,
                                },
                                false,
                            )
                        }),
                    };
                    match step {
                        Some(step) => steps.push(step),
                        None => sound = false,
                    }
                }
                sound.then_some(StepsSpec::Named(steps))
            }
            _ => d
                .integer(
                    n,
                    p,
                    "the steps of the scale (how many, or a list of their names)",
                )
                .map(StepsSpec::Count),
        });
        Some(ScaleSpec {
            start,
            steps: steps?,
        })
    }
}
