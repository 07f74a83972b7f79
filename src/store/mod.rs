//! The only place with SQL. One SQLite file; every write is one `BEGIN IMMEDIATE`
//! transaction, so a crash loses nothing that was saved and two instances never
//! interleave half-written changes.

pub mod clock;

mod audit;
mod backup;
mod changes;
mod connection;
mod conversation;
mod demo;
mod directory;
mod encrypt;
mod erase;
mod error;
mod follow_up;
mod form_draft;
mod goal;
mod key;
mod measure;
mod migrate;
pub mod os;
mod person;
mod report;
mod retention;
mod service;
mod setting;
mod shared;
mod subject_access;
mod sync;
mod worker;

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use caseload_domain as domain;

use crate::clock::Clock;
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

pub use crate::domain::record::FormDraft;
pub use crate::domain::record::{
    AuditEntry, Handover, StatusHistoryEntry, SubjectAccess, SubjectAccessRecord,
};
pub use audit::AuditFilter;
pub use backup::{BackupSummary, Overwrite, remove_stale_backup_copies, stale_backup_copies};
pub use changes::{Changed, Changes, Topic};
pub use directory::ImportSummary;
pub use encrypt::Converted;
pub use error::{Result, StoreError};
pub use key::{Key, MAX_KEY_BYTES, key_opens, looks_encrypted};
pub use migrate::SCHEMA_VERSION;
use person::OPEN_STATUSES;
pub use person::{Disclosure, PeopleCount, PersonRow};
pub use retention::RetentionDue;
pub use shared::SharedModes;
pub use sync::Origin;
pub use worker::WorkerAdded;

/// Who is writing, and when: taken once per transaction, so every row a write
/// touches carries the same moment (from the injected clock, never the wall).
pub(crate) struct Stamp {
    /// Local time to the second, ISO-8601.
    pub now: String,
    pub actor: String,
    /// The worker's own name from config.toml, if they gave one.
    pub actor_name: Option<String>,
}

/// A day column read back; text that is not a date reads as `None`, never a crash.
pub(crate) fn day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok())
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
    /// Shown beside `actor` in the audit (`display_name` in config.toml).
    actor_name: Option<String>,
    clock: Clock,
    /// Set once an integrity check found damage: no write goes in after that.
    damaged: Option<String>,
    /// Opened by `open_read_only`: writes are refused before reaching SQLite.
    read_only: bool,
    /// The SQLCipher key the file was opened with; `None` for a plain file.
    key: Option<Key>,
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
    pub follow_ups_overdue: i64,
    pub follow_ups_today: i64,
}

impl Store {
    /// Opens (or creates, mode 0600) the database at `path` for reading and
    /// writing, and brings its schema up to date. A file that is not SQLite, is
    /// damaged, is read-only, or whose schema is newer than this build knows, is
    /// refused before anything is written to it. A new file is made only in a
    /// folder that exists (the caller makes the default data folder).
    pub fn open(path: &Path, clock: Clock) -> Result<Store> {
        Store::open_keyed(path, clock, None)
    }

