//! The report's figures, each computed by one SQL aggregate here and nowhere
//! else (the README's data dictionary defines them). All figures are read in
//! one transaction, so they agree with each other even while someone writes.

use chrono::Duration;
use rusqlite::{Connection, params};

use super::{Result, Store};
use crate::domain::conversation::ConversationKind;
use crate::domain::date::iso;
use crate::domain::measure::{Instrument, SWEMWBS_METRIC};
use crate::domain::monitoring::{
    CARER, ETHNIC_GROUPS, NOT_RECORDED, PREFER_NOT_TO_SAY, SEXES, ethnic_group,
};
use crate::domain::report::{
    Breakdown, CodedEvent, CodedEventKind, DaysToFirstContact, Goals, MeasureOutcome, Period,
    Report, age_bands, outcome_items, pct,
};
use crate::domain::service::ConnectionStatus;

use super::person::OPEN_STATUSES as OPEN;

/// A free-text reason as grouped: trimmed, blank as "not recorded".
const REASON: &str = "coalesce(nullif(trim(reason), ''), 'not recorded')";

impl Store {
    /// Every figure for `period`; `first_contact_days` is the wait the
    /// service aims to contact people within (14 unless configured).
    pub fn report(&self, period: &Period, first_contact_days: u32) -> Result<Report> {
        // A read transaction: every figure from the same snapshot.
        let tx = self.conn.unchecked_transaction()?;
        let c: &Connection = &tx;
        let p = Span::of(period);
        let (referrals_by_source, referrals_by_reason) = referrals(c, &p)?;
        let days_to_first_contact = days_to_first_contact(c, &p, first_contact_days)?;
        let declined_by_reason = ended_by_reason(c, &p, "declined")?;
        let closed_by_reason = ended_by_reason(c, &p, "closed")?;
        let contacts_by_kind = contacts_by_kind(c, &p)?;
        let report = Report {
            period: *period,
            referrals: referrals_by_source.total(),
            referrals_by_source,
            referrals_by_reason,
            first_contacts: days_to_first_contact.people,
            days_to_first_contact,
            declined: declined_by_reason.total(),
            declined_by_reason,
            closed: closed_by_reason.total(),
            closed_by_reason,
            open_at_end: open_at_end(c, &p)?,
            people_seen: people_seen(c, &p)?,
            contacts: contacts_by_kind.total(),
            contacts_by_kind,
            connections_by_status: connections_by_status(c, &p)?,
            connections_by_category: connections_by_category(c, &p)?,
            measures: measures(c, &p)?,
            goals: goals(c, &p)?,
            age_bands: age_bands_at_referral(c, &p)?,
            by_sex: monitoring(c, &p, "sex", &SEXES)?,
            by_ethnicity: by_ethnicity(c, &p)?,
            by_carer: monitoring(c, &p, "carer", &CARER)?,
            by_gp_practice: monitoring(c, &p, "gp_practice", &[PREFER_NOT_TO_SAY])?,
            by_worker: by_worker(c, &p)?,
        };
        tx.finish()?;
        Ok(report)
    }
}

/// The tables the report reads that hold rows about people, each narrowed
/// by a temporary view of the same name (temp names come first in SQLite)
/// to the people of one worker's caseload.
const SCOPED: [(&str, &str); 6] = [
    ("status_change", "person_id"),
    ("conversation", "person_id"),
    ("goal", "person_id"),
    ("measure", "person_id"),
    ("connection", "person_id"),
    ("reminder", "person_id"),
];

