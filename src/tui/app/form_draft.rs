//! A half-filled form kept as a draft (issue 20, item 9), as a note is:
//! autosaved a few seconds after a change, saved on Ctrl-c and on every
//! other way out (a hang-up, a lost terminal), and opened again with what
//! was typed at the next start. Short forms (a status, a snooze, a path, an
//! erasure's confirmation, a goal's new wording) are not kept: they are
//! quicker to type again.

use super::App;
use crate::tui::action::{Action, NoteAction};
use crate::tui::form::Form;
use crate::tui::modal::{Modal, Purpose};
use crate::tui::strings;

/// Which form a draft is of, as stored, and the person it is about; `None`
/// for a form not worth keeping.
fn draft_purpose(p: &Purpose) -> Option<(String, Option<i64>)> {
    Some(match p {
        Purpose::Person { editing: None } => ("person".into(), None),
        Purpose::Person {
            editing: Some((id, _)),
        } => (format!("person:{id}"), Some(*id)),
        Purpose::Goal {
            person_id,
            goal_id: None,
        } => (format!("goal:{person_id}"), Some(*person_id)),
        Purpose::FollowUp {
            person_id,
            service_id,
            editing: None,
        } => (
            format!("follow_up:{}:{}", id_text(*person_id), id_text(*service_id)),
            *person_id,
        ),
        Purpose::FollowUp {
            person_id,
            editing: Some((id, _)),
            ..
        } => (format!("follow_up_edit:{id}"), *person_id),
        Purpose::Measure { person_id } => (format!("measure:{person_id}"), Some(*person_id)),
        _ => return None,
    })
}

fn id_text(id: Option<i64>) -> String {
    id.map_or_else(|| "-".into(), |id| id.to_string())
}

/// The action that opens the form a draft is of again.
fn reopen(purpose: &str) -> Option<Action> {
    let parts: Vec<&str> = purpose.split(':').collect();
    let id = |i: usize| parts.get(i).and_then(|s| s.parse::<i64>().ok());
    Some(match parts.first().copied()? {
        "person" if parts.len() == 1 => Action::AddPerson,
        "person" => Action::EditPerson(id(1)?),
        "goal" => Action::Notes(NoteAction::AddGoal(id(1)?)),
        "follow_up" => Action::AddFollowUp {
            person_id: id(1),
            service_id: id(2),
        },
        "follow_up_edit" => Action::EditFollowUp(id(1)?),
        "measure" => Action::Notes(NoteAction::AddMeasure(id(1)?)),
        _ => return None,
    })
}

impl App {
    /// The form nearest the top of the stack (help may be over it).
    fn open_form(&self) -> Option<(&Form, &Purpose)> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Form { form, purpose } => Some((form, purpose)),
            _ => None,
        })
    }

    /// After each key: a changed form is due an autosave; a kept draft
    /// whose form has closed (saved, or given up) is thrown away.
    pub(super) fn track_form_draft(&mut self) {
        match self.open_form() {
            Some((form, purpose)) if form.changed && draft_purpose(purpose).is_some() => {
                self.mark_draft_dirty();
            }
            Some(_) => {}
            None if self.form_draft_kept => {
                self.form_draft_kept = false;
                let r = self.store.form_drafts_mut().discard();
                self.report(r);
            }
            None => {}
        }
    }

    /// Keeps the open form, if it is one worth keeping and was changed.
    pub(super) fn autosave_form(&mut self) {
        let Some((form, purpose)) = self.open_form() else {
            return;
        };
        let Some((purpose, person_id)) = draft_purpose(purpose).filter(|_| form.changed) else {
            return;
        };
        let fields: Vec<(String, String)> = form
            .fields
            .iter()
            .map(|f| (f.key.name().to_string(), f.value.clone()))
            .collect();
        let r = self
            .store
            .form_drafts_mut()
            .save(&purpose, person_id, &fields);
        self.form_draft_kept |= r.is_ok();
        self.report(r);
    }

    /// At start: the form this worker left half filled, open again with
    /// what they typed. One that cannot be opened again (its person has
    /// gone, say) is thrown away.
    pub(super) fn restore_form_draft(&mut self) {
        let Ok(Some(draft)) = self.store.form_drafts().latest() else {
            return;
        };
        let depth = self.modals.len();
        if let Some(action) = reopen(&draft.purpose) {
            self.apply(action);
        }
        let opened = self.modals.len() == depth + 1;
        match self.modals.last_mut() {
            Some(Modal::Form { form, purpose })
                if opened && draft_purpose(purpose).is_some_and(|(p, _)| p == draft.purpose) =>
            {
                for (name, value) in draft.values().unwrap_or_default().iter() {
                    if let Some(f) = form.fields.iter_mut().find(|f| f.key.name() == name) {
                        f.set_value(value);
                    }
                }
                form.changed = true;
                let at = draft.updated_at.get(11..16).unwrap_or("");
                form.message = Some(strings::app::draft_kept(at));
                self.form_draft_kept = true;
            }
            _ => {
                let r = self.store.form_drafts_mut().discard();
                self.report(r);
            }
        }
    }
}
