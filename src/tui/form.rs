//! A small form: labelled one-line fields, inline errors, Ctrl-s to save.
//! Used for people now, and for services and follow-ups as those panes grow.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use chrono::NaiveDate;

use super::draw::safe;
use super::keymap::Command;
use super::strings::form as words;
use super::text_input::{TextKey, text_key};
use super::theme::Theme;
use crate::domain::FieldError;
use crate::domain::limits;
use crate::domain::text::{truncate, width};

/// The form-wide line after a save refused for its fields.
const FIX_FIELDS: &str = words::FIX_FIELDS;

/// Every field a form has, by name: a form is built and read back with
/// these, so a misspelt field is a compile error, not an empty value. The
/// name is the one domain validation uses in its `FieldError`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    Address,
    Area,
    Categories,
    ChangedOn,
    ConsentRecordedOn,
    ContactPreferences,
    Cost,
    Date,
    DateOfBirth,
    Description,
    Eligibility,
    Email,
    Carer,
    Ethnicity,
    FamilyName,
    GpPractice,
    GivenName,
    HowToRefer,
    Instrument,
    LastVerifiedOn,
    Name,
    NhsNumber,
    Note,
    On,
    Path,
    Confirm,
    OpeningTimes,
    Organisation,
    Outcome,
    Phone,
    Postcode,
    PreferredName,
    Reason,
    ReferralReason,
    ReferralSource,
    ReferredOn,
    ReferrerName,
    ReferrerOrganisation,
    RiskNote,
    Scores,
    Sex,
    Status,
    TakenOn,
    Text,
    Worker,
    Time,
    Url,
    When,
}

impl FieldKey {
    pub const fn name(self) -> &'static str {
        match self {
            FieldKey::Address => "address",
            FieldKey::Area => "area",
            FieldKey::Categories => "categories",
            FieldKey::ChangedOn => "changed_on",
            FieldKey::ConsentRecordedOn => "consent_recorded_on",
            FieldKey::ContactPreferences => "contact_preferences",
            FieldKey::Cost => "cost",
            FieldKey::Date => "date",
            FieldKey::DateOfBirth => "date_of_birth",
            FieldKey::Description => "description",
            FieldKey::Eligibility => "eligibility",
            FieldKey::Email => "email",
            FieldKey::Carer => "carer",
            FieldKey::Ethnicity => "ethnicity",
            FieldKey::GpPractice => "gp_practice",
            FieldKey::FamilyName => "family_name",
            FieldKey::GivenName => "given_name",
            FieldKey::HowToRefer => "how_to_refer",
            FieldKey::Instrument => "instrument",
            FieldKey::LastVerifiedOn => "last_verified_on",
            FieldKey::Name => "name",
            FieldKey::NhsNumber => "nhs_number",
            FieldKey::Note => "note",
            FieldKey::On => "on",
            FieldKey::Path => "path",
            FieldKey::Confirm => "confirm",
            FieldKey::OpeningTimes => "opening_times",
            FieldKey::Organisation => "organisation",
            FieldKey::Outcome => "outcome",
            FieldKey::Phone => "phone",
            FieldKey::Postcode => "postcode",
            FieldKey::PreferredName => "preferred_name",
            FieldKey::Reason => "reason",
            FieldKey::ReferralReason => "referral_reason",
            FieldKey::ReferralSource => "referral_source",
            FieldKey::ReferredOn => "referred_on",
            FieldKey::ReferrerName => "referrer_name",
            FieldKey::ReferrerOrganisation => "referrer_organisation",
            FieldKey::RiskNote => "risk_note",
            FieldKey::Scores => "scores",
            FieldKey::Sex => "sex",
            FieldKey::Status => "status",
            FieldKey::TakenOn => "taken_on",
            FieldKey::Text => "text",
            FieldKey::Worker => "worker",
            FieldKey::Time => "time",
            FieldKey::Url => "url",
            FieldKey::When => "when",
        }
    }
}

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text,
    /// One of a fixed list, changed with ←/→.
    Choice(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: FieldKey,
    pub label: &'static str,
    /// Shown under the field while it has the cursor (the measure form's
    /// changes as scores are typed).
    pub hint: std::borrow::Cow<'static, str>,
    pub kind: FieldKind,
    pub value: String,
    /// Cursor position in chars.
    cursor: usize,
    pub error: Option<String>,
    /// What a typed day means, shown under it once the cursor leaves
    /// ("Sun 13 Dec 2026, a Sunday" for "+1w").
    pub note: Option<String>,
}

