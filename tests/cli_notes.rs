//! Black-box tests of `caseload note add` (issue #4): every test runs the real
//! binary against a database in a temp dir and reads the result back through
//! `person show --format json`, the same way a script would.

use crate::common;

use std::path::{Path, PathBuf};

use common::{Out, Sandbox, count_rows};
use serde_json::Value;

const KINDS: [&str; 6] = [
    "what_matters",
    "follow_up",
    "phone",
    "visit",
    "accompanied",
    "other",
];

/// The fields every conversation in `person show --format json` carries.
const CONVERSATION_FIELDS: [&str; 9] = [
    "id",
    "person_id",
    "occurred_at",
    "kind",
    "body",
    "author",
    "amends",
    "amend_reason",
    "created_at",
];

/// A fresh database holding one person; returns its path and the person's id.
fn db_with_person(sb: &Sandbox) -> (PathBuf, i64) {
    let db = sb.path("notes.db");
    let id = add_person(sb, &db, "Rosa", "Delgado-Ávila");
    (db, id)
}

#[track_caller]
fn add_person(sb: &Sandbox, db: &Path, given: &str, family: &str) -> i64 {
    let out = sb.run_db(db, &["person", "add", "--given", given, "--family", family]);
    parse_id(&out)
}

/// Asserts the output of a successful add: exactly one line, the new id.
#[track_caller]
fn parse_id(out: &Out) -> i64 {
    let text = out.ok();
    assert!(
        out.stderr.is_empty(),
        "success prints nothing on stderr: {:?}",
        out.stderr
    );
    assert_eq!(text.lines().count(), 1, "only the new id: {text:?}");
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("expected the new id, got {text:?}"))
}

/// `caseload --db DB note add PERSON ARGS...` with `stdin` as standard input.
fn note_add(sb: &Sandbox, db: &Path, person: i64, args: &[&str], stdin: &str) -> Out {
    let person = person.to_string();
    let mut all = vec![
        "--db",
        db.to_str().expect("UTF-8 temp path"),
        "note",
        "add",
        &person,
    ];
    all.extend_from_slice(args);
    let stdin = stdin.to_string();
    sb.run_with(all, move |cmd| {
        cmd.write_stdin(stdin);
    })
}

/// The `conversations` array of `person show ID --format json`, each checked to
/// carry the documented fields.
#[track_caller]
fn conversations(sb: &Sandbox, db: &Path, person: i64) -> Vec<Value> {
    let out = sb.run_db(
        db,
        &["person", "show", &person.to_string(), "--format", "json"],
    );
    let text = out.ok();
    let value: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("invalid JSON ({e}): {text}"));
    for key in [
        "person",
        "status_history",
        "conversations",
        "goals",
        "measures",
    ] {
        assert!(value.get(key).is_some(), "person show has `{key}`: {text}");
    }
    let list = value["conversations"]
        .as_array()
        .unwrap_or_else(|| panic!("conversations is an array: {text}"))
        .clone();
    for c in &list {
        let mut keys: Vec<&str> = c
            .as_object()
            .expect("a conversation is an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        let mut want = CONVERSATION_FIELDS.to_vec();
        want.sort_unstable();
        assert_eq!(keys, want, "conversation fields: {c}");
        assert_eq!(c["person_id"], person, "{c}");
    }
    list
}

#[track_caller]
fn body_of(c: &Value) -> &str {
    c["body"].as_str().unwrap_or_else(|| panic!("body: {c}"))
}

