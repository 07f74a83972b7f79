//! What every pane is to the app: a title, the keymap contexts it is in, the
//! commands it acts on, typed text, a frame, and (for panes that load their
//! own data) the tables it reads. The app routes keys, pastes, drawing and
//! reloads through this trait, so a new pane is one file that implements it
//! plus one line in `panes::registry`.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Outcome;
use super::draw::Ctx;
use super::keymap::{Binding, Command, Context};
use crate::store::{Store, StoreError};

pub trait Component {
    /// The tab's title.
    fn title(&self) -> &'static str;

    /// The keymap contexts it is in now, most specific first.
    fn contexts(&self) -> &'static [Context];

    /// Acts on a command found in one of its contexts.
    fn handle(&mut self, cmd: Command, ctx: &Ctx) -> Outcome;

    /// A key no command claimed, while a context of it takes text.
    fn type_key(&mut self, _key: KeyEvent) {}

    /// A paste while a context of it takes text: one edit.
    fn type_text(&mut self, _text: &str) {}

    /// Draws from its state; no side effects beyond scroll positions.
    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx);

    /// Bindings of its own contexts (`Context::Pane`), merged into the keymap
    /// so help, footer, dispatch and config.toml know them.
    fn bindings(&self) -> &'static [Binding] {
        &[]
    }

    /// Tables `load` reads: it runs again when any of them changes.
    fn tables(&self) -> &'static [&'static str] {
        &[]
    }

    /// Loads what it shows, on first visit and when its tables change. The
    /// four core panes are loaded by the app instead (they share state).
    fn load(&mut self, _store: &Store, _today: NaiveDate) -> Result<(), StoreError> {
        Ok(())
    }

    /// Who or what `r` adds a follow-up about here: (person, service).
    fn subject(&self) -> (Option<i64>, Option<i64>) {
        (None, None)
    }
}
