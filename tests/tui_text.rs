//! Stored text on screen (ratatui's buffer, and its output bytes read by
//! the `vt100` terminal model): whatever a name, note, goal, service
//! or follow-up holds (ZWJ emoji, variation selectors, flags, U+2028, bidi
//! overrides, ESC), no cell holds a control or bidi character and every row
//! measures exactly the terminal's width in the one width function terminals
//! agree with. Also: narrow terminals keep the Name column, and the note
//! editor refuses text beyond the note size limit.

use crate::common;

use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::limits::MAX_NOTE_BYTES;
use caseload::domain::person::PersonInput;
use caseload::domain::service::{ConnectionStatus, Service};
use caseload::domain::text::width;
use caseload::tui::App;
use chrono::NaiveDate;
use common::app::{open_app, temp_store};
use common::keys::{ctrl, press};
use std::cell::RefCell;
use std::io::Write;
use std::num::NonZeroU16;
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use tempfile::TempDir;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (given, family): each name holds one of the sequences terminals disagree on.
const NAMES: [(&str, &str); 8] = [
    ("Zoë", "👨\u{200D}👩\u{200D}👧"),
    ("❤\u{FE0F}", "Heart"),
    ("🇬🇧", "Flag"),
    ("Line\u{2028}Sep", "Brown"),
    ("\u{202E}Evil", "Name"),
    ("美玲", "王"),
    ("Stored\u{1b}[2J", "Esc\u{7}"),
    ("Thumbs 👍🏽", "Up"),
];

/// A caseload of awkward text: every person has a note, a goal, a
/// follow-up and a connection, each holding the same awkward sequences.
fn fixture() -> (TempDir, App, Vec<i64>) {
    let (dir, mut store) = temp_store("text.db");
    let today = common::today();
    let service = store
        .directory_mut()
        .create(&Service {
            uid: "t-1".into(),
            name: "Café 👨\u{200D}👩\u{200D}👧 \u{202E}Club".into(),
            organisation: Some("Org\u{2028}Line".into()),
            description: Some("Meets ❤\u{FE0F} weekly\u{202E} ok".into()),
            categories: Some("social,🇬🇧".into()),
            area: Some("North\u{202E}side".into()),
            last_verified_on: Some(day(2026, 11, 1)),
            active: true,
            ..Default::default()
        })
        .unwrap();
    let mut ids = Vec::new();
    for (given, family) in NAMES {
        let input = PersonInput {
            given_name: given.into(),
            family_name: family.into(),
            referral_source: "GP ❤\u{FE0F}\u{202E}".into(),
            referred_on: "2026-10-01".into(),
            referral_reason: "Lonely\u{2028}since \u{202E}moving".into(),
            risk_note: "Dog 🐕\u{200D}🦺 \u{202E}in house".into(),
            ..Default::default()
        };
        let id = store
            .people_mut()
            .add(&input.validate(today).unwrap())
            .unwrap();
        store
            .notes_mut().add(&NewNote {
                person_id: id,
                kind: ConversationKind::Phone,
                occurred_at: day(2026, 11, 2).and_hms_opt(11, 0, 0).unwrap(),
                body: format!("Talked with {given}\u{2028}about 👨\u{200D}👩\u{200D}👧\n\u{202E}second line ❤\u{FE0F}"),
                amends: None,
            })
            .unwrap();
        store
            .goals_mut()
            .add(id, "Walk 🚶\u{200D}♀\u{FE0F} to \u{202E}the park", today)
            .unwrap();
        store
            .follow_ups_mut()
            .add(
                Some(id),
                None,
                day(2026, 11, 20),
                None,
                "Call \u{202E}back 🇬🇧",
            )
            .unwrap();
        store
            .connections_mut()
            .add(
                id,
                service,
                ConnectionStatus::Referred,
                day(2026, 11, 3),
                Some("by \u{2028}phone \u{202E}x"),
            )
            .unwrap();
        ids.push(id);
    }
    (dir, open_app(store), ids)
}

/// Characters that must never reach a cell: they draw differently in
/// ratatui's buffer and in terminals, or are escape sequences.
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200D}'
                | '\u{FE0E}'
                | '\u{FE0F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Each row as a terminal draws it: the symbol of each cell, skipping the
/// cells a wide symbol covers.
fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = area.left();
            while x < area.right() {
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                x += width(sym).max(1) as u16;
            }
            line
        })
        .collect()
}

/// No cell holds a forbidden character, and each row measures exactly the
/// terminal's width (a symbol ratatui thinks is 2 cells but a terminal draws
/// as 6, or as 0, would shift everything after it).
#[track_caller]
fn assert_clean(buf: &Buffer, what: &str) {
    for (i, cell) in buf.content.iter().enumerate() {
        assert!(
            !cell.symbol().chars().any(forbidden),
            "{what}: cell {i} holds {:?}\n{}",
            cell.symbol(),
            rows(buf).join("\n")
        );
    }
    for (y, row) in rows(buf).iter().enumerate() {
        assert_eq!(
            width(row),
            buf.area.width as usize,
            "{what}: row {y} measures {} cells, not {}: {row:?}",
            width(row),
            buf.area.width
        );
    }
}

