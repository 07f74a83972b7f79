//! Issue 24, rough edges a polished tool would not have: an empty directory
//! says how to fill it; a templated note previews by what was written, not
//! by its first heading, and Ctrl-t leaves the cursor under that heading.

use crate::common;

use common::app::{open_app, screen, temp_store};
use common::keys::{ctrl, press, type_text};
use ratatui::crossterm::event::KeyCode;

/// Ann Archer, referred by her GP today: the person most tests here need.
fn add_ann(store: &mut caseload::store::Store) -> i64 {
    let person = caseload::domain::person::PersonInput {
        given_name: "Ann".into(),
        family_name: "Archer".into(),
        referral_source: "GP practice".into(),
        ..Default::default()
    };
    store
        .people_mut()
        .add(&person.validate(common::today()).unwrap())
        .unwrap()
}

#[test]
fn an_empty_directory_says_how_to_fill_it() {
    let (_dir, store) = temp_store("new.db");
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('3'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("The directory is empty"), "{s}");
    assert!(
        s.contains("directory import") && s.contains("directory pull"),
        "{s}"
    );
}

#[test]
fn a_templated_note_previews_by_what_was_written_under_its_first_heading() {
    let (_dir, mut store) = temp_store("notes.db");
    let id = add_ann(&mut store);
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 't');
    type_text(&mut app, "Her garden and her cat");
    ctrl(&mut app, 's');
    let note = &app.store().notes().list(id).unwrap()[0];
    assert!(
        note.body
            .starts_with("What matters to me:\nHer garden and her cat\n"),
        "typed under the first heading: {:?}",
        note.body
    );
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Her garden and her cat"), "the preview: {s}");
}

/// The wellbeing form showed no questions: it now shows the question of the
/// item being scored, and moves on as each score goes in.
#[test]
fn the_measure_form_asks_each_question_as_it_is_scored() {
    let (_dir, mut store) = temp_store("measures.db");
    add_ann(&mut store);
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('m'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("1 of 4: Overall, how satisfied are you with your life"),
        "{s}"
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "7 ");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("2 of 4: Overall, to what extent"), "{s}");
    type_text(&mut app, "8 6 2 ");
    assert!(screen(&mut app, 80, 24).contains("all 4 scored: Ctrl-s saves"));
    // Another instrument, its own questions: four scores are one too many.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Right);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("4 scores, but UCLA3 asks 3 questions"), "{s}");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("1 of 3: How often do you feel that you lack"),
        "{s}"
    );
}

/// The person form had no consent field (the demo shows "Consent recorded"):
/// it has one now, checked like any day, kept when other fields are edited.
#[test]
fn consent_is_recorded_in_the_person_form_and_kept_by_later_edits() {
    let (_dir, mut store) = temp_store("consent.db");
    let id = add_ann(&mut store);
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..16 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "tomorrow");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("consent date cannot be after"),
        "not in the future: {s}"
    );
    ctrl(&mut app, 'u');
    type_text(&mut app, "yesterday");
    ctrl(&mut app, 's');
    let consent = |app: &caseload::tui::App| {
        app.store()
            .people()
            .get(id)
            .unwrap()
            .details
            .consent_recorded_on
            .map(|d| d.to_string())
    };
    assert_eq!(consent(&app).as_deref(), Some("2026-11-22"));
    // A later edit of another field keeps it.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "-Smith");
    ctrl(&mut app, 's');
    assert_eq!(
        app.store().people().get(id).unwrap().details.family_name,
        "Archer-Smith"
    );
    assert_eq!(consent(&app).as_deref(), Some("2026-11-22"));
}

/// Pane 2 did not list the person's follow-ups: it lists the open ones,
/// soonest first, and drops one once it is done.
#[test]
fn pane_2_lists_the_persons_open_follow_ups() {
    let (_dir, mut store) = temp_store("follow-ups.db");
    let id = add_ann(&mut store);
    let later = common::today() + chrono::Duration::days(3);
    store
        .follow_ups_mut()
        .add(Some(id), None, later, None, "Ask about the choir")
        .unwrap();
    let done = store
        .follow_ups_mut()
        .add(Some(id), None, common::today(), None, "Ring the GP")
        .unwrap();
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('2'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Follow-ups (2)"), "{s}");
    let ring = s.find("Ring the GP").expect("listed");
    let choir = s.find("Ask about the choir").expect("listed");
    assert!(ring < choir, "soonest first: {s}");
    caseload::store::Store::open(app.store().path(), common::clock())
        .unwrap()
        .follow_ups_mut()
        .complete(done)
        .unwrap();
    press(&mut app, KeyCode::Char('j')); // any key: the other window's change shows
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Follow-ups (1)") && !s.contains("Ring the GP"),
        "{s}"
    );
}

