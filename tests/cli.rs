//! Black-box tests of the command-line contract (DESIGN.md section 3): every
//! test runs the real `caseload` binary against a database in a temp dir.

use crate::common;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{CSV_HEADER, Sandbox, list_people, parse_people_csv, with_suffix};
use serde_json::Value;

/// Adds a person with `caseload person add` and returns the printed id.
#[track_caller]
fn add(sb: &Sandbox, db: &Path, given: &str, family: &str, extra: &[&str]) -> i64 {
    let mut args = vec!["person", "add", "--given", given, "--family", family];
    args.extend_from_slice(extra);
    let out = sb.run_db(db, &args);
    let text = out.ok();
    assert!(
        out.stderr.is_empty(),
        "a successful add prints nothing on stderr: {:?}",
        out.stderr
    );
    assert_eq!(
        text.lines().count(),
        1,
        "add prints only the new id: {text:?}"
    );
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("add should print the new id, got {text:?}"))
}

/// Writes a demo database and returns its path.
#[track_caller]
fn demo(sb: &Sandbox, name: &str, extra: &[&str]) -> std::path::PathBuf {
    let path = sb.path(name);
    let mut args = vec!["demo", "--out", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    sb.run(&args).ok();
    assert!(path.is_file(), "demo should write {}", path.display());
    path
}

/// How many people the hand-written demo data has (before any generated ones).
fn hand_written_people(sb: &Sandbox) -> usize {
    let db = demo(sb, "baseline.db", &[]);
    let n = list_people(sb, &db).len();
    fs::remove_file(&db).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(with_suffix(&db, suffix));
    }
    n
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("invalid JSON ({e}): {text}"))
}

fn today() -> String {
    common::today().format("%Y-%m-%d").to_string()
}

/// Deterministic "random" bytes that do not start like SQLite.
fn noise(len: usize) -> Vec<u8> {
    let mut bytes = common::damage::noise(len, 0x5EED);
    bytes[0] = 0xFF;
    bytes
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn user_version(path: &Path) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

// ---------------------------------------------------------------- demo

#[test]
fn demo_scales_to_the_requested_number_of_people() {
    let sb = Sandbox::new();
    let db = demo(
        &sb,
        "demo.db",
        &["--people", "300", "--services", "200", "--seed", "7"],
    );
    let out = sb.run_db(&db, &["person", "list", "--format", "csv"]);
    let text = out.ok();
    assert!(text.starts_with(&CSV_HEADER.join(",")));
    let people = parse_people_csv(text);
    assert_eq!(people.len(), 300, "exactly 300 data rows");

    let ids: HashSet<i64> = people.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 300, "ids are unique");
    for p in &people {
        assert!(
            !p.given_name.is_empty() && !p.family_name.is_empty(),
            "{p:?}"
        );
        assert!(
            ["referred", "active", "paused", "closed", "declined"].contains(&p.status.as_str()),
            "{p:?}"
        );
        assert!(["yes", "no"].contains(&p.risk.as_str()), "{p:?}");
    }

    // JSON lists the same people in the same order.
    let list = json(sb.run_db(&db, &["person", "list", "--format", "json"]).ok());
    let json_ids: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    let csv_ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    assert_eq!(json_ids, csv_ids);

    // The database is healthy and has the services that were asked for.
    let check = sb.run_db(&db, &["check"]);
    let line = check.ok();
    assert!(line.starts_with("ok: schema "), "{line}");
    assert!(line.contains("300 people"), "{line}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let services: i64 = conn
        .query_row("SELECT count(*) FROM service", [], |r| r.get(0))
        .unwrap();
    assert_eq!(services, 200, "exactly 200 services");
}

#[test]
fn demo_people_are_sorted_by_family_then_given_name() {
    let sb = Sandbox::new();
    let n = (hand_written_people(&sb) + 40).to_string();
    let db = demo(&sb, "demo.db", &["--people", &n, "--seed", "3"]);
    let people = list_people(&sb, &db);
    assert_eq!(people.len().to_string(), n);
    // SQLite's default (binary) collation: compare as bytes.
    let keys: Vec<(&[u8], &[u8], i64)> = people
        .iter()
        .map(|p| (p.family_name.as_bytes(), p.given_name.as_bytes(), p.id))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "list is sorted by family, given name, id");
}

