//! `caseload retention` (issue 12, part 3): who is due for a retention review.

use crate::common;

use common::Sandbox;

/// The demo, with closure and decline days moved to known points around the
/// 8-year default (NOW is 2026-11-23, so the cut-off is 2018-11-23).
fn aged(sb: &Sandbox) -> std::path::PathBuf {
    let db = sb.path("ret.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "UPDATE person SET closed_on = '2018-11-23' WHERE id = 30;
         UPDATE person SET closed_on = '2018-11-24' WHERE id = 31;
         UPDATE status_change SET changed_on = '2010-01-01'
             WHERE person_id = 34 AND status = 'declined';",
    )
    .unwrap();
    db
}

fn ids(csv: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

#[test]
fn lists_people_ended_at_least_n_years_ago_longest_first() {
    let sb = Sandbox::new();
    let db = aged(&sb);
    let csv = sb
        .run_db(&db, &["retention", "--format", "csv"])
        .ok()
        .to_string();
    assert!(
        csv.starts_with("id,given_name,family_name,status,ended_on\n"),
        "{csv}"
    );
    assert_eq!(ids(&csv), ["34", "30"], "{csv}");
    assert!(csv.contains(",declined,2010-01-01\n") && csv.contains(",closed,2018-11-23\n"));

    let csv = sb
        .run_db(&db, &["retention", "--years", "16", "--format", "csv"])
        .ok()
        .to_string();
    assert_eq!(ids(&csv), ["34"]);
    // Listing erases nothing.
    assert_eq!(common::count_rows(&db, "person"), 35);
}

#[test]
fn the_period_comes_from_config_and_bad_values_are_refused() {
    let sb = Sandbox::new();
    let db = aged(&sb);
    let config = sb.path("config.toml");
    std::fs::write(&config, "[settings]\nretention_years = 16\n").unwrap();
    let out = sb.run_with(
        ["--db", db.to_str().unwrap(), "retention", "--format", "csv"],
        |c| {
            c.env("CASELOAD_CONFIG", &config);
        },
    );
    assert_eq!(ids(out.ok()), ["34"]);
    // The flag wins over the file.
    let out = sb.run_with(
        [
            "--db",
            db.to_str().unwrap(),
            "retention",
            "--years",
            "8",
            "--format",
            "csv",
        ],
        |c| {
            c.env("CASELOAD_CONFIG", &config);
        },
    );
    assert_eq!(ids(out.ok()), ["34", "30"]);

    std::fs::write(&config, "[settings]\nretention_years = 0\n").unwrap();
    let out = sb.run_with(["--db", db.to_str().unwrap(), "retention"], |c| {
        c.env("CASELOAD_CONFIG", &config);
    });
    assert!(out.fails(1).contains("retention_years must be 1 to 100"));
    sb.run_db(&db, &["retention", "--years", "0"]).fails(1);
    let empty = sb
        .run_db(&db, &["retention", "--years", "30"])
        .ok()
        .to_string();
    assert!(
        empty.contains("nobody was closed or declined on or before 1996-11-23"),
        "{empty}"
    );
}
