//! App state and routing: key -> keymap -> `Command` -> component -> `Action`
//! -> update (may call the store) -> render from state. Panes never call each
//! other, and never see key codes: only commands, and typed text.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

mod caseload;
mod data_protection;
mod draw;
mod follow_ups;
mod form_draft;
mod letter;
mod loading;
mod palette;
mod sync;
mod what_matters;

pub use super::action::{Action, NoteAction, Outcome, Pane};
use super::component::{Component, Effects, Session, Submitted};
use super::editor::EditorOutcome;
use super::form::{Form, FormOutcome, centered};
use super::keymap::chain;
use super::keymap::{Command, Context, Key, Keymap};
pub use super::modal::{Modal, Purpose};
use super::panes::Ctx;
use super::panes::caseload::CaseloadPane;
use super::panes::directory::DirectoryPane;
use super::panes::follow_ups::FollowUpsPane;
use super::panes::what_matters::WhatMattersPane;
use super::strings;
use super::theme::Theme;
use crate::domain::text::truncate;
use crate::store::{Changed, Changes, Counts, Store, StoreError, Topic};

/// Smallest terminal the layout is drawn in; below it, a message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

pub struct App {
    store: Store,
    theme: Theme,
    keymap: Keymap,
    /// The day, the person pane 2 shows, whose agenda: handed to each load.
    session: Session,
    pub pane: Pane,
    pub caseload: CaseloadPane,
    pub person: WhatMattersPane,
    pub directory: DirectoryPane,
    pub follow_ups: FollowUpsPane,
    /// Panes beyond the core four, from `panes::registry`, in tab order.
    more: Vec<Box<dyn Component>>,
    /// By tab: loaded once (else it loads when shown, or after the first
    /// frame), and missed a change while off screen (loads when shown).
    loaded: Vec<bool>,
    stale: Vec<bool>,
    modals: Vec<Modal>,
    counts: Counts,
    message: Option<(String, bool)>,
    pub quit: bool,
    /// The terminal's size from the last resize; `None` until told.
    size: Option<(u16, u16)>,
    /// When the open note first changed since its last autosave.
    draft_dirty_since: Option<std::time::Instant>,
    /// A half-filled form is kept in the store (`app/form_draft.rs`).
    form_draft_kept: bool,
    /// Text waiting to be opened in `$EDITOR` by the event loop.
    external_edit: Option<String>,
    /// The database's data_version when last loaded: see `refresh_if_changed`.
    seen_version: i64,
    /// The per-table change counters when last loaded: see `reload_changed`.
    seen_changes: Changes,
    /// `PRAGMA quick_check`, run on its own connection and thread after the
    /// first frame; `None` once its answer is in.
    integrity: Option<std::thread::JoinHandle<Result<Vec<String>, StoreError>>>,
    /// The banner shown once the check found damage; writes are then refused.
    damaged: Option<String>,
    /// `audit_reads` in config.toml: opening a person in pane 2 is audited.
    audit_reads: bool,
    /// The person whose opening was audited last, so flipping panes adds no rows.
    last_read: Option<i64>,
    /// `$EDITOR` is open on this person's letter summary (not a note).
    letter_summary_for: Option<i64>,
    /// Who signs letters: `worker_name` (else `display_name`), `worker_contact`.
    letter_worker: (Option<String>, Option<String>),
    /// The actions the letter being previewed asks of the referrer (`a`).
    letter_actions: Vec<String>,
    /// Where letters are written: the home folder (tests give another).
    letter_folder: std::path::PathBuf,
    /// The organisation's rules (config.toml): the status line's stale count.
    rules: crate::domain::setting::Rules,
    /// People and services opened lately: the palette offers them first.
    recent: super::palette::Recent,
    /// Where this laptop copy came from, if it is one (`app/sync.rs`).
    copy: Option<crate::store::Origin>,
    /// The sync key was pressed: the event loop runs the sync.
    sync_requested: bool,
}

/// What the status line's counts are read from.
const COUNT_TOPICS: &[Topic] = &[Topic::People, Topic::Services, Topic::FollowUps];

impl App {
    /// The app reads "now" from the store's clock, so both agree on the day.
    pub fn new(store: Store, theme: Theme) -> Result<App, StoreError> {
        let keymap = super::panes::keymap(&Default::default()).unwrap_or_default();
        App::with_keymap(store, theme, keymap)
    }

