//! Several `caseload` processes on one file at once (issue 10, "tests that keep
//! it fixed"): writers, readers, and writers killed with SIGKILL part-way.
//! Bounded so CI stays quick; each test prints its figures (run with
//! `--nocapture` to see them).

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Sandbox, list_people};

const WRITERS: usize = 4;
const WRITES_EACH: usize = 25;
const READERS: usize = 2;

fn run(sb: &Sandbox, db: &Path, args: &[&str]) -> Output {
    sb.command()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run caseload")
}

fn ids(db: &Path, table: &str) -> BTreeSet<i64> {
    let conn = common::open_read_only(db);
    let mut stmt = conn.prepare(&format!("SELECT id FROM {table}")).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// What one writer saw: ids acknowledged (printed) for people and notes, and
/// the stderr of every write that failed.
#[derive(Default)]
struct Tally {
    people: Vec<(i64, String)>,
    notes: Vec<i64>,
    failures: Vec<String>,
}

fn writer(sb: &Sandbox, db: &Path, w: usize) -> Tally {
    let mut tally = Tally::default();
    for i in 0..WRITES_EACH {
        let given = format!("W{w}n{i}");
        let text = format!("note {w}/{i}");
        let out = if i % 2 == 0 {
            run(
                sb,
                db,
                &["person", "add", "--given", &given, "--family", "Writer"],
            )
        } else {
            run(sb, db, &["note", "add", "1", "--text", &text])
        };
        let stdout = String::from_utf8_lossy(&out.stdout);
        match (out.status.success(), stdout.trim().parse::<i64>()) {
            (true, Ok(id)) if i % 2 == 0 => tally.people.push((id, given)),
            (true, Ok(id)) => tally.notes.push(id),
            _ => tally
                .failures
                .push(String::from_utf8_lossy(&out.stderr).into_owned()),
        }
    }
    tally
}

#[test]
fn concurrent_writers_and_readers_lose_nothing_and_never_cry_damage() {
    let sb = Sandbox::new();
    let db = sb.path("shared.db");
    let seed = run(
        &sb,
        &db,
        &["person", "add", "--given", "Seed", "--family", "Person"],
    );
    assert!(seed.status.success());

    let done = AtomicBool::new(false);
    let reads = AtomicUsize::new(0);
    let (tallies, reader_failures) = std::thread::scope(|s| {
        let readers: Vec<_> = (0..READERS)
            .map(|r| {
                let (sb, db, done, reads) = (&sb, &db, &done, &reads);
                s.spawn(move || {
                    let mut failures = Vec::new();
                    let mut n = 0;
                    while !done.load(Ordering::Relaxed) {
                        let args: &[&str] = if (n + r) % 2 == 0 {
                            &["check"]
                        } else {
                            &["person", "list", "--format", "csv"]
                        };
                        let out = run(sb, db, args);
                        if !out.status.success() {
                            failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                        }
                        reads.fetch_add(1, Ordering::Relaxed);
                        n += 1;
                    }
                    failures
                })
            })
            .collect();
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (sb, db) = (&sb, &db);
                s.spawn(move || writer(sb, db, w))
            })
            .collect();
        let tallies: Vec<Tally> = writers.into_iter().map(|h| h.join().unwrap()).collect();
        done.store(true, Ordering::Relaxed);
        let failures: Vec<String> = readers
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        (tallies, failures)
    });

    let people = ids(&db, "person");
    let notes = ids(&db, "conversation");
    let listed = list_people(&sb, &db);
    let mut acknowledged = 0;
    let mut lost = 0;
    for t in &tallies {
        for (id, given) in &t.people {
            acknowledged += 1;
            let found = listed.iter().any(|p| p.id == *id && &p.given_name == given);
            lost += usize::from(!people.contains(id) || !found);
        }
        for id in &t.notes {
            acknowledged += 1;
            lost += usize::from(!notes.contains(id));
        }
    }
    let write_failures: Vec<&String> = tallies.iter().flat_map(|t| &t.failures).collect();
    eprintln!(
        "concurrency: {WRITERS} writer processes x {WRITES_EACH} writes + {READERS} reader loops \
         ({} reads); acknowledged {acknowledged}, write failures {}, reader failures {}, lost {lost}",
        reads.load(Ordering::Relaxed),
        write_failures.len(),
        reader_failures.len()
    );
    for e in write_failures
        .iter()
        .chain(reader_failures.iter().collect::<Vec<_>>().iter())
    {
        assert!(
            !e.contains("damaged"),
            "a healthy file was called damaged: {e}"
        );
        assert!(!e.contains("restore"), "a restore was advised: {e}");
    }
    assert!(
        reader_failures.is_empty(),
        "readers failed: {reader_failures:?}"
    );
    assert_eq!(lost, 0, "acknowledged writes are missing");
    assert!(
        write_failures.iter().all(|e| e.contains("busy")),
        "a write failed for a reason other than a busy lock: {write_failures:?}"
    );
    assert_eq!(acknowledged + write_failures.len(), WRITERS * WRITES_EACH);
    let check = run(&sb, &db, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Deterministic pseudo-random delays (SplitMix64), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

const KILL_ROUNDS: usize = 15;
const KILL_BATCH: usize = 4;
/// About how long one `person add` takes here (debug build), so kills land
/// before, during and after the write.
const KILL_WITHIN_US: u64 = 20_000;

#[test]
fn writers_killed_with_sigkill_lose_nothing_they_acknowledged() {
    let sb = Sandbox::new();
    let db = sb.path("killed.db");
    let seed = run(
        &sb,
        &db,
        &["person", "add", "--given", "Seed", "--family", "Person"],
    );
    assert!(seed.status.success());
    let mut rng = Rng(0x6B11);
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    let mut killed_before_ack = 0;
    let mut spawned = 0;
    for round in 0..KILL_ROUNDS {
        let mut children = Vec::new();
        for k in 0..KILL_BATCH {
            let given = format!("K{round}n{k}");
            let child = sb
                .command()
                .arg("--db")
                .arg(&db)
                .args(["person", "add", "--given", &given, "--family", "Killed"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn caseload");
            spawned += 1;
            children.push((given, child));
        }
        // Each is killed at its own moment after the batch started: anywhere
        // from before the database is opened to after the commit.
        let start = Instant::now();
        let mut timed: Vec<_> = children
            .into_iter()
            .map(|c| (Duration::from_micros(rng.below(KILL_WITHIN_US)), c))
            .collect();
        timed.sort_by_key(|(at, _)| *at);
        for (at, (given, mut child)) in timed {
            std::thread::sleep(at.saturating_sub(start.elapsed()));
            let _ = child.kill(); // SIGKILL; fails harmlessly if it already exited
            let out = child.wait_with_output().unwrap();
            match String::from_utf8_lossy(&out.stdout).trim().parse::<i64>() {
                Ok(id) => acknowledged.push((id, given)),
                Err(_) => {
                    killed_before_ack += 1;
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(!err.contains("damaged"), "{err}");
                }
            }
        }
    }
    let check = run(&sb, &db, &["check"]);
    assert!(
        check.status.success(),
        "check after the kills: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let listed = list_people(&sb, &db);
    let lost = acknowledged
        .iter()
        .filter(|(id, given)| !listed.iter().any(|p| p.id == *id && &p.given_name == given))
        .count();
    eprintln!(
        "kill -9: {spawned} writer processes, {} acknowledged, {killed_before_ack} killed before \
         acknowledging, lost {lost}, {} rows present",
        acknowledged.len(),
        listed.len()
    );
    assert_eq!(lost, 0, "acknowledged writes are missing");
    // An unacknowledged write may or may not have landed; it is never half there.
    assert!(listed.len() > acknowledged.len());
}