#[test]
fn demo_is_deterministic_for_a_seed() {
    let sb = Sandbox::new();
    let args = ["--people", "300", "--services", "200", "--seed", "7"];
    // The generator dates records relative to today, which CASELOAD_NOW pins.
    let a = demo(&sb, "a.db", &args);
    let b = demo(&sb, "b.db", &args);
    let c = demo(
        &sb,
        "c.db",
        &["--people", "300", "--services", "200", "--seed", "8"],
    );
    let list = |db: &std::path::Path| {
        sb.run_db(db, &["person", "list", "--format", "csv"])
            .ok()
            .to_string()
    };
    let (csv_a, csv_b, csv_c) = (list(&a), list(&b), list(&c));
    assert_eq!(parse_people_csv(&csv_a).len(), 300);
    assert!(csv_a == csv_b, "the same seed must give identical output");
    assert_ne!(
        csv_a, csv_c,
        "a different seed should give different people"
    );
}

#[test]
fn demo_refuses_to_overwrite_without_force() {
    let sb = Sandbox::new();
    let path = sb.path("existing.db");
    fs::write(&path, b"precious\n").unwrap();

    let out = sb.run(["demo", "--out", path.to_str().unwrap(), "--people", "5"]);
    let line = out.fails(1);
    assert!(
        line.contains("--force"),
        "the error says what to do: {line}"
    );
    assert_eq!(fs::read(&path).unwrap(), b"precious\n", "file untouched");

    let n = hand_written_people(&sb) + 12;
    sb.run([
        "demo",
        "--out",
        path.to_str().unwrap(),
        "--people",
        &n.to_string(),
        "--force",
    ])
    .ok();
    assert_eq!(
        list_people(&sb, &path).len(),
        n,
        "--force replaces the file"
    );
}

#[test]
fn demo_force_replaces_an_existing_demo_database() {
    let sb = Sandbox::new();
    let base = hand_written_people(&sb);
    let (big, small) = (base + 40, base + 15);
    let db = demo(&sb, "demo.db", &["--people", &big.to_string()]);
    assert_eq!(list_people(&sb, &db).len(), big);
    demo(&sb, "demo.db", &["--people", &small.to_string(), "--force"]);
    assert_eq!(
        list_people(&sb, &db).len(),
        small,
        "--force starts from scratch rather than adding to the old data"
    );
}

#[test]
fn demo_creates_a_private_file() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.path("nested/dir")).unwrap();
    let db = demo(&sb, "nested/dir/demo.db", &["--people", "3"]);
    assert_eq!(mode(&db), 0o600);
}

// ---------------------------------------------------------------- person list

#[test]
fn list_status_filter_selects_matching_people() {
    let sb = Sandbox::new();
    let db = demo(&sb, "demo.db", &["--people", "300", "--seed", "7"]);
    let all = list_people(&sb, &db);
    assert_eq!(all.len(), 300);

    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for status in ["referred", "active", "paused", "closed", "declined"] {
        let out = sb.run_db(
            &db,
            &["person", "list", "--status", status, "--format", "csv"],
        );
        let rows = parse_people_csv(out.ok());
        assert!(
            rows.iter().all(|p| p.status == status),
            "--status {status} returned other statuses"
        );
        let expected = all.iter().filter(|p| p.status == status).count();
        assert_eq!(rows.len(), expected, "--status {status} misses people");
        assert!(expected > 0, "300 generated people include some {status}");
        by_status.insert(status.into(), rows.len());
    }
    assert_eq!(by_status.values().sum::<usize>(), 300);

    let open = parse_people_csv(
        sb.run_db(
            &db,
            &["person", "list", "--status", "open", "--format", "csv"],
        )
        .ok(),
    );
    assert_eq!(
        open.len(),
        by_status["referred"] + by_status["active"] + by_status["paused"]
    );
    assert!(
        open.iter()
            .all(|p| ["referred", "active", "paused"].contains(&p.status.as_str()))
    );

    let everyone = parse_people_csv(
        sb.run_db(
            &db,
            &["person", "list", "--status", "all", "--format", "csv"],
        )
        .ok(),
    );
    assert_eq!(everyone, all, "--status all is the same as no filter");

    // Case-insensitive, as people type it.
    let active = parse_people_csv(
        sb.run_db(
            &db,
            &["person", "list", "--status", "ACTIVE", "--format", "csv"],
        )
        .ok(),
    );
    assert_eq!(active.len(), by_status["active"]);
}

