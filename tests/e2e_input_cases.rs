//! Input edge cases from issue #9 ("Input edge cases" and "6. Input that
//! cannot surprise"), proved from outside: the real binary in an 80x24
//! pseudo-terminal, read through the vt100 model, with the database checked
//! through a read-only connection of its own.
//!
//! Each test says which fix it guards: with that fix taken out, the test fails.
//! No timing assertions: every wait is for a condition, with the harness's
//! generous limit (`common::tui::TIMEOUT`), so only a real stall fails.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::tui::Tui;
use common::{Sandbox, count_rows, open_read_only};

/// The one-line message for a paste that has no text field to go into.
const PASTE_IGNORED: &str = "Paste ignored";
/// The caseload's footer, shown only while no form or popup is open.
const CASELOAD_FOOTER: &str = "Enter open  / filter";
/// What the directory's search line says while the search is empty.
const SEARCH_EMPTY: &str = "Search: / to type";

/// A demo database in the sandbox; `extra` scales it (`--people`, ...).
fn demo_db(sb: &Sandbox, name: &str, extra: &[&str]) -> PathBuf {
    let db = sb.path(name);
    let mut args = vec!["demo", "--out", db.to_str().expect("UTF-8 temp path")];
    args.extend_from_slice(extra);
    sb.run(args).ok();
    db
}

