//! A newcomer's week (issue 24): the bugs a new link worker hit, each through
//! the CLI as a process.

use crate::common;

use std::path::Path;

use common::{Out, Sandbox};

fn as_login(sb: &Sandbox, login: &str, db: &Path, args: &[&str]) -> Out {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    sb.run_with(all, |c| {
        c.env("CASELOAD_TEST_LOGIN", login);
    })
}

/// Bug 1: on a one-worker file, registering yourself hid your people and
/// their due follow-ups. The first worker takes everyone on.
#[test]
fn the_first_worker_takes_on_the_people_already_on_file() {
    let sb = Sandbox::new();
    let db = sb.path("mine.db");
    let mut ids = Vec::new();
    for given in ["Ann", "Bea"] {
        let id = as_login(
            &sb,
            "sam",
            &db,
            &["person", "add", "--given", given, "--family", "Test"],
        )
        .ok()
        .trim()
        .to_string();
        ids.push(id);
    }
    as_login(
        &sb,
        "sam",
        &db,
        &[
            "followup",
            "add",
            "--person",
            &ids[0],
            "--due",
            "2026-11-23",
            "--text",
            "ring",
        ],
    )
    .ok();
    let before = as_login(&sb, "sam", &db, &["remind"]).ok().to_string();
    assert!(before.contains("ring"), "{before}");

    let added = as_login(
        &sb,
        "sam",
        &db,
        &["worker", "add", "--login", "sam", "--name", "Sam Patel"],
    )
    .ok()
    .to_string();
    assert!(
        added.contains("2 people already on file are now on sam's caseload"),
        "{added}"
    );
    let remind = as_login(&sb, "sam", &db, &["remind"]).ok().to_string();
    assert!(
        remind.contains("ring"),
        "the due follow-up is still there: {remind}"
    );
    let list = as_login(&sb, "sam", &db, &["person", "list", "--format", "csv"])
        .ok()
        .to_string();
    assert!(list.contains("Ann") && list.contains("Bea"), "{list}");

    // A second worker takes nobody: people are handed over one by one.
    let second = as_login(
        &sb,
        "sam",
        &db,
        &["worker", "add", "--login", "ben", "--name", "Ben Okafor"],
    )
    .ok()
    .to_string();
    assert!(!second.contains("already on file"), "{second}");
    let bens = as_login(&sb, "ben", &db, &["person", "list", "--format", "csv"])
        .ok()
        .to_string();
    assert!(!bens.contains("Ann"), "{bens}");
}

/// Bug 3: a connection could be marked attended before it was referred, and
/// the letter repeated it. Steps are refused out of date order.
#[test]
fn a_connection_step_cannot_be_dated_before_the_one_it_follows() {
    use caseload::domain::person::PersonInput;
    use caseload::domain::service::{ConnectionStatus, Service};
    use caseload::store::{Store, StoreError};
    let dir = tempfile::TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("c.db"), common::clock()).unwrap();
    let person = PersonInput {
        given_name: "Ann".into(),
        family_name: "Test".into(),
        ..Default::default()
    };
    let person = store
        .people_mut()
        .add(&person.validate(common::today()).unwrap())
        .unwrap();
    let service = Service {
        name: "Lunch club".into(),
        active: true,
        ..Default::default()
    };
    let service = store.directory_mut().create(&service).unwrap();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let c = store
        .connections_mut()
        .add(person, service, ConnectionStatus::Referred, day(20), None)
        .unwrap();
    let early = store
        .connections_mut()
        .set_status(c, ConnectionStatus::Attended, day(2), None);
    match early {
        Err(StoreError::Invalid(m)) => assert!(m.contains("2026-11-20 or later"), "{m}"),
        other => panic!("attended before referred was accepted: {other:?}"),
    }
    // The same day, or later, is a step in order.
    store
        .connections_mut()
        .set_status(c, ConnectionStatus::Attended, day(20), None)
        .unwrap();
    let history = &store.connections().for_person(person).unwrap()[0];
    assert_eq!(history.status, ConnectionStatus::Attended);
}

