//! Laptop copies of one worker's caseload and the team file they sync with
//! (issue 22). Engine: a change log kept by triggers (`sync_change`, schema
//! 15), not the session extension: the log works the same on SQLCipher
//! files, needs no libclang at build time, and carries each record's change
//! time, which the "later change wins" rule needs and a changeset lacks.
//!
//! Records travel as `Fields` (column -> value) with foreign keys as the
//! parent's uid, so each file keeps its own short ids. The team file merges
//! a push in one transaction and answers with what changed since the
//! laptop's cursor; the laptop applies that in one transaction. A push
//! carries its change-log position, so repeating it after a dropped
//! connection changes nothing.

use std::collections::HashSet;
use std::ops::Deref;

use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
mod rows;

pub(crate) use rows::delete_person_rows;
use rows::*;

use super::subject_access::Owned;
use super::{Copies, Result, Stamp, Store, StoreError};
use crate::domain::sync::{
    Change, Conflict, Fields, Pull, Push, Record, RecordedConflict, Snapshot, Summary, merge,
    shown_value,
};

/// Where a laptop copy came from and how far it has synced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub origin: String,
    pub worker: String,
    pub device: String,
    pub synced_at: Option<String>,
    pub cloned_at: String,
    /// Local changes not yet pushed.
    pub waiting: i64,
}

/// Keeps, of a change to a record the team file already has, only the
/// fields that differ from the base, and the base of those fields alone: a
/// one-field edit travels as one field. `true` when nothing is left (the
/// record was written back unchanged), so there is nothing to push.
fn trim_to_changed(change: &mut Change) -> bool {
    let (Some(base), Some(fields)) = (change.base.as_mut(), change.record.fields.as_mut()) else {
        return false;
    };
    fields.retain(|k, v| base.get(k) != Some(v));
    base.retain(|k, _| fields.contains_key(k));
    fields.is_empty()
}

/// One row of the change log.
struct Logged {
    seq: i64,
    tbl: String,
    uid: String,
    gone: bool,
    changed_at: Option<String>,
    changed_by: Option<String>,
}

fn sorted(mut changes: Vec<Change>) -> Vec<Change> {
    changes.sort_by_key(|c| (order(&c.record.table), c.seq));
    changes
}

impl<S: Deref<Target = Store>> Copies<S> {
    /// Everything a new laptop copy for `worker` starts with: the directory,
    /// the workers and only this worker's people, read in one transaction.
    pub fn snapshot(&self, worker: &str) -> Result<Snapshot> {
        let tx = self.0.conn.unchecked_transaction()?;
        let mut records = Vec::new();
        for t in TABLES {
            let mut found = read_where(&tx, t, &scope(t, MINE), &[SqlValue::Text(worker.into())])?;
            records.append(&mut found);
        }
        let snapshot = Snapshot {
            records,
            workers: workers(&tx)?,
            workers_seen: workers_seen(&tx)?,
            cursor: max_seq(&tx)?,
        };
        tx.finish()?;
        Ok(snapshot)
    }

