//! The sync's transport, the way git and rsync do it: the system's `ssh`
//! runs `caseload sync serve PATH` on the team's server and the two sides
//! speak over its stdin and stdout, one JSON message per line. SSH brings
//! the authentication, the encryption and the organisation's accounts; no
//! port is opened. For a plain path (a USB stick, a test) this program
//! itself is the far side, through the same pipes.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::domain::sync::{Answer, Hello, PROTOCOL, Summary};
use crate::store::{SCHEMA_VERSION, Store, StoreError};

/// The ssh program (`CASELOAD_SSH`, default `ssh`), and the caseload
/// program on the server (`CASELOAD_REMOTE`, default `caseload`, as
/// rsync's `--rsync-path`).
pub const SSH_VAR: &str = "CASELOAD_SSH";
pub const REMOTE_VAR: &str = "CASELOAD_REMOTE";

/// The largest message either side accepts: a 10k-person team's worker's
/// caseload is a few megabytes; this stops a runaway peer filling memory.
pub const MAX_MESSAGE: u64 = 512 * 1024 * 1024;

/// Where the team file is: `SERVER:PATH` (anything ssh accepts as SERVER),
/// or a plain path on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Local(PathBuf),
    Remote { server: String, path: String },
}

impl Origin {
    /// `host:path` when the part before the first colon is not empty and
    /// holds no slash (as scp reads it); otherwise a local path.
    pub fn parse(text: &str) -> Origin {
        match text.split_once(':') {
            Some((server, path)) if !server.is_empty() && !server.contains('/') => Origin::Remote {
                server: server.to_string(),
                path: path.to_string(),
            },
            _ => Origin::Local(PathBuf::from(text)),
        }
    }
}

/// A shell word for the far side's shell (ssh passes one command line).
fn shell_word(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// One conversation with the far side's `caseload sync serve`.
pub struct Link {
    child: Child,
    to: BufWriter<ChildStdin>,
    from: BufReader<ChildStdout>,
    /// Bytes each way, for the summary and the bench.
    pub sent: u64,
    pub received: u64,
}

impl Link {
    /// Starts the far side. Its standard error stays this terminal's, so
    /// ssh can ask for a password and the server's own errors show.
    pub fn open(origin: &Origin) -> io::Result<Link> {
        let mut cmd = match origin {
            Origin::Local(path) => {
                let mut c = Command::new(std::env::current_exe()?);
                c.args(["sync", "serve"]).arg(path);
                c
            }
            Origin::Remote { server, path } => {
                let ssh = std::env::var(SSH_VAR).unwrap_or_else(|_| "ssh".into());
                let remote = std::env::var(REMOTE_VAR).unwrap_or_else(|_| "caseload".into());
                let mut c = Command::new(ssh);
                c.arg("--").arg(server).arg(format!(
                    "{} sync serve {}",
                    shell_word(&remote),
                    shell_word(path)
                ));
                c
            }
        };
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let (Some(to), Some(from)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(io::Error::other("the far side's pipes did not open"));
        };
        Ok(Link {
            child,
            to: BufWriter::new(to),
            from: BufReader::new(from),
            sent: 0,
            received: 0,
        })
    }

    pub fn send<T: Serialize>(&mut self, message: &T) -> io::Result<()> {
        self.sent += write_message(&mut self.to, message)?;
        Ok(())
    }

    pub fn receive<T: DeserializeOwned>(&mut self) -> io::Result<T> {
        let (value, n) = read_message(&mut self.from)?;
        self.received += n;
        Ok(value)
    }

    /// Closes our end and waits for the far side to exit.
    pub fn close(self) -> io::Result<std::process::ExitStatus> {
        let Link { mut child, to, .. } = self;
        drop(to);
        child.wait()
    }
}

/// Writes one message as one line and flushes it; returns the bytes written.
pub fn write_message<T: Serialize>(out: &mut dyn Write, message: &T) -> io::Result<u64> {
    let mut line = serde_json::to_vec(message).map_err(io::Error::other)?;
    line.push(b'\n');
    out.write_all(&line)?;
    out.flush()?;
    Ok(line.len() as u64)
}

/// Reads one message line; the end of the stream before a whole line is an
/// error that says the far side went away.
pub fn read_message<T: DeserializeOwned>(input: &mut dyn BufRead) -> io::Result<(T, u64)> {
    let mut line = Vec::new();
    let n = input.take(MAX_MESSAGE).read_until(b'\n', &mut line)?;
    if n == 0 || line.last() != Some(&b'\n') {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the connection to the team file ended before its answer arrived",
        ));
    }
    let value = serde_json::from_slice(&line).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("the far side sent something that is not a caseload sync message ({e})"),
        )
    })?;
    Ok((value, n as u64))
}

