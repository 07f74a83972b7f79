//! Every key the app knows, in one table per context. The help overlay and the
//! footer are generated from these, so they can never drift from the code.

pub struct KeyHelp {
    pub keys: &'static str,
    pub action: &'static str,
    /// Shown in the one-line footer as well as in help.
    pub footer: bool,
}

const fn k(keys: &'static str, action: &'static str, footer: bool) -> KeyHelp {
    KeyHelp {
        keys,
        action,
        footer,
    }
}

pub const GLOBAL: &[KeyHelp] = &[
    k("q", "quit", true),
    k("?", "help", true),
    k("Tab/S-Tab 1-4", "switch pane", false),
    k("Ctrl-r", "reload from the database", false),
];

pub const CASELOAD: &[KeyHelp] = &[
    k("j/k ↑/↓", "move", false),
    k("g/G", "top / bottom", false),
    k("PgUp/PgDn", "page up / down", false),
    k("Enter", "open person", true),
    k("/", "filter by name", true),
    k("f", "status filter: open, all, each status", true),
    k("o", "sort: name, referred on, next follow-up", true),
    k("a", "add person", true),
    k("e", "edit person", true),
    k("s", "change status", true),
];

pub const PERSON_DETAIL: &[KeyHelp] = &[
    k("Esc", "back to the list", true),
    k("j/k", "scroll", false),
    k("e", "edit person", true),
    k("s", "change status", true),
    k("2", "what matters", true),
];

pub const PERSON: &[KeyHelp] = &[
    k("j/k ↑/↓", "move between notes", true),
    k("g/G", "newest / oldest", false),
    k("1", "back to caseload", true),
];

pub const DIRECTORY: &[KeyHelp] = &[
    k("j/k ↑/↓", "move", true),
    k("g/G", "top / bottom", false),
    k("PgUp/PgDn", "page up / down", false),
];

pub const REMINDERS: &[KeyHelp] = &[k("j/k ↑/↓", "move", true), k("g/G", "top / bottom", false)];

pub const FORM: &[KeyHelp] = &[
    k("Tab/↓ S-Tab/↑", "next / previous field", true),
    k("←/→", "move cursor, or change a choice", true),
    k("Ctrl-s", "save", true),
    k("Esc", "cancel", true),
    k("Ctrl-u", "clear field", false),
    k("Home/End", "start / end of field", false),
];

pub const FILTER: &[KeyHelp] = &[
    k("type", "filter as you type", true),
    k("Enter", "keep filter", true),
    k("Esc", "clear filter", true),
];
