//! Stored text in the real app (pseudo-terminal, read through `vt100`):
//! names and notes holding a ZWJ sequence, an emoji variation selector, a
//! flag, a skin tone, U+2028, a bidi override or ESC never leave the screen
//! corrupted. After moving through the list and switching panes, each screen
//! is what a full redraw (a resize, which clears the terminal) shows.

use crate::common;

use std::time::Duration;

use common::Sandbox;
use common::tui::{Screen, Tui};

const PEOPLE: [(&str, &str); 8] = [
    ("Zoë", "👨\u{200D}👩\u{200D}👧"),
    ("❤\u{FE0F}", "Heart"),
    ("🇬🇧", "Flag"),
    ("Line\u{2028}Sep", "Brown"),
    ("\u{202E}Evil", "Name"),
    ("美玲", "王"),
    ("Stored\u{1b}[2J", "Esc"),
    ("Thumbs 👍🏽", "Up"),
];

/// Long enough for the app to finish a frame; the wait still fails after
/// the harness's timeout if it never settles.
const QUIET: Duration = Duration::from_millis(150);

fn awkward_database(sb: &Sandbox) -> std::path::PathBuf {
    let db = sb.path("text.db");
    for (i, (given, family)) in PEOPLE.iter().enumerate() {
        sb.run_db(
            &db,
            &[
                "person",
                "add",
                "--given",
                given,
                "--family",
                family,
                "--source",
                "GP practice",
                "--reason",
                "Lonely\u{2028}since \u{202E}moving 🇬🇧",
            ],
        )
        .ok();
        let id = (i + 1).to_string();
        let text =
            format!("Talked with {given} 👨\u{200D}👩\u{200D}👧\u{2028}\u{202E}about 🇬🇧 ❤\u{FE0F}");
        sb.run_db(
            &db,
            &["note", "add", &id, "--kind", "phone", "--text", &text],
        )
        .ok();
    }
    db
}

/// The screen now, then the screen after a full redraw at the same size.
fn now_and_redrawn(tui: &mut Tui) -> (Screen, Screen) {
    let (cols, rows) = (tui.cols, tui.rows);
    let now = tui.wait_stable(QUIET);
    tui.resize(cols - 1, rows);
    tui.wait_stable(QUIET);
    tui.resize(cols, rows);
    let redrawn = tui.wait_stable(QUIET);
    (now, redrawn)
}

#[track_caller]
fn assert_same(tui: &Tui, what: &str, (now, redrawn): (Screen, Screen)) {
    for (y, (a, b)) in now.lines().iter().zip(redrawn.lines()).enumerate() {
        if *a != b {
            tui.fail(&format!(
                "{what}: row {y} differs from a full redraw\n   now: {a:?}\nredraw: {b:?}\n--- now ---\n{}",
                now.dump()
            ));
        }
    }
    for (y, line) in now.lines().iter().enumerate() {
        assert!(
            !line.chars().any(|c| c.is_control()
                || matches!(
                    c,
                    '\u{200D}' | '\u{FE0F}' | '\u{2028}' | '\u{202A}'..='\u{202E}'
                )),
            "{what}: row {y} holds a control, joiner or bidi character: {line:?}"
        );
    }
}

#[test]
fn awkward_names_leave_no_stray_cells_when_moving_and_switching_panes() {
    let sb = Sandbox::new();
    let db = awkward_database(&sb);
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("1 Caseload");
    tui.expect("8 of 8");
    for shown in [
        "Zoë 👨👩👧",
        "❤ Heart",
        "GB Flag",
        "Line Sep Brown",
        "Evil Name",
        "美玲 王",
        "Stored␛[2J Esc",
        "Thumbs 👍 Up",
    ] {
        tui.expect(shown);
    }
    for i in 0..PEOPLE.len() {
        let pair = now_and_redrawn(&mut tui);
        assert_same(&tui, &format!("person {i}: list"), pair);
        tui.send(b"2");
        tui.expect("Conversations (1)");
        let pair = now_and_redrawn(&mut tui);
        assert_same(&tui, &format!("person {i}: what matters"), pair);
        tui.send(b"1");
        tui.expect("Name");
        let pair = now_and_redrawn(&mut tui);
        assert_same(&tui, &format!("person {i}: back to the list"), pair);
        tui.send(b"\x1b[B"); // Down
    }
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}