impl Store {
    /// `report`, over the people on `worker`'s caseload (a login) at the
    /// period's end only, when given: every figure is then that worker's.
    pub fn report_of(
        &self,
        period: &Period,
        first_contact_days: u32,
        worker: Option<&str>,
    ) -> Result<Report> {
        let Some(login) = worker else {
            return self.report(period, first_contact_days);
        };
        let text = |s: &str| format!("'{}'", s.replace('\'', "''"));
        let holder = HOLDER_AT_END.replace("?1", &text(&iso(period.to)));
        let mut create = format!(
            "CREATE TEMP VIEW person AS SELECT * FROM main.person p WHERE ({holder}) = {};",
            text(login)
        );
        for (table, key) in SCOPED {
            create.push_str(&format!(
                "CREATE TEMP VIEW {table} AS SELECT * FROM main.{table}
                  WHERE {key} IN (SELECT id FROM temp.person);"
            ));
        }
        create.push_str(
            "CREATE TEMP VIEW connection_history AS SELECT * FROM main.connection_history
              WHERE connection_id IN (SELECT id FROM temp.connection);",
        );
        let mut drop = String::from("DROP VIEW IF EXISTS temp.connection_history;");
        for (table, _) in SCOPED {
            drop.push_str(&format!("DROP VIEW IF EXISTS temp.{table};"));
        }
        drop.push_str("DROP VIEW IF EXISTS temp.person;");
        // A read-only store refuses even temporary views; they change no file.
        let query_only: bool = self.conn.query_row("PRAGMA query_only", [], |r| r.get(0))?;
        let toggled = |sql: &str| -> Result<()> {
            self.conn.execute_batch("PRAGMA query_only = OFF")?;
            let done = self.conn.execute_batch(sql);
            if query_only {
                self.conn.execute_batch("PRAGMA query_only = ON")?;
            }
            Ok(done?)
        };
        if let Err(e) = toggled(&create) {
            let _ = toggled(&drop);
            return Err(e);
        }
        let report = self.report(period, first_contact_days);
        toggled(&drop)?;
        report
    }

    /// The events the GP record codes, in the period, by day: each first
    /// contact (the referral accepted) and each decline (from the status history).
    pub fn coded_events(&self, period: &Period) -> Result<Vec<CodedEvent>> {
        let p = Span::of(period);
        let mut stmt = self.conn.prepare_cached(
            "SELECT person_id, nhs_number, day, kind FROM (
                 SELECT id AS person_id, nhs_number, first_contact_on AS day, 0 AS kind
                   FROM person WHERE first_contact_on BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT s.person_id, p.nhs_number, s.changed_on, 1
                   FROM status_change s JOIN person p ON p.id = s.person_id
                  WHERE s.status = 'declined' AND s.changed_on BETWEEN ?1 AND ?2
             ) ORDER BY day, person_id, kind",
        )?;
        let rows = stmt.query_map(params![p.from, p.to], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                super::day(r.get(2)?),
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (person_id, nhs_number, on, kind) = row?;
            // A day that is not a date cannot be coded; BETWEEN let it through as text.
            let Some(on) = on else { continue };
            let kind = if kind == 0 {
                CodedEventKind::Referral
            } else {
                CodedEventKind::Declined
            };
            out.push(CodedEvent {
                person_id,
                nhs_number: nhs_number.filter(|n| n.len() == 10),
                on,
                kind,
            });
        }
        Ok(out)
    }
}

impl Store {
    /// The coded events of one person, whenever they fell, oldest first: what
    /// the person pane shows as going to the GP record.
    pub fn coded_events_for_person(&self, person_id: i64) -> Result<Vec<CodedEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT nhs_number, day, kind FROM (
                 SELECT nhs_number, first_contact_on AS day, 0 AS kind
                   FROM person WHERE id = ?1 AND first_contact_on IS NOT NULL
                 UNION ALL
                 SELECT p.nhs_number, s.changed_on, 1
                   FROM status_change s JOIN person p ON p.id = s.person_id
                  WHERE s.person_id = ?1 AND s.status = 'declined'
             ) ORDER BY day, kind",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                super::day(r.get(1)?),
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (nhs_number, on, kind) = row?;
            let Some(on) = on else { continue };
            out.push(CodedEvent {
                person_id,
                nhs_number: nhs_number.filter(|n| n.len() == 10),
                on,
                kind: if kind == 0 {
                    CodedEventKind::Referral
                } else {
                    CodedEventKind::Declined
                },
            });
        }
        Ok(out)
    }
}

