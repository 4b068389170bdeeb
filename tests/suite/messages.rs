//! Messages a people-ops editor can act on the first time: each fixture
//! under `tests/fixtures/messages/` is a reference ladder with one typical
//! typing mistake. It gives exactly the findings its `# expect: CODE
//! LINE:COL` lines name (one mistake, one finding), and its human output,
//! snapshotted, says what to change and where.

use crate::common;

use common::load_fixture;

#[test]
fn each_typing_mistake_gets_one_message_that_says_what_to_write() {
    insta::glob!("../fixtures/messages", "*.yaml", |path| {
        // The findings are checked as it loads; without `render`, nothing
        // more to look at.
        let (_source, _report, _name) = load_fixture(path);
        #[cfg(feature = "render")]
        insta::assert_snapshot!(dualtrack::render(&_report, &_source, &_name, false));
    });
}
