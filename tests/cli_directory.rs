//! `caseload directory` as a process (assert_cmd): search with the app's
//! ranking, CSV and Open Referral UK import/export, and every bad input refused
//! with a line- or record-numbered message, exit code 2 and nothing written.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(db: &Path, args: &[&str]) -> Run {
    let out = common::assert_command_in(db.parent().expect("db in a directory"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[track_caller]
fn ok(db: &Path, args: &[&str]) -> String {
    let r = run(db, args);
    assert_eq!(r.code, 0, "{args:?} failed: {}", r.stderr);
    r.stdout
}

fn demo(dir: &TempDir) -> PathBuf {
    let db = dir.path().join("demo.db");
    let out = common::assert_command_in(dir.path())
        .args(["demo", "--out"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    db
}

fn export(db: &Path) -> String {
    ok(db, &["directory", "export"])
}

#[test]
fn search_ranks_names_first_and_tolerates_typos() {
    let dir = TempDir::new().unwrap();
    let db = demo(&dir);
    let json: Value = serde_json::from_str(&ok(
        &db,
        &["directory", "search", "food", "--format", "json"],
    ))
    .unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert!(names.len() > 4, "{names:?}");
    for n in &names[..4] {
        assert!(n.to_lowercase().contains("food"), "{names:?}");
    }
    let scores: Vec<i64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["score"].as_i64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");

    let table = ok(
        &db,
        &["directory", "search", "benfits advise", "--limit", "3"],
    );
    let first = table.lines().nth(1).unwrap();
    assert!(first.contains("Benefits and Debt"), "{table}");
    assert_eq!(table.lines().count(), 4, "header + 3: {table}");

    let csv = ok(
        &db,
        &[
            "directory",
            "search",
            "walk",
            "--format",
            "csv",
            "--limit",
            "1",
        ],
    );
    assert!(csv.starts_with("id,score,stale,uid,name,"), "{csv}");
    assert_eq!(csv.lines().count(), 2);
}

#[test]
fn csv_export_import_round_trips_without_duplicates() {
    let dir = TempDir::new().unwrap();
    let db = demo(&dir);
    let file = dir.path().join("services.csv");
    ok(
        &db,
        &["directory", "export", "--out", file.to_str().unwrap()],
    );
    let before = fs::read_to_string(&file).unwrap();
    assert!(before.starts_with(
        "uid,name,organisation,description,categories,area,address,postcode,phone,email,url,\
         opening_times,eligibility,cost,how_to_refer,last_verified_on,status,source\n"
    ));
    let f = file.to_str().unwrap();
    let dry = ok(&db, &["directory", "import", f, "--dry-run"]);
    assert_eq!(
        dry.trim(),
        "dry run: would add 0, update 0, leave 92 unchanged; nothing written"
    );
    assert_eq!(
        ok(&db, &["directory", "import", f]).trim(),
        "added 0, updated 0, unchanged 92"
    );
    assert_eq!(export(&db), before);

    // Into an empty database: everything is added, and the export matches.
    let fresh = dir.path().join("fresh.db");
    assert_eq!(
        ok(&fresh, &["directory", "import", f]).trim(),
        "added 92, updated 0, unchanged 0"
    );
    assert_eq!(export(&fresh), before);

    // An edited row updates in place; dry run first writes nothing.
    let edited = before.replacen("Riverside Community Food Bank", "Riverside Food Bank", 1);
    fs::write(&file, edited).unwrap();
    let dry = ok(&db, &["directory", "import", f, "--dry-run"]);
    assert!(dry.contains("update 1, leave 91 unchanged"), "{dry}");
    assert_eq!(export(&db), before);
    ok(&db, &["directory", "import", f]);
    let after = export(&db);
    assert!(after.contains(",Riverside Food Bank,"));
    assert_eq!(after.lines().count(), before.lines().count());
}

const FEED: &str = r#"{"total_items": 2, "page_number": 1, "contents": [
  {"id": "svc-1", "name": "Westgate Food Bank", "status": "active", "assured_date": "2026-01-10",
   "url": "https://westgate.example.org",
   "organization": {"id": "o1", "name": "Westgate Churches"},
   "schedules": [{"id": "s1", "byday": "TU", "opens_at": "12:00", "closes_at": "14:00"}],
   "attributes": [{"id": "a1", "taxonomy_term": {"id": "t1", "name": "food"}}],
   "service_at_locations": [{"id": "x", "location": {"id": "l", "addresses": [
      {"id": "ad", "address_1": "1 Hall Lane", "postal_code": "LS12 1AB", "address_type": "physical"}]}}]},
  {"id": "svc-2", "name": "Debt Advice", "status": "inactive"}
]}"#;

#[test]
fn oruk_feed_imports_reimports_and_exports() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("team.db");
    let feed = dir.path().join("feed.json");
    fs::write(&feed, FEED).unwrap();
    let f = feed.to_str().unwrap();
    assert_eq!(
        ok(&db, &["directory", "import", f]).trim(),
        "added 2, updated 0, unchanged 0"
    );
    assert_eq!(
        ok(&db, &["directory", "import", f, "--format", "oruk"]).trim(),
        "added 0, updated 0, unchanged 2"
    );
    let out = dir.path().join("out.json");
    ok(
        &db,
        &[
            "directory",
            "export",
            "--format",
            "oruk",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let json: Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    let first = &json[1];
    // "svc-1" is no UUID: the export uses one derived from it, the same every time.
    let id = first["id"].as_str().unwrap();
    assert_eq!(id.len(), 36, "{id}");
    assert_eq!(id, caseload::domain::service::export_id("svc-1"));
    assert_eq!(
        first["organization"]["id"],
        caseload::domain::service::derived_uuid(&["id", "o1"]),
        "the feed's organisation id, as a UUID"
    );
    assert_eq!(first["organization"]["name"], "Westgate Churches");
    assert_eq!(first["assured_date"], "2026-01-10");
    assert_eq!(first["attributes"][0]["taxonomy_term"]["name"], "food");
    assert_eq!(
        first["service_at_locations"][0]["location"]["addresses"][0]["postal_code"],
        "LS12 1AB"
    );
    assert_eq!(json[0]["status"], "inactive");
    // Re-importing our own export changes nothing.
    let o = out.to_str().unwrap();
    assert_eq!(
        ok(&db, &["directory", "import", o]).trim(),
        "added 0, updated 0, unchanged 2"
    );
    let csv = export(&db);
    assert!(csv.contains("Tue 12:00-14:00"), "{csv}");
    assert!(csv.contains("\nsvc-1,"), "the uid is kept: {csv}");
    // Exporting again gives the same bytes.
    let again = ok(&db, &["directory", "export", "--format", "oruk"]);
    assert_eq!(again, fs::read_to_string(&out).unwrap());
}

/// Every bad file: exit 2, a one-line message naming the place, nothing written.
#[test]
fn bad_files_are_refused_with_the_place_and_nothing_written() {
    let dir = TempDir::new().unwrap();
    let db = demo(&dir);
    let before = export(&db);
    let header = "uid,name,last_verified_on\n";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cols.csv",
            format!("{header}a,A,2026-01-01\nb,B\n").into_bytes(),
            "line 3: expected 3 columns",
        ),
        (
            "name.csv",
            format!("{header}a,,2026-01-01\n").into_bytes(),
            "line 2: column 'name': name is required",
        ),
        (
            "utf8.csv",
            [header.as_bytes(), b"a,Caf\xe9,2026-01-01\n"].concat(),
            "line 2: column 'name' is not UTF-8",
        ),
        ("empty.csv", Vec::new(), "the file is empty"),
        (
            "bad.json",
            br#"[{"id": "a", "name": "A"}, {"id": "b", "name": ["x"]}]"#.to_vec(),
            "record 2, field name: expected text",
        ),
        (
            "broken.json",
            b"[{\"id\": \"a\",\n \"name\": }]".to_vec(),
            "line 2: not valid JSON",
        ),
        (
            "binary.json",
            vec![0xff, 0x00, 0x12, 0x80],
            "line 1: not UTF-8",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let r = run(&db, &["directory", "import", path.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(r.stderr.contains(expected), "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains("nothing imported"),
            "{name}: {}",
            r.stderr
        );
        assert_eq!(r.stderr.trim().lines().count(), 1, "{name}: one line");
        assert!(r.stdout.is_empty());
    }
    assert_eq!(export(&db), before, "nothing was written");

    let r = run(&db, &["directory", "import", "/nonexistent/file.csv"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("check the path"));
}

/// Issue 11: a bad value no longer refuses the file. The record imports with
/// the field left empty (the raw value in its import notes), and the report
/// lists every problem; `--dry-run` shows the same report, `--strict` refuses.
#[test]
fn bad_values_import_with_every_problem_reported_and_strict_refuses() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("t.db");
    let file = dir.path().join("s.csv");
    fs::write(
        &file,
        "uid,name,last_verified_on,url\r\n\
         a,Choir,31/02/2026,https://choir.example.org\r\n\
         b,Lunch Club,2099-01-01,nope\u{1b}[2J\r\n\
         a,Choir Two,2026-01-01,\r\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let report = [
        "merged 1 record(s) repeating an earlier id (the last one kept)",
        "4 problem(s):",
        "  line 2, field last_verified_on, value '31/02/2026': not a date: use YYYY-MM-DD or \
         DD/MM/YYYY, or an ISO date-time; years from 1900; left empty; the value is kept in the entry's import notes",
        "  line 3, field url, value 'nope\u{241b}[2J': not a web address: use \
         https://example.org/…; left empty; the value is kept in the entry's import notes",
        "  line 3, field last_verified_on, value '2099-01-01': cannot be in the future; left \
         empty; the value is kept in the entry's import notes",
        "  line 4, field uid, value 'a': the same id as line 2; merged: this record replaces \
         the one at line 2",
    ]
    .join("\n");

    let r = run(&db, &["directory", "import", f, "--strict"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout.trim_end(), report);
    assert!(r.stderr.contains("4 problem(s)"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing imported"), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1);
    assert_eq!(export(&db).lines().count(), 1, "strict wrote nothing");

    let dry = ok(&db, &["directory", "import", f, "--dry-run"]);
    assert_eq!(
        dry.trim_end(),
        format!("dry run: would add 2, update 0, leave 0 unchanged; nothing written\n{report}")
    );
    let done = ok(&db, &["directory", "import", f]);
    assert_eq!(
        done.trim_end(),
        format!("added 2, updated 0, unchanged 0\n{report}")
    );
    let json: Value = serde_json::from_str(&ok(
        &db,
        &["directory", "search", "lunch", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json[0]["name"], "Lunch Club");
    assert_eq!(json[0]["url"], Value::Null);
    let notes = json[0]["import_notes"].as_str().unwrap();
    assert!(notes.contains("url: \"nope\\u{1b}[2J\""), "{notes}");
    assert!(
        notes.contains("last_verified_on: \"2099-01-01\""),
        "{notes}"
    );
    let csv = export(&db);
    assert!(csv.contains("a,Choir Two,"), "the last one wins: {csv}");
    assert!(!csv.contains(",Choir,"), "{csv}");

    // The same file again changes nothing; our own export imports clean.
    assert!(ok(&db, &["directory", "import", f]).starts_with("added 0, updated 0, unchanged 2\n"));
    let out = dir.path().join("out.csv");
    ok(
        &db,
        &["directory", "export", "--out", out.to_str().unwrap()],
    );
    assert_eq!(
        ok(
            &db,
            &["directory", "import", out.to_str().unwrap(), "--strict"]
        )
        .trim(),
        "added 0, updated 0, unchanged 2"
    );
}

/// Issue 11 part 2: the values real feeds hold import as they are meant.
#[test]
fn real_values_are_normalised() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("t.db");
    let file = dir.path().join("s.csv");
    fs::write(
        &file,
        "uid,name,phone,url,email,last_verified_on,status\r\n\
         1,Samaritans,116 123,HTTPS://www.samaritans.org,mailto:jo@samaritans.org,\
         2018-11-30 12:43:20.953659+00:00,active\r\n\
         2,NHS 111,111,www.111.nhs.uk,,2026-10-01T09:30:00Z,temporarily closed\r\n\
         3,Advice Line,0131 665 0135 ext 204,,,,closed\r\n\
         4,Helpline,0800 123 4567 (freephone),,,,defunct\r\n\
         5,Nothing,0000000000000,,,1850-01-01,\r\n",
    )
    .unwrap();
    let out = ok(&db, &["directory", "import", file.to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "added 5, updated 0, unchanged 0");
    // Every value changed on the way is listed (issue 20, item 5).
    assert_eq!(
        lines[1..7],
        [
            "7 problem(s):",
            "  line 2, field email, value 'mailto:jo@samaritans.org': a mailto: in front; \
             imported as 'jo@samaritans.org'",
            "  line 2, field url, value 'HTTPS://www.samaritans.org': the scheme in capitals; \
             imported as 'https://www.samaritans.org'",
            "  line 2, field last_verified_on, value '2018-11-30 12:43:20.953659+00:00': a date \
             and time: only the date is kept; imported as '2018-11-30'",
            "  line 3, field url, value 'www.111.nhs.uk': no http:// or https://; \
             imported as 'https://www.111.nhs.uk'",
            "  line 3, field last_verified_on, value '2026-10-01T09:30:00Z': a date and time: \
             only the date is kept; imported as '2026-10-01'",
        ],
        "{out}"
    );
    assert!(
        lines[7].starts_with("  line 6, field phone, value '0000000000000'"),
        "{out}"
    );
    assert!(
        lines[8].starts_with("  line 6, field last_verified_on, value '1850-01-01'"),
        "{out}"
    );
    let csv = export(&db);
    for expected in [
        "1,Samaritans,,,,,,,116 123,jo@samaritans.org,https://www.samaritans.org,,,,,2018-11-30,active,",
        "2,NHS 111,,,,,,,111,,https://www.111.nhs.uk,,,,,2026-10-01,inactive,",
        "3,Advice Line,,,,,,,0131 665 0135 ext 204,,,,,,,,inactive,",
        "4,Helpline,,,,,,,0800 123 4567 (freephone),,,,,,,,inactive,",
        "5,Nothing,,,,,,,,,,,,,,,active,",
    ] {
        assert!(csv.contains(expected), "{expected} in {csv}");
    }
}

#[test]
fn a_50_mb_file_with_one_bad_line_at_the_end_is_refused_whole() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("big.db");
    let path = dir.path().join("big.csv");
    let mut text = String::from("uid,name,description\n");
    let desc = "x".repeat(480);
    let mut rows = 0;
    while text.len() < 50 * 1024 * 1024 {
        rows += 1;
        text.push_str(&format!("u{rows},Service {rows},{desc}\n"));
    }
    text.push_str("last,Last,too,many\n");
    fs::write(&path, text).unwrap();
    let r = run(&db, &["directory", "import", path.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("line {}: expected 3 columns", rows + 2)),
        "{}",
        r.stderr
    );
    assert_eq!(
        export(&db).lines().count(),
        1,
        "only the header: nothing written"
    );
}

#[test]
fn the_staleness_window_is_configurable() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("t.db");
    let file = dir.path().join("s.csv");
    // Verified 40 days ago: fresh with the default 12 months, stale with 1.
    let verified = common::today() - chrono::Duration::days(40);
    fs::write(
        &file,
        format!("uid,name,last_verified_on\na,Choir,{verified}\n"),
    )
    .unwrap();
    ok(&db, &["directory", "import", file.to_str().unwrap()]);
    let stale = |extra: &[&str]| {
        let mut args = vec!["directory", "search", "choir", "--format", "json"];
        args.extend_from_slice(extra);
        let json: Value = serde_json::from_str(&ok(&db, &args)).unwrap();
        json[0]["stale"].as_bool().unwrap()
    };
    assert!(!stale(&[]));
    assert!(stale(&["--stale-months", "1"]));
}

/// One answer of the test server: status, body, and a delay before it.
#[derive(Clone)]
struct Reply {
    status: u16,
    body: String,
    delay_ms: u64,
}

fn reply(body: String) -> Reply {
    Reply {
        status: 200,
        body,
        delay_ms: 0,
    }
}

/// A local ORUK API for `directory pull`: `/api/services?page=N&...` gets
/// `pages[N-1]`, `/api/services/ID` the record of [`record`] (anything else
/// a 404). Returns the base URL and the log of requested paths.
fn serve(pages: Vec<Reply>) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/api", listener.local_addr().unwrap());
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            if reader.read_line(&mut first).is_err() {
                continue;
            }
            // Headers, to the blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = first.split(' ').nth(1).unwrap_or("").to_string();
            seen.lock().unwrap().push(path.clone());
            let page: Option<usize> = path
                .strip_prefix("/api/services?page=")
                .and_then(|r| r.split('&').next())
                .and_then(|n| n.parse().ok());
            let one = path.strip_prefix("/api/services/");
            let r = match page.and_then(|n| pages.get(n.wrapping_sub(1))) {
                Some(r) if path.contains("per_page=100") => r.clone(),
                _ if one.is_some() => reply(record(one.unwrap_or_default())),
                _ => Reply {
                    status: 404,
                    body: "not found".into(),
                    delay_ms: 0,
                },
            };
            std::thread::sleep(std::time::Duration::from_millis(r.delay_ms));
            let _ = write!(
                stream,
                "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{}",
                r.status,
                r.body.len(),
                r.body
            );
        }
    });
    (base, log)
}

/// The service `id`, named after its id: a sparse record, as a page and
/// `/services/{id}` both give it.
fn record(id: &str) -> String {
    format!(
        r#"{{"id": "{id}", "name": "Service {id}", "status": "active",
            "organization": {{"id": "o-1", "name": "Leeds Community Trust"}}}}"#
    )
}

/// A page of `total` with services `ids`.
fn page(n: u32, total: u32, ids: &[&str]) -> String {
    let items: Vec<String> = ids.iter().map(|id| record(id)).collect();
    format!(
        r#"{{"total_items": 5, "total_pages": {total}, "page_number": {n}, "size": {},
            "first_page": {}, "last_page": {}, "empty": false, "contents": [{}]}}"#,
        ids.len(),
        n == 1,
        n == total,
        items.join(",")
    )
}