/// Why a sync did not happen (or did not finish); nothing was changed on
/// this side in any of these.
#[derive(Debug)]
pub enum SyncError {
    NotACopy,
    Start(io::Error),
    Link(io::Error),
    Refused(String),
    Unexpected,
    OtherWorker { copy: String, login: String },
    Store(StoreError),
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncError::NotACopy => write!(
                f,
                "this file is not a laptop copy; make one with `caseload sync clone SERVER:PATH --db LAPTOP.db`"
            ),
            SyncError::Start(e) => write!(
                f,
                "cannot reach the team file: {e} (is ssh installed, and caseload on the server's PATH? see CASELOAD_SSH and CASELOAD_REMOTE in the README)"
            ),
            SyncError::Link(e) => write!(
                f,
                "{e}; nothing was changed here: run `caseload sync` again"
            ),
            SyncError::Refused(m) => write!(f, "the team file said: {m}"),
            SyncError::Unexpected => write!(
                f,
                "the team file's side answered out of turn; check both run the same caseload version"
            ),
            SyncError::OtherWorker { copy, login } => write!(
                f,
                "this laptop copy is {copy}'s caseload, but the team file was reached as {login}: sync as {copy}"
            ),
            SyncError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::Store(e)
    }
}

/// Starts the far side and trades hellos: the worker it knows us as, and
/// whether its file is encrypted.
pub fn connect(origin: &Origin, hello: &Hello) -> Result<(Link, String, bool), SyncError> {
    let mut link = Link::open(origin).map_err(SyncError::Start)?;
    link.send(hello).map_err(SyncError::Link)?;
    match link.receive::<Answer>().map_err(SyncError::Link)? {
        Answer::Welcome { worker, encrypted } => Ok((link, worker, encrypted)),
        Answer::Error(message) => Err(SyncError::Refused(message)),
        _ => Err(SyncError::Unexpected),
    }
}

/// What one sync did.
#[derive(Debug, Clone)]
pub struct Synced {
    pub origin: String,
    pub summary: Summary,
    /// Bytes both ways.
    pub bytes: u64,
}

/// One whole sync of the laptop copy `store` with its team file: push, then
/// take the answer, each side in one transaction.
pub fn exchange(store: &mut Store) -> Result<Synced, SyncError> {
    let copy = store.copies().origin()?.ok_or(SyncError::NotACopy)?;
    let hello = Hello::Sync {
        protocol: PROTOCOL,
        schema: SCHEMA_VERSION,
        worker: copy.worker.clone(),
    };
    let (mut link, login, _) = connect(&Origin::parse(&copy.origin), &hello)?;
    if login != copy.worker {
        return Err(SyncError::OtherWorker {
            copy: copy.worker,
            login,
        });
    }
    let push = store.copies().local_changes()?;
    link.send(&push).map_err(SyncError::Link)?;
    let pull = match link.receive::<Answer>().map_err(SyncError::Link)? {
        Answer::Pull(p) => p,
        Answer::Error(message) => return Err(SyncError::Refused(message)),
        _ => return Err(SyncError::Unexpected),
    };
    let bytes = link.sent + link.received;
    let _ = link.close();
    let summary = store.copies_mut().finish(&push, &pull)?;
    Ok(Synced {
        origin: copy.origin,
        summary,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_read_as_scp_reads_them() {
        assert_eq!(
            Origin::parse("team.example.org:/srv/caseload/team.db"),
            Origin::Remote {
                server: "team.example.org".into(),
                path: "/srv/caseload/team.db".into()
            }
        );
        assert_eq!(
            Origin::parse("/media/usb/team.db"),
            Origin::Local("/media/usb/team.db".into())
        );
        assert_eq!(Origin::parse("./a:b.db"), Origin::Local("./a:b.db".into()));
    }

    #[test]
    fn a_shell_word_survives_quotes() {
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }

    #[test]
    fn a_cut_message_is_an_error_not_a_value() {
        let mut cut: &[u8] = b"{\"error\": \"x\"";
        let got: io::Result<(serde_json::Value, u64)> = read_message(&mut cut);
        assert_eq!(got.unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
    }
}
