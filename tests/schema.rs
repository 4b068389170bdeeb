//! The JSON Schema editors use: current, draft-07, documented, and in
//! agreement with the loader on the reference ladders and the structural
//! fixtures.

use serde_json::Value;

const COMMITTED: &str = "schemas/ladder.schema.json";

fn schema() -> Value {
    serde_json::from_str(&dualtrack::schema()).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&schema()).expect("a valid draft-07 schema")
}

/// A YAML file as the JSON value an editor's schema validator sees.
fn as_json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).expect("readable");
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_committed_schema_is_current() {
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == dualtrack::schema(),
        "{COMMITTED} is out of date; regenerate it with:\n\n    cargo run -- schema > {COMMITTED}\n"
    );
}

#[test]
fn the_committed_ratings_schema_is_current() {
    let path = "schemas/ratings.schema.json";
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == dualtrack::ratings_schema(),
        "{path} is out of date; regenerate it with:\n\n    cargo run -- schema ratings > {path}\n"
    );
}

#[test]
fn ratings_files_agree_with_their_schema() {
    let schema: Value = serde_json::from_str(&dualtrack::ratings_schema()).expect("JSON");
    let validator = jsonschema::draft7::new(&schema).expect("a valid draft-07 schema");
    assert!(validator.is_valid(&as_json("tests/fixtures/ratings/principal.yaml")));
    assert!(!validator.is_valid(&as_json("tests/fixtures/ratings/broken.yaml")));
    let title = &schema["properties"]["ratings"]["title"];
    assert_eq!(title, "Ratings");
}

#[test]
fn the_cli_prints_the_committed_bytes() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dualtrack"))
        .arg("schema")
        .output()
        .expect("run dualtrack");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf-8"),
        dualtrack::schema()
    );
}

#[test]
fn it_is_draft_07_with_an_id() {
    let schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(schema["$id"].as_str().is_some_and(|id| !id.is_empty()));
}

