//! Parsing the dates and times people type. Pure: "today" is always passed in.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

pub const DATE_HINT: &str = "use YYYY-MM-DD or DD/MM/YYYY";

/// The earliest year any date in the caseload can have. Dates of birth start
/// there too; year 0 or a negative year is always a typo, and would be read
/// back from the database as missing (a connection then shows 1970-01-01).
pub const MIN_YEAR: i32 = 1900;

/// How far ahead any typed date may lie: the longest follow-up window.
pub const MAX_DAYS_AHEAD: i64 = 3650;

/// 1900-01-01.
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Parses a day as typed in a form or a command line:
/// `2026-12-01`, `01/12/2026` (UK order), `today`, `tomorrow`, `yesterday`,
/// `+3d`, `+2w`, `-1d`, or a weekday name (`mon`..`sun`, the next one after today).
/// Any result lies between 1900-01-01 and ten years ahead; callers narrow it
/// further (e.g. [`parse_past_day`] for things that already happened).
pub fn parse_day(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let d = parse_any_day(input, today)?;
    check_range(
        d,
        earliest(),
        today + Duration::days(MAX_DAYS_AHEAD),
        "the date",
    )
}

/// A day on which something already happened (a measure, a status change, a
/// connection step, a goal's end): 1900-01-01 through today.
pub fn parse_past_day(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let d = parse_any_day(input, today)?;
    if d > today {
        return Err("the date cannot be in the future".into());
    }
    check_range(d, earliest(), today, "the date")
}

/// A day planned ahead within a year (e.g. a goal's target): 1900-01-01
/// through a year from today.
pub fn parse_day_within_a_year(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let d = parse_any_day(input, today)?;
    check_range(d, earliest(), today + Duration::days(366), "the date")
}

fn parse_any_day(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return Err("date is required".into());
    }
    if let Some(d) = parse_iso_or_uk(&s) {
        return Ok(d);
    }
    match s.as_str() {
        "today" | "now" => return Ok(today),
        "tomorrow" | "tmr" => return Ok(today + Duration::days(1)),
        "yesterday" => return Ok(today - Duration::days(1)),
        // The words snooze offers work wherever a day is typed.
        "next week" | "in a week" => return Ok(today + Duration::days(7)),
        _ => {}
    }
    if let Some(d) = parse_offset(&s, today) {
        return d;
    }
    if let Some(w) = parse_weekday(&s) {
        let ahead = (7 + w.num_days_from_monday() as i64
            - today.weekday().num_days_from_monday() as i64)
            % 7;
        return Ok(today + Duration::days(if ahead == 0 { 7 } else { ahead }));
    }
    if let Some(why) = no_such_day(&s) {
        return Err(why);
    }
    Err(format!("'{}' is not a date: {DATE_HINT}", clip(input)))
}

/// For a date written in the right form that names no day (31/02/2026,
/// 2026-13-01), what is wrong with it: the form was right, the day is not.
fn no_such_day(s: &str) -> Option<String> {
    let numbers: Vec<u32> = s
        .split(['/', '-'])
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (day, month, year) = match (numbers.as_slice(), s.contains('/')) {
        ([d, m, y], true) if *y >= 1000 => (*d, *m, *y),
        ([y, m, d], false) if *y >= 1000 => (*d, *m, *y),
        _ => return None,
    };
    if !(1..=12).contains(&month) {
        return Some(format!(
            "there is no month {month} (months go 1 to 12): check the date"
        ));
    }
    let first = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, 1)?;
    let days = first
        .checked_add_months(chrono::Months::new(1))
        .map_or(31, |next| (next - first).num_days());
    Some(format!(
        "there is no day {day} in {} (it has {days} days): check the date",
        first.format("%B %Y")
    ))
}

/// Parses only the two written forms, for data in files. Years before
/// [`MIN_YEAR`] (including 0 and negative years) are not dates we keep.
pub fn parse_iso_or_uk(s: &str) -> Option<NaiveDate> {
    parse_written(s).filter(|d| d.year() >= MIN_YEAR)
}

