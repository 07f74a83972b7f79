//! `caseload note`, `remind`, `followup` and `calendar`: conversations and follow-ups.

use super::*;

#[derive(Debug, Subcommand)]
pub enum FollowupCommand {
    /// Add a follow-up about a person
    Add {
        #[arg(long, value_name = "ID")]
        person: i64,
        /// Due day: 2026-12-01, 01/12/2026, +3d, tomorrow, ...
        #[arg(long, value_name = "DATE")]
        due: String,
        #[arg(long)]
        text: String,
    },
    /// Change what a follow-up says; refused if it changed since --version
    Edit {
        id: i64,
        /// The version you read (`caseload remind --format json`)
        #[arg(long)]
        version: i64,
        #[arg(long, value_name = "DATE")]
        due: String,
        #[arg(long)]
        text: String,
    },
    /// Mark a follow-up done, with what happened if you want to say
    Done {
        id: i64,
        /// What happened, e.g. "no answer, try again"
        #[arg(long, value_name = "TEXT")]
        outcome: Option<String>,
    },
    /// List follow-ups: the open ones, or with --done the done ones and their outcomes
    List {
        /// The done ones, most recently done first, with their outcomes
        #[arg(long)]
        done: bool,
        /// Only those about this person
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a conversation note; the text comes from --text or standard input
    Add {
        person_id: i64,
        /// what_matters, follow_up, phone, visit, accompanied or other
        #[arg(long, default_value = "other")]
        kind: String,
        #[arg(long)]
        text: Option<String>,
    },
}

/// Adds a note now. Reading stdin lets a note be piped or typed with heredocs.
pub fn note_add(
    store: &mut Store,
    person_id: i64,
    kind: &str,
    text: Option<&str>,
    out: &mut dyn Write,
) -> CliResult {
    let kind = ConversationKind::parse(kind)
        .ok_or_else(|| CliError::User(words::notes::unknown_kind(&quote(kind, 20))))?;
    let body = match text {
        Some(t) => t.to_string(),
        None => {
            let mut buf = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf)
                .map_err(|e| CliError::User(words::files::no_stdin("the note", e)))?;
            buf
        }
    };
    store.people().get(person_id)?;
    let note = NewNote {
        person_id,
        kind,
        occurred_at: store.clock().now(),
        body,
        amends: None,
    };
    let note = note
        .validate()
        .map_err(|e| CliError::User(words::nothing_saved(e)))?;
    let id = store.notes_mut().add(&note)?;
    writeln!(out, "{id}")?;
    Ok(())
}

