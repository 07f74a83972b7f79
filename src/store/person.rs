use super::People;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};
use serde::Serialize;
use std::ops::Deref;

use super::{Result, StatusHistoryEntry, Store, StoreError, day};
use crate::domain::date::iso;
use crate::domain::person::{Person, PersonDetails, Status, StatusChange};

/// One line of the caseload table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRow {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub status: Status,
    pub referral_source: String,
    pub referral_reason: Option<String>,
    pub referred_on: Option<NaiveDate>,
    pub next_follow_up: Option<NaiveDate>,
    pub risk: bool,
    pub open_goals: i64,
    /// Whose caseload they are on (a worker's login); left out when unassigned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_worker: Option<String>,
    /// For finding them by it (the palette); not in `person list`'s output.
    #[serde(skip)]
    pub nhs_number: Option<String>,
}

impl PersonRow {
    pub fn display_name(&self) -> String {
        let first = self.preferred_name.as_deref().unwrap_or(&self.given_name);
        format!("{} {}", first, self.family_name)
    }
}

const PERSON_COLUMNS: &str = "id, given_name, family_name, preferred_name, date_of_birth,
    nhs_number, phone, email, address, postcode, contact_preferences, referral_source,
    referral_reason, referred_on, first_contact_on, status, status_reason, closed_on,
    risk_note, consent_recorded_on, created_at, updated_at, version,
    sex, ethnicity, carer, gp_practice, referrer_name, referrer_organisation";

/// The form's fields in the order `add_person` and `update_person` name them (?1 to ?21).
fn detail_values(p: &PersonDetails, referred_on: Option<String>) -> Vec<Value> {
    vec![
        p.given_name.clone().into(),
        p.family_name.clone().into(),
        p.preferred_name.clone().into(),
        p.date_of_birth.map(iso).into(),
        p.nhs_number.clone().into(),
        p.phone.clone().into(),
        p.email.clone().into(),
        p.address.clone().into(),
        p.postcode.clone().into(),
        p.contact_preferences.clone().into(),
        p.referral_source.clone().into(),
        p.referral_reason.clone().into(),
        referred_on.into(),
        p.risk_note.clone().into(),
        p.sex.clone().into(),
        p.ethnicity.clone().into(),
        p.carer.clone().into(),
        p.gp_practice.clone().into(),
        p.consent_recorded_on.map(iso).into(),
        p.referrer_name.clone().into(),
        p.referrer_organisation.clone().into(),
    ]
}

fn status_of(text: String) -> Status {
    // The CHECK constraint makes anything else impossible; fall back rather than panic.
    Status::parse(&text).unwrap_or(Status::Referred)
}

fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        details: PersonDetails {
            given_name: r.get(1)?,
            family_name: r.get(2)?,
            preferred_name: r.get(3)?,
            date_of_birth: day(r.get(4)?),
            nhs_number: r.get(5)?,
            phone: r.get(6)?,
            email: r.get(7)?,
            address: r.get(8)?,
            postcode: r.get(9)?,
            contact_preferences: r.get(10)?,
            referral_source: r.get(11)?,
            referral_reason: r.get(12)?,
            referred_on: day(r.get(13)?),
            risk_note: r.get(18)?,
            sex: r.get(23)?,
            ethnicity: r.get(24)?,
            carer: r.get(25)?,
            gp_practice: r.get(26)?,
            referrer_name: r.get(27)?,
            referrer_organisation: r.get(28)?,
            consent_recorded_on: day(r.get(19)?),
        },
        first_contact_on: day(r.get(14)?),
        status: status_of(r.get(15)?),
        status_reason: r.get(16)?,
        closed_on: day(r.get(17)?),
        created_at: r.get(20)?,
        updated_at: r.get(21)?,
        version: r.get(22)?,
    })
}

/// One caseload row per person: their next open follow-up and open goals.
/// The statuses of an open case (`Status::is_open`), as an SQL list.
pub(crate) const OPEN_STATUSES: &str = "('referred', 'active', 'paused')";

/// How many people share a caseload view, and how many people there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PeopleCount {
    /// Open cases on the caseload asked for.
    pub open: usize,
    /// Everyone in the file, whatever their status or worker.
    pub everyone: usize,
}

