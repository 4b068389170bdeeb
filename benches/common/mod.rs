//! Generated ladders for the benches and the tests that keep them honest.
//!
//! [`ladder`] writes a ladder shaped like `ladders/engineering.yaml` at any
//! size: scale 1 is one discipline (an IC track of 8 levels beside a
//! management track of 5), 7 competencies and 3 zones, about the size of the
//! reference ladder; scale `n` is `n` times its size in bytes, with about
//! `0.8 n` disciplines on one company-wide grade structure, up to 16
//! competencies and up to 48 zones. Every ladder is valid
//! under the default rules with no finding at all (a test checks it), so a
//! bench measures the work a clean ladder costs, not the cost of reporting.
//!
//! [`ladder_with_findings`] is the same ladder with two classic mistakes in
//! every discipline after the first: titles copied from the first discipline
//! (`duplicate-title`), and a Fellow in the second paid above every VP
//! (`parity-gap`): a report with many findings, each with a related place,
//! their number linear in the scale.

// Each bench and test uses part of it.
#![allow(dead_code)]

pub mod mirror;

use dualtrack::{Limits, Loader};

use std::fmt::Write;

/// The sizes the benches run at, as multiples of `ladders/engineering.yaml`.
pub const SCALES: [usize; 4] = [1, 10, 100, 1000];

/// The shape of a generated ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Disciplines, each an IC track and a management track.
    pub disciplines: usize,
    pub competencies: usize,
    pub zones: usize,
}

impl Shape {
    pub fn of(scale: usize) -> Self {
        let scale = scale.max(1);
        // Past 1x, 16 competencies make a discipline 1.25 times the
        // reference ladder's size, so 4 disciplines per 5x keep the bytes
        // at `scale` times the reference.
        let disciplines = if scale == 1 {
            1
        } else {
            (scale * 4).div_ceil(5)
        };
        Self {
            disciplines,
            competencies: BASE_COMPETENCIES.len() + (scale - 1).min(EXTRA_COMPETENCIES.len()),
            zones: (3 * scale).min(48),
        }
    }

    pub fn tracks(&self) -> usize {
        2 * self.disciplines
    }

    pub fn levels(&self) -> usize {
        self.disciplines * (IC_TITLES.len() + MANAGEMENT_TITLES.len())
    }
}

/// The default limits with every count and total raised 1000x, so that the
/// 100x and 1000x ladders (up to 1,600 tracks, 9.9 MB, over a million YAML
/// nodes, over a thousand findings) load in full. Depth, key, scalar and
/// description limits stay at their defaults: generated ladders are shaped
/// like the reference at every size.
pub fn limits() -> Limits {
    let d = Limits::default();
    let mut limits = d.clone();
    limits.max_file_bytes = d.max_file_bytes.saturating_mul(1000);
    limits.max_levels_per_track = d.max_levels_per_track.saturating_mul(1000);
    limits.max_tracks = d.max_tracks.saturating_mul(1000);
    limits.max_zones = d.max_zones.saturating_mul(1000);
    limits.max_nodes = d.max_nodes.saturating_mul(1000);
    limits.max_findings = d.max_findings.saturating_mul(1000);
    limits
}

/// A loader with [`limits`].
pub fn loader() -> Loader {
    Loader::new().limits(limits())
}

/// A valid ladder `scale` times the size of `ladders/engineering.yaml`.
pub fn ladder(scale: usize) -> String {
    write(Shape::of(scale), false)
}

/// The ladder of [`ladder`] with a `duplicate-title` warning on every level
/// of every discipline after the first, and a `parity-gap` error between the
/// second discipline's Fellow and every VP.
pub fn ladder_with_findings(scale: usize) -> String {
    write(Shape::of(scale), true)
}

/// The level ids of a generated ladder, in file order.
pub fn level_ids(scale: usize) -> Vec<String> {
    let shape = Shape::of(scale);
    let mut ids = Vec::with_capacity(shape.levels());
    for d in 0..shape.disciplines {
        let prefix = discipline(d).0;
        for g in 1..=IC_TITLES.len() {
            ids.push(format!("{prefix}-ic{g}"));
        }
        for m in 1..=MANAGEMENT_TITLES.len() {
            ids.push(format!("{prefix}-m{m}"));
        }
    }
    ids
}

