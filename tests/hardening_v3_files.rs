//! Hardening v3 (issue 20), files: every command that writes a file refuses a
//! destination that is not a regular file (a named pipe, a folder, a symbolic
//! link), exports are 0600, and a database path that is not a file gets the
//! "check the path" message. The real binary, as a process.

use crate::common;

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};

use common::Sandbox;

fn fifo(at: &Path) -> PathBuf {
    let c = CString::new(at.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    at.to_path_buf()
}

fn demo(sb: &Sandbox) -> PathBuf {
    let db = sb.path("demo.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    db
}

/// Item 1: the temporary file was renamed over whatever was there.
#[test]
fn no_command_replaces_what_is_not_a_regular_file() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let pipe = fifo(&sb.path("pipe"));
    let folder = sb.path("folder");
    std::fs::create_dir(&folder).unwrap();
    let precious = sb.path("precious.txt");
    std::fs::write(&precious, "keep me").unwrap();
    let link = sb.path("link.txt");
    std::os::unix::fs::symlink(&precious, &link).unwrap();
    for target in [&pipe, &link] {
        let t = target.to_str().unwrap();
        let runs: [&[&str]; 4] = [
            &["directory", "export", "--out", t],
            &["backup", "--out", t, "--force"],
            &["person", "letter", "1", "--out", t, "--force"],
            &["person", "export", "1", "--out", t, "--force"],
        ];
        for args in runs {
            let out = sb.run_db(&db, args);
            let err = out.fails(2);
            assert!(err.contains("not a regular file"), "{args:?}: {err}");
        }
    }
    let err = sb
        .run_db(
            &db,
            &["backup", "--out", folder.to_str().unwrap(), "--force"],
        )
        .fails(2)
        .to_string();
    assert!(err.contains("a folder, not a regular file"), "{err}");
    let kind = std::fs::symlink_metadata(&pipe).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe is still a pipe");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
}

/// Item 6: "database error: disk I/O error" for a --db that is a pipe.
#[test]
fn a_database_path_that_is_not_a_file_is_told_to_check_the_path() {
    let sb = Sandbox::new();
    let pipe = fifo(&sb.path("db-pipe"));
    for args in [
        &["person", "add", "--given", "Ann", "--family", "Test"][..],
        &["person", "list"],
        &["check"],
    ] {
        let err = sb.run_db(&pipe, args).fails(2).to_string();
        assert!(err.contains("no caseload database at"), "{args:?}: {err}");
        assert!(err.contains("check the path"), "{args:?}: {err}");
    }
}

/// Item 7: directory exports were 0644 under umask 022.
#[test]
fn a_directory_export_is_readable_by_its_owner_only() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    for format in ["csv", "oruk"] {
        let file = sb.path(&format!("directory.{format}"));
        sb.run_db(
            &db,
            &[
                "directory",
                "export",
                "--format",
                format,
                "--out",
                file.to_str().unwrap(),
            ],
        )
        .ok();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{format}");
        assert!(std::fs::read(&file).unwrap().len() > 100);
    }
}

/// Text that would run in a terminal or a spreadsheet if it reached a file raw.
const HOSTILE: &str = "=cmd|' /C calc'!A0 \u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{202E}evil\u{9b}31m";

