//! Import and export formats. Pure functions over records and writers.

pub mod ics;
pub mod table;
