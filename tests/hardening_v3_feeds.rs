//! Issue 20, items 4 and 5: a feed that leaves a field out keeps what is
//! stored (only an explicit null or empty list clears it), and every value
//! an import changed is listed, so `--strict` refuses a feed that needed it.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{Out, Sandbox};

fn run(sb: &Sandbox, db: &Path, args: &[&str]) -> Out {
    sb.run_db(db, args)
}

#[track_caller]
fn ok(sb: &Sandbox, db: &Path, args: &[&str]) -> String {
    run(sb, db, args).ok().to_string()
}

/// `directory import FILE --strict`, which must refuse: exit 2, and the
/// problems on standard output.
#[track_caller]
fn refused_strictly(sb: &Sandbox, db: &Path, file: &Path) -> String {
    let r = run(
        sb,
        db,
        &[
            "directory",
            "import",
            file.to_str().expect("path"),
            "--strict",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("--strict"), "{}", r.stderr);
    assert!(
        !r.stderr.contains('\u{1b}'),
        "no raw escape: {:?}",
        r.stderr
    );
    r.stdout
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oruk")
        .join(name)
}

/// The stored service matching `query`, as `directory search --format json` gives it.
fn found(sb: &Sandbox, db: &Path, query: &str) -> Value {
    let args = ["directory", "search", query, "--format", "json"];
    let json: Value = serde_json::from_str(&ok(sb, db, &args)).expect("search gives JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
    json[0].clone()
}

fn import(sb: &Sandbox, db: &Path, file: &Path) -> String {
    let args = ["directory", "import", file.to_str().expect("UTF-8 path")];
    ok(sb, db, &args)
}

/// Item 4: the official HSDS `service_list` example (no `phones`, no
/// locations, no schedules, no attributes) after the `service_full` one of
/// the same id leaves the phone, address, opening times and categories.
/// (Its `fees_description` is news about the cost, and is taken.)
#[test]
fn a_list_view_that_omits_phones_keeps_the_stored_phone() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    import(&dir, &db, &fixture("hsds3_service_full.json"));
    let before = found(&dir, &db, "counselling");
    assert_eq!(before["phone"], "+44 1234 234567", "{before}");
    import(&dir, &db, &fixture("hsds3_service_list.json"));
    let after = found(&dir, &db, "counselling");
    for field in [
        "phone",
        "address",
        "postcode",
        "opening_times",
        "categories",
        "area",
    ] {
        assert!(!before[field].is_null(), "{field}: {before}");
        assert_eq!(after[field], before[field], "{field} kept");
    }
    // The ORUK export still gives the phone back with its id and extension.
    let out = ok(&dir, &db, &["directory", "export", "--format", "oruk"]);
    let json: Value = serde_json::from_str(&out).expect("export is JSON");
    assert_eq!(json[0]["phones"][0]["number"], "+44 1234 234567", "{out}");
    assert_eq!(json[0]["phones"][0]["extension"], 100, "{out}");
}

/// Item 4: an explicit `null` or empty list is news, and clears the field;
/// a key left out keeps it.
#[test]
fn an_explicit_null_or_empty_list_clears_a_field_and_an_absent_key_does_not() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    let file = dir.path("s.json");
    let write = |body: &str| fs::write(&file, body).expect("write feed");
    write(
        r#"{"id": "s-1", "name": "Choir", "url": "https://choir.example.org",
            "email": "sing@choir.example.org", "description": "We sing",
            "phones": [{"number": "0113 496 0000"}]}"#,
    );
    import(&dir, &db, &file);
    write(r#"{"id": "s-1", "name": "Choir", "phones": [], "url": null}"#);
    import(&dir, &db, &file);
    let s = found(&dir, &db, "choir");
    assert!(s["phone"].is_null(), "an empty list clears: {s}");
    assert!(s["url"].is_null(), "null clears: {s}");
    assert_eq!(s["email"], "sing@choir.example.org", "absent keeps: {s}");
    assert_eq!(s["description"], "We sing", "absent keeps: {s}");
    // A new service is added with what its record gives, whatever it omits.
    write(r#"{"id": "s-2", "name": "Walking group"}"#);
    assert!(import(&dir, &db, &file).starts_with("added 1, updated 0, unchanged 0\n"));
    assert!(found(&dir, &db, "walking")["phone"].is_null());
}

/// Item 4 for CSV: a file without a column says nothing about that field,
/// and keeps what is stored; a column that is there but empty clears it.
#[test]
fn a_csv_without_a_column_keeps_the_stored_value_and_an_empty_cell_clears_it() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    let file = dir.path("s.csv");
    let write = |body: &str| fs::write(&file, body).expect("write csv");
    write(
        "uid,name,phone,email,description,status\n\
         s-1,Choir,0113 496 0000,sing@choir.example.org,We sing,active\n",
    );
    import(&dir, &db, &file);
    write("uid,name,email\ns-1,Choir,\n");
    assert!(import(&dir, &db, &file).starts_with("added 0, updated 1, unchanged 0\n"));
    let s = found(&dir, &db, "choir");
    assert_eq!(s["phone"], "0113 496 0000", "no phone column keeps: {s}");
    assert_eq!(
        s["description"], "We sing",
        "no description column keeps: {s}"
    );
    assert!(s["email"].is_null(), "an empty cell clears: {s}");
    // The same file again is no news.
    assert!(import(&dir, &db, &file).starts_with("added 0, updated 0, unchanged 1\n"));
}

