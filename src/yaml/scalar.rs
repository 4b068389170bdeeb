//! What a scalar is: YAML 1.2 core-schema resolution of plain scalars, and
//! the wording that names a node's type in type errors.

use super::{Node, Style, Value};
use crate::text::shorten;

impl Node<'_> {
    /// A short description of what this node is, for type errors.
    pub(crate) fn describe(&self) -> String {
        match &self.value {
            Value::Sequence(_) => "a list".to_owned(),
            Value::Mapping(_) => "a mapping".to_owned(),
            Value::Scalar { text, style } => match (style, plain_kind(text)) {
                (Style::Quoted, _) => format!("the string `{}`", shorten(text)),
                (Style::Plain, PlainKind::Null) => "null".to_owned(),
                (Style::Plain, PlainKind::Bool) => format!("the boolean `{text}`"),
                (Style::Plain, PlainKind::Int) => format!("the integer `{}`", shorten(text)),
                (Style::Plain, PlainKind::Float) => format!("the number `{}`", shorten(text)),
                (Style::Plain, PlainKind::Str) => format!("the string `{}`", shorten(text)),
            },
        }
    }
}

/// What a plain scalar resolves to under the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlainKind {
    Null,
    Bool,
    Int,
    Float,
    Str,
}

/// Resolves a plain scalar under the YAML 1.2 core schema (`yes` and `on` are strings).
pub(crate) fn plain_kind(text: &str) -> PlainKind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return PlainKind::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return PlainKind::Bool,
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => return PlainKind::Float,
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if is_digits(unsigned) {
        return PlainKind::Int;
    }
    let radix = |prefix: &str, digit: fn(&u8) -> bool| {
        text.strip_prefix(prefix)
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| digit(&b)))
    };
    if radix("0o", |b| (b'0'..=b'7').contains(b)) || radix("0x", u8::is_ascii_hexdigit) {
        return PlainKind::Int;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (int.is_empty() || is_digits(int))
                && (frac.is_empty() || is_digits(frac))
                && !(int.is_empty() && frac.is_empty())
        }
        None => is_digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| is_digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    if mantissa_ok && exponent_ok {
        PlainKind::Float
    } else {
        PlainKind::Str
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_plain_scalars_as_yaml_1_2() {
        assert_eq!(plain_kind("yes"), PlainKind::Str);
        assert_eq!(plain_kind("~"), PlainKind::Null);
        assert_eq!(plain_kind("0x1F"), PlainKind::Int);
        assert_eq!(plain_kind("1e5"), PlainKind::Float);
        assert_eq!(plain_kind("12_000"), PlainKind::Str);
        assert_eq!(plain_kind("."), PlainKind::Str);
    }
}
