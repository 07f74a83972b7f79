//! Follow-ups as an iCalendar file (RFC 5545), for a phone or desktop calendar.
//! Pure: the follow-ups, the database's id and the DTSTAMP moment come in; text
//! goes out. No personal data leaves: each event says "caseload follow-up #ID",
//! never a name, a follow-up's text or anything about health.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::domain::follow_up::FollowUp;

pub const PRODID: &str = concat!("-//caseload//caseload ", env!("CARGO_PKG_VERSION"), "//EN");

/// How long a timed follow-up lasts in the calendar, and its alarm's lead time.
const TIMED_MINUTES: i64 = 15;

/// One VCALENDAR with a VEVENT (and a VALARM) per follow-up. `database_id`
/// keeps UIDs from two databases apart; the same follow-up always gets the
/// same UID, so importing again updates events instead of duplicating them.
/// `to_utc` turns a follow-up's local time into UTC (the caller knows the
/// time zone); where it cannot (a clock-change gap) the time stays floating.
pub fn calendar(
    follow_ups: &[FollowUp],
    database_id: &str,
    dtstamp: DateTime<Utc>,
    to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| {
        out.push_str(&fold(&format!("{name}:{value}")));
        out.push_str("\r\n");
    };
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", &escape_text(PRODID));
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    line("X-WR-CALNAME", "caseload follow-ups");
    let stamp = dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    for r in follow_ups {
        let summary = escape_text(&summary(r.id));
        line("BEGIN", "VEVENT");
        line("UID", &escape_text(&uid(r.id, database_id)));
        line("DTSTAMP", &stamp);
        match r.time() {
            Some(t) => {
                let local = r.effective_due().and_time(t);
                let start = match to_utc(local) {
                    Some(utc) => utc.format("%Y%m%dT%H%M%SZ").to_string(),
                    None => local.format("%Y%m%dT%H%M%S").to_string(),
                };
                line("DTSTART", &start);
                line("DURATION", &format!("PT{TIMED_MINUTES}M"));
            }
            None => {
                let day = r.effective_due();
                line("DTSTART;VALUE=DATE", &ics_date(day));
                line("DTEND;VALUE=DATE", &ics_date(day + Duration::days(1)));
            }
        }
        line("SUMMARY", &summary);
        line(
            "DESCRIPTION",
            &escape_text(&format!(
                "Open caseload, pane 4 (Follow-ups), for follow-up #{}.",
                r.id
            )),
        );
        line("TRANSP", "TRANSPARENT");
        line("BEGIN", "VALARM");
        line("ACTION", "DISPLAY");
        line("DESCRIPTION", &summary);
        match r.time() {
            Some(_) => line("TRIGGER", &format!("-PT{TIMED_MINUTES}M")),
            // All-day: 09:00 on the day.
            None => line("TRIGGER;RELATED=START", "PT9H"),
        }
        line("END", "VALARM");
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

pub fn summary(id: i64) -> String {
    format!("caseload follow-up #{id}")
}

pub fn uid(id: i64, database_id: &str) -> String {
    format!("reminder-{id}-{database_id}@caseload")
}

fn ics_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 3.1): CRLF then one space,
/// never inside a UTF-8 character. Returned without the final CRLF.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LIMIT {
            out.push_str("\r\n ");
            // The leading space counts towards the next line's 75 octets.
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let short = "SUMMARY:hello";
        assert_eq!(fold(short), short);
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&long);
        for physical in folded.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        // Unfolding gives back the original line.
        assert_eq!(folded.replace("\r\n ", ""), long);
        assert!(folded.matches("\r\n ").count() >= 2);
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a,b;c\\d\ne\r"), "a\\,b\\;c\\\\d\\ne");
    }
}
