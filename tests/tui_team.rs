//! A team in the app (issue 14): the caseload opens on my people, `w`
//! cycles mine -> everyone's -> each worker's, the bar says whose it is, the
//! agenda shows my follow-ups, and `H` hands a person over with a note.
//! "Me" is whoever runs the tests: their login is registered as a worker.

use crate::common;

use caseload::domain::person::PersonInput;
use caseload::domain::worker::Role;
use caseload::store::Store;
use chrono::NaiveDate;
use common::app::{open_app, open_store, screen, temp_store};
use common::keys::{ctrl, press, type_text};
use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn add(store: &mut Store, given: &str, family: &str) -> i64 {
    let p = PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        referral_source: "GP practice".into(),
        referred_on: "2026-11-02".into(),
        ..Default::default()
    };
    store
        .people_mut()
        .add(&p.validate(day(23)).unwrap())
        .unwrap()
}

/// Me (a link worker, or `role`) with Ann and Amos; Ben Okafor with Bill.
fn team(role: Role) -> (TempDir, Store) {
    let (dir, mut store) = temp_store("team.db");
    let me = store.actor().to_string();
    store.workers_mut().add(&me, "Asha Patel", role).unwrap();
    store
        .workers_mut()
        .add("ben", "Ben Okafor", Role::LinkWorker)
        .unwrap();
    let ann = add(&mut store, "Ann", "Archer");
    add(&mut store, "Amos", "Abbot");
    let bill = add(&mut store, "Bill", "Baker");
    store.workers_mut().assign(bill, "ben", None).unwrap();
    store
        .follow_ups_mut()
        .add(Some(ann), None, day(23), None, "Ring Ann")
        .unwrap();
    store
        .follow_ups_mut()
        .add(Some(bill), None, day(23), None, "Ring Bill")
        .unwrap();
    (dir, store)
}

#[test]
fn the_caseload_opens_on_mine_and_w_cycles_whose() {
    let (_dir, store) = team(Role::LinkWorker);
    let mut app = open_app(store);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("my caseload"), "{s}");
    assert!(s.contains("Ann Archer") && s.contains("Amos Abbot"), "{s}");
    assert!(!s.contains("Bill Baker"), "{s}");
    insta::assert_snapshot!(s);
    press(&mut app, KeyCode::Char('w'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("everyone's caseload") && s.contains("Bill Baker"),
        "{s}"
    );
    // Everyone's says whose each person is (issue 24); one worker's does not.
    let bill = s
        .lines()
        .find(|l| l.contains("Bill Baker"))
        .expect("Bill's row");
    assert!(s.contains("Worker") && bill.contains("Ben Okafor"), "{s}");
    press(&mut app, KeyCode::Char('w'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Ben Okafor's caseload"), "{s}");
    assert!(!s.contains("Worker"), "{s}");
    assert!(s.contains("Bill Baker") && !s.contains("Ann Archer"), "{s}");
    press(&mut app, KeyCode::Char('w'));
    assert!(screen(&mut app, 80, 24).contains("my caseload"));
    // The agenda: my follow-ups only.
    press(&mut app, KeyCode::Char('4'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Ring Ann") && !s.contains("Ring Bill"), "{s}");
    assert!(s.contains("My follow-ups (1)"), "{s}");
}

#[test]
fn a_coordinator_opens_on_everyone() {
    let (_dir, store) = team(Role::Coordinator);
    let mut app = open_app(store);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("everyone's caseload") && s.contains("Bill Baker"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('4'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Ring Ann") && s.contains("Ring Bill"), "{s}");
}

#[test]
fn h_hands_a_person_over_with_a_note() {
    let (dir, store) = team(Role::LinkWorker);
    let mut app = open_app(store);
    // Amos Abbot is first by name; Ann Archer second.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('H'));
    let s = screen(&mut app, 80, 24);
    // The box names whom it hands over (issue 24).
    assert!(
        s.contains("Hand over Ann Archer") && s.contains("ben"),
        "{s}"
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Prefers mornings");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Handed over to Ben Okafor"), "{s}");
    // Their details say whose they are now, and show the handover.
    press(&mut app, KeyCode::Char('w')); // to everyone's: Ann is no longer mine
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Link worker") && s.contains("Ben Okafor (ben)"),
        "{s}"
    );
    assert!(s.contains("handed over to ben — Prefers mornings"), "{s}");
    drop(app);
    let store = open_store(&dir.path().join("team.db"));
    let ann = store
        .people()
        .list(None)
        .unwrap()
        .into_iter()
        .find(|p| p.given_name == "Ann")
        .unwrap();
    assert_eq!(ann.assigned_worker.as_deref(), Some("ben"));
    let history = store.people().status_history(ann.id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.handed_to.as_deref(), Some("ben"));
    assert_eq!(last.reason.as_deref(), Some("Prefers mornings"));
    let open = store.follow_ups().open_of(Some("ben")).unwrap();
    assert!(open.iter().any(|r| r.text == "Ring Ann"), "{open:?}");
}

#[test]
fn a_file_with_no_workers_shows_no_worker_filter() {
    let (_dir, mut store) = temp_store("solo.db");
    add(&mut store, "Solo", "Person");
    let mut app = open_app(store);
    let s = screen(&mut app, 80, 24);
    assert!(
        !s.contains("my caseload") && !s.contains("everyone's"),
        "{s}"
    );
    assert!(s.contains("Solo Person"));
    press(&mut app, KeyCode::Char('w'));
    assert!(screen(&mut app, 80, 24).contains("No workers registered"));
}

#[test]
fn another_workers_writes_show_on_the_next_key_row_by_row() {
    let (dir, store) = team(Role::Coordinator);
    let mut app = open_app(store);
    app.tick(); // the event loop's first tick loads the agenda
    assert!(screen(&mut app, 80, 24).contains("Amos Abbot"));
    // Another process: a new person, a follow-up for Bill, Amos erased.
    let mut other = open_store(&dir.path().join("team.db"));
    let zed = add(&mut other, "Aaron", "Aardvark");
    let bill = other
        .people()
        .list(None)
        .unwrap()
        .into_iter()
        .find(|p| p.given_name == "Bill")
        .unwrap()
        .id;
    other
        .follow_ups_mut()
        .add(Some(bill), None, day(20), None, "Overdue call")
        .unwrap();
    let amos = other
        .people()
        .list(None)
        .unwrap()
        .into_iter()
        .find(|p| p.given_name == "Amos")
        .unwrap()
        .id;
    other.erase_person(amos, "test").unwrap_or_default();
    press(&mut app, KeyCode::Char('j'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Aaron Aardvark"), "{s}");
    assert!(!s.contains("Amos Abbot"), "{s}");
    // In the store's order, and Bill's next follow-up is the new one.
    let names: Vec<&str> = s
        .lines()
        .filter_map(|l| ["Aaron", "Ann", "Bill"].into_iter().find(|n| l.contains(n)))
        .collect();
    assert_eq!(names, ["Aaron", "Ann", "Bill"], "{s}");
    assert!(
        s.lines()
            .any(|l| l.contains("Bill Baker") && l.contains("3d overdue")),
        "{s}"
    );
    let _ = zed;
    // The agenda (off screen, read again when shown) and the status line
    // counts agree: the new follow-up is overdue.
    assert!(s.contains("1 overdue"), "{s}");
    press(&mut app, KeyCode::Char('4'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Overdue call") && s.contains("1 overdue"), "{s}");
}
