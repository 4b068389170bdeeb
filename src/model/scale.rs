use std::fmt;

use crate::Proficiency;

/// The proficiency scale a ladder's expectations are written on: its numbers
/// (from `start`, one per step) and, when the framework names them, the
/// step names (`Awareness`, `Working`, `Practitioner`...).
///
/// Without a `proficiency_scale` in the file, the scale is the default one:
/// 1 (learning) to 5 (sets the standard beyond the team), unnamed.
///
/// ```
/// # let ladder = dualtrack::load_path("tests/fixtures/valid/scales.yaml")?.into_ladder();
/// let scale = ladder.proficiency_scale();
/// assert_eq!((scale.start().get(), scale.end().get()), (0, 4));
/// let practitioner = scale.named("Practitioner").unwrap();
/// assert_eq!(practitioner.get(), 2);
/// assert_eq!(scale.label(practitioner), "2 Practitioner");
///
/// let default = dualtrack::ProficiencyScale::default();
/// assert_eq!(default.to_string(), "1 to 5");
/// assert_eq!(default.label(default.end()), "5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProficiencyScale {
    pub(crate) start: Proficiency,
    pub(crate) end: Proficiency,
    /// One per number when the steps are named; empty otherwise.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub(crate) steps: Vec<ProficiencyStep>,
}

/// One named step of a [`ProficiencyScale`].
///
/// Serialized as `{ proficiency, name, description }`, `description` left
/// out when there is none; read back alone with a name that is not blank
/// (in a scale, with the scale's own checks: see [`ProficiencyScale`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields, try_from = "StepWire"))]
pub struct ProficiencyStep {
    pub(crate) proficiency: Proficiency,
    pub(crate) name: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(crate) description: Option<String>,
}

/// A step as it reads, before any check: alone (its name not blank), or in
/// a scale (the scale's own checks).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepWire {
    pub(crate) proficiency: Proficiency,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<StepWire> for ProficiencyStep {
    type Error = &'static str;

    fn try_from(step: StepWire) -> Result<Self, Self::Error> {
        if step.name.trim().is_empty() {
            return Err("a proficiency step's name is blank");
        }
        Ok(Self {
            proficiency: step.proficiency,
            name: step.name,
            description: step.description,
        })
    }
}

impl ProficiencyStep {
    /// Its number on the scale.
    pub fn proficiency(&self) -> Proficiency {
        self.proficiency
    }

    /// Its name, such as `Practitioner`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the step means, when the ladder says.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

impl Default for ProficiencyScale {
    /// The scale of a ladder that declares none: 1 to 5, unnamed.
    fn default() -> Self {
        Self {
            start: Proficiency(1),
            end: Proficiency(5),
            steps: Vec::new(),
        }
    }
}

impl fmt::Display for ProficiencyScale {
    /// Its range, `1 to 5` or `0 to 4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.start, self.end)
    }
}

impl ProficiencyScale {
    /// The most steps a scale may have.
    pub const MAX_STEPS: usize = 10;

    /// Its lowest number.
    pub fn start(&self) -> Proficiency {
        self.start
    }

    /// Its highest number.
    pub fn end(&self) -> Proficiency {
        self.end
    }

    /// Its named steps, lowest first; empty when the steps have no names.
    pub fn steps(&self) -> &[ProficiencyStep] {
        &self.steps
    }

    /// Whether its steps have names.
    pub fn is_named(&self) -> bool {
        !self.steps.is_empty()
    }

    /// Whether it is the default scale, 1 to 5 unnamed.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// Whether `proficiency` is one of its numbers.
    pub fn contains(&self, proficiency: Proficiency) -> bool {
        (self.start..=self.end).contains(&proficiency)
    }

    /// The proficiency numbered `value`, when the scale has it.
    pub fn get(&self, value: i64) -> Option<Proficiency> {
        Proficiency::new(value).filter(|p| self.contains(*p))
    }

    /// The step called `name` (exactly as the ladder writes it).
    pub fn named(&self, name: &str) -> Option<Proficiency> {
        self.steps
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.proficiency)
    }

    /// The name of a step, when the steps are named.
    pub fn name(&self, proficiency: Proficiency) -> Option<&str> {
        self.step(proficiency).map(ProficiencyStep::name)
    }

    /// The named step of a number.
    pub fn step(&self, proficiency: Proficiency) -> Option<&ProficiencyStep> {
        self.steps.iter().find(|s| s.proficiency == proficiency)
    }

    /// A proficiency as people read it: its number, then its name when the
    /// step has one (`2 Practitioner`).
    pub fn label(&self, proficiency: Proficiency) -> String {
        match self.name(proficiency) {
            Some(name) => format!("{proficiency} {name}"),
            None => proficiency.to_string(),
        }
    }
}