fn pull(db: &Path, args: &[&str], timeout_ms: Option<u64>) -> Run {
    let mut cmd = common::assert_command_in(db.parent().expect("db in a directory"));
    if let Some(ms) = timeout_ms {
        cmd.env("CASELOAD_PULL_TIMEOUT_MS", ms.to_string());
    }
    let out = cmd
        .arg("--db")
        .arg(db)
        .args(["directory", "pull"])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Issue 11 part 5: `directory pull` follows total_pages, merges an id
/// repeated across pages, writes all pages in one go, and a second pull
/// changes nothing. No progress on stderr when it is not a terminal.
#[test]
fn pull_follows_the_pages_and_imports_once() {
    let (base, log) = serve(vec![
        reply(page(1, 3, &["a", "b"])),
        reply(page(2, 3, &["c", "a"])),
        reply(page(3, 3, &["d"])),
    ]);
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("t.db");
    // A dry run reads an existing file only (as for import).
    drop(caseload::store::Store::open(&db, common::clock()).unwrap());
    let dry = pull(&db, &[&base, "--dry-run"], None);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout
            .starts_with("dry run: would add 4, update 0, leave 0 unchanged; nothing written\n"),
        "{}",
        dry.stdout
    );
    // The items leave fields out, so the first three are asked for whole;
    // their records add nothing, so the list's items are taken as whole.
    assert_eq!(
        log.lock().unwrap().as_slice(),
        [
            "/api/services?page=1&per_page=100",
            "/api/services?page=2&per_page=100",
            "/api/services?page=3&per_page=100",
            "/api/services/a",
            "/api/services/b",
            "/api/services/c",
        ]
    );
    let r = pull(&db, &[&base], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.trim_end(),
        "added 4, updated 0, unchanged 0\n\
         merged 1 record(s) repeating an earlier id (the last one kept)\n\
         1 problem(s):\n  \
         page 2, record 2, field id, value 'a': the same id as page 1, record 1; merged: this \
         record replaces the one at page 1, record 1"
    );
    assert!(
        r.stderr.is_empty(),
        "no progress off a terminal: {:?}",
        r.stderr
    );
    let csv = export(&db);
    assert_eq!(csv.lines().count(), 5, "{csv}");
    assert!(
        csv.contains("\nd,Service d,Leeds Community Trust,"),
        "{csv}"
    );
    let again = pull(&db, &[&base], None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .starts_with("added 0, updated 0, unchanged 4\n"),
        "{}",
        again.stdout
    );
    // --strict refuses the merge, and writes nothing.
    let strict_db = dir.path().join("strict.db");
    let r = pull(&strict_db, &[&base, "--strict"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--strict"), "{}", r.stderr);
    assert_eq!(export(&strict_db).lines().count(), 1);
}

/// A failure on any page (an HTTP error, a page too slow, JSON that does not
/// parse, a page over the 32 MB cap, a server that is not there) writes
/// nothing, exit 2, one line naming the page.
#[test]
fn a_failing_page_writes_nothing_and_says_why() {
    let dir = TempDir::new().unwrap();
    let slow = Reply {
        delay_ms: 3_000,
        ..reply(page(2, 2, &["c"]))
    };
    let server_error = Reply {
        status: 500,
        ..reply("oops".into())
    };
    let cases: Vec<(Vec<Reply>, Option<u64>, &str)> = vec![
        (
            vec![reply(page(1, 2, &["a", "b"])), server_error],
            None,
            "page 2 ('http://127.0.0.1:",
        ),
        (
            vec![reply(page(1, 2, &["a", "b"])), slow],
            Some(500),
            "page 2 ('",
        ),
        (vec![reply("{\"contents\": [".into())], None, "page 1 ('"),
        (
            vec![reply(format!("[{}]", " ".repeat(33 * 1024 * 1024)))],
            None,
            "page 1 ('",
        ),
    ];
    let expected_reason = [
        "the server answered HTTP 500 Internal Server Error",
        "no complete answer within 0.5 s",
        "line 1: not valid JSON (it ends too early)",
        "the page is larger than 32 MB",
    ];
    for (i, ((pages, timeout, place), reason)) in cases.into_iter().zip(expected_reason).enumerate()
    {
        let (base, _) = serve(pages);
        let db = dir.path().join(format!("{i}.db"));
        let started = std::time::Instant::now();
        let r = pull(&db, &[&base], timeout);
        assert_eq!(r.code, 2, "{i}: {}", r.stderr);
        assert!(r.stderr.contains(place), "{i}: {}", r.stderr);
        assert!(r.stderr.contains(reason), "{i}: {}", r.stderr);
        assert!(
            r.stderr.trim_end().ends_with("nothing imported"),
            "{i}: {}",
            r.stderr
        );
        assert_eq!(r.stderr.trim().lines().count(), 1, "{i}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{i}: {}", r.stdout);
        assert!(started.elapsed().as_secs() < 3, "{i}: the timeout held");
        assert_eq!(export(&db).lines().count(), 1, "{i}: nothing written");
    }

    // Nobody listening.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let db = dir.path().join("gone.db");
    let r = pull(&db, &[&format!("http://127.0.0.1:{port}/api")], Some(2_000));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cannot connect"), "{}", r.stderr);
    // Not an API address: the user's to fix.
    let r = pull(&db, &["api.example.org"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("is not an API address"), "{}", r.stderr);
}
