//! `caseload report` (issue 13): the commissioner's figures, checked against a
//! fixture whose every figure was worked out by hand (the working is in the
//! comments). The fixture is built through the store API with fixed dates;
//! the clock is pinned at NOW (2026-11-23T10:00), so it passes on any date.

use crate::common;

use std::path::{Path, PathBuf};

use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::goal::GoalStatus;
use caseload::domain::measure::{Instrument, Scores};
use caseload::domain::person::{PersonDetails, Status, StatusChange};
use caseload::domain::service::{ConnectionStatus, Service};
use caseload::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use common::Sandbox;
use serde_json::Value;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// Builds the fixture through the store, as the app would.
pub struct Fixture {
    store: Store,
}

impl Fixture {
    fn person(
        &mut self,
        referred: &str,
        source: &str,
        reason: Option<&str>,
        dob: Option<&str>,
        nhs: Option<&str>,
    ) -> i64 {
        let details = PersonDetails {
            given_name: "Test".into(),
            family_name: format!("Person{referred}"),
            referral_source: source.into(),
            referral_reason: reason.map(str::to_string),
            referred_on: Some(d(referred)),
            date_of_birth: dob.map(d),
            nhs_number: nhs.map(str::to_string),
            ..Default::default()
        };
        self.store.people_mut().add(&details).unwrap()
    }

    fn status(&mut self, id: i64, status: Status, on: &str, reason: Option<&str>) {
        let version = self.store.people().get(id).unwrap().version;
        let change = StatusChange {
            status,
            reason: reason.map(str::to_string),
            changed_on: d(on),
        };
        self.store
            .people_mut()
            .set_status(id, version, &change)
            .unwrap();
    }

    fn note(&mut self, id: i64, when: &str, kind: ConversationKind, amends: Option<i64>) -> i64 {
        let note = NewNote {
            person_id: id,
            kind,
            occurred_at: at(when),
            body: format!("SECRET NOTE TEXT {when}"),
            amends: amends.map(|a| (a, "typo".to_string())),
        };
        self.store.notes_mut().add(&note).unwrap()
    }

    fn service(&mut self, name: &str, categories: Option<&str>) -> i64 {
        let s = Service {
            uid: format!("test-{name}"),
            name: name.into(),
            categories: categories.map(str::to_string),
            active: true,
            ..Default::default()
        };
        self.store.directory_mut().create(&s).unwrap()
    }

    fn connect(&mut self, person: i64, service: i64, steps: &[(ConnectionStatus, &str)]) {
        let (first, on) = steps[0];
        let id = self
            .store
            .connections_mut()
            .add(person, service, first, d(on), None)
            .unwrap();
        for (status, on) in &steps[1..] {
            self.store
                .connections_mut()
                .set_status(id, *status, d(on), None)
                .unwrap();
        }
    }

    fn measure(&mut self, person: i64, instrument: Instrument, scores: &str, on: &str) {
        let scores = Scores::parse(instrument, scores).unwrap();
        self.store
            .measures_mut()
            .add(person, &scores, d(on))
            .unwrap();
    }

    fn goal(&mut self, person: i64, set: &str, end: Option<(GoalStatus, &str)>) {
        let id = self
            .store
            .goals_mut()
            .add(person, "a goal", d(set))
            .unwrap();
        if let Some((status, on)) = end {
            self.store
                .goals_mut()
                .set_status(id, status, d(on))
                .unwrap();
        }
    }
}

