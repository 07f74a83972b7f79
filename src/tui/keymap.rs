//! Every key the app knows, as data: one table of commands (context, name,
//! default keys, help, footer label). Dispatch, the help overlay, the footer
//! and `caseload keys` all read it, so they cannot disagree. A user's
//! `[keys]` table replaces a command's defaults by name.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a key is looked up. A screen consults a short chain of these, most
/// specific first (see `App::contexts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Context {
    /// Even while typing, in any popup.
    Always,
    /// Any pane when nothing is being typed.
    Global,
    /// Moving in a list (caseload, timeline, goals, directory, follow-ups).
    List,
    Caseload,
    PersonDetail,
    Notes,
    Goals,
    NoteReader,
    Connections,
    Directory,
    DirectoryEntry,
    FollowUps,
    FollowUpsDone,
    /// Typing in the caseload's name filter.
    Filter,
    /// Typing in the directory's search box.
    Search,
    Form,
    Editor,
    /// A yes/no question.
    Confirm,
    Help,
    /// Reading the letter back to the referrer before it is written.
    Letter,
    /// Typing in the command palette.
    Palette,
    /// A pane from `panes::registry`, by its name; its chain is
    /// `Always, Pane(name), List, Global`.
    Pane(&'static str),
}

impl Context {
    pub fn name(self) -> &'static str {
        match self {
            Context::Always => "always",
            Context::Global => "global",
            Context::List => "list",
            Context::Caseload => "caseload",
            Context::PersonDetail => "person_detail",
            Context::Notes => "notes",
            Context::Goals => "goals",
            Context::NoteReader => "note_reader",
            Context::Connections => "connections",
            Context::Directory => "directory",
            Context::DirectoryEntry => "directory_entry",
            Context::FollowUps => "follow_ups",
            Context::FollowUpsDone => "follow_ups_done",
            Context::Filter => "filter",
            Context::Search => "search",
            Context::Form => "form",
            Context::Editor => "editor",
            Context::Confirm => "confirm",
            Context::Help => "help",
            Context::Letter => "letter",
            Context::Palette => "palette",
            Context::Pane(name) => name,
        }
    }

    /// A heading for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Always",
            Context::Global => "Everywhere",
            Context::List => "Moving",
            Context::Caseload => "Caseload",
            Context::PersonDetail => "Person",
            Context::Notes => "Conversations",
            Context::Goals => "Goals",
            Context::NoteReader => "Reading a note",
            Context::Connections => "Connections",
            Context::Directory => "Directory",
            Context::DirectoryEntry => "Directory entry",
            Context::FollowUps => "Follow-ups",
            Context::FollowUpsDone => "Done history",
            Context::Filter => "Filter",
            Context::Search => "Search",
            Context::Form => "Form",
            Context::Editor => "Note editor",
            Context::Confirm => "Question",
            Context::Help => "Help",
            Context::Letter => "Letter to the referrer",
            Context::Palette => "Palette",
            Context::Pane(name) => name,
        }
    }

    /// Contexts where ordinary characters are typed as text, not commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Filter | Context::Search | Context::Form | Context::Editor | Context::Palette
        )
    }
}

/// What a key asks for. Components act on these, never on key codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Command {
    ForceQuit,
    Quit,
    Help,
    NextPane,
    PrevPane,
    /// Go to the tab with this number (1-based).
    Pane(u8),
    Reload,
    /// Sync a laptop copy with its team file.
    Sync,
    /// The command palette: find a person, a service or a command.
    Palette,
    AddFollowUp,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    Back,
    Filter,
    ClearFilter,
    StatusFilter,
    /// Whose caseload: mine, everyone's, each worker's in turn.
    WorkerFilter,
    /// Hand the person over to another worker, with a note.
    Handover,
    Sort,
    Add,
    Edit,
    Status,
    NewNote,
    Measure,
    ToGoals,
    ToNotes,
    DiscardDraft,
    PrevConnection,
    NextConnection,
    UpdateConnection,
    Connect,
    Search,
    Verify,
    CategoryFilter,
    AreaFilter,
    ShowInactive,
    StaleOnly,
    ToggleActive,
    Done,
    Snooze,
    Undo,
    History,
    Reopen,
    Keep,
    Results,
    Save,
    Cancel,
    NextField,
    PrevField,
    SubmitOrNext,
    ClearField,
    Template,
    ExternalEditor,
    UndoEdit,
    RedoEdit,
    Yes,
    No,
    Close,
    /// Subject access: write everything held about the person to a file.
    ExportRecord,
    /// Erase the person and every record about them (asks for their name).
    Erase,
    /// Preview the letter back to the referrer or GP.
    Letter,
    /// Write the previewed letter (its summary is written in `$EDITOR` first).
    WriteLetter,
    /// A command of a registered pane, by name (see `Component::bindings`).
    Named(&'static str),
}

