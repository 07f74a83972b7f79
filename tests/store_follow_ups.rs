//! Follow-ups in the store (issue 6): act, reopen the file, assert again.

use crate::common;

use std::path::{Path, PathBuf};

use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::follow_up::{FollowUpDraft, QUIET_DAYS};
use caseload::domain::person::{PersonInput, Status, validate_status_change};
use caseload::domain::setting::Setting;
use caseload::store::{SCHEMA_VERSION, Store, StoreError};
use chrono::{NaiveDate, NaiveTime};
use tempfile::TempDir;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("case.db");
    (dir, path)
}

fn reopen(path: &Path) -> Store {
    Store::open(path, common::clock()).unwrap()
}

fn add(store: &mut Store, given: &str, referred: &str) -> i64 {
    let d = PersonInput {
        given_name: given.into(),
        family_name: "Test".into(),
        referral_source: "pharmacy".into(),
        referred_on: referred.into(),
        ..Default::default()
    }
    .validate(today())
    .unwrap();
    store.people_mut().add(&d).unwrap()
}

fn set_status(store: &mut Store, id: i64, to: Status, reason: &str) {
    let p = store.people().get(id).unwrap();
    let change = validate_status_change(p.status, to, reason, today()).unwrap();
    store
        .people_mut()
        .set_status(id, p.version, &change)
        .unwrap();
}

#[test]
fn a_new_file_gets_the_current_schema_and_a_stable_database_id() {
    let (_dir, path) = db();
    let store = Store::open(&path, common::clock()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let id = store.settings().database_id().unwrap();
    assert_eq!(id.len(), 32, "{id}");
    drop(store);
    assert_eq!(reopen(&path).settings().database_id().unwrap(), id);
    let (_dir2, other) = db();
    assert_ne!(
        Store::open(&other, common::clock())
            .unwrap()
            .settings()
            .database_id()
            .unwrap(),
        id
    );
}

#[test]
fn done_undo_snooze_and_edit_survive_a_reopen() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let ann = add(&mut store, "Ann", "2026-11-01");
    let a = store
        .follow_ups_mut()
        .add(Some(ann), None, day(2026, 11, 20), None, "Call back")
        .unwrap();
    let b = store
        .follow_ups_mut()
        .add(
            Some(ann),
            None,
            today(),
            NaiveTime::from_hms_opt(9, 30, 0),
            "Ring",
        )
        .unwrap();
    store.follow_ups_mut().complete(a).unwrap();
    store.follow_ups_mut().snooze(b, day(2026, 11, 30)).unwrap();
    drop(store);

    let mut store = reopen(&path);
    let open = store.follow_ups().open().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].id, b);
    assert_eq!(open[0].effective_due(), day(2026, 11, 30));
    assert_eq!(open[0].due_time.as_deref(), Some("09:30"));
    let done = store.follow_ups().done(10).unwrap();
    assert_eq!(done.iter().map(|r| r.id).collect::<Vec<_>>(), [a]);
    assert!(done[0].done_at.is_some());
    // Done twice is refused with a clear message, not silently accepted.
    let err = store.follow_ups_mut().complete(a).unwrap_err();
    assert!(err.to_string().contains("changed elsewhere"), "{err}");
    // Undo: open again with its original due date.
    store.follow_ups_mut().reopen(a).unwrap();
    // Edit clears the snooze: the new day is the day.
    let loaded = store.follow_ups().get(b).unwrap().version;
    store
        .follow_ups_mut()
        .update(b, loaded, day(2026, 12, 1), None, "Ring about the choir")
        .unwrap();
    drop(store);

    let store = reopen(&path);
    let open = store.follow_ups().open().unwrap();
    assert_eq!(open.len(), 2);
    assert_eq!(open[0].id, a);
    assert_eq!(open[0].due_on, day(2026, 11, 20));
    let edited = store.follow_ups().get(b).unwrap();
    assert_eq!(edited.snoozed_until, None);
    assert_eq!(edited.due_on, day(2026, 12, 1));
    assert_eq!(edited.due_time, None);
    assert_eq!(edited.text, "Ring about the choir");
    assert!(store.follow_ups().done(10).unwrap().is_empty());
}

