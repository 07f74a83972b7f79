//! Issue 20, "Done when": a property test writes every export (the letter,
//! subject access as text and JSON, the .ics calendar, the directory as CSV
//! and ORUK JSON, the report CSV) from records full of control characters,
//! formula starts and bidi overrides, and finds no raw control byte (but
//! line ends and tabs) and no formula cell. (NUL is refused wherever text
//! comes in, so it is not among them.) In process, through the same
//! `cli::run` the binary calls; 32 cases, so CI stays quick.

use crate::common;

use std::path::Path;

use caseload::cli::{self, Cli};
use caseload::config::Config;
use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::person::PersonInput;
use caseload::domain::service::{ConnectionStatus, Service};
use caseload::store::Store;
use clap::Parser;
use proptest::prelude::*;
use proptest::test_runner::{Config as Cases, TestRunner};

/// Pieces that run in a terminal, reorder text or start a formula, and
/// ordinary text around them.
const PIECES: [&str; 26] = [
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{1b}[2J",
    "\u{1b}]0;title\u{1b}\\",
    "\u{9b}31m",
    "\u{85}",
    "\u{1}",
    "\u{7f}",
    "\u{8}",
    "\u{202E}",
    "\u{202A}",
    "\u{2066}",
    "\u{2069}",
    "=",
    "+",
    "-",
    "@",
    "=cmd|' /C calc'!A0",
    "\"",
    ",",
    "'",
    ";",
    "\\",
    " ",
    "Ann",
    "李小龍",
    "😀",
];

/// Text of 1 to 8 pieces; `lines` adds line ends and tabs to the pieces.
fn hostile(lines: bool) -> impl Strategy<Value = String> {
    let mut pieces: Vec<&'static str> = PIECES.to_vec();
    if lines {
        pieces.extend(["\n", "\r\n", "\t", "\u{2028}"]);
    }
    prop::collection::vec(prop::sample::select(pieces), 1..8).prop_map(|v| v.concat())
}

/// One person's record, every free-text field hostile.
#[derive(Debug, Clone)]
struct Record {
    given: String,
    family: String,
    source: String,
    reason: String,
    note: String,
    goal: String,
    follow_up: String,
    service: String,
    description: String,
}

fn record() -> impl Strategy<Value = Record> {
    (
        (hostile(false), hostile(false), hostile(false)),
        (hostile(true), hostile(true), hostile(true), hostile(true)),
        (hostile(false), hostile(true)),
    )
        .prop_map(
            |((given, family, source), (reason, note, goal, follow_up), (service, description))| {
                Record {
                    given,
                    family,
                    source,
                    reason,
                    note,
                    goal,
                    follow_up,
                    service,
                    description,
                }
            },
        )
}

/// `r` in a new store at `db`; the person's id. A name the person form
/// would refuse (blank once the controls are gone) gets a plain one in
/// front, so every case still writes hostile text.
fn store_record(db: &Path, r: &Record) -> i64 {
    let mut store = Store::open(db, common::clock()).expect("open store");
    let mut input = PersonInput {
        given_name: r.given.clone(),
        family_name: r.family.clone(),
        referral_source: r.source.clone(),
        referral_reason: r.reason.clone(),
        ..Default::default()
    };
    let person = input.validate(common::today()).unwrap_or_else(|_| {
        input.given_name = format!("Ann{}", r.given);
        input.family_name = format!("Test{}", r.family);
        input.referral_source = format!("GP{}", r.source);
        input
            .validate(common::today())
            .expect("a plain name in front is valid")
    });
    let id = store.people_mut().add(&person).expect("add person");
    let note = NewNote {
        person_id: id,
        kind: ConversationKind::WhatMatters,
        occurred_at: common::now(),
        body: format!("Met{}", r.note),
        amends: None,
    };
    store.notes_mut().add(&note).expect("add note");
    store
        .goals_mut()
        .add(id, &format!("Goal{}", r.goal), common::today())
        .expect("add goal");
    // Stored as it is, past the import's own cleaning: an older version's
    // entry, or one written by another tool.
    let service = Service {
        name: format!("Lunch{}", r.service),
        organisation: Some(r.service.clone()),
        description: Some(r.description.clone()),
        active: true,
        ..Default::default()
    };
    let service = store.directory_mut().create(&service).expect("add service");
    store
        .connections_mut()
        .add(
            id,
            service,
            ConnectionStatus::Referred,
            common::today(),
            Some(&r.note),
        )
        .expect("connect");
    store
        .follow_ups_mut()
        .add(
            Some(id),
            None,
            common::today(),
            None,
            &format!("Ring{}", r.follow_up),
        )
        .expect("add follow-up");
    id
}

/// `caseload --db DB ARGS...` in process; what it wrote to standard output.
fn run(db: &Path, args: &[&str]) -> String {
    let argv = ["caseload", "--db", db.to_str().expect("UTF-8 path")]
        .into_iter()
        .chain(args.iter().copied());
    let cli = Cli::try_parse_from(argv).expect("arguments parse");
    let command = cli.command.as_ref().expect("a command");
    let mut out = Vec::new();
    cli::run(
        &cli,
        command,
        &common::clock(),
        &Config::default(),
        &mut out,
    )
    .unwrap_or_else(|e| panic!("{args:?}: {}", e.message()));
    String::from_utf8(out).expect("UTF-8 output")
}

/// Controls (but line ends and tabs) and bidi overrides or isolates.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !matches!(c, '\n' | '\t' | '\r'))
        .filter(|c| c.is_control() || caseload::domain::text::is_bidi_control(*c))
        .collect()
}

