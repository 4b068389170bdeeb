//! The rules reported while a file is read, before there is a ladder to
//! check: by the YAML layer, the decoder and the loader. They sit at the
//! bottom with the findings so that every layer can report them; the rules
//! checked on a decoded ladder are in the `rules` module, and
//! `dualtrack::rules()` lists both.

mod duplicate_key;
mod invalid_amount;
mod limit;
mod missing_key;
mod syntax;
mod r#type;
mod unknown_key;
mod unsupported_yaml;

pub(crate) use duplicate_key::DUPLICATE_KEY;
pub(crate) use invalid_amount::INVALID_AMOUNT;
pub(crate) use limit::{Exceeded, LIMIT};
pub(crate) use missing_key::MISSING_KEY;
pub(crate) use syntax::SYNTAX;
pub(crate) use r#type::TYPE;
pub(crate) use unknown_key::UNKNOWN_KEY;
pub(crate) use unsupported_yaml::UNSUPPORTED_YAML;
