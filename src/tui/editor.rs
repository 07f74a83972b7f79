//! The note editor: kind, date and a multi-line body (ratatui-textarea, word
//! wrapped, with undo). Unsaved text is autosaved as a draft by the app.

use chrono::{NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::{TextArea, WrapMode};

use super::draw::safe;
use super::form::{Field, FieldKey};
use super::keymap::Command;
use super::text_input::{TextKey, text_key};
use super::theme::Theme;
use crate::domain::conversation::{ConversationKind, Draft, NewNote, WHAT_MATTERS_TEMPLATE};
use crate::domain::date::{parse_day, parse_time};
use crate::domain::limits::MAX_NOTE_BYTES;
use crate::domain::text::truncate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Body,
    Kind,
    Date,
    Reason,
}

/// What the app should do after a key in the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorOutcome {
    /// Not an editor command.
    Ignored,
    Continue,
    /// The text changed: schedule an autosave.
    Changed,
    Save(NewNote),
    Discard,
    /// Open the body in `$EDITOR`.
    External,
}

pub struct NoteEditor {
    pub person_id: i64,
    pub title: String,
    pub amends: Option<i64>,
    kind: ConversationKind,
    date: Field,
    reason: Field,
    body: TextArea<'static>,
    focus: Focus,
    pub changed: bool,
    confirming_discard: bool,
    pub error: Option<String>,
}

const DATE_FORMAT: &str = "%Y-%m-%d %H:%M";

impl NoteEditor {
    pub fn new(person_id: i64, title: String, now: NaiveDateTime) -> NoteEditor {
        let mut body = TextArea::default();
        body.set_wrap_mode(WrapMode::WordOrGlyph);
        body.set_placeholder_text(crate::tui::strings::editor::PLACEHOLDER);
        body.set_cursor_line_style(Style::default());
        NoteEditor {
            person_id,
            title,
            amends: None,
            kind: ConversationKind::FollowUp,
            date: Field::text(FieldKey::Date, "Date", "YYYY-MM-DD HH:MM")
                .with_value(now.format(DATE_FORMAT).to_string()),
            reason: Field::text(
                FieldKey::Reason,
                "Reason",
                crate::tui::strings::editor::REASON_HINT,
            ),
            body,
            focus: Focus::Body,
            changed: false,
            confirming_discard: false,
            error: None,
        }
    }

    /// An amendment of `original`, starting from its text.
    pub fn amend(
        person_id: i64,
        title: String,
        original: &crate::domain::Conversation,
    ) -> NoteEditor {
        let at = NaiveDateTime::parse_from_str(&original.occurred_at, "%Y-%m-%dT%H:%M:%S")
            .unwrap_or_default();
        let mut e = NoteEditor::new(person_id, title, at);
        e.amends = Some(original.id);
        e.kind = original.kind;
        e.set_body(&original.body);
        e.focus = Focus::Reason;
        e
    }

    /// Reopens an autosaved draft.
    pub fn from_draft(title: String, d: &Draft, now: NaiveDateTime) -> NoteEditor {
        let mut e = NoteEditor::new(d.person_id, title, now);
        e.amends = d.amends;
        e.kind = d.kind;
        e.date = e.date.clone().with_value(
            d.occurred_at
                .replace('T', " ")
                .chars()
                .take(16)
                .collect::<String>(),
        );
        e.set_body(&d.body);
        if let Some(reason) = &d.amend_reason {
            e.reason = e.reason.clone().with_value(reason.clone());
        }
        e.changed = true;
        e
    }

    pub fn with_kind(mut self, kind: ConversationKind) -> NoteEditor {
        self.kind = kind;
        self
    }

    /// Worth keeping as a draft: something was written.
    pub fn has_content(&self) -> bool {
        self.changed && !self.body_text().trim().is_empty()
    }

    pub fn body_text(&self) -> String {
        self.body.lines().join("\n")
    }

    /// Replaces the body (text back from `$EDITOR`), kept within
    /// `MAX_NOTE_BYTES` like typing and pasting; the error line says if cut.
    pub fn set_body(&mut self, text: &str) {
        let fits = prefix_within_bytes(text, MAX_NOTE_BYTES);
        if fits.len() < text.len() {
            self.error = Some(too_long(crate::tui::strings::editor::FROM_EDITOR_CUT));
        }
        let mut body = TextArea::new(fits.split('\n').map(str::to_string).collect());
        body.set_wrap_mode(WrapMode::WordOrGlyph);
        body.set_cursor_line_style(Style::default());
        body.move_cursor(ratatui_textarea::CursorMove::Bottom);
        body.move_cursor(ratatui_textarea::CursorMove::End);
        self.body = body;
    }

    pub fn to_draft(&self) -> Draft {
        Draft {
            person_id: self.person_id,
            amends: self.amends,
            kind: self.kind,
            occurred_at: self.date.value.replace(' ', "T"),
            body: self.body_text(),
            amend_reason: self.amends.map(|_| self.reason.value.clone()),
            updated_at: String::new(),
        }
    }

