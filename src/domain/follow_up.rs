//! Follow-ups and the agenda buckets they fall into. Pure: "now" is
//! always passed in.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use super::FieldError;
use super::date::{check_range, parse_day, parse_time};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub id: i64,
    pub person_id: Option<i64>,
    pub service_id: Option<i64>,
    pub due_on: NaiveDate,
    pub due_time: Option<String>,
    pub text: String,
    pub done_at: Option<String>,
    /// What happened, said when it was done ("no answer, try again"); `None`
    /// when open or when nothing was said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    pub snoozed_until: Option<NaiveDate>,
    /// Who or what the follow-up is about, for display (a name or a service).
    pub about: Option<String>,
    /// The person's case is closed or declined: shown with a marker.
    pub about_closed: bool,
    /// The person or service it was about has been deleted: shown with a marker.
    pub about_deleted: bool,
    /// The worker (login) who holds it, in a team; `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Bumped on every change: an edit from a stale copy is refused.
    #[serde(skip)]
    pub version: i64,
}

impl FollowUp {
    /// The day it is next due: a snooze moves it later.
    pub fn effective_due(&self) -> NaiveDate {
        self.snoozed_until.unwrap_or(self.due_on)
    }

    /// The time of day it is due, if one was set (stored as `HH:MM`; anything
    /// unreadable counts as no time rather than a crash).
    pub fn time(&self) -> Option<NaiveTime> {
        self.due_time.as_deref().and_then(|t| parse_time(t).ok())
    }

    /// The moment it falls due: its time on the day, or the start of the day.
    pub fn due_at(&self) -> NaiveDateTime {
        self.effective_due()
            .and_time(self.time().unwrap_or(NaiveTime::MIN))
    }

    pub fn bucket(&self, now: NaiveDateTime) -> Bucket {
        Bucket::at(self.effective_due(), self.time(), now)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Bucket {
    Overdue,
    Today,
    ThisWeek,
    Later,
}

impl Bucket {
    pub fn label(self) -> &'static str {
        match self {
            Bucket::Overdue => "Overdue",
            Bucket::Today => "Today",
            Bucket::ThisWeek => "This week",
            Bucket::Later => "Later",
        }
    }

    /// "This week" means the next seven days, so Friday's agenda still
    /// shows Monday's follow-ups.
    pub fn of(due: NaiveDate, today: NaiveDate) -> Bucket {
        let days = (due - today).num_days();
        match days {
            d if d < 0 => Bucket::Overdue,
            0 => Bucket::Today,
            1..=6 => Bucket::ThisWeek,
            _ => Bucket::Later,
        }
    }
}

impl Bucket {
    /// Like [`Bucket::of`], but a follow-up with a time becomes overdue at that
    /// time, not only when the day is over.
    pub fn at(due: NaiveDate, time: Option<NaiveTime>, now: NaiveDateTime) -> Bucket {
        match Bucket::of(due, now.date()) {
            Bucket::Today if time.is_some_and(|t| t <= now.time()) => Bucket::Overdue,
            b => b,
        }
    }
}

/// The next moment after `now` at which any of `follow_ups` changes bucket:
/// the earliest due time still to come today, else the next midnight (when
/// every date-only follow-up moves along). The event loop sleeps until then.
pub fn next_change<'a>(
    follow_ups: impl IntoIterator<Item = &'a FollowUp>,
    now: NaiveDateTime,
) -> NaiveDateTime {
    let midnight = (now.date() + Duration::days(1)).and_time(NaiveTime::MIN);
    follow_ups
        .into_iter()
        .filter(|r| r.effective_due() == now.date() && r.time().is_some())
        .map(FollowUp::due_at)
        .filter(|at| *at > now)
        .min()
        .unwrap_or(midnight)
}

/// A check-in offered this many days after a connection becomes "referred".
pub const CHECK_IN_DAYS: i64 = 14;
/// An open case with no conversation for this many days has "gone quiet".
pub const QUIET_DAYS: i64 = 28;
/// Longest text of a follow-up, in characters.
pub const MAX_TEXT: usize = 500;

