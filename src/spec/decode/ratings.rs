//! The ratings file: its wire type and its structural decoding, with the
//! same helpers, and so the same findings, as a ladder file.

use super::{Decoder, Path, ScaleHint};
use crate::finding::Finding;
use crate::finding::reading;
use crate::spec::ProficiencySpec;
use crate::spec::wire::wire_struct;
use crate::yaml::{Node, Value};
use crate::{Limits, Pointer};

wire_struct! {
    /// # Ratings
    ///
    /// A person's assessed proficiencies, for `dualtrack assess`: which level of
    /// each track they are ready for, and what stands between them and a target.
    #[derive(Debug, Clone, PartialEq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
    #[cfg_attr(feature = "schema", schemars(rename = "Ratings"))]
    pub(crate) struct RatingsSpec {
        /// # Schema version
        ///
        /// The version of the ratings file format. Always `1`.
        #[cfg_attr(feature = "schema", schemars(schema_with = "crate::spec::schema::schema_version"))]
        pub(crate) schema_version: u32,
        /// # Ladder id
        ///
        /// The id of the ladder the ratings are for, such as `engineering`.
        #[cfg_attr(feature = "schema", schemars(schema_with = "crate::spec::schema::id"))]
        pub(crate) ladder: String,
        /// # Person
        ///
        /// Who was assessed, as it should appear in the output.
        #[cfg_attr(feature = "schema", serde(default))]
        pub(crate) person: Option<String>,
        /// # Ratings
        ///
        /// Competency id to assessed proficiency, on the ladder's scale: from 1
        /// (learning) to 5 (sets the standard beyond the team) by default, a
        /// number or, when the ladder names its steps, a step name. Leave out
        /// what was not assessed: a missing rating is never read as a low one.
        #[cfg_attr(feature = "schema", schemars(schema_with = "crate::spec::schema::ratings"))]
        pub(crate) ratings: Vec<(String, ProficiencySpec)>,
    }
}

/// What decoding a ratings file produced.
pub(crate) struct DecodedRatings {
    /// The wire type, when the file had no structural problem.
    pub(crate) spec: Option<RatingsSpec>,
    pub(crate) findings: Vec<Finding>,
}

/// Decodes a parsed ratings file, whose proficiencies are on `scale` (that
/// of the ladder they are for).
pub(crate) fn decode_ratings(
    root: Option<&Node>,
    limits: &Limits,
    scale: ScaleHint,
) -> DecodedRatings {
    let mut decoder = Decoder::new(limits);
    decoder.scale = scale;
    let spec = match root {
        Some(root) => decoder.ratings_file(root),
        None => {
            decoder.push(
                Finding::new(&reading::TYPE, Pointer::root(), "the file holds no ratings")
                    .with_help("write `schema_version: 1`, `ladder:` and `ratings:`"),
            );
            None
        }
    };
    DecodedRatings {
        spec: spec.filter(|_| decoder.findings.is_empty()),
        findings: decoder.findings.into_vec(),
    }
}

impl Decoder<'_> {
    fn ratings_file(&mut self, node: &Node) -> Option<RatingsSpec> {
        let f = self.fields::<RatingsSpec>(node, &Path::Root, "the ratings file")?;
        let version = self.required(&f, "schema_version", Self::schema_version);
        let ladder = self.required(&f, "ladder", Self::short_text);
        let person = self.optional(&f, "person", Self::short_text);
        let ratings = self.required(&f, "ratings", Self::ratings);
        version?;
        Some(RatingsSpec {
            schema_version: 1,
            ladder: ladder?,
            person,
            ratings: ratings?,
        })
    }

    fn schema_version(&mut self, node: &Node, pointer: &Path<'_>) -> Option<()> {
        let version = self.integer(node, pointer, "the schema version `1`")?;
        if version != 1 {
            self.push(
                Finding::new(
                    &reading::TYPE,
                    pointer.pointer(),
                    format!("unsupported schema_version `{version}`"),
                )
                .with_help(
                    "this version of dualtrack reads ratings files with `schema_version: 1`",
                ),
            );
            return None;
        }
        Some(())
    }

    fn ratings(
        &mut self,
        node: &Node,
        pointer: &Path<'_>,
    ) -> Option<Vec<(String, ProficiencySpec)>> {
        let Value::Mapping(entries) = &node.value else {
            self.type_error(
                node,
                pointer,
                "ratings (a mapping of competency ids to proficiencies)",
                "write one `competency-id: proficiency` line per competency assessed",
            );
            return None;
        };
        let mut out = Vec::with_capacity(entries.len());
        for entry in entries {
            let pointer = pointer.key(&entry.key);
            if let Some(proficiency) = self.proficiency(&entry.value, &pointer) {
                out.push((entry.key.to_string(), proficiency));
            }
        }
        Some(out)
    }
}
