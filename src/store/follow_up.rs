//! Follow-ups. The table keeps its first name, `reminder` (the schema does not
//! change); everything above the store says follow-up.

use super::FollowUps;
use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, Row, Transaction};
use std::ops::Deref;

use super::{Result, Stamp, Store, StoreError, day};
use crate::domain::date::iso;
use crate::domain::follow_up::{FollowUp, FollowUpDraft, QuietPerson};

const FOLLOW_UP_SELECT: &str =
    "SELECT r.id, r.person_id, r.service_id, r.due_on, r.due_time, r.text,
        r.done_at, r.snoozed_until,
        coalesce(coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name, s.name),
        coalesce(p.status IN ('closed', 'declined'), 0),
        r.subject_deleted, r.owner, r.version, r.outcome
   FROM reminder r
   LEFT JOIN person p ON p.id = r.person_id
   LEFT JOIN service s ON s.id = r.service_id";

fn follow_up_from_row(r: &Row) -> rusqlite::Result<FollowUp> {
    let due: Option<String> = r.get(3)?;
    Ok(FollowUp {
        id: r.get(0)?,
        person_id: r.get(1)?,
        service_id: r.get(2)?,
        due_on: day(due).unwrap_or_default(),
        due_time: r.get(4)?,
        text: r.get(5)?,
        done_at: r.get(6)?,
        snoozed_until: day(r.get(7)?),
        about: r.get(8)?,
        about_closed: r.get(9)?,
        about_deleted: r.get(10)?,
        owner: r.get(11)?,
        version: r.get(12)?,
        outcome: r.get(13)?,
    })
}

impl Store {
    /// One change to one follow-up, audited; an id that matches nothing (gone,
    /// or already in that state) is reported, never silently ignored.
    fn change_follow_up(
        &mut self,
        id: i64,
        action: &str,
        f: impl FnOnce(&Transaction, &Stamp) -> rusqlite::Result<usize>,
    ) -> Result<()> {
        self.write(|tx, at| {
            if f(tx, at)? == 0 {
                let exists: bool = tx.query_row(
                    "SELECT count(*) > 0 FROM reminder WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                return Err(if exists {
                    StoreError::Conflict {
                        entity: "follow-up",
                        id,
                    }
                } else {
                    StoreError::NotFound {
                        entity: "follow-up",
                        id,
                    }
                });
            }
            Store::audit(tx, at, action, "reminder", id)
        })
    }
}

fn time_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

impl<S: Deref<Target = Store>> FollowUps<S> {
    /// Open follow-ups, soonest first, with who or what each is about.
    /// The day a person's next open follow-up is due (the caseload's "Next").
    pub fn next_for(&self, person_id: i64) -> Result<Option<NaiveDate>> {
        let next: Option<String> = self.0.conn.query_row(
            "SELECT min(coalesce(snoozed_until, due_on)) FROM reminder
              WHERE person_id = ?1 AND done_at IS NULL",
            [person_id],
            |r| r.get(0),
        )?;
        Ok(day(next))
    }

    /// How many open follow-ups (of `owner`, if given) are overdue and due
    /// later today at `now`, as the agenda buckets them: one due today at a
    /// time that has passed is overdue.
    pub fn agenda_counts(
        &self,
        now: chrono::NaiveDateTime,
        owner: Option<&str>,
    ) -> Result<(i64, i64)> {
        let today = iso(now.date());
        let time = now.format("%H:%M").to_string();
        Ok(self.0.conn.query_row(
            "SELECT coalesce(sum(d < ?1 OR (d = ?1 AND t IS NOT NULL AND t <= ?2)), 0),
                    coalesce(sum(d = ?1 AND NOT (t IS NOT NULL AND t <= ?2)), 0)
               FROM (SELECT coalesce(snoozed_until, due_on) AS d, due_time AS t FROM reminder
                      WHERE done_at IS NULL AND (?3 IS NULL OR owner = ?3))",
            rusqlite::params![today, time, owner],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// Every follow-up about one person, done or not, by due day.
    pub fn for_person(&self, person_id: i64) -> Result<Vec<FollowUp>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "{FOLLOW_UP_SELECT}
              WHERE r.person_id = ?1
              ORDER BY r.due_on, r.due_time IS NULL, r.due_time, r.id"
        ))?;
        let rows = stmt.query_map([person_id], follow_up_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn open(&self) -> Result<Vec<FollowUp>> {
        self.0.follow_ups().open_of(None)
    }

    /// `open_follow_ups`, only those `owner` (a login) holds, if given.
    pub fn open_of(&self, owner: Option<&str>) -> Result<Vec<FollowUp>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "{FOLLOW_UP_SELECT}
              WHERE r.done_at IS NULL AND (?1 IS NULL OR r.owner = ?1)
              ORDER BY coalesce(r.snoozed_until, r.due_on), r.due_time IS NULL, r.due_time, r.id"
        ))?;
        let rows = stmt.query_map([owner], follow_up_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get(&self, id: i64) -> Result<FollowUp> {
        self.0
            .conn
            .query_row(
                &format!("{FOLLOW_UP_SELECT} WHERE r.id = ?1"),
                [id],
                follow_up_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: "follow-up",
                id,
            })
    }

