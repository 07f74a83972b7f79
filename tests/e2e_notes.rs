//! End-to-end tests of pane 2, "What matters" (issue #4), in a real
//! pseudo-terminal: writing a note, surviving a crash mid-note through the
//! autosaved draft, correcting a note without losing the original, and
//! discarding. What the app saved is checked from outside, through the CLI
//! and a read-only look at the database file.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::tui::Tui;
use common::{Sandbox, count_rows, open_read_only};
use serde_json::Value;

const CTRL_S: &[u8] = b"\x13";
const ESC: &[u8] = b"\x1b";
const ENTER: &[u8] = b"\r";
const TAB: &[u8] = b"\t";

/// How long the app may take to autosave a draft (it aims for about 1 s).
const DRAFT_DEADLINE: Duration = Duration::from_secs(10);

/// Adds a person with the CLI and returns the printed id.
#[track_caller]
fn add_person(sb: &Sandbox, db: &Path, given: &str, family: &str) -> i64 {
    let out = sb.run_db(db, &["person", "add", "--given", given, "--family", family]);
    out.ok()
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("person add should print the id: {out:?}"))
}

/// `person show ID --format json`.
#[track_caller]
fn show(sb: &Sandbox, db: &Path, id: i64) -> Value {
    let out = sb.run_db(db, &["person", "show", &id.to_string(), "--format", "json"]);
    let text = out.ok();
    serde_json::from_str(text).unwrap_or_else(|e| panic!("invalid JSON ({e}): {text}"))
}

#[track_caller]
fn conversations(sb: &Sandbox, db: &Path, id: i64) -> Vec<Value> {
    show(sb, db, id)["conversations"]
        .as_array()
        .expect("conversations array")
        .clone()
}

/// One row of the `draft` table, read from outside the app.
#[derive(Debug)]
struct DraftRow {
    person_id: i64,
    amends: Option<i64>,
    kind: String,
    occurred_at: String,
    body: String,
    updated_at: String,
}

fn drafts(db: &Path) -> Vec<DraftRow> {
    let conn = open_read_only(db);
    let mut stmt = conn
        .prepare("SELECT person_id, amends, kind, occurred_at, body, updated_at FROM draft")
        .expect("the draft table exists");
    stmt.query_map([], |r| {
        Ok(DraftRow {
            person_id: r.get(0)?,
            amends: r.get(1)?,
            kind: r.get(2)?,
            occurred_at: r.get(3)?,
            body: r.get(4)?,
            updated_at: r.get(5)?,
        })
    })
    .expect("query drafts")
    .collect::<Result<_, _>>()
    .expect("read drafts")
}

