use super::Goals;
use chrono::NaiveDate;
use std::ops::Deref;

use super::{Result, Store, StoreError, day};
use crate::domain::date::iso;
use crate::domain::goal::{Goal, GoalStatus};

impl<S: Deref<Target = Store>> Goals<S> {
    /// Open goals first, then by when they were agreed.
    pub fn list(&self, person_id: i64) -> Result<Vec<Goal>> {
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT id, person_id, text, status, created_on, ended_on FROM goal
              WHERE person_id = ?1 ORDER BY status <> 'open', created_on, id",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            let status: String = r.get(3)?;
            Ok(Goal {
                id: r.get(0)?,
                person_id: r.get(1)?,
                text: r.get(2)?,
                status: GoalStatus::parse(&status).unwrap_or(GoalStatus::Open),
                created_on: day(r.get(4)?),
                ended_on: day(r.get(5)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Goals<&mut Store> {
    pub fn add(&mut self, person_id: i64, text: &str, created_on: NaiveDate) -> Result<i64> {
        self.0.write(|tx, at| {
            tx.execute(
                "INSERT INTO goal (person_id, text, created_on) VALUES (?1, ?2, ?3)",
                (person_id, text, iso(created_on)),
            )?;
            let id = tx.last_insert_rowid();
            Store::audit(tx, at, "add", "goal", id)?;
            Ok(id)
        })
    }

    pub fn update_text(&mut self, id: i64, text: &str) -> Result<()> {
        self.0.write(|tx, at| {
            let n = tx.execute("UPDATE goal SET text = ?2 WHERE id = ?1", (id, text))?;
            if n == 0 {
                return Err(StoreError::NotFound { entity: "goal", id });
            }
            Store::audit(tx, at, "update", "goal", id)
        })
    }

    /// Achieved or dropped on a date; back to open clears the date.
    pub fn set_status(&mut self, id: i64, status: GoalStatus, on: NaiveDate) -> Result<()> {
        self.0.write(|tx, at| {
            let ended = (status != GoalStatus::Open).then(|| iso(on));
            let n = tx.execute(
                "UPDATE goal SET status = ?2, ended_on = ?3 WHERE id = ?1",
                (id, status.as_str(), ended),
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { entity: "goal", id });
            }
            Store::audit(tx, at, "status", "goal", id)
        })
    }
}
