use std::path::PathBuf;

use rusqlite::ErrorCode;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Store failures, worded for the person at the keyboard. Messages carry ids and
/// paths, never the contents of a record.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} is not a caseload database (it is not an SQLite file); check the path", .0.display())]
    NotADatabase(PathBuf),
    #[error("{} was written by a newer caseload (schema {found}; this version knows {known}); upgrade caseload to open it", path.display())]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("cannot open {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the database is busy in another caseload window; try again in a moment")]
    Busy,
    #[error("{entity} {id} was changed elsewhere since you opened it; reload and try again")]
    Conflict { entity: &'static str, id: i64 },
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: i64 },
    #[error("{0}")]
    Invalid(String),
    #[error("{} is damaged ({}); restore it from a backup", .0.display(), .1)]
    Damaged(PathBuf, String),
    #[error("the database is damaged ({0}); run `caseload check` and restore a backup")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// Names the file when the error came from opening it.
    pub(crate) fn with_path(self, path: &std::path::Path) -> StoreError {
        match self {
            StoreError::Corrupt(e) => StoreError::Damaged(path.to_path_buf(), e),
            other => other,
        }
    }
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
