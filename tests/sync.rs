//! Offline sync through the CLI as processes (issue 22): `sync clone` and
//! `sync` with a plain path (the binary runs itself as `sync serve` through
//! pipes) and through a stand-in `ssh` that runs the command line ssh would
//! run on the server. Each worker is a login through CASELOAD_TEST_LOGIN
//! (debug builds only); the far side inherits it, as ssh would log in as
//! the same worker.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{Out, Sandbox};

/// Runs `caseload --db DB ARGS` as `login` at moment `at`.
fn as_at(sb: &Sandbox, login: &str, at: &str, db: &Path, args: &[&str]) -> Out {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    sb.run_with(all, |c| {
        c.env("CASELOAD_TEST_LOGIN", login).env("CASELOAD_NOW", at);
    })
}

const T0: &str = "2026-11-23T10:00:00";

/// A team file: link workers asha and ben, coordinator cora; asha has Ann
/// and Amos, ben has Bill (with a note naming him).
fn team(sb: &Sandbox) -> PathBuf {
    let db = sb.path("team.db");
    for (login, name, role) in [
        ("asha", "Asha Patel", "link_worker"),
        ("ben", "Ben Okafor", "link_worker"),
        ("cora", "Cora Lind", "coordinator"),
    ] {
        as_at(
            sb,
            "asha",
            T0,
            &db,
            &[
                "worker", "add", "--login", login, "--name", name, "--role", role,
            ],
        )
        .ok();
    }
    for (login, given) in [("asha", "Ann"), ("asha", "Amos"), ("ben", "Billzebub")] {
        let id = as_at(
            sb,
            login,
            T0,
            &db,
            &["person", "add", "--given", given, "--family", "Test"],
        )
        .ok()
        .trim()
        .to_string();
        as_at(
            sb,
            login,
            T0,
            &db,
            &[
                "note",
                "add",
                &id,
                "--text",
                &format!("first talk with {given}"),
            ],
        )
        .ok();
    }
    db
}

fn clone(sb: &Sandbox, login: &str, team: &Path, laptop: &str) -> PathBuf {
    let path = sb.path(laptop);
    as_at(
        sb,
        login,
        T0,
        &path,
        &["sync", "clone", team.to_str().unwrap()],
    )
    .ok();
    path
}

fn names(sb: &Sandbox, db: &Path) -> Vec<String> {
    let mut names: Vec<String> = common::list_people(sb, db)
        .into_iter()
        .map(|p| p.given_name)
        .collect();
    names.sort();
    names
}

fn show(sb: &Sandbox, login: &str, db: &Path, id: &str) -> String {
    as_at(sb, login, T0, db, &["person", "show", id])
        .ok()
        .to_string()
}

/// The id of the person called `given` in `db`.
fn id_of(sb: &Sandbox, db: &Path, given: &str) -> String {
    common::list_people(sb, db)
        .into_iter()
        .find(|p| p.given_name == given)
        .map(|p| p.id.to_string())
        .unwrap_or_else(|| panic!("{given} is not in {}", db.display()))
}

/// Every byte of the database and its side files.
fn bytes(db: &Path) -> Vec<u8> {
    let mut all = std::fs::read(db).unwrap();
    for suffix in ["-wal", "-shm", "-journal"] {
        if let Ok(more) = std::fs::read(common::with_suffix(db, suffix)) {
            all.extend(more);
        }
    }
    all
}

