//! The directory pane through ratatui's TestBackend: search-as-you-type with
//! highlighted matches, filters, the full entry, verify, edit, and connecting
//! a person, each checked against the database afterwards.

use crate::common;

use caseload::domain::person::PersonInput;
use caseload::domain::service::Service;
use caseload::tui::App;
use chrono::NaiveDate;
use common::app::{draw, open_app, open_store, screen, temp_store};
use common::keys::{ctrl, press, type_text};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tempfile::TempDir;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fixture() -> (TempDir, App) {
    let (dir, mut store) = temp_store("team.db");
    for (given, family) in [("Zoë", "Adeyemi"), ("Łukasz", "Nowak")] {
        let p = PersonInput {
            given_name: given.into(),
            family_name: family.into(),
            referred_on: "2026-10-01".into(),
            ..Default::default()
        };
        store
            .people_mut()
            .add(&p.validate(common::today()).unwrap())
            .unwrap();
    }
    let services = [
        (
            "Northside Food Pantry",
            "food",
            "Northside",
            day(2026, 9, 1),
            "Pay £4 and choose groceries.",
        ),
        (
            "Riverside Walking Group",
            "walking,sport",
            "Riverside",
            day(2025, 6, 1),
            "Gentle walks; food and tea after at the cafe.",
        ),
        (
            "Benefits Advice Drop-in",
            "benefits,money and debt advice",
            "Northside",
            day(2026, 11, 1),
            "Help with forms.",
        ),
        (
            "Westgate Food Bank",
            "food",
            "Westgate",
            day(2026, 10, 1),
            "Emergency parcels.",
        ),
    ];
    for (i, (name, cats, area, verified, desc)) in services.into_iter().enumerate() {
        store
            .directory_mut()
            .create(&Service {
                uid: format!("t-{i}"),
                name: name.into(),
                categories: Some(cats.into()),
                area: Some(area.into()),
                description: Some(desc.into()),
                opening_times: Some("Tue 10:00-13:00".into()),
                how_to_refer: Some("Just turn up.".into()),
                last_verified_on: Some(verified),
                active: true,
                ..Default::default()
            })
            .unwrap();
    }
    (dir, open_app(store))
}

/// The list rows with every highlighted (bold, not underlined) cell shown as '^'.
fn highlight_map(app: &mut App, rows: std::ops::Range<u16>) -> String {
    let term = draw(app, 80, 24);
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in rows {
        let mut text = String::new();
        let mut marks = String::new();
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            text.push_str(cell.symbol());
            let m = cell.modifier;
            let hl = m.contains(Modifier::BOLD) && !m.contains(Modifier::UNDERLINED);
            marks.push(if hl { '^' } else { ' ' });
        }
        out.push_str(text.trim_end());
        out.push('\n');
        out.push_str(marks.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn search_results_update_per_key_with_highlights() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "fo");
    assert_eq!(app.directory.query(), "fo", "no Enter needed");
    type_text(&mut app, "od");
    // Name matches first, then the description-only match.
    assert_eq!(
        app.directory.result_names(),
        [
            "Northside Food Pantry",
            "Westgate Food Bank",
            "Riverside Walking Group"
        ]
    );
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("directory_search_food", s);
    insta::assert_snapshot!(
        "directory_search_food_highlights",
        highlight_map(&mut app, 4..7)
    );
    // Typing q searches for it: it does not quit while the search box has focus.
    type_text(&mut app, " zq");
    assert!(!app.quit);
    assert_eq!(app.directory.result_count(), 0);
    assert!(screen(&mut app, 80, 24).contains("Nothing matches"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.directory.result_count(), 4);
}

#[test]
fn misspelt_query_still_finds_the_service() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "benfits advise");
    assert_eq!(app.directory.result_names(), ["Benefits Advice Drop-in"]);
}

