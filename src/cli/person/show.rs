//! `caseload person show ID`: one person's record, as a table or JSON.

use super::*;

pub fn person_show(store: &Store, id: i64, format: ShowFormat, out: &mut dyn Write) -> CliResult {
    let person = store.people().get(id)?;
    let history = store.people().status_history(id)?;
    let conversations = store.notes().list(id)?;
    let goals = store.goals().list(id)?;
    let measures = store.measures().list(id)?;
    let conflicts = store.copies().conflicts(id)?;
    match format {
        ShowFormat::Json => {
            let value = serde_json::json!({
                "person": person,
                "status_history": history,
                "conversations": conversations,
                "goals": goals,
                "measures": measures,
                "sync_conflicts": conflicts,
            });
            serde_json::to_writer_pretty(&mut *out, &value).map_err(json_err)?;
            writeln!(out)?;
        }
        ShowFormat::Table => {
            let d = &person.details;
            let nhs = d
                .nhs_number
                .as_deref()
                .map(crate::domain::nhs_number::display);
            let fields: [(&str, Option<String>); 19] = [
                ("Name", Some(person.display_name())),
                ("Status", Some(person.status.as_str().to_string())),
                ("Status reason", person.status_reason.clone()),
                ("Referred on", d.referred_on.map(crate::domain::date::iso)),
                ("Referral source", Some(d.referral_source.clone())),
                ("Referred by", d.referrer()),
                ("Referral reason", d.referral_reason.clone()),
                (
                    "Date of birth",
                    d.date_of_birth.map(crate::domain::date::iso),
                ),
                ("NHS number", nhs),
                ("Phone", d.phone.clone()),
                ("Email", d.email.clone()),
                ("Address", d.address.clone()),
                ("Postcode", d.postcode.clone()),
                (
                    "Consent given",
                    d.consent_recorded_on.map(crate::domain::date::iso),
                ),
                ("Risk", d.risk_note.clone()),
                ("GP practice", d.gp_practice.clone()),
                ("Sex", d.sex.clone()),
                ("Ethnicity", d.ethnicity.clone()),
                ("Carer", d.carer.clone()),
            ];
            writeln!(out, "Person {}", person.id)?;
            for (label, value) in fields.iter().filter_map(|(l, v)| Some((l, v.as_ref()?))) {
                writeln!(out, "  {label:<16} {}", for_terminal_line(value))?;
            }
            writeln!(out, "Status history")?;
            for h in &history {
                let reason = h
                    .reason
                    .as_deref()
                    .map(|r| format!(" ({})", for_terminal_line(r)))
                    .unwrap_or_default();
                let what = match &h.handed_to {
                    Some(to) => format!("handed over to {}", for_terminal_line(to)),
                    None => h.status.as_str().to_string(),
                };
                writeln!(out, "  {} {what}{reason}", opt_date(h.changed_on))?;
            }
            writeln!(out, "Goals")?;
            for g in &goals {
                writeln!(
                    out,
                    "  [{}] {}",
                    g.status.as_str(),
                    for_terminal_line(&g.text)
                )?;
            }
            writeln!(out, "Wellbeing")?;
            for instrument in crate::domain::measure::Instrument::ALL {
                let of: Vec<_> = measures
                    .iter()
                    .filter(|m| m.instrument == instrument)
                    .collect();
                if let (Some(first), Some(latest)) = (of.first(), of.last()) {
                    for c in changes(instrument, &first.items, &latest.items) {
                        writeln!(
                            out,
                            "  {} {}: {} -> {}",
                            instrument.as_str(),
                            c.label,
                            c.first,
                            c.latest
                        )?;
                    }
                }
            }
            if !conflicts.is_empty() {
                writeln!(out, "Changed in two places (laptop copy and team file)")?;
                for c in &conflicts {
                    writeln!(
                        out,
                        "  {} {} {}: kept {}, the other value {} ({})",
                        c.at.get(..10).unwrap_or(""),
                        c.table.replace('_', " "),
                        c.field.replace('_', " "),
                        quote(&c.kept, 60),
                        quote(&c.lost, 60),
                        for_terminal_line(&c.lost_by)
                    )?;
                }
            }
            let entries = timeline(&conversations);
            writeln!(out, "Conversations: {}", entries.len())?;
            for c in entries.iter().take(5).map(|e| &e.current) {
                writeln!(
                    out,
                    "  {} {:<12} {}",
                    &c.occurred_at.get(..10).unwrap_or(""),
                    c.kind.label(),
                    for_terminal_line(first_line(&c.body))
                )?;
            }
        }
    }
    Ok(())
}
