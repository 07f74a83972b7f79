//! Store behaviour against a real SQLite file. Each test acts, then reopens the
//! file with a fresh `Store` and asserts again, which proves the write landed.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use caseload::domain::person::{PersonDetails, PersonInput, Status, validate_status_change};
use caseload::store::{SCHEMA_VERSION, Store, StoreError};
use chrono::NaiveDate;
use tempfile::TempDir;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn db() -> (TempDir, PathBuf) {
    use std::os::unix::fs::DirBuilderExt;
    let dir = TempDir::new().unwrap();
    let nested = dir.path().join("nested");
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&nested)
        .unwrap();
    (dir, nested.join("case.db"))
}

fn details(given: &str, family: &str) -> PersonDetails {
    PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        referral_source: "pharmacy".into(),
        referred_on: "2026-11-01".into(),
        nhs_number: "943 476 5919".into(),
        ..Default::default()
    }
    .validate(day(2026, 11, 23))
    .unwrap()
}

fn reopen(path: &Path) -> Store {
    Store::open(path, common::clock()).unwrap()
}

#[test]
fn a_missing_folder_is_refused_and_nothing_is_created() {
    let (dir, path) = db();
    let missing = dir.path().join("typo").join("case.db");
    match Store::open(&missing, common::clock()) {
        Err(StoreError::NoFolder(p)) => assert_eq!(p, dir.path().join("typo")),
        Err(e) => panic!("expected NoFolder, got {e}"),
        Ok(_) => panic!("a mistyped folder must not become a database"),
    }
    assert!(!dir.path().join("typo").exists());
    assert!(!path.exists());
}

#[test]
fn new_file_is_private_migrated_and_reopens_without_change() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = db();
    let store = Store::open(&path, common::clock()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let store = reopen(&path);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn added_person_survives_reopen_with_every_field() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let mut d = details("Łukasz", "王");
    d.risk_note = Some("Lives alone".into());
    d.email = Some("l@example.org".into());
    let id = store.people_mut().add(&d).unwrap();
    drop(store);

    let store = reopen(&path);
    let p = store.people().get(id).unwrap();
    assert_eq!(p.details, d);
    assert_eq!(p.status, Status::Referred);
    assert_eq!(p.details.nhs_number.as_deref(), Some("9434765919"));
    let rows = store.people().list(None).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].risk);
    let history = store.people().status_history(id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].changed_on, Some(day(2026, 11, 1)));
}

#[test]
fn status_changes_are_recorded_with_history() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let id = store.people_mut().add(&details("Ann", "Lee")).unwrap();
    let p = store.people().get(id).unwrap();
    let to_active = validate_status_change(p.status, Status::Active, "", day(2026, 11, 5)).unwrap();
    store
        .people_mut()
        .set_status(id, p.version, &to_active)
        .unwrap();
    let p = store.people().get(id).unwrap();
    let close =
        validate_status_change(p.status, Status::Closed, "Goals met", day(2026, 11, 20)).unwrap();
    store
        .people_mut()
        .set_status(id, p.version, &close)
        .unwrap();
    drop(store);

    let store = reopen(&path);
    let p = store.people().get(id).unwrap();
    assert_eq!(p.status, Status::Closed);
    assert_eq!(p.closed_on, Some(day(2026, 11, 20)));
    assert_eq!(p.first_contact_on, Some(day(2026, 11, 5)));
    assert_eq!(p.status_reason.as_deref(), Some("Goals met"));
    let statuses: Vec<Status> = store
        .people()
        .status_history(id)
        .unwrap()
        .iter()
        .map(|h| h.status)
        .collect();
    assert_eq!(statuses, [Status::Referred, Status::Active, Status::Closed]);
    // Closed people are not in the open filter, but are in "all".
    assert!(
        store
            .people()
            .list(Some(&[Status::Active]))
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.people().list(None).unwrap().len(), 1);
}

