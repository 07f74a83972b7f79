//! `caseload person export` (issue 12, part 1): a subject access export holds
//! every row about the person, found from the schema, and nobody else's.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Sandbox;
use serde_json::Value;

fn demo(sb: &Sandbox) -> std::path::PathBuf {
    let db = sb.path("sar.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    db
}

fn export(sb: &Sandbox, db: &std::path::Path, id: i64) -> Value {
    let text = sb
        .run_db(db, &["person", "export", &id.to_string()])
        .ok()
        .to_string();
    serde_json::from_str(&text).expect("export is JSON")
}

fn count(conn: &rusqlite::Connection, sql: &str, id: i64) -> usize {
    conn.query_row(sql, [id], |r| r.get::<_, i64>(0)).unwrap() as usize
}

/// Enumerated from the schema, independently of the export's own search:
/// every table with a `person_id` column.
fn tables_with_person_id(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND c.name = 'person_id' ORDER BY m.name",
        )
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn every_table_that_names_a_person_is_exported_in_full_and_no_one_else() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let conn = common::open_read_only(&db);
    let tables = tables_with_person_id(&conn);
    assert!(tables.len() >= 7, "{tables:?}");
    for id in [1, 3, 12] {
        let json = export(&sb, &db, id);
        let got = &json["tables"];
        assert_eq!(got["person"].as_array().unwrap().len(), 1);
        assert_eq!(got["person"][0]["id"], id);
        for table in &tables {
            let rows = got[table.as_str()]
                .as_array()
                .unwrap_or_else(|| panic!("{table} is missing from the export"));
            let expected = count(
                &conn,
                &format!("SELECT count(*) FROM {table} WHERE person_id = ?1"),
                id,
            );
            assert_eq!(rows.len(), expected, "{table} for person {id}");
            assert!(rows.iter().all(|r| r["person_id"] == id), "{table}");
        }
        // One step further: the history of the person's connections.
        let history = count(
            &conn,
            "SELECT count(*) FROM connection_history h JOIN connection c
             ON c.id = h.connection_id WHERE c.person_id = ?1",
            id,
        );
        assert_eq!(got["connection_history"].as_array().unwrap().len(), history);
    }
}

/// The test the issue asks for: a table added later that refers to a person
/// (directly, or through a row of theirs) is exported with no code change.
#[test]
fn a_table_added_later_is_exported_too() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE benefit_claim (id INTEGER PRIMARY KEY,
                 person_id INTEGER REFERENCES person (id), detail TEXT);
             CREATE TABLE claim_step (id INTEGER PRIMARY KEY,
                 claim_id INTEGER REFERENCES benefit_claim (id), detail TEXT);
             INSERT INTO benefit_claim VALUES (1, 3, 'MARKER-CLAIM-3'), (2, 4, 'OTHER');
             INSERT INTO claim_step VALUES (1, 1, 'MARKER-STEP-3'), (2, 2, 'OTHER');",
        )
        .unwrap();
    }
    let json = export(&sb, &db, 3);
    assert_eq!(
        json["tables"]["benefit_claim"][0]["detail"],
        "MARKER-CLAIM-3"
    );
    assert_eq!(json["tables"]["claim_step"][0]["detail"], "MARKER-STEP-3");
    assert_eq!(json["tables"]["claim_step"].as_array().unwrap().len(), 1);
    assert!(!json.to_string().contains("OTHER"));
}

#[test]
fn an_export_file_is_private_and_not_overwritten_by_accident() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let file = sb.path("person-3.json");
    let out = sb.run_db(
        &db,
        &["person", "export", "3", "--out", file.to_str().unwrap()],
    );
    assert!(out.ok().contains("person 3"), "{}", out.stdout);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json["person_id"], 3);

    std::fs::write(&file, "keep me").unwrap();
    let line = sb
        .run_db(
            &db,
            &["person", "export", "3", "--out", file.to_str().unwrap()],
        )
        .fails(1)
        .to_string();
    assert!(line.contains("--force"), "{line}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");

    let line = sb
        .run_db(&db, &["person", "export", "9999"])
        .fails(1)
        .to_string();
    assert!(
        line.contains("9999") && line.contains("not found"),
        "{line}"
    );
}

#[test]
fn the_export_holds_the_audit_rows_about_the_person() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    sb.run_db(&db, &["note", "add", "3", "--text", "rang back"])
        .ok();
    let json = export(&sb, &db, 3);
    let audit = json["audit"].as_array().unwrap();
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0]["entity"], "conversation");
    assert_eq!(audit[0]["action"], "add");
}
