//! What every pane is to the app: a title, the keymap contexts it is in, the
//! commands it acts on, typed text, a frame, and the data it loads (and what
//! that data is read from). The app routes keys, pastes, drawing and reloads
//! through this trait, core panes and registered ones alike, so a new pane is
//! one file that implements it plus one line in `panes::registry`.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::{Action, Outcome};
use super::draw::Ctx;
use super::form::Form;
use super::keymap::{Binding, Command, Context};
use super::modal::{Modal, Purpose};
use super::palette::{Found, Target};
use crate::store::{Changed, Store, StoreError, Topic};

/// What panes may need from config.toml, handed to each once at start.
#[derive(Debug, Clone)]
pub struct Settings {
    /// When an entry is stale, the first-contact target, the search's synonyms.
    pub rules: crate::domain::setting::Rules,
    /// Years after closure or decline before a record is due for review.
    pub retention_years: u32,
    /// Opening a person's record is audited too, not only changes.
    pub audit_reads: bool,
    /// Who signs the letter back to the referrer, and how to reach them.
    pub worker_name: Option<String>,
    pub worker_contact: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: Default::default(),
            retention_years: crate::domain::person::DEFAULT_RETENTION_YEARS,
            audit_reads: false,
            worker_name: None,
            worker_contact: None,
        }
    }
}

impl Settings {
    pub fn from_config(config: &crate::config::Config) -> Settings {
        Settings {
            rules: config.rules.clone(),
            retention_years: config
                .retention_years
                .unwrap_or(crate::domain::person::DEFAULT_RETENTION_YEARS),
            audit_reads: config.audit_reads,
            worker_name: config.worker_name.clone().or(config.display_name.clone()),
            worker_contact: config.worker_contact.clone(),
        }
    }
}

/// What the panes share, owned by the app and handed to each load: the day,
/// the person pane 2 shows, and whose follow-ups the agenda shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub today: NaiveDate,
    /// Picked in the caseload and opened in pane 2; `None` before that.
    pub person: Option<i64>,
    /// Selected in the caseload now (what `c` in the directory connects
    /// when pane 2 shows nobody).
    pub selected: Option<i64>,
    /// A login: my follow-ups for a link worker in a team; `None`: everyone's.
    pub agenda_owner: Option<String>,
}

impl Session {
    pub fn new(today: NaiveDate) -> Session {
        Session {
            today,
            person: None,
            selected: None,
            agenda_owner: None,
        }
    }
}

/// What a pane's own write or question asks of the app next. The app first
/// reloads whatever the write changed (every pane, through `load`), then
/// opens `modal`, carries out `then`, and shows `message` (unless a reload
/// error is already showing).
#[derive(Default)]
pub struct Effects {
    /// For the status line; true when it is an error.
    pub message: Option<(String, bool)>,
    /// A form or question to open.
    pub modal: Option<Modal>,
    /// An action to carry out once reloaded (select what was saved).
    pub then: Option<Action>,
    /// One follow-up was written: the app patches it where it shows (the
    /// agenda, its person's "Next" in the caseload) instead of reloading
    /// every row, unless something else changed meanwhile.
    pub follow_up: Option<i64>,
    /// Show this person in pane 2 (a connection was made for them).
    pub person: Option<i64>,
    /// These people were erased: no pane may go on showing them.
    pub erased: Vec<i64>,
}

impl Effects {
    pub fn say(message: impl Into<String>) -> Effects {
        Effects {
            message: Some((message.into(), false)),
            ..Default::default()
        }
    }

    /// A reason nothing was done, shown as an error.
    pub fn refuse(message: impl Into<String>) -> Effects {
        Effects {
            message: Some((message.into(), true)),
            ..Default::default()
        }
    }

    pub fn failed(e: StoreError) -> Effects {
        Effects {
            message: Some((e.to_string(), true)),
            ..Default::default()
        }
    }

    pub fn open(modal: Modal) -> Effects {
        Effects {
            modal: Some(modal),
            ..Default::default()
        }
    }

    pub fn then(self, action: Option<Action>) -> Effects {
        Effects {
            then: action,
            ..self
        }
    }
}

/// What became of a form a pane was asked to save.
pub enum Submitted {
    /// Saved: the form closes.
    Saved(Box<Effects>),
    /// Not saved: the form stays open, its reasons beside the fields.
    KeepOpen,
}

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

    /// What `load` reads: it runs again when any of it changes.
    fn topics(&self) -> &'static [Topic] {
        &[]
    }

    /// Loads what it shows: first with `Changed::everything()`, then again
    /// with what changed whenever that touches one of its `topics`.
    fn load(
        &mut self,
        _store: &Store,
        _session: &Session,
        _changed: &Changed,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// Carries out an action through the store, if it is this pane's;
    /// `None` leaves it to the app.
    fn apply(&mut self, _action: &Action, _store: &mut Store, _s: &Session) -> Option<Effects> {
        None
    }

    /// Saves a form this pane opened, if `purpose` is its; `None` otherwise.
    fn submit(
        &mut self,
        _form: &mut Form,
        _purpose: &Purpose,
        _store: &mut Store,
        _session: &Session,
    ) -> Option<Submitted> {
        None
    }

    /// True if a change loads it again even while another pane is shown
    /// (others load when next shown).
    fn keep_current(&self) -> bool {
        false
    }

    /// Settings from config.toml, given once before the first load.
    fn configure(&mut self, _settings: &Settings) {}

    /// Rows this pane offers the command palette for `text`, best first; with
    /// no text, those of the `recent` targets that are its own.
    fn find(&mut self, _text: &str, _recent: &[Target]) -> Vec<Found> {
        Vec::new()
    }

    /// Who or what `r` adds a follow-up about here: (person, service).
    fn subject(&self) -> (Option<i64>, Option<i64>) {
        (None, None)
    }
}
