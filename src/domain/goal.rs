//! Goals from the personalised care and support plan.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Open,
    Achieved,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 3] = [GoalStatus::Open, GoalStatus::Achieved, GoalStatus::Dropped];

    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Open => "open",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<GoalStatus> {
        Self::ALL.into_iter().find(|g| g.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    pub id: i64,
    pub person_id: i64,
    pub text: String,
    pub status: GoalStatus,
    pub created_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
}

/// A goal's text: required, trimmed.
pub fn validate_text(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        Err("goal text is required".into())
    } else {
        Ok(t.to_string())
    }
}
