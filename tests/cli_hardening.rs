//! Issue 10, store side, as processes: each test reproduces one defect with the
//! real binary against a real SQLite file, and failed before its fix.

use crate::common;

use std::fs;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::damage::{noise, overwrite, page_size};
use common::{Sandbox, list_people, with_suffix};

/// `caseload person add` that must succeed; returns the printed id.
#[track_caller]
fn add(sb: &Sandbox, db: &Path, given: &str, extra: &[&str]) -> i64 {
    let mut args = vec!["person", "add", "--given", given, "--family", "Test"];
    args.extend_from_slice(extra);
    let out = sb.run_db(db, &args);
    out.ok().trim().parse().expect("add prints the new id")
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn side_files(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| with_suffix(db, s))
        .filter(|p| p.exists())
        .collect()
}

// ---------------------------------------------------------------- item 2: false "damaged"

/// What an unlocked (immutable) reader sees while another process checkpoints:
/// the main file's page 1 is garbage, but the live WAL holds its real contents.
/// Before the fix the open-time probe read the garbage and every command said
/// "damaged; restore it from a backup". Nothing here is damaged.
#[test]
fn a_half_checkpointed_file_under_a_live_wal_is_not_called_damaged() {
    let sb = Sandbox::new();
    let db = sb.path("live.db");
    for name in ["Ann", "Bob", "Cat"] {
        add(&sb, &db, name, &[]);
    }
    // Another program keeps the file open with page 1 rewritten in its WAL.
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch(
            "PRAGMA wal_autocheckpoint = 0;
             CREATE TABLE torn_probe (x); DROP TABLE torn_probe;",
        )
        .unwrap();
    let size = page_size(&db);
    overwrite(&db, 100, &noise(size as usize - 100, 7));
    // The precondition: an immutable read of the main file sees "damage".
    let uri = format!("file:{}?immutable=1", db.display());
    let immutable = rusqlite::Connection::open_with_flags(
        uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .unwrap();
    assert!(
        immutable
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r
                .get::<_, i64>(0))
            .is_err(),
        "the main file alone must look damaged for this test to mean anything"
    );

    assert_eq!(list_people(&sb, &db).len(), 3);
    let ok = sb.run_db(&db, &["check"]);
    assert!(ok.ok().starts_with("ok:"), "{}", ok.stdout);
    let id = add(&sb, &db, "Dan", &[]);
    assert_eq!(id, 4);
    for out in [
        sb.run_db(&db, &["person", "show", "1"]),
        sb.run_db(&db, &["remind"]),
    ] {
        assert!(!out.stderr.contains("damaged"), "{}", out.stderr);
        out.ok();
    }
    // When the other program closes it checkpoints: the file is whole again.
    drop(other);
    assert_eq!(list_people(&sb, &db).len(), 4);
    sb.run_db(&db, &["check"]).ok();
}

// ---------------------------------------------------------------- item 3: readers blocked