    /// This file's origin, if it is a laptop copy.
    pub fn origin(&self) -> Result<Option<Origin>> {
        let conn = &self.0.conn;
        let row = conn
            .query_row(
                "SELECT origin, worker, device, synced_at, cloned_at, pushed FROM sync_origin",
                [],
                |r| {
                    Ok((
                        Origin {
                            origin: r.get(0)?,
                            worker: r.get(1)?,
                            device: r.get(2)?,
                            synced_at: r.get(3)?,
                            cloned_at: r.get(4)?,
                            waiting: 0,
                        },
                        r.get::<_, i64>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((mut origin, pushed)) = row else {
            return Ok(None);
        };
        origin.waiting = conn.query_row(
            "SELECT count(*) FROM sync_change WHERE seq > ?1 AND pulled = 0",
            [pushed],
            |r| r.get(0),
        )?;
        Ok(Some(origin))
    }

    /// A laptop copy's changes since its last push, parents first.
    pub fn local_changes(&self) -> Result<Push> {
        let conn = &self.0.conn;
        let tx = conn.unchecked_transaction()?;
        let (device, cursor, pushed, seen): (String, i64, i64, i64) = tx
            .query_row(
                "SELECT device, cursor, pushed, workers_n FROM sync_origin",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or_else(not_a_copy)?;
        let mut stmt = tx.prepare(
            "SELECT seq, tbl, uid, gone, changed_at, changed_by FROM sync_change
              WHERE seq > ?1 AND pulled = 0 ORDER BY seq",
        )?;
        let logged: Vec<Logged> = stmt
            .query_map([pushed], |r| {
                Ok(Logged {
                    seq: r.get(0)?,
                    tbl: r.get(1)?,
                    uid: r.get(2)?,
                    gone: r.get(3)?,
                    changed_at: r.get(4)?,
                    changed_by: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        let mut changes = Vec::new();
        for Logged {
            seq,
            tbl,
            uid,
            gone,
            changed_at,
            changed_by,
        } in logged
        {
            let t = table(&tbl)?;
            let record = match (gone, read_one(&tx, t, &uid)?) {
                (false, Some(mut r)) => {
                    r.changed_at = changed_at;
                    r.changed_by = changed_by;
                    r
                }
                _ => Record {
                    table: tbl.clone(),
                    uid: uid.clone(),
                    fields: None,
                    changed_at,
                    changed_by,
                    id: None,
                },
            };
            let mut change = Change {
                base: base(&tx, &tbl, &uid)?,
                record,
                seq,
            };
            if !trim_to_changed(&mut change) {
                changes.push(change);
            }
        }
        let upto = max_seq(&tx)?.max(pushed);
        tx.finish()?;
        Ok(Push {
            device,
            upto,
            cursor,
            workers_seen: seen,
            changes: sorted(changes),
        })
    }
}

fn not_a_copy() -> StoreError {
    StoreError::Invalid(
        "this file is not a laptop copy; make one with `caseload sync clone SERVER:PATH`".into(),
    )
}

/// What merging a push into the team file produced, beside the answer.
struct Merging {
    pull: Pull,
    /// Records whose merged state is what the laptop sent: not sent back.
    echo: HashSet<(String, String)>,
    erased: Vec<i64>,
}

impl Copies<&mut Store> {
    /// Fills a new, empty file from `snapshot` as `worker`'s laptop copy of
    /// `origin`. Refused on a file that already holds people or a copy.
    pub fn start(&mut self, snapshot: &Snapshot, origin: &str, worker: &str) -> Result<()> {
        self.0.write(|tx, at| {
            let used: bool = tx.query_row(
                "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM sync_origin) > 0",
                [],
                |r| r.get(0),
            )?;
            if used {
                return Err(StoreError::Invalid(
                    "that file already holds a caseload; give a new file with --db".into(),
                ));
            }
            replace_workers(tx, &snapshot.workers)?;
            let mut records: Vec<&Record> = snapshot.records.iter().collect();
            records.sort_by_key(|r| order(&r.table));
            for r in records {
                let t = table(&r.table)?;
                let Some(fields) = &r.fields else { continue };
                if local_id(tx, t.name, &r.uid)?.is_some() {
                    continue;
                }
                if insert(tx, t, r, fields)? {
                    set_base(tx, t.name, &r.uid, Some(fields))?;
                    restamp(tx, r, true)?;
                }
            }
            let seq = max_seq(tx)?;
            tx.execute(
                &format!(
                    "INSERT INTO sync_origin (id, origin, worker, device, cursor, pushed, workers_n, cloned_at)
                     VALUES (1, ?1, ?2, {NEW_UID}, ?3, ?4, ?5, ?6)"
                ),
                (origin, worker, snapshot.cursor, seq, snapshot.workers_seen, &at.now),
            )?;
            Store::audit(tx, at, "sync clone", "copy", 0)
        })
    }

    /// Merges a laptop's push into the team file as `worker`, in one
    /// transaction, and answers with what the laptop should take.
    pub fn merge_push(&mut self, worker: &str, push: &Push) -> Result<Pull> {
        let owned = self.0.person_tables()?;
        let merging = self.0.write(|tx, at| {
            let mut m = Merging {
                pull: Pull::default(),
                echo: HashSet::new(),
                erased: Vec::new(),
            };
            let applied = device_applied(tx, worker, &push.device)?;
            for change in sorted(push.changes.clone()) {
                if change.seq <= applied {
                    continue;
                }
                merge_change(tx, at, (worker, push.cursor), &owned, &change, &mut m)?;
            }
            for c in &m.pull.conflicts {
                record_conflict(tx, c)?;
            }
            tx.execute(
                "UPDATE sync_device SET applied = max(applied, ?2), synced_at = ?3 WHERE device = ?1",
                (&push.device, push.upto, &at.now),
            )?;
            let device = format!("device {}", push.device);
            Store::audit_because(tx, at, ("sync", "copy", m.pull.applied as i64), &device)?;
            collect(tx, worker, push, &mut m)?;
            Ok(m)
        })?;
        if !merging.erased.is_empty() {
            self.0.scrub()?;
        }
        Ok(merging.pull)
    }

    /// Applies the team file's answer to this laptop copy, in one
    /// transaction. A record changed here while the sync ran is left as it
    /// is (its change goes with the next sync).
    pub fn finish(&mut self, push: &Push, pull: &Pull) -> Result<Summary> {
        let owned = self.0.person_tables()?;
        let summary = self.0.write(|tx, at| {
            let mut s = Summary {
                pushed: pull.applied,
                conflicts: pull.conflicts.len(),
                dropped: pull.dropped,
                ..Summary::default()
            };
            for c in &push.changes {
                // A push carries only changed fields: the rest of the base stays.
                let whole = c.record.fields.as_ref().map(|sent| {
                    let mut whole = base(tx, &c.record.table, &c.record.uid)
                        .ok()
                        .flatten()
                        .unwrap_or_default();
                    whole.extend(sent.clone());
                    whole
                });
                set_base(tx, &c.record.table, &c.record.uid, whole.as_ref())?;
            }
            let mut records: Vec<&Record> = pull.records.iter().collect();
            records.sort_by_key(|r| order(&r.table));
            for r in records {
                if take_pulled(tx, push.upto, r, &mut s)? {
                    s.pulled += 1;
                }
            }
            for uid in &pull.gone_people {
                if let Some(id) = local_id(tx, "person", uid)? {
                    delete_person_rows(tx, &owned, id)?;
                    Store::audit(tx, at, "sync left", "person", id)?;
                    s.left += 1;
                }
            }
            for c in &pull.conflicts {
                record_conflict(tx, c)?;
            }
            if let Some(list) = &pull.workers {
                replace_workers(tx, list)?;
            }
            // Whatever this transaction logged came from the team file (the
            // rows of people who left, above): none of it is to go back.
            tx.execute(
                "UPDATE sync_change SET pulled = 1 WHERE changed_at IS NULL",
                [],
            )?;
            tx.execute(
                "UPDATE sync_origin SET cursor = ?1, pushed = max(pushed, ?2), workers_n = ?3, synced_at = ?4",
                (pull.cursor, push.upto, pull.workers_seen, &at.now),
            )?;
            let what = format!(
                "device {}: pushed {}, pulled {}, conflicts {}",
                push.device, s.pushed, s.pulled, s.conflicts
            );
            Store::audit_because(tx, at, ("sync", "copy", s.pulled as i64), &what)?;
            Ok(s)
        })?;
        if summary.left > 0 {
            self.0.scrub()?;
        }
        Ok(summary)
    }
}

/// The device's applied position on the team file, registering it (for
/// `worker`) on its first sync. A device is one worker's copy only.
fn device_applied(tx: &Transaction, worker: &str, device: &str) -> Result<i64> {
    let found: Option<(String, i64)> = tx
        .query_row(
            "SELECT worker, applied FROM sync_device WHERE device = ?1",
            [device],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        Some((w, applied)) if w == worker => Ok(applied),
        Some((w, _)) => Err(StoreError::Invalid(format!(
            "this laptop copy is {w}'s, not {worker}'s: sync it as {w}"
        ))),
        None => {
            tx.execute(
                "INSERT INTO sync_device (device, worker, applied) VALUES (?1, ?2, 0)",
                (device, worker),
            )?;
            Ok(0)
        }
    }
}

/// Whether `worker` may change the records of person `uid` on the team
/// file: theirs now, or handed on by them (their offline work still lands).
fn may_change(tx: &Transaction, worker: &str, person: &str) -> Result<bool> {
    Ok(tx.query_row(
        "SELECT count(*) > 0 FROM person p WHERE p.uid = ?1
            AND (p.assigned_worker = ?2
                 OR EXISTS (SELECT 1 FROM handover h WHERE h.person_id = p.id AND h.from_worker = ?2))",
        (person, worker),
        |r| r.get(0),
    )?)
}

/// `who`: the worker, and the team file's position the laptop has pulled to.
fn merge_change(
    tx: &Transaction,
    at: &Stamp,
    (worker, cursor): (&str, i64),
    owned: &[Owned],
    change: &Change,
    m: &mut Merging,
) -> Result<()> {
    let r = &change.record;
    let t = table(&r.table)?;
    let theirs = read_one(tx, t, &r.uid)?;
    // Whose the record is here (the whole row), and whose the laptop makes
    // it (a new record, or one moved): someone else's person is refused, a
    // new person is this worker's to add, a service is anyone's.
    let person = person_of(
        tx,
        t.name,
        &r.uid,
        theirs.as_ref().and_then(|x| x.fields.as_ref()),
    )?;
    let moved_to = person_of(tx, t.name, &r.uid, r.fields.as_ref())?;
    for owner in [&person, &moved_to].into_iter().flatten() {
        if local_id(tx, "person", owner)?.is_some() && !may_change(tx, worker, owner)? {
            m.pull.dropped += 1;
            return Ok(());
        }
    }
    let person = person.or(moved_to);
    let mut stamped = r.clone();
    stamped.changed_by = Some(format!("{worker} (laptop)"));
    match (theirs, &r.fields) {
        (None, Some(fields)) => {
            // Known at the last sync but gone now: erased on the team file.
            if change.base.is_some() || !insert(tx, t, r, fields)? {
                m.pull.dropped += 1;
                return Ok(());
            }
            m.echo.insert((r.table.clone(), r.uid.clone()));
        }
        (Some(theirs), Some(mine)) => {
            let theirs_fields = theirs.fields.clone().unwrap_or_default();
            // Unchanged here since the laptop last pulled: the laptop's base
            // is this record, so with its changes on, both sides agree.
            let seq: Option<i64> = tx
                .prepare_cached("SELECT seq FROM sync_change WHERE tbl = ?1 AND uid = ?2")?
                .query_row((&r.table, &r.uid), |row| row.get(0))
                .optional()?;
            let unchanged_here = seq.is_none_or(|s| s <= cursor);
            let base = change.base.clone().unwrap_or_else(|| theirs_fields.clone());
            let mine_later =
                r.changed_at.as_deref().unwrap_or("") > theirs.changed_at.as_deref().unwrap_or("");
            let merged = merge(&base, mine, &theirs_fields, mine_later);
            if !update(tx, t, &r.uid, &merged.writes)? {
                m.pull.dropped += 1;
                return Ok(());
            }
            for (field, kept, lost) in merged.conflicts.iter().cloned() {
                let lost_by = if mine_later {
                    format!(
                        "team file ({})",
                        theirs.changed_by.as_deref().unwrap_or("?")
                    )
                } else {
                    format!("laptop ({worker})")
                };
                m.pull.conflicts.push(Conflict {
                    table: r.table.clone(),
                    uid: r.uid.clone(),
                    person: person.clone(),
                    field,
                    kept,
                    lost,
                    lost_by,
                    at: at.now.clone(),
                });
            }
            if unchanged_here && merged.conflicts.is_empty() {
                m.echo.insert((r.table.clone(), r.uid.clone()));
            }
            if merged.writes.is_empty() {
                m.pull.applied += 1;
                return Ok(());
            }
            if !mine_later {
                // The team file's later change stays the record's last.
                stamped.changed_at = theirs.changed_at.clone();
                stamped.changed_by = theirs.changed_by.clone();
            }
        }
        (Some(_), None) if t.name == "person" => {
            // Only a person on this worker's caseload now is erased from a
            // laptop: one handed on meanwhile is their new worker's.
            let theirs_now: bool = tx.query_row(
                "SELECT count(*) > 0 FROM person WHERE uid = ?1 AND assigned_worker = ?2",
                (&r.uid, worker),
                |row| row.get(0),
            )?;
            if !theirs_now {
                m.pull.dropped += 1;
                return Ok(());
            }
            if let Some(id) = local_id(tx, "person", &r.uid)? {
                delete_person_rows(tx, owned, id)?;
                Store::audit_because(tx, at, ("erase", "person", id), "erased on a laptop copy")?;
                m.erased.push(id);
            }
        }
        // Only erasure deletes, and a person's erasure takes their rows.
        (Some(_), None) | (None, None) => {}
    }
    if t.name != "person" || r.fields.is_some() {
        restamp(tx, &stamped, false)?;
    }
    m.pull.applied += 1;
    Ok(())
}

/// The answer to a push: records changed since the laptop's cursor on this
/// worker's caseload (and the whole record of people handed to them), the
/// people who left or were erased, and the workers if they changed.
fn collect(tx: &Transaction, worker: &str, push: &Push, m: &mut Merging) -> Result<()> {
    let args = [
        SqlValue::Text(worker.into()),
        SqlValue::Integer(push.cursor),
    ];
    for t in TABLES {
        let changed = format!(
            "t.uid IN (SELECT uid FROM sync_change WHERE tbl = '{}' AND seq > ?2 AND gone = 0)",
            t.name
        );
        let mut condition = match t.name {
            "service" => format!("{changed} AND ?1 = ?1"),
            _ => format!("({changed} AND {}) OR {}", scope(t, MINE), scope(t, JOINED)),
        };
        if t.name == "reminder" {
            condition.push_str(&format!(
                " OR ({changed} AND t.person_id IS NULL AND t.owner = ?1)"
            ));
        }
        for r in read_where(tx, t, &condition, &args)? {
            if !m.echo.contains(&(r.table.clone(), r.uid.clone())) {
                m.pull.records.push(r);
            }
        }
    }
    let mut stmt = tx.prepare(
        "SELECT uid FROM sync_change WHERE tbl = 'person' AND gone = 1 AND seq > ?2 AND ?1 = ?1
         UNION
         SELECT p.uid FROM handover h
           JOIN sync_change sc ON sc.tbl = 'handover' AND sc.uid = h.uid
           JOIN person p ON p.id = h.person_id
          WHERE sc.seq > ?2 AND h.from_worker = ?1 AND coalesce(p.assigned_worker, '') != ?1",
    )?;
    m.pull.gone_people = stmt
        .query_map(params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let seen = workers_seen(tx)?;
    if seen != push.workers_seen {
        m.pull.workers = Some(workers(tx)?);
    }
    m.pull.workers_seen = seen;
    m.pull.cursor = max_seq(tx)?;
    Ok(())
}

/// Takes one record from the team file into this laptop copy; `false` when
/// it is left out (changed here during the sync, or its parent is missing).
fn take_pulled(tx: &Transaction, upto: i64, r: &Record, s: &mut Summary) -> Result<bool> {
    let t = table(&r.table)?;
    let Some(fields) = &r.fields else {
        return Ok(false);
    };
    let logged: Option<(i64, bool)> = tx
        .prepare_cached("SELECT seq, pulled FROM sync_change WHERE tbl = ?1 AND uid = ?2")?
        .query_row((&r.table, &r.uid), |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if matches!(logged, Some((seq, false)) if seq > upto) {
        return Ok(false);
    }
    let taken = match read_one(tx, t, &r.uid)? {
        None => {
            let ok = insert(tx, t, r, fields)?;
            if ok && t.name == "person" {
                s.joined += 1;
            }
            ok
        }
        Some(mine) => {
            let mine = mine.fields.unwrap_or_default();
            let writes: Fields = fields
                .iter()
                .filter(|(k, v)| mine.get(*k) != Some(v))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            update(tx, t, &r.uid, &writes)?
        }
    };
    if taken {
        set_base(tx, t.name, &r.uid, Some(fields))?;
        restamp(tx, r, true)?;
    }
    Ok(taken)
}

fn record_conflict(tx: &Transaction, c: &Conflict) -> Result<()> {
    let person = match &c.person {
        Some(uid) => local_id(tx, "person", uid)?,
        None => None,
    };
    tx.execute(
        "INSERT INTO sync_conflict (person_id, tbl, uid, field, kept, lost, lost_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        (
            person,
            &c.table,
            &c.uid,
            &c.field,
            c.kept.to_string(),
            c.lost.to_string(),
            &c.lost_by,
            &c.at,
        ),
    )?;
    Ok(())
}

impl<S: Deref<Target = Store>> Copies<S> {
    /// The conflicts a sync recorded at moment `at`, with the person's name.
    pub fn conflicts_at(&self, at: &str) -> Result<Vec<(String, RecordedConflict)>> {
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name,
                    c.tbl, c.field, coalesce(c.kept, 'null'), coalesce(c.lost, 'null'), c.lost_by, c.recorded_at
               FROM sync_conflict c LEFT JOIN person p ON p.id = c.person_id
              WHERE c.recorded_at = ?1 ORDER BY c.id",
        )?;
        let rows = stmt.query_map([at], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                conflict_from(r, 1)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The conflicts recorded about person `id`, oldest first.
    pub fn conflicts(&self, id: i64) -> Result<Vec<RecordedConflict>> {
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT tbl, field, coalesce(kept, 'null'), coalesce(lost, 'null'), lost_by, recorded_at
               FROM sync_conflict WHERE person_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| conflict_from(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A conflict from columns `first..first + 6` of a row: table, field, kept,
/// lost (their JSON text), lost by, when.
fn conflict_from(r: &rusqlite::Row, first: usize) -> rusqlite::Result<RecordedConflict> {
    Ok(RecordedConflict {
        table: r.get(first)?,
        field: r.get(first + 1)?,
        kept: shown_value(&r.get::<_, String>(first + 2)?),
        lost: shown_value(&r.get::<_, String>(first + 3)?),
        lost_by: r.get(first + 4)?,
        at: r.get(first + 5)?,
    })
}
