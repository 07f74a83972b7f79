//! `caseload remind`, `caseload calendar` and `caseload config` as a process,
//! and the .ics read back with a real iCalendar parser.

use crate::common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use caseload::domain::follow_up::FollowUp;
use caseload::domain::person::PersonInput;
use caseload::domain::service::Service;
use caseload::store::Store;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use icalendar::parser::{read_calendar, unfold};
use icalendar::{Component, DatePerhapsTime};
use tempfile::TempDir;

/// Words that must never reach a calendar file.
const PERSONAL: [&str; 6] = [
    "Zoë",
    "Adeyemi",
    "Riverside",
    "Walking",
    "grandchildren",
    "GP",
];

/// A database with follow-ups around the real today (the CLI reads the clock).
fn fixture() -> (TempDir, PathBuf, NaiveDate) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("team.db");
    let mut store = Store::open(&path, common::clock()).unwrap();
    let today = common::today();
    let zoe = store
        .people_mut()
        .add(
            &PersonInput {
                given_name: "Zoë".into(),
                family_name: "Adeyemi".into(),
                referral_source: "GP practice".into(),
                ..Default::default()
            }
            .validate(today)
            .unwrap(),
        )
        .unwrap();
    let walk = store
        .directory_mut()
        .create(&Service {
            uid: "s-1".into(),
            name: "Riverside Walking Group".into(),
            active: true,
            ..Default::default()
        })
        .unwrap();
    let add = |store: &mut Store, p: Option<i64>, s: Option<i64>, days: i64, text: &str| {
        store
            .follow_ups_mut()
            .add(p, s, today + Duration::days(days), None, text)
            .unwrap()
    };
    add(
        &mut store,
        Some(zoe),
        None,
        -3,
        "Call Zoë about the grandchildren",
    );
    add(
        &mut store,
        Some(zoe),
        None,
        0,
        "Ask the GP, about Zoë; then\\call",
    );
    add(
        &mut store,
        None,
        Some(walk),
        1,
        "Check the Walking group still runs",
    );
    add(&mut store, Some(zoe), None, 10, "Six-week review with Zoë");
    let done = add(&mut store, Some(zoe), None, -1, "Done already");
    store.follow_ups_mut().complete(done).unwrap();
    (dir, path, today)
}

fn caseload(db: &Path) -> Command {
    let mut cmd = common::assert_command_in(db.parent().expect("db in a directory"));
    cmd.arg("--db").arg(db);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{:?}", out);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn remind_lists_overdue_and_today_by_default() {
    let (_dir, db, _) = fixture();
    let out = stdout(caseload(&db).arg("remind"));
    assert!(out.starts_with("1 overdue, 1 due today:\n"), "{out}");
    assert!(out.contains("Overdue\n! "), "{out}");
    assert!(out.contains("#1 Call Zoë about the grandchildren"), "{out}");
    assert!(out.contains("Today\n"), "{out}");
    assert!(!out.contains("Walking group still runs"), "{out}");
    assert!(!out.contains("Done already"), "{out}");
    // Zoë was referred today: not gone quiet.
    assert!(!out.contains("Gone quiet"), "{out}");
}

#[test]
fn remind_days_widens_the_window() {
    let (_dir, db, _) = fixture();
    let out = stdout(caseload(&db).args(["remind", "--days", "1"]));
    assert!(
        out.starts_with("1 overdue, 2 due today or tomorrow:"),
        "{out}"
    );
    // Cut to the pane's 20-cell column, as in pane 4.
    assert!(out.contains("Riverside Walking G…  #3"), "{out}");
    assert!(!out.contains("Six-week review"), "{out}");
    let out = stdout(caseload(&db).args(["remind", "--days", "10"]));
    assert!(out.contains("Six-week review"), "{out}");
}

