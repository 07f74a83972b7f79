//! The command line's sentences in one place (as `tui/strings.rs` is the
//! app's): its errors, advice and the lines a command prints, so wording is
//! reviewed together and can be translated here. A flag's help is its doc
//! comment in the clap definitions; table headings stay with their table.
//! Arguments come already made safe to show (`quote`, `for_terminal_line`).

use std::fmt::Display;

/// Appended to a refusal: the reader knows nothing changed.
pub fn nothing_saved(e: impl Display) -> String {
    format!("{e}; nothing saved")
}

pub fn nothing_written(e: impl Display) -> String {
    format!("{e}; nothing written")
}

/// Files and streams.
pub mod files {
    use std::fmt::Display;

    pub const NO_HOME: &str = "no home directory found; pass --db PATH";

    pub fn io(e: impl Display) -> String {
        format!("input/output error: {e}")
    }
    pub fn cannot_create(path: impl Display, e: impl Display) -> String {
        format!("cannot create {path}: {e}")
    }
    pub fn cannot_write(path: impl Display, e: impl Display) -> String {
        format!("cannot write {path}: {e}")
    }
    pub fn exists(path: impl Display) -> String {
        format!("{path} exists; pass --force to replace it")
    }
    pub fn cannot_write_csv(e: impl std::fmt::Debug) -> String {
        format!("cannot write CSV: {e:?}")
    }
    pub fn cannot_write_json(e: impl Display) -> String {
        format!("cannot write JSON: {e}")
    }
    /// What could not be read from standard input ("the note", "the summary").
    pub fn no_stdin(what: &str, e: impl Display) -> String {
        format!("cannot read {what} from standard input: {e}")
    }
}

/// `demo`, `check`, `backup`, `config`.
pub mod admin {
    use std::fmt::Display;

    pub fn demo_workers(max: usize) -> String {
        format!("--workers must be 1 to {max}")
    }
    pub fn demo_at_most(flag: &str, max: usize) -> String {
        format!("--{flag} can be at most {max} (enough for any benchmark)")
    }
    pub fn demo_exists(path: impl Display) -> String {
        format!("{path} already exists; choose another path or pass --force")
    }
    pub fn check_failed(
        problems: usize,
        path: impl Display,
        shown: &str,
        inconsistent: bool,
    ) -> String {
        let advice = if inconsistent {
            "the file is readable but inconsistent; ask for help before changing it"
        } else {
            "it is damaged; restore it from a backup made before the damage"
        };
        format!("{problems} problem(s) found in {path}: {shown}; {advice}")
    }
    pub fn stale_backups(n: usize, paths: &str) -> String {
        format!(
            "warning: {n} copies left by a killed backup, each a full copy of a caseload: {paths} \
             (the next backup or erasure removes them)"
        )
    }
    /// `check`'s one line when all is well.
    pub fn check_ok(
        schema: i64,
        (people, open): (i64, i64),
        services: i64,
        overdue: i64,
        encrypted: bool,
    ) -> String {
        let how = if encrypted {
            "encrypted (SQLCipher)"
        } else {
            "not encrypted"
        };
        format!(
            "ok: schema {schema}, {people} people ({open} open), {services} services, {overdue} overdue follow-ups; {how}"
        )
    }
    pub fn backed_up(path: impl Display, kb: u64) -> String {
        format!(
            "backed up to {path} ({kb} KB, integrity ok); `caseload --db {path} check` verifies it again"
        )
    }
}

/// `directory import` and `directory pull`.
pub mod directory {
    use std::fmt::Display;

    pub fn cannot_read(name: impl Display, e: impl Display) -> String {
        format!("cannot read {name}: {e}; check the path; nothing imported")
    }
    pub fn not_regular(name: impl Display) -> String {
        format!(
            "{name} is not a regular file (a folder, pipe or device); give a file; nothing imported"
        )
    }
    pub fn too_large(name: impl Display, mb: u64) -> String {
        format!("{name} is larger than the {mb} MB an import can take; split it; nothing imported")
    }
    pub fn pulling_page_of(bar: &str, page: u32, of: u64) -> String {
        format!("pulling {bar} page {page} of {of}")
    }
    pub fn pulling_page(page: u32) -> String {
        format!("pulling page {page}")
    }
    pub fn pulling_detail(bar: &str, n: usize, of: usize) -> String {
        format!("pulling {bar} the whole record of summary {n} of {of}")
    }
    pub fn would_import(added: usize, updated: usize, unchanged: usize) -> String {
        format!(
            "dry run: would add {added}, update {updated}, leave {unchanged} unchanged; nothing written"
        )
    }
    pub fn imported(added: usize, updated: usize, unchanged: usize) -> String {
        format!("added {added}, updated {updated}, unchanged {unchanged}")
    }
    pub fn merged(n: usize) -> String {
        format!("merged {n} record(s) repeating an earlier id (the last one kept)")
    }
}

