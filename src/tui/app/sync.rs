//! A laptop copy in the app: the status line says so (when it last synced,
//! what waits to go), and the sync key runs the same exchange as `caseload
//! sync`. The event loop runs it with the terminal given back, since ssh
//! may ask for a password; then the summary is the status message and any
//! conflicts open in a list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::App;
use crate::adapters::sync::{SyncError, Synced};
use crate::domain::sync::RecordedConflict;
use crate::tui::form::centered;
use crate::tui::modal::Modal;
use crate::tui::strings::sync as words;

impl App {
    /// Reads whether this file is a laptop copy, and its figures (cheap: one
    /// range count on the change log), for the status line.
    pub(super) fn refresh_copy(&mut self) {
        self.copy = self.store.copies().origin().ok().flatten();
    }

    /// The status line's words for a laptop copy, if this is one.
    pub(super) fn copy_status(&self) -> Option<String> {
        let copy = self.copy.as_ref()?;
        let synced = copy
            .synced_at
            .as_deref()
            .map(crate::io::subject_access::long_moment);
        Some(words::status(synced.as_deref(), copy.waiting))
    }

    /// The sync key: on a laptop copy, the event loop runs the sync next.
    pub(super) fn request_sync(&mut self) {
        if self.copy.is_some() {
            self.sync_requested = true;
        } else {
            self.warn(words::NOT_A_COPY);
        }
    }

    /// Whether the event loop should run a sync now (once per request).
    pub fn take_sync_request(&mut self) -> bool {
        std::mem::take(&mut self.sync_requested)
    }

    /// The sync itself, run by the event loop with the terminal given back
    /// (ssh may ask for a password); one line says what is happening.
    pub fn run_sync(&mut self) -> Result<Synced, SyncError> {
        use std::io::Write;
        let origin = self.copy.as_ref().map_or("", |c| c.origin.as_str());
        let mut out = std::io::stdout();
        let _ = writeln!(out, "{}", words::running(origin));
        let _ = out.flush();
        crate::adapters::sync::exchange(&mut self.store)
    }

    /// The store, for a test that runs the exchange in-process.
    pub fn store_for_sync(&mut self) -> &mut crate::store::Store {
        &mut self.store
    }

    /// After the sync: everything is read again, the summary is said, and
    /// the conflicts of this sync open in a list.
    pub fn finish_sync(&mut self, result: Result<Synced, SyncError>) {
        let reloaded = self.reload();
        self.refresh_copy();
        match result {
            Ok(done) => {
                let s = &done.summary;
                self.say(words::done(
                    s.pushed,
                    s.pulled,
                    s.conflicts,
                    s.joined,
                    s.left,
                ));
                if s.conflicts > 0 {
                    self.open_conflicts();
                }
            }
            Err(e) => self.warn(e.to_string()),
        }
        self.report(reloaded);
    }

    fn open_conflicts(&mut self) {
        let Some(synced_at) = self.copy.as_ref().and_then(|c| c.synced_at.clone()) else {
            return;
        };
        match self.store.copies().conflicts_at(&synced_at) {
            Ok(list) if !list.is_empty() => {
                let lines = list.iter().map(|(name, c)| line(name, c)).collect();
                self.modals.push(Modal::Conflicts { lines });
            }
            Ok(_) => {}
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    pub(super) fn render_conflicts(&self, frame: &mut Frame, area: Rect, lines: &[String]) {
        let t = &self.theme;
        let height = (lines.len() as u16 * 2 + 4).min(area.height);
        let popup = centered(area, area.width.min(90), height);
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(words::CONFLICTS_TITLE, t.title()));
        let mut text: Vec<Line> = vec![Line::from(words::CONFLICTS_HEAD)];
        text.extend(lines.iter().map(|l| Line::from(crate::tui::panes::safe(l))));
        frame.render_widget(
            Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
            popup,
        );
    }
}

fn line(name: &str, c: &RecordedConflict) -> String {
    words::conflict(
        name,
        &c.table.replace('_', " "),
        &c.field.replace('_', " "),
        &c.kept,
        &c.lost,
        &c.lost_by,
    )
}