    /// Bytes the body holds now, as it would be saved.
    fn body_bytes(&self) -> usize {
        let lines = self.body.lines();
        lines.iter().map(String::len).sum::<usize>() + lines.len().saturating_sub(1)
    }

    /// Pasted text goes where the cursor is. Into the body, only as much as
    /// keeps the note within `MAX_NOTE_BYTES`; the rest is left out and the
    /// error line says so. A one-line field takes the first line.
    pub fn paste(&mut self, text: &str) -> EditorOutcome {
        self.error = None;
        let changed = match self.focus {
            Focus::Body => {
                // Line ends kept as newlines, tabs kept; other controls (NUL
                // among them) would be invisible here and refused on save.
                let text: String = text
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .chars()
                    .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
                    .collect();
                let room = MAX_NOTE_BYTES.saturating_sub(self.body_bytes());
                let fits = prefix_within_bytes(&text, room);
                if fits.len() < text.len() {
                    self.error = Some(too_long(if fits.is_empty() {
                        crate::tui::strings::editor::NOTHING_PASTED
                    } else {
                        crate::tui::strings::editor::PASTE_CUT
                    }));
                }
                !fits.is_empty() && self.body.insert_str(fits)
            }
            Focus::Date => self.date.insert(text),
            Focus::Reason => self.reason.insert(text),
            Focus::Kind => false,
        };
        self.changed_if(changed)
    }

    fn focus_order(&self) -> Vec<Focus> {
        let mut order = vec![Focus::Body, Focus::Kind, Focus::Date];
        if self.amends.is_some() {
            order.push(Focus::Reason);
        }
        order
    }

    fn move_focus(&mut self, step: isize) {
        let order = self.focus_order();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        self.focus = order[(at + step).rem_euclid(order.len() as isize) as usize];
    }

    /// Asking "discard this note?" after Esc: the keys are yes or no.
    pub fn confirming(&self) -> bool {
        self.confirming_discard
    }

    pub fn command(&mut self, cmd: Command, now: NaiveDateTime) -> EditorOutcome {
        if self.confirming_discard {
            return match cmd {
                Command::Yes => EditorOutcome::Discard,
                Command::No => {
                    self.confirming_discard = false;
                    EditorOutcome::Continue
                }
                _ => EditorOutcome::Ignored,
            };
        }
        self.error = None;
        let changed = match cmd {
            Command::Save => return self.submit(now),
            Command::ExternalEditor => return EditorOutcome::External,
            Command::Cancel if self.changed => {
                self.confirming_discard = true;
                return EditorOutcome::Continue;
            }
            Command::Cancel => return EditorOutcome::Discard,
            Command::NextField => {
                self.move_focus(1);
                return EditorOutcome::Continue;
            }
            Command::PrevField => {
                self.move_focus(-1);
                return EditorOutcome::Continue;
            }
            Command::Template if self.focus == Focus::Body => {
                if self.body_bytes() + WHAT_MATTERS_TEMPLATE.len() > MAX_NOTE_BYTES {
                    self.error = Some(too_long(crate::tui::strings::editor::HEADINGS_NOT_ADDED));
                    false
                } else {
                    // Then the cursor goes under the first heading, to start there.
                    let ratatui_textarea::DataCursor(row, _) = self.body.cursor();
                    let added = self.body.insert_str(WHAT_MATTERS_TEMPLATE);
                    let below = u16::try_from(row + 1).unwrap_or(u16::MAX);
                    self.body
                        .move_cursor(ratatui_textarea::CursorMove::Jump(below, 0));
                    added
                }
            }
            Command::UndoEdit if self.focus == Focus::Body => self.body.undo(),
            Command::RedoEdit if self.focus == Focus::Body => self.body.redo(),
            Command::Template | Command::UndoEdit | Command::RedoEdit => false,
            _ => return EditorOutcome::Ignored,
        };
        self.changed_if(changed)
    }

    /// A key the keymap did not claim. The body takes editing keys (Enter,
    /// arrows, the text area's own Ctrl shortcuts) but never an Alt character;
    /// the one-line fields take plain text only.
    pub fn type_key(&mut self, key: KeyEvent) -> EditorOutcome {
        if self.confirming_discard {
            return EditorOutcome::Continue;
        }
        self.error = None;
        let changed = match self.focus {
            Focus::Body => {
                let alt_char = key.modifiers.contains(KeyModifiers::ALT)
                    && matches!(key.code, KeyCode::Char(_));
                if !alt_char && self.would_overflow(key) {
                    self.error = Some(too_long(crate::tui::strings::editor::NOT_TYPED));
                    false
                } else {
                    !alt_char && self.body.input(key)
                }
            }
            Focus::Kind => {
                let all = ConversationKind::ALL;
                let at = all.iter().position(|k| *k == self.kind).unwrap_or(0) as isize;
                let step = match text_key(key) {
                    Some(TextKey::Left) => -1,
                    Some(TextKey::Right | TextKey::Char(' ')) => 1,
                    _ => 0,
                };
                self.kind = all[(at + step).rem_euclid(all.len() as isize) as usize];
                step != 0
            }
            Focus::Date => text_key(key).is_some_and(|k| self.date.edit(k)),
            Focus::Reason => text_key(key).is_some_and(|k| self.reason.edit(k)),
        };
        self.changed_if(changed)
    }

