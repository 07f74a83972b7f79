//! A subject access export the person can read: plain text with headings,
//! dates written out ("23 November 2026"), no database ids and no column
//! names. It formats what the store returns (`Store::subject_access_record`);
//! every table the JSON export holds has a section here, and a table with no
//! section yet is still shown, under "Other records", so nothing is left out.

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::conversation::{Conversation, timeline};
use crate::domain::date::shown;
use crate::domain::measure::Instrument;
use crate::domain::person::Person;
use crate::domain::record::{AuditEntry, FormDraft, SubjectAccessRecord};
use crate::domain::sync::RecordedConflict;
use crate::domain::text::for_terminal;

/// The tables of the JSON export that have their own section below. A table
/// that refers to a person and is not listed here is shown under "Other
/// records" (and `tests/cli_subject_access.rs` fails until it gets a section).
pub const RENDERED_TABLES: &[&str] = &[
    "person",
    "status_change",
    "conversation",
    "draft",
    "form_draft",
    "goal",
    "measure",
    "connection",
    "connection_history",
    "reminder",
    "handover",
    "sync_conflict",
];

/// A stored moment ("2026-11-23T10:00:00") as "23 Nov 2026 at 10:00";
/// a day alone as the day; anything else as it is.
pub fn long_moment(text: &str) -> String {
    if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
        return format!("{} at {}", shown(t.date()), t.format("%H:%M"));
    }
    if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M") {
        return format!("{} at {}", shown(t.date()), t.format("%H:%M"));
    }
    match text
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        Some(d) if text.len() == 10 => shown(d),
        _ => text.to_string(),
    }
}

fn words(code: &str) -> String {
    code.replace(['_', '-'], " ")
}

/// Every line of `body`, indented.
fn indented(out: &mut String, body: &str, by: usize) {
    for line in body.lines() {
        let _ = writeln!(out, "{:by$}{line}", "");
    }
}

/// Forms about the person left half filled: each value under its label.
fn form_drafts(out: &mut String, drafts: &[FormDraft]) {
    heading(out, "Forms not yet saved");
    if drafts.is_empty() {
        none(out, "None: no form about you was left half filled.");
    }
    for d in drafts {
        let _ = writeln!(
            out,
            "\n  {} · kept for {} · last saved {}",
            d.form_name(),
            d.worker,
            long_moment(&d.updated_at)
        );
        match d.values() {
            Some(values) => {
                for (name, value) in values.iter().filter(|(_, v)| !v.trim().is_empty()) {
                    let mut label = name.replace('_', " ");
                    if let Some(first) = label.get_mut(..1) {
                        first.make_ascii_uppercase();
                    }
                    let _ = writeln!(out, "    {label}: {value}");
                }
            }
            None => indented(out, &d.fields, 4),
        }
    }
}

/// Fields changed in two places at once (on a laptop copy and on the team
/// file): the value kept, and the other, which is kept here.
fn conflicts(out: &mut String, conflicts: &[RecordedConflict]) {
    if conflicts.is_empty() {
        return;
    }
    heading(out, "Changed in two places at once");
    for c in conflicts {
        let _ = writeln!(
            out,
            "  {}: the {} of a {} record was changed on a laptop and on the team file.\n    Kept: {}\n    The other value: {} ({})",
            long_moment(&c.at),
            c.field.replace('_', " "),
            c.table.replace('_', " "),
            c.kept,
            c.lost,
            c.lost_by
        );
    }
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "-".repeat(title.chars().count()));
}

fn none(out: &mut String, what: &str) {
    let _ = writeln!(out, "  {what}");
}

