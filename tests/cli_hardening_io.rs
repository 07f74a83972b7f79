//! Issue 10, as processes: the exact inputs that lost rows, panicked, reached
//! the terminal as control sequences, hung on special files or ran out of
//! memory. Each is refused with one line (or printed safely), and nothing is
//! written on a refusal.

use crate::common;

use std::path::{Path, PathBuf};

use common::Sandbox;

const EVIL_GIVEN: &str = "Evil\u{1b}[2J\u{1b}]52;c;aGk=\u{7}";
const EVIL_FAMILY: &str = "Name\u{1b}]0;pwned\u{7}";

fn demo(sb: &Sandbox) -> PathBuf {
    let db = sb.path("demo.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    db
}

/// The exported directory, one string per CSV line (services may span lines,
/// but the demo's do not).
fn export(sb: &Sandbox, db: &Path) -> String {
    sb.run_db(db, &["directory", "export"]).ok().to_string()
}

#[track_caller]
fn assert_no_controls(text: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202E}', '\u{0}'] {
        assert!(
            !text.contains(bad),
            "{bad:?} reached the terminal: {text:?}"
        );
    }
}

#[test]
fn an_unclosed_quote_refuses_the_whole_file_naming_the_line() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let before = export(&sb, &db);
    let file = sb.path("services.csv");
    std::fs::write(
        &file,
        "name,area\nFood Bank,\"North\nLunch Club,South\nWalking Group,East\n",
    )
    .unwrap();
    let out = sb.run_db(&db, &["directory", "import", file.to_str().unwrap()]);
    let line = out.fails(2);
    assert!(line.contains("line 2"), "{line}");
    assert!(line.ends_with("nothing imported"), "{line}");
    assert_eq!(export(&sb, &db), before);
}

#[test]
fn names_with_escape_sequences_list_without_panic_or_control_bytes() {
    let sb = Sandbox::new();
    let db = sb.path("c.db");
    let id = sb
        .run_db(
            &db,
            &[
                "person",
                "add",
                "--given",
                EVIL_GIVEN,
                "--family",
                EVIL_FAMILY,
            ],
        )
        .ok()
        .trim()
        .to_string();
    sb.run_db(
        &db,
        &[
            "person",
            "add",
            "--given",
            "Stored\u{1b}[2J",
            "--family",
            "X",
        ],
    )
    .ok();
    sb.run_db(
        &db,
        &[
            "person",
            "add",
            "--given",
            "\u{202E}evil",
            "--family",
            "Bidi",
        ],
    )
    .ok();
    for format in ["table", "csv"] {
        let out = sb.run_db(&db, &["person", "list", "--format", format]);
        let text = out.ok();
        assert_no_controls(text);
        assert!(text.contains("␛[2J"), "{text}");
    }
    let table = sb.run_db(&db, &["person", "list"]);
    assert_eq!(table.ok().lines().count(), 4, "{}", table.stdout);
    let show = sb.run_db(&db, &["person", "show", &id]);
    assert_no_controls(show.ok());
    // JSON escapes controls itself and keeps the exact text.
    let json = sb.run_db(&db, &["person", "list", "--format", "json"]);
    assert!(json.ok().contains("\\u001b[2J"), "{}", json.stdout);
}

#[test]
fn directory_output_is_safe_for_terminals_and_spreadsheets_and_files_round_trip() {
    let sb = Sandbox::new();
    let db = sb.path("d.db");
    let file = sb.path("in.csv");
    std::fs::write(
        &file,
        "uid,name,description,cost\n\
         u1,Evil\u{1b}]52;c;aGk=\u{7} Club,=HYPERLINK(\"http://x\"),-1\n\
         u2,-Minus Club,@SUM(A1),+44\n",
    )
    .unwrap();
    sb.run_db(&db, &["directory", "import", file.to_str().unwrap()])
        .ok();
    for format in ["table", "csv"] {
        let out = sb.run_db(&db, &["directory", "search", "club", "--format", format]);
        assert_no_controls(out.ok());
    }
    let stdout = export(&sb, &db);
    assert_no_controls(&stdout);
    let exported = sb.path("out.csv");
    sb.run_db(
        &db,
        &["directory", "export", "--out", exported.to_str().unwrap()],
    )
    .ok();
    let text = std::fs::read_to_string(&exported).unwrap();
    assert_no_controls(&text);
    assert!(text.contains("Evil␛]52;c;aGk=␇ Club"), "{text}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula cell {cell:?}"
            );
        }
    }
    let again = sb.run_db(&db, &["directory", "import", exported.to_str().unwrap()]);
    assert_eq!(again.ok().trim(), "added 0, updated 0, unchanged 2");
}