/// The zone ids of a generated ladder, in file order.
pub fn zone_ids(scale: usize) -> Vec<String> {
    (0..Shape::of(scale).zones).map(zone_id).collect()
}

/// Competency: id, name, kind, description.
type CompetencyRow = (&'static str, &'static str, &'static str, &'static str);

const BASE_COMPETENCIES: [CompetencyRow; 7] = [
    (
        "technical-depth",
        "Technical depth",
        "craft",
        "Command of the tools and systems the team works in: writes correct, tested, maintainable work, debugs across layers, and knows when to go deep and when good enough is good enough.",
    ),
    (
        "system-design",
        "System design",
        "craft",
        "Designs systems that meet today's needs and leave room for tomorrow's: clear boundaries, sound data models and explicit trade-offs, written down so that others can review and build on them.",
    ),
    (
        "delivery",
        "Delivery",
        "craft",
        "Turns goals into working results in the hands of users: breaks work down, estimates honestly, manages scope and risk, and ships in small, safe steps.",
    ),
    (
        "collaboration",
        "Collaboration",
        "leadership",
        "Works well with others inside and beyond the team: clear writing, generous review, constructive disagreement and shared ownership of outcomes.",
    ),
    (
        "influence",
        "Influence",
        "leadership",
        "Shapes direction beyond their own work: sets strategy, builds consensus across teams and raises the bar for the practice.",
    ),
    (
        "people-development",
        "People development",
        "people",
        "Grows the people who report to them: regular one-on-ones, clear expectations, timely and specific feedback, fair reviews and career conversations that take both tracks seriously.",
    ),
    (
        "hiring",
        "Hiring and team building",
        "people",
        "Builds teams: defines roles, runs a fair and structured hiring process, onboards people well and shapes team structure as the organization grows.",
    ),
];

const EXTRA_COMPETENCIES: [CompetencyRow; 9] = [
    (
        "operational-excellence",
        "Operational excellence",
        "craft",
        "Keeps what ships healthy: observability, incident response, blameless reviews and a steady hand on reliability budgets.",
    ),
    (
        "security",
        "Security",
        "craft",
        "Builds security in from the start: threat models, least privilege, safe defaults and timely patching.",
    ),
    (
        "product-sense",
        "Product sense",
        "craft",
        "Understands the users and the business well enough to shape what is built, not only how.",
    ),
    (
        "quality",
        "Quality",
        "craft",
        "Makes quality everyone's job: testing strategy, review culture and fixing root causes rather than symptoms.",
    ),
    (
        "mentoring",
        "Mentoring",
        "leadership",
        "Grows others through pairing, review and sponsorship, without needing any of them to report to them.",
    ),
    (
        "communication",
        "Communication",
        "leadership",
        "Writes and speaks clearly for the audience at hand, from a code review comment to a company all-hands.",
    ),
    (
        "strategy",
        "Strategy",
        "leadership",
        "Connects today's work to where the company is going, and says no to good ideas that do not fit.",
    ),
    (
        "performance-management",
        "Performance management",
        "people",
        "Sets clear goals with each report, recognizes strong work and addresses underperformance early and fairly.",
    ),
    (
        "organization-design",
        "Organization design",
        "people",
        "Shapes teams, roles and reporting lines so that the organization can deliver its strategy.",
    ),
];

/// Company-wide bands per grade 1..=8, in whole US dollars.
const BANDS: [[u64; 3]; 8] = [
    [100_000, 115_000, 130_000],
    [120_000, 138_000, 156_000],
    [145_000, 168_000, 191_000],
    [175_000, 205_000, 235_000],
    [210_000, 245_000, 280_000],
    [250_000, 295_000, 340_000],
    [300_000, 355_000, 410_000],
    [360_000, 430_000, 500_000],
];

/// Management starts at this grade: the track runs from 4 to 8.
const FIRST_MANAGEMENT_GRADE: usize = 4;

/// Grades below this are outside parity (the default `from_grade` is the
/// management track's third-highest grade).
const PARITY_FROM_GRADE: usize = 6;

/// `{}` is the practitioner: "Software Engineer", "Designer".
const IC_TITLES: [&str; 8] = [
    "{} I",
    "{} II",
    "Senior {}",
    "Staff {}",
    "Senior Staff {}",
    "Principal {}",
    "Distinguished {}",
    "{} Fellow",
];