impl Store {
    /// Referrals (by `referred_on`) in each week of the period, the first
    /// week starting on its first day, for the report pane's sparkline.
    pub fn referrals_per_week(&self, period: &Period) -> Result<Vec<u64>> {
        let p = Span::of(period);
        let weeks = usize::try_from((period.days() + 6) / 7).unwrap_or(0);
        let mut out = vec![0u64; weeks];
        let mut stmt = self.conn.prepare_cached(
            "SELECT CAST((julianday(referred_on) - julianday(?1)) / 7 AS INTEGER) AS w, count(*)
               FROM person WHERE referred_on BETWEEN ?1 AND ?2
                AND julianday(referred_on) IS NOT NULL GROUP BY w",
        )?;
        let rows = stmt.query_map(params![p.from, p.to], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (w, n) = row?;
            if let Some(slot) = usize::try_from(w).ok().and_then(|w| out.get_mut(w)) {
                *slot = u64::try_from(n).unwrap_or(0);
            }
        }
        Ok(out)
    }
}

/// The period as the text the columns hold: first day, last day, and the day
/// after (for moments, `occurred_at < after`).
struct Span {
    from: String,
    to: String,
    after: String,
}

impl Span {
    fn of(p: &Period) -> Span {
        Span {
            from: iso(p.from),
            to: iso(p.to),
            after: iso(p.to + Duration::days(1)),
        }
    }
}

fn counts(c: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<(String, i64)>> {
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt.query_map(args, |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `referrals_by_source` and `_by_reason`: people whose `referred_on` is in
/// the period. Every source in the editable list appears, zeros included.
fn referrals(c: &Connection, p: &Span) -> Result<(Breakdown, Breakdown)> {
    let found = counts(
        c,
        "SELECT referral_source, count(*) FROM person
          WHERE referred_on BETWEEN ?1 AND ?2 GROUP BY referral_source",
        params![p.from, p.to],
    )?;
    let sources: Vec<String> = {
        let mut stmt =
            c.prepare_cached("SELECT name FROM referral_source ORDER BY position, name")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let known: Vec<&str> = sources.iter().map(String::as_str).collect();
    let by_source = Breakdown::in_order(&known, found);
    let by_reason = counts(
        c,
        "SELECT coalesce(nullif(trim(referral_reason), ''), 'not recorded'), count(*)
           FROM person WHERE referred_on BETWEEN ?1 AND ?2 GROUP BY 1",
        params![p.from, p.to],
    )?;
    Ok((by_source, Breakdown::in_order(&[], by_reason)))
}

/// `first_contacts` and `days_to_first_contact`: over people whose
/// `first_contact_on` is in the period, days from `referred_on` to it.
fn days_to_first_contact(c: &Connection, p: &Span, within: u32) -> Result<DaysToFirstContact> {
    let (people, median, p90, inside) = c.query_row(
        "WITH d AS (
             SELECT CAST(julianday(first_contact_on) - julianday(referred_on) AS INTEGER) AS days
               FROM person
              WHERE first_contact_on BETWEEN ?1 AND ?2
                AND julianday(first_contact_on) IS NOT NULL AND julianday(referred_on) IS NOT NULL
         ), r AS (
             SELECT days, row_number() OVER (ORDER BY days) AS rn, count(*) OVER () AS n FROM d
         )
         SELECT (SELECT count(*) FROM d),
                (SELECT avg(days) FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2)),
                (SELECT min(days) FROM r WHERE rn >= (9 * n + 9) / 10),
                (SELECT count(*) FROM d WHERE days <= ?3)",
        params![p.from, p.to, within],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<f64>>(1)?,
                r.get::<_, Option<f64>>(2)?,
                r.get::<_, i64>(3)?,
            ))
        },
    )?;
    Ok(DaysToFirstContact {
        people,
        median,
        p90,
        within_days: within,
        within_pct: pct(inside, people),
    })
}

