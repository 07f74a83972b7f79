//! Pane 4: follow-ups grouped Overdue / Today / This week / Later, then the
//! people who have gone quiet. `d` done (undo with `u`), `z` snooze, `e` edit,
//! `h` the done history, `Enter` jumps to the person. The pane owns its view
//! state, the snooze popup and the follow-up form, and carries out its own
//! actions and forms through the store (`Component::apply` and `submit`).

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Ctx, fit, pad};

use crate::domain::date::{iso, shown, shown_with_weekday};
use crate::domain::follow_up::{
    Bucket, CHECK_IN_DAYS, FollowUp, FollowUpDraft, FollowUpInput, QUIET_DAYS, QuietPerson,
    SNOOZE_CHOICES, next_change, parse_outcome, snooze_until,
};

/// The agenda's date column: "Wed 30 Sep 2026" at its widest.
const DATE_CELLS: usize = 15;
use crate::store::{Changed, Store, StoreError, Topic};
use crate::tui::action::{Action, Outcome};
use crate::tui::component::{Component, Effects, Session, Submitted};
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::keymap::{Command, Context, chain};
use crate::tui::list::ListNav;
use crate::tui::modal::{Modal, Purpose};
use crate::tui::strings::follow_ups as words;

/// How many done follow-ups the history shows.
pub const DONE_HISTORY: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Agenda,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Due(Bucket),
    Quiet,
    Done,
}

impl Group {
    fn label(self) -> String {
        match self {
            Group::Due(b) => b.label().to_string(),
            Group::Quiet => words::gone_quiet(QUIET_DAYS),
            Group::Done => words::DONE_GROUP.to_string(),
        }
    }
}

/// Something that can be selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Open(usize),
    Quiet(usize),
    Done(usize),
}

/// One line of the agenda: a group heading or an item.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Heading(Group, usize),
    Item(Item),
    /// Under a done follow-up: what happened, as said when it was done.
    Outcome(usize),
}

pub struct FollowUpsPane {
    follow_ups: Vec<FollowUp>,
    buckets: Vec<Bucket>,
    quiet: Vec<QuietPerson>,
    done: Vec<FollowUp>,
    view: View,
    /// Lines of the current view, and the line of each selectable item.
    entries: Vec<Entry>,
    items: Vec<usize>,
    nav: ListNav,
    now: NaiveDateTime,
    next_change: NaiveDateTime,
    /// Follow-ups marked done in this session, for `u`.
    undo: Vec<i64>,
    overdue: usize,
    due_today: usize,
    /// Whose follow-ups these are, in a team ("mine"); `None`: everyone's.
    pub whose: Option<&'static str>,
}

impl Default for FollowUpsPane {
    fn default() -> Self {
        FollowUpsPane {
            follow_ups: Vec::new(),
            buckets: Vec::new(),
            quiet: Vec::new(),
            done: Vec::new(),
            view: View::Agenda,
            entries: Vec::new(),
            items: Vec::new(),
            nav: ListNav::default(),
            now: NaiveDateTime::MIN,
            next_change: NaiveDateTime::MIN,
            undo: Vec::new(),
            overdue: 0,
            due_today: 0,
            whose: None,
        }
    }
}

