//! The directory's rows for the command palette, ranked by the directory's
//! own search (the same results as `/` in pane 3), and opening one of them
//! from anywhere.

use super::{DirectoryPane, Filters};
use crate::domain::service::Service;
use crate::tui::palette::{Found, MAX_ROWS, Target};

impl DirectoryPane {
    pub(super) fn find_services(&mut self, text: &str, recent: &[Target]) -> Vec<Found> {
        if text.is_empty() {
            return recent
                .iter()
                .filter_map(|t| match t {
                    Target::Service(id) => self.services.iter().find(|s| s.id == *id),
                    _ => None,
                })
                .map(found)
                .collect();
        }
        self.wait_for_index();
        let Some(searcher) = self.searcher.as_mut() else {
            return Vec::new();
        };
        let services = &self.services;
        searcher
            .search(text)
            .iter()
            .filter_map(|h| services.get(h.index as usize))
            .filter(|s| s.active)
            .take(MAX_ROWS)
            .map(found)
            .collect()
    }

    /// Opens entry `id` in full, clearing a search or filter that hides it.
    /// Returns false if there is no such entry.
    pub(super) fn reveal(&mut self, id: i64) -> bool {
        let Some(service) = self.services.iter().find(|s| s.id == id) else {
            return false;
        };
        let inactive = !service.active;
        if !self.listed(id) {
            self.query.clear();
            self.searching = false;
            self.filters = Filters {
                include_inactive: inactive,
                ..Filters::default()
            };
            self.refresh();
        }
        self.select_id(id);
        self.open_selected().is_some()
    }

    fn listed(&self, id: i64) -> bool {
        self.results
            .iter()
            .any(|&i| self.services.get(i as usize).is_some_and(|s| s.id == id))
    }
}

fn found(s: &Service) -> Found {
    let detail = s.area.clone().or_else(|| s.postcode.clone());
    Found {
        target: Target::Service(s.id),
        label: s.name.clone(),
        detail: detail.unwrap_or_default(),
    }
}