#[test]
fn special_files_are_refused_at_once() {
    let sb = Sandbox::new();
    let db = sb.path("d.db");
    let fifo = sb.path("feed.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let folder = sb.path("folder");
    std::fs::create_dir(&folder).unwrap();
    for path in [fifo.as_path(), Path::new("/dev/zero"), folder.as_path()] {
        let started = std::time::Instant::now();
        let out = sb.run_db(
            &db,
            &[
                "directory",
                "import",
                "--format",
                "csv",
                path.to_str().unwrap(),
            ],
        );
        let line = out.fails(1);
        assert!(line.contains("not a regular file"), "{line}");
        assert!(started.elapsed().as_secs() < 30, "{path:?} took too long");
    }
}

#[test]
fn the_import_size_cap_is_counted_while_reading() {
    let sb = Sandbox::new();
    let file = sb.path("big.csv");
    std::fs::write(&file, "name\nabcdefghij\n").unwrap();
    assert!(caseload::cli::read_import_file(&file, 16).is_ok());
    let e = caseload::cli::read_import_file(&file, 15).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.message().contains("larger than"), "{}", e.message());
}

#[test]
fn demo_counts_are_capped_and_nothing_is_left_behind() {
    let sb = Sandbox::new();
    let out = sb.path("big.db");
    for (flag, n) in [
        ("--people", "18446744073709551615"),
        ("--services", "4294967295"),
        ("--people", "10000000"),
    ] {
        let r = sb.run(["demo", "--out", out.to_str().unwrap(), flag, n]);
        let line = r.fails(1);
        assert!(line.contains("at most"), "{line}");
        assert!(!out.exists());
    }
    let entries: Vec<_> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        entries
            .iter()
            .all(|n| !n.to_string_lossy().starts_with(".caseload-demo")),
        "{entries:?}"
    );
    // A good run leaves only the database (0600), no temporary folder.
    sb.run(["demo", "--out", out.to_str().unwrap(), "--people", "30"])
        .ok();
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let leftovers = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".caseload-demo")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn echoed_input_stays_on_one_line_without_controls() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let evil = "x\n\u{1b}[2J\u{1b}]0;pwned\u{7}";
    let runs = [
        sb.run_db(&db, &["person", "list", "--status", evil]),
        sb.run_db(
            &db,
            &[
                "person", "add", "--given", "A", "--family", "B", "--dob", evil,
            ],
        ),
        sb.run_db(&db, &["directory", "search", "x", "--limit", evil]),
        sb.run_db(&db, &["note", "add", "1", "--kind", evil, "--text", "hi"]),
    ];
    for out in &runs {
        let line = out.fails(1);
        assert_no_controls(line);
    }
    let file = sb.path("h.csv");
    std::fs::write(&file, format!("name,\"{evil}\"\nA,b\n")).unwrap();
    let out = sb.run_db(&db, &["directory", "import", file.to_str().unwrap()]);
    assert_no_controls(out.fails(2));
}

#[test]
fn nul_invisible_and_oversized_input_is_refused_with_a_message() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let note = |body: &[u8]| {
        sb.run_with(["--db", db.to_str().unwrap(), "note", "add", "1"], |cmd| {
            cmd.write_stdin(body.to_vec());
        })
    };
    let line = note(b"\0starts with NUL").fails(1).to_string();
    assert!(line.contains("NUL"), "{line}");
    assert!(!line.contains("CHECK constraint"), "{line}");
    assert!(note(b"cut\0short").fails(1).contains("NUL"));
    assert!(
        note("\u{200B}\u{FEFF}".as_bytes())
            .fails(1)
            .contains("empty")
    );
    assert!(note(&vec![b'x'; 200 * 1024]).fails(1).contains("too long"));
    let long = "n".repeat(130_000);
    let out = sb.run_db(&db, &["person", "add", "--given", &long, "--family", "B"]);
    assert!(out.fails(1).contains("at most 200 characters"));
    let file = sb.path("nul.csv");
    std::fs::write(&file, "name,area\n\0Food Bank,North\n").unwrap();
    let out = sb.run_db(&db, &["directory", "import", file.to_str().unwrap()]);
    let line = out.fails(2);
    assert!(line.contains("line 2") && line.contains("NUL"), "{line}");
}
