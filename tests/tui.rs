//! The TUI through ratatui's TestBackend: whole-screen snapshots at 80x24 and
//! 20x5, and key-driven behaviour checked against the database afterwards.

use crate::common;

use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::person::PersonInput;
use caseload::domain::service::Service;
use caseload::store::Store;
use caseload::tui::App;
use caseload::tui::theme::Theme;
use chrono::{NaiveDate, NaiveDateTime};
use common::app::{demo_store, open_app, open_store, screen, temp_store};
use common::keys::{ctrl, press, type_text};
use common::now;
use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn person(given: &str, family: &str, source: &str, referred: &str) -> PersonInput {
    PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        referral_source: source.into(),
        referred_on: referred.into(),
        referral_reason: "Lonely since moving here".into(),
        ..Default::default()
    }
}

/// A small caseload with fixed dates, so snapshots never change with the calendar.
fn fixture() -> (TempDir, App) {
    let (dir, mut store) = temp_store("team.db");
    let today = common::today();
    let mut add = |p: PersonInput| store.people_mut().add(&p.validate(today).unwrap()).unwrap();
    let zoe = add(PersonInput {
        risk_note: "Lives alone; see GP record before visiting".into(),
        ..person("Zoë", "Adeyemi", "GP practice", "2026-10-01")
    });
    let wang = add(person("美玲", "王", "pharmacy", "2026-11-02"));
    let _luk = add(person("Łukasz", "Nowak", "job centre", "2026-09-14"));
    let _emoji = add(person("Sam 🙂", "Jones", "self-referral", "2026-11-20"));
    store
        .follow_ups_mut()
        .add(
            Some(zoe),
            None,
            day(2026, 11, 20),
            None,
            "Call about the walking group",
        )
        .unwrap();
    store
        .follow_ups_mut()
        .add(
            Some(wang),
            None,
            day(2026, 11, 23),
            chrono::NaiveTime::from_hms_opt(14, 30, 0),
            "Food bank referral check",
        )
        .unwrap();
    store
        .follow_ups_mut()
        .add(None, None, day(2026, 11, 26), None, "Team directory review")
        .unwrap();
    store
        .follow_ups_mut()
        .add(Some(wang), None, day(2027, 1, 5), None, "Six-week review")
        .unwrap();
    let at = |d: NaiveDate| d.and_hms_opt(11, 0, 0).unwrap();
    let note = |kind, on, body: &str| NewNote {
        person_id: zoe,
        kind,
        occurred_at: at(on),
        body: body.into(),
        amends: None,
    };
    let first = note(
        ConversationKind::WhatMatters,
        day(2026, 10, 8),
        "What matters to me:\nSeeing my grandchildren.",
    );
    store.notes_mut().add(&first).unwrap();
    let second = note(
        ConversationKind::Phone,
        day(2026, 11, 2),
        "Tried the walking group; too far. Will look at closer ones.",
    );
    store.notes_mut().add(&second).unwrap();
    for (i, (name, cats, verified)) in [
        ("Northside Food Pantry", "food", day(2026, 9, 1)),
        ("Riverside Walking Group", "walking,sport", day(2025, 6, 1)),
        (
            "Benefits Advice Drop-in",
            "benefits,money and debt advice",
            day(2026, 11, 1),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        store
            .directory_mut()
            .create(&Service {
                uid: format!("t-{i}"),
                name: name.into(),
                categories: Some(cats.into()),
                area: Some("Northside".into()),
                last_verified_on: Some(verified),
                active: true,
                ..Default::default()
            })
            .unwrap();
    }
    (dir, open_app(store))
}

/// The fixture's database, opened again (by another window, or after the app).
fn reopen_store(dir: &TempDir) -> Store {
    open_store(&dir.path().join("team.db"))
}

#[test]
fn caseload_pane_80x24() {
    let (_dir, mut app) = fixture();
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn filter_narrows_as_you_type() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "nwk");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Łukasz Nowak"), "{s}");
    assert!(!s.contains("Adeyemi"), "{s}");
    insta::assert_snapshot!(s);
    // Esc clears the filter and everyone is back.
    press(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 80, 24).contains("Adeyemi"));
}

#[test]
fn person_detail_shows_referral_risk_and_history() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Enter); // first row by name: Zoë Adeyemi
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("RISK"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn add_form_shows_inline_errors_and_saves_nothing() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('a'));
    for _ in 0..9 {
        press(&mut app, KeyCode::Tab); // to the NHS number field
    }
    type_text(&mut app, "943 476 5918");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("given name is required"), "{s}");
    insta::assert_snapshot!(s);
    assert_eq!(app.store().people().list(None).unwrap().len(), 4);
}

#[test]
fn add_form_saves_and_selects_the_new_person() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Siobhán");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Ó Briain");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Added Siobhán Ó Briain"), "{s}");
    assert_eq!(app.caseload.selected_row().unwrap().family_name, "Ó Briain");
    drop(app);
    let store = reopen_store(&dir);
    assert!(
        store
            .people()
            .list(None)
            .unwrap()
            .iter()
            .any(|p| p.given_name == "Siobhán")
    );
}

