//! Shared helpers for the black-box tests: a sandbox directory per test, a way to
//! run the real `caseload` binary inside it, and assertions on its output.
//!
//! Every run of the binary (plain, through `assert_cmd`, or in a pseudo-terminal
//! through `tui::Tui`) is set up by `configure`: a cleared environment with
//! `HOME` and `XDG_*` in a sandbox directory, `CASELOAD_NOW` pinned, `NO_COLOR=1`
//! and one `TERM`. A test that forgets `--db` can never touch the real data
//! directory of whoever runs the tests, and no `EDITOR`, `CASELOAD_*` or locale
//! of theirs leaks in.

pub mod app;
pub mod http;
pub mod keys;
pub mod pty;
pub mod relevance;
pub mod tui;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// Path of the binary under test, built by cargo for integration tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_caseload");

/// The moment every test runs at. The binary reads it from `CASELOAD_NOW`, the
/// library from `clock()`, so no test depends on the real date or time zone.
pub const NOW: &str = "2026-11-23T10:00:00";

pub fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M:%S").expect("NOW is a moment")
}

pub fn today() -> chrono::NaiveDate {
    now().date()
}

/// A clock fixed at `NOW`, for opening a `Store` in a test.
pub fn clock() -> caseload::clock::Clock {
    caseload::clock::Clock::fixed(now())
}

/// The terminal type every run sees (the pty tests draw on an xterm model).
pub const TERM: &str = "xterm-256color";

/// Variables passed through from the environment the tests run in: the search
/// path, the time zone (the suite must pass in any, e.g. `TZ=Europe/London`),
/// and what coverage and backtraces need. Everything else is cleared.
const PASSED_THROUGH: &[&str] = &["PATH", "TZ", "RUST_BACKTRACE", "LLVM_PROFILE_FILE"];

/// The one place that sets up the environment of a run of the binary, with
/// `root` as the sandbox: the environment is cleared (so no `CASELOAD_DB`,
/// `CASELOAD_CONFIG`, `EDITOR`, `VISUAL`, `COLUMNS` or `LINES` unless the test
/// sets it afterwards), `HOME` and `XDG_{DATA,CONFIG,STATE,CACHE}_HOME` point
/// into `root`, `CASELOAD_NOW` is `NOW`, `NO_COLOR=1`, `TERM` is `TERM`, and
/// the working directory is `root`.
pub fn configure(cmd: &mut std::process::Command, root: &Path) {
    std::fs::create_dir_all(root.join("home")).expect("create fake home");
    cmd.env_clear();
    for name in PASSED_THROUGH {
        if let Some(value) = std::env::var_os(name) {
            cmd.env(name, value);
        }
    }
    cmd.env("HOME", root.join("home"))
        .env("XDG_DATA_HOME", root.join("xdg-data"))
        .env("XDG_CONFIG_HOME", root.join("xdg-config"))
        .env("XDG_STATE_HOME", root.join("xdg-state"))
        .env("XDG_CACHE_HOME", root.join("xdg-cache"))
        .env("CASELOAD_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("TERM", TERM)
        .current_dir(root);
}

/// A command for the binary, set up by `configure` with `root` as the sandbox.
pub fn command_in(root: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(BIN);
    configure(&mut cmd, root);
    cmd
}

/// The same as an `assert_cmd::Command` (for `write_stdin`, `timeout`, ...).
pub fn assert_command_in(root: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(command_in(root))
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    /// Asserts exit 0 and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(
            self.code, 0,
            "expected success, got exit {}\nstdout: {}\nstderr: {}",
            self.code, self.stdout, self.stderr
        );
        &self.stdout
    }

    /// Asserts the error contract: the given exit code, nothing on stdout, and
    /// exactly one line on stderr starting `caseload: `. Returns that line.
    #[track_caller]
    pub fn fails(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "expected exit {code}, got {}\nstdout: {}\nstderr: {}",
            self.code, self.stdout, self.stderr
        );
        assert!(
            self.stdout.is_empty(),
            "an error must not write to stdout, got: {:?}",
            self.stdout
        );
        assert!(
            self.stderr.ends_with('\n'),
            "stderr should be one complete line, got: {:?}",
            self.stderr
        );
        let line = self.stderr.trim_end_matches('\n');
        assert!(
            !line.is_empty() && !line.contains('\n'),
            "stderr should be exactly one line, got: {:?}",
            self.stderr
        );
        assert!(
            line.starts_with("caseload: "),
            "the error line should start with `caseload: `, got: {line:?}"
        );
        line
    }
}

