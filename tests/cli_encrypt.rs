//! Encryption at rest (issue 12, part 6): `caseload encrypt` and `decrypt` as
//! processes on real files, every command on an encrypted file given its key
//! (a key file, `key_command`, or the prompt in a real terminal), and what a
//! missing or wrong key does: exit 2, a message about the key, the file unchanged.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::tui::Tui;
use common::{Sandbox, list_people, with_suffix};

const KEY: &str = "correct horse battery staple";

fn demo(sb: &Sandbox) -> PathBuf {
    let db = sb.path("live.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    db
}

/// A private key file holding `key` and a line end, as `echo` writes it.
fn key_file(sb: &Sandbox, name: &str, key: &str) -> PathBuf {
    let path = sb.path(name);
    std::fs::write(&path, format!("{key}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

/// Runs `caseload --db DB ARGS` with `$CASELOAD_KEY_FILE` set to `key`.
fn run_keyed(sb: &Sandbox, db: &Path, key: &Path, args: &[&str]) -> common::Out {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    sb.run_with(all, |cmd| {
        cmd.env("CASELOAD_KEY_FILE", key);
    })
}

fn encrypted_demo(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let db = demo(sb);
    let key = key_file(sb, "key", KEY);
    let line = run_keyed(sb, &db, &key, &["encrypt"]).ok().to_string();
    assert!(line.contains("encrypted"), "{line}");
    (db, key)
}

/// The database and its side files, as they are on disk.
fn raw_bytes(db: &Path) -> Vec<u8> {
    let mut all = std::fs::read(db).unwrap();
    for side in ["-wal", "-shm"] {
        if let Ok(bytes) = std::fs::read(with_suffix(db, side)) {
            all.extend(bytes);
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn an_encrypted_database_holds_no_readable_names_and_works_with_its_key() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let people = list_people(&sb, &db);
    assert!(people.len() >= 5);
    let plain = raw_bytes(&db);
    let names: Vec<&str> = people
        .iter()
        .flat_map(|p| [p.given_name.as_str(), p.family_name.as_str()])
        .filter(|n| n.len() >= 4)
        .collect();
    // The check below can fail: the plain file does hold the names.
    assert!(names.iter().all(|n| contains(&plain, n)));

    let key = key_file(&sb, "key", KEY);
    run_keyed(&sb, &db, &key, &["encrypt"]).ok();
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let sealed = raw_bytes(&db);
    assert!(!sealed.starts_with(b"SQLite format 3"));
    for name in &names {
        assert!(!contains(&sealed, name), "{name} is readable in the file");
    }

    // Every command works given the key: read, write, check.
    let listed = run_keyed(&sb, &db, &key, &["person", "list", "--format", "csv"]);
    assert_eq!(common::parse_people_csv(listed.ok()), people);
    run_keyed(
        &sb,
        &db,
        &key,
        &["person", "add", "--given", "Zebedee", "--family", "Quill"],
    )
    .ok();
    let check = run_keyed(&sb, &db, &key, &["check"]).ok().to_string();
    assert!(check.contains("encrypted (SQLCipher)"), "{check}");
    assert!(
        check.contains(&format!("{} people", people.len() + 1)),
        "{check}"
    );
    // What was written while encrypted is encrypted too, log included.
    let after = raw_bytes(&db);
    assert!(!contains(&after, "Zebedee"));
    assert!(!contains(&after, "Quill"));
    let plain_check = sb.run_db(&demo_copy(&sb), &["check"]).ok().to_string();
    assert!(plain_check.contains("not encrypted"), "{plain_check}");
}

fn demo_copy(sb: &Sandbox) -> PathBuf {
    let db = sb.path("plain.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    db
}

#[test]
fn a_missing_or_wrong_key_is_exit_2_names_the_key_and_changes_no_byte() {
    let sb = Sandbox::new();
    let (db, _key) = encrypted_demo(&sb);
    let before = raw_bytes(&db);
    let wrong = key_file(&sb, "wrong", "Tr0ub4dor&3");

    for args in [
        &["person", "list"][..],
        &["person", "add", "--given", "Ann", "--family", "Other"][..],
        &["check"][..],
        &["backup", "--out", "copy.db"][..],
        &["decrypt"][..],
    ] {
        let line = sb.run_db(&db, args).fails(2).to_string();
        assert!(
            line.contains("encrypted") && line.contains("key"),
            "{args:?}: {line}"
        );
        let line = run_keyed(&sb, &db, &wrong, args).fails(2).to_string();
        assert!(line.contains("key"), "{args:?}: {line}");
        assert_eq!(raw_bytes(&db), before, "{args:?} changed the file");
        assert!(!with_suffix(&db, "-wal").exists(), "{args:?} left a log");
    }
    assert!(!sb.path("copy.db").exists());
}

#[test]
fn the_key_can_come_from_key_command_but_never_from_a_file_others_can_read() {
    let sb = Sandbox::new();
    let (db, key) = encrypted_demo(&sb);
    let config = sb.path("config.toml");
    std::fs::write(
        &config,
        format!("[settings]\nkey_command = \"cat '{}'\"\n", key.display()),
    )
    .unwrap();
    let cfg = config.to_str().unwrap();
    let line = sb.run_db(&db, &["--config", cfg, "check"]).ok().to_string();
    assert!(line.contains("encrypted"), "{line}");

    std::fs::write(&config, "[settings]\nkey_command = \"exit 3\"\n").unwrap();
    let line = sb
        .run_db(&db, &["--config", cfg, "check"])
        .fails(2)
        .to_string();
    assert!(line.contains("key_command"), "{line}");

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let line = run_keyed(&sb, &db, &key, &["check"]).fails(2).to_string();
    assert!(line.contains("chmod 600"), "{line}");
    // The message never holds the key.
    assert!(!line.contains(KEY));
}

#[test]
fn decrypt_gives_back_the_same_plain_database() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let people = list_people(&sb, &db);
    let key = key_file(&sb, "key", KEY);
    run_keyed(&sb, &db, &key, &["encrypt"]).ok();
    let line = run_keyed(&sb, &db, &key, &["encrypt"]).fails(1).to_string();
    assert!(line.contains("already encrypted"), "{line}");

    let line = run_keyed(&sb, &db, &key, &["decrypt"]).ok().to_string();
    assert!(line.contains("decrypted"), "{line}");
    assert!(
        std::fs::read(&db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    assert_eq!(list_people(&sb, &db), people);
    let check = sb.run_db(&db, &["check"]).ok().to_string();
    assert!(check.contains("not encrypted"), "{check}");
    let line = sb.run_db(&db, &["decrypt"]).fails(1).to_string();
    assert!(line.contains("not encrypted"), "{line}");
    // Both conversions are in the audit, with no key in it.
    let audit = sb
        .run_db(&db, &["audit", "--format", "csv"])
        .ok()
        .to_string();
    assert!(audit.contains(",encrypt,database,0,"), "{audit}");
    assert!(audit.contains(",decrypt,database,0,"), "{audit}");
    assert!(!audit.contains(KEY));
    // No temporary copy is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".caseload-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn converting_a_file_another_program_has_open_is_refused_and_changes_nothing() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let key = key_file(&sb, "key", KEY);
    let other = caseload::store::Store::open(&db, common::clock()).unwrap();
    let before = std::fs::read(&db).unwrap();
    let line = run_keyed(&sb, &db, &key, &["encrypt"]).fails(1).to_string();
    assert!(line.contains("open in another"), "{line}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    drop(other);
    run_keyed(&sb, &db, &key, &["encrypt"]).ok();
}

#[test]
fn a_backup_of_an_encrypted_file_is_encrypted_with_the_same_key() {
    let sb = Sandbox::new();
    let (db, key) = encrypted_demo(&sb);
    let copy = sb.path("copy.db");
    run_keyed(&sb, &db, &key, &["backup", "--out", copy.to_str().unwrap()]).ok();
    assert!(
        !std::fs::read(&copy)
            .unwrap()
            .starts_with(b"SQLite format 3")
    );
    sb.run_db(&copy, &["check"]).fails(2);
    let check = run_keyed(&sb, &copy, &key, &["check"]).ok().to_string();
    assert!(check.contains("encrypted (SQLCipher)"), "{check}");
    let listed = |path: &Path| {
        run_keyed(&sb, path, &key, &["person", "list", "--format", "csv"])
            .ok()
            .to_string()
    };
    assert_eq!(listed(&copy), listed(&db));
}

#[test]
fn the_app_opens_an_encrypted_file_with_the_key_typed_at_a_prompt_that_does_not_echo() {
    let sb = Sandbox::new();
    let (db, _key) = encrypted_demo(&sb);
    let first = list_people_keyed(&sb, &db);
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    let start = tui.mark();
    tui.expect("Key for live.db");
    // Typed only once the terminal has stopped echoing, observed in its
    // termios rather than assumed from the prompt's text.
    tui.wait_until("echo off at the key prompt", |t| !t.pty().echoes());
    tui.send(format!("{KEY}\r").as_bytes());
    tui.expect(&first);
    assert!(
        !String::from_utf8_lossy(tui.output_since(start)).contains(KEY),
        "the key was echoed"
    );
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

/// The family name of the first person listed, read with the key.
fn list_people_keyed(sb: &Sandbox, db: &Path) -> String {
    let key = sb.path("key");
    let out = run_keyed(sb, db, &key, &["person", "list", "--format", "csv"]);
    common::parse_people_csv(out.ok())[0].family_name.clone()
}
