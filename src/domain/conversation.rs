//! Conversation notes: append-only; a correction is a new note that amends an old one.

use serde::Serialize;

use super::limits::{MAX_FIELD_CHARS, MAX_NOTE_BYTES, check_bytes, check_chars};
use super::text::is_blank;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationKind {
    WhatMatters,
    FollowUp,
    Phone,
    Visit,
    Accompanied,
    Other,
}

impl ConversationKind {
    pub const ALL: [ConversationKind; 6] = [
        ConversationKind::WhatMatters,
        ConversationKind::FollowUp,
        ConversationKind::Phone,
        ConversationKind::Visit,
        ConversationKind::Accompanied,
        ConversationKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConversationKind::WhatMatters => "what_matters",
            ConversationKind::FollowUp => "follow_up",
            ConversationKind::Phone => "phone",
            ConversationKind::Visit => "visit",
            ConversationKind::Accompanied => "accompanied",
            ConversationKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ConversationKind::WhatMatters => "what matters",
            ConversationKind::FollowUp => "follow-up",
            ConversationKind::Phone => "phone",
            ConversationKind::Visit => "visit",
            ConversationKind::Accompanied => "accompanied",
            ConversationKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversation {
    pub id: i64,
    pub person_id: i64,
    pub occurred_at: String,
    pub kind: ConversationKind,
    pub body: String,
    pub author: Option<String>,
    pub amends: Option<i64>,
    pub amend_reason: Option<String>,
    pub created_at: String,
}

/// A note about to be saved: new, or an amendment of an earlier note.
#[derive(Debug, Clone, PartialEq)]
pub struct NewNote {
    pub person_id: i64,
    pub kind: ConversationKind,
    pub occurred_at: chrono::NaiveDateTime,
    pub body: String,
    /// The note this corrects, and why.
    pub amends: Option<(i64, String)>,
}

impl NewNote {
    /// An empty note is never saved (invisible characters alone, such as a
    /// zero-width space or a BOM, count as empty); an amendment needs a reason.
    /// Notes over [`MAX_NOTE_BYTES`] or holding NUL are refused.
    pub fn validate(self) -> Result<NewNote, String> {
        check_bytes("the note", &self.body, MAX_NOTE_BYTES)?;
        if is_blank(&self.body) {
            return Err("the note is empty: write something before saving".into());
        }
        if let Some((_, reason)) = &self.amends {
            check_chars("the reason", reason, MAX_FIELD_CHARS)?;
            if is_blank(reason) {
                return Err("say why the note is being corrected".into());
            }
        }
        Ok(self)
    }
}

/// An autosaved, unsaved note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub person_id: i64,
    pub amends: Option<i64>,
    pub kind: ConversationKind,
    pub occurred_at: String,
    pub body: String,
    /// For a correction: the reason typed so far.
    pub amend_reason: Option<String>,
    pub updated_at: String,
}

/// The "what matters to you" headings offered as a template.
pub const WHAT_MATTERS_TEMPLATE: &str = "What matters to me:\n\n\nWhat is going well:\n\n\nWhat I would like to change:\n\n\nWho and what could help:\n";

/// The line of a note to show in a one-line list: the first with words of
/// the worker's own, past blank lines and the template's headings (else the
/// first line), so every templated note does not read "What matters to me:".
pub fn preview_line(body: &str) -> &str {
    let headings: Vec<&str> = WHAT_MATTERS_TEMPLATE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    body.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !headings.contains(l))
        .unwrap_or_else(|| crate::text::first_line(body))
}

/// A conversation with every earlier version it replaced, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub current: Conversation,
    pub history: Vec<Conversation>,
}

/// Folds amendments into their originals: one entry per current note,
/// newest first, each carrying the versions it replaced.
pub fn timeline(notes: &[Conversation]) -> Vec<TimelineEntry> {
    use std::collections::{HashMap, HashSet};
    let by_id: HashMap<i64, &Conversation> = notes.iter().map(|c| (c.id, c)).collect();
    let amended: HashSet<i64> = notes.iter().filter_map(|c| c.amends).collect();
    let mut out: Vec<TimelineEntry> = notes
        .iter()
        .filter(|c| !amended.contains(&c.id))
        .map(|c| {
            let mut history = Vec::new();
            let mut next = c.amends;
            while let Some(id) = next {
                match by_id.get(&id) {
                    Some(prev) if history.len() < notes.len() => {
                        history.push((*prev).clone());
                        next = prev.amends;
                    }
                    _ => break,
                }
            }
            history.reverse();
            TimelineEntry {
                current: c.clone(),
                history,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.current
            .occurred_at
            .cmp(&a.current.occurred_at)
            .then(b.current.id.cmp(&a.current.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: i64, at: &str, amends: Option<i64>) -> Conversation {
        Conversation {
            id,
            person_id: 1,
            occurred_at: at.into(),
            kind: ConversationKind::Phone,
            body: format!("v{id}"),
            author: None,
            amends,
            amend_reason: amends.map(|_| "typo".into()),
            created_at: at.into(),
        }
    }

    #[test]
    fn amendments_fold_into_one_entry_with_history() {
        let notes = [
            note(1, "2026-11-01T10:00:00", None),
            note(2, "2026-11-05T10:00:00", None),
            note(3, "2026-11-01T10:00:00", Some(1)),
            note(4, "2026-11-01T10:00:00", Some(3)),
        ];
        let t = timeline(&notes);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].current.id, 2);
        assert_eq!(t[1].current.id, 4);
        let ids: Vec<i64> = t[1].history.iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 3]);
    }

    #[test]
    fn empty_notes_and_reasonless_amendments_are_refused() {
        let n = NewNote {
            person_id: 1,
            kind: ConversationKind::Other,
            occurred_at: chrono::NaiveDateTime::default(),
            body: "  \n ".into(),
            amends: None,
        };
        assert!(n.clone().validate().is_err());
        let n = NewNote {
            body: "ok".into(),
            amends: Some((1, " ".into())),
            ..n
        };
        assert!(n.validate().is_err());
    }

    #[test]
    fn invisible_nul_and_oversized_notes_are_refused() {
        let n = |body: &str| NewNote {
            person_id: 1,
            kind: ConversationKind::Other,
            occurred_at: chrono::NaiveDateTime::default(),
            body: body.into(),
            amends: None,
        };
        for invisible in ["\u{200B}", "\u{FEFF}", "\u{200D} \u{2060}\n"] {
            let e = n(invisible).validate().unwrap_err();
            assert!(e.starts_with("the note is empty"), "{invisible:?}: {e}");
        }
        assert!(
            n("\0starts with NUL")
                .validate()
                .unwrap_err()
                .contains("NUL")
        );
        assert!(n("cut\0short").validate().unwrap_err().contains("NUL"));
        let big = "x".repeat(crate::limits::MAX_NOTE_BYTES + 1);
        assert!(n(&big).validate().unwrap_err().contains("too long"));
        let max = "x".repeat(crate::limits::MAX_NOTE_BYTES);
        assert!(n(&max).validate().is_ok());
    }
}
