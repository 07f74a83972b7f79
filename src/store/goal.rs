use chrono::NaiveDate;

use super::{Result, Store, StoreError, day};
use crate::domain::date::iso;
use crate::domain::goal::{Goal, GoalStatus};
use crate::domain::measure::{Instrument, Measure, Scores};

impl Store {
    /// Open goals first, then by when they were agreed.
    pub fn goals(&self, person_id: i64) -> Result<Vec<Goal>> {
        let mut stmt = self.conn.prepare_cached(
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

    pub fn add_goal(&mut self, person_id: i64, text: &str, created_on: NaiveDate) -> Result<i64> {
        self.write(|tx, at| {
            tx.execute(
                "INSERT INTO goal (person_id, text, created_on) VALUES (?1, ?2, ?3)",
                (person_id, text, iso(created_on)),
            )?;
            let id = tx.last_insert_rowid();
            Store::audit(tx, at, "add", "goal", id)?;
            Ok(id)
        })
    }

    pub fn update_goal_text(&mut self, id: i64, text: &str) -> Result<()> {
        self.write(|tx, at| {
            let n = tx.execute("UPDATE goal SET text = ?2 WHERE id = ?1", (id, text))?;
            if n == 0 {
                return Err(StoreError::NotFound { entity: "goal", id });
            }
            Store::audit(tx, at, "update", "goal", id)
        })
    }

    /// Achieved or dropped on a date; back to open clears the date.
    pub fn set_goal_status(&mut self, id: i64, status: GoalStatus, on: NaiveDate) -> Result<()> {
        self.write(|tx, at| {
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

    /// Oldest first, so first and latest per instrument are the ends.
    pub fn measures(&self, person_id: i64) -> Result<Vec<Measure>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, person_id, instrument, taken_on, items, total FROM measure
              WHERE person_id = ?1 ORDER BY taken_on, id",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            let instrument: String = r.get(2)?;
            let items: String = r.get(4)?;
            Ok((
                Instrument::parse(&instrument),
                Measure {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    instrument: Instrument::Ons4,
                    taken_on: day(r.get(3)?),
                    items: serde_json::from_str(&items).unwrap_or_default(),
                    total: r.get(5)?,
                },
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            // Rows with an instrument this build does not know are skipped, not fatal.
            if let (Some(instrument), m) = row? {
                out.push(Measure { instrument, ..m });
            }
        }
        Ok(out)
    }

    pub fn add_measure(
        &mut self,
        person_id: i64,
        scores: &Scores,
        taken_on: NaiveDate,
    ) -> Result<i64> {
        let items =
            serde_json::to_string(&scores.items).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.write(|tx, at| {
            tx.execute(
                "INSERT INTO measure (person_id, instrument, taken_on, items, total, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (
                    person_id,
                    scores.instrument.as_str(),
                    iso(taken_on),
                    items,
                    scores.total(),
                    at.now.clone(),
                ),
            )?;
            let id = tx.last_insert_rowid();
            Store::audit(tx, at, "add", "measure", id)?;
            Ok(id)
        })
    }
}
