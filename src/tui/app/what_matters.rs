//! The app's side of pane 2: opening the note editor, goal and measure forms,
//! saving them through the store, and autosaving drafts.

use std::time::{Duration, Instant};

use super::{Action, App, Modal, NoteAction, Purpose};
use crate::domain::conversation::ConversationKind;
use crate::domain::date::{iso, parse_day};
use crate::domain::goal::{GoalStatus, validate_text};
use crate::domain::measure::{Instrument, Scores};
use crate::tui::editor::{EditorOutcome, NoteEditor};
use crate::tui::form::{Field, FieldKey, Form};

/// Autosave a draft this long after the first unsaved change.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(1);

impl App {
    fn person_name(&self) -> String {
        self.person
            .person
            .as_ref()
            .map(|p| p.display_name())
            .unwrap_or_default()
    }

    pub(super) fn apply_note_action(&mut self, action: NoteAction) {
        let now = self.store.clock().now();
        let name = self.person_name();
        let modal = match action {
            NoteAction::NewNote(pid) => {
                // A recovered draft is continued rather than started over.
                let editor = match self.person.drafts.first() {
                    Some(d) if d.amends.is_some() => {
                        let title = format!("Correct note (recovered draft) · {name}");
                        NoteEditor::from_draft(title, d, now)
                    }
                    Some(d) => {
                        NoteEditor::from_draft(format!("Note (recovered draft) · {name}"), d, now)
                    }
                    None => {
                        let kind = if self.person.selected_note().is_none() {
                            ConversationKind::WhatMatters
                        } else {
                            ConversationKind::FollowUp
                        };
                        NoteEditor::new(pid, format!("New note · {name}"), now).with_kind(kind)
                    }
                };
                Modal::Editor(Box::new(editor))
            }
            NoteAction::AmendNote(note_id) => {
                let Some(note) = self.person.selected_note().filter(|n| n.id == note_id) else {
                    return;
                };
                let title = format!(
                    "Correct note of {} · {name}",
                    note.occurred_at.get(..10).unwrap_or("")
                );
                let editor = match self
                    .person
                    .drafts
                    .iter()
                    .find(|d| d.amends == Some(note_id))
                {
                    Some(d) => NoteEditor::from_draft(title, d, now),
                    None => NoteEditor::amend(note.person_id, title, note),
                };
                Modal::Editor(Box::new(editor))
            }
            NoteAction::DiscardDraft(pid) => Modal::Confirm {
                question: "Discard the recovered draft?".into(),
                yes: Action::Notes(NoteAction::DiscardDraftConfirmed(pid)),
            },
            NoteAction::DiscardDraftConfirmed(pid) => {
                let drafts = std::mem::take(&mut self.person.drafts);
                for d in drafts {
                    let r = self.store.discard_draft(pid, d.amends);
                    self.report(r);
                }
                self.refresh_person(pid);
                self.say("Draft discarded");
                return;
            }
            NoteAction::AddGoal(person_id) => Modal::form(
                Form::new(format!("New goal · {name}"), vec![goal_field("")]),
                Purpose::Goal {
                    person_id,
                    goal_id: None,
                },
            ),
            NoteAction::EditGoal(goal_id) => {
                let Some(goal) = self.person.selected_goal().filter(|g| g.id == goal_id) else {
                    return;
                };
                Modal::form(
                    Form::new("Edit goal", vec![goal_field(&goal.text)]),
                    Purpose::Goal {
                        person_id: goal.person_id,
                        goal_id: Some(goal_id),
                    },
                )
            }
            NoteAction::GoalStatus(goal_id) => {
                let options = ["achieved", "dropped", "open"].map(String::from).to_vec();
                let form = Form::new(
                    "Goal status",
                    vec![
                        Field::choice(FieldKey::Status, "Status", options),
                        Field::text(FieldKey::On, "Date", "YYYY-MM-DD or DD/MM/YYYY")
                            .with_value(iso(self.session.today)),
                    ],
                );
                Modal::form(form, Purpose::GoalStatus { goal_id })
            }
            NoteAction::AddMeasure(person_id) => {
                let instruments = Instrument::ALL
                    .iter()
                    .map(|i| i.as_str().to_string())
                    .collect();
                let mut form = Form::new(
                    format!("Wellbeing measure · {name}"),
                    vec![
                        Field::choice(FieldKey::Instrument, "Instrument", instruments),
                        Field::text(FieldKey::Scores, "Scores", Instrument::Ons4.hint()),
                        Field::text(FieldKey::TakenOn, "Date", "YYYY-MM-DD or DD/MM/YYYY")
                            .with_value(iso(self.session.today)),
                    ],
                );
                measure_hint(&mut form);
                Modal::form(form, Purpose::Measure { person_id })
            }
        };
        self.modals.push(modal);
    }