#[test]
fn list_rejects_an_unknown_status() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    add(&sb, &db, "Ann", "Jones", &[]);
    for bad in ["bogus", "", "opened"] {
        let out = sb.run_db(&db, &["person", "list", "--status", bad]);
        let line = out.fails(1);
        assert!(line.contains("status"), "{line}");
    }
}

#[test]
fn list_rejects_an_unknown_format() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    sb.run_db(&db, &["person", "list", "--format", "xml"])
        .fails(1);
}

#[test]
fn list_table_shows_names_and_header() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(&sb, &db, "Grace", "Hopper", &["--source", "pharmacy"]);
    let out = sb.run_db(&db, &["person", "list"]);
    let text = out.ok();
    let header = text.lines().next().unwrap();
    for col in ["ID", "NAME", "STATUS", "SOURCE"] {
        assert!(header.contains(col), "table header has {col}: {header}");
    }
    let row = text
        .lines()
        .find(|l| l.contains("Grace Hopper"))
        .unwrap_or_else(|| panic!("table lists the person: {text}"));
    assert!(row.contains(&id.to_string()), "{row}");
    assert!(row.contains("referred"), "{row}");
    assert!(row.contains("pharmacy"), "{row}");
}

#[test]
fn list_on_an_empty_database_has_only_the_header() {
    let sb = Sandbox::new();
    let db = sb.path("empty.db");
    // A writing command makes the database; listing alone would not.
    sb.run_db(&db, &["config", "set", "show_gone_quiet", "on"])
        .ok();
    let out = sb.run_db(&db, &["person", "list", "--format", "csv"]);
    assert_eq!(parse_people_csv(out.ok()), vec![]);
    let out = sb.run_db(&db, &["person", "list", "--format", "json"]);
    assert_eq!(json(out.ok()), serde_json::json!([]));
}

// ---------------------------------------------------------------- person add

#[test]
fn add_then_list_round_trips_unicode_through_csv_and_json() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let given = "美咲 🌸";
    let family = "Ó Súilleabháin-陈";
    let reason = "Lonely, \"low\" mood;\nneeds a walk";
    let id = add(
        &sb,
        &db,
        given,
        family,
        &["--source", "self-referral", "--reason", reason],
    );
    let other = add(&sb, &db, "Zed", "Aaronson", &[]);
    assert_ne!(id, other, "each person gets a new id");

    let people = list_people(&sb, &db);
    assert_eq!(people.len(), 2);
    let p = people.iter().find(|p| p.id == id).expect("listed by id");
    assert_eq!(p.given_name, given);
    assert_eq!(p.family_name, family);
    assert_eq!(p.preferred_name, "");
    assert_eq!(p.status, "referred");
    assert_eq!(p.referral_source, "self-referral");
    assert_eq!(
        p.referral_reason, reason,
        "commas, quotes, newlines survive CSV"
    );
    assert_eq!(p.referred_on, today(), "a new referral is dated today");
    assert_eq!(p.next_follow_up, "");
    assert_eq!(p.risk, "no");

    let out = sb.run_db(&db, &["person", "list", "--format", "json"]);
    let list = json(out.ok());
    let rows = list.as_array().expect("a JSON array");
    assert_eq!(rows.len(), 2);
    let row = rows
        .iter()
        .find(|r| r["id"] == id)
        .expect("person in JSON list");
    assert_eq!(row["given_name"], given);
    assert_eq!(row["family_name"], family);
    assert_eq!(row["status"], "referred");
    assert_eq!(row["referral_source"], "self-referral");
    assert_eq!(row["referral_reason"], reason);
    assert_eq!(row["referred_on"], today());

    let out = sb.run_db(
        &db,
        &["person", "show", &id.to_string(), "--format", "json"],
    );
    let shown = json(out.ok());
    assert_eq!(shown["person"]["id"], id);
    assert_eq!(shown["person"]["given_name"], given);
    assert_eq!(shown["person"]["family_name"], family);

    let out = sb.run_db(&db, &["person", "show", &id.to_string()]);
    let text = out.ok();
    assert!(text.contains(&format!("{given} {family}")), "{text}");
}

#[test]
fn add_trims_names_and_defaults_the_source() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(&sb, &db, "  Ada ", " Lovelace  ", &[]);
    let people = list_people(&sb, &db);
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].id, id);
    assert_eq!(people[0].given_name, "Ada");
    assert_eq!(people[0].family_name, "Lovelace");
    assert_eq!(people[0].referral_source, "other");
}

