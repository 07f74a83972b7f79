//! Command-line interface: clap definitions and one function per subcommand.
//! Every command goes through the same store as the TUI.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::service::STALE_AFTER_MONTHS;
use crate::domain::setting::Rules;
use crate::tui::keymap::Keymap;
use clap::{Parser, Subcommand, ValueEnum};

use crate::demo;
use crate::domain::conversation::{ConversationKind, NewNote, timeline};
use crate::domain::measure::changes;
use crate::domain::person::{PersonInput, Status};
use crate::domain::report::Period;
use crate::domain::text::{first_line, for_terminal, for_terminal_line, quote, spreadsheet_cell};
use crate::domain::worker::WorkerFilter;
use crate::io::table;
use crate::key_source::{self, Want};
use crate::store::{
    AuditEntry, AuditFilter, Key, Overwrite, PersonRow, RetentionDue, Store, StoreError,
    looks_encrypted,
};

#[derive(Debug, Parser)]
#[command(
    name = "caseload",
    version,
    about = "A keyboard-driven caseload manager for social prescribing link workers",
    after_help = "With no command, opens the app. Data: --db PATH, else $CASELOAD_DB, else the XDG data dir."
)]
pub struct Cli {
    /// Database file (created, mode 0600, by the app or a writing command if its folder exists)
    #[arg(long, env = "CASELOAD_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Open the app on a fresh temporary copy of the demo data (deleted on exit)
    #[arg(long)]
    pub demo: bool,
    /// Months after which an unverified directory entry is marked stale
    /// (default 12, or `stale_months` in config.toml)
    #[arg(long, env = "CASELOAD_STALE_MONTHS", global = true, value_name = "N")]
    pub stale_months: Option<u32>,
    /// Keys, settings and colours (default: $XDG_CONFIG_HOME/caseload/config.toml)
    #[arg(long, env = "CASELOAD_CONFIG", global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a demo database of fictional people and services
    Demo {
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Scale up to this many people with generated records
        #[arg(long)]
        people: Option<usize>,
        /// Scale up to this many services with generated records
        #[arg(long)]
        services: Option<usize>,
        /// Seed for the generator: the same seed gives the same data
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// People on the caseload
    #[command(subcommand)]
    Person(PersonCommand),
    /// Conversation notes
    #[command(subcommand)]
    Note(NoteCommand),
    /// Check the database's integrity and schema
    Check,
    /// People closed or declined at least N years ago, due for a retention review (nothing is erased)
    Retention {
        /// Years after closure or decline (default: retention_years in config.toml, else 8)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=crate::config::MAX_RETENTION_YEARS as i64))]
        years: Option<u32>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Who did what and when, by id (the audit trail holds no personal data)
    Audit {
        /// Only entries about this person (their record, notes, goals, measures, connections, follow-ups)
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
        /// Only entries on or after this day (YYYY-MM-DD, DD/MM/YYYY, yesterday, -7d, ...)
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The commissioner's figures for a period (default: this month to date)
    Report {
        /// A calendar month, YYYY-MM
        #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["quarter", "from", "to"])]
        month: Option<String>,
        /// A calendar quarter, YYYY-Qn (Q1 is January to March)
        #[arg(long, value_name = "YYYY-Qn", conflicts_with_all = ["from", "to"])]
        quarter: Option<String>,
        /// First day of the period (with --to)
        #[arg(long, value_name = "DATE", requires = "to")]
        from: Option<String>,
        /// Last day of the period (with --from)
        #[arg(long, value_name = "DATE", requires = "from")]
        to: Option<String>,
        /// Instead: one row per SNOMED CT coded event for the GP record (NHS number, date, concept id, term)
        #[arg(long)]
        codes: bool,
        /// Whose people every figure covers (their caseload at the period's end): me, all (default) or a login
        #[arg(long, value_name = "me|all|LOGIN")]
        worker: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Copy the database while it is in use (SQLite online backup), verified, mode 0600
    Backup {
        /// The backup file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Encrypt the database file in place (SQLCipher); the key comes from
    /// $CASELOAD_KEY_FILE, key_command in config.toml, or a prompt, never the command line
    Encrypt,
    /// Decrypt an encrypted database file in place, back to plain SQLite
    Decrypt,
    /// The effective keymap: context, command, keys, description
    Keys,
    /// Overdue and upcoming follow-ups, for a login script or cron (exit 0)
    Remind {
        /// Also list follow-ups due within this many days (0: overdue and today)
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=3650))]
        days: u32,
        /// Whose follow-ups: me, all, or a worker's login (default: yours, if you are a link worker)
        #[arg(long, value_name = "me|all|LOGIN")]
        worker: Option<String>,
        #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,
    },
    /// Write open follow-ups as an iCalendar file, with no personal details
    Calendar {
        /// The .ics file to write (replaced if it exists)
        #[arg(long, value_name = "FILE.ics")]
        out: PathBuf,
        /// Whose follow-ups: me, all, or a worker's login (default: yours, if you are a link worker)
        #[arg(long, value_name = "me|all|LOGIN")]
        worker: Option<String>,
    },
    /// Switch off (or on) the follow-ups the app offers by itself
    #[command(subcommand)]
    Config(ConfigCommand),
    /// The community directory: search, import, export
    #[command(subcommand)]
    Directory(DirectoryCommand),
    /// The link workers of a team sharing one file
    #[command(subcommand)]
    Worker(WorkerCommand),
    /// Follow-ups: add one from a script (the agenda itself is `caseload remind`)
    #[command(subcommand)]
    Followup(FollowupCommand),
    /// Set up a database file for a team on one server
    Init {
        /// A team file: folder setgid 2770 and database 0660, both to --group
        #[arg(long, requires = "group")]
        shared: bool,
        /// The OS group of the team (you must be in it)
        #[arg(long, value_name = "GROUP", requires = "shared")]
        group: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum WorkerCommand {
    /// Register a worker by their OS login
    Add {
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        /// link_worker (default) or coordinator (sees everyone's caseload by default)
        #[arg(long, default_value = "link_worker")]
        role: String,
    },
    /// Every worker, current ones first
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// A worker has left: kept for history, no longer assignable
    Retire { login: String },
}

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
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every setting
    List,
    /// Set one: offer_check_in or show_gone_quiet, to on or off
    Set { key: String, value: String },
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
pub enum Format {
    Table,
    Csv,
    Json,
}

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

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ShowFormat {
    Table,
    Json,
}

/// What went wrong, and so which exit code: 1 for the user's input, 2 for data or I/O.
#[derive(Debug)]
pub enum CliError {
    User(String),
    Data(String),
    /// The reader went away (`caseload person list | head`): stop quietly.
    Quiet,
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::User(_) => 1,
            CliError::Data(_) => 2,
            CliError::Quiet => 0,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            CliError::User(m) | CliError::Data(m) => m,
            CliError::Quiet => "",
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } | StoreError::Invalid(_) | StoreError::Conflict { .. } => {
                CliError::User(e.to_string())
            }
            _ => CliError::Data(e.to_string()),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::Quiet;
        }
        CliError::Data(format!("input/output error: {e}"))
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// `--db`, else `$CASELOAD_DB` (clap reads both), else the XDG data dir.
pub fn db_path(cli: &Cli) -> CliResult<PathBuf> {
    if let Some(p) = &cli.db {
        return Ok(p.clone());
    }
    directories::ProjectDirs::from("", "", "caseload")
        .map(|d| d.data_dir().join("caseload.db"))
        .ok_or_else(|| CliError::User("no home directory found; pass --db PATH".into()))
}

pub fn open_store(path: &Path, clock: &Clock) -> CliResult<Store> {
    Ok(Store::open(path, clock.clone())?)
}

/// The store for the app and writing commands. Only the default location's
/// folder is made (0700); a folder given with `--db` must exist, so a typo
/// fails instead of starting an empty caseload somewhere unexpected.
pub fn open_for_writing(cli: &Cli, clock: &Clock, config: &Config) -> CliResult<Store> {
    let path = db_path(cli)?;
    if cli.db.is_none()
        && let Some(dir) = path.parent()
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| CliError::Data(format!("cannot create {}: {e}", dir.display())))?;
    }
    let key = key_for(&path, config)?;
    Ok(Store::open_keyed(&path, clock.clone(), key)?)
}

/// The store for commands that only read: never created, migrated or locked
/// for writing, so a writer elsewhere does not hold them up.
pub fn open_for_reading(cli: &Cli, clock: &Clock, config: &Config) -> CliResult<Store> {
    let path = db_path(cli)?;
    let key = key_for(&path, config)?;
    Ok(Store::open_read_only_keyed(&path, clock.clone(), key)?)
}

/// The key, if the file is encrypted: asked for only then, so a plain
/// database never prompts.
fn key_for(path: &Path, config: &Config) -> CliResult<Option<Key>> {
    if !looks_encrypted(path) {
        return Ok(None);
    }
    key_source::obtain(config, path, Want::Existing)
        .map(Some)
        .map_err(CliError::Data)
}

/// The store for a writing command: every audit row it writes carries the
/// worker's `display_name` from config.toml beside their login.
fn open_writer(cli: &Cli, clock: &Clock, config: &Config) -> CliResult<Store> {
    let mut store = open_for_writing(cli, clock, config)?;
    store.set_actor_name(config.display_name.clone());
    Ok(store)
}

/// The store for a command that shows person `id`'s record: read-only, unless
/// config.toml has `audit_reads = true`; then the read is audited first
/// (action `read`, the id, no personal data), which needs a writable store.
fn open_record_reader(cli: &Cli, clock: &Clock, config: &Config, id: i64) -> CliResult<Store> {
    let reader = open_for_reading(cli, clock, config)?;
    if !config.audit_reads {
        return Ok(reader);
    }
    // Opened for reading first, so a missing file is still an error, never created.
    drop(reader);
    let mut store = open_writer(cli, clock, config)?;
    store.audit_read(id)?;
    Ok(store)
}

/// Runs a subcommand, writing results to `out`.
pub fn run(
    cli: &Cli,
    command: &Command,
    clock: &Clock,
    config: &Config,
    out: &mut dyn Write,
) -> CliResult {
    match command {
        Command::Demo {
            out: path,
            people,
            services,
            seed,
            force,
        } => write_demo(path, *people, *services, *seed, *force, clock, out),
        Command::Person(cmd) => match cmd {
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
                nhs_number,
                dob,
                allow_duplicate_nhs,
                sex,
                ethnicity,
                carer,
                gp_practice,
            } => {
                let text = |o: &Option<String>| o.clone().unwrap_or_default();
                let input = PersonInput {
                    given_name: given.clone(),
                    family_name: family.clone(),
                    referral_source: text(source),
                    referral_reason: text(reason),
                    nhs_number: text(nhs_number),
                    date_of_birth: text(dob),
                    sex: text(sex),
                    ethnicity: text(ethnicity),
                    carer: text(carer),
                    gp_practice: text(gp_practice),
                    ..Default::default()
                };
                let mut store = open_writer(cli, clock, config)?;
                person_add(&mut store, &input, *allow_duplicate_nhs, out)
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
                &open_record_reader(cli, clock, config, *id)?,
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
            } => {
                let format = match format {
                    LetterFormatArg::Text => crate::io::letter::LetterFormat::Text,
                    LetterFormatArg::Markdown => crate::io::letter::LetterFormat::Markdown,
                };
                let summary = match summary.as_deref() {
                    Some("-") => {
                        let mut buf = String::new();
                        std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf).map_err(
                            |e| {
                                CliError::User(format!(
                                    "cannot read the summary from standard input: {e}"
                                ))
                            },
                        )?;
                        Some(buf)
                    }
                    other => other.map(str::to_string),
                };
                let letter = LetterOptions {
                    format,
                    summary: summary.as_deref(),
                    actions,
                    worker_name: config
                        .worker_name
                        .as_deref()
                        .or(config.display_name.as_deref()),
                    worker_contact: config.worker_contact.as_deref(),
                };
                person_letter(
                    &open_for_reading(cli, clock, config)?,
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
        },
        Command::Note(NoteCommand::Add {
            person_id,
            kind,
            text,
        }) => {
            let mut store = open_writer(cli, clock, config)?;
            note_add(&mut store, *person_id, kind, text.as_deref(), out)
        }
        Command::Keys => {
            let ui =
                crate::tui::Ui::from_config(config).map_err(|e| CliError::User(e.to_string()))?;
            keys(&ui.keymap, out)
        }
        Command::Encrypt => encrypt(&db_path(cli)?, clock, config, out),
        Command::Decrypt => decrypt(&db_path(cli)?, clock, config, out),
        Command::Check => check(&open_for_reading(cli, clock, config)?, out),
        Command::Retention { years, format } => {
            let years = years
                .or(config.retention_years)
                .unwrap_or(DEFAULT_RETENTION_YEARS);
            let store = open_for_reading(cli, clock, config)?;
            retention(&store, clock.today(), years, *format, out)
        }
        Command::Audit {
            person,
            since,
            format,
        } => {
            let since = since
                .as_deref()
                .map(|d| crate::domain::date::parse_past_day(d, clock.today()))
                .transpose()
                .map_err(|e| CliError::User(format!("--since: {e}")))?;
            let filter = AuditFilter {
                person_id: *person,
                since,
            };
            audit(&open_for_reading(cli, clock, config)?, filter, *format, out)
        }
        Command::Report {
            month,
            quarter,
            from,
            to,
            codes,
            worker,
            format,
        } => {
            let period = report_period(
                clock.today(),
                month.as_deref(),
                quarter.as_deref(),
                from.as_deref().zip(to.as_deref()),
            )?;
            let days = config.rules.first_contact_days;
            let store = open_for_reading(cli, clock, config)?;
            if *codes {
                return report_codes(&store, &period, *format, out);
            }
            // The commissioner's figures are the whole team's unless asked.
            let whose = match worker.as_deref() {
                None => crate::domain::worker::WorkerFilter::All,
                Some(w) => resolve_worker(&store, Some(w))?,
            };
            report(&store, &period, days, &whose, *format, out)
        }
        Command::Backup { out: path, force } => {
            backup(&open_for_reading(cli, clock, config)?, path, *force, out)
        }
        Command::Remind {
            days,
            worker,
            format,
        } => {
            let store = open_for_reading(cli, clock, config)?;
            let whose = resolve_worker(&store, worker.as_deref())?;
            remind(&store, clock.now(), *days, &whose, *format, out)
        }
        Command::Calendar { out: path, worker } => {
            let store = open_for_reading(cli, clock, config)?;
            let whose = resolve_worker(&store, worker.as_deref())?;
            calendar(&store, path, clock.now_utc(), &whose, out)
        }
        Command::Worker(cmd) => match cmd {
            WorkerCommand::List { format } => {
                worker_list(&open_for_reading(cli, clock, config)?, *format, out)
            }
            _ => worker(&mut open_writer(cli, clock, config)?, cmd, out),
        },
        Command::Followup(cmd) => followup(&mut open_writer(cli, clock, config)?, cmd, out),
        Command::Init { shared, group } => match (shared, group) {
            (true, Some(group)) => init_shared(&db_path(cli)?, group, clock, config, out),
            _ => {
                // A single-user file: made 0600 by the store, as any writing command does.
                let store = open_writer(cli, clock, config)?;
                writeln!(out, "created {} (mode 0600)", store.path().display())?;
                Ok(())
            }
        },
        Command::Config(cmd) => {
            let mut store = match cmd {
                ConfigCommand::List => open_for_reading(cli, clock, config)?,
                ConfigCommand::Set { .. } => open_writer(cli, clock, config)?,
            };
            self::config(&mut store, cmd, out)
        }
        Command::Directory(cmd) => {
            let mut store = match cmd {
                DirectoryCommand::Import { dry_run: false, .. }
                | DirectoryCommand::Pull { dry_run: false, .. } => open_writer(cli, clock, config)?,
                _ => open_for_reading(cli, clock, config)?,
            };
            directory(&mut store, cmd, &config.rules, out)
        }
    }
}

/// Most people `demo --people` generates: ten times the benchmark caseload
/// (10,000), far beyond any real caseload (a link worker holds a few hundred).
/// Each person brings about ten notes, so this is about a million rows and a
/// few hundred MB held in memory while generating; more runs machines out of memory.
pub const MAX_DEMO_PEOPLE: usize = 100_000;
/// Most services `demo --services` generates: twice the 100k the directory
/// search target is measured at.
pub const MAX_DEMO_SERVICES: usize = 200_000;

fn check_demo_counts(people: Option<usize>, services: Option<usize>) -> CliResult {
    if people.is_some_and(|n| n > MAX_DEMO_PEOPLE) {
        return Err(CliError::User(format!(
            "--people can be at most {MAX_DEMO_PEOPLE} (enough for any benchmark)"
        )));
    }
    if services.is_some_and(|n| n > MAX_DEMO_SERVICES) {
        return Err(CliError::User(format!(
            "--services can be at most {MAX_DEMO_SERVICES} (enough for any benchmark)"
        )));
    }
    Ok(())
}

/// Creates a demo database, refusing to overwrite unless `force`. It is built
/// in a private temporary folder beside the target and renamed into place at
/// the end, so a crash or kill never leaves half a database at `path`.
pub fn write_demo(
    path: &Path,
    people: Option<usize>,
    services: Option<usize>,
    seed: u64,
    force: bool,
    clock: &Clock,
    out: &mut dyn Write,
) -> CliResult {
    check_demo_counts(people, services)?;
    if path.exists() && !force {
        return Err(CliError::User(format!(
            "{} already exists; choose another path or pass --force",
            path.display()
        )));
    }
    let cannot =
        |e: &dyn std::fmt::Display| CliError::Data(format!("cannot write {}: {e}", path.display()));
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    {
        // As for any new database: missing parent folders are made, private.
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| cannot(&e))?;
    }
    let tmp = tempfile::Builder::new()
        .prefix(".caseload-demo-")
        .tempdir_in(dir)
        .map_err(|e| cannot(&e))?;
    let built = tmp.path().join("demo.db");
    let mut store = open_store(&built, clock)?;
    let counts = build_demo(&mut store, people, services, seed)?;
    // Closing the last connection checkpoints the WAL into the file.
    drop(store);
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&built, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| cannot(&e))?;
    }
    // A stale -wal beside the old file would be replayed into the new one.
    for suffix in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(cannot(&e)),
            _ => {}
        }
    }
    std::fs::rename(&built, path).map_err(|e| cannot(&e))?;
    writeln!(
        out,
        "wrote {}: {} people, {} services",
        path.display(),
        counts.people_total,
        counts.services_total
    )?;
    Ok(())
}

