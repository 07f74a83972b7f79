//! `config.toml`: the user's keys, settings and colours, read once at start.
//! A broken file is refused with its path, line and the problem; it is never
//! silently ignored (a worker would not know why their keys do nothing).
//!
//! ```toml
//! [keys]
//! quit = ["Q"]                 # replaces q everywhere
//! "directory.add" = ["n"]      # only in the directory
//!
//! [settings]
//! stale_months = 12
//! retention_years = 8
//! first_contact_days = 14      # caseload report: within_14_days_pct
//! worker_name = "Sam Patel"     # caseload person letter
//! worker_contact = "0113 496 0000, sam.patel@example.org"
//!
//! [colours]
//! accent = "magenta"           # titles and keys
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::domain::setting::Rules;

/// The file's contents as plain values, checked where the check needs no
/// other layer. `[keys]` and `[colours]` are kept as written, with their
/// lines: the app builds its keymap and theme from them (`tui::Ui`), so this
/// module knows nothing of the app and no import runs in a circle.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from (none: the defaults), for errors found later.
    pub path: Option<PathBuf>,
    /// `[keys]`: a command name and the keys it is given.
    pub keys: Vec<Entry<Vec<String>>>,
    /// `[colours]`: a role and its colour's name.
    pub colours: Vec<Entry<String>>,
    pub stale_months: Option<u32>,
    /// Years after closure or decline when a record is due for review (`caseload retention`).
    pub retention_years: Option<u32>,
    /// Days from referral within which people should be first contacted
    /// (`caseload report`'s `within_N_days_pct`; 14 when unset).
    pub first_contact_days: Option<u32>,
    /// Shown beside the OS login in the audit (`display_name = "Sam Patel"`).
    pub display_name: Option<String>,
    /// The link worker's name and contact at the foot of `person letter`.
    pub worker_name: Option<String>,
    pub worker_contact: Option<String>,
    /// Also audit opening a person's record (access logging), not only writes.
    pub audit_reads: bool,
    /// A command whose first line of output is the database key
    /// (`key_command = "pass show caseload"`); never the key itself.
    pub key_command: Option<String>,
    /// The organisation's own synonym groups for the directory search.
    pub synonyms: Vec<String>,
    /// The rules the domain applies, built from the settings above (the
    /// command line's `--stale-months` replaces `rules.stale_months`).
    pub rules: Rules,
}

/// One line of a table whose names only the app knows (`[keys]`, `[colours]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<T> {
    pub name: String,
    pub value: T,
    /// 1-based line in the file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keys: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    colours: BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Settings {
    stale_months: Option<Spanned<u32>>,
    retention_years: Option<Spanned<u32>>,
    first_contact_days: Option<Spanned<u32>>,
    display_name: Option<Spanned<String>>,
    worker_name: Option<Spanned<String>>,
    worker_contact: Option<Spanned<String>>,
    audit_reads: Option<bool>,
    key_command: Option<Spanned<String>>,
    #[serde(default)]
    synonyms: Vec<Spanned<String>>,
}

/// The largest staleness window that makes sense: ten years.
const MAX_STALE_MONTHS: u32 = 120;
/// Most years `retention_years` may be: beyond a century no record is reviewed.
pub const MAX_RETENTION_YEARS: u32 = 100;

impl Config {
    /// The file at `path`, or the defaults when `required` is false and there
    /// is no file (the default location need not exist).
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        let error = |line, message: String| ConfigError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let text = match std::fs::read(path) {
            Ok(bytes) => {
                String::from_utf8(bytes).map_err(|_| error(None, "is not UTF-8 text".into()))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Config::default());
            }
            Err(e) => return Err(error(None, format!("cannot read it: {e}"))),
        };
        let mut config = Config::parse(&text)
            .map_err(|(offset, message)| error(offset.map(|o| line_of(&text, o)), message))?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// An error about something on `line` of this file, found after loading.
    pub fn error(&self, line: Option<usize>, message: String) -> ConfigError {
        ConfigError {
            path: self
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("config.toml")),
            line,
            message,
        }
    }

    /// The line of `[keys]` that binds `name`, if the file does.
    pub fn key_line(&self, name: &str) -> Option<usize> {
        self.keys.iter().find(|e| e.name == name).map(|e| e.line)
    }

    /// Parses the text; an error carries the byte offset it is about.
    fn parse(text: &str) -> Result<Config, (Option<usize>, String)> {
        let file: File = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().replace('\n', " ");
            (e.span().map(|s| s.start), message)
        })?;
        let keys = entries(text, file.keys);
        let colours = entries(text, file.colours);
        let stale_months = match file.settings.stale_months {
            Some(m) if *m.get_ref() == 0 || *m.get_ref() > MAX_STALE_MONTHS => {
                return Err((
                    Some(m.span().start),
                    format!("stale_months must be 1 to {MAX_STALE_MONTHS}"),
                ));
            }
            Some(m) => Some(m.into_inner()),
            None => None,
        };
        let retention_years = match file.settings.retention_years {
            Some(y) if *y.get_ref() == 0 || *y.get_ref() > MAX_RETENTION_YEARS => {
                return Err((
                    Some(y.span().start),
                    format!("retention_years must be 1 to {MAX_RETENTION_YEARS}"),
                ));
            }
            Some(y) => Some(y.into_inner()),
            None => None,
        };
        let max_days = crate::domain::report::MAX_FIRST_CONTACT_DAYS;
        let first_contact_days = match file.settings.first_contact_days {
            Some(d) if *d.get_ref() == 0 || *d.get_ref() > max_days => {
                return Err((
                    Some(d.span().start),
                    format!("first_contact_days must be 1 to {max_days}"),
                ));
            }
            Some(d) => Some(d.into_inner()),
            None => None,
        };
        let display_name = non_empty(file.settings.display_name, "display_name", 200)?;
        let worker_name = non_empty(file.settings.worker_name, "worker_name", 200)?;
        let worker_contact = non_empty(file.settings.worker_contact, "worker_contact", 200)?;
        let key_command = non_empty(file.settings.key_command, "key_command", 4096)?;
        let mut synonyms = Vec::new();
        for group in file.settings.synonyms {
            let at = Some(group.span().start);
            let line = group.into_inner();
            crate::domain::words::Thesaurus::default()
                .add_line(&line)
                .map_err(|m| (at, format!("synonyms: {m}")))?;
            synonyms.push(line);
        }
        let rules = Rules::new(stale_months, first_contact_days, &synonyms);
        Ok(Config {
            path: None,
            keys,
            colours,
            rules,
            stale_months,
            retention_years,
            first_contact_days,
            display_name,
            worker_name,
            worker_contact,
            audit_reads: file.settings.audit_reads.unwrap_or(false),
            key_command,
            synonyms,
        })
    }
}

