//! Bands and salaries, exactly: per zone (in other currencies too),
//! compa-ratio and range penetration, and salaries on a band's very edge.

use dualtrack::{Currency, Ladder, Money, Placement, Ratio};

fn ladder(name: &str) -> Ladder {
    dualtrack::load_path(format!("ladders/{name}.yaml"))
        .expect("a valid reference ladder")
        .into_ladder()
}

fn money(amount: &str, code: &str) -> Money {
    let currency = Currency::from_code(code).expect("currency");
    Money::from_decimal(amount.parse().expect("decimal"), currency).expect("fits the currency")
}

fn ratio(n: i128, d: i128) -> Ratio {
    Ratio::new(n, d).expect("ratio")
}

fn containing(ladder: &Ladder, salary: Money, zone: Option<&str>) -> Vec<String> {
    let zone = zone.map(|z| ladder.zone(z).expect("zone"));
    ladder
        .levels_containing(salary, zone)
        .map(|(_, l)| l.id().to_string())
        .collect()
}

#[test]
fn a_salary_on_a_band_edge_is_inside_it_exactly() {
    let ladder = ladder("engineering");
    let ic1 = ladder.level("ic1").expect("ic1").band().expect("published");
    let top = money("130000", "USD");
    assert!(ic1.contains(top));
    assert_eq!(ic1.range_penetration(top), Some(Ratio::ONE));
    assert_eq!(ic1.range_penetration(ic1.min()), Some(Ratio::ZERO));
    assert_eq!(ic1.compa_ratio(ic1.mid()), Some(Ratio::ONE));
    // One cent beyond either edge is outside.
    let above = ic1.position(money("130000.01", "USD")).expect("USD");
    assert_eq!(above.placement(), Placement::Above);
    assert_eq!(above.range_penetration(), Some(ratio(3_000_001, 3_000_000)));
    let below = ic1.position(money("99999.99", "USD")).expect("USD");
    assert_eq!(below.placement(), Placement::Below);
    assert_eq!(below.range_penetration(), Some(ratio(-1, 3_000_000)));
    assert_eq!(
        below.compa_ratio().map(|r| r.to_string()),
        Some("0.8696".into())
    );
    // 130000 USD is the top of ic1 and inside ic2.
    assert_eq!(containing(&ladder, top, None), ["ic1", "ic2"]);
    assert_eq!(
        containing(&ladder, money("500000", "USD"), None),
        ["ic8", "vp"]
    );
    assert!(containing(&ladder, money("500000.01", "USD"), None).is_empty());
    assert!(containing(&ladder, money("99999.99", "USD"), None).is_empty());
}

#[test]
fn compa_ratio_and_penetration_are_exact_fractions() {
    let ladder = ladder("engineering");
    let ic6 = ladder.level("ic6").expect("ic6").band().expect("published"); // 250000 / 295000 / 340000
    let salary = money("310000", "USD");
    assert_eq!(ic6.compa_ratio(salary), Some(ratio(62, 59)));
    assert_eq!(ic6.range_penetration(salary), Some(ratio(2, 3)));
    let position = ic6.position(salary).expect("USD");
    assert_eq!(
        position.compa_ratio().map(|r| r.to_string()),
        Some("1.0508".into())
    );
    assert_eq!(
        position
            .range_penetration()
            .map(|r| r.percent().to_string()),
        Some("66.67%".into())
    );
    // Cents count: hourly pay keeps them.
    let trades = self::ladder("skilled-trades");
    let apprentice = trades
        .level("apprentice-1")
        .expect("level")
        .band()
        .expect("published"); // 19.00 / 21.50 / 24.00
    assert_eq!(
        apprentice.compa_ratio(money("21.51", "USD")),
        Some(ratio(2151, 2150))
    );
    assert_eq!(
        apprentice.range_penetration(money("21.50", "USD")),
        Some(ratio(1, 2))
    );
}

#[test]
fn a_salary_in_another_currency_is_never_compared() {
    let ladder = ladder("engineering");
    let band = ladder.level("ic6").expect("ic6").band().expect("published");
    let pounds = money("295000", "GBP");
    assert_eq!(band.compa_ratio(pounds), None);
    assert_eq!(band.range_penetration(pounds), None);
    assert_eq!(band.position(pounds), None);
    assert!(!band.contains(pounds));
}

#[test]
fn zone_bands_in_other_currencies_place_salaries_in_that_currency() {
    let ladder = ladder("engineering");
    let london = ladder.zone("london").expect("london");
    let toronto = ladder.zone("toronto").expect("toronto");
    let ic6 = ladder.level("ic6").expect("ic6");
    // 250000 / 295000 / 340000 USD x 0.8 x 0.79 GBP/USD
    let band = ic6.band_in(Some(london)).expect("converts");
    assert_eq!(
        [band.min(), band.mid(), band.max()].map(|m| m.to_string()),
        ["158000 GBP", "186440 GBP", "214880 GBP"]
    );
    assert_eq!(band.compa_ratio(money("186440", "GBP")), Some(Ratio::ONE));
    assert_eq!(
        band.range_penetration(money("214880", "GBP")),
        Some(Ratio::ONE)
    );
    // x 0.85 x 1.38 CAD/USD
    let band = ic6.band_in(Some(toronto)).expect("converts");
    assert_eq!(
        [band.min(), band.mid(), band.max()].map(|m| m.to_string()),
        ["293250 CAD", "346035 CAD", "398820 CAD"]
    );
    assert!(band.contains(money("293250", "CAD")));
    assert_eq!(
        band.position(money("293250", "USD")),
        None,
        "USD is not CAD"
    );
    // The top of the London ic1 band (82160 GBP) is also inside London ic2.
    assert_eq!(
        containing(&ladder, money("82160", "GBP"), Some("london")),
        ["ic1", "ic2"]
    );
    assert!(containing(&ladder, money("82160", "GBP"), None).is_empty());
    // A zone in the base currency.
    let remote = ladder.zone("remote-us");
    let band = ic6.band_in(remote).expect("converts");
    assert_eq!(band.mid().to_string(), "265500 USD");
    assert_eq!(ic6.band_in(None).as_ref(), ic6.band());
}

#[cfg(feature = "serde")]
#[test]
fn answers_serialize_with_exact_amounts_and_ratios() {
    let ladder = ladder("engineering");
    let position = ladder
        .level("ic6")
        .expect("ic6")
        .band()
        .expect("published")
        .position(money("310000", "USD"))
        .expect("USD");
    let json = serde_json::to_value(position).expect("serializes");
    assert_eq!(json["placement"], "within");
    assert_eq!(
        json["salary"],
        serde_json::json!({ "amount": "310000", "currency": "USD" })
    );
    assert_eq!(
        json["compa_ratio"],
        serde_json::json!({ "value": "1.0508", "fraction": "62/59" })
    );
    assert_eq!(
        json["range_penetration"],
        serde_json::json!({ "value": "0.6667", "fraction": "2/3" })
    );
}
