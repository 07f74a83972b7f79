//! Pane 1's forms and writes: a person added or edited, a status change, a
//! handover. Opened and saved by the pane itself (`Component::apply` and
//! `submit`); the app only routes to it.

use super::CaseloadPane;
use crate::domain::date::{iso, parse_day};
use crate::domain::monitoring::{CARER, NOT_RECORDED, SEXES};
use crate::domain::person::{PersonInput, Status, validate_status_change};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::component::{Effects, Session, Submitted};
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::modal::{Modal, Purpose};
use crate::tui::strings::caseload as words;

impl CaseloadPane {
    /// The form for `AddPerson`, `EditPerson`, `ChangeStatus` or `Handover`.
    pub(super) fn open_form(&self, action: &Action, store: &Store, s: &Session) -> Option<Effects> {
        let opened = |r: Result<Modal, StoreError>| match r {
            Ok(modal) => Effects::open(modal),
            Err(e) => Effects::failed(e),
        };
        Some(match *action {
            Action::AddPerson => {
                let input = PersonInput {
                    referral_source: "GP practice".into(),
                    referred_on: iso(s.today),
                    ..Default::default()
                };
                let form = person_form(words::ADD_TITLE, &input, sources(store));
                Effects::open(Modal::form(form, Purpose::Person { editing: None }))
            }
            Action::EditPerson(id) => opened(store.people().get(id).map(|p| {
                let input = PersonInput::from_details(&p.details);
                let form = person_form(words::EDIT_TITLE, &input, sources(store));
                let editing = Some((p.id, p.version));
                Modal::form(form, Purpose::Person { editing })
            })),
            Action::ChangeStatus(id) => opened(store.people().get(id).map(|p| {
                Modal::form(
                    status_form(p.status, s),
                    Purpose::Status {
                        id: p.id,
                        version: p.version,
                        from: p.status,
                    },
                )
            })),
            Action::Handover(id) => self.handover_form(id, store),
            _ => return None,
        })
    }

    /// `H`: to whom (a current worker other than the one they are with) and
    /// a note; or why there is nobody to hand over to.
    fn handover_form(&self, id: i64, store: &Store) -> Effects {
        let current = match store.workers().assigned_to(id) {
            Ok(c) => c,
            Err(e) => return Effects::failed(e),
        };
        let options: Vec<String> = self
            .workers()
            .iter()
            .filter(|w| Some(&w.login) != current.as_ref())
            .map(|w| w.login.clone())
            .collect();
        if options.is_empty() {
            return Effects::say(if self.workers().is_empty() {
                words::NO_WORKERS
            } else {
                words::NO_OTHER_WORKER
            });
        }
        // The box names whom it hands over: the worker may have moved on.
        let name = store
            .people()
            .get(id)
            .map(|p| p.display_name())
            .unwrap_or_default();
        let form = Form::new(
            words::hand_over(&name, current.as_deref().unwrap_or("nobody")),
            vec![
                Field::choice(FieldKey::Worker, "To", options),
                Field::text(FieldKey::Note, "Handover note", words::HANDOVER_HINT),
            ],
        );
        Effects::open(Modal::form(form, Purpose::Handover { id }))
    }

    /// Saves one of its forms; on any problem the form stays open with the
    /// reason beside the field.
    pub(super) fn save(
        &self,
        form: &mut Form,
        purpose: &Purpose,
        store: &mut Store,
        s: &Session,
    ) -> Option<Submitted> {
        let saved = match *purpose {
            Purpose::Person { editing } => save_person(form, editing, store, s),
            Purpose::Status { id, version, from } => save_status(form, id, version, from, store, s),
            Purpose::Handover { id } => self.save_handover(form, id, store),
            _ => return None,
        };
        Some(match saved {
            Some((id, said)) => Submitted::Saved(Box::new(
                Effects::say(said).then(Some(Action::PersonSaved(id))),
            )),
            None => Submitted::KeepOpen,
        })
    }

    fn save_handover(&self, form: &mut Form, id: i64, store: &mut Store) -> Option<(i64, String)> {
        let to = form.value(FieldKey::Worker).to_string();
        let note = form.value(FieldKey::Note).to_string();
        if let Err(e) = crate::domain::limits::check_bytes(
            "the note",
            &note,
            crate::domain::limits::MAX_TEXT_BYTES,
        ) {
            form.set_error(FieldKey::Note, e);
            return None;
        }
        let name = self
            .workers()
            .iter()
            .find(|w| w.login == to)
            .map_or(to.clone(), |w| w.name.clone());
        written(
            form,
            store
                .workers_mut()
                .assign(id, &to, Some(&note))
                .map(|()| id),
        )
        .map(|id| (id, words::handed_over(&name)))
    }
}

/// The store's answer to a save: the id, or the form told why not.
fn written(form: &mut Form, r: Result<i64, StoreError>) -> Option<i64> {
    r.map_err(|e| form.message = Some(crate::tui::strings::form::not_saved(&e)))
        .ok()
}

fn sources(store: &Store) -> Vec<String> {
    store
        .people()
        .referral_sources()
        .unwrap_or_else(|_| vec!["other".into()])
}

fn status_form(from: Status, s: &Session) -> Form {
    let options: Vec<String> = from.next().iter().map(|s| s.as_str().to_string()).collect();
    Form::new(
        words::change_status(from.as_str()),
        vec![
            Field::choice(FieldKey::Status, "New status", options),
            Field::text(FieldKey::Reason, "Reason", words::REASON_HINT),
            Field::text(
                FieldKey::ChangedOn,
                "Date",
                crate::tui::strings::form::DATE_HINT,
            )
            .with_value(iso(s.today)),
        ],
    )
}

