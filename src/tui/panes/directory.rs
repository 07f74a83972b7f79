//! Pane 3: the community directory, with stale entries marked.
//! (Fuzzy search, editing and connections come next.)

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use super::Ctx;
use crate::domain::date::iso;
use crate::domain::service::Service;
use crate::domain::text::truncate;
use crate::tui::keys::{self, KeyHelp};
use crate::tui::list::ListNav;

#[derive(Default)]
pub struct DirectoryPane {
    services: Vec<Service>,
    nav: ListNav,
}

impl DirectoryPane {
    pub fn set(&mut self, services: Vec<Service>) {
        self.services = services;
    }

    pub fn keys(&self) -> &'static [KeyHelp] {
        keys::DIRECTORY
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.nav.handle_key(key, self.services.len());
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let block = Block::default().borders(Borders::TOP).title(Span::styled(
            format!(" Directory ({} services) ", self.services.len()),
            t.header(),
        ));
        let height = block.inner(area).height.saturating_sub(1) as usize;
        let range = self.nav.window(height, self.services.len());
        let name_width = area.width.saturating_sub(10 + 22 + 11 + 4).max(4) as usize;
        let rows: Vec<Row> = self.services[range.clone()]
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let verified = match s.last_verified_on {
                    Some(d) if !s.is_stale(ctx.today) => Span::raw(iso(d)),
                    Some(d) => Span::styled(format!("{} stale", iso(d)), t.warn()),
                    None => Span::styled("never", t.warn()),
                };
                let name = if s.active {
                    Span::raw(truncate(&s.name, name_width))
                } else {
                    Span::styled(
                        truncate(&format!("{} (inactive)", s.name), name_width),
                        t.dim(),
                    )
                };
                let row = Row::new(vec![
                    Cell::from(name),
                    Cell::from(truncate(s.categories.as_deref().unwrap_or(""), 22)),
                    Cell::from(truncate(s.area.as_deref().unwrap_or(""), 10)),
                    Cell::from(verified),
                ]);
                if range.start + n == self.nav.selected {
                    row.style(t.selected())
                } else {
                    row
                }
            })
            .collect();
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(22),
            Constraint::Length(10),
            Constraint::Length(16),
        ];
        let header = Row::new(["Service", "Categories", "Area", "Verified"]).style(t.header());
        frame.render_widget(Table::new(rows, widths).header(header).block(block), area);
    }
}

impl DirectoryPane {
    /// The selected service's id, for `r` (a follow-up about a service).
    pub fn selected_id(&self) -> Option<i64> {
        self.services.get(self.nav.selected).map(|s| s.id)
    }
}
