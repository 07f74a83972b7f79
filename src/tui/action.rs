//! What a key can ask for, and where: the leaf every pane and the app share.
//! It imports nothing from `tui`, so no module cycle can run through it.

use chrono::NaiveDate;

/// A tab: the four core panes, then those in `panes::registry` by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Caseload,
    WhatMatters,
    Directory,
    FollowUps,
    More(usize),
}

impl Pane {
    pub const CORE: [Pane; 4] = [
        Pane::Caseload,
        Pane::WhatMatters,
        Pane::Directory,
        Pane::FollowUps,
    ];

    /// Its place in the tab bar.
    pub fn index(self) -> usize {
        match self {
            Pane::More(i) => Pane::CORE.len() + i,
            core => Pane::CORE.iter().position(|p| *p == core).unwrap_or(0),
        }
    }

    /// The tab at `index`.
    pub fn at(index: usize) -> Pane {
        Pane::CORE
            .get(index)
            .copied()
            .unwrap_or(Pane::More(index.saturating_sub(Pane::CORE.len())))
    }
}

/// Everything a key can ask the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowPane(Pane),
    /// The pane on screen changed what it shows (the report's period): load it again.
    LoadPane,
    NextPane,
    PrevPane,
    Help,
    /// Open the command palette.
    Palette,
    Reload,
    /// Sync this laptop copy with the team file (the event loop runs it).
    Sync,
    OpenDetail(i64),
    AddPerson,
    EditPerson(i64),
    /// A person was added or changed: keep them in view in pane 1.
    PersonSaved(i64),
    ChangeStatus(i64),
    /// `H`: hand the person over to another worker.
    Handover(i64),
    /// Notes, goals and measures (pane 2).
    Notes(NoteAction),
    /// `r`: a follow-up for a person, a service, or neither.
    AddFollowUp {
        person_id: Option<i64>,
        service_id: Option<i64>,
    },
    EditFollowUp(i64),
    /// `z`: ask when to move this follow-up to.
    OpenSnooze(i64),
    /// `d`: ask what happened (the outcome, optional), then mark it done.
    CompleteFollowUp(i64),
    ReopenFollowUp(i64),
    SnoozeFollowUp {
        id: i64,
        until: NaiveDate,
    },
    /// A follow-up was saved: select it once the agenda shows it.
    SelectFollowUp(i64),
    /// A connection became "referred": offer a check-in in 14 days (not forced;
    /// Esc skips; `caseload config set offer_check_in off` turns it off). The
    /// store decides (`FollowUps::check_in_offer`) whether to offer at all.
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
    /// Open this entry in full (from the palette), clearing what hides it.
    RevealService(i64),
    /// Open this person in pane 2 (from the palette).
    OpenPerson(i64),
    /// Run this command of the keymap in the pane its context belongs to
    /// (from the palette).
    Run(super::keymap::Context, super::keymap::Command),
    /// A service was saved: select it once the directory is reloaded.
    ServiceSaved(i64),
    /// The service form: add (`None`) or edit.
    EditService(Option<i64>),
    /// `v`: ask before marking a shared entry verified today; yes sends `VerifyService`.
    AskVerifyService(i64),
    VerifyService(i64),
    /// `x`: ask before (de)activating a shared entry; yes sends `SetServiceActive`.
    AskServiceActive(i64, bool),
    SetServiceActive(i64, bool),
    /// Connect the selected person to this service.
    ConnectService(i64),
    /// Change the status of this connection.
    UpdateConnection(i64),
    /// Ask where to write this person's subject access export (text).
    ExportRecord(i64),
    /// Preview the letter back to the referrer for this person.
    PreviewLetter(i64),
    /// Ask to erase these people (one: type their name; more: `ERASE n`).
    Erase(Vec<i64>),
}

/// Notes, goals and measures on pane 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteAction {
    NewNote(i64),
    AmendNote(i64),
    DiscardDraft(i64),
    /// The worker said yes to discarding the person's recovered drafts.
    DiscardDraftConfirmed(i64),
    AddGoal(i64),
    EditGoal(i64),
    GoalStatus(i64),
    AddMeasure(i64),
}

impl From<NoteAction> for Action {
    fn from(a: NoteAction) -> Action {
        Action::Notes(a)
    }
}

/// What a component did with a command: not its command (`Ignored`), done
/// with nothing more to ask, or an action for the app to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Ignored,
    Done,
    Act(Action),
}

impl From<Option<Action>> for Outcome {
    fn from(a: Option<Action>) -> Outcome {
        a.map_or(Outcome::Done, Outcome::Act)
    }
}
