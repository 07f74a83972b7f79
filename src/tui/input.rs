//! Input on its own threads, feeding one channel, so that nothing the terminal
//! sends can stall a resize, the draft autosave or a signal.
//!
//! Why not `crossterm::event::read`: in crossterm 0.29 the unix reader
//! (`event/source/unix/mio.rs`) reads the tty in a loop until a byte sequence
//! makes an event. The tty is in blocking mode, so after a byte that makes no
//! event (a lone `0xff`, a lone `0xc3`, half an escape sequence) it blocks in
//! `read()` while holding crossterm's global event lock: its own SIGWINCH
//! handling, and anything else waiting on that lock, stalls until the next key.
//! At end of input (`read` returns 0, or EIO once the terminal has hung up) the
//! same loop never breaks: 100% CPU forever. Its SIGWINCH handler is also only
//! installed by the first `poll`/`read`, after the first frame, so a resize in
//! between was lost.
//!
//! So here:
//! - the *reader* thread waits in `poll(2)` on the tty and on a control socket
//!   (for pausing around `$EDITOR`), reads what is there, parses it with
//!   crossterm's own parser (ported in `input/parse.rs`) and sends each event.
//!   End of input, EOF or an error on the tty sends [`Input::HangUp`] and ends
//!   the thread;
//! - the *signal* thread (signal-hook, installed by [`start`], before the first
//!   frame asks for the size) turns SIGWINCH into [`Input::Resize`] with the
//!   size at that moment, and SIGHUP/SIGTERM/SIGINT into [`Input::Signal`].
//!   A signal that was ignored when the program started (`nohup`, a background
//!   job) stays ignored;
//! - the main loop waits on the channel with `recv_timeout`, the timeout being
//!   the next timer (follow-up falling due, draft autosave). Idle means all
//!   three threads are blocked: no wakeups.

mod parse;

use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use parse::{InternalEvent, parse_event};

/// Everything the main loop can be woken by, apart from its timers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A key, a paste, focus or mouse: what crossterm would have returned.
    Event(Event),
    /// The terminal's size after a SIGWINCH, as (columns, rows).
    Resize(u16, u16),
    /// End of input or an error reading the terminal: it has gone.
    HangUp,
    /// SIGHUP, SIGTERM or SIGINT, by number.
    Signal(i32),
    /// The terminal answered the device-attributes query sent after a frame:
    /// it has drawn everything before it (see `tui::event_loop`).
    Drawn,
}

/// One line for a missing terminal, or `Ok` when stdin and stdout are both one.
pub fn check_terminal() -> Result<(), String> {
    use std::io::IsTerminal;
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(
            "the app needs a terminal (standard input and output are not one); \
             use a command instead, see caseload --help"
                .to_string(),
        )
    }
}

/// Points stdout and stderr at /dev/null: for when the terminal has gone.
pub fn silence_output() {
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        // SAFETY: dup2 onto the standard fds; `null` stays open until both are done.
        unsafe {
            libc::dup2(null.as_raw_fd(), libc::STDOUT_FILENO);
            libc::dup2(null.as_raw_fd(), libc::STDERR_FILENO);
        }
    }
}

/// The input threads and the receiving end of their channel.
pub struct InputThreads {
    pub rx: Receiver<Input>,
    /// A byte written here asks the reader to pause (see [`InputThreads::pause`]).
    control: UnixStream,
    paused: Receiver<()>,
    resume: SyncSender<()>,
}

/// Installs the signal handlers and starts both threads. Call it before the
/// terminal is initialised: a resize from then on is never lost.
pub fn start() -> io::Result<InputThreads> {
    let (tx, rx) = mpsc::channel();
    start_signals(tx.clone())?;
    let (control, control_reader) = UnixStream::pair()?;
    let (paused_tx, paused) = mpsc::sync_channel(1);
    let (resume, resume_rx) = mpsc::sync_channel(1);
    thread::Builder::new().name("input".into()).spawn(move || {
        // However the reader ends (end of input, an error, even a panic in
        // the parser), the main loop hears of it and saves the draft.
        let _hang_up = HangUpOnExit(tx.clone());
        read_tty(tx, control_reader, paused_tx, resume_rx);
    })?;
    Ok(InputThreads {
        rx,
        control,
        paused,
        resume,
    })
}

impl InputThreads {
    /// Stops reading the terminal (for `$EDITOR`, which must get every key).
    /// Returns once the reader is parked, or after a second if it has gone.
    pub fn pause(&mut self) {
        if self.control.write_all(b"p").is_ok() {
            let _ = self.paused.recv_timeout(Duration::from_secs(1));
        }
    }