const ROW_COLUMNS: &str = "SELECT p.id, p.given_name, p.family_name, p.preferred_name, p.status,
        p.referral_source, p.referral_reason, p.referred_on,
        (SELECT min(coalesce(r.snoozed_until, r.due_on)) FROM reminder r
          WHERE r.person_id = p.id AND r.done_at IS NULL),
        coalesce(trim(p.risk_note), '') <> '',
        (SELECT count(*) FROM goal g WHERE g.person_id = p.id AND g.status = 'open'),
        p.assigned_worker, p.nhs_number";

fn person_row(r: &Row) -> rusqlite::Result<PersonRow> {
    Ok(PersonRow {
        id: r.get(0)?,
        given_name: r.get(1)?,
        family_name: r.get(2)?,
        preferred_name: r.get(3)?,
        status: status_of(r.get(4)?),
        referral_source: r.get(5)?,
        referral_reason: r.get(6)?,
        referred_on: day(r.get(7)?),
        next_follow_up: day(r.get(8)?),
        risk: r.get(9)?,
        open_goals: r.get(10)?,
        assigned_worker: r.get(11)?,
        nhs_number: r.get(12)?,
    })
}

/// What a disclosure of a person's records was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosure {
    /// The letter back to the referrer (`L`, `person letter`).
    Letter,
    /// A subject access copy (`E`, `person export`).
    SubjectAccess,
}

impl Disclosure {
    fn action(self) -> &'static str {
        match self {
            Disclosure::Letter => "letter",
            Disclosure::SubjectAccess => "export",
        }
    }
}

/// Zero rows updated: either the record is gone or someone else changed it.
fn check_one(tx: &rusqlite::Transaction, changed: usize, id: i64) -> Result<()> {
    if changed == 1 {
        return Ok(());
    }
    let exists: bool = tx.query_row("SELECT count(*) FROM person WHERE id = ?1", [id], |r| {
        r.get::<_, i64>(0).map(|n| n > 0)
    })?;
    Err(if exists {
        StoreError::Conflict {
            entity: "person",
            id,
        }
    } else {
        StoreError::NotFound {
            entity: "person",
            id,
        }
    })
}

impl<S: Deref<Target = Store>> People<S> {
    /// Everyone, or only those in `statuses`, sorted by family then given name.
    pub fn list(&self, statuses: Option<&[Status]>) -> Result<Vec<PersonRow>> {
        self.0.people().list_of(statuses, None)
    }