/// The fixture. The report period under test is October 2026.
pub fn fixture(sb: &Sandbox) -> PathBuf {
    use ConnectionStatus as C;
    use ConversationKind::*;
    use Status::*;
    let db = sb.path("report.db");
    let mut f = Fixture {
        store: Store::open(&db, common::clock()).unwrap(),
    };
    // People. Ages are at referral.
    let p1 = f.person(
        "2026-09-20",
        "GP practice",
        Some("loneliness"),
        Some("1950-10-15"),
        Some("9990000018"),
    );
    f.status(p1, Active, "2026-10-02", None); // first contact in Oct: 12 days
    let p2 = f.person(
        "2026-10-01",
        "GP practice",
        Some("loneliness"),
        Some("1990-10-01"),
        Some("9990000026"),
    ); // 36 on the day
    f.status(p2, Active, "2026-10-05", None); // 4 days
    let p3 = f.person(
        "2026-10-03",
        "pharmacy",
        Some("debt"),
        Some("2000-10-04"),
        None,
    ); // 25: birthday the next day
    f.status(p3, Active, "2026-10-23", None); // 20 days; no NHS number
    f.status(p3, Closed, "2026-10-30", Some("goals met"));
    let p4 = f.person(
        "2026-10-10",
        "self-referral",
        None,
        None,
        Some("9990000034"),
    ); // no date of birth
    f.status(p4, Declined, "2026-10-12", Some("not wanted now"));
    let p5 = f.person(
        "2026-10-15",
        "GP practice",
        Some("debt"),
        Some("1940-01-01"),
        None,
    ); // 86; stays referred
    let p6 = f.person(
        "2026-08-01",
        "housing",
        Some("housing"),
        Some("1960-05-05"),
        Some("9990000042"),
    );
    f.status(p6, Active, "2026-08-05", None); // first contact before Oct
    f.status(p6, Closed, "2026-10-20", Some("moved away"));
    let p7 = f.person(
        "2026-11-02",
        "GP practice",
        Some("loneliness"),
        None,
        Some("9990000050"),
    ); // after Oct
    f.status(p7, Active, "2026-11-03", None);
    let p8 = f.person("2026-06-01", "other", None, None, None);
    f.status(p8, Active, "2026-06-02", None);
    f.status(p8, Paused, "2026-09-01", None); // paused at the end of Oct: open
    let p9 = f.person(
        "2026-10-20",
        "pharmacy",
        Some("debt"),
        Some("2008-10-20"),
        Some("9990000069"),
    ); // 18 that day
    f.status(p9, Active, "2026-10-21", None); // 1 day
    let p10 = f.person(
        "2026-09-01",
        "GP practice",
        Some("housing"),
        None,
        Some("9990000077"),
    );
    f.status(p10, Declined, "2026-09-05", Some("not now")); // before Oct
    f.status(p10, Referred, "2026-10-08", None); // re-referred: referred_on stays 2026-09-01
    f.status(p10, Declined, "2026-10-25", Some("prefers other support"));
    let p11 = f.person("2026-09-10", "VCSE", None, None, None);
    f.status(p11, Active, "2026-09-12", None);
    f.status(p11, Closed, "2026-11-10", Some("goals met")); // closed after Oct: open at its end

    // Conversations.
    f.note(p1, "2026-10-02T10:00", Phone, None);
    f.note(p1, "2026-10-09T11:00", Visit, None);
    let wm = f.note(p2, "2026-10-05T09:30", WhatMatters, None);
    f.note(p2, "2026-10-05T09:30", WhatMatters, Some(wm)); // a correction: counted once
    f.note(p6, "2026-09-28T10:00", Phone, None); // before Oct
    f.note(p6, "2026-10-01T00:00", FollowUp, None); // the first minute of Oct
    f.note(p9, "2026-10-31T23:59", Phone, None); // the last minute of Oct
    f.note(p9, "2026-11-01T00:00", Phone, None); // after Oct
    f.note(p3, "2026-10-23T14:00", Accompanied, None);

    // Services and connections.
    let s1 = f.service("Walking group", Some("walking, Befriending"));
    let s2 = f.service("Food bank", Some("food"));
    let s3 = f.service("Mystery", None);
    f.connect(
        p1,
        s1,
        &[
            (C::Suggested, "2026-09-25"),
            (C::Referred, "2026-10-03"),
            (C::Attended, "2026-10-10"),
        ],
    );
    f.connect(
        p2,
        s2,
        &[(C::Referred, "2026-10-06"), (C::DidNotAttend, "2026-10-13")],
    );
    f.connect(p3, s3, &[(C::Suggested, "2026-10-24")]);
    f.connect(
        p6,
        s2,
        &[(C::Suggested, "2026-08-10"), (C::Referred, "2026-08-11")],
    ); // before Oct
    f.connect(p9, s1, &[(C::Suggested, "2026-11-02")]); // after Oct

    // Wellbeing.
    f.measure(p1, Instrument::Ons4, "4 5 4 8", "2026-09-25");
    f.measure(p1, Instrument::Ons4, "6 6 5 4", "2026-10-20");
    f.measure(p2, Instrument::Ons4, "3 4 3 6", "2026-10-05");
    f.measure(p2, Instrument::Ons4, "2 4 4 7", "2026-10-06"); // neither baseline nor latest
    f.measure(p2, Instrument::Ons4, "5 4 3 5", "2026-10-28");
    f.measure(p3, Instrument::Ons4, "5 5 5 5", "2026-10-23"); // a baseline only
    f.measure(p6, Instrument::Ons4, "5 5 5 5", "2026-08-10");
    f.measure(p6, Instrument::Ons4, "6 6 6 6", "2026-09-10"); // latest before Oct
    f.measure(p9, Instrument::Ons4, "5 5 5 5", "2026-10-21");
    f.measure(p9, Instrument::Ons4, "7 7 7 7", "2026-11-05"); // by 31 Oct only the baseline
    f.measure(p1, Instrument::Ucla3, "3 3 3", "2026-10-01"); // 9
    f.measure(p1, Instrument::Ucla3, "2 2 1", "2026-10-29"); // 5
    f.measure(p8, Instrument::Ucla3, "1 1 1", "2026-07-01"); // 3
    f.measure(p8, Instrument::Ucla3, "2 2 2", "2026-10-15"); // 6
    f.measure(p2, Instrument::Ucla3, "2 2 2", "2026-10-05"); // 6
    f.measure(p2, Instrument::Ucla3, "2 2 2", "2026-10-28"); // 6
    f.measure(p1, Instrument::Swemwbs, "3 3 3 3 3 3 3", "2026-09-30"); // raw 21: metric 19.25
    f.measure(p1, Instrument::Swemwbs, "4 4 4 4 4 3 3", "2026-10-30"); // raw 26: metric 23.21

    // Goals.
    f.goal(p1, "2026-09-25", Some((GoalStatus::Achieved, "2026-10-15")));
    f.goal(p2, "2026-10-06", None);
    f.goal(p2, "2026-10-07", Some((GoalStatus::Dropped, "2026-10-20")));
    f.goal(p3, "2026-10-24", Some((GoalStatus::Achieved, "2026-11-02")));
    f.goal(p6, "2026-08-10", Some((GoalStatus::Dropped, "2026-09-30")));
    let _ = (p5, p7, p10, p11);
    db
}