/// A follow-up ready to save: validated, not yet stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDraft {
    pub person_id: Option<i64>,
    pub service_id: Option<i64>,
    pub due_on: NaiveDate,
    pub due_time: Option<NaiveTime>,
    pub text: String,
}

/// The follow-up form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpInput {
    pub date: String,
    pub time: String,
    pub text: String,
}

/// The earliest and latest days a follow-up may be set for: a year back (to
/// record one already missed), ten years ahead.
pub fn due_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (today - Duration::days(365), today + Duration::days(3650))
}

/// Parses a follow-up day as typed, within [`due_window`].
pub fn parse_due(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let d = parse_day(input, today)?;
    let (earliest, latest) = due_window(today);
    check_range(d, earliest, latest, "the follow-up date")
}

impl FollowUpInput {
    /// Checks every field; the errors name the field and never echo more than
    /// a few characters of what was typed.
    pub fn validate(
        &self,
        person_id: Option<i64>,
        service_id: Option<i64>,
        today: NaiveDate,
    ) -> Result<FollowUpDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let due_on = parse_due(&self.date, today)
            .map_err(|message| {
                errors.push(FieldError {
                    field: "date",
                    message,
                })
            })
            .ok();
        let due_time = if self.time.trim().is_empty() {
            None
        } else {
            parse_time(&self.time)
                .map_err(|message| {
                    errors.push(FieldError {
                        field: "time",
                        message,
                    })
                })
                .ok()
        };
        let text = self.text.trim();
        if text.contains('\0') {
            errors.push(FieldError {
                field: "text",
                message: "the text contains a NUL character (\\0); remove it".into(),
            });
        } else if super::text::is_blank(text) {
            errors.push(FieldError {
                field: "text",
                message: "say what to do, e.g. Call to see how it went".into(),
            });
        } else if text.chars().count() > MAX_TEXT {
            errors.push(FieldError {
                field: "text",
                message: format!("keep it under {MAX_TEXT} characters"),
            });
        }
        match (due_on, errors.is_empty()) {
            (Some(due_on), true) => Ok(FollowUpDraft {
                person_id,
                service_id,
                due_on,
                due_time,
                text: text.to_string(),
            }),
            _ => Err(errors),
        }
    }
}

/// Longest outcome of a done follow-up, in characters.
pub const MAX_OUTCOME: usize = 500;

/// The outcome typed when a follow-up is done, checked: `None` when nothing
/// was said (blank), else the trimmed text.
pub fn parse_outcome(typed: &str) -> Result<Option<String>, String> {
    let text = typed.trim();
    super::limits::check_chars("the outcome", text, MAX_OUTCOME)?;
    Ok((!super::text::is_blank(text)).then(|| text.to_string()))
}

/// The choices offered by `z`.
pub const SNOOZE_CHOICES: [&str; 3] = ["tomorrow", "next week", "the date below"];

/// Where a snooze moves a follow-up due on `due` to: a typed date wins over
/// the choice. "Next week" is a week after it was due (or after today, for
/// one already overdue), so Friday's call moves to next Friday. Snoozing
/// into the past makes no sense and is refused.
pub fn snooze_until(
    choice: &str,
    typed: &str,
    due: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, String> {
    let d = if !typed.trim().is_empty() {
        parse_due(typed, today)?
    } else {
        match choice {
            "tomorrow" => today + Duration::days(1),
            "next week" => due.max(today) + Duration::days(7),
            _ => return Err("type a date, e.g. +3d, fri or 01/12/2026".into()),
        }
    };
    if d < today {
        return Err("snooze to today or later".into());
    }
    Ok(d)
}

/// The check-in offered when a person is referred to a service: 14 days on.
pub fn check_in_offer(person_id: i64, service_id: Option<i64>, today: NaiveDate) -> FollowUpDraft {
    FollowUpDraft {
        person_id: Some(person_id),
        service_id,
        due_on: today + Duration::days(CHECK_IN_DAYS),
        due_time: None,
        text: "Check in: did the referral happen, and how did it go?".into(),
    }
}

/// Someone with an open case and no conversation for [`QUIET_DAYS`] or more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuietPerson {
    pub person_id: i64,
    pub name: String,
    /// The last conversation, else first contact, else the referral date.
    pub last_contact: NaiveDate,
}