/// `declined(_by_reason)` and `closed(_by_reason)`: people with a status
/// change to `status` dated in the period (from the status history), each
/// once, by the reason of their latest such change.
fn ended_by_reason(c: &Connection, p: &Span, status: &str) -> Result<Breakdown> {
    let found = counts(
        c,
        &format!(
            "WITH e AS (
                 SELECT {REASON} AS reason,
                        row_number() OVER (PARTITION BY person_id ORDER BY changed_on DESC, id DESC) AS rn
                   FROM status_change WHERE status = ?3 AND changed_on BETWEEN ?1 AND ?2
             )
             SELECT reason, count(*) FROM e WHERE rn = 1 GROUP BY reason"
        ),
        params![p.from, p.to, status],
    )?;
    Ok(Breakdown::in_order(&[], found))
}

/// `open_at_end`: people referred by the period's last day whose status on
/// that day (their latest status change dated on or before it) is referred,
/// active or paused.
fn open_at_end(c: &Connection, p: &Span) -> Result<i64> {
    Ok(c.query_row(
        &format!(
            "SELECT count(*) FROM person p
              WHERE p.referred_on <= ?1
                AND coalesce(
                      (SELECT s.status FROM status_change s
                        WHERE s.person_id = p.id AND s.changed_on <= ?1
                        ORDER BY s.changed_on DESC, s.id DESC LIMIT 1),
                      -- No history at all (not written by caseload): the status now.
                      (SELECT CASE WHEN count(*) = 0 THEN p.status ELSE 'referred' END
                         FROM status_change s WHERE s.person_id = p.id)
                    ) IN {OPEN}"
        ),
        [&p.to],
        |r| r.get(0),
    )?)
}

/// Whose caseload person `p` was on at the end of the day `?1`: the last
/// handover by then, else the first later one's giver, else the assignment now.
const HOLDER_AT_END: &str = "CASE
    WHEN EXISTS (SELECT 1 FROM handover h WHERE h.person_id = p.id AND h.handed_on <= ?1)
    THEN (SELECT h.to_worker FROM handover h WHERE h.person_id = p.id AND h.handed_on <= ?1
           ORDER BY h.handed_on DESC, h.id DESC LIMIT 1)
    WHEN EXISTS (SELECT 1 FROM handover h WHERE h.person_id = p.id)
    THEN (SELECT h.from_worker FROM handover h WHERE h.person_id = p.id
           ORDER BY h.handed_on, h.id LIMIT 1)
    ELSE p.assigned_worker END";

