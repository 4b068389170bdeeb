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
    assert!(error.to_string().contains(phrase), "{error}\n{json}");
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
    // However many digits it was written with: `0.150` and `0.5` too.
    round_trip("0.150".parse::<Percent>().expect("percent"));
    round_trip("0.5".parse::<Percent>().expect("percent"));
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
    round_trip(dualtrack::Variable::Target("15%".parse().expect("percent")));
    round_trip(dualtrack::Variable::Amount(money(500_000)));
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
    // A proficiency scale is checked as a ladder file's is.
    refused::<dualtrack::ProficiencyScale>(
        serde_json::json!({ "start": 3, "end": 3 }),
        "a proficiency scale of 1 steps: it needs 2 to 10",
    );
    refused::<dualtrack::ProficiencyScale>(
        serde_json::json!({ "start": 0, "end": 1, "steps": [
            { "proficiency": 0, "name": "Aware" }, { "proficiency": 1, "name": "2" } ] }),
        "step name `2` is a number",
    );
    refused::<dualtrack::ProficiencyScale>(
        serde_json::json!({ "start": 0, "end": 1, "steps": [
            { "proficiency": 1, "name": "Aware" }, { "proficiency": 2, "name": "Expert" } ] }),
        "step `Aware` is number 0 of the proficiency scale, not 1",
    );
    refused::<dualtrack::ProficiencyScale>(
        serde_json::json!({ "start": 0, "end": 4, "steps": [
            { "proficiency": 0, "name": "Aware" }, { "proficiency": 1, "name": "Expert" } ] }),
        "a proficiency scale of 2 named steps from 0 ends at 1, not 4",
    );
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
    refused::<dualtrack::ProficiencyStep>(
        serde_json::json!({ "proficiency": 2, "name": "" }),
        "a proficiency step's name is blank",
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
            for related in finding.related() {
                let json = serde_json::to_value(related).expect("serializes");
                let back: dualtrack::Related =
                    serde_json::from_value(json.clone()).expect("reads back");
                assert_eq!(serde_json::to_value(&back).expect("serializes"), json);
                assert_eq!(back.location(), related.location());
            }
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

/// The owned answers a service returns read back to equal values in the
/// client: every level's profile (in each zone, with a salary and without),
/// transitions, readiness and assessments, and the overview in each zone, on
/// the reference ladders and ladders with variable pay, named proficiency
/// steps and a shared trunk. (A ladder with a grade
/// scale writes its grades as labels, which only it can rank: see
/// `labelled_grades_do_not_read_back_alone`.)
#[test]
fn owned_answers_round_trip() {
    use dualtrack::Ladder;
    let ladders: Vec<Ladder> = [
        "ladders/engineering.yaml",
        "ladders/skilled-trades.yaml",
        "ladders/design.yaml",
        "ladders/examples/variable-pay.yaml",
        "tests/fixtures/valid/scales.yaml",
        "tests/fixtures/valid/trunk.yaml",
    ]
    .iter()
    .map(|path| {
        dualtrack::Loader::new()
            .inspect_path(path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .into_parts()
            .0
    })
    .collect();
    for ladder in &ladders {
        let scale = ladder.proficiency_scale();
        let ratings: Ratings = ladder
            .competencies()
            .iter()
            .map(|c| (c.id().clone(), scale.start()))
            .collect();
        round_trip(ladder.readiness(&ratings).expect("readiness").into_owned());
        for track in ladder.tracks() {
            for level in track.levels() {
                let id = level.id().as_str();
                for zone in std::iter::once(None).chain(ladder.zones().iter().map(Some)) {
                    let salary = level.band_in(zone).map(|band| band.mid());
                    for salary in [None, salary] {
                        let profile = ladder.profile(id, zone, salary).expect("a level");
                        round_trip(profile.into_owned());
                    }
                }
                round_trip(
                    ladder
                        .assess(&ratings, Some(id))
                        .expect("assess")
                        .into_owned(),
                );
                for to in ladder.tracks().iter().filter(|t| t.id() != track.id()) {
                    let Ok(t) = ladder.transition(id, to.id().as_str()) else {
                        continue;
                    };
                    let salaried = level.band().and_then(|b| t.clone().with_salary(b.mid()));
                    round_trip(t.into_owned());
                    if let Some(salaried) = salaried {
                        round_trip(salaried.into_owned());
                    }
                }
            }
        }
        for zone in std::iter::once(None).chain(ladder.zones().iter().map(Some)) {
            let salary = ladder.tracks()[0].levels()[0]
                .band_in(zone)
                .map(|band| band.mid());
            let overview = ladder.overview(zone, salary).into_owned();
            round_trip(overview.clone());
            round_trip(ladder.proficiency_scale().clone());
            for step in ladder.proficiency_scale().steps() {
                round_trip(step.clone());
            }
            for track in overview.tracks {
                round_trip(track);
            }
            if let Some(salary) = overview.salary {
                round_trip(salary);
            }
        }
    }
}

/// A zone as answers show it reads back, exemptions included (nhs-nursing's
/// London zones exempt its top bands; its grades are labels, so its profiles
/// do not read back whole).
#[test]
fn zones_with_exemptions_read_back() {
    let ladder = dualtrack::Loader::new()
        .inspect_path("ladders/examples/nhs-nursing.yaml")
        .expect("loads")
        .into_parts()
        .0;
    let zones: Vec<dualtrack::ZoneAnswer> = ladder
        .zones()
        .iter()
        .map(dualtrack::ZoneAnswer::from)
        .collect();
    assert!(zones.iter().any(|z| !z.exempt.is_empty()), "{zones:?}");
    for zone in zones {
        round_trip(zone);
    }
}

/// `validate --format json` reads back, and a summary that does not count
/// the findings is refused.
#[test]
fn reports_of_several_files_read_back() {
    let mut reports = dualtrack::Reports::new();
    for path in [
        "tests/fixtures/rules/band-order.yaml",
        "ladders/design.yaml",
    ] {
        let text = std::fs::read_to_string(path).expect("file");
        let report = match dualtrack::load(&text) {
            Ok(loaded) => loaded.into_parts().1,
            Err(report) => report,
        };
        reports.push(path, report);
    }
    let json = serde_json::to_value(&reports).expect("serializes");
    let back: dualtrack::Reports = serde_json::from_value(json.clone()).expect("reads back");
    assert_eq!(serde_json::to_value(&back).expect("serializes"), json);
    assert_eq!(back.len(), 2);
    let mut miscounted = json;
    miscounted["summary"]["errors"] = serde_json::json!(0);
    refused::<dualtrack::Reports>(miscounted, "the summary does not count the findings");
}

/// Positions read back only as a salary and a band, or a list of steps,
/// can give them.
#[test]
fn positions_are_refused_when_no_salary_gives_them() {
    use dualtrack::{SalaryPosition, StepPosition};
    round_trip(StepPosition::On { on: 2, of: 3 });
    round_trip(StepPosition::Between {
        between: (2, 3),
        of: 3,
    });
    refused::<StepPosition>(
        serde_json::json!({ "on": 4, "of": 3 }),
        "invalid step position: no salary is on step 4 of 3",
    );
    refused::<StepPosition>(
        serde_json::json!({ "between": [1, 3], "of": 3 }),
        "no salary is between steps 1 and 3 of 3",
    );
    let usd = Currency::from_code("USD").expect("USD");
    let band = Band::new(
        Money::from_minor(100, usd),
        Money::from_minor(200, usd),
        Money::from_minor(300, usd),
    )
    .expect("band");
    let position = band
        .position(Money::from_minor(350, usd))
        .expect("same currency");
    round_trip(position);
    let mut json = serde_json::to_value(position).expect("serializes");
    json["placement"] = serde_json::json!("within");
    refused::<SalaryPosition>(json, "are not those of salary 3.50 USD in band");
}

#[test]
fn labelled_grades_read_back_with_their_rank() {
    round_trip(Grade::new(7));
    let ladder = dualtrack::load_path("tests/fixtures/valid/pay-steps.yaml")
        .expect("valid")
        .into_ladder();
    let level = &ladder.tracks()[0].levels()[0];
    let answer = ladder
        .profile(level.id().as_str(), None, None)
        .expect("level")
        .into_owned();
    let json = serde_json::to_value(&answer).expect("serializes");
    assert!(json["grade"]["label"].is_string(), "{json}");
    round_trip(answer);
    let grade: Grade = serde_json::from_value(json["grade"].clone()).expect("a grade");
    assert_eq!(grade.label(), level.grade().label());
    refused::<Grade>(
        serde_json::json!("GS-13"),
        "grade `GS-13` is a label of a grade scale: only its ladder knows its rank",
    );
    refused::<Grade>(serde_json::json!(-1), "grade -1 is negative");
    refused::<Grade>(
        serde_json::json!({ "rank": 1, "label": " " }),
        "a grade's label is blank",
    );
    refused::<Grade>(serde_json::json!({ "rank": 1 }), "missing field `label`");
    refused::<Grade>(
        serde_json::json!({ "rank": 1, "label": "A", "step": 2 }),
        "unknown field `step`, expected `rank` or `label`",
    );
}

/// Every valid ladder and fixture, as text.
fn ladder_files() -> Vec<(String, String)> {
    ["ladders", "ladders/examples", "tests/fixtures/valid"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("a directory"))
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            (path.display().to_string(), text)
        })
        .collect()
}

