//! The directory in a real pseudo-terminal: search as you type (with a
//! misspelling), open an entry, connect the selected person.

use crate::common;

use std::path::Path;

use caseload::store::Store;
use common::Sandbox;
use common::tui::Tui;

fn connection_count(db: &Path) -> usize {
    let store = Store::open(db, common::clock()).unwrap();
    store
        .people()
        .list(None)
        .unwrap()
        .iter()
        .map(|p| store.connections().for_person(p.id).unwrap().len())
        .sum()
}

#[test]
fn search_open_and_connect_in_a_real_terminal() {
    let sb = Sandbox::new();
    let db = sb.path("demo.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    let before = connection_count(&db);

    let mut app = Tui::spawn(&sb, &db, 80, 24);
    app.expect("1 Caseload");
    app.send(b"3");
    app.expect("Search: / to type");
    app.send(b"/food");
    app.expect("Search: food");
    // Misspelt: still the benefits and debt advice services.
    app.send("\x15benfits advise".as_bytes()); // Ctrl-u clears, then type
    app.expect("City Advice Centre – Benefi…");
    app.send(b"\x15food");
    app.expect("Northside Food Pantry");
    app.send(b"\r"); // opens the top result
    app.expect("Connected now   0 people");
    app.send(b"c");
    app.expect("Esc cancel"); // the connect form
    app.send(b"\x13"); // Ctrl-s saves
    app.expect("Connection suggested");
    app.expect("Connected now   1 person");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0, "the app quits cleanly");

    assert_eq!(connection_count(&db), before + 1);
}
