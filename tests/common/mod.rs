//! Shared helpers for the black-box tests: a sandbox directory per test, a way to
//! run the real `caseload` binary inside it, and assertions on its output.
//!
//! Every command runs with `CASELOAD_DB` removed and `HOME` / `XDG_DATA_HOME`
//! pointing into the sandbox, so a test that forgets `--db` can never touch the
//! real data directory of whoever runs the tests.

#![allow(dead_code)] // each test crate uses a different subset

pub mod keys;

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
            .env("CASELOAD_NOW", NOW)
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

/// The real app in a pseudo-terminal, seen through a small terminal model.
///
/// The same approach as `tests/e2e.rs` (which keeps its own copy): ratatui only
/// redraws the cells that changed and moves the cursor between them, so the raw
/// output is not the text on screen. The output is fed through `Screen` and the
/// tests wait for text to appear on it.
pub mod pty {
    use std::path::Path;
    use std::time::{Duration, Instant};

    use expectrl::process::unix::{Signal, WaitStatus};
    use unicode_width::UnicodeWidthChar;

    use super::{BIN, Sandbox};

    /// Long enough for a slow, busy CI machine; a hang still fails the test.
    pub const TIMEOUT: Duration = Duration::from_secs(30);

    /// Just enough of a VT100/xterm to know what text is where: printable text,
    /// cursor positioning, erasing, and the alternate screen. Colours are ignored.
    pub struct Screen {
        cols: usize,
        rows: usize,
        cells: Vec<Vec<String>>,
        x: usize,
        y: usize,
        saved: (usize, usize),
    }

    impl Screen {
        pub fn new(cols: u16, rows: u16) -> Screen {
            let (cols, rows) = (cols as usize, rows as usize);
            Screen {
                cols,
                rows,
                cells: vec![vec![" ".to_string(); cols]; rows],
                x: 0,
                y: 0,
                saved: (0, 0),
            }
        }

        /// Rebuilds the screen from the whole transcript.
        pub fn from_bytes(cols: u16, rows: u16, bytes: &[u8]) -> Screen {
            let mut screen = Screen::new(cols, rows);
            screen.feed(&String::from_utf8_lossy(bytes));
            screen
        }

        fn clear(&mut self) {
            for row in &mut self.cells {
                row.fill(" ".to_string());
            }
        }

        fn erase_line(&mut self, from: usize, to: usize) {
            if let Some(row) = self.cells.get_mut(self.y) {
                for cell in row.iter_mut().take(to.min(self.cols)).skip(from) {
                    *cell = " ".to_string();
                }
            }
        }

        fn line_feed(&mut self) {
            if self.y + 1 < self.rows {
                self.y += 1;
            } else {
                self.cells.remove(0);
                self.cells.push(vec![" ".to_string(); self.cols]);
            }
        }

        fn put(&mut self, c: char) {
            let width = c.width().unwrap_or(0);
            if width == 0 {
                return;
            }
            if self.x + width > self.cols {
                self.x = 0;
                self.line_feed();
            }
            self.cells[self.y][self.x] = c.to_string();
            if width == 2 && self.x + 1 < self.cols {
                self.cells[self.y][self.x + 1] = String::new();
            }
            self.x += width;
        }

        fn csi(&mut self, private: bool, params: &str, fin: char) {
            let nums: Vec<usize> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
            let n = |i: usize, default: usize| match nums.get(i) {
                Some(0) | None => default,
                Some(&v) => v,
            };
            if private {
                // Only the alternate screen matters here; it starts blank.
                if params
                    .split(';')
                    .any(|p| p == "1049" || p == "47" || p == "1047")
                {
                    self.clear();
                }
                return;
            }
            match fin {
                'H' | 'f' => {
                    self.y = (n(0, 1) - 1).min(self.rows - 1);
                    self.x = (n(1, 1) - 1).min(self.cols - 1);
                }
                'A' => self.y = self.y.saturating_sub(n(0, 1)),
                'B' => self.y = (self.y + n(0, 1)).min(self.rows - 1),
                'C' => self.x = (self.x + n(0, 1)).min(self.cols - 1),
                'D' => self.x = self.x.saturating_sub(n(0, 1)),
                'G' => self.x = (n(0, 1) - 1).min(self.cols - 1),
                'd' => self.y = (n(0, 1) - 1).min(self.rows - 1),
                'J' => match nums.first().copied().unwrap_or(0) {
                    0 => {
                        self.erase_line(self.x, self.cols);
                        for row in self.cells.iter_mut().skip(self.y + 1) {
                            row.fill(" ".to_string());
                        }
                    }
                    1 => {
                        for row in self.cells.iter_mut().take(self.y) {
                            row.fill(" ".to_string());
                        }
                        self.erase_line(0, self.x + 1);
                    }
                    _ => self.clear(),
                },
                'K' => match nums.first().copied().unwrap_or(0) {
                    0 => self.erase_line(self.x, self.cols),
                    1 => self.erase_line(0, self.x + 1),
                    _ => self.erase_line(0, self.cols),
                },
                _ => {} // colours, modes, scrolling regions: not needed
            }
        }