    /// Whether `key` would add text to a body already at `MAX_NOTE_BYTES`.
    fn would_overflow(&self, key: KeyEvent) -> bool {
        let added = match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => c.len_utf8(),
            KeyCode::Enter => 1,
            KeyCode::Tab => 1,
            _ => return false,
        };
        self.body_bytes() + added > MAX_NOTE_BYTES
    }

    fn changed_if(&mut self, changed: bool) -> EditorOutcome {
        if changed {
            self.changed = true;
            EditorOutcome::Changed
        } else {
            EditorOutcome::Continue
        }
    }

    fn submit(&mut self, now: NaiveDateTime) -> EditorOutcome {
        let when = parse_moment(&self.date.value, now);
        let note = when.clone().and_then(|occurred_at| {
            NewNote {
                person_id: self.person_id,
                kind: self.kind,
                occurred_at,
                body: self.body_text(),
                amends: self.amends.map(|id| (id, self.reason.value.clone())),
            }
            .validate()
        });
        match note {
            Ok(note) => EditorOutcome::Save(note),
            Err(e) => {
                self.error = Some(crate::tui::strings::form::not_saved(&e));
                // The cursor goes where the fix is typed.
                if when.is_err() {
                    self.focus = Focus::Date;
                } else if self.amends.is_some() && crate::domain::text::is_blank(&self.reason.value)
                {
                    self.focus = Focus::Reason;
                }
                EditorOutcome::Continue
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        frame.render_widget(Clear, area);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {} ", safe(&self.title)),
            theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let fields_height = if self.amends.is_some() { 2 } else { 1 };
        let [fields, rule, body, status] = Layout::vertical([
            Constraint::Length(fields_height),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let style_for = |f: Focus| {
            if self.focus == f {
                theme.selected()
            } else {
                Style::new()
            }
        };
        let mut lines = vec![Line::from(vec![
            Span::styled("Kind ", theme.dim()),
            Span::styled(format!("‹{}›", self.kind.label()), style_for(Focus::Kind)),
            Span::styled("   Date ", theme.dim()),
            Span::styled(safe(&self.date.value), style_for(Focus::Date)),
        ])];
        if self.amends.is_some() {
            let reason = if self.reason.value.is_empty() && self.focus != Focus::Reason {
                Span::styled("(required)", theme.dim())
            } else {
                Span::styled(safe(&self.reason.value), style_for(Focus::Reason))
            };
            lines.push(Line::from(vec![
                Span::styled(crate::tui::strings::editor::CORRECTION_REASON, theme.warn()),
                reason,
            ]));
        }
        frame.render_widget(Paragraph::new(lines), fields);
        frame.render_widget(
            Block::default()
                .borders(Borders::TOP)
                .border_style(theme.dim()),
            rule,
        );
        let mut body_widget = self.body.clone();
        body_widget.set_cursor_style(if self.focus == Focus::Body {
            theme.selected()
        } else {
            Style::new()
        });
        frame.render_widget(&body_widget, body);
        let line = if self.confirming_discard {
            Span::styled(crate::tui::strings::editor::DISCARD, theme.warn())
        } else if let Some(e) = &self.error {
            Span::styled(truncate(&safe(e), status.width as usize), theme.danger())
        } else {
            Span::styled(crate::tui::strings::editor::AUTOSAVED, theme.dim())
        };
        frame.render_widget(Paragraph::new(line), status);
    }
}

/// The error line for text refused because the note is full.
fn too_long(what: &str) -> String {
    crate::tui::strings::editor::too_long(what, MAX_NOTE_BYTES / 1024)
}

/// The longest prefix of `s` of at most `max` bytes, ending on a character.
fn prefix_within_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// "2026-11-23 14:05", "23/11/2026 9:30", "today", "yesterday 16:00": not in the future.
pub fn parse_moment(text: &str, now: NaiveDateTime) -> Result<NaiveDateTime, String> {
    let mut parts = text.split_whitespace();
    let day = parse_day(parts.next().unwrap_or(""), now.date())?;
    let time = match parts.next() {
        Some(t) => parse_time(t)?,
        None if day == now.date() => now.time(),
        None => NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
    };
    if parts.next().is_some() {
        return Err(crate::tui::strings::editor::DATE_AND_TIME.into());
    }
    let at = day.and_time(time);
    if at > now + chrono::Duration::minutes(5) {
        return Err(crate::tui::strings::editor::IN_THE_FUTURE.into());
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_back_from_the_external_editor_is_kept_within_the_note_limit() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default();
        let mut e = NoteEditor::new(1, "t".into(), now);
        e.set_body(&"é".repeat(MAX_NOTE_BYTES));
        assert!(e.body_text().len() <= MAX_NOTE_BYTES);
        assert!(
            e.body_text().len() > MAX_NOTE_BYTES - 2,
            "cut on a character"
        );
        assert!(e.error.as_deref().is_some_and(|m| m.contains("cut short")));
        e.set_body("short");
        assert_eq!(e.body_text(), "short");
    }
}
