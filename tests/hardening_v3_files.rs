//! Hardening v3 (issue 20), files: every command that writes a file refuses a
//! destination that is not a regular file (a named pipe, a folder, a symbolic
//! link), exports are 0600, and a database path that is not a file gets the
//! "check the path" message. The real binary, as a process.

mod common;

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
