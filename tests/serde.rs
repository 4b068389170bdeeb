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

/// A report a service sent (the `validate --format json` shape per file)
/// reads back to the same findings: every rule fixture's report, with
/// related locations, help and key-targeted findings. Byte spans are not in
/// the JSON, so the findings are compared on everything else.
#[test]
fn reports_read_back_from_their_json() {
    let mut compared = 0;
    for entry in std::fs::read_dir("tests/fixtures/rules").expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture");
        let report = match dualtrack::load(&text) {
            Ok(loaded) => loaded.into_parts().1,
            Err(report) => report,
        };
        let json = serde_json::to_value(&report).expect("serializes");
        let back: dualtrack::Report =
            serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        assert_eq!(serde_json::to_value(&back).expect("serializes"), json);
        for (back, finding) in back.findings().iter().zip(report.findings()) {
            assert_eq!(
                (back.code(), back.severity(), back.message(), back.path()),
                (
                    finding.code(),
                    finding.severity(),
                    finding.message(),
                    finding.path()
                )
            );
            assert_eq!(
                (back.location(), back.help()),
                (finding.location(), finding.help())
            );
            assert_eq!(back.related().len(), finding.related().len());
            assert_eq!(back.span(), None);
        }
        compared += report.findings().len();
    }
    assert!(compared > 40, "{compared} findings compared");
}

#[test]
fn a_finding_of_an_unknown_rule_is_refused() {
    let finding = |code: &str| serde_json::json!({ "code": code, "severity": "error", "message": "m", "path": "/id" });
    refused::<dualtrack::Finding>(
        finding("band-ordr"),
        "unknown rule `band-ordr`; did you mean `band-order`?",
    );
    let known: dualtrack::Finding = serde_json::from_value(finding("band-order")).expect("reads");
    assert_eq!((known.code(), known.location()), ("band-order", None));
    let mut extra = finding("band-order");
    extra["colour"] = serde_json::json!("red");
    refused::<dualtrack::Finding>(extra, "unknown field `colour`");
}

/// `Money::from_decimal` says why an amount is not money of a currency.
#[test]
fn money_from_decimal_names_the_reason() {
    use dualtrack::MoneyError;
    let at = |amount: &str, code: &str| {
        Money::from_decimal(
            amount.parse().expect("decimal"),
            Currency::from_code(code).expect("currency"),
        )
    };
    assert_eq!(at("35.50", "USD").expect("money").minor(), 3550);
    assert_eq!(at("35.00", "JPY").expect("money").minor(), 35);
    let error = at("10.5", "JPY").expect_err("precision");
    assert!(matches!(error, MoneyError::Precision { .. }));
    assert_eq!(
        error.to_string(),
        "amount `10.5` has more decimal places than JPY allows (0)"
    );
    let error = at("184467440737095517", "USD").expect_err("too large");
    assert!(matches!(error, MoneyError::TooLarge { .. }));
    assert_eq!(
        error.to_string(),
        "amount `184467440737095517` is too large for USD"
    );
    assert_eq!(
        "10.5 JPY"
            .parse::<Money>()
            .expect_err("refused")
            .to_string(),
        "amount `10.5` has more decimal places than JPY allows (0)"
    );
}
