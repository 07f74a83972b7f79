//! Subject access and erasure, from pane 1's details, pane 2 and the
//! retention review (the caseload pane hands these actions and forms here):
//! a subject access copy written to a file the worker names, and erasure
//! behind a typed confirmation, of one person or of several.

use std::path::PathBuf;

use crate::adapters::file::{WriteError, write_private};
use crate::domain::person::same_name;
use crate::store::{Disclosure, Store};
use crate::tui::component::{Effects, Session, Submitted};
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::modal::{Modal, Purpose};
use crate::tui::strings::data_protection as words;

/// The reason an erasure from the app leaves in the audit (never a name).
pub const ERASE_REASON: &str = "erased in the app";

/// `E`: asks where to write person `id`'s subject access copy.
pub fn open_export(store: &Store, id: i64) -> Effects {
    let name = match store.people().get(id) {
        Ok(p) => p.display_name(),
        Err(e) => return Effects::failed(e),
    };
    // The id, never the name, in the file name: a folder listing says nothing.
    let path = format!("~/caseload-subject-access-{id}.txt");
    let form = Form::new(
        words::export_title(&name),
        vec![Field::text(FieldKey::Path, "Write to", words::PATH_HINT).with_value(path)],
    )
    .with_intro(words::EXPORT_INTRO.map(String::from).to_vec());
    Effects::open(Modal::form(form, Purpose::Export { person_id: id }))
}

/// Writes the copy (text they can read), audited as a disclosure first.
pub fn save_export(form: &mut Form, person_id: i64, store: &mut Store, s: &Session) -> Submitted {
    let typed = form.value(FieldKey::Path).trim().to_string();
    if typed.is_empty() {
        return keep(form, FieldKey::Path, words::GIVE_A_FILE.into());
    }
    let path = expand_home(&typed);
    let record = match store.subject_access_record(person_id) {
        Ok(r) => r,
        Err(e) => return keep(form, FieldKey::Path, words::not_written(&e)),
    };
    let text = crate::io::subject_access::text(&record, s.today);
    if let Err(e) = store
        .people_mut()
        .audit_disclosure(person_id, Disclosure::SubjectAccess)
    {
        return keep(form, FieldKey::Path, words::not_written(&e));
    }
    match write_private(&path, text.as_bytes(), false) {
        Ok(()) => Submitted::Saved(Box::new(Effects::say(words::exported(
            &path.display().to_string(),
        )))),
        Err(WriteError::Exists) => keep(form, FieldKey::Path, words::FILE_EXISTS.into()),
        Err(WriteError::Io(e)) => keep(form, FieldKey::Path, words::cannot_write(&e)),
    }
}

/// The form stays open with `message` beside its one field.
fn keep(form: &mut Form, key: FieldKey, message: String) -> Submitted {
    form.set_error(key, message);
    Submitted::KeepOpen
}

/// `D`, or the retention review's marked people: asks for their name (one)
/// or `ERASE n` (several).
pub fn open_erase(store: &Store, ids: &[i64]) -> Effects {
    let (form, confirm) = match ids {
        [] => return Effects::say(words::NOBODY_MARKED),
        [id] => {
            let p = match store.people().get(*id) {
                Ok(p) => p,
                Err(e) => return Effects::failed(e),
            };
            // The same name the command line asks for.
            let name = format!("{} {}", p.details.given_name, p.details.family_name);
            let form = Form::new(
                words::erase_one(&name),
                vec![Field::text(
                    FieldKey::Confirm,
                    "Their name",
                    words::NAME_HINT,
                )],
            )
            .with_intro(words::erase_intro(&words::one_record(&name)));
            (form, name)
        }
        many => {
            let confirm = format!("ERASE {}", many.len());
            let mut intro = words::erase_intro(&words::many_records(many.len()));
            intro.push(words::type_to_erase(&confirm));
            let form = Form::new(
                words::erase_many(many.len()),
                vec![Field::text(FieldKey::Confirm, "Confirm", words::WORDS_HINT)],
            )
            .with_intro(intro);
            (form, confirm)
        }
    };
    let ids = ids.to_vec();
    Effects::open(Modal::form(form, Purpose::Erase { ids, confirm }))
}

/// Erases them once the confirmation matches; every pane forgets them first
/// (`Effects::erased`), so nothing goes on showing someone erased.
pub fn save_erase(form: &mut Form, ids: &[i64], confirm: &str, store: &mut Store) -> Submitted {
    if !same_name(form.value(FieldKey::Confirm), confirm) {
        let message = if ids.len() == 1 {
            words::NAME_MISMATCH.to_string()
        } else {
            words::type_words(confirm)
        };
        return keep(form, FieldKey::Confirm, message);
    }
    let (erased, result) = store.erase_people(ids, ERASE_REASON);
    let message = match result {
        Ok(()) if ids.len() == 1 => (words::ERASED.into(), false),
        Ok(()) => (words::erased_many(erased), false),
        Err(e) if erased == ids.len() => (words::erased_then(&e), true),
        Err(e) => (words::erased_some(erased, ids.len(), &e), true),
    };
    Submitted::Saved(Box::new(Effects {
        message: Some(message),
        erased: ids.to_vec(),
        ..Default::default()
    }))
}

/// `~/x` is `x` in the home folder; anything else is as typed.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(typed),
    }
}
