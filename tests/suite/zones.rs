//! Location rules as written: a supplement as a share of base pay with a
//! minimum and a maximum, a pay cap, a rounding unit, exempt levels and
//! tracks; published zone figures reproduced to the unit; parity re-checked
//! per zone on the amounts as rounded.

use crate::common;

use common::report_of;
use dualtrack::{Loader, Report};

#[cfg(feature = "cli")]
const NHS: &str = "ladders/examples/nhs-nursing.yaml";
#[cfg(feature = "cli")]
const NHS_2022: &str = "tests/fixtures/cli/nhs-hcas-2022.yaml";

/// A two-track ladder in GBP whose zones are appended to it.
fn ladder(zones: &str) -> String {
    format!(
        "schema_version: 1
id: zoned
name: Zoned
currency: GBP
pay_period: annual
competencies:
  - {{ id: coding, name: Coding, kind: craft }}
  - {{ id: people, name: People, kind: people }}
tracks:
  - id: ic
    name: Individual contributor
    kind: individual_contributor
    levels:
      - {{ id: ic1, title: Engineer, grade: 1, band: {{ min: 30000, mid: 34000, max: 38000 }}, expectations: {{ coding: 1 }} }}
      - {{ id: ic2, title: Senior Engineer, grade: 2, band: {{ min: 36000, mid: 41000, max: 46000 }}, expectations: {{ coding: 2 }} }}
      - {{ id: ic3, title: Staff Engineer, grade: 3, band: {{ min: 44000, mid: 50000, max: 56000 }}, expectations: {{ coding: 3 }} }}
  - id: management
    name: Management
    kind: management
    levels:
      - {{ id: em1, title: Manager, grade: 2, band: {{ min: 36000, mid: 41000, max: 46000 }}, expectations: {{ coding: 2, people: 2 }} }}
      - {{ id: em2, title: Senior Manager, grade: 3, band: {{ min: 44000, mid: 50000, max: 56000 }}, expectations: {{ coding: 2, people: 3 }} }}
zones:
{zones}"
    )
}

fn report(source: &str) -> Report {
    report_of(Loader::new().load(source))
}