fn json(sb: &Sandbox, db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend(args);
    serde_json::from_str(sb.run_db(db, &all).ok()).unwrap()
}

fn ordered(v: &Value) -> Vec<(String, i64)> {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, n)| (k.clone(), n.as_i64().unwrap()))
        .collect()
}

/// Expected counts, sorted by name as `ordered` reads them (serde_json's map
/// is sorted; the order on the wire is checked on the raw text instead).
fn pairs(list: &[(&str, i64)]) -> Vec<(String, i64)> {
    let mut v: Vec<(String, i64)> = list.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    v.sort();
    v
}

#[test]
fn october_matches_the_figures_worked_by_hand() {
    let sb = Sandbox::new();
    let db = fixture(&sb);
    let r = json(&sb, &db, &["--month", "2026-10"]);
    assert_eq!(r["period"]["from"], "2026-10-01");
    assert_eq!(r["period"]["to"], "2026-10-31");

    // Referred in Oct: p2, p3, p4, p5, p9 (p10's re-referral keeps referred_on in Sep).
    assert_eq!(r["referrals"], 5);
    // GP practice p2 p5; pharmacy p3 p9; self-referral p4; every other source 0.
    let by_source = ordered(&r["referrals_by_source"]);
    assert_eq!(by_source.len(), 12, "every source listed: {by_source:?}");
    assert_eq!(r["referrals_by_source"]["GP practice"], 2);
    assert_eq!(r["referrals_by_source"]["pharmacy"], 2);
    assert_eq!(r["referrals_by_source"]["self-referral"], 1);
    assert_eq!(by_source.iter().map(|p| p.1).sum::<i64>(), 5);
    // debt p3 p5 p9; loneliness p2; none given p4. Most first, then by name.
    assert_eq!(
        ordered(&r["referrals_by_reason"]),
        pairs(&[("debt", 3), ("loneliness", 1), ("not recorded", 1)])
    );

    // First contacted in Oct: p1 (Sep 20 -> Oct 2: 12 days), p2 (4), p3 (20), p9 (1).
    // Sorted 1 4 12 20: median (4 + 12) / 2 = 8; p90 nearest rank ceil(0.9 * 4) = 4th = 20;
    // within 14 days: 1, 4, 12 = 3 of 4 = 75%.
    assert_eq!(r["first_contacts"], 4);
    let d = &r["days_to_first_contact"];
    assert_eq!(d["people"], 4);
    assert_eq!(d["median"], 8.0);
    assert_eq!(d["p90"], 20.0);
    assert_eq!(d["within_14_days_pct"], 75.0);
    assert_eq!(d["within_days"], 14);

    // Declined in Oct (status history): p4 (not wanted now), p10 (prefers other
    // support; its September decline is outside).
    assert_eq!(r["declined"], 2);
    assert_eq!(
        ordered(&r["declined_by_reason"]),
        pairs(&[("not wanted now", 1), ("prefers other support", 1)])
    );
    // Closed in Oct: p3 (goals met, Oct 30), p6 (moved away, Oct 20); p11 closes in Nov.
    assert_eq!(r["closed"], 2);
    assert_eq!(
        ordered(&r["closed_by_reason"]),
        pairs(&[("goals met", 1), ("moved away", 1)])
    );

    // Status on Oct 31 of those referred by then: p1 active, p2 active, p5 referred,
    // p8 paused, p9 active, p11 active (closed only in Nov) = 6; p3 p6 closed,
    // p4 p10 declined; p7 referred in Nov.
    assert_eq!(r["open_at_end"], 6);

    // Notes dated in Oct: p1 phone + visit, p2 what matters (its correction is the
    // same note), p6 follow-up at 00:00 on Oct 1, p9 phone at 23:59 on Oct 31,
    // p3 accompanied = 6 notes by 5 people.
    assert_eq!(r["people_seen"], 5);
    assert_eq!(r["contacts"], 6);
    assert_eq!(
        ordered(&r["contacts_by_kind"]),
        pairs(&[
            ("what_matters", 1),
            ("follow_up", 1),
            ("phone", 2),
            ("visit", 1),
            ("accompanied", 1),
            ("other", 0)
        ])
    );

    // Steps dated in Oct: p1 referred (Oct 3) and attended (Oct 10), p2 referred
    // (Oct 6) and did not attend (Oct 13), p3 suggested (Oct 24).
    assert_eq!(
        ordered(&r["connections_by_status"]),
        pairs(&[
            ("suggested", 1),
            ("referred", 2),
            ("attended", 1),
            ("declined", 0),
            ("did_not_attend", 1),
            ("ended", 0)
        ])
    );
    // Those three connections: walking group (walking, befriending), food bank
    // (food), mystery (no category). All 1: by name.
    assert_eq!(
        ordered(&r["connections_by_category"]),
        pairs(&[
            ("befriending", 1),
            ("food", 1),
            ("uncategorised", 1),
            ("walking", 1)
        ])
    );

    // ONS4, latest in Oct and not the baseline: p1 (4 5 4 8 -> 6 6 5 4) and
    // p2 (3 4 3 6 -> 5 4 3 5); p3 has one score, p6's latest is in Sep, p9's
    // second is in Nov.
    let m = r["measures"].as_array().unwrap();
    assert_eq!(m.len(), 6);
    let row = |i: usize| {
        let x = &m[i];
        (
            x["instrument"].as_str().unwrap().to_string(),
            x["item"].as_str().unwrap().to_string(),
            x["people"].as_i64().unwrap(),
            x["mean_baseline"].as_f64(),
            x["mean_latest"].as_f64(),
            x["mean_change"].as_f64(),
            x["improved_pct"].as_f64(),
            x["higher_is_better"].as_bool().unwrap(),
        )
    };
    let s = |x: &str| x.to_string();
    // satisfaction: (4+3)/2 = 3.5 -> (6+5)/2 = 5.5, change +2 +2 = 2, both better.
    assert_eq!(
        row(0),
        (
            s("ONS4"),
            s("satisfaction"),
            2,
            Some(3.5),
            Some(5.5),
            Some(2.0),
            Some(100.0),
            true
        )
    );
    // worthwhile: 4.5 -> 5.0, changes +1 and 0: 0.5, one of two better.
    assert_eq!(
        row(1),
        (
            s("ONS4"),
            s("worthwhile"),
            2,
            Some(4.5),
            Some(5.0),
            Some(0.5),
            Some(50.0),
            true
        )
    );
    // happiness: 3.5 -> 4.0, +1 and 0.
    assert_eq!(
        row(2),
        (
            s("ONS4"),
            s("happiness"),
            2,
            Some(3.5),
            Some(4.0),
            Some(0.5),
            Some(50.0),
            true
        )
    );
    // anxiety, lower is better: (8+6)/2 = 7 -> (4+5)/2 = 4.5, changes -4 -1 = -2.5, both better.
    assert_eq!(
        row(3),
        (
            s("ONS4"),
            s("anxiety"),
            2,
            Some(7.0),
            Some(4.5),
            Some(-2.5),
            Some(100.0),
            false
        )
    );
    // UCLA3 totals: p1 9 -> 5, p8 3 -> 6, p2 6 -> 6: baseline 18/3 = 6, latest
    // 17/3 = 5.67, change -1/3 = -0.33; only p1 lonelier less: 1/3 = 33.3%.
    assert_eq!(
        row(4),
        (
            s("UCLA3"),
            s("loneliness"),
            3,
            Some(6.0),
            Some(5.67),
            Some(-0.33),
            Some(33.3),
            false
        )
    );
    // SWEMWBS metric: p1 raw 21 (19.25) -> raw 26 (23.21): +3.96.
    assert_eq!(
        row(5),
        (
            s("SWEMWBS"),
            s("score"),
            1,
            Some(19.25),
            Some(23.21),
            Some(3.96),
            Some(100.0),
            true
        )
    );

    // Goals set in Oct: p2 twice, p3 = 3; achieved in Oct: p1's; dropped: p2's.
    assert_eq!(r["goals"]["set"], 3);
    assert_eq!(r["goals"]["achieved"], 1);
    assert_eq!(r["goals"]["dropped"], 1);

    // Ages at referral of those referred in Oct: p2 36, p3 25, p4 unknown, p5 86, p9 18.
    assert_eq!(
        ordered(&r["age_bands"]),
        pairs(&[
            ("under 18", 0),
            ("18-24", 1),
            ("25-34", 1),
            ("35-44", 1),
            ("45-54", 0),
            ("55-64", 0),
            ("65-74", 0),
            ("75-84", 0),
            ("85 and over", 1),
            ("not recorded", 1)
        ])
    );
}