/// The whole export as text, `written_on` the day it is made. Controls and
/// bidi overrides are made visible or removed, as for a terminal.
pub fn text(r: &SubjectAccessRecord, written_on: NaiveDate) -> String {
    let mut out = String::new();
    let p = &r.person;
    let _ = writeln!(
        out,
        "Everything held about you in caseload\n\n\
         This is a copy of every record your social prescribing link worker keeps\n\
         about you, written {} for {}. It includes every earlier version of\n\
         a note that was corrected, and who looked at or changed your record.",
        shown(written_on),
        p.display_name()
    );
    your_record(&mut out, p);
    if let Some(w) = &r.assigned_worker {
        let _ = writeln!(out, "  Your link worker: {w}");
    }

    heading(&mut out, "Status history");
    if r.status_history.is_empty() {
        none(&mut out, "No changes recorded.");
    }
    for h in &r.status_history {
        let on = h.changed_on.map(shown).unwrap_or_else(|| "Undated".into());
        match &h.handed_to {
            Some(to) => {
                let _ = write!(out, "  {on}: handed over to {to}");
            }
            None => {
                let _ = write!(out, "  {on}: {}", h.status.as_str());
            }
        }
        match &h.reason {
            Some(reason) => {
                let _ = writeln!(out, ", because: {reason}");
            }
            None => out.push('\n'),
        }
    }

    heading(&mut out, "Handovers between link workers");
    if r.handovers.is_empty() {
        none(&mut out, "None.");
    }
    for h in &r.handovers {
        let on = h.handed_on.map(shown).unwrap_or_else(|| "Undated".into());
        let from = h.from_worker.as_deref().unwrap_or("nobody");
        let _ = write!(out, "  {on}: from {from} to {}", h.to_worker);
        match &h.note {
            Some(note) => {
                let _ = writeln!(out, ", note: {note}");
            }
            None => out.push('\n'),
        }
    }

    conversations(&mut out, &r.conversations);

    heading(&mut out, "Drafts");
    if r.drafts.is_empty() {
        none(&mut out, "None: no note was left unsaved.");
    } else {
        none(
            &mut out,
            "Notes your link worker started and has not saved yet:",
        );
    }
    for d in &r.drafts {
        let _ = writeln!(
            out,
            "\n  {} · {} · last saved {}",
            long_moment(&d.occurred_at),
            d.kind.label(),
            long_moment(&d.updated_at)
        );
        if d.amends.is_some() {
            let _ = writeln!(out, "  A correction of an earlier note.");
        }
        if let Some(reason) = &d.amend_reason {
            let _ = writeln!(out, "  Reason for the correction: {reason}");
        }
        indented(&mut out, &d.body, 4);
    }
    form_drafts(&mut out, &r.form_drafts);
    conflicts(&mut out, &r.conflicts);

    heading(&mut out, "Goals");
    if r.goals.is_empty() {
        none(&mut out, "None recorded.");
    }
    for g in &r.goals {
        let set = g
            .created_on
            .map(|d| format!(", set {}", shown(d)))
            .unwrap_or_default();
        let ended = g
            .ended_on
            .map(|d| format!(" on {}", shown(d)))
            .unwrap_or_default();
        let _ = writeln!(out, "  - {} ({}{ended}{set})", g.text, g.status.as_str());
    }

    heading(&mut out, "Wellbeing measures");
    if r.measures.is_empty() {
        none(&mut out, "None recorded.");
    }
    for m in &r.measures {
        let on = m.taken_on.map(shown).unwrap_or_else(|| "Undated".into());
        let items: Vec<String> = m
            .instrument
            .items()
            .iter()
            .zip(&m.items)
            .map(|(label, score)| format!("{label} {score}"))
            .collect();
        let total = m.total.map(|t| format!("; total {t}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {on}, {}: {}{total}",
            instrument_name(m.instrument),
            items.join(", ")
        );
    }

    heading(&mut out, "Services you were connected to");
    if r.connections.is_empty() {
        none(&mut out, "None.");
    }
    for c in &r.connections {
        let _ = writeln!(
            out,
            "  {}: {} since {}",
            c.service_name,
            words(c.status.as_str()),
            shown(c.status_on)
        );
        if let Some(note) = &c.note {
            let _ = writeln!(out, "    Note: {note}");
        }
        for step in &c.history {
            let _ = write!(
                out,
                "    {}: {}",
                shown(step.on),
                words(step.status.as_str())
            );
            match &step.note {
                Some(note) => {
                    let _ = writeln!(out, " ({note})");
                }
                None => out.push('\n'),
            }
        }
    }

    heading(&mut out, "Follow-ups");
    if r.follow_ups.is_empty() {
        none(&mut out, "None.");
    }
    for f in &r.follow_ups {
        let at = f
            .due_time
            .as_deref()
            .map(|t| format!(" at {t}"))
            .unwrap_or_default();
        let state = match (&f.done_at, f.snoozed_until) {
            (Some(done), _) => format!(" (done {})", long_moment(done)),
            (None, Some(until)) => format!(" (moved to {})", shown(until)),
            (None, None) => String::new(),
        };
        let held = f
            .owner
            .as_deref()
            .map(|o| format!(" (held by {o})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  Due {}{at}: {}{state}{held}",
            shown(f.due_on),
            f.text
        );
        if let Some(outcome) = &f.outcome {
            let _ = writeln!(out, "    What happened: {outcome}");
        }
    }

    other_records(&mut out, r);

    heading(&mut out, "Who accessed or changed your record");
    if r.rows.audit.is_empty() {
        none(&mut out, "Nothing recorded.");
    }
    for e in &r.rows.audit {
        let _ = writeln!(out, "  {}: {} {}", long_moment(&e.at), who(e), what(e));
    }
    for_terminal(&out).into_owned()
}

fn your_record(out: &mut String, p: &Person) {
    heading(out, "Your record");
    let d = &p.details;
    let status = match &p.status_reason {
        Some(reason) => format!("{} ({reason})", p.status.as_str()),
        None => p.status.as_str().to_string(),
    };
    let fields: [(&str, Option<String>); 23] = [
        ("Name", Some(format!("{} {}", d.given_name, d.family_name))),
        ("Preferred name", d.preferred_name.clone()),
        ("Date of birth", d.date_of_birth.map(shown)),
        (
            "NHS number",
            d.nhs_number
                .as_deref()
                .map(crate::domain::nhs_number::display),
        ),
        ("Phone", d.phone.clone()),
        ("Email", d.email.clone()),
        ("Address", d.address.clone()),
        ("Postcode", d.postcode.clone()),
        ("How to contact you", d.contact_preferences.clone()),
        (
            "Referred by",
            Some(match d.referrer() {
                Some(who) => format!("{who} ({})", d.referral_source),
                None => d.referral_source.clone(),
            }),
        ),
        ("Reason for referral", d.referral_reason.clone()),
        ("Referred on", d.referred_on.map(shown)),
        ("First contact", p.first_contact_on.map(shown)),
        ("Status", Some(status)),
        ("Closed on", p.closed_on.map(shown)),
        ("Risk noted", d.risk_note.clone()),
        // Equality monitoring, where it was recorded.
        ("Sex", d.sex.clone()),
        ("Ethnic group", d.ethnicity.clone()),
        ("Carer", d.carer.clone()),
        ("GP practice (ODS code)", d.gp_practice.clone()),
        ("Consent recorded", p.details.consent_recorded_on.map(shown)),
        ("Record created", Some(long_moment(&p.created_at))),
        ("Last changed", Some(long_moment(&p.updated_at))),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            let mut lines = value.lines();
            let _ = writeln!(out, "  {label}: {}", lines.next().unwrap_or(""));
            for more in lines {
                let _ = writeln!(out, "    {more}");
            }
        }
    }
}

fn conversations(out: &mut String, notes: &[Conversation]) {
    heading(out, "Conversations");
    let entries = timeline(notes);
    if entries.is_empty() {
        none(out, "None recorded.");
    }
    for e in &entries {
        let c = &e.current;
        let by = c
            .author
            .as_deref()
            .map(|a| format!(" · written by {a}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n  {} · {}{by}",
            long_moment(&c.occurred_at),
            c.kind.label()
        );
        indented(out, &c.body, 4);
        if e.history.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n    This note was corrected. Earlier versions, oldest first:"
        );
        for (i, v) in e.history.iter().enumerate() {
            let next = e.history.get(i + 1).unwrap_or(c);
            let by = v
                .author
                .as_deref()
                .map(|a| format!(" by {a}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "\n    Version {}, written {}{by}; replaced {}, because: {}",
                i + 1,
                long_moment(&v.created_at),
                long_moment(&next.created_at),
                next.amend_reason.as_deref().unwrap_or("no reason recorded")
            );
            indented(out, &v.body, 6);
        }
    }
}

/// Rows of tables that have no section of their own: their values, without
/// ids or column names.
fn other_records(out: &mut String, r: &SubjectAccessRecord) {
    let others: Vec<_> = r
        .rows
        .tables
        .iter()
        .filter(|(table, _)| !RENDERED_TABLES.contains(&table.as_str()))
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    if others.is_empty() {
        return;
    }
    heading(out, "Other records");
    for (table, rows) in others {
        let _ = writeln!(out, "  {}:", words(table));
        for row in rows {
            let values: Vec<String> = row
                .iter()
                .filter(|(column, _)| *column != "id" && !column.ends_with("_id"))
                .filter_map(|(_, v)| match v {
                    serde_json::Value::String(s) => Some(long_moment(s)),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect();
            let _ = writeln!(out, "    - {}", values.join(" · "));
        }
    }
}

fn instrument_name(i: Instrument) -> &'static str {
    match i {
        Instrument::Ons4 => "ONS4 personal wellbeing (0-10; for anxiety, lower is better)",
        Instrument::Ucla3 => "UCLA 3-item loneliness (1-3 each; lower is better)",
        Instrument::Swemwbs => "Short Warwick-Edinburgh Mental Wellbeing Scale (1-5 each)",
    }
}

fn who(e: &AuditEntry) -> String {
    match &e.actor_name {
        Some(name) => format!("{name} ({})", e.actor),
        None => e.actor.clone(),
    }
}

/// A table's name as a person reads it.
fn entity_words(entity: &str) -> String {
    match entity {
        "reminder" => "a follow-up".into(),
        "conversation" => "a conversation note".into(),
        "person" => "your record".into(),
        other => format!("a {}", words(other)),
    }
}

/// What an audit row says was done, in words.
fn what(e: &AuditEntry) -> String {
    let known = match (e.action.as_str(), e.entity.as_str()) {
        ("add", "person") => "added your record",
        ("update", "person") => "changed your record",
        ("status", "person") => "changed your status",
        ("read", "person") => "opened your record",
        ("letter", "person") => "wrote to the person who referred you",
        ("export", "person") => "gave you a copy of your record",
        ("amend", "conversation") => "corrected a conversation note",
        ("handover", "person") => "handed you over to another link worker",
        ("add", "conversation") => "wrote a conversation note",
        ("add", "goal") => "added a goal",
        ("update", "goal") => "changed a goal",
        ("status", "goal") => "changed a goal's status",
        ("add", "measure") => "recorded a wellbeing measure",
        ("connect", "connection") => "connected you to a service",
        ("connection-status", "connection") => "updated a service connection",
        ("add", "reminder") => "added a follow-up",
        ("done", "reminder") => "marked a follow-up done",
        ("reopen", "reminder") => "reopened a follow-up",
        ("snooze", "reminder") => "moved a follow-up",
        ("edit", "reminder") => "changed a follow-up",
        _ => "",
    };
    if known.is_empty() {
        // Never the raw row: an action added later still reads as words.
        format!(
            "recorded: {} of {}",
            words(&e.action),
            entity_words(&e.entity)
        )
    } else {
        known.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(shown(d), "3 Nov 2026");
        assert_eq!(long_moment("2026-11-23T10:05:00"), "23 Nov 2026 at 10:05");
        assert_eq!(long_moment("2026-11-23"), "23 Nov 2026");
        assert_eq!(long_moment("soon"), "soon");
    }
}