/// A follow-up added with `r` from pane 2 (the one-follow-up fast path,
/// which patches the agenda and the caseload's "Next" instead of reloading)
/// shows in pane 2's list at once; done in pane 4, it leaves it.
#[test]
fn a_follow_up_added_in_pane_2_shows_there_and_done_in_pane_4_leaves() {
    let (_dir, mut store) = temp_store("done.db");
    add_ann(&mut store);
    let mut app = open_app(store);
    app.tick();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('2'));
    assert!(!screen(&mut app, 80, 24).contains("Follow-ups ("));
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "tomorrow");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Ring the GP");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Follow-ups (1)") && s.contains("Ring the GP"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Enter); // no outcome to say
    assert!(screen(&mut app, 80, 24).contains("Done: follow-up"));
    press(&mut app, KeyCode::Char('2'));
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Ring the GP"), "{s}");
}

/// Issue 21, item 5: the first start on a new file says what to do first
/// (never a bare empty table), and Esc leaves the empty caseload.
#[test]
fn a_new_file_opens_on_a_welcome_that_says_what_to_do_first() {
    let (_dir, store) = temp_store("new.db");
    let mut app = open_app(store);
    app.welcome();
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Welcome to caseload"), "{s}");
    assert!(s.contains("new.db") && s.contains("caseload --demo"), "{s}");
    assert!(s.contains("directory import"), "{s}");
    press(&mut app, KeyCode::Esc);
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Welcome to caseload"), "{s}");
    assert!(s.contains("No people yet"), "{s}");
}

/// The letter could not be addressed (issue 24): the person form takes who
/// referred them and from where; the letter goes to them. With no name to
/// sign it, the app asks once and keeps it; the preview takes the actions
/// asked of the referrer (`a`, `u` takes the last one back).
#[test]
fn the_letter_is_addressed_asks_once_for_the_name_and_takes_actions() {
    let (dir, mut store) = temp_store("letter.db");
    let id = add_ann(&mut store);
    let mut app = open_app(store);
    app.set_letter_folder(dir.path().to_path_buf());
    // The person form: "Referred by" and the practice, after the reason.
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Referred by") && s.contains("e.g. Dr A Patel"),
        "{s}"
    );
    type_text(&mut app, "Dr A Patel");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Hyde Park Surgery");
    ctrl(&mut app, 's');
    let d = app.store().people().get(id).unwrap().details;
    assert_eq!(d.referrer_name.as_deref(), Some("Dr A Patel"));
    assert_eq!(
        d.referrer_organisation.as_deref(),
        Some("Hyde Park Surgery")
    );

    // L with no name anywhere: asked for it first.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('L'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Your name, to sign letters (asked once)"), "{s}");
    insta::assert_snapshot!("letter_asks_for_the_name", s);
    press(&mut app, KeyCode::Enter); // blank: refused, still asking
    assert!(screen(&mut app, 80, 24).contains("type your name"));
    type_text(&mut app, "Sam Rivers");
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 100, 90);
    assert!(s.contains("Letter to the referrer"), "{s}");
    assert!(s.contains("To: Dr A Patel, Hyde Park Surgery"), "{s}");
    assert!(s.contains("Name: Sam Rivers"), "{s}");
    assert_eq!(
        app.store().settings().letter_name().unwrap().as_deref(),
        Some("Sam Rivers")
    );

    // a: an action, shown at once; u takes it back.
    press(&mut app, KeyCode::Char('a'));
    assert!(screen(&mut app, 80, 24).contains("An action you ask of the referrer"));
    type_text(&mut app, "Please review her pain medication");
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 100, 90);
    assert!(s.contains("Requested actions:"), "{s}");
    assert!(s.contains("- Please review her pain medication"), "{s}");
    assert!(!s.contains("No actions required"), "{s}");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Refer to falls clinic");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('u'));
    let s = screen(&mut app, 100, 90);
    assert!(s.contains("- Please review her pain medication"), "{s}");
    assert!(!s.contains("falls clinic"), "{s}");
    // Esc in the action form leaves the preview as it was.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 100, 90).contains("- Please review her pain medication"));

    // Written with the action; the next letter starts with none and asks no name.
    press(&mut app, KeyCode::Enter);
    let prompt = app
        .take_external_edit()
        .expect("the summary goes to $EDITOR");
    app.finish_external_edit(Ok(prompt));
    let letter =
        std::fs::read_to_string(dir.path().join(format!("caseload-letter-{id}.txt"))).unwrap();
    assert!(
        letter.contains("To: Dr A Patel, Hyde Park Surgery\n"),
        "{letter}"
    );
    assert!(
        letter.contains("- Please review her pain medication"),
        "{letter}"
    );
    assert!(letter.contains("Name: Sam Rivers"), "{letter}");
    press(&mut app, KeyCode::Char('L'));
    let s = screen(&mut app, 100, 90);
    assert!(
        s.contains("No actions required") && s.contains("Name: Sam Rivers"),
        "{s}"
    );
}

