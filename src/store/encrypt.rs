//! Encryption at rest: converting a database between plain SQLite and
//! SQLCipher in place. The new file is written beside the old one, checked,
//! synced and only then renamed over it, so a failure leaves the original.

use std::fs;
use std::path::Path;

use rusqlite::Connection;

use super::key::unlock;
use super::subject_access::quote;
use super::{Key, Result, Store, StoreError};
use crate::clock::Clock;

/// What a conversion wrote, for the command's one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Converted {
    pub tables: usize,
    pub rows: i64,
    pub bytes: u64,
}

impl Store {
    /// Rewrites the database at `path`, opened with `from` (`None`: plain),
    /// as a copy keyed with `to` (`None`: plain), then renames the copy over
    /// it. Refused while another program has the file open: it would go on
    /// using the old file and its changes would be lost.
    pub fn convert_file(
        path: &Path,
        clock: Clock,
        from: Option<Key>,
        to: Option<Key>,
    ) -> Result<Converted> {
        let store = Store::open_keyed(path, clock, from)?;
        store.take_sole_access()?;
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // tempfile creates the copy 0600, in the same folder so the rename is atomic.
        let tmp = tempfile::Builder::new()
            .prefix(".caseload-convert-")
            .tempfile_in(dir)
            .map_err(io)?;
        let (tables, rows) = store.export_to(tmp.path(), to.as_ref())?;
        verify(tmp.path(), to.as_ref())?;
        tmp.as_file().sync_all().map_err(io)?;
        let bytes = tmp.as_file().metadata().map_err(io)?.len();
        // A team file (`init --shared`: 0660 to its group) stays one: the
        // copy gets the original's group and mode, or the team is locked out.
        {
            use std::os::unix::fs::{MetadataExt, PermissionsExt};
            let original = fs::metadata(path).map_err(io)?;
            let mode = original.mode() & 0o660;
            if mode & 0o060 != 0 {
                super::os::chgrp(tmp.path(), original.gid()).map_err(io)?;
                fs::set_permissions(tmp.path(), fs::Permissions::from_mode(mode)).map_err(io)?;
            }
        }
        tmp.persist(path).map_err(|e| io(e.error))?;
        if let Ok(folder) = fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        // Closing releases the lock on the old file, which is gone from the folder now.
        let clock = store.clock().clone();
        drop(store);
        // Opened as every command opens it (WAL, pragmas), and the change audited.
        let action = if to.is_some() { "encrypt" } else { "decrypt" };
        Store::open_keyed(path, clock, to)?
            .write(|tx, at| Store::audit(tx, at, action, "database", 0))?;
        Ok(Converted {
            tables,
            rows,
            bytes,
        })
    }

    /// Makes this the only connection to the file, and keeps it so: leaving
    /// WAL mode needs every other connection closed, and the exclusive lock
    /// then keeps new ones out until this connection closes.
    fn take_sole_access(&self) -> Result<()> {
        let in_use = || {
            StoreError::Invalid(format!(
                "{} is open in another caseload or program; close it there and try again (nothing was changed)",
                self.path().display()
            ))
        };
        let mode: String = match self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        {
            Ok(mode) => mode,
            Err(e) => {
                return Err(match StoreError::from(e) {
                    StoreError::Busy => in_use(),
                    other => other,
                });
            }
        };
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(in_use());
        }
        self.conn
            .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
            .map_err(|e| match StoreError::from(e) {
                StoreError::Busy => in_use(),
                other => other,
            })?;
        Ok(())
    }

    /// `sqlcipher_export` of every table, index, trigger and the schema
    /// version into `dest`; returns the tables and rows, counted on both sides.
    fn export_to(&self, dest: &Path, key: Option<&Key>) -> Result<(usize, i64)> {
        let dest_text = dest.to_str().ok_or_else(|| {
            StoreError::Invalid("the database's folder name is not UTF-8; move it".into())
        })?;
        let passphrase = key.map(Key::passphrase).unwrap_or("");
        self.conn.execute(
            "ATTACH DATABASE ?1 AS target KEY ?2",
            (dest_text, passphrase),
        )?;
        let result = self.export_attached();
        let detached = self.conn.execute("DETACH DATABASE target", []);
        let counted = result?;
        detached?;
        Ok(counted)
    }

    fn export_attached(&self) -> Result<(usize, i64)> {
        self.conn
            .query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
        let version = self.schema_version()?;
        self.conn
            .pragma_update(Some("target"), "user_version", version)?;
        let tables: Vec<String> = {
            let mut stmt = self.conn.prepare(
                "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut rows = 0;
        for table in &tables {
            let t = quote(table);
            let (here, there): (i64, i64) = self.conn.query_row(
                &format!(
                    "SELECT (SELECT count(*) FROM main.{t}), (SELECT count(*) FROM target.{t})"
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if here != there {
                return Err(StoreError::Invalid(format!(
                    "the copy of table {table} holds {there} rows, not {here}; nothing was changed"
                )));
            }
            rows += here;
        }
        Ok((tables.len(), rows))
    }
}

/// Opens the copy afresh with its key and runs a full integrity check, so
/// the file renamed into place is known to open and to be whole.
fn verify(path: &Path, key: Option<&Key>) -> Result<()> {
    let conn = Connection::open(path)?;
    unlock(&conn, key, path)?;
    let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(StoreError::Invalid(format!(
            "the converted copy failed its integrity check ({verdict}); nothing was changed"
        )));
    }
    // Every caseload file is in WAL mode; the copy starts so too.
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(())
}
