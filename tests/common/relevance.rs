//! The directory search's relevance set (tests/fixtures/search_relevance.txt)
//! run against the demo directory: success at 5 and mean reciprocal rank.
//! Shared by tests/search_relevance.rs and the bench, so both print the same.

use caseload::domain::search::SearchIndex;
use caseload::domain::service::Service;

pub const SET: &str = include_str!("../fixtures/search_relevance.txt");

/// One query and its acceptable answers (service names).
pub struct Case {
    pub query: String,
    pub answers: Vec<String>,
}

pub fn cases() -> Vec<Case> {
    SET.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (query, answers) = l.split_once('|').expect("query | answers");
            Case {
                query: query.trim().to_string(),
                answers: answers.split(';').map(|a| a.trim().to_string()).collect(),
            }
        })
        .collect()
}

/// What one query found: the rank (1-based) of its first right answer.
pub struct Outcome {
    pub query: String,
    pub rank: Option<usize>,
    pub top: Vec<String>,
}

pub struct Figures {
    pub queries: usize,
    pub success_at_5: f64,
    pub mrr: f64,
    pub outcomes: Vec<Outcome>,
}

/// Runs every case on an index of `services` (in the order the app lists them).
pub fn evaluate(services: &[Service]) -> Figures {
    let index = SearchIndex::for_services(services, &caseload::domain::words::Thesaurus::builtin());
    let outcomes: Vec<Outcome> = cases()
        .into_iter()
        .map(|case| {
            let names: Vec<String> = index
                .search(&case.query)
                .iter()
                .map(|h| services[h.index as usize].name.clone())
                .collect();
            let rank = names
                .iter()
                .position(|n| case.answers.contains(n))
                .map(|p| p + 1);
            Outcome {
                query: case.query,
                rank,
                top: names.into_iter().take(5).collect(),
            }
        })
        .collect();
    let n = outcomes.len() as f64;
    let hits = outcomes
        .iter()
        .filter(|o| o.rank.is_some_and(|r| r <= 5))
        .count();
    let rr: f64 = outcomes
        .iter()
        .map(|o| o.rank.map_or(0.0, |r| 1.0 / r as f64))
        .sum();
    Figures {
        queries: outcomes.len(),
        success_at_5: hits as f64 / n,
        mrr: rr / n,
        outcomes,
    }
}
