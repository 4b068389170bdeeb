//! The JSON Schema editors use: current, draft-07, documented, and in
//! agreement with the loader on the reference ladders and the structural
//! fixtures.
#![cfg(feature = "schema")]

use std::collections::BTreeSet;

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

#[cfg(feature = "cli")]
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
            // The root's conditions (`allOf` of `if`/`then`) restate or narrow
            // properties documented above (a ladder with pay needs its
            // currency; a grade is a whole number without `grades`).
            // Examples are data (a ladder's keys), not schemas.
            if key == "properties" || key == "examples" || (path.is_empty() && key == "allOf") {
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
        (
            "TrackKind",
            &["individual_contributor", "management", "trunk"],
        ),
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
    let ladders = ["ladders", "ladders/examples"].map(|dir| std::fs::read_dir(dir).expect(dir));
    for entry in ladders.into_iter().flatten() {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            continue;
        }
        let path = path.to_str().expect("utf-8 path");
        let errors: Vec<String> = validator
            .iter_errors(&as_json(path))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}:\n{}", errors.join("\n"));
    }
    for path in [
        "tests/fixtures/valid/minimal.yaml",
        "tests/fixtures/valid/scales.yaml",
        "tests/fixtures/valid/grade-scale.yaml",
        "tests/fixtures/grades/numbers-and-quoted-numbers.yaml",
        "tests/fixtures/valid/spot-rates.yaml",
        "tests/fixtures/valid/pay-steps.yaml",
        "tests/fixtures/cli/electrical-trade.yaml",
    ] {
        let errors: Vec<String> = validator
            .iter_errors(&as_json(path))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}:\n{}", errors.join("\n"));
    }
}

/// What a ladder serializes to is a ladder file by the schema too.
#[test]
fn a_serialized_ladder_passes_the_schema() {
    let validator = validator();
    for dir in ["ladders", "ladders/examples", "tests/fixtures/valid"] {
        for entry in std::fs::read_dir(dir).expect(dir) {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                continue;
            }
            let Ok(loaded) = dualtrack::Loader::new().inspect_path(&path) else {
                panic!("{}", path.display());
            };
            let json = serde_json::to_value(loaded.ladder()).expect("serializes");
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{}:\n{}",
                path.display(),
                errors.join("\n")
            );
        }
    }
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
        ("coding: 1,", "coding: 11,"),
        ("id: ic1", "id: ic 1"),
        ("schema_version: 1", "schema_version: 2"),
        ("grade: 1", "grade: 1.5"),
        ("grade: 1", "grade: \"1\""),
        ("pay_period: annual", "pay_period: annual\ngrades: []"),
    ] {
        let yaml = minimal.replacen(from, to, 1);
        let json: Value = serde_saphyr::from_str(&yaml).expect("yaml");
        assert!(!validator.is_valid(&json), "`{to}` passes the schema");
        assert!(dualtrack::load(&yaml).is_err(), "`{to}` passes the loader");
    }
}