#[test]
fn add_stores_nhs_number_digits_and_show_formats_3_3_4() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(
        &sb,
        &db,
        "Mary",
        "Seacole",
        &["--nhs-number", "943 476 5919", "--dob", "23/11/1955"],
    );

    let out = sb.run_db(
        &db,
        &["person", "show", &id.to_string(), "--format", "json"],
    );
    let shown = json(out.ok());
    assert_eq!(
        shown["person"]["nhs_number"], "9434765919",
        "stored as digits"
    );
    assert_eq!(
        shown["person"]["date_of_birth"], "1955-11-23",
        "UK date order"
    );
    let history = shown["status_history"].as_array().expect("history array");
    assert_eq!(history.len(), 1, "a new person has one status entry");
    assert_eq!(history[0]["status"], "referred");
    assert_eq!(shown["conversations"], serde_json::json!([]));

    let out = sb.run_db(&db, &["person", "show", &id.to_string()]);
    let text = out.ok();
    let nhs_line = text
        .lines()
        .find(|l| l.contains("NHS number"))
        .unwrap_or_else(|| panic!("show has an NHS number line: {text}"));
    assert!(nhs_line.trim_end().ends_with("943 476 5919"), "{nhs_line}");
    assert!(text.contains("1955-11-23"), "{text}");
    assert!(text.starts_with(&format!("Person {id}")), "{text}");
    assert!(text.contains("Mary Seacole"), "{text}");

    // The raw digits in the database file, so other tools can match on them.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stored: String = conn
        .query_row("SELECT nhs_number FROM person WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, "9434765919");
}

#[test]
fn add_accepts_nhs_number_with_dashes_and_check_digit_zero() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(&sb, &db, "A", "B", &["--nhs-number", "943-476-5919"]);
    let shown = json(
        sb.run_db(
            &db,
            &["person", "show", &id.to_string(), "--format", "json"],
        )
        .ok(),
    );
    assert_eq!(shown["person"]["nhs_number"], "9434765919");
    // Remainder 0 -> 11 - 0 = 11 -> check digit 0.
    add(&sb, &db, "C", "D", &["--nhs-number", "1000000060"]);
}

#[test]
fn add_rejects_bad_input_and_saves_nothing() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let keep = add(&sb, &db, "Kept", "Person", &[]);
    let before = list_people(&sb, &db);
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "--given",
                "Ann",
                "--family",
                "Lee",
                "--nhs-number",
                "9434765918",
            ],
            "NHS",
        ),
        (
            &[
                "--given",
                "Ann",
                "--family",
                "Lee",
                "--nhs-number",
                "943476591",
            ],
            "NHS",
        ),
        (
            &[
                "--given",
                "Ann",
                "--family",
                "Lee",
                "--nhs-number",
                "94347659199",
            ],
            "NHS",
        ),
        (
            &[
                "--given",
                "Ann",
                "--family",
                "Lee",
                "--nhs-number",
                "94347659x9",
            ],
            "NHS",
        ),
        // Weighted remainder 1 -> check digit 10: no number is valid.
        (
            &[
                "--given",
                "Ann",
                "--family",
                "Lee",
                "--nhs-number",
                "1000000010",
            ],
            "NHS",
        ),
        (
            &["--given", "Ann", "--family", "Lee", "--dob", "31/02/2000"],
            "date",
        ),
        (
            &["--given", "Ann", "--family", "Lee", "--dob", "2000-13-01"],
            "date",
        ),
        (
            &["--given", "Ann", "--family", "Lee", "--dob", "not a date"],
            "date",
        ),
        (
            &["--given", "Ann", "--family", "Lee", "--dob", "2999-01-01"],
            "date",
        ),
        (&["--given", "", "--family", "Lee"], "given name"),
        (&["--given", "   ", "--family", "Lee"], "given name"),
        (&["--given", "Ann", "--family", ""], "family name"),
        (&["--given", "Ann", "--family", " \t "], "family name"),
    ];
    for (args, mentions) in cases {
        let mut full = vec!["person", "add"];
        full.extend_from_slice(args);
        let out = sb.run_db(&db, &full);
        let line = out.fails(1);
        assert!(
            line.to_lowercase().contains(&mentions.to_lowercase()),
            "error for {args:?} should mention {mentions}: {line}"
        );
        assert!(line.contains("nothing saved"), "{line}");
    }
    assert_eq!(list_people(&sb, &db), before, "nothing was saved");
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].id, keep);
}