/// `{}` is the discipline: "Engineering", "Design".
const MANAGEMENT_TITLES: [&str; 5] = [
    "{} Manager",
    "Senior {} Manager",
    "Director of {}",
    "Senior Director of {}",
    "VP of {}",
];

const IC_SUMMARIES: [&str; 8] = [
    "Delivers well-scoped tasks on an existing system with guidance from teammates.",
    "Delivers features end to end with little guidance and is a dependable teammate.",
    "Owns a significant part of a system and leads projects involving several people.",
    "Sets direction for a team or group of teams and solves problems that span them.",
    "Leads multi-team initiatives and is a go-to expert across the organization.",
    "Shapes the strategy of a whole department; decisions hold for years.",
    "Sets company-wide direction in a domain and is recognized across the industry.",
    "Defines the long-term vision of the company in the discipline; a peer of the VP.",
];

const MANAGEMENT_SUMMARIES: [&str; 5] = [
    "Leads one team, accountable for its people, its delivery and its health.",
    "Leads several teams, often through leads or first-line managers.",
    "Leads a department through managers and owns its strategy, structure and budget.",
    "Leads several departments and is accountable for a major area's outcomes.",
    "Leads the discipline for the company, accountable for its strategy and culture.",
];

/// Discipline: id prefix, name, practitioner.
const DISCIPLINES: [(&str, &str, &str); 12] = [
    ("eng", "Engineering", "Software Engineer"),
    ("design", "Design", "Product Designer"),
    ("data", "Data Science", "Data Scientist"),
    ("sre", "Site Reliability", "Site Reliability Engineer"),
    ("sec", "Security", "Security Engineer"),
    ("ml", "Machine Learning", "Machine Learning Engineer"),
    ("qa", "Quality", "Quality Engineer"),
    ("infra", "Infrastructure", "Infrastructure Engineer"),
    ("mobile", "Mobile", "Mobile Engineer"),
    ("research", "Research", "Research Scientist"),
    ("analytics", "Analytics", "Data Analyst"),
    ("ux", "User Research", "User Researcher"),
];

/// Zone: name, factor, currency and rate (none for the base currency).
type ZoneRow = (
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

const ZONES: [ZoneRow; 12] = [
    ("Remote (United States)", "0.9", None),
    ("London", "0.8", Some(("GBP", "0.79"))),
    ("Toronto", "0.85", Some(("CAD", "1.38"))),
    ("Berlin", "0.75", Some(("EUR", "0.92"))),
    ("Tokyo", "0.7", Some(("JPY", "150.5"))),
    ("Sydney", "0.8", Some(("AUD", "1.52"))),
    ("Zurich", "1.05", Some(("CHF", "0.88"))),
    ("Stockholm", "0.7", Some(("SEK", "10.5"))),
    ("Bangalore", "0.35", Some(("INR", "83.2"))),
    ("Singapore", "0.85", Some(("SGD", "1.35"))),
    ("New York", "1.1", None),
    ("Warsaw", "0.5", Some(("PLN", "4.02"))),
];

/// Discipline `d`: id prefix, name and practitioner, numbered past the list.
fn discipline(d: usize) -> (String, String, String) {
    let (prefix, name, who) = DISCIPLINES[d % DISCIPLINES.len()];
    match d / DISCIPLINES.len() {
        0 => (prefix.to_owned(), name.to_owned(), who.to_owned()),
        n => (
            format!("{prefix}{}", n + 1),
            format!("{name} {}", n + 1),
            format!("{who} {}", n + 1),
        ),
    }
}

fn zone_id(z: usize) -> String {
    let name = ZONES[z % ZONES.len()].0;
    let mut id: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    if z >= ZONES.len() {
        write!(id, "-{}", z / ZONES.len() + 1).unwrap();
    }
    id
}

fn competencies(shape: Shape) -> impl Iterator<Item = &'static CompetencyRow> {
    BASE_COMPETENCIES
        .iter()
        .chain(EXTRA_COMPETENCIES.iter())
        .take(shape.competencies)
}

/// A proficiency that never drops as grades rise: 1 at grade 1, 5 at grade 8.
fn proficiency(grade: usize, competency: usize) -> usize {
    (1 + ((grade - 1) * 5 + competency % 3) / 8).min(5)
}

