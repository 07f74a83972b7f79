//! The real binary in a pseudo-terminal (80x24, NO_COLOR=1): add a follow-up
//! with `r`, snooze it with `z`, mark it done with `d`, quit. Each step is
//! checked in the database the app writes, which is what a user relies on.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use caseload::domain::follow_up::FollowUp;
use caseload::domain::person::PersonInput;
use caseload::store::Store;
use chrono::Duration as Days;
use common::Sandbox;
use common::tui::Tui;

/// Reads whatever the app drew (so its writes never block) until `done`
/// returns a value or ten seconds pass.
fn wait_for<T>(tui: &mut Tui, what: &str, mut done: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        tui.pump();
        if let Some(v) = done() {
            return v;
        }
        if start.elapsed() > Duration::from_secs(10) {
            tui.fail(&format!("timed out: {what}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn follow_up(db: &Path) -> Option<FollowUp> {
    let store = Store::open(db, common::clock()).ok()?;
    store.follow_ups().get(1).ok()
}

#[test]
fn add_snooze_and_complete_a_follow_up_in_a_real_terminal() {
    let sb = Sandbox::new();
    let db = sb.path("e2e.db");
    let today = common::today();
    let mut store = Store::open(&db, common::clock()).unwrap();
    let person = PersonInput {
        given_name: "Test".into(),
        family_name: "Person".into(),
        ..Default::default()
    };
    let id = store
        .people_mut()
        .add(&person.validate(today).unwrap())
        .unwrap();
    drop(store);

    let mut p = Tui::spawn(&sb, &db, 80, 24);
    // The first frame is drawn whole: the app is up and the terminal raw.
    p.expect("Follow-ups");

    // r: a follow-up for the selected (only) person, in three days at 14:30.
    p.send(b"r");
    p.send(b"+3d\t14:30\tCall to check in");
    p.send(b"\x13"); // Ctrl-s
    let r = wait_for(&mut p, "the follow-up is saved", || follow_up(&db));
    assert_eq!(r.person_id, Some(id));
    assert_eq!(r.due_on, today + Days::days(3));
    assert_eq!(r.due_time.as_deref(), Some("14:30"));
    assert_eq!(r.text, "Call to check in");

    // Pane 4, z, Ctrl-s: snoozed until tomorrow (the first choice).
    p.send(b"4");
    p.send(b"z");
    p.send(b"\x13");
    let r = wait_for(&mut p, "the snooze is saved", || {
        follow_up(&db).filter(|r| r.snoozed_until.is_some())
    });
    assert_eq!(r.snoozed_until, Some(today + Days::days(1)));

    // d, then an outcome and Enter: done, and gone from the agenda.
    p.send(b"d");
    p.send(b"Left a message\r");
    wait_for(&mut p, "done is saved", || {
        follow_up(&db).filter(|r| r.done_at.is_some())
    });
    let store = Store::open(&db, common::clock()).unwrap();
    assert!(store.follow_ups().open().unwrap().is_empty());
    let done = store.follow_ups().done(5).unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].outcome.as_deref(), Some("Left a message"));
    drop(store);

    p.send(b"q");
    assert_eq!(p.wait_exit(), 0, "the app quits");
}