/// The JSON keys scripts depend on, in order.
#[test]
fn json_keys_are_stable() {
    let sb = Sandbox::new();
    let db = fixture(&sb);
    let r = json(&sb, &db, &["--month", "2026-10"]);
    let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    let mut sorted = vec![
        "period",
        "referrals",
        "referrals_by_source",
        "referrals_by_reason",
        "first_contacts",
        "days_to_first_contact",
        "declined",
        "declined_by_reason",
        "closed",
        "closed_by_reason",
        "open_at_end",
        "people_seen",
        "contacts",
        "contacts_by_kind",
        "connections_by_status",
        "connections_by_category",
        "measures",
        "goals",
        "age_bands",
        "by_sex",
        "by_ethnicity",
        "by_carer",
        "by_gp_practice",
    ];
    // serde_json's map is sorted by key.
    sorted.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, sorted);
    let m = r["measures"][0].as_object().unwrap();
    let mut mk: Vec<&str> = m.keys().map(String::as_str).collect();
    mk.sort();
    assert_eq!(
        mk,
        [
            "higher_is_better",
            "improved_pct",
            "instrument",
            "item",
            "mean_baseline",
            "mean_change",
            "mean_latest",
            "people"
        ]
    );
}

#[test]
fn periods_default_to_this_month_to_date_and_quarters_are_calendar_quarters() {
    let sb = Sandbox::new();
    let db = fixture(&sb);
    // NOW is 2026-11-23: Nov 1 to Nov 23; only p7 was referred then, and first
    // contacted a day later.
    let r = json(&sb, &db, &[]);
    assert_eq!(r["period"]["from"], "2026-11-01");
    assert_eq!(r["period"]["to"], "2026-11-23");
    assert_eq!(r["referrals"], 1);
    assert_eq!(r["days_to_first_contact"]["median"], 1.0);
    // p11 closed Nov 10.
    assert_eq!(r["closed"], 1);
    // Q4 to date: October's 5 and p7.
    let r = json(&sb, &db, &["--quarter", "2026-Q4"]);
    assert_eq!(
        (r["period"]["from"].as_str(), r["period"]["to"].as_str()),
        (Some("2026-10-01"), Some("2026-11-23"))
    );
    assert_eq!(r["referrals"], 6);
    // Any days: Oct 1 to Oct 15 by UK dates.
    let r = json(&sb, &db, &["--from", "01/10/2026", "--to", "2026-10-15"]);
    assert_eq!(r["referrals"], 4, "p2 p3 p4 p5");
    assert_eq!(r["declined"], 1, "p4");
    // Nothing at all in a quiet month: empty figures are null, not errors.
    let r = json(&sb, &db, &["--month", "2025-01"]);
    assert_eq!(r["referrals"], 0);
    assert!(r["days_to_first_contact"]["median"].is_null());
    assert!(r["measures"][0]["mean_change"].is_null());
    assert_eq!(r["measures"][0]["people"], 0);
}

