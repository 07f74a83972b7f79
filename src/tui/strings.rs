//! The app's sentences in one place, as gitui's `strings.rs`: the wording is
//! reviewed together here, and could be translated here. What a key does is
//! in the keymap table (`keymap.rs`); a form field's one-word label stays
//! beside its field (a form's table of fields is its labels and hints).
//! Functions take what varies, already made safe to show.

/// Around the panes: the welcome, help, the minimum size, the event loop.
pub mod app {
    pub const PASTE_WHILE_ASKING: &str = "Paste ignored: answer the question first";
    pub const PASTE_NOWHERE: &str = "Paste ignored: paste into a note, a form or a search (/)";
    pub const RELOADED: &str = "Reloaded from the database";
    pub const HELP_TITLE: &str = " Help · Esc closes ";
    pub const HELP_TYPING: &str = "text goes into the field";
    pub const WELCOME_TITLE: &str = " Welcome to caseload ";

    pub fn too_small(width: u16, height: u16, quit: &str) -> String {
        format!("Terminal too small: need {width}x{height}. {quit} quits.")
    }

    /// The first start on a new file: `close` and `add` are the keys as bound.
    pub fn welcome(path: &str, close: &str, add: &str) -> [String; 9] {
        [
            format!("This is a new, empty caseload: {path}"),
            String::new(),
            format!("· To start: {close} closes this, then {add} adds the first person."),
            "· To try caseload first on fictional people and services: quit, then".into(),
            "  caseload --demo (nothing of it is kept).".into(),
            "· To fill the directory of services: caseload directory import FILE".into(),
            "  (CSV or Open Referral JSON) or caseload directory pull URL.".into(),
            String::new(),
            format!("? shows every key of the pane you are in. {close} closes this."),
        ]
    }

    pub fn draft_kept(at: &str) -> String {
        format!("Kept from {at}, when caseload closed: Ctrl-s saves, Esc discards")
    }
}

/// The command palette.
pub mod palette {
    pub const TITLE: &str = " Jump to a person, service or command ";
    pub const EMPTY: &str = "Type a name, an NHS number, a service or a command";
    pub const NOTHING_FOUND: &str = "Nothing found: fewer letters, or > for commands only";
    pub const NO_KEY: &str = "no key";
    pub const PERSON_GONE: &str = "That person is no longer on this caseload";

    pub fn hint(open: &str, down: &str, up: &str, close: &str) -> String {
        format!("{open} open · {down} {up} move · {close} close · > commands only")
    }

    pub fn done_elsewhere(keys: &str, pane: &str) -> String {
        format!("{keys} does that in {pane}")
    }

    pub fn nothing_selected(keys: &str) -> String {
        format!("Nothing to do that to here ({keys})")
    }

    pub fn not_here_yet(keys: &str, pane: &str) -> String {
        format!("Not here yet: that is {keys} in {pane}")
    }
}

/// The note editor (pane 2's `n`, and a correction).
pub mod editor {
    pub const PLACEHOLDER: &str = "Write the note here. Ctrl-t adds the what-matters headings.";
    pub const REASON_HINT: &str = "why it is being corrected";
    pub const CORRECTION_REASON: &str = "Correction reason ";
    pub const FROM_EDITOR_CUT: &str = "Text from the editor cut short";
    pub const NOTHING_PASTED: &str = "Nothing pasted";
    pub const PASTE_CUT: &str = "Paste cut short";
    pub const HEADINGS_NOT_ADDED: &str = "Headings not added";
    pub const NOT_TYPED: &str = "Not typed";
    pub const DISCARD: &str = "Discard this note? y = discard, any other key = keep writing";
    pub const AUTOSAVED: &str = "Drafts are autosaved. Ctrl-z undo · Ctrl-y redo";
    pub const DATE_AND_TIME: &str = "use a date and a time, e.g. 2026-11-23 14:05";
    pub const IN_THE_FUTURE: &str = "a note cannot be dated in the future";

    pub fn too_long(what: &str, kb: usize) -> String {
        format!("{what}: a note holds at most {kb} KB")
    }
}