#[test]
fn changing_a_missing_follow_up_is_not_found() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    for r in [
        store.follow_ups_mut().complete(99),
        store.follow_ups_mut().reopen(99),
        store.follow_ups_mut().snooze(99, today()),
    ] {
        assert!(
            matches!(r, Err(StoreError::NotFound { id: 99, .. })),
            "{r:?}"
        );
    }
    assert!(matches!(
        store.follow_ups().get(99),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn many_follow_ups_save_in_one_transaction() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let ann = add(&mut store, "Ann", "2026-11-01");
    let draft = |n: i64| FollowUpDraft {
        person_id: Some(ann),
        service_id: None,
        due_on: today() + chrono::Duration::days(n),
        due_time: None,
        text: format!("r{n}"),
    };
    let mut drafts: Vec<_> = (0..50).map(draft).collect();
    assert_eq!(store.follow_ups_mut().add_many(&drafts).unwrap().len(), 50);
    // One bad row (a person who does not exist) and none of the batch is saved.
    drafts[10].person_id = Some(9999);
    assert!(store.follow_ups_mut().add_many(&drafts).is_err());
    drop(store);
    assert_eq!(reopen(&path).follow_ups().open().unwrap().len(), 50);
}

#[test]
fn gone_quiet_lists_open_cases_with_no_conversation_for_28_days() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let talked_long_ago = add(&mut store, "Long", "2026-08-01");
    let talked_recently = add(&mut store, "Recent", "2026-08-01");
    let new_referral = add(&mut store, "New", "2026-11-10");
    let never_contacted = add(&mut store, "Never", "2026-10-01");
    let exactly_28 = add(&mut store, "Edge", "2026-10-26");
    let paused = add(&mut store, "Paused", "2026-08-01");
    let closed = add(&mut store, "Closed", "2026-08-01");
    let at = |d: NaiveDate| d.and_hms_opt(10, 0, 0).unwrap();
    for (id, on) in [
        (talked_long_ago, day(2026, 10, 1)),
        (talked_recently, day(2026, 10, 1)),
        (talked_recently, day(2026, 11, 20)),
        (paused, day(2026, 9, 1)),
        (closed, day(2026, 9, 1)),
    ] {
        let note = NewNote {
            person_id: id,
            kind: ConversationKind::Phone,
            occurred_at: at(on),
            body: "Spoke".into(),
            amends: None,
        };
        store.notes_mut().add(&note).unwrap();
    }
    set_status(&mut store, paused, Status::Active, "");
    set_status(&mut store, paused, Status::Paused, "");
    set_status(&mut store, closed, Status::Active, "");
    set_status(&mut store, closed, Status::Closed, "Moved away");
    drop(store);

    let store = reopen(&path);
    let quiet = store.follow_ups().gone_quiet(today(), QUIET_DAYS).unwrap();
    let ids: Vec<i64> = quiet.iter().map(|q| q.person_id).collect();
    // Longest quiet first; a tie goes by id.
    assert_eq!(ids, [talked_long_ago, never_contacted, exactly_28]);
    assert_eq!(quiet[0].last_contact, day(2026, 10, 1));
    assert_eq!(quiet[2].days_quiet(today()), 28);
    assert!(!ids.contains(&new_referral));
    assert!(!ids.contains(&talked_recently));
    // A day earlier, the 28-day case was not quiet yet.
    let yesterday = store
        .follow_ups()
        .gone_quiet(today() - chrono::Duration::days(1), QUIET_DAYS)
        .unwrap();
    assert!(!yesterday.iter().any(|q| q.person_id == exactly_28));
}

#[test]
fn settings_default_on_and_persist() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    assert!(store.settings().get(Setting::OfferCheckIn).unwrap());
    assert!(store.settings().get(Setting::ShowGoneQuiet).unwrap());
    store
        .settings_mut()
        .set(Setting::ShowGoneQuiet, false)
        .unwrap();
    drop(store);
    let mut store = reopen(&path);
    assert!(!store.settings().get(Setting::ShowGoneQuiet).unwrap());
    assert!(store.settings().get(Setting::OfferCheckIn).unwrap());
    store
        .settings_mut()
        .set(Setting::ShowGoneQuiet, true)
        .unwrap();
    assert!(
        reopen(&path)
            .settings()
            .get(Setting::ShowGoneQuiet)
            .unwrap()
    );
}

#[test]
fn check_in_offer_is_14_days_on_unless_off_or_already_set() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let ann = add(&mut store, "Ann", "2026-11-01");
    let service = store
        .directory_mut()
        .create(&caseload::domain::service::Service {
            uid: "s-1".into(),
            name: "Walking group".into(),
            active: true,
            ..Default::default()
        })
        .unwrap();
    let offer = store
        .follow_ups()
        .check_in_offer(ann, Some(service), today())
        .unwrap()
        .expect("offered");
    assert_eq!(offer.due_on, day(2026, 12, 7));
    assert_eq!(offer.service_id, Some(service));
    store
        .follow_ups_mut()
        .add(
            offer.person_id,
            offer.service_id,
            offer.due_on,
            None,
            &offer.text,
        )
        .unwrap();
    // One is open for this person and service: not offered twice.
    assert_eq!(
        store
            .follow_ups()
            .check_in_offer(ann, Some(service), today())
            .unwrap(),
        None
    );
    store
        .settings_mut()
        .set(Setting::OfferCheckIn, false)
        .unwrap();
    drop(store);
    let store = reopen(&path);
    assert_eq!(
        store
            .follow_ups()
            .check_in_offer(ann, None, today())
            .unwrap(),
        None
    );
}