#[test]
fn a_bad_period_is_exit_1_with_a_message() {
    let sb = Sandbox::new();
    let db = fixture(&sb);
    for (args, says) in [
        (&["--month", "2026-13"][..], "use YYYY-MM"),
        (&["--month", "Oct"][..], "use YYYY-MM"),
        (&["--quarter", "2026-Q5"][..], "use YYYY-Qn"),
        (&["--month", "2027-01"][..], "starts after today"),
        (
            &["--from", "2026-10-31", "--to", "2026-10-01"][..],
            "before it starts",
        ),
        (
            &["--from", "yesterday-ish", "--to", "2026-10-01"][..],
            "--from",
        ),
        (&["--from", "2026-10-01"][..], "--to"),
        (
            &["--month", "2026-10", "--quarter", "2026-Q4"][..],
            "cannot be used with",
        ),
    ] {
        let mut all = vec!["report"];
        all.extend(args);
        let out = sb.run_db(&db, &all);
        let line = out.fails(1);
        assert!(line.contains(says), "{args:?}: {line}");
    }
    // A missing database is a data error, and is not created.
    let missing = sb.path("none.db");
    sb.run_db(&missing, &["report"]).fails(2);
    assert!(!missing.exists());
}

#[test]
fn csv_is_long_form_and_spreadsheet_safe_and_the_table_reads() {
    let sb = Sandbox::new();
    let db = fixture(&sb);
    let csv = sb
        .run_db(&db, &["report", "--month", "2026-10", "--format", "csv"])
        .ok()
        .to_string();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["figure", "breakdown", "value"]
    );
    let rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string(), r[2].to_string())
        })
        .collect();
    let has = |f: &str, b: &str, v: &str| {
        assert!(
            rows.iter()
                .any(|r| r == &(f.to_string(), b.to_string(), v.to_string())),
            "no row {f},{b},{v} in\n{csv}"
        );
    };
    has("period", "from", "2026-10-01");
    has("referrals", "", "5");
    has("referrals_by_source", "GP practice", "2");
    has("days_to_first_contact", "median", "8");
    has("days_to_first_contact", "within_14_days_pct", "75");
    has("measures.mean_change", "ONS4 anxiety", "-2.5");
    has("measures.better_is", "ONS4 anxiety", "lower");
    has("goals", "set", "3");
    has("age_bands", "not recorded", "1");
    // No text cell a spreadsheet would run; every value is a number (a negative
    // one stays a number), a day, a direction, or empty.
    for (f, b, v) in &rows {
        for cell in [f, b] {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
        assert!(
            v.is_empty()
                || v.parse::<f64>().is_ok()
                || NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok()
                || v == "higher"
                || v == "lower",
            "{f},{b},{v}"
        );
    }
    has("measures.mean_change", "UCLA3 loneliness", "-0.33");

    // A free-text reason that looks like a formula is neutralised too.
    let mut store = Store::open(&db, common::clock()).unwrap();
    let details = PersonDetails {
        given_name: "F".into(),
        family_name: "G".into(),
        referral_source: "other".into(),
        referral_reason: Some("=HYPERLINK(\"http://x\")".into()),
        referred_on: Some(d("2026-11-20")),
        ..Default::default()
    };
    store.people_mut().add(&details).unwrap();
    drop(store);
    let csv = sb
        .run_db(&db, &["report", "--format", "csv"])
        .ok()
        .to_string();
    assert!(
        csv.contains("referrals_by_reason,\"'=HYPERLINK(\"\"http://x\"\")\",1"),
        "{csv}"
    );

    let table = sb
        .run_db(&db, &["report", "--month", "2026-10"])
        .ok()
        .to_string();
    assert!(
        table.starts_with("Report 1 Oct 2026 to 31 Oct 2026\n"),
        "{table}"
    );
    assert!(table.contains("open_at_end"), "{table}");
    assert!(!table.contains("SECRET"), "no note text in a report");
}