/// `note`, `remind`, `calendar`, `followup`.
pub mod notes {
    use std::fmt::Display;

    pub fn unknown_kind(kind: &str) -> String {
        format!(
            "unknown kind {kind}; use what_matters, follow_up, phone, visit, accompanied or other"
        )
    }
    /// "today", "today or tomorrow", "in the next 7 days".
    pub fn window(days: u32) -> String {
        match days {
            0 => "today".into(),
            1 => "today or tomorrow".into(),
            n => format!("in the next {n} days"),
        }
    }
    pub fn nothing_due(window: &str) -> String {
        format!("Nothing overdue or due {window}.")
    }
    pub fn due(overdue: usize, due: usize, window: &str) -> String {
        format!("{overdue} overdue, {due} due {window}:")
    }
    pub fn gone_quiet(days: i64) -> String {
        format!("Gone quiet: no conversation in {days}+ days")
    }
    pub fn days_quiet(days: i64) -> String {
        format!("{days} days since last contact")
    }
    pub fn calendar_written(path: impl Display, n: usize) -> String {
        format!("wrote {path}: {n} follow-up(s), no personal details")
    }
    pub fn already_done(id: i64) -> String {
        format!("follow-up #{id} is already done; nothing saved")
    }
}

/// `person ...`.
pub mod person {
    pub const NOTHING_TO_CHANGE: &str =
        "nothing to change: give a field, e.g. --referrer-name \"Dr A Patel\"";

    pub fn unknown_status(s: &str) -> String {
        format!("unknown status {s}; use referred, active, paused, closed, declined, open or all")
    }
    pub fn bad_status(s: &str) -> String {
        format!("--to {s}: use referred, active, paused, closed or declined")
    }
    pub fn duplicate_nhs(existing: i64) -> String {
        format!(
            "person {existing} already has this NHS number; check it is not the same person, or pass --allow-duplicate-nhs; nothing saved"
        )
    }
    pub fn handed_over(id: i64, to: &str) -> String {
        format!("handed person {id} over to {to}")
    }
    pub fn now(id: i64, status: &str) -> String {
        format!("person {id} is now {status}")
    }
}

/// Encryption, retention, erasure, subject access and the letter.
pub mod privacy {
    use std::fmt::Display;

    pub const NAME_MISMATCH: &str = "the name did not match; nothing was erased";
    pub const UNSIGNED_LETTER: &str = "caseload: the letter is signed 'Name: not recorded': pass --from \"Your Name\" once (kept for your later letters), or set worker_name in config.toml";

    pub fn already_encrypted(path: impl Display) -> String {
        format!("{path} is already encrypted; nothing was changed")
    }
    pub fn not_encrypted(path: impl Display) -> String {
        format!("{path} is not encrypted; nothing was changed")
    }
    pub fn encrypted(path: impl Display, tables: usize, rows: i64) -> String {
        format!(
            "encrypted {path} ({tables} tables, {rows} rows); keep the key safe: without it nobody can read the file, you included"
        )
    }
    pub fn decrypted(path: impl Display, tables: usize, rows: i64) -> String {
        format!(
            "decrypted {path} ({tables} tables, {rows} rows); it is now readable by anyone who can read the file"
        )
    }
    pub fn years_too_far(years: u32) -> String {
        format!("--years {years} reaches before any date")
    }
    pub fn nobody_due(cutoff: &str) -> String {
        format!("nobody was closed or declined on or before {cutoff}")
    }
    pub fn erase_needs_terminal(id: i64) -> String {
        format!(
            "erasing person {id} cannot be undone: run it on a terminal to confirm, or pass --yes"
        )
    }
    pub fn erase_prompt(id: i64, name: &str) -> String {
        format!(
            "Erase person {id}, {name}, and every record about them? This cannot be undone.\nType their name to confirm: "
        )
    }
    pub fn erased(id: i64, rows: usize) -> String {
        format!("erased person {id}: {rows} record(s); no copy remains in the database files")
    }
    pub fn exported(
        path: impl Display,
        id: i64,
        rows: usize,
        tables: usize,
        audit: usize,
    ) -> String {
        format!(
            "wrote {path}: person {id}, {rows} record(s) in {tables} table(s), {audit} audit entries"
        )
    }
    pub fn letter_written(path: impl Display, id: i64) -> String {
        format!("wrote {path}: the letter for person {id}")
    }
}