impl Field {
    pub fn text(key: FieldKey, label: &'static str, hint: &'static str) -> Field {
        Field {
            key,
            label,
            hint: hint.into(),
            kind: FieldKind::Text,
            value: String::new(),
            cursor: 0,
            error: None,
            note: None,
        }
    }

    pub fn choice(key: FieldKey, label: &'static str, options: Vec<String>) -> Field {
        Field {
            value: options.first().cloned().unwrap_or_default(),
            kind: FieldKind::Choice(options),
            ..Field::text(key, label, words::CHOICE_HINT)
        }
    }

    pub fn with_value(mut self, value: impl Into<String>) -> Field {
        self.set_value(value);
        self
    }

    /// Puts `value` in the field, the cursor at its end.
    pub fn set_value(&mut self, value: impl Into<String>) {
        self.value = value.into();
        self.cursor = self.value.chars().count();
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_idx)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// Returns true when the value changed.
    pub(crate) fn edit(&mut self, key: TextKey) -> bool {
        if let FieldKind::Choice(options) = &self.kind {
            let pos = options.iter().position(|o| *o == self.value).unwrap_or(0);
            let n = options.len().max(1);
            let next = match key {
                TextKey::Left => options.get((pos + n - 1) % n),
                TextKey::Right | TextKey::Char(' ') => options.get((pos + 1) % n),
                // As in a list box: the next choice with that first letter.
                TextKey::Char(c) => (1..=n)
                    .filter_map(|i| options.get((pos + i) % n))
                    .find(|o| starts_with_letter(o, c)),
                _ => None,
            };
            let Some(next) = next.cloned() else {
                return false;
            };
            let changed = next != self.value;
            self.value = next;
            return changed || matches!(key, TextKey::Left | TextKey::Right | TextKey::Char(' '));
        }
        match key {
            TextKey::Char(_) if self.len() >= MAX_FIELD_CHARS => {}
            TextKey::Char(c) => {
                let at = self.byte_at(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
                return true;
            }
            TextKey::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                return true;
            }
            TextKey::Delete if self.cursor < self.len() => {
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                return true;
            }
            TextKey::Left => self.cursor = self.cursor.saturating_sub(1),
            TextKey::Right => self.cursor = (self.cursor + 1).min(self.len()),
            TextKey::Home => self.cursor = 0,
            TextKey::End => self.cursor = self.len(),
            _ => {}
        }
        false
    }

    pub(crate) fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
        self.note = None;
    }

    /// Inserts pasted text at the cursor as one edit: its first line only (a
    /// field is one line), without control characters, up to `MAX_FIELD_CHARS`.
    pub(crate) fn insert(&mut self, text: &str) -> bool {
        if let FieldKind::Choice(options) = &self.kind {
            // A pasted choice: the one it names, in any case.
            let text = text.trim();
            let Some(found) = options.iter().find(|o| o.eq_ignore_ascii_case(text)) else {
                return false;
            };
            self.value = found.clone();
            return true;
        }
        let room = MAX_FIELD_CHARS.saturating_sub(self.len());
        let line: String = text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_control())
            .take(room)
            .collect();
        if line.is_empty() {
            return false;
        }
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, &line);
        self.cursor += line.chars().count();
        true
    }
}

/// Fields that take one day (not a moment, not a time).
fn is_day_field(key: FieldKey) -> bool {
    matches!(
        key,
        FieldKey::Date
            | FieldKey::On
            | FieldKey::TakenOn
            | FieldKey::ChangedOn
            | FieldKey::ConsentRecordedOn
            | FieldKey::ReferredOn
            | FieldKey::DateOfBirth
            | FieldKey::LastVerifiedOn
    )
}

