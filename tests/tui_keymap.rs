//! The keymap is the truth: every binding reaches a component that acts on it,
//! and a key with no binding changes nothing on screen. Each screen of the app
//! is reached by keys from a fresh demo database, then checked against the
//! context chain it should be in.

use crate::common;

use caseload::tui::App;
use caseload::tui::action::Outcome;
use caseload::tui::keymap::{Context, Key, chain};
use common::app::{demo_store, frame, open_app, open_store, screen};
use common::keys::key;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::sync::OnceLock;

use tempfile::TempDir;

/// The demo database, written once and copied for each app (loading the demo
/// SQL for each of thousands of keys would dominate the run).
fn template() -> &'static std::path::Path {
    static TEMPLATE: OnceLock<(TempDir, std::path::PathBuf)> = OnceLock::new();
    let (_, path) = TEMPLATE.get_or_init(|| {
        let (dir, mut store) = demo_store("template.db");
        // The name letters are signed with, asked once before: `L` previews.
        store.settings_mut().set_letter_name("Sam Rivers").unwrap();
        drop(store);
        let path = dir.path().join("template.db");
        (dir, path)
    });
    path
}

fn demo_app() -> (TempDir, App) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("keys.db");
    std::fs::copy(template(), &path).unwrap();
    (dir, open_app(open_store(&path)))
}

/// The retention review, the registered pane after the core four.
const RETENTION: &[Context] = &[
    Context::Always,
    Context::Pane("retention"),
    Context::List,
    Context::Global,
];

/// Each screen: the keys that reach it from the start, and its chain.
fn screens() -> Vec<(&'static str, Vec<KeyEvent>, &'static [Context])> {
    use KeyCode::*;
    let k = key;
    vec![
        ("caseload", vec![], chain::CASELOAD),
        ("person detail", vec![k(Enter)], chain::PERSON_DETAIL),
        ("filter", vec![k(Char('/'))], chain::FILTER),
        ("notes", vec![k(Char('2'))], chain::NOTES),
        ("goals", vec![k(Char('2')), k(Char('l'))], chain::GOALS),
        (
            "note reader",
            vec![k(Char('2')), k(Enter)],
            chain::NOTE_READER,
        ),
        ("editor", vec![k(Char('2')), k(Char('n'))], chain::EDITOR),
        ("directory", vec![k(Char('3'))], chain::DIRECTORY),
        (
            "directory entry",
            vec![k(Char('3')), k(Enter)],
            chain::DIRECTORY_ENTRY,
        ),
        ("search", vec![k(Char('3')), k(Char('/'))], chain::SEARCH),
        ("follow-ups", vec![k(Char('4'))], chain::FOLLOW_UPS),
        (
            "done history",
            vec![k(Char('4')), k(Char('h'))],
            chain::FOLLOW_UPS_DONE,
        ),
        ("form", vec![k(Char('a'))], chain::FORM),
        (
            "confirm",
            vec![k(Char('a')), k(Char('x')), k(Esc)],
            chain::CONFIRM,
        ),
        ("help", vec![k(Char('?'))], chain::HELP),
        ("letter", vec![k(Char('2')), k(Char('L'))], chain::LETTER),
        ("retention", vec![k(BackTab)], RETENTION),
    ]
}

fn reach(keys: &[KeyEvent]) -> (TempDir, App) {
    let (dir, mut app) = demo_app();
    for k in keys {
        app.handle_key(*k);
    }
    (dir, app)
}

#[test]
fn every_screen_is_reached_in_its_chain() {
    for (name, keys, chain) in screens() {
        let (_dir, app) = reach(&keys);
        assert_eq!(app.contexts(), chain, "{name}");
    }
}

#[test]
fn every_binding_dispatches() {
    for (name, keys, chain) in screens() {
        let (_dir, app) = reach(&keys);
        let map = app.keymap().clone();
        drop(app);
        for (binding, bound) in map.rows() {
            if !chain.contains(&binding.context) || bound.is_empty() {
                continue;
            }
            let (_dir, mut app) = reach(&keys);
            let outcome = app.dispatch(binding.context, binding.command);
            assert_ne!(
                outcome,
                Outcome::Ignored,
                "{name}: {}.{} is bound but nothing acts on it",
                binding.context.name(),
                binding.name
            );
        }
    }
}

