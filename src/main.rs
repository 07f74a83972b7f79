//! Parse the command line, open the store, run the app or one command. Nothing else.

use std::process::ExitCode;

use caseload::cli::{self, Cli, CliError, CliResult};
use caseload::clock::Clock;
use caseload::config::Config;
use caseload::domain::text::for_terminal_line;
use caseload::tui::Exit;
use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    let result = Clock::from_env()
        .map_err(CliError::User)
        .and_then(|clock| Ok((clock, load_config(&cli)?)))
        .and_then(|(clock, mut config)| {
            if let Some(months) = cli.stale_months {
                config.rules.stale_months = months.max(1);
            }
            match &cli.command {
                Some(command) => cli::run(
                    &cli,
                    command,
                    &clock,
                    &config,
                    &mut std::io::stdout().lock(),
                ),
                None => run_app(&cli, &clock, config),
            }
        });
    match result {
        Ok(()) | Err(CliError::Quiet) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages may quote what was typed: keep them one line, no controls.
            eprintln!("caseload: {}", for_terminal_line(e.message()));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

/// config.toml, if there is one; a broken one is a user error naming its line.
fn load_config(cli: &Cli) -> CliResult<Config> {
    match caseload::config::locate(cli.config.as_deref()) {
        Some((path, required)) => {
            let config =
                Config::load(&path, required).map_err(|e| CliError::User(e.to_string()))?;
            // The keys and colours are the app's to build, but a broken one
            // is refused whatever the command, as every other setting is.
            caseload::tui::Ui::from_config(&config).map_err(|e| CliError::User(e.to_string()))?;
            Ok(config)
        }
        None => Ok(Config::default()),
    }
}

/// Help and version go to stdout with exit 0; usage errors are one line, exit 1.
fn clap_exit(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            let text = e.to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            // "the following required arguments were not provided:" names them
            // on the next line: keep that, still on one line.
            let joined;
            let first = match lines.next() {
                Some(next) if first.ends_with(':') => {
                    joined = format!("{first} {next}");
                    joined.as_str()
                }
                _ => first,
            };
            eprintln!(
                "caseload: {} (see caseload --help)",
                for_terminal_line(first)
            );
            ExitCode::from(1)
        }
    }
}

/// The app, or exit 2 with one line when there is no terminal to run it in
/// (checked first, so `caseload < /dev/null` creates no database either).
fn run_app(cli: &Cli, clock: &Clock, config: Config) -> CliResult {
    caseload::tui::check_terminal().map_err(CliError::Data)?;
    // Keep the temporary demo folder alive until the app closes; dropping it deletes it.
    let mut _demo_dir = None;
    // Started with no --db on a machine with no caseload yet: the file is
    // made now, and the app says what to do first. (A --db names a file on
    // purpose, as scripts and tests do: no welcome there.)
    let new_file = !cli.demo && cli.db.is_none() && cli::db_path(cli).is_ok_and(|p| !p.exists());
    let store = if cli.demo {
        let dir = tempfile::Builder::new()
            .prefix("caseload-demo-")
            .tempdir()?;
        let mut store = cli::open_store(&dir.path().join("demo.db"), clock)?;
        cli::build_demo(&mut store, &Default::default())?;
        _demo_dir = Some(dir);
        store
    } else {
        cli::open_for_writing(cli, clock, &config)?
    };
    match caseload::tui::run(store, config, new_file) {
        Ok(Exit::Quit | Exit::HangUp) => Ok(()),
        // The draft is saved and the terminal restored: end as the signal asked,
        // with the shell's code for it (SIGHUP 129, SIGINT 130, SIGTERM 143).
        Ok(Exit::Signal(n)) => {
            drop(_demo_dir);
            std::process::exit(128 + n)
        }
        Err(e) => Err(CliError::Data(format!("terminal error: {e}"))),
    }
}
