//! What a key can ask for, and where: the leaf every pane and the app share.
//! It imports nothing from `tui`, so no module cycle can run through it.

use chrono::NaiveDate;

use crate::domain::service::Service;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Caseload,
    Person,
    Directory,
    Reminders,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Caseload,
        Pane::Person,
        Pane::Directory,
        Pane::Reminders,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Caseload => "Caseload",
            Pane::Person => "What matters",
            Pane::Directory => "Directory",
            Pane::Reminders => "Reminders",
        }
    }

    pub fn index(self) -> usize {
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

/// Notes, goals and measures on pane 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteAction {
    NewNote(i64),
    AmendNote(i64),
    DiscardDraft(i64),
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
