//! A newcomer's week (issue 24): the bugs a new link worker hit, each through
//! the CLI as a process.

mod common;

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