/// Equality monitoring at the end of the person form: GP practice (checked),
/// sex and carer as choices starting at "not recorded", ethnicity typed.
#[test]
fn add_form_records_equality_monitoring() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Mo");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Farah");
    for _ in 0..16 {
        press(&mut app, KeyCode::Tab); // to GP practice, past the referrer and the consent day
    }
    type_text(&mut app, "b82005");
    press(&mut app, KeyCode::Tab); // sex: not recorded -> female -> male
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "somali");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("ONS 2021"),
        "an unknown ethnicity is refused: {s}"
    );
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "African");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Added Mo Farah"), "{s}");
    drop(app);
    let store = reopen_store(&dir);
    let id = store
        .people()
        .list(None)
        .unwrap()
        .iter()
        .find(|p| p.given_name == "Mo")
        .unwrap()
        .id;
    let d = store.people().get(id).unwrap().details;
    assert_eq!(d.gp_practice.as_deref(), Some("B82005"));
    assert_eq!(d.sex.as_deref(), Some("male"));
    assert_eq!(d.ethnicity.as_deref(), Some("African"));
    assert_eq!(d.carer, None, "left at not recorded");
}

#[test]
fn closing_a_case_needs_a_reason() {
    let (dir, mut app) = fixture();
    // The first row is Zoë (referred): referred -> active first.
    press(&mut app, KeyCode::Char('s'));
    ctrl(&mut app, 's'); // "active" is the first choice
    assert!(screen(&mut app, 80, 24).contains("Status changed to active"));
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Right); // active -> closed
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("a reason is required"), "{s}");
    insta::assert_snapshot!(s);
    // The error moved the focus to the reason field.
    type_text(&mut app, "Moved away");
    ctrl(&mut app, 's');
    drop(app);
    let store = reopen_store(&dir);
    let zoe = store
        .people()
        .list(None)
        .unwrap()
        .into_iter()
        .find(|p| p.given_name == "Zoë")
        .unwrap();
    assert_eq!(zoe.status.as_str(), "closed");
}

#[test]
fn help_lists_the_pane_keys() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
    press(&mut app, KeyCode::Esc);
    assert!(!screen(&mut app, 80, 24).contains("Help"));
}

