//! The one place that reads the wall clock. Everything else (store, CLI, TUI)
//! is handed a `Clock`, so tests choose the moment and pass on any date and in
//! any time zone.
//!
//! `CASELOAD_NOW` (hidden, for tests and demos) pins the clock to a local
//! moment, e.g. `CASELOAD_NOW=2026-12-31T23:59:40`.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};

/// Where "now" comes from: local wall time, to the second.
#[derive(Clone)]
pub struct Clock(Source);

#[derive(Clone)]
enum Source {
    System,
    Fixed(NaiveDateTime),
    Settable(Arc<Mutex<NaiveDateTime>>),
}

/// Moves a settable clock (tests: a day turning over, a follow-up falling due).
#[derive(Clone)]
pub struct ClockHand(Arc<Mutex<NaiveDateTime>>);

impl ClockHand {
    pub fn set(&self, to: NaiveDateTime) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = to;
    }

    pub fn get(&self) -> NaiveDateTime {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Source::System => f.write_str("Clock::system"),
            _ => write!(f, "Clock::fixed({})", self.now()),
        }
    }
}

/// The name of the hidden variable that pins the clock.
pub const NOW_VAR: &str = "CASELOAD_NOW";

impl Clock {
    /// The machine's clock in its local time zone. Only `main` should call this.
    pub fn system() -> Clock {
        Clock(Source::System)
    }

    /// Always the same moment.
    pub fn fixed(at: NaiveDateTime) -> Clock {
        Clock(Source::Fixed(at))
    }

    /// A clock a test can move through the returned hand.
    pub fn settable(start: NaiveDateTime) -> (Clock, ClockHand) {
        let cell = Arc::new(Mutex::new(start));
        (Clock(Source::Settable(cell.clone())), ClockHand(cell))
    }

    /// The system clock, unless `CASELOAD_NOW` pins it. A malformed value is an
    /// error (naming the variable), never silently the real time.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var(NOW_VAR) {
            Ok(text) if !text.trim().is_empty() => parse_moment(text.trim())
                .map(Clock::fixed)
                .ok_or_else(|| format!("{NOW_VAR} must look like 2026-12-31T23:59:40")),
            _ => Ok(Clock::system()),
        }
    }

    /// Local wall time, to the second.
    pub fn now(&self) -> NaiveDateTime {
        let t = match &self.0 {
            Source::System => Local::now().naive_local(),
            Source::Fixed(t) => *t,
            Source::Settable(cell) => *cell.lock().unwrap_or_else(PoisonError::into_inner),
        };
        // Stored times are to the second; drop the rest so reads compare equal.
        t.with_nanosecond(0).unwrap_or(t)
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// The same moment in UTC (for iCalendar stamps). A local time that falls in
    /// a clock-change gap or overlap takes the earlier reading; if none exists,
    /// it is read as UTC rather than failing.
    pub fn now_utc(&self) -> DateTime<Utc> {
        let local = self.now();
        local_to_utc(local).unwrap_or_else(|| Utc.from_utc_datetime(&local))
    }

    /// The stored text form of `now`: ISO-8601 local time to the second.
    pub fn now_text(&self) -> String {
        self.now().format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// A local wall time in UTC, by the machine's time zone rules; in a clock-change
/// overlap the earlier reading; `None` for a time the change skips.
pub fn local_to_utc(t: NaiveDateTime) -> Option<DateTime<Utc>> {
    Local
        .from_local_datetime(&t)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
}

/// `YYYY-MM-DDTHH:MM[:SS]` (a space works in place of `T`) or a bare date (midnight).
fn parse_moment(text: &str) -> Option<NaiveDateTime> {
    let text = text.replacen(' ', "T", 1);
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        parse_moment(text).unwrap()
    }

    #[test]
    fn moments_parse_in_the_forms_tests_use() {
        assert_eq!(at("2026-12-31 23:59:40"), at("2026-12-31T23:59:40"));
        assert_eq!(at("2026-12-31"), at("2026-12-31T00:00"));
        assert!(parse_moment("31/12/2026").is_none());
        assert!(parse_moment("2026-13-01").is_none());
    }

    #[test]
    fn a_settable_clock_moves_and_its_copies_follow() {
        let (clock, hand) = Clock::settable(at("2026-12-31T23:59:40"));
        let copy = clock.clone();
        hand.set(at("2027-01-01T00:00:05"));
        assert_eq!(copy.today(), at("2027-01-01").date());
        assert_eq!(clock.now_text(), "2027-01-01T00:00:05");
    }
}
