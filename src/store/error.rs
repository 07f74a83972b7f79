use std::path::PathBuf;

use rusqlite::ErrorCode;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Store failures, worded for the person at the keyboard. Messages carry ids and
/// paths, never the contents of a record.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} is not a caseload database (it is not an SQLite file); check the path", .0.display())]
    NotADatabase(PathBuf),
    #[error("{} is encrypted (or is not a caseload database): it needs its key", .0.display())]
    Encrypted(PathBuf),
    #[error("the key does not open {} (a wrong key, or not a caseload database); the file is unchanged", .0.display())]
    WrongKey(PathBuf),
    #[error("{} was written by a newer caseload (schema {found}; this version knows {known}); upgrade caseload to open it", path.display())]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("there is no folder {}; create it first or check the path", .0.display())]
    NoFolder(PathBuf),
    #[error("cannot open {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is {}, not a regular file; nothing was written there", .0.display(), .1)]
    NotAFile(PathBuf, &'static str),
    #[error("no caseload database at {}; check the path", .0.display())]
    Missing(PathBuf),
    #[error("{} uses an older schema ({found}; this version writes {known}); open it once with the app or a writing command such as `caseload person add` to upgrade it", path.display())]
    OlderSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{} is read-only (a backup or read-only media?); copy it somewhere writable to change it", .0.display())]
    ReadOnly(PathBuf),
    // The lock holder may be sqlite3, a backup tool or another caseload: do not guess.
    #[error("the database is busy (locked by another program or caseload); try again in a moment")]
    Busy,
    #[error("{entity} {id} was changed elsewhere since you opened it; reload and try again")]
    Conflict { entity: &'static str, id: i64 },
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: i64 },
    #[error("{0}")]
    Invalid(String),
    /// Confirmed by an integrity check, never by one failed read.
    #[error("{} is damaged ({}); restore it from a backup", .0.display(), .1)]
    Damaged(PathBuf, String),
    /// SQLite reported damage mid-query but nothing has confirmed it yet: a read
    /// racing a checkpoint can see this too, so no restore is advised.
    #[error("the database reported damage ({0}); run `caseload check` before restoring anything")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StoreError::Corrupt(e.to_string())
            }
            _ => StoreError::Sqlite(e),
        }
    }
}