#[test]
fn tui_and_cli_rank_alike() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('/'));
    for q in ["food", "w", "advice", "nfp"] {
        ctrl(&mut app, 'u');
        type_text(&mut app, q);
        let mut out = Vec::new();
        caseload::cli::directory_search(
            app.store(),
            q,
            100,
            caseload::cli::Format::Json,
            false,
            &Default::default(),
            &mut out,
        )
        .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let cli: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["name"].as_str().unwrap())
            .collect();
        assert_eq!(app.directory.result_names(), cli, "query {q}");
    }
}

#[test]
fn filters_narrow_by_category_and_staleness() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.directory.result_names(), ["Riverside Walking Group"]);
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Char('f')); // first category: benefits
    assert_eq!(app.directory.result_names(), ["Benefits Advice Drop-in"]);
    press(&mut app, KeyCode::Char('f')); // food
    assert_eq!(app.directory.result_count(), 2);
    assert!(screen(&mut app, 80, 24).contains("category food"));
}

#[test]
fn verify_clears_staleness_and_is_saved() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "walk");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("(1 stale)"));
    // A shared entry: v asks first, with the day it was last checked.
    press(&mut app, KeyCode::Char('v'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Mark Riverside Walking Group verified today") && s.contains("1 Jun 2025"),
        "{s}"
    );
    // The question is whole, in its box, with the keys that answer it.
    for (w, h) in [(80, 24), (60, 20)] {
        let s = screen(&mut app, w, h);
        let words: String = s
            .lines()
            .filter_map(|l| Some(l.split('│').nth(1)?.trim()))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            words.contains("Only after checking it with them."),
            "{w}x{h}: {s}"
        );
        assert!(s.contains("y or Y = yes"), "{w}x{h}: {s}");
        assert!(!s.contains("Ctrl-s save"), "not a form's keys: {s}");
    }
    press(&mut app, KeyCode::Char('n'));
    assert!(screen(&mut app, 80, 24).contains("(1 stale)"), "n keeps it");
    assert_eq!(
        app.store()
            .directory()
            .list()
            .unwrap()
            .into_iter()
            .find(|s| s.name.starts_with("Riverside"))
            .unwrap()
            .last_verified_on,
        Some(day(2025, 6, 1))
    );
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Char('y'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Marked verified today"), "{s}");
    assert!(!s.contains("stale"), "{s}");
    drop(app);
    let store = open_store(&dir.path().join("team.db"));
    let walk = store
        .directory()
        .list()
        .unwrap()
        .into_iter()
        .find(|s| s.name.starts_with("Riverside"))
        .unwrap();
    assert_eq!(walk.last_verified_on, Some(common::today()));
}

