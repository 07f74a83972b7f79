//! A half-filled form, kept so that quitting, a hang-up or a kill -9 loses
//! at most the last few keys of it (as note drafts do for notes). One per
//! worker; what the form is for is the app's to say (`purpose`).

use super::FormDrafts;
use rusqlite::OptionalExtension;
use std::ops::Deref;

use super::{Result, Store};
use crate::domain::record::FormDraft;

const COLUMNS: &str = "worker, purpose, person_id, fields, updated_at";

fn form_draft_from_row(r: &rusqlite::Row) -> rusqlite::Result<FormDraft> {
    Ok(FormDraft {
        worker: r.get(0)?,
        purpose: r.get(1)?,
        person_id: r.get(2)?,
        fields: r.get(3)?,
        updated_at: r.get(4)?,
    })
}

impl<S: Deref<Target = Store>> FormDrafts<S> {
    /// The form this worker left half filled, if any.
    pub fn latest(&self) -> Result<Option<FormDraft>> {
        Ok(self
            .0
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM form_draft WHERE worker = ?1"
            ))?
            .query_row([self.0.actor()], form_draft_from_row)
            .optional()?)
    }

    /// Every worker's half-filled forms about `person_id` (subject access).
    pub fn about(&self, person_id: i64) -> Result<Vec<FormDraft>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM form_draft WHERE person_id = ?1 ORDER BY updated_at"
        ))?;
        let rows = stmt.query_map([person_id], form_draft_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl FormDrafts<&mut Store> {
    /// Keeps the form this worker is filling in, replacing the one before.
    pub fn save(
        &mut self,
        purpose: &str,
        person_id: Option<i64>,
        fields: &[(String, String)],
    ) -> Result<()> {
        let json = serde_json::to_string(fields).unwrap_or_else(|_| "[]".into());
        let worker = self.0.actor().to_string();
        self.0.write(|tx, at| {
            tx.execute(
                "INSERT INTO form_draft (worker, purpose, person_id, fields, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (worker) DO UPDATE SET purpose = ?2, person_id = ?3,
                    fields = ?4, updated_at = ?5",
                rusqlite::params![worker, purpose, person_id, json, at.now.clone()],
            )?;
            Ok(())
        })
    }

    /// The form was saved or given up: nothing of it is kept.
    pub fn discard(&mut self) -> Result<()> {
        let worker = self.0.actor().to_string();
        self.0.write(|tx, _| {
            tx.execute("DELETE FROM form_draft WHERE worker = ?1", [worker])?;
            Ok(())
        })
    }
}
