//! The library's benches: the yardstick (bare serde parse) against
//! `dualtrack::load` at 1x to 1000x the reference ladder, a report with many
//! findings, and the service look-ups.
//!
//! `cargo bench --bench load`; BENCHMARKS.md has the figures.

mod common;

use std::hint::black_box;
use std::time::Duration;

use common::loader;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dualtrack::Money;

fn parse_and_load(c: &mut Criterion) {
    let loader = loader();
    let mut group = c.benchmark_group("load");
    for scale in common::SCALES {
        let yaml = common::ladder(scale);
        group.throughput(Throughput::Bytes(yaml.len() as u64));
        if scale >= 100 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(if scale >= 1000 { 20 } else { 5 }));
        }
        group.bench_with_input(BenchmarkId::new("serde-parse", scale), &yaml, |b, yaml| {
            b.iter(|| common::mirror::parse(black_box(yaml)).expect("parses"))
        });
        group.bench_with_input(
            BenchmarkId::new("dualtrack-load", scale),
            &yaml,
            |b, yaml| b.iter(|| loader.load(black_box(yaml)).expect("valid")),
        );
    }
    group.finish();
}

fn report(c: &mut Criterion) {
    let loader = loader();
    let mut group = c.benchmark_group("report");
    for scale in [10, 100] {
        let yaml = common::ladder_with_findings(scale);
        let report = loader.load(&yaml).expect_err("findings");
        group.throughput(Throughput::Elements(report.findings().len() as u64));
        if scale >= 100 {
            group.sample_size(10);
        }
        // Loading includes locating every finding (and its related places).
        group.bench_with_input(BenchmarkId::new("load", scale), &yaml, |b, yaml| {
            b.iter(|| loader.load(black_box(yaml)).expect_err("findings"))
        });
        group.bench_with_input(BenchmarkId::new("render", scale), &yaml, |b, yaml| {
            b.iter(|| dualtrack::render(black_box(&report), yaml, "ladders/company.yaml", false))
        });
        group.bench_with_input(BenchmarkId::new("json", scale), &report, |b, report| {
            b.iter(|| serde_json::to_string(black_box(report)).expect("json"))
        });
    }
    group.finish();
}

fn lookups(c: &mut Criterion) {
    let loader = loader();
    let mut group = c.benchmark_group("lookup");
    for scale in [1, 1000] {
        let ladder = loader
            .load(&common::ladder(scale))
            .expect("valid")
            .into_ladder();
        let levels = common::level_ids(scale);
        let zones = common::zone_ids(scale);
        // The last of each, so a linear search would pay for every entry.
        let level_id = levels.last().expect("levels").as_str();
        let zone_id = zones.last().expect("zones").as_str();
        let track_id = ladder
            .tracks()
            .last()
            .expect("tracks")
            .id()
            .as_str()
            .to_owned();
        let competency_id = ladder
            .competencies()
            .last()
            .expect("competencies")
            .id()
            .as_str()
            .to_owned();
        let level = ladder.level(level_id).expect("level");
        let zone = ladder.zone(zone_id).expect("zone");
        group.bench_function(BenchmarkId::new("level", scale), |b| {
            b.iter(|| ladder.level(black_box(level_id)))
        });
        group.bench_function(BenchmarkId::new("track", scale), |b| {
            b.iter(|| ladder.track(black_box(&track_id)))
        });
        group.bench_function(BenchmarkId::new("competency", scale), |b| {
            b.iter(|| ladder.competency(black_box(&competency_id)))
        });
        group.bench_function(BenchmarkId::new("zone", scale), |b| {
            b.iter(|| ladder.zone(black_box(zone_id)))
        });
        let band = level.band().expect("a band");
        group.bench_function(BenchmarkId::new("zone-band", scale), |b| {
            b.iter(|| black_box(zone).band(black_box(band)))
        });
        group.bench_function(BenchmarkId::new("level-zone-band", scale), |b| {
            b.iter(|| {
                let level = ladder.level(black_box(level_id))?;
                ladder.zone(black_box(zone_id))?.band(level.band()?)
            })
        });
        group.bench_function(BenchmarkId::new("expectation", scale), |b| {
            b.iter(|| black_box(level).expectation(black_box("technical-depth")))
        });
        // The service look-ups of issue 5: the counterpart of the last
        // management level on its discipline's IC track (the second last
        // track), its band in the last zone, and a salary's place in that band.
        let ic_track = ladder.tracks()[ladder.tracks().len() - 2]
            .id()
            .as_str()
            .to_owned();
        group.bench_function(BenchmarkId::new("counterpart", scale), |b| {
            b.iter(|| ladder.counterpart(black_box(level_id), black_box(&ic_track)))
        });
        group.bench_function(BenchmarkId::new("band-in-zone", scale), |b| {
            b.iter(|| black_box(level).band_in(black_box(Some(zone))))
        });
        let band = level.band_in(Some(zone)).expect("converts");
        let salary = Money::from_minor(band.mid().minor() + 1, band.mid().currency());
        group.bench_function(BenchmarkId::new("compa-ratio", scale), |b| {
            b.iter(|| black_box(&band).compa_ratio(black_box(salary)))
        });
        group.bench_function(BenchmarkId::new("position", scale), |b| {
            b.iter(|| black_box(&band).position(black_box(salary)))
        });
    }
    group.finish();
}

criterion_group!(benches, parse_and_load, report, lookups);
criterion_main!(benches);
