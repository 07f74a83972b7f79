//! `caseload person export` (issue 12, part 1): a subject access export holds
//! every row about the person, found from the schema, and nobody else's.

use crate::common;

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
    names(
        conn,
        "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND c.name = 'person_id' ORDER BY m.name",
    )
}

/// The first column of every row `sql` returns.
fn names(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
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

/// The text columns of every table that holds rows about a person, except
/// codes (statuses, kinds: shown in words), dates (written out), scores and
/// the NHS number (checked digits): each must reach the text export as it is.
fn free_text_columns(conn: &rusqlite::Connection) -> Vec<(String, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND c.type LIKE '%TEXT%'
               AND (m.name IN ('person', 'connection_history')
                    OR EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'person_id'))
               AND c.name NOT IN ('status', 'kind', 'instrument', 'items', 'nhs_number',
                                  'date_of_birth', 'due_time', 'snoozed_until', 'purpose',
                                  'uid')
               AND c.name NOT LIKE '%\\_on' ESCAPE '\\' AND c.name NOT LIKE '%\\_at' ESCAPE '\\'
             ORDER BY m.name, c.name",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Every column name of every table, for "no column names in the text".
fn column_names(conn: &rusqlite::Connection) -> Vec<String> {
    names(
        conn,
        "SELECT DISTINCT c.name FROM sqlite_schema m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND c.name LIKE '%\\_%' ESCAPE '\\'",
    )
}

#[test]
fn the_text_export_holds_every_note_goal_and_step_in_words_without_ids() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    {
        // A correction, a draft and a follow-up, so no section is empty.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "INSERT INTO conversation (person_id, occurred_at, kind, body, author, amends, amend_reason, created_at)
                 SELECT 3, occurred_at, kind, 'corrected text', 'worker', id, 'wrong day', '2026-11-22T09:00:00'
                 FROM conversation WHERE person_id = 3 ORDER BY id LIMIT 1;
             INSERT INTO draft (person_id, kind, occurred_at, body, updated_at)
                 VALUES (3, 'phone', '2026-11-23T09:00:00', 'half a note', '2026-11-23T09:05:00');
             INSERT INTO reminder (person_id, due_on, text, created_at)
                 VALUES (3, '2026-12-01', 'ring about the walk', '2026-11-23T09:00:00');
             INSERT INTO form_draft (worker, purpose, person_id, fields, updated_at)
                 VALUES ('asha', 'person:3', 3, '[[\"note\",\"half a form\"]]', '2026-11-23T09:06:00');
             INSERT INTO handover (person_id, from_worker, to_worker, note, handed_on, created_at)
                 VALUES (3, 'asha', 'ben', 'prefers mornings', '2026-11-20', '2026-11-20T09:00:00');
             INSERT INTO connection_history (connection_id, status, status_on, note, created_at)
                 SELECT id, 'attended', '2026-11-01', 'went along', '2026-11-01T09:00:00'
                 FROM connection WHERE person_id = 3;
             INSERT INTO sync_conflict (person_id, tbl, uid, field, kept, lost, lost_by, recorded_at)
                 SELECT 3, 'person', uid, 'phone', '07700 900001', '07700 900002', 'laptop (w)',
                        '2026-11-22T09:00:00' FROM person WHERE id = 3;",
        )
        .unwrap();
        // A marker of its own in every free-text field of every row about person 3.
        let columns = free_text_columns(&conn);
        assert!(columns.len() >= 15, "{columns:?}");
        for (n, (table, column)) in columns.iter().enumerate() {
            let rows = match table.as_str() {
                "person" => "id = 3".to_string(),
                "connection_history" => {
                    "connection_id IN (SELECT id FROM connection WHERE person_id = 3)".to_string()
                }
                _ => "person_id = 3".to_string(),
            };
            conn.execute(
                &format!(
                    "UPDATE {table} SET {column} = coalesce({column}, '') || ' QZM{n}Q' WHERE {rows}"
                ),
                [],
            )
            .unwrap();
        }
    }
    let conn = common::open_read_only(&db);
    let columns = free_text_columns(&conn);
    let text = sb
        .run_db(&db, &["person", "export", "3", "--format", "text"])
        .ok()
        .to_string();
    for (n, (table, column)) in columns.iter().enumerate() {
        assert!(
            text.contains(&format!("QZM{n}Q")),
            "{table}.{column} is missing from the text export:\n{text}"
        );
    }
    for h in [
        "Your record",
        "Status history",
        "Conversations",
        "Drafts",
        "Forms not yet saved",
        "Goals",
        "Wellbeing measures",
        "Services you were connected to",
        "Follow-ups",
        "Who accessed or changed your record",
    ] {
        assert!(
            text.contains(&format!("\n{h}\n")),
            "no heading {h}:\n{text}"
        );
    }
    // The earlier version and why it was replaced; dates in words.
    assert!(text.contains("because: wrong day"), "{text}");
    assert!(text.contains("1 Dec 2026"), "{text}");
    assert!(text.contains("22 Nov 2026 at 09:00"), "{text}");
    // No ids, no column names, no ISO dates.
    assert!(
        !text.contains("person_id") && !text.contains("_id"),
        "{text}"
    );
    for name in column_names(&conn) {
        assert!(!text.contains(&name), "column name {name} in:\n{text}");
    }
    let iso = regex_lite_iso(&text);
    assert!(iso.is_none(), "an ISO date {iso:?} in:\n{text}");
    // Nobody else's records.
    let other = sb
        .run_db(&db, &["person", "export", "4", "--format", "text"])
        .ok()
        .to_string();
    assert!(!other.contains("QZM"), "{other}");
}

/// The first `YYYY-MM-DD` in `text`, if any.
fn regex_lite_iso(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        (digits(0..4) && w[4] == b'-' && digits(5..7) && w[7] == b'-' && digits(8..10))
            .then(|| String::from_utf8_lossy(w).into_owned())
    })
}

/// A table the JSON export finds (by foreign keys) must have its own section
/// in the text: this fails when a table is added without one.
#[test]
fn every_table_of_the_export_has_a_section_in_the_text() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let store = caseload::store::Store::open_read_only(&db, common::clock()).unwrap();
    let export = store.subject_access(3).unwrap();
    for table in export.tables.keys() {
        assert!(
            caseload::io::subject_access::RENDERED_TABLES.contains(&table.as_str()),
            "{table} is in the subject access export but has no section in the text export"
        );
    }
}

#[test]
fn a_table_with_no_section_yet_is_still_in_the_text_and_the_file_is_private() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE benefit_claim (id INTEGER PRIMARY KEY,
                 person_id INTEGER REFERENCES person (id), detail TEXT);
             INSERT INTO benefit_claim VALUES (1, 3, 'MARKER-CLAIM-3'), (2, 4, 'OTHER');",
        )
        .unwrap();
    }
    let file = sb.path("for-them.txt");
    let out = sb.run_db(
        &db,
        &[
            "person",
            "export",
            "3",
            "--format",
            "text",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.ok().contains("person 3"), "{}", out.stdout);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("Other records") && text.contains("MARKER-CLAIM-3"),
        "{text}"
    );
    assert!(!text.contains("OTHER"), "{text}");
}

#[test]
fn caseload_keys_lists_the_export_erase_and_retention_keys() {
    let sb = Sandbox::new();
    let keys = sb.run(["keys"]).ok().to_string();
    for want in [
        "export_record",
        "erase",
        "retention",
        "erase_marked",
        "mark",
    ] {
        assert!(keys.contains(want), "{want} in:\n{keys}");
    }
}
