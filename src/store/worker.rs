//! The workers of a team, whose caseload each person is on, and handovers.

use super::Workers;
use rusqlite::{OptionalExtension, Row};
use std::ops::Deref;

use super::{Handover, Result, Stamp, Store, StoreError, day};
use crate::domain::worker::{Role, Worker, check_login, check_name};

const WORKER_SELECT: &str = "SELECT login, name, role, retired_on FROM worker";

fn worker_from_row(r: &Row) -> rusqlite::Result<Worker> {
    let role: String = r.get(2)?;
    Ok(Worker {
        login: r.get(0)?,
        name: r.get(1)?,
        // The CHECK constraint allows nothing else; fall back rather than panic.
        role: Role::parse(&role).unwrap_or(Role::LinkWorker),
        retired_on: day(r.get(3)?),
    })
}

/// A worker just registered, and how many people already on file they took on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerAdded {
    pub id: i64,
    pub adopted: usize,
}

/// Every unassigned person goes to `login` (the file's first worker), as a
/// handover from nobody, with every open follow-up nobody owns.
fn adopt_unassigned(tx: &rusqlite::Transaction, at: &Stamp, login: &str) -> Result<usize> {
    tx.execute(
        "INSERT INTO handover (person_id, from_worker, to_worker, note, handed_on, created_at)
         SELECT id, NULL, ?1, NULL, ?2, ?3 FROM person WHERE assigned_worker IS NULL",
        (login, &at.now[..10], &at.now),
    )?;
    tx.execute(
        "INSERT INTO audit (at, actor, actor_name, action, entity, entity_id, reason)
         SELECT ?1, ?2, ?3, 'handover', 'person', id, 'unassigned -> ' || ?4
           FROM person WHERE assigned_worker IS NULL",
        (&at.now, &at.actor, &at.actor_name, login),
    )?;
    let adopted = tx.execute(
        "UPDATE person SET assigned_worker = ?1, updated_at = ?2, version = version + 1
          WHERE assigned_worker IS NULL",
        (login, &at.now),
    )?;
    tx.execute(
        "UPDATE reminder SET owner = ?1, version = version + 1
          WHERE owner IS NULL AND done_at IS NULL",
        [login],
    )?;
    Ok(adopted)
}

impl Store {
    /// The OS login every write is recorded under.
    pub fn actor(&self) -> &str {
        &self.actor
    }
}

fn unknown_worker(login: &str) -> StoreError {
    StoreError::Invalid(format!(
        "no worker {login}; add them with `caseload worker add --login {login} --name NAME`"
    ))
}

