//! Looking after the file: `demo`, `check`, `backup`, `config` and `keys`.

use super::*;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every setting
    List,
    /// Set one: offer_check_in or show_gone_quiet, to on or off
    Set { key: String, value: String },
}

/// Most people `demo --people` generates: ten times the benchmark caseload
/// (10,000), far beyond any real caseload (a link worker holds a few hundred).
/// Each person brings about ten notes, so this is about a million rows and a
/// few hundred MB held in memory while generating; more runs machines out of memory.
pub const MAX_DEMO_PEOPLE: usize = 100_000;

/// Most services `demo --services` generates: twice the 100k the directory
/// search target is measured at.
pub const MAX_DEMO_SERVICES: usize = 200_000;

/// Most workers `demo --workers` registers: enough to try a team's views.
pub const MAX_DEMO_WORKERS: usize = 12;

/// The fictional colleagues of a demo team, after the worker at the keyboard.
const DEMO_COLLEAGUES: [(&str, &str); MAX_DEMO_WORKERS - 1] = [
    ("demo-priya", "Priya Shah"),
    ("demo-tom", "Tom Evans"),
    ("demo-grace", "Grace Okafor"),
    ("demo-dylan", "Dylan Hughes"),
    ("demo-mei", "Mei Lin"),
    ("demo-sam", "Sam Carter"),
    ("demo-nia", "Nia Roberts"),
    ("demo-omar", "Omar Farouk"),
    ("demo-ellen", "Ellen Byrne"),
    ("demo-kwame", "Kwame Mensah"),
    ("demo-rhian", "Rhian Morgan"),
];

/// What `caseload demo` writes beyond the hand-written caseload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSize {
    /// Scale up to this many people.
    pub people: Option<usize>,
    /// Scale up to this many services.
    pub services: Option<usize>,
    /// A team of this many link workers, the first being whoever runs it.
    pub workers: Option<usize>,
    pub seed: u64,
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize {
            people: None,
            services: None,
            workers: None,
            seed: 1,
        }
    }
}

pub(crate) fn check_demo_counts(size: &DemoSize) -> CliResult {
    let DemoSize {
        people,
        services,
        workers,
        ..
    } = *size;
    if workers.is_some_and(|n| n == 0 || n > MAX_DEMO_WORKERS) {
        return Err(CliError::User(words::admin::demo_workers(MAX_DEMO_WORKERS)));
    }
    if people.is_some_and(|n| n > MAX_DEMO_PEOPLE) {
        return Err(CliError::User(words::admin::demo_at_most(
            "people",
            MAX_DEMO_PEOPLE,
        )));
    }
    if services.is_some_and(|n| n > MAX_DEMO_SERVICES) {
        return Err(CliError::User(words::admin::demo_at_most(
            "services",
            MAX_DEMO_SERVICES,
        )));
    }
    Ok(())
}

/// Creates a demo database, refusing to overwrite unless `force`. It is built
/// in a private temporary folder beside the target and renamed into place at
/// the end, so a crash or kill never leaves half a database at `path`.
pub fn write_demo(
    path: &Path,
    size: &DemoSize,
    force: bool,
    clock: &Clock,
    out: &mut dyn Write,
) -> CliResult {
    check_demo_counts(size)?;
    if path.exists() && !force {
        return Err(CliError::User(words::admin::demo_exists(path.display())));
    }
    let cannot =
        |e: &dyn std::fmt::Display| CliError::Data(words::files::cannot_write(path.display(), e));
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
    let counts = build_demo(&mut store, size)?;
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

/// Loads the hand-written demo, then tops it up with generated records and,
/// if asked, shares the caseload among a team.
pub fn build_demo(store: &mut Store, size: &DemoSize) -> CliResult<crate::store::Counts> {
    check_demo_counts(size)?;
    let today = store.clock().today();
    store.load_demo()?;
    let base = store.counts(today, STALE_AFTER_MONTHS)?;
    let mut rng = demo::Rng::new(size.seed);
    let have_services = base.services_total as usize;
    let extra_services = size.services.unwrap_or(0).saturating_sub(have_services);
    let total_services = (have_services + extra_services) as u64;
    let gen_services = demo::services(&mut rng, have_services + 1, extra_services, today);
    let extra_people = size
        .people
        .unwrap_or(0)
        .saturating_sub(base.people_total as usize);
    let gen_people = demo::people(&mut rng, extra_people, total_services, today);
    store.insert_generated(&gen_people, &gen_services)?;
    if let Some(n) = size.workers {
        store.add_demo_team(&demo_team(store.actor(), n))?;
    }
    Ok(store.counts(today, STALE_AFTER_MONTHS)?)
}

/// `n` workers: the one at the keyboard ("You", so the app opens on their
/// caseload), then fictional colleagues.
fn demo_team(me: &str, n: usize) -> Vec<(String, String)> {
    let colleagues = DEMO_COLLEAGUES
        .iter()
        .map(|(login, name)| (login.to_string(), name.to_string()));
    std::iter::once((me.to_string(), "You".to_string()))
        .chain(colleagues)
        .take(n)
        .collect()
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
        let inconsistent = problems.iter().all(|p| p.starts_with("foreign key:"));
        let shown = format!("{}{more}", shown.join("; "));
        return Err(CliError::Data(
            words::admin::check_failed(
                problems.len(),
                store.path().display(),
                &shown,
                inconsistent,
            )
            .replace(['\n', '\r'], " "),
        ));
    }
    let c = store.counts(store.clock().today(), STALE_AFTER_MONTHS)?;
    let folder = match store.path().parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let killed = crate::store::stale_backup_copies(folder);
    if !killed.is_empty() {
        // Not an error: the database is fine, but these copies hold people.
        let paths: Vec<String> = killed.iter().map(|p| p.display().to_string()).collect();
        writeln!(
            out,
            "{}",
            words::admin::stale_backups(killed.len(), &paths.join(", "))
        )?;
    }
    let ok = words::admin::check_ok(
        store.schema_version()?,
        (c.people_total, c.people_open),
        c.services,
        c.follow_ups_overdue,
        store.is_encrypted(),
    );
    writeln!(out, "{ok}")?;
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
    let kb = summary.bytes.div_ceil(1024);
    writeln!(out, "{}", words::admin::backed_up(path.display(), kb))?;
    Ok(())
}

/// `caseload config list|set KEY on|off`.
pub fn config(store: &mut Store, cmd: &ConfigCommand, out: &mut dyn Write) -> CliResult {
    use crate::domain::setting::{Setting, parse_switch, switch_text};
    match cmd {
        ConfigCommand::List => {
            for (s, on) in store.settings().list()? {
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
            store.settings_mut().set(setting, on)?;
            writeln!(out, "{} is now {}", setting.key(), switch_text(on))?;
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
