//! The targets, measured side by side: the bare serde parse and
//! `dualtrack::load` run in alternation on the same input, so that whatever
//! else the machine is doing weighs on both alike. Prints one table of
//! medians and the median of the paired ratios.
//!
//! `cargo bench --bench ratio` (or `-- 1 10` for some scales only).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Each timed sample runs at least this long.
const SAMPLE: Duration = Duration::from_millis(40);

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs without it.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = !args.iter().any(|a| a == "--bench");
    let wanted: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let loader = common::loader();
    println!(
        "| size | bytes | levels | serde parse | dualtrack load | load / parse | load per level |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut per_level = Vec::new();
    for scale in common::SCALES {
        if !wanted.is_empty() && !wanted.contains(&scale) || quick && scale > 10 {
            continue;
        }
        let yaml = common::ladder(scale);
        let levels = common::Shape::of(scale).levels();
        let parse = || {
            black_box(common::mirror::parse(black_box(&yaml)).expect("parses"));
        };
        let load = || {
            black_box(loader.load(black_box(&yaml)).expect("valid"));
        };
        let rounds = if quick {
            3
        } else if scale >= 1000 {
            11
        } else {
            21
        };
        let (parse_ns, load_ns, ratio) = paired(parse, load, rounds, quick);
        let level_ns = load_ns / levels as f64;
        if scale >= 10 {
            per_level.push(level_ns);
        }
        println!(
            "| {scale}x | {} | {levels} | {} | {} | {ratio:.2} | {} |",
            yaml.len(),
            duration(parse_ns),
            duration(load_ns),
            duration(level_ns)
        );
    }
    if per_level.len() > 1 {
        let max = per_level.iter().copied().fold(f64::MIN, f64::max);
        let min = per_level.iter().copied().fold(f64::MAX, f64::min);
        println!(
            "\nload per level, largest / smallest from 10x up: {:.2}",
            max / min
        );
    }
    // The sizes above were timed minutes apart; time per level is also
    // compared side by side: 10x and a larger size loaded in alternation.
    let base = 10;
    if wanted.is_empty() || wanted.contains(&base) {
        let base_yaml = common::ladder(base);
        let base_levels = common::Shape::of(base).levels() as f64;
        println!("\n| size | load per level / load per level at 10x (paired) |");
        println!("|---|---:|");
        for scale in common::SCALES.into_iter().filter(|&s| s > base) {
            if !wanted.is_empty() && !wanted.contains(&scale) || quick && scale > 10 {
                continue;
            }
            let yaml = common::ladder(scale);
            let levels = common::Shape::of(scale).levels() as f64;
            let small = || {
                black_box(loader.load(black_box(&base_yaml)).expect("valid"));
            };
            let large = || {
                black_box(loader.load(black_box(&yaml)).expect("valid"));
            };
            let rounds = if scale >= 1000 { 11 } else { 21 };
            let (_, _, ratio) = paired(small, large, rounds, quick);
            println!("| {scale}x | {:.2} |", ratio * base_levels / levels);
        }
    }
}

/// Medians of `a` and `b` per run, in nanoseconds, and the median of the
/// ratios `b / a` of the samples taken one after the other. Each sample
/// repeats its function for at least [`SAMPLE`].
fn paired(mut a: impl FnMut(), mut b: impl FnMut(), rounds: usize, quick: bool) -> (f64, f64, f64) {
    // Warm up, and size the samples.
    let iterations = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        let once = start.elapsed().max(Duration::from_nanos(1));
        if quick {
            1
        } else {
            (SAMPLE.as_nanos() / once.as_nanos()).max(1) as usize
        }
    };
    let (na, nb) = (iterations(&mut a), iterations(&mut b));
    let sample = |f: &mut dyn FnMut(), n: usize| {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        start.elapsed().as_nanos() as f64 / n as f64
    };
    let (mut xs, mut ys, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        // Alternate which goes first, so that drift favours neither.
        let (x, y) = if round % 2 == 0 {
            let x = sample(&mut a, na);
            (x, sample(&mut b, nb))
        } else {
            let y = sample(&mut b, nb);
            (sample(&mut a, na), y)
        };
        xs.push(x);
        ys.push(y);
        ratios.push(y / x);
    }
    (median(xs), median(ys), median(ratios))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn duration(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}