#[test]
fn two_instances_never_overwrite_each_other() {
    let (_dir, path) = db();
    let mut a = Store::open(&path, common::clock()).unwrap();
    let mut b = Store::open(&path, common::clock()).unwrap();
    let id = a.people_mut().add(&details("Ann", "Lee")).unwrap();

    // Both open the edit form on the same version.
    let seen_by_a = a.people().get(id).unwrap();
    let seen_by_b = b.people().get(id).unwrap();
    let mut edit_a = seen_by_a.details.clone();
    edit_a.phone = Some("0113 496 0001".into());
    a.people_mut()
        .update(id, seen_by_a.version, &edit_a)
        .unwrap();

    let mut edit_b = seen_by_b.details.clone();
    edit_b.email = Some("ann@example.org".into());
    let err = b
        .people_mut()
        .update(id, seen_by_b.version, &edit_b)
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    // B's stale save wrote nothing: A's change stands, and B can save after reloading.
    let fresh = b.people().get(id).unwrap();
    assert_eq!(fresh.details.phone.as_deref(), Some("0113 496 0001"));
    let mut edit_b = fresh.details.clone();
    edit_b.email = Some("ann@example.org".into());
    b.people_mut().update(id, fresh.version, &edit_b).unwrap();
    drop((a, b));

    let p = reopen(&path).people().get(id).unwrap();
    assert_eq!(p.details.phone.as_deref(), Some("0113 496 0001"));
    assert_eq!(p.details.email.as_deref(), Some("ann@example.org"));
}

#[test]
fn a_writer_waits_for_another_instance_instead_of_failing() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
    });
    // Blocks on the lock, then succeeds once the other writer commits.
    let id = store.people_mut().add(&details("Wait", "Turn")).unwrap();
    holder.join().unwrap();
    assert_eq!(
        reopen(&path).people().get(id).unwrap().details.given_name,
        "Wait"
    );
}

#[test]
fn an_old_v1_database_is_migrated_forward() {
    let (_dir, path) = db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../src/store/migrations/001_initial.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1;
         INSERT INTO person (given_name, family_name, referred_on, created_at, updated_at)
         VALUES ('Old', 'Record', '2025-01-01', '2025-01-01T09:00:00', '2025-01-01T09:00:00');",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path, common::clock()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.people().list(None).unwrap()[0].given_name, "Old");
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let (_dir, path) = db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, common::clock())
        .err()
        .expect("must refuse");
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("upgrade caseload"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn damaged_files_give_errors_not_panics() {
    let (_dir, path) = db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // A real header followed by garbage.
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..8192u32).map(|i| (i * 7919 % 251) as u8));
    std::fs::write(&path, &bytes).unwrap();
    assert!(Store::open(&path, common::clock()).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    std::fs::write(&path, "name,age\nAnn,3\n").unwrap();
    let err = Store::open(&path, common::clock())
        .err()
        .expect("must refuse");
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err}");
}

#[test]
fn follow_ups_and_counts_follow_the_calendar() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let id = store.people_mut().add(&details("Ann", "Lee")).unwrap();
    let today = day(2026, 11, 23);
    store
        .follow_ups_mut()
        .add(Some(id), None, day(2026, 11, 20), None, "Call back")
        .unwrap();
    store
        .follow_ups_mut()
        .add(Some(id), None, today, None, "Check food bank")
        .unwrap();
    store
        .follow_ups_mut()
        .add(None, None, day(2026, 12, 20), None, "Directory review")
        .unwrap();
    drop(store);

    let store = reopen(&path);
    let c = store.counts(today, 12).unwrap();
    assert_eq!((c.follow_ups_overdue, c.follow_ups_today), (1, 1));
    let rows = store.people().list(None).unwrap();
    assert_eq!(rows[0].next_follow_up, Some(day(2026, 11, 20)));
    let open = store.follow_ups().open().unwrap();
    assert_eq!(open.len(), 3);
    assert_eq!(open[0].about.as_deref(), Some("Ann Lee"));
    assert_eq!(open[2].about, None);
}

#[test]
fn demo_data_loads_and_passes_integrity_checks() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    store.load_demo().unwrap();
    assert!(store.check().unwrap().is_empty());
}