fn save_person(
    form: &mut Form,
    editing: Option<(i64, i64)>,
    store: &mut Store,
    s: &Session,
) -> Option<(i64, String)> {
    let input = input_from_form(form);
    let details = match input.validate(s.today) {
        Ok(d) => d,
        Err(errors) => {
            form.set_errors(&errors);
            return None;
        }
    };
    let result = match editing {
        Some((id, version)) => store.people_mut().update(id, version, &details).map(|_| id),
        None => store.people_mut().add(&details),
    };
    let verb = if editing.is_some() { "Saved" } else { "Added" };
    written(form, result).map(|id| (id, format!("{verb} {}", details.display_name())))
}

fn save_status(
    form: &mut Form,
    id: i64,
    version: i64,
    from: Status,
    store: &mut Store,
    s: &Session,
) -> Option<(i64, String)> {
    let to = Status::parse(form.value(FieldKey::Status));
    let change = parse_day(form.value(FieldKey::ChangedOn), s.today)
        .and_then(|on| {
            if on > s.today {
                Err(crate::tui::strings::form::NOT_IN_FUTURE.into())
            } else {
                Ok(on)
            }
        })
        .map_err(|e| (FieldKey::ChangedOn, e))
        .and_then(|on| {
            let to = to.ok_or((
                FieldKey::Status,
                crate::tui::strings::form::CHOOSE_STATUS.to_string(),
            ))?;
            validate_status_change(from, to, form.value(FieldKey::Reason), on)
                .map_err(|e| (FieldKey::Reason, e))
        });
    let change = match change {
        Ok(c) => c,
        Err((field, message)) => {
            form.set_error(field, message);
            return None;
        }
    };
    written(
        form,
        store
            .people_mut()
            .set_status(id, version, &change)
            .map(|()| id),
    )
    .map(|id| (id, words::status_changed(change.status.as_str())))
}

/// The person form, in the order a worker fills it in: (field, label, hint).
const PERSON_FIELDS: [(FieldKey, &str, &str); 21] = [
    (FieldKey::GivenName, "Given name", "required"),
    (FieldKey::FamilyName, "Family name", "required"),
    (
        FieldKey::PreferredName,
        "Preferred name",
        "what they like to be called",
    ),
    (FieldKey::ReferralSource, "Referral source", ""),
    (
        FieldKey::ReferralReason,
        "Referral reason",
        "in their words where possible",
    ),
    (
        FieldKey::ReferrerName,
        "Referred by",
        "who referred them, e.g. Dr A Patel",
    ),
    (
        FieldKey::ReferrerOrganisation,
        "Referrer's org",
        "their practice or organisation, e.g. Hyde Park Surgery",
    ),
    (
        FieldKey::ReferredOn,
        "Referred on",
        crate::tui::strings::form::DATE_HINT,
    ),
    (
        FieldKey::DateOfBirth,
        "Date of birth",
        crate::tui::strings::form::DATE_HINT,
    ),
    (
        FieldKey::NhsNumber,
        "NHS number",
        "10 digits, spaces allowed",
    ),
    (FieldKey::Phone, "Phone", ""),
    (FieldKey::Email, "Email", ""),
    (FieldKey::Address, "Address", ""),
    (FieldKey::Postcode, "Postcode", ""),
    (
        FieldKey::ContactPreferences,
        "Contact prefs",
        "e.g. text first, no voicemail",
    ),
    (
        FieldKey::RiskNote,
        "Risk note",
        "shown as a flag everywhere",
    ),
    (
        FieldKey::ConsentRecordedOn,
        "Consent given on",
        "the day they agreed; blank: not yet",
    ),
    // Equality monitoring: optional, reported only as counts.
    (FieldKey::GpPractice, "GP practice", "ODS code, e.g. B82005"),
    (FieldKey::Sex, "Sex", ""),
    (
        FieldKey::Ethnicity,
        "Ethnicity",
        "ONS 2021 group or category, e.g. Indian, White",
    ),
    (FieldKey::Carer, "Carer", ""),
];

fn person_form(title: &str, p: &PersonInput, sources: Vec<String>) -> Form {
    let mut p = p.clone();
    let fields = PERSON_FIELDS
        .iter()
        .map(|&(key, label, hint)| {
            let value = p.get_mut(key.name()).map_or("", |v| v.as_str());
            match key {
                FieldKey::ReferralSource => {
                    let mut f = Field::choice(key, label, sources.clone());
                    if !value.is_empty() {
                        f.value = value.to_string();
                    }
                    f
                }
                FieldKey::Sex | FieldKey::Carer => {
                    let values: &[&str] = if key == FieldKey::Sex { &SEXES } else { &CARER };
                    let options = std::iter::once(NOT_RECORDED)
                        .chain(values.iter().copied())
                        .map(str::to_string)
                        .collect();
                    let mut f = Field::choice(key, label, options);
                    if !value.is_empty() {
                        f.value = value.to_string();
                    }
                    f
                }
                _ => Field::text(key, label, hint).with_value(value),
            }
        })
        .collect();
    Form::new(title, fields)
}

fn input_from_form(form: &Form) -> PersonInput {
    let mut input = PersonInput::default();
    for f in &form.fields {
        if let Some(slot) = input.get_mut(f.key.name()) {
            *slot = f.value.clone();
        }
    }
    input
}
