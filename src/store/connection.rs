//! Connections between a person and a service: `store.connections()` reads, `store.connections_mut()` writes.

use super::Connections;
use super::{Result, Store, StoreError, day};
use crate::domain::date::iso;
use crate::domain::service::{Connection, ConnectionEvent, ConnectionStatus};
use chrono::NaiveDate;
use rusqlite::{Connection as Sql, OptionalExtension, Row, params};
use std::ops::Deref;

impl<S: Deref<Target = Store>> Connections<S> {
    /// A person's connections, most recently changed first, each with its history.
    pub fn for_person(&self, person_id: i64) -> Result<Vec<Connection>> {
        let mut stmt = self.0.conn.prepare_cached(
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
        let mut hist = self.0.conn.prepare_cached(
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
        Ok(self.0.conn.query_row(
            "SELECT count(DISTINCT person_id) FROM connection
             WHERE service_id = ?1 AND status IN ('suggested', 'referred', 'attended')",
            [service_id],
            |r| r.get(0),
        )?)
    }
}

impl Connections<&mut Store> {
    /// Connects a person to a service with a first dated status.
    pub fn add(
        &mut self,
        person_id: i64,
        service_id: i64,
        status: ConnectionStatus,
        on: NaiveDate,
        note: Option<&str>,
    ) -> Result<i64> {
        self.0.write(|tx, at| {
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
    pub fn set_status(
        &mut self,
        id: i64,
        to: ConnectionStatus,
        on: NaiveDate,
        note: Option<&str>,
    ) -> Result<()> {
        self.0.write(|tx, at| {
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
