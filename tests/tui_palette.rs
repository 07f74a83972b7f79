//! The command palette (issue 21, item 1) through ratatui's TestBackend: one
//! box from any pane finds a person (by name, NHS number with or without
//! spaces, or id), a service (by the directory's own search) or any command
//! of the keymap, and Enter opens or runs it there.

use crate::common;

use caseload::domain::person::PersonInput;
use caseload::domain::worker::Role;
use caseload::tui::App;
use caseload::tui::keymap::Context;
use caseload::tui::palette::Target;
use common::app::{demo_store, open_app, screen, temp_store};
use common::keys::{ctrl, press, type_text};
use ratatui::crossterm::event::{Event, KeyCode};
use tempfile::TempDir;

fn demo() -> (TempDir, App) {
    let (dir, store) = demo_store("palette.db");
    (dir, open_app(store))
}

/// What the open palette lists, as targets.
fn targets(app: &App) -> Vec<Target> {
    let palette = app.palette().expect("the palette is open");
    palette.rows().iter().map(|r| r.target).collect()
}

fn open(app: &mut App, typed: &str) {
    press(app, KeyCode::Char(':'));
    assert!(app.palette().is_some(), "':' opens the palette");
    type_text(app, typed);
}

#[test]
fn a_name_finds_the_person_and_enter_opens_them_in_pane_2() {
    let (_dir, mut app) = demo();
    // From the follow-ups pane: the palette is in every pane.
    press(&mut app, KeyCode::Char('4'));
    open(&mut app, "lukasz");
    assert_eq!(targets(&app).first(), Some(&Target::Person(3)));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("person") && s.contains("Łukasz Nowak"), "{s}");
    insta::assert_snapshot!(s);
    press(&mut app, KeyCode::Enter);
    assert!(app.palette().is_none(), "Enter closes it");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Rent arrears") || s.contains("Łukasz Nowak"),
        "{s}"
    );
    assert_eq!(app.pane, caseload::tui::app::Pane::WhatMatters, "{s}");
}

#[test]
fn an_nhs_number_with_or_without_spaces_or_an_id_finds_them() {
    let (_dir, mut app) = demo();
    for typed in ["999 000 0239", "9990000239", "0000239"] {
        open(&mut app, typed);
        assert_eq!(targets(&app).first(), Some(&Target::Person(3)), "{typed}");
        press(&mut app, KeyCode::Esc);
        assert!(app.palette().is_none());
    }
    open(&mut app, "19");
    assert_eq!(targets(&app).first(), Some(&Target::Person(19)));
}

#[test]
fn a_service_is_found_as_the_directory_finds_it_and_opens_in_full() {
    let (_dir, mut app) = demo();
    open(&mut app, "debt advice");
    let first = targets(&app)
        .into_iter()
        .find(|t| matches!(t, Target::Service(_)))
        .expect("a service row");
    assert!(
        matches!(first, Target::Service(9) | Target::Service(10)),
        "{first:?}"
    );
    // The directory's own search of the same words ranks the same first.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "debt advice");
    let names = app
        .directory
        .result_names()
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('1'));
    open(&mut app, "debt advice");
    let rows = app.palette().unwrap().rows().to_vec();
    let service = rows
        .iter()
        .find(|r| matches!(r.target, Target::Service(_)))
        .unwrap();
    assert_eq!(service.label, names[0]);
    // Down to it, then Enter: pane 3 with the entry open.
    let at = rows
        .iter()
        .position(|r| r.target == service.target)
        .unwrap();
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pane, caseload::tui::app::Pane::Directory);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("How to refer") || s.contains("Opening"),
        "the entry is open: {s}"
    );
}

#[test]
fn a_command_runs_in_its_own_pane() {
    let (_dir, mut app) = demo();
    press(&mut app, KeyCode::Char('3'));
    open(&mut app, ">add person");
    let first = targets(&app)[0];
    assert!(
        matches!(first, Target::Command(Context::Caseload, _)),
        "{first:?}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pane, caseload::tui::app::Pane::Caseload);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Given name"), "the person form is open: {s}");
}