/// Loads the hand-written demo, then tops it up with generated records.
pub fn build_demo(
    store: &mut Store,
    people: Option<usize>,
    services: Option<usize>,
    seed: u64,
) -> CliResult<crate::store::Counts> {
    check_demo_counts(people, services)?;
    let today = store.clock().today();
    store.load_demo()?;
    let base = store.counts(today, STALE_AFTER_MONTHS)?;
    let mut rng = demo::Rng::new(seed);
    let have_services = base.services_total as usize;
    let extra_services = services.unwrap_or(0).saturating_sub(have_services);
    let total_services = (have_services + extra_services) as u64;
    let gen_services = demo::services(&mut rng, have_services + 1, extra_services, today);
    let extra_people = people
        .unwrap_or(0)
        .saturating_sub(base.people_total as usize);
    let gen_people = demo::people(&mut rng, extra_people, total_services, today);
    store.insert_generated(&gen_people, &gen_services)?;
    Ok(store.counts(today, STALE_AFTER_MONTHS)?)
}

fn parse_status_filter(s: &str) -> CliResult<Vec<Status>> {
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

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::date::iso).unwrap_or_default()
}

const LIST_COLUMNS: [&str; 10] = [
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

fn csv_row(p: &PersonRow) -> [String; 10] {
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
    match format {
        Format::Table => {
            // A team file's list says whose each person is, unless it is one worker's.
            let team =
                whose.login().is_none() && people.iter().any(|p| p.assigned_worker.is_some());
            let rows: Vec<Vec<String>> = people
                .iter()
                .map(|p| {
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
                        row.push(
                            for_terminal_line(p.assigned_worker.as_deref().unwrap_or("-"))
                                .into_owned(),
                        );
                    }
                    row
                })
                .collect();
            let mut header = vec!["ID", "NAME", "STATUS", "SOURCE", "REFERRED", "NEXT", "RISK"];
            if team {
                header.push("WORKER");
            }
            out.write_all(table::render(&header, &rows, 32).as_bytes())?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(LIST_COLUMNS).map_err(csv_err)?;
            for p in &people {
                w.write_record(csv_row(p).map(|c| terminal_csv_cell(&c)))
                    .map_err(csv_err)?;
            }
            w.flush()?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &people).map_err(json_err)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// A CSV cell printed to standard output: safe in a spreadsheet (no formula
/// start) and in a terminal (no control sequences; newlines stay, quoted).
fn terminal_csv_cell(cell: &str) -> String {
    for_terminal(&spreadsheet_cell(cell)).into_owned()
}

fn csv_err(e: csv::Error) -> CliError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => CliError::Data(format!("cannot write CSV: {other:?}")),
    }
}

