//! Online backup: SQLite's backup API copies the database while the app and
//! other writers go on working, then the copy is checked before it is kept.

use std::fs;
use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

const PAUSE: Duration = Duration::from_millis(50);

/// How a backup's temporary copy is named, beside its destination.
const TEMP_PREFIX: &str = ".caseload-backup-";

/// Our own backup temporaries in `dir` that no running backup holds: left by
/// a backup that was killed. Each is a full copy of the database (and its
/// `-journal`), so they must not outlive an erasure. A running backup holds
/// an exclusive `flock` on its temporary, so it is never listed here.
pub fn stale_backup_copies(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut stale = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !is_file || !name.starts_with(TEMP_PREFIX) {
            continue;
        }
        let path = entry.path();
        let copy = match name.strip_suffix("-journal") {
            Some(main) => dir.join(main),
            None => path.clone(),
        };
        if !held(&copy) {
            stale.push(path);
        }
    }
    stale.sort();
    stale
}

/// Removes [`stale_backup_copies`] from `dir`; how many went.
pub fn remove_stale_backup_copies(dir: &Path) -> usize {
    stale_backup_copies(dir)
        .iter()
        .filter(|p| fs::remove_file(p).is_ok())
        .count()
}

/// Whether a running backup holds `copy` (a missing copy is held by nobody).
fn held(copy: &Path) -> bool {
    use std::os::unix::io::AsRawFd;
    let Ok(file) = fs::File::open(copy) else {
        return false;
    };
    // SAFETY: a valid descriptor; the lock goes when `file` is closed.
    let free = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
    !free
}

use super::{Result, Store, StoreError};

/// What a finished backup holds, for the one line the command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub bytes: u64,
    pub pages: i64,
}

/// Whether an existing file at the destination may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Refuse,
    Replace,
}

impl Store {
    /// Copies this database to `dest` (mode 0600). The copy is written to a
    /// temporary file beside `dest`, made self-contained (rollback journal, no
    /// `-wal` needed), integrity-checked, synced, and only then renamed into
    /// place: a failure at any step leaves `dest` as it was.
    pub fn backup_to(&self, dest: &Path, overwrite: Overwrite) -> Result<BackupSummary> {
        let io = |source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        };
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(StoreError::NoFolder(dir.to_path_buf()));
        }
        if same_file(self.path(), dest) {
            return Err(StoreError::Invalid(
                "the backup would replace the database itself; choose another file".into(),
            ));
        }
        if let Some(kind) = super::os::not_a_file(dest) {
            return Err(StoreError::NotAFile(dest.to_path_buf(), kind));
        }
        if overwrite == Overwrite::Refuse && fs::symlink_metadata(dest).is_ok() {
            return Err(StoreError::Invalid(format!(
                "{} exists; pass --force to replace it",
                dest.display()
            )));
        }
        // A killed backup's copies go first: they hold people who may since
        // have been erased.
        remove_stale_backup_copies(dir);
        // tempfile creates the file 0600, so no other account can read the copy.
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(dir)
            .map_err(io)?;
        // Held while the copy is written, so no other backup's clean-up takes it.
        {
            use std::os::unix::io::AsRawFd;
            // SAFETY: a valid descriptor, open for the life of `tmp`.
            unsafe { libc::flock(tmp.as_file().as_raw_fd(), libc::LOCK_EX) };
        }
        let pages = self.copy_into(tmp.path())?;
        tmp.as_file().sync_all().map_err(io)?;
        let bytes = tmp.as_file().metadata().map_err(io)?.len();
        match overwrite {
            Overwrite::Replace => tmp.persist(dest).map(drop).map_err(|e| io(e.error))?,
            // Atomic no-clobber: a file that appeared meanwhile is not replaced.
            Overwrite::Refuse => tmp.persist_noclobber(dest).map(drop).map_err(|e| {
                if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                    StoreError::Invalid(format!(
                        "{} exists; pass --force to replace it",
                        dest.display()
                    ))
                } else {
                    io(e.error)
                }
            })?,
        }
        // The rename is durable only once the folder is synced.
        if let Ok(folder) = fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(BackupSummary { bytes, pages })
    }

    /// The backup itself: one step over every page, so the copy is one
    /// consistent snapshot (a WAL reader does not hold up writers, and a
    /// stepwise copy would restart each time another process commits).
    fn copy_into(&self, tmp: &Path) -> Result<i64> {
        let mut copy = Connection::open(tmp)?;
        // An encrypted database backs up encrypted, with the same key: the
        // backup copies pages as they are, and SQLCipher needs both ends keyed alike.
        if let Some(key) = self.key() {
            key.apply(&copy)?;
        }
        {
            let backup = Backup::new(&self.conn, &mut copy)?;
            // -1: every page in one step (rusqlite's run_to_completion
            // insists on a positive count). Busy only while another process
            // holds an exclusive lock, as a rollback-journal writer does.
            let mut waited = Duration::ZERO;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ if waited >= super::BUSY_TIMEOUT => return Err(StoreError::Busy),
                    _ => {
                        std::thread::sleep(PAUSE);
                        waited += PAUSE;
                    }
                }
            }
        }
        // The copy keeps the source's WAL flag; a backup file should stand
        // alone, so it goes back to a rollback journal.
        copy.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        let verdict: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(StoreError::Invalid(format!(
                "the backup copy failed its integrity check ({verdict}); nothing was written"
            )));
        }
        let pages: i64 = copy.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        copy.close().map_err(|(_, e)| StoreError::from(e))?;
        Ok(pages)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}
