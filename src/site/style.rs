//! The look of the HTML page: its colours, each named once, the CSS built
//! from them, and how the chart draws a track's bars. The contrast test
//! below measures these same constants, so what is measured is what the
//! page uses.

use crate::choice::TrackKind;

/// The page's colours by role. `concat!` takes only literals, so the CSS
/// reads them through this macro and the SVG through the constants below.
macro_rules! colour {
    (ink) => {
        "#1a1a1a"
    };
    (paper) => {
        "#fff"
    };
    (link) => {
        "#0b4f9c"
    };
    (print_link) => {
        "#000"
    };
    (border) => {
        "#888"
    };
    (header) => {
        "#eef"
    };
    (shared) => {
        "#f4f4f4"
    };
    (shade1) => {
        "#fff"
    };
    (shade2) => {
        "#e8f0fb"
    };
    (shade3) => {
        "#cfe0f6"
    };
    (shade4) => {
        "#b3cdf0"
    };
    (shade5) => {
        "#9bbde9"
    };
    (shade6) => {
        "#86aee3"
    };
}

/// Text, and the chart's labels, ticks and midpoint marks (the other
/// roles are named where they are measured, in the tests).
pub(crate) const INK: &str = colour!(ink);
/// Links, and the outline of an individual contributor's bar.
const LINK: &str = colour!(link);
/// The chart's grid lines at each axis tick, and the rules between grades:
/// decorative, the tick labels and the table below the chart carry the
/// figures (WCAG 1.4.11 asks no contrast of them).
pub(crate) const GRID: &str = "#ccc";
/// See [`GRID`].
pub(crate) const RULE: &str = "#eee";
/// The hatching of a management bar: dark lines on a ground that stands
/// out from the page as every bar's fill does.
pub(crate) const HATCH_GROUND: &str = "#c07a30";
/// See [`HATCH_GROUND`].
pub(crate) const HATCH_LINE: &str = "#4a2500";

/// How the chart draws the bars (and a spot rate's dot) of a kind of track:
/// the fill, the outline and the fill in words, for the
/// legend, so that no information is carried by colour alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bar {
    pub(crate) fill: &'static str,
    pub(crate) stroke: &'static str,
    pub(crate) what: &'static str,
}

/// A bar's fill that is a colour (the hatching's ground for management).
const IC_FILL: &str = "#5b8fd0";
const TRUNK_FILL: &str = "#8c8c8c";

impl Bar {
    pub(crate) fn of(kind: TrackKind) -> Self {
        match kind {
            TrackKind::IndividualContributor => Self {
                fill: IC_FILL,
                stroke: LINK,
                what: "solid",
            },
            TrackKind::Management => Self {
                fill: "url(#hatch)",
                stroke: HATCH_LINE,
                what: "hatched",
            },
            TrackKind::Trunk => Self {
                fill: TRUNK_FILL,
                stroke: "#333",
                what: "grey",
            },
        }
    }

    /// The colour of the bar's body: the fill, or the hatching's ground.
    #[cfg(test)]
    fn ground(self) -> &'static str {
        if self.fill.starts_with('#') {
            self.fill
        } else {
            HATCH_GROUND
        }
    }
}

