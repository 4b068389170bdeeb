//! Any bytes: the loader ends in a ladder or in findings that each have a
//! position within the file, and rendering them never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let report = match dualtrack::Loader::new().load_bytes(bytes) {
        Ok(loaded) => loaded.report().clone(),
        Err(report) => {
            assert!(report.has_errors());
            report
        }
    };
    let source = String::from_utf8_lossy(bytes);
    // YAML breaks lines at `\n`, `\r\n` and a lone `\r`.
    let lone_cr = source.matches('\r').count() - source.matches("\r\n").count();
    let lines = source.matches('\n').count() + lone_cr + 1;
    for finding in report.findings() {
        let line = finding.line().expect("every finding has a line");
        let column = finding.column().expect("every finding has a column");
        assert!(line >= 1 && line <= lines, "line {line} of {lines}");
        assert!(column >= 1);
    }
    let rendered = dualtrack::render(&report, &source, "fuzz.yaml", false);
    // Nothing in the output can drive a terminal.
    assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'));
});
