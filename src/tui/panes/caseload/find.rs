//! The caseload's rows for the command palette: people by name (the name
//! filter's own matcher), by NHS number with or without spaces, or by id,
//! on the caseload in view ("my caseload" in a team) whatever their status.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;

use super::{CaseloadPane, match_name};
use crate::domain::nhs_number;
use crate::domain::words::unaccented;
use crate::store::PersonRow;
use crate::tui::palette::{Found, MAX_ROWS, Target};

impl CaseloadPane {
    pub(super) fn find_people(&self, text: &str, recent: &[Target]) -> Vec<Found> {
        if text.is_empty() {
            return recent
                .iter()
                .filter_map(|t| match t {
                    Target::Person(id) => self.people.iter().find(|p| p.id == *id),
                    _ => None,
                })
                .map(found)
                .collect();
        }
        let whose = self.whose.login();
        let mine = self
            .people
            .iter()
            .filter(|p| whose.is_none_or(|w| p.assigned_worker.as_deref() == Some(w)));
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut scored: Vec<(i64, &PersonRow)> = if digits.chars().all(|c| c.is_ascii_digit()) {
            // A number: an id, or three or more digits of an NHS number.
            mine.filter_map(|p| {
                let nhs = p.nhs_number.as_deref().unwrap_or("");
                if p.id.to_string() == digits {
                    Some((2, p))
                } else if digits.len() >= 3 && nhs.contains(&digits) {
                    Some((i64::from(nhs.starts_with(&digits)), p))
                } else {
                    None
                }
            })
            .collect()
        } else {
            let text = unaccented(text);
            mine.filter_map(|p| {
                self.matcher
                    .fuzzy_match(&match_name(p), &text)
                    .map(|s| (s, p))
            })
            .collect()
        };
        // Open cases before closed ones at the same score; then by name.
        scored.sort_by_key(|(score, p)| (Reverse(*score), !p.status.is_open()));
        scored.truncate(MAX_ROWS);
        scored.into_iter().map(|(_, p)| found(p)).collect()
    }
}

fn found(p: &PersonRow) -> Found {
    let nhs = p.nhs_number.as_deref().map(nhs_number::display);
    let detail = match nhs {
        Some(n) => format!("{} · {n}", p.status.as_str()),
        None => p.status.as_str().to_string(),
    };
    Found {
        target: Target::Person(p.id),
        label: p.display_name(),
        detail,
    }
}
