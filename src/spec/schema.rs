//! The JSON Schema of the ladder file, generated from the wire types.
//!
//! schemars writes the structure from the types and their doc comments; the
//! functions here write the parts serde types cannot say (ids, exact amounts,
//! percentages, currency codes, the two forms of an expectation), and
//! [`schema`] finishes the document for editors: draft-07, an `$id`,
//! `markdownDescription` beside every `description`, and nothing that Ajv's
//! strict mode refuses.

use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use super::LadderSpec;
use super::RatingsSpec;

/// The `$id`s of the schemas: names, not download addresses (editors find a
/// schema through the modeline or their settings).
const LADDER_SCHEMA_ID: &str = "urn:dualtrack:schema:ladder:1";
const RATINGS_SCHEMA_ID: &str = "urn:dualtrack:schema:ratings:1";

/// A plain non-negative decimal number written as text.
const DECIMAL_PATTERN: &str = "^(0|[1-9][0-9]*)(\\.[0-9]+)?$";

/// A percentage written as text: `12%`, `12.5%` or `0.125`.
const PERCENT_PATTERN: &str = "^(0|[1-9][0-9]*)(\\.[0-9]+)?%?$";

/// The JSON Schema (draft-07) of a ladder file, as pretty-printed JSON with a
/// final newline: the bytes of `schemas/ladder.schema.json`, which
/// `dualtrack schema` prints.
///
/// Editors that speak yaml-language-server use it for completion, hovers and
/// structural errors while a ladder is typed. The loader checks everything the
/// schema does, and more (the rules a schema cannot express).
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(&dualtrack::schema())?;
/// assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
/// assert_eq!(schema["properties"]["pay_period"]["title"], "Pay period");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn schema() -> String {
    generate::<LadderSpec>(LADDER_SCHEMA_ID, ladder_without_scale)
}

/// The JSON Schema (draft-07) of a ratings file (the input of `dualtrack
/// assess`): the bytes of `schemas/ratings.schema.json`, which `dualtrack
/// schema ratings` prints.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(&dualtrack::ratings_schema())?;
/// assert_eq!(schema["required"], serde_json::json!(["schema_version", "ladder", "ratings"]));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn ratings_schema() -> String {
    generate::<RatingsSpec>(RATINGS_SCHEMA_ID, |_| {})
}

/// In a ladder without `grades`, a grade is a whole number from 0 (as in
/// every file before grade scales): a root condition narrows the `grade` of
/// every level and `policy.parity.from_grade`, which the definitions allow
/// to be labels. The root's own condition (a ladder that publishes pay needs
/// its currency) joins it under `allOf`, since a schema has one `if`.
fn ladder_without_scale(root: &mut Map<String, Value>) {
    let number = serde_json::json!({ "type": "integer", "minimum": 0 });
    let levels = serde_json::json!({ "items": { "properties": { "grade": number } } });
    let tracks = serde_json::json!({ "items": { "properties": { "levels": levels } } });
    let parity = serde_json::json!({ "properties": { "from_grade": number } });
    let policy = serde_json::json!({ "properties": { "parity": parity } });
    let mut conditions = Vec::new();
    if let (Some(condition), Some(then)) = (root.remove("if"), root.remove("then")) {
        conditions.push(serde_json::json!({ "if": condition, "then": then }));
    }
    conditions.push(serde_json::json!({
        "if": { "not": { "required": ["grades"] } },
        "then": { "properties": { "tracks": tracks, "policy": policy } },
    }));
    root.insert("allOf".to_owned(), Value::Array(conditions));
}