#[test]
fn add_reports_every_problem_on_one_line() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let out = sb.run_db(
        &db,
        &[
            "person",
            "add",
            "--given",
            "",
            "--family",
            "",
            "--nhs-number",
            "123",
        ],
    );
    let line = out.fails(1);
    for part in ["given name", "family name", "NHS number"] {
        assert!(line.contains(part), "{line}");
    }
    assert_eq!(list_people(&sb, &db).len(), 0);
}

#[test]
fn add_without_required_arguments_is_a_usage_error() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    sb.run_db(&db, &["person", "add", "--given", "Ann"])
        .fails(1);
    sb.run_db(&db, &["person", "add", "--family", "Lee"])
        .fails(1);
    sb.run_db(
        &db,
        &["person", "add", "--given", "A", "--family", "B", "--bogus"],
    )
    .fails(1);
    if db.exists() {
        assert_eq!(list_people(&sb, &db).len(), 0);
    }
}

// ---------------------------------------------------------------- person show

#[test]
fn show_unknown_id_is_a_user_error() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(&sb, &db, "Ann", "Lee", &[]);
    for missing in [id + 1, 0, 999_999] {
        let out = sb.run_db(&db, &["person", "show", &missing.to_string()]);
        let line = out.fails(1);
        assert!(line.contains("not found"), "{line}");
        let out = sb.run_db(
            &db,
            &["person", "show", &missing.to_string(), "--format", "json"],
        );
        out.fails(1);
    }
    sb.run_db(&db, &["person", "show", "--", "-5"]).fails(1);
    sb.run_db(&db, &["person", "show", "abc"]).fails(1);
}

#[test]
fn show_rejects_csv_format() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(&sb, &db, "Ann", "Lee", &[]);
    sb.run_db(&db, &["person", "show", &id.to_string(), "--format", "csv"])
        .fails(1);
}

// ---------------------------------------------------------------- check

#[test]
fn check_reports_ok_and_the_schema_version() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    add(&sb, &db, "Ann", "Lee", &[]);
    let out = sb.run_db(&db, &["check"]);
    let text = out.ok();
    let version = user_version(&db);
    assert!(version >= 1);
    assert!(
        text.starts_with(&format!("ok: schema {version},")),
        "check names the schema version {version}: {text}"
    );
    assert!(text.contains("1 people"), "{text}");
}

#[test]
fn check_finds_broken_references_and_exits_2() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(&sb, &db, "Ann", "Lee", &[]);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
        conn.execute(
            "INSERT INTO status_change (person_id, status, changed_on, created_at)
             VALUES (?1, 'active', '2024-01-01', '2024-01-01T00:00:00')",
            [id + 1000],
        )
        .unwrap();
    }
    let out = sb.run_db(&db, &["check"]);
    let line = out.fails(2);
    assert!(line.contains("problem"), "{line}");
    assert!(line.contains("status_change"), "names the table: {line}");
}

// ---------------------------------------------------------------- where the data lives

#[test]
fn caseload_db_environment_variable_is_used_without_db_flag() {
    let sb = Sandbox::new();
    let db = sb.path("from-env.db");
    let out = sb.run_with(
        ["person", "add", "--given", "Env", "--family", "Var"],
        |c| {
            c.env("CASELOAD_DB", &db);
        },
    );
    let id: i64 = out.ok().trim().parse().unwrap();
    assert!(db.is_file(), "$CASELOAD_DB names the database");
    let people = list_people(&sb, &db);
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].id, id);
    assert_eq!(people[0].given_name, "Env");
    assert!(
        !sb.xdg_data_home().join("caseload").exists(),
        "the default location is not used when $CASELOAD_DB is set"
    );

    let out = sb.run_with(["person", "list", "--format", "csv"], |c| {
        c.env("CASELOAD_DB", &db);
    });
    assert_eq!(parse_people_csv(out.ok()), people);
}

#[test]
fn db_flag_wins_over_the_environment_variable() {
    let sb = Sandbox::new();
    let env_db = sb.path("env.db");
    let flag_db = sb.path("flag.db");
    let out = sb.run_with(
        [
            "--db",
            flag_db.to_str().unwrap(),
            "person",
            "add",
            "--given",
            "Flag",
            "--family",
            "Wins",
        ],
        |c| {
            c.env("CASELOAD_DB", &env_db);
        },
    );
    out.ok();
    assert!(!env_db.exists(), "$CASELOAD_DB ignored when --db is given");
    assert_eq!(list_people(&sb, &flag_db).len(), 1);
}

