//! Conversation notes: append-only; a correction is a new note that amends an old one.

use serde::Serialize;

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