#[test]
fn a_multi_line_note_from_stdin_round_trips_exactly() {
    let sb = Sandbox::new();
    let (db, pid) = db_with_person(&sb);
    let text = "Met at the library café ☕ — first proper chat\n\
                她说最重要的是见到孙子 🙂👨‍👩‍👧\n\
                \n\
                \x20 Next: ring on Tuesday, \"after 10\", not before; tabs\there\n";
    let out = note_add(&sb, &db, pid, &[], text);
    let id = parse_id(&out);

    let list = conversations(&sb, &db, pid);
    assert_eq!(list.len(), 1, "{list:?}");
    let c = &list[0];
    assert_eq!(c["id"], id, "the printed id is the note's id: {c}");
    assert_eq!(body_of(c), text, "the body is stored byte for byte");
    assert_eq!(c["kind"], "other", "the documented default kind: {c}");
    assert!(c["amends"].is_null(), "a new note amends nothing: {c}");
    assert!(c["amend_reason"].is_null(), "{c}");
    // Stamped with today's local date, to the second.
    let today = common::today().format("%Y-%m-%d").to_string();
    let at = c["occurred_at"].as_str().expect("occurred_at");
    assert!(
        at.starts_with(&today) && at.len() == 19,
        "occurred_at {at:?} should be today, YYYY-MM-DDTHH:MM:SS"
    );
}

#[test]
fn text_option_adds_a_note_and_wins_over_stdin() {
    let sb = Sandbox::new();
    let (db, pid) = db_with_person(&sb);
    let first = parse_id(&note_add(
        &sb,
        &db,
        pid,
        &[
            "--text",
            "Wants to get back to swimming 🏊 at Łódź Road baths",
        ],
        "",
    ));
    // Both given: --text is the note, standard input is not read.
    let second = parse_id(&note_add(
        &sb,
        &db,
        pid,
        &["--text", "Phoned back"],
        "this is standard input and must not be saved\n",
    ));
    assert_ne!(first, second, "each note gets its own id");

    let list = conversations(&sb, &db, pid);
    assert_eq!(list.len(), 2, "{list:?}");
    let body = |id: i64| {
        let c = list
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("note {id} in {list:?}"));
        body_of(c).to_string()
    };
    assert_eq!(
        body(first),
        "Wants to get back to swimming 🏊 at Łódź Road baths"
    );
    assert_eq!(body(second), "Phoned back");
}

#[test]
fn kind_option_is_stored() {
    let sb = Sandbox::new();
    let (db, pid) = db_with_person(&sb);
    let id = parse_id(&note_add(
        &sb,
        &db,
        pid,
        &["--kind", "phone", "--text", "Rang about the walking group"],
        "",
    ));
    let list = conversations(&sb, &db, pid);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["kind"], "phone", "{}", list[0]);

    // Every documented kind is accepted and stored under its own name.
    for kind in KINDS {
        let id = parse_id(&note_add(
            &sb,
            &db,
            pid,
            &["--kind", kind, "--text", &format!("a {kind} note")],
            "",
        ));
        let list = conversations(&sb, &db, pid);
        let c = list
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("note {id} in {list:?}"));
        assert_eq!(c["kind"], kind, "{c}");
        assert_eq!(body_of(c), format!("a {kind} note"));
    }
    assert_eq!(conversations(&sb, &db, pid).len(), 1 + KINDS.len());
}

#[test]
fn empty_or_blank_text_is_refused_and_nothing_is_saved() {
    let sb = Sandbox::new();
    let (db, pid) = db_with_person(&sb);
    let cases: [(&str, &[&str], &str); 5] = [
        ("empty stdin", &[], ""),
        ("whitespace-only stdin", &[], "  \n\t\n   \n"),
        ("empty --text", &["--text", ""], ""),
        ("whitespace-only --text", &["--text", "   \t "], ""),
        // --text wins, so real text on stdin does not rescue a blank --text.
        (
            "multi-line blank --text",
            &["--text", "\n  \n"],
            "real text on stdin\n",
        ),
    ];
    for (what, args, stdin) in cases {
        let out = note_add(&sb, &db, pid, args, stdin);
        let line = out.fails(1);
        assert!(
            line.contains("empty") || line.contains("nothing saved"),
            "{what}: the message should say why: {line}"
        );
        assert!(
            conversations(&sb, &db, pid).is_empty(),
            "{what}: nothing saved"
        );
    }
    assert_eq!(count_rows(&db, "conversation"), 0);
}

