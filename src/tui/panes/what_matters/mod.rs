//! Pane 2, what matters: who the person is, their conversation timeline
//! (newest first, amendments folded in), their goals and how their wellbeing
//! has changed between the first and latest measure.

mod forms;

pub use forms::measure_hint;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::connections::ConnectionsView;
use super::{Ctx, fit, safe};
use crate::domain::conversation::{Conversation, Draft, TimelineEntry, preview_line, timeline};
use crate::domain::date::shown;
use crate::domain::follow_up::FollowUp;
use crate::domain::goal::{Goal, GoalStatus};
use crate::domain::measure::{Measure, by_instrument, changes, figure_range, series};
use crate::domain::person::Person;
use crate::domain::report::CodedEvent;
use crate::domain::text::{truncate, width, wrap};
use crate::store::{Changed, Store, StoreError, Topic};
use crate::tui::action::{Action, NoteAction, Outcome};
use crate::tui::component::{Component, Effects, Session, Submitted};
use crate::tui::keymap::{Command, Context, chain};
use crate::tui::list::ListNav;
use crate::tui::strings::what_matters as words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Focus {
    #[default]
    Notes,
    Goals,
}

#[derive(Default)]
pub struct WhatMattersPane {
    pub person: Option<Person>,
    entries: Vec<TimelineEntry>,
    goals: Vec<Goal>,
    measures: Vec<Measure>,
    pub drafts: Vec<Draft>,
    codes: Vec<CodedEvent>,
    /// Their open follow-ups, soonest first.
    follow_ups: Vec<FollowUp>,
    nav: ListNav,
    goal_nav: ListNav,
    focus: Focus,
    /// Reading one note in full: its scroll offset.
    reading: Option<u16>,
    /// The person's connections to services, below the timeline.
    pub connections: ConnectionsView,
}

/// Everything the pane shows for one person, loaded together.
pub struct PersonData {
    pub person: Person,
    pub conversations: Vec<Conversation>,
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
    pub drafts: Vec<Draft>,
    /// SNOMED CT events that go to the GP record for this person.
    pub codes: Vec<CodedEvent>,
    /// Their follow-ups (the open ones are shown).
    pub follow_ups: Vec<FollowUp>,
}

impl Component for WhatMattersPane {
    fn title(&self) -> &'static str {
        "What matters"
    }
    fn contexts(&self) -> &'static [Context] {
        self.contexts_now()
    }
    /// The connections section first: its commands are its own.
    fn handle(&mut self, cmd: Command, _ctx: &Ctx) -> Outcome {
        if self.person.is_some() && self.reading.is_none() {
            match self.connections.handle(cmd) {
                Outcome::Ignored => {}
                done => return done,
            }
        }
        self.handle_command(cmd)
    }
    /// The person's notes and goals, and their connections below.
    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let below = match self.person {
            Some(_) => self.connections.height(area.height),
            None => 0,
        };
        let [top, bottom] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(below)]).areas(area);
        self.draw(frame, top, ctx);
        if below > 0 {
            self.connections.render(frame, bottom, ctx);
        }
    }
    fn subject(&self) -> (Option<i64>, Option<i64>) {
        (self.person.as_ref().map(|p| p.id), None)
    }
    /// Its goal and measure forms (the note editor is the app's).
    fn apply(&mut self, action: &Action, _: &mut Store, s: &Session) -> Option<Effects> {
        match *action {
            Action::UpdateConnection(id) => Some(self.connections.open_status(id, s.today)),
            _ => self.open_form(action, s),
        }
    }
    fn submit(
        &mut self,
        form: &mut crate::tui::form::Form,
        purpose: &crate::tui::modal::Purpose,
        store: &mut Store,
        s: &Session,
    ) -> Option<Submitted> {
        match *purpose {
            crate::tui::modal::Purpose::ConnectionStatus { id } => {
                Some(self.connections.save_status(form, id, store, s))
            }
            _ => self.save(form, purpose, store, s),
        }
    }
    fn topics(&self) -> &'static [Topic] {
        &[
            Topic::People,
            Topic::StatusChanges,
            Topic::Conversations,
            Topic::Drafts,
            Topic::Goals,
            Topic::Measures,
            Topic::Connections,
            Topic::ConnectionHistory,
            Topic::Services,
            Topic::FollowUps,
        ]
    }
    /// The session's person: their record, notes, goals, measures, drafts,
    /// codes and connections.
    fn load(&mut self, store: &Store, session: &Session, _: &Changed) -> Result<(), StoreError> {
        let Some(id) = session.person else {
            return Ok(());
        };
        self.set(PersonData {
            person: store.people().get(id)?,
            conversations: store.notes().list(id)?,
            goals: store.goals().list(id)?,
            measures: store.measures().list(id)?,
            drafts: store.notes().drafts(id)?,
            codes: store.coded_events_for_person(id)?,
            follow_ups: store.follow_ups().for_person(id)?,
        });
        self.connections.set(store.connections().for_person(id)?);
        Ok(())
    }
    /// Kept current off screen: the directory's `c` connects this person.
    fn keep_current(&self) -> bool {
        true
    }
}

