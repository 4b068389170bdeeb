//! Property: whatever is done to a reference ladder (lines deleted or
//! duplicated, values retyped, the file truncated, bytes spliced in), the
//! loader never panics, and it either loads or reports findings that each
//! sit at a line and column inside the file; rendering them never panics and
//! never lets a control character through.
//!
//! The case count comes from `PROPTEST_CASES`: 256 mutated ladders on a
//! plain `cargo test`, so the everyday loop stays quick, and 10,000 in CI
//! (`.ci/run` exports `PROPTEST_CASES=10000`).

use dualtrack::Loader;
use proptest::prelude::*;

const LADDERS: [&str; 4] = [
    include_str!("../../ladders/engineering.yaml"),
    include_str!("../../ladders/design.yaml"),
    include_str!("../../ladders/skilled-trades.yaml"),
    include_str!("../fixtures/valid/minimal.yaml"),
];

/// Values that a careless or hostile hand puts where another was.
const RETYPES: &[&str] = &[
    "~",
    "null",
    "",
    "yes",
    "on",
    "true",
    "0777",
    "0o17",
    "0x1F",
    "1e5",
    "12_000",
    ".nan",
    "-.inf",
    "-5",
    "\"$120k\"",
    "'120.000,00'",
    "99999999999999999999",
    "100000.001",
    "[]",
    "{}",
    "[1, [2, [3]]]",
    "{ a: 1, a: 2 }",
    "&anchor x",
    "*anchor",
    "!!str x",
    "!local x",
    "<<: {}",
    "|\n  block",
    ">-\n  folded",
    "\"\\e[2J\\u202e\"",
    "\u{202e}abc",
    "ic\u{200b}1",
    "IC1",
    "../ic1",
    "\"unterminated",
    "'unterminated",
    "- item",
    "? key",
    "key: value",
    "\t1",
    "#comment",
    "---",
    "...",
    "%YAML 1.2",
    "\u{feff}x",
    "\0",
    "\r",
    "\u{85}",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Delete bytes `at..at + len` (positions are taken modulo the length).
    Delete { at: usize, len: usize },
    /// Delete one line.
    DeleteLine(usize),
    /// Repeat one line.
    DuplicateLine(usize),
    /// Replace the value after the first `: ` of a line.
    Retype { line: usize, value: usize },
    /// Cut the file here.
    Truncate(usize),
    /// Insert these bytes here.
    Splice { at: usize, bytes: Vec<u8> },
    /// Swap two lines.
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(line, value)| Mutation::Retype { line, value }),
        any::<usize>().prop_map(Mutation::Truncate),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..16)
        )
            .prop_map(|(at, bytes)| Mutation::Splice { at, bytes }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn apply(mut bytes: Vec<u8>, mutation: &Mutation) -> Vec<u8> {
    let n = bytes.len().max(1);
    match mutation {
        Mutation::Delete { at, len } => {
            let at = at % n;
            let end = (at + len).min(bytes.len());
            bytes.drain(at.min(end)..end);
            bytes
        }
        Mutation::Truncate(at) => {
            bytes.truncate(at % n);
            bytes
        }
        Mutation::Splice { at, bytes: spliced } => {
            let at = (at % n).min(bytes.len());
            bytes.splice(at..at, spliced.iter().copied());
            bytes
        }
        Mutation::DeleteLine(_)
        | Mutation::DuplicateLine(_)
        | Mutation::Retype { .. }
        | Mutation::SwapLines(..) => {
            let mut lines = lines(&bytes);
            if lines.is_empty() {
                return bytes;
            }
            let count = lines.len();
            match mutation {
                Mutation::DeleteLine(i) => {
                    lines.remove(i % count);
                }
                Mutation::DuplicateLine(i) => {
                    let line = lines[i % count].clone();
                    lines.insert(i % count, line);
                }
                Mutation::SwapLines(a, b) => lines.swap(a % count, b % count),
                Mutation::Retype { line, value } => {
                    let line = &mut lines[line % count];
                    if let Some(at) = line.windows(2).position(|w| w == b": ") {
                        let value = RETYPES[value % RETYPES.len()];
                        let newline = line.ends_with(b"\n");
                        line.truncate(at + 2);
                        line.extend_from_slice(value.as_bytes());
                        if newline {
                            line.push(b'\n');
                        }
                    }
                }
                _ => {}
            }
            lines.concat()
        }
    }
}

/// Lines as YAML counts them: `\n`, `\r\n` and a lone `\r` each end one.
fn line_count(text: &str) -> usize {
    let lone_cr = text.matches('\r').count() - text.matches("\r\n").count();
    text.matches('\n').count() + lone_cr + 1
}

proptest! {
    // 256 cases unless `PROPTEST_CASES` says otherwise: proptest reads it
    // over whatever is set here.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_ladders_load_or_report_located_findings(
        ladder in 0..LADDERS.len(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let bytes = mutations
            .iter()
            .fold(LADDERS[ladder].as_bytes().to_vec(), apply);
        let report = match Loader::new().load_bytes(&bytes) {
            Ok(loaded) => loaded.report().clone(),
            Err(report) => {
                prop_assert!(report.has_errors());
                report
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let lines = line_count(&text);
        for finding in report.findings() {
            let line = finding.line();
            let column = finding.column();
            prop_assert!(
                line.is_some_and(|l| (1..=lines).contains(&l)) && column.is_some_and(|c| c >= 1),
                "{} at {:?}:{:?} of {} lines: {}",
                finding.code(),
                line,
                column,
                lines,
                finding.message()
            );
        }
        #[cfg(feature = "render")]
        {
            let rendered = dualtrack::render(&report, &text, "mutated.yaml", false);
            prop_assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}