/// `by_worker`: per worker, by whose caseload each person was on at the
/// period's end: open cases then, referrals and first contacts in the
/// period. Every registered worker is listed, then `unassigned` if anyone
/// is; nothing at all for a file with no workers.
fn by_worker(c: &Connection, p: &Span) -> Result<Vec<crate::domain::report::WorkerFigures>> {
    use crate::domain::report::WorkerFigures;
    let workers: Vec<(String, String)> = {
        let mut stmt = c.prepare_cached("SELECT login, name FROM worker ORDER BY name, login")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if workers.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = c.prepare_cached(&format!(
        "SELECT w,
                sum(referred_on <= ?1 AND status_at_end IN {OPEN}),
                sum(referred_on BETWEEN ?2 AND ?1),
                sum(coalesce(first_contact_on BETWEEN ?2 AND ?1, 0))
           FROM (SELECT {HOLDER_AT_END} AS w, p.referred_on, p.first_contact_on,
                        coalesce(
                          (SELECT s.status FROM status_change s
                            WHERE s.person_id = p.id AND s.changed_on <= ?1
                            ORDER BY s.changed_on DESC, s.id DESC LIMIT 1),
                          (SELECT CASE WHEN count(*) = 0 THEN p.status ELSE 'referred' END
                             FROM status_change s WHERE s.person_id = p.id)) AS status_at_end
                   FROM person p WHERE p.referred_on <= ?1)
          GROUP BY w"
    ))?;
    let rows = stmt.query_map(params![p.to, p.from], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut found: std::collections::BTreeMap<Option<String>, (i64, i64, i64)> =
        std::collections::BTreeMap::new();
    for row in rows {
        let (w, a, b, f) = row?;
        found.insert(w, (a, b, f));
    }
    let mut out = Vec::new();
    for (login, name) in workers {
        let (caseload_at_end, referrals, first_contacts) =
            found.remove(&Some(login.clone())).unwrap_or_default();
        out.push(WorkerFigures {
            login: Some(login),
            name: Some(name),
            caseload_at_end,
            referrals,
            first_contacts,
        });
    }
    // Unassigned, and any login no longer registered, after the team.
    for (login, (caseload_at_end, referrals, first_contacts)) in found {
        out.push(WorkerFigures {
            login,
            name: None,
            caseload_at_end,
            referrals,
            first_contacts,
        });
    }
    Ok(out)
}

/// Conversations counted as notes: the current version of each (a note that
/// no correction replaces), so a corrected note counts once, on its current date.
const CURRENT_NOTES: &str = "FROM conversation c
    WHERE c.occurred_at >= ?1 AND c.occurred_at < ?2
      AND NOT EXISTS (SELECT 1 FROM conversation n WHERE n.amends = c.id)";

/// `people_seen`: people with at least one conversation in the period.
fn people_seen(c: &Connection, p: &Span) -> Result<i64> {
    Ok(c.query_row(
        &format!("SELECT count(DISTINCT c.person_id) {CURRENT_NOTES}"),
        params![p.from, p.after],
        |r| r.get(0),
    )?)
}

/// `contacts` and `contacts_by_kind`: conversations in the period, every kind
/// listed.
fn contacts_by_kind(c: &Connection, p: &Span) -> Result<Breakdown> {
    let found = counts(
        c,
        &format!("SELECT c.kind, count(*) {CURRENT_NOTES} GROUP BY c.kind"),
        params![p.from, p.after],
    )?;
    let kinds: Vec<&str> = ConversationKind::ALL.iter().map(|k| k.as_str()).collect();
    Ok(Breakdown::in_order(&kinds, found))
}

/// `connections_by_status`: steps of people's connections to services dated
/// in the period, by the status reached (a connection that went from
/// suggested to attended in the period counts under each step).
fn connections_by_status(c: &Connection, p: &Span) -> Result<Breakdown> {
    let found = counts(
        c,
        "SELECT status, count(*) FROM (
             SELECT h.status FROM connection_history h WHERE h.status_on BETWEEN ?1 AND ?2
             UNION ALL
             -- A connection with no history rows (not written by caseload): its status now.
             SELECT c.status FROM connection c
              WHERE c.status_on BETWEEN ?1 AND ?2
                AND NOT EXISTS (SELECT 1 FROM connection_history h WHERE h.connection_id = c.id)
         ) GROUP BY status",
        params![p.from, p.to],
    )?;
    let statuses: Vec<&str> = ConnectionStatus::ALL.iter().map(|s| s.as_str()).collect();
    Ok(Breakdown::in_order(&statuses, found))
}

/// `connections_by_category`: connections with any step dated in the period,
/// by each category of the service (lower case; a service in two categories
/// counts in both; none: "uncategorised").
fn connections_by_category(c: &Connection, p: &Span) -> Result<Breakdown> {
    let found = counts(
        c,
        "WITH RECURSIVE conns AS (
             SELECT c.service_id FROM connection c
              WHERE c.status_on BETWEEN ?1 AND ?2
                 OR EXISTS (SELECT 1 FROM connection_history h
                             WHERE h.connection_id = c.id AND h.status_on BETWEEN ?1 AND ?2)
         ), split(rest, category) AS (
             SELECT CASE WHEN trim(coalesce(s.categories, ''), ' ,') = '' THEN 'uncategorised,'
                         ELSE s.categories || ',' END, NULL
               FROM conns JOIN service s ON s.id = conns.service_id
             UNION ALL
             SELECT substr(rest, instr(rest, ',') + 1), lower(trim(substr(rest, 1, instr(rest, ',') - 1)))
               FROM split WHERE rest <> ''
         )
         SELECT category, count(*) FROM split WHERE category <> '' GROUP BY category",
        params![p.from, p.to],
    )?;
    Ok(Breakdown::in_order(&[], found))
}