/// Bug 6: `walking LS6` found an entry at LS9 6PD, and `walking group LS6`
/// or `walking group near LS6` found nothing. Postcode districts match
/// exactly; "group" and "near" are soft words.
#[test]
fn postcode_districts_match_exactly_and_group_and_near_are_soft() {
    use caseload::domain::search::SearchIndex;
    use caseload::domain::service::Service;
    use caseload::domain::words::Thesaurus;
    let service = |name: &str, postcode: &str| Service {
        name: name.into(),
        categories: Some("walking".into()),
        postcode: Some(postcode.into()),
        active: true,
        ..Default::default()
    };
    let services = vec![
        service("East Hill Gentle Ramblers", "LS9 6PD"),
        service("Hyde Park Strollers", "LS6 3AB"),
        service("City Walkers", "LS60 1AA"),
    ];
    let index = SearchIndex::for_services(&services, &Thesaurus::builtin());
    let names = |q: &str| -> Vec<&str> {
        index
            .search(q)
            .iter()
            .map(|h| services[h.index as usize].name.as_str())
            .collect()
    };
    for q in [
        "walking LS6",
        "walking group LS6",
        "walking group near LS6",
        "ls6 walks",
    ] {
        assert_eq!(names(q), ["Hyde Park Strollers"], "{q}");
    }
    assert!(names("walking LS7").is_empty(), "no typo for a district");
}

