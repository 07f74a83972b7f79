//! caseload: a keyboard-driven terminal caseload manager for social prescribing
//! link workers. The binary is a thin shell over this library, so tests and
//! benches drive exactly what users run.

pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod io;
pub mod key_source;
pub mod store;
pub mod tui;