/// Writing a note in `$EDITOR`.
pub mod external {
    pub fn no_temp_file(e: &dyn std::fmt::Display) -> String {
        format!("cannot create a temporary file for the editor: {e}")
    }
    pub fn temp_not_written(e: &dyn std::fmt::Display) -> String {
        format!("cannot write the temporary file: {e}")
    }
    pub fn cannot_start(program: &str, e: &dyn std::fmt::Display) -> String {
        format!("cannot start the editor '{program}': {e}; set $EDITOR")
    }
    pub fn failed(program: &str) -> String {
        format!("the editor '{program}' failed; the note is unchanged")
    }
    pub fn not_read(e: &dyn std::fmt::Display) -> String {
        format!("cannot read the edited note: {e}")
    }
}

/// The letter back to the referrer.
pub mod letter {
    pub const TITLE: &str =
        " Letter to the referrer · a: add an action · Enter: summary, then write · Esc closes ";
    pub const ASK_NAME: &str = "Your name, to sign letters (asked once)";
    pub const NAME_HINT: &str = "as the GP should read it, e.g. Sam Patel · Enter saves";
    pub const NAME_KEPT: &str =
        "Kept for your later letters; worker_name in config.toml overrides it";
    pub const ASK_ACTION: &str = "An action you ask of the referrer";
    pub const ACTION_HINT: &str = "e.g. Please review her pain medication · Enter adds it";
    pub const NO_ACTION: &str = "No action to remove: a adds one";
    pub const TOO_MANY: &str =
        "Letter not written: too many letters for this person in your home folder";

    pub fn name_not_saved(e: &dyn std::fmt::Display) -> String {
        format!("not saved: {e}")
    }
    pub fn not_written(e: &dyn std::fmt::Display) -> String {
        format!("Letter not written: {e}")
    }
    pub fn written(path: &str) -> String {
        format!("Letter written to {path} (readable by you only)")
    }
}

/// A person's connections to services (pane 2's list, the forms).
pub mod connections {
    pub const NONE_YET: &str = "None yet: c finds a service in the directory to connect.";
    pub const CHOOSE_STATUS: &str = "choose a status";
    pub const NOT_IN_FUTURE: &str = "the date cannot be in the future";
    pub const SELECT_PERSON: &str = "Select a person in the caseload (1) first, then c here";

    pub fn title(n: usize) -> String {
        format!(" Connections ({n}) · [ ] choose, u update ")
    }
}

/// Subject access and erasure.
pub mod data_protection {
    pub const PATH_HINT: &str = "a new file; ~ is your home folder";
    pub const EXPORT_INTRO: [&str; 4] = [
        "Everything held about them, as text they can read: their record,",
        "notes with every earlier version, goals, measures, services,",
        "follow-ups and who opened or changed it. Readable by you only;",
        "an existing file is never replaced.",
    ];
    pub const GIVE_A_FILE: &str = "give a file to write";
    pub const FILE_EXISTS: &str = "that file exists and is never replaced: choose another name";
    pub const NOBODY_MARKED: &str = "Nobody marked: Space marks a person first";
    pub const NAME_HINT: &str = "type their name to confirm, then Enter";
    pub const WORDS_HINT: &str = "type the words shown above, then Enter";
    pub const NAME_MISMATCH: &str = "the name does not match; nothing was erased";
    pub const ERASED: &str = "Erased: no copy remains in the database files";

    pub fn export_title(name: &str) -> String {
        format!("Subject access export · {name}")
    }
    pub fn not_written(e: &dyn std::fmt::Display) -> String {
        format!("not written: {e}")
    }
    pub fn cannot_write(e: &dyn std::fmt::Display) -> String {
        format!("cannot write it: {e}")
    }
    pub fn exported(path: &str) -> String {
        format!("Subject access export written to {path} (readable by you only)")
    }
    pub fn one_record(name: &str) -> String {
        format!("{name}'s record")
    }
    pub fn many_records(n: usize) -> String {
        format!("the records of {n} people")
    }
    pub fn type_to_erase(confirm: &str) -> String {
        format!("Type {confirm} to erase them.")
    }
    pub fn erase_one(name: &str) -> String {
        format!("Erase {name}?")
    }
    pub fn erase_many(n: usize) -> String {
        format!("Erase {n} people and every record about them?")
    }
    pub fn type_words(confirm: &str) -> String {
        format!("type {confirm}; nothing was erased")
    }
    pub fn erased_many(n: usize) -> String {
        match n {
            1 => "Erased person: no copy remains in the database files".into(),
            n => format!("Erased {n} people: no copy remains in the database files"),
        }
    }
    /// All erased; the log could not be emptied while another program reads.
    pub fn erased_then(e: &dyn std::fmt::Display) -> String {
        format!("Erased. {e}")
    }
    pub fn erased_some(erased: usize, of: usize, e: &dyn std::fmt::Display) -> String {
        format!("Erased {erased} of {of}; then: {e}")
    }
    /// What erasing deletes, `whose` being one of the two above.
    pub fn erase_intro(whose: &str) -> Vec<String> {
        vec![
            format!("This deletes {whose} and every record"),
            "about them: notes with every earlier version, drafts, goals,".into(),
            "measures, service connections and follow-ups. It cannot be".into(),
            "undone. The audit keeps the day, your login and the id only.".into(),
        ]
    }
}

