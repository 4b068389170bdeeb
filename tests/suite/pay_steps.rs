//! Pay steps, spot rates and pay written as a percentage of another level
//! (issue 11): what a service reads from the library.

use dualtrack::{Loader, Money, StepPosition};

const SPOT: &str = "tests/fixtures/valid/spot-rates.yaml";
const TRADE: &str = "tests/fixtures/cli/electrical-trade.yaml";
const STEPS: &str = "tests/fixtures/valid/pay-steps.yaml";

/// The codes and messages of a ladder's findings.
fn findings(yaml: &str) -> Vec<(String, String)> {
    let report = match Loader::new().load(yaml) {
        Ok(loaded) => loaded.report().clone(),
        Err(report) => report,
    };
    report
        .findings()
        .iter()
        .map(|f| (f.code().to_owned(), f.message().to_owned()))
        .collect()
}

/// Three figures of IBEW Local 684's Dec 2018 inside wireman sheet, each
/// resolved from the percentage the sheet defines it by: 40% (1st period
/// apprentice) 16.40, 120% (foreman) 49.20, 130% (general foreman) 53.30.
#[test]
fn percentages_of_the_journeyman_rate_resolve_to_the_sheets_figures() {
    let loaded = Loader::new().inspect_path(TRADE).expect("inspectable");
    let ladder = loaded.ladder();
    for (level, rate) in [
        ("apprentice-1", "16.40 USD"),
        ("foreman", "49.20 USD"),
        ("general-foreman", "53.30 USD"),
    ] {
        let band = ladder.level(level).unwrap().band().unwrap();
        assert!(band.is_spot(), "{level}");
        assert_eq!(band.mid().to_string(), rate, "{level}");
    }
    let journeyman = ladder.level("journeyman").unwrap();
    assert!(journeyman.pay_basis().is_none());
    assert_eq!(journeyman.band().unwrap().to_string(), "rate 41 USD");
}

#[test]
fn a_spot_rate_ladder_is_valid_and_says_nothing_of_spread() {
    let loaded = Loader::new().load_path(SPOT).expect("valid");
    assert!(loaded.report().is_empty(), "{:?}", loaded.report());
    // The full sheet keeps one real finding, and no spread.
    let full = std::fs::read_to_string(TRADE).unwrap();
    let codes: Vec<String> = findings(&full).into_iter().map(|(c, _)| c).collect();
    assert_eq!(codes, ["ic-ceiling"]);
}

/// Percentages resolve to the currency's minor unit, half up: 12.5% of
/// 41.00 is 5.125, paid 5.13; 50% of 41.05 is 20.525, paid 20.53.
#[test]
fn a_percentage_rounds_half_up_to_the_minor_unit() {
    let yaml = std::fs::read_to_string(SPOT)
        .unwrap()
        .replace("band: 41.00   #", "band: 41.05   #")
        .replace(
            "band: { percent: 40%, of: journeyman }",
            "band: { percent: 50%, of: journeyman }",
        );
    let loaded = Loader::new().inspect(&yaml).expect("inspectable");
    let rate = loaded
        .ladder()
        .level("apprentice-1")
        .unwrap()
        .band()
        .unwrap();
    assert_eq!(rate.mid().to_string(), "20.53 USD");
    let yaml = std::fs::read_to_string(SPOT).unwrap().replace(
        "band: { percent: 40%, of: journeyman }",
        "band: { percent: 12.5%, of: journeyman }",
    );
    let loaded = Loader::new().inspect(&yaml).expect("inspectable");
    let rate = loaded
        .ladder()
        .level("apprentice-1")
        .unwrap()
        .band()
        .unwrap();
    assert_eq!(rate.mid().to_string(), "5.13 USD");
}

/// A percentage of a range scales each of its points and its steps.
#[test]
fn a_percentage_of_a_stepped_range_scales_every_point() {
    let yaml = std::fs::read_to_string(STEPS).unwrap().replace(
        "band: { min: 37338, mid: 39405, max: 44962, steps: [37338, 39405, 44962] }\n        expectations: { clinical-practice: 3, line-management: 2 }",
        "band: { percent: 100%, of: specialist-nurse }\n        expectations: { clinical-practice: 3, line-management: 2 }",
    );
    let loaded = Loader::new().load(&yaml).expect("valid");
    let ladder = loaded.ladder();
    let deputy = ladder.level("deputy-sister").unwrap();
    let nurse = ladder.level("specialist-nurse").unwrap();
    assert_eq!(deputy.band(), nurse.band());
    assert_eq!(deputy.steps(), nurse.steps());
    assert_eq!(
        deputy.pay_basis().unwrap().of().as_str(),
        "specialist-nurse"
    );
}

#[test]
fn a_reference_to_itself_or_in_a_chain_is_refused_without_looping() {
    let yaml = std::fs::read_to_string(SPOT).unwrap().replace(
        "band: { percent: 40%, of: journeyman }",
        "band: { percent: 40%, of: apprentice-1 }",
    );
    assert_eq!(
        findings(&yaml),
        [(
            "invalid-pay-reference".to_owned(),
            "band of level `apprentice-1` is 40% of `apprentice-1`, whose band is a percentage too, itself 40% of `apprentice-1`".to_owned()
        )]
    );
    let yaml = std::fs::read_to_string(SPOT).unwrap().replace(
        "band: 41.00   # the spot rate",
        "band: { percent: 100%, of: apprentice-6 }   # the spot rate",
    );
    let codes: Vec<String> = findings(&yaml).into_iter().map(|(c, _)| c).collect();
    assert!(
        codes.iter().all(|c| c == "invalid-pay-reference"),
        "{codes:?}"
    );
    assert_eq!(
        codes.len(),
        9,
        "every level refers to the journeyman, and it back"
    );
}