fn json_err(e: serde_json::Error) -> CliError {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::from(kind).into(),
        None => CliError::Data(format!("cannot write JSON: {e}")),
    }
}

pub fn person_add(
    store: &mut Store,
    input: &PersonInput,
    allow_duplicate_nhs: bool,
    out: &mut dyn Write,
) -> CliResult {
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
            let fields: [(&str, Option<String>); 16] = [
                ("Name", Some(person.display_name())),
                ("Status", Some(person.status.as_str().to_string())),
                ("Status reason", person.status_reason.clone()),
                ("Referred on", d.referred_on.map(crate::domain::date::iso)),
                ("Referral source", Some(d.referral_source.clone())),
                ("Referral reason", d.referral_reason.clone()),
                (
                    "Date of birth",
                    d.date_of_birth.map(crate::domain::date::iso),
                ),
                ("NHS number", nhs),
                ("Phone", d.phone.clone()),
                ("Email", d.email.clone()),
                ("Address", d.address.clone()),
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

pub fn check(store: &Store, out: &mut dyn Write) -> CliResult {
    let problems = store.check()?;
    if !problems.is_empty() {
        // This is the integrity check, so the advice is what to do next, not
        // to run it; detail is page numbers and table names, never contents.
        let shown: Vec<&str> = problems.iter().take(3).map(String::as_str).collect();
        let more = problems.len().saturating_sub(shown.len());
        let more = if more > 0 {
            format!("; and {more} more")
        } else {
            String::new()
        };
        let advice = if problems.iter().all(|p| p.starts_with("foreign key:")) {
            "the file is readable but inconsistent; ask for help before changing it"
        } else {
            "it is damaged; restore it from a backup made before the damage"
        };
        return Err(CliError::Data(
            format!(
                "{} problem(s) found in {}: {}{more}; {advice}",
                problems.len(),
                store.path().display(),
                shown.join("; ")
            )
            .replace(['\n', '\r'], " "),
        ));
    }
    let c = store.counts(store.clock().today(), STALE_AFTER_MONTHS)?;
    writeln!(
        out,
        "ok: schema {}, {} people ({} open), {} services, {} overdue follow-ups; {}",
        store.schema_version()?,
        c.people_total,
        c.people_open,
        c.services,
        c.reminders_overdue,
        if store.is_encrypted() {
            "encrypted (SQLCipher)"
        } else {
            "not encrypted"
        }
    )?;
    Ok(())
}

/// `caseload encrypt`: the file in place, through a verified copy.
pub fn encrypt(path: &Path, clock: &Clock, config: &Config, out: &mut dyn Write) -> CliResult {
    if looks_encrypted(path) {
        return Err(CliError::User(format!(
            "{} is already encrypted; nothing was changed",
            path.display()
        )));
    }
    // Opened once plain first, so a missing or damaged file is refused before any prompt.
    drop(Store::open_read_only(path, clock.clone())?);
    let key = key_source::obtain(config, path, Want::New).map_err(CliError::Data)?;
    let done = Store::convert_file(path, clock.clone(), None, Some(key))?;
    writeln!(
        out,
        "encrypted {} ({} tables, {} rows); keep the key safe: without it nobody can read the file, you included",
        path.display(),
        done.tables,
        done.rows
    )?;
    Ok(())
}

/// `caseload decrypt`: back to plain SQLite, through a verified copy.
pub fn decrypt(path: &Path, clock: &Clock, config: &Config, out: &mut dyn Write) -> CliResult {
    if !looks_encrypted(path) {
        drop(Store::open_read_only(path, clock.clone())?);
        return Err(CliError::User(format!(
            "{} is not encrypted; nothing was changed",
            path.display()
        )));
    }
    let key = key_source::obtain(config, path, Want::Existing).map_err(CliError::Data)?;
    let done = Store::convert_file(path, clock.clone(), Some(key), None)?;
    writeln!(
        out,
        "decrypted {} ({} tables, {} rows); it is now readable by anyone who can read the file",
        path.display(),
        done.tables,
        done.rows
    )?;
    Ok(())
}

/// Adds a note now. Reading stdin lets a note be piped or typed with heredocs.
pub fn note_add(
    store: &mut Store,
    person_id: i64,
    kind: &str,
    text: Option<&str>,
    out: &mut dyn Write,
) -> CliResult {
    let kind = ConversationKind::parse(kind).ok_or_else(|| {
        CliError::User(format!(
            "unknown kind {}; use what_matters, follow_up, phone, visit, accompanied or other",
            quote(kind, 20)
        ))
    })?;
    let body = match text {
        Some(t) => t.to_string(),
        None => {
            let mut buf = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf).map_err(|e| {
                CliError::User(format!("cannot read the note from standard input: {e}"))
            })?;
            buf
        }
    };
    store.get_person(person_id)?;
    let note = NewNote {
        person_id,
        kind,
        occurred_at: store.clock().now(),
        body,
        amends: None,
    };
    let note = note
        .validate()
        .map_err(|e| CliError::User(format!("{e}; nothing saved")))?;
    let id = store.add_conversation(&note)?;
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
    use crate::domain::reminder::{Bucket, QUIET_DAYS, short_date};
    use crate::domain::setting::Setting;
    use crate::domain::text::{display_safe, pad};
    let today = now.date();
    let horizon = today + chrono::Duration::days(i64::from(days));
    let mut due: Vec<(Bucket, crate::domain::Reminder)> = store
        .open_reminders_of(whose.login())?
        .into_iter()
        .map(|r| (r.bucket(now), r))
        .filter(|(b, r)| *b == Bucket::Overdue || r.effective_due() <= horizon)
        .collect();
    // Stable: due order within each group, as in pane 4.
    due.sort_by_key(|(b, _)| *b);
    // A worker's agenda: only their own people gone quiet.
    let quiet = if store.setting(Setting::ShowGoneQuiet)? {
        store.gone_quiet_of(today, QUIET_DAYS, whose.login())?
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
    let window = match days {
        0 => "today".to_string(),
        1 => "today or tomorrow".to_string(),
        n => format!("in the next {n} days"),
    };
    if due.is_empty() {
        writeln!(out, "Nothing overdue or due {window}.")?;
    } else {
        writeln!(
            out,
            "{overdue} overdue, {} due {window}:",
            due.len() - overdue
        )?;
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
            pad(&short_date(r.effective_due(), today), 11),
            pad(r.due_time.as_deref().unwrap_or(""), 5),
            pad(&display_safe(&r.about_label()), 20),
            r.id,
            for_terminal_line(first_line(&r.text))
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    if !quiet.is_empty() {
        writeln!(out, "Gone quiet: no conversation in {QUIET_DAYS}+ days")?;
        for q in &quiet {
            let line = format!(
                "  {} {}  {}  {} days since last contact",
                pad(&short_date(q.last_contact, today), 11),
                pad("", 5),
                pad(&display_safe(&q.name), 20),
                q.days_quiet(today)
            );
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

pub use crate::domain::person::DEFAULT_RETENTION_YEARS;

/// `caseload retention`: who is due for a retention review, longest ago first.
pub fn retention(
    store: &Store,
    today: NaiveDate,
    years: u32,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    let cutoff = crate::domain::person::retention_cutoff(today, years)
        .ok_or_else(|| CliError::User(format!("--years {years} reaches before any date")))?;
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
    match format {
        Format::Table => {
            if due.is_empty() {
                writeln!(
                    out,
                    "nobody was closed or declined on or before {}",
                    iso(cutoff)
                )?;
                return Ok(());
            }
            let rows: Vec<Vec<String>> = due.iter().map(|d| cells(d).to_vec()).collect();
            let header = ["ID", "GIVEN", "FAMILY", "STATUS", "ENDED"];
            out.write_all(table::render(&header, &rows, 32).as_bytes())?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["id", "given_name", "family_name", "status", "ended_on"])
                .map_err(csv_err)?;
            for d in &due {
                w.write_record(cells(d).map(|c| terminal_csv_cell(&c)))
                    .map_err(csv_err)?;
            }
            w.flush()?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &due).map_err(json_err)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The period a report covers: `--month`, `--quarter` or `--from`/`--to`
/// (clap lets only one through), else this month to date.
pub fn report_period(
    today: NaiveDate,
    month: Option<&str>,
    quarter: Option<&str>,
    between: Option<(&str, &str)>,
) -> CliResult<Period> {
    let period = match (month, quarter, between) {
        (Some(m), _, _) => Period::month(m, today),
        (_, Some(q), _) => Period::quarter(q, today),
        (_, _, Some((from, to))) => Period::between(from, to, today),
        _ => Ok(Period::month_to_date(today)),
    };
    period.map_err(CliError::User)
}

/// `caseload report`: every figure of the data dictionary for the period.
pub fn report(
    store: &Store,
    period: &Period,
    first_contact_days: u32,
    whose: &WorkerFilter,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    let mut report = store.report_of(period, first_contact_days, whose.login())?;
    if let Some(login) = whose.login() {
        report
            .by_worker
            .retain(|w| w.login.as_deref() == Some(login));
    }
    match format {
        Format::Table => out.write_all(crate::io::report::table(&report).as_bytes())?,
        Format::Csv => {
            crate::io::report::write_csv(&report, out, |c| for_terminal(c).into_owned())?
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(json_err)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `caseload report --codes`: the SNOMED CT coded events of the period for
/// the GP record. People with an event but no NHS number cannot be coded:
/// they are counted, by id, in one line on standard error.
pub fn report_codes(
    store: &Store,
    period: &Period,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    use crate::io::report::{CODES_HEADER, code_rows, codes_json, write_codes_csv};
    let events = store.coded_events(period)?;
    match format {
        Format::Csv => write_codes_csv(&events, out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &codes_json(&events)).map_err(json_err)?;
            writeln!(out)?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = code_rows(&events).into_iter().map(Vec::from).collect();
            let header = CODES_HEADER.map(str::to_uppercase);
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            out.write_all(table::render(&header, &rows, 40).as_bytes())?;
        }
    }
    let mut missing: Vec<i64> = events
        .iter()
        .filter(|e| e.nhs_number.is_none())
        .map(|e| e.person_id)
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if !missing.is_empty() {
        const SHOWN: usize = 20;
        let ids: Vec<String> = missing.iter().take(SHOWN).map(i64::to_string).collect();
        let more = if missing.len() > SHOWN { ", ..." } else { "" };
        eprintln!(
            "caseload: {} person(s) with a coded event in {} have no NHS number and are not listed (ids {}{more}); add their NHS numbers to code them",
            missing.len(),
            period.label(),
            ids.join(", ")
        );
    }
    Ok(())
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
    match format {
        Format::Table => {
            let rows: Vec<Vec<String>> = entries.iter().map(|e| cells(e).to_vec()).collect();
            let header = [
                "AT", "ACTOR", "ACTION", "ENTITY", "ID", "KEY", "REASON", "NAME",
            ];
            out.write_all(table::render(&header, &rows, 32).as_bytes())?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(AUDIT_COLUMNS).map_err(csv_err)?;
            for e in &entries {
                w.write_record(cells(e).map(|c| terminal_csv_cell(&c)))
                    .map_err(csv_err)?;
            }
            w.flush()?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &entries).map_err(json_err)?;
            writeln!(out)?;
        }
    }
    Ok(())
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
    let person = store.get_person(id)?;
    if !yes {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return Err(CliError::User(format!(
                "erasing person {id} cannot be undone: run it on a terminal to confirm, or pass --yes"
            )));
        }
        let name = format!(
            "{} {}",
            person.details.given_name, person.details.family_name
        );
        eprint!(
            "Erase person {id}, {}, and every record about them? This cannot be undone.\nType their name to confirm: ",
            for_terminal_line(&name)
        );
        let mut typed = String::new();
        std::io::stdin().read_line(&mut typed)?;
        if !crate::domain::person::same_name(&typed, &name) {
            return Err(CliError::User(
                "the name did not match; nothing was erased".into(),
            ));
        }
    }
    let rows = store.erase_person(id, reason)?;
    writeln!(
        out,
        "erased person {id}: {rows} record(s); no copy remains in the database files"
    )?;
    Ok(())
}

/// Writes `bytes` to `path` 0600 and atomically ([`crate::adapters::file::write_private`]);
/// without `replace`, an existing file is refused with advice.
fn write_private_file(path: &Path, bytes: &[u8], replace: bool) -> CliResult {
    use crate::adapters::file::{WriteError, write_private};
    write_private(path, bytes, replace).map_err(|e| match e {
        WriteError::Exists => CliError::User(format!(
            "{} exists; pass --force to replace it",
            path.display()
        )),
        WriteError::Io(e) => CliError::Data(format!("cannot write {}: {e}", path.display())),
    })
}

/// `caseload person export ID`: a subject access export. To a file, it is
/// written 0600 beside its destination and renamed into place, so nobody
/// ever reads half of it and nobody else can read it at all.
pub fn person_export(
    store: &Store,
    id: i64,
    format: ExportFormat,
    path: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> CliResult {
    let (export, text) = match format {
        ExportFormat::Json => {
            let export = store.subject_access(id)?;
            let mut text = serde_json::to_string_pretty(&export).map_err(json_err)?;
            text.push('\n');
            (export, text)
        }
        ExportFormat::Text => {
            let record = store.subject_access_record(id)?;
            let text = crate::io::subject_access::text(&record, store.clock().today());
            (record.rows, text)
        }
    };
    let Some(path) = path else {
        out.write_all(text.as_bytes())?;
        return Ok(());
    };
    write_private_file(path, text.as_bytes(), force)?;
    let rows: usize = export.tables.values().map(Vec::len).sum();
    writeln!(
        out,
        "wrote {}: person {id}, {rows} record(s) in {} table(s), {} audit entries",
        path.display(),
        export.tables.len(),
        export.audit.len()
    )?;
    Ok(())
}

/// What `person letter` adds to the record: the worker's words and details.
pub struct LetterOptions<'a> {
    pub format: crate::io::letter::LetterFormat,
    pub summary: Option<&'a str>,
    pub actions: &'a [String],
    pub worker_name: Option<&'a str>,
    pub worker_contact: Option<&'a str>,
}

/// Longest summary or action a letter takes: a page, not a pasted record.
const MAX_LETTER_TEXT_BYTES: usize = 16 * 1024;

/// `caseload person letter ID`: the letter back to the referrer or GP. Built
/// from the record without any conversation note text; to a file, written 0600.
pub fn person_letter(
    store: &Store,
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
            .map_err(|e| CliError::User(format!("{e}; nothing written")))?;
    }
    let letter = store.letter_records(id)?.letter(
        store.clock().today(),
        crate::domain::letter::LetterAdditions {
            actions: options.actions,
            summary: options.summary,
            worker_name: options.worker_name,
            worker_contact: options.worker_contact,
        },
    );
    let text = crate::io::letter::render(&letter, options.format);
    match path {
        None => out.write_all(for_terminal(&text).as_bytes())?,
        Some(path) => {
            write_private_file(path, text.as_bytes(), force)?;
            writeln!(out, "wrote {}: the letter for person {id}", path.display())?;
        }
    }
    Ok(())
}

/// `caseload backup --out FILE [--force]`: safe while the app and other
/// writers run; the copy is integrity-checked before it replaces anything.
pub fn backup(store: &Store, path: &Path, force: bool, out: &mut dyn Write) -> CliResult {
    let overwrite = if force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    let summary = store.backup_to(path, overwrite)?;
    writeln!(
        out,
        "backed up to {} ({} KB, integrity ok); `caseload --db {} check` verifies it again",
        path.display(),
        summary.bytes.div_ceil(1024),
        path.display()
    )?;
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
    let reminders = store.open_reminders_of(whose.login())?;
    let text = crate::io::ics::calendar(
        &reminders,
        &store.database_id()?,
        dtstamp,
        crate::clock::local_to_utc,
    );
    write_private_file(path, text.as_bytes(), true)?;
    writeln!(
        out,
        "wrote {}: {} follow-up(s), no personal details",
        path.display(),
        reminders.len()
    )?;
    Ok(())
}

/// `caseload config list|set KEY on|off`.
pub fn config(store: &mut Store, cmd: &ConfigCommand, out: &mut dyn Write) -> CliResult {
    use crate::domain::setting::{Setting, parse_switch, switch_text};
    match cmd {
        ConfigCommand::List => {
            for (s, on) in store.settings()? {
                writeln!(
                    out,
                    "{:<16} {:<3}  {}",
                    s.key(),
                    switch_text(on),
                    s.describe()
                )?;
            }
        }
        ConfigCommand::Set { key, value } => {
            let setting = Setting::parse(key).map_err(CliError::User)?;
            let on = parse_switch(value)
                .map_err(|e| CliError::User(format!("{}: {e}", setting.key())))?;
            store.set_setting(setting, on)?;
            writeln!(out, "{} is now {}", setting.key(), switch_text(on))?;
        }
    }
    Ok(())
}

#[derive(Debug, Subcommand)]
pub enum DirectoryCommand {
    /// Fuzzy search, ranked exactly as in the app (active services unless --all)
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Include inactive services
        #[arg(long)]
        all: bool,
    },
    /// Import services from CSV or Open Referral UK JSON, in one transaction;
    /// a bad value is cleaned or left empty and reported, never silently
    Import {
        file: PathBuf,
        /// Default: oruk for .json files, csv otherwise
        #[arg(long, value_enum)]
        format: Option<DirectoryFormat>,
        /// Report what would be added, updated and unchanged, and every problem; write nothing
        #[arg(long)]
        dry_run: bool,
        /// All or nothing: any problem (a value cleaned or left empty, a repeated id) refuses the file
        #[arg(long)]
        strict: bool,
    },
    /// Import every service of an Open Referral UK API (URL/services?page=N),
    /// all pages in one transaction; reported as for import
    Pull {
        /// The API's base address, e.g. https://api.example.org/api
        url: String,
        /// Report what would be added, updated and unchanged, and every problem; write nothing
        #[arg(long)]
        dry_run: bool,
        /// All or nothing: any problem refuses the whole pull
        #[arg(long)]
        strict: bool,
    },
    /// Export every service as CSV or Open Referral UK JSON
    Export {
        #[arg(long, value_enum, default_value_t = DirectoryFormat::Csv)]
        format: DirectoryFormat,
        /// Write here instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DirectoryFormat {
    Csv,
    Oruk,
}

/// Import files larger than this are refused, counted while reading.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads an import file of at most `cap` bytes. Only regular files: a FIFO
/// would block forever and `/dev/zero` never ends, and both report size 0, so
/// the cap is enforced on the bytes actually read (`take(cap + 1)`), never
/// taken from metadata.
pub fn read_import_file(file: &Path, cap: u64) -> CliResult<Vec<u8>> {
    use std::io::Read;
    let name = file.display();
    let cannot = |e: std::io::Error| {
        CliError::User(format!(
            "cannot read {name}: {e}; check the path; nothing imported"
        ))
    };
    let not_regular = || {
        CliError::User(format!(
            "{name} is not a regular file (a folder, pipe or device); give a file; nothing imported"
        ))
    };
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    if !std::fs::metadata(file).map_err(cannot)?.is_file() {
        return Err(not_regular());
    }
    let handle = std::fs::File::open(file).map_err(cannot)?;
    // Checked again on the open handle, in case the path was swapped meanwhile.
    if !handle.metadata().map_err(cannot)?.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    handle
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > cap {
        return Err(CliError::Data(format!(
            "{name} is larger than the {} MB an import can take; split it; nothing imported",
            cap / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

pub fn directory(
    store: &mut Store,
    cmd: &DirectoryCommand,
    rules: &Rules,
    out: &mut dyn Write,
) -> CliResult {
    match cmd {
        DirectoryCommand::Search {
            query,
            limit,
            format,
            all,
        } => directory_search(store, query, *limit, *format, *all, rules, out),
        DirectoryCommand::Import {
            file,
            format,
            dry_run,
            strict,
        } => directory_import(store, file, *format, *dry_run, *strict, out),
        DirectoryCommand::Pull {
            url,
            dry_run,
            strict,
        } => directory_pull(store, url, *dry_run, *strict, out),
        DirectoryCommand::Export { format, out: file } => match file {
            None => directory_export(store, *format, Destination::Terminal, out),
            Some(path) => {
                let mut buf = Vec::new();
                directory_export(store, *format, Destination::File, &mut buf)?;
                std::fs::write(path, buf)
                    .map_err(|e| CliError::Data(format!("cannot write {}: {e}", path.display())))
            }
        },
    }
}

pub fn directory_search(
    store: &Store,
    query: &str,
    limit: usize,
    format: Format,
    all: bool,
    rules: &Rules,
    out: &mut dyn Write,
) -> CliResult {
    use crate::domain::search::SearchIndex;
    let today = store.clock().today();
    let services: Vec<_> = store
        .list_services()?
        .into_iter()
        .filter(|s| all || s.active)
        .collect();
    let index = SearchIndex::for_services(&services, &rules.thesaurus);
    let hits: Vec<_> = index
        .search(query)
        .into_iter()
        .take(limit)
        .map(|h| (h.score, &services[h.index as usize]))
        .collect();
    match format {
        Format::Table => {
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|(_, s)| {
                    let verified = match s.last_verified_on {
                        Some(d) if s.is_stale(today, rules.stale_months) => {
                            format!("{} stale", iso(d))
                        }
                        Some(d) => iso(d),
                        None => "never".into(),
                    };
                    vec![
                        s.id.to_string(),
                        s.name.clone(),
                        s.categories.clone().unwrap_or_default(),
                        s.area.clone().unwrap_or_default(),
                        verified,
                    ]
                })
                .collect();
            let header = ["ID", "NAME", "CATEGORIES", "AREA", "VERIFIED"];
            out.write_all(table::render(&header, &rows, 40).as_bytes())?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let mut header = vec!["id", "score", "stale"];
            header.extend(crate::io::csv::COLUMNS);
            w.write_record(&header).map_err(csv_err)?;
            for (score, s) in &hits {
                let mut rec = vec![
                    s.id.to_string(),
                    score.to_string(),
                    s.is_stale(today, rules.stale_months).to_string(),
                ];
                rec.extend(crate::io::csv::record(s));
                let rec: Vec<String> = rec.iter().map(|c| terminal_csv_cell(c)).collect();
                w.write_record(&rec).map_err(csv_err)?;
            }
            w.flush()?;
        }
        Format::Json => {
            let items: Vec<serde_json::Value> = hits
                .iter()
                .map(|(score, s)| {
                    let mut v = serde_json::to_value(s).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("score".into(), (*score).into());
                        o.insert("stale".into(), s.is_stale(today, rules.stale_months).into());
                    }
                    v
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &items).map_err(json_err)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

fn iso(d: NaiveDate) -> String {
    crate::domain::date::iso(d)
}

pub fn directory_import(
    store: &mut Store,
    file: &Path,
    format: Option<DirectoryFormat>,
    dry_run: bool,
    strict: bool,
    out: &mut dyn Write,
) -> CliResult {
    let format = format.unwrap_or_else(|| {
        let json = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if json {
            DirectoryFormat::Oruk
        } else {
            DirectoryFormat::Csv
        }
    });
    let bytes = read_import_file(file, MAX_IMPORT_BYTES)?;
    let parsed = match format {
        DirectoryFormat::Csv => crate::io::csv::parse(&bytes, store.clock().today()),
        DirectoryFormat::Oruk => crate::io::oruk::parse(&bytes, store.clock().today()),
    };
    let import = parsed.map_err(|e| CliError::Data(format!("{}: {e}", file.display())))?;
    import_parsed(
        store,
        &file.display().to_string(),
        &import,
        dry_run,
        strict,
        out,
    )
}

/// Hidden, for tests: the page timeout of `directory pull` in milliseconds
/// (also used to connect), instead of 30 s (10 s to connect).
pub const PULL_TIMEOUT_VAR: &str = "CASELOAD_PULL_TIMEOUT_MS";

/// `caseload directory pull URL`: every page first, then one transaction.
pub fn directory_pull(
    store: &mut Store,
    url: &str,
    dry_run: bool,
    strict: bool,
    out: &mut dyn Write,
) -> CliResult {
    use crate::adapters::pull::{Limits, PullError, pull};
    use std::io::IsTerminal;
    let mut limits = Limits::default();
    if let Some(ms) = std::env::var(PULL_TIMEOUT_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        let d = std::time::Duration::from_millis(ms.max(1));
        limits.page = d;
        limits.connect = d;
    }
    let show = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut progress = |page: u32, total: Option<u64>| {
        if !show {
            return;
        }
        shown = true;
        let line = match total {
            Some(t) if t > 0 => {
                let done = (u64::from(page - 1) * 20 / t).min(20) as usize;
                format!(
                    "pulling [{}{}] page {page} of {t}",
                    "#".repeat(done),
                    " ".repeat(20 - done)
                )
            }
            _ => format!("pulling page {page}"),
        };
        eprint!(
            "
[K{line}"
        );
    };
    let pulled = pull(url, limits, store.clock().today(), &mut progress);
    if shown {
        eprint!(
            "
[K"
        );
    }
    let import = pulled.map_err(|e| match e {
        PullError::Url(m) => CliError::User(m),
        PullError::Failed(_) => CliError::Data(e.to_string()),
    })?;
    import_parsed(store, url, &import, dry_run, strict, out)
}

/// Imports (or plans, for a dry run) what a tolerant parse found, and
/// reports it: the counts, then every problem, one a line.
pub fn import_parsed(
    store: &mut Store,
    from: &str,
    import: &crate::io::Import,
    dry_run: bool,
    strict: bool,
    out: &mut dyn Write,
) -> CliResult {
    if strict && !import.is_clean() {
        write_problems(import, out)?;
        return Err(CliError::Data(format!(
            "{}: {} problem(s), listed on standard output; --strict imports only a file \
             with none; nothing imported",
            for_terminal_line(from),
            import.problems.len()
        )));
    }
    if dry_run {
        let s = store.plan_import_keeping(&import.services, &import.absent)?;
        writeln!(
            out,
            "dry run: would add {}, update {}, leave {} unchanged; nothing written",
            s.added, s.updated, s.unchanged
        )?;
    } else {
        let s = store.import_services_keeping(&import.services, &import.absent)?;
        writeln!(
            out,
            "added {}, updated {}, unchanged {}",
            s.added, s.updated, s.unchanged
        )?;
    }
    write_problems(import, out)
}

fn write_problems(import: &crate::io::Import, out: &mut dyn Write) -> CliResult {
    if import.merged > 0 {
        writeln!(
            out,
            "merged {} record(s) repeating an earlier id (the last one kept)",
            import.merged
        )?;
    }
    if !import.problems.is_empty() {
        writeln!(out, "{} problem(s):", import.problems.len())?;
        for p in &import.problems {
            writeln!(out, "  {p}")?;
        }
    }
    Ok(())
}

/// Where an export goes: standard output may be a terminal, so control
/// characters there are shown as placeholders; a file gets the exact text
/// (CSV cells are made formula-safe either way). JSON escapes controls itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Terminal,
    File,
}

pub fn directory_export(
    store: &Store,
    format: DirectoryFormat,
    to: Destination,
    out: &mut dyn Write,
) -> CliResult {
    let services = store.list_services()?;
    match format {
        DirectoryFormat::Csv if to == Destination::Terminal => {
            crate::io::csv::write_for_terminal(&services, out)?
        }
        DirectoryFormat::Csv => crate::io::csv::write(&services, out)?,
        DirectoryFormat::Oruk => {
            serde_json::to_writer_pretty(&mut *out, &crate::io::oruk::to_json(&services))
                .map_err(json_err)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `caseload keys`: every binding in effect, with the user's config applied.
pub fn keys(keymap: &Keymap, out: &mut dyn Write) -> CliResult {
    writeln!(
        out,
        "{:<16} {:<18} {:<20} description",
        "context", "command", "keys"
    )?;
    for (binding, keys) in keymap.rows() {
        let shown: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        let shown = if shown.is_empty() {
            "(none)".to_string()
        } else {
            shown.join(" ")
        };
        writeln!(
            out,
            "{:<16} {:<18} {:<20} {}",
            binding.context.name(),
            binding.name,
            shown,
            binding.help
        )?;
    }
    Ok(())
}

/// `--worker me|all|LOGIN`; none: your own when you are a registered link
/// worker, else everyone's (a coordinator, or a file with no workers).
pub fn resolve_worker(store: &Store, arg: Option<&str>) -> CliResult<WorkerFilter> {
    let me = store.me()?;
    match arg.map(str::trim) {
        None => Ok(crate::domain::worker::default_filter(me.as_ref())),
        Some("all") => Ok(WorkerFilter::All),
        Some("me") => match me {
            Some(w) => Ok(WorkerFilter::Worker(w.login)),
            None => Err(CliError::User(format!(
                "--worker me: your login {} is not a registered worker; see `caseload worker list`",
                quote(store.actor(), 40)
            ))),
        },
        Some(login) => match store.worker(login)? {
            Some(w) => Ok(WorkerFilter::Worker(w.login)),
            None => Err(CliError::User(format!(
                "--worker: no worker {}; use me, all, or a login from `caseload worker list`",
                quote(login, 40)
            ))),
        },
    }
}

/// `caseload worker add|retire`.
pub fn worker(store: &mut Store, cmd: &WorkerCommand, out: &mut dyn Write) -> CliResult {
    match cmd {
        WorkerCommand::Add { login, name, role } => {
            let role = crate::domain::worker::Role::parse(role).ok_or_else(|| {
                CliError::User(format!(
                    "--role {}: use link_worker or coordinator",
                    quote(role, 20)
                ))
            })?;
            let added = store.add_worker(login, name, role)?;
            writeln!(
                out,
                "added worker {} ({})",
                for_terminal_line(login.trim()),
                role.as_str()
            )?;
            if added.adopted > 0 {
                writeln!(
                    out,
                    "{} already on file are now on {}'s caseload (the first worker takes everyone; \
                     hand people on with caseload person assign)",
                    if added.adopted == 1 {
                        "1 person".to_string()
                    } else {
                        format!("{} people", added.adopted)
                    },
                    for_terminal_line(login.trim())
                )?;
            }
        }
        WorkerCommand::Retire { login } => {
            let still = store.retire_worker(login)?;
            writeln!(out, "retired worker {}", for_terminal_line(login))?;
            if still > 0 {
                writeln!(
                    out,
                    "{still} open case(s) are still on their caseload: hand them over with `caseload person assign ID --worker LOGIN`"
                )?;
            }
        }
        WorkerCommand::List { .. } => {}
    }
    Ok(())
}

/// `caseload worker list`.
pub fn worker_list(store: &Store, format: Format, out: &mut dyn Write) -> CliResult {
    let workers = store.workers()?;
    match format {
        Format::Table => {
            let rows: Vec<Vec<String>> = workers
                .iter()
                .map(|w| {
                    vec![
                        for_terminal_line(&w.login).into_owned(),
                        for_terminal_line(&w.name).into_owned(),
                        w.role.as_str().into(),
                        opt_date(w.retired_on),
                    ]
                })
                .collect();
            let header = ["LOGIN", "NAME", "ROLE", "RETIRED"];
            out.write_all(table::render(&header, &rows, 32).as_bytes())?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["login", "name", "role", "retired_on"])
                .map_err(csv_err)?;
            for x in &workers {
                let row = [
                    x.login.clone(),
                    x.name.clone(),
                    x.role.as_str().to_string(),
                    opt_date(x.retired_on),
                ];
                w.write_record(row.map(|c| terminal_csv_cell(&c)))
                    .map_err(csv_err)?;
            }
            w.flush()?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &workers).map_err(json_err)?;
            writeln!(out)?;
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

/// `caseload followup add|edit`.
pub fn followup(store: &mut Store, cmd: &FollowupCommand, out: &mut dyn Write) -> CliResult {
    let today = store.clock().today();
    let check = |due: &str, text: &str, person_id: Option<i64>| {
        crate::domain::reminder::ReminderInput {
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
            CliError::User(format!("{first}; nothing saved"))
        })
    };
    match cmd {
        FollowupCommand::Add { person, due, text } => {
            store.get_person(*person)?;
            let d = check(due, text, Some(*person))?;
            let id = store.add_reminder(d.person_id, None, d.due_on, None, &d.text)?;
            writeln!(out, "{id}")?;
        }
        FollowupCommand::Edit {
            id,
            version,
            due,
            text,
        } => {
            let current = store.get_reminder(*id)?;
            let d = check(due, text, current.person_id)?;
            store.update_reminder(*id, *version, d.due_on, None, &d.text)?;
            writeln!(out, "{id}")?;
        }
    }
    Ok(())
}

/// `caseload init --shared --group GROUP`: a team file. Its folder is made
/// (or made) setgid 2770 and the database 0660, both to GROUP; the `-wal`
/// and `-shm` files SQLite makes beside it are checked to match.
pub fn init_shared(
    path: &Path,
    group: &str,
    clock: &Clock,
    config: &Config,
    out: &mut dyn Write,
) -> CliResult {
    let modes = Store::create_shared(path, group, clock.clone(), config.display_name.clone())?;
    writeln!(
        out,
        "created {} for group {}: folder {:o}, database {:o}; encrypt it with `caseload encrypt`",
        path.display(),
        for_terminal_line(group),
        modes.folder,
        modes.file
    )?;
    Ok(())
}