/// A local API for `directory pull` that answers every request with `body`.
fn serve(body: String) -> String {
    serve_routes(vec![("/", 200, body)])
}

/// A local API for `directory pull`: each request is answered by the first
/// route whose path (after `/api`) starts with its prefix, else 404.
fn serve_routes(routes: Vec<(&'static str, u16, String)>) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}/api", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let Ok(read) = stream.try_clone() else {
                continue;
            };
            let mut reader = BufReader::new(read);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split(' ').nth(1).unwrap_or("").to_string();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = path.strip_prefix("/api").unwrap_or(&path);
            let (code, body) = routes
                .iter()
                .find(|(prefix, _, _)| path.starts_with(prefix))
                .map_or((404, "{}"), |(_, code, body)| (*code, body.as_str()));
            let _ = write!(
                stream,
                "HTTP/1.1 {code} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

/// The official HSDS list example as one page of one.
fn one_page_of_summaries() -> String {
    let list = fs::read_to_string(fixture("hsds3_service_list.json")).expect("fixture");
    let mut page: Value = serde_json::from_str(&list).expect("fixture is JSON");
    page["total_pages"] = 1.into();
    page.to_string()
}

const COUNSELLING: &str = "/services/ac148810-d857-441c-9679-408f346de14b";

/// Item 4 for `directory pull`: where a page gives only summaries, the pull
/// asks for each one's whole record (`/services/{id}`) and imports that.
#[test]
fn a_pull_of_summaries_fetches_each_whole_record() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    let full = fs::read_to_string(fixture("hsds3_service_full.json")).expect("fixture");
    let base = serve_routes(vec![
        (COUNSELLING, 200, full),
        ("/services?", 200, one_page_of_summaries()),
    ]);
    let r = run(&dir, &db, &["directory", "pull", &base]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("added 1, updated 0, unchanged 0\n"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("summary"), "{}", r.stdout);
    let s = found(&dir, &db, "counselling");
    assert_eq!(s["phone"], "+44 1234 234567", "{s}");
    assert!(!s["address"].is_null(), "{s}");
    assert!(!s["opening_times"].is_null(), "{s}");
}

/// Item 4 for `directory pull`: a summary whose whole record cannot be had
/// keeps what is stored, is listed as a problem, and `--strict` refuses it.
#[test]
fn a_summary_whose_record_cannot_be_had_keeps_the_stored_details() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    import(&dir, &db, &fixture("hsds3_service_full.json"));
    let before = found(&dir, &db, "counselling");
    let base = serve_routes(vec![
        (COUNSELLING, 503, "{}".into()),
        ("/services?", 200, one_page_of_summaries()),
    ]);
    let strict = run(&dir, &db, &["directory", "pull", &base, "--strict"]);
    assert_eq!(strict.code, 2, "{}", strict.stdout);
    let r = run(&dir, &db, &["directory", "pull", &base]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "page 1, record 1, field (record), value 'ac148810-d857-441c-9679-408f346de14b': \
             a summary; its whole record: the service ("
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("HTTP 503"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("kept what is stored for the fields left out"),
        "{}",
        r.stdout
    );
    let after = found(&dir, &db, "counselling");
    for field in ["phone", "address", "opening_times"] {
        assert_eq!(after[field], before[field], "{field} kept");
    }
}

/// Item 4 for `directory pull`: a page of summaries (the official HSDS list
/// example) keeps the details an earlier import stored.
#[test]
fn a_pulled_page_of_summaries_keeps_the_stored_details() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    import(&dir, &db, &fixture("hsds3_service_full.json"));
    let before = found(&dir, &db, "counselling");
    let list = fs::read_to_string(fixture("hsds3_service_list.json")).expect("fixture");
    let base = serve(list);
    let r = run(&dir, &db, &["directory", "pull", &base]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = found(&dir, &db, "counselling");
    assert_eq!(after["phone"], "+44 1234 234567", "{after}");
    assert_eq!(after["address"], before["address"]);
    assert_eq!(after["opening_times"], before["opening_times"]);
}
/// Item 5: the official example's quoted phone is listed as changed, with
/// the value as it came and as imported; `--strict` refuses the feed.
#[test]
fn a_cleaned_phone_is_listed_and_strict_refuses_it() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    let full = fixture("hsds3_service_full.json");
    let strict = refused_strictly(&dir, &db, &full);
    assert!(
        strict.contains(
            "record 1, field phones[0].number, value '\"+44 1234 234567\"': in quote marks; \
             imported as '+44 1234 234567'"
        ),
        "{}",
        strict
    );
    let out = import(&dir, &db, &full);
    assert!(
        out.starts_with("added 1, updated 0, unchanged 0\n1 problem(s):\n"),
        "{out}"
    );
    assert!(out.contains("field phones[0].number"), "{out}");
    assert_eq!(found(&dir, &db, "counselling")["phone"], "+44 1234 234567");
    // The UK profile's example needs no change: still clean, and strict passes.
    let uk = fixture("uk_service_full.json");
    let other = dir.path("uk.db");
    assert_eq!(
        ok(
            &dir,
            &other,
            &[
                "directory",
                "import",
                uk.to_str().expect("path"),
                "--strict"
            ]
        ),
        "added 1, updated 0, unchanged 0\n"
    );
}

/// Item 5 for CSV, and for the other clean-ups: a `mailto:`, an upper-case
/// scheme, a quoted phone; the value is shown made safe for a terminal.
#[test]
fn csv_values_that_were_changed_are_listed_safely() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    let file = dir.path("s.csv");
    fs::write(
        &file,
        "uid,name,phone,email,url\n\
         a,Choir,\"\"\"0113 496 0000\"\"\",mailto:sing@choir.example.org,HTTPS://choir.example.org\n\
         b,Walk,'0113 496 0001\u{1b}[2J',,\n",
    )
    .expect("write csv");
    let strict = refused_strictly(&dir, &db, &file);
    let lines: Vec<&str> = strict.lines().collect();
    assert_eq!(lines.first(), Some(&"4 problem(s):"), "{}", strict);
    assert!(
        strict.contains(
            "line 2, field phone, value '\"0113 496 0000\"': in quote marks; imported as \
             '0113 496 0000'"
        ),
        "{}",
        strict
    );
    assert!(
        strict.contains(
            "line 2, field email, value 'mailto:sing@choir.example.org': a mailto: in front"
        ),
        "{}",
        strict
    );
    assert!(
        strict.contains(
            "line 2, field url, value 'HTTPS://choir.example.org': the scheme in capitals; \
             imported as 'https://choir.example.org'"
        ),
        "{}",
        strict
    );
    assert!(!strict.contains('\u{1b}'), "no raw escape: {strict:?}");
    assert_eq!(
        ok(&dir, &db, &["directory", "export"]).lines().count(),
        1,
        "strict wrote nothing"
    );
    // A clean file's report is unchanged.
    let clean = dir.path("clean.csv");
    fs::write(
        &clean,
        "uid,name,phone,email,url\nc,Choir,0113 496 0000,sing@choir.example.org,https://choir.example.org\n",
    )
    .expect("write csv");
    assert_eq!(
        ok(
            &dir,
            &db,
            &[
                "directory",
                "import",
                clean.to_str().expect("path"),
                "--strict"
            ]
        ),
        "added 1, updated 0, unchanged 0\n"
    );
}

/// Item 5: an `assured_date` given as a date and time is taken as its day,
/// and the report says so.
#[test]
fn a_date_time_taken_as_its_day_is_listed() {
    let dir = Sandbox::new();
    let db = dir.path("t.db");
    let file = dir.path("s.json");
    fs::write(
        &file,
        r#"{"id": "s-1", "name": "Choir", "assured_date": "2026-10-01T09:30:00Z"}"#,
    )
    .expect("write feed");
    let strict = refused_strictly(&dir, &db, &file);
    assert_eq!(
        strict,
        "1 problem(s):\n  record 1, field assured_date, value '2026-10-01T09:30:00Z': a date \
         and time: only the date is kept; imported as '2026-10-01'\n"
    );
    import(&dir, &db, &file);
    assert_eq!(found(&dir, &db, "choir")["last_verified_on"], "2026-10-01");
}
