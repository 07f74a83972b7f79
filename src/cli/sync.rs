//! `caseload sync`: a laptop copy of my caseload, and its exchange with the
//! team file (see the README's "Home visits and offline work"). The store
//! merges; `adapters::sync` carries the messages.

use super::*;
use crate::adapters::sync::{Origin, SyncError, connect, exchange, read_message, write_message};
use crate::domain::sync::{Answer, Hello, PROTOCOL};
use crate::store::SCHEMA_VERSION;

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Make a laptop copy of my caseload (only my people, the directory and
    /// the workers) from SERVER:PATH over ssh, or from a plain path
    Clone {
        /// The team file: SERVER:PATH (anything ssh accepts), or a path
        #[arg(value_name = "SERVER:PATH")]
        origin: String,
    },
    /// Where this copy came from, when it last synced, what waits to go
    Status,
    /// The team file's side of a sync, over standard input and output
    /// (run by `caseload sync` through ssh; not for typing)
    #[command(hide = true)]
    Serve {
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
}

pub fn sync(
    cli: &Cli,
    command: Option<&SyncCommand>,
    clock: &Clock,
    config: &Config,
    out: &mut dyn Write,
) -> CliResult {
    match command {
        None => sync_now(cli, clock, config, out),
        Some(SyncCommand::Clone { origin }) => clone(cli, origin, clock, config, out),
        Some(SyncCommand::Status) => status(&open_for_reading(cli, clock, config)?, out),
        Some(SyncCommand::Serve { path }) => {
            let stdin = std::io::stdin();
            serve_sync(path, clock, config, &mut stdin.lock(), out)
        }
    }
}

fn sync_error(e: SyncError) -> CliError {
    match e {
        SyncError::NotACopy | SyncError::OtherWorker { .. } => CliError::User(e.to_string()),
        SyncError::Store(e) => e.into(),
        other => CliError::Data(other.to_string()),
    }
}

fn clone(
    cli: &Cli,
    origin_text: &str,
    clock: &Clock,
    config: &Config,
    out: &mut dyn Write,
) -> CliResult {
    let local = db_path(cli)?;
    if std::fs::metadata(&local).is_ok_and(|m| m.len() > 0) {
        return Err(CliError::User(words::sync::exists(local.display())));
    }
    let mut origin = Origin::parse(origin_text);
    // A plain path is remembered whole, so `sync` works from any folder.
    if let Origin::Local(path) = &origin {
        let whole = std::fs::canonicalize(path)
            .map_err(|e| CliError::User(words::sync::no_team_file(path.display(), e)))?;
        origin = Origin::Local(whole);
    }
    let origin_text = &match &origin {
        Origin::Local(path) => path.display().to_string(),
        Origin::Remote { .. } => origin_text.to_string(),
    };
    let hello = Hello::Clone {
        protocol: PROTOCOL,
        schema: SCHEMA_VERSION,
    };
    let (mut link, worker, encrypted) = connect(&origin, &hello).map_err(sync_error)?;
    let snapshot = match link
        .receive::<Answer>()
        .map_err(|e| sync_error(SyncError::Link(e)))?
    {
        Answer::Snapshot(s) => s,
        Answer::Error(message) => return Err(sync_error(SyncError::Refused(message))),
        _ => return Err(sync_error(SyncError::Unexpected)),
    };
    let _ = link.close();
    // Filled under a temporary name beside it, then renamed: a copy cut
    // short leaves no half-made caseload behind.
    let part = local.with_extension("part");
    let _ = std::fs::remove_file(&part);
    let key = if encrypted {
        Some(key_source::obtain(config, &local, Want::New).map_err(CliError::Data)?)
    } else {
        None
    };
    let made = (|| -> CliResult<()> {
        let mut store = Store::open_keyed(&part, clock.clone(), key)?;
        store.set_actor_name(config.display_name.clone());
        store.copies_mut().start(&snapshot, origin_text, &worker)?;
        Ok(())
    })();
    if let Err(e) = made {
        let _ = std::fs::remove_file(&part);
        return Err(e);
    }
    std::fs::rename(&part, &local)
        .map_err(|e| CliError::Data(words::files::cannot_create(local.display(), e)))?;
    let people = snapshot
        .records
        .iter()
        .filter(|r| r.table == "person")
        .count();
    let services = snapshot
        .records
        .iter()
        .filter(|r| r.table == "service")
        .count();
    writeln!(
        out,
        "{}",
        words::sync::cloned(
            people,
            services,
            &worker,
            origin_text,
            local.display(),
            encrypted
        )
    )?;
    Ok(())
}

fn sync_now(cli: &Cli, clock: &Clock, config: &Config, out: &mut dyn Write) -> CliResult {
    let mut store = open_writer(cli, clock, config)?;
    let done = exchange(&mut store).map_err(sync_error)?;
    let line = words::sync::summary(&done.origin, &done.summary, done.bytes);
    writeln!(out, "{line}")?;
    Ok(())
}

fn status(store: &Store, out: &mut dyn Write) -> CliResult {
    let Some(copy) = store.copies().origin()? else {
        return Err(sync_error(SyncError::NotACopy));
    };
    writeln!(out, "laptop copy of {} for {}", copy.origin, copy.worker)?;
    writeln!(out, "made      {}", copy.cloned_at)?;
    match &copy.synced_at {
        Some(at) => writeln!(out, "synced    {at}")?,
        None => writeln!(out, "synced    never")?,
    }
    writeln!(out, "waiting   {} change(s) to go", copy.waiting)?;
    Ok(())
}

/// The team file's side: one hello, then a snapshot (clone) or a push
/// answered with a pull (sync). Every failure is an error message to the
/// far side; nothing but messages is written to `out`.
pub fn serve_sync(
    path: &Path,
    clock: &Clock,
    config: &Config,
    input: &mut dyn std::io::BufRead,
    out: &mut dyn Write,
) -> CliResult {
    let answer = |out: &mut dyn Write, a: &Answer| write_message(out, a).map(|_| ());
    let refuse = |out: &mut dyn Write, message: String| -> CliResult {
        answer(out, &Answer::Error(message.clone()))?;
        Err(CliError::Data(message))
    };
    let (hello, _) = match read_message::<Hello>(input) {
        Ok(h) => h,
        Err(e) => return refuse(out, e.to_string()),
    };
    let (protocol, schema) = match &hello {
        Hello::Clone { protocol, schema }
        | Hello::Sync {
            protocol, schema, ..
        } => (*protocol, *schema),
    };
    if protocol != PROTOCOL || schema != SCHEMA_VERSION {
        return refuse(out, words::sync::versions(schema, SCHEMA_VERSION));
    }
    let key = match key_for(path, config) {
        Ok(k) => k,
        Err(e) => return refuse(out, e.message().to_string()),
    };
    let opened = match hello {
        Hello::Clone { .. } => Store::open_read_only_keyed(path, clock.clone(), key),
        Hello::Sync { .. } => Store::open_keyed(path, clock.clone(), key),
    };
    let mut store = match opened {
        Ok(s) => s,
        Err(e) => return refuse(out, e.to_string()),
    };
    let login = store.actor().to_string();
    match store.workers().me() {
        Ok(Some(_)) => {}
        Ok(None) => return refuse(out, words::sync::not_a_worker(&login)),
        Err(e) => return refuse(out, e.to_string()),
    }
    if let Hello::Sync { worker, .. } = &hello
        && worker != &login
    {
        let e = SyncError::OtherWorker {
            copy: worker.clone(),
            login,
        };
        return refuse(out, e.to_string());
    }
    answer(
        out,
        &Answer::Welcome {
            worker: login.clone(),
            encrypted: store.is_encrypted(),
        },
    )?;
    match hello {
        Hello::Clone { .. } => match store.copies().snapshot(&login) {
            Ok(s) => answer(out, &Answer::Snapshot(Box::new(s)))?,
            Err(e) => return refuse(out, e.to_string()),
        },
        Hello::Sync { .. } => {
            let push = match read_message(input) {
                Ok((p, _)) => p,
                Err(e) => return refuse(out, e.to_string()),
            };
            match store.copies_mut().merge_push(&login, &push) {
                Ok(pull) => answer(out, &Answer::Pull(Box::new(pull)))?,
                Err(e) => return refuse(out, e.to_string()),
            }
        }
    }
    Ok(())
}
