//! Figures for offline sync (issue 22's "Proof"), printed as `name value unit`.
//! Run with `cargo bench --bench sync`. Not a test: nothing here can flake CI.
//!
//! A team file of 10,000 people shared among 40 workers (the demo generator,
//! in this process), the OS login being one of them, so its caseload is
//! about 250 people. The release binary clones that caseload onto a
//! "laptop" file, a week of the worker's changes is made on the laptop and a
//! colleague's on the team file (through the store API, in this process, as
//! the app makes them), and the binary syncs the two.
//!
//! The week's sync goes over a simulated 2 KB/s link: `CASELOAD_SSH` is this
//! bench's own executable, which, run with `CASELOAD_BENCH_RELAY` set, plays
//! ssh: it runs the far side's command (`caseload sync serve PATH`) with
//! `sh -c`, as sshd would, and relays its standard input and output, each
//! direction throttled to that many bytes a second (0: not throttled). Every
//! figure degrades to `name failed: reason` instead of stopping.

#[path = "common/figures.rs"]
mod figures;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use caseload::cli::DemoSize;
use caseload::clock::Clock;
use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::measure::{Instrument, Scores};
use caseload::domain::person::StatusChange;
use caseload::store::Store;
use figures::{Figure, binary, binary_figure, ms, percentile, print};

const PEOPLE: usize = 10_000;
/// Workers sharing the team's people (person id modulo this): the OS login
/// is the first, so its caseload is every 40th person.
const WORKERS: usize = 40;
/// The simulated link's speed, each way.
const LINK_BYTES_PER_S: u64 = 2048;
/// Set (to a rate in bytes a second) on the binary's environment, which
/// passes it on to `CASELOAD_SSH`, that is, this executable as a relay.
const RELAY_VAR: &str = "CASELOAD_BENCH_RELAY";
/// Where the relay writes the bytes it carried each way: `UP DOWN`.
const RELAY_LOG_VAR: &str = "CASELOAD_BENCH_RELAY_LOG";
/// The relay writes this much at a time, so a message arrives as a stream.
const RELAY_CHUNK: usize = 128;
/// The "server" part of the remote origin; the fake ssh ignores it.
const SERVER: &str = "teamserver";
const CLONE_RUNS: usize = 3;
const NOOP_RUNS: usize = 5;

/// The whole run's files and the environment the binary runs in.
struct Bench {
    dir: PathBuf,
    team: PathBuf,
    relay: PathBuf,
}