/// Pane 3, the directory of services.
pub mod directory {
    pub const GONE: &str = "That service is no longer in the directory";
    pub const VERIFIED: &str = "Marked verified today";
    pub const REACTIVATED: &str = "Reactivated";
    pub const DEACTIVATED: &str = "Deactivated: kept for history, no longer offered";
    pub const EMPTY: &str = "The directory is empty. a adds a service here; or, from the command line, \
         caseload directory import FILE takes a CSV or Open Referral JSON file, and \
         caseload directory pull URL an Open Referral UK API (see the README).";
    pub const EDIT_TITLE: &str = "Edit service";
    pub const ADD_TITLE: &str = "Add service";
    pub const NOTHING_MATCHES: &str =
        "Nothing matches. Esc clears the search; f, A, i, S change the filters.";
    pub const TO_TYPE: &str = "/ to type";
    pub const ACTIVE_ONLY: &str = "active only";
    pub const STALE_ONLY: &str = "stale only";
    pub const NEVER_VERIFIED: &str = "never (stale: please check)";
    pub const IMPORT_NOTES: &str = "Import notes (values left out)";
    pub const ENTRY_TITLE: &str = " Service · Esc back ";

    pub fn saved(name: &str) -> String {
        format!("Saved {name}")
    }
    pub fn verify(name: &str, last: Option<&str>) -> String {
        let last = match last {
            Some(day) => format!("last checked {day}"),
            None => "never checked".into(),
        };
        format!("Mark {name} verified today ({last})? Only after checking it with them.")
    }
    pub fn reactivate(name: &str) -> String {
        format!("Reactivate {name}? It is offered to everyone again.")
    }
    pub fn deactivate(name: &str) -> String {
        format!("Deactivate {name}? It stays for history but is no longer offered.")
    }
    pub fn stale_since(day: &str) -> String {
        format!("{day} (stale: please check)")
    }
}

/// Pane 5, the month's report.
pub mod report {
    pub const CURRENT_MONTH: &str = "This is the current month";
    pub const WORKING: &str = "Working out the report...";
    pub const BY_SOURCE: &str = "Referrals by source";
    pub const NO_REFERRALS: &str = "No referrals";

    pub fn wrote(name: &str) -> String {
        format!("Wrote {name} (readable by you only)")
    }
    pub fn cannot_write(name: &str, e: &dyn std::fmt::Display) -> String {
        format!("Cannot write {name}: {e}")
    }
    pub fn exists(name: &str) -> String {
        format!("Cannot write {name}: it exists")
    }
    pub fn per_week(total: u64) -> String {
        format!("Referrals per week ({total})")
    }
}

/// Pane 6, retention review.
pub mod retention {
    pub const NOBODY_DUE: &str = "Nobody is due for review.";

    pub fn title(due: usize, marked: usize) -> String {
        format!(" Due for review ({due}) · {marked} marked ")
    }
}

/// Anything a form says about itself, and what its fields share.
pub mod form {
    pub const FIX_FIELDS: &str = "Nothing saved: please fix the fields marked !";
    pub const CHOICE_HINT: &str = "←/→ to change, or type its first letter";
    pub const STILL_EDITING: &str = "Still editing: Ctrl-s saves, Esc asks again";
    pub const DISCARD: &str = "Discard changes? y discard · n or Esc keep editing";
    pub const KEYS: &str = "Ctrl-s save · Esc cancel · Tab next field";
    pub const DATE_HINT: &str = "YYYY-MM-DD or DD/MM/YYYY";
    pub const NOT_IN_FUTURE: &str = "the date cannot be in the future";
    pub const CHOOSE_STATUS: &str = "choose a status";
    pub const CONFIRM_TITLE: &str = " Are you sure? ";

