//! App state and routing: key -> `Action` -> state update (may call the store)
//! -> render from state. Panes never call each other.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

mod caseload;
mod directory;
mod follow_ups;
mod what_matters;

pub use super::action::{Action, NoteAction, Pane};
use what_matters::NotesOverlay;

use super::form::{Field, Form, FormOutcome, centered};
use super::keys::{self, KeyHelp};
use super::panes::Ctx;
use super::panes::caseload::{CaseloadPane, Detail};
use super::panes::connections::{self, ConnectionsView};
use super::panes::directory::DirectoryPane;
use super::panes::person::PersonPane;
use super::panes::reminders::{DONE_HISTORY, ReminderForm, RemindersPane};
use super::theme::Theme;
use crate::domain::date::{iso, parse_day};
use crate::domain::person::{PersonInput, Status, validate_status_change};
use crate::domain::text::truncate;
use crate::store::{Counts, Store, StoreError};

/// Smallest terminal the layout is drawn in; below it, a message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

enum Overlay {
    Help,
    Notes(NotesOverlay),
    PersonForm {
        form: Form,
        /// `(id, version)` when editing; `None` when adding.
        editing: Option<(i64, i64)>,
    },
    StatusForm {
        form: Form,
        id: i64,
        version: i64,
        from: Status,
    },
    Reminder(ReminderForm),
    Connect {
        form: Form,
        person_id: i64,
        service_id: i64,
    },
    ConnectionStatus {
        form: Form,
        id: i64,
    },
}

pub struct App {
    store: Store,
    theme: Theme,
    pub today: NaiveDate,
    pub pane: Pane,
    pub caseload: CaseloadPane,
    pub person: PersonPane,
    pub directory: DirectoryPane,
    pub reminders: RemindersPane,
    pub connections: ConnectionsView,
    overlay: Option<Overlay>,
    counts: Counts,
    message: Option<(String, bool)>,
    pub quit: bool,
    /// When the open note first changed since its last autosave.
    draft_dirty_since: Option<std::time::Instant>,
    /// Text waiting to be opened in `$EDITOR` by the event loop.
    external_edit: Option<String>,
    /// The database's data_version when last loaded: see `refresh_if_changed`.
    seen_version: i64,
}

impl App {
    /// The app reads "now" from the store's clock, so both agree on the day.
    pub fn new(store: Store, theme: Theme) -> Result<App, StoreError> {
        let today = store.clock().today();
        let mut app = App {
            store,
            theme,
            today,
            pane: Pane::Caseload,
            caseload: CaseloadPane::default(),
            person: PersonPane::default(),
            directory: DirectoryPane::default(),
            reminders: RemindersPane::default(),
            connections: ConnectionsView::default(),
            overlay: None,
            counts: Counts::default(),
            message: None,
            quit: false,
            draft_dirty_since: None,
            external_edit: None,
            seen_version: 0,
        };
        app.seen_version = app.store.data_version()?;
        app.reload()?;
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Re-reads everything shown from the database.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.caseload.set_people(self.store.list_people(None)?);
        self.directory.set(self.store.list_services()?);
        self.counts = self.store.counts(self.today)?;
        self.load_reminders()?;
        if let Some(id) = self.person.person.as_ref().map(|p| p.id) {
            self.load_person(id)?;
        }
        Ok(())
    }

    /// Called when the timer fires: a draft autosave may be due, the day may
    /// have changed, or a follow-up may have fallen due. Returns true if the
    /// screen needs redrawing.
    pub fn tick(&mut self) -> bool {
        if self.autosave_due_in() == Some(std::time::Duration::ZERO) {
            self.autosave();
        }
        let now = self.store.clock().now();
        if now.date() != self.today {
            self.today = now.date();
            let r = self.reload();
            self.report(r);
            return true;
        }
        let changed = self.reminders.rebucket(now);
        if changed {
            self.sync_reminder_counts();
        }
        changed
    }

