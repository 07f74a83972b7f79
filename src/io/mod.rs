//! Import and export formats. Pure functions over records and writers.

pub mod csv;
pub mod ics;
pub mod oruk;
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

/// Why a private file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and replacing it was not asked for.
    Exists,
    Failed(std::io::Error),
}

/// Writes `bytes` to `path` readable by the owner only (tempfile creates 0600),
/// through a synced temporary file beside it and a rename, so nobody ever reads
/// half a file. Without `replace`, an existing file is kept (atomically: one
/// that appears meanwhile is not replaced either).
pub fn write_private_file(
    path: &std::path::Path,
    bytes: &[u8],
    replace: bool,
) -> Result<(), WriteError> {
    use std::io::Write;
    if !replace && std::fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(WriteError::Failed)?;
    tmp.write_all(bytes).map_err(WriteError::Failed)?;
    tmp.as_file().sync_all().map_err(WriteError::Failed)?;
    let kept = if replace {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    kept.map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => WriteError::Exists,
        _ => WriteError::Failed(e.error),
    })?;
    Ok(())
}