    /// `open`, for a file encrypted with `key` (or, for a new file, to be).
    /// A wrong key is refused before anything is written.
    pub fn open_keyed(path: &Path, clock: Clock, key: Option<Key>) -> Result<Store> {
        let io_err = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        let wal = match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => return Err(folder_error(path)),
            // A pipe or a device: SQLite would say only "disk I/O error".
            Ok(meta) if !meta.is_file() => return Err(StoreError::Missing(path.to_path_buf())),
            Ok(meta) if meta.len() > 0 => {
                // An encrypted header cannot be read without the key; the
                // keyed read below is the check then (SQLCipher checks every
                // page it reads against its HMAC).
                let header = match key {
                    None => Some(check_header(path)?),
                    Some(_) => None,
                };
                if !os::writable(path) {
                    return Err(StoreError::ReadOnly(path.to_path_buf()));
                }
                if header.is_some() {
                    probe(path)?;
                }
                header.map(|h| h.wal)
            }
            Ok(_) => {
                if !os::writable(path) {
                    return Err(StoreError::ReadOnly(path.to_path_buf()));
                }
                // An empty file (from `touch` or mktemp) is about to hold health records.
                fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(io_err)?;
                Some(false)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_private_file(path)?;
                Some(false)
            }
            Err(e) => return Err(io_err(e)),
        };
        // No CREATE flag: the file exists by now, and if it vanished meanwhile
        // an error is better than silently starting an empty caseload.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        key::unlock(&conn, key.as_ref(), path)?;
        let mut store = Store::new(conn, path, clock, key);
        store.apply_pragmas(wal).map_err(|e| store.confirm(e))?;
        migrate::migrate(&mut store.conn).map_err(|e| store.confirm(e))?;
        Ok(store)
    }

    /// Opens an existing database for a command that only reads: never creates,
    /// migrates, locks for writing or changes the journal mode, so a writer
    /// holding the lock does not hold it up. A missing file is an error.
    pub fn open_read_only(path: &Path, clock: Clock) -> Result<Store> {
        Store::open_read_only_keyed(path, clock, None)
    }

    /// `open_read_only`, for a file encrypted with `key`.
    pub fn open_read_only_keyed(path: &Path, clock: Clock, key: Option<Key>) -> Result<Store> {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => return Err(folder_error(path)),
            Ok(meta) if !meta.is_file() => return Err(StoreError::Missing(path.to_path_buf())),
            Ok(meta) if meta.len() > 0 => {}
            // An empty file is not a caseload yet; a writing command makes it one.
            Ok(_) => return Err(StoreError::Missing(path.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::Missing(path.to_path_buf()));
            }
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
        if key.is_none() {
            check_header(path)?;
        }
        let conn = if os::writable(path) {
            if key.is_none() {
                probe(path)?;
            }
            // Read-write flags, but `query_only` below: a READ_ONLY connection
            // would have to create `-wal`/`-shm` and could never remove them,
            // while this one removes them when it is the last to close.
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?
        } else {
            // Nobody can write a file in a read-only place, so reading it as
            // immutable is safe, and it takes no locks and makes no side files.
            open_immutable(path)?
        };
        key::unlock(&conn, key.as_ref(), path)?;
        let mut store = Store::new(conn, path, clock, key);
        store.read_only = true;
        store.apply_read_pragmas().map_err(|e| store.confirm(e))?;
        let found = store.schema_version().map_err(|e| store.confirm(e))?;
        if found < SCHEMA_VERSION {
            return Err(StoreError::OlderSchema {
                path: path.to_path_buf(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(store)
    }

    /// Opens another read-only connection to the same file, with the same
    /// key, when called: on another thread if need be (the app's background
    /// integrity check runs on one).
    pub fn read_only_opener(&self) -> impl FnOnce() -> Result<Store> + Send + 'static {
        let (path, clock, key) = (self.path.clone(), self.clock.clone(), self.key.clone());
        move || Store::open_read_only_keyed(&path, clock, key)
    }

    /// Whether the file is encrypted (opened with a key).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    pub(crate) fn key(&self) -> Option<&Key> {
        self.key.as_ref()
    }

    fn new(conn: Connection, path: &Path, clock: Clock, key: Option<Key>) -> Store {
        Store {
            conn,
            path: path.to_path_buf(),
            actor: os::login_name(),
            actor_name: None,
            clock,
            damaged: None,
            read_only: false,
            key,
        }
    }

    /// `wal`: whether the header says the file is in WAL mode; `None` when
    /// it could not be read (encrypted), and the keyed connection is asked.
    fn apply_pragmas(&self, wal: Option<bool>) -> Result<()> {
        // busy_timeout first: switching to WAL takes a lock and may wait.
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        let wal = match wal {
            Some(wal) => wal,
            None => {
                let mode: String = self
                    .conn
                    .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
                mode.eq_ignore_ascii_case("wal")
            }
        };
        // Asking for WAL on a file that is already WAL still needs a lock, so a
        // file caseload made (always WAL) is left alone: opening never waits.
        if !wal {
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        }
        // A 1 MB page cache (SQLite's default is 2 MB): the app reads each
        // table once and keeps what it shows, so a bigger cache only holds
        // memory (measured: the same key times, 1.5 MB less resident).
        self.conn.execute_batch(
            "PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON;
             PRAGMA cell_size_check = ON;
             PRAGMA cache_size = -1024;",
        )?;
        Ok(())
    }

    fn apply_read_pragmas(&self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Belt and braces: nothing this store runs can change the file.
        self.conn.execute_batch(
            "PRAGMA query_only = ON;
             PRAGMA foreign_keys = ON;
             PRAGMA cell_size_check = ON;
             PRAGMA cache_size = -1024;",
        )?;
        Ok(())
    }

    /// SQLite said "malformed" mid-query. A real integrity check decides
    /// whether that is damage (and then no write goes in after it); otherwise
    /// it stays a one-off error that advises no restore.
    fn confirm(&mut self, e: StoreError) -> StoreError {
        let StoreError::Corrupt(seen) = e else {
            return e;
        };
        match self.quick_check() {
            Ok(problems) if problems.is_empty() => StoreError::Corrupt(seen),
            Ok(problems) => self.mark_damaged(&problems.join("; ")),
            Err(StoreError::Corrupt(detail)) => self.mark_damaged(&detail),
            Err(other) => other,
        }
    }

    /// `PRAGMA quick_check`: the app runs it in the background after its first
    /// frame. Empty when the file is sound; a damaged file's problems otherwise
    /// (page numbers and table names, never contents).
    pub fn quick_check(&self) -> Result<Vec<String>> {
        self.pragma_problems("PRAGMA quick_check")
    }

    /// Refuses every later write with `StoreError::Damaged`: once an integrity
    /// check has found damage, writing more into the file can only spread it.
    pub fn mark_damaged(&mut self, detail: &str) -> StoreError {
        let detail = first_problems(detail);
        self.damaged = Some(detail.clone());
        StoreError::Damaged(self.path.clone(), detail)
    }

    /// Whether an integrity check has found damage (and so writes are refused).
    pub fn is_damaged(&self) -> bool {
        self.damaged.is_some()
    }

    /// A quick check of the tables that adding a person writes to, run by the
    /// CLI before it writes. (A full quick check costs ~120 ms on the 10k demo,
    /// more than a one-shot command should pay per write; these tables ~12 ms.)
    pub fn check_people_tables(&mut self) -> Result<()> {
        let mut problems = Vec::new();
        for table in ["person", "status_change", "audit"] {
            match self.pragma_problems(&format!("PRAGMA quick_check({table})")) {
                Ok(found) => problems.extend(found),
                Err(StoreError::Corrupt(detail)) => problems.push(detail),
                Err(e) => return Err(e),
            }
        }
        if problems.is_empty() {
            return Ok(());
        }
        Err(self.mark_damaged(&problems.join("; ")))
    }

    fn pragma_problems(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut problems = Vec::new();
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        Ok(problems)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The worker's name from config.toml (`display_name`), written beside
    /// the OS login in every audit row from now on. Blank is no name.
    pub fn set_actor_name(&mut self, name: Option<String>) {
        self.actor_name = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
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
        if let Some(detail) = &self.damaged {
            return Err(StoreError::Damaged(self.path.clone(), detail.clone()));
        }
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        match self.write_once(f) {
            Err(StoreError::Sqlite(e))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) =>
            {
                Err(StoreError::ReadOnly(self.path.clone()))
            }
            Err(e) => Err(self.confirm(e)),
            ok => ok,
        }
    }

    fn write_once<T>(&mut self, f: impl FnOnce(&Transaction, &Stamp) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // A registered worker is named as the team knows them; otherwise the
        // name from config.toml, if any. Read inside the transaction, so a
        // worker registered by another process meanwhile is named too.
        let registered: Option<String> = tx
            .query_row(
                "SELECT name FROM worker WHERE login = ?1",
                [&self.actor],
                |r| r.get(0),
            )
            .optional()?;
        let at = Stamp {
            now: self.clock.now_text(),
            actor: self.actor.clone(),
            actor_name: registered.or_else(|| self.actor_name.clone()),
        };
        let value = f(&tx, &at)?;
        // The change log's triggers cannot know the moment (no clock in
        // SQL); every change of this transaction gets its stamp here.
        tx.prepare_cached(
            "UPDATE sync_change SET changed_at = ?1, changed_by = ?2 WHERE changed_at IS NULL",
        )?
        .execute((&at.now, &at.actor))?;
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
            "INSERT INTO audit (at, actor, actor_name, action, entity, entity_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (&at.now, &at.actor, &at.actor_name, action, entity, id),
        )?;
        Ok(())
    }

    /// `audit`, with why (never personal data: logins, ids, a device).
    pub(crate) fn audit_because(
        tx: &Transaction,
        at: &Stamp,
        (action, entity, id): (&str, &str, i64),
        reason: &str,
    ) -> Result<()> {
        tx.execute(
            "INSERT INTO audit (at, actor, actor_name, action, entity, entity_id, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (
                &at.now,
                &at.actor,
                &at.actor_name,
                action,
                entity,
                id,
                reason,
            ),
        )?;
        Ok(())
    }

    /// The status line's figures; entries unverified for `stale_months` are stale.
    pub fn counts(&self, today: NaiveDate, stale_months: u32) -> Result<Counts> {
        let cutoff =
            crate::domain::service::stale_cutoff(today, stale_months).map(crate::domain::date::iso);
        let today = crate::domain::date::iso(today);
        // The services and the open follow-ups are each read once, all
        // their figures counted in that one pass (the first frame waits on it).
        let counts = self.conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM person WHERE status IN {OPEN_STATUSES}),
                    (SELECT count(*) FROM person),
                    s.active, (SELECT count(*) FROM service), s.stale, r.overdue, r.today
                 FROM (SELECT count(*) AS active,
                              count(*) FILTER (WHERE last_verified_on IS NULL
                                  OR last_verified_on < ?2) AS stale
                         FROM service WHERE status = 'active') s,
                      (SELECT count(*) FILTER (WHERE coalesce(snoozed_until, due_on) < ?1) AS overdue,
                              count(*) FILTER (WHERE coalesce(snoozed_until, due_on) = ?1) AS today
                         FROM reminder WHERE done_at IS NULL) r"
            ),
            (&today, &cutoff),
            |r| {
                Ok(Counts {
                    people_open: r.get(0)?,
                    people_total: r.get(1)?,
                    services: r.get(2)?,
                    services_total: r.get(3)?,
                    services_stale: r.get(4)?,
                    follow_ups_overdue: r.get(5)?,
                    follow_ups_today: r.get(6)?,
                })
            },
        )?;
        Ok(counts)
    }

    /// `counts`, only the parts read from `person` (open and total): after a
    /// change to people alone, the services need no recount.
    pub fn people_counts(&self, counts: &mut Counts) -> Result<()> {
        (counts.people_open, counts.people_total) = self.conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM person WHERE status IN {OPEN_STATUSES}),
                    (SELECT count(*) FROM person)"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(())
    }

    /// Full integrity check plus foreign keys, for `caseload check`.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = match self.pragma_problems("PRAGMA integrity_check") {
            Ok(found) => found,
            // Too damaged to walk at all: that is the finding, not an error.
            Err(StoreError::Corrupt(detail)) => vec![detail],
            Err(e) => return Err(e),
        };
        if problems.is_empty() {
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

const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(5000);

/// How many times an unlocked read of a file nobody has open is retried
/// before an integrity check is asked whether it is damaged.
const PROBE_TRIES: u32 = 3;

fn folder_error(path: &Path) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other("it is a folder; give a file path"),
    }
}

