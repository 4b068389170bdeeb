//! Writes generated ladders, as the benches use them.
//!
//! ```text
//! cargo run --release --example generate -- 10 > ladder.yaml   # one ladder, 10x engineering
//! cargo run --release --example generate -- 1 1000 target/ladders-1000   # 1,000 files
//! cargo run --release --example generate -- 10 --findings      # with many findings
//! ```
//!
//! For a profiler (`valgrind --tool=callgrind`), instead of writing the
//! ladder: `--load` loads it once with `dualtrack` (the limits raised as in
//! the benches), `--parse` parses it once with the serde yardstick, and
//! `--render` loads the ladder with findings and renders its report
//! (`--load --findings` loads the ladder with findings, without rendering),
//! `--html` and `--markdown` load the ladder and publish its page
//! (`dualtrack::site`).

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let findings = args.iter().any(|a| a == "--findings");
    let numbers: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (scale, files) = match numbers.as_slice() {
        [scale] => (scale.parse().ok(), None),
        [scale, count, dir] => (scale.parse().ok(), Some((count.parse().ok(), dir.as_str()))),
        _ => (None, None),
    };
    let Some(scale) = scale else {
        eprintln!(
            "usage: generate SCALE [COUNT DIR] [--findings | {}]",
            ONCE.join(" | ")
        );
        return ExitCode::from(2);
    };
    let once = ONCE.into_iter().find(|mode| args.iter().any(|a| a == mode));
    if let Some(mode) = once {
        return run_once(mode, scale, findings);
    }
    let yaml = if findings {
        common::ladder_with_findings(scale)
    } else {
        common::ladder(scale)
    };
    let written = match files {
        None => std::io::stdout().write_all(yaml.as_bytes()),
        Some((Some(count), dir)) => write_files(&yaml, count, dir),
        Some((None, _)) => {
            eprintln!(
                "usage: generate SCALE [COUNT DIR] [--findings | {}]",
                ONCE.join(" | ")
            );
            return ExitCode::from(2);
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The modes that do one thing once, for a profiler.
const ONCE: [&str; 5] = ["--load", "--parse", "--render", "--html", "--markdown"];

/// Does one thing once, for a profiler to count.
fn run_once(mode: &str, scale: usize, findings: bool) -> ExitCode {
    let loader = common::loader();
    let ok = match mode {
        "--parse" => common::mirror::parse(&common::ladder(scale)).is_ok(),
        "--render" => {
            let yaml = common::ladder_with_findings(scale);
            match loader.load(&yaml) {
                Err(report) => {
                    let text = dualtrack::render(&report, &yaml, "ladder.yaml", false);
                    !std::hint::black_box(text).is_empty()
                }
                Ok(_) => false,
            }
        }
        "--html" | "--markdown" => {
            let yaml = common::ladder(scale);
            let Ok(loaded) = loader.inspect(&yaml) else {
                eprintln!("error: the generated ladder does not load");
                return ExitCode::FAILURE;
            };
            let (ladder, report) = (loaded.ladder(), loaded.report());
            let options = dualtrack::site::SiteOptions::default();
            let start = std::time::Instant::now();
            let page = if mode == "--html" {
                dualtrack::site::html(ladder, report, options)
            } else {
                dualtrack::site::markdown(ladder, report, options)
            };
            eprintln!("{} bytes in {:?}", page.len(), start.elapsed());
            !std::hint::black_box(page).is_empty()
        }
        _ if findings => {
            std::hint::black_box(loader.load(&common::ladder_with_findings(scale))).is_err()
        }
        _ => std::hint::black_box(loader.load(&common::ladder(scale))).is_ok(),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        eprintln!("error: unexpected outcome");
        ExitCode::FAILURE
    }
}

fn write_files(yaml: &str, count: usize, dir: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for i in 0..count {
        std::fs::write(format!("{dir}/ladder-{i:04}.yaml"), yaml)?;
    }
    Ok(())
}