impl Component for FollowUpsPane {
    fn title(&self) -> &'static str {
        "Follow-ups"
    }
    fn contexts(&self) -> &'static [Context] {
        self.contexts_now()
    }
    fn handle(&mut self, cmd: Command, _ctx: &Ctx) -> Outcome {
        self.handle_command(cmd)
    }
    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        self.draw(frame, area, ctx)
    }
    fn subject(&self) -> (Option<i64>, Option<i64>) {
        self.selected_subject()
    }
    /// Follow-up actions from any pane (`r` is everywhere): their forms and
    /// their writes. A write asks the app to patch that one follow-up where
    /// it shows (`Effects::follow_up`).
    fn apply(&mut self, action: &Action, store: &mut Store, s: &Session) -> Option<Effects> {
        Some(match *action {
            Action::AddFollowUp {
                person_id,
                service_id,
            } => match store.follow_ups().subject_name(person_id, service_id) {
                Ok(about) => FollowUpForm::add(person_id, service_id, about.as_deref()).opened(),
                Err(e) => Effects::failed(e),
            },
            Action::EditFollowUp(id) => match store.follow_ups().get(id) {
                Ok(r) => FollowUpForm::edit(&r).opened(),
                Err(e) => Effects::failed(e),
            },
            Action::OpenSnooze(id) => {
                Effects::open(Modal::form(snooze_form(id), Purpose::Snooze { id }))
            }
            Action::CompleteFollowUp(id) => match store.follow_ups().get(id) {
                Ok(r) => Effects::open(Modal::form(outcome_form(&r), Purpose::FollowUpDone { id })),
                Err(e) => Effects::failed(e),
            },
            Action::ReopenFollowUp(id) => written(
                store.follow_ups_mut().reopen(id),
                id,
                words::open_again(id),
                true,
            ),
            Action::SnoozeFollowUp { id, until } => self.snooze(store, id, until),
            Action::SelectFollowUp(id) => {
                self.select_follow_up(id);
                Effects::default()
            }
            Action::OfferCheckIn {
                person_id,
                service_id,
            } => {
                let offer = store
                    .follow_ups()
                    .check_in_offer(person_id, Some(service_id), s.today)
                    .and_then(|draft| {
                        let about = store.follow_ups().subject_name(Some(person_id), None)?;
                        Ok(draft.map(|d| FollowUpForm::offer(&d, about.as_deref())))
                    });
                match offer {
                    Ok(Some(form)) => form.opened(),
                    Ok(None) => Effects::default(),
                    Err(e) => Effects::failed(e),
                }
            }
            _ => return None,
        })
    }
    /// The follow-up form and the snooze form.
    fn submit(
        &mut self,
        form: &mut Form,
        purpose: &Purpose,
        store: &mut Store,
        s: &Session,
    ) -> Option<Submitted> {
        Some(match *purpose {
            Purpose::FollowUp {
                person_id,
                service_id,
                editing,
            } => {
                let Some(draft) = follow_up_draft(form, person_id, service_id, s.today) else {
                    return Some(Submitted::KeepOpen);
                };
                let saved = match editing {
                    Some((id, version)) => store
                        .follow_ups_mut()
                        .update(id, version, draft.due_on, draft.due_time, &draft.text)
                        .map(|()| id),
                    None => store.follow_ups_mut().add(
                        draft.person_id,
                        draft.service_id,
                        draft.due_on,
                        draft.due_time,
                        &draft.text,
                    ),
                };
                match saved {
                    Ok(id) => {
                        let when = shown_with_weekday(draft.due_on);
                        Submitted::Saved(Box::new(written(
                            Ok(()),
                            id,
                            words::saved_for(id, &when),
                            true,
                        )))
                    }
                    Err(e) => {
                        form.message = Some(crate::tui::strings::form::not_saved(&e));
                        Submitted::KeepOpen
                    }
                }
            }
            Purpose::FollowUpDone { id } => match parse_outcome(form.value(FieldKey::Outcome)) {
                Ok(outcome) => {
                    let done = store.follow_ups_mut().complete_with(id, outcome.as_deref());
                    if done.is_ok() {
                        self.undo.push(id);
                    }
                    let said = words::done(id, outcome.is_some());
                    Submitted::Saved(Box::new(written(done, id, said, false)))
                }
                Err(message) => {
                    form.set_error(FieldKey::Outcome, message);
                    Submitted::KeepOpen
                }
            },
            Purpose::Snooze { id } => match self.snooze_date(form, id) {
                Ok(until) => Submitted::Saved(Box::new(self.snooze(store, id, until))),
                Err(message) => {
                    form.set_error(FieldKey::Date, message);
                    Submitted::KeepOpen
                }
            },
            _ => return None,
        })
    }
    fn topics(&self) -> &'static [Topic] {
        &[
            Topic::FollowUps,
            Topic::People,
            Topic::Services,
            Topic::Conversations,
            Topic::Settings,
            Topic::StatusChanges,
        ]
    }
    /// The open follow-ups of whoever the session says (and the last done
    /// ones), and who has gone quiet: each read again only if what it is read
    /// from changed.
    fn load(
        &mut self,
        store: &Store,
        session: &Session,
        changed: &Changed,
    ) -> Result<(), StoreError> {
        self.whose = session.agenda_owner.is_some().then_some("My");
        let now = store.clock().now();
        let follow_ups = changed.any(FOLLOW_UP_TOPICS);
        let quiet = changed.any(QUIET_TOPICS);
        let owner = session.agenda_owner.as_deref();
        match (follow_ups, quiet) {
            (true, true) => self.set(
                store.follow_ups().open_of(owner)?,
                gone_quiet(store, session)?,
                store.follow_ups().done(DONE_HISTORY)?,
                now,
            ),
            (true, false) => self.set_follow_ups(
                store.follow_ups().open_of(owner)?,
                store.follow_ups().done(DONE_HISTORY)?,
                now,
            ),
            (false, true) => self.set_quiet(gone_quiet(store, session)?, now),
            (false, false) => {}
        }
        Ok(())
    }
}

