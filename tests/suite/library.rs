//! The library as a service author uses it.

use dualtrack::{CompetencyKind, Grade, LoadError, Loader, Override, Severity, TrackKind};

fn assert_send_sync<T: Send + Sync + 'static>() {}

#[test]
fn ladder_and_report_are_send_and_sync() {
    assert_send_sync::<dualtrack::Ladder>();
    assert_send_sync::<dualtrack::Report>();
    assert_send_sync::<dualtrack::Loaded>();
    assert_send_sync::<dualtrack::Loader>();
}

#[test]
fn the_engineering_ladder_is_typed_end_to_end() {
    let ladder = dualtrack::load_path("ladders/engineering.yaml")
        .expect("valid")
        .into_ladder();
    assert_eq!(ladder.id().as_str(), "engineering");
    assert_eq!(ladder.currency().expect("published").code(), "USD");
    let kinds: Vec<_> = ladder.tracks().iter().map(|t| t.kind()).collect();
    assert_eq!(
        kinds,
        [TrackKind::IndividualContributor, TrackKind::Management]
    );
    let ic = ladder.track("ic").expect("ic track");
    let grades: Vec<u32> = ic.levels().iter().map(|l| l.grade().rank()).collect();
    assert_eq!(grades, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(
        ic.levels().last().map(|l| l.title()),
        Some("Engineering Fellow")
    );
    let fellow = ladder.level("ic8").expect("fellow");
    let vp = ladder.level("vp").expect("vp");
    assert_eq!(fellow.grade(), &Grade::new(8));
    assert_eq!(fellow.band(), vp.band(), "parity at the top");
    assert_eq!(fellow.band().expect("published").max().minor(), 50_000_000);
    let people = ladder
        .competencies()
        .iter()
        .filter(|c| c.kind() == CompetencyKind::People)
        .count();
    assert!(people >= 2);
    assert!(fellow.expectation("technical-depth").is_some());
    assert!(ladder.level("nope").is_none());
}

#[test]
fn hourly_ladders_keep_cents_exactly() {
    let ladder = dualtrack::load_path("ladders/skilled-trades.yaml")
        .expect("valid")
        .into_ladder();
    assert_eq!(ladder.pay_period(), Some(dualtrack::PayPeriod::Hourly));
    let apprentice = &ladder.tracks()[0].levels()[0];
    assert_eq!(
        apprentice.band().expect("published").mid().to_string(),
        "21.50 USD"
    );
}

#[test]
fn zone_bands_are_derived_exactly() {
    let ladder = dualtrack::load_path("ladders/engineering.yaml")
        .expect("valid")
        .into_ladder();
    let london = ladder.zone("london").expect("london zone");
    let band = london
        .band(ladder.level("ic1").expect("ic1").band().expect("published"))
        .expect("converts");
    // 100000 USD x 0.8 x 0.79 = 63200 GBP; 115000 -> 72680; 130000 -> 82160.
    assert_eq!(
        [band.min(), band.mid(), band.max()].map(|m| m.to_string()),
        ["63200 GBP", "72680 GBP", "82160 GBP"]
    );
}

#[test]
fn warnings_come_with_the_ladder() {
    let yaml = std::fs::read_to_string("tests/fixtures/cli/warning-only.yaml").expect("fixture");
    let loaded = dualtrack::load(&yaml).expect("warnings do not stop loading");
    let codes: Vec<_> = loaded
        .report()
        .findings()
        .iter()
        .map(|f| (f.code(), f.severity()))
        .collect();
    assert_eq!(codes, [("duplicate-title", Severity::Warning)]);
    assert!(Loader::new().deny_warnings(true).load(&yaml).is_err());
    let loader = Loader::new()
        .with_override("duplicate-title", Override::Allow)
        .expect("policy rule");
    assert!(loader.load(&yaml).expect("valid").report().is_empty());
}

#[test]
fn an_unreadable_path_is_an_io_error_not_a_finding() {
    match dualtrack::load_path("no/such/ladder.yaml") {
        Err(LoadError::Io { path, .. }) => assert_eq!(path.to_str(), Some("no/such/ladder.yaml")),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[test]
fn overrides_of_unknown_or_invariant_rules_are_refused() {
    assert!(matches!(
        Loader::new().with_override("band-ordr", Override::Warn),
        Err(dualtrack::OverrideError::UnknownRule(_))
    ));
    assert!(matches!(
        Loader::new().with_override("unknown-key", Override::Allow),
        Err(dualtrack::OverrideError::Invariant("unknown-key"))
    ));
    assert!(
        Loader::new()
            .with_override("grade-gap", Override::Deny)
            .is_ok()
    );
}

/// A ladder serializes as its file (amounts as exact strings) and reads
/// back, through validation, to an equal ladder.
#[cfg(feature = "serde")]
#[test]
fn the_ladder_serializes_as_its_file() {
    let ladder = dualtrack::load_path("ladders/design.yaml")
        .expect("valid")
        .into_ladder();
    let json = serde_json::to_value(&ladder).expect("serializes");
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["schema_version"], 1);
    let band = &json["tracks"][0]["levels"][0]["band"];
    assert!(
        band["min"].is_string(),
        "amounts serialize as exact decimal strings: {band}"
    );
    // Through text: `serde_json::Value` sorts keys, and the order of a
    // level's expectations is the ladder's.
    let text = serde_json::to_string(&ladder).expect("serializes");
    let back: dualtrack::Ladder = serde_json::from_str(&text).expect("reads back");
    assert!(back == ladder, "{text}");
}

#[test]
fn a_report_is_an_error_value() {
    let report = dualtrack::load("schema_version: 2\n").expect_err("invalid");
    let error: Box<dyn std::error::Error> = Box::new(report);
    assert!(
        error.to_string().starts_with(
            "5 errors, 0 warnings; error `missing-key` at 1:1: the ladder is missing `id`"
        ),
        "{error}"
    );
}

#[test]
fn an_unknown_rule_is_named_safely() {
    let error = Loader::new()
        .with_override("band\u{202e}order", Override::Allow)
        .expect_err("no such rule");
    assert_eq!(
        error.to_string(),
        "unknown rule `band\\u{202e}order`; `dualtrack rules` lists them"
    );
}

#[test]
fn read_file_stops_one_byte_past_the_limit() {
    let mut limits = dualtrack::Limits::default();
    limits.max_file_bytes = 100;
    let loader = Loader::new().limits(limits);
    let bytes = loader
        .read_file("ladders/engineering.yaml")
        .expect("readable");
    assert_eq!(bytes.len(), 101);
    let report = loader.load_bytes(&bytes).expect_err("too large");
    assert_eq!(report.findings()[0].code(), "limit");
    assert!(loader.read_file("ladders/no-such.yaml").is_err());
}

/// A failed load names its file and renders its findings without reading
/// the file again.
#[cfg(feature = "render")]
#[test]
fn a_failed_load_keeps_its_path_and_text() {
    let path = "tests/fixtures/multi/unknown-key-and-band-order.yaml";
    let Err(LoadError::Invalid(invalid)) = dualtrack::load_path(path) else {
        panic!("an invalid ladder");
    };
    assert!(
        invalid
            .to_string()
            .starts_with(&format!("`{path}`: 2 errors")),
        "{invalid}"
    );
    let rendered = invalid.render(false);
    assert!(rendered.contains(&format!("--> {path}:91:9")), "{rendered}");
    assert!(rendered.contains("expectatons:"), "{rendered}");
    assert_eq!(invalid.into_report().findings().len(), 2);
}

/// The everyday traits a service reaches for: names parse back from what
/// they display, money parses and orders within one currency, look-ups take
/// typed ids.
#[test]
fn names_parse_money_orders_and_lookups_take_typed_ids() {
    use dualtrack::{Currency, Money, PayPeriod};
    for period in [PayPeriod::Annual, PayPeriod::Monthly, PayPeriod::Hourly] {
        assert_eq!(period.to_string().parse::<PayPeriod>(), Ok(period));
    }
    assert_eq!(
        "yearly".parse::<PayPeriod>().unwrap_err().to_string(),
        "unknown pay period `yearly`; the choices are `annual`, `monthly`, `hourly`"
    );
    assert_eq!("warn".parse::<Override>(), Ok(Override::Warn));
    assert_eq!("error".parse::<Severity>(), Ok(Severity::Error));
    assert_eq!(
        "warnng".parse::<Severity>().unwrap_err().to_string(),
        "unknown severity `warnng`; did you mean `warning`?"
    );
    let (usd, eur): (Currency, Currency) = ("USD".parse().unwrap(), "EUR".parse().unwrap());
    assert!(eur < usd);
    let a: Money = "35.50 USD".parse().unwrap();
    let b: Money = "36 USD".parse().unwrap();
    let c: Money = "36 EUR".parse().unwrap();
    assert!(a < b);
    assert_eq!(a.partial_cmp(&c), None);
    assert_eq!(a.to_string().parse::<Money>(), Ok(a));
    let ladder = dualtrack::load_path("ladders/engineering.yaml")
        .unwrap()
        .into_ladder();
    let id: dualtrack::LevelId = "ic6".parse().unwrap();
    assert_eq!(
        ladder.level(&id).map(|l| l.to_string()),
        Some("ic6 Principal Engineer".to_owned())
    );
}