/// `measures`: for each outcome figure, the people whose latest score of that
/// instrument (by the period's end) is in the period and is not their first
/// (the baseline): how many, mean baseline, mean latest, mean change, and %
/// whose score moved the better way.
fn measures(c: &Connection, p: &Span) -> Result<Vec<MeasureOutcome>> {
    let items = outcome_items();
    let metric: Vec<String> = SWEMWBS_METRIC
        .iter()
        .enumerate()
        .map(|(i, m)| format!("({}, {m})", i + 7))
        .collect();
    let scores: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(k, o)| {
            let dir = if o.higher_is_better { 1 } else { -1 };
            let inst = o.instrument.as_str();
            match (o.instrument, o.item) {
                (Instrument::Swemwbs, _) => format!(
                    "SELECT {k}, {dir}, mb.metric, ml.metric FROM pairs
                       JOIN swemwbs mb ON mb.raw = pairs.b_total
                       JOIN swemwbs ml ON ml.raw = pairs.l_total
                      WHERE instrument = '{inst}'"
                ),
                (_, Some(i)) => format!(
                    "SELECT {k}, {dir}, json_extract(b_items, '$[{i}]'), json_extract(l_items, '$[{i}]')
                       FROM pairs WHERE instrument = '{inst}' AND json_valid(b_items) AND json_valid(l_items)"
                ),
                (_, None) => format!(
                    "SELECT {k}, {dir}, b_total, l_total FROM pairs WHERE instrument = '{inst}'"
                ),
            }
        })
        .collect();
    let sql = format!(
        "WITH swemwbs(raw, metric) AS (VALUES {metric}),
         ranked AS (
             SELECT person_id, instrument, taken_on, items, total,
                    row_number() OVER (PARTITION BY person_id, instrument ORDER BY taken_on, id) AS nth,
                    row_number() OVER (PARTITION BY person_id, instrument ORDER BY taken_on DESC, id DESC) AS last
               FROM measure WHERE taken_on <= ?2
         ), pairs AS (
             SELECT b.instrument, b.items AS b_items, b.total AS b_total,
                    l.items AS l_items, l.total AS l_total
               FROM ranked b JOIN ranked l ON l.person_id = b.person_id AND l.instrument = b.instrument
              WHERE b.nth = 1 AND l.last = 1 AND l.nth > 1 AND l.taken_on >= ?1
         ), scores(k, dir, b, l) AS ({scores})
         SELECT k, count(*), avg(b), avg(l), avg(l - b), sum((l - b) * dir > 0)
           FROM scores WHERE b IS NOT NULL AND l IS NOT NULL GROUP BY k",
        metric = metric.join(", "),
        scores = scores.join(" UNION ALL "),
    );
    let mut stmt = c.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![p.from, p.to], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, f64>(2)?,
            r.get::<_, f64>(3)?,
            r.get::<_, f64>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    let mut found = std::collections::HashMap::new();
    for row in rows {
        let row = row?;
        found.insert(row.0, row);
    }
    use crate::domain::report::round2;
    Ok(items
        .iter()
        .enumerate()
        .map(|(k, o)| {
            let row = found.get(&(k as i64));
            MeasureOutcome {
                instrument: o.instrument,
                item: o.label,
                higher_is_better: o.higher_is_better,
                people: row.map_or(0, |r| r.1),
                mean_baseline: row.map(|r| round2(r.2)),
                mean_latest: row.map(|r| round2(r.3)),
                mean_change: row.map(|r| round2(r.4)),
                improved_pct: row.and_then(|r| pct(r.5, r.1)),
            }
        })
        .collect())
}

/// `goals`: set (agreed) in the period, achieved and dropped in the period.
fn goals(c: &Connection, p: &Span) -> Result<Goals> {
    Ok(c.query_row(
        "SELECT (SELECT count(*) FROM goal WHERE created_on BETWEEN ?1 AND ?2),
                (SELECT count(*) FROM goal WHERE status = 'achieved' AND ended_on BETWEEN ?1 AND ?2),
                (SELECT count(*) FROM goal WHERE status = 'dropped' AND ended_on BETWEEN ?1 AND ?2)",
        params![p.from, p.to],
        |r| {
            Ok(Goals {
                set: r.get(0)?,
                achieved: r.get(1)?,
                dropped: r.get(2)?,
            })
        },
    )?)
}