    pub fn not_saved(e: &dyn std::fmt::Display) -> String {
        format!("Not saved: {e}")
    }
    pub fn no_such_choice(c: char) -> String {
        format!("no choice starts with '{c}': ←/→ to change")
    }
}

/// Pane 1, the caseload, and its forms.
pub mod caseload {
    pub const EVERYONE: &str = "everyone's caseload";
    pub const MINE: &str = "my caseload";
    pub const NO_WORKERS: &str = "No workers registered: add them with `caseload worker add`";
    pub const NO_OTHER_WORKER: &str = "There is no other worker to hand over to";
    pub const NOBODY_YET: &str = "No people yet. Press a to add someone.";
    pub const NOBODY_HERE: &str =
        "Nobody here on this caseload. w shows everyone's; f changes the status filter.";
    pub const NOBODY_MATCHES: &str =
        "Nobody matches. Esc clears the filter; f changes the status filter.";
    pub const NO_CONTACT: &str = "No contact details recorded";
    pub const STATUS_HISTORY: &str = "Status history";
    pub const ADD_TITLE: &str = "Add person";
    pub const EDIT_TITLE: &str = "Edit person";
    pub const HANDOVER_HINT: &str = "what the next worker should know";
    pub const REASON_HINT: &str = "required when closing or declining";

    pub fn whose(name: &str) -> String {
        format!("{name}'s caseload")
    }
    pub fn handed_over_to(to: &str) -> String {
        format!("handed over to {to}")
    }
    pub fn hand_over(name: &str, now_with: &str) -> String {
        format!("Hand over {name} (now with {now_with})")
    }
    pub fn handed_over(name: &str) -> String {
        format!("Handed over to {name}")
    }
    pub fn change_status(now: &str) -> String {
        format!("Change status (now {now})")
    }
    pub fn status_changed(to: &str) -> String {
        format!("Status changed to {to}")
    }
}

/// Pane 2, what matters: the person, notes, goals and measures.
pub mod what_matters {
    pub const NOBODY_SELECTED: &str =
        "No person selected. Choose someone in the caseload (1) first.";
    pub const NO_NOTES: &str = "No conversations yet. n writes the first note.";
    pub const NO_GOALS: &str = "None yet: l then a adds one";
    pub const NO_MEASURES: &str = "No measures yet: m records one";
    pub const LOWER_IS_BETTER: &str = "↓ lower is better";
    pub const NOTE_TITLE: &str = " Note · Esc back · e correct ";
    pub const EDIT_GOAL: &str = "Edit goal";
    pub const GOAL_HINT: &str = "in the person's words, e.g. get out twice a week";
    pub const GOAL_SAVED: &str = "Goal saved";
    pub const GOAL_UPDATED: &str = "Goal updated";
    pub const MEASURE_SAVED: &str = "Measure saved";
    pub const DISCARD_DRAFT: &str = "Discard the recovered draft?";
    pub const DRAFT_DISCARDED: &str = "Draft discarded";
    pub const NOTE_SAVED: &str = "Note saved";
    pub const CORRECTION_SAVED: &str = "Correction saved; the original is kept";

    pub fn referred_by(who: &str, source: &str) -> String {
        format!("referred by {who} ({source})")
    }
    pub fn referred_from(source: &str) -> String {
        format!("referred by {source}")
    }
    pub fn gp_record(concept: &str, term: &str, on: &str) -> String {
        format!("GP record: {concept} {term} ({on})")
    }
    pub fn draft_recovered(when: &str) -> String {
        format!("Unsaved draft note recovered (autosaved {when}): n continues it, x discards it")
    }
    pub fn corrected(times: usize) -> String {
        format!("✎ corrected {times} time(s); earlier versions below")
    }
    pub fn new_goal(name: &str) -> String {
        format!("New goal · {name}")
    }
    pub fn measure(name: &str) -> String {
        format!("Wellbeing measure · {name}")
    }
    pub fn new_note(name: &str) -> String {
        format!("New note · {name}")
    }
    pub fn recovered_note(name: &str) -> String {
        format!("Note (recovered draft) · {name}")
    }
    pub fn recovered_correction(name: &str) -> String {
        format!("Correct note (recovered draft) · {name}")
    }
    pub fn correct_note(day: &str, name: &str) -> String {
        format!("Correct note of {day} · {name}")
    }
}

