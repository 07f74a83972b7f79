//! Property test of the note editor through the public `App` API (issue #9,
//! "6. Input that cannot surprise"): a note is opened (`2`, `n`) on a small
//! database, then an arbitrary sequence of keys and bracketed pastes is
//! handled, with a render to an 80x24 `TestBackend` after each event.
//!
//! Properties: handling and rendering never panic; every note the app saved
//! (`conversation`) is within the note limit and holds no NUL; the database
//! always passes `PRAGMA quick_check`.
//!
//! What it would catch: a paste or a `$EDITOR` result let past
//! `MAX_NOTE_BYTES`, a NUL stored from a paste, a panic on a cursor move or a
//! width computation over controls, RLO, ZWJ or combining text, an Alt- or
//! Ctrl-key reaching a text path that cannot take it.
//!
//! Bounded: 256 cases of at most 60 events, pastes up to 3,000 characters
//! (plus a rare oversized one), so CI stays quick.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use caseload::domain::limits::MAX_NOTE_BYTES;
use caseload::domain::person::PersonInput;
use caseload::store::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

/// One person, written once and copied for each case.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = TEMPLATE.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("template.db");
        let mut store = Store::open(&path, common::clock()).unwrap();
        let person = PersonInput {
            given_name: "Test".into(),
            family_name: "Person".into(),
            ..Default::default()
        };
        store
            .people_mut()
            .add(&person.validate(common::today()).unwrap())
            .unwrap();
        drop(store);
        (dir, path)
    });
    path
}

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Paste(String),
}

impl Input {
    fn event(&self) -> Event {
        match self {
            Input::Key(code, mods) => Event::Key(KeyEvent::new(*code, *mods)),
            Input::Paste(text) => Event::Paste(text.clone()),
        }
    }
}

/// Characters that have broken text handling somewhere: controls, NUL,
/// right-to-left override, zero-width joiner, variation selector, a line
/// separator, a combining accent, a wide character, an emoji.
const AWKWARD: &[char] = &[
    '\0', '\x07', '\x08', '\t', '\n', '\r', '\x1b', '\x7f', '\u{85}', '\u{202E}', '\u{200D}',
    '\u{FE0F}', '\u{2028}', '\u{2029}', '\u{301}', '\u{FEFF}', '陈', '👩', '🇬',
];

fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::char::range(' ', '~'),
        2 => any::<char>(),
        2 => prop::sample::select(AWKWARD),
    ]
}

fn paste() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(text_char(), 0..64).prop_map(String::from_iter),
        3 => prop::collection::vec(text_char(), 0..3_000).prop_map(String::from_iter),
        // Over the note limit by itself: must be cut, never stored whole.
        1 => Just("é".repeat(MAX_NOTE_BYTES / 2 + 100)),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    use KeyCode::*;
    let none = KeyModifiers::NONE;
    let special = prop::sample::select(vec![
        Enter, Backspace, Delete, Tab, Left, Right, Up, Down, Home, End, PageUp, PageDown, Esc,
    ]);
    prop_oneof![
        10 => text_char().prop_map(move |c| Input::Key(Char(c), none)),
        2 => prop::char::range('A', 'Z').prop_map(|c| Input::Key(Char(c), KeyModifiers::SHIFT)),
        6 => special.prop_map(move |k| Input::Key(k, none)),
        1 => Just(Input::Key(BackTab, KeyModifiers::SHIFT)),
        2 => prop::sample::select(vec!['y', 'n']).prop_map(move |c| Input::Key(Char(c), none)),
        3 => prop::char::range('a', 'z').prop_map(|c| Input::Key(Char(c), KeyModifiers::CONTROL)),
        // Ctrl-s saves: often enough that notes are written.
        2 => Just(Input::Key(Char('s'), KeyModifiers::CONTROL)),
        2 => prop_oneof![prop::char::range('a', 'z'), prop::char::range('0', '9')]
            .prop_map(|c| Input::Key(Char(c), KeyModifiers::ALT)),
        4 => paste().prop_map(Input::Paste),
    ]
}

/// `SELECT <column> FROM <table>` as raw bytes, so a NUL inside is seen.
fn bodies(conn: &rusqlite::Connection, table: &str) -> Vec<Vec<u8>> {
    let mut stmt = conn
        .prepare(&format!("SELECT CAST(body AS BLOB) FROM {table}"))
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn check_saved(db: &Path) -> Result<(), TestCaseError> {
    let conn = common::open_read_only(db);
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    prop_assert_eq!(check, "ok");
    for body in bodies(&conn, "conversation") {
        prop_assert!(
            body.len() <= MAX_NOTE_BYTES,
            "a note of {} bytes",
            body.len()
        );
        prop_assert!(!body.contains(&0), "a note holds NUL");
    }
    Ok(())
}

fn run_case(inputs: &[Input]) -> Result<(), TestCaseError> {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("editor.db");
    std::fs::copy(template(), &db).unwrap();
    let store = Store::open(&db, common::clock()).unwrap();
    let mut app = common::app::open_app(store);
    app.set_size(80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();

    let open_note = [
        Input::Key(KeyCode::Char('2'), KeyModifiers::NONE),
        Input::Key(KeyCode::Char('n'), KeyModifiers::NONE),
    ];
    for input in open_note.iter().chain(inputs) {
        app.handle_event(input.event());
        // Ctrl-e asks for $EDITOR: answer as the event loop would, with
        // more text than went out (doubling tests the limit on the way back).
        if let Some(text) = app.take_external_edit() {
            app.finish_external_edit(Ok(format!("{text}{text}")));
        }
        terminal.draw(|f| app.render(f)).unwrap();
    }
    // Whatever is open is kept as a draft, as on quit or a hang-up.
    app.save_draft_now();
    terminal.draw(|f| app.render(f)).unwrap();
    drop(app);
    check_saved(&db)
}

#[test]
fn the_note_editor_takes_any_keys_and_pastes_and_saves_only_what_is_allowed() {
    let mut runner = TestRunner::new(config());
    runner
        .run(&prop::collection::vec(input(), 0..=60), |inputs| {
            run_case(&inputs)
        })
        .unwrap();
}

/// Found by the property above when it also checked the `draft` table: a
/// NUL in a bracketed paste goes into the note body (drawn as nothing, so
/// the user cannot see it), the autosaved draft stores it, and Ctrl-s refuses
/// the note ("contains a NUL character; remove it"). The saved notes stay
/// clean (the store refuses NUL), so the property holds; this holds the
/// draft half. Fixed: a paste into the note body drops controls but line ends
/// and tabs.
#[test]
fn a_pasted_nul_never_reaches_the_draft() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("editor.db");
    std::fs::copy(template(), &db).unwrap();
    let store = Store::open(&db, common::clock()).unwrap();
    let mut app = common::app::open_app(store);
    app.set_size(80, 24);
    app.handle_event(Input::Key(KeyCode::Char('2'), KeyModifiers::NONE).event());
    app.handle_event(Input::Key(KeyCode::Char('n'), KeyModifiers::NONE).event());
    app.handle_event(Event::Paste("a\0b".into()));
    app.save_draft_now();
    let drafts = bodies(&common::open_read_only(&db), "draft");
    assert!(!drafts.is_empty(), "the open note was kept as a draft");
    assert!(
        drafts.iter().all(|b| !b.contains(&0)),
        "a draft holds NUL: {drafts:?}"
    );
}
