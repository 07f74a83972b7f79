//! Directory writes and reads beyond the basic list: edit, verify, deactivate,
//! all-or-nothing imports, and people's connections to services.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection as Sql, OptionalExtension, Row, params, params_from_iter};
use serde::Serialize;

use super::service::{SERVICE_COLUMNS, service_from_row};
use super::{Result, Stamp, Store, StoreError, day};
use crate::domain::date::iso;
use crate::domain::service::{
    Absent, Connection, ConnectionEvent, ConnectionStatus, Service, export_id, is_uuid,
};

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

impl Store {
    pub fn get_service(&self, id: i64) -> Result<Service> {
        self.conn
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

    /// Adds a service typed in by hand; an empty uid gets a new local one.
    pub fn create_service(&mut self, s: &Service) -> Result<i64> {
        self.write(|tx, at| {
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
    pub fn update_service(&mut self, s: &Service) -> Result<()> {
        self.write(|tx, at| {
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
    pub fn verify_service(&mut self, id: i64, on: NaiveDate) -> Result<()> {
        self.set_service_column(id, "verify", "last_verified_on", &iso(on))
    }

    /// Deactivates (kept for history, no longer offered) or reactivates a service.
    pub fn set_service_active(&mut self, id: i64, active: bool) -> Result<()> {
        let action = if active { "activate" } else { "deactivate" };
        self.set_service_column(id, action, "status", status_text(active))
    }

    fn set_service_column(
        &mut self,
        id: i64,
        action: &str,
        column: &str,
        value: &str,
    ) -> Result<()> {
        self.write(|tx, at| {
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

    /// What importing `services` would do, without writing anything.
    pub fn plan_import(&self, services: &[Service]) -> Result<ImportSummary> {
        self.plan_import_keeping(services, &[])
    }

    /// [`plan_import`](Self::plan_import) where `absent[i]` are the fields
    /// `services[i]`'s record left out (their stored values are kept).
    pub fn plan_import_keeping(
        &self,
        services: &[Service],
        absent: &[Absent],
    ) -> Result<ImportSummary> {
        let mut sum = ImportSummary::default();
        let legacy = legacy_export_ids(&self.conn)?;
        for (i, s) in services.iter().enumerate() {
            let none = Absent::default();
            match plan(&self.conn, &legacy, s, absent.get(i).unwrap_or(&none))?.0 {
                Plan::Add => sum.added += 1,
                Plan::Update(..) => sum.updated += 1,
                Plan::Unchanged => sum.unchanged += 1,
            }
        }
        Ok(sum)
    }

    /// Adds or updates (by uid) every service in one transaction: all or nothing.
    pub fn import_services(&mut self, services: &[Service]) -> Result<ImportSummary> {
        self.import_services_keeping(services, &[])
    }

    /// [`import_services`](Self::import_services) where `absent[i]` are the
    /// fields `services[i]`'s record left out: an update keeps what is
    /// stored for them, only fields the record gave (a `null` too) change.
    pub fn import_services_keeping(
        &mut self,
        services: &[Service],
        absent: &[Absent],
    ) -> Result<ImportSummary> {
        self.write(|tx, at| {
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

fn status_of(r: &Row, i: usize) -> rusqlite::Result<ConnectionStatus> {
    let text: String = r.get(i)?;
    ConnectionStatus::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            "unknown connection status".into(),
        )
    })
}

fn day_of(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    Ok(day(r.get(i)?).unwrap_or_default())
}

impl Store {
    /// Connects a person to a service with a first dated status.
    pub fn connect(
        &mut self,
        person_id: i64,
        service_id: i64,
        status: ConnectionStatus,
        on: NaiveDate,
        note: Option<&str>,
    ) -> Result<i64> {
        self.write(|tx, at| {
            exists(tx, "person", person_id)?;
            exists(tx, "service", service_id)?;
            // One current connection per person and service: a second `c` is
            // almost always a double press. Ended or declined ones may be retried.
            let current: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, status FROM connection
                     WHERE person_id = ?1 AND service_id = ?2
                       AND status IN ('suggested', 'referred', 'attended')
                     ORDER BY id DESC LIMIT 1",
                    params![person_id, service_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((id, status)) = current {
                return Err(StoreError::Invalid(format!(
                    "person {person_id} is already connected to service {service_id} \
                     (connection {id}, {status}); update that connection in pane 2 instead"
                )));
            }
            let now = at.now.clone();
            tx.execute(
                "INSERT INTO connection (person_id, service_id, status, status_on, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![person_id, service_id, status.as_str(), iso(on), note, now],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO connection_history (connection_id, status, status_on, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, status.as_str(), iso(on), note, now],
            )?;
            Store::audit(tx, at, "connect", "connection", id)?;
            Ok(id)
        })
    }

    /// Moves a connection to its next status, dated, with an optional note.
    pub fn set_connection_status(
        &mut self,
        id: i64,
        to: ConnectionStatus,
        on: NaiveDate,
        note: Option<&str>,
    ) -> Result<()> {
        self.write(|tx, at| {
            let (from, since): (ConnectionStatus, String) = tx
                .query_row(
                    "SELECT status, status_on FROM connection WHERE id = ?1",
                    [id],
                    |r| Ok((status_of(r, 0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound {
                    entity: "connection",
                    id,
                })?;
            // Steps are a history: one dated before the step it follows would
            // tell the GP a person attended before they were referred.
            if iso(on) < since {
                return Err(StoreError::Invalid(format!(
                    "connection {id} became {} on {since}: date this step {since} or later",
                    from.as_str()
                )));
            }
            if !from.next().contains(&to) {
                return Err(StoreError::Invalid(format!(
                    "connection {id} cannot go from {} to {}",
                    from.as_str(),
                    to.as_str()
                )));
            }
            let now = at.now.clone();
            tx.execute(
                "UPDATE connection SET status = ?2, status_on = ?3, note = ?4 WHERE id = ?1",
                params![id, to.as_str(), iso(on), note],
            )?;
            tx.execute(
                "INSERT INTO connection_history (connection_id, status, status_on, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, to.as_str(), iso(on), note, now],
            )?;
            Store::audit(tx, at, "connection-status", "connection", id)
        })
    }

    /// A person's connections, most recently changed first, each with its history.
    pub fn connections_for_person(&self, person_id: i64) -> Result<Vec<Connection>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.person_id, c.service_id, s.name, c.status, c.status_on, c.note
             FROM connection c JOIN service s ON s.id = c.service_id
             WHERE c.person_id = ?1 ORDER BY c.status_on DESC, c.id DESC",
        )?;
        let mut list: Vec<Connection> = stmt
            .query_map([person_id], |r| {
                Ok(Connection {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    service_id: r.get(2)?,
                    service_name: r.get(3)?,
                    status: status_of(r, 4)?,
                    status_on: day_of(r, 5)?,
                    note: r.get(6)?,
                    history: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut hist = self.conn.prepare_cached(
            "SELECT status, status_on, note FROM connection_history
             WHERE connection_id = ?1 ORDER BY id",
        )?;
        for c in &mut list {
            c.history = hist
                .query_map([c.id], |r| {
                    Ok(ConnectionEvent {
                        status: status_of(r, 0)?,
                        on: day_of(r, 1)?,
                        note: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            if c.history.is_empty() {
                // Made outside the app (demo data): its current state is its history.
                c.history.push(ConnectionEvent {
                    status: c.status,
                    on: c.status_on,
                    note: c.note.clone(),
                });
            }
        }
        Ok(list)
    }

    /// How many people are connected to a service now (suggested, referred or attending).
    pub fn connected_now(&self, service_id: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(DISTINCT person_id) FROM connection
             WHERE service_id = ?1 AND status IN ('suggested', 'referred', 'attended')",
            [service_id],
            |r| r.get(0),
        )?)
    }
}

fn exists(conn: &Sql, entity: &'static str, id: i64) -> Result<()> {
    let found: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {entity} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(StoreError::NotFound { entity, id })
    }
}

/// What `caseload serve` publishes: the directory tables alone, never a
/// person, note or worker.
impl Store {
    /// The directory's change counter: it moves on every write to a service
    /// (by any process), so a server can tell its copy is out of date.
    pub fn directory_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT n FROM change_counter WHERE tbl = 'service'")?
            .query_row([], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Every service by name (as [`list_services`](Self::list_services)),
    /// each with when it last changed (local time, ISO-8601 to the second).
    pub fn services_with_modified(&self) -> Result<Vec<(Service, Option<String>)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SERVICE_COLUMNS}, updated_at FROM service ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], |r| Ok((service_from_row(r)?, r.get(21)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
