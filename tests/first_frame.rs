//! The first frame reads only the caseload's first page (issue 20, item 10):
//! the store's first page is exactly the head of the full caseload, for one
//! worker's file and a team's, and the app shows the same screen before and
//! after it reads everyone, and never acts on the page alone.

use crate::common;

use caseload::cli::{DemoSize, build_demo};
use caseload::domain::person::Status;
use caseload::store::{PersonRow, Store};
use common::app::{open_app, open_store, screen, temp_store};
use common::keys::press;
use ratatui::crossterm::event::KeyCode;

/// A generated caseload bigger than the first page (200 rows).
fn big(name: &str, workers: Option<usize>) -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store(name);
    let size = DemoSize {
        people: Some(700),
        workers,
        ..Default::default()
    };
    build_demo(&mut store, &size).unwrap();
    (dir, store)
}

/// Open cases on `worker`'s caseload (everyone's if `None`), in caseload order.
fn open_cases(store: &Store, worker: Option<&str>) -> Vec<PersonRow> {
    let open = [Status::Referred, Status::Active, Status::Paused];
    store.people().list_of(Some(&open), worker).unwrap()
}

#[test]
fn the_first_page_is_the_head_of_the_caseload_with_its_counts() {
    let (_dir, store) = big("one.db", None);
    let all = open_cases(&store, None);
    assert!(
        all.len() > 250,
        "the fixture must pass a page: {}",
        all.len()
    );
    let (page, count) = store.people().first_open(None, 200).unwrap();
    assert_eq!(page, all[..200]);
    assert_eq!(count.open, all.len());
    assert_eq!(count.everyone, store.people().list(None).unwrap().len());
    let (short, _) = store.people().first_open(None, 5).unwrap();
    assert_eq!(short, all[..5]);
}

#[test]
fn a_team_members_first_page_is_their_own_caseload() {
    let (_dir, store) = big("team.db", Some(8));
    assert_eq!(store.workers().list().unwrap().len(), 8);
    let me = store
        .workers()
        .me()
        .unwrap()
        .expect("the demo team's first worker is me");
    let mine = open_cases(&store, Some(&me.login));
    assert!(!mine.is_empty());
    assert!(mine.len() < open_cases(&store, None).len() / 4);
    let (page, count) = store.people().first_open(Some(&me.login), 200).unwrap();
    assert_eq!(page, mine[..mine.len().min(200)]);
    assert_eq!(count.open, mine.len());
    assert!(
        page.iter()
            .all(|p| p.assigned_worker.as_deref() == Some(&*me.login))
    );
}

/// The screen before the rest is read equals the screen after; the first
/// key then acts on everyone (End reaches the last open case, not the
/// 200th).
#[test]
fn the_first_frame_matches_the_full_caseload_and_a_key_acts_on_everyone() {
    for workers in [None, Some(3)] {
        let (_dir, store) = big("app.db", workers);
        let me = store.workers().me().unwrap().map(|w| w.login);
        let all = open_cases(&store, me.as_deref());
        let everyone = store.people().list(None).unwrap().len();
        let last = all.last().expect("open cases").display_name();
        let path = store.path().to_path_buf();
        let mut app = open_app(store);
        let first = screen(&mut app, 100, 30);
        assert!(
            first.contains(&format!("{} of {everyone}", all.len())),
            "{first}"
        );
        app.tick();
        assert_eq!(screen(&mut app, 100, 30), first, "with {workers:?} workers");

        // A fresh app, its first key pressed before the event loop's load.
        drop(app);
        let mut app = open_app(open_store(&path));
        press(&mut app, KeyCode::End);
        let end = screen(&mut app, 100, 30);
        assert!(end.contains(&last), "End shows {last}:\n{end}");
    }
}
