//! The app's side of pane 2: the note editor (opened, saved, its drafts
//! autosaved on the event loop's timer). Goals and measures are the pane's
//! own (`panes/what_matters/forms.rs`).

use std::time::{Duration, Instant};

use super::{Action, App, Modal, NoteAction};
use crate::domain::conversation::ConversationKind;
use crate::tui::editor::{EditorOutcome, NoteEditor};
use crate::tui::strings;

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
                        let title = strings::what_matters::recovered_correction(&name);
                        NoteEditor::from_draft(title, d, now)
                    }
                    Some(d) => {
                        NoteEditor::from_draft(strings::what_matters::recovered_note(&name), d, now)
                    }
                    None => {
                        let kind = if self.person.selected_note().is_none() {
                            ConversationKind::WhatMatters
                        } else {
                            ConversationKind::FollowUp
                        };
                        NoteEditor::new(pid, strings::what_matters::new_note(&name), now)
                            .with_kind(kind)
                    }
                };
                Modal::Editor(Box::new(editor))
            }
            NoteAction::AmendNote(note_id) => {
                let Some(note) = self.person.selected_note().filter(|n| n.id == note_id) else {
                    return;
                };
                let title = strings::what_matters::correct_note(
                    &crate::tui::panes::what_matters::note_day(&note.occurred_at),
                    &name,
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
                question: strings::what_matters::DISCARD_DRAFT.into(),
                yes: Action::Notes(NoteAction::DiscardDraftConfirmed(pid)),
            },
            NoteAction::DiscardDraftConfirmed(pid) => {
                let drafts = std::mem::take(&mut self.person.drafts);
                for d in drafts {
                    let r = self.store.notes_mut().discard_draft(pid, d.amends);
                    self.report(r);
                }
                self.refresh_person(pid);
                self.say(strings::what_matters::DRAFT_DISCARDED);
                return;
            }
            // The pane's own forms (`Component::apply`), taken before this.
            NoteAction::AddGoal(_)
            | NoteAction::EditGoal(_)
            | NoteAction::GoalStatus(_)
            | NoteAction::AddMeasure(_) => return,
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
                let r = self
                    .store
                    .notes_mut()
                    .discard_draft(editor.person_id, editor.amends);
                self.report(r);
                self.refresh_person(editor.person_id);
                return;
            }
            EditorOutcome::Save(note) => match self.store.notes_mut().add(&note) {
                Ok(_) => {
                    self.draft_dirty_since = None;
                    self.refresh_person(note.person_id);
                    self.say(if note.amends.is_some() {
                        strings::what_matters::CORRECTION_SAVED
                    } else {
                        strings::what_matters::NOTE_SAVED
                    });
                    return;
                }
                Err(e) => editor.error = Some(strings::form::not_saved(&e)),
            },
        }
        self.modals.push(Modal::Editor(editor));
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
        let (draft, person_id, amends) = (
            editor.has_content().then(|| editor.to_draft()),
            editor.person_id,
            editor.amends,
        );
        let r = match draft {
            Some(draft) => self.store.notes_mut().save_draft(&draft),
            None => self.store.notes_mut().discard_draft(person_id, amends),
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