/// What the follow-ups shown are read from (names and closed cases too).
const FOLLOW_UP_TOPICS: &[Topic] = &[Topic::FollowUps, Topic::People, Topic::Services];
/// What the gone-quiet list is read from.
const QUIET_TOPICS: &[Topic] = &[
    Topic::Conversations,
    Topic::Settings,
    Topic::StatusChanges,
    Topic::People,
];

/// People with an open case and no recent conversation, if shown.
fn gone_quiet(store: &Store, session: &Session) -> Result<Vec<QuietPerson>, StoreError> {
    use crate::domain::setting::Setting;
    if store.settings().get(Setting::ShowGoneQuiet)? {
        store
            .follow_ups()
            .gone_quiet_of(session.today, QUIET_DAYS, session.agenda_owner.as_deref())
    } else {
        Ok(Vec::new())
    }
}

impl FollowUpsPane {
    /// Replaces everything shown (open follow-ups sorted by due moment, as the
    /// store returns them), keeping the selection on the same follow-up.
    pub fn set(
        &mut self,
        follow_ups: Vec<FollowUp>,
        quiet: Vec<QuietPerson>,
        done: Vec<FollowUp>,
        now: NaiveDateTime,
    ) {
        let keep = self.selected_item_key();
        self.follow_ups = follow_ups;
        self.quiet = quiet;
        self.done = done;
        self.rebuild(now);
        if let Some(key) = keep {
            self.select_key(key);
        }
    }

    /// Replaces the follow-ups only, after one changed: who has gone quiet
    /// depends on conversations and statuses, not on follow-ups.
    pub fn set_follow_ups(
        &mut self,
        follow_ups: Vec<FollowUp>,
        done: Vec<FollowUp>,
        now: NaiveDateTime,
    ) {
        let quiet = std::mem::take(&mut self.quiet);
        self.set(follow_ups, quiet, done, now);
    }

    /// One follow-up changed (done, reopened, snoozed, edited): it moves to
    /// where it now belongs, in the store's order, without reloading the rest.
    pub fn replace(&mut self, r: FollowUp, now: NaiveDateTime) {
        let mut follow_ups = std::mem::take(&mut self.follow_ups);
        let mut done = std::mem::take(&mut self.done);
        follow_ups.retain(|x| x.id != r.id);
        done.retain(|x| x.id != r.id);
        if r.done_at.is_some() {
            done.insert(0, r);
            done.truncate(DONE_HISTORY);
        } else {
            // As `open_follow_ups` sorts: day, timed before untimed, time, id.
            let key = |x: &FollowUp| {
                (
                    x.effective_due(),
                    x.due_time.is_none(),
                    x.due_time.clone(),
                    x.id,
                )
            };
            let at = follow_ups.partition_point(|x| key(x) < key(&r));
            follow_ups.insert(at, r);
        }
        let quiet = std::mem::take(&mut self.quiet);
        self.set(follow_ups, quiet, done, now);
    }

