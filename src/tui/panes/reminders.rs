//! Pane 4: follow-ups grouped Overdue / Today / This week / Later.
//! (Done, snooze and edit come next.)

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Ctx, due_span};
use crate::domain::reminder::{Bucket, Reminder};
use crate::domain::text::{truncate, width};
use crate::tui::keys::{self, KeyHelp};
use crate::tui::list::ListNav;

/// One line of the agenda: a bucket heading or a reminder.
enum Entry {
    Heading(Bucket, usize),
    Item(usize),
}

#[derive(Default)]
pub struct RemindersPane {
    reminders: Vec<Reminder>,
    nav: ListNav,
}

impl RemindersPane {
    pub fn set(&mut self, reminders: Vec<Reminder>) {
        self.reminders = reminders;
    }

    pub fn keys(&self) -> &'static [KeyHelp] {
        keys::REMINDERS
    }

    pub fn selected(&self) -> Option<&Reminder> {
        self.reminders.get(self.nav.selected)
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.nav.handle_key(key, self.reminders.len());
    }

    /// Headings interleaved with items; reminders arrive sorted by due date.
    fn entries(&self, ctx: &Ctx) -> Vec<Entry> {
        let mut out = Vec::with_capacity(self.reminders.len() + 4);
        let mut last = None;
        for (i, r) in self.reminders.iter().enumerate() {
            let b = Bucket::of(r.effective_due(), ctx.today);
            if last != Some(b) {
                let n = self
                    .reminders
                    .iter()
                    .filter(|r| Bucket::of(r.effective_due(), ctx.today) == b)
                    .count();
                out.push(Entry::Heading(b, n));
                last = Some(b);
            }
            out.push(Entry::Item(i));
        }
        out
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let block = Block::default().borders(Borders::TOP).title(Span::styled(
            format!(" Follow-ups ({}) ", self.reminders.len()),
            t.header(),
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.reminders.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled("Nothing due. All caught up.", t.dim())),
                inner,
            );
            return;
        }
        let entries = self.entries(ctx);
        let selected_line = entries
            .iter()
            .position(|e| matches!(e, Entry::Item(i) if *i == self.nav.selected))
            .unwrap_or(0);
        // Scroll over lines (headings included), keeping the selected item visible.
        let mut lines_nav = ListNav {
            selected: selected_line,
            offset: self.nav.offset,
            page: 0,
        };
        let range = lines_nav.window(inner.height as usize, entries.len());
        self.nav.offset = lines_nav.offset;
        self.nav.page = inner.height as usize;
        let text_width = (inner.width as usize).saturating_sub(14 + 22 + 2);
        let lines: Vec<Line> = entries[range]
            .iter()
            .map(|e| match e {
                Entry::Heading(b, n) => {
                    let style = if *b == Bucket::Overdue {
                        t.danger()
                    } else {
                        t.header()
                    };
                    Line::from(Span::styled(format!("{} ({n})", b.label()), style))
                }
                Entry::Item(i) => {
                    let r = &self.reminders[*i];
                    let mut due = due_span(r.effective_due(), ctx);
                    let time = r
                        .due_time
                        .as_deref()
                        .map(|s| format!(" {s}"))
                        .unwrap_or_default();
                    due.content = format!("{}{time}", due.content).into();
                    let due_pad = 14usize.saturating_sub(width(&due.content));
                    let about = match (&r.about, r.about_closed) {
                        (Some(a), true) => format!("{a} (closed)"),
                        (Some(a), false) => a.clone(),
                        (None, _) => "—".into(),
                    };
                    let about = truncate(&about, 20);
                    let about_pad = 22usize.saturating_sub(width(&about));
                    let line = Line::from(vec![
                        Span::raw("  "),
                        due,
                        Span::raw(" ".repeat(due_pad)),
                        Span::raw(about),
                        Span::raw(" ".repeat(about_pad)),
                        Span::raw(truncate(&r.text, text_width)),
                    ]);
                    if *i == self.nav.selected {
                        line.style(t.selected())
                    } else {
                        line
                    }
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
