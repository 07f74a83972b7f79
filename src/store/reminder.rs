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
