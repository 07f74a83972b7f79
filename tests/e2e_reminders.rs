//! The real binary in a pseudo-terminal (80x24, NO_COLOR=1): add a follow-up
//! with `r`, snooze it with `z`, mark it done with `d`, quit. Each step is
//! checked in the database the app writes, which is what a user relies on.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use caseload::domain::person::PersonInput;
use caseload::domain::reminder::Reminder;
use caseload::store::Store;
use chrono::Duration as Days;
use expectrl::process::unix::WaitStatus;
use expectrl::{Expect, Session};

type Pty = expectrl::session::OsSession;

/// Reads whatever the app drew (so its writes never block) until `done`
/// returns a value or ten seconds pass.
fn wait_for<T>(p: &mut Pty, what: &str, mut done: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    let mut buf = [0u8; 8192];
    loop {
        while let Ok(n) = p.try_read(&mut buf) {
            if n == 0 {
                break;
            }
        }
        if let Some(v) = done() {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn reminder(db: &Path) -> Option<Reminder> {
    let store = Store::open(db, common::clock()).ok()?;
    store.get_reminder(1).ok()
}

#[test]
fn add_snooze_and_complete_a_follow_up_in_a_real_terminal() {
    let dir = tempfile::TempDir::new().unwrap();
    let db = dir.path().join("e2e.db");
    let today = common::today();
    let mut store = Store::open(&db, common::clock()).unwrap();
    let person = PersonInput {
        given_name: "Test".into(),
        family_name: "Person".into(),
        ..Default::default()
    };
    let id = store.add_person(&person.validate(today).unwrap()).unwrap();
    drop(store);

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_caseload"));
    cmd.arg("--db")
        .arg(&db)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env("CASELOAD_NOW", common::NOW)
        .env_remove("CASELOAD_DB");
    let mut p = Session::spawn(cmd).expect("spawn caseload in a pty");
    p.get_process_mut().set_window_size(80, 24).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(10)));
    // The first frame is drawn whole: the app is up and the terminal raw.
    p.expect("Reminders").expect("first frame");

    // r: a follow-up for the selected (only) person, in three days at 14:30.
    p.send("r").unwrap();
    p.send("+3d\t14:30\tCall to check in").unwrap();
    p.send("\x13").unwrap(); // Ctrl-s
    let r = wait_for(&mut p, "the follow-up is saved", || reminder(&db));
    assert_eq!(r.person_id, Some(id));
    assert_eq!(r.due_on, today + Days::days(3));
    assert_eq!(r.due_time.as_deref(), Some("14:30"));
    assert_eq!(r.text, "Call to check in");

    // Pane 4, z, Ctrl-s: snoozed until tomorrow (the first choice).
    p.send("4").unwrap();
    p.send("z").unwrap();
    p.send("\x13").unwrap();
    let r = wait_for(&mut p, "the snooze is saved", || {
        reminder(&db).filter(|r| r.snoozed_until.is_some())
    });
    assert_eq!(r.snoozed_until, Some(today + Days::days(1)));

    // d: done, and gone from the agenda.
    p.send("d").unwrap();
    wait_for(&mut p, "done is saved", || {
        reminder(&db).filter(|r| r.done_at.is_some())
    });
    let store = Store::open(&db, common::clock()).unwrap();
    assert!(store.open_reminders().unwrap().is_empty());
    assert_eq!(store.done_reminders(5).unwrap().len(), 1);
    drop(store);

    p.send("q").unwrap();
    p.expect(expectrl::Eof).expect("the app quits");
    let status = p.get_process().wait().unwrap();
    assert!(
        matches!(status, WaitStatus::Exited(_, 0)),
        "exit status: {status:?}"
    );
}
