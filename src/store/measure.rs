//! Wellbeing measures: `store.measures().list()` reads, `store.measures_mut()` writes.

use super::Measures;
use super::{Result, Store, StoreError, day};
use crate::domain::date::iso;
use crate::domain::measure::{Instrument, Measure, Scores};
use chrono::NaiveDate;
use std::ops::Deref;

impl<S: Deref<Target = Store>> Measures<S> {
    /// Oldest first, so first and latest per instrument are the ends.
    pub fn list(&self, person_id: i64) -> Result<Vec<Measure>> {
        let mut stmt = self.0.conn.prepare_cached(
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
}

impl Measures<&mut Store> {
    pub fn add(&mut self, person_id: i64, scores: &Scores, taken_on: NaiveDate) -> Result<i64> {
        let items =
            serde_json::to_string(&scores.items).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.0.write(|tx, at| {
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
