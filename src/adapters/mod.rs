//! The app's doors to the outside world that are not the database: the
//! network (`directory pull`, `serve`) and files written for people (exports, letters).
//! The formats in `io` stay pure: they turn records into bytes and back.

pub mod file;
pub mod pull;
pub mod serve;
pub mod sync;
