//! `caseload audit` (issue 12, part 4): the audit trail read as a process.

use crate::common;

use common::Sandbox;

fn add_person(sb: &Sandbox, db: &std::path::Path, given: &str) -> String {
    let id = sb
        .run_db(
            db,
            &["person", "add", "--given", given, "--family", "Audited"],
        )
        .ok()
        .trim()
        .to_string();
    sb.run_db(
        db,
        &[
            "note",
            "add",
            &id,
            "--text",
            &format!("secret about {given}"),
        ],
    )
    .ok();
    id
}

#[test]
fn audit_lists_who_did_what_by_id_and_filters_by_person() {
    let sb = Sandbox::new();
    let db = sb.path("audit.db");
    let ann = add_person(&sb, &db, "Annabelle");
    let bob = add_person(&sb, &db, "Bartholomew");

    let csv = sb
        .run_db(&db, &["audit", "--format", "csv"])
        .ok()
        .to_string();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "at,actor,action,entity,entity_id,entity_key,reason,actor_name"
    );
    assert_eq!(lines.len(), 5, "two people and two notes:\n{csv}");
    assert!(lines[1].starts_with(&format!("{},", common::NOW)), "{csv}");
    assert!(
        lines[1].ends_with(&format!(",add,person,{ann},,,")),
        "{csv}"
    );
    // No personal data: names and note text never reach the audit.
    for secret in ["Annabelle", "Bartholomew", "Audited", "secret"] {
        assert!(!csv.contains(secret), "{secret} in\n{csv}");
    }

    let mine = sb
        .run_db(&db, &["audit", "--person", &bob, "--format", "csv"])
        .ok()
        .to_string();
    let rows: Vec<&str> = mine.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{mine}");
    assert!(
        rows[0].ends_with(&format!(",add,person,{bob},,,")),
        "{mine}"
    );
    assert!(rows[1].contains(",add,conversation,"), "{mine}");

    let json = sb
        .run_db(&db, &["audit", "--format", "json"])
        .ok()
        .to_string();
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(parsed.as_array().map(Vec::len), Some(4));
    assert_eq!(parsed[0]["entity"], "person");
}

#[test]
fn since_narrows_by_day_and_a_bad_day_is_a_clear_error() {
    let sb = Sandbox::new();
    let db = sb.path("audit.db");
    add_person(&sb, &db, "Cass");
    let today = sb.run_db(&db, &["audit", "--since", "today", "--format", "csv"]);
    assert_eq!(today.ok().lines().count(), 3);
    let tomorrow = common::today().succ_opt().unwrap().to_string();
    let line = sb
        .run_db(&db, &["audit", "--since", &tomorrow])
        .fails(1)
        .to_string();
    assert!(
        line.contains("--since") && line.contains("future"),
        "{line}"
    );
    let line = sb
        .run_db(&db, &["audit", "--since", "31/02/2026"])
        .fails(1)
        .to_string();
    assert!(line.contains("--since"), "{line}");
    // Reading the audit never creates a database.
    let missing = sb.path("missing.db");
    sb.run_db(&missing, &["audit"]).fails(2);
    assert!(!missing.exists());
}

fn with_config(sb: &Sandbox, db: &std::path::Path, config: &str, args: &[&str]) -> common::Out {
    let file = sb.path("config.toml");
    std::fs::write(&file, config).unwrap();
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend(args);
    sb.run_with(all, |c| {
        c.env("CASELOAD_CONFIG", &file);
    })
}

#[test]
fn the_display_name_from_config_is_written_beside_the_login() {
    let sb = Sandbox::new();
    let db = sb.path("audit.db");
    add_person(&sb, &db, "Dora"); // no config: no name
    let named = "[settings]\ndisplay_name = \"Sam Patel\"\n";
    with_config(
        &sb,
        &db,
        named,
        &["person", "add", "--given", "Eve", "--family", "Named"],
    )
    .ok();
    let csv = with_config(&sb, &db, named, &["audit", "--format", "csv"])
        .ok()
        .to_string();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",reason,actor_name"), "{csv}");
    assert!(
        lines[1].ends_with(",,,"),
        "no name before it was set: {csv}"
    );
    assert!(lines[3].ends_with(",add,person,2,,,Sam Patel"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(sb.run_db(&db, &["audit", "--format", "json"]).ok()).unwrap();
    assert_eq!(json[2]["actor_name"], "Sam Patel");
    assert_eq!(json[0]["actor_name"], serde_json::Value::Null);
    let table = sb.run_db(&db, &["audit"]).ok().to_string();
    assert!(
        table.contains("NAME") && table.contains("Sam Patel"),
        "{table}"
    );
}

#[test]
fn reads_are_audited_only_when_config_asks() {
    let sb = Sandbox::new();
    let db = sb.path("audit.db");
    let id = add_person(&sb, &db, "Fern");
    let reads = |sb: &Sandbox| {
        let csv = sb
            .run_db(&db, &["audit", "--format", "csv"])
            .ok()
            .to_string();
        csv.lines()
            .filter(|l| l.contains(",read,person,"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    // Off by default: showing and exporting write nothing.
    sb.run_db(&db, &["person", "show", &id]).ok();
    sb.run_db(&db, &["person", "export", &id]).ok();
    assert!(reads(&sb).is_empty());
    let on = "[settings]\naudit_reads = true\n";
    with_config(&sb, &db, on, &["person", "show", &id]).ok();
    with_config(&sb, &db, on, &["person", "export", &id, "--format", "text"]).ok();
    let rows = reads(&sb);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].ends_with(&format!(",read,person,{id},,,")),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|r| r.contains("Fern")), "{rows:?}");
    // An unknown id is an error and leaves no row; a missing file is not created.
    with_config(&sb, &db, on, &["person", "show", "999"]).fails(1);
    assert_eq!(reads(&sb).len(), 2);
    let missing = sb.path("missing.db");
    with_config(&sb, &missing, on, &["person", "show", "1"]).fails(2);
    assert!(!missing.exists());
}