#[test]
fn open_entry_connect_a_person_and_see_it_from_both_sides() {
    let (dir, mut app) = fixture();
    // Zoë is selected in the caseload (first by name).
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "walk");
    press(&mut app, KeyCode::Enter); // opens the top result
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Connected now   0 people"), "{s}");
    insta::assert_snapshot!("directory_entry", s);
    press(&mut app, KeyCode::Char('c'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Connect Zoë Adeyemi to Riverside Walking Group"),
        "{s}"
    );
    press(&mut app, KeyCode::Right); // suggested -> referred
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "prefers mornings");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Connection referred"), "{s}");
    // A referral offers a check-in follow-up in 14 days; Esc skips it.
    assert!(s.contains("+14d"), "check-in offered\n{s}");
    press(&mut app, KeyCode::Esc);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Connected now   1 person"), "{s}");

    // The person pane lists it; u moves it on, with a dated note.
    press(&mut app, KeyCode::Char('2'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Connections (1)"), "{s}");
    assert!(
        s.contains("23 Nov 2026 referred        Riverside Walking Group"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('u'));
    ctrl(&mut app, 's'); // first choice after referred: attended
    let s = screen(&mut app, 80, 24);
    // Newest step first, the earlier one (with its note) indented below.
    assert!(
        s.contains("23 Nov 2026 attended        Riverside Walking Group"),
        "{s}"
    );
    assert!(
        s.contains("    23 Nov 2026 referred · prefers mornings"),
        "{s}"
    );
    drop(app);

    let store = open_store(&dir.path().join("team.db"));
    let zoe = store
        .people()
        .list(None)
        .unwrap()
        .into_iter()
        .find(|p| p.given_name == "Zoë")
        .unwrap();
    let list = store.connections().for_person(zoe.id).unwrap();
    assert_eq!(list.len(), 1);
    let steps: Vec<&str> = list[0].history.iter().map(|e| e.status.as_str()).collect();
    assert_eq!(steps, ["referred", "attended"]);
    assert_eq!(list[0].history[0].note.as_deref(), Some("prefers mornings"));
}

#[test]
fn service_editor_validates_and_saves() {
    let (dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('a'));
    for _ in 0..9 {
        press(&mut app, KeyCode::Tab); // to the web address
    }
    type_text(&mut app, "not a url");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("name is required"), "{s}");
    assert_eq!(app.store().directory().list().unwrap().len(), 4);
    // Fix both: the name (first field) and the address.
    for _ in 0..9 {
        press(&mut app, KeyCode::Up);
    }
    type_text(&mut app, "Men's Shed");
    for _ in 0..9 {
        press(&mut app, KeyCode::Down);
    }
    ctrl(&mut app, 'u');
    type_text(&mut app, "https://shed.example.org");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Saved Men's Shed"), "{s}");
    drop(app);
    let store = open_store(&dir.path().join("team.db"));
    let shed = store
        .directory()
        .list()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Men's Shed")
        .unwrap();
    assert_eq!(shed.url.as_deref(), Some("https://shed.example.org"));
    assert_eq!(shed.last_verified_on, Some(common::today()));
}

#[test]
fn no_size_panics_in_directory_views() {
    for keys in [
        &[KeyCode::Char('/')][..],
        &[KeyCode::Enter],
        &[KeyCode::Char('a')],
        &[KeyCode::Char('c')],
    ] {
        let (_dir, mut app) = fixture();
        press(&mut app, KeyCode::Char('3'));
        for k in keys {
            press(&mut app, *k);
        }
        for (w, h) in [(1, 1), (20, 5), (40, 10), (41, 11), (80, 24), (300, 3)] {
            draw(&mut app, w, h);
        }
    }
}

#[test]
fn help_lists_every_directory_key_and_fits_80x24() {
    let (_dir, mut app) = fixture();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    for needle in [
        "search as you type",
        "mark verified today",
        "Everywhere",
        "reload",
    ] {
        assert!(s.contains(needle), "{needle}: {s}");
    }
    // From the person pane, help also lists the connection keys.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("update the connection's status"), "{s}");
}

/// Issue 24, bug 2: in the entry view `/` was ignored, so typing "debt
/// advice" ran `e` and saved the service renamed; a single `x` deactivated
/// a shared entry with no question.
#[test]
fn slash_searches_from_the_entry_and_x_asks_before_deactivating() {
    let (_dir, mut app) = fixture();
    let before: Vec<Service> = app.store().directory().list().unwrap();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Enter);
    let entry = screen(&mut app, 80, 24);
    assert!(entry.contains("Esc back"), "the entry is open: {entry}");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "debt advice");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("debt advice"),
        "the words went into the search: {s}"
    );
    assert!(s.contains("Benefits Advice Drop-in"), "{s}");
    assert!(!s.contains("Name"), "no edit form opened: {s}");
    assert_eq!(
        app.store().directory().list().unwrap(),
        before,
        "nothing saved"
    );

    press(&mut app, KeyCode::Enter); // leave the search, on the first hit
    press(&mut app, KeyCode::Char('x'));
    let ask = screen(&mut app, 80, 24);
    assert!(ask.contains("Deactivate"), "x asks first: {ask}");
    assert!(
        app.store()
            .directory()
            .list()
            .unwrap()
            .iter()
            .all(|s| s.active)
    );
    press(&mut app, KeyCode::Char('n'));
    assert!(
        app.store()
            .directory()
            .list()
            .unwrap()
            .iter()
            .all(|s| s.active)
    );
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('y'));
    let inactive = app
        .store()
        .directory()
        .list()
        .unwrap()
        .into_iter()
        .filter(|s| !s.active)
        .count();
    assert_eq!(inactive, 1, "y deactivates the one entry");
}