/// `age_bands`: people referred in the period by their age on the day they
/// were referred (whole years, from the date of birth; none: not recorded).
fn age_bands_at_referral(c: &Connection, p: &Span) -> Result<Breakdown> {
    let mut stmt = c.prepare_cached(
        "SELECT CASE WHEN date(date_of_birth) IS NULL OR date(referred_on) IS NULL THEN NULL
                     ELSE CAST(substr(referred_on, 1, 4) AS INTEGER) - CAST(substr(date_of_birth, 1, 4) AS INTEGER)
                          - (substr(referred_on, 6, 5) < substr(date_of_birth, 6, 5)) END AS age,
                count(*)
           FROM person WHERE referred_on BETWEEN ?1 AND ?2 GROUP BY age",
    )?;
    let rows = stmt.query_map(params![p.from, p.to], |r| {
        Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, i64>(1)?))
    })?;
    let by_age: Vec<(Option<i64>, i64)> = rows.collect::<rusqlite::Result<_>>()?;
    Ok(age_bands(&by_age))
}

/// The people referred in the period by one monitoring column (a fixed name
/// from the caller, never typed): every value in `known` listed, then any
/// others (GP practices) most first, then "prefer not to say" and "not recorded".
fn monitoring(c: &Connection, p: &Span, column: &str, known: &[&str]) -> Result<Breakdown> {
    let found = counts(
        c,
        &format!(
            "SELECT coalesce({column}, '{NOT_RECORDED}'), count(*) FROM person
              WHERE referred_on BETWEEN ?1 AND ?2 GROUP BY 1"
        ),
        params![p.from, p.to],
    )?;
    Ok(with_not_recorded_last(known, found))
}

/// `by_ethnicity`: as [`monitoring`], by ONS 2021 high-level group.
fn by_ethnicity(c: &Connection, p: &Span) -> Result<Breakdown> {
    let found = counts(
        c,
        &format!(
            "SELECT coalesce(ethnicity, '{NOT_RECORDED}'), count(*) FROM person
              WHERE referred_on BETWEEN ?1 AND ?2 GROUP BY 1"
        ),
        params![p.from, p.to],
    )?;
    let grouped = found
        .into_iter()
        .map(|(value, n)| (ethnic_group(&value).to_string(), n))
        .collect();
    let mut known: Vec<&str> = ETHNIC_GROUPS.iter().map(|g| g.0).collect();
    known.push(PREFER_NOT_TO_SAY);
    Ok(with_not_recorded_last(&known, grouped))
}

fn with_not_recorded_last(known: &[&str], found: Vec<(String, i64)>) -> Breakdown {
    let missing = found
        .iter()
        .filter(|(k, _)| k == NOT_RECORDED)
        .map(|(_, n)| n)
        .sum();
    let rest = found
        .into_iter()
        .filter(|(k, _)| k != NOT_RECORDED)
        .collect();
    let mut b = Breakdown::in_order(known, rest);
    // The answers that are not an answer come last, after every count,
    // whatever their size: "prefer not to say", then "not recorded".
    if let Some(at) = b.0.iter().position(|(k, _)| k == PREFER_NOT_TO_SAY) {
        let declined = b.0.remove(at);
        b.0.push(declined);
    }
    b.0.push((NOT_RECORDED.to_string(), missing));
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefer_not_to_say_comes_after_every_real_answer() {
        let found = vec![
            (PREFER_NOT_TO_SAY.to_string(), 1),
            ("Hillside Surgery".to_string(), 5),
            ("Northside Practice".to_string(), 2),
            (NOT_RECORDED.to_string(), 3),
        ];
        let b = with_not_recorded_last(&[PREFER_NOT_TO_SAY], found);
        let names: Vec<&str> = b.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "Hillside Surgery",
                "Northside Practice",
                PREFER_NOT_TO_SAY,
                NOT_RECORDED
            ]
        );
    }
}
