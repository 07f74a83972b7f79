//! The letter back to the referrer or GP, with the headings of the PRSB Social
//! Prescribing Information Standard (v1.1, 2023) in the order the issue sets.
//! Built from plain values; conversation note text is never an input, so it
//! can never reach a letter (only what the worker writes as the summary does).

use chrono::NaiveDate;

use super::date::shown;
use super::goal::{Goal, GoalStatus};
use super::measure::{Measure, by_instrument, changes};
use super::monitoring::PREFER_NOT_TO_SAY;
use super::person::{Person, Status};
use super::service::Connection;

/// The headings, in order. Every letter has every one.
pub const HEADINGS: [&str; 11] = [
    "Plan and requested actions",
    "Person",
    "Referral",
    "Contacts",
    "What matters and needs",
    "Goals and outcomes",
    "Services connected",
    "Wellbeing scores",
    "Risks",
    "Summary",
    "Link worker",
];

pub const NO_ACTIONS: &str = "No actions required.";

/// The worker's name as it signs a letter, checked: trimmed, not blank, a
/// name's length, one line.
pub fn check_worker_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    super::limits::check_chars("your name", name, super::limits::MAX_NAME_CHARS)?;
    if super::text::is_blank(name) {
        return Err("type your name as it should sign the letter".into());
    }
    if name.contains(['\n', '\r']) {
        return Err("your name must be one line".into());
    }
    Ok(name.to_string())
}

/// Checks one requested action for the letter, as typed: `None` if blank.
pub fn check_action(action: &str) -> Result<Option<String>, String> {
    let action = action.trim();
    super::limits::check_bytes("the action", action, super::limits::MAX_TEXT_BYTES)?;
    Ok((!super::text::is_blank(action)).then(|| action.to_string()))
}
pub const NO_RISKS: &str = "No known risks.";

/// What the record says about contacts, counted by the store: no note text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContactSummary {
    /// Notes (a corrected note once).
    pub count: i64,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// "What matters to me" conversations, and the day of the latest.
    pub what_matters: i64,
    pub what_matters_last: Option<NaiveDate>,
}

/// Everything a letter is made from.
#[derive(Debug, Clone, Copy)]
pub struct LetterInput<'a> {
    pub today: NaiveDate,
    pub person: &'a Person,
    pub contacts: ContactSummary,
    pub goals: &'a [Goal],
    pub connections: &'a [Connection],
    /// Oldest first.
    pub measures: &'a [Measure],
    /// What the worker asks the GP or referrer to do; none: "No actions required".
    pub actions: &'a [String],
    pub summary: Option<&'a str>,
    pub worker_name: Option<&'a str>,
    pub worker_contact: Option<&'a str>,
}

/// The records a letter is made from, as the store reads them for one person.
#[derive(Debug, Clone)]
pub struct LetterRecords {
    pub person: Person,
    pub contacts: ContactSummary,
    pub goals: Vec<Goal>,
    pub connections: Vec<Connection>,
    pub measures: Vec<Measure>,
}

/// What the worker adds to the records: the actions asked for, a summary,
/// and who they are.
#[derive(Debug, Clone, Copy, Default)]
pub struct LetterAdditions<'a> {
    pub actions: &'a [String],
    pub summary: Option<&'a str>,
    pub worker_name: Option<&'a str>,
    pub worker_contact: Option<&'a str>,
}