#[test]
fn db_flag_works_after_the_subcommand_too() {
    let sb = Sandbox::new();
    let db = sb.path("late.db");
    sb.run([
        "person",
        "add",
        "--given",
        "Late",
        "--family",
        "Flag",
        "--db",
        db.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(list_people(&sb, &db).len(), 1);
}

#[test]
fn default_database_is_in_the_xdg_data_dir() {
    let sb = Sandbox::new();
    let out = sb.run(["person", "add", "--given", "Xdg", "--family", "Default"]);
    out.ok();
    let dir = sb.xdg_data_home().join("caseload");
    let db = dir.join("caseload.db");
    assert!(db.is_file(), "default database at {}", db.display());
    assert_eq!(mode(&db), 0o600, "database file is private");
    assert_eq!(mode(&dir), 0o700, "created data folder is private");

    let out = sb.run(["person", "list", "--format", "csv"]);
    let people = parse_people_csv(out.ok());
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].family_name, "Default");
    assert!(
        !sb.home().join(".local").exists(),
        "XDG_DATA_HOME is honoured instead of ~/.local/share"
    );
}

#[test]
fn default_database_falls_back_to_home_local_share() {
    let sb = Sandbox::new();
    let out = sb.run_with(["person", "add", "--given", "H", "--family", "Ome"], |c| {
        c.env_remove("XDG_DATA_HOME");
    });
    out.ok();
    let db = sb.home().join(".local/share/caseload/caseload.db");
    assert!(db.is_file(), "default database at {}", db.display());
    assert_eq!(mode(&db), 0o600);
}

#[test]
fn new_database_is_mode_0600_in_an_existing_folder_only() {
    let sb = Sandbox::new();
    // A mistyped folder is refused: nothing is created, exit 2, says what to do.
    let typo = sb.path("a/b/c/new.db");
    let line = sb
        .run_db(
            &typo,
            &["person", "add", "--given", "Ann", "--family", "Lee"],
        )
        .fails(2)
        .to_string();
    assert!(line.contains("no folder"), "{line}");
    assert!(!sb.path("a").exists(), "no folder was made");

    fs::create_dir_all(sb.path("a/b/c")).unwrap();
    let db = typo;
    add(&sb, &db, "Ann", "Lee", &[]);
    assert!(db.is_file());
    assert_eq!(mode(&db), 0o600, "new database file is private");
    for suffix in ["-wal", "-shm"] {
        let side = with_suffix(&db, suffix);
        if side.exists() {
            assert_eq!(mode(&side), 0o600, "{} is private", side.display());
        }
    }
    // Reading it creates nothing new and keeps it private.
    sb.run_db(&db, &["person", "list"]).ok();
    assert_eq!(mode(&db), 0o600);
}

#[test]
fn existing_permissions_are_not_changed() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    add(&sb, &db, "Ann", "Lee", &[]);
    fs::set_permissions(&db, fs::Permissions::from_mode(0o640)).unwrap();
    add(&sb, &db, "Bob", "Lee", &[]);
    assert_eq!(mode(&db), 0o640, "an existing file keeps its mode");
}

// ---------------------------------------------------------------- bad database files

/// Every command that opens a database refuses `path` with exit 2 and a one-line
/// error, and leaves the file byte-identical with no side files.
#[track_caller]
fn assert_refused_untouched(sb: &Sandbox, path: &Path, expect_in_message: &str) {
    assert_refused(sb, path, expect_in_message, true);
}

