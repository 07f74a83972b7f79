//! Import and export formats. Pure functions over records and writers.

pub mod csv;
pub mod file;
pub mod ics;
pub mod letter;
pub mod oruk;
pub mod report;
pub mod subject_access;
pub mod table;

/// Why an import file was refused. Messages name the place (line, or record and
/// field) and the reason, never the contents, so they are safe to show anywhere.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: {message}; nothing imported")]
    Line { line: u64, message: String },
    #[error("record {index}, field {field}: {message}; nothing imported")]
    Record {
        index: usize,
        field: String,
        message: String,
    },
    #[error("{0}; nothing imported")]
    File(String),
}

/// A stable uid for a record that came without one: the same name, organisation
/// and postcode always give the same uid, so re-importing updates it.
pub fn derived_uid(prefix: &str, parts: &[&str]) -> String {
    // FNV-1a, 64 bit: stable across builds and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.trim().to_lowercase().bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{prefix}-{h:016x}")
}
