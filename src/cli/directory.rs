//! `caseload directory ...`: search, import, pull and export of the service directory.

use super::*;

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
    let cannot = |e: std::io::Error| CliError::User(words::directory::cannot_read(&name, e));
    let not_regular = || CliError::User(words::directory::not_regular(&name));
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
        return Err(CliError::Data(words::directory::too_large(
            &name,
            cap / (1024 * 1024),
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
                // 0600 and atomic like every other file we write: an export
                // is often copied next to personal files.
                write_private_file(path, &buf, true)
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
        .directory()
        .list()?
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
    let stale = |s: &crate::domain::Service| s.is_stale(today, rules.stale_months);
    let mut csv_header = vec!["id", "score", "stale"];
    csv_header.extend(crate::io::csv::COLUMNS);
    let listing = Listing {
        rows: &hits,
        table_header: &["ID", "NAME", "CATEGORIES", "AREA", "VERIFIED"],
        max_width: 40,
        table_row: &|(_, s)| {
            let verified = match s.last_verified_on {
                Some(d) if stale(s) => format!("{} stale", iso(d)),
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
        },
        csv_header: &csv_header,
        csv_row: &|(score, s)| {
            let mut rec = vec![s.id.to_string(), score.to_string(), stale(s).to_string()];
            rec.extend(crate::io::csv::record(s));
            rec
        },
    };
    // JSON: each service as stored, with its score and whether it is stale.
    let items: Vec<serde_json::Value> = match format {
        Format::Json => hits
            .iter()
            .map(|(score, s)| {
                let mut v = serde_json::to_value(s).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert("score".into(), (*score).into());
                    o.insert("stale".into(), stale(s).into());
                }
                v
            })
            .collect(),
        _ => Vec::new(),
    };
    listing.write(format, &items, out)
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
    use crate::adapters::pull::{Limits, Progress, PullError, pull};
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
    let mut progress = |at: Progress| {
        if !show {
            return;
        }
        shown = true;
        let line = match at {
            Progress::Page(page, Some(t)) if t > 0 => {
                words::directory::pulling_page_of(&bar(u64::from(page - 1), t), page, t)
            }
            Progress::Page(page, _) => words::directory::pulling_page(page),
            Progress::Detail(n, of) => {
                words::directory::pulling_detail(&bar((n - 1) as u64, of as u64), n, of)
            }
        };
        eprint!("\r\x1b[K{line}");
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

/// A 20-wide progress bar, `done` of `total`.
fn bar(done: u64, total: u64) -> String {
    let filled = (done * 20 / total.max(1)).min(20) as usize;
    format!("[{}{}]", "#".repeat(filled), " ".repeat(20 - filled))
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
        let s = store
            .directory()
            .plan_import_keeping(&import.services, &import.absent)?;
        let said = words::directory::would_import(s.added, s.updated, s.unchanged);
        writeln!(out, "{said}")?;
    } else {
        let s = store
            .directory_mut()
            .import_keeping(&import.services, &import.absent)?;
        let said = words::directory::imported(s.added, s.updated, s.unchanged);
        writeln!(out, "{said}")?;
    }
    write_problems(import, out)
}

pub(crate) fn write_problems(import: &crate::io::Import, out: &mut dyn Write) -> CliResult {
    if import.merged > 0 {
        writeln!(out, "{}", words::directory::merged(import.merged))?;
    }
    if !import.problems.is_empty() {
        writeln!(out, "{} problem(s):", import.problems.len())?;
        for p in &import.problems {
            writeln!(out, "  {p}")?;
        }
    }
    Ok(())
}

/// Where `directory export` writes: the terminal gets controls shown.
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
    let services = store.directory().list()?;
    match format {
        DirectoryFormat::Csv if to == Destination::Terminal => {
            crate::io::csv::write_for_terminal(&services, out)?
        }
        // A file is for re-import: the exact text, so the round trip changes
        // nothing (cells are still formula-safe).
        DirectoryFormat::Csv => crate::io::csv::write(&services, out)?,
        DirectoryFormat::Oruk => {
            let json = serde_json::to_string_pretty(&crate::io::oruk::to_json(&services))
                .map_err(json_err)?;
            writeln!(out, "{}", json_safe(&json))?;
        }
    }
    Ok(())
}
