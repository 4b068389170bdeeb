//! The generated ladders of the benches stay valid, so that the benches keep
//! measuring what they claim to.

use crate::bench_common as common;

fn assert_clean(scale: usize) {
    let yaml = common::ladder(scale);
    let loaded = common::loader()
        .load(&yaml)
        .unwrap_or_else(|report| panic!("scale {scale}: {report}"));
    assert!(
        loaded.report().is_empty(),
        "scale {scale}: {:?}",
        loaded.report().findings().first()
    );
    let shape = common::Shape::of(scale);
    let ladder = loaded.ladder();
    assert_eq!(ladder.tracks().len(), shape.tracks());
    assert_eq!(ladder.competencies().len(), shape.competencies);
    assert_eq!(ladder.zones().len(), shape.zones);
    let levels: usize = ladder.tracks().iter().map(|t| t.levels().len()).sum();
    assert_eq!(levels, shape.levels());
    for id in common::level_ids(scale) {
        assert!(
            ladder.level(&id).is_some(),
            "scale {scale}: no level `{id}`"
        );
    }
    for id in common::zone_ids(scale) {
        assert!(ladder.zone(&id).is_some(), "scale {scale}: no zone `{id}`");
    }
}

#[test]
fn generated_ladders_load_clean() {
    // 100x and 1000x take the same code paths with more disciplines; the
    // benches load them, and the shape is the same from 12 disciplines up.
    for scale in [1, 2, 10, 13, 30] {
        assert_clean(scale);
    }
}

#[test]
fn scale_one_is_the_size_of_the_engineering_ladder() {
    let reference = std::fs::read_to_string("ladders/engineering.yaml").expect("reference");
    let generated = common::ladder(1);
    let ratio = generated.len() as f64 / reference.len() as f64;
    assert!(
        (0.8..1.25).contains(&ratio),
        "{} vs {}",
        generated.len(),
        reference.len()
    );
}

#[test]
fn the_report_ladder_has_many_located_findings() {
    let scale = 10;
    let report = dualtrack::load(&common::ladder_with_findings(scale)).unwrap_err();
    let disciplines = common::Shape::of(scale).disciplines;
    let count = |code| {
        report
            .findings()
            .iter()
            .filter(|f| f.code() == code)
            .count()
    };
    assert_eq!(count("duplicate-title"), (disciplines - 1) * 13);
    assert_eq!(count("parity-gap"), disciplines);
    assert_eq!(
        report.findings().len(),
        (disciplines - 1) * 13 + disciplines
    );
    assert!(report.findings().iter().all(|f| f.line().is_some()));
}
