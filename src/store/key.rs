//! The key of an encrypted database (SQLCipher). Where it comes from (a key
//! file, a command, a prompt) is the CLI's business; the store only applies it.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use super::{Result, StoreError};

/// A passphrase for SQLCipher. Never printed: `Debug` shows no part of it.
#[derive(Clone, PartialEq, Eq)]
pub struct Key(String);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

/// The longest passphrase taken: far beyond any typed one, short enough
/// that a wrong file given as a key file is refused rather than read whole.
pub const MAX_KEY_BYTES: usize = 1024;

impl Key {
    /// A passphrase as typed or read: one trailing line end is dropped (key
    /// files and `pass show` end with one); empty or overlong is refused.
    pub fn new(mut text: String) -> std::result::Result<Key, String> {
        if text.ends_with('\n') {
            text.pop();
            if text.ends_with('\r') {
                text.pop();
            }
        }
        if text.is_empty() {
            return Err("the key is empty".into());
        }
        if text.len() > MAX_KEY_BYTES {
            return Err(format!("the key is longer than {MAX_KEY_BYTES} bytes"));
        }
        if text.contains(['\0', '\n', '\r']) {
            return Err("the key must be one line".into());
        }
        Ok(Key(text))
    }

    /// Keys a fresh connection: must be the first thing run on it.
    pub(crate) fn apply(&self, conn: &Connection) -> Result<()> {
        // SQLCipher logs a failed page check (a wrong key) to stderr itself;
        // our own message says it once, in one line.
        conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(()),
                e => Err(e),
            })?;
        conn.pragma_update(None, "key", &self.0)?;
        Ok(())
    }

    pub(super) fn passphrase(&self) -> &str {
        &self.0
    }
}

/// Whether `path` looks like an encrypted database: a file whose first bytes
/// are not SQLite's header (SQLCipher encrypts all but a random salt) and whose
/// size is whole pages, as every SQLite file is. A text file or other stray
/// file is not taken for one, so it is still called "not a database".
pub fn looks_encrypted(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() < 512 || meta.len() % 512 != 0 {
        return false;
    }
    let mut head = [0u8; 16];
    match fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)) {
        Ok(()) => &head != b"SQLite format 3\0",
        Err(_) => false,
    }
}

/// Applies `key` (if any) and proves it opens the file, before anything else
/// touches the connection: a wrong key fails here and has changed nothing.
pub(super) fn unlock(conn: &Connection, key: Option<&Key>, path: &Path) -> Result<()> {
    let Some(key) = key else {
        return Ok(());
    };
    key.apply(conn)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(StoreError::WrongKey(path.to_path_buf()))
        }
        Err(e) => Err(e.into()),
    }
}

/// Whether `key` opens the encrypted file at `path`, tried on a read-only
/// connection of its own that is closed again: lets a prompt ask again after
/// a typo instead of failing the command. Errors other than a wrong key are
/// left for the real open to report.
pub fn key_opens(path: &Path, key: &Key) -> Result<bool> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    match unlock(&conn, Some(key), path) {
        Ok(()) => Ok(true),
        Err(StoreError::WrongKey(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_drops_one_line_end_and_refuses_nonsense() {
        assert_eq!(Key::new("secret\n".into()).unwrap().passphrase(), "secret");
        assert_eq!(
            Key::new("secret\r\n".into()).unwrap().passphrase(),
            "secret"
        );
        assert!(Key::new("\n".into()).is_err());
        assert!(Key::new("two\nlines\n".into()).is_err());
        assert!(Key::new("x".repeat(MAX_KEY_BYTES + 1)).is_err());
        assert_eq!(
            format!("{:?}", Key::new("secret".into()).unwrap()),
            "Key(..)"
        );
    }
}
