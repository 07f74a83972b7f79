//! Hardening v3 (issues 20 and 24): the key prompt forgives a typo, as `sudo`
//! does, and never echoes what is typed.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::Sandbox;
use common::tui::Tui;

const KEY: &str = "correct horse battery staple";

/// The demo, encrypted with `KEY` through a private key file.
fn encrypted_demo(sb: &Sandbox) -> PathBuf {
    let db = sb.path("live.db");
    let db_arg = db.to_str().expect("sandbox paths are UTF-8").to_string();
    sb.run(["demo", "--out", db_arg.as_str()]).ok();
    let key = sb.path("key");
    std::fs::write(&key, format!("{KEY}\n")).expect("write the key file");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600))
        .expect("make the key file private");
    let line = keyed(sb, &db, &key, &["encrypt"]).ok().to_string();
    assert!(line.contains("encrypted"), "{line}");
    db
}

fn keyed(sb: &Sandbox, db: &Path, key: &Path, args: &[&str]) -> common::Out {
    let mut all = vec!["--db", db.to_str().expect("sandbox paths are UTF-8")];
    all.extend_from_slice(args);
    sb.run_with(all, |cmd| {
        cmd.env("CASELOAD_KEY_FILE", key);
    })
}

#[test]
fn a_wrong_key_at_the_prompt_asks_again_and_the_right_one_still_opens() {
    let sb = Sandbox::new();
    let db = encrypted_demo(&sb);
    let out = keyed(
        &sb,
        &db,
        &sb.path("key"),
        &["person", "list", "--format", "csv"],
    );
    let first = common::parse_people_csv(out.ok())[0].family_name.clone();
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    let start = tui.mark();
    tui.expect("Key for live.db");
    tui.send(b"not the key\r");
    tui.expect("wrong key, try again (2 left)");
    tui.send(b"still not it\r");
    tui.expect("wrong key, try again (1 left)");
    tui.send(format!("{KEY}\r").as_bytes());
    tui.expect(&first);
    let seen = String::from_utf8_lossy(tui.output_since(start)).into_owned();
    for typed in [KEY, "not the key", "still not it"] {
        assert!(!seen.contains(typed), "{typed:?} was echoed");
    }
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn three_wrong_keys_at_the_prompt_exit_2_with_the_wrong_key_message() {
    let sb = Sandbox::new();
    let db = encrypted_demo(&sb);
    let before = std::fs::read(&db).expect("read the database");
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("Key for live.db");
    tui.send(b"one\r");
    tui.expect("(2 left)");
    tui.send(b"two\r");
    tui.expect("(1 left)");
    tui.send(b"three\r");
    tui.expect("the key does not open");
    assert_eq!(tui.wait_exit(), 2);
    assert_eq!(std::fs::read(&db).expect("read the database"), before);
}

/// Issue 20 item 9: Ctrl-c quits from a half-filled form and from its
/// "Discard changes?" question, and keeps what was typed as a draft that
/// the next start opens again (in a real terminal, the binary as shipped).
#[test]
fn ctrl_c_quits_from_a_form_and_from_its_discard_question() {
    let sb = Sandbox::new();
    let db = sb.path("live.db");
    let db_arg = db.to_str().expect("sandbox paths are UTF-8").to_string();
    sb.run(["demo", "--out", db_arg.as_str()]).ok();
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("? help");
    tui.send(b"a");
    tui.expect("Ctrl-s save");
    tui.send(b"xyz");
    tui.send(b"\x03");
    assert_eq!(tui.wait_exit(), 0, "Ctrl-c from the form");
    // The next start opens the form again with what was typed; Ctrl-c
    // from its discard question quits and keeps it again.
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("Kept from");
    tui.expect("xyz");
    tui.send(b"\x1b");
    tui.expect("Discard changes?");
    tui.send(b"\x03");
    assert_eq!(tui.wait_exit(), 0, "Ctrl-c from the discard question");
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("Kept from");
    tui.send(b"\x1b");
    tui.expect("Discard changes?");
    tui.send(b"y");
    tui.expect("? help");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

/// Issue 20 item 9: half an escape sequence (`ESC [`, `ESC [ 1 ; 5`) that
/// stops there must not swallow the Esc key pressed after it.
#[test]
fn an_esc_after_half_an_escape_sequence_is_not_lost() {
    let sb = Sandbox::new();
    let db = sb.path("live.db");
    let db_arg = db.to_str().expect("sandbox paths are UTF-8").to_string();
    sb.run(["demo", "--out", db_arg.as_str()]).ok();
    for partial in [&b"\x1b["[..], &b"\x1b[1;5"[..]] {
        let mut tui = Tui::spawn(&sb, &db, 80, 24);
        tui.expect("? help");
        tui.send(b"a");
        tui.expect("Ctrl-s save");
        tui.send(b"xyz");
        tui.expect("xyz");
        // Half a sequence draws nothing (it waits for the rest), so there is
        // no frame to wait for: it was waited on before, and that wait only
        // passed when the frame of "xyz" happened to end after it began.
        // A quiet moment lets the app read it on its own, before the Esc.
        tui.send(partial);
        tui.wait_stable(std::time::Duration::from_millis(200));
        tui.send(b"\x1b");
        tui.expect("Discard changes?");
        tui.send(b"y");
        tui.expect("? help");
        tui.send(b"q");
        assert_eq!(tui.wait_exit(), 0, "after {partial:?}");
    }
}

/// Issue 20 item 9: the discard question names its keys, and Esc there (keep
/// editing, the choice that loses nothing) says the form is still open.
#[test]
fn esc_at_the_discard_question_keeps_editing_and_says_so() {
    let sb = Sandbox::new();
    let db = sb.path("live.db");
    let db_arg = db.to_str().expect("sandbox paths are UTF-8").to_string();
    sb.run(["demo", "--out", db_arg.as_str()]).ok();
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("? help");
    tui.send(b"a");
    tui.expect("Ctrl-s save");
    tui.send(b"xyz\x1b");
    tui.expect("y discard · n or Esc keep editing");
    tui.send(b"\x1b");
    tui.expect("Still editing: Ctrl-s saves, Esc asks again");
    tui.send(b"\x03");
    assert_eq!(tui.wait_exit(), 0);
}

/// Issue 21, item 5, in the real binary: started with no `--db` on a
/// machine with no caseload yet, the app makes the file and opens on what to
/// do first; the next start does not, and a `--db` never does.
#[test]
fn a_first_start_opens_on_the_welcome_and_the_next_start_does_not() {
    let sb = Sandbox::new();
    let no_args: [&str; 0] = [];
    let mut tui = Tui::spawn_with(&sb, 80, 24, no_args, |_| {});
    tui.expect("Welcome to caseload");
    tui.expect("caseload --demo");
    tui.send(b"\x1b");
    tui.expect("No people yet");
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
    let mut tui = Tui::spawn_with(&sb, 80, 24, no_args, |_| {});
    tui.expect("No people yet");
    assert!(!tui.screen().contains("Welcome to caseload"));
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
    let mut tui = Tui::spawn(&sb, &sb.path("named.db"), 80, 24);
    tui.expect("No people yet");
    assert!(!tui.screen().contains("Welcome to caseload"));
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}