/// Pane 4, follow-ups: the agenda, the done history and their forms.
pub mod follow_ups {
    pub const DONE_GROUP: &str = "Done, most recent first";
    pub const ABOUT_A_SERVICE: &str = "This follow-up is about a service: see pane 3";
    pub const ABOUT_DELETED: &str = "The person or service this was about has been deleted";
    pub const ABOUT_NOBODY: &str = "This follow-up is not about anyone in particular";
    pub const NOT_YET: &str = "Not a follow-up yet: press r to add one for this person";
    pub const NOTHING_TO_UNDO: &str =
        "Nothing to undo: h shows the done history, u there reopens one";
    pub const ALL_CAUGHT_UP: &str = "Nothing due. All caught up. r adds a follow-up.";
    pub const NOTHING_DONE: &str = "Nothing done yet.";
    pub const OUTCOME_HINT: &str = "optional, e.g. no answer, try again · Enter saves";
    pub const DATE_HINT: &str = "+3d, fri, 01/12/2026: wins over the choice";
    pub const TEXT_HINT: &str = "e.g. Call to see how the group went";
    pub const FOR_NOBODY: &str = "Follow-up (not about anyone in particular)";

    pub fn gone_quiet(days: i64) -> String {
        format!("Gone quiet: no conversation in {days}+ days")
    }
    pub fn open_again(id: i64) -> String {
        format!("Follow-up #{id} is open again")
    }
    pub fn saved_for(id: i64, when: &str) -> String {
        format!("Follow-up #{id} saved for {when}")
    }
    pub fn done(id: i64, with_outcome: bool) -> String {
        if with_outcome {
            format!("Done, with its outcome: follow-up #{id} (u undoes)")
        } else {
            format!("Done: follow-up #{id} (u undoes)")
        }
    }
    pub fn done_title(id: i64, about: Option<&str>) -> String {
        match about {
            Some(about) => format!("Done: follow-up #{id} for {about}"),
            None => format!("Done: follow-up #{id}"),
        }
    }
    pub fn history_title(n: usize) -> String {
        format!(" Done history ({n}) · h back to the agenda ")
    }
    pub fn was_due(text: &str, due: &str) -> String {
        format!("{text} (was due {due})")
    }
    pub fn days_quiet(days: i64) -> String {
        format!("{days} days since last contact")
    }
    pub fn snoozed(id: i64, when: &str) -> String {
        format!("Follow-up #{id} snoozed until {when}")
    }
    pub fn snooze_title(id: i64) -> String {
        format!("Snooze follow-up #{id}")
    }
    pub fn for_whom(about: &str) -> String {
        format!("Follow-up for {about}")
    }
    pub fn offer(about: &str, days: i64) -> String {
        format!("Offer: check in with {about} in {days} days? (Esc skips)")
    }
    pub fn edit_title(id: i64) -> String {
        format!("Edit follow-up #{id}")
    }
}

/// A laptop copy: the status line, the sync key's words, the conflicts list.
pub mod sync {
    pub const NOT_A_COPY: &str =
        "This file is not a laptop copy: make one with caseload sync clone (see the README)";
    pub const CONFLICTS_TITLE: &str = " Changed in two places · Esc closes ";
    pub const CONFLICTS_HEAD: &str =
        "Changed on this laptop and on the team file: the later change was kept.";
    pub const SYNCING: &str = "Syncing with the team file";

    pub fn status(synced: Option<&str>, waiting: i64) -> String {
        let when = match synced {
            Some(at) => format!("synced {at}"),
            None => "never synced".into(),
        };
        format!("laptop copy · {when} · {waiting} to go")
    }
    pub fn done(
        pushed: usize,
        pulled: usize,
        conflicts: usize,
        joined: usize,
        left: usize,
    ) -> String {
        let mut line = format!("Synced: sent {pushed}, took {pulled}");
        if conflicts > 0 {
            line.push_str(&format!(", {conflicts} changed in two places (listed)"));
        }
        if joined > 0 {
            line.push_str(&format!(", {joined} joined your caseload"));
        }
        if left > 0 {
            line.push_str(&format!(", {left} left it"));
        }
        line
    }
    pub fn conflict(
        name: &str,
        table: &str,
        field: &str,
        kept: &str,
        lost: &str,
        lost_by: &str,
    ) -> String {
        format!("{name}, {table} {field}: kept {kept:?}; the other value {lost:?} ({lost_by})")
    }
    pub fn running(origin: &str) -> String {
        format!("{SYNCING} {origin} (ssh may ask for your password)...")
    }
}
