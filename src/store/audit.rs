//! Reading the audit trail: who did what, to which id, and when. The rows hold
//! no personal data, so neither does anything read from here.

use chrono::NaiveDate;
use rusqlite::params;

use super::{AuditEntry, Result, Store};

/// Which rows to read: everything, or those about one person, from a day on.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuditFilter {
    pub person_id: Option<i64>,
    pub since: Option<NaiveDate>,
}

impl Store {
    /// Audit rows, oldest first. "About a person" means the person's own row
    /// and every row that belongs to them (notes, goals, measures,
    /// connections, follow-ups), found through those rows' `person_id`.
    pub fn audit_entries(&self, filter: AuditFilter) -> Result<Vec<AuditEntry>> {
        let since = filter.since.map(crate::domain::date::iso);
        let mut stmt = self.conn.prepare(
            "SELECT at, actor, action, entity, entity_id, entity_key, reason, actor_name FROM audit a
             WHERE (?1 IS NULL OR a.at >= ?1)
               AND (?2 IS NULL
                    OR (a.entity = 'person' AND a.entity_id = ?2)
                    OR (a.entity = 'conversation'
                        AND a.entity_id IN (SELECT id FROM conversation WHERE person_id = ?2))
                    OR (a.entity = 'goal'
                        AND a.entity_id IN (SELECT id FROM goal WHERE person_id = ?2))
                    OR (a.entity = 'measure'
                        AND a.entity_id IN (SELECT id FROM measure WHERE person_id = ?2))
                    OR (a.entity = 'connection'
                        AND a.entity_id IN (SELECT id FROM connection WHERE person_id = ?2))
                    OR (a.entity = 'reminder'
                        AND a.entity_id IN (SELECT id FROM reminder WHERE person_id = ?2)))
             ORDER BY a.id",
        )?;
        let rows = stmt.query_map(params![since, filter.person_id], |r| {
            Ok(AuditEntry {
                at: r.get(0)?,
                actor: r.get(1)?,
                action: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                entity_key: r.get(5)?,
                reason: r.get(6)?,
                actor_name: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
