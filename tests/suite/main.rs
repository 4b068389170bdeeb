//! The integration tests, one binary: each file a module, so that the
//! suite links once and its tests run in parallel across files. (The
//! allocation count, which needs its own global allocator, is a binary of
//! its own: tests/allocations.rs.)

#[path = "../../benches/common/mod.rs"]
mod bench_common;
mod common;
mod lsp_client;

mod audit;
mod boundaries;
mod cli;
mod code_scanning;
mod commands;
mod diff;
mod equivalents;
mod every_finding;
mod examples;
mod generated;
mod grades;
mod hostile;
mod ids;
mod inspect;
mod ladder_diff;
mod layers;
mod library;
mod lsp;
mod lsp_actions;
mod lsp_navigation;
mod messages;
mod mutations;
mod one_mistake;
#[cfg(feature = "serde")]
mod owned_answers;
mod parity;
mod pay;
mod pay_steps;
mod readiness;
mod rules;
mod scales;
mod schema;
#[cfg(feature = "serde")]
mod serde;
mod site;
mod strictness;
mod ten_mistakes;
mod transitions;
mod trunk;
mod variable_pay;
mod yaml_suite;
mod zones;
