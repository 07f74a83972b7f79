//! The app's sentences in one place, as gitui's `strings.rs`: the wording is
//! reviewed together here, and could be translated here. What a key does is
//! in the keymap table (`keymap.rs`); a form field's one-word label stays
//! beside its field. Functions take what varies, already made safe to show.

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

/// Anything a form says about itself.
pub mod form {
    pub fn not_saved(e: &dyn std::fmt::Display) -> String {
        format!("Not saved: {e}")
    }
}