/// The app drawn as on a real terminal: ratatui's output bytes (only the
/// cells that changed, with cursor moves) fed to the `vt100` terminal model,
/// which draws wide characters and their erasure as xterm does.
struct Term {
    term: Terminal<CrosstermBackend<Output>>,
    out: Output,
    vt: vt100::Parser,
}

/// What the app writes, shared with the test that reads it.
#[derive(Clone, Default)]
struct Output(Rc<RefCell<Vec<u8>>>);

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Term {
    fn new(w: u16, h: u16) -> Term {
        let out = Output::default();
        let backend = CrosstermBackend::new(out.clone());
        let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
        let term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        let nz = |n: u16| NonZeroU16::new(n).unwrap();
        Term {
            term,
            out,
            vt: vt100::Parser::new(nz(h), nz(w), 0),
        }
    }

    /// Draws a frame; returns ratatui's buffer of it.
    fn draw(&mut self, app: &mut App) -> Buffer {
        let buffer = self.term.draw(|f| app.render(f)).unwrap().buffer.clone();
        let bytes = std::mem::take(&mut *self.out.0.borrow_mut());
        self.vt.process(&bytes);
        buffer
    }

    /// The terminal's screen, row by row (the right half of a wide
    /// character adds nothing).
    fn screen(&self) -> Vec<String> {
        let screen = self.vt.screen();
        let (rows, cols) = screen.size();
        (0..rows.get())
            .map(|r| {
                let mut line = String::new();
                for c in 0..cols.get() {
                    match screen.cell(r, c) {
                        Some(cell) if cell.is_wide_continuation() => {}
                        Some(cell) if cell.has_contents() => line.push_str(cell.contents()),
                        _ => line.push(' '),
                    }
                }
                line
            })
            .collect()
    }
}

/// Draws `app` on the long-lived terminal (only changed cells are written,
/// as on a real one) and on a fresh one: ratatui's buffer is clean, and the
/// terminal after all the screens before shows what a fresh one does.
#[track_caller]
fn check(term: &mut Term, app: &mut App, what: &str) -> String {
    let area = term.term.get_frame().area();
    let buffer = term.draw(app);
    assert_clean(&buffer, what);
    let mut fresh = Term::new(area.width, area.height);
    fresh.draw(app);
    let (kept, fresh) = (term.screen(), fresh.screen());
    for (y, (k, f)) in kept.iter().zip(&fresh).enumerate() {
        assert_eq!(
            k,
            f,
            "{what}: row {y} after screen changes differs from a fresh draw\n{}",
            kept.join("\n")
        );
    }
    kept.join("\n")
}

#[test]
fn awkward_text_never_corrupts_any_screen() {
    for (w, h) in [(80, 24), (40, 12), (100, 30)] {
        let (_dir, mut app, ids) = fixture();
        let mut term = Term::new(w, h);
        let key = |app: &mut App, c: char| press(app, KeyCode::Char(c));
        check(&mut term, &mut app, "caseload");
        for i in 0..ids.len() {
            let at = format!("{w}x{h} person {i}");
            check(&mut term, &mut app, &format!("{at}: list"));
            press(&mut app, KeyCode::Enter);
            check(&mut term, &mut app, &format!("{at}: detail"));
            press(&mut app, KeyCode::Esc);
            key(&mut app, '2');
            check(&mut term, &mut app, &format!("{at}: what matters"));
            press(&mut app, KeyCode::Enter);
            check(&mut term, &mut app, &format!("{at}: note reader"));
            press(&mut app, KeyCode::Esc);
            key(&mut app, 'l');
            check(&mut term, &mut app, &format!("{at}: goals"));
            key(&mut app, 'e');
            check(&mut term, &mut app, &format!("{at}: goal form"));
            press(&mut app, KeyCode::Esc);
            key(&mut app, 'h');
            key(&mut app, 'n');
            check(&mut term, &mut app, &format!("{at}: note editor"));
            press(&mut app, KeyCode::Esc);
            key(&mut app, 'y');
            key(&mut app, '1');
            key(&mut app, 'e');
            check(&mut term, &mut app, &format!("{at}: person form"));
            press(&mut app, KeyCode::Esc);
            check(&mut term, &mut app, &format!("{at}: back to list"));
            press(&mut app, KeyCode::Down);
        }
        key(&mut app, '3');
        check(&mut term, &mut app, &format!("{w}x{h} directory"));
        press(&mut app, KeyCode::Enter);
        check(&mut term, &mut app, &format!("{w}x{h} service"));
        press(&mut app, KeyCode::Esc);
        key(&mut app, '4');
        check(&mut term, &mut app, &format!("{w}x{h} follow-ups"));
        key(&mut app, '1');
        check(&mut term, &mut app, &format!("{w}x{h} caseload again"));
    }
}

