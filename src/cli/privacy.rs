//! Data protection on the command line: subject access, erasure, retention review,
//! the audit trail, letters back to the referrer, and encryption at rest.

use super::*;
use crate::store::Disclosure;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LetterFormatArg {
    Text,
    Markdown,
}

/// `caseload encrypt`: the file in place, through a verified copy.
pub fn encrypt(path: &Path, clock: &Clock, config: &Config, out: &mut dyn Write) -> CliResult {
    if looks_encrypted(path) {
        return Err(CliError::User(words::privacy::already_encrypted(
            path.display(),
        )));
    }
    // Opened once plain first, so a missing or damaged file is refused before any prompt.
    drop(Store::open_read_only(path, clock.clone())?);
    let key = key_source::obtain(config, path, Want::New).map_err(CliError::Data)?;
    let done = Store::convert_file(path, clock.clone(), None, Some(key))?;
    let said = words::privacy::encrypted(path.display(), done.tables, done.rows);
    writeln!(out, "{said}")?;
    Ok(())
}

/// `caseload decrypt`: back to plain SQLite, through a verified copy.
pub fn decrypt(path: &Path, clock: &Clock, config: &Config, out: &mut dyn Write) -> CliResult {
    if !looks_encrypted(path) {
        drop(Store::open_read_only(path, clock.clone())?);
        return Err(CliError::User(words::privacy::not_encrypted(
            path.display(),
        )));
    }
    let key = key_source::obtain(config, path, Want::Existing).map_err(CliError::Data)?;
    let done = Store::convert_file(path, clock.clone(), Some(key), None)?;
    let said = words::privacy::decrypted(path.display(), done.tables, done.rows);
    writeln!(out, "{said}")?;
    Ok(())
}

/// `caseload retention`: who is due for a retention review, longest ago first.
pub fn retention(
    store: &Store,
    today: NaiveDate,
    years: u32,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    let cutoff = crate::domain::person::retention_cutoff(today, years)
        .ok_or_else(|| CliError::User(words::privacy::years_too_far(years)))?;
    let due = store.retention_due(cutoff)?;
    let cells = |d: &RetentionDue| {
        [
            d.id.to_string(),
            d.given_name.clone(),
            d.family_name.clone(),
            d.status.as_str().to_string(),
            iso(d.ended_on),
        ]
    };
    if format == Format::Table && due.is_empty() {
        writeln!(out, "{}", words::privacy::nobody_due(&iso(cutoff)))?;
        return Ok(());
    }
    Listing {
        rows: &due,
        table_header: &["ID", "GIVEN", "FAMILY", "STATUS", "ENDED"],
        max_width: 32,
        table_row: &|d| cells(d).to_vec(),
        csv_header: &["id", "given_name", "family_name", "status", "ended_on"],
        csv_row: &|d| cells(d).to_vec(),
    }
    .write(format, &due, out)
}

/// `caseload audit`: the audit trail, oldest first, with stable CSV columns.
pub fn audit(store: &Store, filter: AuditFilter, format: Format, out: &mut dyn Write) -> CliResult {
    let entries = store.audit_entries(filter)?;
    let cells = |e: &AuditEntry| {
        [
            e.at.clone(),
            e.actor.clone(),
            e.action.clone(),
            e.entity.clone(),
            e.entity_id.map(|id| id.to_string()).unwrap_or_default(),
            e.entity_key.clone().unwrap_or_default(),
            e.reason.clone().unwrap_or_default(),
            e.actor_name.clone().unwrap_or_default(),
        ]
    };
    Listing {
        rows: &entries,
        table_header: &[
            "AT", "ACTOR", "ACTION", "ENTITY", "ID", "KEY", "REASON", "NAME",
        ],
        max_width: 32,
        table_row: &|e| cells(e).to_vec(),
        csv_header: &AUDIT_COLUMNS,
        csv_row: &|e| cells(e).to_vec(),
    }
    .write(format, &entries, out)
}

/// The stable columns of `caseload audit --format csv`.
pub const AUDIT_COLUMNS: [&str; 8] = [
    "at",
    "actor",
    "action",
    "entity",
    "entity_id",
    "entity_key",
    "reason",
    "actor_name",
];

/// `caseload person erase ID`: on a terminal the worker types the person's
/// name to confirm; `--yes` is for scripts; neither is a refusal.
pub fn person_erase(
    store: &mut Store,
    id: i64,
    yes: bool,
    reason: &str,
    out: &mut dyn Write,
) -> CliResult {
    let person = store.people().get(id)?;
    if !yes {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return Err(CliError::User(words::privacy::erase_needs_terminal(id)));
        }
        let name = format!(
            "{} {}",
            person.details.given_name, person.details.family_name
        );
        eprint!(
            "{}",
            words::privacy::erase_prompt(id, &for_terminal_line(&name))
        );
        let mut typed = String::new();
        std::io::stdin().read_line(&mut typed)?;
        if !crate::domain::person::same_name(&typed, &name) {
            return Err(CliError::User(words::privacy::NAME_MISMATCH.into()));
        }
    }
    let rows = store.erase_person(id, reason)?;
    writeln!(out, "{}", words::privacy::erased(id, rows))?;
    Ok(())
}