#[test]
fn steps_name_where_a_salary_sits() {
    let ladder = Loader::new().load_path(STEPS).expect("valid").into_ladder();
    let nurse = ladder.level("staff-nurse").unwrap();
    let gbp = ladder.currency().unwrap();
    let at = |amount: &str| Money::from_decimal(amount.parse().unwrap(), gbp).unwrap();
    let place = |amount| nurse.step_position(at(amount), None).unwrap().to_string();
    assert_eq!(place("29000"), "below step 1 of 3");
    assert_eq!(place("29970"), "on step 1 of 3");
    assert_eq!(place("30000"), "between steps 1 and 2 of 3");
    assert_eq!(place("36483"), "on step 3 of 3");
    assert_eq!(place("40000"), "above step 3 of 3");
    assert_eq!(
        nurse.step_position(at("32324"), None),
        Some(StepPosition::On { on: 2, of: 3 })
    );
    // A level without steps has no step to name.
    let unstepped = Loader::new()
        .load_path("ladders/engineering.yaml")
        .expect("valid")
        .into_ladder();
    let ic1 = unstepped.level("ic1").unwrap();
    let usd = unstepped.currency().unwrap();
    let salary = Money::from_decimal("110000".parse().unwrap(), usd).unwrap();
    assert!(ic1.steps().is_empty());
    assert_eq!(ic1.step_position(salary, None), None);
}

/// A spot rate is one amount: inside the band below it, it overlaps it
/// wholly; above that band's max, not at all.
#[test]
fn band_overlap_treats_a_spot_rate_as_one_amount() {
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml").unwrap();
    let inside = minimal.replacen(
        "band: { min: 120000, mid: 138000, max: 156000 }",
        "band: 125000",
        1,
    );
    let overlaps: Vec<String> = findings(&inside)
        .into_iter()
        .filter(|(c, _)| c == "band-overlap")
        .map(|(_, m)| m)
        .collect();
    assert_eq!(
        overlaps,
        [
            "spot rate 125000 USD of level `ic2` lies inside the band of `ic1` below it, which reaches 130000 USD"
        ]
    );
    let above = minimal.replacen(
        "band: { min: 120000, mid: 138000, max: 156000 }",
        "band: 138000",
        1,
    );
    let codes: Vec<String> = findings(&above).into_iter().map(|(c, _)| c).collect();
    assert!(!codes.contains(&"band-overlap".to_owned()), "{codes:?}");
    assert!(!codes.contains(&"band-spread".to_owned()), "{codes:?}");
}

#[cfg(feature = "serde")]
#[test]
fn a_spot_rate_round_trips_through_serde() {
    let ladder = Loader::new().load_path(SPOT).expect("valid").into_ladder();
    let rate = *ladder.level("journeyman").unwrap().band().unwrap();
    let json = serde_json::to_value(rate).unwrap();
    assert_eq!(json["spot"], true);
    let back: dualtrack::Band = serde_json::from_value(json).unwrap();
    assert_eq!(back, rate);
    // A range leaves `spot` out, as before.
    let steps = Loader::new().load_path(STEPS).expect("valid").into_ladder();
    let band = *steps.level("staff-nurse").unwrap().band().unwrap();
    assert!(serde_json::to_value(band).unwrap().get("spot").is_none());
}

#[test]
fn a_reference_to_a_level_without_pay_or_out_of_range_is_an_error() {
    let spot = std::fs::read_to_string(SPOT).unwrap();
    let unpaid = spot.replace(
        "        band: 41.00   # the spot rate every other rate is a percentage of (Local 684 sheet, Dec 2018)\n",
        "",
    );
    let found = findings(&unpaid);
    assert!(
        found.contains(&(
            "invalid-pay-reference".to_owned(),
            "band of level `apprentice-1` is 40% of `journeyman`, which has no band".to_owned()
        )),
        "{found:?}"
    );
    let huge = spot.replace(
        "band: { percent: 40%, of: journeyman }",
        "band: { percent: 1000000000000000000%, of: journeyman }",
    );
    let found = findings(&huge);
    assert!(
        found.contains(&(
            "invalid-pay-reference".to_owned(),
            "band of level `apprentice-1` is 1000000000000000000% of `journeyman`, too large to hold in USD".to_owned()
        )),
        "{found:?}"
    );
}

/// A finding on a spot rate or on pay written as a percentage names the
/// `band` itself, which is written, not a `band/mid` the file does not have:
/// a rate of 110% of the journeyman's under the journeyman's own spot rate.
#[test]
fn findings_on_spot_and_percentage_pay_point_at_the_band() {
    let yaml = std::fs::read_to_string(SPOT).expect("fixture").replacen(
        "band: { percent: 85%, of: journeyman }",
        "band: { percent: 110%, of: journeyman }",
        1,
    );
    let report = match Loader::new().load(&yaml) {
        Ok(loaded) => loaded.report().clone(),
        Err(report) => report,
    };
    let paths: Vec<(&str, String, Vec<String>)> = report
        .findings()
        .iter()
        .map(|f| {
            let related = f.related().iter().map(|r| r.path().to_string()).collect();
            (f.code(), f.path().to_string(), related)
        })
        .collect();
    assert_eq!(
        paths,
        [
            (
                "midpoint-progression",
                "/tracks/0/levels/5/band".to_owned(),
                vec!["/tracks/0/levels/4/band".to_owned()]
            ),
            (
                "band-regression",
                "/tracks/0/levels/6/band".to_owned(),
                vec!["/tracks/0/levels/5/band".to_owned()]
            ),
        ]
    );
}