        pub fn feed(&mut self, text: &str) {
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\x1b' => match chars.next() {
                        Some('[') => {
                            let private = chars.next_if(|c| "?<=>".contains(*c)).is_some();
                            let mut params = String::new();
                            let mut fin = None;
                            for c in chars.by_ref() {
                                if ('\x40'..='\x7e').contains(&c) {
                                    fin = Some(c);
                                    break;
                                }
                                params.push(c);
                            }
                            if let Some(fin) = fin {
                                self.csi(private, &params, fin);
                            }
                        }
                        Some(']') => {
                            // OSC: up to BEL or ST.
                            while let Some(c) = chars.next() {
                                if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some())
                                {
                                    break;
                                }
                            }
                        }
                        Some('7') => self.saved = (self.x, self.y),
                        Some('8') => (self.x, self.y) = self.saved,
                        Some('(' | ')' | '*' | '+') => {
                            chars.next();
                        }
                        _ => {}
                    },
                    '\r' => self.x = 0,
                    '\n' => self.line_feed(),
                    '\x08' => self.x = self.x.saturating_sub(1),
                    c if c.is_control() => {}
                    c => self.put(c),
                }
            }
        }

        pub fn lines(&self) -> Vec<String> {
            self.cells.iter().map(|row| row.concat()).collect()
        }

        pub fn contains(&self, text: &str) -> bool {
            self.lines().iter().any(|l| l.contains(text))
        }

        /// The first line holding `text`, if any.
        pub fn line_with(&self, text: &str) -> Option<String> {
            self.lines().into_iter().find(|l| l.contains(text))
        }

        pub fn dump(&self) -> String {
            self.lines()
                .iter()
                .map(|l| format!("|{}|", l.trim_end()))
                .collect::<Vec<_>>()
                .join("\n")
        }
    }

    /// The app running in a pseudo-terminal of a fixed size.
    pub struct Tui {
        pub session: expectrl::session::OsSession,
        pub cols: u16,
        pub rows: u16,
        /// Every byte the app has written so far.
        pub raw: Vec<u8>,
        pub eof: bool,
        pub exit: Option<WaitStatus>,
    }

    impl Tui {
        /// Starts `caseload --db DB` in a `cols` x `rows` pseudo-terminal.
        pub fn spawn(sb: &Sandbox, db: &Path, cols: u16, rows: u16) -> Tui {
            // The size must be in place before the app asks for it: the shell waits
            // until the terminal reports it, then becomes the app (same process).
            let mut cmd = std::process::Command::new("sh");
            cmd.arg("-c")
                .arg(
                    r#"while [ "$(stty size)" != "$CASELOAD_TEST_SIZE" ]; do sleep 0.05; done; exec "$0" "$@""#,
                )
                .arg(BIN)
                .arg("--db")
                .arg(db)
                .env("CASELOAD_TEST_SIZE", format!("{rows} {cols}"))
                .env_remove("CASELOAD_DB")
                .env_remove("COLUMNS")
                .env_remove("LINES")
                .env_remove("EDITOR")
                .env_remove("VISUAL")
                .env("HOME", sb.home())
                .env("XDG_DATA_HOME", sb.xdg_data_home())
                .env("XDG_CONFIG_HOME", sb.path("xdg-config"))
                .env("CASELOAD_NOW", super::NOW)
                .env("NO_COLOR", "1")
                .env("TERM", "xterm-256color")
                .current_dir(sb.dir.path());
            let mut session = expectrl::Session::spawn(cmd).expect("spawn caseload in a pty");
            session
                .get_process_mut()
                .set_window_size(cols, rows)
                .expect("set pty size");
            Tui {
                session,
                cols,
                rows,
                raw: Vec::new(),
                eof: false,
                exit: None,
            }
        }

        pub fn screen(&self) -> Screen {
            Screen::from_bytes(self.cols, self.rows, &self.raw)
        }

        /// Reads whatever output is ready; returns whether anything arrived.
        pub fn pump(&mut self) -> bool {
            if self.eof {
                return false;
            }
            let mut got = false;
            let mut buf = [0u8; 8192];
            loop {
                match self.session.try_read(&mut buf) {
                    Ok(0) => {
                        self.eof = true;
                        return got;
                    }
                    Ok(n) => {
                        self.raw.extend_from_slice(&buf[..n]);
                        got = true;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return got,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // EIO: the app has gone and closed the terminal.
                    Err(e) if e.raw_os_error() == Some(5) => {
                        self.eof = true;
                        return got;
                    }
                    Err(e) => panic!("reading the pty: {e}"),
                }
            }
        }

        /// Pumps output until `done` holds, failing after `TIMEOUT`.
        pub fn wait_until(&mut self, what: &str, mut done: impl FnMut(&mut Tui) -> bool) {
            let deadline = Instant::now() + TIMEOUT;
            loop {
                self.pump();
                self.poll_exit();
                if done(self) {
                    return;
                }
                if Instant::now() > deadline {
                    self.fail(&format!("timed out after {TIMEOUT:?} waiting for {what}"));
                }
                if self.eof && self.exit.is_some() {
                    self.fail(&format!("the app exited while waiting for {what}"));
                }
                // Polling interval only: what we wait for is the condition above.
                std::thread::sleep(Duration::from_millis(10));
            }
        }

        /// Waits until `text` is visible somewhere on the screen.
        pub fn expect(&mut self, text: &str) {
            self.wait_until(&format!("{text:?} on screen"), |t| {
                t.screen().contains(text)
            });
        }

        /// Waits until `text` is no longer visible anywhere on the screen.
        pub fn expect_gone(&mut self, text: &str) {
            self.wait_until(&format!("{text:?} to leave the screen"), |t| {
                !t.screen().contains(text)
            });
        }

        pub fn send(&mut self, bytes: &[u8]) {
            use std::io::Write;
            self.session.write_all(bytes).expect("write to pty");
            self.session.flush().expect("flush pty");
        }

        pub fn poll_exit(&mut self) {
            if self.exit.is_none() {
                match self.session.get_process().status() {
                    Ok(WaitStatus::StillAlive) => {}
                    Ok(status) => self.exit = Some(status),
                    Err(e) => panic!("waitpid: {e}"),
                }
            }
        }

        /// Waits for the app to end and its output to stop; returns how it ended.
        pub fn wait_end(&mut self) -> WaitStatus {
            let deadline = Instant::now() + TIMEOUT;
            loop {
                self.pump();
                self.poll_exit();
                if let (true, Some(status)) = (self.eof, self.exit) {
                    return status;
                }
                if Instant::now() > deadline {
                    self.fail(&format!(
                        "timed out after {TIMEOUT:?} waiting for the app to exit"
                    ));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }

        /// Waits for the app to exit and its output to end; returns the exit code.
        pub fn wait_exit(&mut self) -> i32 {
            match self.wait_end() {
                WaitStatus::Exited(_, code) => code,
                other => self.fail(&format!("the app did not exit normally: {other:?}")),
            }
        }

        /// Kills the app with SIGKILL, as a crash or a power cut would: no
        /// destructor, no exit hook, no chance to save anything more.
        pub fn kill_hard(&mut self) {
            self.session
                .get_process_mut()
                .kill(Signal::SIGKILL)
                .expect("send SIGKILL");
            match self.wait_end() {
                WaitStatus::Signaled(_, Signal::SIGKILL, _) => {}
                other => self.fail(&format!("expected death by SIGKILL, got {other:?}")),
            }
        }

        pub fn fail(&self, why: &str) -> ! {
            let tail_start = self.raw.len().saturating_sub(1500);
            panic!(
                "{why}\n--- screen ({}x{}) ---\n{}\n--- last raw output ---\n{:?}",
                self.cols,
                self.rows,
                self.screen().dump(),
                String::from_utf8_lossy(&self.raw[tail_start..])
            );
        }
    }
}
