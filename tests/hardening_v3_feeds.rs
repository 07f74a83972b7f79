//! Issue 20, items 4 and 5: a feed that leaves a field out keeps what is
//! stored (only an explicit null or empty list clears it), and every value
//! an import changed is listed, so `--strict` refuses a feed that needed it.

mod common;

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

/// A local API for `directory pull` that answers every request with `body`.
fn serve(body: String) -> String {
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
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
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