#[test]
fn what_matters_pane_follows_the_selected_person() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('2'));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn directory_pane_marks_stale_entries() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("1 Jun 2025 stale"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn follow_ups_pane_groups_by_due_date() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn tiny_terminal_says_so() {
    let (_dir, mut app) = fixture();
    insta::assert_snapshot!(screen(&mut app, 20, 5));
}

#[test]
fn no_size_panics_in_any_pane_or_overlay() {
    let (_dir, mut app) = fixture();
    let sizes = [
        (1, 1),
        (2, 1),
        (20, 5),
        (39, 10),
        (40, 9),
        (40, 10),
        (41, 11),
        (80, 24),
        (132, 50),
        (300, 3),
    ];
    let setups: [&[KeyCode]; 18] = [
        &[
            KeyCode::Char('3'),
            KeyCode::Char('/'),
            KeyCode::Char('f'),
            KeyCode::Char('o'),
        ],
        &[KeyCode::Char('3'), KeyCode::Enter],
        &[KeyCode::Char('3'), KeyCode::Char('a')],
        &[KeyCode::Char('3'), KeyCode::Char('c')],
        &[KeyCode::Char('4'), KeyCode::Char('z')],
        &[KeyCode::Char('4'), KeyCode::Char('h')],
        &[KeyCode::Char('r')],
        &[KeyCode::Char('2'), KeyCode::Char('n')],
        &[KeyCode::Char('2'), KeyCode::Char('m')],
        &[KeyCode::Char('2'), KeyCode::Enter],
        &[KeyCode::Char('2'), KeyCode::Char('e')],
        &[],
        &[KeyCode::Char('?')],
        &[KeyCode::Char('a')],
        &[KeyCode::Enter],
        &[KeyCode::Char('2')],
        &[KeyCode::Char('3')],
        &[KeyCode::Char('4')],
    ];
    for keys in setups {
        let (_dir, mut app2) = fixture();
        for k in keys {
            press(&mut app2, *k);
        }
        for (w, h) in sizes {
            screen(&mut app2, w, h);
        }
    }
    // And moving past the ends of every list.
    for pane in ['1', '2', '3', '4'] {
        press(&mut app, KeyCode::Char(pane));
        for k in [
            KeyCode::Char('G'),
            KeyCode::Down,
            KeyCode::PageDown,
            KeyCode::Char('g'),
            KeyCode::Up,
        ] {
            press(&mut app, k);
            screen(&mut app, 80, 24);
        }
    }
}

mod what_matters {
    use super::*;
    use caseload::domain::measure::{Instrument, Scores};

    /// Zoë, with an ONS4 measured twice and one open goal, on pane 2.
    fn zoe_pane() -> (TempDir, App) {
        let (dir, mut app) = fixture();
        drop(app);
        let mut store = reopen_store(&dir);
        let first = Scores::parse(Instrument::Ons4, "4 5 3 8").unwrap();
        let latest = Scores::parse(Instrument::Ons4, "6 5 6 4").unwrap();
        store
            .measures_mut()
            .add(1, &first, day(2026, 10, 8))
            .unwrap();
        store
            .measures_mut()
            .add(1, &latest, day(2026, 11, 20))
            .unwrap();
        let ucla = Scores::parse(Instrument::Ucla3, "3 3 2").unwrap();
        store
            .measures_mut()
            .add(1, &ucla, day(2026, 10, 8))
            .unwrap();
        store
            .goals_mut()
            .add(1, "Visit my grandchildren monthly", day(2026, 10, 8))
            .unwrap();
        app = open_app(store);
        press(&mut app, KeyCode::Char('2'));
        (dir, app)
    }

    #[test]
    fn person_pane_shows_timeline_goals_and_wellbeing_change() {
        let (_dir, mut app) = zoe_pane();
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("anxiety ↓"), "{s}");
        assert!(s.contains("8→4 better"), "anxiety fell: better\n{s}");
        insta::assert_snapshot!(s);
    }

    #[test]
    fn writing_a_note_saves_it_and_clears_the_draft() {
        let (dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('n'));
        type_text(&mut app, "Met at the café. 王 came too.");
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "Wants to try the choir.");
        insta::assert_snapshot!(screen(&mut app, 80, 24));
        app.autosave();
        assert_eq!(
            app.store().notes().drafts(1).unwrap().len(),
            1,
            "autosaved as a draft"
        );
        ctrl(&mut app, 's');
        assert!(screen(&mut app, 80, 24).contains("Note saved"));
        drop(app);
        let store = reopen_store(&dir);
        assert!(store.notes().drafts(1).unwrap().is_empty());
        let notes = store.notes().list(1).unwrap();
        assert_eq!(
            notes[0].body,
            "Met at the café. 王 came too.\nWants to try the choir."
        );
        assert_eq!(notes[0].occurred_at, "2026-11-23T10:00:00");
    }

    #[test]
    fn an_empty_note_is_not_saved_and_says_why() {
        let (_dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('n'));
        ctrl(&mut app, 's');
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("the note is empty"), "{s}");
        assert_eq!(app.store().notes().list(1).unwrap().len(), 2);
    }

    #[test]
    fn quitting_mid_note_keeps_a_draft_that_is_offered_back() {
        let (dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('n'));
        type_text(&mut app, "Unfinished thought");
        ctrl(&mut app, 'c');
        assert!(app.quit);
        drop(app);
        let store = reopen_store(&dir);
        let mut app = open_app(store);
        press(&mut app, KeyCode::Char('2'));
        assert!(screen(&mut app, 80, 24).contains("Unsaved draft note recovered"));
        press(&mut app, KeyCode::Char('n'));
        assert!(screen(&mut app, 80, 24).contains("Unfinished thought"));
    }

    #[test]
    fn an_untouched_note_leaves_no_draft() {
        let (_dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('n'));
        // The editor is open, so Ctrl-c leaves an untouched note, not the pane.
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("New note · Zoë Adeyemi"), "{s}");
        ctrl(&mut app, 'c');
        assert!(app.quit);
        assert!(app.store().notes().drafts(1).unwrap().is_empty());
    }

    #[test]
    fn a_recovered_correction_keeps_its_reason() {
        let (dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('e'));
        type_text(&mut app, "wrong place");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, " More.");
        ctrl(&mut app, 'c');
        drop(app);
        let store = reopen_store(&dir);
        let mut app = open_app(store);
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('n'));
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("Correct note (recovered draft)"), "{s}");
        assert!(s.contains("wrong place"), "{s}");
        ctrl(&mut app, 's');
        let notes = app.store().notes().list(1).unwrap();
        assert_eq!(notes.len(), 3);
        assert_eq!(
            notes
                .iter()
                .filter(|n| n.amend_reason.as_deref() == Some("wrong place"))
                .count(),
            1
        );
    }

    /// Issue 24, bug 10: saving a correction without a reason said so but
    /// left the cursor in the body, so the reason was typed into the note.
    #[test]
    fn a_correction_without_a_reason_moves_the_cursor_to_the_reason() {
        let (_dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('e'));
        press(&mut app, KeyCode::Tab); // to the body, no reason yet
        type_text(&mut app, " Walked instead.");
        ctrl(&mut app, 's');
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("Not saved"), "{s}");
        type_text(&mut app, "wrong place");
        ctrl(&mut app, 's');
        assert!(screen(&mut app, 80, 24).contains("Correction saved"));
        let notes = app.store().notes().list(1).unwrap();
        let fixed = notes.iter().find(|n| n.amends.is_some()).expect("saved");
        assert_eq!(fixed.amend_reason.as_deref(), Some("wrong place"));
        assert!(fixed.body.ends_with(" Walked instead."), "{}", fixed.body);
    }

    #[test]
    fn correcting_a_note_keeps_the_original_in_history() {
        let (_dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('e')); // newest note: the phone call
        type_text(&mut app, "wrong place");
        press(&mut app, KeyCode::Tab); // to the body
        type_text(&mut app, " Walked instead.");
        ctrl(&mut app, 's');
        assert!(screen(&mut app, 80, 24).contains("Correction saved"));
        press(&mut app, KeyCode::Enter);
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("corrected 1 time(s)"), "{s}");
        assert!(s.contains("Walked instead."), "{s}");
        assert!(s.contains("wrong place"), "the reason is shown\n{s}");
        // No snapshot: the history shows when each version was written (the real clock).
    }

    #[test]
    fn measure_form_rejects_out_of_range_items() {
        let (_dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('m'));
        press(&mut app, KeyCode::Right); // ONS4 -> UCLA3
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "1 2 4");
        ctrl(&mut app, 's');
        let s = screen(&mut app, 80, 24);
        assert!(
            s.contains("item 3 (isolated) must be a whole number 1-3"),
            "{s}"
        );
        insta::assert_snapshot!(s);
        assert_eq!(
            app.store().measures().list(1).unwrap().len(),
            3,
            "nothing saved"
        );
        press(&mut app, KeyCode::Backspace);
        type_text(&mut app, "2");
        ctrl(&mut app, 's');
        assert_eq!(app.store().measures().list(1).unwrap().len(), 4);
    }

    #[test]
    fn goals_are_added_and_marked_achieved() {
        let (_dir, mut app) = zoe_pane();
        press(&mut app, KeyCode::Char('l'));
        press(&mut app, KeyCode::Char('a'));
        type_text(&mut app, "Join the choir");
        ctrl(&mut app, 's');
        press(&mut app, KeyCode::Char('s')); // first (open) goal
        ctrl(&mut app, 's'); // "achieved" is the first choice
        let goals = app.store().goals().list(1).unwrap();
        assert_eq!(goals.len(), 2);
        assert_eq!(
            goals
                .iter()
                .filter(|g| g.ended_on == Some(day(2026, 11, 23)))
                .count(),
            1
        );
    }
}

