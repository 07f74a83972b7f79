//! Command-line interface: clap definitions and one function per subcommand.
//! Every command goes through the same store as the TUI.

mod admin;
mod directory;
mod note;
mod open;
mod output;
mod person;
mod privacy;
mod report;
mod serve;
mod strings;
mod sync;
mod team;

pub use admin::*;
pub use directory::*;
pub use note::*;
pub use open::*;
pub use output::*;
pub use person::*;
pub use privacy::*;
pub use report::*;
pub use serve::*;
pub use sync::*;
pub use team::*;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::service::STALE_AFTER_MONTHS;
use crate::domain::setting::Rules;
use crate::tui::keymap::Keymap;
use clap::{Args, Parser, Subcommand, ValueEnum};
use strings as words;

use crate::demo;
use crate::domain::conversation::{ConversationKind, NewNote, timeline};
use crate::domain::measure::changes;
use crate::domain::person::{PersonInput, Status};
use crate::domain::report::Period;
use crate::domain::text::{
    first_line, for_terminal, for_terminal_line, json_safe, quote, spreadsheet_cell,
};
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
    after_help = "With no command, opens the app. Data: --db PATH, else $CASELOAD_DB, else the XDG data dir.\n\nNew here? Three commands to start:\n  caseload --demo                                  try the app on fictional people and services\n  caseload directory import FILE                   fill the directory (CSV or Open Referral JSON)\n  caseload person add --given G --family F         add a person (or press a in the app)"
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
        /// A team of N link workers (you and fictional colleagues) sharing the caseload
        #[arg(long, value_name = "N")]
        workers: Option<usize>,
        /// Seed for the generator: the same seed gives the same data
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// People on the caseload
    #[command(subcommand)]
    Person(Box<PersonCommand>),
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
    /// A completion script for your shell, on standard output (see the README's "Install")
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), on standard output: caseload man > caseload.1
    Man,
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
    /// Follow-ups: add, change, mark done, list (the agenda itself is `caseload remind`)
    #[command(subcommand, alias = "follow-up")]
    Followup(FollowupCommand),
    /// Publish the directory as a read-only Open Referral UK API (see the README)
    Serve(ServeArgs),
    /// A laptop copy of my caseload for work with no signal; with no
    /// subcommand, exchanges changes with the team file (see the README)
    Sync {
        #[command(subcommand)]
        command: Option<SyncCommand>,
    },
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
            workers,
            seed,
            force,
        } => {
            let size = DemoSize {
                people: *people,
                services: *services,
                workers: *workers,
                seed: *seed,
            };
            write_demo(path, &size, *force, clock, out)
        }
        Command::Person(cmd) => run_person(cli, cmd, clock, config, out),
        Command::Note(NoteCommand::Add {
            person_id,
            kind,
            text,
        }) => {
            let mut store = open_writer(cli, clock, config)?;
            note_add(&mut store, *person_id, kind, text.as_deref(), out)
        }
        Command::Completions { shell } => {
            // Into memory first: clap_complete panics on a write error (a
            // closed pipe), and a write here must fail as any other does.
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "caseload", &mut script);
            out.write_all(&script)?;
            Ok(())
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(out)?;
            Ok(())
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
        Command::Followup(FollowupCommand::List {
            done,
            person,
            format,
        }) => followup_list(
            &open_for_reading(cli, clock, config)?,
            *done,
            *person,
            *format,
            out,
        ),
        Command::Serve(args) => serve(
            open_for_reading(cli, clock, config)?,
            args,
            &config.rules,
            out,
        ),
        Command::Followup(cmd) => followup(&mut open_writer(cli, clock, config)?, cmd, out),
        Command::Sync { command } => sync(cli, command.as_ref(), clock, config, out),
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

pub use crate::domain::person::DEFAULT_RETENTION_YEARS;
