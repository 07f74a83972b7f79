//! Subject access: every row the database holds about one person, found from
//! the schema itself (foreign keys), so a table added later that refers to a
//! person, directly or through a row of theirs, is included without a change here.

use std::collections::BTreeMap;

use rusqlite::types::ValueRef;

use super::{AuditFilter, Result, Store, StoreError, SubjectAccess, SubjectAccessRecord};

/// A table and the SQL condition that picks out its rows about the person (`?1`).
pub(super) struct Owned {
    pub(super) table: String,
    pub(super) condition: String,
}

impl Store {
    /// Everything held about `person_id`, read in one transaction so the parts agree.
    pub fn subject_access(&self, person_id: i64) -> Result<SubjectAccess> {
        self.people().get(person_id)?; // NotFound for an unknown id
        let tx = self.conn.unchecked_transaction()?;
        let rows = self.subject_access_rows(person_id)?;
        tx.finish()?;
        Ok(rows)
    }

    /// Everything held about `person_id`, typed where the store has a reader
    /// for it, with every row as well; one transaction, so the parts agree.
    pub fn subject_access_record(&self, person_id: i64) -> Result<SubjectAccessRecord> {
        let tx = self.conn.unchecked_transaction()?;
        let record = SubjectAccessRecord {
            person: self.people().get(person_id)?,
            status_history: self.people().status_history(person_id)?,
            conversations: self.notes().list(person_id)?,
            drafts: self.notes().drafts(person_id)?,
            form_drafts: self.form_drafts().about(person_id)?,
            goals: self.goals().list(person_id)?,
            measures: self.measures().list(person_id)?,
            connections: self.connections().for_person(person_id)?,
            follow_ups: self.follow_ups().for_person(person_id)?,
            assigned_worker: self.workers().assigned_to(person_id)?,
            handovers: self.workers().handovers(person_id)?,
            conflicts: self.copies().conflicts(person_id)?,
            rows: self.subject_access_rows(person_id)?,
        };
        tx.finish()?;
        Ok(record)
    }

    /// The rows, in whatever transaction the caller holds.
    fn subject_access_rows(&self, person_id: i64) -> Result<SubjectAccess> {
        let tx = &self.conn;
        let mut tables = BTreeMap::new();
        for owned in self.person_tables()? {
            let sql = format!(
                "SELECT * FROM {} WHERE {} ORDER BY rowid",
                quote(&owned.table),
                owned.condition
            );
            let mut stmt = tx.prepare(&sql)?;
            let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
            let mut rows = stmt.query([person_id])?;
            let mut out = Vec::new();
            while let Some(row) = rows.next()? {
                let mut map = serde_json::Map::new();
                for (i, name) in names.iter().enumerate() {
                    map.insert(name.clone(), json(row.get_ref(i)?));
                }
                out.push(map);
            }
            tables.insert(owned.table, out);
        }
        let audit = self.audit_entries(AuditFilter {
            person_id: Some(person_id),
            since: None,
        })?;
        Ok(SubjectAccess {
            person_id,
            tables,
            audit,
        })
    }

    /// `person` and every table whose foreign keys lead to it, level by level:
    /// a row belongs to the person when one of its keys points at a row of theirs.
    pub(super) fn person_tables(&self) -> Result<Vec<Owned>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
        let names: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // (table, column, parent table, parent column)
        let mut keys = Vec::new();
        for table in &names {
            let mut fk = self
                .conn
                .prepare(&format!("PRAGMA foreign_key_list({})", quote(table)))?;
            let rows = fk.query_map([], |r| {
                Ok((
                    table.clone(),
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(4)?
                        .unwrap_or_else(|| "rowid".into()),
                ))
            })?;
            keys.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        let mut owned = vec![Owned {
            table: "person".into(),
            condition: "id = ?1".into(),
        }];
        loop {
            let known = owned.len();
            let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (table, column, parent, parent_column) in &keys {
                if owned.iter().any(|o| &o.table == table) {
                    continue;
                }
                if let Some(p) = owned.iter().find(|o| &o.table == parent) {
                    found.entry(table.clone()).or_default().push(format!(
                        "{} IN (SELECT {} FROM {} WHERE {})",
                        quote(column),
                        quote(parent_column),
                        quote(parent),
                        p.condition
                    ));
                }
            }
            for (table, conditions) in found {
                owned.push(Owned {
                    table,
                    condition: format!("({})", conditions.join(" OR ")),
                });
            }
            if owned.len() == known {
                break;
            }
        }
        if owned.len() < 2 {
            return Err(StoreError::Invalid("no tables refer to person".into()));
        }
        Ok(owned)
    }
}

/// An identifier from the schema, quoted for SQL.
pub(super) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn json(value: ValueRef) -> serde_json::Value {
    match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => b
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
            .into(),
    }
}
