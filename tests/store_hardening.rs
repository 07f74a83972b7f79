//! Issue 10 at the library level: the calls the app makes (open, quick_check,
//! mark_damaged) against a real SQLite file.

use crate::common;

use std::path::PathBuf;

use caseload::domain::person::PersonInput;
use caseload::store::{SCHEMA_VERSION, Store, StoreError};
use tempfile::TempDir;

fn db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("case.db");
    (dir, path)
}

fn add(store: &mut Store, given: &str) -> i64 {
    let details = PersonInput {
        given_name: given.into(),
        family_name: "Test".into(),
        ..Default::default()
    }
    .validate(common::today())
    .unwrap();
    store.people_mut().add(&details).unwrap()
}

/// Starting the app opens read-write; with the schema current and the file
/// already WAL that needs no lock, so a writer elsewhere does not stop it.
#[test]
fn both_opens_work_while_another_connection_holds_the_write_lock() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    add(&mut store, "Ann");
    drop(store);
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE;").unwrap();

    let reader = Store::open_read_only(&path, common::clock()).unwrap();
    assert_eq!(reader.people().list(None).unwrap().len(), 1);
    let mut app = Store::open(&path, common::clock()).unwrap();
    assert_eq!(app.people().list(None).unwrap().len(), 1);
    assert!(app.quick_check().unwrap().is_empty());
    drop(reader);

    holder.execute_batch("ROLLBACK;").unwrap();
    add(&mut app, "Bob");
}

#[test]
fn a_read_only_store_refuses_writes_before_sqlite_sees_them() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    add(&mut store, "Ann");
    drop(store);
    let mut reader = Store::open_read_only(&path, common::clock()).unwrap();
    let details = PersonInput {
        given_name: "B".into(),
        family_name: "C".into(),
        ..Default::default()
    }
    .validate(common::today())
    .unwrap();
    assert!(matches!(
        reader.people_mut().add(&details),
        Err(StoreError::ReadOnly(_))
    ));
}

#[test]
fn once_marked_damaged_every_write_is_refused() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    add(&mut store, "Ann");
    assert!(!store.is_damaged());
    let e = store
        .mark_damaged("*** in database main ***\nPage 7: btreeInitPage() returns error code 11");
    assert!(store.is_damaged());
    let message = e.to_string();
    assert!(message.contains("damaged"), "{message}");
    assert!(!message.contains('\n'), "one line: {message:?}");
    let details = PersonInput {
        given_name: "B".into(),
        family_name: "C".into(),
        ..Default::default()
    }
    .validate(common::today())
    .unwrap();
    assert!(matches!(
        store.people_mut().add(&details),
        Err(StoreError::Damaged(..))
    ));
    drop(store);
    assert_eq!(common::count_rows(&path, "person"), 1, "nothing written");
}

#[test]
fn reading_an_older_schema_is_refused_and_leaves_it_alone() {
    let (_dir, path) = db();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE person (id INTEGER PRIMARY KEY); PRAGMA user_version = 2;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open_read_only(&path, common::clock()) {
        Err(e @ StoreError::OlderSchema { .. }) => {
            let m = e.to_string();
            assert!(m.contains("upgrade"), "{m}");
        }
        Err(e) => panic!("expected OlderSchema, got {e}"),
        Ok(_) => panic!("an older schema must not be read as if current"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_current_schema_reads_as_current() {
    let (_dir, path) = db();
    drop(Store::open(&path, common::clock()).unwrap());
    let reader = Store::open_read_only(&path, common::clock()).unwrap();
    assert_eq!(reader.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(reader.quick_check().unwrap().is_empty());
}
