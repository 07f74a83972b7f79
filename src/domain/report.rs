//! The commissioner's report: its period and its figures, as plain values.
//! The store computes them (`store/report.rs`, one function per figure), the
//! formats live in `io/report.rs`; the definitions are the README's data
//! dictionary. Nothing here is about one person: every figure is a count or a
//! mean over people.

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::date::{iso, parse_day};
use super::measure::Instrument;

/// Days from referral to first contact within which the service aims to
/// reach people, unless `first_contact_days` in config.toml says otherwise.
pub const DEFAULT_FIRST_CONTACT_DAYS: u32 = 14;
/// The most `first_contact_days` may be: a quarter of a year.
pub const MAX_FIRST_CONTACT_DAYS: u32 = 90;

/// The days a report covers, both ends included. The end is never after
/// today: a month or quarter still under way is reported "to date".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Period", 2)?;
        st.serialize_field("from", &iso(self.from))?;
        st.serialize_field("to", &iso(self.to))?;
        st.end()
    }
}

impl Period {
    /// `from` to `to`, cut at today; a period that starts after today, or
    /// ends before it starts, is refused.
    pub fn new(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Result<Period, String> {
        if to < from {
            return Err(format!(
                "the period ends ({}) before it starts ({})",
                iso(to),
                iso(from)
            ));
        }
        if from > today {
            return Err(format!(
                "the period starts after today ({}); nothing has happened in it yet",
                iso(today)
            ));
        }
        Ok(Period {
            from,
            to: to.min(today),
        })
    }

    /// The current month to date: the default report.
    pub fn month_to_date(today: NaiveDate) -> Period {
        Period {
            from: first_of_month(today),
            to: today,
        }
    }

    /// `YYYY-MM`: that calendar month (to date, if it is this month).
    pub fn month(text: &str, today: NaiveDate) -> Result<Period, String> {
        let bad = || format!("--month {}: use YYYY-MM, e.g. 2026-11", clip(text));
        let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
        let (year, month) = (
            year_of(y).ok_or_else(bad)?,
            m.parse::<u32>().map_err(|_| bad())?,
        );
        if m.len() != 2 {
            return Err(bad());
        }
        let from = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        Period::new(from, last_of_month(from), today)
    }

    /// `YYYY-Qn`: a calendar quarter, Q1 January to March ... Q4 October to
    /// December (the NHS financial year's Q1, April to June, is `YYYY-Q2`).
    pub fn quarter(text: &str, today: NaiveDate) -> Result<Period, String> {
        let bad = || {
            format!(
                "--quarter {}: use YYYY-Qn, n 1 to 4, e.g. 2026-Q3",
                clip(text)
            )
        };
        let t = text.trim().to_uppercase();
        let (y, q) = t.split_once("-Q").ok_or_else(bad)?;
        let year = year_of(y).ok_or_else(bad)?;
        let q: u32 = match q {
            "1" | "2" | "3" | "4" => q.parse().map_err(|_| bad())?,
            _ => return Err(bad()),
        };
        let from = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1).ok_or_else(bad)?;
        let to = from
            .checked_add_months(Months::new(3))
            .and_then(|d| d.pred_opt())
            .ok_or_else(bad)?;
        Period::new(from, to, today)
    }

    /// `--from DATE --to DATE`, as dates are typed anywhere (`2026-11-01`, `01/11/2026`).
    pub fn between(from: &str, to: &str, today: NaiveDate) -> Result<Period, String> {
        let from = parse_day(from, today).map_err(|e| format!("--from: {e}"))?;
        let to = parse_day(to, today).map_err(|e| format!("--to: {e}"))?;
        Period::new(from, to, today)
    }

    /// The calendar month before this period's first day, to date.
    pub fn previous_month(&self, today: NaiveDate) -> Period {
        let from = first_of_month(self.from)
            .checked_sub_months(Months::new(1))
            .unwrap_or(self.from);
        Period {
            from,
            to: last_of_month(from).min(today),
        }
    }

    /// The calendar month after this period's first day; this month is the last.
    pub fn next_month(&self, today: NaiveDate) -> Period {
        let from = first_of_month(self.from)
            .checked_add_months(Months::new(1))
            .filter(|d| *d <= today)
            .unwrap_or_else(|| first_of_month(self.from));
        Period {
            from,
            to: last_of_month(from).min(today),
        }
    }