/// [`parse_iso_or_uk`], or an ISO 8601 date-time with or without a zone
/// (`2026-10-01T09:30:00Z`, ALISS's `2018-11-30 12:43:20.953659+00:00`): its
/// day as written (the day where the feed was, not converted to ours).
pub fn parse_date_or_datetime(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_iso_or_uk(s) {
        return Some(d);
    }
    let (day, rest) = (s.get(..10)?, s.get(10..)?);
    let time = rest.strip_prefix(['T', 't', ' '])?;
    let date = parse_iso_or_uk(day).filter(|_| day.as_bytes()[4] == b'-')?;
    // The time must be a time, with an optional zone: Z, +hh:mm, +hhmm or +hh.
    let (clock, zone) = match time.find(['Z', 'z', '+', '-']) {
        Some(i) => (&time[..i], &time[i..]),
        None => (time, ""),
    };
    let clock_ok = ["%H:%M:%S%.f", "%H:%M:%S", "%H:%M"]
        .iter()
        .any(|f| NaiveTime::parse_from_str(clock, f).is_ok());
    let zone_ok = match zone.as_bytes() {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', rest @ ..] => {
            let digits: Vec<u8> = rest.iter().copied().filter(|b| *b != b':').collect();
            matches!(digits.len(), 2 | 4)
                && digits.iter().all(u8::is_ascii_digit)
                && rest.iter().filter(|b| **b == b':').count() <= 1
        }
        _ => false,
    };
    (clock_ok && zone_ok).then_some(date)
}

fn parse_written(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .or_else(|| {
            let parts: Vec<&str> = s.split('/').collect();
            if parts.len() != 3 || parts[2].len() != 4 {
                return None;
            }
            let day = parts[0].parse().ok()?;
            let month = parts[1].parse().ok()?;
            let year = parts[2].parse().ok()?;
            NaiveDate::from_ymd_opt(year, month, day)
        })
}

fn parse_offset(s: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let unit = rest.chars().last()?;
    let per = match unit {
        'd' => 1,
        'w' => 7,
        _ => {
            return Some(Err(format!(
                "'{}': use +Nd for days or +Nw for weeks",
                clip(s)
            )));
        }
    };
    let digits = &rest[..rest.len() - 1];
    // Digits only: "+-2d" or "-+2d" are typos, not offsets.
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Err(format!(
            "'{}': use +Nd for days or +Nw for weeks",
            clip(s)
        )));
    }
    let n = match digits.parse::<i64>() {
        Ok(n) if n.checked_mul(per).is_some_and(|days| days <= 3650) => n,
        _ => {
            return Some(Err(format!(
                "'{}': use +Nd for days or +Nw for weeks",
                clip(s)
            )));
        }
    };
    Some(Ok(today + Duration::days(sign * n * per)))
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if s.len() < 3 {
        return None;
    }
    DAYS.iter()
        .find(|(name, _)| name.starts_with(s))
        .map(|(_, w)| *w)
}

/// Parses a time of day: `9:30`, `09:30`, `14:05`.
pub fn parse_time(input: &str) -> Result<NaiveTime, String> {
    let s = input.trim();
    let bad = || format!("'{}' is not a time: use HH:MM, e.g. 09:30", clip(s));
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(bad)
}

/// A date that must lie in a sensible window, e.g. a date of birth.
pub fn check_range(
    d: NaiveDate,
    earliest: NaiveDate,
    latest: NaiveDate,
    what: &str,
) -> Result<NaiveDate, String> {
    if d < earliest {
        Err(format!("{what} is too far in the past ({})", shown(d)))
    } else if d > latest {
        Err(format!("{what} cannot be after {}", shown(latest)))
    } else {
        Ok(d)
    }
}

/// Keeps user text short, on one line and free of controls inside error messages.
fn clip(s: &str) -> String {
    super::text::for_terminal_line(s).chars().take(20).collect()
}

