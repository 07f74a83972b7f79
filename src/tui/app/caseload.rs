//! The app's side of pane 1: the person form, status changes and the person
//! detail view, saved through the store.

use super::*;
use crate::domain::monitoring::{CARER, NOT_RECORDED, SEXES};

impl App {
    pub(super) fn open_detail(&mut self, id: i64) -> Result<(), StoreError> {
        self.caseload.open_detail(&self.store, id)
    }

    pub(super) fn sources(&self) -> Vec<String> {
        self.store
            .referral_sources()
            .unwrap_or_else(|_| vec!["other".into()])
    }

    pub(super) fn open_person_form(&mut self) {
        let input = PersonInput {
            referral_source: "GP practice".into(),
            referred_on: iso(self.session.today),
            ..Default::default()
        };
        let form = person_form("Add person", &input, self.sources());
        self.modals
            .push(Modal::form(form, Purpose::Person { editing: None }));
    }

    pub(super) fn open_status_form(&mut self, id: i64, version: i64, from: Status) {
        let options: Vec<String> = from.next().iter().map(|s| s.as_str().to_string()).collect();
        let form = Form::new(
            format!("Change status (now {})", from.as_str()),
            vec![
                Field::choice(FieldKey::Status, "New status", options),
                Field::text(
                    FieldKey::Reason,
                    "Reason",
                    "required when closing or declining",
                ),
                Field::text(FieldKey::ChangedOn, "Date", "YYYY-MM-DD or DD/MM/YYYY")
                    .with_value(iso(self.session.today)),
            ],
        );
        self.modals
            .push(Modal::form(form, Purpose::Status { id, version, from }));
    }

    /// `H`: the handover form: to whom (a current worker other than the one
    /// they are with) and a note.
    pub(super) fn open_handover_form(&mut self, id: i64) {
        let current = match self.store.assigned_worker(id) {
            Ok(c) => c,
            Err(e) => return self.report::<()>(Err(e)),
        };
        let options: Vec<String> = self
            .caseload
            .workers()
            .iter()
            .filter(|w| Some(&w.login) != current.as_ref())
            .map(|w| w.login.clone())
            .collect();
        if options.is_empty() {
            self.say(if self.caseload.workers().is_empty() {
                "No workers registered: add them with `caseload worker add`"
            } else {
                "There is no other worker to hand over to"
            });
            return;
        }
        // The box names whom it hands over: the worker may have moved on.
        let name = self
            .store
            .get_person(id)
            .map(|p| p.display_name())
            .unwrap_or_default();
        let form = Form::new(
            format!(
                "Hand over {name} (now with {})",
                current.as_deref().unwrap_or("nobody")
            ),
            vec![
                Field::choice(FieldKey::Worker, "To", options),
                Field::text(
                    FieldKey::Note,
                    "Handover note",
                    "what the next worker should know",
                ),
            ],
        );
        self.modals
            .push(Modal::form(form, Purpose::Handover { id }));
    }

    pub(super) fn save_handover(&mut self, mut form: Form, id: i64) -> Option<Form> {
        let to = form.value(FieldKey::Worker).to_string();
        let note = form.value(FieldKey::Note).to_string();
        if let Err(e) = crate::domain::limits::check_bytes(
            "the note",
            &note,
            crate::domain::limits::MAX_TEXT_BYTES,
        ) {
            form.set_error(FieldKey::Note, e);
            return Some(form);
        }
        match self.store.assign_person(id, &to, Some(&note)) {
            Ok(()) => {
                let name = self
                    .caseload
                    .workers()
                    .iter()
                    .find(|w| w.login == to)
                    .map_or(to.clone(), |w| w.name.clone());
                self.after_save(id, format!("Handed over to {name}"));
                None
            }
            Err(e) => {
                form.message = Some(format!("Not saved: {e}"));
                Some(form)
            }
        }
    }

    /// Validates and saves; on any problem the form stays open with the reason.
    pub(super) fn save_person(
        &mut self,
        mut form: Form,
        editing: Option<(i64, i64)>,
    ) -> Option<Form> {
        let input = input_from_form(&form);
        let details = match input.validate(self.session.today) {
            Ok(d) => d,
            Err(errors) => {
                form.set_errors(&errors);
                return Some(form);
            }
        };
        let result = match editing {
            Some((id, version)) => self.store.update_person(id, version, &details).map(|_| id),
            None => self.store.add_person(&details),
        };
        match result {
            Ok(id) => {
                let verb = if editing.is_some() { "Saved" } else { "Added" };
                self.after_save(id, format!("{verb} {}", details.display_name()));
                None
            }
            Err(e) => {
                form.message = Some(format!("Not saved: {e}"));
                Some(form)
            }
        }
    }

    pub(super) fn save_status(
        &mut self,
        mut form: Form,
        id: i64,
        version: i64,
        from: Status,
    ) -> Option<Form> {
        let to = Status::parse(form.value(FieldKey::Status));
        let change = parse_day(form.value(FieldKey::ChangedOn), self.session.today)
            .and_then(|on| {
                if on > self.session.today {
                    Err("the date cannot be in the future".into())
                } else {
                    Ok(on)
                }
            })
            .map_err(|e| (FieldKey::ChangedOn, e))
            .and_then(|on| {
                let to = to.ok_or((FieldKey::Status, "choose a status".to_string()))?;
                validate_status_change(from, to, form.value(FieldKey::Reason), on)
                    .map_err(|e| (FieldKey::Reason, e))
            });
        let change = match change {
            Ok(c) => c,
            Err((field, message)) => {
                form.set_error(field, message);
                return Some(form);
            }
        };
        match self.store.set_status(id, version, &change) {
            Ok(()) => {
                self.after_save(id, format!("Status changed to {}", change.status.as_str()));
                None
            }
            Err(e) => {
                form.message = Some(format!("Not saved: {e}"));
                Some(form)
            }
        }
    }

    /// Refreshes what is on screen after a write and keeps the person in view.
    pub(super) fn after_save(&mut self, id: i64, message: String) {
        let r = self.reload_changed();
        self.caseload.reveal(id);
        if self
            .caseload
            .detail
            .as_ref()
            .is_some_and(|d| d.person.id == id)
        {
            let r = self.open_detail(id);
            self.report(r);
        }
        self.report(r);
        if self.message.is_none() {
            self.say(message);
        }
    }
}

/// The person form, in the order a worker fills it in: (field, label, hint).
const PERSON_FIELDS: [(FieldKey, &str, &str); 19] = [
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
        FieldKey::ReferredOn,
        "Referred on",
        "YYYY-MM-DD or DD/MM/YYYY",
    ),
    (
        FieldKey::DateOfBirth,
        "Date of birth",
        "YYYY-MM-DD or DD/MM/YYYY",
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

pub(super) fn person_form(title: &str, p: &PersonInput, sources: Vec<String>) -> Form {
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