/// Every property and definition has a title and a description, and a
/// markdownDescription beside each description; objects admit no other keys.
#[test]
fn every_property_and_definition_is_documented_and_closed() {
    fn check(path: &str, node: &Value, failures: &mut Vec<String>) {
        let Value::Object(map) = node else { return };
        if let Some(Value::Object(properties)) = map.get("properties") {
            if map.get("additionalProperties") != Some(&Value::Bool(false)) {
                failures.push(format!("{path}: additionalProperties is not false"));
            }
            for (name, property) in properties {
                let here = format!("{path}/properties/{name}");
                for key in ["title", "description", "markdownDescription"] {
                    if !property.get(key).is_some_and(Value::is_string) {
                        failures.push(format!("{here}: no {key}"));
                    }
                }
                check(&here, property, failures);
            }
        }
        for (key, value) in map {
            if key == "properties" {
                continue;
            }
            match value {
                Value::Object(_) => check(&format!("{path}/{key}"), value, failures),
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        check(&format!("{path}/{key}/{i}"), item, failures);
                    }
                }
                _ => {}
            }
        }
        if let (Some(description), Some(markdown)) =
            (map.get("description"), map.get("markdownDescription"))
        {
            if description != markdown {
                failures.push(format!(
                    "{path}: markdownDescription differs from description"
                ));
            }
        } else if map.contains_key("description") {
            failures.push(format!("{path}: description without markdownDescription"));
        }
    }
    let schema = schema();
    let mut failures = Vec::new();
    check("", &schema, &mut failures);
    for (name, definition) in schema["definitions"].as_object().expect("definitions") {
        for key in ["title", "description"] {
            if !definition.get(key).is_some_and(Value::is_string) {
                failures.push(format!("definition {name}: no {key}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_keyword_or_format_that_strict_validators_refuse() {
    let text = dualtrack::schema();
    assert!(
        !text.contains("\"format\""),
        "integer formats such as uint32 are refused by Ajv's strict mode"
    );
    assert!(!text.contains("\"null\""), "the loader never accepts null");
    assert!(!text.contains("nullable"));
}

#[test]
fn enums_offer_their_values_with_a_description_each() {
    let schema = schema();
    for (definition, values) in [
        ("PayPeriod", &["annual", "monthly", "hourly"][..]),
        ("TrackKind", &["individual_contributor", "management"]),
        ("CompetencyKind", &["craft", "leadership", "people"]),
        ("ParityMode", &["equal", "at_least", "overlap"]),
    ] {
        let variants = schema["definitions"][definition]["oneOf"]
            .as_array()
            .expect(definition);
        let consts: Vec<&str> = variants
            .iter()
            .filter_map(|v| v["const"].as_str())
            .collect();
        assert_eq!(consts, values, "{definition}");
        assert!(
            variants.iter().all(|v| v["description"].is_string()),
            "{definition}"
        );
    }
    let currencies = schema["properties"]["currency"]["enum"]
        .as_array()
        .expect("currency codes");
    for code in ["USD", "EUR", "GBP", "JPY", "BHD"] {
        assert!(currencies.iter().any(|c| c == code), "{code}");
    }
}

#[test]
fn hovers_read_well() {
    let schema = schema();
    let mid = &schema["definitions"]["Band"]["properties"]["mid"];
    insta::assert_snapshot!(
        "hover-band-mid",
        format!(
            "{}\n\n{}",
            mid["title"].as_str().unwrap_or(""),
            mid["markdownDescription"].as_str().unwrap_or("")
        )
    );
    let mode = &schema["definitions"]["Parity"]["properties"]["mode"];
    let values: Vec<String> = schema["definitions"]["ParityMode"]["oneOf"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            format!(
                "- `{}`: {}",
                v["const"].as_str().unwrap_or(""),
                v["description"].as_str().unwrap_or("")
            )
        })
        .collect();
    insta::assert_snapshot!(
        "hover-policy-parity-mode",
        format!(
            "{}\n\n{}\n\n{}",
            mode["title"].as_str().unwrap_or(""),
            mode["markdownDescription"].as_str().unwrap_or(""),
            values.join("\n")
        )
    );
}

#[test]
fn the_reference_ladders_pass_an_independent_validator() {
    let validator = validator();
    for entry in std::fs::read_dir("ladders").expect("ladders") {
        let path = entry.expect("entry").path();
        let path = path.to_str().expect("utf-8 path");
        let errors: Vec<String> = validator
            .iter_errors(&as_json(path))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}:\n{}", errors.join("\n"));
    }
    assert!(validator.is_valid(&as_json("tests/fixtures/valid/minimal.yaml")));
}

/// Structural mistakes fail the schema as they fail the loader.
#[test]
fn the_structural_fixtures_fail_the_schema_too() {
    let validator = validator();
    for code in [
        "unknown-key",
        "type",
        "invalid-id",
        "invalid-amount",
        "missing-key",
        "invalid-currency",
    ] {
        let path = format!("tests/fixtures/rules/{code}.yaml");
        assert!(
            !validator.is_valid(&as_json(&path)),
            "{path} passes the schema"
        );
        assert!(
            dualtrack::load_path(&path).is_err(),
            "{path} passes the loader"
        );
    }
    // And a few more shapes, each a one-line change to the minimal ladder.
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").expect("minimal");
    for (from, to) in [
        ("kind: craft", "kind: crafts"),
        ("grade: 1", "grade: one"),
        ("min: 100000,", "min: -5,"),
        ("min: 100000,", "min: \"$100k\","),
        ("coding: 1,", "coding: 9,"),
        ("id: ic1", "id: ic 1"),
        ("schema_version: 1", "schema_version: 2"),
    ] {
        let yaml = minimal.replacen(from, to, 1);
        let json: Value = serde_saphyr::from_str(&yaml).expect("yaml");
        assert!(!validator.is_valid(&json), "`{to}` passes the schema");
        assert!(dualtrack::load(&yaml).is_err(), "`{to}` passes the loader");
    }
}
