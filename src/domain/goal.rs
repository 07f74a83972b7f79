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

/// A goal's text: required (invisible characters alone count as empty),
/// trimmed, at most [`MAX_GOAL_CHARS`](super::limits::MAX_GOAL_CHARS), no NUL.
pub fn validate_text(text: &str) -> Result<String, String> {
    let t = text.trim();
    super::limits::check_chars("the goal", t, super::limits::MAX_GOAL_CHARS)?;
    if super::text::is_blank(t) {
        Err("goal text is required".into())
    } else {
        Ok(t.to_string())
    }
}