/// The page's CSS. Only the findings list and descriptions may break a word
/// anywhere (long codes and paths); a table cell wraps between words (a
/// grade or an amount not at all), and a table too wide for a phone scrolls
/// sideways in its own box.
pub(crate) const STYLE: &str = concat!(
    "body{font:16px/1.5 system-ui,sans-serif;color:",
    colour!(ink),
    ";background:",
    colour!(paper),
    ";margin:0 auto;max-width:72rem;padding:1rem}",
    "h1,h2,h3{line-height:1.2}a{color:",
    colour!(link),
    "}",
    "table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid ",
    colour!(border),
    ";padding:.3rem .5rem;text-align:left;vertical-align:top}",
    "th{background:",
    colour!(header),
    "}td.shared{background:",
    colour!(shared),
    ";text-align:center;font-style:italic}",
    ".scroll{overflow-x:auto}svg.chart{width:100%;min-width:800px;height:auto}",
    "table{display:block;max-width:100%;overflow-x:auto}caption{text-align:left}",
    "dd{overflow-wrap:anywhere}td.money,td.grade{white-space:nowrap}",
    ".p1{background:",
    colour!(shade1),
    "}.p2{background:",
    colour!(shade2),
    "}.p3{background:",
    colour!(shade3),
    "}.p4{background:",
    colour!(shade4),
    "}.p5{background:",
    colour!(shade5),
    "}.p6{background:",
    colour!(shade6),
    "}",
    ".finding{margin-bottom:.5rem;overflow-wrap:anywhere}.finding code,p code{white-space:nowrap}",
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}",
    "@media print{section{break-before:page}.scroll{overflow:visible}a{color:",
    colour!(print_link),
    "}}",
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The page and the chart's background.
    const PAPER: &str = colour!(paper);
    /// Links in print.
    const PRINT_LINK: &str = colour!(print_link);
    /// Table borders.
    const BORDER: &str = colour!(border);
    /// Table headers.
    const HEADER: &str = colour!(header);
    /// A shared trunk's cell in the side-by-side table.
    const SHARED: &str = colour!(shared);
    /// The competency matrix, proficiency 1 (or the scale's first step) to 6:
    /// darker is higher.
    const SHADES: [&str; 6] = [
        colour!(shade1),
        colour!(shade2),
        colour!(shade3),
        colour!(shade4),
        colour!(shade5),
        colour!(shade6),
    ];

    /// `#rgb` or `#rrggbb` as 0..=255 channels.
    fn rgb(hex: &str) -> [f64; 3] {
        let digits = hex.strip_prefix('#').expect("a colour starts with #");
        let wide: String = match digits.len() {
            3 => digits.chars().flat_map(|c| [c, c]).collect(),
            6 => digits.to_owned(),
            _ => panic!("`{hex}` is not #rgb or #rrggbb"),
        };
        let channel = |i: usize| f64::from(u8::from_str_radix(&wide[i..i + 2], 16).unwrap());
        [channel(0), channel(2), channel(4)]
    }

    /// WCAG 2.x relative luminance.
    fn luminance(hex: &str) -> f64 {
        let [r, g, b] = rgb(hex).map(|c| {
            let c = c / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        });
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// WCAG 2.x contrast ratio, 1 to 21.
    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Text and what it is written on, with where.
    fn text_pairs() -> Vec<(&'static str, &'static str, String)> {
        let mut pairs = vec![
            (INK, PAPER, "text, chart labels and legend".to_owned()),
            (INK, HEADER, "table header".to_owned()),
            (INK, SHARED, "shared trunk cell".to_owned()),
            (LINK, PAPER, "link".to_owned()),
            (LINK, HEADER, "link in a row header (matrix)".to_owned()),
            (LINK, SHARED, "link in a shared trunk cell".to_owned()),
            (PRINT_LINK, PAPER, "printed link".to_owned()),
        ];
        for (i, shade) in SHADES.iter().enumerate() {
            pairs.push((INK, shade, format!("matrix cell .p{}", i + 1)));
        }
        pairs
    }

    /// Graphics that carry meaning and what they are drawn against.
    fn graphic_pairs() -> Vec<(&'static str, &'static str, String)> {
        let mut pairs = vec![
            (BORDER, PAPER, "table border".to_owned()),
            (
                HATCH_LINE,
                HATCH_GROUND,
                "management hatching on its ground".to_owned(),
            ),
        ];
        for kind in [
            TrackKind::IndividualContributor,
            TrackKind::Management,
            TrackKind::Trunk,
        ] {
            let bar = Bar::of(kind);
            pairs.push((
                bar.stroke,
                PAPER,
                format!("{} bar's outline against the chart", bar.what),
            ));
            pairs.push((
                bar.ground(),
                PAPER,
                format!("{} bar's fill against the chart", bar.what),
            ));
            pairs.push((
                INK,
                bar.ground(),
                format!("midpoint tick on a {} bar", bar.what),
            ));
        }
        pairs
    }

    #[test]
    fn every_text_and_graphic_meets_wcag_aa_contrast() {
        let mut failures = Vec::new();
        let mut measured = Vec::new();
        for (pairs, least) in [(text_pairs(), 4.5), (graphic_pairs(), 3.0)] {
            for (fg, bg, what) in pairs {
                let ratio = contrast(fg, bg);
                measured.push(format!("{ratio:5.2}:1  {fg} on {bg}: {what}"));
                if ratio < least {
                    failures.push(format!(
                        "{what}: {fg} on {bg} is {ratio:.2}:1, below {least}:1"
                    ));
                }
            }
        }
        measured.sort();
        assert!(
            failures.is_empty(),
            "{failures:#?}\nmeasured:\n{}",
            measured.join("\n")
        );
    }

    #[test]
    fn contrast_is_the_wcag_formula() {
        assert!((contrast("#000", "#fff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777", "#fff") - 4.48).abs() < 0.01);
        assert!((contrast("#fff", "#fff") - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_matrix_shading_darkens_with_proficiency() {
        for pair in SHADES.windows(2) {
            assert!(
                luminance(pair[1]) < luminance(pair[0]),
                "{} is not darker than {}",
                pair[1],
                pair[0]
            );
        }
    }

    /// Every `#colour` in `text`, as written.
    fn colours_in(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (at, _) in text.match_indices('#') {
            let hex: String = text[at + 1..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect();
            if hex.len() == 3 || hex.len() == 6 {
                found.push(format!("#{hex}"));
            }
        }
        found
    }

    #[test]
    fn the_page_uses_only_the_measured_colours() {
        let mut known: Vec<&str> = text_pairs()
            .into_iter()
            .chain(graphic_pairs())
            .flat_map(|(fg, bg, _)| [fg, bg])
            .collect();
        known.extend([GRID, RULE]);
        let mut pages = String::from(STYLE);
        for path in [
            "ladders/engineering.yaml",
            "ladders/examples/electrical-trade.yaml",
        ] {
            let loaded = crate::Loader::new().inspect_path(path).unwrap();
            pages.push_str(&super::super::html(
                loaded.ladder(),
                loaded.report(),
                Default::default(),
            ));
        }
        // The value of every fill and stroke attribute of the SVG.
        let svg_colours: Vec<String> = ["fill=\"", "stroke=\""]
            .iter()
            .flat_map(|attr| pages.split(attr).skip(1))
            .flat_map(|rest| colours_in(rest.split('"').next().unwrap_or_default()))
            .collect();
        for colour in colours_in(STYLE).into_iter().chain(svg_colours) {
            assert!(
                known.contains(&colour.as_str()),
                "{colour} is used but its contrast is not measured"
            );
        }
    }
}