#[test]
fn the_first_contact_window_is_a_setting() {
    let sb = Sandbox::new();
    let db = fixture(&sb);
    let config = sb.path("config.toml");
    std::fs::write(&config, "[settings]\nfirst_contact_days = 5\n").unwrap();
    let out = sb.run_with(
        [
            "--db",
            db.to_str().unwrap(),
            "report",
            "--month",
            "2026-10",
            "--format",
            "json",
        ],
        |c| {
            c.env("CASELOAD_CONFIG", &config);
        },
    );
    let r: Value = serde_json::from_str(out.ok()).unwrap();
    // Waits 1 4 12 20: two within 5 days.
    assert_eq!(r["days_to_first_contact"]["within_5_days_pct"], 50.0);
    assert_eq!(r["days_to_first_contact"]["within_days"], 5);
    std::fs::write(&config, "[settings]\nfirst_contact_days = 0\n").unwrap();
    let out = sb.run_with(["--db", db.to_str().unwrap(), "report"], |c| {
        c.env("CASELOAD_CONFIG", &config);
    });
    assert!(out.fails(1).contains("first_contact_days must be 1 to 90"));
}

/// Equality monitoring (issue 13): optional fields on `person add`, checked,
/// and in the report only as counts of the people referred in the period.
#[test]
fn monitoring_fields_are_checked_and_reported_only_as_counts() {
    let sb = Sandbox::new();
    let db = sb.path("m.db");
    let add = |extra: &[&str]| {
        let mut args = vec!["person", "add", "--given", "Ann", "--family", "Lee"];
        args.extend(extra);
        sb.run_db(&db, &args)
    };
    add(&[
        "--sex",
        "Female",
        "--ethnicity",
        "indian",
        "--carer",
        "yes",
        "--gp-practice",
        "b82005",
    ])
    .ok();
    add(&[
        "--sex",
        "female",
        "--ethnicity",
        "Pakistani",
        "--gp-practice",
        "B82005",
    ])
    .ok();
    add(&[
        "--sex",
        "prefer not to say",
        "--ethnicity",
        "british",
        "--carer",
        "no",
    ])
    .ok();
    add(&[
        "--ethnicity",
        "Prefer not to say",
        "--gp-practice",
        "Y01234",
    ])
    .ok();
    add(&[]).ok();
    for (flag, bad, says) in [
        (
            "--sex",
            "f",
            "sex should be female, male, prefer not to say",
        ),
        ("--ethnicity", "Martian", "ONS 2021"),
        ("--carer", "sometimes", "carer should be yes, no"),
        ("--gp-practice", "B8200", "a letter and five digits"),
    ] {
        let out = add(&[flag, bad]);
        let line = out.fails(1);
        assert!(
            line.contains(says) && line.contains("nothing saved"),
            "{line}"
        );
        assert!(!line.contains("Ann"), "no name in the message: {line}");
    }
    assert_eq!(common::count_rows(&db, "person"), 5);
    // Stored in one spelling.
    let show: Value = serde_json::from_str(
        sb.run_db(&db, &["person", "show", "1", "--format", "json"])
            .ok(),
    )
    .unwrap();
    assert_eq!(show["person"]["sex"], "female");
    assert_eq!(show["person"]["ethnicity"], "Indian");
    assert_eq!(show["person"]["gp_practice"], "B82005");

    // All five were referred today (NOW), so this month counts them.
    let r = json(&sb, &db, &[]);
    assert_eq!(
        ordered(&r["by_sex"]),
        pairs(&[
            ("female", 2),
            ("male", 0),
            ("prefer not to say", 1),
            ("not recorded", 2)
        ])
    );
    // Indian and Pakistani are both the Asian group; British is White.
    assert_eq!(
        ordered(&r["by_ethnicity"]),
        pairs(&[
            ("Asian, Asian British or Asian Welsh", 2),
            ("Black, Black British, Black Welsh, Caribbean or African", 0),
            ("Mixed or Multiple ethnic groups", 0),
            ("White", 1),
            ("Other ethnic group", 0),
            ("prefer not to say", 1),
            ("not recorded", 1)
        ])
    );
    assert_eq!(
        ordered(&r["by_carer"]),
        pairs(&[
            ("yes", 1),
            ("no", 1),
            ("prefer not to say", 0),
            ("not recorded", 3)
        ])
    );
    assert_eq!(
        ordered(&r["by_gp_practice"]),
        pairs(&[
            ("B82005", 2),
            ("Y01234", 1),
            ("prefer not to say", 0),
            ("not recorded", 2)
        ])
    );
    // Never per person: no name, id or NHS number anywhere in the report.
    let csv = sb
        .run_db(&db, &["report", "--format", "csv"])
        .ok()
        .to_string();
    assert!(!csv.contains("Ann") && !csv.contains("Lee"), "{csv}");
    assert!(csv.contains("by_ethnicity,White,1\n"), "{csv}");
}

