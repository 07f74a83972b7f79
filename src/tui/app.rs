//! App state and routing: key -> `Action` -> state update (may call the store)
//! -> render from state. Panes never call each other.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

mod what_matters;

pub use what_matters::NoteAction;
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
use crate::domain::service::Service;
use crate::domain::text::truncate;
use crate::store::{Counts, Store, StoreError};

/// Smallest terminal the layout is drawn in; below it, a message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Caseload,
    Person,
    Directory,
    Reminders,
}

impl Pane {
    const ALL: [Pane; 4] = [
        Pane::Caseload,
        Pane::Person,
        Pane::Directory,
        Pane::Reminders,
    ];

    fn title(self) -> &'static str {
        match self {
            Pane::Caseload => "Caseload",
            Pane::Person => "What matters",
            Pane::Directory => "Directory",
            Pane::Reminders => "Reminders",
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// Everything a key can ask the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowPane(Pane),
    NextPane,
    PrevPane,
    Help,
    Reload,
    OpenDetail(i64),
    AddPerson,
    EditPerson(i64),
    ChangeStatus(i64),
    /// Notes, goals and measures (pane 2).
    Notes(NoteAction),
    /// `r`: a follow-up for a person, a service, or neither.
    AddReminder {
        person_id: Option<i64>,
        service_id: Option<i64>,
    },
    EditReminder(i64),
    CompleteReminder(i64),
    ReopenReminder(i64),
    SnoozeReminder {
        id: i64,
        until: NaiveDate,
    },
    /// A connection became "referred": offer a check-in in 14 days (not forced;
    /// Esc skips; `caseload config set offer_check_in off` turns it off). The
    /// store decides (`Store::check_in_offer`) whether to offer at all.
    OfferCheckIn {
        person_id: i64,
        service_id: i64,
    },
    /// Show the person in pane 1 with their details open.
    GoToPerson(i64),
    /// A short message for the status line.
    Notice(String),
    /// The directory opened an entry: load what it shows beyond the service.
    OpenService(i64),
    /// Save a validated service (id 0: a new one).
    SaveService(Box<Service>),
    VerifyService(i64),
    SetServiceActive(i64, bool),
    /// Connect the selected person to this service.
    ConnectService(i64),
    /// Change the status of this connection.
    UpdateConnection(i64),
}

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

/// Where "now" comes from: the system clock, or a fixed moment in tests.
pub type Clock = Box<dyn Fn() -> NaiveDateTime>;

pub struct App {
    store: Store,
    clock: Clock,
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
    pub fn new(store: Store, clock: Clock, theme: Theme) -> Result<App, StoreError> {
        let today = clock().date();
        let mut app = App {
            store,
            clock,
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
        let now = (self.clock)();
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
                            form: person_form("Edit person", &input, self.sources()),
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

    fn open_detail(&mut self, id: i64) -> Result<(), StoreError> {
        let person = self.store.get_person(id)?;
        let history = self.store.status_history(id)?;
        self.caseload.detail = Some(Detail::new(person, history));
        Ok(())
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

    fn sources(&self) -> Vec<String> {
        self.store
            .referral_sources()
            .unwrap_or_else(|_| vec!["other".into()])
    }

    fn open_person_form(&mut self, _from: Option<i64>) {
        let input = PersonInput {
            referral_source: "GP practice".into(),
            referred_on: iso(self.today),
            ..Default::default()
        };
        self.overlay = Some(Overlay::PersonForm {
            form: person_form("Add person", &input, self.sources()),
            editing: None,
        });
    }

    fn open_status_form(&mut self, id: i64, version: i64, from: Status) {
        let options: Vec<String> = from.next().iter().map(|s| s.as_str().to_string()).collect();
        let form = Form::new(
            format!("Change status (now {})", from.as_str()),
            vec![
                Field::choice("status", "New status", options),
                Field::text("reason", "Reason", "required when closing or declining"),
                Field::text("changed_on", "Date", "YYYY-MM-DD or DD/MM/YYYY")
                    .with_value(iso(self.today)),
            ],
        );
        self.overlay = Some(Overlay::StatusForm {
            form,
            id,
            version,
            from,
        });
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

    /// Validates and saves; on any problem the form stays open with the reason.
    fn save_person(&mut self, mut form: Form, editing: Option<(i64, i64)>) -> Option<Overlay> {
        let input = input_from_form(&form);
        let details = match input.validate(self.today) {
            Ok(d) => d,
            Err(errors) => {
                form.set_errors(&errors);
                return Some(Overlay::PersonForm { form, editing });
            }
        };
        let result = match editing {
            Some((id, version)) => self.store.update_person(id, version, &details).map(|_| id),
            None => self.store.add_person(&details),
        };
        match result {
            Ok(id) => {
                let verb = if editing.is_some() { "Saved" } else { "Added" };
                self.after_save(id, format!("{verb} {}", details.display_name()));
                None
            }
            Err(e) => {
                form.message = Some(format!("Not saved: {e}"));
                Some(Overlay::PersonForm { form, editing })
            }
        }
    }

    fn save_status(
        &mut self,
        mut form: Form,
        id: i64,
        version: i64,
        from: Status,
    ) -> Option<Overlay> {
        let to = Status::parse(form.value("status"));
        let change = parse_day(form.value("changed_on"), self.today)
            .and_then(|on| {
                if on > self.today {
                    Err("the date cannot be in the future".into())
                } else {
                    Ok(on)
                }
            })
            .map_err(|e| ("changed_on", e))
            .and_then(|on| {
                let to = to.ok_or(("status", "choose a status".to_string()))?;
                validate_status_change(from, to, form.value("reason"), on)
                    .map_err(|e| ("reason", e))
            });
        let change = match change {
            Ok(c) => c,
            Err((field, message)) => {
                form.set_errors(&[crate::domain::FieldError { field, message }]);
                return Some(Overlay::StatusForm {
                    form,
                    id,
                    version,
                    from,
                });
            }
        };
        match self.store.set_status(id, version, &change) {
            Ok(()) => {
                self.after_save(id, format!("Status changed to {}", change.status.as_str()));
                None
            }
            Err(e) => {
                form.message = Some(format!("Not saved: {e}"));
                Some(Overlay::StatusForm {
                    form,
                    id,
                    version,
                    from,
                })
            }
        }
    }

    /// Refreshes what is on screen after a write and keeps the person in view.
    fn after_save(&mut self, id: i64, message: String) {
        let r = self.reload();
        self.caseload.reveal(id);
        if self
            .caseload
            .detail
            .as_ref()
            .is_some_and(|d| d.person.id == id)
        {
            let r = self.open_detail(id);
            self.report(r);
        }
        self.report(r);
        if self.message.is_none() {
            self.say(message);
        }
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

/// The person form, in the order a worker fills it in: (field, label, hint).
const PERSON_FIELDS: [(&str, &str, &str); 14] = [
    ("given_name", "Given name", "required"),
    ("family_name", "Family name", "required"),
    (
        "preferred_name",
        "Preferred name",
        "what they like to be called",
    ),
    ("referral_source", "Referral source", ""),
    (
        "referral_reason",
        "Referral reason",
        "in their words where possible",
    ),
    ("referred_on", "Referred on", "YYYY-MM-DD or DD/MM/YYYY"),
    ("date_of_birth", "Date of birth", "YYYY-MM-DD or DD/MM/YYYY"),
    ("nhs_number", "NHS number", "10 digits, spaces allowed"),
    ("phone", "Phone", ""),
    ("email", "Email", ""),
    ("address", "Address", ""),
    ("postcode", "Postcode", ""),
    (
        "contact_preferences",
        "Contact prefs",
        "e.g. text first, no voicemail",
    ),
    ("risk_note", "Risk note", "shown as a flag everywhere"),
];

fn person_form(title: &str, p: &PersonInput, sources: Vec<String>) -> Form {
    let mut p = p.clone();
    let fields = PERSON_FIELDS
        .iter()
        .map(|&(key, label, hint)| {
            let value = p.get_mut(key).map_or("", |v| v.as_str());
            match key {
                "referral_source" => {
                    let mut f = Field::choice(key, label, sources.clone());
                    if !value.is_empty() {
                        f.value = value.to_string();
                    }
                    f
                }
                _ => Field::text(key, label, hint).with_value(value),
            }
        })
        .collect();
    Form::new(title, fields)
}

fn input_from_form(form: &Form) -> PersonInput {
    let mut input = PersonInput::default();
    for f in &form.fields {
        if let Some(slot) = input.get_mut(f.key) {
            *slot = f.value.clone();
        }
    }
    input
}

/// Follow-ups (issue 6): the agenda's data, its timer and its actions.
impl App {
    fn load_reminders(&mut self) -> Result<(), StoreError> {
        use crate::domain::reminder::QUIET_DAYS;
        use crate::domain::setting::Setting;
        let quiet = if self.store.setting(Setting::ShowGoneQuiet)? {
            self.store.gone_quiet(self.today, QUIET_DAYS)?
        } else {
            Vec::new()
        };
        self.reminders.set(
            self.store.open_reminders()?,
            quiet,
            self.store.done_reminders(DONE_HISTORY)?,
            (self.clock)(),
        );
        self.sync_reminder_counts();
        Ok(())
    }

    /// The status line counts what the agenda shows, timed follow-ups included.
    fn sync_reminder_counts(&mut self) {
        self.counts.reminders_overdue = self.reminders.overdue() as i64;
        self.counts.reminders_today = self.reminders.due_today() as i64;
    }

    /// How long the event loop may sleep: until the next follow-up falls due
    /// or midnight, and at most an hour (so a suspended laptop catches up).
    pub fn until_next_wake(&self) -> std::time::Duration {
        let hour = std::time::Duration::from_secs(3600);
        (self.reminders.next_change() - (self.clock)())
            .to_std()
            .map_or(std::time::Duration::ZERO, |d| d.min(hour))
    }

    /// Who `r` would add a follow-up for, in the current pane.
    fn reminder_subject(&self) -> (Option<i64>, Option<i64>) {
        match self.pane {
            Pane::Caseload => (
                self.caseload
                    .detail
                    .as_ref()
                    .map(|d| d.person.id)
                    .or_else(|| self.caseload.selected_id()),
                None,
            ),
            Pane::Person => (self.person.person.as_ref().map(|p| p.id), None),
            Pane::Directory => (None, self.directory.selected().map(|s| s.id)),
            Pane::Reminders => self.reminders.selected_subject(),
        }
    }

    fn apply_reminder(&mut self, action: Action) {
        match action {
            Action::AddReminder {
                person_id,
                service_id,
            } => match self.store.subject_name(person_id, service_id) {
                Ok(about) => {
                    self.overlay = Some(Overlay::Reminder(ReminderForm::add(
                        person_id,
                        service_id,
                        about.as_deref(),
                    )))
                }
                Err(e) => self.report::<()>(Err(e)),
            },
            Action::EditReminder(id) => match self.store.get_reminder(id) {
                Ok(r) => self.overlay = Some(Overlay::Reminder(ReminderForm::edit(&r))),
                Err(e) => self.report::<()>(Err(e)),
            },
            Action::CompleteReminder(id) => {
                let r = self.store.complete_reminder(id);
                self.after_reminder(r, format!("Done: follow-up #{id} (u undoes)"));
            }
            Action::ReopenReminder(id) => {
                let r = self.store.reopen_reminder(id);
                self.after_reminder(r, format!("Follow-up #{id} is open again"));
                self.reminders.select_reminder(id);
            }
            Action::SnoozeReminder { id, until } => {
                let r = self.store.snooze_reminder(id, until);
                let when = crate::domain::reminder::short_date(until, self.today);
                self.after_reminder(r, format!("Follow-up #{id} snoozed until {when}"));
                self.reminders.select_reminder(id);
            }
            Action::OfferCheckIn {
                person_id,
                service_id,
            } => {
                let offer = self
                    .store
                    .check_in_offer(person_id, Some(service_id), self.today)
                    .and_then(|draft| {
                        let about = self.store.subject_name(Some(person_id), None)?;
                        Ok(draft.map(|d| ReminderForm::offer(&d, about.as_deref())))
                    });
                match offer {
                    Ok(Some(form)) => self.overlay = Some(Overlay::Reminder(form)),
                    Ok(None) => {}
                    Err(e) => self.report::<()>(Err(e)),
                }
            }
            Action::GoToPerson(id) => {
                self.pane = Pane::Caseload;
                self.caseload.reveal(id);
                let r = self.open_detail(id);
                self.report(r);
            }
            Action::Notice(text) => self.say(text),
            _ => {}
        }
    }

    /// A follow-up changed: the agenda, the counts and the caseload's "Next"
    /// column can change; the directory and the notes cannot.
    fn reload_after_reminder_write(&mut self) -> Result<(), StoreError> {
        self.caseload.set_people(self.store.list_people(None)?);
        self.counts = self.store.counts(self.today)?;
        self.reminders.set_reminders(
            self.store.open_reminders()?,
            self.store.done_reminders(DONE_HISTORY)?,
            (self.clock)(),
        );
        self.sync_reminder_counts();
        Ok(())
    }

    fn after_reminder(&mut self, r: Result<(), StoreError>, message: String) {
        match r {
            Ok(()) => {
                let r = self.reload_after_reminder_write();
                self.report(r);
                if self.message.is_none() {
                    self.say(message);
                }
            }
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    fn save_reminder(&mut self, mut form: ReminderForm) -> Option<Overlay> {
        let Some(draft) = form.draft(self.today) else {
            return Some(Overlay::Reminder(form));
        };
        let saved = match form.editing {
            Some(id) => self
                .store
                .update_reminder(id, draft.due_on, draft.due_time, &draft.text)
                .map(|()| id),
            None => self.store.add_reminder(
                draft.person_id,
                draft.service_id,
                draft.due_on,
                draft.due_time,
                &draft.text,
            ),
        };
        match saved {
            Ok(id) => {
                let r = self.reload_after_reminder_write();
                self.report(r);
                self.reminders.select_reminder(id);
                let when = crate::domain::reminder::short_date(draft.due_on, self.today);
                if self.message.is_none() {
                    self.say(format!("Follow-up #{id} saved for {when}"));
                }
                None
            }
            Err(e) => {
                form.form.message = Some(format!("Not saved: {e}"));
                Some(Overlay::Reminder(form))
            }
        }
    }
}

/// The directory and connections: keys routed to pane 3, and the actions they
/// produce, carried out through the store.
impl App {
    fn directory_key(&mut self, key: KeyEvent) -> Option<Action> {
        let ctx = Ctx {
            theme: &self.theme,
            today: self.today,
        };
        self.directory.handle_key(key, &ctx)
    }

    /// The person a `c` in the directory connects: the one open in pane 2,
    /// else the one selected in the caseload.
    fn person_for_connection(&self) -> Option<i64> {
        self.person
            .person
            .as_ref()
            .map(|p| p.id)
            .or_else(|| self.caseload.selected_id())
    }

    fn apply_directory(&mut self, action: Action) {
        match action {
            Action::OpenService(id) => match self.store.connected_now(id) {
                Ok(n) => self.directory.set_connected_now(n),
                Err(e) => self.report::<()>(Err(e)),
            },
            Action::SaveService(service) => {
                let result = if service.id == 0 {
                    self.store.create_service(&service)
                } else {
                    self.store.update_service(&service).map(|_| service.id)
                };
                match result {
                    Ok(id) => {
                        let r = self.reload();
                        self.directory.saved(id);
                        self.report(r);
                        self.say(format!("Saved {}", service.name));
                    }
                    Err(e) => self.directory.save_failed(format!("Not saved: {e}")),
                }
            }
            Action::VerifyService(id) => {
                let r = self.store.verify_service(id, self.today);
                self.after_directory_write(r, "Marked verified today");
            }
            Action::SetServiceActive(id, active) => {
                let r = self.store.set_service_active(id, active);
                let msg = if active {
                    "Reactivated"
                } else {
                    "Deactivated: kept for history, no longer offered"
                };
                self.after_directory_write(r, msg);
            }
            Action::ConnectService(service_id) => {
                let Some(person_id) = self.person_for_connection() else {
                    self.message = Some((
                        "Select a person in the caseload (1) first, then c here".into(),
                        true,
                    ));
                    return;
                };
                let names = self.store.get_person(person_id).and_then(|p| {
                    let s = self.store.get_service(service_id)?;
                    Ok((p.display_name(), s.name))
                });
                match names {
                    Ok((person, service)) => {
                        self.overlay = Some(Overlay::Connect {
                            form: connections::connect_form(&person, &service, self.today),
                            person_id,
                            service_id,
                        })
                    }
                    Err(e) => self.report::<()>(Err(e)),
                }
            }
            Action::UpdateConnection(id) => {
                let found = self.connections.list.iter().find(|c| c.id == id);
                if let Some(c) = found {
                    self.overlay = Some(Overlay::ConnectionStatus {
                        form: connections::status_form(c, self.today),
                        id,
                    });
                }
            }
            _ => {}
        }
    }

    fn after_directory_write(&mut self, r: Result<(), StoreError>, message: &str) {
        match r {
            Ok(()) => {
                let r = self.reload();
                self.report(r);
                if let Some(id) = self.directory.open_service().map(|s| s.id) {
                    self.apply_directory(Action::OpenService(id));
                }
                if self.message.is_none() {
                    self.say(message);
                }
            }
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    fn connection_overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> Option<Overlay> {
        let (mut form, target) = match overlay {
            Overlay::Connect {
                form,
                person_id,
                service_id,
            } => (form, Ok((person_id, service_id))),
            Overlay::ConnectionStatus { form, id } => (form, Err(id)),
            other => return Some(other),
        };
        let rebuild = |form: Form| match target {
            Ok((person_id, service_id)) => Overlay::Connect {
                form,
                person_id,
                service_id,
            },
            Err(id) => Overlay::ConnectionStatus { form, id },
        };
        match form.handle_key(key) {
            FormOutcome::Continue => return Some(rebuild(form)),
            FormOutcome::Cancel => return None,
            FormOutcome::Submit => {}
        }
        let (status, on, note) = match connections::read_form(&form, self.today) {
            Ok(v) => v,
            Err((field, message)) => {
                form.set_errors(&[crate::domain::FieldError { field, message }]);
                return Some(rebuild(form));
            }
        };
        let result = match target {
            Ok((person_id, service_id)) => self
                .store
                .connect(person_id, service_id, status, on, note.as_deref())
                .map(|_| (person_id, service_id)),
            Err(id) => {
                let service_id = self
                    .connections
                    .selected()
                    .filter(|c| c.id == id)
                    .map_or(0, |c| c.service_id);
                self.store
                    .set_connection_status(id, status, on, note.as_deref())
                    .map(|_| (self.person.person.as_ref().map_or(0, |p| p.id), service_id))
            }
        };
        match result {
            Ok((person_id, service_id)) => {
                if person_id != 0 && self.person.person.as_ref().map(|p| p.id) != Some(person_id) {
                    let r = self.load_person(person_id);
                    self.report(r);
                }
                let r = self.reload();
                self.report(r);
                if let Some(id) = self.directory.open_service().map(|s| s.id) {
                    self.apply_directory(Action::OpenService(id));
                }
                if self.message.is_none() {
                    self.say(format!("Connection {}", connections::label(status)));
                }
                // A referral made: offer (not force) a check-in follow-up in 14 days.
                if status == crate::domain::service::ConnectionStatus::Referred
                    && person_id != 0
                    && service_id != 0
                {
                    self.apply(Action::OfferCheckIn {
                        person_id,
                        service_id,
                    });
                    return self.overlay.take();
                }
                None
            }
            Err(e) => {
                form.message = Some(format!("Not saved: {e}"));
                Some(rebuild(form))
            }
        }
    }
}