fn holds(db: &Path, text: &str) -> bool {
    bytes(db).windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn a_clone_holds_only_my_people_is_private_and_remembers_its_origin() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let laptop = sb.path("asha.db");
    let out = as_at(
        &sb,
        "asha",
        T0,
        &laptop,
        &["sync", "clone", db.to_str().unwrap()],
    );
    assert!(
        out.ok().contains("copied 2 of asha's people"),
        "{}",
        out.stdout
    );
    assert_eq!(names(&sb, &laptop), ["Amos", "Ann"]);
    assert!(!holds(&laptop, "Billzebub"), "ben's person left the server");
    let mode = std::fs::metadata(&laptop).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(!sb.path("asha.part").exists(), "no half-made copy left");
    // The workers list came too: asha is a worker on the copy.
    let workers = as_at(&sb, "asha", T0, &laptop, &["worker", "list"]);
    assert!(workers.ok().contains("Ben Okafor"));
    let status = as_at(&sb, "asha", T0, &laptop, &["sync", "status"]);
    let status = status.ok();
    assert!(status.contains(&format!(
        "laptop copy of {}",
        db.canonicalize().unwrap().display()
    )));
    assert!(status.contains("waiting   0 change(s)"), "{status}");
    // A clone never goes over an existing caseload.
    as_at(
        &sb,
        "asha",
        T0,
        &laptop,
        &["sync", "clone", db.to_str().unwrap()],
    )
    .fails(1);
}

#[test]
fn two_laptops_and_the_team_file_converge_with_the_conflict_reported() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let asha = clone(&sb, "asha", &db, "asha.db");
    let ben = clone(&sb, "ben", &db, "ben.db");
    let ann = id_of(&sb, &asha, "Ann");
    let ann_team = id_of(&sb, &db, "Ann");
    assert_eq!(ann, ann_team, "short numbers are kept by a clone");

    // Offline: asha edits Ann and writes a note, adds a new referral; ben
    // writes a note about his person; on the team file, earlier that day at
    // the office, Ann's phone was changed too.
    let at = |h: u32| format!("2026-11-24T{h:02}:00:00");
    as_at(
        &sb,
        "asha",
        &at(9),
        &db,
        &["person", "edit", &ann_team, "--phone", "0113 111"],
    )
    .ok();
    as_at(
        &sb,
        "asha",
        &at(11),
        &asha,
        &[
            "person",
            "edit",
            &ann,
            "--phone",
            "0113 222",
            "--postcode",
            "LS6 1AA",
        ],
    )
    .ok();
    as_at(
        &sb,
        "asha",
        &at(11),
        &asha,
        &["note", "add", &ann, "--text", "home visit in the rain"],
    )
    .ok();
    as_at(
        &sb,
        "asha",
        &at(12),
        &asha,
        &["person", "add", "--given", "Newly", "--family", "Referred"],
    )
    .ok();
    let bill = id_of(&sb, &ben, "Billzebub");
    as_at(
        &sb,
        "ben",
        &at(10),
        &ben,
        &["note", "add", &bill, "--text", "met at the church hall"],
    )
    .ok();

    let a = as_at(&sb, "asha", &at(13), &asha, &["sync"]);
    let a = a.ok();
    assert!(a.contains("1 conflict"), "{a}");
    let b = as_at(&sb, "ben", &at(13), &ben, &["sync"]);
    assert!(b.ok().contains("0 conflicts"), "{}", b.stdout);

    // The team file has everything, once.
    let team_ann = show(&sb, "asha", &db, &ann_team);
    assert!(
        team_ann.contains("0113 222"),
        "the later change wins:\n{team_ann}"
    );
    assert!(team_ann.contains("LS6 1AA"));
    assert_eq!(team_ann.matches("home visit in the rain").count(), 1);
    assert!(team_ann.contains("Changed in two places"), "{team_ann}");
    assert!(
        team_ann.contains("'0113 111'"),
        "the other value is kept:\n{team_ann}"
    );
    let team_bill = show(&sb, "ben", &db, &id_of(&sb, &db, "Billzebub"));
    assert!(team_bill.contains("met at the church hall"));
    assert!(names(&sb, &db).contains(&"Newly".to_string()));

    // The laptop shows the same, conflict included.
    let laptop_ann = show(&sb, "asha", &asha, &ann);
    assert!(laptop_ann.contains("0113 222") && laptop_ann.contains("'0113 111'"));
    // Nothing left to do: a second sync moves nothing.
    let again = as_at(&sb, "asha", &at(14), &asha, &["sync"]);
    assert!(
        again.ok().contains("pushed 0, pulled 0, 0 conflicts"),
        "{}",
        again.stdout
    );
    assert!(!holds(&asha, "Billzebub") && !holds(&asha, "church hall"));
}

