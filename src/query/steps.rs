//! Where a salary sits among a level's pay steps.

use std::fmt;

use crate::{Level, Money, Zone};

/// Where a salary sits among a level's pay steps (`band: { ..., steps: [...]
/// }`), steps numbered from 1, lowest first.
///
/// Serialized as `{ "on": 2, "of": 3 }`, `{ "between": [2, 3], "of": 3 }`,
/// `{ "below": 1, "of": 3 }` or `{ "above": 3, "of": 3 }`.
///
/// ```
/// # let ladder = dualtrack::load_path("tests/fixtures/valid/pay-steps.yaml")?.into_ladder();
/// use dualtrack::{Money, StepPosition};
///
/// let nurse = ladder.level("staff-nurse").unwrap(); // 29970, 32324, 36483 GBP
/// let gbp = ladder.currency().unwrap();
/// let at = |amount: &str| Money::from_decimal(amount.parse().unwrap(), gbp).unwrap();
/// assert_eq!(nurse.step_position(at("32324"), None), Some(StepPosition::On { on: 2, of: 3 }));
/// let between = nurse.step_position(at("34000"), None).unwrap();
/// assert_eq!(between.to_string(), "between steps 2 and 3 of 3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[non_exhaustive]
pub enum StepPosition {
    /// Exactly on step `on`.
    On {
        /// The step, from 1.
        on: usize,
        /// How many steps there are.
        of: usize,
    },
    /// Above step `between.0` and below the next one.
    Between {
        /// The steps below and above it.
        between: (usize, usize),
        /// How many steps there are.
        of: usize,
    },
    /// Below the first step.
    Below {
        /// The first step: 1.
        below: usize,
        /// How many steps there are.
        of: usize,
    },
    /// Above the last step.
    Above {
        /// The last step.
        above: usize,
        /// How many steps there are.
        of: usize,
    },
}

impl StepPosition {
    /// Where `salary` sits among `steps` (lowest first, in order); `None`
    /// without steps or for a salary in another currency.
    pub(crate) fn of(salary: Money, steps: &[Money]) -> Option<Self> {
        let of = steps.len();
        let first = steps.first()?;
        if first.currency() != salary.currency() {
            return None;
        }
        let minor = salary.minor();
        // The number of steps at or below the salary.
        let reached = steps.partition_point(|s| s.minor() <= minor);
        Some(match reached {
            0 => Self::Below { below: 1, of },
            n if steps.get(n - 1).is_some_and(|s| s.minor() == minor) => Self::On { on: n, of },
            n if n == of => Self::Above { above: of, of },
            n => Self::Between {
                between: (n, n + 1),
                of,
            },
        })
    }
}

/// Reads what it serializes, refusing a position no list of steps gives:
/// a step outside `1..=of`, steps `between` that are not neighbours, `below`
/// any step but the first or `above` any but the last.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for StepPosition {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Wire {
            On { on: usize, of: usize },
            Between { between: (usize, usize), of: usize },
            Below { below: usize, of: usize },
            Above { above: usize, of: usize },
        }
        let position = match Wire::deserialize(deserializer)? {
            Wire::On { on, of } => Self::On { on, of },
            Wire::Between { between, of } => Self::Between { between, of },
            Wire::Below { below, of } => Self::Below { below, of },
            Wire::Above { above, of } => Self::Above { above, of },
        };
        let sound = match position {
            Self::On { on, of } => (1..=of).contains(&on),
            Self::Between {
                between: (low, high),
                of,
            } => low >= 1 && high == low + 1 && high <= of,
            Self::Below { below, of } => below == 1 && of >= 1,
            Self::Above { above, of } => above == of && of >= 1,
        };
        if !sound {
            return Err(serde::de::Error::custom(format!(
                "invalid step position: no salary is {position}"
            )));
        }
        Ok(position)
    }
}

/// `on step 2 of 3`, `between steps 2 and 3 of 3`, `below step 1 of 3`,
/// `above step 3 of 3`.
impl fmt::Display for StepPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::On { on, of } => write!(f, "on step {on} of {of}"),
            Self::Between {
                between: (low, high),
                of,
            } => write!(f, "between steps {low} and {high} of {of}"),
            Self::Below { below, of } => write!(f, "below step {below} of {of}"),
            Self::Above { above, of } => write!(f, "above step {above} of {of}"),
        }
    }
}

impl Level {
    /// Its pay steps in `zone` (each converted and rounded as the band is,
    /// see [`Level::band_in`]), or its base steps when `zone` is `None`;
    /// empty when it lists none.
    ///
    /// ```
    /// # let ladder = dualtrack::load_path("tests/fixtures/valid/pay-steps.yaml")?.into_ladder();
    /// let steps = ladder.level("staff-nurse").unwrap().steps_in(None);
    /// let shown: Vec<String> = steps.iter().map(ToString::to_string).collect();
    /// assert_eq!(shown, ["29970 GBP", "32324 GBP", "36483 GBP"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps_in(&self, zone: Option<&Zone>) -> Vec<Money> {
        match zone {
            Some(zone) => self
                .steps()
                .iter()
                .map(|s| zone.convert(*s))
                .collect::<Option<Vec<_>>>()
                .unwrap_or_default(),
            None => self.steps().to_vec(),
        }
    }

    /// Where `salary` (in the zone's currency with `zone`) sits among its
    /// pay steps; `None` when it lists none, or for a salary in another
    /// currency.
    pub fn step_position(&self, salary: Money, zone: Option<&Zone>) -> Option<StepPosition> {
        StepPosition::of(salary, &self.steps_in(zone))
    }
}