// ---- Follow-ups (issue 6): pane 4, the follow-up form, the live timer ----

use caseload::clock::{Clock, ClockHand};
use caseload::domain::setting::Setting;
use caseload::tui::app::{Action, Pane};

fn at(d: NaiveDate, h: u32, m: u32, s: u32) -> NaiveDateTime {
    d.and_hms_opt(h, m, s).unwrap()
}

/// The fixture's database with a clock the test can move.
fn fixture_with_clock(start: NaiveDateTime) -> (TempDir, App, ClockHand) {
    let (dir, app) = fixture();
    drop(app);
    let (clock, hand) = Clock::settable(start);
    let store = Store::open(&dir.path().join("team.db"), clock).unwrap();
    let app = open_app(store);
    (dir, app, hand)
}

/// Everything from the heading `from` up to the next blank line, as text.
fn section(screen: &str, from: &str) -> String {
    screen
        .lines()
        .skip_while(|l| !l.contains(from))
        .take_while(|l| l.chars().any(|c| c.is_alphanumeric()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn r_adds_a_follow_up_for_the_selected_person() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('r')); // Zoë is the first row
    type_text(&mut app, "+3d");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "9:15");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Ring about the choir");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Follow-up for Zoë Adeyemi"), "{s}");
    insta::assert_snapshot!(s);
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Follow-up #5 saved for Thu 26 Nov"), "{s}");
    drop(app);
    let store = reopen_store(&dir);
    let r = store.follow_ups().get(5).unwrap();
    assert_eq!(r.text, "Ring about the choir");
    assert_eq!(r.due_on, day(2026, 11, 26));
    assert_eq!(r.due_time.as_deref(), Some("09:15"));
    assert_eq!(r.about.as_deref(), Some("Zoë Adeyemi"));
}

#[test]
fn bad_follow_up_input_shows_inline_errors_and_saves_nothing() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('r'));
    // The form is open before anything is typed into it.
    assert!(screen(&mut app, 80, 24).contains("Follow-up for"));
    type_text(&mut app, "1900-01-01");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "25:00");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("too far in the past"), "{s}");
    assert!(s.contains("not a time"), "{s}");
    assert!(s.contains("say what to do"), "{s}");
    insta::assert_snapshot!(s);
    // The focus went to the first error: the date.
    ctrl(&mut app, 'u');
    type_text(&mut app, "next tuesday");
    ctrl(&mut app, 's');
    assert!(screen(&mut app, 80, 24).contains("is not a date"));
    press(&mut app, KeyCode::Esc);
    // The 'y' goes to the discard question, not to the form.
    assert!(screen(&mut app, 80, 24).contains("Discard changes?"));
    press(&mut app, KeyCode::Char('y')); // discard
    assert!(!screen(&mut app, 80, 24).contains("Follow-up for"));
    drop(app);
    assert_eq!(reopen_store(&dir).follow_ups().open().unwrap().len(), 4);
}

