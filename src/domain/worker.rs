//! The workers of a team: the people who use caseload on one shared file
//! (never the people on the caseload). Plain types and validation.

use chrono::NaiveDate;
use serde::Serialize;

/// What a worker does: a link worker holds a caseload; a coordinator sees
/// everyone's by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    LinkWorker,
    Coordinator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::LinkWorker => "link_worker",
            Role::Coordinator => "coordinator",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-'], "_")
            .as_str()
        {
            "link_worker" => Some(Role::LinkWorker),
            "coordinator" => Some(Role::Coordinator),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Worker {
    pub login: String,
    pub name: String,
    pub role: Role,
    pub retired_on: Option<NaiveDate>,
}

impl Worker {
    pub fn is_retired(&self) -> bool {
        self.retired_on.is_some()
    }
}

/// Longest login accepted (Linux allows 32; some directories more).
pub const MAX_LOGIN: usize = 64;
/// Longest worker name accepted.
pub const MAX_NAME: usize = 100;

/// A login as an OS account name: no spaces, no control characters.
pub fn check_login(login: &str) -> Result<String, String> {
    let login = login.trim();
    if login.is_empty() {
        return Err("the login is empty; give the worker's OS login (as `id -un` prints)".into());
    }
    if login.chars().count() > MAX_LOGIN {
        return Err(format!("the login is longer than {MAX_LOGIN} characters"));
    }
    if login
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ':')
    {
        return Err("a login has no spaces, commas, colons or control characters".into());
    }
    Ok(login.to_string())
}

pub fn check_name(name: &str) -> Result<String, String> {
    let name: String = name.trim().chars().filter(|c| !c.is_control()).collect();
    if name.is_empty() {
        return Err("the worker's name is empty".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("the name is longer than {MAX_NAME} characters"));
    }
    Ok(name)
}

/// Whose people, follow-ups or figures to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum WorkerFilter {
    /// Everyone's (and the unassigned).
    #[default]
    All,
    /// One worker's, by login.
    Worker(String),
}

impl WorkerFilter {
    pub fn login(&self) -> Option<&str> {
        match self {
            WorkerFilter::All => None,
            WorkerFilter::Worker(l) => Some(l),
        }
    }
}

/// The default view for `me`: a link worker's own caseload; a coordinator,
/// or someone who is not a (current) worker, everyone's.
pub fn default_filter(me: Option<&Worker>) -> WorkerFilter {
    match me {
        Some(w) if w.role == Role::LinkWorker && !w.is_retired() => {
            WorkerFilter::Worker(w.login.clone())
        }
        _ => WorkerFilter::All,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_logins() {
        assert_eq!(Role::parse("Coordinator"), Some(Role::Coordinator));
        assert_eq!(Role::parse("link worker"), Some(Role::LinkWorker));
        assert_eq!(Role::parse("boss"), None);
        assert_eq!(check_login(" asha ").unwrap(), "asha");
        assert!(check_login("a b").is_err());
        assert!(check_login("").is_err());
        assert!(check_name("  ").is_err());
    }

    #[test]
    fn a_coordinator_sees_everyone_by_default() {
        let mut w = Worker {
            login: "asha".into(),
            name: "Asha Patel".into(),
            role: Role::LinkWorker,
            retired_on: None,
        };
        assert_eq!(
            default_filter(Some(&w)),
            WorkerFilter::Worker("asha".into())
        );
        w.role = Role::Coordinator;
        assert_eq!(default_filter(Some(&w)), WorkerFilter::All);
        assert_eq!(default_filter(None), WorkerFilter::All);
    }
}
