//! The example ladders of `ladders/examples/`: public frameworks from
//! several fields, written with grade scales, a shared trunk, executive
//! levels, named proficiency scales, scoped competency groups and entry
//! criteria. Each keeps exactly the findings its `# expect:` lines name,
//! the real problems of that framework (the file says why); its `validate`
//! output is snapshotted.

use crate::common;

use common::load_fixture;

#[test]
fn each_example_keeps_exactly_its_real_findings() {
    insta::glob!("../../ladders", "examples/*.yaml", |path| {
        let (_source, _report, _name) = load_fixture(path);
        #[cfg(feature = "render")]
        insta::assert_snapshot!(dualtrack::render(&_report, &_source, &_name, false));
    });
}

#[test]
fn examples_start_with_the_schema_modeline_and_inspect() {
    let mut seen = 0;
    for entry in std::fs::read_dir("ladders/examples").expect("ladders/examples") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("text");
        assert!(
            text.starts_with("# yaml-language-server: $schema=../../schemas/ladder.schema.json\n"),
            "{}",
            path.display()
        );
        // Their findings are policy findings: the ladder can be inspected.
        let loaded = dualtrack::Loader::new()
            .inspect(&text)
            .unwrap_or_else(|report| panic!("{}: {report:?}", path.display()));
        assert!(!loaded.ladder().tracks().is_empty());
        seen += 1;
    }
    assert!(seen >= 4, "at least four public frameworks");
}

/// `validate` with no path checks the reference ladders directly in
/// `ladders/`; the examples are checked when named, and fail on their real
/// problems.
#[cfg(feature = "cli")]
#[test]
fn validate_checks_the_examples_only_when_named() {
    let default = common::dualtrack(&["validate"]);
    assert_eq!(default.status.code(), Some(0));
    assert_eq!(
        common::text(&default.stderr),
        "checked 3 files: 0 errors, 0 warnings\n"
    );
    for args in [
        &["validate", "ladders/examples"][..],
        &["validate", "ladders"],
    ] {
        let named = common::dualtrack(args);
        assert_eq!(named.status.code(), Some(1), "{args:?}");
        let summary = common::text(&named.stderr);
        let files = if args[1] == "ladders" { 8 } else { 5 };
        assert!(
            summary.ends_with(&format!("checked {files} files: 4 errors, 10 warnings\n")),
            "{summary}"
        );
    }
}

/// The trade's rates, written as percentages of the journeyman's, come out
/// as the published sheet prints them (IBEW Local 684, December 2018).
#[test]
fn the_trade_example_pays_the_published_sheet() {
    let ladder = dualtrack::Loader::new()
        .inspect_path("ladders/examples/electrical-trade.yaml")
        .expect("inspectable")
        .into_ladder();
    let sheet = [
        ("apprentice-1", "16.40"),
        ("apprentice-2", "18.45"),
        ("apprentice-3", "22.55"),
        ("apprentice-4", "26.65"),
        ("apprentice-5", "30.75"),
        ("apprentice-6", "34.85"),
        ("journeyman", "41.00"),
        ("cable-splicer", "45.10"),
        ("sub-foreman", "45.10"),
        ("foreman", "49.20"),
        ("general-foreman", "53.30"),
    ];
    for (id, published) in sheet {
        let band = ladder.level(id).and_then(|l| l.band()).expect(id);
        assert!(band.is_spot(), "{id}");
        let cents: u64 = published.replace('.', "").parse().expect("cents");
        assert_eq!(band.mid().minor(), cents, "{id}");
    }
}
