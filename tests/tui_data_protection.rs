//! Data protection in the app (issue 12), through TestBackend: the subject
//! access export from pane 2, erasure behind the typed name, the retention
//! review (pane after the core four) and audited reads. Snapshots hold only
//! the pinned clock's dates.

use crate::common;

use std::os::unix::fs::PermissionsExt;

use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::person::PersonInput;
use caseload::store::{AuditFilter, Store, StoreError};
use caseload::tui::App;
use caseload::tui::component::Settings;
use common::app::{open_app, open_store, screen, temp_store};
use common::keys::{ctrl, press, type_text};
use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;

fn add(store: &mut Store, given: &str, family: &str) -> i64 {
    let p = PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        referral_source: "GP practice".into(),
        referred_on: "2026-10-01".into(),
        ..Default::default()
    };
    store
        .people_mut()
        .add(&p.validate(common::today()).unwrap())
        .unwrap()
}

/// Ann (with a note and a follow-up) and Fay, open; Bea, Cas and Dee closed
/// or declined long ago, Eve closed last year (not yet due).
fn fixture() -> (TempDir, std::path::PathBuf, App) {
    let (dir, mut store) = temp_store("dp.db");
    let path = dir.path().join("dp.db");
    let ann = add(&mut store, "Ann", "Archer");
    for (given, family) in [
        ("Bea", "Baker"),
        ("Cas", "Cole"),
        ("Dee", "Dale"),
        ("Eve", "Ely"),
        ("Fay", "Ford"),
    ] {
        add(&mut store, given, family);
    }
    store
        .notes_mut()
        .add(&NewNote {
            person_id: ann,
            kind: ConversationKind::WhatMatters,
            occurred_at: common::now(),
            body: "Wants to join the choir".into(),
            amends: None,
        })
        .unwrap();
    store
        .follow_ups_mut()
        .add(Some(ann), None, common::today(), None, "Ring Ann")
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "UPDATE person SET status = 'closed', closed_on = '2014-03-02' WHERE id = 2;
         UPDATE person SET status = 'declined', closed_on = '2017-06-30' WHERE id = 3;
         UPDATE person SET status = 'closed', closed_on = '2018-11-23' WHERE id = 4;
         UPDATE person SET status = 'closed', closed_on = '2025-11-01' WHERE id = 5;",
    )
    .unwrap();
    drop(conn);
    let mut app = open_app(open_store(&path));
    app.tick(); // the loads after the first frame
    (dir, path, app)
}

#[test]
fn export_from_pane_2_writes_a_private_text_file_and_never_replaces_one() {
    let (dir, _db, mut app) = fixture();
    press(&mut app, KeyCode::Char('2'));
    // Found from the footer's jump (the palette), with its key beside it.
    assert!(screen(&mut app, 80, 24).contains(": jump"), "in the footer");
    press(&mut app, KeyCode::Char(':'));
    type_text(&mut app, "export");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("subject access export to file") && s.contains("E"),
        "{s}"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('E'));
    insta::assert_snapshot!("export_form", screen(&mut app, 80, 24));
    // The prefilled path is in the home folder; write into the test's folder instead.
    let file = dir.path().join("for-ann.txt");
    ctrl(&mut app, 'u');
    type_text(&mut app, file.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Subject access export written to"), "{s}");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&file).unwrap();
    for want in [
        "Your record",
        "Ann Archer",
        "Wants to join the choir",
        "Ring Ann",
    ] {
        assert!(text.contains(want), "{want} in:\n{text}");
    }
    assert!(!text.contains("Bea"), "{text}");
    // Again to the same file: refused beside the field, the file kept.
    std::fs::write(&file, "keep me").unwrap();
    press(&mut app, KeyCode::Char('E'));
    ctrl(&mut app, 'u');
    type_text(&mut app, file.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("that file exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn erasing_from_pane_2_needs_their_name_then_they_are_gone_from_every_pane() {
    let (_dir, db, mut app) = fixture();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('D'));
    insta::assert_snapshot!("erase_form", screen(&mut app, 80, 24));
    type_text(&mut app, "Anne Archer");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("the name does not match; nothing was erased"));
    assert!(app.store().people().get(1).is_ok());
    ctrl(&mut app, 'u');
    type_text(&mut app, "ann  ARCHER"); // case and spaces as the command line allows
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Erased: no copy remains"), "{s}");
    assert!(
        s.contains("No person selected") || !s.contains("Ann"),
        "{s}"
    );
    assert!(matches!(
        app.store().people().get(1),
        Err(StoreError::NotFound { .. })
    ));
    for pane in ['1', '2', '4'] {
        press(&mut app, KeyCode::Char(pane));
        let s = screen(&mut app, 80, 24);
        assert!(
            !s.contains("Ann") && !s.contains("choir"),
            "pane {pane}:\n{s}"
        );
    }
    // The tombstone names nobody.
    let audit = app.store().audit_entries(AuditFilter::default()).unwrap();
    let last = audit.last().unwrap();
    assert_eq!((last.action.as_str(), last.entity_id), ("erase", Some(1)));
    assert_eq!(common::count_rows(&db, "reminder"), 0);
}