/// A ladder with every kind of object of the format, writing its optional
/// keys too, so that each value is decoded (a key it leaves out is still
/// checked to be known).
fn ladder_with_every_key() -> Value {
    let mut yaml = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").expect("minimal");
    for (from, to) in [
        (
            "name: Minimal\n",
            "name: Minimal\ndescription: Every key.\n",
        ),
        (
            "    kind: craft\n",
            "    kind: craft\n    description: Code.\n",
        ),
        (
            "    kind: management\n",
            "    kind: management\n    description: Leads.\n",
        ),
        (
            "        grade: 1\n",
            "        grade: 1\n        summary: Learns.\n",
        ),
        (
            "{ coding: 1,",
            "{ coding: { proficiency: 1, description: Code. },",
        ),
        (
            "    kind: craft\n",
            "    kind: craft\n    group: Craft\n    tracks: [ic, management]\n",
        ),
        (
            "tracks:\n  - id: ic\n",
            "proficiency_scale:\n  start: 1\n  steps: [Awareness, { name: Working, description: Alone. }, Practitioner, Advanced, Expert]\ntracks:\n  - id: ic\n",
        ),
        (
            "        expectations: { coding: 2, mentoring: 2 }\n",
            "        expectations: { coding: 2, mentoring: 2 }\n        entry_criteria: [A year at ic1]\n",
        ),
        (
            "    kind: individual_contributor\n",
            "    kind: individual_contributor\n    variable: { target: 5% }\n",
        ),
        (
            "        summary: Learns.\n",
            "        summary: Learns.\n        equity: { min: 1000, mid: 2000, max: 3000 }\n",
        ),
        (
            "band: { min: 100000, mid: 115000, max: 130000 }",
            "band: { min: 100000, mid: 115000, max: 130000, steps: [100000, 115000, 130000] }",
        ),
        (
            "        grade: 2\n        band: { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 2, mentoring: 2, people-development: 2 }",
            "        grade: 2\n        band: { percent: 100%, of: ic2 }\n        expectations: { coding: 2, mentoring: 2, people-development: 2 }",
        ),
    ] {
        assert!(yaml.contains(from), "{from}");
        yaml = yaml.replacen(from, to, 1);
    }
    yaml.push_str(
        "effective_date: 2024-04-01
zones:
  - { id: london, name: London, factor: 0.8, currency: GBP, rate: 0.79 }
  - { id: inner, name: Inner, factor: 1, uplift: 20%, min_uplift: 5000, max_uplift: 8000, cap: 500000, rounding: 1, exempt: [ic1] }
policy:
  parity: { mode: at_least, from_grade: 2, tolerance: 2% }
  spread: { min: 10%, max: 70% }
  progression: { min: 5%, max: 40% }
  overlap: { max: 70% }
",
    );
    serde_saphyr::from_str(&yaml).expect("yaml")
}

/// The schema that describes `instance`: `$ref`s followed, and of a `oneOf`
/// (a bare number or a mapping) the mapping's when `instance` is one.
fn resolve<'s>(root: &'s Value, mut schema: &'s Value, instance: &Value) -> &'s Value {
    loop {
        if let Some(Value::String(reference)) = schema.get("$ref") {
            schema = &root["definitions"][reference.trim_start_matches("#/definitions/")];
        } else if let (Some(Value::Array(all)), None) =
            (schema.get("allOf"), schema.get("properties"))
        {
            // A wrapped `$ref`; the root's `allOf` holds conditions instead.
            schema = &all[0];
        } else if let (Some(Value::Array(one_of)), true) = (
            schema.get("oneOf"),
            instance.is_object() || instance.is_array(),
        ) {
            // The branch of the instance's type: a mapping's (or a `$ref`
            // to one), a list's.
            let kind = if instance.is_object() {
                "object"
            } else {
                "array"
            };
            // Of several mappings (a band's range or `{ percent, of }`),
            // the one whose properties hold the instance's keys.
            let fits = |s: &Value| {
                let Some(map) = instance.as_object() else {
                    return true;
                };
                let target = match s.get("$ref").and_then(Value::as_str) {
                    Some(reference) => {
                        &root["definitions"][reference.trim_start_matches("#/definitions/")]
                    }
                    None => s,
                };
                target
                    .get("properties")
                    .and_then(Value::as_object)
                    .is_none_or(|properties| map.keys().all(|k| properties.contains_key(k)))
            };
            let branch = one_of.iter().find(|s| {
                (s["type"] == kind || (kind == "object" && s.get("$ref").is_some())) && fits(s)
            });
            match branch {
                Some(object) => schema = object,
                None => return schema,
            }
        } else {
            return schema;
        }
    }
}

/// An object of a file whose schema lists its `properties`.
struct Object {
    pointer: String,
    properties: Vec<String>,
    required: Vec<String>,
}

