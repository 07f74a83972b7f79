//! `caseload backup` (issue 12): the online backup, run as a process against
//! real files, including while other processes write to the same database.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use common::{Sandbox, count_rows, list_people, with_suffix};

fn demo(sb: &Sandbox) -> std::path::PathBuf {
    let db = sb.path("live.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    db
}

#[test]
fn a_backup_holds_every_row_is_private_and_stands_alone() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let copy = sb.path("copy.db");
    let out = sb.run_db(&db, &["backup", "--out", copy.to_str().unwrap()]);
    assert!(out.ok().contains("integrity ok"), "{}", out.stdout);

    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a backup of health records is private");
    // Self-contained: no side files needed to read it, and none left behind.
    assert!(!with_suffix(&copy, "-wal").exists());
    assert!(!with_suffix(&copy, "-journal").exists());
    for table in [
        "person",
        "conversation",
        "service",
        "connection",
        "reminder",
        "audit",
    ] {
        assert_eq!(count_rows(&copy, table), count_rows(&db, table), "{table}");
    }
    assert_eq!(list_people(&sb, &copy), list_people(&sb, &db));
    sb.run_db(&copy, &["check"]).ok();
    // No temporary file is left in the folder.
    let leftovers: Vec<_> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".caseload-backup")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let copy = sb.path("copy.db");
    std::fs::write(&copy, b"yesterday's backup").unwrap();

    let line = sb
        .run_db(&db, &["backup", "--out", copy.to_str().unwrap()])
        .fails(1)
        .to_string();
    assert!(line.contains("--force"), "{line}");
    assert_eq!(std::fs::read(&copy).unwrap(), b"yesterday's backup");

    sb.run_db(&db, &["backup", "--out", copy.to_str().unwrap(), "--force"])
        .ok();
    assert_eq!(count_rows(&copy, "person"), count_rows(&db, "person"));
}

#[test]
fn bad_destinations_are_clear_errors_and_write_nothing() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let before = std::fs::read(&db).unwrap();

    let line = sb
        .run_db(&db, &["backup", "--out", db.to_str().unwrap(), "--force"])
        .fails(1)
        .to_string();
    assert!(line.contains("database itself"), "{line}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let nowhere = sb.path("no-such-folder/copy.db");
    let line = sb
        .run_db(&db, &["backup", "--out", nowhere.to_str().unwrap()])
        .fails(2)
        .to_string();
    assert!(line.contains("no-such-folder"), "{line}");

    // A missing database is not created by a backup.
    let missing = sb.path("missing.db");
    let copy = sb.path("copy.db");
    sb.run_db(&missing, &["backup", "--out", copy.to_str().unwrap()])
        .fails(2);
    assert!(!missing.exists() && !copy.exists());
}

/// The point of the online backup API: a copy taken while other processes
/// commit is consistent. Writers add people throughout; each backup must pass
/// `check` and hold a prefix of what was acknowledged.
#[test]
fn a_backup_taken_under_concurrent_writes_passes_check() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let demo_people = count_rows(&db, "person");
    let stop = AtomicBool::new(false);
    let written = AtomicUsize::new(0);
    let mut seen = Vec::new();
    std::thread::scope(|s| {
        for w in 0..2 {
            let (sb, db, stop, written) = (&sb, &db, &stop, &written);
            s.spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) && i < 200 {
                    let given = format!("Backup{w}x{i}");
                    let out = sb
                        .command()
                        .arg("--db")
                        .arg(db)
                        .args(["person", "add", "--given", &given, "--family", "Race"])
                        .stdin(Stdio::null())
                        .output()
                        .expect("run writer");
                    assert!(out.status.success(), "{out:?}");
                    written.fetch_add(1, Ordering::Relaxed);
                    i += 1;
                }
            });
        }
        for n in 0..4 {
            // Let the writers get going, so each copy races real commits.
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while written.load(Ordering::Relaxed) < 4 * (n + 1)
                && std::time::Instant::now() < deadline
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            let copy = sb.path(&format!("copy{n}.db"));
            let before = written.load(Ordering::Relaxed);
            sb.run_db(&db, &["backup", "--out", copy.to_str().unwrap()])
                .ok();
            sb.run_db(&copy, &["check"]).ok();
            seen.push((before as i64, count_rows(&copy, "person")));
        }
        stop.store(true, Ordering::Relaxed);
    });
    let total = written.load(Ordering::Relaxed) as i64;
    assert_eq!(count_rows(&db, "person"), demo_people + total);
    assert!(total >= 16, "the writers wrote only {total}");
    // Each copy holds at least what was acknowledged before it started, and
    // no more than was ever written.
    for (before, people) in seen {
        assert!(
            (demo_people + before..=demo_people + total).contains(&people),
            "{people} people in a copy; {before} acknowledged before it, {total} in all"
        );
    }
}
