//! Records read from the store that the formats layer turns into files: the
//! audit trail, a person's status history and handovers, and everything held
//! about one person (subject access). Plain data, so `io` needs no `store`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::conversation::{Conversation, Draft};
use crate::follow_up::FollowUp;
use crate::goal::Goal;
use crate::measure::Measure;
use crate::person::{Person, Status};
use crate::service::Connection;

/// One audit row, as the store writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    /// The row's id; a setting is named by `entity_key` instead.
    pub entity_id: Option<i64>,
    pub entity_key: Option<String>,
    /// Why, where an action records it (an erasure's tombstone).
    pub reason: Option<String>,
    /// The worker's own name from config.toml (`display_name`), if given.
    pub actor_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusHistoryEntry {
    pub status: Status,
    pub reason: Option<String>,
    pub changed_on: Option<NaiveDate>,
    /// A handover, not a status change: the worker (login) they went to. The
    /// status is the one they had; `reason` is the handover note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handed_to: Option<String>,
}

/// One handover, for the person's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Handover {
    pub from_worker: Option<String>,
    pub to_worker: String,
    pub note: Option<String>,
    pub handed_on: Option<NaiveDate>,
}

/// Every row about one person, table by table, plus the audit rows about them.
#[derive(Debug, Clone, Serialize)]
pub struct SubjectAccess {
    pub person_id: i64,
    /// Table name -> its rows about the person (the `person` table holds one).
    pub tables: BTreeMap<String, Vec<serde_json::Map<String, serde_json::Value>>>,
    pub audit: Vec<AuditEntry>,
}

/// A half-filled form kept when the app closed mid-edit (one per worker):
/// which form (`purpose`, e.g. "person" or "person:12"), the person it is
/// about, and its values as stored (JSON: a list of field name and value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormDraft {
    pub worker: String,
    pub purpose: String,
    pub person_id: Option<i64>,
    pub fields: String,
    pub updated_at: String,
}

impl FormDraft {
    /// The values by field name; `None` if what is stored does not read.
    pub fn values(&self) -> Option<Vec<(String, String)>> {
        serde_json::from_str(&self.fields).ok()
    }

    /// The form's name, as its title says it.
    pub fn form_name(&self) -> &'static str {
        let mut parts = self.purpose.split(':');
        match (parts.next(), parts.next()) {
            (Some("person"), None) => "Add person",
            (Some("person"), Some(_)) => "Edit person",
            (Some("goal"), _) => "Goal",
            (Some("follow_up" | "follow_up_edit"), _) => "Follow-up",
            (Some("measure"), _) => "Wellbeing measure",
            _ => "A form",
        }
    }
}

/// The same export as typed records, for a version the person can read
/// (`io::subject_access`), read in the same transaction as the rows, which
/// are kept so that a table with no typed reader is still shown.
#[derive(Debug, Clone)]
pub struct SubjectAccessRecord {
    pub person: Person,
    pub status_history: Vec<StatusHistoryEntry>,
    /// Every version, amendments included, newest first.
    pub conversations: Vec<Conversation>,
    pub drafts: Vec<Draft>,
    /// Forms about them left half filled, by any worker.
    pub form_drafts: Vec<FormDraft>,
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
    pub connections: Vec<Connection>,
    pub follow_ups: Vec<FollowUp>,
    /// Whose caseload they are on (a worker's login), and every handover.
    pub assigned_worker: Option<String>,
    pub handovers: Vec<Handover>,
    /// Fields changed both on a laptop copy and on the team file.
    pub conflicts: Vec<crate::sync::RecordedConflict>,
    /// Every row, table by table, and the audit rows (as `subject_access`).
    pub rows: SubjectAccess,
}
