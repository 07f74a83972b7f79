//! Retention review: the people `caseload retention` lists (closed or declined
//! at least `retention_years` ago, default 8), for a decision on each. Space
//! marks; `D` asks once, showing how many, then erases the marked. Nothing is
//! erased by itself.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Ctx, fit};
use crate::domain::date::shown;
use crate::domain::person::retention_cutoff;
use crate::store::{Changed, RetentionDue, Store, StoreError, Topic};
use crate::tui::action::{Action, Outcome};
use crate::tui::component::{Component, Session, Settings};
use crate::tui::keymap::{Binding, Command, Context, binding};
use crate::tui::list::ListNav;

const RETENTION: Context = Context::Pane("retention");
const CHAIN: &[Context] = &[Context::Always, RETENTION, Context::List, Context::Global];
const MARK: Command = Command::Named("mark");
const ERASE: Command = Command::Named("erase_marked");
const BINDINGS: &[Binding] = &[
    binding(
        RETENTION,
        MARK,
        "mark",
        &["Space"],
        "mark / unmark for erasure",
        "mark",
    ),
    binding(
        RETENTION,
        ERASE,
        "erase_marked",
        &["D"],
        "erase the marked people (asks once, showing how many)",
        "erase marked",
    ),
    binding(
        RETENTION,
        Command::Open,
        "open",
        &["Enter"],
        "go to the person",
        "person",
    ),
];

pub struct RetentionPane {
    years: u32,
    /// The last day of closure whose records are due; `None` before loading.
    cutoff: Option<NaiveDate>,
    due: Vec<RetentionDue>,
    marked: BTreeSet<i64>,
    nav: ListNav,
}

impl Default for RetentionPane {
    fn default() -> Self {
        RetentionPane {
            years: Settings::default().retention_years,
            cutoff: None,
            due: Vec::new(),
            marked: BTreeSet::new(),
            nav: ListNav::default(),
        }
    }
}

impl Component for RetentionPane {
    fn title(&self) -> &'static str {
        "Retention"
    }

    fn contexts(&self) -> &'static [Context] {
        CHAIN
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn topics(&self) -> &'static [Topic] {
        &[Topic::People, Topic::StatusChanges]
    }

    fn configure(&mut self, settings: &Settings) {
        self.years = settings.retention_years;
    }

    fn load(
        &mut self,
        store: &Store,
        session: &Session,
        _changed: &Changed,
    ) -> Result<(), StoreError> {
        let today = session.today;
        self.cutoff = retention_cutoff(today, self.years);
        self.due = match self.cutoff {
            Some(cutoff) => store.retention_due(cutoff)?,
            None => Vec::new(),
        };
        // Marks stay on the people still listed (someone erased or reopened drops out).
        let listed: BTreeSet<i64> = self.due.iter().map(|d| d.id).collect();
        self.marked.retain(|id| listed.contains(id));
        self.nav.select(self.nav.selected, self.due.len());
        Ok(())
    }

    fn handle(&mut self, cmd: Command, _ctx: &Ctx) -> Outcome {
        if self.nav.handle(cmd, self.due.len()) {
            return Outcome::Done;
        }
        let selected = self.due.get(self.nav.selected).map(|d| d.id);
        match cmd {
            MARK => {
                if let Some(id) = selected {
                    if !self.marked.remove(&id) {
                        self.marked.insert(id);
                    }
                    self.nav.select(self.nav.selected + 1, self.due.len());
                }
                Outcome::Done
            }
            // The app asks first; with none marked it says how to mark.
            ERASE => Outcome::Act(Action::Erase(self.marked.iter().copied().collect())),
            Command::Open => selected.map(Action::GoToPerson).into(),
            _ => Outcome::Ignored,
        }
    }

    fn subject(&self) -> (Option<i64>, Option<i64>) {
        (self.due.get(self.nav.selected).map(|d| d.id), None)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let cutoff = self.cutoff.map(shown).unwrap_or_default();
        let intro = format!(
            "Closed or declined on or before {cutoff} ({} years): review whether each record \
             should still be kept. Nothing is erased unless you ask.",
            self.years
        );
        let [head, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(intro, t.dim())).wrap(Wrap { trim: true }),
            head,
        );
        let block = Block::default().borders(Borders::TOP).title(Span::styled(
            crate::tui::strings::retention::title(self.due.len(), self.marked.len()),
            t.header(),
        ));
        let inner = block.inner(body);
        frame.render_widget(block, body);
        if self.due.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    crate::tui::strings::retention::NOBODY_DUE,
                    t.dim(),
                )),
                inner,
            );
            return;
        }
        let width = inner.width as usize;
        let name_width = width.saturating_sub(4 + 10 + 1 + 11 + 1);
        let range = self.nav.window(inner.height as usize, self.due.len());
        let lines: Vec<Line> = self.due[range.clone()]
            .iter()
            .enumerate()
            .map(|(n, d)| {
                let mark = if self.marked.contains(&d.id) {
                    "[x] "
                } else {
                    "[ ] "
                };
                let name = fit(&format!("{} {}", d.given_name, d.family_name), name_width);
                let pad = name_width.saturating_sub(crate::domain::text::width(&name));
                let line = Line::from(vec![
                    Span::styled(mark, t.key()),
                    Span::raw(name),
                    Span::raw(" ".repeat(pad + 1)),
                    Span::raw(format!("{:<10} ", d.status.as_str())),
                    Span::styled(format!("{:<11}", shown(d.ended_on)), t.dim()),
                ]);
                if range.start + n == self.nav.selected {
                    line.style(t.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
