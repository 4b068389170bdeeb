//! What the library serializes it reads back: the value types a service puts
//! in its own configuration and request bodies round-trip through JSON, and
//! an invalid value is refused with the message its constructor gives.

use std::fmt::Debug;

use dualtrack::{
    Band, CompetencyKind, Currency, Decimal, Direction, Grade, IdKind, LevelId, Location, Money,
    ParityMode, PayPeriod, PeopleAssessment, Percent, Placement, Pointer, Proficiency, Ratings,
    Ratio, Severity, SignedMoney, TrackKind, ZoneId,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: T) {
    let json = serde_json::to_value(&value).expect("serializes");
    let back: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(back, value, "{json}");
}

fn refused<T: DeserializeOwned + Debug>(json: serde_json::Value, phrase: &str) {
    let error = serde_json::from_value::<T>(json.clone()).expect_err("refused");
    assert!(error.to_string().contains(phrase), "{json}: {error}");
}

#[test]
fn value_types_round_trip() {
    let usd = Currency::from_code("USD").expect("USD");
    let money = |minor| Money::from_minor(minor, usd);
    round_trip(LevelId::new("ic6").expect("id"));
    round_trip(ZoneId::new("london").expect("id"));
    round_trip(usd);
    round_trip("35.50".parse::<Decimal>().expect("decimal"));
    round_trip("12.5%".parse::<Percent>().expect("percent"));
    round_trip(money(3550));
    round_trip(SignedMoney::from_minor(-1250, usd));
    round_trip(SignedMoney::from_minor(4_200_000, usd));
    round_trip(Band::new(money(100), money(200), money(300)).expect("band"));
    round_trip(Proficiency::new(4).expect("proficiency"));
    round_trip(Grade::new(7));
    round_trip(Severity::Warning);
    round_trip(TrackKind::IndividualContributor);
    round_trip(PayPeriod::Hourly);
    round_trip(CompetencyKind::People);
    round_trip(ParityMode::AtLeast);
    round_trip(Placement::Below);
    round_trip(Direction::StepDown);
    round_trip(PeopleAssessment::NotAssessed);
    round_trip(IdKind::Zone);
    round_trip(Location::new(3, 9));
    round_trip(Pointer::root().key("tracks").index(0).key("a/b"));
    round_trip(Ratio::new(61, 60).expect("ratio"));
}

#[test]
fn ratings_come_in_as_json_and_read_back() {
    let ladder = dualtrack::load_path("ladders/engineering.yaml")
        .expect("reference ladder")
        .into_ladder();
    let source = std::fs::read("tests/fixtures/ratings/principal.yaml").expect("fixture");
    let ratings = dualtrack::load_ratings_bytes(&source, &ladder).expect("valid ratings");
    round_trip(ratings.clone());
    let posted: Ratings = serde_json::from_value(serde_json::json!({
        "person": "Grace Hopper",
        "ratings": { "technical-depth": 5, "people-development": 3 }
    }))
    .expect("a JSON body");
    assert_eq!(posted.len(), 2);
    assert!(ladder.check_ratings(&posted).is_empty());
    refused::<Ratings>(
        serde_json::json!({ "ratings": { "technical-depth": 11 } }),
        "proficiency 11 is outside 0 to 10",
    );
    // A number some scale has, but not this ladder's: the ladder says so.
    let off_scale: Ratings = serde_json::from_value(serde_json::json!({
        "ratings": { "technical-depth": 9 }
    }))
    .expect("a number of some scale");
    let report = ladder.check_ratings(&off_scale);
    let finding = &report.findings()[0];
    assert_eq!(finding.code(), "invalid-proficiency");
    assert_eq!(
        finding.message(),
        "`technical-depth` is rated 9, outside 1 to 5"
    );
    refused::<Ratings>(
        serde_json::json!({ "ratings": { "Technical Depth": 3 } }),
        "invalid id `Technical Depth`",
    );
    refused::<Ratings>(
        serde_json::json!({ "ratingz": {} }),
        "unknown field `ratingz`",
    );
}

#[test]
fn invalid_values_are_refused_with_the_constructors_words() {
    refused::<LevelId>(
        serde_json::json!("IC6"),
        "upper-case letter `I` at position 1",
    );
    refused::<Currency>(serde_json::json!("usd"), "unknown currency `usd`");
    refused::<Decimal>(
        serde_json::json!("12,000"),
        "digit separators are not allowed",
    );
    refused::<Decimal>(serde_json::json!(1.5), "expected a string");
    refused::<Percent>(serde_json::json!("12 percent"), "invalid percentage");
    refused::<Money>(
        serde_json::json!({ "amount": "35.555", "currency": "USD" }),
        "has more decimal places than USD allows (2)",
    );
    refused::<Band>(
        serde_json::json!({
            "min": { "amount": "300", "currency": "USD" },
            "mid": { "amount": "200", "currency": "USD" },
            "max": { "amount": "100", "currency": "USD" }
        }),
        "min <= mid <= max",
    );
    refused::<Proficiency>(serde_json::json!(11), "outside 0 to 10");
    refused::<Severity>(serde_json::json!("fatal"), "unknown variant `fatal`");
    refused::<Pointer>(serde_json::json!("tracks/0"), "starts with `/`");
    refused::<Ratio>(
        serde_json::json!({ "value": "2", "fraction": "61/60" }),
        "is not the fraction",
    );
}
