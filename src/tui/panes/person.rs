//! Pane 2, what matters: the selected person's header and their conversation
//! timeline, newest first. (Writing notes, goals and measures come next.)

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Ctx;
use crate::domain::conversation::Conversation;
use crate::domain::person::Person;
use crate::domain::text::{first_line, truncate, width};
use crate::tui::keys::{self, KeyHelp};
use crate::tui::list::ListNav;

#[derive(Default)]
pub struct PersonPane {
    pub person: Option<Person>,
    conversations: Vec<Conversation>,
    nav: ListNav,
}

impl PersonPane {
    pub fn set(&mut self, person: Person, conversations: Vec<Conversation>) {
        if self.person.as_ref().map(|p| p.id) != Some(person.id) {
            self.nav = ListNav::default();
        }
        self.person = Some(person);
        self.conversations = conversations;
    }

    pub fn keys(&self) -> &'static [KeyHelp] {
        keys::PERSON
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.nav.handle_key(key, self.conversations.len());
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let Some(p) = &self.person else {
            let msg = "No person selected. Choose someone in the caseload (1) first.";
            frame.render_widget(
                Paragraph::new(Span::styled(msg, t.dim())).wrap(Wrap { trim: true }),
                area,
            );
            return;
        };
        let d = &p.details;
        let mut header = vec![Line::from(vec![
            Span::styled(p.display_name(), t.title()),
            Span::raw("  "),
            Span::styled(p.status.as_str(), t.key()),
            Span::styled(format!("  referred by {}", d.referral_source), t.dim()),
        ])];
        if let Some(reason) = &d.referral_reason {
            header.push(Line::from(Span::raw(reason.clone())));
        }
        if let Some(risk) = &d.risk_note {
            header.push(Line::from(Span::styled(
                format!("! RISK {risk}"),
                t.danger(),
            )));
        }
        let [head, body] =
            Layout::vertical([Constraint::Length(header.len() as u16), Constraint::Fill(1)])
                .areas(area);
        frame.render_widget(Paragraph::new(header), head);
        let block = Block::default().borders(Borders::TOP).title(Span::styled(
            format!(" Conversations ({}) ", self.conversations.len()),
            t.header(),
        ));
        let inner = block.inner(body);
        frame.render_widget(block, body);
        let range = self
            .nav
            .window(inner.height as usize, self.conversations.len());
        let text_width = (inner.width as usize).saturating_sub(30);
        let lines: Vec<Line> = self.conversations[range.clone()]
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let marker = if c.amends.is_some() { "✎" } else { " " };
                let when = c.occurred_at.get(..10).unwrap_or(&c.occurred_at);
                let kind = format!("{:<13}", c.kind.label());
                let text = truncate(first_line(&c.body), text_width);
                let pad = text_width.saturating_sub(width(&text));
                let line = Line::from(vec![
                    Span::styled(format!("{when} "), t.dim()),
                    Span::raw(kind),
                    Span::styled(marker, t.warn()),
                    Span::raw(" "),
                    Span::raw(text),
                    Span::raw(" ".repeat(pad)),
                ]);
                if range.start + n == self.nav.selected {
                    line.style(t.selected())
                } else {
                    line
                }
            })
            .collect();
        if lines.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled("No conversations recorded yet.", t.dim())),
                inner,
            );
        } else {
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}