/// `report --codes` (issue 13, part 3): one row per coded event, for exactly
/// the people with an NHS number who were accepted (first contact) or declined
/// in the period; the others counted on stderr.
#[test]
fn codes_list_exactly_the_accepted_and_declined_people_with_nhs_numbers() {
    let sb = Sandbox::new();
    let db = fixture(&sb);
    let out = sb.run_db(
        &db,
        &["report", "--codes", "--month", "2026-10", "--format", "csv"],
    );
    // First contacts in Oct: p1 (Oct 2), p2 (Oct 5), p3 (Oct 23, no NHS number),
    // p9 (Oct 21); declines in Oct: p4 (Oct 12), p10 (Oct 25; its September
    // decline is outside). p6 and p7 have NHS numbers but no event in Oct.
    let referral = "871731000000106,Referral to social prescribing service";
    let declined = "871711000000103,Social prescribing declined";
    assert_eq!(
        out.ok(),
        format!(
            "nhs_number,date,concept_id,term\n\
             9990000018,2026-10-02,{referral}\n\
             9990000026,2026-10-05,{referral}\n\
             9990000034,2026-10-12,{declined}\n\
             9990000069,2026-10-21,{referral}\n\
             9990000077,2026-10-25,{declined}\n"
        )
    );
    assert_eq!(
        out.stderr,
        "caseload: 1 person(s) with a coded event in 1 Oct 2026 to 31 Oct 2026 have no NHS number and are not listed (ids 3); add their NHS numbers to code them\n"
    );

    // JSON: the same rows; this month to date: only p7's first contact, nobody left out.
    let out = sb.run_db(&db, &["report", "--codes", "--format", "json"]);
    let v: Value = serde_json::from_str(out.ok()).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{
            "nhs_number": "9990000050",
            "date": "2026-11-03",
            "concept_id": "871731000000106",
            "term": "Referral to social prescribing service"
        }])
    );
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    // September: p10's first decline (Sep 5) and p11's first contact (Sep 12, no NHS number).
    let out = sb.run_db(
        &db,
        &["report", "--codes", "--month", "2026-09", "--format", "csv"],
    );
    assert_eq!(
        out.ok().lines().nth(1),
        Some(&*format!("9990000077,2026-09-05,{declined}"))
    );
    assert_eq!(out.ok().lines().count(), 2);
    assert!(out.stderr.contains("(ids 11)"), "{}", out.stderr);
    sb.run_db(&db, &["report", "--codes", "--month", "2026-13"])
        .fails(1);
}

