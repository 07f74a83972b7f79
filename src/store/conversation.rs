use rusqlite::Row;

use super::{Result, Store};
use crate::domain::conversation::{Conversation, ConversationKind};

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

impl Store {
    /// Every note for a person, amendments included, newest first.
    pub fn conversations(&self, person_id: i64) -> Result<Vec<Conversation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at
               FROM conversation WHERE person_id = ?1
              ORDER BY occurred_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([person_id], conversation_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Appends a note. Notes are never edited: corrections are new notes that amend.
    pub fn add_conversation(
        &mut self,
        person_id: i64,
        kind: ConversationKind,
        occurred_at: chrono::NaiveDateTime,
        body: &str,
        author: Option<&str>,
    ) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO conversation (person_id, occurred_at, kind, body, author, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (
                    person_id,
                    occurred_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    kind.as_str(),
                    body,
                    author,
                    super::now_text(),
                ),
            )?;
            let id = tx.last_insert_rowid();
            Store::audit(tx, &actor, "add", "conversation", id)?;
            Ok(id)
        })
    }
}
