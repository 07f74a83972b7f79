//! Offline copies and the team file: what travels between them, and the
//! three-way merge of one record. Plain data, no I/O: the store reads and
//! writes the rows, an adapter carries these values over a pipe.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The sync protocol's version: both sides must speak the same one.
pub const PROTOCOL: u32 = 1;

/// A record's columns by name, foreign keys given as the parent's uid (ids
/// are per file). Never holds the row's short id or its local version.
pub type Fields = Map<String, Value>;

/// One record as one side has it now; `fields: None` when it was deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub table: String,
    pub uid: String,
    pub fields: Option<Fields>,
    /// When and by whom it last changed (local time, to the second).
    pub changed_at: Option<String>,
    pub changed_by: Option<String>,
    /// The short id it has on the side that sent it: the other side uses the
    /// same number for a new record when that number is free, so people keep
    /// their numbers between the team file and a laptop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
}

/// A laptop's change: the record now, and as the team file had it at the
/// last sync (`None` for a record made on the laptop).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub record: Record,
    pub base: Option<Fields>,
    /// The laptop's change-log position: a push repeated after a dropped
    /// connection is recognised by it and changes nothing.
    pub seq: i64,
}

/// A field changed on both sides: the later change was kept, the other
/// value is kept here, in the record's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub table: String,
    pub uid: String,
    /// The uid of the person the record belongs to, if any.
    pub person: Option<String>,
    pub field: String,
    pub kept: Value,
    pub lost: Value,
    /// Whose value lost: "laptop (LOGIN)" or "team file (LOGIN)".
    pub lost_by: String,
    pub at: String,
}

/// A conflict as recorded in a person's history: which field of which kind
/// of record, the value kept, the value that lost and whose it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedConflict {
    pub table: String,
    pub field: String,
    /// The values as shown: text as it is, an empty field as "(empty)".
    pub kept: String,
    pub lost: String,
    pub lost_by: String,
    pub at: String,
}

/// A stored value (its JSON text) as a person reads it.
pub fn shown_value(json_text: &str) -> String {
    match serde_json::from_str::<Value>(json_text) {
        Ok(Value::Null) => "(empty)".into(),
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => json_text.to_string(),
    }
}

/// A laptop's changes since its last sync.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Push {
    pub device: String,
    /// The laptop's change log up to here is in `changes`.
    pub upto: i64,
    /// The team file's change log position the laptop has pulled up to.
    pub cursor: i64,
    /// The team file's worker change count the laptop has seen.
    pub workers_seen: i64,
    pub changes: Vec<Change>,
}

/// The team file's answer: what it changed since the laptop's cursor
/// (including its own merge of the push), in parent-first order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pull {
    pub records: Vec<Record>,
    /// People who left this caseload (handed on) or were erased: their uids.
    pub gone_people: Vec<String>,
    pub conflicts: Vec<Conflict>,
    /// The whole workers list, when it changed since the laptop last saw it.
    pub workers: Option<Vec<Fields>>,
    pub workers_seen: i64,
    pub cursor: i64,
    /// Changes of the push the team file applied, and those it could not
    /// (their person was erased there, or is not on this worker's caseload).
    pub applied: usize,
    pub dropped: usize,
}

/// Everything a new laptop copy starts with: the directory, the workers and
/// this worker's people with their records, parents first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub records: Vec<Record>,
    pub workers: Vec<Fields>,
    pub workers_seen: i64,
    pub cursor: i64,
}

/// What one sync did, for its one-line summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub pushed: usize,
    pub pulled: usize,
    pub conflicts: usize,
    pub joined: usize,
    pub left: usize,
    /// Pushed changes the team file could not apply.
    pub dropped: usize,
}

/// The first message each way: who is asking for what, and who answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hello {
    Clone {
        protocol: u32,
        schema: i64,
    },
    Sync {
        protocol: u32,
        schema: i64,
        worker: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Welcome { worker: String, encrypted: bool },
    Snapshot(Box<Snapshot>),
    Pull(Box<Pull>),
    Error(String),
}

/// The outcome of merging one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The fields to write on this side (only those that change).
    pub writes: Fields,
    /// Fields changed on both sides to different values: (field, kept, lost).
    pub conflicts: Vec<(String, Value, Value)>,
}

