//! Directory writes and reads beyond the basic list: edit, verify, deactivate,
//! all-or-nothing imports, and people's connections to services.

use super::Directory;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection as Sql, OptionalExtension, params, params_from_iter};
use serde::Serialize;
use std::ops::Deref;

use super::service::{SERVICE_COLUMNS, service_from_row};
use super::{Result, Stamp, Store, StoreError};
use crate::domain::date::iso;
use crate::domain::service::{Absent, Service, export_id, is_uuid};

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

enum Plan {
    Add,
    /// The row to update, and the uid it keeps (found by its export id).
    Update(i64, String),
    Unchanged,
}

fn by_uid(conn: &Sql, uid: &str) -> Result<Option<Service>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {SERVICE_COLUMNS} FROM service WHERE uid = ?1"
        ))?
        .query_row([uid], service_from_row)
        .optional()?)
}

/// Export ids of the rows written before schema 010 (or by `demo`), which
/// have none stored: export id -> uid, computed once per import.
type Legacy = std::collections::HashMap<String, String>;

fn legacy_export_ids(conn: &Sql) -> Result<Legacy> {
    let mut stmt = conn.prepare_cached("SELECT uid FROM service WHERE export_id IS NULL")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut map = Legacy::new();
    for uid in rows {
        let uid = uid?;
        map.insert(export_id(&uid), uid);
    }
    Ok(map)
}

/// The service exported under `id` (a UUID), for importing our own export:
/// a service whose uid is not a UUID is exported under one derived from it.
fn by_export_id(conn: &Sql, legacy: &Legacy, id: &str) -> Result<Option<Service>> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {SERVICE_COLUMNS} FROM service WHERE export_id = ?1 LIMIT 1"
        ))?
        .query_row([id], service_from_row)
        .optional()?;
    match (found, legacy.get(id)) {
        (Some(s), _) => Ok(Some(s)),
        (None, Some(uid)) => by_uid(conn, uid),
        (None, None) => Ok(None),
    }
}

/// What to do with `s`, and the service to write: `s` with the stored
/// value of every field its record left out (`absent`).
fn plan(conn: &Sql, legacy: &Legacy, s: &Service, absent: &Absent) -> Result<(Plan, Service)> {
    let existing = match by_uid(conn, &s.uid)? {
        Some(old) => Some(old),
        None if is_uuid(&s.uid) => by_export_id(conn, legacy, &s.uid)?,
        None => None,
    };
    let s = match &existing {
        Some(old) if !absent.is_empty() => absent.keep_stored(s, old),
        _ => s.clone(),
    };
    let plan = match existing {
        None => Plan::Add,
        // Notes only say what an import could not keep: a record that comes
        // back clean (our own export) leaves the old ones in place.
        Some(old)
            if old.same_content(&Service {
                uid: old.uid.clone(),
                import_notes: s.import_notes.clone().or(old.import_notes.clone()),
                ..s.clone()
            }) =>
        {
            Plan::Unchanged
        }
        Some(old) => Plan::Update(old.id, old.uid),
    };
    Ok((plan, s))
}

fn status_text(active: bool) -> &'static str {
    if active { "active" } else { "inactive" }
}

/// A service's stored columns, uid to source, in the order that
/// `insert_row` and `update_row` name them (?1 to ?21).
fn column_values(s: &Service) -> Vec<Value> {
    vec![
        s.uid.clone().into(),
        s.name.clone().into(),
        s.organisation.clone().into(),
        s.description.clone().into(),
        s.categories.clone().into(),
        s.area.clone().into(),
        s.address.clone().into(),
        s.postcode.clone().into(),
        s.phone.clone().into(),
        s.email.clone().into(),
        s.url.clone().into(),
        s.opening_times.clone().into(),
        s.eligibility.clone().into(),
        s.cost.clone().into(),
        s.how_to_refer.clone().into(),
        s.last_verified_on.map(iso).into(),
        status_text(s.active).to_string().into(),
        s.source.clone().into(),
        s.import_notes.clone().into(),
        s.source_extra.clone().into(),
        export_id(&s.uid).into(),
    ]
}

