//! A person's connections to services, each with its dated history: a small
//! section the person pane shows under its own content, plus the two forms
//! (connect, change status) the app opens as overlays.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Ctx, fit};
use crate::domain::date::{iso, parse_day};
use crate::domain::service::{Connection, ConnectionStatus};
use crate::tui::action::{Action, Outcome, Pane};
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::keymap::Command;

#[derive(Default)]
pub struct ConnectionsView {
    pub list: Vec<Connection>,
    pub selected: usize,
}

impl ConnectionsView {
    pub fn set(&mut self, list: Vec<Connection>) {
        self.selected = self.selected.min(list.len().saturating_sub(1));
        self.list = list;
    }

    pub fn selected(&self) -> Option<&Connection> {
        self.list.get(self.selected)
    }

    /// Rows this section would like: a title, then one line per connection
    /// and one per earlier step, at most a third of the pane; none while the
    /// person has no connections (the pane's own content keeps the room).
    pub fn height(&self, available: u16) -> u16 {
        if self.list.is_empty() {
            return 0;
        }
        let lines: usize = 1 + self.list.iter().map(|c| c.history.len()).sum::<usize>();
        (lines.max(2) as u16)
            .min(available / 3)
            .max(2.min(available))
    }

    /// `[`/`]` choose a connection, `u` updates it, `c` goes to the directory.
    pub fn handle(&mut self, cmd: Command) -> Outcome {
        match cmd {
            Command::NextConnection => {
                self.selected = (self.selected + 1).min(self.list.len().saturating_sub(1))
            }
            Command::PrevConnection => self.selected = self.selected.saturating_sub(1),
            Command::UpdateConnection => {
                return self
                    .selected()
                    .map(|c| Action::UpdateConnection(c.id))
                    .into();
            }
            Command::Connect => return Outcome::Act(Action::ShowPane(Pane::Directory)),
            _ => return Outcome::Ignored,
        }
        Outcome::Done
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let block = Block::default().borders(Borders::TOP).title(Span::styled(
            format!(" Connections ({}) · [ ] choose, u update ", self.list.len()),
            t.header(),
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.list.is_empty() {
            let msg = "None yet: c finds a service in the directory to connect.";
            frame.render_widget(Paragraph::new(Span::styled(msg, t.dim())), inner);
            return;
        }
        let width = inner.width as usize;
        let mut lines = Vec::new();
        for (i, c) in self.list.iter().enumerate() {
            let style = if i == self.selected {
                t.selected()
            } else {
                ratatui::style::Style::new()
            };
            let head = format!(
                "{} {:<15} {}",
                iso(c.status_on),
                label(c.status),
                c.service_name
            );
            lines.push(Line::from(Span::styled(fit(&head, width), style)));
            // Earlier steps, newest first, indented under the connection.
            for e in c.history.iter().rev().skip(1) {
                let note = e
                    .note
                    .as_deref()
                    .map(|n| format!(" · {n}"))
                    .unwrap_or_default();
                let text = format!("    {} {}{note}", iso(e.on), label(e.status));
                lines.push(Line::from(Span::styled(fit(&text, width), t.dim())));
            }
        }
        // Keep the selected connection in view.
        let before: usize = self.list[..self.selected.min(self.list.len())]
            .iter()
            .map(|c| c.history.len())
            .sum();
        let scroll = before.saturating_sub((inner.height as usize).saturating_sub(1));
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
    }
}

/// A status as people say it.
pub fn label(s: ConnectionStatus) -> &'static str {
    match s {
        ConnectionStatus::DidNotAttend => "did not attend",
        other => other.as_str(),
    }
}

/// The form for connecting a person to a service.
pub fn connect_form(person: &str, service: &str, today: NaiveDate) -> Form {
    let options = [ConnectionStatus::Suggested, ConnectionStatus::Referred]
        .iter()
        .map(|s| s.as_str().to_string())
        .collect();
    Form::new(
        format!("Connect {person} to {service}"),
        vec![
            Field::choice(FieldKey::Status, "Status", options),
            Field::text(FieldKey::On, "Date", "YYYY-MM-DD or DD/MM/YYYY").with_value(iso(today)),
            Field::text(FieldKey::Note, "Note", "optional"),
        ],
    )
}

/// The form for a connection's next step.
pub fn status_form(c: &Connection, today: NaiveDate) -> Form {
    let options = c
        .status
        .next()
        .iter()
        .map(|s| s.as_str().to_string())
        .collect();
    Form::new(
        format!("{} (now {})", c.service_name, label(c.status)),
        vec![
            Field::choice(FieldKey::Status, "New status", options),
            Field::text(FieldKey::On, "Date", "YYYY-MM-DD or DD/MM/YYYY").with_value(iso(today)),
            Field::text(FieldKey::Note, "Note", "optional"),
        ],
    )
}

/// Reads a connect or status form: (status, date, note) or (field, error).
pub fn read_form(
    form: &Form,
    today: NaiveDate,
) -> Result<(ConnectionStatus, NaiveDate, Option<String>), (FieldKey, String)> {
    let status = ConnectionStatus::parse(form.value(FieldKey::Status))
        .ok_or((FieldKey::Status, "choose a status".to_string()))?;
    let on = parse_day(form.value(FieldKey::On), today).map_err(|e| (FieldKey::On, e))?;
    if on > today {
        return Err((FieldKey::On, "the date cannot be in the future".into()));
    }
    let note = Some(form.value(FieldKey::Note).trim().to_string()).filter(|n| !n.is_empty());
    Ok((status, on, note))
}