mod what_matters {
    use super::*;
    use caseload::domain::conversation::{ConversationKind, Draft, NewNote, timeline};
    use caseload::domain::goal::GoalStatus;
    use caseload::domain::measure::{Instrument, Scores};

    fn note(person_id: i64, body: &str, amends: Option<(i64, &str)>) -> NewNote {
        NewNote {
            person_id,
            kind: ConversationKind::Visit,
            occurred_at: day(2026, 11, 20).and_hms_opt(14, 0, 0).unwrap(),
            body: body.into(),
            amends: amends.map(|(id, r)| (id, r.into())),
        }
    }

    #[test]
    fn a_correction_keeps_the_original_and_shows_in_history() {
        let (_dir, path) = db();
        let mut store = Store::open(&path, common::clock()).unwrap();
        let pid = store.people_mut().add(&details("Ann", "Lee")).unwrap();
        let original = store
            .notes_mut()
            .add(&note(pid, "Went to the food bank on Tuesday", None))
            .unwrap();
        let fix = note(
            pid,
            "Went to the food bank on Thursday",
            Some((original, "wrong day")),
        );
        let corrected = store.notes_mut().add(&fix).unwrap();
        drop(store);

        let store = reopen(&path);
        let all = store.notes().list(pid).unwrap();
        assert_eq!(all.len(), 2, "both versions are kept");
        let orig = all.iter().find(|c| c.id == original).unwrap();
        assert_eq!(orig.body, "Went to the food bank on Tuesday");
        let entries = timeline(&all);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].current.id, corrected);
        assert_eq!(
            entries[0].current.amend_reason.as_deref(),
            Some("wrong day")
        );
        assert_eq!(entries[0].history[0].id, original);
    }

    #[test]
    fn corrections_need_a_reason_and_a_note_of_the_same_person() {
        let (_dir, path) = db();
        let mut store = Store::open(&path, common::clock()).unwrap();
        let a = store.people_mut().add(&details("Ann", "Lee")).unwrap();
        let b = store.people_mut().add(&details("Bob", "Rao")).unwrap();
        let n = store.notes_mut().add(&note(a, "first", None)).unwrap();
        assert!(
            store
                .notes_mut()
                .add(&note(a, "x", Some((n, "  "))))
                .is_err()
        );
        assert!(
            store
                .notes_mut()
                .add(&note(b, "x", Some((n, "mine"))))
                .is_err()
        );
        assert!(store.notes_mut().add(&note(a, " \n ", None)).is_err());
        assert_eq!(reopen(&path).notes().list(a).unwrap().len(), 1);
        assert!(reopen(&path).notes().list(b).unwrap().is_empty());
    }

    #[test]
    fn drafts_survive_reopen_and_go_when_the_note_is_saved() {
        let (_dir, path) = db();
        let mut store = Store::open(&path, common::clock()).unwrap();
        let pid = store.people_mut().add(&details("Ann", "Lee")).unwrap();
        let mut draft = Draft {
            person_id: pid,
            amends: None,
            kind: ConversationKind::WhatMatters,
            occurred_at: "2026-11-23T10:00".into(),
            body: "half a thought".into(),
            amend_reason: None,
            updated_at: String::new(),
        };
        store.notes_mut().save_draft(&draft).unwrap();
        draft.body = "half a thought, then more".into();
        store.notes_mut().save_draft(&draft).unwrap(); // replaces, never duplicates
        drop(store); // as after a crash

        let mut store = reopen(&path);
        let drafts = store.notes().drafts(pid).unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].body, "half a thought, then more");
        assert_eq!(drafts[0].kind, ConversationKind::WhatMatters);
        store
            .notes_mut()
            .add(&note(pid, &drafts[0].body, None))
            .unwrap();
        drop(store);

        let store = reopen(&path);
        assert!(store.notes().drafts(pid).unwrap().is_empty());
        assert_eq!(store.notes().list(pid).unwrap().len(), 1);
    }

    #[test]
    fn a_note_at_the_size_limit_saves_whole_and_a_larger_one_is_refused() {
        let (_dir, path) = db();
        let mut store = Store::open(&path, common::clock()).unwrap();
        let pid = store.people_mut().add(&details("Ann", "Lee")).unwrap();
        let limit = caseload::domain::limits::MAX_NOTE_BYTES;
        let unit = "Café 王 notes 🙂\n";
        let mut body: String = unit.repeat(limit / unit.len());
        body.push_str(&"x".repeat(limit - body.len()));
        assert_eq!(body.len(), limit);
        let over = format!("{body}x");
        assert!(store.notes_mut().add(&note(pid, &over, None)).is_err());
        store.notes_mut().add(&note(pid, &body, None)).unwrap();
        assert_eq!(reopen(&path).notes().list(pid).unwrap()[0].body, body);
    }

    #[test]
    fn goals_and_measures_round_trip() {
        let (_dir, path) = db();
        let mut store = Store::open(&path, common::clock()).unwrap();
        let pid = store.people_mut().add(&details("Ann", "Lee")).unwrap();
        let g = store
            .goals_mut()
            .add(pid, "Join a choir", day(2026, 10, 1))
            .unwrap();
        store
            .goals_mut()
            .add(pid, "Sort out council tax", day(2026, 10, 2))
            .unwrap();
        store
            .goals_mut()
            .set_status(g, GoalStatus::Achieved, day(2026, 11, 10))
            .unwrap();
        let ons = Scores::parse(Instrument::Ons4, "4 5 4 8").unwrap();
        store
            .measures_mut()
            .add(pid, &ons, day(2026, 10, 1))
            .unwrap();
        let ucla = Scores::parse(Instrument::Ucla3, "3 2 3").unwrap();
        store
            .measures_mut()
            .add(pid, &ucla, day(2026, 10, 1))
            .unwrap();
        drop(store);

        let store = reopen(&path);
        let goals = store.goals().list(pid).unwrap();
        assert_eq!(goals[0].text, "Sort out council tax", "open goals first");
        assert_eq!(goals[1].status, GoalStatus::Achieved);
        assert_eq!(goals[1].ended_on, Some(day(2026, 11, 10)));
        assert_eq!(store.people().list(None).unwrap()[0].open_goals, 1);
        let m = store.measures().list(pid).unwrap();
        assert_eq!(m[0].items, [4, 5, 4, 8]);
        assert_eq!(m[0].total, None, "ONS4 items are never summed");
        assert_eq!(m[1].total, Some(8));
    }
}

