//! The app's side of connections: a person (pane 2's, else the caseload's)
//! to a service (pane 3's). The directory's own entries are its pane's work.

use super::*;

/// Connections: actions carried out through the store.
impl App {
    /// The person a `c` in the directory connects: the one open in pane 2,
    /// else the one selected in the caseload.
    pub(super) fn person_for_connection(&self) -> Option<i64> {
        self.person
            .person
            .as_ref()
            .map(|p| p.id)
            .or_else(|| self.caseload.selected_id())
    }

    pub(super) fn apply_connection(&mut self, action: Action) {
        match action {
            Action::ConnectService(service_id) => {
                let Some(person_id) = self.person_for_connection() else {
                    self.message = Some((
                        "Select a person in the caseload (1) first, then c here".into(),
                        true,
                    ));
                    return;
                };
                let names = self.store.get_person(person_id).and_then(|p| {
                    let s = self.store.get_service(service_id)?;
                    Ok((p.display_name(), s.name))
                });
                match names {
                    Ok((person, service)) => self.modals.push(Modal::form(
                        connections::connect_form(&person, &service, self.session.today),
                        Purpose::Connect {
                            person_id,
                            service_id,
                        },
                    )),
                    Err(e) => self.report::<()>(Err(e)),
                }
            }
            Action::UpdateConnection(id) => {
                let found = self.person.connections.list.iter().find(|c| c.id == id);
                if let Some(c) = found {
                    let form = connections::status_form(c, self.session.today);
                    self.modals
                        .push(Modal::form(form, Purpose::ConnectionStatus { id }));
                }
            }
            _ => {}
        }
    }

    /// Saves a new connection (`Ok((person, service))`) or a connection's new
    /// status (`Err(id)`).
    pub(super) fn save_connection(
        &mut self,
        mut form: Form,
        target: Result<(i64, i64), i64>,
    ) -> Option<Form> {
        let (status, on, note) = match connections::read_form(&form, self.session.today) {
            Ok(v) => v,
            Err((field, message)) => {
                form.set_error(field, message);
                return Some(form);
            }
        };
        let result = match target {
            Ok((person_id, service_id)) => self
                .store
                .connect(person_id, service_id, status, on, note.as_deref())
                .map(|_| (person_id, service_id)),
            Err(id) => {
                let service_id = self
                    .person
                    .connections
                    .selected()
                    .filter(|c| c.id == id)
                    .map_or(0, |c| c.service_id);
                self.store
                    .set_connection_status(id, status, on, note.as_deref())
                    .map(|_| (self.person.person.as_ref().map_or(0, |p| p.id), service_id))
            }
        };
        match result {
            Ok((person_id, service_id)) => {
                if person_id != 0 && self.person.person.as_ref().map(|p| p.id) != Some(person_id) {
                    let r = self.load_person(person_id);
                    self.report(r);
                }
                let r = self.reload_changed();
                self.report(r);
                if let Some(id) = self.directory.open_service().map(|s| s.id) {
                    self.apply(Action::OpenService(id));
                }
                if self.message.is_none() {
                    self.say(format!("Connection {}", connections::label(status)));
                }
                // A referral made: offer (not force) a check-in follow-up in 14 days.
                if status == crate::domain::service::ConnectionStatus::Referred
                    && person_id != 0
                    && service_id != 0
                {
                    self.apply(Action::OfferCheckIn {
                        person_id,
                        service_id,
                    });
                }
                None
            }
            Err(e) => {
                form.message = Some(format!("Not saved: {e}"));
                Some(form)
            }
        }
    }
}