fn findings(source: &str) -> Vec<(String, String, String)> {
    report(source)
        .findings()
        .iter()
        .map(|f| {
            (
                f.code().to_owned(),
                f.message().to_owned(),
                f.help().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_supplement_is_a_share_of_base_pay_between_a_floor_and_a_ceiling() {
    let source = ladder(
        "  - { id: london, name: London, factor: 1, uplift: 20%, min_uplift: 7000, max_uplift: 9000, rounding: 1 }\n",
    );
    let ladder = Loader::new().load(&source).expect("valid").into_ladder();
    let london = ladder.zone("london").unwrap();
    let band = |id: &str| ladder.level(id).unwrap().band_in(Some(london)).unwrap();
    // 30000: 20% is 6000, below the floor: + 7000
    assert_eq!(band("ic1").min().to_string(), "37000 GBP");
    // 41000: 20% is 8200, between the bounds
    assert_eq!(band("ic2").mid().to_string(), "49200 GBP");
    // 56000: 20% is 11200, above the ceiling: + 9000
    assert_eq!(band("ic3").max().to_string(), "65000 GBP");
    assert!(report(&source).findings().is_empty());
}

#[test]
fn rounding_and_the_cap_apply_last_in_that_order() {
    let source =
        ladder("  - { id: london, name: London, factor: 1.0333, rounding: 100, cap: 55000 }\n");
    let ladder = Loader::new().load(&source).expect("valid").into_ladder();
    let london = ladder.zone("london").unwrap();
    let band = |id: &str| ladder.level(id).unwrap().band_in(Some(london)).unwrap();
    // 30000 x 1.0333 = 30999 -> 31000 (nearest hundred, half up)
    assert_eq!(band("ic1").min().to_string(), "31000 GBP");
    // 34000 x 1.0333 = 35132.2 -> 35100
    assert_eq!(band("ic1").mid().to_string(), "35100 GBP");
    // 50000 x 1.0333 = 51665 -> 51700; 56000 x 1.0333 = 57864.8 -> 57900, capped
    assert_eq!(band("ic3").mid().to_string(), "51700 GBP");
    assert_eq!(band("ic3").max().to_string(), "55000 GBP");
}

#[test]
fn an_exempt_level_is_paid_nationally_and_parity_is_rechecked_in_the_zone() {
    // The base bands match; in London the exempt `ic3` stays at 56000 while
    // `em2` gets the supplement: a gap that exists only in the zone.
    let source =
        ladder("  - { id: london, name: London, factor: 1, uplift: 10%, exempt: [ic3] }\n");
    let found = findings(&source);
    assert_eq!(found.len(), 1, "{found:#?}");
    for (code, message, help) in &found {
        assert_eq!(code, "parity-gap");
        assert!(
            message.starts_with("in zone `london`, IC level `ic3`"),
            "{message}"
        );
        assert!(
            help.contains("`ic3` is exempt from zone `london` (paid nationally) and `em2` is not"),
            "{help}"
        );
    }
    assert!(
        found[0]
            .1
            .contains("pays up to 56000 GBP, below management level `em2` (61600 GBP)")
    );
    // `move` in the zone pays the exempt level nationally too.
    let loaded = Loader::new().inspect(&source).expect("invariants hold");
    let london = loaded.ladder().zone("london").unwrap();
    let moved = loaded
        .ladder()
        .transition("em2", "ic")
        .expect("a move")
        .in_zone(london)
        .unwrap();
    assert_eq!(moved.from_band().unwrap().mid().to_string(), "55000 GBP");
    assert_eq!(moved.to_band().unwrap().mid().to_string(), "50000 GBP");
    assert_eq!(moved.pay_difference().unwrap().to_string(), "-5000 GBP");
    // Exempting its counterpart too: both paid nationally, no gap.
    let fixed =
        ladder("  - { id: london, name: London, factor: 1, uplift: 10%, exempt: [ic3, em2] }\n");
    assert!(findings(&fixed).is_empty(), "{:#?}", findings(&fixed));
    // A track id exempts each of its levels.
    let tracks = ladder(
        "  - { id: london, name: London, factor: 1, uplift: 10%, exempt: [ic, management] }\n",
    );
    assert!(findings(&tracks).is_empty(), "{:#?}", findings(&tracks));
    let ladder = Loader::new().load(&tracks).expect("valid").into_ladder();
    let london = ladder.zone("london").unwrap();
    assert!(london.exempts("em1") && london.exempts("ic3"));
    assert_eq!(london.exempt(), ["ic", "management"]);
    let em1 = ladder.level("em1").unwrap();
    assert_eq!(em1.band_in(Some(london)).as_ref(), em1.band());
}

#[test]
fn an_exemption_below_parity_opens_a_management_premium_in_the_zone() {
    // Parity from grade 3: at grade 2 `em1` and `ic2` share a band, but in
    // London the IC track is paid nationally and `em1` gets 10% more.
    let source = ladder(
        "  - { id: london, name: London, factor: 1, uplift: 10%, exempt: [ic] }
policy:
  parity: { from_grade: 3 }
",
    );
    let found = findings(&source);
    let premium: Vec<_> = found
        .iter()
        .filter(|(code, _, _)| code == "management-premium")
        .collect();
    assert_eq!(premium.len(), 1, "{found:#?}");
    assert_eq!(
        premium[0].1,
        "in zone `london`, management level `em1` (grade 2) has its midpoint at 45100 GBP, above IC level `ic2` (41000 GBP)"
    );
    assert_eq!(
        premium[0].2,
        "the zone exempts one of them: exempt both `ic2` and `em1` from zone `london`, or neither"
    );
    // The same gap at grade 3 is a parity gap, in the zone.
    assert!(
        found
            .iter()
            .any(|(code, message, _)| code == "parity-gap" && message.contains("`ic3`")),
        "{found:#?}"
    );
}

#[test]
fn location_rules_that_cannot_be_applied_are_invalid_zones() {
    let cases = [
        (
            "  - { id: london, name: London, factor: 1, min_uplift: 5000 }\n",
            "zone `london` gives `min_uplift` but no `uplift` for it to bound",
        ),
        (
            "  - { id: london, name: London, factor: 1, uplift: 20%, min_uplift: 9000, max_uplift: 5000 }\n",
            "zone `london` has a `min_uplift` of 9000 above its `max_uplift` of 5000",
        ),
        (
            "  - { id: london, name: London, factor: 1, rounding: 0.001 }\n",
            "zone `london` rounds to 0.001, which is not a whole number of GBP's smallest unit",
        ),
        (
            "  - { id: london, name: London, factor: 1, rounding: 0 }\n",
            "zone `london` rounds to 0, which is not a whole number of GBP's smallest unit",
        ),
        (
            "  - { id: london, name: London, factor: 1, cap: 90000.005 }\n",
            "zone `london` has a `cap` that is not an amount of GBP",
        ),
    ];
    for (zone, message) in cases {
        let found = findings(&ladder(zone));
        assert_eq!(found.len(), 1, "{zone}: {found:#?}");
        assert_eq!(found[0].0, "invalid-zone", "{zone}");
        assert_eq!(found[0].1, message, "{zone}");
    }
}

#[cfg(feature = "cli")]
mod cli {
    use super::{NHS, NHS_2022};
    use crate::common::{dualtrack, text};

    /// `show` succeeds (the example ladder has findings of its own, which
    /// go to stderr) and returns its stdout.
    fn show(args: &[&str]) -> String {
        let mut all = vec!["show"];
        all.extend_from_slice(args);
        let out = dualtrack(&all);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    /// The min, mid and max `show` prints on the row of `level`.
    fn row(output: &str, level: &str) -> [String; 3] {
        let line = output
            .lines()
            .find(|l| l.split_whitespace().any(|w| w == level))
            .unwrap_or_else(|| panic!("no row for {level}:\n{output}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        let at = words
            .iter()
            .position(|w| w.parse::<u64>().is_ok() && w.len() >= 5)
            .unwrap();
        [words[at], words[at + 1], words[at + 2]].map(str::to_owned)
    }

    /// The NHS example's inner London figures (the header of the example
    /// states the source rates and the sums), to the pound.
    #[test]
    fn show_zone_reproduces_the_nhs_inner_london_figures() {
        let out = show(&[NHS, "--zone", "inner-london"]);
        // Band 4 entry 26530: 20% is 5306, below the 5414 minimum.
        assert_eq!(row(&out, "nursing-associate")[0], "31944");
        // Band 5 entry 29970: + 20%, 5994.
        assert_eq!(row(&out, "staff-nurse")[0], "35964");
        // Band 6 entry 37338: + 20%, 7467.60, to the pound.
        assert_eq!(row(&out, "specialist-nurse")[0], "44806");
        // Band 7 entry 46148: 20% is 9229.60, above the 8172 maximum.
        assert_eq!(row(&out, "ward-sister")[0], "54320");
        insta::assert_snapshot!("show-nhs-inner-london", out);
        let level = show(&[NHS, "chief-nurse", "--zone", "inner-london"]);
        assert!(
            level.contains("zone pay     exempt: paid nationally in `inner-london`"),
            "{level}"
        );
    }

    /// Every London figure of a published 2022/23 table, to the pound.
    #[test]
    fn show_zone_reproduces_a_published_london_pay_table() {
        let published = [
            (
                "inner-london",
                [
                    ["28837", "30139", "31538"],
                    ["32466", "35016", "39521"],
                    ["40447", "42686", "47965"],
                ],
            ),
            (
                "outer-london",
                [
                    ["28057", "29224", "30390"],
                    ["31163", "33557", "37874"],
                    ["38762", "40749", "45765"],
                ],
            ),
            (
                "fringe",
                [
                    ["25146", "26372", "27596"],
                    ["28408", "30639", "34581"],
                    ["35391", "37351", "42503"],
                ],
            ),
        ];
        for (zone, bands) in published {
            let out = show(&[NHS_2022, "--zone", zone]);
            for (level, band) in ["ic1", "ic2", "ic3"].into_iter().zip(bands) {
                assert_eq!(row(&out, level), band, "{zone} {level}");
            }
        }
    }

    #[test]
    fn show_json_carries_the_location_rules() {
        let out = show(&[NHS, "--zone", "inner-london", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let zone = &json["zone"];
        assert_eq!(zone["uplift"], "20%");
        assert_eq!(zone["min_uplift"]["amount"], "5414");
        assert_eq!(zone["max_uplift"]["amount"], "8172");
        assert_eq!(zone["rounding"], "1");
        assert_eq!(zone["exempt"][0], "chief-nurse");
    }
}
