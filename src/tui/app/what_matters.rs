//! The app's side of pane 2: opening the note editor, goal and measure forms,
//! saving them through the store, and autosaving drafts.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::{App, NoteAction, Overlay};
use crate::domain::FieldError;
use crate::domain::conversation::ConversationKind;
use crate::domain::date::{iso, parse_day};
use crate::domain::goal::{GoalStatus, validate_text};
use crate::domain::measure::{Instrument, Scores};
use crate::store::StoreError;
use crate::tui::editor::{EditorOutcome, NoteEditor};
use crate::tui::form::{Field, Form, FormOutcome};
use crate::tui::panes::person::PersonData;

/// Autosave a draft this long after the first unsaved change.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(1);

pub enum NotesOverlay {
    Editor(Box<NoteEditor>),
    Goal {
        form: Form,
        person_id: i64,
        goal_id: Option<i64>,
    },
    GoalStatus {
        form: Form,
        goal_id: i64,
    },
    Measure {
        form: Form,
        person_id: i64,
    },
    ConfirmDiscard(i64),
}

impl App {
    pub(super) fn load_person(&mut self, id: i64) -> Result<(), StoreError> {
        let data = PersonData {
            person: self.store.get_person(id)?,
            conversations: self.store.conversations(id)?,
            goals: self.store.goals(id)?,
            measures: self.store.measures(id)?,
            drafts: self.store.drafts(id)?,
        };
        self.person.set(data);
        self.connections.set(self.store.connections_for_person(id)?);
        Ok(())
    }

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
        let overlay = match action {
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
                NotesOverlay::Editor(Box::new(editor))
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
                NotesOverlay::Editor(Box::new(editor))
            }
            NoteAction::DiscardDraft(pid) => NotesOverlay::ConfirmDiscard(pid),
            NoteAction::AddGoal(person_id) => NotesOverlay::Goal {
                form: Form::new(format!("New goal · {name}"), vec![goal_field("")]),
                person_id,
                goal_id: None,
            },
            NoteAction::EditGoal(goal_id) => {
                let Some(goal) = self.person.selected_goal().filter(|g| g.id == goal_id) else {
                    return;
                };
                NotesOverlay::Goal {
                    form: Form::new("Edit goal", vec![goal_field(&goal.text)]),
                    person_id: goal.person_id,
                    goal_id: Some(goal_id),
                }
            }
            NoteAction::GoalStatus(goal_id) => {
                let options = ["achieved", "dropped", "open"].map(String::from).to_vec();
                let form = Form::new(
                    "Goal status",
                    vec![
                        Field::choice("status", "Status", options),
                        Field::text("on", "Date", "YYYY-MM-DD or DD/MM/YYYY")
                            .with_value(iso(self.today)),
                    ],
                );
                NotesOverlay::GoalStatus { form, goal_id }
            }
            NoteAction::AddMeasure(person_id) => {
                let instruments = Instrument::ALL
                    .iter()
                    .map(|i| i.as_str().to_string())
                    .collect();
                let form = Form::new(
                    format!("Wellbeing measure · {name}"),
                    vec![
                        Field::choice("instrument", "Instrument", instruments),
                        Field::text("scores", "Scores", Instrument::Ons4.hint()),
                        Field::text("taken_on", "Date", "YYYY-MM-DD or DD/MM/YYYY")
                            .with_value(iso(self.today)),
                    ],
                );
                NotesOverlay::Measure { form, person_id }
            }
        };
        self.overlay = Some(Overlay::Notes(overlay));
    }

    pub(super) fn notes_overlay_key(
        &mut self,
        overlay: NotesOverlay,
        key: KeyEvent,
    ) -> Option<NotesOverlay> {
        match overlay {
            NotesOverlay::Editor(mut editor) => {
                let now = self.store.clock().now();
                match editor.handle_key(key, now) {
                    EditorOutcome::Continue => {}
                    EditorOutcome::Changed => self.mark_draft_dirty(),
                    EditorOutcome::External => self.external_edit = Some(editor.body_text()),
                    EditorOutcome::Discard => {
                        self.draft_dirty_since = None;
                        let r = self.store.discard_draft(editor.person_id, editor.amends);
                        self.report(r);
                        self.refresh_person(editor.person_id);
                        return None;
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
                            return None;
                        }
                        Err(e) => editor.error = Some(format!("Not saved: {e}")),
                    },
                }
                Some(NotesOverlay::Editor(editor))
            }
            NotesOverlay::ConfirmDiscard(pid) => {
                if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                    let drafts = std::mem::take(&mut self.person.drafts);
                    for d in drafts {
                        let r = self.store.discard_draft(pid, d.amends);
                        self.report(r);
                    }
                    self.refresh_person(pid);
                    self.say("Draft discarded");
                }
                None
            }
            NotesOverlay::Goal {
                mut form,
                person_id,
                goal_id,
            } => match form.handle_key(key) {
                FormOutcome::Continue => Some(NotesOverlay::Goal {
                    form,
                    person_id,
                    goal_id,
                }),
                FormOutcome::Cancel => None,
                FormOutcome::Submit => {
                    let saved = validate_text(form.value("text"))
                        .map_err(|e| ("text", e))
                        .and_then(|text| {
                            match goal_id {
                                Some(id) => self.store.update_goal_text(id, &text),
                                None => self
                                    .store
                                    .add_goal(person_id, &text, self.today)
                                    .map(|_| ()),
                            }
                            .map_err(|e| ("text", e.to_string()))
                        });
                    self.finish_form(form, saved, person_id, "Goal saved")
                        .map(|form| NotesOverlay::Goal {
                            form,
                            person_id,
                            goal_id,
                        })
                }
            },
            NotesOverlay::GoalStatus { mut form, goal_id } => match form.handle_key(key) {
                FormOutcome::Continue => Some(NotesOverlay::GoalStatus { form, goal_id }),
                FormOutcome::Cancel => None,
                FormOutcome::Submit => {
                    let status =
                        GoalStatus::parse(form.value("status")).unwrap_or(GoalStatus::Open);
                    let saved = self
                        .past_date(form.value("on"))
                        .map_err(|e| ("on", e))
                        .and_then(|on| {
                            self.store
                                .set_goal_status(goal_id, status, on)
                                .map_err(|e| ("on", e.to_string()))
                        });
                    let pid = self.person.person.as_ref().map_or(0, |p| p.id);
                    self.finish_form(form, saved, pid, "Goal updated")
                        .map(|form| NotesOverlay::GoalStatus { form, goal_id })
                }
            },
            NotesOverlay::Measure {
                mut form,
                person_id,
            } => {
                let outcome = form.handle_key(key);
                let instrument =
                    Instrument::parse(form.value("instrument")).unwrap_or(Instrument::Ons4);
                if let Some(f) = form.fields.iter_mut().find(|f| f.key == "scores") {
                    f.hint = instrument.hint();
                }
                match outcome {
                    FormOutcome::Continue => Some(NotesOverlay::Measure { form, person_id }),
                    FormOutcome::Cancel => None,
                    FormOutcome::Submit => {
                        let saved = Scores::parse(instrument, form.value("scores"))
                            .map_err(|e| ("scores", e))
                            .and_then(|scores| {
                                let on = self
                                    .past_date(form.value("taken_on"))
                                    .map_err(|e| ("taken_on", e))?;
                                self.store
                                    .add_measure(person_id, &scores, on)
                                    .map(|_| ())
                                    .map_err(|e| ("scores", e.to_string()))
                            });
                        self.finish_form(form, saved, person_id, "Measure saved")
                            .map(|form| NotesOverlay::Measure { form, person_id })
                    }
                }
            }
        }
    }

    /// A date typed in a form that may not lie in the future.
    fn past_date(&self, text: &str) -> Result<chrono::NaiveDate, String> {
        let d = parse_day(text, self.today)?;
        if d > self.today {
            return Err("the date cannot be in the future".into());
        }
        Ok(d)
    }

    /// Closes the form on success; on failure keeps it open with the error inline.
    fn finish_form(
        &mut self,
        mut form: Form,
        saved: Result<(), (&'static str, String)>,
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
                form.set_errors(&[FieldError { field, message }]);
                Some(form)
            }
        }
    }

    fn refresh_person(&mut self, id: i64) {
        let r = self.load_person(id);
        self.report(r);
        let r = self
            .store
            .list_people(None)
            .map(|p| self.caseload.set_people(p));
        self.report(r);
    }

    fn mark_draft_dirty(&mut self) {
        self.draft_dirty_since.get_or_insert_with(Instant::now);
    }

    /// Saves the open note as a draft if it changed since the last autosave.
    pub fn autosave(&mut self) {
        let Some(Overlay::Notes(NotesOverlay::Editor(editor))) = &self.overlay else {
            self.draft_dirty_since = None;
            return;
        };
        if self.draft_dirty_since.take().is_none() {
            return;
        }
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
        let Some(Overlay::Notes(NotesOverlay::Editor(editor))) = &mut self.overlay else {
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

    pub(super) fn notes_paste(&mut self, text: &str) -> bool {
        let Some(Overlay::Notes(NotesOverlay::Editor(editor))) = &mut self.overlay else {
            return false;
        };
        if editor.paste(text) == EditorOutcome::Changed {
            self.mark_draft_dirty();
        }
        true
    }

    pub(super) fn render_notes_overlay(
        &self,
        overlay: &NotesOverlay,
        frame: &mut Frame,
        area: Rect,
    ) {
        match overlay {
            NotesOverlay::Editor(e) => e.render(frame, area, &self.theme),
            NotesOverlay::Goal { form, .. }
            | NotesOverlay::GoalStatus { form, .. }
            | NotesOverlay::Measure { form, .. } => form.render(frame, area, &self.theme),
            NotesOverlay::ConfirmDiscard(_) => {
                let form = Form::new(
                    "Discard the recovered draft? y = discard, any other key = keep",
                    vec![],
                );
                form.render(frame, area, &self.theme);
            }
        }
    }
}

fn goal_field(text: &str) -> Field {
    Field::text(
        "text",
        "Goal",
        "in the person's words, e.g. get out twice a week",
    )
    .with_value(text)
}