/// The screen's rows, without the quotes TestBackend puts round them.
fn rows(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

/// Adds a service in pane 3 named so that the status line's message,
/// "Saved NAME", is `width` columns wide (words of five letters); gives
/// that message.
fn saved_message(width: usize) -> (tempfile::TempDir, caseload::tui::App, String) {
    let (dir, mut store) = temp_store("status.db");
    add_ann(&mut store);
    let mut app = open_app(store);
    let mut name = String::from("Walks");
    while name.len() + "Saved ".len() < width {
        let last = name.len() + "Saved ".len() + 1 == width;
        name.push(if name.len() % 6 == 5 && !last {
            ' '
        } else {
            'k'
        });
    }
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, &name);
    ctrl(&mut app, 's');
    let message = format!("Saved {name}");
    assert_eq!(message.len(), width);
    (dir, app, message)
}

/// Issue 24: status messages ran into the counts and were cut at 80
/// columns. A message has its room: the counts give way while it shows, and
/// one wider than the terminal goes on a second row, whole.
#[test]
fn a_status_message_has_its_room_beside_or_instead_of_the_counts() {
    // Fits the row, not with all the counts: the directory's go first.
    let (_dir, mut app, message) = saved_message(50);
    let s = rows(&screen(&mut app, 80, 24));
    let status = &s[22];
    assert!(status.starts_with(&format!("{message} ")), "{s:#?}");
    assert!(status.ends_with(" 1 open of 1 people"), "{status}");
    // Fits the row alone: the counts go.
    let (_dir, mut app, message) = saved_message(80);
    let s = rows(&screen(&mut app, 80, 24));
    assert_eq!(s[22], message, "{s:#?}");

    // Room for both: a gap between, the counts whole.
    let (_dir, mut app, message) = saved_message(40);
    let s = rows(&screen(&mut app, 80, 24));
    let status = &s[22];
    assert!(status.starts_with(&message), "{s:#?}");
    assert!(
        status.ends_with("1 open of 1 people · 1 services"),
        "{status}"
    );
    assert!(status[message.len()..].starts_with(' '), "{status}");

    // Wider than the terminal, at 80x24 and 60x20: two rows, nothing cut.
    for (w, h, width) in [(80, 24, 81), (80, 24, 150), (60, 20, 61), (60, 20, 110)] {
        let (_dir, mut app, message) = saved_message(width);
        let s = rows(&screen(&mut app, w, h));
        let h = usize::from(h);
        let shown = format!("{} {}", s[h - 3], s[h - 2]);
        assert_eq!(
            shown.split_whitespace().collect::<Vec<_>>(),
            message.split_whitespace().collect::<Vec<_>>(),
            "{w}x{h}: {s:#?}"
        );
        assert!(!shown.contains("open of"), "{shown}");
        assert!(s[h - 1].ends_with("? help"), "the footer stays: {s:#?}");
        assert!(s[0].contains('1'), "the tabs stay: {s:#?}");
    }
}

