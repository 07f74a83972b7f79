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
    k("j/k ↑/↓", "move between notes", "move"),
    k("g/G", "newest / oldest", ""),
    k("1", "back to caseload", "caseload"),
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

pub const REMINDERS: &[KeyHelp] = &[k("j/k ↑/↓", "move", "move"), k("g/G", "top / bottom", "")];

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