/// One row of the table.
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub command: Command,
    /// The name used in config.toml's `[keys]` and by `caseload keys`.
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub help: &'static str,
    /// A one-word footer label; empty: help only.
    pub footer: &'static str,
}

/// A binding, for `DEFAULTS` and for registered panes' `Component::bindings`.
pub const fn binding(
    context: Context,
    command: Command,
    name: &'static str,
    keys: &'static [&'static str],
    help: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        context,
        command,
        name,
        keys,
        help,
        footer,
    }
}

/// The number keys of the tabs after the core four, one per registered pane
/// (`panes::registry`), so a new pane gets its key without an edit here.
#[rustfmt::skip]
pub const MORE_PANE_KEYS: &[Binding] = &[
    b(X::Global, C::Pane(5), "pane_5", &["5"], "go to pane 5", ""),
    b(X::Global, C::Pane(6), "pane_6", &["6"], "go to pane 6", ""),
    b(X::Global, C::Pane(7), "pane_7", &["7"], "go to pane 7", ""),
    b(X::Global, C::Pane(8), "pane_8", &["8"], "go to pane 8", ""),
    b(X::Global, C::Pane(9), "pane_9", &["9"], "go to pane 9", ""),
];

/// Help for the number keys of 1 to 9 tabs.
const PANE_RANGES: [&str; 9] = [
    "go to pane 1",
    "go to pane 1-2",
    "go to pane 1-3",
    "go to pane 1-4",
    "go to pane 1-5",
    "go to pane 1-6",
    "go to pane 1-7",
    "go to pane 1-8",
    "go to pane 1-9",
];

use self::binding as b;
use Command as C;
use Context as X;