    /// Replaces who has gone quiet only, after a conversation or a status
    /// changed: the follow-ups are as they were.
    pub fn set_quiet(&mut self, quiet: Vec<QuietPerson>, now: NaiveDateTime) {
        let follow_ups = std::mem::take(&mut self.follow_ups);
        let done = std::mem::take(&mut self.done);
        self.set(follow_ups, quiet, done, now);
    }

    /// Re-buckets when a due moment or midnight has passed; true if it did.
    pub fn rebucket(&mut self, now: NaiveDateTime) -> bool {
        if now < self.next_change && now.date() == self.now.date() {
            self.now = now;
            return false;
        }
        let keep = self.selected_item_key();
        self.rebuild(now);
        if let Some(key) = keep {
            self.select_key(key);
        }
        true
    }

    /// When the agenda next changes by itself: the event loop sleeps until then.
    pub fn next_change(&self) -> NaiveDateTime {
        self.next_change
    }

    pub fn overdue(&self) -> usize {
        self.overdue
    }

    pub fn due_today(&self) -> usize {
        self.due_today
    }

    pub fn view(&self) -> View {
        self.view
    }

    fn rebuild(&mut self, now: NaiveDateTime) {
        self.now = now;
        // The store sorts by due moment, which already groups the buckets; a
        // stable sort keeps that order and makes each bucket one run regardless.
        self.follow_ups.sort_by_cached_key(|r| r.bucket(now));
        self.buckets = self.follow_ups.iter().map(|r| r.bucket(now)).collect();
        self.next_change = next_change(&self.follow_ups, now);
        self.overdue = self
            .buckets
            .iter()
            .filter(|b| **b == Bucket::Overdue)
            .count();
        self.due_today = self.buckets.iter().filter(|b| **b == Bucket::Today).count();
        self.entries.clear();
        self.items.clear();
        match self.view {
            View::Agenda => {
                let mut counts = [0usize; 4];
                for b in &self.buckets {
                    counts[*b as usize] += 1;
                }
                let mut last = None;
                for (i, b) in self.buckets.iter().enumerate() {
                    if last != Some(*b) {
                        self.entries
                            .push(Entry::Heading(Group::Due(*b), counts[*b as usize]));
                        last = Some(*b);
                    }
                    self.items.push(self.entries.len());
                    self.entries.push(Entry::Item(Item::Open(i)));
                }
                if !self.quiet.is_empty() {
                    self.entries
                        .push(Entry::Heading(Group::Quiet, self.quiet.len()));
                    for i in 0..self.quiet.len() {
                        self.items.push(self.entries.len());
                        self.entries.push(Entry::Item(Item::Quiet(i)));
                    }
                }
            }
            View::Done => {
                self.entries
                    .push(Entry::Heading(Group::Done, self.done.len()));
                for (i, r) in self.done.iter().enumerate() {
                    self.items.push(self.entries.len());
                    self.entries.push(Entry::Item(Item::Done(i)));
                    if r.outcome.is_some() {
                        self.entries.push(Entry::Outcome(i));
                    }
                }
            }
        }
        self.nav.select(self.nav.selected, self.items.len());
    }

    fn selected_item(&self) -> Option<Item> {
        let line = *self.items.get(self.nav.selected)?;
        match self.entries.get(line)? {
            Entry::Item(item) => Some(*item),
            Entry::Heading(..) | Entry::Outcome(_) => None,
        }
    }

    /// A key that survives a reload: (kind, id).
    fn selected_item_key(&self) -> Option<(u8, i64)> {
        Some(match self.selected_item()? {
            Item::Open(i) => (0, self.follow_ups.get(i)?.id),
            Item::Quiet(i) => (1, self.quiet.get(i)?.person_id),
            Item::Done(i) => (2, self.done.get(i)?.id),
        })
    }