/// `caseload remind`: the agenda's overdue, today's and (with `--days N`) the
/// next N days' follow-ups, grouped and worded as in pane 4, then the people
/// who have gone quiet (unless switched off). Always exit 0 when it worked.
pub fn remind(
    store: &Store,
    now: chrono::NaiveDateTime,
    days: u32,
    whose: &WorkerFilter,
    format: ShowFormat,
    out: &mut dyn Write,
) -> CliResult {
    use crate::domain::date::shown_with_weekday;
    use crate::domain::follow_up::{Bucket, QUIET_DAYS};
    use crate::domain::setting::Setting;
    use crate::domain::text::{display_safe, pad};
    let today = now.date();
    let horizon = today + chrono::Duration::days(i64::from(days));
    let mut due: Vec<(Bucket, crate::domain::FollowUp)> = store
        .follow_ups()
        .open_of(whose.login())?
        .into_iter()
        .map(|r| (r.bucket(now), r))
        .filter(|(b, r)| *b == Bucket::Overdue || r.effective_due() <= horizon)
        .collect();
    // Stable: due order within each group, as in pane 4.
    due.sort_by_key(|(b, _)| *b);
    // A worker's agenda: only their own people gone quiet.
    let quiet = if store.settings().get(Setting::ShowGoneQuiet)? {
        store
            .follow_ups()
            .gone_quiet_of(today, QUIET_DAYS, whose.login())?
    } else {
        Vec::new()
    };
    if format == ShowFormat::Json {
        let items: Vec<serde_json::Value> = due
            .iter()
            .map(|(b, r)| {
                serde_json::json!({
                    "id": r.id,
                    "bucket": b.label(),
                    "due_on": crate::domain::date::iso(r.effective_due()),
                    "due_time": r.due_time,
                    "person_id": r.person_id,
                    "service_id": r.service_id,
                    "about": r.about,
                    "about_closed": r.about_closed,
                    "about_deleted": r.about_deleted,
                    "text": r.text,
                })
            })
            .collect();
        let quiet: Vec<serde_json::Value> = quiet
            .iter()
            .map(|q| {
                serde_json::json!({
                    "person_id": q.person_id,
                    "name": q.name,
                    "last_contact": crate::domain::date::iso(q.last_contact),
                    "days_quiet": q.days_quiet(today),
                })
            })
            .collect();
        let value = serde_json::json!({
            "today": crate::domain::date::iso(today),
            "days": days,
            "overdue": due.iter().filter(|(b, _)| *b == Bucket::Overdue).count(),
            "due": items,
            "gone_quiet": quiet,
        });
        serde_json::to_writer_pretty(&mut *out, &value).map_err(json_err)?;
        writeln!(out)?;
        return Ok(());
    }
    let overdue = due.iter().filter(|(b, _)| *b == Bucket::Overdue).count();
    let window = words::notes::window(days);
    if due.is_empty() {
        writeln!(out, "{}", words::notes::nothing_due(&window))?;
    } else {
        let said = words::notes::due(overdue, due.len() - overdue, &window);
        writeln!(out, "{said}")?;
    }
    let mut last = None;
    for (b, r) in &due {
        if last != Some(*b) {
            writeln!(out, "{}", b.label())?;
            last = Some(*b);
        }
        let mark = if *b == Bucket::Overdue { "! " } else { "  " };
        let line = format!(
            "{mark}{} {}  {}  #{} {}",
            pad(&shown_with_weekday(r.effective_due()), 15),
            pad(r.due_time.as_deref().unwrap_or(""), 5),
            pad(&display_safe(&r.about_label()), 20),
            r.id,
            for_terminal_line(first_line(&r.text))
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    if !quiet.is_empty() {
        writeln!(out, "{}", words::notes::gone_quiet(QUIET_DAYS))?;
        for q in &quiet {
            let line = format!(
                "  {} {}  {}  {}",
                pad(&shown_with_weekday(q.last_contact), 15),
                pad("", 5),
                pad(&display_safe(&q.name), 20),
                words::notes::days_quiet(q.days_quiet(today))
            );
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// `caseload calendar --out FILE.ics`: every open follow-up as an event with
/// an alarm, and no personal data. Written to a temporary file beside the
/// target and renamed, so a calendar app never reads half a file.
pub fn calendar(
    store: &Store,
    path: &Path,
    dtstamp: chrono::DateTime<chrono::Utc>,
    whose: &WorkerFilter,
    out: &mut dyn Write,
) -> CliResult {
    let follow_ups = store.follow_ups().open_of(whose.login())?;
    let text = crate::io::ics::calendar(
        &follow_ups,
        &store.settings().database_id()?,
        dtstamp,
        crate::clock::local_to_utc,
    );
    write_private_file(path, text.as_bytes(), true)?;
    let said = words::notes::calendar_written(path.display(), follow_ups.len());
    writeln!(out, "{said}")?;
    Ok(())
}

/// `caseload followup add|edit`.
pub fn followup(store: &mut Store, cmd: &FollowupCommand, out: &mut dyn Write) -> CliResult {
    let today = store.clock().today();
    let check = |due: &str, text: &str, person_id: Option<i64>| {
        crate::domain::follow_up::FollowUpInput {
            date: due.to_string(),
            time: String::new(),
            text: text.to_string(),
        }
        .validate(person_id, None, today)
        .map_err(|errors| {
            let first = errors
                .first()
                .map(|e| e.message.clone())
                .unwrap_or_default();
            CliError::User(words::nothing_saved(first))
        })
    };
    match cmd {
        FollowupCommand::Add { person, due, text } => {
            store.people().get(*person)?;
            let d = check(due, text, Some(*person))?;
            let id = store
                .follow_ups_mut()
                .add(d.person_id, None, d.due_on, None, &d.text)?;
            writeln!(out, "{id}")?;
        }
        FollowupCommand::Edit {
            id,
            version,
            due,
            text,
        } => {
            let current = store.follow_ups().get(*id)?;
            let d = check(due, text, current.person_id)?;
            store
                .follow_ups_mut()
                .update(*id, *version, d.due_on, None, &d.text)?;
            writeln!(out, "{id}")?;
        }
        FollowupCommand::Done { id, outcome } => {
            let outcome = crate::domain::follow_up::parse_outcome(outcome.as_deref().unwrap_or(""))
                .map_err(|e| CliError::User(words::nothing_saved(e)))?;
            let current = store.follow_ups().get(*id)?;
            if current.done_at.is_some() {
                return Err(CliError::User(words::notes::already_done(*id)));
            }
            store
                .follow_ups_mut()
                .complete_with(*id, outcome.as_deref())?;
            writeln!(out, "{id}")?;
        }
        FollowupCommand::List {
            done,
            person,
            format,
        } => return followup_list(store, *done, *person, *format, out),
    }
    Ok(())
}

/// `caseload followup list [--done] [--person ID]`: open follow-ups soonest
/// first, or done ones most recently done first with their outcomes.
pub fn followup_list(
    store: &Store,
    done: bool,
    person: Option<i64>,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    use crate::domain::FollowUp;
    let rows: Vec<FollowUp> = match (done, person) {
        (true, None) => store.follow_ups().done(i64::MAX as usize)?,
        (false, None) => store.follow_ups().open()?,
        (_, Some(id)) => {
            store.people().get(id)?;
            let mut rows: Vec<FollowUp> = store
                .follow_ups()
                .for_person(id)?
                .into_iter()
                .filter(|r| r.done_at.is_some() == done)
                .collect();
            if done {
                rows.sort_by(|a, b| b.done_at.cmp(&a.done_at).then(b.id.cmp(&a.id)));
            } else {
                rows.sort_by_key(|r| (r.effective_due(), r.due_time.clone(), r.id));
            }
            rows
        }
    };
    let done_day = |r: &FollowUp| {
        r.done_at
            .as_deref()
            .and_then(|d| d.get(..10))
            .unwrap_or("")
            .to_string()
    };
    Listing {
        rows: &rows,
        table_header: &["ID", "DUE", "DONE", "ABOUT", "TEXT", "OUTCOME"],
        max_width: 40,
        table_row: &|r| {
            vec![
                format!("#{}", r.id),
                iso(r.effective_due()),
                done_day(r),
                for_terminal_line(&r.about_label()).into_owned(),
                for_terminal_line(first_line(&r.text)).into_owned(),
                for_terminal_line(r.outcome.as_deref().unwrap_or("")).into_owned(),
            ]
        },
        csv_header: &[
            "id",
            "due_on",
            "done_at",
            "person_id",
            "about",
            "text",
            "outcome",
        ],
        csv_row: &|r| {
            vec![
                r.id.to_string(),
                iso(r.effective_due()),
                r.done_at.clone().unwrap_or_default(),
                r.person_id.map(|p| p.to_string()).unwrap_or_default(),
                r.about.clone().unwrap_or_default(),
                r.text.clone(),
                r.outcome.clone().unwrap_or_default(),
            ]
        },
    }
    .write(format, &rows, out)
}