#[test]
fn unknown_kind_is_refused_and_nothing_is_saved() {
    let sb = Sandbox::new();
    let (db, pid) = db_with_person(&sb);
    for kind in ["email", "", "phone_call", "whatmatters"] {
        let out = note_add(
            &sb,
            &db,
            pid,
            &["--kind", kind, "--text", "a real note"],
            "",
        );
        let line = out.fails(1);
        assert!(
            line.contains("kind"),
            "--kind {kind:?}: the message names the problem: {line}"
        );
    }
    // Also when the text would have come from standard input.
    let out = note_add(&sb, &db, pid, &["--kind", "letter"], "a real note\n");
    out.fails(1);
    assert!(conversations(&sb, &db, pid).is_empty());
    assert_eq!(count_rows(&db, "conversation"), 0);
}

#[test]
fn unknown_person_is_refused_and_nothing_is_saved() {
    let sb = Sandbox::new();
    let (db, pid) = db_with_person(&sb);
    let missing = pid + 1000;
    let out = note_add(&sb, &db, missing, &["--text", "a real note"], "");
    let line = out.fails(1);
    assert!(
        line.contains(&missing.to_string()) || line.to_lowercase().contains("not found"),
        "the message names the missing person: {line}"
    );
    // From standard input, too.
    let out = note_add(&sb, &db, missing, &[], "a real note\n");
    out.fails(1);
    assert_eq!(count_rows(&db, "conversation"), 0, "nothing saved anywhere");
    assert!(conversations(&sb, &db, pid).is_empty());
}

#[test]
fn a_note_at_the_size_limit_from_stdin_is_kept_whole_and_a_byte_more_refused() {
    let sb = Sandbox::new();
    let (db, pid) = db_with_person(&sb);
    let limit = caseload::domain::limits::MAX_NOTE_BYTES;
    // Mixed widths and byte lengths, so a cut or re-encoding would show.
    let unit = "Line about the café, the 公园 and the allotment 🌱 — keep going.\n";
    let mut text = String::with_capacity(limit);
    while text.len() + unit.len() <= limit {
        text.push_str(unit);
    }
    while text.len() < limit {
        text.push('x');
    }
    assert_eq!(text.len(), limit);
    let over = format!("{text}x");
    let refused = sb.run_with(
        [
            "--db",
            db.to_str().unwrap(),
            "note",
            "add",
            &pid.to_string(),
        ],
        |cmd| {
            cmd.write_stdin(over.into_bytes());
        },
    );
    assert!(refused.fails(1).contains("at most 100 KB"));
    assert!(conversations(&sb, &db, pid).is_empty());

    let id = parse_id(&note_add(&sb, &db, pid, &["--kind", "visit"], &text));
    let list = conversations(&sb, &db, pid);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], id);
    let body = body_of(&list[0]);
    assert_eq!(body.len(), text.len(), "same length in bytes");
    assert_eq!(body.chars().count(), text.chars().count());
    assert!(body == text, "the 100 KB note reads back unchanged");
}

#[test]
fn notes_stay_with_their_own_person() {
    let sb = Sandbox::new();
    let (db, rosa) = db_with_person(&sb);
    let tomasz = add_person(&sb, &db, "Tomasz", "Wiśniewski");
    parse_id(&note_add(&sb, &db, rosa, &["--text", "for Rosa"], ""));
    parse_id(&note_add(&sb, &db, tomasz, &[], "for Tomasz"));
    let bodies = |pid: i64| -> Vec<String> {
        conversations(&sb, &db, pid)
            .iter()
            .map(|c| body_of(c).to_string())
            .collect()
    };
    assert_eq!(bodies(rosa), ["for Rosa"]);
    assert_eq!(bodies(tomasz), ["for Tomasz"]);
}