/// At most the first three problems of an integrity check, so the message stays one line.
fn first_problems(detail: &str) -> String {
    let mut parts: Vec<&str> = detail.split("; ").collect();
    let more = parts.len().saturating_sub(3);
    parts.truncate(3);
    let line = parts.join("; ").replace(['\n', '\r'], " ");
    if more > 0 {
        format!("{line}; and {more} more")
    } else {
        line
    }
}

/// A new database file, 0600, in a folder that must already exist: a
/// mistyped path is an error, not a new empty caseload.
fn create_private_file(path: &Path) -> Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|source| match path.parent() {
            Some(dir) if source.kind() == std::io::ErrorKind::NotFound && !dir.exists() => {
                StoreError::NoFolder(dir.to_path_buf())
            }
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source,
            },
        })?;
    Ok(())
}

/// What the first 100 bytes say, read without SQLite (no lock, no side file).
struct Header {
    /// Bytes 18 and 19 are 2 in a WAL-mode file.
    wal: bool,
}

/// Refuses anything that is not an SQLite file, or whose schema (the
/// `user_version` at byte 60 of the header) is newer than this build, by
/// reading the header alone: nothing is opened, locked or written.
fn check_header(path: &Path) -> Result<Header> {
    let mut header = [0u8; 100];
    let mut file = fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if file.read_exact(&mut header).is_err() || &header[..16] != b"SQLite format 3\0" {
        if looks_encrypted(path) {
            return Err(StoreError::Encrypted(path.to_path_buf()));
        }
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
    Ok(Header {
        wal: header[18] == 2 && header[19] == 2,
    })
}

fn open_immutable(path: &Path) -> Result<Connection> {
    let uri = format!(
        "file:{}?immutable=1",
        path.to_string_lossy()
            .replace('%', "%25")
            .replace('?', "%3F")
            .replace('#', "%23")
    );
    Ok(Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// Reads the schema through an immutable connection (no locks, no `-wal` or
/// `-shm` files), so a damaged file is refused before anything touches it.
///
/// Immutable means "nobody changes this file", which is false while another
/// process checkpoints: the read can then see half-copied pages. So a failed
/// read is never taken as damage by itself. If a `-wal` exists someone may be
/// writing, and the normal connection (which honours their locks) decides;
/// otherwise the read is retried, and only an integrity check that still
/// finds problems calls the file damaged.
fn probe(path: &Path) -> Result<()> {
    let wal = {
        let mut p = path.as_os_str().to_owned();
        p.push("-wal");
        PathBuf::from(p)
    };
    for attempt in 1..=PROBE_TRIES {
        match read_schema_immutably(path) {
            Ok(()) => return Ok(()),
            Err(StoreError::Corrupt(_)) if wal.exists() => return Ok(()),
            Err(StoreError::Corrupt(_)) => {
                std::thread::sleep(std::time::Duration::from_millis(20 * u64::from(attempt)));
            }
            Err(e) => return Err(e),
        }
    }
    let conn = open_immutable(path)?;
    let mut problems = Vec::new();
    let checked = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut stmt| {
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            for row in rows {
                problems.push(row?);
            }
            Ok(())
        })
        .map_err(StoreError::from);
    match checked {
        Err(StoreError::Corrupt(detail)) => problems.push(detail),
        Err(e) => return Err(e),
        Ok(()) => problems.retain(|p| p != "ok"),
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(StoreError::Damaged(
        path.to_path_buf(),
        first_problems(&problems.join("; ")),
    ))
}

fn read_schema_immutably(path: &Path) -> Result<()> {
    let conn = open_immutable(path)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(())
}

// Grouped handles: `store.people()` reads, `store.people_mut()` also writes,
// through the one connection and the one `write()` path. Each group's
// methods are in its own file.
macro_rules! handles {
    ($($(#[$doc:meta])* $ty:ident $read:ident $write:ident;)*) => {$(
        $(#[$doc])*
        pub struct $ty<S>(S);

        impl Store {
            $(#[$doc])*
            pub fn $read(&self) -> $ty<&Store> {
                $ty(self)
            }

            $(#[$doc])*
            pub fn $write(&mut self) -> $ty<&mut Store> {
                $ty(self)
            }
        }
    )*};
}

handles! {
    /// The people on file and their status.
    People people people_mut;
    /// Conversation notes, their corrections and drafts.
    Notes notes notes_mut;
    /// A person's goals.
    Goals goals goals_mut;
    /// Wellbeing measures.
    Measures measures measures_mut;
    /// Follow-ups: the agenda, and who has gone quiet.
    FollowUps follow_ups follow_ups_mut;
    /// The directory of services.
    Directory directory directory_mut;
    /// Connections between a person and a service.
    Connections connections connections_mut;
    /// The team's workers and handovers.
    Workers workers workers_mut;
    /// Settings kept in the file.
    Settings settings settings_mut;
    /// Forms kept when the app closed mid-edit.
    FormDrafts form_drafts form_drafts_mut;
    /// Laptop copies and the team file they sync with.
    Copies copies copies_mut;
}