fn write(shape: Shape, findings: bool) -> String {
    let mut out = String::with_capacity(shape.disciplines * 12 * 1024 + 4096);
    let o = &mut out;
    o.push_str("# yaml-language-server: $schema=../schemas/ladder.schema.json\n");
    o.push_str("schema_version: 1\nid: company\nname: Company\n");
    o.push_str("description: >-\n  A generated ladder: every discipline has an individual contributor track\n  and a management track on one company-wide grade structure.\n");
    o.push_str("currency: USD\npay_period: annual\n\ncompetencies:\n");
    for (id, name, kind, description) in competencies(shape) {
        writeln!(
            o,
            "  - id: {id}\n    name: {name}\n    kind: {kind}\n    description: >-\n      {description}"
        )
        .unwrap();
    }
    o.push_str("\ntracks:\n");
    for d in 0..shape.disciplines {
        let (prefix, name, who) = discipline(d);
        // Titles copied from the first discipline, when findings are wanted.
        let (title_name, title_who) = if findings && d > 0 {
            let (_, name, who) = discipline(0);
            (name, who)
        } else {
            (name.clone(), who.clone())
        };
        // Below parity, IC bands may pay a discipline premium of up to 3%;
        // management at those grades stays on the company band, so it never
        // pays more than IC.
        let premium = (d % 4) as u64;
        writeln!(
            o,
            "  - id: {prefix}-ic\n    name: {name}, individual contributor\n    kind: individual_contributor\n    description: >-\n      Grows impact through mastery of {}, from well-scoped tasks to company-wide\n      direction. Nobody on this track is required to manage people.\n    levels:",
            name.to_lowercase()
        )
        .unwrap();
        for (g, title) in IC_TITLES.iter().enumerate() {
            let grade = g + 1;
            let mut band = BANDS[g];
            if grade < PARITY_FROM_GRADE {
                for amount in &mut band {
                    *amount = (*amount * (100 + premium) / 100).div_ceil(100) * 100;
                }
            }
            if findings && d == 1 && grade == IC_TITLES.len() {
                band[2] += 10_000;
            }
            level(
                o,
                shape,
                &format!("{prefix}-ic{grade}"),
                &title.replace("{}", &title_who),
                grade,
                IC_SUMMARIES[g],
                band,
                false,
            );
        }
        writeln!(
            o,
            "  - id: {prefix}-management\n    name: {name}, management\n    kind: management\n    description: >-\n      Grows impact through people and organizations. Entry is a career change,\n      assessed on its own competencies, not a promotion."
        )
        .unwrap();
        o.push_str("    levels:\n");
        for (m, title) in MANAGEMENT_TITLES.iter().enumerate() {
            let grade = FIRST_MANAGEMENT_GRADE + m;
            level(
                o,
                shape,
                &format!("{prefix}-m{}", m + 1),
                &title.replace("{}", &title_name),
                grade,
                MANAGEMENT_SUMMARIES[m],
                BANDS[grade - 1],
                true,
            );
        }
    }
    o.push_str("\nzones:\n");
    for z in 0..shape.zones {
        let (name, factor, currency) = ZONES[z % ZONES.len()];
        let name = match z / ZONES.len() {
            0 => name.to_owned(),
            n => format!("{name} {}", n + 1),
        };
        writeln!(
            o,
            "  - id: {}\n    name: {name}\n    factor: {factor}",
            zone_id(z)
        )
        .unwrap();
        if let Some((code, rate)) = currency {
            writeln!(o, "    currency: {code}\n    rate: {rate}").unwrap();
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn level(
    o: &mut String,
    shape: Shape,
    id: &str,
    title: &str,
    grade: usize,
    summary: &str,
    [min, mid, max]: [u64; 3],
    management: bool,
) {
    writeln!(
        o,
        "      - id: {id}\n        title: {title}\n        grade: {grade}\n        summary: {summary}\n        band: {{ min: {min}, mid: {mid}, max: {max} }}\n        expectations:"
    )
    .unwrap();
    for (c, (competency, _, kind, _)) in competencies(shape).enumerate() {
        let value = match (*kind, management) {
            ("people", false) => continue,
            ("people", true) => (grade - 1).min(5),
            _ => proficiency(grade, c),
        };
        // Every few expectations, the detailed form with a description.
        if (grade + c).is_multiple_of(5) {
            writeln!(
                o,
                "          {competency}:\n            proficiency: {value}\n            description: What {competency} looks like at grade {grade}, with an example."
            )
            .unwrap();
        } else {
            writeln!(o, "          {competency}: {value}").unwrap();
        }
    }
}
