//! `dualtrack render` and the library's `site` module as a user sees them:
//! the Markdown of every reference and example ladder (snapshots), the HTML
//! page's sections, an index for several ladders, a broken file reported as
//! `validate` reports it. The pages in a real browser: `.ci/browser-test`.
#![cfg(feature = "cli")]

use crate::bench_common as generated;
use crate::common;

use common::{dualtrack, text};
use dualtrack::Loader;
use dualtrack::site::{self, SiteOptions};

const LADDERS: &[&str] = &[
    "ladders/engineering.yaml",
    "ladders/design.yaml",
    "ladders/skilled-trades.yaml",
    "ladders/examples/civil-service.yaml",
    "ladders/examples/electrical-trade.yaml",
    "ladders/examples/nhs-nursing.yaml",
    "ladders/examples/snowflake-engineering.yaml",
    "ladders/examples/variable-pay.yaml",
];

fn stem(path: &str) -> &str {
    path.rsplit('/')
        .next()
        .and_then(|f| f.strip_suffix(".yaml"))
        .unwrap()
}

#[test]
fn markdown_of_every_reference_and_example_ladder() {
    for path in LADDERS {
        let loaded = Loader::new().inspect_path(path).unwrap();
        let page = site::markdown(loaded.ladder(), loaded.report(), SiteOptions::default());
        insta::assert_snapshot!(format!("markdown-{}", stem(path)), page);
    }
}

#[test]
fn markdown_in_a_zone() {
    let loaded = Loader::new()
        .inspect_path("ladders/engineering.yaml")
        .unwrap();
    let ladder = loaded.ladder();
    let page = site::markdown(
        ladder,
        loaded.report(),
        SiteOptions::in_zone(ladder.zone("london")),
    );
    assert!(page.contains("- Zone shown: London (`london`)"), "{page}");
    assert!(page.contains("### In the London zone (`london`)"), "{page}");
}

#[test]
fn html_page_has_every_section_and_one_band_per_level() {
    for path in LADDERS {
        let loaded = Loader::new().inspect_path(path).unwrap();
        let ladder = loaded.ladder();
        let page = site::html(ladder, loaded.report(), SiteOptions::default());
        assert!(page.contains("default-src 'none'"), "{path}: no CSP");
        assert!(!page.contains("<script"), "{path}");
        assert!(!page.contains("http://") || page.contains("http://www.w3.org/2000/svg"));
        for level in ladder.tracks().iter().flat_map(|t| t.levels()) {
            let anchor = format!("id=\"level-{}\"", level.id());
            assert!(
                page.contains(&anchor),
                "{path}: no section for {}",
                level.id()
            );
        }
        let banded = ladder
            .tracks()
            .iter()
            .flat_map(|t| t.levels())
            .filter(|l| l.band().is_some())
            .count();
        let first_chart = page.split("</svg>").next().unwrap();
        let bands = first_chart.matches("<g class=\"band\"").count();
        if ladder.publishes_pay() {
            assert_eq!(bands, banded, "{path}");
        } else {
            assert!(page.contains("publishes no pay"), "{path}");
            assert!(!page.contains("<svg"), "{path}");
        }
        if !loaded.report().is_empty() {
            let code = loaded.report().findings()[0].code();
            assert!(page.contains(&format!("<code>{code}</code>")), "{path}");
            // Ids a message quotes are set as code, not shown with backticks.
            let findings = page.split("<ul class=\"findings\">").nth(1).unwrap();
            let findings = findings.split("</ul>").next().unwrap();
            assert!(!findings.contains('`'), "{path}: {findings}");
        }
    }
}

/// A ladder of many tracks and zones (10x the reference: 16 tracks, 30
/// zones) gets one chart, of the base bands or of the zone asked for, and a
/// legend by kind of track, not one entry per track; each level's section
/// still gives its band in every zone.
#[test]
fn html_of_many_tracks_and_zones_draws_one_chart_with_a_legend_by_kind() {
    let yaml = generated::ladder(10);
    let loaded = generated::loader().inspect(&yaml).unwrap();
    let ladder = loaded.ladder();
    let page = site::html(ladder, loaded.report(), SiteOptions::default());
    assert_eq!(page.matches("<svg").count(), 1);
    assert!(page.contains(">8 individual-contributor tracks (solid)</text>"));
    assert!(page.contains(">8 management tracks (hatched)</text>"));
    let zone = ladder.zones().last().unwrap();
    let levels: usize = ladder.tracks().iter().map(|t| t.levels().len()).sum();
    let in_zone = format!("<dt>In {}</dt>", zone.name());
    assert_eq!(page.matches(&in_zone).count(), levels);

    let page = site::html(ladder, loaded.report(), SiteOptions::in_zone(Some(zone)));
    assert_eq!(page.matches("<svg").count(), 1);
    let title = format!("Pay bands by grade in the {} zone", zone.name());
    assert!(page.contains(&title), "{title}");
}

#[test]
fn html_trunk_rows_span_both_tracks() {
    let loaded = Loader::new()
        .inspect_path("ladders/examples/electrical-trade.yaml")
        .unwrap();
    let page = site::html(loaded.ladder(), loaded.report(), SiteOptions::default());
    assert!(
        page.contains("<td class=\"shared\" colspan=\"2\">"),
        "{page}"
    );
    assert!(page.contains("(shared trunk)"));
    // Spot rates are dots, not bands.
    assert!(page.contains("<circle"));
}

#[test]
fn render_writes_a_page_per_ladder_and_an_index() {
    let dir = std::env::temp_dir().join(format!("dualtrack-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dualtrack(&["render", "ladders/", "-o", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for path in LADDERS {
        assert!(dir.join(format!("{}.html", stem(path))).is_file(), "{path}");
    }
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        index.contains("<a href=\"engineering.html\">Engineering</a>"),
        "{index}"
    );
    assert!(text(&out.stderr).contains("(clean)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_markdown_of_one_ladder_writes_no_index() {
    let dir = std::env::temp_dir().join(format!("dualtrack-site-md-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dualtrack(&[
        "render",
        "ladders/engineering.yaml",
        "--format",
        "markdown",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(dir.join("engineering.md").is_file());
    assert!(!dir.join("index.md").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_a_broken_ladder_is_reported_like_validate() {
    let dir = std::env::temp_dir().join(format!("dualtrack-site-broken-{}", std::process::id()));
    let out = dualtrack(&[
        "render",
        "tests/fixtures/cli/engineering-broken.yaml",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error["), "{stderr}");
    assert!(!dir.join("engineering-broken.html").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_an_unknown_zone_is_a_usage_error() {
    let dir = std::env::temp_dir().join(format!("dualtrack-site-zone-{}", std::process::id()));
    let out = dualtrack(&[
        "render",
        "ladders/engineering.yaml",
        "--zone",
        "londn",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}