    /// "1 Nov 2026 to 23 Nov 2026".
    pub fn label(&self) -> String {
        format!(
            "{} to {}",
            super::date::shown(self.from),
            super::date::shown(self.to)
        )
    }

    /// The number of days covered, both ends included.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

fn year_of(y: &str) -> Option<i32> {
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
        .filter(|y| *y >= super::date::MIN_YEAR)
}

fn clip(text: &str) -> String {
    super::text::quote(text, 20)
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    first_of_month(d)
        .checked_add_months(Months::new(1))
        .map(|n| n - Duration::days(1))
        .unwrap_or(d)
}

/// Counts by a label, in a fixed order (every known value, zeros included,
/// where the values are a fixed list; else most first). Serialised as a JSON
/// object in that order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breakdown(pub Vec<(String, i64)>);

impl Breakdown {
    /// Every name in `known` (zero when not found), then any others found,
    /// most first then by name.
    pub fn in_order(known: &[&str], found: Vec<(String, i64)>) -> Breakdown {
        let mut out: Vec<(String, i64)> = known
            .iter()
            .map(|k| {
                let n = found.iter().filter(|(f, _)| f == k).map(|(_, n)| n).sum();
                (k.to_string(), n)
            })
            .collect();
        let mut rest: Vec<(String, i64)> = found
            .into_iter()
            .filter(|(f, _)| !known.contains(&f.as_str()))
            .collect();
        rest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.extend(rest);
        Breakdown(out)
    }

    pub fn total(&self) -> i64 {
        self.0.iter().map(|(_, n)| n).sum()
    }

    pub fn get(&self, name: &str) -> i64 {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or(0, |(_, n)| *n)
    }
}

impl Serialize for Breakdown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// How long people waited from referral to first contact, over those first
/// contacted in the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DaysToFirstContact {
    /// People first contacted in the period (those the figures are over).
    pub people: i64,
    /// The middle value (the mean of the two middle ones for an even count).
    pub median: Option<f64>,
    /// Nearest rank: the smallest wait at least 90% of people had at most.
    pub p90: Option<f64>,
    /// The setting: `first_contact_days`, 14 unless changed.
    pub within_days: u32,
    /// % of people contacted within `within_days` days of referral.
    pub within_pct: Option<f64>,
}

impl DaysToFirstContact {
    /// The JSON key of `within_pct`: `within_14_days_pct` by default.
    pub fn within_key(&self) -> String {
        format!("within_{}_days_pct", self.within_days)
    }
}

impl Serialize for DaysToFirstContact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("people", &self.people)?;
        map.serialize_entry("median", &self.median)?;
        map.serialize_entry("p90", &self.p90)?;
        map.serialize_entry(&self.within_key(), &self.within_pct)?;
        map.serialize_entry("within_days", &self.within_days)?;
        map.end()
    }
}

/// One comparable figure of a wellbeing instrument, as in the person pane:
/// each ONS4 item on its own, the UCLA3 total, the SWEMWBS metric score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeItem {
    pub instrument: Instrument,
    /// Which item score, or `None` for the instrument's score (UCLA3 total,
    /// SWEMWBS metric).
    pub item: Option<usize>,
    pub label: &'static str,
    pub higher_is_better: bool,
}

/// The figures the measures section reports, in order.
pub fn outcome_items() -> Vec<OutcomeItem> {
    let mut out: Vec<OutcomeItem> = Instrument::Ons4
        .items()
        .iter()
        .enumerate()
        .map(|(i, label)| OutcomeItem {
            instrument: Instrument::Ons4,
            item: Some(i),
            label,
            higher_is_better: Instrument::Ons4.higher_is_better(i),
        })
        .collect();
    out.push(OutcomeItem {
        instrument: Instrument::Ucla3,
        item: None,
        label: "loneliness",
        higher_is_better: false,
    });
    out.push(OutcomeItem {
        instrument: Instrument::Swemwbs,
        item: None,
        label: "score",
        higher_is_better: true,
    });
    out
}

