//! Editing a note in the user's own editor (`$VISUAL`, `$EDITOR`, else nano or vi).

use std::io::{Read, Seek, SeekFrom, Write};
use std::process::Command;

use crate::tui::strings::external as words;

/// Writes `text` to a private temporary file, runs the editor on it and
/// returns what was saved. The file is deleted afterwards.
pub fn edit(text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("caseload-note-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| words::no_temp_file(&e))?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.flush())
        .map_err(|e| words::temp_not_written(&e))?;
    let command = editor_command();
    let mut parts = command.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = Command::new(program)
        .args(parts)
        .arg(file.path())
        .status()
        .map_err(|e| words::cannot_start(program, &e))?;
    if !status.success() {
        return Err(words::failed(program));
    }
    let mut out = String::new();
    let mut f = file.reopen().map_err(|e| words::not_read(&e))?;
    f.seek(SeekFrom::Start(0))
        .and_then(|_| f.read_to_string(&mut out))
        .map_err(|e| words::not_read(&e))?;
    Ok(out)
}

fn editor_command() -> String {
    for var in ["VISUAL", "EDITOR"] {
        if let Ok(v) = std::env::var(var)
            && !v.trim().is_empty()
        {
            return v;
        }
    }
    let has = |p: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(p).is_file()))
    };
    if has("nano") {
        "nano".into()
    } else {
        "vi".into()
    }
}
