//! A team on one file (issue 14): workers, assignment and handover, "my
//! caseload", and `init --shared`. The CLI as a process; each worker is a
//! different login through CASELOAD_TEST_LOGIN (read by debug builds only).

use crate::common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use common::{Out, Sandbox};

fn as_login(sb: &Sandbox, login: &str, db: &Path, args: &[&str]) -> Out {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    sb.run_with(all, |c| {
        c.env("CASELOAD_TEST_LOGIN", login);
    })
}

fn ids(out: &str) -> Vec<i64> {
    out.lines()
        .skip(1)
        .filter_map(|l| l.split(',').next()?.parse().ok())
        .collect()
}

/// Two link workers (asha, ben) and a coordinator (cora); asha adds 1 and
/// 2, ben adds 3, each with a follow-up.
fn team(sb: &Sandbox) -> PathBuf {
    let db = sb.path("team.db");
    for (login, name, role) in [
        ("asha", "Asha Patel", "link_worker"),
        ("ben", "Ben Okafor", "link_worker"),
        ("cora", "Cora Lind", "coordinator"),
    ] {
        as_login(
            sb,
            "asha",
            &db,
            &[
                "worker", "add", "--login", login, "--name", name, "--role", role,
            ],
        )
        .ok();
    }
    for (login, given) in [("asha", "Ann"), ("asha", "Amos"), ("ben", "Bill")] {
        let id = as_login(
            sb,
            login,
            &db,
            &["person", "add", "--given", given, "--family", "Test"],
        )
        .ok()
        .trim()
        .to_string();
        as_login(
            sb,
            login,
            &db,
            &[
                "followup",
                "add",
                "--person",
                &id,
                "--due",
                "2026-11-23",
                "--text",
                "ring",
            ],
        )
        .ok();
    }
    db
}

#[test]
fn workers_are_added_listed_and_retired() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let csv = as_login(&sb, "asha", &db, &["worker", "list", "--format", "csv"]);
    assert_eq!(
        csv.ok(),
        "login,name,role,retired_on\nasha,Asha Patel,link_worker,\nben,Ben Okafor,link_worker,\ncora,Cora Lind,coordinator,\n"
    );
    let json: serde_json::Value = serde_json::from_str(
        as_login(&sb, "asha", &db, &["worker", "list", "--format", "json"]).ok(),
    )
    .unwrap();
    assert_eq!(json[2]["role"], "coordinator");
    let line = as_login(
        &sb,
        "asha",
        &db,
        &["worker", "add", "--login", "ben", "--name", "Again"],
    )
    .fails(1)
    .to_string();
    assert!(line.contains("already registered"), "{line}");
    as_login(
        &sb,
        "asha",
        &db,
        &["worker", "add", "--login", "x y", "--name", "Z"],
    )
    .fails(1);
    as_login(
        &sb,
        "asha",
        &db,
        &[
            "worker", "add", "--login", "z", "--name", "Z", "--role", "boss",
        ],
    )
    .fails(1);

    let out = as_login(&sb, "cora", &db, &["worker", "retire", "ben"]);
    assert!(out.ok().contains("1 open case(s)"), "{}", out.stdout);
    let csv = as_login(&sb, "asha", &db, &["worker", "list", "--format", "csv"]);
    assert!(
        csv.ok()
            .ends_with("ben,Ben Okafor,link_worker,2026-11-23\n"),
        "{}",
        csv.stdout
    );
    // A retired worker cannot be handed anyone.
    let line = as_login(
        &sb,
        "cora",
        &db,
        &["person", "assign", "1", "--worker", "ben"],
    )
    .fails(1)
    .to_string();
    assert!(line.contains("retired"), "{line}");
}

#[test]
fn the_audit_names_the_registered_worker() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let conn = common::open_read_only(&db);
    let (actor, name): (String, Option<String>) = conn
        .query_row(
            "SELECT actor, actor_name FROM audit WHERE entity = 'person' AND entity_id = 3",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (actor.as_str(), name.as_deref()),
        ("ben", Some("Ben Okafor"))
    );
}

