//! What changed since the app last looked: per-table counters kept by
//! triggers (migration 006). Cheap to read (one row per table), so the app
//! reads them after each of its own writes and whenever `PRAGMA data_version`
//! says another process committed, and reloads only what they name.

use std::collections::BTreeMap;

use super::{Result, Store};

/// One reading of every table's counter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes(BTreeMap<String, i64>);

/// The tables whose counters moved between two readings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed(Vec<String>);

impl Changes {
    /// Tables that differ from `before`. An empty `before` (never read)
    /// counts every table as changed.
    pub fn since(&self, before: &Changes) -> Changed {
        Changed(
            self.0
                .iter()
                .filter(|(t, n)| before.0.get(*t) != Some(n))
                .map(|(t, _)| t.clone())
                .collect(),
        )
    }
}

impl Changes {
    /// How many row changes `table` saw since `before`.
    pub fn delta(&self, before: &Changes, table: &str) -> i64 {
        let n = |c: &Changes| c.0.get(table).copied().unwrap_or(0);
        n(self) - n(before)
    }
}

impl Changed {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True if any of `tables` changed.
    pub fn any(&self, tables: &[&str]) -> bool {
        self.0.iter().any(|t| tables.contains(&t.as_str()))
    }

    pub fn tables(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl Store {
    pub fn changes(&self) -> Result<Changes> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tbl, n FROM change_counter")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        Ok(Changes(rows.collect::<rusqlite::Result<_>>()?))
    }
}
