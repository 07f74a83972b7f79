use chrono::Duration;
use rusqlite::params;

use super::{Result, Store};
use crate::domain::date::iso;
use crate::domain::demo::{GenPerson, GenService};

/// Readable SQL, dates relative to today, so the demo always looks current.
pub const DEMO_SQL: &str = include_str!("../../demo-db/demo.sql");

impl Store {
    /// Loads the hand-written demo caseload (demo-db/demo.sql) in one transaction.
    /// Its dates are written relative to `'now','localtime'`; that moment is
    /// replaced by the injected clock's, so SQLite never reads the wall clock.
    pub fn load_demo(&mut self) -> Result<()> {
        self.write(|tx, at| {
            let sql = DEMO_SQL.replace("'now','localtime'", &format!("'{}'", at.now));
            Ok(tx.execute_batch(&sql)?)
        })
    }

    /// Inserts generated records in one transaction with prepared statements.
    /// Connections point at existing services by position (0-based, by id).
    pub fn insert_generated(
        &mut self,
        people: &[GenPerson],
        services: &[GenService],
    ) -> Result<()> {
        self.write(|tx, at| {
            let now = at.now.clone();
            let mut add_service = tx.prepare(
                "INSERT INTO service (uid, name, organisation, description, categories, area,
                    last_verified_on, source, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'generated', ?8, ?8)",
            )?;
            for s in services {
                add_service.execute(params![
                    s.uid,
                    s.name,
                    s.organisation,
                    s.description,
                    s.categories,
                    s.area,
                    iso(s.last_verified_on),
                    now
                ])?;
            }
            let service_ids: Vec<i64> = tx
                .prepare("SELECT id FROM service ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut add_person = tx.prepare(
                "INSERT INTO person (given_name, family_name, referral_source, referral_reason,
                    referred_on, first_contact_on, status, status_reason, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?;
            let mut add_status = tx.prepare(
                "INSERT INTO status_change (person_id, status, reason, changed_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut add_note = tx.prepare(
                "INSERT INTO conversation (person_id, occurred_at, kind, body, author, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'Sam (link worker)', ?2)",
            )?;
            let mut add_goal = tx.prepare(
                "INSERT INTO goal (person_id, text, status, created_on, ended_on)
                 VALUES (?1, ?2, ?3, ?4, CASE WHEN ?3 = 'open' THEN NULL ELSE ?4 END)",
            )?;
            let mut add_follow_up = tx.prepare(
                "INSERT INTO reminder (person_id, due_on, text, created_at) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut add_connection = tx.prepare(
                "INSERT INTO connection (person_id, service_id, status, status_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for p in people {
                let referred = iso(p.referred_on);
                let first_contact = (p.status != crate::domain::Status::Referred)
                    .then(|| iso(p.referred_on + Duration::days(7)));
                let created = format!("{referred}T09:00:00");
                add_person.execute(params![
                    p.given_name,
                    p.family_name,
                    p.referral_source,
                    p.referral_reason,
                    referred,
                    first_contact,
                    p.status.as_str(),
                    p.status_reason,
                    created
                ])?;
                let id = tx.last_insert_rowid();
                add_status.execute(params![id, "referred", None::<String>, referred, created])?;
                if p.status != crate::domain::Status::Referred {
                    add_status.execute(params![id, p.status.as_str(), p.status_reason, first_contact, created])?;
                }
                for (on, kind, body) in &p.conversations {
                    add_note.execute(params![id, format!("{}T10:30:00", iso(*on)), kind, body])?;
                }
                for (text, status) in &p.goals {
                    add_goal.execute(params![id, text, status, referred])?;
                }
                for (due, text) in &p.follow_ups {
                    add_follow_up.execute(params![id, iso(*due), text, now])?;
                }
                for (index, status) in &p.connections {
                    if let Some(sid) = service_ids.get(*index as usize) {
                        add_connection.execute(params![id, sid, status, referred, now])?;
                    }
                }
            }
            Ok(())
        })
    }
}

impl Store {
    /// A demo team (`caseload demo --workers N`): registers `team` (login,
    /// name) as link workers and shares everyone among them in turn, each
    /// person's open follow-ups with them. One transaction, no handovers:
    /// in the demo they were always on that caseload.
    pub fn add_demo_team(&mut self, team: &[(String, String)]) -> Result<()> {
        if team.is_empty() {
            return Ok(());
        }
        let logins: Vec<&str> = team.iter().map(|(login, _)| login.as_str()).collect();
        let logins = serde_json::to_string(&logins)
            .map_err(|e| super::StoreError::Invalid(e.to_string()))?;
        self.write(|tx, at| {
            let mut add = tx.prepare(
                "INSERT INTO worker (login, name, role, created_at) VALUES (?1, ?2, 'link_worker', ?3)",
            )?;
            for (login, name) in team {
                add.execute((login, name, &at.now))?;
                Store::audit(tx, at, "add", "worker", tx.last_insert_rowid())?;
            }
            tx.execute(
                "UPDATE person SET assigned_worker =
                    (SELECT value FROM json_each(?1) WHERE key = person.id % json_array_length(?1))",
                [&logins],
            )?;
            tx.execute(
                "UPDATE reminder SET owner =
                    (SELECT assigned_worker FROM person WHERE person.id = reminder.person_id)
                  WHERE person_id IS NOT NULL",
                [],
            )?;
            Ok(())
        })
    }
}
