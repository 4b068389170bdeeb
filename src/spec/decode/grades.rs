//! Grades: whole numbers, or the labels of a declared grade scale.

use super::*;

impl Decoder<'_> {
    /// A level's grade (or `from_grade`): a label of the scale when the
    /// ladder declares one (`unknown-grade` checks that it names an entry),
    /// else a whole number.
    pub(super) fn grade(&mut self, node: &Node, pointer: &Path<'_>) -> Option<GradeSpec> {
        if self.scaled {
            return self.grade_label(node, pointer).map(GradeSpec::Label);
        }
        if let Value::Scalar { text, style } = &node.value {
            // `9.5`, `GS-13`, `"8A"`: a label, which needs a scale.
            let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            let label = match style {
                Style::Quoted => !digits,
                Style::Plain => match plain_kind(text) {
                    PlainKind::Str => true,
                    // `9.5`, not `.inf` or `1e3`.
                    PlainKind::Float => text.parse::<Decimal>().is_ok(),
                    _ => false,
                },
            };
            if label && text.len() <= self.limits.max_scalar_bytes {
                self.type_error(
                    node,
                    pointer,
                    "a grade (a whole number)",
                    &format!(
                        "to use grades such as `{}`, declare the grade scale: every grade, lowest first, in a top-level `grades:` list",
                        escape(text)
                    ),
                );
                return None;
            }
        }
        let value = self.integer(node, pointer, "a grade (a whole number)")?;
        let grade = u32::try_from(value).ok();
        if grade.is_none() {
            self.type_error(node, pointer, "a grade (a whole number from 0)", "");
        }
        grade.map(GradeSpec::Number)
    }

    /// An entry of the grade scale, or a grade naming one: a scalar, string
    /// or number, taken by its text.
    pub(super) fn grade_label(&mut self, node: &Node, pointer: &Path<'_>) -> Option<String> {
        let expected = "a grade label (text or a number)";
        let (text, style) = self.scalar(node, pointer, expected)?;
        if style == Style::Plain && matches!(plain_kind(text), PlainKind::Null | PlainKind::Bool) {
            let help = if plain_kind(text) == PlainKind::Null {
                "write the grade; an empty value or `null` names none"
            } else {
                "put the value in quotes to make it a label"
            };
            self.type_error(node, pointer, expected, help);
            return None;
        }
        if text.trim().is_empty() {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("expected {expected}, found a blank string"),
                )
                .with_help("write the grade's label"),
            );
            return None;
        }
        // Labels are names, shown as they are in messages and tables.
        let chars = text.chars().count();
        if chars > MAX_GRADE_LABEL {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!(
                        "a grade label of {chars} characters; a label has at most {MAX_GRADE_LABEL}"
                    ),
                )
                .with_help(
                    "write a short label, such as `GS-13` or `8A`; a level's title says more",
                ),
            );
            return None;
        }
        if text.chars().any(is_hidden) {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("grade label `{}` holds a hidden character", escape(text)),
                )
                .with_help("write the label in visible characters"),
            );
            return None;
        }
        Some(text.to_owned())
    }

    /// The grade scale: a list of at least one label.
    pub(super) fn grades(&mut self, node: &Node, pointer: &Path<'_>) -> Option<Vec<String>> {
        let max = self.limits.max_levels_per_track;
        let grades = self.list(node, pointer, "grade labels", Some(max), Self::grade_label)?;
        if grades.is_empty() {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    "expected a list of grade labels, lowest first, found an empty list",
                )
                .with_help(
                    "list the ladder's grades, or leave `grades` out to grade by whole numbers",
                ),
            );
            return None;
        }
        Some(grades)
    }
}