#[test]
fn a_person_handed_on_leaves_the_laptop_after_my_notes_land() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let asha = clone(&sb, "asha", &db, "asha.db");
    let amos = id_of(&sb, &asha, "Amos");
    as_at(
        &sb,
        "asha",
        "2026-11-24T10:00:00",
        &asha,
        &["note", "add", &amos, "--text", "Amos wants the allotment"],
    )
    .ok();
    as_at(
        &sb,
        "cora",
        "2026-11-24T11:00:00",
        &db,
        &[
            "person",
            "assign",
            &id_of(&sb, &db, "Amos"),
            "--worker",
            "ben",
        ],
    )
    .ok();

    let out = as_at(&sb, "asha", "2026-11-24T12:00:00", &asha, &["sync"]);
    assert!(out.ok().contains("1 left"), "{}", out.stdout);
    assert_eq!(names(&sb, &asha), ["Ann"]);
    assert!(!holds(&asha, "Amos"), "no byte of Amos stays on the laptop");
    let on_team = show(&sb, "ben", &db, &id_of(&sb, &db, "Amos"));
    assert!(on_team.contains("Amos wants the allotment"), "{on_team}");
}

#[test]
fn a_person_erased_on_the_team_file_is_erased_on_the_laptop() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let asha = clone(&sb, "asha", &db, "asha.db");
    assert!(holds(&asha, "first talk with Ann"));
    as_at(
        &sb,
        "asha",
        "2026-11-24T10:00:00",
        &asha,
        &[
            "note",
            "add",
            &id_of(&sb, &asha, "Ann"),
            "--text",
            "offline words about Ann",
        ],
    )
    .ok();
    as_at(
        &sb,
        "cora",
        "2026-11-24T09:00:00",
        &db,
        &[
            "person",
            "erase",
            &id_of(&sb, &db, "Ann"),
            "--yes",
            "--reason",
            "request 9",
        ],
    )
    .ok();

    let out = as_at(&sb, "asha", "2026-11-24T12:00:00", &asha, &["sync"]);
    let out = out.ok();
    assert!(out.contains("1 left"), "{out}");
    assert!(out.contains("not taken by the team file"), "{out}");
    assert_eq!(names(&sb, &asha), ["Amos"]);
    for file in [&asha, &db] {
        assert!(
            !holds(file, "Ann"),
            "{} keeps a byte of Ann",
            file.display()
        );
        assert!(!holds(file, "offline words"));
    }
}