    /// Done follow-ups, most recently done first: the done history.
    pub fn done(&self, limit: usize) -> Result<Vec<FollowUp>> {
        let mut stmt = self.0.conn.prepare_cached(&format!(
            "{FOLLOW_UP_SELECT}
              WHERE r.done_at IS NOT NULL
              ORDER BY r.done_at DESC, r.id DESC
              LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], follow_up_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// People with an open case (referred or active: a pause is agreed, not
    /// quiet) whose last conversation, first contact or referral, whichever is
    /// latest, was `days` or more before `today`. Longest quiet first.
    pub fn gone_quiet(&self, today: NaiveDate, days: i64) -> Result<Vec<QuietPerson>> {
        self.0.follow_ups().gone_quiet_of(today, days, None)
    }

    /// `gone_quiet`, only people on `worker`'s caseload (a login) if given.
    pub fn gone_quiet_of(
        &self,
        today: NaiveDate,
        days: i64,
        worker: Option<&str>,
    ) -> Result<Vec<QuietPerson>> {
        let cutoff = iso(today - chrono::Duration::days(days));
        let mut stmt = self.0.conn.prepare_cached(
            "SELECT id, name, last FROM (
                SELECT p.id AS id,
                       coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name AS name,
                       max(coalesce((SELECT substr(max(c.occurred_at), 1, 10) FROM conversation c
                                      WHERE c.person_id = p.id), ''),
                           coalesce(p.first_contact_on, ''),
                           p.referred_on) AS last
                  FROM person p
                 WHERE p.status IN ('referred', 'active')
                   AND (?2 IS NULL OR p.assigned_worker = ?2))
              WHERE last <= ?1
              ORDER BY last, id",
        )?;
        let rows = stmt.query_map(rusqlite::params![cutoff, worker], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (person_id, name, last) = row?;
            // A date that does not read is skipped, never a crash.
            if let Some(last_contact) = day(Some(last)) {
                out.push(QuietPerson {
                    person_id,
                    name,
                    last_contact,
                });
            }
        }
        Ok(out)
    }

    /// The check-in to offer when a person is referred to a service, or
    /// `None` when the offer is switched off or one is already open for them.
    pub fn check_in_offer(
        &self,
        person_id: i64,
        service_id: Option<i64>,
        today: NaiveDate,
    ) -> Result<Option<FollowUpDraft>> {
        use crate::domain::setting::Setting;
        if !self.0.settings().get(Setting::OfferCheckIn)? {
            return Ok(None);
        }
        let already: bool = self.0.conn.query_row(
            "SELECT count(*) > 0 FROM reminder
              WHERE person_id = ?1 AND service_id IS ?2 AND done_at IS NULL",
            (person_id, service_id),
            |r| r.get(0),
        )?;
        if already {
            return Ok(None);
        }
        Ok(Some(crate::domain::follow_up::check_in_offer(
            person_id, service_id, today,
        )))
    }

    /// The name a follow-up form shows: the person's, else the service's.
    pub fn subject_name(
        &self,
        person_id: Option<i64>,
        service_id: Option<i64>,
    ) -> Result<Option<String>> {
        Ok(self
            .0
            .conn
            .query_row(
                "SELECT coalesce(
                    (SELECT coalesce(preferred_name, given_name) || ' ' || family_name
                       FROM person WHERE id = ?1),
                    (SELECT name FROM service WHERE id = ?2))",
                (person_id, service_id),
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }
}

impl FollowUps<&mut Store> {
    /// Adds a follow-up for a person or a service (or neither: a general task).
    pub fn add(
        &mut self,
        person_id: Option<i64>,
        service_id: Option<i64>,
        due_on: chrono::NaiveDate,
        due_time: Option<chrono::NaiveTime>,
        text: &str,
    ) -> Result<i64> {
        let draft = FollowUpDraft {
            person_id,
            service_id,
            due_on,
            due_time,
            text: text.to_string(),
        };
        let ids = self
            .0
            .follow_ups_mut()
            .add_many(std::slice::from_ref(&draft))?;
        ids.first()
            .copied()
            .ok_or_else(|| StoreError::Invalid("the follow-up was not saved".into()))
    }

    /// Adds many follow-ups in one transaction: all are saved, or none.
    pub fn add_many(&mut self, drafts: &[FollowUpDraft]) -> Result<Vec<i64>> {
        self.0.write(|tx, at| {
            let now = at.now.clone();
            // The owner: the person's worker, else whoever adds it, when
            // they are a registered worker; else nobody (a file with no team).
            let mut stmt = tx.prepare_cached(
                "INSERT INTO reminder (person_id, service_id, due_on, due_time, text, created_at,
                    owner)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                    coalesce((SELECT assigned_worker FROM person WHERE id = ?1),
                             (SELECT login FROM worker WHERE login = ?7 AND retired_on IS NULL)))",
            )?;
            let mut ids = Vec::with_capacity(drafts.len());
            for d in drafts {
                stmt.execute((
                    d.person_id,
                    d.service_id,
                    iso(d.due_on),
                    d.due_time.map(time_text),
                    d.text.as_str(),
                    &now,
                    &at.actor,
                ))?;
                let id = tx.last_insert_rowid();
                Store::audit(tx, at, "add", "reminder", id)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Marks a follow-up done; it moves to the done history.
    pub fn complete(&mut self, id: i64) -> Result<()> {
        self.0.follow_ups_mut().complete_with(id, None)
    }

    /// Marks a follow-up done with what happened (`outcome`, checked by
    /// `domain::follow_up::parse_outcome`), or with nothing said.
    pub fn complete_with(&mut self, id: i64, outcome: Option<&str>) -> Result<()> {
        self.0.change_follow_up(id, "done", |tx, at| {
            tx.execute(
                "UPDATE reminder SET done_at = ?2, outcome = ?3, version = version + 1
                  WHERE id = ?1 AND done_at IS NULL",
                (id, &at.now, outcome),
            )
        })
    }

    /// Undoes "done": the follow-up is open again, with its due date
    /// unchanged; the outcome said when it was done goes with the done time.
    pub fn reopen(&mut self, id: i64) -> Result<()> {
        self.0.change_follow_up(id, "reopen", |tx, _| {
            tx.execute(
                "UPDATE reminder SET done_at = NULL, outcome = NULL, version = version + 1
                  WHERE id = ?1 AND done_at IS NOT NULL",
                [id],
            )
        })
    }

    /// Moves an open follow-up to a later day; its time of day, if any, stays.
    pub fn snooze(&mut self, id: i64, until: NaiveDate) -> Result<()> {
        self.0.change_follow_up(id, "snooze", |tx, _| {
            tx.execute(
                "UPDATE reminder SET snoozed_until = ?2, version = version + 1
                  WHERE id = ?1 AND done_at IS NULL",
                (id, iso(until)),
            )
        })
    }

    /// Replaces day, time and text; a snooze is cleared (the new day is the day).
    /// `version` is the one the editor loaded: if anyone changed the
    /// follow-up since, nothing is written and `Conflict` comes back.
    pub fn update(
        &mut self,
        id: i64,
        version: i64,
        due_on: NaiveDate,
        due_time: Option<NaiveTime>,
        text: &str,
    ) -> Result<()> {
        self.0.change_follow_up(id, "edit", |tx, _| {
            tx.execute(
                "UPDATE reminder SET due_on = ?2, due_time = ?3, text = ?4, snoozed_until = NULL,
                    version = version + 1
                  WHERE id = ?1 AND version = ?5",
                (id, iso(due_on), due_time.map(time_text), text, version),
            )
        })
    }
}