fn update_row(conn: &Sql, at: &Stamp, id: i64, s: &Service) -> Result<()> {
    let mut values = column_values(s);
    values.extend([at.now.clone().into(), id.into()]);
    let n = conn
        .prepare_cached(
            "UPDATE service SET uid = ?1, name = ?2, organisation = ?3, description = ?4,
                categories = ?5, area = ?6, address = ?7, postcode = ?8, phone = ?9,
                email = ?10, url = ?11, opening_times = ?12, eligibility = ?13, cost = ?14,
                how_to_refer = ?15, last_verified_on = ?16, status = ?17, source = ?18,
                import_notes = ?19, source_extra = ?20, export_id = ?21, updated_at = ?22
             WHERE id = ?23",
        )?
        .execute(params_from_iter(values))?;
    if n == 0 {
        return Err(StoreError::NotFound {
            entity: "service",
            id,
        });
    }
    Ok(())
}

fn insert_row(conn: &Sql, at: &Stamp, s: &Service) -> Result<i64> {
    let mut values = column_values(s);
    values.push(at.now.clone().into());
    conn.prepare_cached(
        "INSERT INTO service (uid, name, organisation, description, categories, area,
            address, postcode, phone, email, url, opening_times, eligibility, cost,
            how_to_refer, last_verified_on, status, source, import_notes, source_extra,
            export_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
            ?17, ?18, ?19, ?20, ?21, ?22, ?22)",
    )?
    .execute(params_from_iter(values))?;
    Ok(conn.last_insert_rowid())
}

/// A uid for a service typed in by hand: unique, never reused.
fn new_uid(conn: &Sql, at: &Stamp) -> Result<String> {
    let next: i64 = conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM service", [], |r| {
        r.get(0)
    })?;
    let stamp: String = at.now.chars().filter(char::is_ascii_digit).collect();
    Ok(format!("local-{stamp}-{next}"))
}