/// As `assert_refused_untouched`, optionally without the check for side files.
#[track_caller]
fn assert_refused(sb: &Sandbox, path: &Path, expect_in_message: &str, no_side_files: bool) {
    let before = fs::read(path).unwrap();
    let commands: &[&[&str]] = &[
        &["person", "list"],
        &["person", "list", "--format", "csv"],
        &["person", "add", "--given", "Ann", "--family", "Lee"],
        &["person", "show", "1"],
        &["check"],
    ];
    for args in commands {
        let out = sb.run_db(path, args);
        let line = out.fails(2);
        assert!(
            line.contains(expect_in_message),
            "{args:?}: error should mention {expect_in_message:?}: {line}"
        );
        assert!(
            line.contains(path.file_name().unwrap().to_str().unwrap()),
            "{args:?}: error should name the file: {line}"
        );
        assert!(
            fs::read(path).unwrap() == before,
            "{args:?} changed the contents of {}",
            path.display()
        );
        for suffix in ["-wal", "-shm", "-journal"] {
            let side = with_suffix(path, suffix);
            assert!(
                !no_side_files || !side.exists(),
                "{args:?} left {} behind",
                side.display()
            );
        }
    }
    // Also via the environment variable.
    let out = sb.run_with(["person", "list"], |c| {
        c.env("CASELOAD_DB", path);
    });
    out.fails(2);
    assert!(fs::read(path).unwrap() == before);
}

#[test]
fn text_file_is_refused_and_left_alone() {
    let sb = Sandbox::new();
    let path = sb.path("notes.txt");
    fs::write(&path, b"hello\n").unwrap();
    assert_refused_untouched(&sb, &path, "not");
    assert_eq!(fs::read(&path).unwrap(), b"hello\n");
}

#[test]
fn random_bytes_are_refused_and_left_alone() {
    let sb = Sandbox::new();
    let path = sb.path("random.bin");
    let bytes = noise(4096);
    fs::write(&path, &bytes).unwrap();
    assert_refused_untouched(&sb, &path, "not");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn short_file_is_refused_and_left_alone() {
    let sb = Sandbox::new();
    let path = sb.path("short.db");
    fs::write(&path, b"SQLite").unwrap();
    assert_refused_untouched(&sb, &path, "not");
}

/// A caseload database cut short and filled with noise: SQLite's header, no database.
fn damaged_database(sb: &Sandbox, name: &str) -> std::path::PathBuf {
    let good = sb.path("good.db");
    add(sb, &good, "Ann", "Lee", &[]);
    let mut bytes = fs::read(&good).unwrap();
    bytes.truncate(100);
    bytes.extend_from_slice(&noise(8192));
    let path = sb.path(name);
    fs::write(&path, &bytes).unwrap();
    path
}

#[test]
fn damaged_sqlite_file_is_refused_and_its_contents_left_alone() {
    let sb = Sandbox::new();
    let path = damaged_database(&sb, "damaged.db");
    assert_refused(&sb, &path, "damaged.db", false);
}

#[test]
fn damaged_sqlite_file_leaves_no_side_files() {
    let sb = Sandbox::new();
    let path = damaged_database(&sb, "damaged.db");
    assert_refused_untouched(&sb, &path, "damaged.db");
}

#[test]
fn newer_schema_is_refused_and_left_alone() {
    let sb = Sandbox::new();
    let path = sb.path("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO person (name) VALUES ('from the future');
             PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    assert_eq!(user_version(&path), 99);
    assert_refused_untouched(&sb, &path, "99");
    assert_eq!(user_version(&path), 99);
}

#[test]
fn newer_schema_in_wal_mode_is_refused_and_left_alone() {
    // What a newer caseload (which uses WAL) would leave behind after closing.
    let sb = Sandbox::new();
    let path = sb.path("future-wal.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO person (name) VALUES ('from the future');
             PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    for suffix in ["-wal", "-shm"] {
        assert!(!with_suffix(&path, suffix).exists(), "clean close");
    }
    assert_refused_untouched(&sb, &path, "99");
}

#[test]
fn directory_as_db_is_refused_and_left_alone() {
    let sb = Sandbox::new();
    let dir = sb.path("a-folder");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("inside.txt"), b"keep").unwrap();
    for args in [
        &["person", "list"][..],
        &["person", "add", "--given", "Ann", "--family", "Lee"],
        &["check"],
    ] {
        let out = sb.run_db(&dir, args);
        let line = out.fails(2);
        assert!(line.contains("a-folder"), "names the path: {line}");
    }
    let entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries, vec![std::ffi::OsString::from("inside.txt")]);
    assert_eq!(fs::read(dir.join("inside.txt")).unwrap(), b"keep");
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(!with_suffix(&dir, suffix).exists());
    }
}

#[test]
fn unwritable_location_is_a_data_error() {
    let sb = Sandbox::new();
    // A path below a regular file can never be created, even as root.
    let blocker = sb.path("plain-file");
    fs::write(&blocker, b"x").unwrap();
    let db = blocker.join("sub/c.db");
    let out = sb.run_db(&db, &["person", "list"]);
    out.fails(2);
    assert_eq!(fs::read(&blocker).unwrap(), b"x");
}

