//! A half-filled form, kept so that quitting, a hang-up or a kill -9 loses
//! at most the last few keys of it (as note drafts do for notes). One per
//! worker; what the form is for is the app's to say (`purpose`).

use rusqlite::OptionalExtension;

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

impl Store {
    /// Keeps the form this worker is filling in, replacing the one before.
    pub fn save_form_draft(
        &mut self,
        purpose: &str,
        person_id: Option<i64>,
        fields: &[(String, String)],
    ) -> Result<()> {
        let json = serde_json::to_string(fields).unwrap_or_else(|_| "[]".into());
        let worker = self.actor().to_string();
        self.write(|tx, at| {
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

    /// The form this worker left half filled, if any.
    pub fn form_draft(&self) -> Result<Option<FormDraft>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM form_draft WHERE worker = ?1"
            ))?
            .query_row([self.actor()], form_draft_from_row)
            .optional()?)
    }

    /// Every worker's half-filled forms about `person_id` (subject access).
    pub fn form_drafts_about(&self, person_id: i64) -> Result<Vec<FormDraft>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM form_draft WHERE person_id = ?1 ORDER BY updated_at"
        ))?;
        let rows = stmt.query_map([person_id], form_draft_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The form was saved or given up: nothing of it is kept.
    pub fn discard_form_draft(&mut self) -> Result<()> {
        let worker = self.actor().to_string();
        self.write(|tx, _| {
            tx.execute("DELETE FROM form_draft WHERE worker = ?1", [worker])?;
            Ok(())
        })
    }
}
