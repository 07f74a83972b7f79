//! `caseload person ...`: adding, listing and showing people, their status and worker.

mod args;
mod show;

pub use args::*;
pub use show::person_show;

use super::*;

pub(crate) fn parse_status_filter(s: &str) -> CliResult<Vec<Status>> {
    if s.eq_ignore_ascii_case("open") {
        return Ok(Status::ALL.into_iter().filter(|s| s.is_open()).collect());
    }
    if s.eq_ignore_ascii_case("all") {
        return Ok(Status::ALL.to_vec());
    }
    Status::parse(s)
        .map(|s| vec![s])
        .ok_or_else(|| CliError::User(words::person::unknown_status(&quote(s, 20))))
}

pub(crate) const LIST_COLUMNS: [&str; 10] = [
    "id",
    "given_name",
    "family_name",
    "preferred_name",
    "status",
    "referral_source",
    "referral_reason",
    "referred_on",
    "next_follow_up",
    "risk",
];

pub(crate) fn csv_row(p: &PersonRow) -> [String; 10] {
    [
        p.id.to_string(),
        p.given_name.clone(),
        p.family_name.clone(),
        p.preferred_name.clone().unwrap_or_default(),
        p.status.as_str().into(),
        p.referral_source.clone(),
        p.referral_reason.clone().unwrap_or_default(),
        opt_date(p.referred_on),
        opt_date(p.next_follow_up),
        if p.risk { "yes" } else { "no" }.into(),
    ]
}

pub fn person_list(
    store: &Store,
    status: Option<&str>,
    whose: &WorkerFilter,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    let statuses = status.map(parse_status_filter).transpose()?;
    let people = store.people().list_of(statuses.as_deref(), whose.login())?;
    // A team file's list says whose each person is, unless it is one worker's.
    let team = whose.login().is_none() && people.iter().any(|p| p.assigned_worker.is_some());
    let mut header = vec!["ID", "NAME", "STATUS", "SOURCE", "REFERRED", "NEXT", "RISK"];
    if team {
        header.push("WORKER");
    }
    let table_row = |p: &PersonRow| {
        let mut row = vec![
            p.id.to_string(),
            p.display_name(),
            p.status.as_str().into(),
            p.referral_source.clone(),
            opt_date(p.referred_on),
            opt_date(p.next_follow_up),
            if p.risk { "RISK" } else { "" }.into(),
        ];
        if team {
            row.push(for_terminal_line(p.assigned_worker.as_deref().unwrap_or("-")).into_owned());
        }
        row
    };
    Listing {
        rows: &people,
        table_header: &header,
        max_width: 32,
        table_row: &table_row,
        csv_header: &LIST_COLUMNS,
        csv_row: &|p| csv_row(p).to_vec(),
    }
    .write(format, &people, out)
}

pub fn person_add(
    store: &mut Store,
    input: &PersonInput,
    allow_duplicate_nhs: bool,
    out: &mut dyn Write,
) -> CliResult {
    let details = checked(store, input.clone(), true)?;
    if let Some(nhs) = details
        .nhs_number
        .as_deref()
        .filter(|_| !allow_duplicate_nhs)
        && let Some(existing) = store.people().with_nhs_number(nhs)?
    {
        return Err(CliError::User(words::person::duplicate_nhs(existing)));
    }
    // A damaged table is refused before anything is written into it.
    store.check_people_tables()?;
    let id = store.people_mut().add(&details)?;
    writeln!(out, "{id}")?;
    Ok(())
}

/// `input` checked as the form checks it, every problem named at once; a
/// referral source given on the command line is mapped to the one coded list
/// the form offers ("GP" is the GP practice), or refused.
fn checked(
    store: &Store,
    mut input: PersonInput,
    source_given: bool,
) -> CliResult<crate::domain::person::PersonDetails> {
    if source_given && !input.referral_source.trim().is_empty() {
        input.referral_source = crate::domain::person::referral_source_from(
            &input.referral_source,
            &store.people().referral_sources()?,
        )
        .map_err(|m| CliError::User(words::nothing_saved(format!("--source: {m}"))))?;
    }
    input.validate(store.clock().today()).map_err(|errors| {
        let all: Vec<String> = errors.into_iter().map(|e| e.message).collect();
        CliError::User(words::nothing_saved(all.join("; ")))
    })
}

/// `caseload person edit ID`: each `(field, value)` of `changes` (the
/// schema's column names) replaces that field; the rest stay as stored.
pub fn person_edit(
    store: &mut Store,
    id: i64,
    changes: &[(&str, &str)],
    out: &mut dyn Write,
) -> CliResult {
    if changes.is_empty() {
        return Err(CliError::User(words::person::NOTHING_TO_CHANGE.into()));
    }
    let person = store.people().get(id)?;
    let mut input = PersonInput::from_details(&person.details);
    for (field, value) in changes {
        if let Some(slot) = input.get_mut(field) {
            *slot = value.to_string();
        }
    }
    let source_given = changes.iter().any(|(f, _)| *f == "referral_source");
    let details = checked(store, input, source_given)?;
    store.people_mut().update(id, person.version, &details)?;
    writeln!(out, "{id}")?;
    Ok(())
}

