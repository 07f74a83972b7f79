//! The real app in a pseudo-terminal, seen through the `vt100` terminal model.
//!
//! ratatui only redraws the cells that changed and moves the cursor between
//! them, so the raw output is not the text on screen. Everything the app writes
//! is fed to a `vt100::Parser` (kept across resizes), and the tests wait for
//! text to appear on its screen. The raw bytes are kept as well, for checks on
//! escape sequences and byte counts.

use std::ffi::OsStr;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

use super::Sandbox;
use super::pty::{Pty, frames_ended};

pub use super::pty::Signal;

/// Long enough for a slow, busy CI machine; a hang still fails the test.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A size for vt100, which has no zero-sized terminals.
fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

/// What is on the screen at one moment: the text of each cell, by row.
pub struct Screen {
    screen: vt100::Screen,
}

impl Screen {
    /// The screen after a terminal of this size has been sent `bytes`.
    pub fn from_bytes(cols: u16, rows: u16, bytes: &[u8]) -> Screen {
        let mut parser = vt100::Parser::new(nz(rows), nz(cols), 0);
        parser.process(bytes);
        Screen {
            screen: parser.screen().clone(),
        }
    }

    /// Each row as text, one `String` per row, padded to the full width. The
    /// right half of a wide character adds nothing.
    pub fn lines(&self) -> Vec<String> {
        let (rows, cols) = self.screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        (0..rows)
            .map(|r| {
                let mut line = String::new();
                for c in 0..cols {
                    match self.screen.cell(r, c) {
                        Some(cell) if cell.is_wide_continuation() => {}
                        Some(cell) if cell.has_contents() => line.push_str(cell.contents()),
                        _ => line.push(' '),
                    }
                }
                line
            })
            .collect()
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

/// A place in the output, from `Tui::mark`, for `bytes_written_since`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark(usize);

/// The app running in a pseudo-terminal.
pub struct Tui {
    pty: Pty,
    parser: vt100::Parser,
    pub cols: u16,
    pub rows: u16,
    /// Every byte the app has written so far.
    pub raw: Vec<u8>,
    /// The terminal has ended: the app closed it, or `close_master` was called.
    pub eof: bool,
    pub exit: Option<ExitStatus>,
}

impl Tui {
    /// Starts `caseload --db DB` in a `cols` x `rows` pseudo-terminal.
    pub fn spawn(sb: &Sandbox, db: &Path, cols: u16, rows: u16) -> Tui {
        Tui::spawn_with(sb, cols, rows, [OsStr::new("--db"), db.as_os_str()], |_| {})
    }

    /// Starts `caseload ARGS...` (no `--db` added) in a `cols` x `rows`
    /// pseudo-terminal, after `tweak` has adjusted the command (e.g. to set
    /// `EDITOR`). The environment is the sandbox's, from `super::configure`.
    pub fn spawn_with<I, S>(
        sb: &Sandbox,
        cols: u16,
        rows: u16,
        args: I,
        tweak: impl FnOnce(&mut std::process::Command),
    ) -> Tui
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = sb.command();
        cmd.args(args);
        tweak(&mut cmd);
        let pty = Pty::spawn(cmd, cols, rows).expect("spawn caseload in a pty");
        Tui {
            pty,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            cols,
            rows,
            raw: Vec::new(),
            eof: false,
            exit: None,
        }
    }

    pub fn pid(&self) -> u32 {
        self.pty.pid()
    }

    /// The low-level terminal, for what the methods here do not cover.
    pub fn pty(&mut self) -> &mut Pty {
        &mut self.pty
    }

    /// What is on the screen now (after the output read so far).
    pub fn screen(&self) -> Screen {
        Screen {
            screen: self.parser.screen().clone(),
        }
    }

    /// Reads whatever output is ready; returns whether anything arrived.
    pub fn pump(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let start = self.raw.len();
        match self.pty.read_available(&mut self.raw) {
            Ok(Some(_)) => {}
            Ok(None) => self.eof = true,
            Err(e) => panic!("reading the pty: {e}"),
        }
        self.parser.process(&self.raw[start..]);
        self.raw.len() > start
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
            self.pty.wait_readable(Duration::from_millis(10));
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

    /// Waits until the app has written nothing for `quiet` (or its terminal
    /// has ended) and returns the screen then. `quiet` is how long silence
    /// must last, not a deadline: the wait still fails after `TIMEOUT`.
    pub fn wait_stable(&mut self, quiet: Duration) -> Screen {
        let deadline = Instant::now() + TIMEOUT;
        let mut last_change = Instant::now();
        loop {
            if self.pump() {
                last_change = Instant::now();
            }
            self.poll_exit();
            if self.eof || last_change.elapsed() >= quiet {
                return self.screen();
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "the screen did not settle for {quiet:?} within {TIMEOUT:?}"
                ));
            }
            self.pty.wait_readable(Duration::from_millis(5));
        }
    }