/// Three-way merge of one record. `base` is the record as both sides last
/// agreed, `mine` as the laptop has it, `theirs` as the team file has it.
/// A field changed on one side only takes that side's value; changed on
/// both to different values, the later change (`mine_later`) wins and the
/// other value is returned as a conflict. A field nobody changed stays.
pub fn merge(base: &Fields, mine: &Fields, theirs: &Fields, mine_later: bool) -> Merged {
    let mut merged = Merged {
        writes: Fields::new(),
        conflicts: Vec::new(),
    };
    for (field, mine_value) in mine {
        let base_value = base.get(field).unwrap_or(&Value::Null);
        let theirs_value = theirs.get(field).unwrap_or(&Value::Null);
        if mine_value == base_value || mine_value == theirs_value {
            continue; // not changed on the laptop, or changed the same way
        }
        if theirs_value == base_value {
            merged.writes.insert(field.clone(), mine_value.clone());
            continue;
        }
        if done_stays_done(field, mine_value, theirs_value) {
            continue;
        }
        if field == "updated_at" {
            // Bookkeeping, not a person's words: the later moment, no conflict.
            if later(mine_value, theirs_value) {
                merged.writes.insert(field.clone(), mine_value.clone());
            }
            continue;
        }
        if mine_later {
            merged.writes.insert(field.clone(), mine_value.clone());
            merged
                .conflicts
                .push((field.clone(), mine_value.clone(), theirs_value.clone()));
        } else {
            merged
                .conflicts
                .push((field.clone(), theirs_value.clone(), mine_value.clone()));
        }
    }
    merged
}

fn later(a: &Value, b: &Value) -> bool {
    a.as_str().unwrap_or("") > b.as_str().unwrap_or("")
}

/// A follow-up marked done on one side stays done: a `done_at` is never
/// undone by the other side's different (or empty) one.
fn done_stays_done(field: &str, mine: &Value, theirs: &Value) -> bool {
    field == "done_at" && mine.is_null() && !theirs.is_null()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> Fields {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn a_field_changed_on_one_side_takes_that_value() {
        let base = fields(json!({"phone": "1", "email": "a"}));
        let mine = fields(json!({"phone": "2", "email": "a"}));
        let theirs = fields(json!({"phone": "1", "email": "b"}));
        let m = merge(&base, &mine, &theirs, false);
        assert_eq!(m.writes, fields(json!({"phone": "2"})));
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn both_sides_changing_a_field_keeps_the_later_and_reports_the_other() {
        let base = fields(json!({"phone": "1"}));
        let mine = fields(json!({"phone": "2"}));
        let theirs = fields(json!({"phone": "3"}));
        let later = merge(&base, &mine, &theirs, true);
        assert_eq!(later.writes, fields(json!({"phone": "2"})));
        assert_eq!(
            later.conflicts,
            vec![("phone".into(), json!("2"), json!("3"))]
        );
        let earlier = merge(&base, &mine, &theirs, false);
        assert!(earlier.writes.is_empty());
        assert_eq!(
            earlier.conflicts,
            vec![("phone".into(), json!("3"), json!("2"))]
        );
    }

    #[test]
    fn updated_at_takes_the_later_moment_and_is_no_conflict() {
        let base = fields(json!({"updated_at": "2026-12-01T09:00:00"}));
        let mine = fields(json!({"updated_at": "2026-12-07T11:00:00"}));
        let theirs = fields(json!({"updated_at": "2026-12-07T10:00:00"}));
        let m = merge(&base, &mine, &theirs, false);
        assert_eq!(m.writes, mine);
        assert!(m.conflicts.is_empty());
        assert!(merge(&base, &theirs, &mine, true).writes.is_empty());
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = fields(json!({"phone": "1"}));
        let both = fields(json!({"phone": "2"}));
        let m = merge(&base, &both, &both, false);
        assert!(m.writes.is_empty() && m.conflicts.is_empty());
    }

    #[test]
    fn a_follow_up_done_on_the_team_file_and_moved_on_the_laptop_stays_done() {
        let base = fields(json!({"due_on": "2026-12-01", "done_at": null}));
        let mine = fields(json!({"due_on": "2026-12-08", "done_at": null}));
        let theirs = fields(json!({"due_on": "2026-12-01", "done_at": "2026-12-02T10:00:00"}));
        let m = merge(&base, &mine, &theirs, true);
        assert_eq!(m.writes, fields(json!({"due_on": "2026-12-08"})));
        assert!(m.conflicts.is_empty());
    }
}