/// `caseload person export ID`: a subject access export. To a file, it is
/// written 0600 beside its destination and renamed into place, so nobody
/// ever reads half of it and nobody else can read it at all.
pub fn person_export(
    store: &mut Store,
    id: i64,
    format: ExportFormat,
    path: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> CliResult {
    let (export, text) = match format {
        ExportFormat::Json => {
            let export = store.subject_access(id)?;
            let json = serde_json::to_string_pretty(&export).map_err(json_err)?;
            let mut text = json_safe(&json).into_owned();
            text.push('\n');
            (export, text)
        }
        ExportFormat::Text => {
            let record = store.subject_access_record(id)?;
            let text = crate::io::subject_access::text(&record, store.clock().today());
            (record.rows, text)
        }
    };
    // Audited before it leaves: a copy that went unrecorded would be worse
    // than a row for one that failed to write.
    store
        .people_mut()
        .audit_disclosure(id, Disclosure::SubjectAccess)?;
    let Some(path) = path else {
        out.write_all(text.as_bytes())?;
        return Ok(());
    };
    write_private_file(path, text.as_bytes(), force)?;
    let rows: usize = export.tables.values().map(Vec::len).sum();
    let said = words::privacy::exported(
        path.display(),
        id,
        rows,
        export.tables.len(),
        export.audit.len(),
    );
    writeln!(out, "{said}")?;
    Ok(())
}

/// What `person letter` adds to the record: the worker's words and details.
pub struct LetterOptions<'a> {
    pub format: crate::io::letter::LetterFormat,
    pub summary: Option<&'a str>,
    pub actions: &'a [String],
    pub worker_name: Option<&'a str>,
    pub worker_contact: Option<&'a str>,
    /// `--from NAME`: the worker's name for this letter and their later ones.
    pub from: Option<&'a str>,
}

/// Longest summary or action a letter takes: a page, not a pasted record.
pub(crate) const MAX_LETTER_TEXT_BYTES: usize = 16 * 1024;

/// `caseload person letter ID`: the letter back to the referrer or GP. Built
/// from the record without any conversation note text; to a file, written 0600.
pub fn person_letter(
    store: &mut Store,
    id: i64,
    options: &LetterOptions,
    path: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> CliResult {
    for text in options
        .summary
        .iter()
        .copied()
        .chain(options.actions.iter().map(String::as_str))
    {
        crate::domain::limits::check_bytes("the summary or action", text, MAX_LETTER_TEXT_BYTES)
            .map_err(|e| CliError::User(words::nothing_written(e)))?;
    }
    let from = options
        .from
        .map(crate::domain::letter::check_worker_name)
        .transpose()
        .map_err(|e| CliError::User(words::nothing_written(format!("--from: {e}"))))?;
    let records = store.notes().letter_records(id)?;
    let worker_name = match (from, options.worker_name) {
        (Some(from), _) => {
            store.settings_mut().set_letter_name(&from)?;
            Some(from)
        }
        (None, Some(name)) => Some(name.to_string()),
        (None, None) => store.settings().letter_signatory()?,
    };
    let letter = records.letter(
        store.clock().today(),
        crate::domain::letter::LetterAdditions {
            actions: options.actions,
            summary: options.summary,
            worker_name: worker_name.as_deref(),
            worker_contact: options.worker_contact,
        },
    );
    let text = crate::io::letter::render(&letter, options.format);
    store
        .people_mut()
        .audit_disclosure(id, Disclosure::Letter)?;
    match path {
        None => out.write_all(for_terminal(&text).as_bytes())?,
        Some(path) => {
            write_private_file(path, text.as_bytes(), force)?;
            writeln!(
                out,
                "{}",
                words::privacy::letter_written(path.display(), id)
            )?;
        }
    }
    if worker_name.is_none() {
        eprintln!("{}", words::privacy::UNSIGNED_LETTER);
    }
    Ok(())
}

impl LetterFormatArg {
    pub(crate) fn letter_format(self) -> crate::io::letter::LetterFormat {
        match self {
            LetterFormatArg::Text => crate::io::letter::LetterFormat::Text,
            LetterFormatArg::Markdown => crate::io::letter::LetterFormat::Markdown,
        }
    }
}

/// `--summary`: the text itself, or `-` to read it from standard input.
pub(crate) fn letter_summary(arg: Option<&str>) -> CliResult<Option<String>> {
    match arg {
        Some("-") => {
            let mut buf = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf)
                .map_err(|e| CliError::User(words::files::no_stdin("the summary", e)))?;
            Ok(Some(buf))
        }
        other => Ok(other.map(str::to_string)),
    }
}
