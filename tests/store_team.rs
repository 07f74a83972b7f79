//! A team in the store (issue 14): act, reopen the file, assert again.
//! Two `Store`s on one file are two writers, as two workers' processes are.

use crate::common;

use std::path::{Path, PathBuf};

use caseload::domain::person::PersonInput;
use caseload::domain::worker::Role;
use caseload::store::{Store, StoreError};
use chrono::NaiveDate;
use tempfile::TempDir;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("team.db");
    (dir, path)
}

fn open(path: &Path) -> Store {
    Store::open(path, common::clock()).unwrap()
}

fn add(store: &mut Store, given: &str) -> i64 {
    let d = PersonInput {
        given_name: given.into(),
        family_name: "Test".into(),
        referral_source: "pharmacy".into(),
        referred_on: "2026-11-01".into(),
        ..Default::default()
    }
    .validate(today())
    .unwrap();
    store.people_mut().add(&d).unwrap()
}

#[test]
fn with_no_workers_nobody_is_assigned_and_nothing_is_owned() {
    let (_dir, path) = db();
    let mut store = open(&path);
    let id = add(&mut store, "Solo");
    store
        .follow_ups_mut()
        .add(Some(id), None, today(), None, "ring")
        .unwrap();
    assert_eq!(store.workers().me().unwrap(), None);
    drop(store);
    let store = open(&path);
    assert_eq!(store.workers().assigned_to(id).unwrap(), None);
    assert_eq!(store.follow_ups().open().unwrap()[0].owner, None);
    assert!(store.workers().list().unwrap().is_empty());
}

#[test]
fn whoever_adds_a_person_holds_them_and_a_handover_moves_them_and_their_follow_ups() {
    let (_dir, path) = db();
    let mut store = open(&path);
    let me = store.actor().to_string();
    store
        .workers_mut()
        .add(&me, "Asha Patel", Role::LinkWorker)
        .unwrap();
    store
        .workers_mut()
        .add("ben", "Ben Okafor", Role::LinkWorker)
        .unwrap();
    assert!(matches!(
        store.workers_mut().add("ben", "Again", Role::LinkWorker),
        Err(StoreError::Invalid(_))
    ));
    let ann = add(&mut store, "Ann");
    let open_one = store
        .follow_ups_mut()
        .add(Some(ann), None, today(), None, "ring")
        .unwrap();
    let done = store
        .follow_ups_mut()
        .add(Some(ann), None, today(), None, "done")
        .unwrap();
    store.follow_ups_mut().complete(done).unwrap();
    drop(store);

    let mut store = open(&path);
    assert_eq!(store.workers().me().unwrap().unwrap().name, "Asha Patel");
    assert_eq!(
        store.workers().assigned_to(ann).unwrap().as_deref(),
        Some(me.as_str())
    );
    let before = store.follow_ups().get(open_one).unwrap();
    assert_eq!(before.owner.as_deref(), Some(me.as_str()));
    store
        .workers_mut()
        .assign(ann, "ben", Some("Prefers mornings"))
        .unwrap();
    drop(store);

    let store = open(&path);
    assert_eq!(
        store.workers().assigned_to(ann).unwrap().as_deref(),
        Some("ben")
    );
    let moved = store.follow_ups().get(open_one).unwrap();
    assert_eq!(moved.owner.as_deref(), Some("ben"));
    assert_eq!(moved.version, before.version + 1);
    // A done follow-up stays with whoever did it.
    assert_eq!(
        store.follow_ups().get(done).unwrap().owner.as_deref(),
        Some(me.as_str())
    );
    let handovers = store.workers().handovers(ann).unwrap();
    assert_eq!(handovers.len(), 1);
    assert_eq!(handovers[0].from_worker.as_deref(), Some(me.as_str()));
    assert_eq!(handovers[0].note.as_deref(), Some("Prefers mornings"));
    assert_eq!(handovers[0].handed_on, Some(today()));
    let people: Vec<i64> = store
        .people()
        .list_of(None, Some("ben"))
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(people, [ann]);
    assert!(store.people().list_of(None, Some(&me)).unwrap().is_empty());
    assert_eq!(store.follow_ups().open_of(Some("ben")).unwrap().len(), 1);
    assert!(store.follow_ups().open_of(Some(&me)).unwrap().is_empty());
}

#[test]
fn two_writers_editing_one_follow_up_the_second_is_refused() {
    let (_dir, path) = db();
    let mut a = open(&path);
    let id = add(&mut a, "Ann");
    let r = a
        .follow_ups_mut()
        .add(Some(id), None, today(), None, "ring")
        .unwrap();
    let mut b = open(&path);
    let seen_a = a.follow_ups().get(r).unwrap().version;
    let seen_b = b.follow_ups().get(r).unwrap().version;
    a.follow_ups_mut()
        .update(r, seen_a, today(), None, "ring about the walk")
        .unwrap();
    let err = b
        .follow_ups_mut()
        .update(r, seen_b, today(), None, "ring about the choir")
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { entity: "follow-up", id } if id == r),
        "{err:?}"
    );
    // A snooze by the first moves the version on too.
    a.follow_ups_mut()
        .snooze(r, today().succ_opt().unwrap())
        .unwrap();
    let stale = seen_a + 1;
    assert!(matches!(
        a.follow_ups_mut().update(r, stale, today(), None, "x"),
        Err(StoreError::Conflict { .. })
    ));
    drop((a, b));
    let store = open(&path);
    assert_eq!(
        store.follow_ups().get(r).unwrap().text,
        "ring about the walk"
    );
}

#[test]
fn retired_workers_keep_their_history_and_take_no_one_new() {
    let (_dir, path) = db();
    let mut store = open(&path);
    store
        .workers_mut()
        .add("ben", "Ben Okafor", Role::Coordinator)
        .unwrap();
    let ann = add(&mut store, "Ann");
    store.workers_mut().assign(ann, "ben", None).unwrap();
    assert_eq!(store.workers_mut().retire("ben").unwrap(), 1);
    assert!(matches!(
        store.workers_mut().retire("ben"),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.workers_mut().retire("zed"),
        Err(StoreError::Invalid(_))
    ));
    let bill = add(&mut store, "Bill");
    assert!(matches!(
        store.workers_mut().assign(bill, "ben", None),
        Err(StoreError::Invalid(_))
    ));
    drop(store);
    let store = open(&path);
    let ben = store.workers().get("ben").unwrap().unwrap();
    assert_eq!(ben.retired_on, Some(today()));
    assert_eq!(
        store.workers().assigned_to(ann).unwrap().as_deref(),
        Some("ben")
    );
}