impl<S: Deref<Target = Store>> Workers<S> {
    /// Every worker, current ones first, then by name.
    pub fn list(&self) -> Result<Vec<Worker>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "{WORKER_SELECT} ORDER BY retired_on IS NOT NULL, name, login"
        ))?;
        let rows = stmt.query_map([], worker_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get(&self, login: &str) -> Result<Option<Worker>> {
        Ok(self
            .0
            .conn
            .query_row(
                &format!("{WORKER_SELECT} WHERE login = ?1"),
                [login],
                worker_from_row,
            )
            .optional()?)
    }

    /// The worker at the keyboard: the registered, not retired, worker whose
    /// login is this process's OS login. `None` in a file with no workers.
    pub fn me(&self) -> Result<Option<Worker>> {
        Ok(self
            .0
            .workers()
            .get(&self.0.actor)?
            .filter(|w| !w.is_retired()))
    }

    /// Person `id`'s handovers, oldest first.
    pub fn handovers(&self, id: i64) -> Result<Vec<Handover>> {
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT from_worker, to_worker, note, handed_on FROM handover
              WHERE person_id = ?1 ORDER BY handed_on, id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Handover {
                from_worker: r.get(0)?,
                to_worker: r.get(1)?,
                note: r.get(2)?,
                handed_on: day(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whose caseload person `id` is on (a login), if anyone's.
    pub fn assigned_to(&self, id: i64) -> Result<Option<String>> {
        self.0
            .conn
            .query_row(
                "SELECT assigned_worker FROM person WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: "person",
                id,
            })
    }
}

impl Workers<&mut Store> {
    /// Registers a worker. A login already registered is refused. The first
    /// worker on a file that already has people takes them on, with their
    /// open follow-ups: "my caseload" must never hide people who were there
    /// before the team was set up (each move is a dated handover, audited).
    pub fn add(&mut self, login: &str, name: &str, role: Role) -> Result<WorkerAdded> {
        let login = check_login(login).map_err(StoreError::Invalid)?;
        let name = check_name(name).map_err(StoreError::Invalid)?;
        self.0.write(|tx, at| {
            let taken: bool = tx.query_row(
                "SELECT count(*) > 0 FROM worker WHERE login = ?1",
                [&login],
                |r| r.get(0),
            )?;
            if taken {
                return Err(StoreError::Invalid(format!(
                    "worker {login} is already registered (see `caseload worker list`)"
                )));
            }
            tx.execute(
                "INSERT INTO worker (login, name, role, created_at) VALUES (?1, ?2, ?3, ?4)",
                (&login, &name, role.as_str(), &at.now),
            )?;
            let id = tx.last_insert_rowid();
            Store::audit(tx, at, "add", "worker", id)?;
            let first: bool = tx.query_row("SELECT count(*) = 1 FROM worker", [], |r| r.get(0))?;
            let adopted = if first {
                adopt_unassigned(tx, at, &login)?
            } else {
                0
            };
            Ok(WorkerAdded { id, adopted })
        })
    }

    /// Marks a worker as gone (they stay, so history still names them).
    /// Returns how many people are still assigned to them, to hand over.
    pub fn retire(&mut self, login: &str) -> Result<i64> {
        let login = &check_login(login).map_err(StoreError::Invalid)?;
        self.0.write(|tx, at| {
            let found: Option<(i64, Option<String>)> = tx
                .query_row(
                    "SELECT id, retired_on FROM worker WHERE login = ?1",
                    [login],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((id, retired)) = found else {
                return Err(unknown_worker(login));
            };
            if retired.is_some() {
                return Err(StoreError::Invalid(format!(
                    "worker {login} is already retired"
                )));
            }
            tx.execute(
                "UPDATE worker SET retired_on = ?2 WHERE id = ?1",
                (id, &at.now[..10]),
            )?;
            Store::audit(tx, at, "retire", "worker", id)?;
            Ok(tx.query_row(
                &format!(
                    "SELECT count(*) FROM person WHERE assigned_worker = ?1
                       AND status IN {}",
                    super::person::OPEN_STATUSES
                ),
                [login],
                |r| r.get(0),
            )?)
        })
    }

    /// Hands person `id` over to worker `to` (registered, not retired), with
    /// an optional note: a dated line in their status history, an audit row,
    /// and their open follow-ups move to `to` too.
    pub fn assign(&mut self, id: i64, to: &str, note: Option<&str>) -> Result<()> {
        let to = &check_login(to).map_err(StoreError::Invalid)?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.0.write(|tx, at| {
            let worker: Option<Option<String>> = tx
                .query_row(
                    "SELECT retired_on FROM worker WHERE login = ?1",
                    [to],
                    |r| r.get(0),
                )
                .optional()?;
            match worker {
                None => return Err(unknown_worker(to)),
                Some(Some(_)) => {
                    return Err(StoreError::Invalid(format!(
                        "worker {to} is retired; hand over to a current worker"
                    )));
                }
                Some(None) => {}
            }
            let from: Option<Option<String>> = tx
                .query_row(
                    "SELECT assigned_worker FROM person WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(from) = from else {
                return Err(StoreError::NotFound {
                    entity: "person",
                    id,
                });
            };
            if from.as_deref() == Some(to) {
                return Err(StoreError::Invalid(format!(
                    "person {id} is already on {to}'s caseload"
                )));
            }
            tx.execute(
                "UPDATE person SET assigned_worker = ?2, updated_at = ?3, version = version + 1
                  WHERE id = ?1",
                (id, to, &at.now),
            )?;
            tx.execute(
                "INSERT INTO handover (person_id, from_worker, to_worker, note, handed_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (id, &from, to, note, &at.now[..10], &at.now),
            )?;
            tx.execute(
                "UPDATE reminder SET owner = ?2, version = version + 1
                  WHERE person_id = ?1 AND done_at IS NULL AND owner IS NOT ?2",
                (id, to),
            )?;
            // Worker logins only: the note may be personal, so it stays out.
            let moved = format!("{} -> {to}", from.as_deref().unwrap_or("unassigned"));
            Store::audit_because(tx, at, ("handover", "person", id), &moved)?;
            Ok(())
        })
    }
}