/// A stand-in for ssh: `fake-ssh -- SERVER COMMAND` runs COMMAND with the
/// shell, as sshd would, with its output cut after `cut` bytes if given.
fn fake_ssh(sb: &Sandbox, cut: Option<usize>) -> PathBuf {
    let path = sb.path(if cut.is_some() { "cut-ssh" } else { "fake-ssh" });
    let run = match cut {
        // dd, not head: head would hold the bytes back until it had them all.
        Some(n) => format!("sh -c \"$3\" | dd bs=1 count={n} 2>/dev/null"),
        None => "exec sh -c \"$3\"".to_string(),
    };
    std::fs::write(
        &path,
        format!("#!/bin/sh\n[ \"$1\" = -- ] || exit 9\n{run}\n"),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn over_ssh(sb: &Sandbox, ssh: &Path, at: &str, db: &Path, args: &[&str]) -> Out {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    sb.run_with(all, |c| {
        c.env("CASELOAD_TEST_LOGIN", "asha")
            .env("CASELOAD_NOW", at)
            .env("CASELOAD_SSH", ssh)
            .env("CASELOAD_REMOTE", common::BIN);
    })
}

#[test]
fn over_ssh_a_cut_connection_changes_nothing_here_and_the_next_sync_finishes() {
    let sb = Sandbox::new();
    let db = team(&sb);
    // A folder name with a space and a quote survives the remote shell.
    let dir = sb.path("team's files");
    std::fs::create_dir(&dir).unwrap();
    let team = dir.join("team.db");
    std::fs::rename(&db, &team).unwrap();
    let origin = format!("server.example:{}", team.display());
    let ssh = fake_ssh(&sb, None);
    let asha = sb.path("asha.db");
    over_ssh(&sb, &ssh, T0, &asha, &["sync", "clone", &origin]).ok();
    assert_eq!(names(&sb, &asha), ["Amos", "Ann"]);

    let ann = id_of(&sb, &asha, "Ann");
    for text in ["one", "two", "three"] {
        as_at(
            &sb,
            "asha",
            "2026-11-24T10:00:00",
            &asha,
            &["note", "add", &ann, "--text", &format!("note {text}")],
        )
        .ok();
    }
    // The answer is cut ten bytes into the pull, after the welcome: the
    // team file took the push, the laptop never heard back.
    let welcome = r#"{"welcome":{"worker":"asha","encrypted":false}}"#.len() + 1;
    let cut = fake_ssh(&sb, Some(welcome + 10));
    let failed = over_ssh(&sb, &cut, "2026-11-24T11:00:00", &asha, &["sync"]);
    assert_ne!(failed.code, 0, "{}", failed.stdout);
    assert!(
        failed.stderr.contains("run `caseload sync` again"),
        "{}",
        failed.stderr
    );
    let waiting = as_at(&sb, "asha", T0, &asha, &["sync", "status"]);
    assert!(
        waiting.ok().contains("waiting   3 change(s)"),
        "{}",
        waiting.stdout
    );

    let done = over_ssh(&sb, &ssh, "2026-11-24T12:00:00", &asha, &["sync"]);
    assert!(done.ok().contains("0 conflicts"), "{}", done.stdout);
    let team_ann = show(&sb, "asha", &team, &id_of(&sb, &team, "Ann"));
    for text in ["note one", "note two", "note three"] {
        assert_eq!(
            team_ann.matches(text).count(),
            1,
            "{text} once:\n{team_ann}"
        );
    }
    let laptop_ann = show(&sb, "asha", &asha, &ann);
    assert_eq!(laptop_ann.matches("note one").count(), 1);
    let again = over_ssh(&sb, &ssh, "2026-11-24T13:00:00", &asha, &["sync"]);
    assert!(
        again.ok().contains("pushed 0, pulled 0"),
        "{}",
        again.stdout
    );
}

#[test]
fn the_team_file_refuses_a_newer_schema_a_stranger_and_a_plain_file() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let serve = |login: &str, hello: &str| {
        sb.run_with(["sync", "serve", db.to_str().unwrap()], |c| {
            c.env("CASELOAD_TEST_LOGIN", login)
                .write_stdin(format!("{hello}\n"));
        })
    };
    let newer = caseload::store::SCHEMA_VERSION + 1;
    let out = serve(
        "asha",
        &format!(r#"{{"clone":{{"protocol":1,"schema":{newer}}}}}"#),
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stdout.contains("upgrade caseload on the server"),
        "{}",
        out.stdout
    );
    let older = serve("asha", r#"{"clone":{"protocol":1,"schema":3}}"#);
    assert!(
        older.stdout.contains("upgrade caseload on the laptop"),
        "{}",
        older.stdout
    );
    let stranger = serve(
        "mallory",
        &format!(
            r#"{{"clone":{{"protocol":1,"schema":{}}}}}"#,
            caseload::store::SCHEMA_VERSION
        ),
    );
    assert!(
        stranger.stdout.contains("mallory is not a current worker"),
        "{}",
        stranger.stdout
    );
    assert!(!stranger.stdout.contains("Ann"));
    // Syncing a file that is not a laptop copy says how to make one.
    as_at(&sb, "asha", T0, &db, &["sync"]).fails(1);
}

#[test]
fn an_encrypted_team_file_gives_an_encrypted_copy() {
    let sb = Sandbox::new();
    let db = team(&sb);
    let key = sb.path("key");
    std::fs::write(&key, "correct horse battery staple\n").unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let with_key = |args: &[&str], file: &Path| {
        let mut all = vec!["--db", file.to_str().unwrap()];
        all.extend_from_slice(args);
        sb.run_with(all, |c| {
            c.env("CASELOAD_TEST_LOGIN", "asha")
                .env("CASELOAD_KEY_FILE", &key);
        })
    };
    with_key(&["encrypt"], &db).ok();
    let asha = sb.path("asha.db");
    let out = with_key(&["sync", "clone", db.to_str().unwrap()], &asha);
    assert!(out.ok().contains("encrypted"), "{}", out.stdout);
    assert!(!holds(&asha, "SQLite format 3"), "the copy is encrypted");
    assert!(!holds(&asha, "first talk"));
    assert!(with_key(&["person", "list"], &asha).ok().contains("Ann"));
    let synced = with_key(&["sync"], &asha);
    assert!(synced.ok().contains("pushed 0"), "{}", synced.stdout);
}

/// A stand-in ssh that cuts the link after `n` bytes, the laptop's way
/// (`up`) or the team file's.
fn cutting_ssh(sb: &Sandbox, n: usize, up: bool) -> PathBuf {
    let path = sb.path(&format!("cut-{}-{n}", if up { "up" } else { "down" }));
    let run = if up {
        format!("dd bs=1 count={n} 2>/dev/null | sh -c \"$3\"")
    } else {
        // Then the whole link goes, as a dropped connection's does: without
        // the kill, a server waiting to read would hold it half open.
        format!("sh -c \"$3\" | {{ dd bs=1 count={n} 2>/dev/null; kill $$; }}")
    };
    std::fs::write(&path, format!("#!/bin/sh\n{run}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Person `given`'s whole record in `db`, as JSON (the table shows only the
/// latest five notes).
fn record(sb: &Sandbox, db: &Path, given: &str) -> String {
    let id = id_of(sb, db, given);
    as_at(
        sb,
        "asha",
        T0,
        db,
        &["person", "show", &id, "--format", "json"],
    )
    .ok()
    .to_string()
}

#[test]
fn a_link_cut_anywhere_either_way_loses_and_doubles_nothing() {
    let sb = Sandbox::new();
    let team = team(&sb);
    let origin = format!("server:{}", team.display());
    let asha = sb.path("asha.db");
    over_ssh(
        &sb,
        &fake_ssh(&sb, None),
        T0,
        &asha,
        &["sync", "clone", &origin],
    )
    .ok();
    let ann = id_of(&sb, &asha, "Ann");
    let mut written = Vec::new();
    let cuts = [1, 20, 49, 60, 120, 300, 700, 1500, 3000];
    for (i, (n, up)) in cuts
        .iter()
        .flat_map(|n| [(*n, true), (*n, false)])
        .enumerate()
    {
        let text = format!("offline note {i:02}");
        let at = format!("2026-11-24T10:{i:02}:00");
        as_at(
            &sb,
            "asha",
            &at,
            &asha,
            &["note", "add", &ann, "--text", &text],
        )
        .ok();
        written.push(text);
        let ssh = cutting_ssh(&sb, n, up);
        let _ = over_ssh(&sb, &ssh, &at, &asha, &["sync"]);
        // Whatever got through: nothing twice, on either side.
        let (on_team, on_laptop) = (record(&sb, &team, "Ann"), record(&sb, &asha, "Ann"));
        for text in &written {
            let (t, l) = (
                on_team.matches(text.as_str()).count(),
                on_laptop.matches(text.as_str()).count(),
            );
            assert!(t <= 1, "{text} doubled on the team file");
            assert_eq!(l, 1, "{text} on the laptop");
        }
        sb.run_db(&team, &["check"]).ok();
        sb.run_db(&asha, &["check"]).ok();
    }
    let done = over_ssh(
        &sb,
        &fake_ssh(&sb, None),
        "2026-11-24T12:00:00",
        &asha,
        &["sync"],
    );
    done.ok();
    let on_team = record(&sb, &team, "Ann");
    for text in &written {
        assert_eq!(
            on_team.matches(text.as_str()).count(),
            1,
            "{text} on the team file"
        );
    }
    let again = over_ssh(
        &sb,
        &fake_ssh(&sb, None),
        "2026-11-24T12:30:00",
        &asha,
        &["sync"],
    );
    assert!(
        again.ok().contains("pushed 0, pulled 0, 0 conflicts"),
        "{}",
        again.stdout
    );
}

/// A real sshd on a free loopback port, for this test only (keys in the
/// sandbox, no password, no PAM); stopped when dropped.
struct Sshd {
    child: std::process::Child,
    ssh: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts it, or says why it cannot (`None`): no sshd or ssh installed.
fn sshd(sb: &Sandbox) -> Option<Sshd> {
    let sshd = Path::new("/usr/sbin/sshd");
    let has_ssh = std::process::Command::new("ssh").arg("-V").output().is_ok();
    if !sshd.exists() || !has_ssh {
        eprintln!("skipped: sshd or ssh is not installed (.ci/run installs openssh-server)");
        return None;
    }
    let dir = sb.path("ssh");
    std::fs::create_dir(&dir).unwrap();
    for key in ["host_key", "client_key"] {
        let made = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(dir.join(key))
            .status()
            .unwrap();
        assert!(made.success(), "ssh-keygen {key}");
    }
    std::fs::copy(dir.join("client_key.pub"), dir.join("authorized_keys")).unwrap();
    // sshd's privilege separation folder, when run as root.
    let _ = std::fs::create_dir_all("/run/sshd");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let d = dir.display();
    std::fs::write(
        dir.join("sshd_config"),
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\n\
             AuthorizedKeysFile {d}/authorized_keys\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n\
             PermitRootLogin prohibit-password\nPidFile {d}/sshd.pid\n"
        ),
    )
    .unwrap();
    let child = std::process::Command::new(sshd)
        .args(["-D", "-f"])
        .arg(dir.join("sshd_config"))
        .arg("-E")
        .arg(dir.join("sshd.log"))
        .spawn()
        .unwrap();
    let ssh = dir.join("ssh");
    std::fs::write(
        &ssh,
        format!(
            "#!/bin/sh\nexec ssh -p {port} -i '{d}/client_key' -o StrictHostKeyChecking=no \
             -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR \"$@\"\n"
        ),
    )
    .unwrap();
    std::fs::set_permissions(&ssh, std::fs::Permissions::from_mode(0o755)).unwrap();
    let server = Sshd { child, ssh };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(server);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!(
        "sshd did not start: {}",
        std::fs::read_to_string(dir.join("sshd.log")).unwrap_or_default()
    );
}

#[test]
fn through_real_ssh_to_localhost_a_clone_and_a_sync_work() {
    let sb = Sandbox::new();
    let Some(server) = sshd(&sb) else { return };
    // Over real ssh the far side is this machine's own login (no test
    // login crosses ssh), so the team file's worker is that login.
    let team = sb.path("team.db");
    let me = common::app::open_store(&team).actor().to_string();
    let plain = |db: &Path, args: &[&str]| {
        let mut all = vec!["--db", db.to_str().unwrap()];
        all.extend_from_slice(args);
        sb.run_with(all, |c| {
            c.env("CASELOAD_SSH", &server.ssh)
                .env("CASELOAD_REMOTE", common::BIN);
        })
    };
    plain(&team, &["worker", "add", "--login", &me, "--name", "Me"]).ok();
    plain(&team, &["worker", "add", "--login", "ben", "--name", "Ben"]).ok();
    let ann = plain(
        &team,
        &["person", "add", "--given", "Ann", "--family", "Sshtest"],
    );
    let ann = ann.ok().trim().to_string();
    let bill = plain(
        &team,
        &[
            "person",
            "add",
            "--given",
            "Billzebub",
            "--family",
            "Sshtest",
        ],
    );
    plain(
        &team,
        &["person", "assign", bill.ok().trim(), "--worker", "ben"],
    )
    .ok();

    let laptop = sb.path("laptop.db");
    let origin = format!("127.0.0.1:{}", team.display());
    let cloned = plain(&laptop, &["sync", "clone", &origin]);
    assert!(cloned.ok().contains("copied 1 of"), "{}", cloned.stdout);
    assert!(!holds(&laptop, "Billzebub"));
    plain(
        &laptop,
        &["note", "add", &ann, "--text", "written with no signal"],
    )
    .ok();
    let synced = plain(&laptop, &["sync"]);
    assert!(synced.ok().contains("pushed 1"), "{}", synced.stdout);
    let on_team = plain(&team, &["person", "show", &ann]);
    assert!(
        on_team.ok().contains("written with no signal"),
        "{}",
        on_team.stdout
    );
}

#[test]
fn in_a_real_terminal_ctrl_o_syncs_and_comes_back() {
    let sb = Sandbox::new();
    let team = team(&sb);
    let asha = clone(&sb, "asha", &team, "asha.db");
    let ann = id_of(&sb, &asha, "Ann");
    as_at(
        &sb,
        "asha",
        T0,
        &asha,
        &["note", "add", &ann, "--text", "typed up on the bus"],
    )
    .ok();

    let mut tui =
        common::tui::Tui::spawn_with(&sb, 80, 24, ["--db", asha.to_str().unwrap()], |c| {
            c.env("CASELOAD_TEST_LOGIN", "asha");
        });
    tui.expect("laptop copy · never synced · 1 to go");
    tui.send(b"\x0f"); // Ctrl-o
    tui.expect("Synced: sent 1");
    assert!(record(&sb, &team, "Ann").contains("typed up on the bus"));
    let status = as_at(&sb, "asha", T0, &asha, &["sync", "status"]);
    assert!(
        status.ok().contains("waiting   0 change(s)"),
        "{}",
        status.stdout
    );
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_sync_killed_at_any_moment_loses_and_doubles_nothing() {
    let sb = Sandbox::new();
    let team = team(&sb);
    let asha = clone(&sb, "asha", &team, "asha.db");
    let ann = id_of(&sb, &asha, "Ann");
    let mut written = Vec::new();
    for i in 0..10u64 {
        let text = format!("note before kill {i:02}");
        as_at(
            &sb,
            "asha",
            T0,
            &asha,
            &["note", "add", &ann, "--text", &text],
        )
        .ok();
        written.push(text);
        let mut sync = sb.command();
        sync.args(["--db", asha.to_str().unwrap(), "sync"])
            .env("CASELOAD_TEST_LOGIN", "asha")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = sync.spawn().unwrap();
        // From at once to well after the end: every stage gets a kill -9.
        std::thread::sleep(std::time::Duration::from_millis(i * i * 2));
        let _ = child.kill();
        let _ = child.wait();
        let (on_team, on_laptop) = (record(&sb, &team, "Ann"), record(&sb, &asha, "Ann"));
        for text in &written {
            assert!(
                on_team.matches(text.as_str()).count() <= 1,
                "{text} doubled"
            );
            assert_eq!(
                on_laptop.matches(text.as_str()).count(),
                1,
                "{text} on the laptop"
            );
        }
        sb.run_db(&asha, &["check"]).ok();
    }
    as_at(&sb, "asha", T0, &asha, &["sync"]).ok();
    let on_team = record(&sb, &team, "Ann");
    for text in &written {
        assert_eq!(
            on_team.matches(text.as_str()).count(),
            1,
            "{text} on the team file"
        );
    }
    sb.run_db(&team, &["check"]).ok();
    let again = as_at(&sb, "asha", T0, &asha, &["sync"]);
    assert!(
        again.ok().contains("pushed 0, pulled 0"),
        "{}",
        again.stdout
    );
}
