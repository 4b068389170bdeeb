//! The file format declared once: each mapping's keys are the fields of its
//! wire type (and each choice's names sit beside its enum's variants, in the
//! model: `wire_enum!`). The schema is generated from those declarations and
//! the decoder reads the same ones, so a key or a name cannot be known to one
//! and not to the other.

/// A mapping of the file format, declared with [`wire_struct!`].
pub(crate) trait Wire {
    /// The keys the mapping may hold, in declaration order: the fields of
    /// the wire type, as the schema lists them in its `properties`.
    const KEYS: &'static [&'static str];
}

/// Declares a wire type: the struct exactly as written (its derives and doc
/// comments make the schema), and its [`Wire`] keys, one per field.
///
/// A field's name is its key: renaming a field with `#[serde(rename)]` would
/// make the schema and the decoder disagree (the tests would say so).
macro_rules! wire_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident: $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $(
                $(#[$field_meta])*
                $field_vis $field: $ty,
            )*
        }

        impl $crate::spec::wire::Wire for $name {
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
        }
    };
}

pub(crate) use wire_struct;

#[cfg(all(test, feature = "schema"))]
mod tests {
    use serde_json::Value;

    use super::Wire;
    use crate::choice::{CompetencyKind, ParityMode, PayPeriod, TrackKind};
    use crate::spec::{
        BandSpec, CompetencySpec, EquitySpec, ExpectationSpec, LadderSpec, LevelSpec, OverlapSpec,
        ParitySpec, PercentRangeSpec, PolicySpec, RatingsSpec, RelativeSpec, ScaleSpec, StepSpec,
        TrackSpec, VariableSpec, ZoneSpec,
    };

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        keys.sort();
        keys
    }

    /// The names of an object schema's `properties` (serde_json sorts them).
    fn properties(object: &Value) -> Vec<String> {
        let properties = object["properties"].as_object().expect("properties");
        properties.keys().cloned().collect()
    }

    /// Every object of the schemas that lists its `properties` has exactly the
    /// keys the decoder accepts for it.
    #[test]
    fn the_decoder_knows_the_schemas_properties() {
        let schema: Value = serde_json::from_str(&crate::schema()).expect("JSON");
        let definitions = schema["definitions"].as_object().expect("definitions");
        let keys: &[(&str, &[&str])] = &[
            ("Band", BandSpec::KEYS),
            ("Competency", CompetencySpec::KEYS),
            ("Equity", EquitySpec::KEYS),
            ("Level", LevelSpec::KEYS),
            ("Overlap", OverlapSpec::KEYS),
            ("Parity", ParitySpec::KEYS),
            ("PercentRange", PercentRangeSpec::KEYS),
            ("Policy", PolicySpec::KEYS),
            ("ProficiencyScale", ScaleSpec::KEYS),
            ("ProficiencyStep", StepSpec::KEYS),
            ("RelativePay", RelativeSpec::KEYS),
            ("Track", TrackSpec::KEYS),
            ("Variable", VariableSpec::KEYS),
            ("Zone", ZoneSpec::KEYS),
        ];
        let with_properties: Vec<&String> = definitions
            .iter()
            .filter(|(_, d)| d.get("properties").is_some())
            .map(|(name, _)| name)
            .collect();
        assert_eq!(
            with_properties,
            keys.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
            "a definition with properties and no wire type here"
        );
        for (name, keys) in keys {
            assert_eq!(properties(&definitions[*name]), sorted(keys), "{name}");
        }
        assert_eq!(properties(&schema), sorted(LadderSpec::KEYS), "the ladder");
        let detailed =
            &definitions["Level"]["properties"]["expectations"]["additionalProperties"]["oneOf"][1];
        assert_eq!(
            properties(detailed),
            sorted(ExpectationSpec::KEYS),
            "an expectation"
        );

        let ratings: Value = serde_json::from_str(&crate::ratings_schema()).expect("JSON");
        assert!(ratings.get("definitions").is_none());
        assert_eq!(properties(&ratings), sorted(RatingsSpec::KEYS), "ratings");
    }

    /// Each enum's names are the schema's values, in order, and serde's.
    #[test]
    fn the_enums_names_are_the_schemas_values() {
        fn check<T: serde::Serialize + Copy>(
            definition: &str,
            all: &[(&str, T)],
            as_str: fn(T) -> &'static str,
        ) {
            let schema: Value = serde_json::from_str(&crate::schema()).expect("JSON");
            let values: Vec<&str> = schema["definitions"][definition]["oneOf"]
                .as_array()
                .expect(definition)
                .iter()
                .map(|v| v["const"].as_str().expect("a const"))
                .collect();
            let names: Vec<&str> = all.iter().map(|(name, _)| *name).collect();
            assert_eq!(values, names, "{definition}");
            for (name, value) in all {
                assert_eq!(as_str(*value), *name);
                assert_eq!(serde_json::to_value(value).ok(), Some(Value::from(*name)));
            }
        }
        check("PayPeriod", PayPeriod::ALL, PayPeriod::as_str);
        check("TrackKind", TrackKind::ALL, TrackKind::as_str);
        check(
            "CompetencyKind",
            CompetencyKind::ALL,
            CompetencyKind::as_str,
        );
        check("ParityMode", ParityMode::ALL, ParityMode::as_str);
    }
}
