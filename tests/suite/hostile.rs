//! Hostile input: one case per trap, each asserting the code, line and column
//! of the finding a user sees, and that nothing a file holds can reach the
//! terminal unescaped. Then the limits, each reached at a place and in
//! bounded time, and regressions for the unbounded work found in the audit.

use std::io::Read;
use std::time::{Duration, Instant};

use dualtrack::{LoadError, Loader, Report};

use crate::common;

use common::report_of;

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.yaml");

fn report(bytes: &[u8]) -> Report {
    report_of(Loader::new().load_bytes(bytes))
}

fn mutate(from: &str, to: &str) -> Vec<u8> {
    assert!(
        MINIMAL.contains(from),
        "`{from}` is not in the minimal ladder"
    );
    MINIMAL.replacen(from, to, 1).into_bytes()
}

/// A trap: the file, then the (code, line, column) of its first finding in
/// file order, and a text its message must contain.
struct Trap {
    name: &'static str,
    bytes: Vec<u8>,
    code: &'static str,
    line: usize,
    column: usize,
    says: &'static str,
}

fn trap(
    name: &'static str,
    bytes: impl Into<Vec<u8>>,
    (code, line, column): (&'static str, usize, usize),
    says: &'static str,
) -> Trap {
    Trap {
        name,
        bytes: bytes.into(),
        code,
        line,
        column,
        says,
    }
}

fn billion_laughs() -> String {
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        yaml.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    yaml
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let bom: &[u8] = if bom { &[0xFF, 0xFE] } else { &[] };
    bom.iter()
        .copied()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

fn traps() -> Vec<Trap> {
    let level = "      - id: ic1";
    vec![
        // Anchors, aliases, merge keys, tags, documents.
        trap(
            "billion laughs",
            billion_laughs(),
            ("unsupported-yaml", 1, 4),
            "an anchor",
        ),
        trap(
            "anchor",
            mutate("name: Minimal", "name: &n Minimal"),
            ("unsupported-yaml", 5, 7),
            "an anchor (`&name`)",
        ),
        trap(
            "alias of an unknown anchor",
            mutate("name: Minimal", "name: *n"),
            ("unsupported-yaml", 5, 7),
            "an alias (`*name`)",
        ),
        trap(
            "merge key",
            mutate("id: minimal\n", "<<: { id: minimal }\n"),
            ("unsupported-yaml", 4, 1),
            "a merge key (`<<`)",
        ),
        trap(
            "core tag",
            mutate("name: Minimal", "name: !!str Minimal"),
            ("unsupported-yaml", 5, 7),
            "an explicit tag",
        ),
        trap(
            "local tag on a mapping",
            mutate("band: { min: 100000", "band: !money { min: 100000"),
            ("unsupported-yaml", 26, 15),
            "an explicit tag",
        ),
        trap(
            "second document",
            format!("{MINIMAL}---\n{MINIMAL}"),
            ("unsupported-yaml", 52, 1),
            "a second YAML document",
        ),
        // Whitespace and encodings.
        trap(
            "tab as indentation",
            mutate("    name: Coding", "\tname: Coding"),
            ("syntax", 10, 1),
            "tab",
        ),
        // yaml-test-suite 4EJS: the parser noticed only the second line.
        trap(
            "tab indenting a mapping, noticed a line later",
            format!("{MINIMAL}policy:\n\tparity:\n\t\tmode: equal\n"),
            ("syntax", 53, 1),
            "tab",
        ),
        trap(
            "tab after a space, before a mapping",
            format!("{MINIMAL}policy:\n \tparity: {{ mode: equal }}\n"),
            ("syntax", 53, 2),
            "YAML indents with spaces only",
        ),
        // yaml-test-suite DK95-01.
        trap(
            "tab indenting a quoted continuation",
            mutate("title: Engineer", "title: \"Engi\n\tneer\""),
            ("syntax", 25, 1),
            "YAML indents with spaces only",
        ),
        // yaml-test-suite QB6E and 9C9N.
        trap(
            "quoted value continued at column 0",
            mutate("title: Engineer", "title: \"Engi\nneer\""),
            ("syntax", 25, 1),
            "quoted text continued on a line that is not indented",
        ),
        trap(
            "flow mapping continued at column 0",
            mutate("band: { min: 100000, ", "band: { min: 100000,\n"),
            ("syntax", 27, 1),
            "invalid indentation",
        ),
        trap(
            "quote never closed",
            mutate("title: Engineer", "title: \"Engineer"),
            ("syntax", 24, 16),
            "this quoted text, opened at 24:16, is never closed",
        ),
        trap(
            "invalid UTF-8 byte",
            {
                let mut bytes = MINIMAL.as_bytes().to_vec();
                let at = MINIMAL.find("Minimal").unwrap_or(0);
                bytes[at + 3] = 0xC0;
                bytes
            },
            ("syntax", 5, 10),
            "byte 0xC0",
        ),
        trap(
            "Latin-1 after a byte order mark",
            [b"\xEF\xBB\xBFname: caf".as_slice(), b"\xE9\n"].concat(),
            ("syntax", 1, 10),
            "byte 0xE9",
        ),
        trap(
            "UTF-16LE with a byte order mark",
            utf16le(MINIMAL, true),
            ("syntax", 1, 1),
            "UTF-16LE (with a byte order mark)",
        ),
        trap(
            "UTF-16BE with a byte order mark",
            [0xFE, 0xFF, 0x00, b'a'],
            ("syntax", 1, 1),
            "UTF-16BE (with a byte order mark)",
        ),
        trap(
            "UTF-16LE without a byte order mark",
            utf16le(MINIMAL, false),
            ("syntax", 1, 1),
            "UTF-16LE text",
        ),
        trap(
            "UTF-32LE with a byte order mark",
            [0xFF, 0xFE, 0x00, 0x00, b'a', 0, 0, 0],
            ("syntax", 1, 1),
            "UTF-32LE",
        ),
        trap(
            "UTF-32BE without a byte order mark",
            [0x00, 0x00, 0x00, b'a'],
            ("syntax", 1, 1),
            "UTF-32BE",
        ),
        trap(
            "raw escape character",
            mutate("name: Minimal", "name: Mini\x1b[2Jmal"),
            ("syntax", 5, 11),
            "\\u{1b}",
        ),
        trap(
            "escaped control and bidi characters in an id",
            mutate("id: minimal", "id: \"mini\\e[2J\\u202Emal\""),
            ("invalid-id", 4, 5),
            "\\u{1b}[2J\\u{202e}",
        ),
        trap(
            "NUL byte",
            mutate("name: Minimal", "name: Mini\0mal"),
            ("syntax", 5, 11),
            "\\u{0}",
        ),
        trap(
            "lone carriage returns as line breaks",
            MINIMAL
                .replace('\n', "\r")
                .replacen("pay_period: annual", "pay_period: yearly", 1),
            ("type", 7, 13),
            "a pay period",
        ),
        // Empty documents.
        trap("empty file", "", ("type", 1, 1), "holds no ladder"),
        trap(
            "comment-only file",
            "# nothing here\n\n# yet\n",
            ("type", 1, 1),
            "holds no ladder",
        ),
        trap(
            "byte order mark only",
            "\u{feff}",
            ("type", 1, 1),
            "holds no ladder",
        ),
        // Keys and values.
        trap(
            "duplicate key",
            mutate("currency: USD\n", "currency: USD\ncurrency: EUR\n"),
            ("duplicate-key", 7, 1),
            "duplicate key `currency`",
        ),
        trap(
            "null name",
            mutate("name: Minimal", "name: null"),
            ("type", 5, 7),
            "found null",
        ),
        trap(
            "tilde name",
            mutate("name: Minimal", "name: ~"),
            ("type", 5, 7),
            "found null",
        ),
        trap(
            "empty name",
            mutate("name: Minimal", "name:"),
            ("type", 5, 5),
            "found null",
        ),
        trap(
            "empty title",
            mutate("title: Engineer\n", "title:\n"),
            ("type", 24, 14),
            "found null",
        ),
        trap(
            "boolean name",
            mutate("name: Minimal", "name: true"),
            ("type", 5, 7),
            "the boolean `true`",
        ),
        trap(
            "YAML 1.1 boolean as a choice",
            mutate("kind: craft", "kind: yes"),
            ("type", 11, 11),
            "the string `yes`",
        ),
        trap(
            "YAML 1.1 boolean as a grade",
            mutate("grade: 1\n", "grade: on\n"),
            ("type", 25, 16),
            "the string `on`",
        ),
        trap(
            "YAML 1.1 octal grade",
            mutate("grade: 1\n", "grade: 0777\n"),
            ("type", 25, 16),
            "the integer `0777`",
        ),
        trap(
            "YAML 1.2 octal grade",
            mutate("grade: 1\n", "grade: 0o17\n"),
            ("type", 25, 16),
            "the integer `0o17`",
        ),
        trap(
            "octal schema version",
            mutate("schema_version: 1", "schema_version: 01"),
            ("type", 3, 17),
            "the integer `01`",
        ),
        // Money.
        trap(
            "hex amount",
            mutate("min: 100000,", "min: 0x1F,"),
            ("invalid-amount", 26, 22),
            "hexadecimal",
        ),
        trap(
            "octal amount",
            mutate("min: 100000,", "min: 0777,"),
            ("invalid-amount", 26, 22),
            "leading zero",
        ),
        trap(
            "0o amount",
            mutate("min: 100000,", "min: 0o17,"),
            ("invalid-amount", 26, 22),
            "octal",
        ),
        trap(
            "exponent",
            mutate("min: 100000,", "min: 1e5,"),
            ("invalid-amount", 26, 22),
            "exponent",
        ),
        trap(
            "separator",
            mutate("min: 100000,", "min: 12_000,"),
            ("invalid-amount", 26, 22),
            "separators",
        ),
        trap(
            "not a number",
            mutate("min: 100000,", "min: .nan,"),
            ("invalid-amount", 26, 22),
            "not a finite",
        ),
        trap(
            "infinity",
            mutate("min: 100000,", "min: .inf,"),
            ("invalid-amount", 26, 22),
            "not a finite",
        ),
        trap(
            "negative",
            mutate("min: 100000,", "min: -5,"),
            ("invalid-amount", 26, 22),
            "negative",
        ),
        trap(
            "dollars",
            mutate("min: 100000,", "min: \"$120k\","),
            ("invalid-amount", 26, 22),
            "`$120k`",
        ),
        trap(
            "European separators",
            mutate("min: 100000,", "min: \"120.000,00\","),
            ("invalid-amount", 26, 22),
            "separators",
        ),
        trap(
            "amount beyond u64",
            mutate("min: 100000,", "min: 99999999999999999999,"),
            ("invalid-amount", 26, 22),
            "more digits",
        ),
        trap(
            "amount beyond u64 minor units of the currency",
            mutate("min: 100000,", "min: 1000000000000000000,"),
            ("invalid-amount", 26, 22),
            "too large to hold in USD",
        ),
        trap(
            "more fraction digits than the currency",
            mutate("min: 100000,", "min: 100000.001,"),
            ("currency-precision", 26, 22),
            "3 decimal places, but USD has 2",
        ),
        trap(
            "any fraction digit in JPY",
            MINIMAL
                .replacen("currency: USD", "currency: JPY", 1)
                .replacen("min: 100000,", "min: 100000.5,", 1),
            ("currency-precision", 26, 22),
            "but JPY has none",
        ),
        // Identifiers.
        trap(
            "confusable Cyrillic letter",
            mutate(level, "      - id: ic\u{0430}"),
            ("invalid-id", 23, 13),
            "`\u{430} (\\u{430})` at position 3",
        ),
        trap(
            "zero-width space",
            mutate(level, "      - id: ic\u{200b}1"),
            ("invalid-id", 23, 13),
            "`\\u{200b}` at position 3",
        ),
        trap(
            "right-to-left override",
            mutate(level, "      - id: ic\u{202e}1"),
            ("invalid-id", 23, 13),
            "`\\u{202e}` at position 3",
        ),
        trap(
            "upper case",
            mutate(level, "      - id: IC1"),
            ("invalid-id", 23, 13),
            "upper-case letter `I`",
        ),
        trap(
            "space",
            mutate(level, "      - id: \"ic 1\""),
            ("invalid-id", 23, 13),
            "`\\u{20}` at position 3",
        ),
        trap(
            "path",
            mutate(level, "      - id: ../ic1"),
            ("invalid-id", 23, 13),
            "`.` at position 1",
        ),
        trap(
            "slash",
            mutate(level, "      - id: ic/1"),
            ("invalid-id", 23, 13),
            "`/` at position 3",
        ),
        trap(
            "65 characters",
            mutate(level, &format!("      - id: {}", "a".repeat(65))),
            ("invalid-id", 23, 13),
            "at most 64 characters, this one has 65",
        ),
    ]
}

#[test]
fn every_trap_is_a_located_finding() {
    let mut failures = Vec::new();
    for trap in traps() {
        let report = report(&trap.bytes);
        let Some(first) = report.findings().first() else {
            failures.push(format!("{}: no finding", trap.name));
            continue;
        };
        let found = (first.code(), first.line(), first.column());
        if found != (trap.code, Some(trap.line), Some(trap.column)) {
            failures.push(format!(
                "{}: expected {} {}:{}, found {:?}: {}",
                trap.name,
                trap.code,
                trap.line,
                trap.column,
                found,
                first.message()
            ));
        }
        if !first.message().contains(trap.says) {
            failures.push(format!(
                "{}: message {:?} does not say {:?}",
                trap.name,
                first.message(),
                trap.says
            ));
        }
        assert_nothing_drives_a_terminal(trap.name, &report, &trap.bytes);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// No message, help or rendered line carries a control, zero-width or bidi
/// character: they are shown escaped.
#[cfg_attr(not(feature = "render"), allow(unused_variables))]
fn assert_nothing_drives_a_terminal(name: &str, report: &Report, bytes: &[u8]) {
    let hidden = |text: &str| {
        text.chars().any(|c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
    };
    for finding in report.findings() {
        assert!(
            !hidden(finding.message()),
            "{name}: message {:?}",
            finding.message()
        );
        assert!(!hidden(finding.help().unwrap_or_default()), "{name}: help");
    }
    #[cfg(feature = "render")]
    for color in [false, true] {
        let source = String::from_utf8_lossy(bytes);
        let rendered = dualtrack::render(report, &source, "hostile\u{1b}[2J.yaml", color);
        let visible: String = if color {
            // Styling escapes are the renderer's own: drop them, then look.
            strip_styles(&rendered)
        } else {
            rendered
        };
        assert!(!hidden(&visible), "{name}: rendered output {visible:?}");
    }
}

#[cfg(feature = "render")]
fn strip_styles(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_byte_order_mark_is_accepted_and_positions_start_after_it() {
    let with_bom = format!("\u{feff}{MINIMAL}");
    assert!(Loader::new().load_bytes(with_bom.as_bytes()).is_ok());
    let broken = with_bom.replacen("pay_period: annual", "pay_period: yearly", 1);
    let report = report(broken.as_bytes());
    let f = &report.findings()[0];
    assert_eq!(
        (f.code(), f.line(), f.column()),
        ("type", Some(7), Some(13))
    );
}

#[test]
fn duplicate_keys_name_both_positions() {
    let report = report(&mutate("currency: USD\n", "currency: USD\ncurrency: EUR\n"));
    let f = &report.findings()[0];
    let first = f.related()[0].location().map(|l| (l.line, l.column));
    assert_eq!(
        (f.line(), f.column(), first),
        (Some(7), Some(1), Some((6, 1)))
    );
}

#[test]
fn an_alias_bomb_is_refused_without_expanding_it() {
    let started = Instant::now();
    let report = report(billion_laughs().as_bytes());
    assert!(started.elapsed() < Duration::from_secs(2));
    // Every anchor and alias is named; none is expanded.
    assert!(
        report
            .findings()
            .iter()
            .all(|f| f.code() == "unsupported-yaml")
    );
    assert_eq!(report.findings().len(), 9 + 8 * 9);
}

// ---------------------------------------------------------------------------
// Limits: each is a located `limit` finding, configurable through `Limits`.

fn limited(configure: impl FnOnce(&mut dualtrack::Limits)) -> Loader {
    let mut limits = dualtrack::Limits::default();
    configure(&mut limits);
    Loader::new().limits(limits)
}

fn first(result: Result<dualtrack::Loaded, Report>) -> (String, usize, usize, String) {
    let report = result.expect_err("over a limit");
    let f = &report.findings()[0];
    (
        f.code().to_owned(),
        f.line().unwrap_or(0),
        f.column().unwrap_or(0),
        f.message().to_owned(),
    )
}

#[test]
fn the_file_size_limit_is_checked_before_parsing() {
    let loader = limited(|l| l.max_file_bytes = 100);
    let (code, line, column, message) = first(loader.load(MINIMAL));
    assert_eq!((code.as_str(), line, column), ("limit", 1, 1));
    assert!(
        message.contains("larger than the limit of 100 bytes"),
        "{message}"
    );
}

/// A reader that never ends, counting what was read from it.
struct Endless {
    read: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        buf.fill(b'#');
        self.read += buf.len();
        Ok(buf.len())
    }
}

#[test]
fn an_endless_reader_is_read_only_up_to_the_limit() {
    let mut endless = Endless { read: 0 };
    let started = Instant::now();
    let result = Loader::new().load_reader(&mut endless);
    assert!(started.elapsed() < Duration::from_secs(5));
    let Err(LoadError::Invalid(invalid)) = result else {
        panic!("expected a limit finding");
    };
    assert_eq!(invalid.report().findings()[0].code(), "limit");
    assert_eq!(endless.read, 4 * 1024 * 1024 + 1, "one byte past the limit");
}

#[test]
fn a_huge_file_is_read_only_up_to_the_limit() {
    // A sparse 10 GB file: reading it whole would take minutes and 10 GB.
    let path = std::env::temp_dir().join(format!("dualtrack-huge-{}.yaml", std::process::id()));
    let file = std::fs::File::create(&path).expect("temp file");
    file.set_len(10 * 1024 * 1024 * 1024).expect("sparse file");
    let started = Instant::now();
    let result = Loader::new().load_path(&path);
    let _ = std::fs::remove_file(&path);
    assert!(started.elapsed() < Duration::from_secs(5));
    let Err(LoadError::Invalid(invalid)) = result else {
        panic!("expected a limit finding");
    };
    assert_eq!(invalid.report().findings()[0].code(), "limit");
}

#[test]
fn nesting_past_the_depth_limit_is_a_limit_finding() {
    // Block nesting: the builder stops at the 33rd collection.
    let deep: String = (0..40).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    let (code, line, column, _) = first(Loader::new().load(&deep));
    assert_eq!((code.as_str(), line, column), ("limit", 33, 33));
    // Flow nesting: the scanner, which looks ahead, stops at the same depth.
    let flow = format!("name: {}", "[".repeat(100_000));
    let (code, line, column, message) = first(Loader::new().load(&flow));
    assert_eq!((code.as_str(), line, column), ("limit", 1, 39));
    assert_eq!(message, "nesting deeper than 32 levels");
    let loader = limited(|l| l.max_depth = 3);
    let (code, line, column, _) = first(loader.load(MINIMAL));
    assert_eq!((code.as_str(), line, column), ("limit", 23, 7));
}

#[test]
fn the_depth_limit_is_capped_where_no_stack_can_overflow() {
    // Dropping a parsed tree recurses once per level: 40,000 levels overflowed
    // a 2 MiB stack once `max_depth` was raised. It is taken as 1000 at most,
    // and a tree 1000 deep is built and dropped on a quarter of that stack.
    let run = |source: String| {
        std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                let loader = limited(|l| l.max_depth = usize::MAX);
                first(loader.load(&source))
            })
            .expect("thread")
            .join()
            .expect("no stack overflow")
    };
    let (code, line, column, message) = run("- ".repeat(40_000));
    assert_eq!((code.as_str(), line, column), ("limit", 1, 2001));
    assert_eq!(message, "nesting deeper than 1000 levels");
    let flow = format!("name: {}", "[".repeat(40_000));
    let (code, line, column, message) = run(flow);
    assert_eq!((code.as_str(), line, column), ("limit", 1, 1007));
    assert_eq!(message, "nesting deeper than 1000 levels");
    // At the cap itself the whole tree is built, and dropped: the mapping
    // and 999 lists are 1000 levels.
    let deep = format!("name: {}{}", "[".repeat(999), "]".repeat(999));
    let (code, line, column, _) = run(deep);
    assert_eq!((code.as_str(), line, column), ("missing-key", 1, 1));
}

#[test]
fn scalar_limits_cover_every_value_and_key() {
    let long = "x".repeat(5000);
    for (source, line, column) in [
        (mutate("name: Minimal", &format!("name: {long}")), 5, 7),
        (mutate("currency: USD", &format!("currency: {long}")), 6, 11),
        (mutate("min: 100000,", &format!("min: \"{long}\",")), 26, 22),
        (
            mutate("grade: 1\n", &format!("grade: \"{long}\"\n")),
            25,
            16,
        ),
        (mutate("kind: craft", &format!("kind: {long}")), 11, 11),
    ] {
        let (code, l, c, message) = first(Loader::new().load_bytes(&source));
        assert_eq!((code.as_str(), l, c), ("limit", line, column), "{message}");
        assert!(
            message.contains("5000 bytes, over the limit of 4096"),
            "{message}"
        );
    }
    // A long key is refused where it is written, whether simple or
    // explicit (`? key`, which lifts YAML's 1024-character simple-key limit).
    for key in [format!("{}: 1", "k".repeat(300)), format!("? {long}\n: 1")] {
        let source = mutate("id: minimal\n", &format!("id: minimal\n{key}\n"));
        let (code, line, column, message) = first(Loader::new().load_bytes(&source));
        assert_eq!(
            (code.as_str(), line, column),
            ("limit", 5, if key.starts_with('?') { 3 } else { 1 }),
            "{message}"
        );
        assert!(
            message.contains("bytes, over the limit of 256"),
            "{message}"
        );
    }
    // Descriptions have their own, larger limit.
    let description = "d".repeat(64 * 1024 + 1);
    let source = mutate(
        "name: Minimal\n",
        &format!("name: Minimal\ndescription: {description}\n"),
    );
    let (code, line, column, message) = first(Loader::new().load_bytes(&source));
    assert_eq!((code.as_str(), line, column), ("limit", 6, 14), "{message}");
    assert!(
        Loader::new()
            .load(&MINIMAL.replacen(
                "name: Minimal\n",
                &format!("name: Minimal\ndescription: {}\n", "d".repeat(60_000)),
                1
            ))
            .is_ok()
    );
}

/// The minimal ladder with `n` levels in its IC track and `tracks` extra
/// management tracks of one level, all at grade 2.
fn many(levels: usize, tracks: usize, zones: usize) -> String {
    let mut ic = String::new();
    for i in 0..levels {
        ic.push_str(&format!(
            "      - {{ id: l{i}, title: L{i}, grade: {}, band: {{ min: 100000, mid: 115000, max: 130000 }} }}\n",
            i + 10
        ));
    }
    let mut extra = String::new();
    for t in 0..tracks {
        extra.push_str(&format!(
            "  - {{ id: m{t}, name: M, kind: management, levels: [ {{ id: m{t}l, title: M{t}, grade: 2, band: {{ min: 120000, mid: 138000, max: 156000 }}, expectations: {{ people-development: 2 }} }} ] }}\n"
        ));
    }
    let mut zone_list = String::from("zones:\n");
    for z in 0..zones {
        zone_list.push_str(&format!("  - {{ id: z{z}, name: Z, factor: 0.9 }}\n"));
    }
    let mut text = MINIMAL.replacen("      - id: ic2\n", &format!("{ic}      - id: ic2\n"), 1);
    text.push_str(&extra);
    if zones > 0 {
        text.push_str(&zone_list);
    }
    text
}

#[test]
fn list_limits_are_reached_at_the_first_item_past_them() {
    let (code, line, column, message) = first(Loader::new().load(&many(1001, 0, 0)));
    assert_eq!(
        (code.as_str(), line, column),
        ("limit", 1027, 9),
        "{message}"
    );
    assert_eq!(message, "more than 1000 levels in one list");
    let (code, line, column, message) = first(Loader::new().load(&many(0, 63, 0)));
    assert_eq!(
        (code.as_str(), line, column),
        ("limit", 114, 5),
        "{message}"
    );
    assert_eq!(message, "more than 64 tracks in one list");
    let (code, line, column, message) = first(Loader::new().load(&many(0, 0, 257)));
    assert_eq!(
        (code.as_str(), line, column),
        ("limit", 309, 5),
        "{message}"
    );
    let loader = limited(|l| l.max_levels_per_track = 2);
    let (code, line, column, _) = first(loader.load(MINIMAL));
    assert_eq!((code.as_str(), line, column), ("limit", 33, 9));
}

#[test]
fn the_node_limit_stops_the_document_growing() {
    let list = format!("a: [{}1]\n", "1,".repeat(1_000_000));
    let started = Instant::now();
    let (code, line, column, message) = first(Loader::new().load(&list));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!((code.as_str(), line, column), ("limit", 1, 499_999));
    assert_eq!(message, "more than 250000 values in one file");
    let loader = limited(|l| l.max_nodes = 10);
    let (code, line, column, _) = first(loader.load(MINIMAL));
    assert_eq!((code.as_str(), line, column), ("limit", 7, 13));
}

#[test]
fn the_finding_limit_stops_the_report_growing() {
    // 100,000 aliases: one finding each, were it not for the limit.
    let aliases = format!("a: &x 1\nb:\n{}", "  - *x\n".repeat(100_000));
    let started = Instant::now();
    let report = report(aliases.as_bytes());
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(report.findings().len(), 1001);
    let last = report.findings().last().expect("findings");
    assert_eq!(
        (last.code(), last.line(), last.column()),
        ("limit", Some(1002), Some(5))
    );
    assert_eq!(last.message(), "more than 1000 findings in one file");
    // In the semantic rules too: every level out of grade order.
    let loader = limited(|l| l.max_findings = 3);
    let source = many(10, 0, 0).replace("grade: 1", "grade: 99");
    let report = loader.load(&source).expect_err("errors");
    assert_eq!(report.findings().len(), 4);
    assert!(report.findings().iter().any(|f| f.code() == "limit"));
}

// ---------------------------------------------------------------------------
// Regressions: unbounded work found in the audit, each now bounded.

#[test]
fn many_unknown_competencies_are_checked_in_linear_time() {
    // 5,000 competencies and 20,000 unknown expectations: did-you-mean and
    // missing-expectation used to compare every pair (minutes).
    let mut source = String::from(
        "schema_version: 1\nid: x\nname: X\ncurrency: USD\npay_period: annual\ncompetencies:\n",
    );
    for c in 0..5000 {
        source.push_str(&format!(
            "  - {{ id: competency-{c:05}, name: C, kind: craft }}\n"
        ));
    }
    source.push_str(
        "tracks:\n  - id: ic\n    name: I\n    kind: individual_contributor\n    levels:\n",
    );
    for l in 0..1000 {
        let expectations: Vec<String> = (0..20)
            .map(|e| format!("competency-{l:03}{e:02}x: 1"))
            .collect();
        source.push_str(&format!(
            "      - {{ id: l{l}, title: T{l}, grade: {}, band: {{ min: 1, mid: 1, max: 1 }}, expectations: {{ {} }} }}\n",
            l + 1,
            expectations.join(", ")
        ));
    }
    let started = Instant::now();
    let report = report(source.as_bytes());
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(report.findings().len(), 1001);
}

#[test]
fn parity_across_many_tracks_and_zones_is_bounded() {
    // 63 tracks at one grade and 256 zones: parity compared every pair of
    // levels in every zone, and a track breaking grade order multiplied it.
    let mut source = many(0, 62, 256);
    source.push_str("policy: { parity: { mode: at_least, tolerance: 50%, from_grade: 1 } }\n");
    let started = Instant::now();
    let _ = report(source.as_bytes());
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[cfg(feature = "render")]
#[test]
fn a_finding_on_a_very_long_line_renders_short() {
    // A 200 KB line; its speed is the benches' business.
    let line: String = (0..20_000).map(|i| format!("k{i}: 1, ")).collect();
    let source = format!("{{{line}bad: [}}\n");
    let report = report(source.as_bytes());
    let rendered = dualtrack::render(&report, &source, "long.yaml", false);
    assert!(rendered.len() < 2000, "{rendered}");
    let f = &report.findings()[0];
    assert!(rendered.contains(&format!(
        "long.yaml:{}:{}",
        f.line().unwrap_or(0),
        f.column().unwrap_or(0)
    )));
}

#[test]
fn messages_quote_at_most_a_hundred_characters_of_the_file() {
    let long = "Ab".repeat(1000);
    let report = report(&mutate("      - id: ic1", &format!("      - id: {long}")));
    let message = report.findings()[0].message();
    assert!(message.len() < 250, "{message}");
    assert!(message.contains("..."));
}

// ---------------------------------------------------------------------------
// The command line.

#[cfg(feature = "cli")]
use common::dualtrack_with_env as dualtrack;

/// Debug builds panic on purpose under `DUALTRACK_TEST_PANIC`, the only way
/// to reach the panic path of a program that has no known panic.
#[cfg(all(debug_assertions, feature = "cli"))]
#[test]
fn a_panic_is_an_internal_error_with_exit_code_2_and_no_backtrace() {
    let out = dualtrack(
        &["validate", "ladders"],
        &[("DUALTRACK_TEST_PANIC", "1"), ("RUST_BACKTRACE", "full")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: internal error in dualtrack at "),
        "{stderr}"
    );
    assert!(
        stderr.contains("this is a bug; please report it"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("backtrace") && !stderr.contains("panicked"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(out.stdout.is_empty());
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_reads_hostile_files_without_writing_to_them() {
    let dir = std::env::temp_dir().join(format!("dualtrack-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut files = Vec::new();
    for (i, trap) in traps().into_iter().enumerate() {
        let path = dir.join(format!("trap-{i:02}.yaml"));
        std::fs::write(&path, &trap.bytes).expect("write trap");
        let mut permissions = std::fs::metadata(&path).expect("meta").permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).expect("read-only");
        files.push((path, trap.bytes));
    }
    let modified: Vec<_> = files
        .iter()
        .map(|(path, _)| {
            std::fs::metadata(path)
                .and_then(|m| m.modified())
                .expect("mtime")
        })
        .collect();
    let out = dualtrack(&["validate", dir.to_str().expect("utf-8 path")], &[]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    for ((path, bytes), modified) in files.iter().zip(modified) {
        assert_eq!(&std::fs::read(path).expect("read back"), bytes);
        assert_eq!(
            std::fs::metadata(path)
                .and_then(|m| m.modified())
                .expect("mtime"),
            modified
        );
    }
    for (path, _) in &files {
        let mut permissions = std::fs::metadata(path).expect("meta").permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        let _ = std::fs::set_permissions(path, permissions);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Files the fuzzer turned up: each loads or reports findings inside the file.
#[test]
fn fuzz_regressions_stay_fixed() {
    for entry in std::fs::read_dir("tests/fixtures/hostile").expect("fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("fixture");
        let report = report(&bytes);
        let source = String::from_utf8_lossy(&bytes);
        let lone_cr = source.matches('\r').count() - source.matches("\r\n").count();
        let lines = source.matches('\n').count() + lone_cr + 1;
        for f in report.findings() {
            let line = f.line().expect("a line");
            assert!(
                (1..=lines).contains(&line),
                "{}: line {line} of {lines}",
                path.display()
            );
        }
        #[cfg(feature = "render")]
        if let Some(f) = report.findings().first() {
            let rendered = dualtrack::render(&report, &source, "fuzz.yaml", false);
            let at = format!(
                "fuzz.yaml:{}:{}",
                f.line().unwrap_or(0),
                f.column().unwrap_or(0)
            );
            assert!(rendered.contains(&at), "{}: {rendered}", path.display());
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn a_report_stays_small_however_deep_and_long_the_keys() {
    // 30 nested keys of 4000 bytes, then 1200 aliases: every finding carried
    // a 120 KB pointer (a 120 MB report) until keys got their own limit.
    let aliases = format!("{}- *a\n", " ".repeat(60)).repeat(1200);
    for key_len in [250, 4000] {
        let mut source = String::from("x: &a 1\n");
        for depth in 0..30 {
            let indent = " ".repeat(2 * depth);
            source.push_str(&format!(
                "{indent}? {}{depth}\n{indent}:\n",
                "k".repeat(key_len)
            ));
        }
        source.push_str(&aliases);
        let report = report(source.as_bytes());
        let size: usize = report
            .findings()
            .iter()
            .map(|f| f.path().as_str().len())
            .sum();
        assert!(
            size < 10 * 1024 * 1024,
            "{key_len}: {size} bytes of pointers"
        );
        assert!(serde_json::to_string(&report).expect("json").len() < 16 * 1024 * 1024);
    }
}

#[test]
fn zone_conversion_near_the_top_of_u64_does_not_overflow() {
    // Bands of 10^19 yen converted at 0.99 x 3e-19 into won: rounding
    // overflowed u128 (a panic in debug builds, a wrong band in release).
    let source = MINIMAL
        .replacen("currency: USD", "currency: JPY", 1)
        .replacen(
            "band: { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 2, mentoring: 2 }",
            "band: { min: 120000, mid: 138000, max: 9999999999999999999 }\n        expectations: { coding: 2, mentoring: 2 }",
            1,
        )
        .replacen(
            "band: { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 2, mentoring: 2, people",
            "band: { min: 120000, mid: 138000, max: 9999999999999999998 }\n        expectations: { coding: 2, mentoring: 2, people",
            1,
        )
        + "zones:\n  - { id: seoul, name: Seoul, factor: 0.9900000000000000000, currency: KRW, rate: 0.0000000000000000003 }\n"
        + "policy: { parity: { tolerance: 1%, from_grade: 2 } }\n";
    let report = report(source.as_bytes());
    assert!(report.findings().iter().all(|f| f.line().is_some()));
    assert!(
        !report
            .findings()
            .iter()
            .any(|f| f.code() == "invalid-amount")
    );
}

#[cfg(unix)]
#[cfg(feature = "cli")]
#[test]
fn a_fifo_in_a_directory_is_skipped_not_waited_on() {
    let dir = std::env::temp_dir().join(format!("dualtrack-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("minimal.yaml"), MINIMAL).expect("write");
    let fifo = dir.join("never-written.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let started = Instant::now();
        let out = dualtrack(&["validate", dir.to_str().expect("utf-8 path")], &[]);
        assert!(started.elapsed() < Duration::from_secs(20));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("checked 1 file"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extreme_limits_are_taken_as_given() {
    // All but `max_depth`, which stays capped at 1000 (tested above).
    let loader = limited(|l| {
        l.max_file_bytes = usize::MAX;
        l.max_depth = usize::MAX;
        l.max_scalar_bytes = usize::MAX;
        l.max_nodes = usize::MAX;
        l.max_findings = usize::MAX;
    });
    assert!(loader.load(MINIMAL).is_ok());
    let loader = limited(|l| l.max_findings = 0);
    let report = loader.load("a: 1\n").expect_err("a finding");
    assert_eq!(report.findings().len(), 1);
    assert_eq!(report.findings()[0].code(), "limit");
}
