//! What changed since the app last looked: per-table counters kept by
//! triggers (migration 006). Cheap to read (one row per table), so the app
//! reads them after each of its own writes and whenever `PRAGMA data_version`
//! says another process committed, and reloads only what they name. Callers
//! name what changed by `Topic`; the table names stay in here.

use std::collections::BTreeMap;

use super::{Result, Store};

/// Something the app shows that a write can change, one per counted table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    People,
    StatusChanges,
    Conversations,
    Drafts,
    Goals,
    Measures,
    Services,
    Connections,
    ConnectionHistory,
    FollowUps,
    Settings,
    ReferralSources,
    Workers,
    Handovers,
}

impl Topic {
    pub const ALL: [Topic; 14] = [
        Topic::People,
        Topic::StatusChanges,
        Topic::Conversations,
        Topic::Drafts,
        Topic::Goals,
        Topic::Measures,
        Topic::Services,
        Topic::Connections,
        Topic::ConnectionHistory,
        Topic::FollowUps,
        Topic::Settings,
        Topic::ReferralSources,
        Topic::Workers,
        Topic::Handovers,
    ];

    /// The counted table behind it (`change_counter.tbl`).
    fn table(self) -> &'static str {
        match self {
            Topic::People => "person",
            Topic::StatusChanges => "status_change",
            Topic::Conversations => "conversation",
            Topic::Drafts => "draft",
            Topic::Goals => "goal",
            Topic::Measures => "measure",
            Topic::Services => "service",
            Topic::Connections => "connection",
            Topic::ConnectionHistory => "connection_history",
            // The schema's one older word for a follow-up.
            Topic::FollowUps => "reminder",
            Topic::Settings => "setting",
            Topic::ReferralSources => "referral_source",
            Topic::Workers => "worker",
            Topic::Handovers => "handover",
        }
    }

    fn of_table(table: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.table() == table)
    }
}

/// One reading of every topic's counter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes(BTreeMap<Topic, i64>);

/// The topics whose counters moved between two readings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed(Vec<Topic>);

impl Changes {
    /// Topics that differ from `before`. An empty `before` (never read)
    /// counts every topic as changed.
    pub fn since(&self, before: &Changes) -> Changed {
        Changed(
            self.0
                .iter()
                .filter(|(t, n)| before.0.get(*t) != Some(n))
                .map(|(t, _)| *t)
                .collect(),
        )
    }

    /// How many row changes `topic` saw since `before`.
    pub fn delta(&self, before: &Changes, topic: Topic) -> i64 {
        let n = |c: &Changes| c.0.get(&topic).copied().unwrap_or(0);
        n(self) - n(before)
    }
}

impl Changed {
    /// Everything: what a full reload reads.
    pub fn everything() -> Changed {
        Changed(Topic::ALL.to_vec())
    }

    /// True for `everything()`: read it all, not only what moved.
    pub fn is_everything(&self) -> bool {
        self.0.len() == Topic::ALL.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True if any of `topics` changed.
    pub fn any(&self, topics: &[Topic]) -> bool {
        self.0.iter().any(|t| topics.contains(t))
    }

    pub fn topics(&self) -> impl Iterator<Item = Topic> + '_ {
        self.0.iter().copied()
    }
}

impl Store {
    pub fn changes(&self) -> Result<Changes> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tbl, n FROM change_counter")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut counters = BTreeMap::new();
        for row in rows {
            let (table, n) = row?;
            // A counter this build does not know (a newer tool's table) names
            // nothing it shows.
            if let Some(topic) = Topic::of_table(&table) {
                counters.insert(topic, n);
            }
        }
        Ok(Changes(counters))
    }
}