/// The defaults. Order is the order of help and footer within a context.
#[rustfmt::skip]
pub const DEFAULTS: &[Binding] = &[
    b(X::Always, C::ForceQuit, "force_quit", &["Ctrl-c"], "quit now (an open note or form is kept as a draft)", ""),
    b(X::Global, C::Palette, "palette", &[":", "Ctrl-k"], "jump to a person, service or command", "jump"),
    b(X::Global, C::Quit, "quit", &["q"], "quit", "quit"),
    b(X::Global, C::Help, "help", &["?"], "help", "help"),
    b(X::Global, C::NextPane, "next_pane", &["Tab"], "next pane", ""),
    b(X::Global, C::PrevPane, "prev_pane", &["S-Tab"], "previous pane", ""),
    b(X::Global, C::Pane(1), "pane_1", &["1"], "caseload", ""),
    b(X::Global, C::Pane(2), "pane_2", &["2"], "what matters", ""),
    b(X::Global, C::Pane(3), "pane_3", &["3"], "directory", ""),
    b(X::Global, C::Pane(4), "pane_4", &["4"], "follow-ups", ""),
    b(X::Global, C::Reload, "reload", &["Ctrl-r"], "reload from the database", ""),
    b(X::Global, C::Sync, "sync", &["Ctrl-o"], "sync this laptop copy with the team file", ""),
    b(X::Global, C::AddFollowUp, "add_follow_up", &["r"], "add a follow-up for the selection", ""),
    b(X::List, C::Down, "down", &["j", "Down"], "move down", ""),
    b(X::List, C::Up, "up", &["k", "Up"], "move up", ""),
    b(X::List, C::Top, "top", &["g", "Home"], "top", ""),
    b(X::List, C::Bottom, "bottom", &["G", "End"], "bottom", ""),
    b(X::List, C::PageDown, "page_down", &["PgDn"], "page down", ""),
    b(X::List, C::PageUp, "page_up", &["PgUp"], "page up", ""),
    b(X::Caseload, C::Open, "open", &["Enter", "l"], "open person", "open"),
    b(X::Caseload, C::Filter, "filter", &["/"], "filter by name", "filter"),
    b(X::Caseload, C::ClearFilter, "clear_filter", &["Esc"], "clear the name filter", ""),
    b(X::Caseload, C::StatusFilter, "status_filter", &["f"], "status filter: open, all, each status", "show"),
    b(X::Caseload, C::WorkerFilter, "worker_filter", &["w"], "whose: mine, all, each worker", ""),
    b(X::Caseload, C::Sort, "sort", &["o"], "sort: name, referred on, next follow-up", "sort"),
    b(X::Caseload, C::Add, "add", &["a"], "add person", "add"),
    b(X::Caseload, C::Edit, "edit", &["e"], "edit person", "edit"),
    b(X::Caseload, C::Status, "status", &["s"], "change status", "status"),
    b(X::Caseload, C::Handover, "handover", &["H"], "hand over, with a note", ""),
    b(X::PersonDetail, C::Back, "back", &["Esc", "Backspace", "h", "Left"], "back to the list", "back"),
    b(X::PersonDetail, C::Down, "down", &["j", "Down"], "scroll down", ""),
    b(X::PersonDetail, C::Up, "up", &["k", "Up"], "scroll up", ""),
    b(X::PersonDetail, C::Edit, "edit", &["e"], "edit person", "edit"),
    b(X::PersonDetail, C::Status, "status", &["s"], "change status", "status"),
    b(X::PersonDetail, C::Handover, "handover", &["H"], "hand over, with a note", ""),
    b(X::PersonDetail, C::ExportRecord, "export_record", &["E"], "subject access export to file", ""),
    b(X::PersonDetail, C::Erase, "erase", &["D"], "erase them (type their name)", ""),
    b(X::PersonDetail, C::Letter, "letter", &["L"], "letter back to the referrer", ""),
    b(X::Notes, C::Open, "open", &["Enter"], "read the note in full, with its history", "read"),
    b(X::Notes, C::NewNote, "new_note", &["n", "a"], "new conversation note", "note"),
    b(X::Notes, C::Edit, "edit", &["e"], "correct the note (the original is kept)", "correct"),
    b(X::Notes, C::Measure, "measure", &["m"], "record a wellbeing measure", "measure"),
    b(X::Notes, C::ToGoals, "to_goals", &["l", "Right"], "goals", "goals"),
    b(X::Notes, C::DiscardDraft, "discard_draft", &["x"], "discard a recovered draft", ""),
    b(X::Notes, C::ExportRecord, "export_record", &["E"], "subject access export to file", "export"),
    b(X::Notes, C::Erase, "erase", &["D"], "erase them (type their name)", ""),
    b(X::Notes, C::Letter, "letter", &["L"], "letter back to the referrer", ""),
    b(X::Goals, C::Add, "add", &["a"], "add a goal", "add"),
    b(X::Goals, C::Edit, "edit", &["e"], "edit the goal", "edit"),
    b(X::Goals, C::Status, "status", &["s"], "achieved / dropped / open again", "status"),
    b(X::Goals, C::ToNotes, "to_notes", &["h", "Left"], "conversations", "notes"),
    b(X::Goals, C::NewNote, "new_note", &["n"], "new conversation note", "note"),
    b(X::Goals, C::Measure, "measure", &["m"], "record a wellbeing measure", "measure"),
    b(X::Goals, C::DiscardDraft, "discard_draft", &["x"], "discard a recovered draft", ""),
    b(X::Goals, C::ExportRecord, "export_record", &["E"], "subject access export to file", "export"),
    b(X::Goals, C::Erase, "erase", &["D"], "erase them (type their name)", ""),
    b(X::Goals, C::Letter, "letter", &["L"], "letter back to the referrer", ""),
    b(X::NoteReader, C::Down, "down", &["j", "Down"], "scroll down", ""),
    b(X::NoteReader, C::Up, "up", &["k", "Up"], "scroll up", ""),
    b(X::NoteReader, C::PageDown, "page_down", &["PgDn"], "page down", ""),
    b(X::NoteReader, C::PageUp, "page_up", &["PgUp"], "page up", ""),
    b(X::NoteReader, C::Edit, "edit", &["e"], "correct this note", "correct"),
    b(X::NoteReader, C::Back, "back", &["Esc", "Enter", "h", "Left"], "back to the timeline", "back"),
    b(X::Connections, C::PrevConnection, "prev_connection", &["["], "previous connection", ""),
    b(X::Connections, C::NextConnection, "next_connection", &["]"], "next connection", ""),
    b(X::Connections, C::UpdateConnection, "update_connection", &["u"], "update the connection's status", ""),
    b(X::Connections, C::Connect, "connect", &["c"], "connect to a service (directory)", ""),
    b(X::Directory, C::Search, "search", &["/"], "search as you type", "search"),
    b(X::Directory, C::Open, "open", &["Enter"], "open the entry", "open"),
    b(X::Directory, C::Connect, "connect", &["c"], "connect the selected person", "connect"),
    b(X::Directory, C::Verify, "verify", &["v"], "mark verified today", "verified"),
    b(X::Directory, C::CategoryFilter, "category_filter", &["f"], "category filter", "filter"),
    b(X::Directory, C::AreaFilter, "area_filter", &["A"], "area filter", ""),
    b(X::Directory, C::ShowInactive, "show_inactive", &["i"], "show inactive too", ""),
    b(X::Directory, C::StaleOnly, "stale_only", &["S"], "stale only", ""),
    b(X::Directory, C::Add, "add", &["a"], "add service", ""),
    b(X::Directory, C::Edit, "edit", &["e"], "edit service", ""),
    b(X::Directory, C::ToggleActive, "toggle_active", &["x"], "deactivate / reactivate", ""),
    b(X::Directory, C::ClearFilter, "clear_search", &["Esc"], "clear the search", ""),
    b(X::DirectoryEntry, C::Back, "back", &["Esc", "Backspace"], "back to the list", "back"),
    b(X::DirectoryEntry, C::Search, "search", &["/"], "search the directory", "search"),
    b(X::DirectoryEntry, C::Down, "down", &["j", "Down"], "scroll down", ""),
    b(X::DirectoryEntry, C::Up, "up", &["k", "Up"], "scroll up", ""),
    b(X::DirectoryEntry, C::Connect, "connect", &["c"], "connect the selected person", "connect"),
    b(X::DirectoryEntry, C::Verify, "verify", &["v"], "mark verified today", "verified"),
    b(X::DirectoryEntry, C::Edit, "edit", &["e"], "edit service", "edit"),
    b(X::DirectoryEntry, C::ToggleActive, "toggle_active", &["x"], "deactivate / reactivate", ""),
    b(X::FollowUps, C::Done, "done", &["d"], "mark done, saying what happened (optional)", "done"),
    b(X::FollowUps, C::Snooze, "snooze", &["z"], "snooze: tomorrow, next week or a date", "snooze"),
    b(X::FollowUps, C::Edit, "edit", &["e"], "edit date, time and text", "edit"),
    b(X::FollowUps, C::Undo, "undo", &["u"], "undo the last done", "undo"),
    b(X::FollowUps, C::Open, "open", &["Enter"], "go to the person", "person"),
    b(X::FollowUps, C::History, "history", &["h"], "done history", "history"),
    b(X::FollowUpsDone, C::Reopen, "reopen", &["u"], "reopen: back on the agenda", "reopen"),
    b(X::FollowUpsDone, C::Edit, "edit", &["e"], "edit", ""),
    b(X::FollowUpsDone, C::Open, "open", &["Enter"], "go to the person", "person"),
    b(X::FollowUpsDone, C::History, "history", &["h"], "back to the agenda", "agenda"),
    b(X::Filter, C::Keep, "keep", &["Enter"], "keep the filter", "keep"),
    b(X::Filter, C::ClearFilter, "clear_filter", &["Esc"], "clear the filter", "clear"),
    b(X::Filter, C::Down, "down", &["Down"], "move down", ""),
    b(X::Filter, C::Up, "up", &["Up"], "move up", ""),
    b(X::Search, C::Open, "open", &["Enter"], "open the top result", "open"),
    b(X::Search, C::Results, "results", &["Down", "Tab"], "go to the results", "results"),
    b(X::Search, C::ClearFilter, "clear_search", &["Esc"], "clear the search", "clear"),
    b(X::Search, C::ClearField, "clear_field", &["Ctrl-u"], "clear the query", ""),
    b(X::Form, C::Save, "save", &["Ctrl-s"], "save", "save"),
    b(X::Form, C::Cancel, "cancel", &["Esc"], "cancel (asks first if anything changed)", "cancel"),
    b(X::Form, C::NextField, "next_field", &["Tab", "Down"], "next field", "next field"),
    b(X::Form, C::PrevField, "prev_field", &["S-Tab", "Up"], "previous field", ""),
    b(X::Form, C::SubmitOrNext, "submit_or_next", &["Enter"], "next field; saves on the last", ""),
    b(X::Form, C::ClearField, "clear_field", &["Ctrl-u"], "clear the field", ""),
    b(X::Editor, C::Save, "save", &["Ctrl-s"], "save the note", "save"),
    b(X::Editor, C::Cancel, "cancel", &["Esc"], "cancel (asks first if anything was written)", "cancel"),
    b(X::Editor, C::NextField, "next_field", &["Tab"], "next field: text, kind, date, reason", "field"),
    b(X::Editor, C::PrevField, "prev_field", &["S-Tab"], "previous field", ""),
    b(X::Editor, C::Template, "template", &["Ctrl-t"], "insert the what-matters headings", "template"),
    b(X::Editor, C::ExternalEditor, "external_editor", &["Ctrl-e"], "edit the text in $EDITOR", "$EDITOR"),
    b(X::Editor, C::UndoEdit, "undo_edit", &["Ctrl-z"], "undo", ""),
    b(X::Editor, C::RedoEdit, "redo_edit", &["Ctrl-y"], "redo", ""),
    b(X::Confirm, C::Yes, "yes", &["y", "Y"], "yes", "yes"),
    b(X::Confirm, C::No, "no", &["n", "N", "Esc"], "no", "no"),
    b(X::Help, C::Close, "close", &["Esc", "?", "q", "Enter"], "close help", "close"),
    b(X::Letter, C::WriteLetter, "write_letter", &["Enter", "w"], "write the summary in $EDITOR, then the file", "write"),
    b(X::Letter, C::Add, "add_action", &["a"], "add an action you ask of the referrer", "action"),
    b(X::Letter, C::Undo, "remove_action", &["u"], "remove the last action added", ""),
    b(X::Letter, C::Down, "down", &["j", "Down"], "scroll down", ""),
    b(X::Letter, C::Up, "up", &["k", "Up"], "scroll up", ""),
    b(X::Letter, C::PageDown, "page_down", &["PgDn"], "page down", ""),
    b(X::Letter, C::PageUp, "page_up", &["PgUp"], "page up", ""),
    b(X::Letter, C::Help, "help", &["?"], "help", "help"),
    b(X::Letter, C::Close, "close", &["Esc", "q"], "close without writing", "close"),
    b(X::Palette, C::Open, "open", &["Enter"], "open the person or service, run the command", "open"),
    b(X::Palette, C::Down, "down", &["Down", "Ctrl-n"], "next row", ""),
    b(X::Palette, C::Up, "up", &["Up", "Ctrl-p"], "previous row", ""),
    b(X::Palette, C::PageDown, "page_down", &["PgDn"], "page down", ""),
    b(X::Palette, C::PageUp, "page_up", &["PgUp"], "page up", ""),
    b(X::Palette, C::ClearField, "clear_field", &["Ctrl-u"], "clear what was typed", ""),
    b(X::Palette, C::Close, "close", &["Esc"], "close", "close"),
];