#[test]
fn a_file_with_no_workers_behaves_as_before() {
    let sb = Sandbox::new();
    let db = sb.path("solo.db");
    sb.run_db(
        &db,
        &["person", "add", "--given", "Solo", "--family", "Person"],
    )
    .ok();
    let json = sb.run_db(&db, &["person", "list", "--format", "json"]);
    assert!(!json.ok().contains("assigned_worker"), "{}", json.stdout);
    let report = sb.run_db(&db, &["report", "--format", "json"]);
    assert!(!report.ok().contains("by_worker"));
    let csv = sb.run_db(&db, &["report", "--format", "csv"]);
    assert!(!csv.ok().contains("by_worker"));
    // --worker me needs a registered worker; all works as the default does.
    let line = sb
        .run_db(&db, &["person", "list", "--worker", "me"])
        .fails(1)
        .to_string();
    assert!(line.contains("not a registered worker"), "{line}");
    assert_eq!(
        sb.run_db(&db, &["person", "list", "--worker", "all"]).ok(),
        sb.run_db(&db, &["person", "list"]).ok()
    );
    let conn = common::open_read_only(&db);
    let assigned: Option<String> = conn
        .query_row("SELECT assigned_worker FROM person", [], |r| r.get(0))
        .unwrap();
    assert_eq!(assigned, None);
}