/// A private temporary directory for one test, with a fake home inside it.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix("caseload-test-")
            .tempdir()
            .expect("create temp dir");
        std::fs::create_dir_all(dir.path().join("home")).expect("create fake home");
        Sandbox { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn home(&self) -> PathBuf {
        self.path("home")
    }

    pub fn xdg_data_home(&self) -> PathBuf {
        self.path("xdg-data")
    }

    /// A `std::process::Command` for the binary with the sandboxed environment.
    pub fn command(&self) -> std::process::Command {
        command_in(self.dir.path())
    }

    /// Runs the binary with exactly these arguments (no `--db` added).
    pub fn run<I, S>(&self, args: I) -> Out
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.run_with(args, |_| {})
    }

    /// Runs the binary with these arguments after `tweak` has adjusted the command.
    pub fn run_with<I, S>(&self, args: I, tweak: impl FnOnce(&mut assert_cmd::Command)) -> Out
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = assert_command_in(self.dir.path());
        cmd.args(args);
        // A hang should fail the test, not block CI forever.
        cmd.timeout(std::time::Duration::from_secs(120));
        tweak(&mut cmd);
        let output = cmd.output().expect("run caseload");
        Out {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Runs `caseload --db DB ARGS...`.
    pub fn run_db<S: AsRef<OsStr>>(&self, db: &Path, args: &[S]) -> Out {
        let mut all: Vec<&OsStr> = vec![OsStr::new("--db"), db.as_os_str()];
        all.extend(args.iter().map(AsRef::as_ref));
        self.run(all)
    }
}

/// One data row of `person list --format csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvPerson {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: String,
    pub status: String,
    pub referral_source: String,
    pub referral_reason: String,
    pub referred_on: String,
    pub next_follow_up: String,
    pub risk: String,
}

pub const CSV_HEADER: [&str; 10] = [
    "id",
    "given_name",
    "family_name",
    "preferred_name",
    "status",
    "referral_source",
    "referral_reason",
    "referred_on",
    "next_follow_up",
    "risk",
];

/// Parses `person list --format csv` output with a real CSV parser, checking the
/// header is exactly the documented one.
#[track_caller]
pub fn parse_people_csv(text: &str) -> Vec<CsvPerson> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("CSV header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, CSV_HEADER, "CSV header must be stable");
    reader
        .records()
        .map(|r| {
            let r = r.expect("well-formed CSV record");
            assert_eq!(r.len(), 10, "every CSV row has 10 fields: {r:?}");
            CsvPerson {
                id: r[0].parse().expect("numeric id"),
                given_name: r[1].to_string(),
                family_name: r[2].to_string(),
                preferred_name: r[3].to_string(),
                status: r[4].to_string(),
                referral_source: r[5].to_string(),
                referral_reason: r[6].to_string(),
                referred_on: r[7].to_string(),
                next_follow_up: r[8].to_string(),
                risk: r[9].to_string(),
            }
        })
        .collect()
}

/// Lists everyone in `db` as parsed CSV rows.
#[track_caller]
pub fn list_people(sandbox: &Sandbox, db: &Path) -> Vec<CsvPerson> {
    let out = sandbox.run_db(db, &["person", "list", "--format", "csv"]);
    parse_people_csv(out.ok())
}

/// The path with `suffix` appended to its file name (`x.db` -> `x.db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Opens `db` read-only, as an outside observer of what the app has written
/// (it never takes a write lock, so it cannot change what is being tested).
#[track_caller]
pub fn open_read_only(db: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap_or_else(|e| panic!("open {} read-only: {e}", db.display()));
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .expect("set busy timeout");
    conn
}

/// `SELECT count(*) FROM <table>` through a read-only connection.
#[track_caller]
pub fn count_rows(db: &Path, table: &str) -> i64 {
    open_read_only(db)
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("count rows of {table}: {e}"))
}

/// Damaging a database file on purpose, as a disk or a bad copy would.
pub mod damage {
    use std::fs;
    use std::io::{Seek, SeekFrom, Write};
    use std::path::Path;

    /// Deterministic bytes that look like nothing SQLite wrote.
    pub fn noise(len: usize, seed: u64) -> Vec<u8> {
        let mut state = seed;
        let mut bytes = Vec::with_capacity(len + 8);
        while bytes.len() < len {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            bytes.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
        }
        bytes.truncate(len);
        bytes
    }

    pub fn overwrite(path: &Path, offset: u64, bytes: &[u8]) {
        let mut f = fs::OpenOptions::new().write(true).open(path).unwrap();
        f.seek(SeekFrom::Start(offset)).unwrap();
        f.write_all(bytes).unwrap();
        f.sync_all().unwrap();
    }

    pub fn page_size(path: &Path) -> u64 {
        let header = fs::read(path).unwrap();
        match u16::from_be_bytes([header[16], header[17]]) {
            1 => 65536,
            n => u64::from(n),
        }
    }
}
