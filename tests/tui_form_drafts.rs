//! Issue 20, item 9: Ctrl-c from a half-filled form quits with what was
//! typed kept as a draft, and the next start opens the form again with it.
//! A form saved or given up leaves nothing behind; so does a form nobody
//! typed in. The autosave keeps it too, for a kill -9 that runs no exit.

use crate::common;

use std::path::Path;

use common::app::{open_app, open_store, screen, temp_store};
use common::keys::{ctrl, press, type_text};
use ratatui::crossterm::event::KeyCode;

/// The app on the store at `path`, with the Add person form open and
/// "Zed" typed into its first field.
fn half_filled_add_person(path: &Path) -> caseload::tui::App {
    let mut app = open_app(open_store(path));
    press(&mut app, KeyCode::Char('a'));
    assert!(screen(&mut app, 80, 24).contains("Add person"));
    type_text(&mut app, "Zed");
    app
}

#[test]
fn ctrl_c_keeps_a_half_filled_form_and_the_next_start_opens_it_again() {
    let (dir, store) = temp_store("drafts.db");
    drop(store);
    let path = dir.path().join("drafts.db");
    let mut app = half_filled_add_person(&path);
    ctrl(&mut app, 'c');
    assert!(app.quit, "Ctrl-c quits from the form");
    drop(app);

    let mut app = open_app(open_store(&path));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Add person"), "the form is open again: {s}");
    assert!(s.contains("Zed"), "with what was typed: {s}");
    assert!(s.contains("Kept from"), "and says so: {s}");
    // Given up: Esc asks, y discards, and nothing is kept any more.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(!screen(&mut app, 80, 24).contains("Add person"));
    assert_eq!(app.store().form_drafts().latest().unwrap(), None);
    drop(app);
    let mut app = open_app(open_store(&path));
    assert!(!screen(&mut app, 80, 24).contains("Add person"));
}

#[test]
fn a_restored_form_saves_as_any_form_does_and_leaves_no_draft() {
    let (dir, store) = temp_store("drafts.db");
    drop(store);
    let path = dir.path().join("drafts.db");
    let mut app = half_filled_add_person(&path);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Quinn");
    // A kill -9 runs no exit path: the autosave is what keeps it.
    app.autosave();
    let draft = app
        .store()
        .form_drafts()
        .latest()
        .unwrap()
        .expect("autosaved");
    assert_eq!(draft.purpose, "person");
    assert!(
        draft
            .values()
            .unwrap_or_default()
            .contains(&("given_name".into(), "Zed".into())),
        "{draft:?}"
    );
    std::mem::forget(app); // no drop, no exit: as after kill -9

    let mut app = open_app(open_store(&path));
    assert!(screen(&mut app, 80, 24).contains("Quinn"));
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Add person"), "saved and closed: {s}");
    assert!(s.contains("Zed Quinn"), "{s}");
    assert_eq!(app.store().form_drafts().latest().unwrap(), None);
}

#[test]
fn an_untouched_form_leaves_no_draft() {
    let (dir, store) = temp_store("drafts.db");
    drop(store);
    let path = dir.path().join("drafts.db");
    let mut app = open_app(open_store(&path));
    press(&mut app, KeyCode::Char('a'));
    ctrl(&mut app, 'c');
    assert!(app.quit);
    assert_eq!(app.store().form_drafts().latest().unwrap(), None);
}

/// An edit of a person who is then erased is erased with them.
#[test]
fn a_kept_edit_goes_with_the_person_it_is_about() {
    use caseload::domain::person::PersonInput;
    let (dir, mut store) = temp_store("drafts.db");
    let input = PersonInput {
        given_name: "Ann".into(),
        family_name: "Archer".into(),
        referral_source: "GP practice".into(),
        ..Default::default()
    };
    let id = store
        .people_mut()
        .add(&input.validate(common::today()).unwrap())
        .unwrap();
    drop(store);
    let path = dir.path().join("drafts.db");
    let mut app = open_app(open_store(&path));
    press(&mut app, KeyCode::Char('e'));
    assert!(screen(&mut app, 80, 24).contains("Edit person"));
    type_text(&mut app, "x");
    app.save_draft_now();
    let draft = app.store().form_drafts().latest().unwrap().expect("kept");
    assert_eq!(
        (draft.purpose.as_str(), draft.person_id),
        ("person:1", Some(id))
    );
    drop(app);
    let mut store = open_store(&path);
    store.erase_person(id, "request 1").unwrap();
    assert_eq!(store.form_drafts().latest().unwrap(), None);
}