#[test]
fn done_goes_to_the_history_and_u_undoes_it() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(
        app.follow_ups.selected().unwrap().text,
        "Call about the walking group"
    );
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Enter); // the outcome prompt: nothing to say
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Done: follow-up #1"), "{s}");
    assert!(!s.contains("Call about the walking group"), "{s}");
    assert!(!s.contains("overdue"), "{s}");
    assert!(
        section(&s, "Gone quiet").contains("Łukasz Nowak"),
        "kept: {s}"
    );
    assert_eq!(reopen_store(&dir).follow_ups().done(10).unwrap()[0].id, 1);
    press(&mut app, KeyCode::Char('h'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Done history (1)"), "{s}");
    insta::assert_snapshot!(s);
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('u'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Follow-up #1 is open again"), "{s}");
    assert!(
        section(&s, "Overdue").contains("Call about the walking group"),
        "{s}"
    );
    drop(app);
    let store = reopen_store(&dir);
    assert!(store.follow_ups().done(10).unwrap().is_empty());
    assert_eq!(store.follow_ups().open().unwrap().len(), 4);
}

/// `d` asks what happened (issue 24): the outcome is saved with the done
/// follow-up and shown in the done history; Esc at the prompt leaves the
/// follow-up open.
#[test]
fn done_asks_for_an_outcome_and_the_history_shows_it() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('d'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Done: follow-up #1 for Zoë Adeyemi"), "{s}");
    assert!(s.contains("Outcome"), "{s}");
    insta::assert_snapshot!("outcome_prompt", s);
    // Esc with nothing typed: nothing done.
    press(&mut app, KeyCode::Esc);
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Outcome"), "{s}");
    assert!(
        section(&s, "Overdue").contains("Call about the walking group"),
        "{s}"
    );
    assert!(reopen_store(&dir).follow_ups().done(10).unwrap().is_empty());
    // Something typed, then Esc and y: still nothing done.
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "no answer");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(reopen_store(&dir).follow_ups().done(10).unwrap().is_empty());
    // And saved with Enter.
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "Spoke on the phone, going Tuesday");
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Done, with its outcome: follow-up #1"), "{s}");
    let done = reopen_store(&dir).follow_ups().done(10).unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(
        done[0].outcome.as_deref(),
        Some("Spoke on the phone, going Tuesday")
    );
    press(&mut app, KeyCode::Char('h'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Outcome: Spoke on the phone, going Tuesday"),
        "{s}"
    );
    insta::assert_snapshot!("done_history_with_an_outcome", s);
    // u in the history reopens it, and its outcome goes with the done time.
    press(&mut app, KeyCode::Char('u'));
    let r = reopen_store(&dir).follow_ups().get(1).unwrap();
    assert_eq!((r.done_at, r.outcome), (None, None));
}

#[test]
fn snooze_to_tomorrow_or_a_typed_date() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('z'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Snooze follow-up #1"), "{s}");
    insta::assert_snapshot!(s);
    ctrl(&mut app, 's'); // the first choice: tomorrow
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("snoozed until Tue 24 Nov"), "{s}");
    assert!(
        section(&s, "This week").contains("Call about the walking group"),
        "{s}"
    );
    assert_eq!(
        reopen_store(&dir)
            .follow_ups()
            .get(1)
            .unwrap()
            .snoozed_until,
        Some(day(2026, 11, 24))
    );
    // Still selected: snooze again, to a typed date; a bad one is refused inline.
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "someday");
    ctrl(&mut app, 's');
    assert!(screen(&mut app, 80, 24).contains("is not a date"));
    ctrl(&mut app, 'u');
    type_text(&mut app, "fri");
    press(&mut app, KeyCode::Enter); // Enter on the last field saves
    assert!(screen(&mut app, 80, 24).contains("snoozed until Fri 27 Nov"));
    drop(app);
    assert_eq!(
        reopen_store(&dir)
            .follow_ups()
            .get(1)
            .unwrap()
            .effective_due(),
        day(2026, 11, 27)
    );
}

#[test]
fn edit_changes_a_follow_up() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('j')); // Food bank, today 14:30
    press(&mut app, KeyCode::Char('e'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Edit follow-up #2"), "{s}");
    assert!(s.contains("2026-11-23"), "{s}");
    ctrl(&mut app, 'u');
    type_text(&mut app, "mon");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u'); // no time
    ctrl(&mut app, 's');
    drop(app);
    let r = reopen_store(&dir).follow_ups().get(2).unwrap();
    assert_eq!((r.due_on, r.due_time), (day(2026, 11, 30), None));
    assert_eq!(r.text, "Food bank referral check");
}

#[test]
fn enter_jumps_to_the_person() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pane, Pane::Caseload);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("美玲"), "{s}");
    assert!(s.contains("Status history"), "{s}");
}

#[test]
fn a_timed_follow_up_turns_overdue_at_its_time_and_the_timer_wakes_for_it() {
    let today = day(2026, 11, 23);
    let (_dir, mut app, clock) = fixture_with_clock(at(today, 14, 0, 0));
    press(&mut app, KeyCode::Char('4'));
    // The background integrity check started after the first frame wakes the
    // app every 100 ms until it reports; let it finish first.
    while app.checking_integrity() {
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick();
    }
    // Asleep until 14:30, when "Food bank referral check" falls due.
    assert_eq!(
        app.until_next_wake(),
        std::time::Duration::from_secs(30 * 60)
    );
    let s = screen(&mut app, 80, 24);
    assert!(section(&s, "Today").contains("Food bank"), "{s}");
    assert!(s.contains("· 1 overdue"), "{s}");
    clock.set(at(today, 14, 29, 59));
    assert!(!app.tick(), "nothing changes before 14:30: no redraw");
    clock.set(at(today, 14, 30, 0));
    assert!(app.tick());
    let s = screen(&mut app, 80, 24);
    assert!(section(&s, "Overdue (2)").contains("Food bank"), "{s}");
    assert!(s.contains("· 2 overdue"), "{s}");
    // Nothing else today: sleep until midnight, at most an hour at a time.
    assert_eq!(app.until_next_wake(), std::time::Duration::from_secs(3600));
    clock.set(at(today, 23, 30, 0));
    assert_eq!(
        app.until_next_wake(),
        std::time::Duration::from_secs(30 * 60)
    );
    // Across midnight to Thursday: the directory review is due today.
    clock.set(at(day(2026, 11, 26), 0, 0, 0));
    assert!(app.tick());
    let s = screen(&mut app, 80, 24);
    assert!(
        section(&s, "Today (1)").contains("Team directory review"),
        "{s}"
    );
    assert!(section(&s, "Overdue (2)").contains("Food bank"), "{s}");
}

