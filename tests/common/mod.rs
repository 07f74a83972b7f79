//! Shared helpers for the black-box tests: a sandbox directory per test, a way to
//! run the real `caseload` binary inside it, and assertions on its output.
//!
//! Every command runs with `CASELOAD_DB` removed and `HOME` / `XDG_DATA_HOME`
//! pointing into the sandbox, so a test that forgets `--db` can never touch the
//! real data directory of whoever runs the tests.

#![allow(dead_code)] // each test crate uses a different subset

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// Path of the binary under test, built by cargo for integration tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_caseload");

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
        let mut cmd = std::process::Command::new(BIN);
        cmd.env_remove("CASELOAD_DB")
            .env("HOME", self.home())
            .env("XDG_DATA_HOME", self.xdg_data_home())
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path());
        cmd
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
        let mut cmd = assert_cmd::Command::from_std(self.command());
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