/// Another program (here a rusqlite connection, as sqlite3 would) holds the
/// write lock. Before the fix every command below waited 5 s and failed.
#[test]
fn reading_commands_work_while_another_program_holds_the_write_lock() {
    let sb = Sandbox::new();
    let db = sb.path("locked.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    let people = list_people(&sb, &db).len();
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder
        .execute_batch(
            "BEGIN IMMEDIATE;
             INSERT INTO setting (key, value) VALUES ('held_by_a_test', 'x');",
        )
        .unwrap();
    let ics = sb.path("f.ics");
    let reads: &[&[&str]] = &[
        &["person", "list"],
        &["person", "list", "--format", "json"],
        &["person", "show", "1"],
        &["check"],
        &["remind", "--days", "7"],
        &["directory", "search", "walk"],
        &["directory", "export"],
        &["calendar", "--out", ics.to_str().unwrap()],
        &["config", "list"],
    ];
    for args in reads {
        let out = sb.run_db(&db, args);
        assert_eq!(
            out.code, 0,
            "{args:?} must not wait for the writer: {}",
            out.stderr
        );
    }
    assert_eq!(list_people(&sb, &db).len(), people);

    // A write cannot go in: one line, says busy, blames nobody in particular.
    let line = sb
        .run_db(&db, &["person", "add", "--given", "W", "--family", "X"])
        .fails(2)
        .to_string();
    assert!(line.contains("busy"), "{line}");
    assert!(!line.contains("caseload window"), "{line}");
    assert!(line.contains("try again"), "{line}");

    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    add(&sb, &db, "After", &[]);
    assert_eq!(list_people(&sb, &db).len(), people + 1);
}

// ---------------------------------------------------------------- item 4: read-only copies

/// A backup copy marked read-only (file 0444 and/or folder 0555). The tests run
/// as root, whom the kernel lets write anyway, so this proves the decision made
/// from the permission bits: such a copy is read without locks or side files
/// and refused for writing. For other users access(2), and on read-only media
/// statvfs(ST_RDONLY), lead to the same path.
#[test]
fn a_read_only_copy_lists_and_checks_and_refuses_writes_leaving_nothing() {
    let sb = Sandbox::new();
    let original = sb.path("live.db");
    for name in ["Ann", "Bob"] {
        add(&sb, &original, name, &[]);
    }
    for (case, file_mode, dir_mode) in [
        ("both", 0o444, 0o555),
        ("folder", 0o600, 0o555),
        ("file", 0o444, 0o700),
    ] {
        let dir = sb.path(&format!("backup-{case}"));
        fs::create_dir(&dir).unwrap();
        let copy = dir.join("copy.db");
        fs::copy(&original, &copy).unwrap();
        fs::set_permissions(&copy, fs::Permissions::from_mode(file_mode)).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(dir_mode)).unwrap();
        let before = fs::read(&copy).unwrap();

        assert_eq!(list_people(&sb, &copy).len(), 2, "{case}");
        let out = sb.run_db(&copy, &["check"]);
        assert!(out.ok().starts_with("ok:"), "{case}");
        sb.run_db(&copy, &["person", "show", "2"]).ok();
        assert!(
            side_files(&copy).is_empty(),
            "{case}: reading left side files"
        );

        let line = sb
            .run_db(&copy, &["person", "add", "--given", "C", "--family", "D"])
            .fails(2)
            .to_string();
        assert!(line.contains("read-only"), "{case}: {line}");
        assert!(
            line.contains("copy it somewhere writable"),
            "{case}: {line}"
        );
        sb.run_db(&copy, &["config", "set", "show_gone_quiet", "off"])
            .fails(2);
        assert!(
            side_files(&copy).is_empty(),
            "{case}: a refused write left side files"
        );
        assert_eq!(fs::read(&copy).unwrap(), before, "{case}: the copy changed");
        let entries = fs::read_dir(&dir).unwrap().count();
        assert_eq!(entries, 1, "{case}: only the copy is in its folder");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    }
}

// ---------------------------------------------------------------- item 8: mistyped paths

#[test]
fn reading_commands_never_create_a_database() {
    let sb = Sandbox::new();
    let ics = sb.path("f.ics");
    for db in [sb.path("typo/backup.db"), sb.path("backup.db")] {
        let reads: &[&[&str]] = &[
            &["check"],
            &["person", "list"],
            &["person", "show", "1"],
            &["remind"],
            &["directory", "search", "x"],
            &["directory", "export"],
            &["calendar", "--out", ics.to_str().unwrap()],
            &["config", "list"],
        ];
        for args in reads {
            let line = sb.run_db(&db, args).fails(2).to_string();
            assert_eq!(
                line,
                format!(
                    "caseload: no caseload database at {}; check the path",
                    db.display()
                ),
                "{args:?}"
            );
        }
        assert!(!db.exists(), "{} was created", db.display());
    }
    assert!(!sb.path("typo").exists(), "no folder was created");
    assert!(!ics.exists());
    // Nor at the default location.
    sb.run(["person", "list"]).fails(2);
    assert!(!sb.xdg_data_home().exists());
}

#[test]
fn a_writing_command_refuses_a_missing_folder_but_makes_the_default_one() {
    let sb = Sandbox::new();
    let typo = sb.path("typo/backup.db");
    let line = sb
        .run_db(&typo, &["person", "add", "--given", "A", "--family", "B"])
        .fails(2)
        .to_string();
    assert!(
        line.contains("no folder") && line.contains("typo"),
        "{line}"
    );
    assert!(!sb.path("typo").exists());

    sb.run(["person", "add", "--given", "A", "--family", "B"])
        .ok();
    let dir = sb.xdg_data_home().join("caseload");
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("caseload.db")), 0o600);
}

#[test]
fn an_empty_file_is_made_private_before_it_holds_records() {
    let sb = Sandbox::new();
    let db = sb.path("touched.db");
    fs::write(&db, b"").unwrap();
    fs::set_permissions(&db, fs::Permissions::from_mode(0o644)).unwrap();
    // Reading an empty file is not a database yet, and leaves it alone.
    sb.run_db(&db, &["person", "list"]).fails(2);
    assert_eq!(mode(&db), 0o644);
    add(&sb, &db, "Ann", &[]);
    assert_eq!(mode(&db), 0o600);
    assert_eq!(list_people(&sb, &db).len(), 1);
}

