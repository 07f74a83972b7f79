use super::Notes;
use rusqlite::{OptionalExtension, Row, Transaction};
use std::ops::Deref;

use super::{Result, Store, StoreError};
use crate::domain::conversation::{Conversation, ConversationKind, Draft, NewNote};
use crate::domain::letter::ContactSummary;

fn conversation_from_row(r: &Row) -> rusqlite::Result<Conversation> {
    let kind: String = r.get(3)?;
    Ok(Conversation {
        id: r.get(0)?,
        person_id: r.get(1)?,
        occurred_at: r.get(2)?,
        kind: ConversationKind::parse(&kind).unwrap_or(ConversationKind::Other),
        body: r.get(4)?,
        author: r.get(5)?,
        amends: r.get(6)?,
        amend_reason: r.get(7)?,
        created_at: r.get(8)?,
    })
}

fn moment(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn delete_draft(tx: &Transaction, person_id: i64, amends: Option<i64>) -> Result<()> {
    tx.execute(
        "DELETE FROM draft WHERE person_id = ?1 AND ifnull(amends, 0) = ifnull(?2, 0)",
        (person_id, amends),
    )?;
    Ok(())
}

impl<S: Deref<Target = Store>> Notes<S> {
    /// How many notes a person has (a corrected note once), the first and last
    /// day, and their "what matters" conversations, for the letter. Reads no text.
    /// Everything the letter back to the referrer is made from, for one person.
    pub fn letter_records(&self, id: i64) -> Result<crate::domain::letter::LetterRecords> {
        Ok(crate::domain::letter::LetterRecords {
            person: self.0.people().get(id)?,
            contacts: self.0.notes().contact_summary(id)?,
            goals: self.0.goals().list(id)?,
            connections: self.0.connections().for_person(id)?,
            measures: self.0.measures().list(id)?,
        })
    }

    pub fn contact_summary(&self, person_id: i64) -> Result<ContactSummary> {
        Ok(self.0.conn.query_row(
            "SELECT count(*), min(substr(occurred_at, 1, 10)), max(substr(occurred_at, 1, 10)),
                    coalesce(sum(kind = 'what_matters'), 0),
                    max(CASE WHEN kind = 'what_matters' THEN substr(occurred_at, 1, 10) END)
               FROM conversation c
              WHERE person_id = ?1
                AND NOT EXISTS (SELECT 1 FROM conversation n WHERE n.amends = c.id)",
            [person_id],
            |r| {
                Ok(ContactSummary {
                    count: r.get(0)?,
                    first: super::day(r.get(1)?),
                    last: super::day(r.get(2)?),
                    what_matters: r.get(3)?,
                    what_matters_last: super::day(r.get(4)?),
                })
            },
        )?)
    }

    /// Every note for a person, amendments included, newest first.
    pub fn list(&self, person_id: i64) -> Result<Vec<Conversation>> {
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at
               FROM conversation WHERE person_id = ?1
              ORDER BY occurred_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([person_id], conversation_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A person's unsaved drafts, most recent first.
    pub fn drafts(&self, person_id: i64) -> Result<Vec<Draft>> {
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT person_id, amends, kind, occurred_at, body, updated_at, amend_reason FROM draft
              WHERE person_id = ?1 ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            let kind: String = r.get(2)?;
            Ok(Draft {
                person_id: r.get(0)?,
                amends: r.get(1)?,
                kind: ConversationKind::parse(&kind).unwrap_or(ConversationKind::Other),
                occurred_at: r.get(3)?,
                body: r.get(4)?,
                updated_at: r.get(5)?,
                amend_reason: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Notes<&mut Store> {
    /// Appends a note (or an amendment: a new row pointing at the note it
    /// corrects; the original is never changed) and drops its draft, in one
    /// transaction.
    pub fn add(&mut self, note: &NewNote) -> Result<i64> {
        let note = note.clone().validate().map_err(StoreError::Invalid)?;
        self.0.write(|tx, at| {
            let (amends, reason) = match &note.amends {
                Some((id, reason)) => (Some(*id), Some(reason.trim())),
                None => (None, None),
            };
            if let Some(id) = amends {
                let owner: Option<i64> = tx
                    .query_row(
                        "SELECT person_id FROM conversation WHERE id = ?1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?;
                if owner != Some(note.person_id) {
                    return Err(StoreError::NotFound {
                        entity: "conversation",
                        id,
                    });
                }
            }
            tx.execute(
                "INSERT INTO conversation (person_id, occurred_at, kind, body, author, amends,
                    amend_reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
                    note.person_id,
                    moment(note.occurred_at),
                    note.kind.as_str(),
                    note.body,
                    at.actor,
                    amends,
                    reason,
                    at.now.clone(),
                ],
            )?;
            let id = tx.last_insert_rowid();
            delete_draft(tx, note.person_id, amends)?;
            Store::audit(
                tx,
                at,
                if amends.is_some() { "amend" } else { "add" },
                "conversation",
                id,
            )?;
            Ok(id)
        })
    }

    /// Autosaves an unsaved note, replacing the previous draft for the same note.
    pub fn save_draft(&mut self, d: &Draft) -> Result<()> {
        self.0.write(|tx, at| {
            delete_draft(tx, d.person_id, d.amends)?;
            tx.execute(
                "INSERT INTO draft (person_id, amends, kind, occurred_at, body, amend_reason,
                    updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    d.person_id,
                    d.amends,
                    d.kind.as_str(),
                    d.occurred_at,
                    d.body,
                    d.amend_reason,
                    at.now.clone()
                ],
            )?;
            Ok(())
        })
    }

    pub fn discard_draft(&mut self, person_id: i64, amends: Option<i64>) -> Result<()> {
        self.0.write(|tx, _| delete_draft(tx, person_id, amends))
    }
}