/// Bug 5: `--source GP`, `gp` and "GP surgery" were three rows in the report
/// beside "GP practice". The command line takes the form's coded list.
#[test]
fn the_command_line_takes_referral_sources_from_the_coded_list() {
    let sb = Sandbox::new();
    let db = sb.path("s.db");
    for source in ["GP", "gp", "GP surgery", "GP practice"] {
        as_login(
            &sb,
            "sam",
            &db,
            &[
                "person", "add", "--given", "Ann", "--family", "Test", "--source", source,
            ],
        )
        .ok();
    }
    let list = as_login(&sb, "sam", &db, &["person", "list", "--format", "json"])
        .ok()
        .to_string();
    let people: serde_json::Value = serde_json::from_str(&list).unwrap();
    let sources: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["referral_source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["GP practice"; 4]);
    let refused = as_login(
        &sb,
        "sam",
        &db,
        &[
            "person", "add", "--given", "Bo", "--family", "Test", "--source", "the moon",
        ],
    );
    let err = refused.fails(1);
    assert!(err.contains("use one of: GP practice"), "{err}");
}

/// Bug 4: writing a GP letter or a subject access copy left no audit row,
/// and the subject access text showed raw audit lines.
#[test]
fn disclosures_are_audited_and_the_copy_says_so_in_words() {
    let sb = Sandbox::new();
    let db = sb.path("d.db");
    let id = as_login(
        &sb,
        "sam",
        &db,
        &["person", "add", "--given", "Ann", "--family", "Test"],
    )
    .ok()
    .trim()
    .to_string();
    let note = ["note", "add", id.as_str(), "--text", "First chat"];
    as_login(&sb, "sam", &db, &note).ok();
    let letter = sb.path("letter.txt");
    as_login(
        &sb,
        "sam",
        &db,
        &["person", "letter", &id, "--out", letter.to_str().unwrap()],
    )
    .ok();
    as_login(&sb, "sam", &db, &["person", "letter", &id]).ok();
    let csv = as_login(&sb, "sam", &db, &["audit", "--format", "csv"])
        .ok()
        .to_string();
    let letters = csv
        .lines()
        .filter(|l| l.contains(",letter,person,"))
        .count();
    assert_eq!(letters, 2, "one row per letter, to a file or not: {csv}");

    let copy = as_login(
        &sb,
        "sam",
        &db,
        &["person", "export", &id, "--format", "text"],
    )
    .ok()
    .to_string();
    assert!(
        copy.contains("wrote to the person who referred you"),
        "{copy}"
    );
    assert!(
        !copy.contains("(person)") && !copy.contains("(conversation)"),
        "{copy}"
    );
    let csv = as_login(&sb, "sam", &db, &["audit", "--format", "csv"])
        .ok()
        .to_string();
    assert!(csv.contains(",export,person,"), "{csv}");
}

/// Rough edge: the letter could not be addressed. The referrer's name and
/// practice come in with `person add` and `person edit`, the letter goes
/// "To:" them (else to the referral source), and with no name to sign it
/// `--from` gives one that later letters keep, per login.
#[test]
fn the_letter_is_addressed_to_the_referrer_and_signed_by_the_worker() {
    let sb = Sandbox::new();
    let db = sb.path("letters.db");
    let ann = as_login(
        &sb,
        "sam",
        &db,
        &[
            "person",
            "add",
            "--given",
            "Ann",
            "--family",
            "Test",
            "--source",
            "GP",
            "--referrer-name",
            "Dr A Patel",
            "--referrer-org",
            "Hyde Park Surgery",
        ],
    )
    .ok()
    .trim()
    .to_string();
    let bea = as_login(
        &sb,
        "sam",
        &db,
        &["person", "add", "--given", "Bea", "--family", "Test"],
    )
    .ok()
    .trim()
    .to_string();
    let show = as_login(&sb, "sam", &db, &["person", "show", &ann]);
    assert!(
        show.ok()
            .contains("Referred by      Dr A Patel, Hyde Park Surgery"),
        "{}",
        show.stdout
    );

    // No name known: the letter says so, and stderr says how to give one.
    let first = as_login(&sb, "sam", &db, &["person", "letter", &ann]);
    let text = first.ok();
    assert!(
        text.contains("To: Dr A Patel, Hyde Park Surgery\n"),
        "{text}"
    );
    assert!(
        text.contains("Referred by: Dr A Patel, Hyde Park Surgery (GP practice)"),
        "{text}"
    );
    assert!(text.contains("Name: not recorded"), "{text}");
    assert!(first.stderr.contains("--from"), "{}", first.stderr);
    // Unknown referrer: to the referral source.
    let other = as_login(&sb, "sam", &db, &["person", "letter", &bea]);
    assert!(
        other.ok().contains("To: the referrer (other)\n"),
        "{}",
        other.stdout
    );

    // --from once: kept for this login's later letters, not another's.
    let signed = as_login(
        &sb,
        "sam",
        &db,
        &["person", "letter", &ann, "--from", "Sam Rivers"],
    );
    assert!(
        signed.ok().contains("Name: Sam Rivers"),
        "{}",
        signed.stdout
    );
    let later = as_login(&sb, "sam", &db, &["person", "letter", &bea]);
    assert!(later.ok().contains("Name: Sam Rivers"), "{}", later.stdout);
    assert!(later.stderr.is_empty(), "{}", later.stderr);
    let someone_else = as_login(&sb, "kim", &db, &["person", "letter", &bea]);
    assert!(
        someone_else.ok().contains("Name: not recorded"),
        "{}",
        someone_else.stdout
    );
    as_login(&sb, "sam", &db, &["person", "letter", &bea, "--from", "  "]).fails(1);

    // person edit changes the referrer and nothing else.
    as_login(
        &sb,
        "sam",
        &db,
        &[
            "person",
            "edit",
            &bea,
            "--referrer-name",
            "Jo Bloggs",
            "--referrer-org",
            "Leeds Housing",
        ],
    )
    .ok();
    let text = as_login(&sb, "sam", &db, &["person", "letter", &bea])
        .ok()
        .to_string();
    assert!(text.contains("To: Jo Bloggs, Leeds Housing\n"), "{text}");
    assert!(text.contains("Name: Bea Test"), "{text}");
    as_login(&sb, "sam", &db, &["person", "edit", &bea]).fails(1);
}

/// Bug 12: `person letter --out` onto a file that is there: exit 1 (what
/// you typed: pass --force or another name), as the README says, and the
/// file is kept.
#[test]
fn a_letter_onto_an_existing_file_is_exit_1_and_keeps_it() {
    let sb = Sandbox::new();
    let db = sb.path("l.db");
    sb.run_db(
        &db,
        &["person", "add", "--given", "Ann", "--family", "Test"],
    )
    .ok();
    let out = sb.path("letter.txt");
    std::fs::write(&out, "keep me").unwrap();
    let path = out.to_str().unwrap();
    let args = [
        "person",
        "letter",
        "1",
        "--out",
        path,
        "--from",
        "Sam Rivers",
    ];
    let err = sb.run_db(&db, &args).fails(1).to_string();
    assert!(err.contains("exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let readme = include_str!("../README.md");
    assert!(
        readme.contains("an existing file is kept") && readme.contains("--force"),
        "the README says so"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    sb.run_db(&db, &forced).ok();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Social prescribing")
    );
}

/// Bug 12: in the report, 'prefer not to say' was listed before larger
/// counts. It comes after every real answer, before 'not recorded'.
#[test]
fn the_report_lists_prefer_not_to_say_after_every_real_answer() {
    let sb = Sandbox::new();
    let db = sb.path("r.db");
    for gp in ["prefer not to say", "Y01234", "Y01234", "B82005"] {
        sb.run_db(
            &db,
            &[
                "person",
                "add",
                "--given",
                "Ann",
                "--family",
                "Test",
                "--gp-practice",
                gp,
            ],
        )
        .ok();
    }
    let table = sb.run_db(&db, &["report"]).ok().to_string();
    let rows: Vec<&str> = table
        .lines()
        .skip_while(|l| *l != "by_gp_practice")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split("  ").nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        rows,
        ["Y01234", "B82005", "prefer not to say", "not recorded"],
        "{table}"
    );
}