impl LetterRecords {
    pub fn letter(&self, today: NaiveDate, add: LetterAdditions) -> Letter {
        letter(&LetterInput {
            today,
            person: &self.person,
            contacts: self.contacts,
            goals: &self.goals,
            connections: &self.connections,
            measures: &self.measures,
            actions: add.actions,
            summary: add.summary,
            worker_name: add.worker_name,
            worker_contact: add.worker_contact,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub title: String,
    pub date: NaiveDate,
    /// Who it is addressed to: the referrer and their practice when
    /// recorded, else the referral source.
    pub to: String,
    pub sections: Vec<Section>,
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(shown).unwrap_or_else(|| "not recorded".into())
}

fn or_not_recorded(s: Option<&str>) -> String {
    s.map_or_else(|| "not recorded".into(), str::to_string)
}

fn plain(s: &str) -> String {
    s.replace('_', " ")
}

/// The letter, every heading in [`HEADINGS`] order.
pub fn letter(i: &LetterInput) -> Letter {
    let p = i.person;
    let d = &p.details;
    let mut sections = Vec::with_capacity(HEADINGS.len());
    let mut add = |heading, lines: Vec<String>| sections.push(Section { heading, lines });

    let mut plan = vec![match p.status {
        Status::Referred => "Referred; not yet seen by the link worker.".to_string(),
        Status::Active => "Seeing the link worker; support continues.".to_string(),
        Status::Paused => "Support is paused, by agreement.".to_string(),
        Status::Closed => format!(
            "Support ended on {}{}.",
            day(p.closed_on),
            p.status_reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ),
        Status::Declined => format!(
            "Declined social prescribing{}.",
            p.status_reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ),
    }];
    if i.actions.is_empty() {
        plan.push(NO_ACTIONS.into());
    } else {
        plan.push("Requested actions:".into());
        plan.extend(i.actions.iter().map(|a| format!("- {}", a.trim())));
    }
    add(HEADINGS[0], plan);

    let nhs = d
        .nhs_number
        .as_deref()
        .map(super::nhs_number::display)
        .unwrap_or_else(|| "not recorded".into());
    let gp = match d.gp_practice.as_deref() {
        Some(PREFER_NOT_TO_SAY) | None => "not recorded".to_string(),
        Some(code) => format!("ODS code {code}"),
    };
    add(
        HEADINGS[1],
        vec![
            format!("Name: {} {}", d.given_name, d.family_name),
            format!("Date of birth: {}", day(d.date_of_birth)),
            format!("NHS number: {nhs}"),
            format!("GP practice: {gp}"),
        ],
    );

    add(
        HEADINGS[2],
        vec![
            format!("Referred on: {}", day(d.referred_on)),
            match d.referrer() {
                Some(who) => format!("Referred by: {who} ({})", d.referral_source),
                None => format!("Referred by: {}", d.referral_source),
            },
            format!("Reason: {}", or_not_recorded(d.referral_reason.as_deref())),
        ],
    );

    let c = i.contacts;
    add(
        HEADINGS[3],
        vec![
            format!("First contact: {}", day(p.first_contact_on.or(c.first))),
            format!("Last contact: {}", day(c.last)),
            format!("Number of contacts: {}", c.count),
        ],
    );

    let open_goals = i
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Open)
        .count();
    let mut matters = vec![match c.what_matters {
        0 => "No \"what matters to me\" conversation recorded yet.".to_string(),
        n => format!(
            "\"What matters to me\" conversations: {n}, the latest on {}.",
            day(c.what_matters_last)
        ),
    }];
    matters.push(match open_goals {
        0 => "What the person said stays in their record.".to_string(),
        n => format!(
            "What the person said stays in their record; the needs they chose to work on are the {n} open goal(s) below."
        ),
    });
    add(HEADINGS[4], matters);

    let mut goals: Vec<String> = i
        .goals
        .iter()
        .map(|g| match g.status {
            GoalStatus::Open => format!("- {} (open, since {})", g.text, day(g.created_on)),
            s => format!("- {} ({} on {})", g.text, s.as_str(), day(g.ended_on)),
        })
        .collect();
    if goals.is_empty() {
        goals.push("No goals agreed yet.".into());
    }
    add(HEADINGS[5], goals);

    let mut services: Vec<String> = i
        .connections
        .iter()
        .map(|c| {
            format!(
                "- {}: {} on {}",
                c.service_name,
                plain(c.status.as_str()),
                shown(c.status_on)
            )
        })
        .collect();
    if services.is_empty() {
        services.push("None yet.".into());
    }
    add(HEADINGS[6], services);

    let mut scores = Vec::new();
    for (instrument, of) in by_instrument(i.measures) {
        let (Some(first), Some(latest)) = (of.first(), of.last()) else {
            continue;
        };
        for ch in changes(instrument, &first.items, &latest.items) {
            let better = ch.improvement();
            if of.len() < 2 {
                // One score is a baseline, not a change from itself to itself.
                scores.push(format!(
                    "{} {}: {} ({}), the first score; no change to report yet",
                    instrument.as_str(),
                    ch.label,
                    ch.latest,
                    day(latest.taken_on)
                ));
                continue;
            }
            let trend = if better > 0.0 {
                "better"
            } else if better < 0.0 {
                "worse"
            } else {
                "no change"
            };
            scores.push(format!(
                "{} {}: {} ({}) to {} ({}), {trend}",
                instrument.as_str(),
                ch.label,
                ch.first,
                day(first.taken_on),
                ch.latest,
                day(latest.taken_on)
            ));
        }
    }
    if scores.is_empty() {
        scores.push("No wellbeing scores recorded.".into());
    }
    add(HEADINGS[7], scores);

    let risks = match d.risk_note.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => r.to_string(),
        _ => NO_RISKS.into(),
    };
    add(HEADINGS[8], vec![risks]);

    let summary = match i.summary.map(str::trim) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => "No summary written.".into(),
    };
    add(HEADINGS[9], summary.lines().map(str::to_string).collect());

    add(
        HEADINGS[10],
        vec![
            format!("Name: {}", or_not_recorded(i.worker_name)),
            format!("Contact: {}", or_not_recorded(i.worker_contact)),
        ],
    );

    Letter {
        title: "Social prescribing: letter to the referrer and GP".into(),
        date: i.today,
        to: d
            .referrer()
            .unwrap_or_else(|| format!("the referrer ({})", d.referral_source)),
        sections,
    }
}
