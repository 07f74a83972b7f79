//! `caseload report`: the commissioner's figures for a period.

use super::*;

/// The period a report covers: `--month`, `--quarter` or `--from`/`--to`
/// (clap lets only one through), else this month to date.
pub fn report_period(
    today: NaiveDate,
    month: Option<&str>,
    quarter: Option<&str>,
    between: Option<(&str, &str)>,
) -> CliResult<Period> {
    let period = match (month, quarter, between) {
        (Some(m), _, _) => Period::month(m, today),
        (_, Some(q), _) => Period::quarter(q, today),
        (_, _, Some((from, to))) => Period::between(from, to, today),
        _ => Ok(Period::month_to_date(today)),
    };
    period.map_err(CliError::User)
}

/// `caseload report`: every figure of the data dictionary for the period.
pub fn report(
    store: &Store,
    period: &Period,
    first_contact_days: u32,
    whose: &WorkerFilter,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    let mut report = store.report_of(period, first_contact_days, whose.login())?;
    if let Some(login) = whose.login() {
        report
            .by_worker
            .retain(|w| w.login.as_deref() == Some(login));
    }
    match format {
        Format::Table => out.write_all(crate::io::report::table(&report).as_bytes())?,
        Format::Csv => {
            crate::io::report::write_csv(&report, out, |c| for_terminal(c).into_owned())?
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(json_err)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `caseload report --codes`: the SNOMED CT coded events of the period for
/// the GP record. People with an event but no NHS number cannot be coded:
/// they are counted, by id, in one line on standard error.
pub fn report_codes(
    store: &Store,
    period: &Period,
    format: Format,
    out: &mut dyn Write,
) -> CliResult {
    use crate::io::report::{CODES_HEADER, code_rows, codes_json, write_codes_csv};
    let events = store.coded_events(period)?;
    match format {
        Format::Csv => write_codes_csv(&events, out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &codes_json(&events)).map_err(json_err)?;
            writeln!(out)?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = code_rows(&events).into_iter().map(Vec::from).collect();
            let header = CODES_HEADER.map(str::to_uppercase);
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            out.write_all(table::render(&header, &rows, 40).as_bytes())?;
        }
    }
    let mut missing: Vec<i64> = events
        .iter()
        .filter(|e| e.nhs_number.is_none())
        .map(|e| e.person_id)
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if !missing.is_empty() {
        const SHOWN: usize = 20;
        let ids: Vec<String> = missing.iter().take(SHOWN).map(i64::to_string).collect();
        let more = if missing.len() > SHOWN { ", ..." } else { "" };
        let ids = format!("{}{more}", ids.join(", "));
        eprintln!(
            "{}",
            words::report::uncoded(missing.len(), &period.label(), &ids)
        );
    }
    Ok(())
}