#[test]
fn the_status_line_shows_the_overdue_count_in_every_pane() {
    let (_dir, mut app) = fixture();
    for pane in ['1', '2', '3', '4'] {
        press(&mut app, KeyCode::Char(pane));
        let s = screen(&mut app, 80, 24);
        assert!(s.contains("· 1 overdue"), "pane {pane}: {s}");
    }
}

#[test]
fn another_window_s_changes_appear_on_the_next_key() {
    let (dir, mut app) = fixture();
    let mut other = reopen_store(&dir);
    let p = person("Olu", "Bankole", "VCSE", "2026-11-22");
    other
        .people_mut()
        .add(&p.validate(common::today()).unwrap())
        .unwrap();
    assert!(!screen(&mut app, 80, 24).contains("Bankole"));
    press(&mut app, KeyCode::Char('j'));
    assert!(screen(&mut app, 80, 24).contains("Olu Bankole"));
}

#[test]
fn a_check_in_is_offered_prefilled_and_can_be_switched_off() {
    let (dir, mut app) = fixture();
    app.apply(Action::OfferCheckIn {
        person_id: 1,
        service_id: 2,
    });
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("check in with Zoë Adeyemi"), "{s}");
    assert!(s.contains("+14d"), "{s}");
    ctrl(&mut app, 's');
    drop(app);
    let mut store = reopen_store(&dir);
    let r = store.follow_ups().get(5).unwrap();
    assert_eq!(
        (r.due_on, r.person_id, r.service_id),
        (day(2026, 12, 7), Some(1), Some(2))
    );
    store
        .settings_mut()
        .set(Setting::OfferCheckIn, false)
        .unwrap();
    let mut app = open_app(store);
    app.apply(Action::OfferCheckIn {
        person_id: 2,
        service_id: 3,
    });
    assert!(!screen(&mut app, 80, 24).contains("Offer"));
}

#[test]
fn gone_quiet_group_can_be_switched_off() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    let s = screen(&mut app, 80, 24);
    assert!(section(&s, "Gone quiet").contains("Łukasz Nowak"), "{s}");
    // r on a quiet person adds a follow-up for them.
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('r'));
    assert!(screen(&mut app, 80, 24).contains("Follow-up for Łukasz Nowak"));
    drop(app);
    let mut store = reopen_store(&dir);
    store
        .settings_mut()
        .set(Setting::ShowGoneQuiet, false)
        .unwrap();
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('4'));
    assert!(!screen(&mut app, 80, 24).contains("Gone quiet"));
}

#[test]
fn follow_ups_for_deleted_or_closed_people_show_a_marker() {
    let (dir, app) = fixture();
    drop(app);
    let conn = rusqlite::Connection::open(dir.path().join("team.db")).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM person WHERE id = 2;")
        .unwrap();
    conn.execute(
        "UPDATE person SET status = 'closed', status_reason = 'Moved' WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let mut app = open_app(reopen_store(&dir));
    press(&mut app, KeyCode::Char('4'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Zoë Adeyemi (closed)"), "{s}");
    assert_eq!(s.matches("(deleted)").count(), 2, "{s}");
    insta::assert_snapshot!(s);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("has been deleted"));
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("Done: follow-up #2"));
}

#[test]
fn remind_prints_the_same_as_the_pane() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('4'));
    let pane: String = screen(&mut app, 80, 24)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '"')
        .collect();
    let mut out = Vec::new();
    caseload::cli::remind(
        app.store(),
        now(),
        60,
        &caseload::domain::worker::WorkerFilter::All,
        caseload::cli::ShowFormat::Table,
        &mut out,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = out.lines().filter(|l| l.contains('#')).collect();
    assert_eq!(rows.len(), 4, "{out}");
    for line in out.lines().skip(1) {
        // The CLI adds "#id " before the text; otherwise the same row.
        let squashed: String = line
            .split_whitespace()
            .filter(|w| !w.starts_with('#'))
            .collect();
        assert!(pane.contains(&squashed), "{line:?} not in the pane");
    }
    assert!(
        out.starts_with("1 overdue, 3 due in the next 60 days:"),
        "{out}"
    );
}

#[test]
fn follow_up_overlays_never_panic_at_any_size() {
    let sizes = [(1, 1), (20, 5), (39, 10), (40, 10), (80, 24), (300, 3)];
    let setups: [&[KeyCode]; 5] = [
        &[KeyCode::Char('r')],
        &[KeyCode::Char('4'), KeyCode::Char('z')],
        &[KeyCode::Char('4'), KeyCode::Char('h')],
        &[KeyCode::Char('4'), KeyCode::Char('e')],
        &[KeyCode::Char('4'), KeyCode::Char('G'), KeyCode::Char('d')],
    ];
    for keys in setups {
        let (_dir, mut app) = fixture();
        for k in keys {
            press(&mut app, *k);
        }
        for (w, h) in sizes {
            screen(&mut app, w, h);
        }
    }
}