    /// Another window saved something: reload before this key acts on old data.
    fn refresh_if_changed(&mut self) {
        match self.store.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                let r = self.reload();
                self.report(r);
            }
            Ok(_) => {}
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    /// Handles one terminal event; returns true if the screen needs redrawing.
    pub fn handle_event(&mut self, event: Event) -> bool {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.tick();
                self.handle_key(key);
                true
            }
            Event::Resize(..) => true,
            Event::Paste(text) => {
                if !self.notes_paste(&text) {
                    // Elsewhere a paste is typed, one character at a time.
                    for c in text.chars().filter(|c| !c.is_control()) {
                        self.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                    }
                }
                true
            }
            _ => false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.message = None;
        self.refresh_if_changed();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            self.save_draft_now();
            self.quit = true;
            return;
        }
        if self.overlay.is_some() {
            self.overlay_key(key);
            return;
        }
        // A pane that is taking typed text (a filter, a search) gets every key.
        let action = if self.pane_captures_input() {
            self.pane_key(key)
        } else {
            self.global_key(key).or_else(|| self.pane_key(key))
        };
        if let Some(action) = action {
            self.apply(action);
        }
    }

    fn pane_captures_input(&self) -> bool {
        match self.pane {
            Pane::Caseload => self.caseload.captures_input(),
            Pane::Person => false,
            Pane::Directory => self.directory.captures_input(),
            Pane::Reminders => self.reminders.captures_input(),
        }
    }

    fn global_key(&self, key: KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('r') if ctrl => Some(Action::Reload),
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Char('?') => Some(Action::Help),
            KeyCode::Tab => Some(Action::NextPane),
            KeyCode::BackTab => Some(Action::PrevPane),
            KeyCode::Char(c @ '1'..='4') => {
                Some(Action::ShowPane(Pane::ALL[(c as u8 - b'1') as usize]))
            }
            KeyCode::Char('r') => {
                let (person_id, service_id) = self.reminder_subject();
                Some(Action::AddReminder {
                    person_id,
                    service_id,
                })
            }
            _ => None,
        }
    }

    fn pane_key(&mut self, key: KeyEvent) -> Option<Action> {
        match self.pane {
            Pane::Caseload => self.caseload.handle_key(key),
            Pane::Person => {
                if let Some(a) = self.connections.handle_key(key) {
                    return Some(a);
                }
                self.person.handle_key(key)
            }
            Pane::Directory => self.directory_key(key),
            Pane::Reminders => self.reminders.handle_key(key),
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Reload => {
                let r = self.reload();
                if r.is_ok() {
                    self.say("Reloaded from the database");
                }
                self.report(r);
            }
            Action::NextPane => self.show_pane(Pane::ALL[(self.pane.index() + 1) % 4]),
            Action::PrevPane => self.show_pane(Pane::ALL[(self.pane.index() + 3) % 4]),
            Action::ShowPane(p) => self.show_pane(p),
            Action::OpenDetail(id) => {
                let r = self.open_detail(id);
                self.report(r);
            }
            Action::AddPerson => self.open_person_form(None),
            Action::Notes(a) => self.apply_note_action(a),
            Action::EditPerson(id) => {
                let r = self.store.get_person(id).map(|p| {
                    let input = PersonInput::from_details(&p.details);
                    (p.id, p.version, input)
                });
                match r {
                    Ok((id, version, input)) => {
                        self.overlay = Some(Overlay::PersonForm {
                            form: caseload::person_form("Edit person", &input, self.sources()),
                            editing: Some((id, version)),
                        })
                    }
                    Err(e) => self.report::<()>(Err(e)),
                }
            }
            Action::ChangeStatus(id) => match self.store.get_person(id) {
                Ok(p) => self.open_status_form(p.id, p.version, p.status),
                Err(e) => self.report::<()>(Err(e)),
            },
            a @ (Action::AddReminder { .. }
            | Action::EditReminder(_)
            | Action::CompleteReminder(_)
            | Action::ReopenReminder(_)
            | Action::SnoozeReminder { .. }
            | Action::OfferCheckIn { .. }
            | Action::GoToPerson(_)
            | Action::Notice(_)) => self.apply_reminder(a),
            Action::OpenService(_)
            | Action::SaveService(_)
            | Action::VerifyService(_)
            | Action::SetServiceActive(..)
            | Action::ConnectService(_)
            | Action::UpdateConnection(_) => self.apply_directory(action),
        }
    }

    /// Pane 2 always follows the person selected in the caseload.
    fn show_pane(&mut self, pane: Pane) {
        if pane == Pane::Person
            && let Some(id) = self.caseload.selected_id()
        {
            let r = self.load_person(id);
            self.report(r);
        }
        self.pane = pane;
    }

    fn overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        self.overlay = match overlay {
            Overlay::Connect { .. } | Overlay::ConnectionStatus { .. } => {
                self.connection_overlay_key(overlay, key)
            }
            Overlay::Help => match key.code {
                KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => None,
                _ => Some(Overlay::Help),
            },
            Overlay::Notes(o) => self.notes_overlay_key(o, key).map(Overlay::Notes),
            Overlay::PersonForm { mut form, editing } => match form.handle_key(key) {
                FormOutcome::Continue => Some(Overlay::PersonForm { form, editing }),
                FormOutcome::Cancel => None,
                FormOutcome::Submit => self.save_person(form, editing),
            },
            Overlay::StatusForm {
                mut form,
                id,
                version,
                from,
            } => match form.handle_key(key) {
                FormOutcome::Continue => Some(Overlay::StatusForm {
                    form,
                    id,
                    version,
                    from,
                }),
                FormOutcome::Cancel => None,
                FormOutcome::Submit => self.save_status(form, id, version, from),
            },
            Overlay::Reminder(mut form) => match form.handle_key(key) {
                FormOutcome::Continue => Some(Overlay::Reminder(form)),
                FormOutcome::Cancel => None,
                FormOutcome::Submit => self.save_reminder(form),
            },
        };
    }

    fn say(&mut self, message: impl Into<String>) {
        self.message = Some((message.into(), false));
    }

    fn report<T>(&mut self, r: Result<T, StoreError>) {
        if let Err(e) = r {
            self.message = Some((e.to_string(), true));
        }
    }

    fn keys(&self) -> &'static [KeyHelp] {
        match &self.overlay {
            Some(Overlay::Notes(NotesOverlay::Editor(_))) => keys::EDITOR,
            Some(
                Overlay::PersonForm { .. }
                | Overlay::StatusForm { .. }
                | Overlay::Reminder(_)
                | Overlay::Notes(_)
                | Overlay::Connect { .. }
                | Overlay::ConnectionStatus { .. },
            ) => keys::FORM,
            _ => match self.pane {
                Pane::Caseload => self.caseload.keys(),
                Pane::Person => self.person.keys(),
                Pane::Directory => self.directory.keys(),
                Pane::Reminders => self.reminders.keys(),
            },
        }
    }

    pub fn render(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let msg = format!("Terminal too small: need {MIN_WIDTH}x{MIN_HEIGHT}. q quits.");
            frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
            return;
        }
        let [tabs, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_tabs(frame, tabs);
        let ctx = Ctx {
            theme: &self.theme,
            today: self.today,
        };
        match self.pane {
            Pane::Caseload => self.caseload.render(frame, body, &ctx),
            Pane::Person => {
                let below = match self.person.person {
                    Some(_) => self.connections.height(body.height),
                    None => 0,
                };
                let [top, bottom] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(below)]).areas(body);
                self.person.render(frame, top, &ctx);
                if below > 0 {
                    self.connections.render(frame, bottom, &ctx);
                }
            }
            Pane::Directory => self.directory.render(frame, body, &ctx),
            Pane::Reminders => self.reminders.render(frame, body, &ctx),
        }
        self.render_status(frame, status);
        self.render_footer(frame, footer);
        match &self.overlay {
            Some(Overlay::Help) => self.render_help(frame, body),
            Some(Overlay::Notes(o)) => self.render_notes_overlay(o, frame, body),
            Some(
                Overlay::PersonForm { form, .. }
                | Overlay::StatusForm { form, .. }
                | Overlay::Reminder(ReminderForm { form, .. })
                | Overlay::Connect { form, .. }
                | Overlay::ConnectionStatus { form, .. },
            ) => form.render(frame, body, &self.theme),
            None => {}
        }
    }

    fn render_tabs(&self, frame: &mut Frame, area: Rect) {
        let mut spans = Vec::new();
        for (i, p) in Pane::ALL.iter().enumerate() {
            let text = format!(" {} {} ", i + 1, p.title());
            let style = if *p == self.pane {
                self.theme.tab_active()
            } else {
                self.theme.dim()
            };
            spans.push(Span::styled(text, style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn render_status(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        let c = &self.counts;
        let mut right = vec![Span::raw(format!(
            "{} open of {} people",
            c.people_open, c.people_total
        ))];
        if c.reminders_overdue > 0 {
            right.push(Span::raw(" · "));
            right.push(Span::styled(
                format!("{} overdue", c.reminders_overdue),
                t.danger(),
            ));
        }
        if c.reminders_today > 0 {
            right.push(Span::raw(format!(" · {} today", c.reminders_today)));
        }
        right.push(Span::raw(format!(" · {} services", c.services)));
        if c.services_stale > 0 {
            right.push(Span::styled(
                format!(" ({} stale)", c.services_stale),
                t.warn(),
            ));
        }
        let right = Line::from(right);
        // A message (what just happened) wins over the counts when space is short.
        let left_width = match &self.message {
            Some((m, _)) => (crate::domain::text::width(m) + 1).min(area.width as usize),
            None => (area.width as usize).saturating_sub(right.width() + 1),
        };
        let right_width = area.width.saturating_sub(left_width as u16);
        let left = match &self.message {
            Some((m, true)) => Span::styled(truncate(m, left_width), t.danger()),
            Some((m, false)) => Span::styled(truncate(m, left_width), t.ok()),
            None => {
                let name = self
                    .store
                    .path()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Span::styled(truncate(&name, left_width), t.dim())
            }
        };
        let [l, r] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)]).areas(area);
        frame.render_widget(Paragraph::new(left), l);
        frame.render_widget(Paragraph::new(right), r);
    }

    fn render_footer(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        let mut spans = Vec::new();
        // While typing (a form, the filter) q and ? are text, so they are not offered.
        let typing = self.overlay.is_some() || self.pane_captures_input();
        let global = if typing { &[] } else { keys::GLOBAL };
        let shown = self
            .keys()
            .iter()
            .chain(global)
            .filter(|k| !k.footer.is_empty());
        for k in shown {
            spans.push(Span::styled(k.keys, t.key()));
            spans.push(Span::raw(format!(" {}  ", k.footer)));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn render_help(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        let mut lines = vec![Line::from(Span::styled(
            format!("{} keys", self.pane.title()),
            t.header(),
        ))];
        let key_line = |k: &KeyHelp| {
            Line::from(vec![
                Span::styled(format!("  {:<16}", k.keys), t.key()),
                Span::raw(k.action),
            ])
        };
        lines.extend(self.keys().iter().map(key_line));
        if self.pane == Pane::Person {
            lines.extend(keys::CONNECTIONS.iter().map(key_line));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Everywhere", t.header())));
        lines.extend(keys::GLOBAL.iter().map(key_line));
        let height = lines.len() as u16 + 2;
        let popup = centered(area, 60, height);
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(" Help · Esc closes ", t.title()));
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