/// Keys a terminal can send: every printable ASCII character, the named keys,
/// F1-F12, and Ctrl-letters.
fn all_keys() -> Vec<KeyEvent> {
    use KeyCode::*;
    let mut keys: Vec<KeyEvent> = (' '..='~').map(|c| key(Char(c))).collect();
    for code in [
        Enter, Esc, Tab, BackTab, Backspace, Delete, Insert, Up, Down, Left, Right, Home, End,
        PageUp, PageDown,
    ] {
        keys.push(key(code));
    }
    keys.extend((1..=12).map(|n| key(F(n))));
    keys.extend(('a'..='z').map(|c| KeyEvent::new(Char(c), KeyModifiers::CONTROL)));
    keys
}

#[test]
fn a_key_with_no_binding_changes_nothing() {
    for (name, keys, chain) in screens() {
        let (_dir, probe) = reach(&keys);
        let map = probe.keymap().clone();
        drop(probe);
        let typing = chain.iter().any(|c| c.takes_text());
        for k in all_keys() {
            let bound = Key::from_event(k)
                .is_some_and(|key| chain.iter().any(|c| map.command(*c, key).is_some()));
            // Where text is typed, plain characters and editing keys are text.
            let text = caseload::tui::text_input::text_key(k).is_some()
                || (typing && chain.contains(&Context::Editor));
            if bound || (typing && text) {
                continue;
            }
            let (_dir, mut app) = reach(&keys);
            let before = frame(&mut app, 80, 24);
            app.handle_event(Event::Key(k));
            assert!(!app.quit, "{name}: {k:?} quit the app");
            assert_eq!(
                before,
                frame(&mut app, 80, 24),
                "{name}: unbound {k:?} changed the screen"
            );
        }
    }
}

#[test]
fn a_paste_outside_a_text_field_runs_no_commands() {
    // `xxx` in the directory used to deactivate three services; `dd` in the
    // agenda marked follow-ups done; `Ruth q` in the caseload quit.
    for (pane, text) in [('3', "xxx"), ('4', "dd"), ('1', "Ruth q")] {
        let (_dir, mut app) = demo_app();
        app.handle_key(key(KeyCode::Char(pane)));
        let before = app.store().counts(common::today(), 12).unwrap();
        app.handle_event(Event::Paste(text.into()));
        assert!(!app.quit, "a paste quit the app");
        assert_eq!(
            app.store().counts(common::today(), 12).unwrap(),
            before,
            "{text}"
        );
        assert!(screen(&mut app, 80, 24).contains("Paste ignored"), "{text}");
    }
}

#[test]
fn a_long_paste_into_the_filter_is_one_bounded_edit() {
    let (_dir, mut app) = demo_app();
    app.handle_key(key(KeyCode::Char('/')));
    app.handle_event(Event::Paste("Ruth".repeat(2000)));
    assert!(!app.quit);
    assert_eq!(app.contexts(), chain::FILTER);
}

#[test]
fn alt_digit_in_the_search_box_is_esc_then_the_digit() {
    let (_dir, mut app) = demo_app();
    app.handle_key(key(KeyCode::Char('3')));
    app.handle_key(key(KeyCode::Char('/')));
    app.handle_key(key(KeyCode::Char('f')));
    app.handle_key(KeyEvent::new(KeyCode::Char('4'), KeyModifiers::ALT));
    // Esc cleared the search and left it; 4 went to the follow-ups.
    assert_eq!(app.contexts(), chain::FOLLOW_UPS);
    assert_eq!(app.directory.query(), "");
}

#[test]
fn below_the_minimum_size_only_quit_acts() {
    let (_dir, mut app) = demo_app();
    app.handle_event(Event::Resize(30, 8));
    let before = app.store().counts(common::today(), 12).unwrap();
    for c in "aX\tY".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(app.contexts(), chain::CASELOAD, "no form opened");
    assert_eq!(app.store().counts(common::today(), 12).unwrap(), before);
    app.handle_key(key(KeyCode::Char('q')));
    assert!(app.quit);
}