#[test]
fn every_command_in_the_keymap_can_be_found() {
    let (_dir, mut app) = demo();
    let rows: Vec<_> = app
        .keymap()
        .rows()
        .filter(|(b, _)| b.context != Context::Palette)
        .map(|(b, _)| (b.context, b.command, b.help))
        .collect();
    assert!(rows.len() > 100, "the whole table: {}", rows.len());
    for (context, command, help) in rows {
        open(&mut app, &format!(">{help} {}", context.title()));
        assert!(
            targets(&app).contains(&Target::Command(context, command)),
            "{context:?} {command:?} ({help}) is not in the palette"
        );
        press(&mut app, KeyCode::Esc);
    }
}

#[test]
fn an_empty_box_offers_recent_people_and_services_first() {
    let (_dir, mut app) = demo();
    open(&mut app, "peggy");
    press(&mut app, KeyCode::Enter);
    open(&mut app, "northside food pantry");
    let at = targets(&app)
        .iter()
        .position(|t| *t == Target::Service(2))
        .unwrap();
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char(':'));
    let t = targets(&app);
    assert_eq!(&t[..2], &[Target::Person(1), Target::Service(2)], "{t:?}");
    // Then the keys of the pane on screen, to learn them.
    assert!(matches!(t[2], Target::Command(..)), "{t:?}");
}

#[test]
fn a_paste_goes_into_the_box_and_ctrl_u_clears_it() {
    let (_dir, mut app) = demo();
    press(&mut app, KeyCode::Char(':'));
    app.handle_event(Event::Paste("Priya\n".into()));
    assert_eq!(app.palette().unwrap().typed(), "Priya ");
    assert_eq!(targets(&app).first(), Some(&Target::Person(19)));
    ctrl(&mut app, 'u');
    assert_eq!(app.palette().unwrap().typed(), "");
}

#[test]
fn in_a_team_it_finds_people_on_the_caseload_in_view() {
    let (_dir, mut store) = temp_store("team.db");
    let me = store.actor().to_string();
    store
        .workers_mut()
        .add(&me, "Asha Patel", Role::LinkWorker)
        .unwrap();
    store
        .workers_mut()
        .add("ben", "Ben Okafor", Role::LinkWorker)
        .unwrap();
    let mut add = |given: &str| {
        let p = PersonInput {
            given_name: given.into(),
            family_name: "Archer".into(),
            referred_on: "2026-11-02".into(),
            ..Default::default()
        };
        store
            .people_mut()
            .add(&p.validate(common::today()).unwrap())
            .unwrap()
    };
    let ann = add("Ann");
    let bill = add("Bill");
    store.workers_mut().assign(bill, "ben", None).unwrap();
    let mut app = open_app(store);
    open(&mut app, "archer");
    assert_eq!(
        targets(&app)
            .iter()
            .filter(|t| matches!(t, Target::Person(_)))
            .collect::<Vec<_>>(),
        [&Target::Person(ann)]
    );
    press(&mut app, KeyCode::Esc);
    // Everyone's caseload in view: everyone's people.
    press(&mut app, KeyCode::Char('w'));
    open(&mut app, "archer");
    let people = targets(&app)
        .into_iter()
        .filter(|t| matches!(t, Target::Person(_)))
        .count();
    assert_eq!(people, 2);
}

#[test]
fn ctrl_k_opens_it_too_and_config_can_rebind_it() {
    let (_dir, mut app) = demo();
    ctrl(&mut app, 'k');
    assert!(app.palette().is_some());
    press(&mut app, KeyCode::Esc);
    let (_dir2, store) = demo_store("rebound.db");
    let keys = [("palette".to_string(), vec!["F2".to_string()])]
        .into_iter()
        .collect();
    let keymap = caseload::tui::panes::keymap(&keys).unwrap();
    let panes = caseload::tui::panes::registry();
    let mut app =
        App::with_panes(store, caseload::tui::theme::Theme::plain(), keymap, panes).unwrap();
    press(&mut app, KeyCode::Char(':'));
    assert!(app.palette().is_none(), "':' is no longer bound");
    press(&mut app, KeyCode::F(2));
    assert!(app.palette().is_some());
}

#[test]
fn it_does_not_open_below_the_minimum_size() {
    let (_dir, mut app) = demo();
    app.set_size(20, 5);
    press(&mut app, KeyCode::Char(':'));
    assert!(app.palette().is_none());
}