#[test]
fn names_are_shown_with_their_sequences_made_safe() {
    let (_dir, mut app, _) = fixture();
    let mut term = Term::new(80, 24);
    let screen = check(&mut term, &mut app, "caseload");
    for shown in [
        "Zoë 👨👩👧",
        "❤ Heart",
        "GB Flag",
        "Line Sep Brown",
        "Evil Name",
        "美玲 王",
        "Stored␛[2J Esc␇",
        "Thumbs 👍 Up",
    ] {
        assert!(screen.contains(shown), "{shown:?} not on\n{screen}");
    }
}

/// People whose names fit in 12 cells, on a plain caseload.
fn plain_fixture() -> (TempDir, App, Vec<&'static str>) {
    let (dir, mut store) = temp_store("narrow.db");
    let names = [
        ("Ada", "Lovelace"),
        ("美玲", "王"),
        ("Łukasz", "Nowak"),
        ("Zoë", "Ng"),
    ];
    for (given, family) in names {
        let input = PersonInput {
            given_name: given.into(),
            family_name: family.into(),
            referral_source: "GP practice".into(),
            referred_on: "2026-10-01".into(),
            ..Default::default()
        };
        let id = store
            .people_mut()
            .add(&input.validate(common::today()).unwrap())
            .unwrap();
        store
            .follow_ups_mut()
            .add(Some(id), None, day(2026, 11, 30), None, "Call")
            .unwrap();
    }
    (
        dir,
        open_app(store),
        vec!["Ada Lovelace", "美玲 王", "Łukasz Nowak", "Zoë Ng"],
    )
}

#[test]
fn narrow_terminals_keep_the_name_column() {
    for w in [40, 45, 50, 60, 80, 120] {
        let (_dir, mut app, names) = plain_fixture();
        let mut term = Term::new(w, 12);
        let screen = check(&mut term, &mut app, &format!("{w} wide"));
        assert!(
            screen.contains("Name"),
            "{w} wide: no Name column\n{screen}"
        );
        for name in names {
            assert!(
                screen.contains(name),
                "{w} wide: {name:?} is not shown in full\n{screen}"
            );
        }
        // The status column outlives the less needed ones.
        if w >= 45 {
            assert!(
                screen.contains("active") || screen.contains("referred"),
                "{w}\n{screen}"
            );
        }
        if w >= 80 {
            assert!(
                screen.contains("GP practice"),
                "{w}: source dropped\n{screen}"
            );
        }
    }
}

/// Opens a new note for the first person in the list.
fn open_new_note(app: &mut App) {
    press(app, KeyCode::Char('2'));
    press(app, KeyCode::Char('n'));
}

fn screen_text(app: &mut App) -> String {
    let mut term = Term::new(80, 24);
    term.draw(app);
    term.screen().join("\n")
}

#[test]
fn a_paste_beyond_the_note_limit_is_cut_with_a_message_and_saves() {
    let (_dir, mut app, _) = plain_fixture();
    // The first person in the list (the store returns people by name).
    let pid = app.store().people().list(None).unwrap()[0].id;
    open_new_note(&mut app);
    assert!(screen_text(&mut app).contains("Drafts are autosaved"));
    app.handle_event(Event::Paste("é".repeat(100 * 1024))); // 200 KB
    let screen = screen_text(&mut app);
    assert!(
        screen.contains("Paste cut short: a note holds at most 100 KB"),
        "{screen}"
    );
    // At the limit, typed text is refused too, with the same message.
    press(&mut app, KeyCode::Char('x'));
    let screen = screen_text(&mut app);
    assert!(
        screen.contains("Not typed: a note holds at most 100 KB"),
        "{screen}"
    );
    // A further paste adds nothing.
    app.handle_event(Event::Paste("more".into()));
    assert!(screen_text(&mut app).contains("Nothing pasted"));
    ctrl(&mut app, 's');
    let notes = app.store().notes().list(pid).unwrap();
    assert_eq!(notes.len(), 1, "the note was saved");
    let body = &notes[0].body;
    assert!(body.len() <= MAX_NOTE_BYTES, "{} bytes", body.len());
    assert!(body.len() > MAX_NOTE_BYTES - 4, "{} bytes", body.len());
    assert!(body.chars().all(|c| c == 'é'));
}

#[test]
fn a_paste_within_the_limit_is_whole_and_one_line_fields_take_one_line() {
    let (_dir, mut app, _) = plain_fixture();
    open_new_note(&mut app);
    app.handle_event(Event::Paste("first line\nsecond line".into()));
    let screen = screen_text(&mut app);
    assert!(screen.contains("first line") && screen.contains("second line"));
    assert!(!screen.contains("at most 100 KB"));
    // The date field (Tab, Tab) takes only a pasted line's first line.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    app.handle_event(Event::Paste("2026-11-20 09:30\nrm -rf".into()));
    let screen = screen_text(&mut app);
    assert!(screen.contains("2026-11-20 09:30"), "{screen}");
    assert!(!screen.contains("rm -rf"), "{screen}");
}