    /// What the note editor asked for after a command; it stays open unless
    /// the note was saved or discarded.
    pub(super) fn editor_outcome(&mut self, mut editor: Box<NoteEditor>, outcome: EditorOutcome) {
        match outcome {
            EditorOutcome::Ignored | EditorOutcome::Continue => {}
            EditorOutcome::Changed => self.mark_draft_dirty(),
            EditorOutcome::External => self.external_edit = Some(editor.body_text()),
            EditorOutcome::Discard => {
                self.draft_dirty_since = None;
                let r = self.store.discard_draft(editor.person_id, editor.amends);
                self.report(r);
                self.refresh_person(editor.person_id);
                return;
            }
            EditorOutcome::Save(note) => match self.store.add_conversation(&note) {
                Ok(_) => {
                    self.draft_dirty_since = None;
                    self.refresh_person(note.person_id);
                    self.say(if note.amends.is_some() {
                        "Correction saved; the original is kept"
                    } else {
                        "Note saved"
                    });
                    return;
                }
                Err(e) => editor.error = Some(format!("Not saved: {e}")),
            },
        }
        self.modals.push(Modal::Editor(editor));
    }

    pub(super) fn save_goal(
        &mut self,
        form: Form,
        person_id: i64,
        goal_id: Option<i64>,
    ) -> Option<Form> {
        let saved = validate_text(form.value(FieldKey::Text))
            .map_err(|e| (FieldKey::Text, e))
            .and_then(|text| {
                match goal_id {
                    Some(id) => self.store.update_goal_text(id, &text),
                    None => self
                        .store
                        .add_goal(person_id, &text, self.session.today)
                        .map(|_| ()),
                }
                .map_err(|e| (FieldKey::Text, e.to_string()))
            });
        self.finish_form(form, saved, person_id, "Goal saved")
    }

    pub(super) fn save_goal_status(&mut self, form: Form, goal_id: i64) -> Option<Form> {
        let status = GoalStatus::parse(form.value(FieldKey::Status)).unwrap_or(GoalStatus::Open);
        let saved = self
            .past_date(form.value(FieldKey::On))
            .map_err(|e| (FieldKey::On, e))
            .and_then(|on| {
                self.store
                    .set_goal_status(goal_id, status, on)
                    .map_err(|e| (FieldKey::On, e.to_string()))
            });
        let pid = self.person.person.as_ref().map_or(0, |p| p.id);
        self.finish_form(form, saved, pid, "Goal updated")
    }

    pub(super) fn save_measure(&mut self, form: Form, person_id: i64) -> Option<Form> {
        let instrument =
            Instrument::parse(form.value(FieldKey::Instrument)).unwrap_or(Instrument::Ons4);
        let saved = Scores::parse(instrument, form.value(FieldKey::Scores))
            .map_err(|e| (FieldKey::Scores, e))
            .and_then(|scores| {
                let on = self
                    .past_date(form.value(FieldKey::TakenOn))
                    .map_err(|e| (FieldKey::TakenOn, e))?;
                self.store
                    .add_measure(person_id, &scores, on)
                    .map(|_| ())
                    .map_err(|e| (FieldKey::Scores, e.to_string()))
            });
        self.finish_form(form, saved, person_id, "Measure saved")
    }

    /// A date typed in a form that may not lie in the future.
    fn past_date(&self, text: &str) -> Result<chrono::NaiveDate, String> {
        let d = parse_day(text, self.session.today)?;
        if d > self.session.today {
            return Err("the date cannot be in the future".into());
        }
        Ok(d)
    }

