//! A laptop copy in the app (issue 22, item 3) through ratatui's
//! TestBackend: the status line says it is a copy and what waits to go, the
//! sync key asks the event loop for a sync (and says why not on a file that
//! is not a copy), and after a sync the summary is said and the fields
//! changed in two places open in a list. The exchange itself runs
//! in-process here, on the app's own store; tests/sync.rs runs it through
//! real processes and pipes.

use crate::common;

use caseload::adapters::sync::Synced;
use caseload::domain::person::PersonInput;
use caseload::domain::worker::Role;
use caseload::store::Store;
use common::app::{open_app, open_store, screen, temp_store};
use common::keys::ctrl;
use tempfile::TempDir;

/// A team file where this login is a worker with one person, Ann, and a
/// laptop copy of it beside it.
fn copy() -> (TempDir, Store, Store, i64) {
    let (dir, mut team) = temp_store("team.db");
    let me = team.actor().to_string();
    team.workers_mut().add(&me, "Me", Role::LinkWorker).unwrap();
    let p = PersonInput {
        given_name: "Ann".into(),
        family_name: "Archer".into(),
        referred_on: "2026-11-02".into(),
        phone: "0113 000".into(),
        ..Default::default()
    };
    let ann = team
        .people_mut()
        .add(&p.validate(common::today()).unwrap())
        .unwrap();
    let snapshot = team.copies().snapshot(&me).unwrap();
    let mut laptop = open_store(&dir.path().join("laptop.db"));
    laptop
        .copies_mut()
        .start(&snapshot, "server:/srv/team.db", &me)
        .unwrap();
    (dir, team, laptop, ann)
}

fn set_phone(store: &mut Store, id: i64, phone: &str) {
    let person = store.people().get(id).unwrap();
    let mut details = person.details.clone();
    details.phone = Some(phone.into());
    store
        .people_mut()
        .update(id, person.version, &details)
        .unwrap();
}

#[test]
fn the_status_line_says_laptop_copy_and_what_waits_to_go() {
    let (_dir, _team, mut laptop, ann) = copy();
    set_phone(&mut laptop, ann, "0113 222");
    let mut app = open_app(laptop);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("laptop copy · never synced · 1 to go"),
        "{shown}"
    );
}

#[test]
fn the_sync_key_asks_for_a_sync_only_on_a_laptop_copy() {
    let (_dir, team, laptop, _) = copy();
    let mut app = open_app(laptop);
    ctrl(&mut app, 'o');
    assert!(
        app.take_sync_request(),
        "Ctrl-o asks the event loop to sync"
    );
    assert!(!app.take_sync_request(), "once per press");

    let mut on_team = open_app(team);
    ctrl(&mut on_team, 'o');
    assert!(!on_team.take_sync_request());
    assert!(screen(&mut on_team, 80, 24).contains("not a laptop copy"));
}

#[test]
fn after_a_sync_the_summary_is_said_and_conflicts_open_in_a_list() {
    let (_dir, mut team, mut laptop, ann) = copy();
    set_phone(&mut team, ann, "0113 111");
    set_phone(&mut laptop, ann, "0113 222");
    let mut app = open_app(laptop);
    // What the event loop does, with the far side in this process.
    let me = app.store().actor().to_string();
    let store = app.store_for_sync();
    let push = store.copies().local_changes().unwrap();
    let pull = team.copies_mut().merge_push(&me, &push).unwrap();
    let summary = store.copies_mut().finish(&push, &pull).unwrap();
    assert_eq!(summary.conflicts, 1);
    app.finish_sync(Ok(Synced {
        origin: "server:/srv/team.db".into(),
        summary,
        bytes: 0,
    }));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Changed in two places"), "{shown}");
    assert!(shown.contains("Ann Archer, person phone"), "{shown}");
    assert!(shown.contains("Synced: sent 1, took"), "{shown}");
    // Esc closes the list; the status line now has a sync time.
    common::keys::press(&mut app, ratatui::crossterm::event::KeyCode::Esc);
    let after = screen(&mut app, 80, 24);
    assert!(!after.contains("Changed in two places"), "{after}");
}

/// A push carries only changed fields, so a follow-up's change has no
/// person id in it: its conflict must still be found as the person's.
#[test]
fn a_conflict_on_a_follow_up_is_in_its_persons_history() {
    let (dir, mut team, _, ann) = copy();
    let due = common::today();
    let on_team = team
        .follow_ups_mut()
        .add(Some(ann), None, due, None, "ring Ann")
        .unwrap();
    // A fresh copy that has the follow-up.
    let me = team.actor().to_string();
    let mut laptop = open_store(&dir.path().join("laptop2.db"));
    laptop
        .copies_mut()
        .start(
            &team.copies().snapshot(&me).unwrap(),
            "server:/srv/team.db",
            &me,
        )
        .unwrap();
    let edit = |store: &mut Store, id: i64, text: &str| {
        let version = store.follow_ups().get(id).unwrap().version;
        store
            .follow_ups_mut()
            .update(id, version, due, None, text)
            .unwrap();
    };
    let on_laptop = laptop.follow_ups().for_person(ann).unwrap()[0].id;
    edit(&mut team, on_team, "ring Ann about the lunch club");
    edit(&mut laptop, on_laptop, "visit Ann at home");
    let push = laptop.copies().local_changes().unwrap();
    let pull = team.copies_mut().merge_push(&me, &push).unwrap();
    laptop.copies_mut().finish(&push, &pull).unwrap();
    for (store, id) in [(&team, ann), (&laptop, ann)] {
        let conflicts = store.copies().conflicts(id).unwrap();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].field, "text");
    }
}