    /// Waits until the app has ended `n` more frames than at `mark`.
    pub fn wait_frames_since(&mut self, mark: Mark, n: usize) {
        self.wait_until(&format!("{n} frame(s) to be drawn"), |t| {
            frames_ended(&t.raw[mark.0.min(t.raw.len())..]) >= n
        });
    }

    /// Sends bytes as typed keys (`b"Ruth"`, `b"\x13"` for Ctrl-s).
    pub fn send(&mut self, bytes: &[u8]) {
        self.send_bytes(bytes);
    }

    /// Sends raw bytes, unchecked: invalid UTF-8 such as `0xff` or a lone
    /// `0xc3`, a partial escape sequence, a control character.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        if let Err(e) = self.pty.write_all(bytes) {
            self.fail(&format!("write to pty: {e}"));
        }
    }

    /// Sends `text` as a bracketed paste (`ESC [200~ text ESC [201~`), as a
    /// terminal does when the user pastes.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send_bytes(&bytes);
    }

    /// Sends a signal to the app (SIGHUP, SIGTERM, SIGINT, ...).
    pub fn send_signal(&mut self, sig: Signal) {
        if let Err(e) = self.pty.signal(sig) {
            self.fail(&format!("send {sig:?}: {e}"));
        }
    }

    /// Sets the terminal's size; the kernel delivers SIGWINCH to the app. The
    /// screen model takes the new size too (what it holds is kept).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.pump();
        if let Err(e) = self.pty.resize(cols, rows) {
            self.fail(&format!("resize the pty to {cols}x{rows}: {e}"));
        }
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
        self.cols = cols;
        self.rows = rows;
    }

    /// Closes the terminal under the app, as closing the window or losing
    /// the SSH connection does: the app gets SIGHUP and its terminal ends.
    /// What it wrote before is read first; nothing can be read after.
    pub fn close_master(&mut self) {
        self.pump();
        self.pty.close_master();
        self.eof = true;
    }

    /// A place in the output so far.
    pub fn mark(&mut self) -> Mark {
        self.pump();
        Mark(self.raw.len())
    }

    /// How many bytes the app has written since `mark` (after reading what is
    /// ready now).
    pub fn bytes_written_since(&mut self, mark: Mark) -> usize {
        self.pump();
        self.raw.len().saturating_sub(mark.0)
    }

    /// The bytes written since `mark`.
    pub fn output_since(&self, mark: Mark) -> &[u8] {
        &self.raw[mark.0.min(self.raw.len())..]
    }

    pub fn poll_exit(&mut self) {
        if self.exit.is_none() {
            match self.pty.try_wait() {
                Ok(status) => self.exit = status,
                Err(e) => panic!("waitpid: {e}"),
            }
        }
    }

    /// Waits for the app to end and its output to stop; returns how it ended.
    pub fn wait_end(&mut self) -> ExitStatus {
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
            self.pty.wait_readable(Duration::from_millis(10));
            if self.eof {
                // Nothing more to read: wait for the process alone.
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }

    /// Waits for the app to exit and its output to end; returns the exit code.
    pub fn wait_exit(&mut self) -> i32 {
        let status = self.wait_end();
        match status.code() {
            Some(code) => code,
            None => self.fail(&format!("the app did not exit normally: {status:?}")),
        }
    }

    /// Waits for the app to end and returns the signal that ended it, if any.
    pub fn wait_signaled(&mut self) -> Option<Signal> {
        use std::os::unix::process::ExitStatusExt;
        let status = self.wait_end();
        let n = status.signal()?;
        [
            Signal::SIGHUP,
            Signal::SIGINT,
            Signal::SIGTERM,
            Signal::SIGKILL,
            Signal::SIGWINCH,
            Signal::SIGCONT,
            Signal::SIGTSTP,
        ]
        .into_iter()
        .find(|s| s.number() == n)
    }

    /// Kills the app with SIGKILL, as a crash or a power cut would: no
    /// destructor, no exit hook, no chance to save anything more.
    pub fn kill_hard(&mut self) {
        self.send_signal(Signal::SIGKILL);
        match self.wait_signaled() {
            Some(Signal::SIGKILL) => {}
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