/// A ladder serializes as its file and reads back, through the same
/// validation, to an equal ladder; its JSON is a ladder file too, which the
/// loader (and so the CLI) reads with lines and columns.
#[test]
fn every_ladder_reads_back_from_its_json() {
    let files = ladder_files();
    assert!(files.len() >= 15, "{}", files.len());
    let loader = dualtrack::Loader::new();
    let mut valid = 0;
    for (path, yaml) in files {
        let loaded = loader
            .inspect(&yaml)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let ladder = loaded.ladder();
        let json = serde_json::to_string_pretty(ladder).expect("serializes");
        if loaded.is_valid() {
            valid += 1;
            let back: dualtrack::Ladder =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}\n{json}"));
            assert!(&back == ladder, "{path}: read back differs\n{json}");
        }
        let again = loader
            .inspect(&json)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(again.ladder() == ladder, "{path}: loaded differs");
        let findings = |loaded: &dualtrack::Loaded| -> Vec<(String, String, String)> {
            (loaded.report().findings().iter())
                .map(|f| {
                    (
                        f.code().to_owned(),
                        f.path().to_string(),
                        f.message().to_owned(),
                    )
                })
                .collect()
        };
        assert_eq!(findings(&again), findings(&loaded), "{path}");
        // What the JSON holds is the file, not a view of the model.
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["schema_version"], 1, "{path}");
    }
    assert!(valid >= 12, "{valid}");
}