impl<S: Deref<Target = Store>> Directory<S> {
    pub fn get(&self, id: i64) -> Result<Service> {
        self.0
            .conn
            .prepare_cached(&format!(
                "SELECT {SERVICE_COLUMNS} FROM service WHERE id = ?1"
            ))?
            .query_row([id], service_from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: "service",
                id,
            })
    }

    /// What importing `services` would do, without writing anything.
    pub fn plan_import(&self, services: &[Service]) -> Result<ImportSummary> {
        self.0.directory().plan_import_keeping(services, &[])
    }

    /// [`Directory::plan_import`] where `absent[i]` are the fields
    /// `services[i]`'s record left out (their stored values are kept).
    pub fn plan_import_keeping(
        &self,
        services: &[Service],
        absent: &[Absent],
    ) -> Result<ImportSummary> {
        let mut sum = ImportSummary::default();
        let legacy = legacy_export_ids(&self.0.conn)?;
        for (i, s) in services.iter().enumerate() {
            let none = Absent::default();
            match plan(&self.0.conn, &legacy, s, absent.get(i).unwrap_or(&none))?.0 {
                Plan::Add => sum.added += 1,
                Plan::Update(..) => sum.updated += 1,
                Plan::Unchanged => sum.unchanged += 1,
            }
        }
        Ok(sum)
    }

    /// The directory's change counter: it moves on every write to a service
    /// (by any process), so a server can tell its copy is out of date.
    pub fn version(&self) -> Result<i64> {
        Ok(self
            .0
            .conn
            .prepare_cached("SELECT n FROM change_counter WHERE tbl = 'service'")?
            .query_row([], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Every service by name (as [`Directory::list`]),
    /// each with when it last changed (local time, ISO-8601 to the second).
    pub fn with_modified(&self) -> Result<Vec<(Service, Option<String>)>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "SELECT {SERVICE_COLUMNS}, updated_at FROM service ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], |r| Ok((service_from_row(r)?, r.get(21)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The whole directory, by name.
    pub fn list(&self) -> Result<Vec<Service>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "SELECT {SERVICE_COLUMNS} FROM service ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], service_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Directory<&mut Store> {
    /// Adds a service typed in by hand; an empty uid gets a new local one.
    pub fn create(&mut self, s: &Service) -> Result<i64> {
        self.0.write(|tx, at| {
            let mut s = s.clone();
            if s.uid.trim().is_empty() {
                s.uid = new_uid(tx, at)?;
            }
            let id = insert_row(tx, at, &s)?;
            Store::audit(tx, at, "add", "service", id)?;
            Ok(id)
        })
    }

    /// Saves every field of `s` (by its id).
    pub fn update(&mut self, s: &Service) -> Result<()> {
        self.0.write(|tx, at| {
            let (old, notes, extra) = tx
                .prepare_cached(
                    "SELECT uid, import_notes, source_extra FROM service WHERE id = ?1",
                )?
                .query_row([s.id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ))
                })
                .optional()?
                .ok_or(StoreError::NotFound {
                    entity: "service",
                    id: s.id,
                })?;
            let mut s = s.clone();
            if s.uid.trim().is_empty() {
                s.uid = old;
            }
            // A hand edit keeps what the last import could not keep, and
            // what the source said that we do not model (an export gives
            // back the parts whose fields the edit left alone).
            if s.import_notes.is_none() {
                s.import_notes = notes;
            }
            if s.source_extra.is_none() {
                s.source_extra = extra;
            }
            update_row(tx, at, s.id, &s)?;
            Store::audit(tx, at, "edit", "service", s.id)
        })
    }

    /// Marks a service checked and current as of `on`.
    pub fn verify(&mut self, id: i64, on: NaiveDate) -> Result<()> {
        self.0
            .directory_mut()
            .set_column(id, "verify", "last_verified_on", &iso(on))
    }

    /// Deactivates (kept for history, no longer offered) or reactivates a service.
    pub fn set_active(&mut self, id: i64, active: bool) -> Result<()> {
        let action = if active { "activate" } else { "deactivate" };
        self.0
            .directory_mut()
            .set_column(id, action, "status", status_text(active))
    }

    fn set_column(&mut self, id: i64, action: &str, column: &str, value: &str) -> Result<()> {
        self.0.write(|tx, at| {
            let n = tx.execute(
                &format!("UPDATE service SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
                params![id, value, at.now.clone()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    entity: "service",
                    id,
                });
            }
            Store::audit(tx, at, action, "service", id)
        })
    }

    /// Adds or updates (by uid) every service in one transaction: all or nothing.
    pub fn import(&mut self, services: &[Service]) -> Result<ImportSummary> {
        self.0.directory_mut().import_keeping(services, &[])
    }

    /// [`Directory::import`] where `absent[i]` are the
    /// fields `services[i]`'s record left out: an update keeps what is
    /// stored for them, only fields the record gave (a `null` too) change.
    pub fn import_keeping(
        &mut self,
        services: &[Service],
        absent: &[Absent],
    ) -> Result<ImportSummary> {
        self.0.write(|tx, at| {
            let mut sum = ImportSummary::default();
            let legacy = legacy_export_ids(tx)?;
            for (i, s) in services.iter().enumerate() {
                let none = Absent::default();
                let (planned, s) = plan(tx, &legacy, s, absent.get(i).unwrap_or(&none))?;
                match planned {
                    Plan::Add => {
                        let id = insert_row(tx, at, &s)?;
                        Store::audit(tx, at, "import-add", "service", id)?;
                        sum.added += 1;
                    }
                    Plan::Update(id, uid) => {
                        let s = Service { uid, ..s.clone() };
                        update_row(tx, at, id, &s)?;
                        Store::audit(tx, at, "import-update", "service", id)?;
                        sum.updated += 1;
                    }
                    Plan::Unchanged => sum.unchanged += 1,
                }
            }
            Ok(sum)
        })
    }
}