/// A day as files and machines take it, and as people type it: `2026-12-07`
/// (CSV, JSON, ics, the database, a form's starting value).
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A day as people read it, wherever the app, `remind`, the report, the
/// letter and the subject access text show one: `7 Dec 2026` (day, short
/// month, year: never read the wrong way round, and at most 11 cells).
pub fn shown(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The same with its weekday in front, where the day of the week matters
/// (the agenda, a typed day or a snooze): `Mon 7 Dec 2026` (at most 15 cells).
pub fn shown_with_weekday(d: NaiveDate) -> String {
    format!("{} {}", d.weekday(), shown(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_shown_one_way() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(shown(d(2026, 12, 7)), "7 Dec 2026");
        assert_eq!(shown(d(2026, 9, 30)), "30 Sep 2026");
        assert_eq!(shown_with_weekday(d(2026, 12, 7)), "Mon 7 Dec 2026");
        assert_eq!(shown_with_weekday(d(2027, 1, 5)), "Tue 5 Jan 2027");
        assert_eq!(iso(d(2026, 12, 7)), "2026-12-07");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_well_written_date_that_names_no_day_says_so() {
        let today = d(2026, 11, 23);
        let e = parse_day("31/02/2026", today).unwrap_err();
        assert_eq!(
            e,
            "there is no day 31 in February 2026 (it has 28 days): check the date"
        );
        let e = parse_day("2028-02-30", today).unwrap_err();
        assert!(e.contains("February 2028 (it has 29 days)"), "{e}");
        let e = parse_day("01/13/2026", today).unwrap_err();
        assert!(e.contains("no month 13"), "{e}");
        // Not a date at all is still told the forms.
        assert!(parse_day("soon", today).unwrap_err().contains(DATE_HINT));
    }

    #[test]
    fn accepted_forms() {
        let today = d(2026, 11, 23); // a Monday
        let cases = [
            ("2026-12-01", d(2026, 12, 1)),
            ("01/12/2026", d(2026, 12, 1)),
            ("1/2/2027", d(2027, 2, 1)),
            ("today", today),
            ("Tomorrow", d(2026, 11, 24)),
            ("+3d", d(2026, 11, 26)),
            ("+2w", d(2026, 12, 7)),
            ("-1d", d(2026, 11, 22)),
            ("mon", d(2026, 11, 30)),
            ("tue", d(2026, 11, 24)),
            ("sunday", d(2026, 11, 29)),
            ("+10d", d(2026, 12, 3)),
            (" 2028-02-29 ", d(2028, 2, 29)),
            ("tmr", d(2026, 11, 24)),
            ("wed", d(2026, 11, 25)),
            ("Thursday", d(2026, 11, 26)),
            ("fri", d(2026, 11, 27)),
            ("sat", d(2026, 11, 28)),
            ("+0d", today),
            ("+1w", d(2026, 11, 30)),
            ("31/12/2026", d(2026, 12, 31)),
            ("1900-01-01", d(1900, 1, 1)), // a real date: ranges are checked by the caller
            ("next week", d(2026, 11, 30)), // as snooze offers it
            ("Next Week", d(2026, 11, 30)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_day(input, today), Ok(want), "{input}");
        }
    }

    #[test]
    fn rejected_forms() {
        let today = d(2026, 11, 23);
        for input in [
            "",
            "2026-13-01",
            "31/02/2026",
            "2027-02-29",
            "soon",
            "+3",
            "+3m",
            "+d",
            "mo",
            "12/2026",
            "2026-1-1x",
            "01/12/26",
            "+99999d",
            "next tuesday",
            "2026/12/01",
            "01-12-2026",
            "32/01/2026",
            "+2x",
            "+-2d",
            "+2.5d",
            "monday!",
            "t",
            "🙂",
            "2026-12-01T10:00",
            "+9223372036854775807w",
            "+600w",
        ] {
            assert!(
                parse_day(input, today).is_err(),
                "{input:?} should be rejected"
            );
        }
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("9:30").unwrap().to_string(), "09:30:00");
        assert_eq!(parse_time("23:59").unwrap().to_string(), "23:59:00");
        assert_eq!(parse_time(" 00:00 ").unwrap().to_string(), "00:00:00");
        for bad in [
            "25:00", "24:00", "12:60", "1230", "12:5", "", "ab:cd", "-1:00", "9:30pm", "123:00",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn year_zero_negative_and_far_future_years_are_refused() {
        let today = d(2026, 11, 23);
        for input in [
            "0000-01-01",
            "01/01/0000",
            "-001-01-01",
            "01/01/-001",
            "1899-12-31",
            "31/12/1899",
            "9999-01-01",
            "2036-11-21",
        ] {
            assert!(
                parse_day(input, today).is_err(),
                "{input:?} should be refused"
            );
        }
        assert_eq!(parse_iso_or_uk("0000-01-01"), None);
        assert_eq!(parse_day("2036-11-20", today), Ok(d(2036, 11, 20)));
        assert_eq!(parse_past_day("today", today), Ok(today));
        assert!(parse_past_day("tomorrow", today).is_err());
        assert!(parse_past_day("0000-06-01", today).is_err());
        assert_eq!(parse_day_within_a_year("+2w", today), Ok(d(2026, 12, 7)));
        assert!(parse_day_within_a_year("+2000d", today).is_err());
    }

    #[test]
    fn errors_echo_typed_text_on_one_line_without_controls() {
        let e = parse_day("x\u{1b}[2J\nmore", d(2026, 11, 23)).unwrap_err();
        assert!(!e.contains('\n') && !e.contains('\u{1b}'), "{e:?}");
    }
}
