//! `caseload person erase` (issue 12, part 2): every row about the person goes,
//! and no byte of them stays in the database, its `-wal` or its `-shm`.

use crate::common;

use common::{Sandbox, with_suffix};

const MARK: &str = "ZQXMARK";

fn demo(sb: &Sandbox) -> std::path::PathBuf {
    let db = sb.path("erase.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    db
}

/// Every file SQLite keeps for `db`, as raw bytes.
fn raw_bytes(db: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if let Ok(bytes) = std::fs::read(with_suffix(db, suffix)) {
            all.extend(bytes);
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Puts the marker in every text field of every row about person 3, in every
/// table with a `person_id` and in the history of their connections; adds a
/// draft and a connection step so those tables are not empty.
fn mark_person_3(db: &std::path::Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO draft (person_id, kind, occurred_at, body, updated_at)
             VALUES (3, 'other', '2026-11-23T09:00:00', '{MARK} draft', '2026-11-23T09:00:00');
         INSERT INTO connection_history (connection_id, status, status_on, note, created_at)
             SELECT id, 'attended', '2026-11-01', '{MARK} step', '2026-11-01T09:00:00'
             FROM connection WHERE person_id = 3;
         UPDATE person SET given_name = '{MARK}given', family_name = '{MARK}family' WHERE id = 3;
         INSERT INTO sync_conflict (person_id, tbl, uid, field, kept, lost, lost_by, recorded_at)
             SELECT 3, 'person', uid, 'phone', '\"{MARK} kept\"', '\"{MARK} lost\"', 'laptop (w)', '2026-11-23T09:00:00'
             FROM person WHERE id = 3;
         INSERT INTO sync_base (tbl, uid, row)
             SELECT 'person', uid, '{{\"given_name\": \"{MARK} base\"}}' FROM person WHERE id = 3;
         INSERT INTO sync_base (tbl, uid, row)
             SELECT 'conversation', uid, '{{\"body\": \"{MARK} base\"}}' FROM conversation WHERE person_id = 3;"
    ))
    .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND c.type LIKE '%TEXT%'
               AND (m.name = 'connection_history'
                    OR EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'person_id')
                    OR m.name = 'person')
               -- A random id, not about the person: the change log keeps the
               -- person's as the erasure's tombstone, so laptop copies erase too.
               AND c.name != 'uid'",
        )
        .unwrap();
    let columns: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut marked = 0;
    for (table, column) in &columns {
        let rows = match table.as_str() {
            "person" => "id = 3".to_string(),
            "connection_history" => {
                "connection_id IN (SELECT id FROM connection WHERE person_id = 3)".to_string()
            }
            _ => "person_id = 3".to_string(),
        };
        // Columns with a CHECK (statuses, kinds) refuse the marker: skip them.
        let sql = format!(
            "UPDATE {table} SET {column} = coalesce({column}, '') || ' {MARK}' WHERE {rows}"
        );
        if conn.execute(&sql, []).is_ok() {
            marked += 1;
        }
    }
    assert!(marked >= 20, "only {marked} columns took the marker");
}

#[test]
fn erasure_leaves_no_byte_of_the_person_in_any_file() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    mark_person_3(&db);
    let people = common::count_rows(&db, "person");
    assert!(
        contains(&raw_bytes(&db), MARK),
        "the marker is on disk before"
    );

    let out = sb.run_db(
        &db,
        &["person", "erase", "3", "--yes", "--reason", "request 17"],
    );
    assert!(out.ok().contains("erased person 3"), "{}", out.stdout);

    let bytes = raw_bytes(&db);
    assert!(!contains(&bytes, MARK), "a byte of the person remains");
    assert_eq!(common::count_rows(&db, "person"), people - 1);
    sb.run_db(&db, &["check"]).ok();
    sb.run_db(&db, &["person", "show", "3"]).fails(1);
    // Everyone else is untouched.
    assert_eq!(common::list_people(&sb, &db).len() as i64, people - 1);

    // The tombstone: when, who, which id and why; never a name.
    let conn = common::open_read_only(&db);
    let (action, id, reason): (String, i64, String) = conn
        .query_row(
            "SELECT action, entity_id, reason FROM audit WHERE action = 'erase'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (action.as_str(), id, reason.as_str()),
        ("erase", 3, "request 17")
    );
    // No row anywhere still points at person 3 (follow-ups are deleted, not set to NULL).
    for table in [
        "conversation",
        "goal",
        "measure",
        "connection",
        "reminder",
        "draft",
        "status_change",
    ] {
        let n: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE person_id = 3"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
}

#[test]
fn erasure_needs_a_terminal_or_yes_and_an_unknown_id_is_an_error() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let before = common::count_rows(&db, "person");
    let line = sb
        .run_db(&db, &["person", "erase", "3"])
        .fails(1)
        .to_string();
    assert!(line.contains("--yes"), "{line}");
    assert_eq!(common::count_rows(&db, "person"), before);
    let line = sb
        .run_db(&db, &["person", "erase", "999", "--yes"])
        .fails(1)
        .to_string();
    assert!(line.contains("999") && line.contains("not found"), "{line}");
}
