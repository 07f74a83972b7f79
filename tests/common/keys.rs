//! Driving the app through its public key handler, as the TestBackend tests do.

use caseload::tui::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The key `code` with no modifier held.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key(code));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}
