//! A damaged file found after the first frame: the app checks it in the
//! background, shows a banner that stays, and refuses every write.

use crate::common;

use std::time::{Duration, Instant};

use caseload::store::Store;
use common::app::{demo_store, open_app, open_store, screen};
use common::damage::{noise, overwrite, page_size};
use common::keys::{ctrl, press, type_text};
use ratatui::crossterm::event::KeyCode;

/// A caseload whose conversations (not read for the first frame) hold a
/// page of noise: the app opens, and only the integrity check finds it.
fn damaged_notes(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("notes.db");
    drop(open_store(&db));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO person (given_name, family_name, referral_source, referral_reason,
                             referred_on, status, created_at, updated_at)
         VALUES ('Ann', 'Test', 'GP practice', '', '2026-01-01', 'active',
                 '2026-01-01T09:00:00', '2026-01-01T09:00:00');
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO conversation (person_id, occurred_at, kind, body, author, created_at)
         SELECT 1, '2026-01-02T10:00:00', 'phone', printf('%.400c', 'x'), 'w',
                '2026-01-02T10:00:00' FROM n;
         PRAGMA wal_checkpoint(TRUNCATE);",
    )
    .unwrap();
    drop(conn);
    let size = page_size(&db);
    let pages = std::fs::metadata(&db).unwrap().len() / size;
    overwrite(&db, (pages * 2 / 3) * size, &noise(size as usize, 7));
    let found = Store::open_read_only(&db, common::clock()).and_then(|s| s.quick_check());
    assert!(
        !matches!(found, Ok(ref p) if p.is_empty()),
        "the noise must damage the file"
    );
    db
}

#[test]
fn damage_found_after_the_first_frame_shows_a_banner_and_refuses_writes() {
    let dir = tempfile::TempDir::new().unwrap();
    let db = damaged_notes(dir.path());
    let mut app = open_app(open_store(&db));
    assert!(
        screen(&mut app, 100, 24).contains("Ann Test"),
        "the first frame draws"
    );
    // The event loop ticks right after the first frame, then while checking.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !app.store().is_damaged() {
        app.tick();
        assert!(Instant::now() < deadline, "the check never reported");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(screen(&mut app, 100, 24).contains("This database is damaged"));
    let people = common::count_rows(&db, "person");
    press(&mut app, KeyCode::Char('a'));
    // The form is open before anything is typed into it: the refusal below
    // is the save's, not a key that did nothing.
    let form = screen(&mut app, 100, 24);
    assert!(form.contains("Add person"), "{form}");
    type_text(&mut app, "Late");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Comer");
    ctrl(&mut app, 's');
    assert!(screen(&mut app, 100, 24).contains("damaged"));
    assert_eq!(common::count_rows(&db, "person"), people, "nothing saved");
}

#[test]
fn a_healthy_file_shows_no_banner() {
    let (_dir, store) = demo_store("ok.db");
    let mut app = open_app(store);
    let deadline = Instant::now() + Duration::from_secs(30);
    app.tick();
    while app.checking_integrity() {
        app.tick();
        assert!(Instant::now() < deadline, "the check never finished");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!app.store().is_damaged());
    assert!(!screen(&mut app, 100, 24).contains("damaged"));
}
