//! Messages a people-ops editor can act on the first time: each fixture
//! under `tests/fixtures/messages/` is a reference ladder with one typical
//! typing mistake. It gives exactly the findings its `# expect: CODE
//! LINE:COL` lines name (one mistake, one finding), and its human output,
//! snapshotted, says what to change and where.

use dualtrack::Loader;

mod common;

use common::{expected, positions, report_of};

#[test]
fn each_typing_mistake_gets_one_message_that_says_what_to_write() {
    insta::glob!("fixtures/messages/*.yaml", |path| {
        let source = std::fs::read_to_string(path).expect("a fixture");
        let want = expected(&source);
        let report = report_of(Loader::new().load(&source));
        let mut found = positions(&report);
        found.sort();
        assert_eq!(found, want, "{}", path.display());
        #[cfg(feature = "render")]
        {
            let name = format!(
                "tests/fixtures/messages/{}",
                path.file_name().expect("a name").to_string_lossy()
            );
            insta::assert_snapshot!(dualtrack::render(&report, &source, &name, false));
        }
    });
}
