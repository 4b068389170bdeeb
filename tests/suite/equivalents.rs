//! Navigating the reference ladders: tracks in order, neighbours at the top
//! and bottom, equivalents across tracks, and ids that name nothing.

use dualtrack::{Grade, IdKind, Ladder};

fn ladder(name: &str) -> Ladder {
    dualtrack::load_path(format!("ladders/{name}.yaml"))
        .expect("a valid reference ladder")
        .into_ladder()
}

fn ids<'a>(levels: impl Iterator<Item = &'a dualtrack::Level>) -> Vec<&'a str> {
    levels.map(|l| l.id().as_str()).collect()
}

#[test]
fn a_tracks_levels_come_in_grade_order() {
    let ladder = ladder("engineering");
    let management = ladder.track("management").expect("management");
    assert_eq!(
        ids(management.levels().iter()),
        ["em1", "em2", "dir1", "dir2", "vp"]
    );
    assert_eq!(management.entry().id().as_str(), "em1");
    assert_eq!(management.top().id().as_str(), "vp");
    for track in ladder.tracks() {
        assert!(
            track
                .levels()
                .windows(2)
                .all(|w| w[0].grade() < w[1].grade())
        );
    }
}

#[test]
fn neighbours_stop_at_the_top_and_bottom_of_a_track() {
    let ladder = ladder("engineering");
    assert_eq!(
        ladder.level_above("ic7").map(|l| l.id().as_str()),
        Some("ic8")
    );
    assert_eq!(
        ladder.level_below("ic2").map(|l| l.id().as_str()),
        Some("ic1")
    );
    assert!(ladder.level_above("ic8").is_none(), "Fellow is the top");
    assert!(ladder.level_below("ic1").is_none(), "ic1 is the bottom");
    assert!(ladder.level_above("vp").is_none());
    assert!(
        ladder.level_below("em1").is_none(),
        "no level below the entry to management"
    );
    // Neighbours never cross tracks, even where grades line up.
    assert_eq!(
        ladder.level_below("em2").map(|l| l.id().as_str()),
        Some("em1")
    );
    assert!(ladder.level_above("nope").is_none() && ladder.level_below("nope").is_none());
}

#[test]
fn counterparts_share_the_grade_and_are_none_where_there_is_none() {
    let ladder = ladder("engineering");
    for (ic, management) in [
        ("ic4", "em1"),
        ("ic5", "em2"),
        ("ic6", "dir1"),
        ("ic7", "dir2"),
        ("ic8", "vp"),
    ] {
        let there = ladder.counterpart(ic, "management").expect(ic);
        assert_eq!(there.id().as_str(), management);
        let back = ladder.counterpart(management, "ic").expect(management);
        assert_eq!(back.id().as_str(), ic);
    }
    for junior in ["ic1", "ic2", "ic3"] {
        assert!(
            ladder.counterpart(junior, "management").is_none(),
            "{junior}"
        );
        assert_eq!(ladder.counterparts(junior).count(), 0, "{junior}");
    }
    assert!(
        ladder.counterpart("ic6", "ic").is_none(),
        "not on its own track"
    );
    assert!(ladder.counterpart("ic6", "nope").is_none());
    assert!(ladder.counterpart("nope", "ic").is_none());

    let design = self::ladder("design");
    assert_eq!(
        design
            .counterpart("des7", "design-management")
            .map(|l| l.id().as_str()),
        Some("hod")
    );
    let trades = self::ladder("skilled-trades");
    assert_eq!(
        trades
            .counterpart("superintendent", "craft")
            .map(|l| l.title()),
        Some(trades.level("master-craftsman").expect("level").title())
    );
}

#[test]
fn levels_of_a_grade_come_from_every_track() {
    let ladder = ladder("engineering");
    let at = |g| -> Vec<(&str, &str)> {
        ladder
            .levels_at(&Grade::new(g))
            .map(|(t, l)| (t.id().as_str(), l.id().as_str()))
            .collect()
    };
    assert_eq!(at(8), [("ic", "ic8"), ("management", "vp")]);
    assert_eq!(at(3), [("ic", "ic3")]);
    assert_eq!(at(0), []);
    assert_eq!(
        ladder.track_of("vp").map(|t| t.id().as_str()),
        Some("management")
    );
    assert_eq!(ladder.track_of("ic1").map(|t| t.id().as_str()), Some("ic"));
}

#[test]
fn lookups_that_miss_name_the_closest_ids() {
    let ladder = ladder("engineering");
    let error = ladder.lookup_level("dir3").expect_err("no dir3");
    assert_eq!(error.kind(), IdKind::Level);
    assert_eq!(error.suggestions(), ["dir1", "dir2"]);
    assert_eq!(
        error.to_string(),
        "no level `dir3` in ladder `engineering`; did you mean `dir1` or `dir2`?"
    );
    let error = ladder.lookup_track("mgmt").expect_err("no mgmt");
    assert!(error.suggestions().is_empty(), "{error}");
    assert_eq!(error.to_string(), "no track `mgmt` in ladder `engineering`");
    assert_eq!(
        ladder
            .lookup_zone("toronot")
            .expect_err("typo")
            .suggestions(),
        ["toronto"]
    );
    assert_eq!(
        ladder
            .lookup_competency("Hiring")
            .expect_err("case")
            .suggestions(),
        ["hiring"]
    );
    // Hidden characters are shown escaped, never passed to the terminal.
    let error = ladder.lookup_level("ic6\u{1b}[2J").expect_err("escape");
    assert!(error.to_string().contains("\\u{1b}"), "{error}");
    assert_eq!(
        ladder.lookup_level("ic6").map(|l| l.grade()),
        Ok(&Grade::new(6))
    );
}
