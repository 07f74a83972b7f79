//! The records that travel, as rows: which tables, their columns, a row
//! read as `Fields` (foreign keys as the parent's uid) and written back with
//! this file's ids, the merge bases, and the change log's stamps.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use serde_json::Value;

use crate::Result;
use crate::StoreError;
use crate::domain::sync::{Fields, Record};
use crate::subject_access::{Owned, quote};

/// A table whose records travel, with its foreign keys (column, parent).
pub(crate) struct Table {
    pub(crate) name: &'static str,
    pub(crate) fks: &'static [(&'static str, &'static str)],
}

/// Parents before children: records are applied in this order.
pub(crate) const TABLES: &[Table] = &[
    Table {
        name: "service",
        fks: &[],
    },
    Table {
        name: "person",
        fks: &[],
    },
    Table {
        name: "status_change",
        fks: &[("person_id", "person")],
    },
    Table {
        name: "conversation",
        fks: &[("person_id", "person"), ("amends", "conversation")],
    },
    Table {
        name: "goal",
        fks: &[("person_id", "person")],
    },
    Table {
        name: "measure",
        fks: &[("person_id", "person")],
    },
    Table {
        name: "connection",
        fks: &[("person_id", "person"), ("service_id", "service")],
    },
    Table {
        name: "connection_history",
        fks: &[("connection_id", "connection")],
    },
    Table {
        name: "reminder",
        fks: &[("person_id", "person"), ("service_id", "service")],
    },
    Table {
        name: "handover",
        fks: &[("person_id", "person")],
    },
];

/// Columns that stay on their own file: the short id and the edit counter.
pub(crate) const LOCAL_COLUMNS: &[&str] = &["id", "uid", "version"];

/// A random version 4 UUID, made by SQLite (as the schema's triggers do).
pub(crate) const NEW_UID: &str = "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

pub(crate) fn table(name: &str) -> Result<&'static Table> {
    TABLES
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| StoreError::Invalid(format!("sync: unknown table {}", quote(name))))
}

pub(crate) fn order(name: &str) -> usize {
    TABLES
        .iter()
        .position(|t| t.name == name)
        .unwrap_or(usize::MAX)
}

/// Whether `table` is one whose records travel (and so has a `uid`).
fn is_synced(name: &str) -> bool {
    TABLES.iter().any(|t| t.name == name)
}

/// The rows of `t` that belong to the people `people` (an SQL subquery of
/// person ids); services belong to everyone.
pub(crate) fn scope(t: &Table, people: &str) -> String {
    match t.name {
        // Every query binds the worker as ?1; this one needs it for nothing.
        "service" => "?1 = ?1".into(),
        "person" => format!("t.id IN {people}"),
        "connection_history" => {
            format!("t.connection_id IN (SELECT id FROM connection WHERE person_id IN {people})")
        }
        _ => format!("t.person_id IN {people}"),
    }
}

/// This worker's people now (?1 is the login).
pub(crate) const MINE: &str = "(SELECT id FROM person WHERE assigned_worker = ?1)";

/// People handed to this worker since the laptop's cursor (?2): their whole
/// record goes to the laptop, not only what changed.
pub(crate) const JOINED: &str = "(SELECT h.person_id FROM handover h
    JOIN sync_change sc ON sc.tbl = 'handover' AND sc.uid = h.uid
    WHERE sc.seq > ?2 AND h.to_worker = ?1
      AND h.person_id IN (SELECT id FROM person WHERE assigned_worker = ?1))";

pub(crate) fn columns(tx: &rusqlite::Connection, t: &Table) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(&format!("PRAGMA table_info({})", quote(t.name)))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    let mut out = Vec::new();
    for name in names {
        let name = name?;
        if !LOCAL_COLUMNS.contains(&name.as_str()) {
            out.push(name);
        }
    }
    Ok(out)
}

pub(crate) fn has_version(t: &Table) -> bool {
    matches!(t.name, "person" | "reminder")
}

pub(crate) fn json(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned().into(),
    }
}

pub(crate) fn sql(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        // Nothing in the schema holds these; kept as their JSON text.
        other => SqlValue::Text(other.to_string()),
    }
}

