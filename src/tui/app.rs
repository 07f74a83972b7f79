//! App state and routing: key -> keymap -> `Command` -> component -> `Action`
//! -> update (may call the store) -> render from state. Panes never call each
//! other, and never see key codes: only commands, and typed text.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

mod caseload;
mod connecting;
mod data_protection;
mod follow_ups;
mod form_draft;
mod letter;
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
use super::panes::connections;
use super::panes::directory::DirectoryPane;
use super::panes::follow_ups::FollowUpsPane;
use super::panes::what_matters::WhatMattersPane;
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
        app.restore_form_draft();
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Re-reads everything shown from the database (Ctrl-r, a new day).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.seen_changes = self.store.changes()?;
        self.reload_parts(&Changed::everything())
    }

    /// After a write (ours or another process's): reloads only the parts of
    /// the screen read from what changed.
    pub(super) fn reload_changed(&mut self) -> Result<(), StoreError> {
        let now = self.store.changes()?;
        let changed = now.since(&self.seen_changes);
        self.seen_changes = now;
        if changed.is_empty() {
            return Ok(());
        }
        self.reload_parts(&changed)
    }

    /// The status line's counts, then every loaded pane whose topics moved:
    /// now if it is on screen or keeps current, else when next shown.
    fn reload_parts(&mut self, changed: &Changed) -> Result<(), StoreError> {
        let agenda_loaded = self.is_loaded(Pane::FollowUps);
        if changed.any(&[Topic::Workers]) {
            let owner = self.agenda_owner()?;
            if owner != self.session.agenda_owner {
                self.session.agenda_owner = owner;
                self.mark_stale(Pane::FollowUps);
            }
        }
        if changed.any(&[Topic::Services]) || (!agenda_loaded && changed.any(COUNT_TOPICS)) {
            self.counts = self
                .store
                .counts(self.session.today, self.rules.stale_months)?;
        } else if changed.any(COUNT_TOPICS) {
            // People or follow-ups (a team's usual changes): no recount of
            // 10k services; the follow-up counts are the agenda's, below.
            self.store.people_counts(&mut self.counts)?;
        }
        for i in 0..self.tab_count() {
            let pane = Pane::at(i);
            let Some(c) = self.component(pane) else {
                continue;
            };
            let (moved, current) = (changed.any(c.topics()), c.keep_current());
            // Stale already: it missed earlier changes too, so all of it.
            let missed = self.is_stale(pane);
            if moved && self.is_loaded(pane) {
                self.mark_stale(pane);
            }
            if self.is_stale(pane) && (pane == self.pane || current) {
                let what = if missed {
                    Changed::everything()
                } else {
                    changed.clone()
                };
                self.load_pane(pane, &what)?;
            }
        }
        self.sync_follow_up_counts();
        Ok(())
    }

    /// Who the agenda is for: me, a link worker in a team; else everyone.
    fn agenda_owner(&self) -> Result<Option<String>, StoreError> {
        let me = self.store.me()?;
        Ok(crate::domain::worker::default_filter(me.as_ref())
            .login()
            .map(str::to_string))
    }

    fn is_loaded(&self, pane: Pane) -> bool {
        self.loaded.get(pane.index()).copied().unwrap_or(false)
    }

    fn is_stale(&self, pane: Pane) -> bool {
        self.stale.get(pane.index()).copied().unwrap_or(false)
    }

    fn mark_stale(&mut self, pane: Pane) {
        if let Some(stale) = self.stale.get_mut(pane.index()) {
            *stale = true;
        }
    }

    /// Offers an action to each pane in tab order; true if one carried it out.
    fn apply_in_panes(&mut self, action: &Action) -> bool {
        let session = self.session.clone();
        for i in 0..self.tab_count() {
            let Some((pane, store)) = self.component_and_store(Pane::at(i)) else {
                continue;
            };
            if let Some(effects) = pane.apply(action, store, &session) {
                self.after_effects(effects);
                return true;
            }
        }
        false
    }

    /// Offers a submitted form to each pane in tab order.
    fn submit_in_panes(&mut self, form: &mut Form, purpose: &Purpose) -> Option<Submitted> {
        let session = self.session.clone();
        (0..self.tab_count()).find_map(|i| {
            let (pane, store) = self.component_and_store(Pane::at(i))?;
            pane.submit(form, purpose, store, &session)
        })
    }

    /// What a pane asked for after its work: the reload first, so what it
    /// selects or counts next is read from the saved state.
    fn after_effects(&mut self, effects: Effects) {
        let r = match effects.follow_up {
            Some(id) => self.refresh_follow_up(id),
            None => self.reload_changed(),
        };
        self.report(r);
        if let Some(modal) = effects.modal {
            self.modals.push(modal);
        }
        if let Some(action) = effects.then {
            self.apply(action);
        }
        if let Some((message, error)) = effects.message
            && (error || self.message.is_none())
        {
            self.message = Some((message, error));
        }
    }

    /// Loads one pane through `Component::load`, with the session.
    fn load_pane(&mut self, pane: Pane, changed: &Changed) -> Result<(), StoreError> {
        let i = pane.index();
        if let Some(flag) = self.loaded.get_mut(i) {
            *flag = true;
        }
        if let Some(flag) = self.stale.get_mut(i) {
            *flag = false;
        }
        let session = self.session.clone();
        let Some((c, store)) = self.component_and_store(pane) else {
            return Ok(());
        };
        c.load(store, &session, changed)
    }

    /// The pane and the store, borrowed apart.
    fn component_and_store(&mut self, pane: Pane) -> Option<(&mut dyn Component, &mut Store)> {
        let store = &mut self.store;
        let c: &mut dyn Component = match pane {
            Pane::Caseload => &mut self.caseload,
            Pane::WhatMatters => &mut self.person,
            Pane::Directory => &mut self.directory,
            Pane::FollowUps => &mut self.follow_ups,
            Pane::More(i) => self.more.get_mut(i)?.as_mut(),
        };
        Some((c, store))
    }

    /// Shows this person in pane 2 (the session's person), loaded now.
    pub(super) fn load_person(&mut self, id: i64) -> Result<(), StoreError> {
        self.session.person = Some(id);
        self.load_pane(Pane::WhatMatters, &Changed::everything())
    }

    /// Loads what the first frame left out: the agenda (its timer decides
    /// when the app next wakes) and the directory (its search index builds
    /// on its own thread); registered panes load when first shown.
    fn load_deferred(&mut self) -> Result<(), StoreError> {
        if !self.is_loaded(Pane::FollowUps) && self.integrity.is_none() && self.damaged.is_none() {
            self.start_integrity_check();
        }
        for pane in [Pane::Caseload, Pane::FollowUps, Pane::Directory] {
            if !self.is_loaded(pane) {
                self.load_pane(pane, &Changed::everything())?;
            }
        }
        for i in Pane::CORE.len()..self.tab_count() {
            let pane = Pane::at(i);
            if self.is_loaded(pane) {
                continue;
            }
            if pane == self.pane {
                self.load_pane(pane, &Changed::everything())?;
            } else {
                // Loaded when first shown: the report reads every table.
                self.loaded[i] = true;
                self.stale[i] = true;
            }
        }
        self.sync_follow_up_counts();
        Ok(())
    }

    /// The first frame showed only the caseload's first page; a key acts on
    /// everyone, so they are read before it if the event loop has not yet.
    fn read_whole_caseload(&mut self) {
        if !self.is_loaded(Pane::Caseload) {
            let r = self.load_pane(Pane::Caseload, &Changed::everything());
            self.report(r);
        }
    }

    /// Pane 2 loads when a person is opened, not after the first frame.
    fn deferred_pending(&self) -> bool {
        let waiting = |(i, loaded): (usize, &bool)| !loaded && Pane::at(i) != Pane::WhatMatters;
        self.loaded.iter().enumerate().any(waiting)
    }

    /// Starts `PRAGMA quick_check` on a read-only connection of its own, so a
    /// 10k caseload's check (about 120 ms) never holds up a key.
    fn start_integrity_check(&mut self) {
        // Opened on the thread too: with a key, opening alone costs SQLCipher's
        // deliberately slow key derivation.
        let reopen = self.store.read_only_opener();
        self.integrity = std::thread::Builder::new()
            .name("quick-check".into())
            .spawn(move || reopen()?.quick_check())
            .ok();
    }

    /// Takes the check's answer once it is in; true if it found damage. From
    /// then on the store refuses every write and the banner says why.
    pub fn poll_integrity(&mut self) -> bool {
        if !self.integrity.as_ref().is_some_and(|h| h.is_finished()) {
            return false;
        }
        let Some(handle) = self.integrity.take() else {
            return false;
        };
        let problems = match handle.join() {
            Ok(Ok(problems)) => problems,
            // A page so broken the check itself stops: damaged all the same
            // (the check reads a consistent snapshot, so this is no race).
            Ok(Err(StoreError::Damaged(_, detail) | StoreError::Corrupt(detail))) => vec![detail],
            // Busy, or the check could not run: say nothing rather than alarm.
            Ok(Err(_)) | Err(_) => return false,
        };
        if problems.is_empty() {
            return false;
        }
        self.store.mark_damaged(&problems.join("; "));
        self.damaged = Some(
            "This database is damaged: nothing more is saved. Close the app, keep the file \
             aside and restore your latest backup."
                .into(),
        );
        true
    }

    /// True while the integrity check runs: the event loop looks again soon.
    pub fn checking_integrity(&self) -> bool {
        self.integrity.is_some()
    }

    /// Called when the timer fires: a draft autosave may be due, the day may
    /// have changed, or a follow-up may have fallen due. Returns true if the
    /// screen needs redrawing.
    pub fn tick(&mut self) -> bool {
        if self.autosave_due_in() == Some(std::time::Duration::ZERO) {
            self.autosave();
        }
        if self.poll_integrity() {
            return true;
        }
        if self.deferred_pending() {
            let r = self.load_deferred();
            self.report(r);
            return true;
        }
        let now = self.store.clock().now();
        if now.date() != self.session.today {
            self.session.today = now.date();
            let r = self.reload();
            self.report(r);
            return true;
        }
        let changed = self.follow_ups.rebucket(now);
        if changed {
            self.sync_follow_up_counts();
        }
        changed
    }

    /// Another window saved something: reload before this key acts on old data.
    fn refresh_if_changed(&mut self) {
        match self.store.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                let r = self.reload_changed();
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
            | Context::Letter => self.modal_command(cmd),
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
            Command::NextPane => Action::NextPane,
            Command::PrevPane => Action::PrevPane,
            // Tab n, core or registered; a number with no tab does nothing.
            Command::Pane(n) if usize::from(n) <= Pane::CORE.len() + self.more.len() => {
                Action::ShowPane(Pane::at(usize::from(n).saturating_sub(1)))
            }
            Command::Reload => Action::Reload,
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
            Modal::Letter {
                person_id,
                text,
                scroll,
            } => self.letter_command(cmd, person_id, text, scroll),
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
            Purpose::Connect {
                person_id,
                service_id,
            } => self.save_connection(form, Ok((person_id, service_id))),
            Purpose::ConnectionStatus { id } => self.save_connection(form, Err(id)),
            // The directory pane saves it (`Component::submit`), above.
            Purpose::Service(_) => Some(form),
            // Pane 2 saves these (`Component::submit`), above.
            Purpose::Goal { .. } | Purpose::GoalStatus { .. } | Purpose::Measure { .. } => {
                Some(form)
            }
            Purpose::LetterFrom { person_id } => self.save_letter_from(form, person_id),
            Purpose::LetterAction { person_id } => self.save_letter_action(form, person_id),
            Purpose::Export { person_id } => self.save_export(form, person_id),
            Purpose::Erase { ids, confirm } => self.save_erase(form, ids, &confirm),
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
            Some(_) => self.say("Paste ignored: answer the question first"),
            None if typing => {
                if let Some(c) = self.component_mut(self.pane) {
                    c.type_text(text);
                }
            }
            None => self.say("Paste ignored: paste into a note, a form or a search (/)"),
        }
    }

    pub fn apply(&mut self, action: Action) {
        if self.apply_in_panes(&action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.modals.push(Modal::Help),
            Action::PreviewLetter(id) => self.preview_letter(id),
            Action::Reload => {
                let r = self.reload();
                if r.is_ok() {
                    self.say("Reloaded from the database");
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
            Action::ConnectService(_) | Action::UpdateConnection(_) => {
                self.apply_connection(action)
            }
            // The directory pane's own (`Component::apply`), taken above.
            Action::OpenService(_)
            | Action::ServiceSaved(_)
            | Action::EditService(_)
            | Action::VerifyService(_)
            | Action::AskServiceActive(..)
            | Action::SetServiceActive(..) => {}
            Action::ExportRecord(_) | Action::Erase(_) => self.apply_data_protection(action),
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

    fn report<T>(&mut self, r: Result<T, StoreError>) {
        if let Err(e) = r {
            self.message = Some((e.to_string(), true));
        }
    }

    pub fn render(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let quit = self.keymap.label(Context::Global, Command::Quit);
            let msg = format!("Terminal too small: need {MIN_WIDTH}x{MIN_HEIGHT}. {quit} quits.");
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
        // A copy of the theme: the pane is borrowed mutably while it draws.
        let theme = self.theme;
        let ctx = Ctx {
            theme: &theme,
            today: self.session.today,
        };
        if let Some(c) = self.component_mut(self.pane) {
            c.render(frame, body, &ctx);
        }
        self.render_status(frame, status);
        self.render_footer(frame, footer);
        match self.modals.last() {
            Some(Modal::Help) => self.render_help(frame, body),
            Some(Modal::Welcome { path }) => self.render_welcome(frame, body, path),
            Some(Modal::Letter { text, scroll, .. }) => {
                self.render_letter(frame, body, text, *scroll)
            }
            Some(Modal::Confirm { question, .. }) => {
                let yes = self.keymap.label(Context::Confirm, Command::Yes);
                let no = self.keymap.label(Context::Confirm, Command::No);
                Form::new(format!("{question} {yes} = yes, {no} = no"), vec![]).render(
                    frame,
                    body,
                    &self.theme,
                );
            }
            Some(Modal::Editor(e)) => e.render(frame, body, &self.theme),
            Some(Modal::Form { form, .. }) => form.render(frame, body, &self.theme),
            None => {}
        }
    }

    /// The first start on a new file says what to do first, over the
    /// empty caseload, instead of leaving a bare table.
    pub fn welcome(&mut self) {
        let path = self.store.path().display().to_string();
        self.modals.push(Modal::Welcome { path });
    }

    fn render_welcome(&self, frame: &mut Frame, area: Rect, path: &str) {
        let t = &self.theme;
        let first = |context, command| {
            let keys = self.keymap.label(context, command);
            keys.split('/').next().unwrap_or_default().to_string()
        };
        let (close, add) = (
            first(Context::Help, Command::Close),
            first(Context::Caseload, Command::Add),
        );
        let text = [
            format!(
                "This is a new, empty caseload: {}",
                super::panes::safe(path)
            ),
            String::new(),
            format!("· To start: {close} closes this, then {add} adds the first person."),
            "· To try caseload first on fictional people and services: quit, then".into(),
            "  caseload --demo (nothing of it is kept).".into(),
            "· To fill the directory of services: caseload directory import FILE".into(),
            "  (CSV or Open Referral JSON) or caseload directory pull URL.".into(),
            String::new(),
            format!("? shows every key of the pane you are in. {close} closes this."),
        ];
        let height = (text.len() as u16 + 2).min(area.height);
        let popup = centered(area, area.width.min(76), height);
        frame.render_widget(ratatui::widgets::Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(" Welcome to caseload ", t.title()));
        let lines: Vec<Line> = text.into_iter().map(Line::from).collect();
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(ratatui::widgets::Wrap { trim: false }),
            popup,
        );
    }

    fn render_tabs(&self, frame: &mut Frame, area: Rect) {
        let titles: Vec<&str> = (0..self.tab_count())
            .map(|i| self.component(Pane::at(i)).map_or("", |c| c.title()))
            .collect();
        let full: usize = titles
            .iter()
            .enumerate()
            .map(|(i, t)| tab_text(i, t).len())
            .sum();
        // Too narrow for every name: the others by number, so none is off screen.
        let compact = full > usize::from(area.width);
        let mut spans = Vec::new();
        for (i, title) in titles.iter().enumerate() {
            let p = Pane::at(i);
            let text = if compact && p != self.pane {
                format!(" {} ", i + 1)
            } else {
                tab_text(i, title)
            };
            let style = if p == self.pane {
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
        if c.follow_ups_overdue > 0 {
            right.push(Span::raw(" · "));
            right.push(Span::styled(
                format!("{} overdue", c.follow_ups_overdue),
                t.danger(),
            ));
        }
        if c.follow_ups_today > 0 {
            right.push(Span::raw(format!(" · {} today", c.follow_ups_today)));
        }
        right.push(Span::raw(format!(" · {} services", c.services)));
        if c.services_stale > 0 {
            right.push(Span::styled(
                format!(" ({} stale)", c.services_stale),
                t.warn(),
            ));
        }
        // A narrow terminal loses the directory's counts before the caseload's.
        let shown = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
        while right.len() > 1 && shown(&right) >= usize::from(area.width) {
            right.pop();
        }
        let right = Line::from(right);
        // Messages name people: drawn safe like any stored text. A damaged
        // file's banner stays until the app closes, over everything else.
        let message = match (&self.message, &self.damaged) {
            (Some((m, error)), _) => Some((super::panes::safe(m), *error)),
            (None, Some(banner)) => Some((banner.clone(), true)),
            (None, None) => None,
        };
        // A message (what just happened) wins over the counts when space is short.
        let left_width = match &message {
            Some((m, _)) => (crate::domain::text::width(m) + 1).min(area.width as usize),
            None => (area.width as usize).saturating_sub(right.width() + 1),
        };
        let right_width = area.width.saturating_sub(left_width as u16);
        let left = match &message {
            Some((m, true)) => Span::styled(truncate(m, left_width), t.danger()),
            Some((m, false)) => Span::styled(truncate(m, left_width), t.ok()),
            None => {
                let name = self
                    .store
                    .path()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // The file's name whole or not at all: a stub says nothing.
                let fits = crate::domain::text::width(&name) <= left_width;
                Span::styled(if fits { name } else { String::new() }, t.dim())
            }
        };
        let [l, r] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)]).areas(area);
        frame.render_widget(Paragraph::new(left), l);
        frame.render_widget(Paragraph::new(right), r);
    }

    /// The footer: the main keys of what is on screen now, from the keymap,
    /// most specific first (the first key of each).
    /// Where the terminal is too narrow for every key, the last ones go,
    /// but quit and help always show.
    fn render_footer(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        let mut entries = Vec::new();
        for context in self.contexts() {
            for (binding, keys) in self.keymap.rows() {
                let Some(first) = keys.first() else { continue };
                if binding.context != *context || binding.footer.is_empty() {
                    continue;
                }
                let always = matches!(binding.command, Command::Help | Command::Quit);
                entries.push((first.to_string(), format!(" {}  ", binding.footer), always));
            }
        }
        let width = crate::domain::text::width;
        let cells = |e: &(String, String, bool)| width(&e.0) + width(&e.1);
        let kept: usize = entries.iter().filter(|e| e.2).map(cells).sum();
        let mut room = usize::from(area.width).saturating_sub(kept);
        let mut spans = Vec::new();
        for e in &entries {
            if !e.2 {
                if cells(e) > room {
                    room = 0;
                    continue;
                }
                room -= cells(e);
            }
            spans.push(Span::styled(e.0.clone(), t.key()));
            spans.push(Span::raw(e.1.clone()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    /// Help for what is on screen: every binding of every context that applies,
    /// in two columns when one does not fit.
    fn render_help(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        // Help describes the screen under it, not itself.
        let under: &[Context] = match self.modals.len() {
            0 | 1 => self
                .component(self.pane)
                .map_or(chain::NO_PERSON, |c| c.contexts()),
            n => self.modals[n - 2].contexts(),
        };
        let mut rows_out: Vec<(Option<String>, String, &'static str)> = Vec::new();
        // `Always` goes last: it is the least specific.
        let order = under.iter().skip(1).chain(under.first());
        for context in order {
            match context {
                Context::List | Context::Always => {}
                _ => rows_out.push((Some(capitalised(context.title())), String::new(), "")),
            }
            if context.takes_text() {
                rows_out.push((None, "type".into(), "text goes into the field"));
            }
            for (keys, help) in self.keymap.help_rows(*context) {
                rows_out.push((None, keys, help));
            }
        }
        let popup = centered(area, area.width, area.height);
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(" Help · Esc closes ", t.title()));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let height = inner.height as usize;
        // One column if it fits; else two, with a narrower key column. Long
        // lines wrap inside their column rather than being cut off.
        let one = help_lines(&rows_out, 16, inner.width as usize, t);
        if one.len() <= height {
            let one: Vec<Line> = one.into_iter().map(|(l, _)| l).collect();
            frame.render_widget(Paragraph::new(one), inner);
            return;
        }
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner);
        let mut lines = help_lines(&rows_out, 7, left.width as usize, t);
        // Fill the left column first; a heading never ends it.
        let mut split = height.min(lines.len());
        if split > 0 && split < lines.len() && lines[split - 1].1 {
            split -= 1;
        }
        let rest: Vec<Line> = lines.split_off(split).into_iter().map(|(l, _)| l).collect();
        let lines: Vec<Line> = lines.into_iter().map(|(l, _)| l).collect();
        frame.render_widget(Paragraph::new(lines), left);
        frame.render_widget(Paragraph::new(rest), right);
    }
}

/// "report" -> "Report": pane contexts are named in lower case.
fn capitalised(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Help rows as lines `width` wide, each marked true for a heading: the keys
/// in a column `key_width` wide (on a line of their own when longer), the
/// words wrapped beside them.
/// A tab's label: its number key and its name.
fn tab_text(i: usize, title: &str) -> String {
    format!(" {} {} ", i + 1, title)
}

fn help_lines(
    rows: &[(Option<String>, String, &'static str)],
    key_width: usize,
    width: usize,
    t: &Theme,
) -> Vec<(Line<'static>, bool)> {
    let mut out = Vec::new();
    let text_width = width.saturating_sub(key_width + 2).max(8);
    let indent = " ".repeat(key_width + 2);
    for (heading, keys, help) in rows {
        if let Some(h) = heading {
            out.push((Line::from(Span::styled(h.clone(), t.header())), true));
            continue;
        }
        let mut words = wrap(help, text_width).into_iter();
        let first = if crate::domain::text::width(keys) > key_width {
            out.push((Line::from(Span::styled(format!(" {keys}"), t.key())), false));
            None
        } else {
            words.next()
        };
        if let Some(first) = first {
            out.push((
                Line::from(vec![
                    Span::styled(format!(" {keys:<key_width$} "), t.key()),
                    Span::raw(first),
                ]),
                false,
            ));
        }
        for more in words {
            out.push((Line::from(format!("{indent}{more}")), false));
        }
    }
    out
}

/// Words into lines of at most `width` columns (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let w = crate::domain::text::width(word);
        let have = crate::domain::text::width(&line);
        if !line.is_empty() && have + 1 + w > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&crate::domain::text::truncate(word, width));
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