#[test]
fn agenda_regroups_at_a_month_and_year_end() {
    // 2027-01-05 is seven days after 29 December: Later, until midnight.
    let (_dir, mut app, clock) = fixture_with_clock(at(day(2026, 12, 29), 23, 59, 59));
    press(&mut app, KeyCode::Char('4'));
    let s = screen(&mut app, 80, 24);
    assert!(section(&s, "Later").contains("Tue 5 Jan 2027"), "{s}");
    clock.set(at(day(2026, 12, 30), 0, 0, 0));
    assert!(app.tick());
    let s = screen(&mut app, 80, 24);
    assert!(section(&s, "This week").contains("Six-week review"), "{s}");
    assert!(!s.contains("Later"), "{s}");
    // In the new year the date loses its year, like any date this year.
    clock.set(at(day(2027, 1, 1), 0, 0, 1));
    assert!(app.tick());
    let s = screen(&mut app, 80, 24);
    assert!(section(&s, "This week").contains("Tue 5 Jan 2027"), "{s}");
    assert!(section(&s, "Overdue (3)").contains("20 Nov 2026"), "{s}");
}

#[test]
fn r_in_the_directory_adds_a_follow_up_about_the_service() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('r'));
    assert!(screen(&mut app, 80, 24).contains("Follow-up for Benefits Advice Drop-in"));
    type_text(&mut app, "tomorrow");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Check the opening times");
    ctrl(&mut app, 's');
    drop(app);
    let r = reopen_store(&dir).follow_ups().get(5).unwrap();
    assert_eq!((r.person_id, r.service_id), (None, Some(3)));
    assert_eq!(r.about.as_deref(), Some("Benefits Advice Drop-in"));
}

/// Done, undo, snooze and edit update one follow-up in place (not 10k rows):
/// what they leave on screen must be what a fresh load of the file shows.
#[test]
fn follow_up_changes_in_place_match_a_fresh_load() {
    let (dir, mut app) = fixture();
    let fresh = |dir: &TempDir, keys: &str| {
        let mut app = open_app(reopen_store(dir));
        for c in keys.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        screen(&mut app, 80, 24)
    };
    let body = |s: &str| s.lines().skip(1).take(21).collect::<Vec<_>>().join("\n");
    // The caseload sorted by next follow-up: its "Next" column moves too.
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('4'));
    for keys in ["d", "u", "jd", "hu", "h", "z"] {
        for c in keys.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        if keys.ends_with('d') {
            press(&mut app, KeyCode::Enter); // done, with no outcome
        }
        if keys == "z" {
            ctrl(&mut app, 's'); // snooze to the first choice
        }
        let agenda = screen(&mut app, 80, 24);
        if agenda.contains("Done history") {
            press(&mut app, KeyCode::Char('h'));
        }
        let agenda = screen(&mut app, 80, 24);
        assert_eq!(body(&agenda), body(&fresh(&dir, "oo4")), "after {keys}");
        press(&mut app, KeyCode::Char('h'));
        let history = screen(&mut app, 80, 24);
        assert_eq!(body(&history), body(&fresh(&dir, "oo4h")), "after {keys}");
        press(&mut app, KeyCode::Char('h'));
        press(&mut app, KeyCode::Char('1'));
        let caseload = screen(&mut app, 80, 24);
        assert_eq!(body(&caseload), body(&fresh(&dir, "oo1")), "after {keys}");
        press(&mut app, KeyCode::Char('4'));
    }
}

/// Pane 5 (issue 13): the report for this month on the demo data, a bar chart
/// and a sparkline at 80x24 with the clock pinned; `[` goes back a month and
/// `x` writes that month's CSV, readable by the owner only.
#[test]
fn report_pane_shows_this_month_steps_back_and_writes_the_csv() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, store) = demo_store("demo.db");
    let path = dir.path().join("demo.db");
    let keymap = caseload::tui::panes::keymap(&Default::default()).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let pane = caseload::tui::panes::report::ReportPane::new(out.clone());
    let mut app = App::with_panes(store, Theme::plain(), keymap, vec![Box::new(pane)]).unwrap();
    app.tick();
    press(&mut app, KeyCode::Char('5'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Report 1 Nov 2026 to 23 Nov 2026"), "{s}");
    assert!(
        s.contains("Referrals by source") && s.contains("Referrals per week"),
        "{s}"
    );
    assert!(s.contains('█'), "the bars are drawn: {s}");
    insta::assert_snapshot!(s);
    for (w, h) in [(40, 10), (41, 11), (20, 5), (1, 1), (200, 60)] {
        screen(&mut app, w, h); // no panic at any size
    }

    press(&mut app, KeyCode::Char('['));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Report 1 Oct 2026 to 31 Oct 2026"), "{s}");
    press(&mut app, KeyCode::Char('x'));
    let s = screen(&mut app, 80, 24);
    let name = "caseload-report-2026-10-01-to-2026-10-31.csv";
    assert!(s.contains(&format!("Wrote {name}")), "{s}");
    let file = out.join(name);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(
        csv.starts_with("figure,breakdown,value\nperiod,from,2026-10-01\n"),
        "{csv}"
    );

    // Back to this month; a referral added elsewhere shows when the pane is next drawn.
    press(&mut app, KeyCode::Char(']'));
    let before = screen(&mut app, 80, 24);
    let mut other = open_store(&path);
    other
        .people_mut()
        .add(
            &person("New", "Person", "pharmacy", "2026-11-23")
                .validate(common::today())
                .unwrap(),
        )
        .unwrap();
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('5'));
    let after = screen(&mut app, 80, 24);
    assert_ne!(before, after, "the report reloaded after the write");
    assert!(
        after.contains("Report 1 Nov 2026 to 23 Nov 2026"),
        "{after}"
    );
}

