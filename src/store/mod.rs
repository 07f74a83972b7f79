//! The only place with SQL. One SQLite file; every write is one `BEGIN IMMEDIATE`
//! transaction, so a crash loses nothing that was saved and two instances never
//! interleave half-written changes.

mod conversation;
mod demo;
mod directory;
mod error;
mod goal;
mod migrate;
mod person;
mod reminder;
mod service;
mod setting;

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::clock::Clock;
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use directory::ImportSummary;
pub use error::{Result, StoreError};
pub use migrate::SCHEMA_VERSION;
pub use person::{PersonRow, StatusHistoryEntry};

/// Who is writing, and when: taken once per transaction, so every row a write
/// touches carries the same moment (from the injected clock, never the wall).
pub(crate) struct Stamp {
    /// Local time to the second, ISO-8601.
    pub now: String,
    pub actor: String,
}

/// A day column read back; text that is not a date reads as `None`, never a crash.
pub(crate) fn day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok())
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
    clock: Clock,
}

/// Counts for the status line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub people_open: i64,
    pub people_total: i64,
    /// Active services (inactive ones are kept for history but not offered).
    pub services: i64,
    pub services_total: i64,
    pub services_stale: i64,
    pub reminders_overdue: i64,
    pub reminders_today: i64,
}

impl Store {
    /// Opens (or creates, mode 0600) the database at `path` and brings its schema
    /// up to date. A file that is not SQLite, or whose schema is newer than this
    /// build knows, is refused before anything is written to it.
    pub fn open(path: &Path, clock: Clock) -> Result<Store> {
        let io_err = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(io_err(std::io::Error::other(
                    "it is a folder; give a file path",
                )));
            }
            Ok(meta) if meta.len() > 0 => {
                check_header(path)?;
                check_readable(path)?;
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_private_file(path).map_err(io_err)?;
            }
            Err(e) => return Err(io_err(e)),
        }
        let conn = Connection::open(path)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            actor: std::env::var("USER").unwrap_or_else(|_| "caseload".into()),
            clock,
        };
        store.apply_pragmas()?;
        migrate::migrate(&mut store.conn)?;
        Ok(store)
    }

    fn apply_pragmas(&self) -> Result<()> {
        // busy_timeout first: setting WAL mode itself may wait for another instance.
        self.conn
            .busy_timeout(std::time::Duration::from_millis(5000))?;
        self.conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON;",
        )?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The clock every write is stamped with; the app and CLI read "now" here too.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all of it is saved, or none.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction, &Stamp) -> Result<T>,
    ) -> Result<T> {
        let at = Stamp {
            now: self.clock.now_text(),
            actor: self.actor.clone(),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx, &at)?;
        tx.commit()?;
        Ok(value)
    }

    /// Records who did what to which id; never personal data.
    pub(crate) fn audit(
        tx: &Transaction,
        at: &Stamp,
        action: &str,
        entity: &str,
        id: i64,
    ) -> Result<()> {
        tx.execute(
            "INSERT INTO audit (at, actor, action, entity, entity_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            (&at.now, &at.actor, action, entity, id),
        )?;
        Ok(())
    }

    pub fn counts(&self, today: NaiveDate) -> Result<Counts> {
        let cutoff = crate::domain::service::stale_cutoff(today).map(crate::domain::date::iso);
        let today = crate::domain::date::iso(today);
        let counts = self.conn.query_row(
            "SELECT
                (SELECT count(*) FROM person WHERE status IN ('referred', 'active', 'paused')),
                (SELECT count(*) FROM person),
                (SELECT count(*) FROM service WHERE status = 'active'),
                (SELECT count(*) FROM service),
                (SELECT count(*) FROM service WHERE status = 'active'
                    AND (last_verified_on IS NULL OR last_verified_on < ?2)),
                (SELECT count(*) FROM reminder WHERE done_at IS NULL
                    AND coalesce(snoozed_until, due_on) < ?1),
                (SELECT count(*) FROM reminder WHERE done_at IS NULL
                    AND coalesce(snoozed_until, due_on) = ?1)",
            (&today, &cutoff),
            |r| {
                Ok(Counts {
                    people_open: r.get(0)?,
                    people_total: r.get(1)?,
                    services: r.get(2)?,
                    services_total: r.get(3)?,
                    services_stale: r.get(4)?,
                    reminders_overdue: r.get(5)?,
                    reminders_today: r.get(6)?,
                })
            },
        )?;
        Ok(counts)
    }

    /// Full integrity check plus schema version, for `caseload check`.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} points at a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }

    /// Changes whenever another connection (another caseload window) commits,
    /// so the app can refresh what it shows before acting on stale data.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// A new database file: parent folders made private, the file itself 0600.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)?;
    }
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    Ok(())
}

/// Refuses anything that is not an SQLite file, or whose schema (the
/// `user_version` at byte 60 of the header) is newer than this build, by
/// reading the header alone: nothing is opened, locked or written.
fn check_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 100];
    let mut file = fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if file.read_exact(&mut header).is_err() || &header[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotADatabase(path.to_path_buf()));
    }
    let found = i64::from(u32::from_be_bytes([
        header[60], header[61], header[62], header[63],
    ]));
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Reads the schema through an immutable connection (no locks, no -wal or
/// -shm files), so a damaged file is refused before anything touches it.
fn check_readable(path: &Path) -> Result<()> {
    let uri = format!(
        "file:{}?immutable=1",
        path.to_string_lossy()
            .replace('%', "%25")
            .replace('?', "%3F")
            .replace('#', "%23")
    );
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| StoreError::from(e).with_path(path))?;
    Ok(())
}
