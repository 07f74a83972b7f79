//! `caseload worker ...` and `init --shared`: a team on one file.

use super::*;

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

/// `--worker me|all|LOGIN`; none: your own when you are a registered link
/// worker, else everyone's (a coordinator, or a file with no workers).
pub fn resolve_worker(store: &Store, arg: Option<&str>) -> CliResult<WorkerFilter> {
    let me = store.workers().me()?;
    match arg.map(str::trim) {
        None => Ok(crate::domain::worker::default_filter(me.as_ref())),
        Some("all") => Ok(WorkerFilter::All),
        Some("me") => match me {
            Some(w) => Ok(WorkerFilter::Worker(w.login)),
            None => Err(CliError::User(words::team::not_a_worker(&quote(
                store.actor(),
                40,
            )))),
        },
        Some(login) => match store.workers().get(login)? {
            Some(w) => Ok(WorkerFilter::Worker(w.login)),
            None => Err(CliError::User(words::team::no_worker(&quote(login, 40)))),
        },
    }
}

/// `caseload worker add|retire`.
pub fn worker(store: &mut Store, cmd: &WorkerCommand, out: &mut dyn Write) -> CliResult {
    match cmd {
        WorkerCommand::Add { login, name, role } => {
            let role = crate::domain::worker::Role::parse(role)
                .ok_or_else(|| CliError::User(words::team::bad_role(&quote(role, 20))))?;
            let added = store.workers_mut().add(login, name, role)?;
            let login = for_terminal_line(login.trim());
            writeln!(out, "{}", words::team::added(&login, role.as_str()))?;
            if added.adopted > 0 {
                writeln!(out, "{}", words::team::adopted(added.adopted, &login))?;
            }
        }
        WorkerCommand::Retire { login } => {
            let still = store.workers_mut().retire(login)?;
            writeln!(out, "{}", words::team::retired(&for_terminal_line(login)))?;
            if still > 0 {
                writeln!(out, "{}", words::team::still_open(still))?;
            }
        }
        WorkerCommand::List { .. } => {}
    }
    Ok(())
}

/// `caseload worker list`.
pub fn worker_list(store: &Store, format: Format, out: &mut dyn Write) -> CliResult {
    let workers = store.workers().list()?;
    Listing {
        rows: &workers,
        table_header: &["LOGIN", "NAME", "ROLE", "RETIRED"],
        max_width: 32,
        table_row: &|w| {
            vec![
                for_terminal_line(&w.login).into_owned(),
                for_terminal_line(&w.name).into_owned(),
                w.role.as_str().into(),
                opt_date(w.retired_on),
            ]
        },
        csv_header: &["login", "name", "role", "retired_on"],
        csv_row: &|x| {
            vec![
                x.login.clone(),
                x.name.clone(),
                x.role.as_str().to_string(),
                opt_date(x.retired_on),
            ]
        },
    }
    .write(format, &workers, out)
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
    let said = words::team::created(
        path.display(),
        &for_terminal_line(group),
        modes.folder,
        modes.file,
    );
    writeln!(out, "{said}")?;
    Ok(())
}
