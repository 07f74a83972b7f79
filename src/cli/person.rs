//! `caseload person ...`: adding, listing and showing people, their status and worker.

use super::*;

// Parsed once per run: the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Erase a person and every record about them, leaving no byte behind (asks for their name)
    Erase {
        id: i64,
        /// Do not ask for the name (for scripts)
        #[arg(long)]
        yes: bool,
        /// Why, for the audit tombstone (never a name)
        #[arg(long, default_value = "erasure request")]
        reason: String,
    },
    /// Subject access: everything held about a person, as JSON or text for them to read (stdout or a 0600 file)
    Export {
        id: i64,
        /// json: every row, for a machine; text: for the person to read
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file (mode 0600) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// The letter back to the referrer or GP (PRSB headings); never any note text
    Letter {
        id: i64,
        /// Write to this file (mode 0600) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value_t = LetterFormatArg::Text)]
        format: LetterFormatArg,
        /// The summary you write for the GP ("-": read it from standard input)
        #[arg(long, value_name = "TEXT")]
        summary: Option<String>,
        /// An action you ask the GP or referrer to take (repeat for more); none: "No actions required"
        #[arg(long = "action", value_name = "TEXT")]
        actions: Vec<String>,
        /// Your name, to sign the letter (kept for your later letters); needed
        /// once when neither config.toml nor the team's workers name you
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
    },
    /// List people
    List {
        /// Only this status: referred, active, paused, closed, declined, or open
        #[arg(long)]
        status: Option<String>,
        /// Whose caseload: me, all, or a worker's login (default: yours, if you are a link worker)
        #[arg(long, value_name = "me|all|LOGIN")]
        worker: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Add a person (status: referred)
    Add {
        #[arg(long)]
        given: String,
        #[arg(long)]
        family: String,
        /// Referral source, e.g. "GP practice"
        #[arg(long)]
        source: Option<String>,
        /// Reason for referral
        #[arg(long)]
        reason: Option<String>,
        /// Who referred them, e.g. "Dr A Patel" (the letter back is addressed to them)
        #[arg(long = "referrer-name", value_name = "NAME")]
        referrer_name: Option<String>,
        /// The referrer's practice or organisation, e.g. "Hyde Park Surgery"
        #[arg(long = "referrer-org", value_name = "ORGANISATION")]
        referrer_org: Option<String>,
        #[arg(long = "nhs-number")]
        nhs_number: Option<String>,
        /// Date of birth, YYYY-MM-DD or DD/MM/YYYY
        #[arg(long)]
        dob: Option<String>,
        /// Add even if someone already has this NHS number
        #[arg(long)]
        allow_duplicate_nhs: bool,
        /// Sex (equality monitoring): female, male or "prefer not to say"
        #[arg(long)]
        sex: Option<String>,
        /// Ethnicity: an ONS 2021 group or category (e.g. Indian, White, "Other Black"), or "prefer not to say"
        #[arg(long)]
        ethnicity: Option<String>,
        /// Unpaid carer: yes, no or "prefer not to say"
        #[arg(long)]
        carer: Option<String>,
        /// GP practice ODS code, e.g. B82005
        #[arg(long = "gp-practice", value_name = "ODS")]
        gp_practice: Option<String>,
        /// What they like to be called
        #[arg(long)]
        preferred: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        postcode: Option<String>,
        /// The day of the referral, for one made earlier (default: today)
        #[arg(long = "referred-on", value_name = "DATE")]
        referred_on: Option<String>,
        /// A risk to know before visiting (shown in red wherever they are)
        #[arg(long, value_name = "TEXT")]
        risk: Option<String>,
        /// The day they consented to social prescribing and their record
        #[arg(long = "consent-on", value_name = "DATE")]
        consent_on: Option<String>,
    },
    /// Change a person's details: only the fields given change ("" clears one)
    Edit {
        id: i64,
        #[arg(long)]
        given: Option<String>,
        #[arg(long)]
        family: Option<String>,
        /// What they like to be called
        #[arg(long)]
        preferred: Option<String>,
        /// Referral source, e.g. "GP practice"
        #[arg(long)]
        source: Option<String>,
        /// Reason for referral
        #[arg(long)]
        reason: Option<String>,
        /// Who referred them, e.g. "Dr A Patel"
        #[arg(long = "referrer-name", value_name = "NAME")]
        referrer_name: Option<String>,
        /// The referrer's practice or organisation, e.g. "Hyde Park Surgery"
        #[arg(long = "referrer-org", value_name = "ORGANISATION")]
        referrer_org: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        postcode: Option<String>,
        /// GP practice ODS code, e.g. B82005
        #[arg(long = "gp-practice", value_name = "ODS")]
        gp_practice: Option<String>,
        /// A risk to know before visiting
        #[arg(long, value_name = "TEXT")]
        risk: Option<String>,
    },
    /// Hand a person over to another worker, with a note (their open follow-ups go too)
    Assign {
        id: i64,
        /// The worker's login
        #[arg(long, value_name = "LOGIN")]
        worker: String,
        /// The handover note (shown in their status history)
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Move a person to a new status (referred -> active/declined, active <-> paused -> closed)
    Status {
        id: i64,
        #[arg(long, value_name = "STATUS")]
        to: String,
        /// Why (required for closed and declined)
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Show one person
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ShowFormat {
    Table,
    Json,
}

pub(crate) fn parse_status_filter(s: &str) -> CliResult<Vec<Status>> {
    if s.eq_ignore_ascii_case("open") {
        return Ok(Status::ALL.into_iter().filter(|s| s.is_open()).collect());
    }
    if s.eq_ignore_ascii_case("all") {
        return Ok(Status::ALL.to_vec());
    }
    Status::parse(s).map(|s| vec![s]).ok_or_else(|| {
        CliError::User(format!(
            "unknown status {}; use referred, active, paused, closed, declined, open or all",
            quote(s, 20)
        ))
    })
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
    let people = store.list_people_of(statuses.as_deref(), whose.login())?;
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
    let mut input = input.clone();
    if !input.referral_source.trim().is_empty() {
        // One coded list, as the form offers: "GP" is the GP practice.
        input.referral_source = crate::domain::person::referral_source_from(
            &input.referral_source,
            &store.referral_sources()?,
        )
        .map_err(|m| CliError::User(format!("--source: {m}; nothing saved")))?;
    }
    let details = input.validate(store.clock().today()).map_err(|errors| {
        let all: Vec<String> = errors.into_iter().map(|e| e.message).collect();
        CliError::User(format!("{}; nothing saved", all.join("; ")))
    })?;
    if let Some(nhs) = details
        .nhs_number
        .as_deref()
        .filter(|_| !allow_duplicate_nhs)
        && let Some(existing) = store.person_with_nhs_number(nhs)?
    {
        return Err(CliError::User(format!(
            "person {existing} already has this NHS number; check it is not the same person, or pass --allow-duplicate-nhs; nothing saved"
        )));
    }
    // A damaged table is refused before anything is written into it.
    store.check_people_tables()?;
    let id = store.add_person(&details)?;
    writeln!(out, "{id}")?;
    Ok(())
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
        return Err(CliError::User(
            "nothing to change: give a field, e.g. --referrer-name \"Dr A Patel\"".into(),
        ));
    }
    let person = store.get_person(id)?;
    let mut input = PersonInput::from_details(&person.details);
    for (field, value) in changes {
        if let Some(slot) = input.get_mut(field) {
            *slot = value.to_string();
        }
    }
    if changes.iter().any(|(f, _)| *f == "referral_source")
        && !input.referral_source.trim().is_empty()
    {
        input.referral_source = crate::domain::person::referral_source_from(
            &input.referral_source,
            &store.referral_sources()?,
        )
        .map_err(|m| CliError::User(format!("--source: {m}; nothing saved")))?;
    }
    let details = input.validate(store.clock().today()).map_err(|errors| {
        let all: Vec<String> = errors.into_iter().map(|e| e.message).collect();
        CliError::User(format!("{}; nothing saved", all.join("; ")))
    })?;
    store.update_person(id, person.version, &details)?;
    writeln!(out, "{id}")?;
    Ok(())
}

pub fn person_show(store: &Store, id: i64, format: ShowFormat, out: &mut dyn Write) -> CliResult {
    let person = store.get_person(id)?;
    let history = store.status_history(id)?;
    let conversations = store.conversations(id)?;
    let goals = store.goals(id)?;
    let measures = store.measures(id)?;
    match format {
        ShowFormat::Json => {
            let value = serde_json::json!({
                "person": person,
                "status_history": history,
                "conversations": conversations,
                "goals": goals,
                "measures": measures,
            });
            serde_json::to_writer_pretty(&mut *out, &value).map_err(json_err)?;
            writeln!(out)?;
        }
        ShowFormat::Table => {
            let d = &person.details;
            let nhs = d
                .nhs_number
                .as_deref()
                .map(crate::domain::nhs_number::display);
            let fields: [(&str, Option<String>); 19] = [
                ("Name", Some(person.display_name())),
                ("Status", Some(person.status.as_str().to_string())),
                ("Status reason", person.status_reason.clone()),
                ("Referred on", d.referred_on.map(crate::domain::date::iso)),
                ("Referral source", Some(d.referral_source.clone())),
                ("Referred by", d.referrer()),
                ("Referral reason", d.referral_reason.clone()),
                (
                    "Date of birth",
                    d.date_of_birth.map(crate::domain::date::iso),
                ),
                ("NHS number", nhs),
                ("Phone", d.phone.clone()),
                ("Email", d.email.clone()),
                ("Address", d.address.clone()),
                ("Postcode", d.postcode.clone()),
                (
                    "Consent given",
                    d.consent_recorded_on.map(crate::domain::date::iso),
                ),
                ("Risk", d.risk_note.clone()),
                ("GP practice", d.gp_practice.clone()),
                ("Sex", d.sex.clone()),
                ("Ethnicity", d.ethnicity.clone()),
                ("Carer", d.carer.clone()),
            ];
            writeln!(out, "Person {}", person.id)?;
            for (label, value) in fields.iter().filter_map(|(l, v)| Some((l, v.as_ref()?))) {
                writeln!(out, "  {label:<16} {}", for_terminal_line(value))?;
            }
            writeln!(out, "Status history")?;
            for h in &history {
                let reason = h
                    .reason
                    .as_deref()
                    .map(|r| format!(" ({})", for_terminal_line(r)))
                    .unwrap_or_default();
                let what = match &h.handed_to {
                    Some(to) => format!("handed over to {}", for_terminal_line(to)),
                    None => h.status.as_str().to_string(),
                };
                writeln!(out, "  {} {what}{reason}", opt_date(h.changed_on))?;
            }
            writeln!(out, "Goals")?;
            for g in &goals {
                writeln!(
                    out,
                    "  [{}] {}",
                    g.status.as_str(),
                    for_terminal_line(&g.text)
                )?;
            }
            writeln!(out, "Wellbeing")?;
            for instrument in crate::domain::measure::Instrument::ALL {
                let of: Vec<_> = measures
                    .iter()
                    .filter(|m| m.instrument == instrument)
                    .collect();
                if let (Some(first), Some(latest)) = (of.first(), of.last()) {
                    for c in changes(instrument, &first.items, &latest.items) {
                        writeln!(
                            out,
                            "  {} {}: {} -> {}",
                            instrument.as_str(),
                            c.label,
                            c.first,
                            c.latest
                        )?;
                    }
                }
            }
            let entries = timeline(&conversations);
            writeln!(out, "Conversations: {}", entries.len())?;
            for c in entries.iter().take(5).map(|e| &e.current) {
                writeln!(
                    out,
                    "  {} {:<12} {}",
                    &c.occurred_at.get(..10).unwrap_or(""),
                    c.kind.label(),
                    for_terminal_line(first_line(&c.body))
                )?;
            }
        }
    }
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
            .map_err(|e| CliError::User(format!("{e}; nothing saved")))?;
    }
    store.assign_person(id, login, note)?;
    writeln!(
        out,
        "handed person {id} over to {}",
        for_terminal_line(login.trim())
    )?;
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
    let to = Status::parse(to.trim()).ok_or_else(|| {
        CliError::User(format!(
            "--to {}: use referred, active, paused, closed or declined",
            quote(to, 20)
        ))
    })?;
    let person = store.get_person(id)?;
    let change = crate::domain::person::validate_status_change(
        person.status,
        to,
        reason,
        store.clock().today(),
    )
    .map_err(|e| CliError::User(format!("person {id}: {e}")))?;
    store.set_status(id, person.version, &change)?;
    writeln!(out, "person {id} is now {}", to.as_str())?;
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
            source,
            reason,
            referrer_name,
            referrer_org,
            nhs_number,
            dob,
            allow_duplicate_nhs,
            sex,
            ethnicity,
            carer,
            gp_practice,
            preferred,
            phone,
            email,
            address,
            postcode,
            referred_on,
            risk,
            consent_on,
        } => {
            let text = |o: &Option<String>| o.clone().unwrap_or_default();
            let input = PersonInput {
                given_name: given.clone(),
                family_name: family.clone(),
                preferred_name: text(preferred),
                referral_source: text(source),
                referral_reason: text(reason),
                referrer_name: text(referrer_name),
                referrer_organisation: text(referrer_org),
                referred_on: text(referred_on),
                nhs_number: text(nhs_number),
                date_of_birth: text(dob),
                phone: text(phone),
                email: text(email),
                address: text(address),
                postcode: text(postcode),
                risk_note: text(risk),
                consent_recorded_on: text(consent_on),
                sex: text(sex),
                ethnicity: text(ethnicity),
                carer: text(carer),
                gp_practice: text(gp_practice),
                ..Default::default()
            };
            let mut store = open_writer(cli, clock, config)?;
            person_add(&mut store, &input, *allow_duplicate_nhs, out)
        }
        PersonCommand::Edit {
            id,
            given,
            family,
            preferred,
            source,
            reason,
            referrer_name,
            referrer_org,
            phone,
            email,
            address,
            postcode,
            gp_practice,
            risk,
        } => {
            let changes: Vec<(&str, &str)> = [
                ("given_name", given),
                ("family_name", family),
                ("preferred_name", preferred),
                ("referral_source", source),
                ("referral_reason", reason),
                ("referrer_name", referrer_name),
                ("referrer_organisation", referrer_org),
                ("phone", phone),
                ("email", email),
                ("address", address),
                ("postcode", postcode),
                ("gp_practice", gp_practice),
                ("risk_note", risk),
            ]
            .into_iter()
            .filter_map(|(field, value)| Some((field, value.as_deref()?)))
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
