//! Parse the command line, open the store, run the app or one command. Nothing else.

use std::process::ExitCode;

use caseload::cli::{self, Cli, CliError, CliResult};
use caseload::clock::Clock;
use caseload::domain::text::for_terminal_line;
use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    caseload::domain::service::set_stale_after_months(cli.stale_months);
    let result = Clock::from_env()
        .map_err(CliError::User)
        .and_then(|clock| match &cli.command {
            Some(command) => cli::run(&cli, command, &clock, &mut std::io::stdout().lock()),
            None => run_app(&cli, &clock),
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
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!(
                "caseload: {} (see caseload --help)",
                for_terminal_line(first)
            );
            ExitCode::from(1)
        }
    }
}

fn run_app(cli: &Cli, clock: &Clock) -> CliResult {
    // Keep the temporary demo folder alive until the app closes; dropping it deletes it.
    let mut _demo_dir = None;
    let store = if cli.demo {
        let dir = tempfile::Builder::new()
            .prefix("caseload-demo-")
            .tempdir()?;
        let mut store = cli::open_store(&dir.path().join("demo.db"), clock)?;
        cli::build_demo(&mut store, None, None, 1)?;
        _demo_dir = Some(dir);
        store
    } else {
        cli::open_store(&cli::db_path(cli)?, clock)?
    };
    caseload::tui::run(store).map_err(|e| CliError::Data(format!("terminal error: {e}")))
}