/// The records of `t` matching `condition` (over alias `t`), foreign keys
/// turned into their parents' uids, with each record's last change.
pub(crate) fn read_where(
    tx: &rusqlite::Connection,
    t: &Table,
    condition: &str,
    args: &[SqlValue],
) -> Result<Vec<Record>> {
    let cols = columns(tx, t)?;
    let select: Vec<String> = cols
        .iter()
        .map(|c| match t.fks.iter().find(|(fk, _)| fk == c) {
            Some((_, parent)) => format!(
                "(SELECT p.uid FROM {} p WHERE p.id = t.{})",
                quote(parent),
                quote(c)
            ),
            None => format!("t.{}", quote(c)),
        })
        .collect();
    let sql_text = format!(
        "SELECT t.id, t.uid, sc.changed_at, sc.changed_by, {} FROM {} t
           LEFT JOIN sync_change sc ON sc.tbl = '{}' AND sc.uid = t.uid
          WHERE {condition} ORDER BY t.id",
        select.join(", "),
        quote(t.name),
        t.name
    );
    let mut stmt = tx.prepare_cached(&sql_text)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        let mut fields = Fields::new();
        for (i, c) in cols.iter().enumerate() {
            fields.insert(c.clone(), json(r.get_ref(4 + i)?));
        }
        Ok(Record {
            table: t.name.to_string(),
            uid: r.get(1)?,
            fields: Some(fields),
            changed_at: r.get(2)?,
            changed_by: r.get(3)?,
            id: Some(r.get(0)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn read_one(tx: &rusqlite::Connection, t: &Table, uid: &str) -> Result<Option<Record>> {
    Ok(
        read_where(tx, t, "t.uid = ?1", &[SqlValue::Text(uid.into())])?
            .into_iter()
            .next(),
    )
}

pub(crate) fn local_id(tx: &rusqlite::Connection, table: &str, uid: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached(&format!("SELECT id FROM {} WHERE uid = ?1", quote(table)))?
        .query_row([uid], |r| r.get(0))
        .optional()?)
}

/// `fields` with foreign keys turned back into this file's ids; `None` when
/// a parent is not on this file (erased, or not this worker's).
pub(crate) fn localised(
    tx: &rusqlite::Connection,
    t: &Table,
    fields: &Fields,
) -> Result<Option<Fields>> {
    let mut out = fields.clone();
    for (fk, parent) in t.fks {
        let Some(Value::String(uid)) = fields.get(*fk) else {
            continue;
        };
        match local_id(tx, parent, uid)? {
            Some(id) => {
                out.insert((*fk).to_string(), id.into());
            }
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

/// Inserts a record new to this file, keeping its short id when free.
/// `false` when its parent is missing.
pub(crate) fn insert(
    tx: &Transaction,
    t: &Table,
    record: &Record,
    fields: &Fields,
) -> Result<bool> {
    let Some(local) = localised(tx, t, fields)? else {
        return Ok(false);
    };
    let known = columns(tx, t)?;
    let mut cols = vec!["uid".to_string()];
    let mut vals = vec![SqlValue::Text(record.uid.clone())];
    if let Some(id) = record.id {
        let taken: bool = tx
            .prepare_cached(&format!(
                "SELECT count(*) > 0 FROM {} WHERE id = ?1",
                quote(t.name)
            ))?
            .query_row([id], |r| r.get(0))?;
        if !taken {
            cols.push("id".into());
            vals.push(SqlValue::Integer(id));
        }
    }
    for (c, v) in &local {
        // A column this build does not know is refused before now (same
        // schema both sides); skipping keeps a stray key from becoming SQL.
        if known.contains(c) {
            cols.push(c.clone());
            vals.push(sql(v));
        }
    }
    let marks: Vec<String> = (1..=vals.len()).map(|i| format!("?{i}")).collect();
    let names: Vec<String> = cols.iter().map(|c| quote(c)).collect();
    tx.execute(
        &format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(t.name),
            names.join(", "),
            marks.join(", ")
        ),
        params_from_iter(vals.iter()),
    )?;
    Ok(true)
}

/// Writes `writes` over the record `uid`; `false` when a new parent is missing.
pub(crate) fn update(tx: &Transaction, t: &Table, uid: &str, writes: &Fields) -> Result<bool> {
    if writes.is_empty() {
        return Ok(true);
    }
    let Some(local) = localised(tx, t, writes)? else {
        return Ok(false);
    };
    let known = columns(tx, t)?;
    let mut sets = Vec::new();
    let mut vals = vec![SqlValue::Text(uid.to_string())];
    for (c, v) in &local {
        if known.contains(c) {
            vals.push(sql(v));
            sets.push(format!("{} = ?{}", quote(c), vals.len()));
        }
    }
    if has_version(t) {
        sets.push("version = version + 1".into());
    }
    tx.execute(
        &format!(
            "UPDATE {} SET {} WHERE uid = ?1",
            quote(t.name),
            sets.join(", ")
        ),
        params_from_iter(vals.iter()),
    )?;
    Ok(true)
}

/// Sets who changed `uid` and when to the other side's own stamp (not the
/// moment of the sync), so a later merge compares real change times.
pub(crate) fn restamp(tx: &Transaction, r: &Record, pulled: bool) -> Result<()> {
    tx.prepare_cached(
        "UPDATE sync_change SET changed_at = ?3, changed_by = ?4, pulled = ?5
          WHERE tbl = ?1 AND uid = ?2",
    )?
    .execute((
        &r.table,
        &r.uid,
        &r.changed_at,
        &r.changed_by,
        i64::from(pulled),
    ))?;
    Ok(())
}

/// The uid of the person record `r` belongs to.
/// The uid of the person record `uid` of `table` belongs to, read from
/// `fields` (a whole row: a push's fields are only those that changed).
pub(crate) fn person_of(
    tx: &rusqlite::Connection,
    table: &str,
    uid: &str,
    fields: Option<&Fields>,
) -> Result<Option<String>> {
    let get = |k: &str| fields.and_then(|f| f.get(k)).and_then(Value::as_str);
    Ok(match table {
        "person" => Some(uid.to_string()),
        "service" => None,
        "connection_history" => match get("connection_id") {
            Some(c) => tx
                .query_row(
                    "SELECT p.uid FROM connection c JOIN person p ON p.id = c.person_id
                      WHERE c.uid = ?1",
                    [c],
                    |row| row.get(0),
                )
                .optional()?,
            None => None,
        },
        _ => get("person_id").map(str::to_string),
    })
}

pub(crate) fn max_seq(tx: &rusqlite::Connection) -> Result<i64> {
    Ok(
        tx.query_row("SELECT coalesce(max(seq), 0) FROM sync_change", [], |r| {
            r.get(0)
        })?,
    )
}

pub(crate) fn workers_seen(tx: &rusqlite::Connection) -> Result<i64> {
    Ok(tx
        .query_row(
            "SELECT n FROM change_counter WHERE tbl = 'worker'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

pub(crate) fn workers(tx: &rusqlite::Connection) -> Result<Vec<Fields>> {
    let mut stmt = tx.prepare_cached(
        "SELECT login, name, role, retired_on, created_at FROM worker ORDER BY id",
    )?;
    let names = ["login", "name", "role", "retired_on", "created_at"];
    let rows = stmt.query_map([], |r| {
        let mut f = Fields::new();
        for (i, n) in names.iter().enumerate() {
            f.insert((*n).to_string(), json(r.get_ref(i)?));
        }
        Ok(f)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn replace_workers(tx: &Transaction, list: &[Fields]) -> Result<()> {
    tx.execute("DELETE FROM worker", [])?;
    let text = |f: &Fields, k: &str| f.get(k).and_then(Value::as_str).map(str::to_string);
    for w in list {
        tx.execute(
            "INSERT INTO worker (login, name, role, retired_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            (
                text(w, "login"),
                text(w, "name"),
                text(w, "role"),
                text(w, "retired_on"),
                text(w, "created_at"),
            ),
        )?;
    }
    Ok(())
}

pub(crate) fn set_base(
    tx: &Transaction,
    table: &str,
    uid: &str,
    fields: Option<&Fields>,
) -> Result<()> {
    match fields {
        Some(f) => tx
            .prepare_cached("INSERT OR REPLACE INTO sync_base (tbl, uid, row) VALUES (?1, ?2, ?3)")?
            .execute((table, uid, Value::Object(f.clone()).to_string()))?,
        None => tx
            .prepare_cached("DELETE FROM sync_base WHERE tbl = ?1 AND uid = ?2")?
            .execute((table, uid))?,
    };
    Ok(())
}

pub(crate) fn base(tx: &rusqlite::Connection, table: &str, uid: &str) -> Result<Option<Fields>> {
    let text: Option<String> = tx
        .prepare_cached("SELECT row FROM sync_base WHERE tbl = ?1 AND uid = ?2")?
        .query_row((table, uid), |r| r.get(0))
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Deletes every row about person `id` (the erasure's tables, children
/// first) and the copies of their records kept as merge bases.
pub(crate) fn delete_person_rows(tx: &Transaction, owned: &[Owned], id: i64) -> Result<usize> {
    for o in owned.iter().filter(|o| is_synced(&o.table)) {
        tx.execute(
            &format!(
                "DELETE FROM sync_base WHERE tbl = '{}' AND uid IN (SELECT uid FROM {} WHERE {})",
                o.table,
                quote(&o.table),
                o.condition
            ),
            [id],
        )?;
    }
    let mut removed = 0;
    for o in owned.iter().rev() {
        let sql = format!("DELETE FROM {} WHERE {}", quote(&o.table), o.condition);
        removed += tx.execute(&sql, [id])?;
    }
    Ok(removed)
}
