//! config.toml from the outside: a rebound `quit` works in a real terminal,
//! and a broken file is refused with its path and line before anything opens.

use crate::common;

use std::time::Duration;

use common::Sandbox;
use common::tui::Tui;

fn write_config(sb: &Sandbox, text: &str) -> std::path::PathBuf {
    let dir = sb.path("xdg-config").join("caseload");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// A sandbox with one person in `team.db`.
fn with_ann() -> (Sandbox, std::path::PathBuf) {
    let sb = Sandbox::new();
    let db = sb.path("team.db");
    sb.run_db(
        &db,
        &["person", "add", "--given", "Ann", "--family", "Test"],
    )
    .ok();
    (sb, db)
}

#[test]
fn a_rebound_quit_works_in_a_real_terminal() {
    let (sb, db) = with_ann();
    write_config(&sb, "[keys]\nquit = [\"Q\"]\n");
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    tui.expect("Ann Test");
    tui.expect("Q quit");
    // The old key no longer quits: the app is still drawing after it.
    tui.send(b"q");
    tui.wait_stable(Duration::from_millis(300));
    tui.poll_exit();
    assert!(tui.exit.is_none(), "q still quit after quit = [\"Q\"]");
    tui.send(b"Q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_broken_config_is_refused_with_its_line() {
    let (sb, db) = with_ann();
    let path = write_config(&sb, "[keys]\nquit = [\"Q\"]\nhelp = [\"a\"]\n");
    let out = sb.run_db(&db, &["keys"]);
    let line = out.fails(1);
    assert!(line.contains(&path.display().to_string()), "{line}");
    assert!(line.contains("line 3"), "{line}");
    assert!(line.contains("bound to both"), "{line}");
    // The app refuses the same file before it touches the terminal.
    let mut tui = Tui::spawn(&sb, &db, 80, 24);
    assert_eq!(tui.wait_exit(), 1);
}

#[test]
fn keys_prints_the_effective_keymap() {
    let sb = Sandbox::new();
    write_config(&sb, "[keys]\n\"directory.add\" = [\"n\"]\n");
    let out = sb.run(["keys"]);
    let text = out.ok();
    let row = |ctx: &str, cmd: &str| {
        text.lines()
            .find(|l| l.split_whitespace().take(2).eq([ctx, cmd]))
            .unwrap_or_else(|| panic!("no row {ctx} {cmd} in:\n{text}"))
            .to_string()
    };
    assert!(
        row("directory", "add").contains(" n "),
        "{}",
        row("directory", "add")
    );
    assert!(
        row("caseload", "add").contains(" a "),
        "{}",
        row("caseload", "add")
    );
    assert!(row("global", "quit").contains(" q "));
}
