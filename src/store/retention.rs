//! Retention review: who was closed or declined long enough ago that their
//! record should be reviewed for erasure. Nothing here deletes anything.

use chrono::NaiveDate;

use super::{Result, Store};
use crate::domain::person::Status;

/// A person whose record has passed the retention period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RetentionDue {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub status: Status,
    /// The day they were closed or declined.
    pub ended_on: NaiveDate,
}

impl Store {
    /// People closed or declined on or before `ended_by`, longest ago first.
    /// The end day is `closed_on`, or for a decline the day of that status change.
    pub fn retention_due(&self, ended_by: NaiveDate) -> Result<Vec<RetentionDue>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, given_name, family_name, status, ended_on FROM (
                 SELECT p.id, p.given_name, p.family_name, p.status,
                        coalesce(p.closed_on,
                                 (SELECT max(s.changed_on) FROM status_change s
                                  WHERE s.person_id = p.id AND s.status = p.status)) AS ended_on
                 FROM person p WHERE p.status IN ('closed', 'declined'))
             WHERE ended_on IS NOT NULL AND ended_on <= ?1
             ORDER BY ended_on, id",
        )?;
        let rows = stmt.query_map([crate::domain::date::iso(ended_by)], |r| {
            let status: String = r.get(3)?;
            let ended: String = r.get(4)?;
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, status, ended))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, given_name, family_name, status, ended) = row?;
            // A row that does not parse is skipped rather than guessed at:
            // `caseload check` reports such damage.
            let (Some(status), Ok(ended_on)) = (
                Status::parse(&status),
                NaiveDate::parse_from_str(&ended, "%Y-%m-%d"),
            ) else {
                continue;
            };
            out.push(RetentionDue {
                id,
                given_name,
                family_name,
                status,
                ended_on,
            });
        }
        Ok(out)
    }
}
