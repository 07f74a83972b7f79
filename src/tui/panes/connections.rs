//! A person's connections to services, each with its dated history: a small
//! section pane 2 shows under its own content, and the two forms that write
//! them: connect (opened from the directory, `c`) and a connection's next
//! step (from pane 2). Both panes hand those actions and forms here.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Ctx, fit};
use crate::domain::date::{iso, parse_day, shown};
use crate::domain::service::{Connection, ConnectionStatus};
use crate::store::Store;
use crate::tui::action::{Action, Outcome, Pane};
use crate::tui::component::{Effects, Session, Submitted};
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::keymap::Command;
use crate::tui::modal::{Modal, Purpose};

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
            crate::tui::strings::connections::title(self.list.len()),
            t.header(),
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.list.is_empty() {
            let msg = crate::tui::strings::connections::NONE_YET;
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
                "{:<11} {:<15} {}",
                shown(c.status_on),
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
                let text = format!("    {:<11} {}{note}", shown(e.on), label(e.status));
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
            Field::text(FieldKey::On, "Date", crate::tui::strings::form::DATE_HINT)
                .with_value(iso(today)),
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
            Field::text(FieldKey::On, "Date", crate::tui::strings::form::DATE_HINT)
                .with_value(iso(today)),
            Field::text(FieldKey::Note, "Note", "optional"),
        ],
    )
}

/// Reads a connect or status form: (status, date, note) or (field, error).
pub fn read_form(
    form: &Form,
    today: NaiveDate,
) -> Result<(ConnectionStatus, NaiveDate, Option<String>), (FieldKey, String)> {
    let status = ConnectionStatus::parse(form.value(FieldKey::Status)).ok_or((
        FieldKey::Status,
        crate::tui::strings::connections::CHOOSE_STATUS.to_string(),
    ))?;
    let on = parse_day(form.value(FieldKey::On), today).map_err(|e| (FieldKey::On, e))?;
    if on > today {
        return Err((
            FieldKey::On,
            crate::tui::strings::connections::NOT_IN_FUTURE.into(),
        ));
    }
    let note = Some(form.value(FieldKey::Note).trim().to_string()).filter(|n| !n.is_empty());
    Ok((status, on, note))
}

/// `c` in the directory: the form connecting the person open in pane 2 (else
/// the one selected in the caseload) to this service.
pub fn open_connect(store: &Store, s: &Session, service_id: i64) -> Effects {
    let Some(person_id) = s.person.or(s.selected) else {
        return Effects::refuse(crate::tui::strings::connections::SELECT_PERSON);
    };
    let names = store.people().get(person_id).and_then(|p| {
        let service = store.directory().get(service_id)?;
        Ok((p.display_name(), service.name))
    });
    match names {
        Ok((person, service)) => Effects::open(Modal::form(
            connect_form(&person, &service, s.today),
            Purpose::Connect {
                person_id,
                service_id,
            },
        )),
        Err(e) => Effects::failed(e),
    }
}

/// Saves a new connection; pane 2 then shows that person.
pub fn save_connect(
    form: &mut Form,
    (person_id, service_id): (i64, i64),
    store: &mut Store,
    s: &Session,
) -> Submitted {
    let Some((status, on, note)) = checked(form, s.today) else {
        return Submitted::KeepOpen;
    };
    let written = store
        .connections_mut()
        .add(person_id, service_id, status, on, note.as_deref());
    saved(form, written.map(|_| ()), status, (person_id, service_id))
}

impl ConnectionsView {
    /// The form for the next step of connection `id`, if it is listed.
    pub fn open_status(&self, id: i64, today: NaiveDate) -> Effects {
        match self.list.iter().find(|c| c.id == id) {
            Some(c) => Effects::open(Modal::form(
                status_form(c, today),
                Purpose::ConnectionStatus { id },
            )),
            None => Effects::default(),
        }
    }

    /// Saves connection `id`'s next step.
    pub fn save_status(
        &self,
        form: &mut Form,
        id: i64,
        store: &mut Store,
        s: &Session,
    ) -> Submitted {
        let Some((status, on, note)) = checked(form, s.today) else {
            return Submitted::KeepOpen;
        };
        let service_id = self
            .list
            .iter()
            .find(|c| c.id == id)
            .map_or(0, |c| c.service_id);
        let written = store
            .connections_mut()
            .set_status(id, status, on, note.as_deref());
        let person_id = s.person.unwrap_or(0);
        saved(form, written, status, (person_id, service_id))
    }
}

/// The form's values, or `None` with the reason beside its field.
fn checked(
    form: &mut Form,
    today: NaiveDate,
) -> Option<(ConnectionStatus, NaiveDate, Option<String>)> {
    match read_form(form, today) {
        Ok(v) => Some(v),
        Err((field, message)) => {
            form.set_error(field, message);
            None
        }
    }
}

/// After a connection write: say so, show the person in pane 2, and for a
/// referral offer (not force) a check-in follow-up in 14 days.
fn saved(
    form: &mut Form,
    written: Result<(), crate::store::StoreError>,
    status: ConnectionStatus,
    (person_id, service_id): (i64, i64),
) -> Submitted {
    if let Err(e) = written {
        form.message = Some(crate::tui::strings::form::not_saved(&e));
        return Submitted::KeepOpen;
    }
    let mut effects = Effects::say(format!("Connection {}", label(status)));
    if person_id != 0 {
        effects.person = Some(person_id);
    }
    if status == ConnectionStatus::Referred && person_id != 0 && service_id != 0 {
        effects.then = Some(Action::OfferCheckIn {
            person_id,
            service_id,
        });
    }
    Submitted::Saved(Box::new(effects))
}
