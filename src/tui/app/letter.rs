//! The letter back to the referrer or GP from the app: `L` previews it as it
//! would be written; Enter opens `$EDITOR` for the summary (the one part the
//! worker writes, and the only way note text gets in), then writes the file
//! 0600 in the home folder, never over another.

use std::path::PathBuf;

use crate::tui::strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{App, Modal, Purpose};
use crate::adapters::file::{WriteError, write_private};
use crate::domain::letter::{LetterAdditions, check_action, check_worker_name};
use crate::io::letter::{LetterFormat, render};
use crate::store::StoreError;
use crate::tui::action::Outcome;
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::keymap::Command;

/// What `$EDITOR` is given for the summary; lines starting `#` are dropped.
const SUMMARY_PROMPT: &str = "# The summary of the letter back to the referrer: what you did together\n\
# and what changed. Conversation notes never go in unless you write them here.\n\
# Lines starting with # are left out. Save and close the editor to write the letter.\n";

impl App {
    /// Where letters are written (the home folder unless a test says otherwise).
    pub fn set_letter_folder(&mut self, folder: PathBuf) {
        self.letter_folder = folder;
    }

    /// `L`: a new letter, with no actions yet. With no name to sign it
    /// (none in config.toml, not a registered worker, none given before),
    /// the worker is asked once for theirs first.
    pub(super) fn preview_letter(&mut self, id: i64) {
        self.letter_actions.clear();
        if self.letter_worker.0.is_none() {
            match self.store.settings().letter_signatory() {
                Ok(Some(name)) => self.letter_worker.0 = Some(name),
                Ok(None) => return self.ask_letter_name(id),
                Err(e) => return self.report::<()>(Err(e)),
            }
        }
        self.show_letter(id, 0);
    }

    fn ask_letter_name(&mut self, id: i64) {
        let mut form = Form::new(
            strings::letter::ASK_NAME,
            vec![Field::text(
                FieldKey::Name,
                "Your name",
                strings::letter::NAME_HINT,
            )],
        );
        form.message = Some(strings::letter::NAME_KEPT.into());
        self.modals
            .push(Modal::form(form, Purpose::LetterFrom { person_id: id }));
    }

    /// The name form was saved: kept under the worker's login, then the preview.
    pub(super) fn save_letter_from(&mut self, mut form: Form, id: i64) -> Option<Form> {
        let name = match check_worker_name(form.value(FieldKey::Name)) {
            Ok(name) => name,
            Err(e) => {
                form.set_error(FieldKey::Name, e);
                return Some(form);
            }
        };
        if let Err(e) = self.store.settings_mut().set_letter_name(&name) {
            form.set_error(FieldKey::Name, strings::letter::name_not_saved(&e));
            return Some(form);
        }
        self.letter_worker.0 = Some(name);
        self.show_letter(id, 0);
        None
    }

    /// An action typed in the preview: added to the letter, shown at once.
    pub(super) fn save_letter_action(&mut self, mut form: Form, id: i64) -> Option<Form> {
        match check_action(form.value(FieldKey::Text)) {
            Ok(Some(action)) => self.letter_actions.push(action),
            Ok(None) => {}
            Err(e) => {
                form.set_error(FieldKey::Text, e);
                return Some(form);
            }
        }
        let scroll = match self.modals.last() {
            Some(Modal::Letter { scroll, .. }) => *scroll,
            _ => 0,
        };
        if matches!(self.modals.last(), Some(Modal::Letter { .. })) {
            self.modals.pop();
        }
        self.show_letter(id, scroll);
        None
    }

