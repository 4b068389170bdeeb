//! `dualtrack audit` on a generated roster of 1,000,000 rows: the library
//! fed by a streaming `csv` reader, against a bare `csv` read of the same
//! file (the floor), and the command end to end.
//!
//! `cargo bench --bench audit`. The target: under 2 s and 256 MiB
//! (peak memory: `/usr/bin/time -v target/release/dualtrack audit ...`).

#[path = "../tests/suite/common/roster.rs"]
mod roster;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dualtrack::Ladder;
use dualtrack::audit::Record;
use dualtrack::audit::{AuditOptions, Auditor};

const ROWS: usize = 1_000_000;

fn roster() -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("roster-1000000.csv");
    if !path.exists() {
        std::fs::write(&path, roster::large(ROWS)).expect("write the roster");
    }
    path
}

struct Row<'a>(&'a csv::ByteRecord);

impl Record for Row<'_> {
    fn field(&self, index: usize) -> Option<&str> {
        std::str::from_utf8(self.0.get(index)?).ok()
    }
}

fn bare_read(path: &Path) -> usize {
    let mut reader = csv::Reader::from_path(path).expect("open");
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while reader.read_byte_record(&mut record).expect("read") {
        rows += 1;
    }
    rows
}

fn audit(ladder: &Ladder, path: &Path) -> u64 {
    let mut reader = csv::Reader::from_path(path).expect("open");
    let header = reader.byte_headers().expect("header").clone();
    let names: Vec<&str> = header
        .iter()
        .map(|f| std::str::from_utf8(f).expect("utf-8"))
        .collect();
    let mut auditor = Auditor::new(ladder, names, AuditOptions::by("gender")).expect("header");
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).expect("read") {
        let line = record.position().map_or(0, csv::Position::line);
        auditor.push(line, &Row(&record));
    }
    auditor.finish().rows().used
}

fn bench(c: &mut Criterion) {
    let path = roster();
    let ladder = dualtrack::load_path("ladders/engineering.yaml")
        .expect("ladder")
        .into_ladder();
    assert_eq!(audit(&ladder, &path), ROWS as u64);
    let mut group = c.benchmark_group("audit-1000000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("bare csv read", |b| b.iter(|| bare_read(&path)));
    group.bench_function("library audit", |b| b.iter(|| audit(&ladder, &path)));
    let exe = env!("CARGO_BIN_EXE_dualtrack");
    group.bench_function("dualtrack audit --format json", |b| {
        b.iter(|| {
            let status = Command::new(exe)
                .args(["audit", "ladders/engineering.yaml"])
                .arg(&path)
                .args(["--by", "gender", "--format", "json"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run dualtrack");
            assert!(status.code().is_some_and(|c| c <= 1), "{status}");
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