/// A ladder that `Loader::inspect` hands out despite a policy error reads
/// back through `inspect`; deserializing refuses it, as `load` does, with
/// the error's code, pointer and message.
#[test]
fn a_ladder_with_a_policy_error_reads_back_only_to_inspect() {
    let yaml = std::fs::read_to_string("tests/fixtures/rules/parity-gap.yaml").expect("fixture");
    let loader = dualtrack::Loader::new();
    let ladder = loader.inspect(&yaml).expect("inspects").into_ladder();
    let json = serde_json::to_string(&ladder).expect("serializes");
    let back = loader.inspect(&json).expect("inspects").into_ladder();
    assert!(back == ladder);
    let error = serde_json::from_str::<dualtrack::Ladder>(&json).expect_err("refused");
    let text = error.to_string();
    assert!(
        text.starts_with("invalid ladder: error `parity-gap` at /tracks/0/levels/2/band/max: "),
        "{text}"
    );
    assert!(text.contains("(help: "), "{text}");
}

/// A broken ladder is refused with the first error in full and a count of
/// the rest; what no ladder file holds is refused by the reader itself.
#[test]
fn a_broken_ladder_is_refused_with_its_first_error() {
    let yaml = std::fs::read_to_string("ladders/engineering.yaml").expect("ladder");
    let ladder = dualtrack::load(&yaml).expect("valid").into_ladder();
    let mut file = serde_json::to_value(&ladder).expect("serializes");
    file["tracks"][0]["levels"][0]["band"]["max"] = serde_json::json!("90000");
    file["tracks"][0]["levels"][1]["id"] = serde_json::json!("Not An Id");
    refused::<dualtrack::Ladder>(
        file.clone(),
        "invalid ladder: error `band-order` at /tracks/0/levels/0/band: ",
    );
    refused::<dualtrack::Ladder>(file, "; and 1 more error");

    let mut file = serde_json::to_value(&ladder).expect("serializes");
    file["zones"][0]["factor"] = serde_json::json!(0.9);
    refused::<dualtrack::Ladder>(
        file,
        "the number 0.9 arrived as a float, which cannot carry an exact value: write a whole number without a fraction, or a decimal as a string (\"0.9\")",
    );
    // The first error in the file's order, as `load` reports it: a band
    // out of order on the first level before a duplicate id further down.
    let text = serde_json::to_string(&ladder).expect("serializes");
    let both = text
        .replacen(r#""max":"130000""#, r#""max":"90000""#, 1)
        .replacen(r#""id":"em2""#, r#""id":"em1""#, 1);
    let first = dualtrack::load(&both).expect_err("invalid").findings()[0].clone();
    assert_eq!(
        (first.code(), first.path().as_str()),
        ("band-order", "/tracks/0/levels/0/band")
    );
    let error = serde_json::from_str::<dualtrack::Ladder>(&both).expect_err("refused");
    assert!(
        error
            .to_string()
            .starts_with("invalid ladder: error `band-order` at /tracks/0/levels/0/band: "),
        "{error}"
    );
    assert!(error.to_string().ends_with("; and 1 more error"), "{error}");
    let twice = text.replacen(
        r#""name":"Engineering","#,
        r#""name":"Engineering","name":"Again","#,
        1,
    );
    let error = serde_json::from_str::<dualtrack::Ladder>(&twice).expect_err("refused");
    assert!(
        error.to_string().contains("the key `name` appears twice"),
        "{error}"
    );
    let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    let error = serde_json::from_str::<dualtrack::Ladder>(&deep).expect_err("refused");
    assert!(
        error.to_string().contains("nesting deeper than 32 levels"),
        "{error}"
    );
    refused::<dualtrack::Ladder>(
        serde_json::json!([1, 2]),
        "invalid ladder: error `type` at the top: expected the ladder (a mapping), found a list",
    );
}

/// The file format written in JSON by hand (numbers as numbers) loads
/// through the loader with located findings, as its YAML does.
#[test]
fn a_ladder_file_written_in_json_loads_with_located_findings() {
    let yaml = std::fs::read_to_string("ladders/engineering.yaml").expect("ladder");
    let mut file: serde_json::Value = serde_saphyr::from_str(&yaml).expect("yaml");
    file["tracks"][0]["levels"][0]["band"]["max"] = serde_json::json!(90000);
    let json = serde_json::to_string_pretty(&file).expect("json");
    let report = dualtrack::load(&json).expect_err("band-order");
    let finding = &report.findings()[0];
    assert_eq!(finding.code(), "band-order");
    assert_eq!(finding.path().as_str(), "/tracks/0/levels/0/band");
    assert!(finding.location().is_some(), "{finding:?}");
}