/// One key press as the keymap sees it: a key and Ctrl/Alt. Shift is part of
/// the character (`G`), or of the key name (`S-Tab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
}

/// `KeyCode` with an order, for stable maps and listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(Named),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Named {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
}

const NAMES: [(Named, &str, &str); 15] = [
    (Named::Enter, "Enter", "Enter"),
    (Named::Esc, "Esc", "Esc"),
    (Named::Tab, "Tab", "Tab"),
    (Named::BackTab, "S-Tab", "S-Tab"),
    (Named::Backspace, "Backspace", "Backspace"),
    (Named::Delete, "Delete", "Del"),
    (Named::Insert, "Insert", "Ins"),
    (Named::Up, "Up", "↑"),
    (Named::Down, "Down", "↓"),
    (Named::Left, "Left", "←"),
    (Named::Right, "Right", "→"),
    (Named::Home, "Home", "Home"),
    (Named::End, "End", "End"),
    (Named::PageUp, "PgUp", "PgUp"),
    (Named::PageDown, "PgDn", "PgDn"),
];

impl Key {
    /// The key of a terminal event, or `None` for keys the map never binds.
    pub fn from_event(e: KeyEvent) -> Option<Key> {
        let named = |n| Some(KeyCodeOrd::Named(n));
        let code = match e.code {
            KeyCode::Char(c) => Some(KeyCodeOrd::Char(c)),
            KeyCode::F(n) => Some(KeyCodeOrd::F(n)),
            KeyCode::Enter => named(Named::Enter),
            KeyCode::Esc => named(Named::Esc),
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => named(Named::BackTab),
            KeyCode::Tab => named(Named::Tab),
            KeyCode::BackTab => named(Named::BackTab),
            KeyCode::Backspace => named(Named::Backspace),
            KeyCode::Delete => named(Named::Delete),
            KeyCode::Insert => named(Named::Insert),
            KeyCode::Up => named(Named::Up),
            KeyCode::Down => named(Named::Down),
            KeyCode::Left => named(Named::Left),
            KeyCode::Right => named(Named::Right),
            KeyCode::Home => named(Named::Home),
            KeyCode::End => named(Named::End),
            KeyCode::PageUp => named(Named::PageUp),
            KeyCode::PageDown => named(Named::PageDown),
            _ => None,
        }?;
        Some(Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// Parses `q`, `G`, `?`, `Space`, `Enter`, `S-Tab`, `PgDn`, `F5`,
    /// `Ctrl-s`, `Alt-x` (case-insensitive names and modifiers).
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
                ctrl = true;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else if rest.chars().count() > 2
                && (lower.starts_with("alt-") || lower.starts_with("m-"))
            {
                alt = true;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else {
                break;
            }
        }
        let code = parse_code(rest).ok_or_else(|| {
            format!("unknown key {text:?}: use a character, Space, Enter, Esc, Tab, S-Tab, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn or F1-F12, optionally with Ctrl- or Alt-")
        })?;
        if ctrl && matches!(code, KeyCodeOrd::Char(c) if c.is_ascii_uppercase()) {
            // Terminals cannot tell Ctrl-S from Ctrl-s.
            return Err(format!("{text:?}: write Ctrl- keys in lower case"));
        }
        Ok(Key { code, ctrl, alt })
    }
}

fn parse_code(text: &str) -> Option<KeyCodeOrd> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyCodeOrd::Char(c));
    }
    let lower = text.to_ascii_lowercase();
    if lower == "space" {
        return Some(KeyCodeOrd::Char(' '));
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCodeOrd::F(n));
    }
    let alias = match lower.as_str() {
        "return" => "enter",
        "escape" => "esc",
        "backtab" | "shift-tab" => "s-tab",
        "del" => "delete",
        "pageup" => "pgup",
        "pagedown" => "pgdn",
        other => other,
    };
    NAMES
        .iter()
        .find(|(_, name, _)| name.to_ascii_lowercase() == alias)
        .map(|(n, _, _)| KeyCodeOrd::Named(*n))
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("Space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Named(n) => {
                let shown = NAMES.iter().find(|(m, ..)| *m == n).map_or("?", |x| x.2);
                f.write_str(shown)
            }
        }
    }
}