/// Every object of `instance` whose schema lists its `properties`.
fn objects(root: &Value, schema: &Value, instance: &Value, pointer: &str, out: &mut Vec<Object>) {
    let schema = resolve(root, schema, instance);
    let names = |key: &str| -> Vec<String> {
        match schema.get(key) {
            Some(Value::Object(map)) => map.keys().cloned().collect(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        }
    };
    let none = Value::Null;
    match instance {
        Value::Object(map) => {
            if schema.get("properties").is_some() {
                let mut required = names("required");
                // Required under a condition of the root's (`if`/`then`) the
                // instance meets: `currency` and `pay_period` once any level
                // has a band.
                let conditions = schema.get("allOf").and_then(Value::as_array);
                for condition in conditions.into_iter().flatten() {
                    if let (Some(condition), Some(then)) =
                        (condition.get("if"), condition.get("then"))
                        && jsonschema::draft7::is_valid(condition, instance)
                    {
                        required.extend(
                            then["required"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .filter_map(Value::as_str)
                                .map(str::to_owned),
                        );
                    }
                }
                out.push(Object {
                    pointer: pointer.to_owned(),
                    properties: names("properties"),
                    required,
                });
            }
            for (key, value) in map {
                let child = schema["properties"]
                    .get(key)
                    .or_else(|| schema.get("additionalProperties"))
                    .unwrap_or(&none);
                objects(root, child, value, &format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let child = schema.get("items").unwrap_or(&none);
                objects(root, child, item, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A finding as (code, path, message, help).
type Seen = (String, String, String, String);

fn seen(report: &dualtrack::Report) -> Vec<Seen> {
    let finding = |f: &dualtrack::Finding| {
        let help = f.help().unwrap_or("").to_owned();
        let path = f.path().as_str().to_owned();
        (f.code().to_owned(), path, f.message().to_owned(), help)
    };
    report.findings().iter().map(finding).collect()
}

fn load_ladder(text: &str) -> Vec<Seen> {
    match dualtrack::load(text) {
        Ok(loaded) => seen(&loaded.into_parts().1),
        Err(report) => seen(&report),
    }
}

fn load_ratings(text: &str) -> Vec<Seen> {
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").expect("minimal");
    let ladder = dualtrack::load(&minimal).expect("valid").into_ladder();
    dualtrack::load_ratings(text, &ladder).map_or_else(|report| seen(&report), |_| Vec::new())
}

/// Black-box, for every object of a file: the loader accepts each of the
/// schema's properties, requires the required ones and no other, and refuses
/// any other key, listing the schema's properties as the object's keys.
fn check_the_loader_takes_exactly_the_schemas_properties(
    schema: &Value,
    instance: &Value,
    load: fn(&str) -> Vec<Seen>,
) {
    // JSON is YAML.
    let text = |value: &Value| serde_json::to_string_pretty(value).expect("JSON");
    let found = load(&text(instance));
    let structural = ["unknown-key", "missing-key", "type"];
    let structural = found.iter().filter(|f| structural.contains(&f.0.as_str()));
    assert_eq!(structural.count(), 0, "{found:?}");

    let mut all = Vec::new();
    objects(schema, schema, instance, "", &mut all);
    let mut reached = BTreeSet::new();
    for Object {
        pointer,
        properties,
        required,
    } in all
    {
        let object = instance.pointer(&pointer).and_then(Value::as_object);
        let object = object.expect("an object");
        reached.insert(properties.clone());

        for property in &properties {
            if !object.contains_key(property) {
                // Known, whatever its value: at worst a `type` finding.
                assert!(!required.contains(property), "{pointer}/{property}");
                let mut with = instance.clone();
                with.pointer_mut(&pointer).expect("the object")[property] = Value::from(true);
                let found = load(&text(&with));
                let unknown = found.iter().find(|f| f.0 == "unknown-key");
                assert!(unknown.is_none(), "{pointer}/{property}: {found:?}");
                continue;
            }
            let mut without = instance.clone();
            let map = without.pointer_mut(&pointer).and_then(Value::as_object_mut);
            map.expect("an object").remove(property);
            let found = load(&text(&without));
            let missing = found.iter().find(|f| f.0 == "missing-key");
            if required.contains(property) {
                let (_, path, message, _) =
                    missing.unwrap_or_else(|| panic!("{pointer}/{property}: {found:?}"));
                assert_eq!(path, &pointer);
                let end = format!("is missing `{property}`");
                assert!(message.ends_with(&end), "{message}");
            } else {
                assert!(missing.is_none(), "{pointer}/{property}: {found:?}");
            }
        }

        let mut extra = instance.clone();
        extra.pointer_mut(&pointer).expect("the object")["zzzzzz"] = Value::from(1);
        let found = load(&text(&extra));
        let [(code, path, _, help)] = found.as_slice() else {
            panic!("{pointer}: {found:?}")
        };
        assert_eq!(code, "unknown-key");
        assert_eq!(path, &format!("{pointer}/zzzzzz"));
        let mut keys: Vec<&str> = help.split('`').skip(1).step_by(2).collect();
        keys.sort_unstable();
        assert_eq!(keys, properties, "{pointer}: {help}");
    }

    // The file holds every kind of object.
    let definitions = schema["definitions"].as_object().into_iter().flatten();
    for (name, definition) in definitions {
        if let Some(Value::Object(properties)) = definition.get("properties") {
            let properties: Vec<String> = properties.keys().cloned().collect();
            assert!(reached.contains(&properties), "no {name} in the file");
        }
    }
}

#[test]
fn the_loader_takes_exactly_the_schemas_properties() {
    check_the_loader_takes_exactly_the_schemas_properties(
        &schema(),
        &ladder_with_every_key(),
        load_ladder,
    );
}

#[test]
fn the_ratings_loader_takes_exactly_the_schemas_properties() {
    let schema: Value = serde_json::from_str(&dualtrack::ratings_schema()).expect("JSON");
    let ratings = serde_json::json!({
        "schema_version": 1,
        "ladder": "minimal",
        "person": "Ada",
        "ratings": { "coding": 3 }
    });
    check_the_loader_takes_exactly_the_schemas_properties(&schema, &ratings, load_ratings);
}

/// The schema's hovers tell the policy defaults that `Policy::default()`
/// holds, so that the two cannot drift apart.
#[test]
fn the_schema_states_the_policy_defaults() {
    let text = dualtrack::schema();
    let policy = dualtrack::Policy::default();
    let (spread_min, spread_max) = policy.spread();
    let (step_min, step_max) = policy.progression();
    for phrase in [
        format!("Default: {spread_min} to {spread_max}."),
        format!("Default: {step_min} to {step_max}."),
        format!("Default: `{}`.", policy.parity_mode().as_str()),
        format!("Default: `{}`.", policy.parity_tolerance()),
        format!("Such as `{}` (the default).", policy.overlap_max()),
    ] {
        assert!(text.contains(&phrase), "the schema does not say {phrase:?}");
    }
}

/// Every example an editor shows on hover is valid for its own property.
#[test]
fn every_hover_example_is_valid_for_its_property() {
    let root = schema();
    let definitions = root["definitions"].clone();
    let mut objects: Vec<(String, &Value)> = vec![("".to_owned(), &root)];
    if let Some(map) = root["definitions"].as_object() {
        objects.extend(
            map.iter()
                .map(|(name, d)| (format!("/definitions/{name}"), d)),
        );
    }
    let mut checked = 0;
    for (path, object) in objects {
        let properties = object.get("properties").and_then(Value::as_object);
        for (name, property) in properties.into_iter().flatten() {
            let examples = property.get("examples").and_then(Value::as_array);
            for example in examples.into_iter().flatten() {
                let mut alone = property.clone();
                alone["definitions"] = definitions.clone();
                let validator = jsonschema::draft7::new(&alone).expect("a schema");
                let errors: Vec<String> = validator
                    .iter_errors(example)
                    .map(|e| e.to_string())
                    .collect();
                assert!(errors.is_empty(), "{path}/{name}: {example}: {errors:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 30, "only {checked} examples");
}
