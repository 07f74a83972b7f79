//! The person pane's view of what leaves caseload (issue 13): the SNOMED CT
//! codes that go to the GP record for this person, and each wellbeing
//! instrument's scores over time as a sparkline. Through TestBackend.

use crate::common;

use caseload::domain::measure::{Instrument, Scores};
use caseload::domain::person::{PersonInput, Status, validate_status_change};
use caseload::store::Store;
use caseload::tui::App;
use common::app::{frame, open_app, temp_store};
use common::keys::press;
use ratatui::crossterm::event::KeyCode;

fn add(store: &mut Store, given: &str, nhs: &str) -> i64 {
    let p = PersonInput {
        given_name: given.into(),
        family_name: "Test".into(),
        referral_source: "GP practice".into(),
        referred_on: "2026-10-01".into(),
        nhs_number: nhs.into(),
        ..Default::default()
    }
    .validate(common::today())
    .unwrap();
    store.people_mut().add(&p).unwrap()
}

fn set_status(store: &mut Store, id: i64, to: Status, reason: &str) {
    let p = store.people().get(id).unwrap();
    let change = validate_status_change(p.status, to, reason, common::today()).unwrap();
    store
        .people_mut()
        .set_status(id, p.version, &change)
        .unwrap();
}

/// The screen at 100x30, each row the symbols of its cells (no quotes).
fn text(app: &mut App) -> String {
    let buffer = frame(app, 100, 30);
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_person_pane_shows_the_codes_for_the_gp_record() {
    let (_dir, mut store) = temp_store("c.db");
    let accepted = add(&mut store, "Ada", "943 476 5919");
    let declined = add(&mut store, "Bea", "");
    let waiting = add(&mut store, "Cy", "");
    set_status(&mut store, accepted, Status::Active, "");
    set_status(&mut store, declined, Status::Declined, "not now");
    let codes = |s: &Store, id| s.coded_events_for_person(id).unwrap();
    assert_eq!(codes(&store, accepted).len(), 1);
    assert_eq!(codes(&store, declined).len(), 1);
    assert!(codes(&store, waiting).is_empty());

    let mut app = open_app(store);
    // Caseload is sorted by name: Ada, Bea, Cy (status filter "open" hides Bea).
    press(&mut app, KeyCode::Char('2'));
    let ada = text(&mut app);
    assert!(
        ada.contains(
            "GP record: 871731000000106 Referral to social prescribing service (23 Nov 2026)"
        ),
        "{ada}"
    );
    assert!(!ada.contains("871711000000103"), "{ada}");
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('2'));
    let cy = text(&mut app);
    assert!(cy.contains("Cy Test"), "{cy}");
    assert!(
        !cy.contains("GP record"),
        "nothing is coded before first contact: {cy}"
    );
}

#[test]
fn each_instrument_shows_its_scores_over_time() {
    let (_dir, mut store) = temp_store("m.db");
    let id = add(&mut store, "Ada", "");
    for (day, items) in [(9, "3 2 2"), (10, "2 2 2"), (11, "1 1 1")] {
        let scores = Scores::parse(Instrument::Ucla3, items).unwrap();
        let on = chrono::NaiveDate::from_ymd_opt(2026, day, 1).unwrap();
        store.measures_mut().add(id, &scores, on).unwrap();
    }
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('2'));
    let screen = text(&mut app);
    // UCLA3 totals 7, 6, 3 on its 3-9 scale, in eight bars (0-7):
    // (7-3)/6*7 = 4.7 -> bar 5 ▆, (6-3)/6*7 = 3.5 -> bar 4 ▅, 3 -> bar 0 ▁.
    assert!(screen.contains("▆▅▁ 7→3 better"), "{screen}");
}

#[test]
fn l_previews_the_letter_and_enter_writes_it_with_the_summary_from_the_editor() {
    use caseload::domain::conversation::{ConversationKind, NewNote};
    let (dir, mut store) = temp_store("l.db");
    let id = add(&mut store, "Ada", "943 476 5919");
    set_status(&mut store, id, Status::Active, "");
    let note = NewNote {
        person_id: id,
        kind: ConversationKind::WhatMatters,
        occurred_at: common::now(),
        body: "SECRET NOTE TEXT about her flat".into(),
        amends: None,
    }
    .validate()
    .unwrap();
    store.notes_mut().add(&note).unwrap();
    store.settings_mut().set_letter_name("Sam Rivers").unwrap(); // asked once before
    let mut app = open_app(store);
    app.set_letter_folder(dir.path().to_path_buf());
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('L'));
    let preview = text(&mut app);
    assert!(preview.contains("Letter to the referrer"), "{preview}");
    assert!(preview.contains("No actions required"), "{preview}");
    assert!(!preview.contains("SECRET NOTE TEXT"), "{preview}");
    // Enter hands the summary to $EDITOR (the event loop runs it).
    press(&mut app, KeyCode::Enter);
    let prompt = app
        .take_external_edit()
        .expect("the summary goes to $EDITOR");
    assert!(prompt.starts_with('#'));
    app.finish_external_edit(Ok(format!(
        "{prompt}Met three times; joined the walking group.\n"
    )));
    let written = dir.path().join(format!("caseload-letter-{id}.txt"));
    let letter = std::fs::read_to_string(&written).unwrap();
    assert!(
        letter.contains("Met three times; joined the walking group."),
        "{letter}"
    );
    assert!(!letter.contains("Lines starting with #"), "{letter}");
    assert!(!letter.contains("SECRET NOTE TEXT"), "{letter}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&written).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        text(&mut app).contains("Letter written to"),
        "the status line says where"
    );
    // A second letter never replaces the first.
    press(&mut app, KeyCode::Char('L'));
    press(&mut app, KeyCode::Enter);
    let prompt = app.take_external_edit().unwrap();
    app.finish_external_edit(Ok(prompt));
    assert!(
        dir.path()
            .join(format!("caseload-letter-{id}-2.txt"))
            .exists()
    );
    assert_eq!(std::fs::read_to_string(&written).unwrap(), letter);
}

/// Issue 24, bug 12: the letter preview ignored PgUp/PgDn and `?`.
#[test]
fn the_letter_preview_pages_and_opens_help() {
    let (_dir, mut store) = temp_store("p.db");
    let id = add(&mut store, "Ada", "943 476 5919");
    set_status(&mut store, id, Status::Active, "");
    store.settings_mut().set_letter_name("Sam Rivers").unwrap();
    let mut app = open_app(store);
    app.set_size(80, 24);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('L'));
    let top = text(&mut app);
    assert!(top.contains("Letter to the referrer"), "{top}");
    press(&mut app, KeyCode::PageDown);
    let paged = text(&mut app);
    assert!(
        paged.contains("Letter to the referrer"),
        "still the preview: {paged}"
    );
    assert_ne!(top, paged, "PgDn moved the letter");
    press(&mut app, KeyCode::PageUp);
    assert_eq!(text(&mut app), top, "PgUp back to the top");
    press(&mut app, KeyCode::Char('?'));
    let help = text(&mut app);
    assert!(
        help.contains("Help · Esc closes") && help.contains("page down"),
        "{help}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(text(&mut app), top, "Esc closes help, back to the preview");
}
