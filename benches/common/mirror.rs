//! The yardstick: the ladder format as plain serde types, read with
//! `serde_saphyr` itself. This is what a service would write without
//! dualtrack: no spans, no findings, no rules, first error wins.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    pub schema_version: u32,
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub currency: String,
    pub pay_period: PayPeriod,
    pub competencies: Vec<Competency>,
    pub tracks: Vec<Track>,
    #[serde(default)]
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub policy: Option<Policy>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayPeriod {
    Annual,
    Monthly,
    Hourly,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Craft,
    Leadership,
    People,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrackKind {
    IndividualContributor,
    Management,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: String,
    pub name: String,
    pub kind: TrackKind,
    #[serde(default)]
    pub description: Option<String>,
    pub levels: Vec<Level>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub title: String,
    pub grade: u32,
    #[serde(default)]
    pub summary: Option<String>,
    pub band: Band,
    #[serde(default)]
    pub expectations: HashMap<String, Expectation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: f64,
    pub mid: f64,
    pub max: f64,
}

/// `3` or `{ proficiency: 3, description: ... }`, read without buffering
/// (an untagged enum would buffer every value first).
#[derive(Debug)]
pub struct Expectation {
    pub proficiency: u8,
    pub description: Option<String>,
}

impl<'de> Deserialize<'de> for Expectation {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExpectationVisitor;

        impl<'de> Visitor<'de> for ExpectationVisitor {
            type Value = Expectation;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a proficiency or { proficiency, description }")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Expectation, E> {
                let proficiency = u8::try_from(v).map_err(E::custom)?;
                Ok(Expectation {
                    proficiency,
                    description: None,
                })
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Expectation, E> {
                let proficiency = u8::try_from(v).map_err(E::custom)?;
                Ok(Expectation {
                    proficiency,
                    description: None,
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Expectation, A::Error> {
                let (mut proficiency, mut description) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "proficiency" => proficiency = Some(map.next_value()?),
                        "description" => description = Some(map.next_value()?),
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["proficiency", "description"],
                            ));
                        }
                    }
                }
                Ok(Expectation {
                    proficiency: proficiency
                        .ok_or_else(|| de::Error::missing_field("proficiency"))?,
                    description,
                })
            }
        }

        deserializer.deserialize_any(ExpectationVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: String,
    pub name: String,
    pub factor: f64,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub rate: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    #[serde(default)]
    pub parity: Option<Parity>,
    #[serde(default)]
    pub spread: Option<Range>,
    #[serde(default)]
    pub progression: Option<Range>,
    #[serde(default)]
    pub overlap: Option<Overlap>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parity {
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub from_grade: Option<u32>,
    #[serde(default)]
    pub tolerance: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    #[serde(default)]
    pub min: Option<String>,
    #[serde(default)]
    pub max: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlap {
    #[serde(default)]
    pub max: Option<String>,
}

/// Parses with `serde_saphyr`, its budget raised so that 1000x fits (the
/// defaults stop at 250,000 nodes), as `Loader::limits` is raised for dualtrack.
pub fn parse(yaml: &str) -> Result<Ladder, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: usize::MAX,
            max_nodes: usize::MAX,
        },
    };
    serde_saphyr::from_str_with_options(yaml, options)
}
