//! The app in-process, drawn on ratatui's `TestBackend`: the pieces every
//! TestBackend test builds its fixture from (a store in a temporary folder
//! at the test clock, the app on it in the plain theme) and the screen as
//! text. Keys are sent with `super::keys`.

use std::path::Path;

use caseload::store::Store;
use caseload::tui::App;
use caseload::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tempfile::TempDir;

/// The store at `path`, opened at the test clock (`super::clock()`): a new
/// one, or the same file again as another window or after the app is gone.
pub fn open_store(path: &Path) -> Store {
    Store::open(path, super::clock()).unwrap()
}

/// A new temporary folder with an empty store called `name` in it.
pub fn temp_store(name: &str) -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = open_store(&dir.path().join(name));
    (dir, store)
}

/// The same with the demo caseload loaded (what `caseload demo` writes).
pub fn demo_store(name: &str) -> (TempDir, Store) {
    let (dir, mut store) = temp_store(name);
    store.load_demo().unwrap();
    (dir, store)
}

/// The app on `store`, in the plain theme every snapshot is drawn in.
/// What its panes write (the report's CSV) goes beside the store's file, in
/// the test's temporary folder, never into the checkout.
pub fn open_app(store: Store) -> App {
    let folder = store
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let panes = caseload::tui::panes::registry_writing_to(folder);
    let keymap = caseload::tui::panes::keymap(&Default::default()).unwrap();
    App::with_panes(store, Theme::plain(), keymap, panes).unwrap()
}

/// One frame of `app` on a fresh `w` x `h` TestBackend.
pub fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();
    terminal
}

/// That frame as TestBackend prints it: each row in quotes on a line of its own.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    draw(app, w, h).backend().to_string()
}

/// That frame's cells.
pub fn frame(app: &mut App, w: u16, h: u16) -> Buffer {
    draw(app, w, h).backend().buffer().clone()
}