    /// `list_people`, only those on `worker`'s caseload (a login) if given.
    pub fn list_of(
        &self,
        statuses: Option<&[Status]>,
        worker: Option<&str>,
    ) -> Result<Vec<PersonRow>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "{ROW_COLUMNS} FROM person p
              WHERE ?1 IS NULL OR p.assigned_worker = ?1
              ORDER BY p.family_name, p.given_name, p.id"
        ))?;
        let rows = stmt.query_map([worker], person_row)?;
        let mut out = Vec::new();
        for row in rows {
            let row = row?;
            if statuses.is_none_or(|s| s.contains(&row.status)) {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// The first `limit` open cases in `list_people`'s order (on `worker`'s
    /// caseload if given), and the counts the caseload's header shows: what
    /// the first frame needs, without reading all 10,000 rows.
    pub fn first_open(
        &self,
        worker: Option<&str>,
        limit: usize,
    ) -> Result<(Vec<PersonRow>, PeopleCount)> {
        // Two statements, not `?1 IS NULL OR ...`: that OR keeps SQLite off
        // the worker index, and a team's first page then reads everyone.
        let who = if worker.is_some() {
            "assigned_worker = ?1"
        } else {
            "?1 IS NULL"
        };
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "{ROW_COLUMNS} FROM (SELECT * FROM person
                 WHERE {who} AND status IN {OPEN_STATUSES}
                 ORDER BY family_name, given_name, id LIMIT ?2) p
              ORDER BY p.family_name, p.given_name, p.id"
        ))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(params![worker, limit], person_row)?
            .collect::<rusqlite::Result<_>>()?;
        let (open, everyone): (i64, i64) = self.0.conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM person WHERE {who} AND status IN {OPEN_STATUSES}),
                        (SELECT count(*) FROM person)"
            ),
            [worker],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        Ok((
            rows,
            PeopleCount {
                open: count(open),
                everyone: count(everyone),
            },
        ))
    }

    /// The caseload rows of `ids` (those that still exist), in no order.
    pub fn rows(&self, ids: &[i64]) -> Result<Vec<PersonRow>> {
        let list = serde_json::to_string(ids).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "{ROW_COLUMNS} FROM person p WHERE p.id IN (SELECT value FROM json_each(?1))"
        ))?;
        let rows = stmt.query_map([list], person_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest mark of a change to anyone's caseload row (0: none yet).
    pub fn seq(&self) -> Result<i64> {
        Ok(self
            .0
            .conn
            .query_row("SELECT coalesce(max(seq), 0) FROM person_touch", [], |r| {
                r.get(0)
            })?)
    }

    /// The people whose caseload rows changed (added, edited, erased, or a
    /// follow-up or goal of theirs) after mark `seq`, with the newest mark;
    /// `None` when more than `limit` did (then reading everyone is cheaper).
    pub fn touched_since(&self, seq: i64, limit: usize) -> Result<Option<(i64, Vec<i64>)>> {
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT row_id, seq FROM person_touch WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt.query_map((seq, limit as i64 + 1), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        let found: Vec<(i64, i64)> = rows.collect::<rusqlite::Result<_>>()?;
        if found.len() > limit {
            return Ok(None);
        }
        let newest = found.last().map_or(seq, |(_, s)| *s);
        Ok(Some((
            newest,
            found.into_iter().map(|(id, _)| id).collect(),
        )))
    }

    pub fn get(&self, id: i64) -> Result<Person> {
        self.0
            .conn
            .query_row(
                &format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"),
                [id],
                person_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: "person",
                id,
            })
    }

    /// The first person already holding this NHS number (10 digits, as stored),
    /// so a second record for the same person can be refused.
    pub fn with_nhs_number(&self, nhs_number: &str) -> Result<Option<i64>> {
        Ok(self
            .0
            .conn
            .query_row(
                "SELECT id FROM person WHERE nhs_number = ?1 ORDER BY id LIMIT 1",
                [nhs_number],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Oldest first.
    pub fn status_history(&self, id: i64) -> Result<Vec<StatusHistoryEntry>> {
        // A handover shows with the status the person had on its day.
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT status, reason, changed_on, handed_to FROM (
                 SELECT status, reason, changed_on, NULL AS handed_to, created_at, 0 AS k, id
                   FROM status_change WHERE person_id = ?1
                 UNION ALL
                 SELECT coalesce((SELECT s.status FROM status_change s
                                   WHERE s.person_id = h.person_id AND s.created_at <= h.created_at
                                   ORDER BY s.created_at DESC, s.id DESC LIMIT 1),
                                 (SELECT status FROM person WHERE id = h.person_id)),
                        h.note, h.handed_on, h.to_worker, h.created_at, 1, h.id
                   FROM handover h WHERE h.person_id = ?1)
              ORDER BY changed_on, k, id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(StatusHistoryEntry {
                status: status_of(r.get(0)?),
                reason: r.get(1)?,
                changed_on: day(r.get(2)?),
                handed_to: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The editable list of referral sources, in display order.
    pub fn referral_sources(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .0
            .conn
            .prepare_cached("SELECT name FROM referral_source ORDER BY position, name")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl People<&mut Store> {
    /// Adds a person as `referred`, with the first line of their status history.
    pub fn add(&mut self, p: &PersonDetails) -> Result<i64> {
        self.0.write(|tx, at| {
            let now = at.now.clone();
            let referred_on = p
                .referred_on
                .map(iso)
                .unwrap_or_else(|| now[..10].to_string());
            let mut values = detail_values(p, Some(referred_on.clone()));
            values.push(now.clone().into());
            // Whoever adds them holds them, when they are a registered worker.
            values.push(at.actor.clone().into());
            tx.execute(
                "INSERT INTO person (given_name, family_name, preferred_name, date_of_birth,
                    nhs_number, phone, email, address, postcode, contact_preferences,
                    referral_source, referral_reason, referred_on, risk_note,
                    sex, ethnicity, carer, gp_practice, consent_recorded_on,
                    referrer_name, referrer_organisation, status,
                    created_at, updated_at, assigned_worker)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                    ?15, ?16, ?17, ?18, ?19, ?20, ?21, 'referred', ?22, ?22,
                    (SELECT login FROM worker WHERE login = ?23 AND retired_on IS NULL))",
                params_from_iter(values),
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO status_change (person_id, status, changed_on, created_at)
                 VALUES (?1, 'referred', ?2, ?3)",
                (id, &referred_on, &now),
            )?;
            Store::audit(tx, at, "add", "person", id)?;
            Ok(id)
        })
    }

    /// Saves edited details. `version` is the one the editor loaded: if someone
    /// else saved in between, nothing is written and `Conflict` comes back.
    pub fn update(&mut self, id: i64, version: i64, p: &PersonDetails) -> Result<()> {
        self.0.write(|tx, at| {
            let mut values = detail_values(p, p.referred_on.map(iso));
            values.extend([at.now.clone().into(), id.into(), version.into()]);
            let changed = tx.execute(
                "UPDATE person SET given_name = ?1, family_name = ?2, preferred_name = ?3,
                    date_of_birth = ?4, nhs_number = ?5, phone = ?6, email = ?7, address = ?8,
                    postcode = ?9, contact_preferences = ?10, referral_source = ?11,
                    referral_reason = ?12, referred_on = coalesce(?13, referred_on),
                    risk_note = ?14, sex = ?15, ethnicity = ?16, carer = ?17,
                    gp_practice = ?18, consent_recorded_on = ?19, referrer_name = ?20,
                    referrer_organisation = ?21, updated_at = ?22, version = version + 1
                 WHERE id = ?23 AND version = ?24",
                params_from_iter(values),
            )?;
            check_one(tx, changed, id)?;
            Store::audit(tx, at, "update", "person", id)
        })
    }

    /// Moves a person to a new status (already validated against their current one).
    pub fn set_status(&mut self, id: i64, version: i64, change: &StatusChange) -> Result<()> {
        self.0.write(|tx, at| {
            let now = at.now.clone();
            let on = iso(change.changed_on);
            let closed_on = (change.status == Status::Closed).then(|| on.clone());
            let changed = tx.execute(
                "UPDATE person SET status = ?3, status_reason = ?4, closed_on = ?5,
                    first_contact_on = CASE WHEN ?3 = 'active' THEN coalesce(first_contact_on, ?6)
                                            ELSE first_contact_on END,
                    updated_at = ?7, version = version + 1
                 WHERE id = ?1 AND version = ?2",
                params![
                    id,
                    version,
                    change.status.as_str(),
                    change.reason,
                    closed_on,
                    on,
                    now
                ],
            )?;
            check_one(tx, changed, id)?;
            tx.execute(
                "INSERT INTO status_change (person_id, status, reason, changed_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, change.status.as_str(), change.reason, on, now],
            )?;
            Store::audit(tx, at, "status", "person", id)
        })
    }

    /// Records that person `id`'s record was opened (`audit_reads = true` in
    /// config.toml): an audit row with the id and no personal data. An
    /// unknown id is `NotFound` and leaves no row.
    pub fn audit_read(&mut self, id: i64) -> Result<()> {
        self.0.people_mut().audit_about(id, "read")
    }

    /// Records that person `id`'s records left the system: a letter back to
    /// the referrer or a subject access copy. A disclosure is always
    /// audited, whatever `audit_reads` says.
    pub fn audit_disclosure(&mut self, id: i64, what: Disclosure) -> Result<()> {
        self.0.people_mut().audit_about(id, what.action())
    }

    /// An audit row about person `id` that changes nothing else.
    fn audit_about(&mut self, id: i64, action: &'static str) -> Result<()> {
        self.0.write(|tx, at| {
            let found: bool =
                tx.query_row("SELECT count(*) > 0 FROM person WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            if !found {
                return Err(StoreError::NotFound {
                    entity: "person",
                    id,
                });
            }
            Store::audit(tx, at, action, "person", id)
        })
    }
}