/// Change in one outcome figure over the people with a baseline and a later
/// score whose latest score falls in the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureOutcome {
    pub instrument: Instrument,
    pub item: &'static str,
    pub higher_is_better: bool,
    pub people: i64,
    pub mean_baseline: Option<f64>,
    pub mean_latest: Option<f64>,
    /// Latest minus baseline, as scored (negative is better where lower is).
    pub mean_change: Option<f64>,
    /// % of those people whose score moved the better way.
    pub improved_pct: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Goals {
    pub set: i64,
    pub achieved: i64,
    pub dropped: i64,
}

/// Age bands at referral, youngest first, then "not recorded".
pub const AGE_BANDS: [(&str, i64, i64); 9] = [
    ("under 18", 0, 17),
    ("18-24", 18, 24),
    ("25-34", 25, 34),
    ("35-44", 35, 44),
    ("45-54", 45, 54),
    ("55-64", 55, 64),
    ("65-74", 65, 74),
    ("75-84", 75, 84),
    ("85 and over", 85, i64::MAX),
];
pub const NOT_RECORDED: &str = "not recorded";

/// Folds counts by age (None: no date of birth) into [`AGE_BANDS`].
pub fn age_bands(by_age: &[(Option<i64>, i64)]) -> Breakdown {
    let mut names: Vec<&str> = AGE_BANDS.iter().map(|b| b.0).collect();
    names.push(NOT_RECORDED);
    let found = by_age
        .iter()
        .map(|(age, n)| {
            let band = age
                .and_then(|a| AGE_BANDS.iter().find(|b| a >= b.1 && a <= b.2))
                .map_or(NOT_RECORDED, |b| b.0);
            (band.to_string(), *n)
        })
        .collect();
    Breakdown::in_order(&names, found)
}

/// Every figure of the report. Field names are the stable JSON keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: Period,
    pub referrals: i64,
    pub referrals_by_source: Breakdown,
    pub referrals_by_reason: Breakdown,
    pub first_contacts: i64,
    pub days_to_first_contact: DaysToFirstContact,
    pub declined: i64,
    pub declined_by_reason: Breakdown,
    pub closed: i64,
    pub closed_by_reason: Breakdown,
    pub open_at_end: i64,
    pub people_seen: i64,
    pub contacts: i64,
    pub contacts_by_kind: Breakdown,
    pub connections_by_status: Breakdown,
    pub connections_by_category: Breakdown,
    pub measures: Vec<MeasureOutcome>,
    pub goals: Goals,
    pub age_bands: Breakdown,
    /// Equality monitoring of the people referred in the period, as counts.
    pub by_sex: Breakdown,
    /// By ONS 2021 high-level group.
    pub by_ethnicity: Breakdown,
    pub by_carer: Breakdown,
    /// By GP practice ODS code.
    pub by_gp_practice: Breakdown,
    /// Per worker of a team (left out when the file has no workers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_worker: Vec<WorkerFigures>,
}

/// One worker's figures, by whose caseload each person was on at the
/// period's end (from the handover history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkerFigures {
    /// The worker's login; `None` for people on nobody's caseload.
    pub login: Option<String>,
    pub name: Option<String>,
    /// Open cases (referred, active, paused) on the period's last day.
    pub caseload_at_end: i64,
    /// People referred in the period.
    pub referrals: i64,
    /// People first contacted in the period.
    pub first_contacts: i64,
}

impl WorkerFigures {
    /// The breakdown key: the login, or `unassigned`.
    pub fn key(&self) -> &str {
        self.login.as_deref().unwrap_or("unassigned")
    }
}

/// The SNOMED CT concepts GP systems expect for social prescribing (the PCN
/// incentive indicator counts the first). Ids and terms as in DESIGN section 5
/// and issue 13, and as listed by
/// <https://www.socialrx.co.uk/blogs/blog/social-prescribing-snomed-codes-why-important>.
/// No other code is added until its id is checked in a published source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodedEventKind {
    /// 871731000000106, on the day of first contact (the referral accepted).
    Referral,
    /// 871711000000103, on the day of the decline.
    Declined,
}

impl CodedEventKind {
    pub fn concept_id(self) -> &'static str {
        match self {
            CodedEventKind::Referral => "871731000000106",
            CodedEventKind::Declined => "871711000000103",
        }
    }

    pub fn term(self) -> &'static str {
        match self {
            CodedEventKind::Referral => "Referral to social prescribing service",
            CodedEventKind::Declined => "Social prescribing declined",
        }
    }
}