    /// With the registered panes (`panes::registry`) after the core four.
    pub fn with_keymap(store: Store, theme: Theme, keymap: Keymap) -> Result<App, StoreError> {
        App::with_panes(store, theme, keymap, super::panes::registry())
    }

    /// With these panes after the core four; `keymap` must hold their bindings.
    pub fn with_panes(
        store: Store,
        theme: Theme,
        keymap: Keymap,
        more: Vec<Box<dyn Component>>,
    ) -> Result<App, StoreError> {
        let today = store.clock().today();
        let tabs = Pane::CORE.len() + more.len();
        let mut app = App {
            store,
            theme,
            keymap,
            session: Session::new(today),
            pane: Pane::Caseload,
            caseload: CaseloadPane::default(),
            person: WhatMattersPane::default(),
            directory: DirectoryPane::default(),
            follow_ups: FollowUpsPane::default(),
            more,
            loaded: vec![false; tabs],
            stale: vec![false; tabs],
            modals: Vec::new(),
            counts: Counts::default(),
            message: None,
            quit: false,
            size: None,
            draft_dirty_since: None,
            form_draft_kept: false,
            external_edit: None,
            seen_version: 0,
            seen_changes: Changes::default(),
            integrity: None,
            damaged: None,
            audit_reads: false,
            last_read: None,
            letter_summary_for: None,
            letter_worker: (None, None),
            letter_actions: Vec::new(),
            rules: Default::default(),
            recent: Default::default(),
            copy: None,
            sync_requested: false,
            letter_folder: std::env::var_os("HOME")
                .map(std::path::PathBuf::from)
                .unwrap_or_default(),
        };
        // The first frame needs only the caseload and the status line.
        app.seen_version = app.store.data_version()?;
        app.seen_changes = app.store.changes()?;
        app.session.agenda_owner = app.agenda_owner()?;
        // Only the caseload's first page: everyone is read right after it.
        app.caseload.load_first_page(&app.store)?;
        app.counts = app
            .store
            .counts(app.session.today, app.rules.stale_months)?;
        app.sync_follow_up_counts();
        app.refresh_copy();
        app.restore_form_draft();
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Handles one terminal event; returns true if the screen needs redrawing.
    pub fn handle_event(&mut self, event: Event) -> bool {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.tick();
                self.handle_key(key);
                true
            }
            Event::Resize(w, h) => {
                self.set_size(w, h);
                true
            }
            Event::Paste(text) => {
                self.paste(&text);
                true
            }
            _ => false,
        }
    }

    /// The terminal's size, so that below the minimum only quitting acts.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = Some((width, height));
    }

    fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| w < MIN_WIDTH || h < MIN_HEIGHT)
    }

    /// The keymap contexts that apply now, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        if let Some(modal) = self.modals.last() {
            return modal.contexts();
        }
        self.component(self.pane)
            .map_or(chain::NO_PERSON, |c| c.contexts())
    }

    /// The pane behind a tab, as every pane is to the app.
    pub fn component(&self, pane: Pane) -> Option<&dyn Component> {
        Some(match pane {
            Pane::Caseload => &self.caseload,
            Pane::WhatMatters => &self.person,
            Pane::Directory => &self.directory,
            Pane::FollowUps => &self.follow_ups,
            Pane::More(i) => self.more.get(i)?.as_ref(),
        })
    }

    fn component_mut(&mut self, pane: Pane) -> Option<&mut dyn Component> {
        self.component_and_store(pane).map(|(c, _)| c)
    }

    fn tab_count(&self) -> usize {
        Pane::CORE.len() + self.more.len()
    }

    /// True while keys are typed as text (a form, the editor, a filter).
    pub fn typing(&self) -> bool {
        self.contexts().iter().any(|c| c.takes_text())
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.message = None;
        self.read_whole_caseload();
        let chain = self.contexts();
        let found = Key::from_event(key).and_then(|k| {
            chain
                .iter()
                .find_map(|&c| self.keymap.command(c, k).map(|cmd| (c, cmd)))
        });
        // tmux or a slow link runs Esc and the next character together into
        // Alt-character: unless Alt-character is bound, it is both keys.
        if found.is_none()
            && key.modifiers == KeyModifiers::ALT
            && let KeyCode::Char(c) = key.code
        {
            self.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            self.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            return;
        }
        if self.too_small() {
            // Below the minimum size nothing is visible to act on: only quit.
            if let Some((c, cmd @ (Command::Quit | Command::ForceQuit))) = found {
                self.dispatch(c, cmd);
            }
            return;
        }
        self.refresh_if_changed();
        // A reload may have changed the screen (a note closed elsewhere).
        let chain = self.contexts();
        let found = Key::from_event(key).and_then(|k| {
            chain
                .iter()
                .find_map(|&c| self.keymap.command(c, k).map(|cmd| (c, cmd)))
        });
        match found {
            Some((context, cmd)) => {
                self.dispatch(context, cmd);
            }
            None if chain.iter().any(|c| c.takes_text()) => self.type_key(key),
            None => {}
        }
        self.track_form_draft();
    }

    /// Carries out one command in the context it was found in. `Ignored`
    /// means no component acts on it there (a test holds this to the keymap).
    pub fn dispatch(&mut self, context: Context, cmd: Command) -> Outcome {
        let outcome = match context {
            Context::Always | Context::Global => self.global_command(cmd),
            Context::Help
            | Context::Confirm
            | Context::Form
            | Context::Editor
            | Context::Letter
            | Context::Palette => self.modal_command(cmd),
            _ => self.pane_command(cmd),
        };
        if let Outcome::Act(action) = &outcome {
            self.apply(action.clone());
        }
        outcome
    }

    fn pane_command(&mut self, cmd: Command) -> Outcome {
        let (theme, today, pane) = (self.theme, self.session.today, self.pane);
        let ctx = Ctx {
            theme: &theme,
            today,
        };
        self.component_mut(pane)
            .map_or(Outcome::Ignored, |c| c.handle(cmd, &ctx))
    }

    fn global_command(&mut self, cmd: Command) -> Outcome {
        let action = match cmd {
            Command::ForceQuit => {
                self.save_draft_now();
                Action::Quit
            }
            Command::Quit => Action::Quit,
            Command::Help => Action::Help,
            Command::Palette => Action::Palette,
            Command::NextPane => Action::NextPane,
            Command::PrevPane => Action::PrevPane,
            // Tab n, core or registered; a number with no tab does nothing.
            Command::Pane(n) if usize::from(n) <= Pane::CORE.len() + self.more.len() => {
                Action::ShowPane(Pane::at(usize::from(n).saturating_sub(1)))
            }
            Command::Reload => Action::Reload,
            Command::Sync => Action::Sync,
            Command::AddFollowUp => {
                let (person_id, service_id) = self.follow_up_subject();
                Action::AddFollowUp {
                    person_id,
                    service_id,
                }
            }
            _ => return Outcome::Ignored,
        };
        Outcome::Act(action)
    }

    /// A command for the modal on top. It is taken off the stack while it
    /// acts, and put back unless it closed.
    fn modal_command(&mut self, cmd: Command) -> Outcome {
        let Some(top) = self.modals.pop() else {
            return Outcome::Ignored;
        };
        let keep = |app: &mut App, m: Modal, outcome: Outcome| {
            app.modals.push(m);
            outcome
        };
        match top {
            Modal::Help => match cmd {
                Command::Close => Outcome::Done,
                _ => keep(self, Modal::Help, Outcome::Ignored),
            },
            Modal::Welcome { path } => match cmd {
                Command::Close => Outcome::Done,
                _ => keep(self, Modal::Welcome { path }, Outcome::Ignored),
            },
            Modal::Conflicts { lines } => match cmd {
                Command::Close => Outcome::Done,
                _ => keep(self, Modal::Conflicts { lines }, Outcome::Ignored),
            },
            Modal::Letter {
                person_id,
                text,
                scroll,
            } => self.letter_command(cmd, person_id, text, scroll),
            Modal::Palette(mut palette) => {
                let outcome = palette.command(cmd);
                let ignored = outcome == super::palette::PaletteOutcome::Ignored;
                self.palette_outcome(palette, outcome);
                if ignored {
                    Outcome::Ignored
                } else {
                    Outcome::Done
                }
            }
            Modal::Confirm { question, yes } => match cmd {
                Command::Yes => Outcome::Act(yes),
                Command::No => Outcome::Done,
                _ => keep(self, Modal::Confirm { question, yes }, Outcome::Ignored),
            },
            Modal::Editor(mut editor) => {
                let outcome = editor.command(cmd, self.store.clock().now());
                if outcome == EditorOutcome::Ignored {
                    return keep(self, Modal::Editor(editor), Outcome::Ignored);
                }
                self.editor_outcome(editor, outcome);
                Outcome::Done
            }
            Modal::Form { mut form, purpose } => {
                // For checking a typed day as the cursor leaves its field.
                form.today = Some(self.session.today);
                let outcome = form.command(cmd);
                if matches!(purpose, Purpose::Measure { .. }) {
                    super::panes::what_matters::measure_hint(&mut form);
                }
                match outcome {
                    FormOutcome::Ignored => {
                        keep(self, Modal::form(form, purpose), Outcome::Ignored)
                    }
                    FormOutcome::Continue => keep(self, Modal::form(form, purpose), Outcome::Done),
                    FormOutcome::Cancel => Outcome::Done,
                    FormOutcome::Submit => {
                        if let Some(form) = self.submit(form, purpose.clone()) {
                            self.modals.push(Modal::form(form, purpose));
                        }
                        Outcome::Done
                    }
                }
            }
        }
    }

    /// Saves a form through the store. `Some(form)` keeps it open, with the
    /// reasons beside its fields.
    fn submit(&mut self, mut form: Form, purpose: Purpose) -> Option<Form> {
        match self.submit_in_panes(&mut form, &purpose) {
            Some(Submitted::Saved(effects)) => {
                self.after_effects(*effects);
                return None;
            }
            Some(Submitted::KeepOpen) => return Some(form),
            None => {}
        }
        match purpose {
            // The caseload pane saves these (`Component::submit`), above.
            Purpose::Person { .. } | Purpose::Status { .. } | Purpose::Handover { .. } => {
                Some(form)
            }
            // The follow-ups pane saves these (`Component::submit`), above.
            Purpose::FollowUp { .. } | Purpose::Snooze { .. } | Purpose::FollowUpDone { .. } => {
                Some(form)
            }
            // The directory pane saves these (`Component::submit`), above.
            Purpose::Service(_) | Purpose::Connect { .. } => Some(form),
            // Pane 2 saves these (`Component::submit`), above.
            Purpose::Goal { .. }
            | Purpose::GoalStatus { .. }
            | Purpose::Measure { .. }
            | Purpose::ConnectionStatus { .. } => Some(form),
            Purpose::LetterFrom { person_id } => self.save_letter_from(form, person_id),
            Purpose::LetterAction { person_id } => self.save_letter_action(form, person_id),
            // The caseload pane hands these to panes/data_protection.rs, above.
            Purpose::Export { .. } | Purpose::Erase { .. } => Some(form),
        }
    }

    /// A key no command claimed, in a context that takes text.
    fn type_key(&mut self, key: KeyEvent) {
        match self.modals.last_mut() {
            Some(Modal::Form { form, purpose }) => {
                form.type_key(key);
                if matches!(purpose, Purpose::Measure { .. }) {
                    super::panes::what_matters::measure_hint(form);
                }
            }
            Some(Modal::Editor(editor)) => {
                if editor.type_key(key) == EditorOutcome::Changed {
                    self.mark_draft_dirty();
                }
            }
            Some(Modal::Palette(_)) => {
                if let Some(Modal::Palette(mut palette)) = self.modals.pop() {
                    let outcome = palette.type_key(key);
                    self.palette_outcome(palette, outcome);
                }
            }
            Some(_) => {}
            None => {
                if let Some(c) = self.component_mut(self.pane) {
                    c.type_key(key);
                }
            }
        }
    }

    /// A bracketed paste goes into the text field being typed in, as one
    /// edit. Anywhere else it is ignored: pasted text never runs commands.
    fn paste(&mut self, text: &str) {
        if self.too_small() {
            return;
        }
        self.read_whole_caseload();
        let typing = self.typing();
        match self.modals.last_mut() {
            Some(Modal::Form { form, purpose }) => {
                form.paste(text);
                if matches!(purpose, Purpose::Measure { .. }) {
                    super::panes::what_matters::measure_hint(form);
                }
                self.track_form_draft();
            }
            Some(Modal::Editor(editor)) => {
                if editor.paste(text) == EditorOutcome::Changed {
                    self.mark_draft_dirty();
                }
            }
            Some(Modal::Palette(_)) => {
                if let Some(Modal::Palette(mut palette)) = self.modals.pop() {
                    let outcome = palette.paste(text);
                    self.palette_outcome(palette, outcome);
                }
            }
            Some(_) => self.say(strings::app::PASTE_WHILE_ASKING),
            None if typing => {
                if let Some(c) = self.component_mut(self.pane) {
                    c.type_text(text);
                }
            }
            None => self.say(strings::app::PASTE_NOWHERE),
        }
    }

    pub fn apply(&mut self, action: Action) {
        if let Action::OpenService(id) = action {
            self.recent.note(super::palette::Target::Service(id));
        }
        if self.apply_in_panes(&action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.modals.push(Modal::Help),
            Action::Palette => self.open_palette(),
            Action::OpenPerson(id) => self.open_person(id),
            Action::Run(context, cmd) => self.run_command(context, cmd),
            Action::PreviewLetter(id) => self.preview_letter(id),
            Action::Sync => self.request_sync(),
            Action::Reload => {
                let r = self.reload();
                if r.is_ok() {
                    self.say(strings::app::RELOADED);
                }
                self.report(r);
            }
            Action::NextPane => {
                let n = self.tab_count();
                self.show_pane(Pane::at((self.pane.index() + 1) % n))
            }
            Action::PrevPane => {
                let n = self.tab_count();
                self.show_pane(Pane::at((self.pane.index() + n - 1) % n))
            }
            Action::ShowPane(p) => self.show_pane(p),
            Action::LoadPane => {
                let r = self.load_pane(self.pane, &Changed::everything());
                self.report(r);
            }
            Action::OpenDetail(id) => {
                let r = self.open_detail(id);
                self.report(r);
            }
            Action::Notes(a) => self.apply_note_action(a),
            // The caseload pane's own (`Component::apply`), taken above.
            Action::AddPerson
            | Action::EditPerson(_)
            | Action::PersonSaved(_)
            | Action::Handover(_)
            | Action::ChangeStatus(_) => {}
            a @ (Action::GoToPerson(_) | Action::Notice(_)) => self.apply_follow_up(a),
            // The follow-ups pane's own (`Component::apply`), taken above.
            Action::AddFollowUp { .. }
            | Action::EditFollowUp(_)
            | Action::OpenSnooze(_)
            | Action::CompleteFollowUp(_)
            | Action::ReopenFollowUp(_)
            | Action::SnoozeFollowUp { .. }
            | Action::SelectFollowUp(_)
            | Action::OfferCheckIn { .. } => {}
            // The directory pane's own (`Component::apply`), taken above;
            // connections are panes/connections.rs, through panes 2 and 3.
            Action::ConnectService(_)
            | Action::UpdateConnection(_)
            | Action::OpenService(_)
            | Action::RevealService(_)
            | Action::ServiceSaved(_)
            | Action::EditService(_)
            | Action::AskVerifyService(_)
            | Action::VerifyService(_)
            | Action::AskServiceActive(..)
            | Action::SetServiceActive(..) => {}
            // The caseload pane hands these to panes/data_protection.rs, above.
            Action::ExportRecord(_) | Action::Erase(_) => {}
        }
    }

    /// Pane 2 always follows the person selected in the caseload; panes 3
    /// and 4 load now if the first key came before their deferred load.
    fn show_pane(&mut self, pane: Pane) {
        if pane != Pane::Caseload && pane != Pane::WhatMatters && self.deferred_pending() {
            let r = self.load_deferred();
            self.report(r);
        }
        if pane == Pane::WhatMatters
            && let Some(id) = self.caseload.selected_id()
        {
            let r = self.load_person(id);
            let loaded = r.is_ok();
            self.report(r);
            if loaded {
                self.audit_open(id);
            }
        }
        self.pane = pane;
        if self.is_stale(pane) {
            let r = self.load_pane(pane, &Changed::everything());
            self.report(r);
        }
    }

    fn say(&mut self, message: impl Into<String>) {
        self.message = Some((message.into(), false));
    }

    fn warn(&mut self, message: impl Into<String>) {
        self.message = Some((message.into(), true));
    }

    fn report<T>(&mut self, r: Result<T, StoreError>) {
        if let Err(e) = r {
            self.message = Some((e.to_string(), true));
        }
    }
}
