//! The command line over a directory of 1,000 generated ladders (1x each),
//! as a people-ops repository validates them on every pull request.
//!
//! `cargo bench --bench cli`. With `taskset` on the machine, the same run
//! pinned to one core shows what the second core buys.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

const FILES: usize = 1000;

fn directory() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ladders-1000");
    let yaml = common::ladder(1);
    std::fs::create_dir_all(&dir).expect("create the directory");
    for i in 0..FILES {
        let path = dir.join(format!("ladder-{i:04}.yaml"));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(yaml.as_str()) {
            std::fs::write(&path, &yaml).expect("write a ladder");
        }
    }
    dir
}

fn run(mut command: Command) {
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run dualtrack");
    assert!(status.success(), "dualtrack failed: {status}");
}

fn cli(c: &mut Criterion) {
    let dir = directory();
    let exe = env!("CARGO_BIN_EXE_dualtrack");
    let mut group = c.benchmark_group("cli");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("validate-1000-files", |b| {
        b.iter(|| {
            let mut command = Command::new(exe);
            command.arg("validate").arg(&dir);
            run(command)
        })
    });
    let pinned = Command::new("taskset")
        .args(["-c", "0", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if pinned {
        group.bench_function("validate-1000-files-one-core", |b| {
            b.iter(|| {
                let mut command = Command::new("taskset");
                command.args(["-c", "0"]).arg(exe).arg("validate").arg(&dir);
                run(command)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, cli);
criterion_main!(benches);