/// A problem with a user's `[keys]` table; `name` is the entry at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub name: String,
    pub message: String,
}

/// The effective keymap: defaults with a user's replacements applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every binding: the defaults, then those of registered panes.
    bindings: Vec<&'static Binding>,
    /// (context, command) -> keys, in the order of `bindings`.
    keys: Vec<(Context, Command, Vec<Key>)>,
    lookup: BTreeMap<(Context, Key), Command>,
}

impl Default for Keymap {
    /// The defaults alone (no registered panes, no config): what tests and the
    /// bench drive. The app builds its keymap with `panes::keymap`.
    fn default() -> Self {
        match Keymap::with_overrides(&BTreeMap::new()) {
            Ok(map) => map,
            // The defaults are checked by a unit test; never reached.
            Err(_) => Keymap {
                bindings: Vec::new(),
                keys: Vec::new(),
                lookup: BTreeMap::new(),
            },
        }
    }
}

/// True if a key bound in `a` could shadow one in `b`: some screen consults
/// both. A registered pane's context is consulted with `Always`, `List` and
/// `Global`.
fn consulted_together(a: Context, b: Context) -> bool {
    let with_pane = |p: Context, other: Context| {
        matches!(p, Context::Pane(_))
            && (other == p || matches!(other, Context::Always | Context::List | Context::Global))
    };
    with_pane(a, b)
        || with_pane(b, a)
        || CHAINS
            .iter()
            .any(|chain| chain.contains(&a) && chain.contains(&b))
}