    fn select_key(&mut self, key: (u8, i64)) {
        let found = self.items.iter().position(|line| {
            let Some(Entry::Item(item)) = self.entries.get(*line) else {
                return false;
            };
            let id = match *item {
                Item::Open(i) if key.0 == 0 => self.follow_ups.get(i).map(|r| r.id),
                Item::Quiet(i) if key.0 == 1 => self.quiet.get(i).map(|q| q.person_id),
                Item::Done(i) if key.0 == 2 => self.done.get(i).map(|r| r.id),
                _ => None,
            };
            id == Some(key.1)
        });
        if let Some(pos) = found {
            self.nav.select(pos, self.items.len());
        }
    }

    /// Selects an open follow-up (after adding or editing it).
    pub fn select_follow_up(&mut self, id: i64) {
        self.select_key((0, id));
    }

    pub fn selected(&self) -> Option<&FollowUp> {
        match self.selected_item()? {
            Item::Open(i) => self.follow_ups.get(i),
            Item::Done(i) => self.done.get(i),
            Item::Quiet(_) => None,
        }
    }

    /// Who or what a new follow-up from this pane (`r`) would be about.
    pub fn selected_subject(&self) -> (Option<i64>, Option<i64>) {
        match self.selected_item() {
            Some(Item::Quiet(i)) => (self.quiet.get(i).map(|q| q.person_id), None),
            Some(_) => self
                .selected()
                .map_or((None, None), |r| (r.person_id, r.service_id)),
            None => (None, None),
        }
    }

