//! End-to-end tests of the terminal app in a real pseudo-terminal (expectrl).
//!
//! ratatui only redraws the cells that changed and moves the cursor between
//! them, so the raw output is not the text on screen. These tests feed the
//! output through a small terminal model (`Screen`) and wait for text to appear
//! on it; the raw bytes are kept as well, for checks on escape sequences.

mod common;

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{BIN, Sandbox, list_people};
use expectrl::process::unix::WaitStatus;
use unicode_width::UnicodeWidthChar;

/// Long enough for a slow, busy CI machine; a hang still fails the test.
const TIMEOUT: Duration = Duration::from_secs(30);

const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

// ---------------------------------------------------------------- a tiny terminal

/// Just enough of a VT100/xterm to know what text is where: printable text,
/// cursor positioning, erasing, and the alternate screen. Colours are ignored.
struct Screen {
    cols: usize,
    rows: usize,
    cells: Vec<Vec<String>>,
    x: usize,
    y: usize,
    saved: (usize, usize),
}

impl Screen {
    fn new(cols: u16, rows: u16) -> Screen {
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
    fn from_bytes(cols: u16, rows: u16, bytes: &[u8]) -> Screen {
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

    fn feed(&mut self, text: &str) {
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
                            if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
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

    fn lines(&self) -> Vec<String> {
        self.cells.iter().map(|row| row.concat()).collect()
    }

    fn contains(&self, text: &str) -> bool {
        self.lines().iter().any(|l| l.contains(text))
    }

    fn dump(&self) -> String {
        self.lines()
            .iter()
            .map(|l| format!("|{}|", l.trim_end()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[test]
fn screen_model_follows_cursor_moves() {
    // ratatui-style output: text, a jump over unchanged cells, more text.
    let mut s = Screen::new(20, 3);
    s.feed("\x1b[?1049h\x1b[1;1HAdded\x1b[1;7HAda\x1b[0m\x1b[2;3H美x");
    assert_eq!(s.lines()[0].trim_end(), "Added Ada");
    assert_eq!(s.lines()[1].trim_end(), "  美x");
    s.feed("\x1b[2J");
    assert!(!s.contains("Added"));
}

// ---------------------------------------------------------------- driving the app

/// The app running in a pseudo-terminal of a fixed size.
struct Tui {
    session: expectrl::session::OsSession,
    cols: u16,
    rows: u16,
    /// Every byte the app has written so far.
    raw: Vec<u8>,
    eof: bool,
    exit: Option<WaitStatus>,
}

impl Tui {
    /// Starts `caseload --db DB` in a `cols` x `rows` pseudo-terminal.
    fn spawn(sb: &Sandbox, db: &Path, cols: u16, rows: u16) -> Tui {
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
            .env("HOME", sb.home())
            .env("XDG_DATA_HOME", sb.xdg_data_home())
            .env("XDG_CONFIG_HOME", sb.path("xdg-config"))
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

    fn screen(&self) -> Screen {
        Screen::from_bytes(self.cols, self.rows, &self.raw)
    }

    /// Reads whatever output is ready; returns whether anything arrived.
    fn pump(&mut self) -> bool {
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
    fn wait_until(&mut self, what: &str, mut done: impl FnMut(&mut Tui) -> bool) {
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
    fn expect(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |t| {
            t.screen().contains(text)
        });
    }

    fn send(&mut self, bytes: &[u8]) {
        use std::io::Write;
        self.session.write_all(bytes).expect("write to pty");
        self.session.flush().expect("flush pty");
    }

    fn poll_exit(&mut self) {
        if self.exit.is_none() {
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(status) => self.exit = Some(status),
                Err(e) => panic!("waitpid: {e}"),
            }
        }
    }

    /// Waits for the app to exit and its output to end; returns the exit code.
    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            self.poll_exit();
            if let (true, Some(status)) = (self.eof, self.exit) {
                return match status {
                    WaitStatus::Exited(_, code) => code,
                    other => self.fail(&format!("the app did not exit normally: {other:?}")),
                };
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "timed out after {TIMEOUT:?} waiting for the app to exit"
                ));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn fail(&self, why: &str) -> ! {
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

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

// ---------------------------------------------------------------- tests

#[test]
fn add_a_person_in_the_app_then_see_them_from_the_cli() {
    let sb = Sandbox::new();
    let db = sb.path("e2e.db");
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("1 Caseload");
    tui.expect("0 open of 0 people");

    tui.send(b"a");
    tui.expect("Add person");
    tui.expect("Given name");
    // Letters that are keys elsewhere (q quits, a adds) must go into the field.
    tui.send("Jacqui".as_bytes());
    tui.expect("Jacqui");
    tui.send(b"\t");
    tui.send("Quarrie-Okafor".as_bytes());
    tui.expect("Quarrie-Okafor");
    tui.send(b"\x13"); // Ctrl-s saves
    tui.expect("Added Jacqui Quarrie-Okafor");
    tui.expect("1 open of 1 people");
    assert!(!tui.screen().contains("Add person"), "the form closed");

    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0, "q quits with success");

    let people = list_people(&sb, &db);
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].given_name, "Jacqui");
    assert_eq!(people[0].family_name, "Quarrie-Okafor");
    assert_eq!(people[0].status, "referred");
}

#[test]
fn form_keeps_focus_after_a_validation_error_and_saves_nothing() {
    let sb = Sandbox::new();
    let db = sb.path("e2e.db");
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("1 Caseload");
    tui.send(b"a");
    tui.expect("Add person");
    tui.send(b"Solo");
    tui.expect("Solo");
    tui.send(b"\x13"); // no family name: refused, form stays open
    tui.expect("family name is required");
    assert!(tui.screen().contains("Add person"));
    // The focus moved to the family name field: typing fills it in.
    tui.send(b"Singer\x13");
    tui.expect("Added Solo Singer");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
    let people = list_people(&sb, &db);
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].family_name, "Singer");
}

#[test]
fn quitting_restores_the_terminal() {
    let sb = Sandbox::new();
    let db = sb.path("e2e.db");
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("1 Caseload");
    let entered = tui
        .raw
        .windows(ENTER_ALT_SCREEN.len())
        .position(|w| w == ENTER_ALT_SCREEN);
    assert!(entered.is_some(), "the app draws on the alternate screen");

    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);

    let raw = &tui.raw;
    let left = find_last(raw, LEAVE_ALT_SCREEN)
        .unwrap_or_else(|| tui.fail("the alternate screen was never left"));
    assert!(
        find_last(raw, ENTER_ALT_SCREEN) < Some(left),
        "the last switch is back to the main screen"
    );
    // Nothing is drawn after leaving: the output ends with the switch back,
    // followed at most by the sequence that shows the cursor again.
    let after = &raw[left + LEAVE_ALT_SCREEN.len()..];
    assert!(
        after.is_empty() || after == SHOW_CURSOR,
        "output after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(after)
    );
    // The cursor, hidden while the app runs, is visible again.
    if let Some(hidden) = find_last(raw, HIDE_CURSOR) {
        assert!(
            find_last(raw, SHOW_CURSOR) > Some(hidden),
            "the cursor is left hidden"
        );
    }
    // The database was created by opening the app.
    assert!(db.is_file());
}

#[test]
fn tiny_terminal_shows_a_message_and_q_still_quits() {
    let sb = Sandbox::new();
    let db = sb.path("e2e.db");
    let mut tui = Tui::spawn(&sb, &db, 20, 5);
    tui.expect("Terminal too small");
    let screen = tui.screen();
    assert!(
        !screen.contains("Caseload"),
        "no layout:\n{}",
        screen.dump()
    );
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(find_last(&tui.raw, LEAVE_ALT_SCREEN).is_some());
}

#[test]
fn growing_the_terminal_draws_the_app() {
    let sb = Sandbox::new();
    let db = sb.path("e2e.db");
    let mut tui = Tui::spawn(&sb, &db, 20, 5);
    tui.expect("Terminal too small");
    tui.session
        .get_process_mut()
        .set_window_size(80, 24)
        .expect("resize pty");
    tui.cols = 80;
    tui.rows = 24;
    // The transcript so far was drawn at 20x5; what matters is the redraw.
    tui.expect("1 Caseload");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn refuses_a_bad_database_before_touching_the_terminal() {
    let sb = Sandbox::new();
    let db = sb.path("not-a-db.txt");
    std::fs::write(&db, b"hello\n").unwrap();
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.wait_until("the error message", |t| {
        String::from_utf8_lossy(&t.raw).contains("not a caseload database")
    });
    assert_eq!(tui.wait_exit(), 2);
    assert!(
        !tui.raw
            .windows(ENTER_ALT_SCREEN.len())
            .any(|w| w == ENTER_ALT_SCREEN),
        "the error is printed on the normal screen"
    );
    let mut contents = Vec::new();
    std::fs::File::open(&db)
        .unwrap()
        .read_to_end(&mut contents)
        .unwrap();
    assert_eq!(contents, b"hello\n");
}