#[test]
fn remind_json_is_for_scripts() {
    let (_dir, db, today) = fixture();
    let out = stdout(caseload(&db).args(["remind", "--days", "1", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["today"], today.format("%Y-%m-%d").to_string());
    assert_eq!(v["overdue"], 1);
    let ids: Vec<i64> = v["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(v["due"][0]["bucket"], "Overdue");
    assert_eq!(v["due"][2]["service_id"], 1);
}

#[test]
fn remind_with_nothing_due_says_so_and_exits_0() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("empty.db");
    // `remind` only reads, so it never creates the file: make an empty caseload.
    drop(caseload::store::Store::open(&db, common::clock()).unwrap());
    let out = stdout(caseload(&db).arg("remind"));
    assert_eq!(out, "Nothing overdue or due today.\n");
}

#[test]
fn remind_refuses_bad_days_with_exit_1() {
    let (_dir, db, _) = fixture();
    for bad in ["-1", "soon", "99999"] {
        let out = caseload(&db)
            .args(["remind", "--days", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// Every event's (uid, summary, start), read back with the icalendar crate.
fn events(ics: &str) -> Vec<(String, String, DatePerhapsTime)> {
    let unfolded = unfold(ics);
    let parsed = read_calendar(&unfolded).expect("a valid iCalendar file");
    let cal: icalendar::Calendar = parsed.into();
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            (
                e.get_uid().unwrap().to_string(),
                e.get_summary().unwrap().to_string(),
                e.get_start().unwrap(),
            )
        })
        .collect()
}

#[test]
fn calendar_writes_open_follow_ups_with_no_personal_data() {
    let (dir, db, today) = fixture();
    let file = dir.path().join("follow-ups.ics");
    let out = stdout(caseload(&db).args(["calendar", "--out"]).arg(&file));
    assert!(out.contains("4 follow-up(s)"), "{out}");
    let ics = std::fs::read_to_string(&file).unwrap();
    for word in PERSONAL {
        assert!(!ics.contains(word), "{word} leaked into the .ics");
    }
    // Lines end in CRLF and are folded to 75 octets.
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
        assert!(!line.contains('\n'), "bare newline in {line:?}");
    }
    let unfolded = unfold(&ics);
    let parsed = read_calendar(&unfolded).unwrap();
    let prop = |name: &str| {
        parsed
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
    };
    assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
    assert!(prop("PRODID").unwrap().contains("caseload"));
    let vevents: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(vevents.len(), 4);
    for e in &vevents {
        assert!(e.find_prop("DTSTAMP").is_some());
        let alarm = e.components.iter().find(|c| c.name == "VALARM").unwrap();
        assert_eq!(alarm.find_prop("ACTION").unwrap().val.as_str(), "DISPLAY");
        assert!(alarm.find_prop("TRIGGER").is_some());
    }
    let first = events(&ics);
    let summaries: Vec<&str> = first.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "caseload follow-up #1",
            "caseload follow-up #2",
            "caseload follow-up #3",
            "caseload follow-up #4"
        ]
    );
    assert_eq!(first[0].2, DatePerhapsTime::Date(today - Duration::days(3)));

    // Same follow-ups, same UIDs; a snooze moves the event but keeps its UID.
    let mut store = Store::open(&db, common::clock()).unwrap();
    store
        .follow_ups_mut()
        .snooze(1, today + Duration::days(2))
        .unwrap();
    drop(store);
    stdout(caseload(&db).args(["calendar", "--out"]).arg(&file));
    let again = events(&std::fs::read_to_string(&file).unwrap());
    let uids = |e: &[(String, String, DatePerhapsTime)]| {
        let mut u: Vec<String> = e.iter().map(|e| e.0.clone()).collect();
        u.sort();
        u
    };
    assert_eq!(uids(&first), uids(&again));
    let moved = again.iter().find(|e| e.0 == first[0].0).unwrap();
    assert_eq!(moved.2, DatePerhapsTime::Date(today + Duration::days(2)));
    let mut unique = uids(&again);
    unique.dedup();
    assert_eq!(unique.len(), 4);
}

#[test]
fn calendar_to_a_missing_folder_is_a_data_error() {
    let (dir, db, _) = fixture();
    let out = caseload(&db)
        .args(["calendar", "--out"])
        .arg(dir.path().join("no/such/dir/x.ics"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("caseload: cannot write"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn ics_timed_events_are_utc_with_escaped_text_and_fixed_dtstamp() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
    let r = FollowUp {
        id: 42,
        person_id: Some(1),
        service_id: None,
        due_on: day,
        due_time: Some("14:30".into()),
        text: "Call Zoë Adeyemi, re: GP; urgent".into(),
        done_at: None,
        outcome: None,
        snoozed_until: None,
        about: Some("Zoë Adeyemi".into()),
        about_closed: false,
        about_deleted: false,
        owner: None,
        version: 1,
    };
    let stamp = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    // One hour ahead of UTC, like British Summer Time.
    let to_utc = |t: chrono::NaiveDateTime| Some(Utc.from_utc_datetime(&(t - Duration::hours(1))));
    let ics = caseload::io::ics::calendar(std::slice::from_ref(&r), "abc", stamp, to_utc);
    assert_eq!(ics, caseload::io::ics::calendar(&[r], "abc", stamp, to_utc));
    assert!(ics.contains("DTSTAMP:20260301T090000Z\r\n"), "{ics}");
    assert!(ics.contains("DTSTART:20260329T133000Z\r\n"), "{ics}");
    assert!(ics.contains("UID:reminder-42-abc@caseload\r\n"), "{ics}");
    assert!(
        ics.contains("pane 4 (Follow-ups)\\, for"),
        "commas escaped: {ics}"
    );
    for word in PERSONAL {
        assert!(!ics.contains(word), "{word}");
    }
    let parsed = events(&ics);
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].1, "caseload follow-up #42");
    match &parsed[0].2 {
        DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t)) => {
            assert_eq!(*t, Utc.with_ymd_and_hms(2026, 3, 29, 13, 30, 0).unwrap())
        }
        other => panic!("expected a UTC start, got {other:?}"),
    }
}

