//! Opening the store the way each command needs it, and what a command's
//! failure means for the exit code.

use super::*;

/// What went wrong, and so which exit code: 1 for the user's input, 2 for data or I/O.
#[derive(Debug)]
pub enum CliError {
    User(String),
    Data(String),
    /// The reader went away (`caseload person list | head`): stop quietly.
    Quiet,
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::User(_) => 1,
            CliError::Data(_) => 2,
            CliError::Quiet => 0,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            CliError::User(m) | CliError::Data(m) => m,
            CliError::Quiet => "",
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } | StoreError::Invalid(_) | StoreError::Conflict { .. } => {
                CliError::User(e.to_string())
            }
            _ => CliError::Data(e.to_string()),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::Quiet;
        }
        CliError::Data(words::files::io(e))
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// `--db`, else `$CASELOAD_DB` (clap reads both), else the XDG data dir.
pub fn db_path(cli: &Cli) -> CliResult<PathBuf> {
    if let Some(p) = &cli.db {
        return Ok(p.clone());
    }
    directories::ProjectDirs::from("", "", "caseload")
        .map(|d| d.data_dir().join("caseload.db"))
        .ok_or_else(|| CliError::User(words::files::NO_HOME.into()))
}

pub fn open_store(path: &Path, clock: &Clock) -> CliResult<Store> {
    Ok(Store::open(path, clock.clone())?)
}

/// The store for the app and writing commands. Only the default location's
/// folder is made (0700); a folder given with `--db` must exist, so a typo
/// fails instead of starting an empty caseload somewhere unexpected.
pub fn open_for_writing(cli: &Cli, clock: &Clock, config: &Config) -> CliResult<Store> {
    let path = db_path(cli)?;
    if cli.db.is_none()
        && let Some(dir) = path.parent()
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| CliError::Data(words::files::cannot_create(dir.display(), e)))?;
    }
    let key = key_for(&path, config)?;
    Ok(Store::open_keyed(&path, clock.clone(), key)?)
}

/// The store for commands that only read: never created, migrated or locked
/// for writing, so a writer elsewhere does not hold them up.
pub fn open_for_reading(cli: &Cli, clock: &Clock, config: &Config) -> CliResult<Store> {
    let path = db_path(cli)?;
    let key = key_for(&path, config)?;
    Ok(Store::open_read_only_keyed(&path, clock.clone(), key)?)
}

/// The key, if the file is encrypted: asked for only then, so a plain
/// database never prompts.
pub(crate) fn key_for(path: &Path, config: &Config) -> CliResult<Option<Key>> {
    if !looks_encrypted(path) {
        return Ok(None);
    }
    key_source::obtain(config, path, Want::Existing)
        .map(Some)
        .map_err(CliError::Data)
}

/// The store for a writing command: every audit row it writes carries the
/// worker's `display_name` from config.toml beside their login.
pub(crate) fn open_writer(cli: &Cli, clock: &Clock, config: &Config) -> CliResult<Store> {
    let mut store = open_for_writing(cli, clock, config)?;
    store.set_actor_name(config.display_name.clone());
    Ok(store)
}

/// The store for a command that shows person `id`'s record: read-only, unless
/// config.toml has `audit_reads = true`; then the read is audited first
/// (action `read`, the id, no personal data), which needs a writable store.
/// The store for a command that discloses person `id`'s records (a letter,
/// a subject access copy): the disclosure is audited, so it is opened for
/// writing, after a read-only open so that a missing file is an error.
pub(crate) fn open_for_disclosure(
    cli: &Cli,
    clock: &Clock,
    config: &Config,
    id: i64,
) -> CliResult<Store> {
    drop(open_record_reader(cli, clock, config, id)?);
    open_writer(cli, clock, config)
}

pub(crate) fn open_record_reader(
    cli: &Cli,
    clock: &Clock,
    config: &Config,
    id: i64,
) -> CliResult<Store> {
    let reader = open_for_reading(cli, clock, config)?;
    if !config.audit_reads {
        return Ok(reader);
    }
    // Opened for reading first, so a missing file is still an error, never created.
    drop(reader);
    let mut store = open_writer(cli, clock, config)?;
    store.people_mut().audit_read(id)?;
    Ok(store)
}
