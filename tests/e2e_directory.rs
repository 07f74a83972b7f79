//! End to end in a real pseudo-terminal (80x24, NO_COLOR=1): open the app on a
//! demo database, search the directory, open an entry, connect a person, quit;
//! then check the database the real binary wrote.
//!
//! ratatui only sends the cells that changed, so the output is replayed onto a
//! small 80x24 screen model (cursor moves and text; styles ignored) and the
//! test waits for text to appear on that screen.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use caseload::store::Store;
use expectrl::{Eof, Expect, Session};
use tempfile::TempDir;
use unicode_width::UnicodeWidthChar;

const COLS: usize = 80;
const ROWS: usize = 24;

struct Screen {
    cells: Vec<Vec<char>>,
    row: usize,
    col: usize,
    pending: Vec<u8>,
}

impl Screen {
    fn new() -> Screen {
        Screen {
            cells: vec![vec![' '; COLS]; ROWS],
            row: 0,
            col: 0,
            pending: Vec::new(),
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        // Keep an incomplete UTF-8 or escape sequence for the next read.
        let text = match std::str::from_utf8(&self.pending) {
            Ok(t) => t.to_string(),
            Err(e) => String::from_utf8_lossy(&self.pending[..e.valid_up_to()]).into_owned(),
        };
        let mut chars = text.chars().peekable();
        let mut consumed = 0;
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                let mut seq = String::new();
                let mut done = false;
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        seq.push(d);
                        if d.is_ascii_alphabetic() || d == '~' {
                            done = true;
                            break;
                        }
                    }
                } else if chars.next().is_some() {
                    done = true;
                }
                if !done {
                    break; // incomplete: wait for more
                }
                self.csi(&seq);
                consumed += 1 + if seq.is_empty() { 1 } else { 1 + seq.len() };
                continue;
            }
            consumed += c.len_utf8();
            match c {
                '\r' => self.col = 0,
                '\n' => self.row = (self.row + 1).min(ROWS - 1),
                c if c.is_control() => {}
                c => {
                    let w = c.width().unwrap_or(0);
                    if w > 0 && self.row < ROWS && self.col < COLS {
                        self.cells[self.row][self.col] = c;
                        for k in 1..w {
                            if self.col + k < COLS {
                                self.cells[self.row][self.col + k] = ' ';
                            }
                        }
                    }
                    self.col += w;
                }
            }
        }
        self.pending.drain(..consumed.min(self.pending.len()));
    }

    fn csi(&mut self, seq: &str) {
        let Some(cmd) = seq.chars().last() else {
            return;
        };
        let nums: Vec<usize> = seq[..seq.len() - 1]
            .split(';')
            .map(|n| n.trim_start_matches('?').parse().unwrap_or(0))
            .collect();
        match cmd {
            'H' | 'f' => {
                self.row = nums.first().copied().unwrap_or(1).max(1) - 1;
                self.col = nums.get(1).copied().unwrap_or(1).max(1) - 1;
            }
            'J' if nums.first() == Some(&2) => self.cells = vec![vec![' '; COLS]; ROWS],
            _ => {}
        }
    }

    fn text(&self) -> String {
        self.cells
            .iter()
            .map(|r| r.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Reads the terminal until `needle` is on screen, or fails with the screen.
#[track_caller]
fn wait_for(p: &mut expectrl::session::OsSession, screen: &mut Screen, needle: &str) {
    let start = Instant::now();
    let mut buf = [0u8; 8192];
    loop {
        if screen.text().contains(needle) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{needle:?} never appeared; screen:\n{}",
            screen.text()
        );
        match p.try_read(&mut buf) {
            Ok(n) if n > 0 => screen.feed(&buf[..n]),
            _ => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn connection_count(db: &Path) -> usize {
    let store = Store::open(db).unwrap();
    store
        .list_people(None)
        .unwrap()
        .iter()
        .map(|p| store.connections_for_person(p.id).unwrap().len())
        .sum()
}

#[test]
fn search_open_and_connect_in_a_real_terminal() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("demo.db");
    let bin = assert_cmd::cargo::cargo_bin("caseload");
    let status = Command::new(&bin)
        .args(["demo", "--out"])
        .arg(&db)
        .status()
        .unwrap();
    assert!(status.success());
    let before = connection_count(&db);

    let mut cmd = Command::new(&bin);
    cmd.arg("--db")
        .arg(&db)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env_remove("CASELOAD_DB");
    let mut p = Session::spawn(cmd).unwrap();
    p.get_process_mut().set_window_size(80, 24).unwrap();
    let mut s = Screen::new();

    wait_for(&mut p, &mut s, "1 Caseload");
    p.send("3").unwrap();
    wait_for(&mut p, &mut s, "Search: / to type");
    p.send("/").unwrap();
    p.send("food").unwrap();
    wait_for(&mut p, &mut s, "Search: food");
    // Misspelt: still the benefits and debt advice services.
    p.send("\x15benfits advise").unwrap(); // Ctrl-u clears, then type
    wait_for(&mut p, &mut s, "City Advice Centre – Benefit…");
    p.send("\x15food").unwrap();
    wait_for(&mut p, &mut s, "Northside Food Pantry");
    p.send("\r").unwrap(); // opens the top result
    wait_for(&mut p, &mut s, "Connected now   0 people");
    p.send("c").unwrap();
    wait_for(&mut p, &mut s, "Esc cancel"); // the connect form
    p.send("\x13").unwrap(); // Ctrl-s saves
    wait_for(&mut p, &mut s, "Connection suggested");
    wait_for(&mut p, &mut s, "Connected now   1 person");
    p.send("q").unwrap();
    p.expect(Eof).unwrap();

    assert_eq!(connection_count(&db), before + 1);
}