/// The change counters name exactly the tables a write touched, whichever
/// connection wrote: the app reloads only those parts of the screen.
#[test]
fn change_counters_name_the_tables_a_write_touched() {
    use caseload::domain::conversation::{ConversationKind, NewNote};
    use caseload::store::Topic;
    let (_dir, path) = db();
    let mut store = reopen(&path);
    let id = store.people_mut().add(&details("Ann", "Test")).unwrap();
    let before = store.changes().unwrap();
    // Another connection (another window) adds a note.
    let mut other = reopen(&path);
    other
        .notes_mut()
        .add(&NewNote {
            person_id: id,
            kind: ConversationKind::Phone,
            occurred_at: common::now(),
            body: "Called; going to the lunch club".into(),
            amends: None,
        })
        .unwrap();
    let changed = store.changes().unwrap().since(&before);
    let topics: Vec<Topic> = changed.topics().collect();
    // The note, and the draft it clears; not people, services or follow-ups.
    assert!(topics.contains(&Topic::Conversations), "{topics:?}");
    assert!(
        !changed.any(&[
            Topic::People,
            Topic::Services,
            Topic::FollowUps,
            Topic::Goals
        ]),
        "{topics:?}"
    );
    // Nothing more happened: nothing to reload.
    let now = store.changes().unwrap();
    assert!(now.since(&now).is_empty());
    // A first reading against nothing names every table.
    assert!(
        now.since(&Default::default())
            .any(&[Topic::People, Topic::Services])
    );
}