/// Polls the database file every 100 ms until a draft satisfies `done`.
fn wait_for_draft(
    tui: &mut Tui,
    db: &Path,
    what: &str,
    done: impl Fn(&DraftRow) -> bool,
) -> DraftRow {
    let deadline = Instant::now() + DRAFT_DEADLINE;
    loop {
        // Keep reading the terminal so the app never blocks on a full pty.
        tui.pump();
        if let Some(d) = drafts(db).into_iter().find(|d| done(d)) {
            return d;
        }
        if Instant::now() > deadline {
            tui.fail(&format!(
                "no autosaved draft {what} within {DRAFT_DEADLINE:?}; drafts: {:?}",
                drafts(db)
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The screen's text as one line, with runs of blanks squeezed to one space.
fn flat(lines: &[String]) -> String {
    lines
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Starts the app on `db` and opens pane 2 for the first (selected) person.
fn open_what_matters(sb: &Sandbox, db: &Path, name: &str) -> Tui {
    let mut tui = Tui::spawn(sb, db, 80, 24);
    tui.expect("1 Caseload");
    tui.expect(name);
    tui.send(b"2");
    tui.expect(" Conversations (");
    tui.expect(name);
    tui
}

// ------------------------------------------------------------------ the key test

#[test]
fn a_note_typed_before_a_crash_is_recovered_and_saved_once() {
    let sb = Sandbox::new();
    let db = sb.path("crash.db");
    let pid = add_person(&sb, &db, "Amara", "Okonkwo");

    let line1 = "Wants to rejoin the café choir quietly on Thursdays";
    let line2 = "Feels calmer at the allotment 美 with her neighbour";
    let text = format!("{line1}\n{line2}");

    let mut tui = open_what_matters(&sb, &db, "Amara Okonkwo");
    tui.expect(" Conversations (0) ");
    tui.send(b"n");
    tui.expect("New note · Amara Okonkwo");
    tui.expect("Kind ‹");
    // Typed key by key, as a person would; Enter is a new line, and letters
    // that are keys elsewhere (q quits, n adds) are text here.
    tui.send(line1.as_bytes());
    tui.expect(line1);
    tui.send(ENTER);
    tui.send(line2.as_bytes());
    tui.expect(line2);
    let screen = tui.screen();
    let row1 = screen.lines().iter().position(|l| l.contains(line1));
    let row2 = screen.lines().iter().position(|l| l.contains(line2));
    assert_eq!(
        row2,
        row1.map(|r| r + 1),
        "Enter started a new line:\n{}",
        screen.dump()
    );

    // The autosave writes the whole text to the draft table.
    let draft = wait_for_draft(&mut tui, &db, "holding the whole note", |d| d.body == text);
    assert_eq!(draft.person_id, pid);
    assert_eq!(draft.amends, None, "a new note amends nothing");
    assert_eq!(count_rows(&db, "conversation"), 0, "a draft is not a note");

    // Crash: no destructor, no exit hook.
    tui.kill_hard();
    drop(tui);
    assert_eq!(
        count_rows(&db, "conversation"),
        0,
        "nothing was saved as a note"
    );
    let survived = drafts(&db);
    assert_eq!(
        survived.len(),
        1,
        "the draft survives the crash: {survived:?}"
    );
    assert_eq!(survived[0].body, text);

    // Next start: pane 2 offers the draft back.
    let mut tui = open_what_matters(&sb, &db, "Amara Okonkwo");
    let when = draft
        .updated_at
        .get(11..16)
        .unwrap_or_else(|| panic!("updated_at is YYYY-MM-DDTHH:MM:SS: {draft:?}"));
    tui.expect(&format!(
        "Unsaved draft note recovered (autosaved {when}): n continues it, x discards it"
    ));
    tui.expect(" Conversations (0) ");

    tui.send(b"n");
    tui.expect("Note (recovered draft) · Amara Okonkwo");
    tui.expect(line1);
    tui.expect(line2);
    let screen = tui.screen();
    let editor_date = draft.occurred_at.replace('T', " ");
    assert!(
        screen.contains(&format!("Date {editor_date}")),
        "the recovered note keeps the time it was started ({editor_date}):\n{}",
        screen.dump()
    );

    tui.send(CTRL_S);
    tui.expect("Note saved");
    tui.expect(" Conversations (1) ");
    tui.expect_gone("Unsaved draft note recovered");
    // The timeline shows the first line (cut to fit the column).
    tui.expect("Wants to rejoin");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);

    let list = conversations(&sb, &db, pid);
    let with_text: Vec<&Value> = list.iter().filter(|c| c["body"] == text.as_str()).collect();
    assert_eq!(
        with_text.len(),
        1,
        "exactly one note has the text: {list:?}"
    );
    assert_eq!(list.len(), 1, "and no other note was written: {list:?}");
    let note = with_text[0];
    assert_eq!(
        note["kind"],
        draft.kind.as_str(),
        "the kind survives: {note}"
    );
    assert!(note["amends"].is_null(), "{note}");
    let at = note["occurred_at"].as_str().expect("occurred_at");
    assert!(
        at.starts_with(&draft.occurred_at),
        "dated when it was written ({}), not when recovered: {at}",
        draft.occurred_at
    );
    assert_eq!(count_rows(&db, "draft"), 0, "the draft is gone once saved");
}

// ------------------------------------------------------------------ corrections

#[test]
fn correcting_a_note_adds_a_new_version_and_keeps_the_original() {
    let sb = Sandbox::new();
    let db = sb.path("amend.db");
    let pid = add_person(&sb, &db, "Bilal", "Haddad");
    let original = "Likes walking by the canal";
    let out = sb.run_db(
        &db,
        &[
            "note",
            "add",
            &pid.to_string(),
            "--kind",
            "visit",
            "--text",
            original,
        ],
    );
    let original_id: i64 = out.ok().trim().parse().expect("note add prints the id");
    let before = conversations(&sb, &db, pid);
    assert_eq!(before.len(), 1);
    // As the app shows a day (`domain::date::shown`).
    let day = chrono::NaiveDate::parse_from_str(
        &before[0]["occurred_at"].as_str().unwrap()[..10],
        "%Y-%m-%d",
    )
    .map(caseload::domain::date::shown)
    .unwrap();

    let mut tui = open_what_matters(&sb, &db, "Bilal Haddad");
    tui.expect(" Conversations (1) ");
    // The timeline column is narrow: the first line is cut to fit.
    tui.expect("Likes walking by the");

    tui.send(b"e");
    tui.expect(&format!("Correct note of {day} · Bilal Haddad"));
    tui.expect("Correction reason");
    // The editor starts from the original text.
    tui.expect(original);
    // Focus starts on the reason.
    let reason = "said Sundays, not every day";
    tui.send(reason.as_bytes());
    tui.expect(&format!("Correction reason {reason}"));
    // Tab goes on to the body; the cursor is at the end of the original text.
    tui.send(TAB);
    tui.send(" on Sundays with her sister".as_bytes());
    let corrected = format!("{original} on Sundays with her sister");
    tui.expect(&corrected);
    assert!(
        !tui.screen().contains(&format!("{reason} on Sundays")),
        "the body text did not go into the reason field:\n{}",
        tui.screen().dump()
    );

    // The unsaved correction is autosaved too, as a draft of that note.
    let draft = wait_for_draft(&mut tui, &db, "of the correction", |d| d.body == corrected);
    assert_eq!(draft.amends, Some(original_id), "{draft:?}");
    assert_eq!(count_rows(&db, "conversation"), 1, "nothing saved yet");

    tui.send(CTRL_S);
    tui.expect("Correction saved; the original is kept");
    // Still one conversation in the timeline, now marked as corrected.
    tui.expect(" Conversations (1) ");
    tui.expect("✎");

    // Reading it shows the correction and the earlier version below.
    tui.send(ENTER);
    tui.expect("✎ corrected 1 time(s)");
    tui.expect(&corrected);
    // The earlier version is headed with why it was replaced (the heading
    // may wrap, so the words are looked for across lines).
    tui.wait_until("the reason for the correction", |t| {
        flat(&t.screen().lines()).contains(reason)
    });
    let screen = tui.screen();
    let lines = screen.lines();
    let at_new = lines.iter().position(|l| l.contains(&corrected));
    let at_old = lines.iter().rposition(|l| l.trim_end().ends_with(original));
    assert!(
        matches!((at_new, at_old), (Some(n), Some(o)) if o > n),
        "the original text is shown below the correction:\n{}",
        screen.dump()
    );
    tui.send(ESC);
    tui.expect(" Conversations (1) ");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);

    let after = conversations(&sb, &db, pid);
    assert_eq!(after.len(), 2, "a correction is a new row: {after:?}");
    let old = after
        .iter()
        .find(|c| c["id"] == original_id)
        .expect("the original row is still there");
    assert_eq!(old, &before[0], "the original row is unchanged");
    assert_eq!(old["body"], original);
    let new = after
        .iter()
        .find(|c| c["id"] != original_id)
        .expect("the correction");
    assert_eq!(new["amends"], original_id, "{new}");
    assert_eq!(new["amend_reason"], reason, "{new}");
    assert_eq!(new["body"], corrected.as_str(), "{new}");
    assert_eq!(new["kind"], "visit", "the kind carries over: {new}");
    let (new_at, old_at) = (
        new["occurred_at"].as_str().unwrap(),
        old["occurred_at"].as_str().unwrap(),
    );
    assert_eq!(
        new_at.get(..16),
        old_at.get(..16),
        "a correction keeps the date of the conversation"
    );
    assert_eq!(count_rows(&db, "draft"), 0, "no draft left behind");
}

// ------------------------------------------------------------------ discarding

#[test]
fn escape_asks_before_discarding_and_y_throws_the_note_away() {
    let sb = Sandbox::new();
    let db = sb.path("discard.db");
    let pid = add_person(&sb, &db, "Chen", "Wei");

    let mut tui = open_what_matters(&sb, &db, "Chen Wei");
    tui.expect(" Conversations (0) ");
    tui.send(b"n");
    tui.expect("New note · Chen Wei");
    let text = "Not sure about this one, thinking aloud";
    tui.send(text.as_bytes());
    tui.expect(text);
    // Let the autosave happen, so discarding has a draft to remove.
    wait_for_draft(&mut tui, &db, "holding the note", |d| d.body == text);

    tui.send(ESC);
    tui.expect("Discard this note? y = discard");
    assert!(
        tui.screen().contains("New note · Chen Wei"),
        "the editor stays open while asking:\n{}",
        tui.screen().dump()
    );
    tui.send(b"y");
    tui.expect_gone("New note · Chen Wei");
    tui.expect(" Conversations (0) ");
    assert!(!tui.screen().contains(text));
    assert!(!tui.screen().contains("Unsaved draft note recovered"));
    assert_eq!(count_rows(&db, "draft"), 0, "the draft is deleted");
    assert_eq!(count_rows(&db, "conversation"), 0, "no note saved");

    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(conversations(&sb, &db, pid).is_empty());
    assert_eq!(count_rows(&db, "draft"), 0);
}

#[test]
fn escape_then_another_key_keeps_writing() {
    let sb = Sandbox::new();
    let db = sb.path("keep.db");
    let pid = add_person(&sb, &db, "Dara", "Byrne");

    let mut tui = open_what_matters(&sb, &db, "Dara Byrne");
    tui.send(b"n");
    tui.expect("New note · Dara Byrne");
    tui.send(b"First half");
    tui.expect("First half");
    tui.send(ESC);
    tui.expect("Discard this note? y = discard");
    // Anything but y keeps the note; that key is not typed into it.
    tui.send(b"n");
    tui.expect_gone("Discard this note?");
    tui.expect("New note · Dara Byrne");
    tui.send(b", second half");
    tui.expect("First half, second half");
    tui.send(CTRL_S);
    tui.expect("Note saved");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);

    let list = conversations(&sb, &db, pid);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["body"], "First half, second half");
    assert_eq!(count_rows(&db, "draft"), 0);
}
