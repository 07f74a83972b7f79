use rusqlite::Row;

use super::{Result, Store, day};
use crate::domain::reminder::Reminder;

fn reminder_from_row(r: &Row) -> rusqlite::Result<Reminder> {
    let due: Option<String> = r.get(3)?;
    Ok(Reminder {
        id: r.get(0)?,
        person_id: r.get(1)?,
        service_id: r.get(2)?,
        due_on: day(due).unwrap_or_default(),
        due_time: r.get(4)?,
        text: r.get(5)?,
        done_at: r.get(6)?,
        snoozed_until: day(r.get(7)?),
        about: r.get(8)?,
        about_closed: r.get(9)?,
    })
}

impl Store {
    /// Open reminders, soonest first, with who or what each is about.
    pub fn open_reminders(&self) -> Result<Vec<Reminder>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.person_id, r.service_id, r.due_on, r.due_time, r.text, r.done_at,
                    r.snoozed_until,
                    coalesce(coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name, s.name),
                    coalesce(p.status IN ('closed', 'declined'), 0)
               FROM reminder r
               LEFT JOIN person p ON p.id = r.person_id
               LEFT JOIN service s ON s.id = r.service_id
              WHERE r.done_at IS NULL
              ORDER BY coalesce(r.snoozed_until, r.due_on), r.due_time IS NULL, r.due_time, r.id",
        )?;
        let rows = stmt.query_map([], reminder_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Adds a follow-up for a person or a service (or neither: a general task).
    pub fn add_reminder(
        &mut self,
        person_id: Option<i64>,
        service_id: Option<i64>,
        due_on: chrono::NaiveDate,
        due_time: Option<chrono::NaiveTime>,
        text: &str,
    ) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO reminder (person_id, service_id, due_on, due_time, text, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (
                    person_id,
                    service_id,
                    crate::domain::date::iso(due_on),
                    due_time.map(|t| t.format("%H:%M").to_string()),
                    text,
                    super::now_text(),
                ),
            )?;
            let id = tx.last_insert_rowid();
            Store::audit(tx, &actor, "add", "reminder", id)?;
            Ok(id)
        })
    }
}