/// `person letter` (issue 13, part 4): every PRSB heading, in order; no note
/// text (notes, corrections and connection notes); written 0600.
#[test]
fn the_letter_has_every_heading_in_order_and_no_note_text() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let db = fixture(&sb);
    {
        // A connection note too: free text that is not for the letter.
        let mut store = Store::open(&db, common::clock()).unwrap();
        let food = store
            .directory()
            .list()
            .unwrap()
            .into_iter()
            .find(|s| s.name == "Food bank")
            .unwrap()
            .id;
        store
            .connections_mut()
            .add(
                1,
                food,
                ConnectionStatus::Suggested,
                d("2026-10-12"),
                Some("SECRET CONNECTION NOTE"),
            )
            .unwrap();
    }
    let config = sb.path("config.toml");
    std::fs::write(
        &config,
        "[settings]\nworker_name = \"Sam Patel\"\nworker_contact = \"0113 496 0000\"\n",
    )
    .unwrap();
    let letter = sb.path("letter.md");
    let out = sb.run_with(
        [
            "--db",
            db.to_str().unwrap(),
            "person",
            "letter",
            "1",
            "--format",
            "markdown",
            "--out",
            letter.to_str().unwrap(),
            "--summary",
            "Doing well; walking *every* week.",
        ],
        |c| {
            c.env("CASELOAD_CONFIG", &config);
        },
    );
    assert!(out.ok().contains("wrote"), "{}", out.stdout);
    let mode = std::fs::metadata(&letter).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&letter).unwrap();
    let headings: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(
        headings,
        [
            "Plan and requested actions",
            "Person",
            "Referral",
            "Contacts",
            "What matters and needs",
            "Goals and outcomes",
            "Services connected",
            "Wellbeing scores",
            "Risks",
            "Summary",
            "Link worker"
        ],
        "{text}"
    );
    assert!(!text.contains("SECRET"), "no note text: {text}");
    for says in [
        "No actions required.",
        "NHS number: 999 000 0018",
        "Date of birth: 15 Oct 1950",
        "Referred on: 20 Sep 2026",
        "Referred by: GP practice",
        "Reason: loneliness",
        "First contact: 2 Oct 2026",
        "Last contact: 9 Oct 2026",
        "Number of contacts: 2",
        "Walking group: attended on 10 Oct 2026",
        "Food bank: suggested on 12 Oct 2026",
        "achieved on 15 Oct 2026",
        "ONS4 anxiety: 8 (25 Sep 2026) to 4 (20 Oct 2026), better",
        "UCLA3 loneliness: 9 (1 Oct 2026) to 5 (29 Oct 2026), better",
        "No known risks.",
        "Doing well; walking \\*every\\* week.",
        "Name: Sam Patel",
        "Contact: 0113 496 0000",
    ] {
        assert!(text.contains(says), "missing {says:?} in\n{text}");
    }
    // Not replaced without --force.
    let again = sb.run_db(
        &db,
        &["person", "letter", "1", "--out", letter.to_str().unwrap()],
    );
    assert!(again.fails(1).contains("--force"));

    // Plain text to stdout: actions listed; the declined person's services that
    // did not work out are listed too; a risk is stated.
    {
        let mut store = Store::open(&db, common::clock()).unwrap();
        let p = store.people().get(2).unwrap();
        let mut details = p.details.clone();
        details.risk_note = Some("Lives alone; falls risk".into());
        store.people_mut().update(2, p.version, &details).unwrap();
        // One score is a baseline: said as such, not "4 (date) to 4 (date)".
        let one = Scores::parse(Instrument::Swemwbs, "3 3 3 3 3 3 3").unwrap();
        store
            .measures_mut()
            .add(2, &one, NaiveDate::from_ymd_opt(2026, 10, 20).unwrap())
            .unwrap();
    }
    let text = sb
        .run_db(
            &db,
            &[
                "person",
                "letter",
                "2",
                "--action",
                "Please review her medication",
                "--action",
                "Call back",
            ],
        )
        .ok()
        .to_string();
    assert!(
        text.contains("Plan and requested actions\n--------------------------\n"),
        "{text}"
    );
    assert!(
        text.contains("Requested actions:\n- Please review her medication\n- Call back\n"),
        "{text}"
    );
    assert!(!text.contains("No actions required"), "{text}");
    assert!(
        text.contains("Food bank: did not attend on 13 Oct 2026"),
        "{text}"
    );
    assert!(text.contains("Lives alone; falls risk"), "{text}");
    let swemwbs = text
        .lines()
        .find(|l| l.starts_with("SWEMWBS score: "))
        .unwrap_or_default();
    assert!(
        swemwbs.ends_with(" (20 Oct 2026), the first score; no change to report yet"),
        "{text}"
    );
    assert!(!text.contains("No known risks"), "{text}");
    assert!(text.contains("No summary written."), "{text}");
    assert!(!text.contains("SECRET"), "{text}");
    let pos: Vec<usize> = [
        "Plan and requested actions",
        "Person\n",
        "Referral\n",
        "Contacts\n",
        "What matters and needs",
        "Goals and outcomes",
        "Services connected",
        "Wellbeing scores",
        "Risks\n",
        "Summary\n",
        "Link worker",
    ]
    .iter()
    .map(|h| {
        text.find(h)
            .unwrap_or_else(|| panic!("{h} missing: {text}"))
    })
    .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
    // The summary from standard input.
    let out = sb.run_with(
        [
            "--db",
            db.to_str().unwrap(),
            "person",
            "letter",
            "2",
            "--summary",
            "-",
        ],
        |c| {
            c.write_stdin("Written on stdin.\n");
        },
    );
    assert!(
        out.ok().contains("Summary\n-------\nWritten on stdin.\n"),
        "{}",
        out.stdout
    );
    sb.run_db(&db, &["person", "letter", "999"]).fails(1);
}