/// `worker ...`, `--worker`, `team init`.
pub mod team {
    use std::fmt::Display;

    pub fn not_a_worker(login: &str) -> String {
        format!(
            "--worker me: your login {login} is not a registered worker; see `caseload worker list`"
        )
    }
    pub fn no_worker(login: &str) -> String {
        format!("--worker: no worker {login}; use me, all, or a login from `caseload worker list`")
    }
    pub fn bad_role(role: &str) -> String {
        format!("--role {role}: use link_worker or coordinator")
    }
    pub fn added(login: &str, role: &str) -> String {
        format!("added worker {login} ({role})")
    }
    pub fn adopted(n: usize, login: &str) -> String {
        let people = if n == 1 {
            "1 person".to_string()
        } else {
            format!("{n} people")
        };
        format!(
            "{people} already on file are now on {login}'s caseload (the first worker takes everyone; \
             hand people on with caseload person assign)"
        )
    }
    pub fn retired(login: &str) -> String {
        format!("retired worker {login}")
    }
    pub fn still_open(n: i64) -> String {
        format!(
            "{n} open case(s) are still on their caseload: hand them over with `caseload person assign ID --worker LOGIN`"
        )
    }
    pub fn created(path: impl Display, group: &str, folder: u32, file: u32) -> String {
        format!(
            "created {path} for group {group}: folder {folder:o}, database {file:o}; encrypt it with `caseload encrypt`"
        )
    }
}

/// `report --codes`.
pub mod report {
    pub fn uncoded(n: usize, period: &str, ids: &str) -> String {
        format!(
            "caseload: {n} person(s) with a coded event in {period} have no NHS number and are not listed (ids {ids}); add their NHS numbers to code them"
        )
    }
}

/// `serve`.
pub mod serve {
    use std::fmt::Display;

    pub fn bad_base_url(url: &str) -> String {
        format!(
            "--base-url {url} is not a web address; give e.g. https://directory.example.org/api"
        )
    }
    pub fn cannot_listen(addr: &str, e: impl Display, default: &str) -> String {
        format!("cannot listen on {addr}: {e}; give --listen ADDR:PORT, e.g. {default}")
    }
    pub fn serving(addr: impl Display, base: &str) -> String {
        format!("serving the directory on http://{addr} (base {base}); stop with Ctrl-C")
    }
}

pub mod sync {
    use std::fmt::Display;

    use crate::domain::sync::Summary;

    pub fn no_team_file(path: impl Display, e: impl Display) -> String {
        format!("no team file at {path}: {e}")
    }
    pub fn exists(path: impl Display) -> String {
        format!("{path} already exists; a laptop copy goes into a new file: give another with --db")
    }
    pub fn versions(laptop: i64, server: i64) -> String {
        if laptop < server {
            format!(
                "this laptop's caseload is older (schema {laptop}) than the team file's (schema {server}): upgrade caseload on the laptop, then sync"
            )
        } else {
            format!(
                "the team file's caseload is older (schema {server}) than this laptop's (schema {laptop}): upgrade caseload on the server, then sync"
            )
        }
    }
    pub fn not_a_worker(login: &str) -> String {
        format!(
            "{login} is not a current worker on the team file; a coordinator adds you with `caseload worker add --login {login} --name NAME`"
        )
    }
    pub fn cloned(
        people: usize,
        services: usize,
        worker: &str,
        origin: &str,
        local: impl Display,
        encrypted: bool,
    ) -> String {
        let lock = if encrypted { ", encrypted" } else { "" };
        format!(
            "copied {people} of {worker}'s people and {services} services from {origin} into {local} (mode 0600{lock})"
        )
    }
    pub fn summary(origin: &str, s: &Summary, bytes: u64) -> String {
        let mut line = format!(
            "synced with {origin}: pushed {}, pulled {}, {} conflict{}",
            s.pushed,
            s.pulled,
            s.conflicts,
            if s.conflicts == 1 { "" } else { "s" }
        );
        if s.conflicts > 0 {
            line.push_str(" (the later change kept; the other value is in the person's history)");
        }
        line.push_str(&format!(", {} joined, {} left", s.joined, s.left));
        if s.dropped > 0 {
            line.push_str(&format!(
                ", {} change(s) not taken by the team file (their person was erased there or is not on your caseload)",
                s.dropped
            ));
        }
        line.push_str(&format!(" ({bytes} bytes)"));
        line
    }
}