impl WhatMattersPane {
    pub fn set(&mut self, data: PersonData) {
        if self.person.as_ref().map(|p| p.id) != Some(data.person.id) {
            self.nav = ListNav::default();
            self.goal_nav = ListNav::default();
            self.reading = None;
        }
        self.person = Some(data.person);
        self.entries = timeline(&data.conversations);
        self.goals = data.goals;
        self.measures = data.measures;
        self.drafts = data.drafts;
        self.codes = data.codes;
        self.follow_ups = data
            .follow_ups
            .into_iter()
            .filter(|f| f.done_at.is_none())
            .collect();
        // By the day each is due now (a snooze moves it).
        self.follow_ups.sort_by_key(|f| {
            (
                f.snoozed_until.unwrap_or(f.due_on),
                f.due_time.clone(),
                f.id,
            )
        });
    }

    /// Shows nobody (the person was erased).
    pub fn clear(&mut self) {
        *self = WhatMattersPane::default();
    }

    fn contexts_now(&self) -> &'static [Context] {
        match (&self.person, self.reading, self.focus) {
            (None, ..) => chain::NO_PERSON,
            (_, Some(_), _) => chain::NOTE_READER,
            (_, None, Focus::Notes) => chain::NOTES,
            (_, None, Focus::Goals) => chain::GOALS,
        }
    }

    pub fn selected_note(&self) -> Option<&Conversation> {
        self.entries.get(self.nav.selected).map(|e| &e.current)
    }

    pub fn selected_goal(&self) -> Option<&Goal> {
        self.goals.get(self.goal_nav.selected)
    }

    fn handle_command(&mut self, cmd: Command) -> Outcome {
        let Some(pid) = self.person.as_ref().map(|p| p.id) else {
            return Outcome::Ignored;
        };
        let note = |pane: &Self| {
            pane.selected_note()
                .map(|n| Action::Notes(NoteAction::AmendNote(n.id)))
        };
        if let Some(scroll) = &mut self.reading {
            match cmd {
                Command::Back => self.reading = None,
                Command::Down => *scroll = scroll.saturating_add(1),
                Command::Up => *scroll = scroll.saturating_sub(1),
                Command::PageDown => *scroll = scroll.saturating_add(10),
                Command::PageUp => *scroll = scroll.saturating_sub(10),
                Command::Edit => return note(self).into(),
                _ => return Outcome::Ignored,
            }
            return Outcome::Done;
        }
        let act = |a: NoteAction| Outcome::Act(Action::Notes(a));
        match cmd {
            Command::NewNote => return act(NoteAction::NewNote(pid)),
            Command::Measure => return act(NoteAction::AddMeasure(pid)),
            Command::DiscardDraft if !self.drafts.is_empty() => {
                return act(NoteAction::DiscardDraft(pid));
            }
            Command::DiscardDraft => return Outcome::Done,
            Command::ExportRecord => return Outcome::Act(Action::ExportRecord(pid)),
            Command::Letter => return Outcome::Act(Action::PreviewLetter(pid)),
            Command::Erase => return Outcome::Act(Action::Erase(vec![pid])),
            Command::ToNotes => self.focus = Focus::Notes,
            Command::ToGoals => self.focus = Focus::Goals,
            _ => return self.focused(cmd, pid),
        }
        Outcome::Done
    }

    /// Commands for the focused list: the timeline or the goals.
    fn focused(&mut self, cmd: Command, pid: i64) -> Outcome {
        let act = |a: NoteAction| Outcome::Act(Action::Notes(a));
        match self.focus {
            Focus::Notes => {
                if self.nav.handle(cmd, self.entries.len()) {
                    return Outcome::Done;
                }
                match cmd {
                    Command::Open if !self.entries.is_empty() => self.reading = Some(0),
                    Command::Open => {}
                    Command::Edit => {
                        return self
                            .selected_note()
                            .map(|n| Action::Notes(NoteAction::AmendNote(n.id)))
                            .into();
                    }
                    _ => return Outcome::Ignored,
                }
            }
            Focus::Goals => {
                if self.goal_nav.handle(cmd, self.goals.len()) {
                    return Outcome::Done;
                }
                let goal = self.selected_goal().map(|g| g.id);
                match cmd {
                    Command::Add => return act(NoteAction::AddGoal(pid)),
                    Command::Edit => {
                        return goal.map(|g| Action::Notes(NoteAction::EditGoal(g))).into();
                    }
                    Command::Status => {
                        return goal
                            .map(|g| Action::Notes(NoteAction::GoalStatus(g)))
                            .into();
                    }
                    _ => return Outcome::Ignored,
                }
            }
        }
        Outcome::Done
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let Some(p) = &self.person else {
            let msg = words::NOBODY_SELECTED;
            frame.render_widget(
                Paragraph::new(Span::styled(msg, t.dim())).wrap(Wrap { trim: true }),
                area,
            );
            return;
        };
        let header = self.header(p, ctx, area.width);
        let [head, body] =
            Layout::vertical([Constraint::Length(header.len() as u16), Constraint::Fill(1)])
                .areas(area);
        frame.render_widget(Paragraph::new(header), head);
        if self.reading.is_some() {
            self.render_note(frame, body, ctx);
            return;
        }
        // Side by side when there is room, stacked in a narrow terminal.
        let (notes, side) = if body.width >= 72 {
            // Goals and wellbeing take half of what a wide terminal adds.
            let side = (30 + body.width.saturating_sub(80) / 2).min(60);
            let [a, b] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)])
                .spacing(1)
                .areas(body);
            (a, b)
        } else {
            let [a, b] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(body);
            (a, b)
        };
        self.render_timeline(frame, notes, ctx);
        self.render_side(frame, side, ctx);
    }

    fn header(&self, p: &Person, ctx: &Ctx, width: u16) -> Vec<Line<'static>> {
        let t = ctx.theme;
        let d = &p.details;
        // Who referred them, as the letter is addressed, and from where.
        let referred = match d.referrer() {
            Some(who) => words::referred_by(&safe(&who), &safe(&d.referral_source)),
            None => words::referred_from(&safe(&d.referral_source)),
        };
        let mut first = Line::from(vec![
            Span::styled(safe(&p.display_name()), t.title()),
            Span::raw("  "),
            Span::styled(p.status.as_str(), t.key()),
        ]);
        let mut header = Vec::new();
        // On the name's line if it has room, else on a line of its own.
        if first.width() + 2 + crate::domain::text::width(&referred) <= usize::from(width) {
            first.push_span(Span::styled(format!("  {referred}"), t.dim()));
            header.push(first);
        } else {
            header.push(first);
            let lines = wrap(&referred, width as usize, 2);
            header.extend(
                lines
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, t.dim()))),
            );
        }
        if let Some(reason) = &d.referral_reason {
            header.push(Line::from(Span::raw(fit(reason, width as usize))));
        }
        // A risk note is never cut short silently: up to three lines, then '…'.
        if let Some(risk) = &d.risk_note {
            let lines = wrap(&format!("! RISK {}", safe(risk)), width as usize, 3);
            header.extend(
                lines
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, t.danger()))),
            );
        }
        // What goes to the GP record: the SNOMED CT codes that apply.
        for c in &self.codes {
            let text = words::gp_record(c.kind.concept_id(), c.kind.term(), &shown(c.on));
            header.push(Line::from(Span::styled(
                fit(&text, width as usize),
                t.dim(),
            )));
        }
        if let Some(d) = self.drafts.first() {
            let when = d.updated_at.get(11..16).unwrap_or("");
            header.push(Line::from(Span::styled(
                words::draft_recovered(when),
                t.warn(),
            )));
        }
        header
    }

    fn block(&self, title: String, focused: bool, ctx: &Ctx) -> Block<'static> {
        let style = if focused {
            ctx.theme.title()
        } else {
            ctx.theme.header()
        };
        Block::default()
            .borders(Borders::TOP)
            .title(Span::styled(title, style))
    }

    fn render_timeline(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let block = self.block(
            format!(" Conversations ({}) ", self.entries.len()),
            self.focus == Focus::Notes,
            ctx,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.entries.is_empty() {
            let msg = words::NO_NOTES;
            frame.render_widget(
                Paragraph::new(Span::styled(msg, t.dim())).wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        let range = self.nav.window(inner.height as usize, self.entries.len());
        let text_width = (inner.width as usize).saturating_sub(26);
        let lines: Vec<Line> = self.entries[range.clone()]
            .iter()
            .enumerate()
            .map(|(n, e)| {
                let c = &e.current;
                let marker = if e.history.is_empty() { " " } else { "✎" };
                let when = note_day(&c.occurred_at);
                let text = fit(preview_line(&c.body), text_width);
                let pad = text_width.saturating_sub(width(&text));
                let line = Line::from(vec![
                    Span::styled(format!("{when:<11} "), t.dim()),
                    Span::raw(format!("{:<12}", truncate(c.kind.label(), 12))),
                    Span::styled(marker, t.warn()),
                    Span::raw(" "),
                    Span::raw(text),
                    Span::raw(" ".repeat(pad)),
                ]);
                let selected = range.start + n == self.nav.selected && self.focus == Focus::Notes;
                if selected {
                    line.style(t.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn render_side(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let open = self
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Open)
            .count();
        let goal_rows = (self.goals.len() as u16).clamp(1, 8) + 1;
        // Their open follow-ups, the soonest few, when they have any.
        // Never at the cost of the wellbeing panel's title and one line.
        let room = area.height.saturating_sub(goal_rows + 2);
        let follow_up_rows = match (self.follow_ups.len() as u16).min(3) + 1 {
            _ if self.follow_ups.is_empty() => 0,
            rows if rows <= room => rows,
            _ if room >= 2 => room,
            _ => 0,
        };
        let [goals_area, follow_ups_area, wellbeing] = Layout::vertical([
            Constraint::Length(goal_rows),
            Constraint::Length(follow_up_rows),
            Constraint::Fill(1),
        ])
        .areas(area);
        self.render_follow_ups(frame, follow_ups_area, ctx);
        let block = self.block(
            format!(" Goals ({open} open) "),
            self.focus == Focus::Goals,
            ctx,
        );
        let inner = block.inner(goals_area);
        frame.render_widget(block, goals_area);
        let range = self
            .goal_nav
            .window(inner.height as usize, self.goals.len());
        let lines: Vec<Line> = if self.goals.is_empty() {
            vec![Line::from(Span::styled(words::NO_GOALS, t.dim()))]
        } else {
            self.goals[range.clone()]
                .iter()
                .enumerate()
                .map(|(n, g)| {
                    let (mark, style) = match g.status {
                        GoalStatus::Open => ("○", ratatui::style::Style::new()),
                        GoalStatus::Achieved => ("✓", t.ok()),
                        GoalStatus::Dropped => ("–", t.dim()),
                    };
                    let text = fit(&g.text, (inner.width as usize).saturating_sub(2));
                    let line = Line::from(vec![
                        Span::styled(format!("{mark} "), style),
                        Span::styled(text, style),
                    ]);
                    let selected =
                        range.start + n == self.goal_nav.selected && self.focus == Focus::Goals;
                    if selected {
                        line.style(t.selected())
                    } else {
                        line
                    }
                })
                .collect()
        };
        frame.render_widget(Paragraph::new(lines), inner);
        let block = self.block(" Wellbeing: first → latest ".into(), false, ctx);
        let inner = block.inner(wellbeing);
        frame.render_widget(block, wellbeing);
        // Short of room (a small terminal), each instrument's name goes on
        // its scores' lines instead of a line of its own with the dates.
        let mut lines = self.wellbeing_lines(ctx, inner.width, false);
        if lines.len() > inner.height as usize {
            lines = self.wellbeing_lines(ctx, inner.width, true);
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn render_follow_ups(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height == 0 {
            return;
        }
        let block = self.block(
            format!(" Follow-ups ({}) ", self.follow_ups.len()),
            false,
            ctx,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines: Vec<Line> = self
            .follow_ups
            .iter()
            .take(inner.height as usize)
            .map(|f| {
                let due = super::due_span(f.snoozed_until.unwrap_or(f.due_on), ctx);
                let room = (inner.width as usize).saturating_sub(width(&due.content) + 1);
                Line::from(vec![due, Span::raw(" "), Span::raw(fit(&f.text, room))])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn wellbeing_lines(&self, ctx: &Ctx, w: u16, compact: bool) -> Vec<Line<'static>> {
        let t = ctx.theme;
        let mut lines = Vec::new();
        let mut lower_is_better = false;
        for (instrument, of) in by_instrument(&self.measures) {
            let (Some(first), Some(latest)) = (of.first(), of.last()) else {
                continue;
            };
            let dates = match (first.taken_on, latest.taken_on) {
                (Some(a), Some(b)) if of.len() > 1 => {
                    format!(" {} → {}", shown(a), shown(b))
                }
                (_, Some(b)) => format!(" {}", shown(b)),
                _ => String::new(),
            };
            if !compact {
                let room = (w as usize).saturating_sub(width(instrument.as_str()));
                lines.push(Line::from(vec![
                    Span::styled(instrument.as_str().to_string(), t.key()),
                    Span::styled(fit(&dates, room), t.dim()),
                ]));
            }
            let over_time = series(
                instrument,
                &of.iter().map(|m| m.items.as_slice()).collect::<Vec<_>>(),
            );
            for c in changes(instrument, &first.items, &latest.items) {
                let (word, style) = match c.improvement() {
                    _ if of.len() < 2 => ("", t.dim()),
                    d if d > 0.0 => ("better", t.ok()),
                    d if d < 0.0 => ("worse", t.warn()),
                    _ => ("same", t.dim()),
                };
                lower_is_better |= !c.higher_is_better;
                let arrow = if c.higher_is_better { "" } else { " ↓" };
                let figures = if of.len() < 2 {
                    fmt(c.latest)
                } else {
                    // The scores over time (the latest few) before first → latest.
                    let values = over_time
                        .iter()
                        .find(|(label, _)| *label == c.label)
                        .map(|(_, v)| v.as_slice())
                        .unwrap_or(&[]);
                    let shown = &values[values.len().saturating_sub(SPARK_POINTS)..];
                    let (lo, hi) = figure_range(instrument);
                    let plain = format!("{}→{}", fmt(c.first), fmt(c.latest));
                    let with_spark = format!("{} {plain}", spark(shown, lo, hi));
                    // Only where the label keeps room to be read.
                    let room = (w as usize).saturating_sub(width(&with_spark) + width(word) + 3);
                    if room >= MIN_LABEL.min(width(&c.label) + 2) {
                        with_spark
                    } else {
                        plain
                    }
                };
                // " label<pad>figures word", fitted to the panel width.
                let fixed = width(&figures) + width(word) + 3;
                let named = if compact {
                    format!("{} {}{arrow}", instrument.as_str(), c.label)
                } else {
                    format!("{}{arrow}", c.label)
                };
                let label = truncate(&named, (w as usize).saturating_sub(fixed));
                let pad = (w as usize).saturating_sub(fixed + width(&label)) + 1;
                lines.push(Line::from(vec![
                    Span::raw(format!(" {label}")),
                    Span::raw(" ".repeat(pad)),
                    Span::raw(figures),
                    Span::raw(" "),
                    Span::styled(word, style),
                ]));
            }
        }
        if lower_is_better && !compact {
            lines.push(Line::from(Span::styled(words::LOWER_IS_BETTER, t.dim())));
        }
        if lines.is_empty() {
            lines.push(Line::from(Span::styled(words::NO_MEASURES, t.dim())));
        }
        lines
    }

    fn render_note(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let Some(e) = self.entries.get(self.nav.selected) else {
            return;
        };
        let c = &e.current;
        let mut lines = vec![Line::from(vec![
            Span::styled(
                c.occurred_at
                    .replace('T', " ")
                    .chars()
                    .take(16)
                    .collect::<String>(),
                t.key(),
            ),
            Span::raw(format!("  {}", c.kind.label())),
            Span::styled(
                format!("  by {}", safe(c.author.as_deref().unwrap_or("unknown"))),
                t.dim(),
            ),
        ])];
        if !e.history.is_empty() {
            lines.push(Line::from(Span::styled(
                words::corrected(e.history.len()),
                t.warn(),
            )));
        }
        lines.push(Line::from(""));
        lines.extend(c.body.lines().map(|l| Line::from(safe(l))));
        for (i, v) in e.history.iter().enumerate().rev() {
            let next = e.history.get(i + 1).unwrap_or(c);
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                format!(
                    "── version {} · written {} by {} · replaced {}: {}",
                    i + 1,
                    v.created_at
                        .replace('T', " ")
                        .chars()
                        .take(16)
                        .collect::<String>(),
                    safe(v.author.as_deref().unwrap_or("unknown")),
                    next.created_at
                        .replace('T', " ")
                        .chars()
                        .take(16)
                        .collect::<String>(),
                    safe(next.amend_reason.as_deref().unwrap_or(""))
                ),
                t.dim(),
            )));
            lines.extend(
                v.body
                    .lines()
                    .map(|l| Line::from(Span::styled(safe(l), t.dim()))),
            );
        }
        let block = Block::default()
            .borders(Borders::TOP)
            .title(Span::styled(words::NOTE_TITLE, t.header()));
        let para = Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((self.reading.unwrap_or(0), 0));
        frame.render_widget(para, area);
    }
}

/// Whole numbers without decimals; SWEMWBS metric scores with two.
/// How many of the latest scores a wellbeing sparkline shows.
const SPARK_POINTS: usize = 5;
/// The fewest columns an item's label keeps before its sparkline is left out.
const MIN_LABEL: usize = 11;

/// Scores as a row of block characters, low to high over `lo..=hi`: plain
/// characters, so it reads the same over SSH, in tmux and with NO_COLOR.
pub fn spark(values: &[f64], lo: f64, hi: f64) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let span = (hi - lo).max(f64::EPSILON);
    values
        .iter()
        .map(|v| {
            let at = ((v - lo) / span * 7.0).round().clamp(0.0, 7.0) as usize;
            BARS[at]
        })
        .collect()
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// The day a note was written ("2026-11-02T10:00:00"), as days are shown.
pub(crate) fn note_day(occurred_at: &str) -> String {
    occurred_at
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(shown)
        .unwrap_or_else(|| occurred_at.to_string())
}