/// The chains of contexts a screen consults, most specific first. A key may be
/// bound only once within each chain, so no binding silently shadows another.
pub mod chain {
    use super::Context as X;
    pub const CASELOAD: &[X] = &[X::Always, X::Caseload, X::List, X::Global];
    pub const PERSON_DETAIL: &[X] = &[X::Always, X::PersonDetail, X::Global];
    pub const NOTES: &[X] = &[X::Always, X::Notes, X::Connections, X::List, X::Global];
    pub const GOALS: &[X] = &[X::Always, X::Goals, X::Connections, X::List, X::Global];
    pub const NOTE_READER: &[X] = &[X::Always, X::NoteReader, X::Global];
    pub const NO_PERSON: &[X] = &[X::Always, X::Global];
    pub const DIRECTORY: &[X] = &[X::Always, X::Directory, X::List, X::Global];
    pub const DIRECTORY_ENTRY: &[X] = &[X::Always, X::DirectoryEntry, X::Global];
    pub const FOLLOW_UPS: &[X] = &[X::Always, X::FollowUps, X::List, X::Global];
    pub const FOLLOW_UPS_DONE: &[X] = &[X::Always, X::FollowUpsDone, X::List, X::Global];
    pub const FILTER: &[X] = &[X::Always, X::Filter];
    pub const SEARCH: &[X] = &[X::Always, X::Search];
    pub const FORM: &[X] = &[X::Always, X::Form];
    pub const EDITOR: &[X] = &[X::Always, X::Editor];
    pub const CONFIRM: &[X] = &[X::Always, X::Confirm];
    pub const HELP: &[X] = &[X::Always, X::Help];
    pub const LETTER: &[X] = &[X::Always, X::Letter];
    pub const PALETTE: &[X] = &[X::Always, X::Palette];
    /// Below the minimum terminal size: only quitting acts.
    pub const TOO_SMALL: &[X] = &[X::Always];
}