    /// The preview of the letter as it stands, at `scroll`.
    fn show_letter(&mut self, id: i64, scroll: u16) {
        match self.letter_text(id, None) {
            Ok(text) => self.modals.push(Modal::Letter {
                person_id: id,
                text,
                scroll,
            }),
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    fn letter_text(&self, id: i64, summary: Option<&str>) -> Result<String, StoreError> {
        let letter = self.store.notes().letter_records(id)?.letter(
            self.session.today,
            LetterAdditions {
                actions: &self.letter_actions,
                summary,
                worker_name: self.letter_worker.0.as_deref(),
                worker_contact: self.letter_worker.1.as_deref(),
            },
        );
        Ok(render(&letter, LetterFormat::Text))
    }

    /// A command while the preview is on top (taken off the stack meanwhile).
    pub(super) fn letter_command(
        &mut self,
        cmd: Command,
        id: i64,
        text: String,
        scroll: u16,
    ) -> Outcome {
        let lines = text.lines().count() as u16;
        let keep = |app: &mut App, scroll| {
            app.modals.push(Modal::Letter {
                person_id: id,
                text: text.clone(),
                scroll,
            })
        };
        match cmd {
            Command::Down => keep(self, (scroll + 1).min(lines.saturating_sub(1))),
            Command::Up => keep(self, scroll.saturating_sub(1)),
            Command::PageDown => {
                let page = self.letter_page();
                keep(self, (scroll + page).min(lines.saturating_sub(1)))
            }
            Command::PageUp => {
                let page = self.letter_page();
                keep(self, scroll.saturating_sub(page))
            }
            Command::Help => {
                keep(self, scroll);
                self.modals.push(Modal::Help);
            }
            Command::Add => {
                keep(self, scroll);
                let form = Form::new(
                    strings::letter::ASK_ACTION,
                    vec![Field::text(
                        FieldKey::Text,
                        "Action",
                        strings::letter::ACTION_HINT,
                    )],
                );
                self.modals
                    .push(Modal::form(form, Purpose::LetterAction { person_id: id }));
            }
            Command::Undo => {
                if self.letter_actions.pop().is_none() {
                    keep(self, scroll);
                    self.show(strings::letter::NO_ACTION.into(), false);
                } else {
                    self.show_letter(id, scroll);
                }
            }
            Command::WriteLetter => {
                self.letter_summary_for = Some(id);
                self.external_edit = Some(SUMMARY_PROMPT.to_string());
            }
            Command::Close => {}
            _ => {
                keep(self, scroll);
                return Outcome::Ignored;
            }
        }
        Outcome::Done
    }

    /// Lines a page of the preview moves: the screen less its frame.
    fn letter_page(&self) -> u16 {
        self.size.map_or(10, |(_, h)| h.saturating_sub(6).max(1))
    }

    /// The summary is back from `$EDITOR`: the letter is written with it.
    pub(super) fn finish_letter(&mut self, id: i64, result: Result<String, String>) {
        let typed = match result {
            Ok(text) => text,
            Err(e) => return self.show(strings::letter::not_written(&e), true),
        };
        let summary: String = typed
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        let summary = summary.trim();
        let text = match self.letter_text(id, (!summary.is_empty()).then_some(summary)) {
            Ok(text) => text,
            Err(e) => return self.report::<()>(Err(e)),
        };
        if let Err(e) = self
            .store
            .people_mut()
            .audit_disclosure(id, crate::store::Disclosure::Letter)
        {
            return self.show(strings::letter::not_written(&e), true);
        }
        let home = self.letter_folder.clone();
        // The id, never the name, in the file name; a second letter gets -2, -3...
        for n in 1..100 {
            let name = match n {
                1 => format!("caseload-letter-{id}.txt"),
                n => format!("caseload-letter-{id}-{n}.txt"),
            };
            let path = home.join(name);
            match write_private(&path, text.as_bytes(), false) {
                Ok(()) => {
                    return self.show(strings::letter::written(&path.display().to_string()), false);
                }
                Err(WriteError::Exists) => continue,
                Err(WriteError::Io(e)) => {
                    return self.show(strings::letter::not_written(&e), true);
                }
            }
        }
        self.show(strings::letter::TOO_MANY.into(), true);
    }

    fn show(&mut self, message: String, error: bool) {
        self.message = Some((message, error));
    }

    pub(super) fn render_letter(&self, frame: &mut Frame, area: Rect, text: &str, scroll: u16) {
        let t = &self.theme;
        frame.render_widget(Clear, area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(strings::letter::TITLE, t.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines: Vec<Line> = text
            .lines()
            .skip(scroll as usize)
            .take(inner.height as usize)
            .map(|l| Line::from(crate::domain::text::display_safe(l)))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