    /// Starts reading again after [`InputThreads::pause`].
    pub fn resume(&self) {
        let _ = self.resume.try_send(());
    }
}

/// Whether `signal` is ignored now (inherited from `nohup`, or a background job).
fn ignored(signal: i32) -> bool {
    // SAFETY: a query only (null new action); `old` is plain data the call fills.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}

fn start_signals(tx: Sender<Input>) -> io::Result<()> {
    let mut wanted = vec![SIGWINCH];
    wanted.extend(
        [SIGHUP, SIGTERM, SIGINT]
            .into_iter()
            .filter(|&s| !ignored(s)),
    );
    let mut signals = Signals::new(&wanted)?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut first_end: Option<Instant> = None;
            for signal in signals.forever() {
                let input = if signal == SIGWINCH {
                    match ratatui::crossterm::terminal::size() {
                        Ok((cols, rows)) => Input::Resize(cols, rows),
                        Err(_) => continue,
                    }
                } else {
                    // A second SIGTERM/SIGINT well after the first means the app is
                    // stuck (saving can wait up to the store's busy timeout): end
                    // as if we had no handler. A hang-up may come twice: never.
                    if let Some(first) = first_end
                        && signal != SIGHUP
                        && first.elapsed() > Duration::from_secs(3)
                    {
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                    }
                    first_end.get_or_insert_with(Instant::now);
                    Input::Signal(signal)
                };
                if tx.send(input).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

struct HangUpOnExit(Sender<Input>);

impl Drop for HangUpOnExit {
    fn drop(&mut self) {
        let _ = self.0.send(Input::HangUp);
    }
}

/// The reader thread: waits for the tty (or a pause request), reads, parses,
/// sends. Returns at end of input or on an error (then `HangUpOnExit` speaks).
fn read_tty(
    tx: Sender<Input>,
    mut control: UnixStream,
    paused: SyncSender<()>,
    resume: Receiver<()>,
) {
    let tty = libc::STDIN_FILENO;
    let mut parser = Parser::default();
    let mut buf = [0u8; 4096];
    loop {
        let mut fds = [
            libc::pollfd {
                fd: tty,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: control.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        // SAFETY: `fds` is a valid array of two pollfd for the whole call.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) };
        if ready < 0 {
            if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        if fds[1].revents != 0 {
            let mut byte = [0u8; 1];
            if !matches!(control.read(&mut byte), Ok(1)) {
                return; // the main loop has gone
            }
            let _ = paused.send(());
            if resume.recv().is_err() {
                return;
            }
            continue;
        }
        let revents = fds[0].revents;
        if revents & libc::POLLIN == 0 {
            if revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return;
            }
            continue;
        }
        // SAFETY: reads at most `buf.len()` bytes into `buf`.
        let n = unsafe { libc::read(tty, buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if matches!(
                e.kind(),
                io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
            ) {
                continue;
            }
        }
        if n <= 0 {
            // 0: end of input (the terminal was closed); < 0: EIO and friends.
            return;
        }
        let n = n as usize;
        parser.advance(&buf[..n], n == buf.len());
        while let Some(event) = parser.next() {
            if tx.send(Input::Event(event)).is_err() {
                return;
            }
        }
        while parser.take_drawn() {
            if tx.send(Input::Drawn).is_err() {
                return;
            }
        }
    }
}

/// Bytes in, events out: crossterm's parser with one change. A byte that
/// cannot continue a UTF-8 character (`0xc3` then `a`) drops only the broken
/// prefix and is read again on its own, so a stray byte never eats a key.
#[derive(Default)]
pub(crate) struct Parser {
    buffer: Vec<u8>,
    events: VecDeque<Event>,
    /// Answers to the device-attributes query not yet passed on.
    drawn: usize,
}

impl Parser {
    /// `more`: the read filled the buffer, so this is not the end of what was sent.
    pub(crate) fn advance(&mut self, bytes: &[u8], more: bool) {
        for (i, &byte) in bytes.iter().enumerate() {
            let more = i + 1 < bytes.len() || more;
            self.push(byte, more);
        }
    }

    fn push(&mut self, byte: u8, more: bool) {
        // ESC then ESC: the first is the Esc key, the second starts whatever
        // follows (a terminal's answer, an arrow). crossterm's parser would
        // take both as one Esc and type the rest of the sequence as keys.
        if self.buffer == [0x1b] && byte == 0x1b {
            self.events
                .push_back(Event::Key(ratatui::crossterm::event::KeyCode::Esc.into()));
            self.buffer.clear();
        }
        // An ESC never continues a sequence already begun (but inside a
        // paste, which ends with one): half a sequence then the Esc key is
        // the broken half dropped and the Esc, not an Esc held in the
        // buffer until the next key (`ESC [1;5` then `ESC` lost the Esc).
        if byte == 0x1b
            && self.buffer.len() > 1
            && self.buffer[0] == 0x1b
            && !self.buffer.starts_with(b"\x1b[200~")
        {
            self.buffer.clear();
        }
        self.buffer.push(byte);
        match parse_event(&self.buffer, more) {
            Ok(Some(InternalEvent::Event(event))) => {
                self.events.push_back(event);
                self.buffer.clear();
            }
            Ok(Some(InternalEvent::PrimaryDeviceAttributes)) => {
                self.drawn += 1;
                self.buffer.clear();
            }
            // Replies to queries this app never makes.
            Ok(Some(_)) => self.buffer.clear(),
            Ok(None) => {} // wait for the rest of the sequence
            Err(_) => {
                // A broken prefix is dropped, not the byte that broke it when
                // that byte can start something of its own: an ESC (a new
                // sequence, such as the terminal's answer after half an
                // escape sequence), or anything after a broken UTF-8 start.
                let retry = self.buffer.len() > 1 && (self.buffer[0] >= 0x80 || byte == 0x1b);
                self.buffer.clear();
                if retry {
                    self.push(byte, more);
                }
            }
        }
    }

    pub(crate) fn next(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    fn take_drawn(&mut self) -> bool {
        let any = self.drawn > 0;
        self.drawn = self.drawn.saturating_sub(1);
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn parse(bytes: &[u8]) -> Vec<Event> {
        let mut p = Parser::default();
        p.advance(bytes, false);
        std::iter::from_fn(|| p.next()).collect()
    }

    #[test]
    fn esc_then_a_terminal_answer_is_the_esc_key_and_the_answer() {
        let mut p = Parser::default();
        p.advance(b"\x1b\x1b[?62;22c", false);
        assert_eq!(p.next(), Some(Event::Key(KeyCode::Esc.into())));
        assert_eq!(p.next(), None, "the answer is no key");
        assert!(p.take_drawn(), "the answer is the terminal's");
        assert_eq!(
            parse(b"\x1b\x1b[A"),
            [
                Event::Key(KeyCode::Esc.into()),
                Event::Key(KeyCode::Up.into())
            ]
        );
    }

    #[test]
    fn half_a_sequence_then_esc_is_the_esc_key() {
        for partial in [&b"\x1b["[..], &b"\x1b[1;5"[..], &b"\x1bO"[..]] {
            let mut p = Parser::default();
            p.advance(partial, false);
            p.advance(b"\x1b", false);
            assert_eq!(
                p.next(),
                Some(Event::Key(KeyCode::Esc.into())),
                "{partial:?}"
            );
        }
        // A paste may hold an ESC: it ends only at its end marker.
        assert_eq!(
            parse(b"\x1b[200~a\x1bb\x1b[201~"),
            [Event::Paste("a\x1bb".into())]
        );
    }

    #[test]
    fn half_a_sequence_then_a_terminal_answer_types_nothing() {
        let mut p = Parser::default();
        p.advance(b"\x1b[", true);
        p.advance(b"\x1b[?62;22c", false);
        assert_eq!(p.next(), None, "nothing typed");
        assert!(p.take_drawn(), "the answer still counts");
    }

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn a_stray_byte_is_dropped_and_eats_nothing() {
        assert_eq!(parse(b"\xffab"), vec![key('a'), key('b')]);
        assert_eq!(parse(b"\xc3ab"), vec![key('a'), key('b')]);
        assert_eq!(parse("é".as_bytes()), vec![key('é')]);
    }

    #[test]
    fn a_partial_character_waits_for_its_end_across_reads() {
        let mut p = Parser::default();
        p.advance(b"\xc3", false);
        assert_eq!(p.next(), None);
        p.advance(b"\xa9", false);
        assert_eq!(p.next(), Some(key('é')));
    }

    #[test]
    fn keys_escapes_and_pastes_parse_as_crossterm_does() {
        assert_eq!(
            parse(b"\x1b[A\x1b"),
            vec![
                Event::Key(KeyCode::Up.into()),
                Event::Key(KeyCode::Esc.into())
            ]
        );
        assert_eq!(
            parse(b"\x1b[200~x\ny\x1b[201~q"),
            vec![Event::Paste("x\ny".into()), key('q')]
        );
        assert_eq!(
            parse(b"\x13"),
            vec![Event::Key(KeyEvent::new(
                KeyCode::Char('s'),
                KeyModifiers::CONTROL
            ))]
        );
    }
}