/// `caseload person assign ID --worker LOGIN [--note TEXT]`: a handover.
pub fn person_assign(
    store: &mut Store,
    id: i64,
    login: &str,
    note: Option<&str>,
    out: &mut dyn Write,
) -> CliResult {
    if let Some(n) = note {
        crate::domain::limits::check_bytes("the note", n, crate::domain::limits::MAX_TEXT_BYTES)
            .map_err(|e| CliError::User(words::nothing_saved(e)))?;
    }
    store.workers_mut().assign(id, login, note)?;
    let to = for_terminal_line(login.trim());
    writeln!(out, "{}", words::person::handed_over(id, &to))?;
    Ok(())
}

/// `caseload person status ID --to STATUS [--reason R]`, dated today.
pub fn person_status(
    store: &mut Store,
    id: i64,
    to: &str,
    reason: &str,
    out: &mut dyn Write,
) -> CliResult {
    let to = Status::parse(to.trim())
        .ok_or_else(|| CliError::User(words::person::bad_status(&quote(to, 20))))?;
    let person = store.people().get(id)?;
    let change = crate::domain::person::validate_status_change(
        person.status,
        to,
        reason,
        store.clock().today(),
    )
    .map_err(|e| CliError::User(format!("person {id}: {e}")))?;
    store.people_mut().set_status(id, person.version, &change)?;
    writeln!(out, "{}", words::person::now(id, to.as_str()))?;
    Ok(())
}

/// Runs `caseload person ...`, opening the store as the command needs it.
pub(crate) fn run_person(
    cli: &Cli,
    cmd: &PersonCommand,
    clock: &Clock,
    config: &Config,
    out: &mut dyn Write,
) -> CliResult {
    match cmd {
        PersonCommand::List {
            status,
            worker,
            format,
        } => {
            let store = open_for_reading(cli, clock, config)?;
            let whose = resolve_worker(&store, worker.as_deref())?;
            person_list(&store, status.as_deref(), &whose, *format, out)
        }
        PersonCommand::Assign { id, worker, note } => {
            let mut store = open_writer(cli, clock, config)?;
            person_assign(&mut store, *id, worker, note.as_deref(), out)
        }
        PersonCommand::Status { id, to, reason } => {
            let mut store = open_writer(cli, clock, config)?;
            person_status(&mut store, *id, to, reason, out)
        }
        PersonCommand::Add {
            given,
            family,
            fields,
            nhs_number,
            dob,
            allow_duplicate_nhs,
            sex,
            ethnicity,
            carer,
            referred_on,
            consent_on,
        } => {
            let text = |o: &Option<String>| o.clone().unwrap_or_default();
            let mut input = PersonInput {
                given_name: given.clone(),
                family_name: family.clone(),
                referred_on: text(referred_on),
                nhs_number: text(nhs_number),
                date_of_birth: text(dob),
                consent_recorded_on: text(consent_on),
                sex: text(sex),
                ethnicity: text(ethnicity),
                carer: text(carer),
                ..Default::default()
            };
            for (field, value) in fields.changes() {
                if let Some(slot) = input.get_mut(field) {
                    *slot = value.to_string();
                }
            }
            let mut store = open_writer(cli, clock, config)?;
            person_add(&mut store, &input, *allow_duplicate_nhs, out)
        }
        PersonCommand::Edit {
            id,
            given,
            family,
            fields,
        } => {
            let names = [("given_name", given), ("family_name", family)];
            let changes: Vec<(&str, &str)> = names
                .into_iter()
                .filter_map(|(field, value)| Some((field, value.as_deref()?)))
                .chain(fields.changes())
                .collect();
            let mut store = open_writer(cli, clock, config)?;
            person_edit(&mut store, *id, &changes, out)
        }
        PersonCommand::Erase { id, yes, reason } => {
            let mut store = open_writer(cli, clock, config)?;
            person_erase(&mut store, *id, *yes, reason, out)
        }
        PersonCommand::Export {
            id,
            format,
            out: path,
            force,
        } => person_export(
            &mut open_for_disclosure(cli, clock, config, *id)?,
            *id,
            *format,
            path.as_deref(),
            *force,
            out,
        ),
        PersonCommand::Letter {
            id,
            out: path,
            force,
            format,
            summary,
            actions,
            from,
        } => {
            let summary = letter_summary(summary.as_deref())?;
            let letter = LetterOptions {
                format: format.letter_format(),
                summary: summary.as_deref(),
                actions,
                worker_name: config
                    .worker_name
                    .as_deref()
                    .or(config.display_name.as_deref()),
                worker_contact: config.worker_contact.as_deref(),
                from: from.as_deref(),
            };
            person_letter(
                &mut open_for_disclosure(cli, clock, config, *id)?,
                *id,
                &letter,
                path.as_deref(),
                *force,
                out,
            )
        }
        PersonCommand::Show { id, format } => person_show(
            &open_record_reader(cli, clock, config, *id)?,
            *id,
            *format,
            out,
        ),
    }
}