#[test]
fn each_worker_sees_their_own_caseload_and_agenda_by_default() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let list = |login: &str, extra: &[&str]| {
        let mut args = vec!["person", "list", "--format", "csv"];
        args.extend_from_slice(extra);
        ids(as_login(&sb, login, &db, &args).ok())
    };
    assert_eq!(list("asha", &[]), [2, 1]); // by family, then given name
    assert_eq!(list("ben", &[]), [3]);
    assert_eq!(list("cora", &[]), [2, 1, 3], "a coordinator sees everyone");
    assert_eq!(list("asha", &["--worker", "all"]), [2, 1, 3]);
    assert_eq!(list("cora", &["--worker", "ben"]), [3]);
    assert_eq!(list("cora", &["--worker", "me"]), Vec::<i64>::new());
    as_login(&sb, "asha", &db, &["person", "list", "--worker", "nobody"]).fails(1);
    // Everyone's list says whose each person is; one worker's does not need to.
    let table = as_login(&sb, "cora", &db, &["person", "list"]);
    let header = table.ok().lines().next().unwrap_or_default().to_string();
    assert!(header.ends_with("WORKER"), "{header}");
    assert!(
        table
            .stdout
            .lines()
            .any(|l| l.starts_with("3 ") && l.ends_with("ben")),
        "{}",
        table.stdout
    );
    let mine = as_login(&sb, "asha", &db, &["person", "list"]);
    assert!(!mine.ok().contains("WORKER"));

    let agenda = |login: &str, extra: &[&str]| {
        let mut args = vec!["remind", "--format", "json"];
        args.extend_from_slice(extra);
        let v: serde_json::Value =
            serde_json::from_str(as_login(&sb, login, &db, &args).ok()).unwrap();
        let mut ids: Vec<i64> = v["due"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(agenda("asha", &[]), [1, 2]);
    assert_eq!(agenda("ben", &[]), [3]);
    assert_eq!(agenda("cora", &[]), [1, 2, 3]);
    assert_eq!(agenda("ben", &["--worker", "asha"]), [1, 2]);

    let ics = sb.path("ben.ics");
    let out = as_login(
        &sb,
        "ben",
        &db,
        &["calendar", "--out", ics.to_str().unwrap()],
    );
    assert!(out.ok().contains("1 follow-up(s)"), "{}", out.stdout);
}

#[test]
fn a_handover_moves_the_person_and_their_follow_ups_with_a_note() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let out = as_login(
        &sb,
        "asha",
        &db,
        &[
            "person",
            "assign",
            "1",
            "--worker",
            "ben",
            "--note",
            "Ann prefers mornings",
        ],
    );
    assert_eq!(out.ok(), "handed person 1 over to ben\n");
    let ben = ids(as_login(&sb, "ben", &db, &["person", "list", "--format", "csv"]).ok());
    assert_eq!(ben, [1, 3]);
    let agenda = as_login(&sb, "ben", &db, &["remind"]);
    assert!(agenda.ok().contains("#1 ring"), "{}", agenda.stdout);
    let show = as_login(&sb, "ben", &db, &["person", "show", "1"]);
    assert!(
        show.ok()
            .contains("2026-11-23 handed over to ben (Ann prefers mornings)"),
        "{}",
        show.stdout
    );
    // The audit has the handover, with logins and no note text.
    let audit = as_login(
        &sb,
        "cora",
        &db,
        &["audit", "--person", "1", "--format", "csv"],
    );
    let line = audit
        .ok()
        .lines()
        .find(|l| l.contains("handover"))
        .unwrap_or_default()
        .to_string();
    assert!(
        line.contains("asha -> ben") && line.contains("Asha Patel"),
        "{line}"
    );
    assert!(!audit.stdout.contains("mornings"));
    // Already theirs, and an unknown worker, are refused.
    as_login(
        &sb,
        "asha",
        &db,
        &["person", "assign", "1", "--worker", "ben"],
    )
    .fails(1);
    as_login(
        &sb,
        "asha",
        &db,
        &["person", "assign", "1", "--worker", "zed"],
    )
    .fails(1);
    as_login(
        &sb,
        "asha",
        &db,
        &["person", "assign", "99", "--worker", "ben"],
    )
    .fails(1);

    // The report counts each person where they were at the period's end.
    let csv = as_login(&sb, "cora", &db, &["report", "--format", "csv"]);
    let text = csv.ok();
    for want in [
        "by_worker.caseload_at_end,asha,1",
        "by_worker.caseload_at_end,ben,2",
        "by_worker.referrals,ben,2",
        "by_worker.caseload_at_end,cora,0",
    ] {
        assert!(text.contains(want), "{want} in\n{text}");
    }
    let json = as_login(
        &sb,
        "cora",
        &db,
        &["report", "--format", "json", "--worker", "ben"],
    );
    let v: serde_json::Value = serde_json::from_str(json.ok()).unwrap();
    assert_eq!(v["by_worker"].as_array().unwrap().len(), 1);
    assert_eq!(v["by_worker"][0]["first_contacts"], 0);
    // --worker: every figure is over that worker's people at the period's end.
    as_login(&sb, "ben", &db, &["note", "add", "1", "--text", "called"]).ok();
    as_login(&sb, "asha", &db, &["note", "add", "2", "--text", "called"]).ok();
    let figures = |login: &str, worker: &str| -> serde_json::Value {
        let out = as_login(
            &sb,
            login,
            &db,
            &["report", "--format", "json", "--worker", worker],
        );
        serde_json::from_str(out.ok()).unwrap()
    };
    let ben = figures("cora", "ben");
    assert_eq!(
        (ben["referrals"].as_i64(), ben["open_at_end"].as_i64()),
        (Some(2), Some(2))
    );
    assert_eq!(
        (ben["contacts"].as_i64(), ben["people_seen"].as_i64()),
        (Some(1), Some(1))
    );
    let mine = figures("asha", "me");
    assert_eq!(
        (mine["referrals"].as_i64(), mine["contacts"].as_i64()),
        (Some(1), Some(1))
    );
    let all = figures("asha", "all");
    assert_eq!(
        (all["referrals"].as_i64(), all["contacts"].as_i64()),
        (Some(3), Some(2))
    );
    // The default stays the whole team's, even for a link worker.
    let default: serde_json::Value =
        serde_json::from_str(as_login(&sb, "asha", &db, &["report", "--format", "json"]).ok())
            .unwrap();
    assert_eq!(default["referrals"], 3);
}

#[test]
fn two_workers_editing_one_follow_up_get_a_refusal_not_last_writer_wins() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let edit = |login: &str, text: &str| {
        as_login(
            &sb,
            login,
            &db,
            &[
                "followup",
                "edit",
                "1",
                "--version",
                "1",
                "--due",
                "+2d",
                "--text",
                text,
            ],
        )
    };
    edit("asha", "first").ok();
    let line = edit("cora", "second").fails(1).to_string();
    assert!(line.contains("changed elsewhere"), "{line}");
    let conn = common::open_read_only(&db);
    let (text, version): (String, i64) = conn
        .query_row("SELECT text, version FROM reminder WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((text.as_str(), version), ("first", 2));
}

