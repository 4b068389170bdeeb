//! The hot look-ups of a loaded ladder never allocate: a service can answer
//! them on every request. Counted with a global allocator, per thread.

#![allow(unsafe_code)] // The counting allocator; nothing else here is unsafe.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use std::hint::black_box;

use dualtrack::{Grade, Money};

#[path = "../benches/common/mod.rs"]
mod common;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn lookups_do_not_allocate() {
    let ladder = dualtrack::load_path("ladders/engineering.yaml")
        .expect("valid")
        .into_ladder();
    let london = ladder.zone("london").expect("zone");
    let gbp = london.currency();
    let ratings: dualtrack::Ratings = [(
        "hiring".parse().expect("id"),
        dualtrack::Proficiency::new(3).expect("1..5"),
    )]
    .into_iter()
    .collect();
    let mut seen = 0usize;
    let count = allocations(|| {
        for id in ["ic1", "ic6", "ic8", "em1", "vp", "nope"] {
            seen += usize::from(ladder.level(id).is_some());
            seen += usize::from(ladder.track_of(id).is_some());
            seen += usize::from(ladder.level_above(id).is_some());
            seen += usize::from(ladder.level_below(id).is_some());
            seen += usize::from(ladder.counterpart(id, "management").is_some());
            seen += ladder.counterparts(id).count();
            if let Some(level) = ladder.level(id) {
                let band = level.band_in(Some(london)).expect("converts");
                let salary = Money::from_minor(band.mid().minor() + 1, gbp);
                seen += usize::from(band.contains(salary));
                seen += usize::from(band.compa_ratio(salary).is_some());
                seen += usize::from(band.range_penetration(salary).is_some());
                seen += usize::from(band.position(salary).is_some());
            }
        }
        seen += usize::from(ratings.get("hiring").is_some());
        for grade in 0..10 {
            seen += ladder.levels_at(&Grade::new(grade)).count();
        }
        seen += usize::from(
            ladder
                .track("ic")
                .and_then(|t| t.level_at(&Grade::new(6)))
                .is_some(),
        );
        seen += usize::from(ladder.competency("hiring").is_some());
        // A hit allocates nothing; only a miss builds its did-you-mean.
        seen += usize::from(ladder.lookup_level("ic6").is_ok());
        seen += usize::from(ladder.lookup_zone("toronto").is_ok());
        let salary = Money::from_minor(17_500_000, ladder.currency().expect("published"));
        seen += ladder.levels_containing(salary, None).count();
        seen += ladder
            .levels_containing(Money::from_minor(8_216_000, gbp), Some(london))
            .count();
    });
    assert!(seen > 50, "the look-ups ran ({seen})");
    assert_eq!(count, 0, "allocations during look-ups");
    // The counter works: a transition allocates its lists.
    assert!(allocations(|| drop(ladder.transition("ic6", "management"))) > 0);
}

/// Look-ups by id on generated ladders (benches/common), by every id of
/// each list: levels, tracks, competencies and zones, a level's band in
/// every zone, and its expectations.
#[test]
fn lookups_by_id_on_generated_ladders_do_not_allocate() {
    for scale in [1, 10] {
        let ladder = dualtrack::load(&common::ladder(scale))
            .expect("valid")
            .into_ladder();
        let levels = common::level_ids(scale);
        let zones = common::zone_ids(scale);
        let tracks: Vec<String> = ladder
            .tracks()
            .iter()
            .map(|t| t.id().as_str().to_owned())
            .collect();
        let competencies: Vec<String> = ladder
            .competencies()
            .iter()
            .map(|c| c.id().as_str().to_owned())
            .collect();
        let count = allocations(|| {
            for id in &levels {
                let level = black_box(ladder.level(black_box(id))).expect("level");
                for zone in &zones {
                    let zone = black_box(ladder.zone(black_box(zone))).expect("zone");
                    black_box(zone.band(level.band().expect("published"))).expect("zone band");
                }
                for competency in &competencies {
                    black_box(level.expectation(black_box(competency)));
                }
            }
            for id in &tracks {
                black_box(ladder.track(black_box(id))).expect("track");
            }
            // The service look-ups: counterparts on every track, a band in
            // every zone, and a salary's compa-ratio and position in it.
            for id in &levels {
                let level = ladder.level(id).expect("level");
                for track in &tracks {
                    black_box(ladder.counterpart(black_box(id), black_box(track)));
                }
                for zone in &zones {
                    let zone = ladder.zone(zone).expect("zone");
                    let band = black_box(level.band_in(black_box(Some(zone)))).expect("converts");
                    let salary = Money::from_minor(band.mid().minor() + 1, band.mid().currency());
                    black_box(band.compa_ratio(black_box(salary))).expect("compa-ratio");
                    black_box(band.position(black_box(salary))).expect("position");
                }
            }
            for id in &competencies {
                black_box(ladder.competency(black_box(id))).expect("competency");
            }
            black_box(ladder.level(black_box("no-such-level")));
        });
        assert_eq!(count, 0, "scale {scale}: allocations during look-ups");
    }
}
