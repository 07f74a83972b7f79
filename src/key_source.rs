//! Where the key of an encrypted database comes from: a key file named by
//! `$CASELOAD_KEY_FILE`, else `key_command` in config.toml, else a prompt on
//! the terminal that does not echo. Never the command line, where every other
//! account on the machine could read it in the process list.

use std::io::{IsTerminal, Read};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::config::Config;
use crate::store::{Key, MAX_KEY_BYTES, key_opens};

/// How many times the prompt asks for an existing key, as `sudo` does.
const TRIES: usize = 3;

/// The environment variable naming a file that holds the passphrase.
pub const KEY_FILE_VAR: &str = "CASELOAD_KEY_FILE";

/// Why a key is wanted: a new key is typed twice, so a typo cannot lock the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Existing,
    New,
}

/// The key for `db`, from the first source that is set. The message of an
/// error says which source failed and never holds any part of a key.
pub fn obtain(config: &Config, db: &Path, want: Want) -> Result<Key, String> {
    if let Some(file) = std::env::var_os(KEY_FILE_VAR).filter(|v| !v.is_empty()) {
        return from_file(Path::new(&file));
    }
    if let Some(command) = &config.key_command {
        return from_command(command);
    }
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        return from_prompt(db, want);
    }
    Err(format!(
        "{} is encrypted (or is not a caseload database) and no key was given: set {KEY_FILE_VAR} to a file holding the key, set key_command in config.toml, or run on a terminal to type it",
        db.display()
    ))
}

/// A key file must be a regular file readable by its owner alone, like an
/// SSH private key: a key others can read protects nothing.
fn from_file(path: &Path) -> Result<Key, String> {
    let named = format!("{KEY_FILE_VAR} ({})", path.display());
    let meta = std::fs::metadata(path).map_err(|e| format!("{named}: cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{named} is not a file"));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(format!(
            "{named} can be read by other accounts; make it private with chmod 600"
        ));
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_KEY_BYTES as u64 + 3).read_to_string(&mut text))
        .map_err(|e| format!("{named}: cannot read it as text: {e}"))?;
    Key::new(text).map_err(|e| format!("{named}: {e}"))
}

/// Runs `key_command` with the shell (as `pass show caseload` expects) and
/// takes the first line it prints; its errors go to the terminal as they are.
fn from_command(command: &str) -> Result<Key, String> {
    let output = Command::new("/bin/sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("key_command in config.toml could not run: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "key_command in config.toml failed ({}); the database was not opened",
            output.status
        ));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| "key_command in config.toml printed something that is not text".to_string())?;
    let first = text.lines().next().unwrap_or_default().to_string();
    Key::new(first).map_err(|e| format!("key_command in config.toml: {e}"))
}

fn from_prompt(db: &Path, want: Want) -> Result<Key, String> {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| db.display().to_string());
    let read = |prompt: &str| {
        let text = tty::read_hidden(prompt).map_err(|e| format!("cannot read the key: {e}"))?;
        text.ok_or_else(|| "no key was typed; nothing was opened".to_string())
    };
    match want {
        Want::Existing => {
            let mut prompt = format!("Key for {name}: ");
            let mut tries_left = TRIES;
            loop {
                let key = Key::new(read(&prompt)?)?;
                tries_left -= 1;
                // The last try, or a file that cannot be tried here, goes to
                // the real open, which says what is wrong in its own words.
                if tries_left == 0 || key_opens(db, &key).unwrap_or(true) {
                    return Ok(key);
                }
                prompt = format!("wrong key, try again ({tries_left} left)\nKey for {name}: ");
            }
        }
        Want::New => {
            let first = Key::new(read(&format!("New key for {name}: "))?)?;
            let again = Key::new(read("Type it again: ")?)?;
            if first != again {
                return Err("the two keys differ; nothing was changed".into());
            }
            Ok(first)
        }
    }
}

/// A line read from the terminal with echo off. Echo goes off *before* the
/// prompt is shown, so nothing typed after the prompt can ever be echoed;
/// signals are off too, so Ctrl-C cancels here instead of killing the
/// process with echo still off.
mod tty {
    use std::fs::OpenOptions;
    use std::io::{self, BufRead, BufReader, Read, Write};
    use std::os::fd::AsRawFd;

    /// `None` when the typist cancelled (Ctrl-C, Ctrl-D or end of input).
    pub fn read_hidden(prompt: &str) -> io::Result<Option<String>> {
        let mut tty = OpenOptions::new().read(true).write(true).open("/dev/tty")?;
        let fd = tty.as_raw_fd();
        // SAFETY: termios is plain data; tcgetattr fills it in for a valid fd.
        let mut saved: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
            return Err(io::Error::last_os_error());
        }
        let mut hidden = saved;
        hidden.c_lflag &= !(libc::ECHO | libc::ECHOE | libc::ECHOK | libc::ISIG);
        hidden.c_lflag |= libc::ICANON | libc::ECHONL;
        // TCSANOW, not TCSAFLUSH: a key typed ahead of the prompt is kept.
        // SAFETY: fd is open and `hidden` a valid termios.
        if unsafe { libc::tcsetattr(fd, libc::TCSANOW, &hidden) } != 0 {
            return Err(io::Error::last_os_error());
        }
        let result = (|| -> io::Result<Vec<u8>> {
            tty.write_all(prompt.as_bytes())?;
            tty.flush()?;
            let mut line = Vec::new();
            BufReader::new(Read::take(&tty, 4096)).read_until(b'\n', &mut line)?;
            Ok(line)
        })();
        // SAFETY: as above; the saved settings go back whatever happened.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
        let line = result?;
        if line.is_empty() || line.contains(&0x03) || line.contains(&0x04) {
            let _ = tty.write_all(b"\n");
            return Ok(None);
        }
        String::from_utf8(line)
            .map(Some)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "the key is not UTF-8 text"))
    }
}