/// Item 3: every file written for people to read, from a record full of
/// control characters, formula starts and bidi overrides, holds none raw
/// (the service is stored as it is, past the import's own cleaning).
#[test]
fn every_export_neutralises_control_text() {
    use caseload::domain::person::PersonInput;
    use caseload::domain::service::{ConnectionStatus, Service};
    use caseload::store::Store;
    let sb = Sandbox::new();
    let db = sb.path("hostile.db");
    let mut store = Store::open(&db, common::clock()).unwrap();
    let input = PersonInput {
        given_name: format!("Ann{HOSTILE}"),
        family_name: format!("@Test{HOSTILE}"),
        referral_reason: format!("+lonely {HOSTILE}"),
        ..Default::default()
    };
    let id = store
        .people_mut()
        .add(&input.validate(common::today()).unwrap())
        .unwrap();
    let service = Service {
        name: format!("-Lunch {HOSTILE}"),
        description: Some(HOSTILE.into()),
        active: true,
        ..Default::default()
    };
    let service = store.directory_mut().create(&service).unwrap();
    store
        .connections_mut()
        .add(
            id,
            service,
            ConnectionStatus::Referred,
            common::today(),
            None,
        )
        .unwrap();
    store
        .follow_ups_mut()
        .add(
            Some(id),
            None,
            common::today(),
            None,
            &format!("ring {HOSTILE}"),
        )
        .unwrap();
    drop(store);

    let id = id.to_string();
    let file = |name: &str| sb.path(name).to_str().unwrap().to_string();
    let runs: Vec<Vec<String>> = vec![
        vec![
            "person".into(),
            "letter".into(),
            id.clone(),
            "--out".into(),
            file("letter.txt"),
        ],
        vec![
            "person".into(),
            "export".into(),
            id.clone(),
            "--format".into(),
            "text".into(),
            "--out".into(),
            file("copy.txt"),
        ],
        vec!["calendar".into(), "--out".into(), file("follow-ups.ics")],
        vec![
            "directory".into(),
            "export".into(),
            "--out".into(),
            file("directory.csv"),
        ],
        vec![
            "directory".into(),
            "export".into(),
            "--format".into(),
            "oruk".into(),
            "--out".into(),
            file("directory.json"),
        ],
    ];
    for args in &runs {
        sb.run_db(&db, args).ok();
    }
    let report = sb
        .run_db(&db, &["report", "--format", "csv"])
        .ok()
        .to_string();
    std::fs::write(sb.path("report.csv"), report).unwrap();
    for name in [
        "letter.txt",
        "copy.txt",
        "follow-ups.ics",
        "directory.csv",
        "directory.json",
        "report.csv",
    ] {
        let text = std::fs::read_to_string(sb.path(name)).unwrap();
        for c in text.chars() {
            let allowed = matches!(c, '\n' | '\t' | '\r');
            assert!(
                allowed || !(c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
                "{name} holds {c:?}"
            );
        }
        if name.ends_with(".csv") {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "{name} has a formula cell {cell:?}"
                    );
                }
            }
        }
    }
}

/// Our hidden backup temporaries (and their journals) in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(".caseload-backup-"))
        .collect();
    names.sort();
    names
}

/// Item 2: backups killed with kill -9 left full hidden copies of the
/// database, which later backups kept and `person erase` never found.
#[test]
fn killed_backups_leave_no_copy_behind_the_next_backup_or_an_erasure() {
    let sb = Sandbox::new();
    let db = sb.path("big.db");
    sb.run(["demo", "--out", db.to_str().unwrap(), "--people", "2000"])
        .ok();
    let backups = sb.path("backups");
    std::fs::create_dir(&backups).unwrap();
    for i in 0..50u64 {
        let mut child = sb
            .command()
            .args(["--db", db.to_str().unwrap(), "backup", "--force", "--out"])
            .arg(backups.join(format!("b{i}.db")))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Moments spread over the whole run of a backup, start to end.
        std::thread::sleep(std::time::Duration::from_millis(i * 37 % 150));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    // Whatever the kills left, plus one left for certain (a copy and its journal).
    let planted = backups.join(".caseload-backup-AbC123");
    std::fs::copy(&db, &planted).unwrap();
    std::fs::write(backups.join(".caseload-backup-AbC123-journal"), b"j").unwrap();
    assert!(!leftovers(&backups).is_empty());
    let fresh = backups.join("fresh.db");
    sb.run_db(&db, &["backup", "--out", fresh.to_str().unwrap()])
        .ok();
    assert_eq!(
        leftovers(&backups),
        Vec::<String>::new(),
        "the next backup cleans up"
    );

    // Beside the database itself: `check` names them, an erasure removes them.
    let beside = sb.path(".caseload-backup-XyZ789");
    std::fs::copy(&db, &beside).unwrap();
    let check = sb.run_db(&db, &["check"]).ok().to_string();
    assert!(check.contains("copies left by a killed backup"), "{check}");
    assert!(check.contains(".caseload-backup-XyZ789"), "{check}");
    sb.run_db(
        &db,
        &["person", "erase", "1", "--yes", "--reason", "request 1"],
    )
    .ok();
    assert_eq!(
        leftovers(&sb.path("")),
        Vec::<String>::new(),
        "erasure scrubs them"
    );
}