// ---------------------------------------------------------------- item 10: damaged files

/// A database whose middle is mostly `person` pages, then one page of noise
/// written into the middle of the file (as the probe in issue 10 did).
fn damaged_in_the_middle(sb: &Sandbox) -> PathBuf {
    let db = sb.path("middle.db");
    add(sb, &db, "First", &[]);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
             INSERT INTO person (given_name, family_name, referral_source, referral_reason,
                                 referred_on, status, created_at, updated_at)
             SELECT 'Gen' || i, 'Erated', 'GP practice', printf('%.200c', 'x'),
                    '2026-01-01', 'referred', '2026-01-01T09:00:00', '2026-01-01T09:00:00'
             FROM n;
             VACUUM; -- each table's pages together (schema 11's person_touch interleaves)
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
    }
    let size = page_size(&db);
    let pages = fs::metadata(&db).unwrap().len() / size;
    overwrite(&db, (pages / 2) * size, &noise(size as usize, 11));
    let conn = common::open_read_only(&db);
    let found: String = conn
        .query_row("PRAGMA quick_check(person)", [], |r| r.get(0))
        .unwrap_or_else(|e| e.to_string());
    assert_ne!(found, "ok", "the noise must land in the person table");
    db
}

#[test]
fn person_add_refuses_to_write_into_a_damaged_file() {
    let sb = Sandbox::new();
    let db = damaged_in_the_middle(&sb);
    let before = fs::read(&db).unwrap();
    let line = sb
        .run_db(
            &db,
            &["person", "add", "--given", "Late", "--family", "Comer"],
        )
        .fails(2)
        .to_string();
    assert!(line.contains("damaged"), "{line}");
    assert!(line.contains("middle.db"), "{line}");
    assert!(!line.contains("Late") && !line.contains("Comer"), "{line}");
    assert_eq!(fs::read(&db).unwrap(), before, "nothing was written");
    assert!(side_files(&db).is_empty());
}

#[test]
fn check_on_a_damaged_file_does_not_tell_you_to_run_check() {
    let sb = Sandbox::new();
    let db = damaged_in_the_middle(&sb);
    let line = sb.run_db(&db, &["check"]).fails(2).to_string();
    assert!(line.contains("damaged"), "{line}");
    assert!(line.contains("restore"), "{line}");
    assert!(!line.contains("caseload check"), "{line}");
}

// ---------------------------------------------------------------- item 13, store side

fn os_login() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn the_audit_actor_is_the_os_login_not_user() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let out = sb.run_with(
        [
            "--db",
            db.to_str().unwrap(),
            "person",
            "add",
            "--given",
            "A",
            "--family",
            "B",
        ],
        |c| {
            c.env("USER", "mallory\nforged");
        },
    );
    out.ok();
    let actor: String = common::open_read_only(&db)
        .query_row("SELECT actor FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(actor, os_login());
}

#[test]
fn config_set_audits_which_setting_changed() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    sb.run_db(&db, &["config", "set", "show_gone_quiet", "off"])
        .ok();
    sb.run_db(&db, &["config", "set", "offer-check-in", "off"])
        .ok();
    let conn = common::open_read_only(&db);
    let mut stmt = conn
        .prepare("SELECT action, entity, entity_key FROM audit ORDER BY id")
        .unwrap();
    let rows: Vec<(String, String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let keys: Vec<_> = rows
        .iter()
        .filter(|(a, e, _)| a == "set" && e == "setting")
        .map(|(_, _, k)| k.clone())
        .collect();
    assert_eq!(
        keys,
        vec![
            Some("show_gone_quiet".to_string()),
            Some("offer_check_in".to_string())
        ]
    );
}

#[test]
fn a_second_person_with_the_same_nhs_number_is_refused() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let first = add(&sb, &db, "Original", &["--nhs-number", "943 476 5919"]);
    let line = sb
        .run_db(
            &db,
            &[
                "person",
                "add",
                "--given",
                "Twin",
                "--family",
                "Test",
                "--nhs-number",
                "9434765919",
            ],
        )
        .fails(1)
        .to_string();
    assert!(line.contains(&format!("person {first}")), "{line}");
    assert!(line.contains("--allow-duplicate-nhs"), "{line}");
    assert!(
        !line.contains("Original") && !line.contains("Twin"),
        "{line}"
    );
    assert_eq!(list_people(&sb, &db).len(), 1, "nothing saved");
    add(
        &sb,
        &db,
        "Twin",
        &["--nhs-number", "9434765919", "--allow-duplicate-nhs"],
    );
    assert_eq!(list_people(&sb, &db).len(), 2);
}