/// Whether `v` holds the string `s` (ends trimmed) anywhere.
fn holds(v: &serde_json::Value, s: &str) -> bool {
    match v {
        serde_json::Value::String(t) => t.trim() == s.trim(),
        serde_json::Value::Array(a) => a.iter().any(|v| holds(v, s)),
        serde_json::Value::Object(o) => o.values().any(|v| holds(v, s)),
        _ => false,
    }
}

fn formula_cells(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .flat_map(|r| {
            r.expect("the file is CSV")
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|cell| cell.starts_with(['=', '+', '-', '@']))
        .collect()
}

fn every_export(dir: &Path, r: &Record) -> Result<(), TestCaseError> {
    let db = dir.join("p.db");
    let id = store_record(&db, r).to_string();
    let file = |name: &str| dir.join(name).to_str().expect("UTF-8").to_string();
    let writes: [(&str, Vec<String>); 6] = [
        (
            "letter.txt",
            vec!["person".into(), "letter".into(), id.clone()],
        ),
        (
            "copy.txt",
            vec![
                "person".into(),
                "export".into(),
                id.clone(),
                "--format".into(),
                "text".into(),
            ],
        ),
        (
            "copy.json",
            vec![
                "person".into(),
                "export".into(),
                id.clone(),
                "--format".into(),
                "json".into(),
            ],
        ),
        ("follow-ups.ics", vec!["calendar".into()]),
        ("directory.csv", vec!["directory".into(), "export".into()]),
        (
            "directory.json",
            vec![
                "directory".into(),
                "export".into(),
                "--format".into(),
                "oruk".into(),
            ],
        ),
    ];
    let mut files = Vec::new();
    for (name, mut args) in writes {
        args.extend(["--out".into(), file(name)]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&db, &args);
        files.push((
            name,
            std::fs::read_to_string(dir.join(name)).expect("written"),
        ));
    }
    files.push(("report.csv", run(&db, &["report", "--format", "csv"])));
    for (name, text) in &files {
        let raw = raw_controls(text);
        prop_assert!(raw.is_empty(), "{} holds {:?}", name, raw);
        if name.ends_with(".csv") {
            let cells = formula_cells(text);
            prop_assert!(cells.is_empty(), "{} has formula cells {:?}", name, cells);
        }
        if name.ends_with(".json") {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(text);
            prop_assert!(parsed.is_ok(), "{} is not JSON", name);
        }
    }
    // The JSON files are escaped, not cleaned: a parser reads the exact text.
    let copy: serde_json::Value =
        serde_json::from_str(&files[2].1).expect("subject access is JSON");
    prop_assert!(
        holds(&copy, &format!("Goal{}", r.goal)),
        "the goal as stored"
    );
    Ok(())
}

#[test]
fn every_export_of_hostile_records_holds_no_raw_control_and_no_formula_cell() {
    let mut runner = TestRunner::new(Cases {
        cases: 32,
        failure_persistence: None,
        ..Cases::default()
    });
    runner
        .run(&record(), |r| {
            let dir = tempfile::tempdir().expect("temp dir");
            every_export(dir.path(), &r)
        })
        .unwrap();
}