pub const CHAINS: &[&[Context]] = &[
    chain::CASELOAD,
    chain::PERSON_DETAIL,
    chain::NOTES,
    chain::GOALS,
    chain::NOTE_READER,
    chain::NO_PERSON,
    chain::DIRECTORY,
    chain::DIRECTORY_ENTRY,
    chain::FOLLOW_UPS,
    chain::FOLLOW_UPS_DONE,
    chain::FILTER,
    chain::SEARCH,
    chain::FORM,
    chain::EDITOR,
    chain::CONFIRM,
    chain::HELP,
    chain::LETTER,
    chain::PALETTE,
];

impl Keymap {
    /// Applies `[keys]` entries: `name = [..]` replaces that command's keys in
    /// every context it appears in; `context.name = [..]` in that one only.
    pub fn with_overrides(
        overrides: &BTreeMap<String, Vec<String>>,
    ) -> Result<Keymap, KeymapError> {
        Keymap::with_bindings(overrides, &[])
    }

    /// The defaults plus the bindings of registered panes, then `overrides`.
    pub fn with_bindings(
        overrides: &BTreeMap<String, Vec<String>>,
        extra: &[&'static [Binding]],
    ) -> Result<Keymap, KeymapError> {
        let bindings: Vec<&'static Binding> = DEFAULTS
            .iter()
            .chain(extra.iter().flat_map(|b| b.iter()))
            .collect();
        let mut keys: Vec<(Context, Command, Vec<Key>)> = Vec::new();
        for d in bindings.iter().copied() {
            let parsed = d
                .keys
                .iter()
                .map(|k| Key::parse(k))
                .collect::<Result<_, _>>();
            let parsed = parsed.map_err(|message| KeymapError {
                name: d.name.into(),
                message,
            })?;
            keys.push((d.context, d.command, parsed));
        }
        for (name, list) in overrides {
            let (context, command) = match name.split_once('.') {
                Some((c, n)) => (
                    Some(
                        bindings
                            .iter()
                            .map(|b| b.context)
                            .find(|x| x.name() == c)
                            .ok_or_else(|| KeymapError {
                                name: name.clone(),
                                message: format!("unknown context {c:?}; see `caseload keys`"),
                            })?,
                    ),
                    n,
                ),
                None => (None, name.as_str()),
            };
            let parsed: Vec<Key> = list
                .iter()
                .map(|k| Key::parse(k))
                .collect::<Result<_, _>>()
                .map_err(|message| KeymapError {
                    name: name.clone(),
                    message,
                })?;
            let mut found = false;
            for (i, d) in bindings.iter().enumerate() {
                if d.name == command && context.is_none_or(|c| c == d.context) {
                    keys[i].2 = parsed.clone();
                    found = true;
                }
            }
            if !found {
                return Err(KeymapError {
                    name: name.clone(),
                    message: format!("unknown command {command:?}; `caseload keys` lists them"),
                });
            }
        }
        let lookup = build_lookup(&bindings, &keys)?;
        Ok(Keymap {
            bindings,
            keys,
            lookup,
        })
    }

    /// The command `key` means in `context` (one context, no chain).
    pub fn command(&self, context: Context, key: Key) -> Option<Command> {
        self.lookup.get(&(context, key)).copied()
    }

    /// The keys bound to `command` in `context`.
    pub fn keys(&self, context: Context, command: Command) -> &[Key] {
        self.keys
            .iter()
            .find(|(c, m, _)| *c == context && *m == command)
            .map_or(&[], |(_, _, k)| k.as_slice())
    }

    /// The keys of `command` in `context`, as shown to people: `j/↓`. Letters
    /// alone are joined by "or" (`n or a`): with a slash they read as a word
    /// ("n/a", not applicable).
    pub fn label(&self, context: Context, command: Command) -> String {
        let keys: Vec<String> = self
            .keys(context, command)
            .iter()
            .map(Key::to_string)
            .collect();
        let letter = |k: &String| k.chars().count() == 1 && k.chars().all(char::is_alphabetic);
        let joiner = if keys.len() > 1 && keys.iter().all(letter) {
            " or "
        } else {
            "/"
        };
        keys.join(joiner)
    }

    /// Help rows for one context: (keys, what they do). The list moves share
    /// one row, as do the pane switches, so help fits an 80x24 terminal.
    pub fn help_rows(&self, context: Context) -> Vec<(String, &'static str)> {
        let label = |cmds: &[Command]| {
            cmds.iter()
                .map(|c| self.label(context, *c))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut out = Vec::new();
        for (b, keys) in self
            .rows()
            .filter(|(b, k)| b.context == context && !k.is_empty())
        {
            let _ = keys;
            match (context, b.command) {
                (Context::List, Command::Down) => {
                    let all = [C::Down, C::Up, C::Top, C::Bottom, C::PageDown, C::PageUp];
                    out.push((label(&all), "move, top / bottom, page"));
                }
                (Context::List, _) => {}
                (_, Command::NextPane) => {
                    out.push((label(&[C::NextPane, C::PrevPane]), "next / previous pane"));
                }
                (_, Command::Pane(1)) => {
                    let panes: Vec<Command> = self
                        .bindings
                        .iter()
                        .filter_map(|b| matches!(b.command, C::Pane(_)).then_some(b.command))
                        .collect();
                    let help = match panes.len() {
                        1 => "go to pane 1",
                        n => PANE_RANGES[n.min(PANE_RANGES.len()) - 1],
                    };
                    out.push((label(&panes), help));
                }
                (_, Command::PrevPane | Command::Pane(_)) => {}
                _ => out.push((self.label(context, b.command), b.help)),
            }
        }
        out
    }

    /// Every row: (binding, effective keys), in table order.
    pub fn rows(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        self.bindings
            .iter()
            .copied()
            .zip(&self.keys)
            .map(|(d, (_, _, k))| (d, k.as_slice()))
    }
}

fn build_lookup(
    bindings: &[&'static Binding],
    keys: &[(Context, Command, Vec<Key>)],
) -> Result<BTreeMap<(Context, Key), Command>, KeymapError> {
    let mut lookup = BTreeMap::new();
    for (i, (context, command, list)) in keys.iter().enumerate() {
        for key in list {
            lookup.insert((*context, *key), *command);
            // The same key for another command anywhere this context is consulted.
            let clash = keys.iter().enumerate().find(|(j, (c2, m2, l2))| {
                *j != i && m2 != command && l2.contains(key) && consulted_together(*context, *c2)
            });
            if let Some((j, _)) = clash {
                let (a, b) = (bindings[i], bindings[j]);
                return Err(KeymapError {
                    name: a.name.into(),
                    message: format!(
                        "{key} is bound to both {}.{} and {}.{}; give one of them another key",
                        a.context.name(),
                        a.name,
                        b.context.name(),
                        b.name
                    ),
                });
            }
        }
    }
    Ok(lookup)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(entries: &[(&str, &[&str])]) -> Result<Keymap, KeymapError> {
        let o = entries
            .iter()
            .map(|(n, k)| (n.to_string(), k.iter().map(|s| s.to_string()).collect()))
            .collect();
        Keymap::with_overrides(&o)
    }

    #[test]
    fn the_defaults_parse_and_never_clash() {
        map(&[]).unwrap();
    }

    #[test]
    fn keys_parse_and_print_back() {
        for text in [
            "q", "G", "?", "Ctrl-s", "Alt-x", "S-Tab", "PgDn", "F5", "Space", "Enter",
        ] {
            let key = Key::parse(text).unwrap();
            assert_eq!(Key::parse(&key.to_string()).unwrap(), key, "{text}");
        }
        assert_eq!(
            Key::parse("ctrl-S").unwrap_err(),
            "\"ctrl-S\": write Ctrl- keys in lower case"
        );
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("F13").is_err());
        assert_eq!(Key::parse("-").unwrap().code, KeyCodeOrd::Char('-'));
    }

    #[test]
    fn an_override_replaces_the_defaults_by_name() {
        let m = map(&[("quit", &["Q"])]).unwrap();
        let x = Key::parse("Q").unwrap();
        assert_eq!(m.command(Context::Global, x), Some(Command::Quit));
        assert_eq!(m.command(Context::Global, Key::parse("q").unwrap()), None);
        let m = map(&[("reminders_typo", &["x"])]);
        assert!(m.unwrap_err().message.contains("unknown command"));
    }

    #[test]
    fn a_key_bound_twice_where_both_apply_is_refused() {
        // `a` adds a person in the caseload: quit on `a` would shadow it.
        let e = map(&[("quit", &["a"])]).unwrap_err();
        assert!(e.message.contains("bound to both"), "{}", e.message);
        // `x` discards a draft in pane 2: quitting on it there would shadow it.
        let e = map(&[("quit", &["x"])]).unwrap_err();
        assert!(e.message.contains("notes.discard_draft"), "{}", e.message);
        // In one context only, no clash: `b` goes back only from a directory entry.
        map(&[("directory_entry.back", &["b"])]).unwrap();
    }
}
