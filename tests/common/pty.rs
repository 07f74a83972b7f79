//! A pseudo-terminal with a child process on its other side, on plain `libc`.
//!
//! Self-contained (no `super::`), so `benches/ui.rs` includes this same file
//! with `#[path]`. The window size is set before the child is started, so the
//! app never sees a default size and nothing waits between spawn and exec.

#![allow(dead_code)] // the tests and the bench each use a different subset

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The signals a test sends to the app (named as in `nix` and `kill -l`).
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    SIGHUP,
    SIGINT,
    SIGTERM,
    SIGKILL,
    SIGWINCH,
    SIGCONT,
    SIGTSTP,
}

impl Signal {
    pub fn number(self) -> libc::c_int {
        match self {
            Signal::SIGHUP => libc::SIGHUP,
            Signal::SIGINT => libc::SIGINT,
            Signal::SIGTERM => libc::SIGTERM,
            Signal::SIGKILL => libc::SIGKILL,
            Signal::SIGWINCH => libc::SIGWINCH,
            Signal::SIGCONT => libc::SIGCONT,
            Signal::SIGTSTP => libc::SIGTSTP,
        }
    }
}

/// What one non-blocking read of the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// This many bytes were appended.
    Bytes(usize),
    /// Nothing is ready now.
    Nothing,
    /// The other side is gone (every slave descriptor closed) or the master
    /// was closed by `close_master`.
    End,
}

/// The master side of a pseudo-terminal and the child on its slave side. The
/// child is its own session leader with the slave as controlling terminal, so
/// it gets SIGWINCH on `resize` and SIGHUP when the master is closed.
pub struct Pty {
    master: Option<OwnedFd>,
    child: Child,
    status: Option<ExitStatus>,
}

fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn winsize(cols: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

/// A new pseudo-terminal's master and slave, both close-on-exec from the
/// start: tests run in parallel threads, and a child forked by another thread
/// must not inherit them (it would keep this terminal open after our app
/// ends, so neither its end nor a hang-up would be seen).
fn open_pair() -> io::Result<(OwnedFd, OwnedFd)> {
    // SAFETY: plain libc calls; every descriptor is wrapped as soon as it exists.
    unsafe {
        let master = check(libc::posix_openpt(
            libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
        ))?;
        let master = OwnedFd::from_raw_fd(master);
        check(libc::grantpt(master.as_raw_fd()))?;
        check(libc::unlockpt(master.as_raw_fd()))?;
        let mut name = [0 as libc::c_char; 128];
        let r = libc::ptsname_r(master.as_raw_fd(), name.as_mut_ptr(), name.len());
        if r != 0 {
            return Err(io::Error::from_raw_os_error(r));
        }
        let slave = check(libc::open(
            name.as_ptr(),
            libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
        ))?;
        Ok((master, OwnedFd::from_raw_fd(slave)))
    }
}

impl Pty {
    /// Opens a `cols` x `rows` pseudo-terminal and starts `cmd` on it (its
    /// standard input, output and error). The caller sets the environment.
    pub fn spawn(mut cmd: Command, cols: u16, rows: u16) -> io::Result<Pty> {
        let (master, slave) = open_pair()?;
        let size = winsize(cols, rows);
        // SAFETY: TIOCSWINSZ reads one winsize.
        check(unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) })?;
        // SAFETY: fcntl on a descriptor we own.
        let flags = check(unsafe { libc::fcntl(master.as_raw_fd(), libc::F_GETFL) })?;
        check(unsafe { libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK) })?;

        cmd.stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                check(libc::setsid())?;
                check(libc::ioctl(0, libc::TIOCSCTTY, 0))?;
                Ok(())
            });
        }
        // `spawn` returns once the exec has succeeded; the slave copies held by
        // `cmd` are dropped with it, so the end of the child is seen as EIO.
        let child = cmd.spawn()?;
        drop(cmd);
        Ok(Pty {
            master: Some(master),
            child,
            status: None,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Appends to `out` at most `max` bytes that are ready now, without waiting.
    pub fn read_some(&mut self, out: &mut Vec<u8>, max: usize) -> io::Result<Read> {
        let Some(master) = &self.master else {
            return Ok(Read::End);
        };
        let mut buf = [0u8; 16384];
        let want = max.min(buf.len());
        loop {
            // SAFETY: reading into a buffer of at least `want` bytes.
            let n = unsafe { libc::read(master.as_raw_fd(), buf.as_mut_ptr().cast(), want) };
            if n > 0 {
                let start = out.len();
                out.extend_from_slice(&buf[..n as usize]);
                self.answer_queries(out, start)?;
                return Ok(Read::Bytes(n as usize));
            }
            if n == 0 {
                return Ok(Read::End);
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EAGAIN) => return Ok(Read::Nothing),
                // EIO: every slave descriptor is closed (the app has gone).
                Some(libc::EIO) => return Ok(Read::End),
                _ => return Err(e),
            }
        }
    }

    /// Like a real terminal, answers each device-attributes query (`ESC [ c`)
    /// once it has read it: the app paces its frames by the answers. A query
    /// split across two reads is found by looking back two bytes.
    fn answer_queries(&mut self, out: &[u8], start: usize) -> io::Result<()> {
        let from = start.saturating_sub(2);
        let asked = out[from..].windows(3).filter(|w| *w == b"\x1b[c").count();
        for _ in 0..asked {
            self.write_all(b"\x1b[?62;22c")?;
        }
        Ok(())
    }

    /// Appends everything that is ready now to `out`; returns the count, or
    /// `None` once the terminal has ended.
    pub fn read_available(&mut self, out: &mut Vec<u8>) -> io::Result<Option<usize>> {
        let mut total = 0;
        loop {
            match self.read_some(out, usize::MAX)? {
                Read::Bytes(n) => total += n,
                Read::Nothing => return Ok(Some(total)),
                Read::End if total > 0 => return Ok(Some(total)),
                Read::End => return Ok(None),
            }
        }
    }

    /// Whether the terminal echoes what is typed (the slave's termios, read
    /// through the master): a hidden prompt has turned it off once this is false.
    pub fn echoes(&self) -> bool {
        let Some(master) = &self.master else {
            return false;
        };
        // SAFETY: termios is plain data; tcgetattr fills it in for a valid fd.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(master.as_raw_fd(), &mut t) } != 0 {
            return true;
        }
        t.c_lflag & libc::ECHO != 0
    }

    /// Waits up to `timeout` for the master to become readable (or hung up).
    pub fn wait_readable(&self, timeout: Duration) -> bool {
        let Some(master) = &self.master else {
            return true;
        };
        let mut fd = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = timeout.as_millis().min(i32::MAX as u128) as libc::c_int;
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut fd, 1, ms) };
        r > 0
    }

    /// Writes all of `bytes` to the app's input (as typed or pasted).
    pub fn write_all(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !bytes.is_empty() {
            let Some(master) = &self.master else {
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "master closed"));
            };
            // SAFETY: writing from a valid slice.
            let n = unsafe { libc::write(master.as_raw_fd(), bytes.as_ptr().cast(), bytes.len()) };
            if n >= 0 {
                bytes = &bytes[n as usize..];
                continue;
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => {}
                Some(libc::EAGAIN) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                _ => return Err(e),
            }
        }
        Ok(())
    }

    /// Sets the window size; the kernel sends SIGWINCH to the app.
    pub fn resize(&mut self, cols: u16, rows: u16) -> io::Result<()> {
        let Some(master) = &self.master else {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "master closed"));
        };
        let size = winsize(cols, rows);
        // SAFETY: TIOCSWINSZ reads one winsize.
        check(unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) })?;
        Ok(())
    }

    pub fn signal(&self, sig: Signal) -> io::Result<()> {
        let pid = self.child.id() as libc::pid_t;
        // SAFETY: kill with our own child's pid.
        check(unsafe { libc::kill(pid, sig.number()) })?;
        Ok(())
    }

    /// Closes the master, as when the terminal window is closed or the SSH
    /// connection drops: the kernel hangs the terminal up (SIGHUP to the app,
    /// its reads see end of input, its writes fail).
    pub fn close_master(&mut self) {
        self.master = None;
    }

    pub fn is_open(&self) -> bool {
        self.master.is_some()
    }

    /// The exit status, if the child has ended (reaped once, then remembered).
    pub fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        if self.status.is_none() {
            self.status = self.child.try_wait()?;
        }
        Ok(self.status)
    }

    /// CPU time (user + system) the child has used so far, from `/proc`.
    pub fn cpu_time(&self) -> io::Result<Duration> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid()))?;
        // The command name may hold spaces: the fields start after its ')'.
        let rest = stat
            .rsplit_once(')')
            .map(|(_, r)| r)
            .ok_or_else(|| io::Error::other("no ')' in /proc/PID/stat"))?;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // Field 14 (utime) and 15 (stime) of stat(5); `rest` starts at field 3.
        let ticks = |i: usize| -> io::Result<u64> {
            fields
                .get(i - 3)
                .and_then(|f| f.parse().ok())
                .ok_or_else(|| io::Error::other("bad /proc/PID/stat"))
        };
        // SAFETY: sysconf has no preconditions.
        let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
        let total = ticks(14)? + ticks(15)?;
        Ok(Duration::from_micros(total * 1_000_000 / hz))
    }

    /// Resident memory of the child in MB, from `/proc/PID/status` (VmRSS).
    pub fn rss_mb(&self) -> io::Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))?;
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
            .ok_or_else(|| io::Error::other("no VmRSS in /proc/PID/status"))
    }
}

impl Drop for Pty {
    /// A test that fails half-way leaves no app running behind it.
    fn drop(&mut self) {
        if matches!(self.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The synchronized-update markers (DEC mode 2026) the app wraps every frame in.
pub const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
pub const FRAME_END: &[u8] = b"\x1b[?2026l";

/// Where `needle` first occurs in `haystack` at or after `from`.
pub fn find_from(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// How many frames end in `bytes`.
pub fn frames_ended(bytes: &[u8]) -> usize {
    bytes
        .windows(FRAME_END.len())
        .filter(|w| *w == FRAME_END)
        .count()
}
