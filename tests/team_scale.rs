//! Proof at team scale (issue 14, part 5): several worker processes (the CLI
//! binary, each a different login through CASELOAD_TEST_LOGIN) write to one
//! file at once for a bounded time: adds, notes, status changes, follow-ups
//! and handovers. Every acknowledged write is there afterwards, no raw SQLite
//! error reaches anyone, and no update is lost: each person is with the
//! worker of their last handover, and their open follow-ups went with them.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use common::Sandbox;

const WORKERS: usize = 4;
const RUN_FOR: Duration = Duration::from_secs(4);
const SEED_PEOPLE: i64 = 8;

fn run(sb: &Sandbox, db: &Path, login: &str, args: &[&str]) -> Output {
    sb.command()
        .env("CASELOAD_TEST_LOGIN", login)
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run caseload")
}

/// What one worker process saw acknowledged, and every refusal.
#[derive(Default)]
struct Tally {
    people: Vec<(i64, String)>,
    notes: Vec<i64>,
    follow_ups: Vec<i64>,
    activated: Vec<i64>,
    handovers: Vec<(i64, String)>,
    refusals: Vec<String>,
    writes: usize,
}

fn worker(sb: &Sandbox, db: &Path, w: usize) -> Tally {
    let login = format!("w{w}");
    let mut tally = Tally::default();
    let mut seed = 0x9E37_79B9_u64.wrapping_mul(w as u64 + 1);
    let mut rand = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let start = Instant::now();
    let mut i = 0;
    while start.elapsed() < RUN_FOR {
        let known = SEED_PEOPLE + tally.people.len() as i64;
        let person = (1 + rand(known as u64) as i64).to_string();
        let op = i % 5;
        let given = format!("W{w}n{i}");
        let to = format!("w{}", rand(WORKERS as u64));
        let text = format!("w{w} {i}");
        let args: Vec<&str> = match op {
            0 => vec!["person", "add", "--given", &given, "--family", "Team"],
            1 => vec!["note", "add", &person, "--text", &text],
            2 => vec!["person", "status", &person, "--to", "active"],
            3 => vec![
                "followup", "add", "--person", &person, "--due", "+3d", "--text", &text,
            ],
            _ => vec![
                "person", "assign", &person, "--worker", &to, "--note", &text,
            ],
        };
        let out = run(sb, db, &login, &args);
        let stdout = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.success() {
            tally.writes += 1;
            let id = || stdout.parse::<i64>().expect("an id");
            match op {
                0 => tally.people.push((id(), given)),
                1 => tally.notes.push(id()),
                2 => tally.activated.push(person.parse().unwrap()),
                3 => tally.follow_ups.push(id()),
                _ => tally.handovers.push((person.parse().unwrap(), to)),
            }
        } else {
            assert_eq!(
                out.status.code(),
                Some(1),
                "op {op} failed as a data error: {stderr}"
            );
            tally.refusals.push(stderr);
        }
        i += 1;
    }
    tally
}

fn ids(db: &Path, sql: &str) -> BTreeSet<i64> {
    let conn = common::open_read_only(db);
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_team_writing_at_once_loses_nothing() {
    let sb = Sandbox::new();
    let db = sb.path("team.db");
    for w in 0..WORKERS {
        let login = format!("w{w}");
        let name = format!("Worker {w}");
        let out = run(
            &sb,
            &db,
            "w0",
            &["worker", "add", "--login", &login, "--name", &name],
        );
        assert!(out.status.success(), "{out:?}");
    }
    for p in 0..SEED_PEOPLE {
        let login = format!("w{}", p as usize % WORKERS);
        let given = format!("Seed{p}");
        let out = run(
            &sb,
            &db,
            &login,
            &["person", "add", "--given", &given, "--family", "Team"],
        );
        assert!(out.status.success(), "{out:?}");
    }

    let started = Instant::now();
    let tallies: Vec<Tally> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let (sb, db) = (&sb, &db);
                s.spawn(move || worker(sb, db, w))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();

    // No raw SQLite error, no damage, no lock timeout reached anyone; a
    // refusal is one of the expected ones (a race for the same person).
    for t in &tallies {
        for r in &t.refusals {
            for bad in ["database error", "damaged", "busy", "malformed", "locked"] {
                assert!(!r.contains(bad), "a raw error reached a worker: {r}");
            }
            assert!(
                r.contains("already on")
                    || r.contains("cannot go from")
                    || r.contains("changed elsewhere"),
                "an unexpected refusal: {r}"
            );
        }
    }

    let people = ids(&db, "SELECT id FROM person");
    let notes = ids(&db, "SELECT id FROM conversation");
    let follow_ups = ids(&db, "SELECT id FROM reminder");
    let active = ids(
        &db,
        "SELECT person_id FROM status_change WHERE status = 'active'",
    );
    let conn = common::open_read_only(&db);
    for t in &tallies {
        for (id, given) in &t.people {
            assert!(people.contains(id), "person {id} acknowledged, missing");
            let name: String = conn
                .query_row("SELECT given_name FROM person WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(&name, given);
        }
        assert!(
            t.notes.iter().all(|n| notes.contains(n)),
            "a note is missing"
        );
        assert!(
            t.follow_ups.iter().all(|f| follow_ups.contains(f)),
            "a follow-up is missing"
        );
        assert!(
            t.activated.iter().all(|p| active.contains(p)),
            "a status change is missing"
        );
    }
    // Each acknowledged handover is a row; everyone is with the worker of
    // their last one, and their open follow-ups are with that worker too.
    let mut acked: BTreeMap<i64, usize> = BTreeMap::new();
    for t in &tallies {
        for (p, _) in &t.handovers {
            *acked.entry(*p).or_default() += 1;
        }
    }
    for (p, n) in &acked {
        let rows: i64 = conn
            .query_row(
                "SELECT count(*) FROM handover WHERE person_id = ?1",
                [p],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows as usize, *n, "handovers of person {p}");
    }
    let mismatched: i64 = conn
        .query_row(
            "SELECT count(*) FROM person p
              WHERE EXISTS (SELECT 1 FROM handover h WHERE h.person_id = p.id)
                AND p.assigned_worker IS NOT (SELECT h.to_worker FROM handover h
                      WHERE h.person_id = p.id ORDER BY h.id DESC LIMIT 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        mismatched, 0,
        "a person is not with their last handover's worker"
    );
    let strays: i64 = conn
        .query_row(
            "SELECT count(*) FROM reminder r JOIN person p ON p.id = r.person_id
              WHERE r.done_at IS NULL AND r.owner IS NOT p.assigned_worker",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(strays, 0, "an open follow-up stayed with the old worker");
    let out = run(&sb, &db, "w0", &["check"]);
    assert!(out.status.success(), "{out:?}");

    let writes: usize = tallies.iter().map(|t| t.writes).sum();
    let refused: usize = tallies.iter().map(|t| t.refusals.len()).sum();
    let handovers: usize = acked.values().sum();
    println!(
        "team: {WORKERS} worker processes for {elapsed:.1} s: {writes} writes acknowledged ({:.1}/s, {handovers} handovers), {refused} refused as races",
        writes as f64 / elapsed
    );
    assert!(
        writes >= WORKERS * 5,
        "too few writes to prove anything: {writes}"
    );
    assert!(handovers > 0);
}
