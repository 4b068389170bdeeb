//! A language server for ladder and ratings files (feature `lsp`;
//! `dualtrack lsp` serves it over stdio): every finding as the file is
//! typed, re-checked after a pause in typing, with the same loader and
//! limits as the CLI.
//!
//! [`serve`] runs the protocol over any [`lsp_server::Connection`];
//! [`Analysis`] is one document read through the loader, with what the
//! editor asks of it ([`Analysis::diagnostics`], [`Analysis::quick_fixes`]);
//! [`LineIndex`] turns the byte spans of findings into the lines and UTF-16
//! columns editors count. A ratings file is checked against the ladder it
//! names: open in the editor, or else found on disk beside it or in a
//! `ladders/` directory above it. Inside, `cursor` says what is at a
//! position (even on a half-typed line), and `hover`, `navigate`
//! (definition, references) and `complete` answer from it and from the
//! ladder.

mod actions;
mod analysis;
mod complete;
mod cursor;
mod diagnostics;
mod hover;
mod ladder_files;
mod navigate;
mod position;
mod server;

pub use analysis::{Analysis, DocumentKind};
pub use diagnostics::SOURCE;
pub use position::LineIndex;
pub use server::{Ended, ServerOptions, serve};