    fn contexts_now(&self) -> &'static [Context] {
        match self.view {
            View::Agenda => chain::FOLLOW_UPS,
            View::Done => chain::FOLLOW_UPS_DONE,
        }
    }

    fn handle_command(&mut self, cmd: Command) -> Outcome {
        if self.nav.handle(cmd, self.items.len()) {
            return Outcome::Done;
        }
        let item = self.selected_item();
        let id = self.selected().map(|r| r.id);
        let notice = |text: &str| Outcome::Act(Action::Notice(text.to_string()));
        let agenda = self.view == View::Agenda;
        match (cmd, item) {
            (Command::History, _) => {
                self.view = match self.view {
                    View::Agenda => View::Done,
                    View::Done => View::Agenda,
                };
                self.nav = ListNav::default();
                self.rebuild(self.now);
                Outcome::Done
            }
            (Command::Open, Some(_)) => match self.selected_subject() {
                (Some(person), _) => Outcome::Act(Action::GoToPerson(person)),
                (None, Some(_)) => notice(words::ABOUT_A_SERVICE),
                (None, None) if self.selected().is_some_and(|r| r.about_deleted) => {
                    notice(words::ABOUT_DELETED)
                }
                (None, None) => notice(words::ABOUT_NOBODY),
            },
            (Command::Done | Command::Snooze | Command::Edit, Some(Item::Quiet(_))) => {
                notice(words::NOT_YET)
            }
            (Command::Done, Some(Item::Open(_))) => id.map(Action::CompleteFollowUp).into(),
            (Command::Reopen, Some(Item::Done(_))) => id.map(Action::ReopenFollowUp).into(),
            (Command::Undo, _) if agenda => match self.undo.pop() {
                Some(id) => Outcome::Act(Action::ReopenFollowUp(id)),
                None => notice(words::NOTHING_TO_UNDO),
            },
            (Command::Snooze, Some(Item::Open(_))) => id.map(Action::OpenSnooze).into(),
            (Command::Edit, Some(_)) => id.map(Action::EditFollowUp).into(),
            // Bound here, but nothing is selected (an empty list): nothing to do.
            (
                Command::Open
                | Command::Done
                | Command::Snooze
                | Command::Edit
                | Command::Reopen
                | Command::Undo,
                _,
            ) => Outcome::Done,
            _ => Outcome::Ignored,
        }
    }

    /// The snooze form was saved: the day it asks for, or why not.
    pub fn snooze_date(&self, form: &Form, id: i64) -> Result<NaiveDate, String> {
        let today = self.now.date();
        let due = self
            .follow_ups
            .iter()
            .find(|r| r.id == id)
            .map_or(today, |r| r.due_on);
        snooze_until(
            form.value(FieldKey::When),
            form.value(FieldKey::Date),
            due,
            today,
        )
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let title = match self.view {
            View::Agenda => {
                let mut s = match self.whose {
                    Some(whose) => format!(" {whose} follow-ups ({})", self.follow_ups.len()),
                    None => format!(" Follow-ups ({})", self.follow_ups.len()),
                };
                if self.overdue > 0 {
                    s.push_str(&format!(" · {} overdue", self.overdue));
                }
                if !self.quiet.is_empty() {
                    s.push_str(&format!(" · {} gone quiet", self.quiet.len()));
                }
                s + " "
            }
            View::Done => words::history_title(self.done.len()),
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .title(Span::styled(title, t.header()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.items.is_empty() {
            let msg = match self.view {
                View::Agenda => words::ALL_CAUGHT_UP,
                View::Done => words::NOTHING_DONE,
            };
            frame.render_widget(Paragraph::new(Span::styled(msg, t.dim())), inner);
        } else {
            let selected_line = self.items.get(self.nav.selected).copied().unwrap_or(0);
            // Scroll over lines (headings included), keeping the selection visible.
            let mut lines_nav = ListNav {
                selected: selected_line,
                offset: self.nav.offset,
                page: 0,
            };
            let range = lines_nav.window(inner.height as usize, self.entries.len());
            self.nav.offset = lines_nav.offset;
            self.nav.page = inner.height as usize;
            let lines: Vec<Line> = self.entries[range]
                .iter()
                .map(|e| self.line(*e, inner.width as usize, ctx))
                .collect();
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }

    fn line(&self, e: Entry, width_cells: usize, ctx: &Ctx) -> Line<'static> {
        let t = ctx.theme;
        let today = ctx.today;
        let item = match e {
            Entry::Heading(g, n) => {
                let style = if g == Group::Due(Bucket::Overdue) {
                    t.danger()
                } else {
                    t.header()
                };
                return Line::from(Span::styled(format!("{} ({n})", g.label()), style));
            }
            Entry::Item(item) => item,
            Entry::Outcome(i) => {
                // Under the item's "about" column, the whole width left.
                let indent = 2 + DATE_CELLS + 1 + 5 + 2;
                let outcome = self
                    .done
                    .get(i)
                    .and_then(|r| r.outcome.as_deref())
                    .unwrap_or("");
                return Line::from(vec![
                    Span::raw(" ".repeat(indent)),
                    Span::styled(
                        fit(
                            &format!("Outcome: {outcome}"),
                            width_cells.saturating_sub(indent),
                        ),
                        t.dim(),
                    ),
                ]);
            }
        };
        let is_selected = self.selected_item() == Some(item);
        // Columns: mark 2, date, time 6, about (20, less when narrow) + 2,
        // then the text, which keeps at least as much as the about column.
        let spare = width_cells.saturating_sub(2 + DATE_CELLS + 1 + 5 + 2 + 2);
        let about_width = (spare / 2).clamp(10, 20);
        let text_width = spare.saturating_sub(about_width);
        let (mark, when, time, about, text, style) = match item {
            Item::Open(i) => {
                let Some(r) = self.follow_ups.get(i) else {
                    return Line::from("");
                };
                let overdue = self.buckets.get(i) == Some(&Bucket::Overdue);
                let style = match self.buckets.get(i) {
                    Some(Bucket::Overdue) => t.danger(),
                    Some(Bucket::Today) => t.warn(),
                    _ => Style::new(),
                };
                (
                    if overdue { "! " } else { "  " },
                    shown_with_weekday(r.effective_due()),
                    r.due_time.clone().unwrap_or_default(),
                    r.about_label(),
                    r.text.clone(),
                    style,
                )
            }
            Item::Done(i) => {
                let Some(r) = self.done.get(i) else {
                    return Line::from("");
                };
                let done_on = r
                    .done_at
                    .as_deref()
                    .and_then(|d| d.get(..10))
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .map(shown_with_weekday)
                    .unwrap_or_default();
                (
                    "✓ ",
                    done_on,
                    String::new(),
                    r.about_label(),
                    words::was_due(&r.text, &shown(r.effective_due())),
                    t.dim(),
                )
            }
            Item::Quiet(i) => {
                let Some(q) = self.quiet.get(i) else {
                    return Line::from("");
                };
                (
                    "  ",
                    shown_with_weekday(q.last_contact),
                    String::new(),
                    q.name.clone(),
                    words::days_quiet(q.days_quiet(today)),
                    Style::new(),
                )
            }
        };
        let line = Line::from(vec![
            Span::styled(mark, style),
            Span::styled(pad(&when, DATE_CELLS), style),
            Span::raw(" "),
            Span::styled(pad(&time, 5), style),
            Span::raw("  "),
            Span::raw(pad(&about, about_width)),
            Span::raw("  "),
            Span::raw(fit(&text, text_width)),
        ]);
        if is_selected {
            line.style(t.selected())
        } else {
            line
        }
    }
}

/// What a follow-up write asks of the app: patch it where it shows, say
/// `said`, and (`select`) put the agenda's cursor on it.
fn written(r: Result<(), StoreError>, id: i64, said: String, select: bool) -> Effects {
    match r {
        Ok(()) => Effects {
            follow_up: Some(id),
            ..Effects::say(said)
        }
        .then(select.then_some(Action::SelectFollowUp(id))),
        Err(e) => Effects::failed(e),
    }
}

impl FollowUpsPane {
    fn snooze(&self, store: &mut Store, id: i64, until: NaiveDate) -> Effects {
        let when = shown_with_weekday(until);
        written(
            store.follow_ups_mut().snooze(id, until),
            id,
            words::snoozed(id, &when),
            true,
        )
    }
}

/// The one-line prompt `d` opens: what happened, if anything is worth
/// saying. Enter with nothing typed marks it done with no outcome; Esc
/// leaves it open.
pub fn outcome_form(r: &FollowUp) -> Form {
    let title = words::done_title(r.id, r.about.as_deref());
    Form::new(
        title,
        vec![Field::text(
            FieldKey::Outcome,
            "Outcome",
            words::OUTCOME_HINT,
        )],
    )
}

pub fn snooze_form(id: i64) -> Form {
    Form::new(
        words::snooze_title(id),
        vec![
            Field::choice(
                FieldKey::When,
                "Snooze until",
                SNOOZE_CHOICES.iter().map(|s| s.to_string()).collect(),
            ),
            Field::text(FieldKey::Date, "Or a date", words::DATE_HINT),
        ],
    )
}

/// The add / edit form for one follow-up, shown over any pane (`r`, `e`).
pub struct FollowUpForm {
    pub form: Form,
    pub person_id: Option<i64>,
    pub service_id: Option<i64>,
    /// The follow-up being edited and the version loaded; `None` when adding.
    pub editing: Option<(i64, i64)>,
}

const DATE_FORMS: &str = "2026-12-01, 01/12/2026, +3d, +2w, tomorrow, mon..sun";

impl FollowUpForm {
    fn build(title: String, date: &str, time: &str, text: &str) -> Form {
        Form::new(
            title,
            vec![
                Field::text(FieldKey::Date, "Due", DATE_FORMS).with_value(date),
                Field::text(FieldKey::Time, "Time", "optional, HH:MM (24-hour)").with_value(time),
                Field::text(FieldKey::Text, "What to do", words::TEXT_HINT).with_value(text),
            ],
        )
    }

    /// A new follow-up; `about` is the person's (or service's) name for the title.
    pub fn add(person_id: Option<i64>, service_id: Option<i64>, about: Option<&str>) -> Self {
        let title = match about {
            Some(a) => words::for_whom(a),
            None => words::FOR_NOBODY.into(),
        };
        FollowUpForm {
            form: Self::build(title, "", "", ""),
            person_id,
            service_id,
            editing: None,
        }
    }

    /// The offered check-in: prefilled, saved only if the worker saves it.
    pub fn offer(draft: &FollowUpDraft, about: Option<&str>) -> Self {
        let title = words::offer(about.unwrap_or("them"), CHECK_IN_DAYS);
        FollowUpForm {
            form: Self::build(title, &format!("+{CHECK_IN_DAYS}d"), "", &draft.text),
            person_id: draft.person_id,
            service_id: draft.service_id,
            editing: None,
        }
    }

    pub fn edit(r: &FollowUp) -> Self {
        FollowUpForm {
            form: Self::build(
                words::edit_title(r.id),
                &iso(r.effective_due()),
                r.due_time.as_deref().unwrap_or(""),
                &r.text,
            ),
            person_id: r.person_id,
            service_id: r.service_id,
            editing: Some((r.id, r.version)),
        }
    }

    /// The form opened over whatever is on screen.
    fn opened(self) -> Effects {
        let purpose = Purpose::FollowUp {
            person_id: self.person_id,
            service_id: self.service_id,
            editing: self.editing,
        };
        Effects::open(Modal::form(self.form, purpose))
    }
}

/// The validated follow-up of a follow-up form, or `None` with the errors
/// shown in the form.
fn follow_up_draft(
    form: &mut Form,
    person_id: Option<i64>,
    service_id: Option<i64>,
    today: NaiveDate,
) -> Option<FollowUpDraft> {
    let input = FollowUpInput {
        date: form.value(FieldKey::Date).to_string(),
        time: form.value(FieldKey::Time).to_string(),
        text: form.value(FieldKey::Text).to_string(),
    };
    match input.validate(person_id, service_id, today) {
        Ok(d) => Some(d),
        Err(errors) => {
            form.set_errors(&errors);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rem(id: i64, due: NaiveDate, time: Option<&str>) -> FollowUp {
        FollowUp {
            id,
            person_id: Some(id),
            service_id: None,
            due_on: due,
            due_time: time.map(String::from),
            text: format!("r{id}"),
            done_at: None,
            outcome: None,
            snoozed_until: None,
            about: None,
            about_closed: false,
            about_deleted: false,
            owner: None,
            version: 1,
        }
    }

    fn headings(p: &FollowUpsPane) -> Vec<(Group, usize)> {
        p.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Heading(g, n) => Some((*g, *n)),
                Entry::Item(_) | Entry::Outcome(_) => None,
            })
            .collect()
    }

    #[test]
    fn each_bucket_is_one_group_whatever_the_input_order() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now = today.and_hms_opt(12, 0, 0).unwrap();
        let d = |n: i64| today + chrono::Duration::days(n);
        // Deliberately shuffled; a timed one this morning is already overdue.
        let rs = vec![
            rem(1, d(30), None),
            rem(2, d(0), None),
            rem(3, d(-2), None),
            rem(4, d(0), Some("09:00")),
            rem(5, d(3), None),
            rem(6, d(0), Some("15:00")),
        ];
        let mut pane = FollowUpsPane::default();
        pane.set(rs, Vec::new(), Vec::new(), now);
        assert_eq!(
            headings(&pane),
            [
                (Group::Due(Bucket::Overdue), 2),
                (Group::Due(Bucket::Today), 2),
                (Group::Due(Bucket::ThisWeek), 1),
                (Group::Due(Bucket::Later), 1),
            ]
        );
        assert_eq!((pane.overdue(), pane.due_today()), (2, 2));
        assert_eq!(pane.next_change(), today.and_hms_opt(15, 0, 0).unwrap());
        // At 15:00 the afternoon one moves; the selection stays on its follow-up.
        pane.select_follow_up(2);
        assert!(pane.rebucket(today.and_hms_opt(15, 0, 0).unwrap()));
        assert_eq!(pane.selected().map(|r| r.id), Some(2));
        assert_eq!(headings(&pane)[0], (Group::Due(Bucket::Overdue), 3));
        assert!(!pane.rebucket(today.and_hms_opt(15, 0, 1).unwrap()));
    }
}