/// Pane 2's header said only "referred by GP practice" though the letter
/// names the referrer (schema 14): it names them too, on a line of its own
/// when the name's line has no room, never cut.
#[test]
fn pane_2_names_the_referrer() {
    let (_dir, mut store) = temp_store("referrer.db");
    let id = add_ann(&mut store);
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('2'));
    let s = rows(&screen(&mut app, 80, 24));
    assert!(s[1].contains("referred by GP practice"), "{s:#?}");
    let mut person = app.store().people().get(id).unwrap();
    person.details.referrer_name = Some("Dr A Patel".into());
    person.details.referrer_organisation = Some("Hyde Park Surgery".into());
    caseload::store::Store::open(app.store().path(), common::clock())
        .unwrap()
        .people_mut()
        .update(id, person.version, &person.details)
        .unwrap();
    press(&mut app, KeyCode::Char('j')); // any key: the other window's change shows
    let s = rows(&screen(&mut app, 80, 24));
    assert!(
        s[1].contains("Ann Archer")
            && s[1].contains("referred by Dr A Patel, Hyde Park Surgery (GP practice)"),
        "{s:#?}"
    );
    let s = rows(&screen(&mut app, 60, 20));
    assert!(s[1].contains("Ann Archer"), "{s:#?}");
    assert_eq!(
        s[2].trim(),
        "referred by Dr A Patel, Hyde Park Surgery (GP practice)",
        "{s:#?}"
    );
}

/// What in `s` is a day written another way than `7 Dec 2026`: an ISO day
/// (2026-12-06), a day with a leading zero (06 Dec) or a two-digit year
/// (Dec 26).
fn other_day_formats(s: &str) -> Vec<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c: Vec<char> = s.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let mut found = Vec::new();
    for i in 0..c.len() {
        let iso = (0..4).all(|k| digit(i + k))
            && c.get(i + 4) == Some(&'-')
            && digit(i + 5)
            && digit(i + 6)
            && c.get(i + 7) == Some(&'-')
            && digit(i + 8)
            && digit(i + 9);
        let word: String = c[i..c.len().min(i + 7)].iter().collect();
        let zero_day = c[i] == '0'
            && digit(i + 1)
            && !(i > 0 && digit(i - 1))
            && MONTHS
                .iter()
                .any(|m| word.get(2..6) == Some(&format!(" {m}")[..]));
        let short_year = MONTHS.iter().any(|m| word.starts_with(&format!("{m} ")))
            && digit(i + 4)
            && digit(i + 5)
            && !digit(i + 6);
        if iso || zero_day || short_year {
            found.push(
                c[i.saturating_sub(10)..c.len().min(i + 14)]
                    .iter()
                    .collect(),
            );
        }
    }
    found
}

/// Issue 24: four day formats were mixed (2026-12-06, 06 Dec 2026,
/// 06 Dec 26, Tue 08 Dec). On the demo caseload every pane, a person's
/// details, a directory entry and the letter show days one way.
#[test]
fn every_pane_and_the_letter_show_days_one_way() {
    let (dir, mut store) = common::app::demo_store("days.db");
    store.settings_mut().set_letter_name("Sam Rivers").unwrap();
    let mut app = open_app(store);
    app.set_letter_folder(dir.path().to_path_buf());
    app.tick();
    // The keys, and what shows there.
    let views: [(&[KeyCode], &str); 9] = [
        (&[KeyCode::Char('1')], "Referred"),
        (&[KeyCode::Enter], "Referred on"),
        (&[KeyCode::Esc, KeyCode::Char('2')], "Wellbeing"),
        (&[KeyCode::Char('L')], "Letter to the referrer"),
        (&[KeyCode::Esc, KeyCode::Char('3')], "Verified"),
        (&[KeyCode::Enter], "Last verified"),
        (&[KeyCode::Esc, KeyCode::Char('4')], "Overdue"),
        (&[KeyCode::Char('5')], "Report 1 Nov 2026 to 23 Nov 2026"),
        (&[KeyCode::Char('6')], "Retention"),
    ];
    for (keys, shows) in views {
        for k in keys {
            press(&mut app, *k);
        }
        for (w, h) in [(80, 24), (120, 40)] {
            let s = screen(&mut app, w, h);
            assert!(s.contains(shows), "after {keys:?} at {w}x{h}: {s}");
            assert!(
                other_day_formats(&s).is_empty(),
                "after {keys:?} at {w}x{h}: {:?}\n{s}",
                other_day_formats(&s)
            );
        }
    }
    assert_eq!(
        other_day_formats("on 7 Dec 2026, Mon 7 Dec 2026"),
        Vec::<String>::new()
    );
    assert_eq!(other_day_formats("2026-12-06 06 Dec x Dec 26").len(), 3);
}

/// Issue 24, bug 7: pane 2's help said "n/a new conversation note", which
/// reads as "not applicable". Letters alone are joined by "or".
#[test]
fn help_never_says_n_slash_a() {
    let (_dir, mut store) = temp_store("help.db");
    add_ann(&mut store);
    let mut app = open_app(store);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("n or a"), "{s}");
    assert!(!s.contains("n/a"), "{s}");
}
