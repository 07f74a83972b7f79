//! Follow-up reminders and the agenda buckets they fall into.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reminder {
    pub id: i64,
    pub person_id: Option<i64>,
    pub service_id: Option<i64>,
    pub due_on: NaiveDate,
    pub due_time: Option<String>,
    pub text: String,
    pub done_at: Option<String>,
    pub snoozed_until: Option<NaiveDate>,
    /// Who or what the reminder is about, for display (a name or a service).
    pub about: Option<String>,
    /// The person's case is closed or declined: shown with a marker.
    pub about_closed: bool,
}

impl Reminder {
    /// The day it is next due: a snooze moves it later.
    pub fn effective_due(&self) -> NaiveDate {
        self.snoozed_until.unwrap_or(self.due_on)
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

/// A short relative phrase: "3d overdue", "today", "in 2d", "Mon 30 Nov".
pub fn relative(due: NaiveDate, today: NaiveDate) -> String {
    let days = (due - today).num_days();
    match days {
        d if d < 0 => format!("{}d overdue", -d),
        0 => "today".into(),
        1 => "tomorrow".into(),
        2..=6 => format!("{} {}", due.weekday(), due.format("%d %b")),
        _ => due.format("%d %b %Y").to_string(),
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