// ---------------------------------------------------------------- general CLI behaviour

/// `caseload person list --format F | head -c 100`: far more output than a pipe
/// buffer holds, so the writer must notice the reader has gone, and stop quietly.
fn assert_closed_pipe_is_quiet(format: &str) {
    use std::io::Read;
    let sb = Sandbox::new();
    let db = demo(&sb, "big.db", &["--people", "2000", "--services", "1"]);
    let mut child = sb
        .command()
        .args([
            "--db",
            db.to_str().unwrap(),
            "person",
            "list",
            "--format",
            format,
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 100];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "--format {format}: a closed pipe is not an error: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty(), "--format {format}: says nothing");
}

#[test]
fn closed_output_pipe_stops_quietly_table() {
    assert_closed_pipe_is_quiet("table");
}

#[test]
fn closed_output_pipe_stops_quietly_csv() {
    assert_closed_pipe_is_quiet("csv");
}

#[test]
fn closed_output_pipe_stops_quietly_json() {
    assert_closed_pipe_is_quiet("json");
}

#[test]
fn help_and_version_exit_zero_on_stdout() {
    let sb = Sandbox::new();
    let out = sb.run(["--help"]);
    let text = out.ok();
    for word in ["demo", "person", "check", "--db"] {
        assert!(text.contains(word), "help mentions {word}: {text}");
    }
    let out = sb.run(["--version"]);
    assert!(out.ok().contains(env!("CARGO_PKG_VERSION")));
    let out = sb.run(["person", "--help"]);
    assert!(out.ok().contains("add"));
}

#[test]
fn unknown_subcommand_is_a_one_line_usage_error() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let line = sb.run_db(&db, &["frobnicate"]).fails(1).to_string();
    assert!(line.contains("frobnicate"), "{line}");
    sb.run_db(&db, &["person", "frobnicate"]).fails(1);
    sb.run(["demo"]).fails(1); // --out is required
    sb.run([
        "demo",
        "--out",
        sb.path("x.db").to_str().unwrap(),
        "--people",
        "many",
    ])
    .fails(1);
    assert!(!sb.path("x.db").exists());
}

/// Issue 24: `person add` had no phone, address, postcode, risk or referral
/// date, so last week's referral could not be back-dated.
#[test]
fn person_add_takes_contacts_a_risk_and_an_earlier_referral_date() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = add(
        &sb,
        &db,
        "Ann",
        "Archer",
        &[
            "--preferred",
            "Annie",
            "--phone",
            "0113 496 0000",
            "--email",
            "ann@example.org",
            "--address",
            "1 High Street",
            "--postcode",
            "LS6 1AA",
            "--risk",
            "a dog",
            "--referred-on",
            "16/11/2026",
            "--consent-on",
            "17/11/2026",
        ],
    );
    let p = json(
        sb.run_db(
            &db,
            &["person", "show", &id.to_string(), "--format", "json"],
        )
        .ok(),
    );
    let d = &p["person"];
    assert_eq!(d["preferred_name"], "Annie", "{p}");
    assert_eq!(d["phone"], "0113 496 0000", "{p}");
    assert_eq!(d["email"], "ann@example.org", "{p}");
    assert_eq!(d["address"], "1 High Street", "{p}");
    assert_eq!(d["postcode"], "LS6 1AA", "{p}");
    assert_eq!(d["risk_note"], "a dog", "{p}");
    assert_eq!(d["referred_on"], "2026-11-16", "{p}");
    assert_eq!(d["consent_recorded_on"], "2026-11-17", "{p}");
    // The status history starts on the referral day, not today.
    let text = sb
        .run_db(&db, &["person", "show", &id.to_string()])
        .ok()
        .to_string();
    assert!(text.contains("2026-11-16 referred"), "{text}");
    assert!(text.contains("Postcode         LS6 1AA"), "{text}");
    // A bad date is refused, naming it, and nothing is saved.
    let bad = sb.run_db(
        &db,
        &[
            "person",
            "add",
            "--given",
            "Bo",
            "--family",
            "B",
            "--referred-on",
            "31/02/2026",
        ],
    );
    assert!(
        bad.fails(1).contains("no day 31 in February 2026"),
        "{}",
        bad.stderr
    );
}