/// What to say under a day field about `day`: the day itself when it was
/// typed as words or steps, and for a follow-up's day one at a weekend.
fn day_note(key: FieldKey, typed: &str, day: NaiveDate) -> Option<String> {
    use chrono::{Datelike, Weekday};
    let weekend = match day.weekday() {
        Weekday::Sat => Some("a Saturday"),
        Weekday::Sun => Some("a Sunday"),
        _ => None,
    }
    .filter(|_| key == FieldKey::Date);
    let as_typed = crate::domain::date::parse_iso_or_uk(typed.trim()).is_some();
    match (as_typed, weekend) {
        (true, None) => None,
        (true, Some(w)) => Some(w.to_string()),
        (false, None) => Some(crate::domain::date::shown_with_weekday(day)),
        (false, Some(w)) => Some(format!(
            "{}, {w}",
            crate::domain::date::shown_with_weekday(day)
        )),
    }
}

/// Whether a choice starts with the letter `c`, in any case.
fn starts_with_letter(option: &str, c: char) -> bool {
    option
        .chars()
        .next()
        .is_some_and(|first| first.to_lowercase().eq(c.to_lowercase()))
}

/// The most a one-line field takes, typed or pasted: the domain's limit for
/// one-line fields. Names have a lower limit ([`limits::MAX_NAME_CHARS`]),
/// which the form's validation reports beside the field.
pub const MAX_FIELD_CHARS: usize = limits::MAX_FIELD_CHARS;

/// What the form wants its owner to do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    /// Not a form command.
    Ignored,
    Continue,
    Submit,
    Cancel,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Changed since opened: cancelling then asks first.
    pub changed: bool,
    confirming_cancel: bool,
    /// A form-wide message (e.g. a save that failed).
    pub message: Option<String>,
    /// Today, for checking a typed day as the cursor leaves it (the app
    /// sets it; without it days are checked on saving only).
    pub today: Option<NaiveDate>,
    /// Lines shown above the fields (what saving will do).
    pub intro: Vec<String>,
}

