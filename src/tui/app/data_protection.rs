//! The app's side of data protection: a subject access export written to a
//! file, erasure behind a typed confirmation (one person, or several from the
//! retention review), and audited reads when config.toml asks for them.

use std::path::PathBuf;

use super::{Action, App, Modal, Purpose};
use crate::adapters::file::{WriteError, write_private};
use crate::domain::person::same_name;
use crate::tui::component::Settings;
use crate::tui::form::{Field, FieldKey, Form};

/// The reason an erasure from the app leaves in the audit (never a name).
pub const ERASE_REASON: &str = "erased in the app";

impl App {
    /// Settings from config.toml, for the app and every registered pane.
    pub fn set_settings(&mut self, settings: Settings) {
        self.audit_reads = settings.audit_reads;
        self.letter_worker = (
            settings.worker_name.clone(),
            settings.worker_contact.clone(),
        );
        for pane in &mut self.more {
            pane.configure(&settings);
        }
        self.directory.set_rules(settings.rules.clone());
        self.rules = settings.rules;
        if let Ok(counts) = self
            .store
            .counts(self.session.today, self.rules.stale_months)
        {
            self.counts = counts;
            self.sync_follow_up_counts();
        }
    }

    pub(super) fn apply_data_protection(&mut self, action: Action) {
        match action {
            Action::ExportRecord(id) => self.open_export_form(id),
            Action::Erase(ids) => self.open_erase_form(ids),
            _ => {}
        }
    }

    /// With `audit_reads`, opening a person in pane 2 leaves an audit row
    /// (the id, never a name): once each time it turns to another person.
    pub(super) fn audit_open(&mut self, id: i64) {
        if !self.audit_reads || self.last_read == Some(id) {
            return;
        }
        match self.store.audit_read(id) {
            Ok(()) => self.last_read = Some(id),
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    fn open_export_form(&mut self, id: i64) {
        let name = match self.store.get_person(id) {
            Ok(p) => p.display_name(),
            Err(e) => return self.report::<()>(Err(e)),
        };
        // The id, never the name, in the file name: a folder listing says nothing.
        let path = format!("~/caseload-subject-access-{id}.txt");
        let form = Form::new(
            format!("Subject access export · {name}"),
            vec![
                Field::text(
                    FieldKey::Path,
                    "Write to",
                    "a new file; ~ is your home folder",
                )
                .with_value(path),
            ],
        )
        .with_intro(vec![
            "Everything held about them, as text they can read: their record,".into(),
            "notes with every earlier version, goals, measures, services,".into(),
            "follow-ups and who opened or changed it. Readable by you only;".into(),
            "an existing file is never replaced.".into(),
        ]);
        self.modals
            .push(Modal::form(form, Purpose::Export { person_id: id }));
    }

    pub(super) fn save_export(&mut self, mut form: Form, person_id: i64) -> Option<Form> {
        let typed = form.value(FieldKey::Path).trim().to_string();
        if typed.is_empty() {
            form.set_error(FieldKey::Path, "give a file to write".into());
            return Some(form);
        }
        let path = expand_home(&typed);
        let record = match self.store.subject_access_record(person_id) {
            Ok(r) => r,
            Err(e) => {
                form.set_error(FieldKey::Path, format!("not written: {e}"));
                return Some(form);
            }
        };
        let text = crate::io::subject_access::text(&record, self.session.today);
        let audited = self
            .store
            .audit_disclosure(person_id, crate::store::Disclosure::SubjectAccess);
        if let Err(e) = audited {
            form.set_error(FieldKey::Path, format!("not written: {e}"));
            return Some(form);
        }
        match write_private(&path, text.as_bytes(), false) {
            Ok(()) => {
                self.say(format!(
                    "Subject access export written to {} (readable by you only)",
                    path.display()
                ));
                None
            }
            Err(WriteError::Exists) => {
                form.set_error(
                    FieldKey::Path,
                    "that file exists and is never replaced: choose another name".into(),
                );
                Some(form)
            }
            Err(WriteError::Io(e)) => {
                form.set_error(FieldKey::Path, format!("cannot write it: {e}"));
                Some(form)
            }
        }
    }

    fn open_erase_form(&mut self, ids: Vec<i64>) {
        let (form, confirm) = match ids.as_slice() {
            [] => return self.say("Nobody marked: Space marks a person first"),
            [id] => {
                let p = match self.store.get_person(*id) {
                    Ok(p) => p,
                    Err(e) => return self.report::<()>(Err(e)),
                };
                // The same name the command line asks for.
                let name = format!("{} {}", p.details.given_name, p.details.family_name);
                let form = Form::new(
                    format!("Erase {name}?"),
                    vec![Field::text(
                        FieldKey::Confirm,
                        "Their name",
                        "type their name to confirm, then Enter",
                    )],
                )
                .with_intro(erase_intro(&format!("{name}'s record")));
                (form, name)
            }
            many => {
                let confirm = format!("ERASE {}", many.len());
                let mut intro = erase_intro(&format!("the records of {} people", many.len()));
                intro.push(format!("Type {confirm} to erase them."));
                let form = Form::new(
                    format!("Erase {} people and every record about them?", many.len()),
                    vec![Field::text(
                        FieldKey::Confirm,
                        "Confirm",
                        "type the words shown above, then Enter",
                    )],
                )
                .with_intro(intro);
                (form, confirm)
            }
        };
        self.modals
            .push(Modal::form(form, Purpose::Erase { ids, confirm }));
    }

    pub(super) fn save_erase(
        &mut self,
        mut form: Form,
        ids: Vec<i64>,
        confirm: &str,
    ) -> Option<Form> {
        if !same_name(form.value(FieldKey::Confirm), confirm) {
            let message = if ids.len() == 1 {
                "the name does not match; nothing was erased".to_string()
            } else {
                format!("type {confirm}; nothing was erased")
            };
            form.set_error(FieldKey::Confirm, message);
            return Some(form);
        }
        // Nothing on screen goes on showing someone who is being erased.
        for id in &ids {
            if self.person.person.as_ref().map(|p| p.id) == Some(*id) {
                self.person.clear();
            }
            if self.session.person == Some(*id) {
                self.session.person = None;
            }
            if self.caseload.detail.as_ref().map(|d| d.person.id) == Some(*id) {
                self.caseload.detail = None;
            }
            if self.last_read == Some(*id) {
                self.last_read = None;
            }
        }
        let (erased, result) = self.store.erase_people(&ids, ERASE_REASON);
        let r = self.reload_changed();
        self.report(r);
        let people = |n: usize| {
            if n == 1 {
                "person".to_string()
            } else {
                format!("{n} people")
            }
        };
        match result {
            Ok(()) if ids.len() == 1 => {
                self.say("Erased: no copy remains in the database files");
            }
            Ok(()) => self.say(format!(
                "Erased {}: no copy remains in the database files",
                people(erased)
            )),
            // All erased; the log could not be emptied while another program reads.
            Err(e) if erased == ids.len() => self.message = Some((format!("Erased. {e}"), true)),
            Err(e) => {
                self.message = Some((format!("Erased {erased} of {}; then: {e}", ids.len()), true));
            }
        }
        None
    }
}

/// What an erasure deletes, in lines that fit the form.
fn erase_intro(whose: &str) -> Vec<String> {
    vec![
        format!("This deletes {whose} and every record"),
        "about them: notes with every earlier version, drafts, goals,".into(),
        "measures, service connections and follow-ups. It cannot be".into(),
        "undone. The audit keeps the day, your login and the id only.".into(),
    ]
}

/// `~/x` is `x` in the home folder; anything else is as typed.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(typed),
    }
}