#[test]
fn config_switches_off_gone_quiet() {
    let (_dir, db, today) = fixture();
    let mut store = Store::open(&db, common::clock()).unwrap();
    let referred = today - Duration::days(40);
    let quiet = PersonInput {
        given_name: "Quiet".into(),
        family_name: "Person".into(),
        referred_on: referred.format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    store
        .people_mut()
        .add(&quiet.validate(today).unwrap())
        .unwrap();
    drop(store);
    let out = stdout(caseload(&db).arg("remind"));
    assert!(out.contains("Gone quiet"), "{out}");
    assert!(
        out.contains("Quiet Person          40 days since last contact"),
        "{out}"
    );
    let out = stdout(caseload(&db).args(["config", "list"]));
    assert!(out.contains("show_gone_quiet  on"), "{out}");
    let out = stdout(caseload(&db).args(["config", "set", "show_gone_quiet", "off"]));
    assert_eq!(out, "show_gone_quiet is now off\n");
    let out = stdout(caseload(&db).args(["config", "list"]));
    assert!(out.contains("show_gone_quiet  off"), "{out}");
    let out = stdout(caseload(&db).arg("remind"));
    assert!(!out.contains("Quiet Person"), "{out}");
    for bad in [["set", "colour", "on"], ["set", "offer_check_in", "maybe"]] {
        let out = caseload(&db).arg("config").args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
    }
}

/// Issue 24: a follow-up is marked done from the command line with what
/// happened, and the done list shows it (table, CSV and JSON).
#[test]
fn followup_done_records_an_outcome_and_list_done_shows_it() {
    let (_dir, db, _) = fixture();
    let out = stdout(caseload(&db).args([
        "follow-up",
        "done",
        "1",
        "--outcome",
        "Spoke on the phone, going to the lunch club Tuesday",
    ]));
    assert_eq!(out, "1\n");
    // No outcome is fine too.
    assert_eq!(stdout(caseload(&db).args(["followup", "done", "2"])), "2\n");
    // Done twice: a user error, nothing changed.
    let again = caseload(&db)
        .args(["followup", "done", "1", "--outcome", "x"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "{again:?}");
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already done"),
        "{again:?}"
    );
    let long = "x".repeat(501);
    let refused = caseload(&db)
        .args(["followup", "done", "4", "--outcome", &long])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");

    let store = Store::open(&db, common::clock()).unwrap();
    let one = store.follow_ups().get(1).unwrap();
    assert!(one.done_at.is_some());
    assert_eq!(
        one.outcome.as_deref(),
        Some("Spoke on the phone, going to the lunch club Tuesday")
    );
    assert_eq!(store.follow_ups().get(2).unwrap().outcome, None);
    assert_eq!(store.follow_ups().get(4).unwrap().done_at, None);
    drop(store);

    let table = stdout(caseload(&db).args(["followup", "list", "--done"]));
    assert!(table.contains("OUTCOME"), "{table}");
    assert!(table.contains("Spoke on the phone"), "{table}");
    assert!(table.contains("Done already"), "{table}");
    assert!(!table.contains("Six-week review"), "{table}");
    let open = stdout(caseload(&db).args(["followup", "list"]));
    assert!(
        open.contains("Six-week review") && !open.contains("Done already"),
        "{open}"
    );
    let csv = stdout(caseload(&db).args(["followup", "list", "--done", "--format", "csv"]));
    assert!(
        csv.starts_with("id,due_on,done_at,person_id,about,text,outcome\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\"Spoke on the phone, going to the lunch club Tuesday\""),
        "{csv}"
    );
    let json = stdout(caseload(&db).args([
        "followup", "list", "--done", "--person", "1", "--format", "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let outcomes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["outcome"].as_str())
        .collect();
    assert_eq!(
        outcomes,
        ["Spoke on the phone, going to the lunch club Tuesday"],
        "{json}"
    );
}