const LABEL_WIDTH: u16 = 18;

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            changed: false,
            confirming_cancel: false,
            message: None,
            today: None,
            intro: Vec::new(),
        }
    }

    /// With lines of explanation above the fields.
    pub fn with_intro(mut self, lines: Vec<String>) -> Form {
        self.intro = lines;
        self
    }

    pub fn value(&self, key: FieldKey) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.value.as_str())
    }

    /// One problem found by the app (not the domain's validation).
    pub fn set_error(&mut self, key: FieldKey, message: String) {
        self.set_errors(&[FieldError {
            field: key.name(),
            message,
        }]);
    }

    /// Shows each error beside its field and moves to the first one.
    pub fn set_errors(&mut self, errors: &[FieldError]) {
        for f in &mut self.fields {
            f.error = errors
                .iter()
                .find(|e| e.field == f.key.name())
                .map(|e| e.message.clone());
        }
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
        self.message = Some(FIX_FIELDS.into());
    }

    /// A field was edited: its mark goes, and once no field is marked the
    /// "please fix" line goes too (it would tell of problems no longer there).
    fn edited(&mut self) {
        self.changed = true;
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.error = None;
            field.note = None;
        }
        if self.message.as_deref() == Some(FIX_FIELDS)
            && self.fields.iter().all(|f| f.error.is_none())
        {
            self.message = None;
        }
    }

    /// Asking "discard changes?" after Esc: the keys are yes or no.
    pub fn confirming(&self) -> bool {
        self.confirming_cancel
    }

    pub fn command(&mut self, cmd: Command) -> FormOutcome {
        if self.confirming_cancel {
            return match cmd {
                Command::Yes => FormOutcome::Cancel,
                Command::No => {
                    self.confirming_cancel = false;
                    self.message = Some(words::STILL_EDITING.into());
                    FormOutcome::Continue
                }
                _ => FormOutcome::Ignored,
            };
        }
        let last = self.fields.len().saturating_sub(1);
        match cmd {
            Command::Save => return FormOutcome::Submit,
            Command::Cancel if self.changed => self.confirming_cancel = true,
            Command::Cancel => return FormOutcome::Cancel,
            Command::SubmitOrNext if self.focus == last => return FormOutcome::Submit,
            Command::NextField | Command::SubmitOrNext => {
                self.check_day();
                self.focus = (self.focus + 1).min(last);
            }
            Command::PrevField => {
                self.check_day();
                self.focus = self.focus.saturating_sub(1);
            }
            Command::ClearField => {
                if let Some(field) = self.fields.get_mut(self.focus) {
                    field.clear();
                    self.changed = true;
                }
            }
            _ => return FormOutcome::Ignored,
        }
        FormOutcome::Continue
    }

    /// The cursor leaves the focused field: a day typed there is checked
    /// now rather than on saving, and a day typed as words or steps
    /// (`+1w`, `next week`, `fri`) is shown as the day it is.
    fn check_day(&mut self) {
        let Some(today) = self.today else {
            return;
        };
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if !is_day_field(field.key) || crate::domain::text::is_blank(&field.value) {
            return;
        }
        match crate::domain::date::parse_day(&field.value, today) {
            Err(e) => field.error = Some(e),
            Ok(day) => field.note = day_note(field.key, &field.value, day),
        }
    }

    /// A key the keymap did not claim: typed into the focused field.
    pub fn type_key(&mut self, key: KeyEvent) {
        if self.confirming_cancel {
            return;
        }
        let Some(k) = text_key(key) else {
            return;
        };
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if field.edit(k) {
            self.edited();
        } else if let (FieldKind::Choice(options), TextKey::Char(c)) = (&field.kind, k)
            && !options.iter().any(|o| starts_with_letter(o, c))
        {
            // Never silently ignored: say what the field takes.
            field.error = Some(words::no_such_choice(c));
        }
    }

    /// A paste into the focused field, as one edit.
    pub fn paste(&mut self, text: &str) {
        if let Some(field) = self.fields.get_mut(self.focus)
            && !self.confirming_cancel
            && field.insert(text)
        {
            self.edited();
        }
    }

    /// Draws the form centred in `area`, as a popup.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let intro = self.intro.len() as u16;
        let height = (self.fields.len() as u16 * 2 + 4 + intro).min(area.height);
        let width = area.width.min(76);
        let popup = centered(area, width, height);
        frame.render_widget(Clear, popup);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {} ", safe(&self.title)),
            theme.title(),
        ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let value_width = inner.width.saturating_sub(LABEL_WIDTH + 1) as usize;
        // Two lines per field (value, then error or hint); scroll to keep focus visible.
        let rows_for_fields = inner.height.saturating_sub(1 + intro) as usize;
        let per_screen = (rows_for_fields / 2).max(1);
        let first = self.focus.saturating_sub(per_screen - 1);
        let mut lines: Vec<Line> = self
            .intro
            .iter()
            .map(|l| Line::from(Span::raw(truncate(&safe(l), inner.width as usize))))
            .collect();
        for (i, f) in self.fields.iter().enumerate().skip(first).take(per_screen) {
            let focused = i == self.focus;
            let mark = if f.error.is_some() { "! " } else { "  " };
            let label = truncate(f.label, LABEL_WIDTH as usize - 2);
            let label = format!("{mark}{label:<w$}", w = LABEL_WIDTH as usize - 2);
            let label_style = if f.error.is_some() {
                theme.danger()
            } else if focused {
                theme.key()
            } else {
                ratatui::style::Style::new()
            };
            let (shown, _) = visible_slice(&f.value, f.cursor, value_width);
            let shown = match f.kind {
                FieldKind::Choice(_) if focused => format!("‹ {shown} ›"),
                _ => shown,
            };
            let value_style = if focused {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::from(vec![
                Span::styled(label, label_style),
                Span::raw(" "),
                Span::styled(shown, value_style),
            ]));
            let below = match (&f.error, &f.note, focused) {
                (Some(e), _, _) => Span::styled(truncate(&safe(e), value_width), theme.danger()),
                (None, Some(n), _) => Span::styled(truncate(n, value_width), theme.warn()),
                (None, None, true) => Span::styled(truncate(&f.hint, value_width), theme.dim()),
                _ => Span::raw(""),
            };
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(LABEL_WIDTH as usize + 1)),
                below,
            ]));
        }
        let footer = if self.confirming_cancel {
            Span::styled(words::DISCARD, theme.warn())
        } else if let Some(m) = &self.message {
            Span::styled(safe(m), theme.danger())
        } else {
            Span::styled(words::KEYS, theme.dim())
        };
        let body = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), body);
        let foot = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(Line::from(footer)), foot);
        // Put the terminal cursor where typing will land.
        if let Some(f) = self.fields.get(self.focus)
            && matches!(f.kind, FieldKind::Text)
            && !self.confirming_cancel
        {
            let row = (self.focus - first) as u16 * 2 + intro;
            let (_, col) = visible_slice(&f.value, f.cursor, value_width);
            let x = inner.x + LABEL_WIDTH + 1 + col as u16;
            if row < body.height && x < inner.x + inner.width {
                frame.set_cursor_position(Position::new(x, inner.y + row));
            }
        }
    }
}

