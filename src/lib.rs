//! caseload: a keyboard-driven terminal caseload manager for social prescribing
//! link workers. The binary is a thin shell over this library, so tests and
//! benches drive exactly what users run.
//!
//! The layers are crates of one workspace, so the compiler, not a convention,
//! keeps them apart: `domain` (plain types, no I/O) <- `store` (all SQL) and
//! `io` (pure formats) <- this crate (`config`, `adapters`, `cli`, `tui`).
//! They are re-exported here under their short names.

pub use caseload_domain as domain;
pub use caseload_domain::demo;
pub use caseload_formats as io;
pub use caseload_store as store;
pub use caseload_store::clock;

pub mod adapters;
pub mod cli;
pub mod config;
pub mod key_source;
pub mod tui;