#[test]
fn the_retention_review_erases_the_marked_people_after_one_confirmation() {
    let (_dir, _db, mut app) = fixture();
    // The pane after the core four: Shift-Tab from the caseload reaches it.
    press(&mut app, KeyCode::BackTab);
    insta::assert_snapshot!("retention_pane", screen(&mut app, 80, 24));
    press(&mut app, KeyCode::Char('D'));
    assert!(
        screen(&mut app, 80, 24).contains("Nobody marked"),
        "nothing marked, nothing asked"
    );
    press(&mut app, KeyCode::Char(' ')); // Bea, then the cursor moves on
    press(&mut app, KeyCode::Char(' ')); // Cas
    press(&mut app, KeyCode::Char('D'));
    insta::assert_snapshot!("retention_confirm", screen(&mut app, 80, 24));
    type_text(&mut app, "ERASE 3");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("type ERASE 2; nothing was erased"));
    assert!(app.store().people().get(2).is_ok());
    ctrl(&mut app, 'u');
    type_text(&mut app, "ERASE 2");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("retention_after", screen(&mut app, 80, 24));
    for id in [2, 3] {
        assert!(app.store().people().get(id).is_err(), "{id}");
    }
    for id in [1, 4, 5] {
        assert!(app.store().people().get(id).is_ok(), "{id}");
    }
}

#[test]
fn opening_a_person_in_pane_2_is_audited_only_when_config_asks() {
    let reads = |app: &App| {
        app.store()
            .audit_entries(AuditFilter::default())
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "read")
            .map(|e| e.entity_id)
            .collect::<Vec<_>>()
    };
    let (_dir, _db, mut app) = fixture();
    press(&mut app, KeyCode::Char('2'));
    assert!(reads(&app).is_empty(), "off by default");

    let (_dir, _db, mut app) = fixture();
    app.set_settings(Settings {
        audit_reads: true,
        ..Settings::default()
    });
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('2')); // the same person again: no second row
    assert_eq!(reads(&app), [Some(1)]);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(reads(&app).len(), 2);
}

#[test]
fn help_in_pane_2_and_the_detail_lists_export_and_erase() {
    let (_dir, _db, mut app) = fixture();
    for keys in [&[KeyCode::Char('2')][..], &[KeyCode::Enter][..]] {
        press(&mut app, KeyCode::Char('1'));
        for k in keys {
            press(&mut app, *k);
        }
        press(&mut app, KeyCode::Char('?'));
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("subject access export to file"), "{s}");
        assert!(s.contains("erase them (type their name)"), "{s}");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Esc);
    }
}

/// The real binary with no config.toml: the Retention pane's own keys work
/// (they come from the registered pane, not the core defaults).
#[test]
fn the_retention_keys_work_in_the_real_app_without_a_config_file() {
    let sb = common::Sandbox::new();
    let (_dir, db, app) = fixture();
    drop(app);
    let mut tui = common::tui::Tui::spawn(&sb, &db, 80, 24);
    tui.expect("1 Caseload");
    tui.send(b"\x1b[Z"); // Shift-Tab: the last pane
    tui.expect("Due for review (3) · 0 marked");
    tui.send(b" ");
    tui.expect("Due for review (3) · 1 marked");
    tui.send(b"D");
    tui.expect("Erase Bea Baker?"); // one person: their name is asked for
    tui.send(b"\x1b"); // Esc: nothing typed, so nothing asked
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(common::count_rows(&db, "person"), 6, "nothing erased");
}