fn scalar(db: &Path, sql: &str) -> i64 {
    open_read_only(db)
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn active_services(db: &Path) -> i64 {
    scalar(db, "SELECT count(*) FROM service WHERE status = 'active'")
}

fn open_follow_ups(db: &Path) -> i64 {
    scalar(db, "SELECT count(*) FROM reminder WHERE done_at IS NULL")
}

#[track_caller]
fn assert_running(tui: &mut Tui) {
    tui.pump();
    tui.poll_exit();
    if let Some(status) = tui.exit {
        tui.fail(&format!(
            "the app should still be running, it ended: {status:?}"
        ));
    }
}

/// The first line holding `text`, failing with the screen if there is none.
fn line_with(tui: &Tui, text: &str) -> String {
    match tui.screen().line_with(text) {
        Some(line) => line,
        None => tui.fail(&format!("no line holds {text:?}")),
    }
}

/// Sends a lone Esc once the app has settled and every device-attributes
/// query it sent has been answered. Sent while a query is outstanding, the
/// harness's answer (`ESC [?62;22c`) can follow the Esc into the same read,
/// and the app's parser (as crossterm's) takes `ESC ESC` as one Esc and the
/// rest of the answer as typed keys (`?` opens the help). That is an app bug,
/// recorded by the ignored test at the end; here it must not decide the test.
fn send_lone_esc(t: &mut Tui) {
    t.wait_stable(Duration::from_millis(300));
    t.send(b"\x1b");
}

/// `len` characters of the alphabet over and over: no newline, no control,
/// nothing the keymap would miss if it were run as keys.
fn long_text(len: usize) -> String {
    ('a'..='z').cycle().take(len).collect()
}

/// Catches a paste outside a text field being run as command keys (the bug:
/// `xxx` in the directory deactivated 3 services, `dd` in the follow-ups
/// marked 2 done, `Ruth q` in the caseload quit). Without the fix there is no
/// "Paste ignored", the counts change, or the app exits while we wait.
#[test]
fn a_paste_outside_a_text_field_runs_no_commands() {
    let sb = Sandbox::new();
    let db = demo_db(&sb, "demo.db", &[]);
    let people = count_rows(&db, "person");
    let active = active_services(&db);
    let open = open_follow_ups(&db);
    assert!(active >= 3 && open >= 2, "the demo has something to lose");

    let mut t = Tui::spawn(&sb, &db, 80, 24);
    t.expect(CASELOAD_FOOTER);

    // Directory: `x` deactivates the selected service.
    t.send(b"3");
    t.expect("Directory (");
    t.paste("xxx");
    t.expect(PASTE_IGNORED);
    assert_running(&mut t);
    assert_eq!(active_services(&db), active, "a paste deactivated services");
    assert!(
        t.screen().contains(SEARCH_EMPTY),
        "nor went into the search"
    );

    // Follow-ups: `d` marks the selected one done.
    t.send(b"4");
    t.expect("Follow-ups (");
    t.expect_gone(PASTE_IGNORED);
    t.paste("dd");
    t.expect(PASTE_IGNORED);
    assert_running(&mut t);
    assert_eq!(open_follow_ups(&db), open, "a paste marked follow-ups done");

    // Caseload: `q` quits; nor may the text land in the (closed) filter.
    t.send(b"1");
    t.expect(CASELOAD_FOOTER);
    t.expect_gone(PASTE_IGNORED);
    t.paste("Ruth q");
    t.expect(PASTE_IGNORED);
    assert_running(&mut t);
    assert!(
        !t.screen().contains("/Ruth"),
        "the paste went into the filter:\n{}",
        t.screen().dump()
    );

    // Still answering keys, and the quit is the one we ask for.
    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(count_rows(&db, "person"), people);
    assert_eq!(active_services(&db), active);
    assert_eq!(open_follow_ups(&db), open);
}

/// Catches a long paste handled a character at a time (one filter or search
/// run per character: 44 s at 2,000 people in the caseload, 10 s in the
/// directory): the paste must show and the next key be answered within the
/// harness's limit. Also catches a paste into the filter that is dropped.
/// Checked by taking the fix out: a filter run per character in the caseload
/// stalls past the limit at 6,000 people. In the directory the search index
/// now makes a search per character cheap, so that half proves only that
/// nothing stalls there, not that the paste is one edit.
#[test]
fn a_5000_character_paste_into_the_filter_or_search_is_one_edit() {
    let sb = Sandbox::new();
    // Big enough that a filter run per pasted character stalls for longer
    // than the harness waits, even on a fast machine (at 2,000 people a
    // debug build here took about 30 s for the caseload paste alone).
    let db = demo_db(&sb, "big.db", &["--people", "6000", "--services", "6000"]);
    let text = long_text(5_000);
    let start = &text[..30];

    let mut t = Tui::spawn(&sb, &db, 80, 24);
    t.expect(CASELOAD_FOOTER);
    t.expect("sort name");
    let bar = line_with(&t, "sort name");

    // Caseload filter.
    t.send(b"/");
    t.expect("/▏");
    t.paste(&text);
    t.expect(&format!("/{start}"));
    // The next key is answered: Esc clears the filter, the whole list is back.
    send_lone_esc(&mut t);
    t.expect_gone(&format!("/{start}"));
    t.wait_until("the people list to come back", |t| {
        t.screen().line_with("sort name").as_ref() == Some(&bar)
    });

    // Directory search.
    t.send(b"3");
    t.expect(SEARCH_EMPTY);
    t.expect("Directory (");
    let heading = line_with(&t, "Directory (");
    t.send(b"/");
    t.expect_gone(SEARCH_EMPTY);
    t.paste(&text);
    t.expect(&format!("Search: {start}"));
    send_lone_esc(&mut t);
    t.expect(SEARCH_EMPTY);
    t.wait_until("the directory list to come back", |t| {
        t.screen().line_with("Directory (").as_ref() == Some(&heading)
    });

    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
}

/// Sends one key and waits until a frame has been drawn after it, so the key
/// is known to have been handled before the next step (a resize arrives by a
/// signal, not in order with the bytes).
fn send_handled(t: &mut Tui, key: &[u8]) {
    let mark = t.mark();
    t.send(key);
    t.wait_frames_since(mark, 1);
}

/// Catches keys acting below the minimum size (the bug: at a "Terminal too
/// small" screen, `a X Tab Y Ctrl-s` added a person). Without the fix the
/// form is open after the resize, or a person has been added.
#[test]
fn below_the_minimum_size_only_quit_acts() {
    let sb = Sandbox::new();
    let db = demo_db(&sb, "demo.db", &[]);
    let people = count_rows(&db, "person");

    let mut t = Tui::spawn(&sb, &db, 30, 8);
    t.expect("too small");
    // a: add person; X, Tab, Y: given and family name; Ctrl-s: save.
    for key in [&b"a"[..], b"X", b"\t", b"Y", b"\x13"] {
        send_handled(&mut t, key);
    }
    assert_running(&mut t);

    t.resize(80, 24);
    t.expect(CASELOAD_FOOTER);
    t.expect("1 Caseload");
    let screen = t.screen();
    assert!(
        !screen.contains("Add person") && !screen.contains("Esc cancel"),
        "a form opened below the minimum size:\n{}",
        screen.dump()
    );
    assert_eq!(count_rows(&db, "person"), people, "a person was added");

    // Too small again: quit still acts.
    t.resize(30, 8);
    t.expect("too small");
    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(count_rows(&db, "person"), people);
}

/// Catches the caseload filter typing Ctrl- and Alt-letters as plain letters
/// (the bug: Ctrl-t typed `t`, Alt-x typed `x`).
#[test]
fn the_filter_never_types_ctrl_or_alt_letters() {
    let sb = Sandbox::new();
    let db = demo_db(&sb, "demo.db", &[]);

    let mut t = Tui::spawn(&sb, &db, 80, 24);
    t.expect(CASELOAD_FOOTER);
    t.expect("sort name");
    let bar = line_with(&t, "sort name");

    // Ctrl-t between `Ru` and `th`: the filter reads `Ruth`, not `Rutth`.
    t.send(b"/Ru");
    t.expect("/Ru▏");
    send_handled(&mut t, b"\x14");
    t.send(b"th");
    t.expect("/Ruth▏");
    assert!(line_with(&t, "/Ruth▏").contains("/Ruth▏  status"));

    // Alt-x (ESC x in one write): never an `x` in the filter. Unbound, it is
    // Esc then `x` (see `handle_key`): the filter is cleared, and `x` does
    // nothing in the list. So the filter does not end as `Ruth`, as the
    // brief for this test had it, but empty.
    send_handled(&mut t, b"\x1bx");
    t.expect_gone("/Ruth");
    t.wait_until("the full list after Alt-x", |t| {
        t.screen().line_with("sort name").as_ref() == Some(&bar)
    });
    let screen = t.screen();
    assert!(
        !screen.contains("Ruthx") && !screen.contains("/x"),
        "Alt-x was typed:\n{}",
        screen.dump()
    );

    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
}

/// Catches an Esc run together with a digit (tmux, a slow link: it arrives as
/// Alt-4) being typed into the directory search, or dropped, instead of
/// acting as Esc (clear the search) and then 4 (the follow-ups pane).
#[test]
fn alt_digit_in_the_search_is_esc_then_the_digit() {
    let sb = Sandbox::new();
    let db = demo_db(&sb, "demo.db", &[]);

    let mut t = Tui::spawn(&sb, &db, 80, 24);
    t.expect(CASELOAD_FOOTER);
    t.send(b"3");
    t.expect(SEARCH_EMPTY);
    t.send(b"/fo");
    t.expect("Search: fo");
    t.send(b"\x1b4");
    t.expect("Follow-ups (");
    assert!(!t.screen().contains("Search: fo4"));
    t.send(b"3");
    t.expect(SEARCH_EMPTY);
    assert!(
        !t.screen().contains("fo4"),
        "Alt-4 was typed into the search"
    );

    t.send(b"q");
    assert_eq!(t.wait_exit(), 0);
}

/// Found while writing the tests above: an Esc key followed in the same read
/// by an escape sequence (here the terminal's answer to the app's own
/// device-attributes query, sent after every frame) is parsed as `ESC ESC` =
/// one Esc, and the rest of the sequence is run as keys: `[?62;22c`, so `?`
/// opens the help (and `2` would switch pane, `c` connect in the directory).
/// A user who presses Esc just as a frame is answered hits this. The parser
/// is `src/tui/input/parse.rs` (the `b'\x1B'` after `b'\x1B'` arm). Fixed in
/// `input.rs`: the first ESC is the Esc key, the second starts a sequence.
#[test]
fn an_esc_run_together_with_a_terminal_answer_types_nothing() {
    let sb = Sandbox::new();
    let db = demo_db(&sb, "demo.db", &[]);
    let mut t = Tui::spawn(&sb, &db, 80, 24);
    t.expect(CASELOAD_FOOTER);
    t.wait_stable(Duration::from_millis(300));
    // What the app reads when the Esc key and the terminal's answer arrive together.
    t.send(b"\x1b\x1b[?62;22c");
    // Then a key whose effect shows: the filter opens (unless help is open).
    t.send(b"/");
    t.wait_until("the filter or the help", |t| {
        let screen = t.screen();
        screen.contains("/▏") || screen.contains("Help ·")
    });
    assert!(
        !t.screen().contains("Help ·"),
        "the answer was run as keys:\n{}",
        t.screen().dump()
    );
    t.send(b"\x03");
    assert_eq!(t.wait_exit(), 0);
}