/// The part of `value` to show in `max` cells so the cursor stays in view,
/// and the cursor's column within it. Each character is shown as
/// [`safe`] draws it (a control as a placeholder, a joiner or bidi
/// override as nothing), and measured as shown, so the cursor lands where
/// the terminal draws it.
fn visible_slice(value: &str, cursor: usize, max: usize) -> (String, usize) {
    if max == 0 {
        return (String::new(), 0);
    }
    let shown: Vec<String> = value
        .chars()
        .map(|c| safe(c.encode_utf8(&mut [0; 4])))
        .collect();
    let cw = |s: &String| width(s);
    // Start as far left as possible while the cursor cell still fits.
    let mut start = 0;
    let mut before: usize = shown[..cursor.min(shown.len())].iter().map(cw).sum();
    while before >= max && start < cursor {
        before -= cw(&shown[start]);
        start += 1;
    }
    let mut out = String::new();
    let mut used = 0;
    for s in &shown[start..] {
        if used + cw(s) > max {
            break;
        }
        used += cw(s);
        out.push_str(s);
    }
    debug_assert!(width(&out) <= max);
    (out, before)
}

/// A rect of at most `w` x `h`, centred in `area` and never outside it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn typing_inserts_at_cursor_with_multibyte_chars() {
        let mut f = Field::text(FieldKey::Name, "Name", "").with_value("Zë");
        f.edit(TextKey::Left);
        f.edit(TextKey::Char('o'));
        assert_eq!(f.value, "Zoë");
        f.edit(TextKey::End);
        f.edit(TextKey::Backspace);
        assert_eq!(f.value, "Zo");
    }

    #[test]
    fn visible_slice_keeps_cursor_in_view() {
        let (s, col) = visible_slice("abcdefghij", 10, 4);
        assert_eq!((s.as_str(), col), ("hij", 3));
        let (s, col) = visible_slice("王美玲王美玲", 6, 5);
        assert!(width(&s) <= 5);
        assert!(col < 5);
    }

    #[test]
    fn esc_after_a_change_asks_first() {
        let mut form = Form::new("t", vec![Field::text(FieldKey::Text, "A", "")]);
        form.type_key(key(KeyCode::Char('x')));
        assert_eq!(form.command(Command::Cancel), FormOutcome::Continue);
        assert!(form.confirming());
        assert_eq!(form.command(Command::No), FormOutcome::Continue);
        assert_eq!(form.value(FieldKey::Text), "x");
        form.command(Command::Cancel);
        assert_eq!(form.command(Command::Yes), FormOutcome::Cancel);
    }

    #[test]
    fn alt_and_ctrl_characters_are_never_typed() {
        let mut form = Form::new("t", vec![Field::text(FieldKey::Text, "A", "")]);
        form.type_key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT));
        form.type_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(form.value(FieldKey::Text), "");
    }

    #[test]
    fn a_paste_is_one_line_and_bounded() {
        let mut form = Form::new("t", vec![Field::text(FieldKey::Text, "A", "")]);
        form.paste("first\nsecond");
        assert_eq!(form.value(FieldKey::Text), "first");
        form.paste(&"x".repeat(5000));
        assert_eq!(form.value(FieldKey::Text).chars().count(), MAX_FIELD_CHARS);
    }
}