fn generate<T: schemars::JsonSchema>(id: &str, refine: fn(&mut Map<String, Value>)) -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Value::Object(root) = &mut value {
        root.insert("$id".to_owned(), Value::String(id.to_owned()));
        refine(root);
    }
    finish(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Makes the generated schema say what the loader accepts and help editors:
/// no `null` (the loader never accepts one), no integer `format`s (Ajv's
/// strict mode refuses `uint32`), and `markdownDescription` for VS Code.
fn finish(value: &mut Value) {
    match value {
        Value::Object(map) => {
            drop_null(map);
            if map
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| f.starts_with("int") || f.starts_with("uint"))
            {
                map.remove("format");
            }
            if let Some(Value::String(text)) = map.get("description") {
                let text = unwrap_lines(text);
                map.insert("description".to_owned(), Value::String(text.clone()));
                map.insert("markdownDescription".to_owned(), Value::String(text));
            }
            // Examples and defaults are data, not schemas: a `description`
            // in an example is a key of the ladder file.
            for (key, child) in map.iter_mut() {
                if !matches!(key.as_str(), "examples" | "default" | "const" | "enum") {
                    finish(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(finish),
        _ => {}
    }
}

/// Joins the lines of each paragraph of a doc comment, which were wrapped
/// for the source code, not for an editor's hover.
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Removes `null` from `type: [T, "null"]` and from `anyOf: [S, {type: null}]`.
fn drop_null(map: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            map.insert("type".to_owned(), only);
        }
    }
    if let Some(Value::Array(any_of)) = map.get_mut("anyOf") {
        any_of.retain(|s| s.get("type").and_then(Value::as_str) != Some("null"));
        if let [only] = any_of.as_slice() {
            let only = only.clone();
            map.remove("anyOf");
            match only {
                // Draft-07 ignores the siblings of a `$ref`: keep it wrapped.
                Value::Object(only) if only.contains_key("$ref") => {
                    map.insert("allOf".to_owned(), Value::Array(vec![Value::Object(only)]));
                }
                Value::Object(only) => {
                    for (key, value) in only {
                        map.entry(key).or_insert(value);
                    }
                }
                _ => {}
            }
        }
    }
    if map.get("default").is_some_and(Value::is_null) {
        map.remove("default");
    }
}

pub(crate) fn schema_version(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "integer", "const": 1 })
}

pub(crate) fn id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": crate::ID_PATTERN, "minLength": 1, "maxLength": crate::MAX_ID_LEN })
}

pub(super) fn currency(_: &mut SchemaGenerator) -> Schema {
    use iso_currency::IntoEnumIterator;
    let mut codes: Vec<&str> = iso_currency::Currency::iter()
        .filter(|c| crate::Currency::from_code(c.code()).is_some())
        .map(|c| c.code())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    json_schema!({ "type": "string", "enum": codes })
}

pub(super) fn optional_currency(generator: &mut SchemaGenerator) -> Schema {
    currency(generator)
}

/// A grade: a whole number, or (with `grades`) a label, which may be written
/// as a number (`9.5`). The root's `if`/`then` keeps it a whole number in a
/// ladder without `grades` ([`ladder_without_scale`]).
pub(super) fn grade(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [
            { "type": "integer", "minimum": 0 },
            { "type": "string", "minLength": 1 },
            { "type": "number" }
        ],
        "examples": [6, "GS-13"]
    })
}

pub(super) fn grades(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "items": {
            "anyOf": [
                { "type": "string", "minLength": 1 },
                { "type": "number" }
            ]
        },
        "minItems": 1,
        "uniqueItems": true,
        "examples": [["GS-12", "GS-13", "GS-14"], ["8A", "8B", "8C", "8D"], [9, 9.5, 10]]
    })
}

pub(super) fn optional_grade(generator: &mut SchemaGenerator) -> Schema {
    grade(generator)
}

pub(super) fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        "examples": ["2024-04-01"]
    })
}

pub(super) fn amount(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "oneOf": [
            { "type": "number", "minimum": 0 },
            { "type": "string", "pattern": DECIMAL_PATTERN }
        ],
        "examples": [130000, 35.5, "130000.00"]
    })
}

/// A level's pay: a range (`Band`), a spot rate (an amount) or a
/// percentage of another level's pay (`RelativePay`).
pub(super) fn pay(generator: &mut SchemaGenerator) -> Schema {
    let band = generator.subschema_for::<super::BandSpec>();
    let relative = generator.subschema_for::<super::RelativeSpec>();
    json_schema!({
        "oneOf": [
            band,
            { "type": "number", "minimum": 0, "title": "Spot rate", "description": "One rate for everyone at the level, such as `41.00` an hour: a plain decimal number." },
            { "type": "string", "pattern": DECIMAL_PATTERN, "title": "Spot rate", "description": "One rate for everyone at the level, such as `\"41.00\"`: a plain decimal number." },
            relative
        ],
        "examples": [{ "min": 100000, "mid": 115000, "max": 130000 }, 41.0, { "percent": "120%", "of": "journeyman" }]
    })
}

