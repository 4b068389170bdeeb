//! The identifier grammar is written twice, as code (`check_id`, which
//! explains what is wrong) and as a regular expression (`ID_PATTERN`, which
//! the JSON Schema gives editors): they accept exactly the same ids.

use proptest::prelude::*;

fn schema_accepts() -> impl Fn(&str) -> bool {
    let schema = serde_json::json!({
        "type": "string",
        "pattern": dualtrack::ID_PATTERN,
        "maxLength": dualtrack::MAX_ID_LEN,
    });
    let validator = jsonschema::draft7::new(&schema).expect("a valid schema");
    move |id| validator.is_valid(&serde_json::Value::from(id))
}

#[test]
fn code_and_pattern_agree_on_edges() {
    let accepts = schema_accepts();
    let long = "a".repeat(dualtrack::MAX_ID_LEN);
    let too_long = "a".repeat(dualtrack::MAX_ID_LEN + 1);
    for id in [
        "ic6",
        "staff-engineer",
        "a",
        "a-1",
        "x9-y8-z7",
        &long,
        "",
        "Ic6",
        "6ic",
        "-ic",
        "ic-",
        "ic--6",
        "ic_6",
        "ic 6",
        "ic6\n",
        "\nic6",
        "ic\u{200b}6",
        "ïc6",
        &too_long,
    ] {
        assert_eq!(
            dualtrack::check_id(id).is_ok(),
            accepts(id),
            "check_id and ID_PATTERN disagree on {id:?}"
        );
    }
}

proptest! {
    #[test]
    fn code_and_pattern_agree(id in "[a-z0-9A-Z_ .\n-]{0,3}([a-z0-9]{1,30}-?){0,4}[a-z0-9\n-]{0,2}") {
        let accepts = schema_accepts();
        prop_assert_eq!(dualtrack::check_id(&id).is_ok(), accepts(&id), "{:?}", id);
    }
}