/// A text setting: trimmed, one line, not empty, at most `max` characters.
fn non_empty(
    value: Option<Spanned<String>>,
    name: &str,
    max: usize,
) -> Result<Option<String>, (Option<usize>, String)> {
    let Some(value) = value else {
        return Ok(None);
    };
    let at = Some(value.span().start);
    let text = value.into_inner().trim().to_string();
    if text.is_empty() || text.contains(['\n', '\r']) || text.chars().count() > max {
        return Err((
            at,
            format!("{name} must be one line of 1 to {max} characters"),
        ));
    }
    Ok(Some(text))
}

/// A table's entries in the file's order, each with its line.
fn entries<T>(text: &str, table: BTreeMap<String, Spanned<T>>) -> Vec<Entry<T>> {
    let mut out: Vec<Entry<T>> = table
        .into_iter()
        .map(|(name, v)| Entry {
            name,
            line: line_of(text, v.span().start),
            value: v.into_inner(),
        })
        .collect();
    out.sort_by_key(|e| e.line);
    out
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// `--config`, else `$CASELOAD_CONFIG` (both must exist), else
/// `$XDG_CONFIG_HOME/caseload/config.toml` (may be absent).
pub fn locate(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = explicit {
        return Some((p.to_path_buf(), true));
    }
    directories::ProjectDirs::from("", "", "caseload")
        .map(|d| (d.config_dir().join("config.toml"), false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, String) {
        let e = Config::parse(text).unwrap_err();
        (line_of(text, e.0.unwrap()), e.1)
    }

    #[test]
    fn keys_settings_and_colours_are_read() {
        let c = Config::parse(
            "[keys]\nquit = [\"Q\"]\n\n[settings]\nstale_months = 6\n\n[colours]\naccent = \"magenta\"\n",
        )
        .unwrap();
        assert_eq!(c.key_line("quit"), Some(2));
        assert_eq!(c.keys[0].value, vec!["Q".to_string()]);
        assert_eq!(c.colours[0].line, 8);
        assert_eq!(c.rules.stale_months, 6);
        assert_eq!(c.stale_months, Some(6));
        assert!(!c.audit_reads);
        let c = Config::parse(
            "[settings]\ndisplay_name = \" Sam Patel \"\naudit_reads = true\nkey_command = \"pass show caseload\"\n",
        )
        .unwrap();
        assert_eq!(c.display_name.as_deref(), Some("Sam Patel"));
        assert!(c.audit_reads);
        assert_eq!(c.key_command.as_deref(), Some("pass show caseload"));
    }

    #[test]
    fn report_and_letter_settings_are_read_and_checked() {
        let c = Config::parse(
            "[settings]\nfirst_contact_days = 10\nworker_name = \"Sam Patel\"\nworker_contact = \"0113 496 0000\"\n",
        )
        .unwrap();
        assert_eq!(c.first_contact_days, Some(10));
        assert_eq!(c.worker_name.as_deref(), Some("Sam Patel"));
        assert_eq!(c.worker_contact.as_deref(), Some("0113 496 0000"));
        let (line, m) = err("[settings]\n\nfirst_contact_days = 91\n");
        assert_eq!(line, 3, "{m}");
        let (line, m) = err("[settings]\nworker_name = \"\"\n");
        assert_eq!(line, 2, "{m}");
    }

    #[test]
    fn problems_name_their_line() {
        let (line, m) = err("[settings]\nstale_months = 0\n");
        assert_eq!(line, 2, "{m}");
        let (line, m) = err("[keys]\nquit = \"Q\n");
        assert_eq!(line, 2, "{m}");
        let (line, m) = err("[settings]\n\ndisplay_name = \"  \"\n");
        assert_eq!(line, 3, "{m}");
        let (line, m) = err("[settings]\nsynonyms = [\n  \"a ~ b\",\n  \"lonely\",\n]\n");
        assert_eq!(line, 4, "{m}");
        let (_, m) = err("[keyz]\nquit = [\"Q\"]\n");
        assert!(m.contains("keyz"), "{m}");
    }
}