#[test]
fn follow_ups_for_closed_or_deleted_people_stay_visible_with_a_marker() {
    let (_dir, path) = db();
    let mut store = Store::open(&path, common::clock()).unwrap();
    let gone = add(&mut store, "Gone", "2026-11-01");
    let closed = add(&mut store, "Closed", "2026-11-01");
    store
        .follow_ups_mut()
        .add(Some(gone), None, today(), None, "Call")
        .unwrap();
    store
        .follow_ups_mut()
        .add(Some(closed), None, today(), None, "Send letter")
        .unwrap();
    store
        .follow_ups_mut()
        .add(None, None, today(), None, "Team meeting")
        .unwrap();
    set_status(&mut store, closed, Status::Declined, "Not now");
    drop(store);
    // Erasure is a later issue: delete the row directly, as it will.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    conn.execute("DELETE FROM person WHERE id = ?1", [gone])
        .unwrap();
    drop(conn);

    let store = reopen(&path);
    let open = store.follow_ups().open().unwrap();
    assert_eq!(open.len(), 3);
    let by_text = |t: &str| open.iter().find(|r| r.text == t).unwrap();
    assert!(by_text("Call").about_deleted);
    assert_eq!(by_text("Call").person_id, None);
    assert_eq!(by_text("Call").about_label(), "(deleted)");
    assert!(by_text("Send letter").about_closed);
    assert_eq!(by_text("Send letter").about_label(), "Closed Test (closed)");
    assert!(!by_text("Team meeting").about_deleted);
    assert_eq!(by_text("Team meeting").about_label(), "—");
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_version_2_database_with_follow_ups_upgrades_to_4() {
    let (_dir, path) = db();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../src/store/migrations/001_initial.sql"))
        .unwrap();
    conn.execute_batch(include_str!("../src/store/migrations/002_draft.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 2;
         INSERT INTO reminder (due_on, due_time, text, created_at)
         VALUES ('2026-11-20', '09:30', 'Old reminder', '2026-11-01T09:00:00');",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path, common::clock()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let open = store.follow_ups().open().unwrap();
    assert_eq!(open.len(), 1);
    assert!(!open[0].about_deleted);
    assert_eq!(open[0].due_time.as_deref(), Some("09:30"));
    assert_eq!(store.settings().database_id().unwrap().len(), 32);
    assert!(store.settings().get(Setting::OfferCheckIn).unwrap());
}

/// Schema 13 (issue 24): a follow-up done with an outcome keeps it across a
/// reopen of the file; undoing "done" drops it with the done time; a schema
/// 12 file upgrades with its done follow-ups kept, outcome none.
#[test]
fn a_done_follow_up_keeps_its_outcome_and_schema_12_upgrades() {
    let (_dir, path) = db();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        include_str!("../src/store/migrations/001_initial.sql"),
        include_str!("../src/store/migrations/002_draft.sql"),
        include_str!("../src/store/migrations/003_connection_history.sql"),
        include_str!("../src/store/migrations/004_setting.sql"),
        include_str!("../src/store/migrations/005_audit_key.sql"),
        include_str!("../src/store/migrations/006_change_counter.sql"),
        include_str!("../src/store/migrations/007_audit_reason.sql"),
        include_str!("../src/store/migrations/008_audit_actor_name.sql"),
        include_str!("../src/store/migrations/009_person_monitoring.sql"),
        include_str!("../src/store/migrations/010_directory_data.sql"),
        include_str!("../src/store/migrations/011_workers.sql"),
        include_str!("../src/store/migrations/012_form_draft.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch(
        "PRAGMA user_version = 12;
         INSERT INTO reminder (due_on, text, done_at, created_at)
         VALUES ('2026-11-20', 'Done before', '2026-11-21T10:00:00', '2026-11-01T09:00:00');",
    )
    .unwrap();
    drop(conn);
    let mut store = reopen(&path);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let old = store.follow_ups().done(10).unwrap();
    assert_eq!(old.len(), 1);
    assert_eq!(
        (old[0].text.as_str(), old[0].outcome.as_deref()),
        ("Done before", None)
    );

    let ann = add(&mut store, "Ann", "2026-11-01");
    let a = store
        .follow_ups_mut()
        .add(Some(ann), None, today(), None, "Ring")
        .unwrap();
    store
        .follow_ups_mut()
        .complete_with(a, Some("No answer, try again"))
        .unwrap();
    drop(store);
    let mut store = reopen(&path);
    let done = store.follow_ups().get(a).unwrap();
    assert!(done.done_at.is_some());
    assert_eq!(done.outcome.as_deref(), Some("No answer, try again"));
    assert_eq!(store.follow_ups().done(10).unwrap()[0].id, a);
    store.follow_ups_mut().reopen(a).unwrap();
    drop(store);
    let open = reopen(&path).follow_ups().get(a).unwrap();
    assert_eq!((open.done_at, open.outcome), (None, None));
}
