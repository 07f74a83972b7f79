//! Issue 24, bug 8: columns ignored the terminal's width. At 60x20 service
//! names were cut to 9 characters, the wellbeing panel was empty, the
//! footer lost "? help" and tab 6 was off screen; at 120x40 categories and
//! goals were still cut beside blank columns. On the demo caseload.

use crate::common;

use common::app::{demo_store, open_app, screen};
use common::keys::press;
use ratatui::crossterm::event::KeyCode;

fn demo_app() -> (tempfile::TempDir, caseload::tui::App) {
    let (dir, store) = demo_store("demo.db");
    let mut app = open_app(store);
    app.tick();
    (dir, app)
}

/// The screen's rows, without the quotes TestBackend puts round them.
fn rows(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

#[test]
fn at_60x20_every_tab_and_help_show_and_names_keep_room() {
    let (_dir, mut app) = demo_app();
    for pane in ['1', '2', '3', '4', '5', '6'] {
        press(&mut app, KeyCode::Char(pane));
        let s = screen(&mut app, 60, 20);
        let rows = rows(&s);
        let tabs = &rows[0];
        for n in ['1', '2', '3', '4', '5', '6'] {
            assert!(
                tabs.contains(n),
                "tab {n} off screen in pane {pane}: {tabs}"
            );
        }
        let footer = rows.last().expect("a footer");
        assert!(footer.ends_with("? help"), "pane {pane}: {footer}");
    }
    press(&mut app, KeyCode::Char('3'));
    let s = screen(&mut app, 60, 20);
    assert!(
        s.contains("Active Lives Exercise"),
        "service names keep room: {s}"
    );
    // The agenda: the follow-up's words keep as much room as who it is about.
    press(&mut app, KeyCode::Char('4'));
    let s = screen(&mut app, 60, 20);
    assert!(
        s.contains("Ask Gareth if th"),
        "the agenda's text keeps room: {s}"
    );
    // Pane 2 on Ruth: her loneliness scores, even with little room.
    press(&mut app, KeyCode::Char('2'));
    let s = screen(&mut app, 60, 20);
    assert!(s.contains("Ruth Adeyemi"), "{s}");
    assert!(s.contains("7→4 better"), "the wellbeing panel: {s}");
}

#[test]
fn at_120x40_categories_and_goals_are_not_cut_beside_blank_columns() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('3'));
    let s = screen(&mut app, 120, 40);
    let after_loss = rows(&s)
        .into_iter()
        .find(|r| r.starts_with("After Loss Together"))
        .expect("the service is listed");
    assert!(
        after_loss.contains("bereavement,mental health") && !after_loss.contains('…'),
        "{after_loss}"
    );
    press(&mut app, KeyCode::Char('2'));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Find volunteering that uses my teaching"), "{s}");
    assert!(
        s.contains("loneliness ↓") && s.contains("7→4 better"),
        "{s}"
    );
}