impl QuietPerson {
    pub fn days_quiet(&self, today: NaiveDate) -> i64 {
        (today - self.last_contact).num_days()
    }
}

impl FollowUp {
    /// Who it is about, with a marker for a closed case or a deleted record.
    pub fn about_label(&self) -> String {
        match (&self.about, self.about_closed, self.about_deleted) {
            (Some(a), true, _) => format!("{a} (closed)"),
            (Some(a), false, _) => a.clone(),
            (None, _, true) => "(deleted)".into(),
            (None, _, false) => "—".into(),
        }
    }
}

/// A short relative phrase: "3d overdue", "today", "tomorrow", "Mon, in 3d"
/// within the week, else the day as shown everywhere ("7 Jan 2027").
pub fn relative(due: NaiveDate, today: NaiveDate) -> String {
    let days = (due - today).num_days();
    match days {
        d if d < 0 => format!("{}d overdue", -d),
        0 => "today".into(),
        1 => "tomorrow".into(),
        d @ 2..=6 => format!("{}, in {d}d", due.weekday()),
        _ => super::date::shown(due),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn buckets_across_month_and_year_ends() {
        let today = d(2026, 12, 31);
        assert_eq!(Bucket::of(d(2026, 12, 30), today), Bucket::Overdue);
        assert_eq!(Bucket::of(today, today), Bucket::Today);
        assert_eq!(Bucket::of(d(2027, 1, 1), today), Bucket::ThisWeek);
        assert_eq!(Bucket::of(d(2027, 1, 6), today), Bucket::ThisWeek);
        assert_eq!(Bucket::of(d(2027, 1, 7), today), Bucket::Later);
    }
}

#[cfg(test)]
mod agenda_tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(date: NaiveDate, h: u32, m: u32, s: u32) -> NaiveDateTime {
        date.and_hms_opt(h, m, s).unwrap()
    }

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn rem(due: NaiveDate, time: Option<&str>, snoozed: Option<NaiveDate>) -> FollowUp {
        FollowUp {
            id: 1,
            person_id: None,
            service_id: None,
            due_on: due,
            due_time: time.map(String::from),
            text: "x".into(),
            done_at: None,
            outcome: None,
            snoozed_until: snoozed,
            about: None,
            about_closed: false,
            about_deleted: false,
            owner: None,
            version: 1,
        }
    }

    #[test]
    fn around_midnight_a_day_moves_buckets() {
        let due = d(2026, 12, 1);
        assert_eq!(
            Bucket::at(due, None, at(d(2026, 11, 30), 23, 59, 59)),
            Bucket::ThisWeek
        );
        assert_eq!(
            Bucket::at(due, None, at(d(2026, 12, 1), 0, 0, 0)),
            Bucket::Today
        );
        assert_eq!(
            Bucket::at(due, None, at(d(2026, 12, 1), 23, 59, 59)),
            Bucket::Today
        );
        assert_eq!(
            Bucket::at(due, None, at(d(2026, 12, 2), 0, 0, 0)),
            Bucket::Overdue
        );
    }

    #[test]
    fn a_timed_follow_up_is_overdue_from_its_time() {
        let today = d(2026, 2, 28);
        assert_eq!(
            Bucket::at(today, t(14, 30), at(today, 14, 29, 59)),
            Bucket::Today
        );
        assert_eq!(
            Bucket::at(today, t(14, 30), at(today, 14, 30, 0)),
            Bucket::Overdue
        );
        // Month end in a non-leap year: 1 March is tomorrow.
        assert_eq!(
            Bucket::at(d(2026, 3, 1), t(0, 0), at(today, 23, 0, 0)),
            Bucket::ThisWeek
        );
        assert_eq!(
            Bucket::at(d(2026, 3, 6), None, at(today, 9, 0, 0)),
            Bucket::ThisWeek
        );
        assert_eq!(
            Bucket::at(d(2026, 3, 7), None, at(today, 9, 0, 0)),
            Bucket::Later
        );
    }

    #[test]
    fn snooze_moves_the_bucket() {
        let today = d(2026, 1, 31);
        let r = rem(d(2026, 1, 20), None, Some(d(2026, 2, 1)));
        assert_eq!(r.bucket(at(today, 9, 0, 0)), Bucket::ThisWeek);
        let r = rem(d(2026, 1, 20), Some("bad"), None);
        assert_eq!(r.time(), None);
        assert_eq!(r.bucket(at(today, 9, 0, 0)), Bucket::Overdue);
    }

    #[test]
    fn next_change_is_the_next_due_time_today_or_midnight() {
        let today = d(2026, 12, 31);
        let now = at(today, 10, 0, 0);
        let rs = [
            rem(today, Some("09:00"), None),         // already passed
            rem(today, Some("16:15"), None),         // later today
            rem(today, Some("11:45"), None),         // the soonest
            rem(d(2027, 1, 1), Some("08:00"), None), // tomorrow: midnight comes first
        ];
        assert_eq!(next_change(&rs, now), at(today, 11, 45, 0));
        assert_eq!(next_change(&rs, at(today, 11, 45, 0)), at(today, 16, 15, 0));
        assert_eq!(
            next_change(&rs, at(today, 17, 0, 0)),
            at(d(2027, 1, 1), 0, 0, 0)
        );
        assert_eq!(next_change(&[], now), at(d(2027, 1, 1), 0, 0, 0));
    }

    #[test]
    fn input_validation_rejects_bad_dates_times_and_empty_text() {
        let today = d(2026, 11, 23);
        let input = |date: &str, time: &str, text: &str| FollowUpInput {
            date: date.into(),
            time: time.into(),
            text: text.into(),
        };
        let ok = input("+2w", "9:05", "  Call back ").validate(Some(3), None, today);
        assert_eq!(
            ok,
            Ok(FollowUpDraft {
                person_id: Some(3),
                service_id: None,
                due_on: d(2026, 12, 7),
                due_time: t(9, 5),
                text: "Call back".into(),
            })
        );
        let fields = |i: FollowUpInput| -> Vec<&'static str> {
            i.validate(None, None, today)
                .unwrap_err()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(input("1900-01-01", "", "x")), ["date"]);
        assert_eq!(fields(input("someday", "", "x")), ["date"]);
        assert_eq!(fields(input("2040-01-01", "", "x")), ["date"]);
        assert_eq!(fields(input("tomorrow", "25:00", "x")), ["time"]);
        assert_eq!(fields(input("tomorrow", "", " ")), ["text"]);
        assert_eq!(fields(input("", "9", "")), ["date", "time", "text"]);
        let long = "x".repeat(MAX_TEXT + 1);
        assert_eq!(fields(input("today", "", &long)), ["text"]);
    }

    #[test]
    fn snooze_choices_and_typed_dates() {
        let today = d(2026, 11, 30);
        assert_eq!(
            snooze_until("tomorrow", "", today, today),
            Ok(d(2026, 12, 1))
        );
        assert_eq!(
            snooze_until("next week", " ", today, today),
            Ok(d(2026, 12, 7))
        );
        // A week after it was due, not after today; an overdue one, after today.
        let friday = today + Duration::days(4);
        assert_eq!(
            snooze_until("next week", "", friday, today),
            Ok(friday + Duration::days(7))
        );
        let overdue = today - Duration::days(3);
        assert_eq!(
            snooze_until("next week", "", overdue, today),
            Ok(d(2026, 12, 7))
        );
        assert_eq!(
            snooze_until("tomorrow", "fri", today, today),
            Ok(d(2026, 12, 4))
        );
        assert!(snooze_until("the date below", "", today, today).is_err());
        assert!(snooze_until("tomorrow", "yesterday", today, today).is_err());
        assert!(snooze_until("tomorrow", "1900-01-01", today, today).is_err());
        assert!(snooze_until("tomorrow", "blah", today, today).is_err());
    }

    #[test]
    fn check_in_is_offered_fourteen_days_on() {
        let offer = check_in_offer(7, Some(2), d(2026, 12, 20));
        assert_eq!(offer.due_on, d(2027, 1, 3));
        assert_eq!((offer.person_id, offer.service_id), (Some(7), Some(2)));
    }
}
