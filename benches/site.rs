//! Publishing a ladder: `site::html` and `site::markdown` on the largest
//! generated ladder (1000x `ladders/engineering.yaml`) and on the reference
//! ladder.
//!
//! `cargo bench --bench site`; BENCHMARKS.md has the figures.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dualtrack::site::{self, SiteOptions};

fn publish(c: &mut Criterion) {
    let loader = common::loader();
    let mut group = c.benchmark_group("site");
    for scale in [1, 1000] {
        let yaml = common::ladder(scale);
        let loaded = loader.inspect(&yaml).expect("loads");
        let (ladder, report) = (loaded.ladder(), loaded.report());
        if scale >= 1000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(10));
        }
        group.bench_with_input(BenchmarkId::new("html", scale), &scale, |b, _| {
            b.iter(|| site::html(black_box(ladder), report, SiteOptions::default()))
        });
        group.bench_with_input(BenchmarkId::new("markdown", scale), &scale, |b, _| {
            b.iter(|| site::markdown(black_box(ladder), report, SiteOptions::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, publish);
criterion_main!(benches);
