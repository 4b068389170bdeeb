//! The checked model: a ladder whose invariants hold by construction.
//!
//! A [`Ladder`] is only built once validation found no error: every id is
//! valid and unique, every reference resolves, grades rise along each track,
//! every band is in order and in the ladder's currency. It is immutable and
//! `Send + Sync`, so a service can share one behind an `Arc`.

mod band;
mod competency;
mod ladder;
mod level;
mod pay;
mod policy;
mod scale;
mod track;
mod zone;

pub use band::Band;
pub use competency::Competency;
pub use ladder::Ladder;
pub use level::{Expectation, Grade, Level, PayBasis, Proficiency, ProficiencyError};
pub use pay::Variable;
pub(crate) use pay::add_bands;
pub use policy::Policy;
#[cfg(feature = "serde")]
pub(crate) use scale::StepWire;
pub use scale::{ProficiencyScale, ProficiencyStep};
pub use track::Track;
pub use zone::Zone;
pub(crate) use zone::{Rules as ZoneRules, convert, convert_band, unit_minor};