impl Bench {
    /// `caseload --db DB ARGS...` with a clean environment: a fake home, the
    /// fake ssh, and the link's rate for it.
    fn caseload(&self, db: &Path, args: &[&str], rate: u64) -> Command {
        let mut cmd = Command::new(binary());
        cmd.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        let home = self.dir.join("home");
        cmd.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("CASELOAD_SSH", &self.relay)
            .env("CASELOAD_REMOTE", binary())
            .env(RELAY_VAR, rate.to_string())
            .env(RELAY_LOG_VAR, self.relay_log())
            .arg("--db")
            .arg(db)
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    /// Runs the binary; its standard output, or why it failed.
    fn run(&self, db: &Path, args: &[&str], rate: u64) -> Figure<(String, Duration)> {
        let start = Instant::now();
        let out = self
            .caseload(db, args, rate)
            .output()
            .map_err(|e| format!("{}: {e}", binary().display()))?;
        let took = start.elapsed();
        if !out.status.success() {
            return Err(format!(
                "caseload {} exited {}: {}",
                args.join(" "),
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok((
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            took,
        ))
    }

    fn relay_log(&self) -> PathBuf {
        self.dir.join("relay.log")
    }

    /// The bytes the relay carried each way in its last run.
    fn relayed(&self) -> Figure<String> {
        let text = std::fs::read_to_string(self.relay_log()).map_err(|e| e.to_string())?;
        let mut n = text.split_whitespace();
        match (n.next(), n.next()) {
            (Some(up), Some(down)) => Ok(format!("{up} up, {down} down")),
            _ => Err(format!("relay log {text:?}")),
        }
    }

    fn remote_origin(&self) -> String {
        format!("{SERVER}:{}", self.team.display())
    }
}

fn main() {
    if let Some(rate) = std::env::var_os(RELAY_VAR) {
        let rate = rate.to_str().and_then(|r| r.parse().ok()).unwrap_or(0);
        std::process::exit(relay(rate));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let relay = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            println!("sync_clone_s failed: cannot find the bench's own executable: {e}");
            return;
        }
    };
    let bench = Bench {
        dir: dir.path().to_path_buf(),
        team: dir.path().join("team.db"),
        relay,
    };
    let _ = std::fs::create_dir_all(bench.dir.join("home"));
    print("binary", binary_figure());

    let t = Instant::now();
    let me = match make_team(&bench.team) {
        Ok(me) => me,
        Err(e) => {
            println!("sync_generate failed: {e}");
            return;
        }
    };
    println!(
        "sync_generate_s {:.1} s ({PEOPLE} people, {WORKERS} workers, {} on {}'s caseload, team file {:.1} MB)",
        t.elapsed().as_secs_f64(),
        me.people,
        me.login,
        file_mb(&bench.team)
    );

    clone_figures(&bench);

    // The week: a laptop copy (remote origin, so syncs go through the relay).
    let laptop = bench.dir.join("laptop.db");
    let week = make_week(&bench, &laptop, &me.login);
    let (laptop_changes, team_changes) = match week {
        Ok(counts) => counts,
        Err(e) => {
            println!("sync_week_bytes failed: {e}");
            return;
        }
    };
    println!("sync_week_changes {laptop_changes} on the laptop, {team_changes} on the team file");
    // Both files as they are before the sync, so it can be run twice.
    let saved = match save(&bench, &laptop) {
        Ok(s) => s,
        Err(e) => {
            println!("sync_week_bytes failed: {e}");
            return;
        }
    };

    print("sync_week_push", push_figure(&laptop));
    let _ = std::fs::remove_file(bench.relay_log());
    let throttled = bench.run(&laptop, &["sync"], LINK_BYTES_PER_S);
    match &throttled {
        Ok((line, took)) => {
            let relayed = bench.relayed().unwrap_or_else(|e| format!("relay: {e}"));
            print(
                "sync_week_bytes",
                summary_bytes(line).map(|b| format!("{b} bytes ({relayed})")),
            );
            println!(
                "sync_week_s {:.1} s (over {LINK_BYTES_PER_S} bytes/s each way)",
                took.as_secs_f64()
            );
            println!("sync_week_summary {line}");
        }
        Err(e) => {
            println!("sync_week_bytes failed: {e}");
            println!("sync_week_s failed: {e}");
        }
    }
    print(
        "sync_week_converged",
        converged(&bench.team, &laptop, &me.login),
    );
    print("sync_week_status", status(&bench, &laptop));

    let local = restore(&bench, &laptop, &saved).and_then(|()| bench.run(&laptop, &["sync"], 0));
    print(
        "sync_week_local_s",
        local.map(|(line, took)| {
            format!(
                "{:.2} s (unthrottled, {} bytes)",
                took.as_secs_f64(),
                summary_bytes(&line).map_or_else(|e| e, |b| b.to_string())
            )
        }),
    );

    noop_figures(&bench, &laptop);
}

/// What the laptop's push will carry, by table, and how much of it is the
/// merge bases (each changed record as the team file last had it).
fn push_figure(laptop: &Path) -> Figure<String> {
    let store = Store::open_read_only(laptop, Clock::system()).map_err(|e| e.to_string())?;
    let push = store.copies().local_changes().map_err(|e| e.to_string())?;
    let mut bases = 0;
    let mut by_table: Vec<(String, usize, usize)> = Vec::new();
    for c in &push.changes {
        bases += c.base.as_ref().map_or(0, json_len);
        let n = json_len(c);
        match by_table.iter_mut().find(|(t, _, _)| *t == c.record.table) {
            Some((_, count, bytes)) => {
                *count += 1;
                *bytes += n;
            }
            None => by_table.push((c.record.table.clone(), 1, n)),
        }
    }
    let tables: Vec<String> = by_table
        .iter()
        .map(|(t, count, bytes)| format!("{t} {count} = {bytes}"))
        .collect();
    Ok(format!(
        "{} bytes ({} changes, of which merge bases {bases} bytes; by table, changes = bytes: {})",
        json_len(&push),
        push.changes.len(),
        tables.join(", ")
    ))
}

/// A value's size as JSON.
fn json_len<T: serde::Serialize>(v: &T) -> usize {
    serde_json::to_vec(v).map_or(0, |v| v.len())
}

/// A file's size with its write-ahead log, in MB.
fn file_mb(path: &Path) -> f64 {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    (size(path) + size(Path::new(&wal))) as f64 / (1024.0 * 1024.0)
}

struct Me {
    login: String,
    people: usize,
}

/// The 10k-person team file: the demo, then a team of 40 with the OS login
/// first (the demo's own `--workers` stops at 12).
fn make_team(path: &Path) -> Result<Me, String> {
    let mut store = Store::open(path, Clock::system()).map_err(|e| e.to_string())?;
    caseload::cli::build_demo(
        &mut store,
        &DemoSize {
            people: Some(PEOPLE),
            ..Default::default()
        },
    )
    .map_err(|e| format!("{e:?}"))?;
    let login = store.actor().to_string();
    let team: Vec<(String, String)> = std::iter::once((login.clone(), "You".to_string()))
        .chain((1..WORKERS).map(|i| (format!("bench-worker-{i:02}"), format!("Colleague {i}"))))
        .collect();
    store.add_demo_team(&team).map_err(|e| e.to_string())?;
    let people = store
        .people()
        .list_of(None, Some(&login))
        .map_err(|e| e.to_string())?
        .len();
    Ok(Me { login, people })
}

/// `sync_clone_s`: the median of three clones of the caseload, each into a
/// new laptop file, from the team file as a plain path.
fn clone_figures(bench: &Bench) {
    let team = bench.team.display().to_string();
    let mut samples = Vec::new();
    let mut last = None;
    for i in 0..CLONE_RUNS {
        let laptop = bench.dir.join(format!("clone-{i}.db"));
        match bench.run(&laptop, &["sync", "clone", &team], 0) {
            Ok((line, took)) => {
                samples.push(took.as_secs_f64());
                last = Some((line, laptop));
            }
            Err(e) => {
                println!("sync_clone_s failed: {e}");
                return;
            }
        }
    }
    let median = percentile(&mut samples, 0.5);
    println!(
        "sync_clone_s {median:.2} s (median of {CLONE_RUNS}, min {:.2}, max {:.2})",
        samples[0],
        samples[samples.len() - 1]
    );
    if let Some((line, laptop)) = last {
        // "copied N of LOGIN's people and M services from ..."
        let people = line
            .strip_prefix("copied ")
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_string);
        print(
            "sync_clone_people",
            people.ok_or_else(|| format!("no count in {line:?}")),
        );
        println!("sync_clone_mb {:.1} MB", file_mb(&laptop));
        for i in 0..CLONE_RUNS {
            let _ = std::fs::remove_file(bench.dir.join(format!("clone-{i}.db")));
        }
    }
}

/// The laptop copy (cloned through the relay, unthrottled), then a week of
/// the worker's changes on it and a colleague's on the team file. Returns
/// how many changes each side made.
fn make_week(bench: &Bench, laptop: &Path, login: &str) -> Result<(usize, usize), String> {
    bench.run(laptop, &["sync", "clone", &bench.remote_origin()], 0)?;
    let laptop_changes = {
        let mut store = Store::open(laptop, Clock::system()).map_err(|e| e.to_string())?;
        laptop_week(&mut store).map_err(|e| format!("the laptop's week: {e}"))?
    };
    let team_changes = {
        let mut store = Store::open(&bench.team, Clock::system()).map_err(|e| e.to_string())?;
        colleague_week(&mut store, login).map_err(|e| format!("the team file's week: {e}"))?
    };
    Ok((laptop_changes, team_changes))
}

type StoreResult<T> = Result<T, caseload::store::StoreError>;

/// ~200 changes, as a week of home visits makes them: 80 notes, 40 edits of
/// someone's details, 30 follow-ups (10 added, 10 done, 10 moved), 20
/// goals, 20 measures, 10 status changes. Spread over the caseload.
fn laptop_week(store: &mut Store) -> StoreResult<usize> {
    let today = store.clock().today();
    let now = chrono::Local::now().naive_local();
    let people: Vec<i64> = store
        .people()
        .list(None)?
        .into_iter()
        .map(|p| p.id)
        .collect();
    if people.is_empty() {
        return Err(caseload::store::StoreError::Invalid(
            "the laptop copy holds nobody".into(),
        ));
    }
    let person = |i: usize| people[(i * 7) % people.len()];
    let mut n = 0;
    for i in 0..80 {
        store.notes_mut().add(&NewNote {
            person_id: person(i),
            kind: if i % 3 == 0 {
                ConversationKind::Phone
            } else {
                ConversationKind::Visit
            },
            occurred_at: now,
            body: format!(
                "Home visit {i}: talked about getting out more; keen on the walking group \
                 on Thursdays and would like help with the bus pass form. Will ring next week."
            ),
            amends: None,
        })?;
        n += 1;
    }
    for i in 0..40 {
        let id = person(i + 3);
        let p = store.people().get(id)?;
        let mut details = p.details.clone();
        details.phone = Some(format!("07700 9{:05}", 10_000 + i));
        if i % 2 == 0 {
            details.contact_preferences = Some("Mornings; text first".into());
        }
        store.people_mut().update(id, p.version, &details)?;
        n += 1;
    }
    // Follow-ups: the open ones already on file are done or moved; ten new.
    let open: Vec<i64> = store
        .follow_ups()
        .open()?
        .into_iter()
        .filter(|f| f.person_id.is_some())
        .map(|f| f.id)
        .collect();
    let mut added = Vec::new();
    for i in 0..10 {
        added.push(store.follow_ups_mut().add(
            Some(person(i + 11)),
            None,
            today + chrono::Days::new(7 + i as u64),
            None,
            "Ring about the walking group",
        )?);
        n += 1;
    }
    let mut pick = open.iter().chain(added.iter()).copied();
    for _ in 0..10 {
        if let Some(id) = pick.next() {
            store
                .follow_ups_mut()
                .complete_with(id, Some("spoke to them"))?;
            n += 1;
        }
    }
    for _ in 0..10 {
        if let Some(id) = pick.next() {
            store
                .follow_ups_mut()
                .snooze(id, today + chrono::Days::new(14))?;
            n += 1;
        }
    }
    for i in 0..20 {
        store.goals_mut().add(
            person(i + 17),
            "Go to the walking group twice a month",
            today,
        )?;
        n += 1;
    }
    let scores = Scores::parse(Instrument::Ons4, "6 7 5 3")
        .map_err(|e| caseload::store::StoreError::Invalid(format!("{e:?}")))?;
    for i in 0..20 {
        store.measures_mut().add(person(i + 23), &scores, today)?;
        n += 1;
    }
    let mut moved = 0;
    for &id in &people {
        if moved == 10 {
            break;
        }
        let p = store.people().get(id)?;
        let Some(&next) = p.status.next().first() else {
            continue;
        };
        store.people_mut().set_status(
            id,
            p.version,
            &StatusChange {
                status: next,
                reason: Some("agreed at the visit".into()),
                changed_on: today,
            },
        )?;
        moved += 1;
        n += 1;
    }
    Ok(n)
}

/// ~50 changes on the worker's people on the team file meanwhile (a
/// colleague covering: the store writes as the OS login, as the release
/// build must): 20 notes, 15 edits (5 of the same field the laptop edited,
/// so conflicts), 10 follow-ups added, 5 measures.
fn colleague_week(store: &mut Store, login: &str) -> StoreResult<usize> {
    let today = store.clock().today();
    let now = chrono::Local::now().naive_local();
    let mut people: Vec<i64> = store
        .people()
        .list_of(None, Some(login))?
        .into_iter()
        .map(|p| p.id)
        .collect();
    people.sort_unstable();
    if people.is_empty() {
        return Err(caseload::store::StoreError::Invalid(
            "the worker has nobody on the team file".into(),
        ));
    }
    // The laptop's `person(i)` order is by name; here ids, so some overlap.
    let person = |i: usize| people[(i * 11 + 5) % people.len()];
    let mut n = 0;
    for i in 0..20 {
        store.notes_mut().add(&NewNote {
            person_id: person(i),
            kind: ConversationKind::Phone,
            occurred_at: now,
            body: format!("Covering call {i}: left a message, will try again Friday."),
            amends: None,
        })?;
        n += 1;
    }
    // The laptop edits phones; five of these edit phones too (the laptop's
    // first five edited people, by name), ten edit addresses.
    let mut by_name: Vec<i64> = store
        .people()
        .list_of(None, Some(login))?
        .into_iter()
        .map(|p| p.id)
        .collect();
    if by_name.is_empty() {
        by_name = people.clone();
    }
    for i in 0..15 {
        let id = if i < 5 {
            by_name[((i + 3) * 7) % by_name.len()]
        } else {
            person(i + 30)
        };
        let p = store.people().get(id)?;
        let mut details = p.details.clone();
        if i < 5 {
            details.phone = Some(format!("01632 9{:05}", 60_000 + i));
        } else {
            details.address = Some(format!("{} Station Road", 10 + i));
        }
        store.people_mut().update(id, p.version, &details)?;
        n += 1;
    }
    for i in 0..10 {
        store.follow_ups_mut().add(
            Some(person(i + 50)),
            None,
            today + chrono::Days::new(3),
            None,
            "Check they got the leaflet",
        )?;
        n += 1;
    }
    let scores = Scores::parse(Instrument::Ons4, "5 5 6 4")
        .map_err(|e| caseload::store::StoreError::Invalid(format!("{e:?}")))?;
    for i in 0..5 {
        store.measures_mut().add(person(i + 70), &scores, today)?;
        n += 1;
    }
    Ok(n)
}

/// Where the two files were saved before the week's sync.
struct Saved {
    laptop: PathBuf,
    team: PathBuf,
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Copies a closed database (and its WAL, if one was left) over `to`.
fn copy_db(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map_err(|e| format!("copy {}: {e}", from.display()))?;
    for suffix in ["-wal", "-shm"] {
        let (f, t) = (with_suffix(from, suffix), with_suffix(to, suffix));
        let _ = std::fs::remove_file(&t);
        if f.exists() {
            std::fs::copy(&f, &t).map_err(|e| format!("copy {}: {e}", f.display()))?;
        }
    }
    Ok(())
}

fn save(bench: &Bench, laptop: &Path) -> Result<Saved, String> {
    let saved = Saved {
        laptop: bench.dir.join("laptop.saved"),
        team: bench.dir.join("team.saved"),
    };
    copy_db(laptop, &saved.laptop)?;
    copy_db(&bench.team, &saved.team)?;
    Ok(saved)
}

fn restore(bench: &Bench, laptop: &Path, saved: &Saved) -> Result<(), String> {
    copy_db(&saved.laptop, laptop)?;
    copy_db(&saved.team, &bench.team)
}

/// The `(N bytes)` a sync's summary line ends with.
fn summary_bytes(line: &str) -> Result<u64, String> {
    line.rsplit_once('(')
        .and_then(|(_, tail)| tail.strip_suffix(" bytes)"))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("no byte count in {line:?}"))
}

/// `caseload sync status`'s "waiting" line after the sync.
fn status(bench: &Bench, laptop: &Path) -> Figure<String> {
    let (out, _) = bench.run(laptop, &["sync", "status"], 0)?;
    out.lines()
        .find(|l| l.starts_with("waiting"))
        .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        .ok_or_else(|| format!("no waiting line in {out:?}"))
}

/// After the week's sync both files should hold the same caseload: each of
/// the worker's people, their details, notes, goals, measures and
/// follow-ups, compared by content (a record's short id may differ).
fn converged(team: &Path, laptop: &Path, login: &str) -> Figure<String> {
    let open = |p: &Path| Store::open_read_only(p, Clock::system()).map_err(|e| e.to_string());
    let (team, laptop) = (open(team)?, open(laptop)?);
    let ids = |s: &Store, who: Option<&str>| -> Result<Vec<i64>, String> {
        let mut ids: Vec<i64> = s
            .people()
            .list_of(None, who)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|p| p.id)
            .collect();
        ids.sort_unstable();
        Ok(ids)
    };
    let (on_team, on_laptop) = (ids(&team, Some(login))?, ids(&laptop, None)?);
    if on_team != on_laptop {
        return Err(format!(
            "{} people on the team file's caseload, {} on the laptop",
            on_team.len(),
            on_laptop.len()
        ));
    }
    let mut differ = Vec::new();
    for &id in &on_team {
        let (a, b) = (
            fingerprint(&team, id).map_err(|e| e.to_string())?,
            fingerprint(&laptop, id).map_err(|e| e.to_string())?,
        );
        for (what, x, y) in [
            ("details", &a.0, &b.0),
            ("notes", &a.1, &b.1),
            ("goals", &a.2, &b.2),
            ("measures", &a.3, &b.3),
            ("follow-ups", &a.4, &b.4),
        ] {
            if x != y {
                differ.push(format!("person {id} {what}"));
            }
        }
    }
    if differ.is_empty() {
        Ok(format!("yes ({} people compared)", on_team.len()))
    } else {
        Err(format!(
            "{} differences, first: {}",
            differ.len(),
            differ
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

type Print = Vec<String>;

/// One person's records as comparable text, each list sorted.
fn fingerprint(s: &Store, id: i64) -> StoreResult<(Print, Print, Print, Print, Print)> {
    let p = s.people().get(id)?;
    let details = vec![format!(
        "{:?} {:?} {:?} {:?}",
        p.details, p.status, p.status_reason, p.closed_on
    )];
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let notes = sorted(
        s.notes()
            .list(id)?
            .into_iter()
            .map(|n| format!("{} {:?} {}", n.occurred_at, n.kind, n.body))
            .collect(),
    );
    let goals = sorted(
        s.goals()
            .list(id)?
            .into_iter()
            .map(|g| format!("{} {:?} {:?}", g.text, g.status, g.created_on))
            .collect(),
    );
    let measures = sorted(
        s.measures()
            .list(id)?
            .into_iter()
            .map(|m| format!("{:?} {:?} {:?}", m.instrument, m.taken_on, m.items))
            .collect(),
    );
    let follow_ups = sorted(
        s.follow_ups()
            .for_person(id)?
            .into_iter()
            .map(|f| {
                format!(
                    "{} {} {:?} {:?} {:?}",
                    f.text, f.due_on, f.done_at, f.outcome, f.snoozed_until
                )
            })
            .collect(),
    );
    Ok((details, notes, goals, measures, follow_ups))
}

/// `sync_noop_ms`: a sync with nothing changed on either side, unthrottled.
fn noop_figures(bench: &Bench, laptop: &Path) {
    let mut samples = Vec::new();
    let mut bytes = Err("no run".to_string());
    for _ in 0..NOOP_RUNS {
        match bench.run(laptop, &["sync"], 0) {
            Ok((line, took)) => {
                samples.push(ms(took));
                bytes = summary_bytes(&line).map(|b| format!("{b} bytes ({line})"));
            }
            Err(e) => {
                println!("sync_noop_ms failed: {e}");
                println!("sync_noop_bytes failed: {e}");
                return;
            }
        }
    }
    println!(
        "sync_noop_ms {:.1} ms (median of {NOOP_RUNS}, unthrottled)",
        percentile(&mut samples, 0.5)
    );
    print("sync_noop_bytes", bytes);
}

/// The fake ssh: called as `ssh -- SERVER COMMAND`, it runs COMMAND with
/// `sh -c` (the far side's shell) and relays both ways at `rate` bytes a
/// second (0: as fast as the pipes go). Returns the exit code.
fn relay(rate: u64) -> i32 {
    let Some(command) = std::env::args().skip(1).last() else {
        eprintln!("bench relay: no command");
        return 255;
    };
    let child = Command::new("sh")
        .arg("-c")
        .arg(&command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bench relay: cannot start sh: {e}");
            return 255;
        }
    };
    let (Some(to), Some(from)) = (child.stdin.take(), child.stdout.take()) else {
        eprintln!("bench relay: no pipes");
        return 255;
    };
    let up = std::thread::spawn(move || pump(std::io::stdin().lock(), to, rate));
    let down = pump(from, std::io::stdout().lock(), rate);
    let up = up.join();
    let status = child.wait();
    if let Some(log) = std::env::var_os(RELAY_LOG_VAR) {
        let carried = |r: &std::io::Result<u64>| r.as_ref().map_or(0, |n| *n);
        let up_n = up.as_ref().map_or(0, carried);
        let _ = std::fs::write(log, format!("{} {}\n", up_n, carried(&down)));
    }
    if let Err(e) = down {
        eprintln!("bench relay: down: {e}");
    }
    if let Ok(Err(e)) = up {
        eprintln!("bench relay: up: {e}");
    }
    match status {
        Ok(s) => s.code().unwrap_or(255),
        Err(_) => 255,
    }
}

/// Copies `from` to `to`, each chunk leaving when the link is free again:
/// a chunk of n bytes takes n / rate seconds on the wire.
fn pump(mut from: impl Read, mut to: impl Write, rate: u64) -> std::io::Result<u64> {
    let mut buf = [0u8; 64 * 1024];
    let mut free = Instant::now();
    let mut total = 0;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if rate == 0 {
            to.write_all(&buf[..n])?;
            to.flush()?;
        } else {
            for chunk in buf[..n].chunks(RELAY_CHUNK) {
                free = free.max(Instant::now())
                    + Duration::from_secs_f64(chunk.len() as f64 / rate as f64);
                if let Some(wait) = free.checked_duration_since(Instant::now()) {
                    std::thread::sleep(wait);
                }
                to.write_all(chunk)?;
                to.flush()?;
            }
        }
        total += n as u64;
    }
}
