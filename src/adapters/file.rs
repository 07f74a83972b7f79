//! Writing a file that may hold personal data (an export, a letter, a
//! report): readable by the owner only, and never seen half-written.

use std::io::Write;
use std::path::Path;

#[derive(Debug)]
pub enum WriteError {
    /// `replace` was false and something is already at the path.
    Exists,
    Io(std::io::Error),
}

/// Writes `bytes` to `path` readable by the owner only (tempfile creates 0600),
/// through a synced temporary file beside it and a rename, so nobody ever reads
/// half a file. Without `replace`, an existing file is kept (atomically: one
/// that appears meanwhile is not replaced either).
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    // A device, pipe, folder or symlink is never replaced by the rename.
    if let Some(kind) = crate::store::os::not_a_file(path) {
        let message = format!("{} is {kind}, not a regular file", path.display());
        return Err(WriteError::Io(std::io::Error::other(message)));
    }
    if !replace && std::fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(WriteError::Io)?;
    tmp.write_all(bytes).map_err(WriteError::Io)?;
    tmp.as_file().sync_all().map_err(WriteError::Io)?;
    let kept = if replace {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    kept.map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => WriteError::Exists,
        _ => WriteError::Io(e.error),
    })?;
    Ok(())
}
