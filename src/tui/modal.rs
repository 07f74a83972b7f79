//! One stack for everything drawn over a pane: help, forms, the note editor
//! and yes/no questions. The top one takes the keys; Esc or a save pops it.

use super::action::Action;
use super::editor::NoteEditor;
use super::form::Form;
use super::keymap::{Context, chain};
use super::palette::Palette;
use crate::domain::person::Status;

pub enum Modal {
    Help,
    /// The first start on a new, empty file: what to do first.
    Welcome {
        path: String,
    },
    /// A yes/no question; `yes` is carried out on y.
    Confirm {
        question: String,
        yes: Action,
    },
    Editor(Box<NoteEditor>),
    Form {
        form: Form,
        purpose: Purpose,
    },
    /// The command palette: find a person, a service or a command.
    Palette(Box<Palette>),
    /// Fields a sync found changed in two places, one line each.
    Conflicts {
        lines: Vec<String>,
    },
    /// The letter back to the referrer, as it would be written (no summary yet).
    Letter {
        person_id: i64,
        text: String,
        scroll: u16,
    },
}

/// What a form is for, with the ids it needs to save: the form's fields are
/// read back by the code for that purpose.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// `(id, version)` when editing; `None` when adding.
    Person {
        editing: Option<(i64, i64)>,
    },
    Status {
        id: i64,
        version: i64,
        from: Status,
    },
    FollowUp {
        person_id: Option<i64>,
        service_id: Option<i64>,
        /// `(id, version)` when editing.
        editing: Option<(i64, i64)>,
    },
    Snooze {
        id: i64,
    },
    /// Marking follow-up `id` done, with what happened (the outcome prompt).
    FollowUpDone {
        id: i64,
    },
    Handover {
        id: i64,
    },
    Connect {
        person_id: i64,
        service_id: i64,
    },
    ConnectionStatus {
        id: i64,
    },
    Service(ServiceMeta),
    Goal {
        person_id: i64,
        goal_id: Option<i64>,
    },
    GoalStatus {
        goal_id: i64,
    },
    Measure {
        person_id: i64,
    },
    /// The worker's name for letters, asked once before the first letter.
    LetterFrom {
        person_id: i64,
    },
    /// An action the letter asks of the referrer, typed in the preview (`a`).
    LetterAction {
        person_id: i64,
    },
    /// Where to write a subject access export.
    Export {
        person_id: i64,
    },
    /// Erasing `ids` once `confirm` (a name, or `ERASE n`) is typed.
    Erase {
        ids: Vec<i64>,
        confirm: String,
    },
}

impl Modal {
    pub fn form(form: Form, purpose: Purpose) -> Modal {
        Modal::Form { form, purpose }
    }

    /// The keymap contexts while this modal is on top.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Modal::Help | Modal::Welcome { .. } | Modal::Conflicts { .. } => chain::HELP,
            Modal::Letter { .. } => chain::LETTER,
            Modal::Palette(_) => chain::PALETTE,
            Modal::Confirm { .. } => chain::CONFIRM,
            Modal::Editor(e) if e.confirming() => chain::CONFIRM,
            Modal::Editor(_) => chain::EDITOR,
            Modal::Form { form, .. } if form.confirming() => chain::CONFIRM,
            Modal::Form { .. } => chain::FORM,
        }
    }
}

/// What a service form edits beyond its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceMeta {
    /// `Some(id)` when editing, `None` when adding.
    pub id: Option<i64>,
    pub uid: String,
    pub source: String,
}
