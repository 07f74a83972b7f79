//! The report as a table, as long-form CSV (`figure,breakdown,value`: one
//! number a row, so a spreadsheet can filter and pivot it) and as JSON (the
//! domain type's own keys). Pure functions over a [`Report`].

use std::io::Write;

use crate::domain::date::iso;
use crate::domain::report::{Breakdown, CodedEvent, Report};
use crate::domain::text::spreadsheet_cell;

/// The CSV header: stable, scripts depend on it.
pub const CSV_HEADER: [&str; 3] = ["figure", "breakdown", "value"];

fn num(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// Every figure as `[figure, breakdown, value]`, in the README's order. A
/// figure with nothing to compute it from (a median of nobody) has an empty value.
pub fn rows(r: &Report) -> Vec<[String; 3]> {
    let mut out: Vec<[String; 3]> = Vec::new();
    let mut one = |figure: &str, breakdown: &str, value: String| {
        out.push([figure.to_string(), breakdown.to_string(), value]);
    };
    one("period", "from", iso(r.period.from));
    one("period", "to", iso(r.period.to));
    let by = |one: &mut dyn FnMut(&str, &str, String), figure: &str, b: &Breakdown| {
        for (k, n) in &b.0 {
            one(figure, k, n.to_string());
        }
    };
    one("referrals", "", r.referrals.to_string());
    by(&mut one, "referrals_by_source", &r.referrals_by_source);
    by(&mut one, "referrals_by_reason", &r.referrals_by_reason);
    one("first_contacts", "", r.first_contacts.to_string());
    let d = &r.days_to_first_contact;
    one("days_to_first_contact", "people", d.people.to_string());
    one("days_to_first_contact", "median", num(d.median));
    one("days_to_first_contact", "p90", num(d.p90));
    one("days_to_first_contact", &d.within_key(), num(d.within_pct));
    one(
        "days_to_first_contact",
        "within_days",
        d.within_days.to_string(),
    );
    one("declined", "", r.declined.to_string());
    by(&mut one, "declined_by_reason", &r.declined_by_reason);
    one("closed", "", r.closed.to_string());
    by(&mut one, "closed_by_reason", &r.closed_by_reason);
    one("open_at_end", "", r.open_at_end.to_string());
    one("people_seen", "", r.people_seen.to_string());
    one("contacts", "", r.contacts.to_string());
    by(&mut one, "contacts_by_kind", &r.contacts_by_kind);
    by(&mut one, "connections_by_status", &r.connections_by_status);
    by(
        &mut one,
        "connections_by_category",
        &r.connections_by_category,
    );
    for m in &r.measures {
        let what = format!("{} {}", m.instrument.as_str(), m.item);
        one("measures.people", &what, m.people.to_string());
        one("measures.mean_baseline", &what, num(m.mean_baseline));
        one("measures.mean_latest", &what, num(m.mean_latest));
        one("measures.mean_change", &what, num(m.mean_change));
        one("measures.improved_pct", &what, num(m.improved_pct));
        let better = if m.higher_is_better {
            "higher"
        } else {
            "lower"
        };
        one("measures.better_is", &what, better.to_string());
    }
    one("goals", "set", r.goals.set.to_string());
    one("goals", "achieved", r.goals.achieved.to_string());
    one("goals", "dropped", r.goals.dropped.to_string());
    by(&mut one, "age_bands", &r.age_bands);
    by(&mut one, "by_sex", &r.by_sex);
    by(&mut one, "by_ethnicity", &r.by_ethnicity);
    by(&mut one, "by_carer", &r.by_carer);
    by(&mut one, "by_gp_practice", &r.by_gp_practice);
    for w in &r.by_worker {
        one(
            "by_worker.caseload_at_end",
            w.key(),
            w.caseload_at_end.to_string(),
        );
        one("by_worker.referrals", w.key(), w.referrals.to_string());
        one(
            "by_worker.first_contacts",
            w.key(),
            w.first_contacts.to_string(),
        );
    }
    out
}

/// Long-form CSV with the header row. The figure and breakdown cells are
/// made formula-safe ([`spreadsheet_cell`]: a referral reason is free text);
/// values are numbers and dates we formatted, so `-2.5` stays a number a
/// spreadsheet can add up. Every cell then passes through `show` (the CLI
/// shows control characters visibly on a terminal).
pub fn write_csv(
    r: &Report,
    out: &mut dyn Write,
    show: impl Fn(&str) -> String,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(CSV_HEADER).map_err(err)?;
    for [figure, breakdown, value] in rows(r) {
        let cells = [
            show(&spreadsheet_cell(&figure)),
            show(&spreadsheet_cell(&breakdown)),
            show(&value),
        ];
        w.write_record(cells).map_err(err)?;
    }
    w.flush()
}

/// For a terminal: one line a figure, breakdowns indented under it.
pub fn table(r: &Report) -> String {
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut last = String::new();
    for [figure, breakdown, value] in rows(r) {
        if figure == "period" {
            continue;
        }
        if figure.starts_with("measures.") {
            if last != "measures" {
                lines.push(vec!["measures".into(), String::new()]);
                lines.extend(r.measures.iter().map(|m| {
                    let change = match (m.mean_baseline, m.mean_latest, m.mean_change) {
                        (Some(b), Some(l), Some(c)) => format!(
                            "{} people: {b} -> {l} ({c:+}), {}% better{}",
                            m.people,
                            num(m.improved_pct),
                            if m.higher_is_better {
                                ""
                            } else {
                                " (lower is)"
                            }
                        ),
                        _ => "0 people".into(),
                    };
                    vec![format!("  {} {}", m.instrument.as_str(), m.item), change]
                }));
            }
            last = "measures".into();
            continue;
        }
        let value = if value.is_empty() { "-".into() } else { value };
        if breakdown.is_empty() {
            lines.push(vec![figure.clone(), value]);
        } else {
            if figure != last {
                lines.push(vec![figure.clone(), String::new()]);
            }
            lines.push(vec![format!("  {breakdown}"), value]);
        }
        last = figure;
    }
    format!(
        "Report {}\n{}",
        r.period.label(),
        super::table::render(&["FIGURE", "VALUE"], &lines, 56)
    )
}

/// The columns of `caseload report --codes --format csv`: stable.
pub const CODES_HEADER: [&str; 4] = ["nhs_number", "date", "concept_id", "term"];

/// The events with an NHS number, as `CODES_HEADER` cells.
pub fn code_rows(events: &[CodedEvent]) -> Vec<[String; 4]> {
    events
        .iter()
        .filter_map(|e| {
            Some([
                e.nhs_number.clone()?,
                iso(e.on),
                e.kind.concept_id().to_string(),
                e.kind.term().to_string(),
            ])
        })
        .collect()
}

/// The coded events as CSV (every cell is digits, a day or a fixed term).
pub fn write_codes_csv(events: &[CodedEvent], out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(CODES_HEADER).map_err(err)?;
    for row in code_rows(events) {
        w.write_record(row).map_err(err)?;
    }
    w.flush()
}

/// The coded events as JSON objects with `CODES_HEADER` keys.
pub fn codes_json(events: &[CodedEvent]) -> serde_json::Value {
    code_rows(events)
        .into_iter()
        .map(|row| {
            let obj: serde_json::Map<String, serde_json::Value> = CODES_HEADER
                .iter()
                .zip(row)
                .map(|(k, v)| (k.to_string(), v.into()))
                .collect();
            serde_json::Value::Object(obj)
        })
        .collect()
}