    /// Closes the form on success; on failure keeps it open with the error inline.
    fn finish_form(
        &mut self,
        mut form: Form,
        saved: Result<(), (FieldKey, String)>,
        person_id: i64,
        message: &str,
    ) -> Option<Form> {
        match saved {
            Ok(()) => {
                self.refresh_person(person_id);
                self.say(message);
                None
            }
            Err((field, message)) => {
                form.set_error(field, message);
                Some(form)
            }
        }
    }

    /// After a write about `id`: pane 2 shows them, and whatever else the
    /// write touched (the caseload's columns, the agenda) is reloaded.
    fn refresh_person(&mut self, id: i64) {
        if self.person.person.as_ref().map(|p| p.id) != Some(id) {
            let r = self.load_person(id);
            self.report(r);
        }
        let r = self.reload_changed();
        self.report(r);
    }

    pub(super) fn mark_draft_dirty(&mut self) {
        self.draft_dirty_since.get_or_insert_with(Instant::now);
    }

    /// Saves the open note as a draft if it changed since the last autosave.
    pub fn autosave(&mut self) {
        if self.open_editor().is_none() {
            if self.draft_dirty_since.take().is_some() {
                self.autosave_form();
            }
            return;
        }
        if self.draft_dirty_since.take().is_none() {
            return;
        }
        let Some(editor) = self.open_editor() else {
            return;
        };
        // An empty or untouched note leaves no draft behind to be "recovered".
        let r = if editor.has_content() {
            self.store.save_draft(&editor.to_draft())
        } else {
            self.store.discard_draft(editor.person_id, editor.amends)
        };
        self.report(r);
    }

    /// Quitting mid-note keeps the note as a draft, offered back next time.
    pub fn save_draft_now(&mut self) {
        self.mark_draft_dirty();
        self.autosave();
    }

    /// How long the event loop may sleep before an autosave is due.
    pub fn autosave_due_in(&self) -> Option<Duration> {
        self.draft_dirty_since
            .map(|since| AUTOSAVE_AFTER.saturating_sub(since.elapsed()))
    }

    /// The editor asked for `$EDITOR`: the event loop takes the text, runs the
    /// editor with the terminal restored, and hands back the result.
    pub fn take_external_edit(&mut self) -> Option<String> {
        self.external_edit.take()
    }

    pub fn finish_external_edit(&mut self, result: Result<String, String>) {
        if let Some(id) = self.letter_summary_for.take() {
            return self.finish_letter(id, result);
        }
        let Some(Modal::Editor(editor)) = self
            .modals
            .iter_mut()
            .rev()
            .find(|m| matches!(m, Modal::Editor(_)))
        else {
            return;
        };
        match result {
            Ok(text) if text != editor.body_text() => {
                editor.set_body(text.trim_end_matches('\n'));
                editor.changed = true;
                self.mark_draft_dirty();
            }
            Ok(_) => {}
            Err(e) => editor.error = Some(e),
        }
    }

    /// The note editor, wherever it is on the stack.
    fn open_editor(&self) -> Option<&NoteEditor> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Editor(e) => Some(e.as_ref()),
            _ => None,
        })
    }
}

/// The scores hint follows the instrument chosen.
pub(super) fn measure_hint(form: &mut Form) {
    let instrument =
        Instrument::parse(form.value(FieldKey::Instrument)).unwrap_or(Instrument::Ons4);
    let Some(f) = form.fields.iter_mut().find(|f| f.key == FieldKey::Scores) else {
        return;
    };
    f.hint = instrument.hint().into();
    // Above the fields, the question of the item being scored, as the worker
    // asks it: always two lines, so the box does not jump as scores go in.
    let mut intro = crate::domain::text::wrap(&instrument.prompt(&f.value), 72, 2);
    intro.resize(2, String::new());
    form.intro = intro;
}

fn goal_field(text: &str) -> Field {
    Field::text(
        FieldKey::Text,
        "Goal",
        "in the person's words, e.g. get out twice a week",
    )
    .with_value(text)
}