pub(super) fn steps(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "minItems": 1,
        "items": {
            "oneOf": [
                { "type": "number", "minimum": 0 },
                { "type": "string", "pattern": DECIMAL_PATTERN }
            ]
        },
        "examples": [[29970, 32324, 36483]]
    })
}

pub(super) fn percent(generator: &mut SchemaGenerator) -> Schema {
    optional_percent(generator)
}

pub(super) fn factor(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "oneOf": [
            { "type": "number", "exclusiveMinimum": 0 },
            { "type": "string", "pattern": DECIMAL_PATTERN }
        ]
    })
}

pub(super) fn optional_factor(generator: &mut SchemaGenerator) -> Schema {
    factor(generator)
}

pub(super) fn optional_percent(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "oneOf": [
            { "type": "number", "minimum": 0 },
            { "type": "string", "pattern": PERCENT_PATTERN }
        ],
        "examples": ["20%", 0.2]
    })
}

pub(super) fn track_ids(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "minItems": 1,
        "items": { "type": "string", "pattern": crate::ID_PATTERN, "minLength": 1, "maxLength": crate::MAX_ID_LEN },
        "examples": [["ic"]]
    })
}

pub(super) fn exempt_ids(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "minItems": 1,
        "items": { "type": "string", "pattern": crate::ID_PATTERN, "minLength": 1, "maxLength": crate::MAX_ID_LEN },
        "examples": [["executive"], ["chief-nurse"]]
    })
}

pub(super) fn scale_start(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "integer", "minimum": 0, "maximum": 9, "examples": [0, 1] })
}

pub(super) fn scale_steps(generator: &mut SchemaGenerator) -> Schema {
    let step = generator.subschema_for::<super::StepSpec>();
    json_schema!({
        "oneOf": [
            { "type": "integer", "minimum": 2, "maximum": 10 },
            {
                "type": "array",
                "minItems": 2,
                "maxItems": 10,
                "items": {
                    "oneOf": [
                        { "type": "string", "minLength": 1, "pattern": "[^0-9]" },
                        step
                    ]
                }
            }
        ],
        "examples": [5, ["Awareness", "Working", "Practitioner", "Advanced", "Expert"]]
    })
}

/// A proficiency as written: a number from 0 to 10, or a step name (the
/// loader checks it against the ladder's scale).
fn proficiency_value(title: &str, description: &str) -> Schema {
    json_schema!({
        "title": title,
        "description": description,
        "oneOf": [
            { "type": "integer", "minimum": 0, "maximum": 10 },
            { "type": "string", "minLength": 1 }
        ]
    })
}

pub(crate) fn ratings(_: &mut SchemaGenerator) -> Schema {
    let assessed = proficiency_value(
        "Assessed proficiency",
        "On the ladder's proficiency scale: by default 1 learning, 2 practising with guidance, 3 independent, 4 leads others in it, 5 sets the standard beyond the team. When the ladder names its steps, the step name may be given instead of the number.",
    );
    json_schema!({
        "type": "object",
        "propertyNames": { "type": "string", "pattern": crate::ID_PATTERN, "maxLength": crate::MAX_ID_LEN },
        "additionalProperties": assessed,
        "examples": [{ "technical-depth": 4, "people-development": 3 }]
    })
}

pub(super) fn expectations(_: &mut SchemaGenerator) -> Schema {
    let proficiency = proficiency_value(
        "Proficiency",
        "The proficiency expected, on the ladder's `proficiency_scale`: by default 1 learning, 2 practising with guidance, 3 independent, 4 leads others in it, 5 sets the standard beyond the team. When the scale names its steps, the step name may be given instead of the number.",
    );
    json_schema!({
        "type": "object",
        "propertyNames": { "type": "string", "pattern": crate::ID_PATTERN, "maxLength": crate::MAX_ID_LEN },
        "additionalProperties": {
            "title": "Expectation",
            "description": "The proficiency expected in this competency: a number of the proficiency scale (1 to 5 by default) or a step name, or a mapping with the proficiency and a description of what it looks like at this level.",
            "oneOf": [
                proficiency,
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["proficiency"],
                    "properties": {
                        "proficiency": proficiency,
                        "description": {
                            "title": "Description",
                            "description": "What meeting the expectation looks like at this level.",
                            "type": "string"
                        }
                    }
                }
            ]
        },
        "examples": [{ "technical-depth": 3, "collaboration": { "proficiency": 2, "description": "Asks for help early." } }]
    })
}
