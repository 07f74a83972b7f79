//! Every key the app knows, in one table per context. The help overlay and the
//! footer are generated from these, so they can never drift from the code.

pub struct KeyHelp {
    pub keys: &'static str,
    pub action: &'static str,
    /// A one-word label for the footer line; empty: shown in help only.
    pub footer: &'static str,
}

const fn k(keys: &'static str, action: &'static str, footer: &'static str) -> KeyHelp {
    KeyHelp {
        keys,
        action,
        footer,
    }
}

pub const GLOBAL: &[KeyHelp] = &[
    k("q", "quit", "quit"),
    k("?", "help", "help"),
    k("Tab/S-Tab 1-4", "switch pane", ""),
    k("Ctrl-r", "reload from the database", ""),
    k("r", "add a follow-up for the selection", ""),
];

pub const CASELOAD: &[KeyHelp] = &[
    k("j/k ↑/↓", "move", ""),
    k("g/G", "top / bottom", ""),
    k("PgUp/PgDn", "page up / down", ""),
    k("Enter", "open person", "open"),
    k("/", "filter by name", "filter"),
    k("f", "status filter: open, all, each status", "show"),
    k("o", "sort: name, referred on, next follow-up", "sort"),
    k("a", "add person", "add"),
    k("e", "edit person", "edit"),
    k("s", "change status", "status"),
];

pub const PERSON_DETAIL: &[KeyHelp] = &[
    k("Esc", "back to the list", "back"),
    k("j/k", "scroll", ""),
    k("e", "edit person", "edit"),
    k("s", "change status", "status"),
    k("2", "what matters", "notes"),
];

pub const PERSON: &[KeyHelp] = &[
    k("j/k ↑/↓", "move between notes", ""),
    k("g/G", "newest / oldest", ""),
    k("Enter", "read the note in full, with its history", "read"),
    k("n", "new conversation note", "note"),
    k("e", "correct the note (the original is kept)", "correct"),
    k("m", "record a wellbeing measure", "measure"),
    k("l/→", "goals", "goals"),
    k("x", "discard a recovered draft", ""),
];

pub const GOALS: &[KeyHelp] = &[
    k("j/k ↑/↓", "move between goals", ""),
    k("a", "add a goal", "add"),
    k("e", "edit the goal", "edit"),
    k("s", "achieved / dropped / open again", "status"),
    k("h/←", "conversations", "notes"),
    k("n", "new conversation note", "note"),
    k("m", "record a wellbeing measure", "measure"),
];

pub const NOTE_READER: &[KeyHelp] = &[
    k("j/k PgUp/PgDn", "scroll", "scroll"),
    k("e", "correct this note", "correct"),
    k("Esc", "back to the timeline", "back"),
];

pub const EDITOR: &[KeyHelp] = &[
    k("Ctrl-s", "save the note", "save"),
    k(
        "Esc",
        "cancel (asks first if anything was written)",
        "cancel",
    ),
    k("Tab", "next field: text, kind, date, reason", "field"),
    k("←/→", "change the kind (in the kind field)", ""),
    k("Ctrl-t", "insert the what-matters headings", "template"),
    k("Ctrl-e", "edit the text in $EDITOR", "$EDITOR"),
    k("Ctrl-z / Ctrl-y", "undo / redo", ""),
];

pub const DIRECTORY: &[KeyHelp] = &[
    k("/", "search as you type", "search"),
    k("Enter", "open the entry", "open"),
    k("c", "connect the selected person", "connect"),
    k("v", "mark verified today", "verified"),
    k("f / A", "category / area filter", "filter"),
    k("i / S", "show inactive too / stale only", ""),
    k("a", "add service", ""),
    k("e", "edit service", ""),
    k("x", "deactivate / reactivate", ""),
    k("Esc", "clear the search", ""),
    k("j/k g/G PgUp/Dn", "move, top / bottom, page", ""),
];

pub const REMINDERS: &[KeyHelp] = &[
    k("j/k ↑/↓", "move", ""),
    k("g/G", "top / bottom", ""),
    k("d", "mark done (kept in the done history)", "done"),
    k("z", "snooze: tomorrow, next week or a date", "snooze"),
    k("e", "edit date, time and text", "edit"),
    k("u", "undo the last done", "undo"),
    k("Enter", "go to the person", "person"),
    k("h", "done history", "history"),
];

pub const REMINDERS_DONE: &[KeyHelp] = &[
    k("j/k ↑/↓", "move", ""),
    k("u", "reopen: back on the agenda", "reopen"),
    k("e", "edit", ""),
    k("Enter", "go to the person", "person"),
    k("h", "back to the agenda", "agenda"),
];

pub const FORM: &[KeyHelp] = &[
    k("Tab/↓ S-Tab/↑", "next / previous field", "next field"),
    k("←/→", "move cursor, or change a choice", ""),
    k("Ctrl-s", "save", "save"),
    k("Esc", "cancel", "cancel"),
    k("Ctrl-u", "clear field", ""),
    k("Home/End", "start / end of field", ""),
];

pub const FILTER: &[KeyHelp] = &[
    k("type", "filter as you type", ""),
    k("Enter", "keep filter", "keep"),
    k("Esc", "clear filter", "clear"),
];

pub const DIRECTORY_SEARCH: &[KeyHelp] = &[
    k("type", "search as you type", ""),
    k("Enter", "open the top result", "open"),
    k("↓/Tab", "go to the results", "results"),
    k("Esc", "clear the search", "clear"),
    k("Ctrl-u", "clear the query", ""),
];

pub const DIRECTORY_DETAIL: &[KeyHelp] = &[
    k("Esc", "back to the list", "back"),
    k("c", "connect the selected person", "connect"),
    k("v", "mark verified today", "verified"),
    k("e", "edit service", "edit"),
    k("x", "deactivate / reactivate", ""),
    k("j/k", "scroll", ""),
];

pub const CONNECTIONS: &[KeyHelp] = &[
    k("[/]", "previous / next connection", ""),
    k("u", "update the connection's status", "update"),
    k("c", "connect to a service (directory)", "connect"),
];