fn primary_group() -> (u32, String) {
    // SAFETY: getgid cannot fail; getgrgid's result is read at once.
    let gid = unsafe { libc::getgid() };
    let name = unsafe {
        let g = libc::getgrgid(gid);
        assert!(!g.is_null(), "no group entry for gid {gid}");
        std::ffi::CStr::from_ptr((*g).gr_name)
            .to_string_lossy()
            .into_owned()
    };
    (gid, name)
}

#[test]
fn init_shared_makes_a_team_folder_and_file_for_the_group() {
    let sb = Sandbox::new();
    let (gid, group) = primary_group();
    let db = sb.path("team/caseload.db");
    let out = sb.run_db(&db, &["init", "--shared", "--group", &group]);
    assert!(out.ok().contains("2770"), "{}", out.stdout);
    let dir = std::fs::metadata(sb.path("team")).unwrap();
    assert_eq!(dir.mode() & 0o7777, 0o2770);
    assert_eq!(dir.gid(), gid);
    let file = std::fs::metadata(&db).unwrap();
    assert_eq!(file.mode() & 0o777, 0o660);
    assert_eq!(file.gid(), gid);
    // A write by another command: the write-ahead log and its index get the
    // same group and mode while they exist (kept open by a reader here).
    let keep = common::open_read_only(&db);
    keep.query_row("SELECT count(*) FROM person", [], |r| r.get::<_, i64>(0))
        .unwrap();
    sb.run_db(&db, &["person", "add", "--given", "T", "--family", "S"])
        .ok();
    for suffix in ["-wal", "-shm"] {
        let side = common::with_suffix(&db, suffix);
        if let Ok(meta) = std::fs::metadata(&side) {
            assert_eq!(meta.mode() & 0o777, 0o660, "{suffix}");
            assert_eq!(meta.gid(), gid, "{suffix}");
        }
    }
    drop(keep);
    // Encrypting a team file keeps it a team file (group and 0660).
    let key = sb.path("key");
    std::fs::write(&key, format!("x'{}'\n", "ab".repeat(32))).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = sb.run_with(["--db", db.to_str().unwrap(), "encrypt"], |c| {
        c.env("CASELOAD_KEY_FILE", &key);
    });
    out.ok();
    let file = std::fs::metadata(&db).unwrap();
    assert_eq!((file.mode() & 0o777, file.gid()), (0o660, gid));
    // Once made, it is not made again.
    sb.run_db(&db, &["init", "--shared", "--group", &group])
        .fails(1);
    // A single-user file stays 0600.
    let solo = sb.path("solo.db");
    sb.run_db(&solo, &["init"]).ok();
    assert_eq!(
        std::fs::metadata(&solo).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn init_shared_refuses_a_group_you_are_not_in_and_a_folder_in_use() {
    let sb = Sandbox::new();
    let db = sb.path("team/caseload.db");
    let line = sb
        .run_db(&db, &["init", "--shared", "--group", "no-such-group-zq"])
        .fails(1)
        .to_string();
    assert!(line.contains("no group"), "{line}");
    assert!(!sb.path("team").exists());
    // A real group this user is not in, if the system has one.
    let (gid, group) = primary_group();
    // (Root too: membership is what is checked, not whether chown would work.)
    {
        let other = ["nogroup", "daemon", "sys", "adm"].into_iter().find(|g| {
            std::process::Command::new("getent")
                .args(["group", g])
                .output()
                .is_ok_and(|o| {
                    o.status.success()
                        && !String::from_utf8_lossy(&o.stdout).contains(&format!(":{gid}:"))
                })
        });
        if let Some(other) = other {
            let line = sb
                .run_db(&db, &["init", "--shared", "--group", other])
                .fails(1)
                .to_string();
            assert!(line.contains("not in group"), "{line}");
        }
    }
    // A folder that holds other files is never opened up to the group.
    std::fs::write(sb.path("notes.txt"), "private").unwrap();
    let here = sb.path("caseload.db");
    let line = sb
        .run_db(&here, &["init", "--shared", "--group", &group])
        .fails(1)
        .to_string();
    assert!(line.contains("holds other files"), "{line}");
    assert!(!here.exists());
}