/// One coded event for the GP record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodedEvent {
    pub person_id: i64,
    /// Ten digits; `None` when the person has none recorded (then the event
    /// cannot go to the GP record and is counted instead).
    pub nhs_number: Option<String>,
    pub on: NaiveDate,
    pub kind: CodedEventKind,
}

/// A percentage to one decimal place, or none of nothing.
pub fn pct(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| round1(100.0 * part as f64 / whole as f64))
}

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_parse_and_stop_at_today() {
        let today = d("2026-11-23");
        assert_eq!(
            Period::month("2026-10", today).unwrap(),
            Period {
                from: d("2026-10-01"),
                to: d("2026-10-31")
            }
        );
        assert_eq!(Period::month("2026-11", today).unwrap().to, today);
        assert_eq!(Period::month("2024-02", today).unwrap().to, d("2024-02-29"));
        let q = Period::quarter("2026-q3", today).unwrap();
        assert_eq!((q.from, q.to), (d("2026-07-01"), d("2026-09-30")));
        let q = Period::quarter("2026-Q4", today).unwrap();
        assert_eq!((q.from, q.to), (d("2026-10-01"), today));
        assert_eq!(Period::month_to_date(today).from, d("2026-11-01"));
        let p = Period::between("01/06/2026", "2026-06-30", today).unwrap();
        assert_eq!(
            (p.from, p.to, p.days()),
            (d("2026-06-01"), d("2026-06-30"), 30)
        );
        for bad in [
            "2026-13", "2026-1", "26-11", "2026/11", "", "2026-00", "0999-01",
        ] {
            assert!(Period::month(bad, today).is_err(), "{bad}");
        }
        for bad in ["2026-Q5", "2026-Q0", "2026Q1", "2026-Q", "2026-Q12"] {
            assert!(Period::quarter(bad, today).is_err(), "{bad}");
        }
        assert!(
            Period::month("2026-12", today)
                .unwrap_err()
                .contains("after today")
        );
        assert!(
            Period::between("2026-06-30", "2026-06-01", today)
                .unwrap_err()
                .contains("before it starts")
        );
    }

    #[test]
    fn months_step_back_and_forward_but_not_past_this_one() {
        let today = d("2026-11-23");
        let now = Period::month_to_date(today);
        let back = now.previous_month(today);
        assert_eq!((back.from, back.to), (d("2026-10-01"), d("2026-10-31")));
        assert_eq!(back.next_month(today), now);
        assert_eq!(now.next_month(today), now);
        let jan = Period::month("2026-01", today)
            .unwrap()
            .previous_month(today);
        assert_eq!(jan.from, d("2025-12-01"));
    }

    #[test]
    fn breakdowns_keep_known_names_with_zeros_then_most_first() {
        let b = Breakdown::in_order(
            &["a", "b"],
            vec![("z".into(), 1), ("b".into(), 2), ("y".into(), 3)],
        );
        assert_eq!(
            b.0,
            [
                ("a".into(), 0),
                ("b".into(), 2),
                ("y".into(), 3),
                ("z".into(), 1)
            ]
        );
        assert_eq!(b.total(), 6);
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"a":0,"b":2,"y":3,"z":1}"#
        );
    }

    #[test]
    fn ages_fall_into_bands() {
        let b = age_bands(&[
            (Some(17), 1),
            (Some(18), 2),
            (Some(85), 1),
            (Some(101), 1),
            (None, 4),
        ]);
        assert_eq!(b.get("under 18"), 1);
        assert_eq!(b.get("18-24"), 2);
        assert_eq!(b.get("85 and over"), 2);
        assert_eq!(b.get(NOT_RECORDED), 4);
        assert_eq!(b.0.len(), 10);
    }

    #[test]
    fn the_within_key_follows_the_setting() {
        let mut d = DaysToFirstContact {
            people: 0,
            median: None,
            p90: None,
            within_days: 14,
            within_pct: None,
        };
        assert!(
            serde_json::to_string(&d)
                .unwrap()
                .contains("\"within_14_days_pct\":null")
        );
        d.within_days = 10;
        assert_eq!(d.within_key(), "within_10_days_pct");
    }
}