/// Pane 5 shows "this month to date": past midnight it is the new day's.
#[test]
fn report_pane_follows_the_calendar_past_midnight() {
    let start = day(2026, 11, 29).and_hms_opt(23, 59, 50).unwrap();
    let (_dir, mut app, hand) = fixture_with_clock(start);
    app.tick();
    press(&mut app, KeyCode::Char('5'));
    assert!(screen(&mut app, 80, 24).contains("Report 1 Nov 2026 to 29 Nov 2026"));
    hand.set(day(2026, 11, 30).and_hms_opt(0, 0, 5).unwrap());
    app.tick();
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Report 1 Nov 2026 to 30 Nov 2026"), "{s}");
    // A month stepped back to stays put.
    press(&mut app, KeyCode::Char('['));
    hand.set(day(2026, 12, 1).and_hms_opt(0, 0, 5).unwrap());
    app.tick();
    assert!(screen(&mut app, 80, 24).contains("Report 1 Oct 2026 to 31 Oct 2026"));
}

/// Issue 24, bug 10: "Nothing saved: please fix the fields marked !" stayed
/// after the fields were fixed.
#[test]
fn the_please_fix_line_goes_once_every_marked_field_is_fixed() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('a'));
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("please fix the fields marked"), "{s}");
    type_text(&mut app, "Ann"); // the first marked field: the given name
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("please fix the fields marked"),
        "the family name is still marked: {s}"
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Lee");
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("please fix the fields marked"), "{s}");
}

/// Issue 24, bug 10: typing into a choice field was silently ignored. A
/// letter picks the next choice that starts with it, as a list box does;
/// a letter no choice starts with says so under the field.
#[test]
fn typing_a_letter_in_a_choice_field_picks_a_choice_or_says_why_not() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('a'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab); // to the referral source
    }
    assert!(screen(&mut app, 80, 24).contains("‹ GP practice ›"));
    type_text(&mut app, "p");
    assert!(screen(&mut app, 80, 24).contains("‹ practice staff ›"));
    type_text(&mut app, "P"); // again, in any case: the next one
    assert!(screen(&mut app, 80, 24).contains("‹ pharmacy ›"));
    type_text(&mut app, "z");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("no choice starts with 'z'"), "{s}");
    assert!(s.contains("‹ pharmacy ›"), "unchanged: {s}");
    type_text(&mut app, "s");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("‹ self-referral ›"), "{s}");
    assert!(!s.contains("no choice starts with"), "{s}");
}

/// Issue 24, bug 9: a day was checked only on Ctrl-s, and `+1w` could land
/// on a weekend unsaid. Leaving a day field now checks it, shows a day typed
/// as steps or words as the day it is, and says when a follow-up falls at a
/// weekend. (The test clock's today is Monday 23 November 2026.)
#[test]
fn a_typed_day_is_checked_and_shown_as_the_cursor_leaves_it() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('r'));
    assert!(screen(&mut app, 80, 24).contains("Due"));
    ctrl(&mut app, 'u'); // clear the field
    type_text(&mut app, "31/02/2026");
    press(&mut app, KeyCode::Tab);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("there is no day 31 in February 2026"), "{s}");
    press(&mut app, KeyCode::BackTab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "+1w");
    press(&mut app, KeyCode::Tab);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Mon 30 Nov 2026"), "{s}");
    assert!(
        !s.contains("a Saturday") && !s.contains("there is no day"),
        "{s}"
    );
    press(&mut app, KeyCode::BackTab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "sat");
    press(&mut app, KeyCode::Tab);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Sat 28 Nov 2026, a Saturday"), "{s}");
}

/// Issue 24, bug 9: the Due field refused "next week" though snooze offers
/// it, and snooze "next week" counted from today, not from the day the
/// follow-up was due. (The test clock's today is Monday 23 November 2026.)
#[test]
fn next_week_is_a_due_day_and_a_snooze_counts_from_the_due_day() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('r')); // Zoë is the first row
    type_text(&mut app, "next week");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Ring about the choir");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("saved for Mon 30 Nov 2026"), "{s}");
    assert_eq!(
        reopen_store(&dir).follow_ups().get(5).unwrap().due_on,
        day(2026, 11, 30)
    );

    // Team directory review, due Thursday: next week is the Thursday after.
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('z'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Snooze follow-up #3"), "{s}");
    type_text(&mut app, "n");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("#3 snoozed until Thu 3 Dec 2026"), "{s}");
    assert_eq!(
        reopen_store(&dir)
            .follow_ups()
            .get(3)
            .unwrap()
            .snoozed_until,
        Some(day(2026, 12, 3))
    );
}
