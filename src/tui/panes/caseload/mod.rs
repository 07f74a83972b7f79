//! Pane 1: the people I support. A table with a fuzzy name filter, a status
//! filter and three sort orders; Enter opens a person's details.

mod find;
mod forms;

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

use super::{Ctx, data_protection, due_span, fit, safe};
use crate::domain::date::shown;
use crate::domain::nhs_number;
use crate::domain::person::{Person, Status};
use crate::domain::worker::{Worker, WorkerFilter, default_filter};
use crate::store::{Changed, PeopleCount, PersonRow, StatusHistoryEntry, Store, StoreError, Topic};
use crate::tui::action::{Action, Outcome};
use crate::tui::component::{Component, Effects, Session, Submitted};
use crate::tui::keymap::{Command, Context, chain};
use crate::tui::list::ListNav;
use crate::tui::modal::Purpose;
use crate::tui::palette::{Found, Target};
use crate::tui::strings::caseload as words;
use crate::tui::text_input::{TextKey, text_key};

/// A name filter longer than any name is a paste gone wrong; stop there.
const MAX_FILTER_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Open,
    All,
    Only(Status),
}

impl StatusFilter {
    fn next(self) -> StatusFilter {
        use Status::*;
        match self {
            StatusFilter::Open => StatusFilter::All,
            StatusFilter::All => StatusFilter::Only(Referred),
            StatusFilter::Only(Referred) => StatusFilter::Only(Active),
            StatusFilter::Only(Active) => StatusFilter::Only(Paused),
            StatusFilter::Only(Paused) => StatusFilter::Only(Closed),
            StatusFilter::Only(Closed) => StatusFilter::Only(Declined),
            StatusFilter::Only(Declined) => StatusFilter::Open,
        }
    }

    fn admits(self, s: Status) -> bool {
        match self {
            StatusFilter::Open => s.is_open(),
            StatusFilter::All => true,
            StatusFilter::Only(only) => s == only,
        }
    }

    fn label(self) -> &'static str {
        match self {
            StatusFilter::Open => "open",
            StatusFilter::All => "all",
            StatusFilter::Only(s) => s.as_str(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    ReferredOn,
    NextFollowUp,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::Name => Sort::ReferredOn,
            Sort::ReferredOn => Sort::NextFollowUp,
            Sort::NextFollowUp => Sort::Name,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::ReferredOn => "referred on",
            Sort::NextFollowUp => "next follow-up",
        }
    }
}

/// The full record of one person, shown over the table.
pub struct Detail {
    pub person: Person,
    pub history: Vec<StatusHistoryEntry>,
    /// Whose caseload they are on, as the team knows them (a name, else the login).
    pub worker: Option<String>,
    scroll: u16,
}

pub struct CaseloadPane {
    people: Vec<PersonRow>,
    /// Indices into `people` after filtering and sorting.
    visible: Vec<usize>,
    nav: ListNav,
    filter: String,
    filtering: bool,
    status_filter: StatusFilter,
    sort: Sort,
    matcher: SkimMatcherV2,
    pub detail: Option<Detail>,
    /// The team's current workers (empty: a single-user file, no filter).
    workers: Vec<Worker>,
    /// The worker at the keyboard, if registered.
    me: Option<String>,
    /// Whose caseload is shown.
    whose: WorkerFilter,
    /// The newest change mark of the rows shown (`People::seq`).
    seen_seq: i64,
    /// Set while only the first page is read (`load_first_page`): the
    /// header's counts, which `people` cannot give yet.
    first_page: Option<PeopleCount>,
}

/// Rows read for the first frame: more than a tall terminal shows.
const FIRST_PAGE: usize = 200;

/// Up to this many changed rows are re-read one by one; more, and the whole
/// caseload is.
const PATCH_PEOPLE: usize = 500;
/// What the rows are read from (the "Next" follow-up, the goal count).
const ROW_TOPICS: &[Topic] = &[Topic::People, Topic::FollowUps, Topic::Goals];
/// What the open detail is read from.
const DETAIL_TOPICS: &[Topic] = &[
    Topic::People,
    Topic::StatusChanges,
    Topic::Handovers,
    Topic::Workers,
];

impl Default for CaseloadPane {
    fn default() -> Self {
        CaseloadPane {
            people: Vec::new(),
            visible: Vec::new(),
            nav: ListNav::default(),
            filter: String::new(),
            filtering: false,
            status_filter: StatusFilter::Open,
            sort: Sort::Name,
            matcher: SkimMatcherV2::default(),
            detail: None,
            workers: Vec::new(),
            me: None,
            whose: WorkerFilter::All,
            seen_seq: 0,
            first_page: None,
        }
    }
}

impl Component for CaseloadPane {
    fn title(&self) -> &'static str {
        "Caseload"
    }
    fn contexts(&self) -> &'static [Context] {
        self.contexts_now()
    }
    fn handle(&mut self, cmd: Command, _ctx: &Ctx) -> Outcome {
        self.handle_command(cmd)
    }
    fn type_key(&mut self, key: KeyEvent) {
        self.filter_key(key)
    }
    fn type_text(&mut self, text: &str) {
        self.filter_text(text)
    }
    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        self.draw(frame, area, ctx)
    }
    fn find(&mut self, text: &str, recent: &[Target]) -> Vec<Found> {
        self.find_people(text, recent)
    }
    /// The person open in detail, else the one selected.
    /// Its people's forms (add, edit, status, handover), and keeping a
    /// saved person in view.
    fn apply(&mut self, action: &Action, store: &mut Store, s: &Session) -> Option<Effects> {
        match *action {
            Action::PersonSaved(id) => {
                self.reveal(id);
                let open = self.detail.as_ref().is_some_and(|d| d.person.id == id);
                if open && let Err(e) = self.open_detail(store, id) {
                    return Some(Effects::failed(e));
                }
                Some(Effects::default())
            }
            Action::ExportRecord(id) => Some(data_protection::open_export(store, id)),
            Action::Erase(ref ids) => Some(data_protection::open_erase(store, ids)),
            _ => self.open_form(action, store, s),
        }
    }
    fn submit(
        &mut self,
        form: &mut crate::tui::form::Form,
        purpose: &crate::tui::modal::Purpose,
        store: &mut Store,
        s: &Session,
    ) -> Option<Submitted> {
        match purpose {
            Purpose::Export { person_id } => {
                Some(data_protection::save_export(form, *person_id, store, s))
            }
            Purpose::Erase { ids, confirm } => {
                if self
                    .detail
                    .as_ref()
                    .is_some_and(|d| ids.contains(&d.person.id))
                {
                    self.detail = None;
                }
                Some(data_protection::save_erase(form, ids, confirm, store))
            }
            _ => self.save(form, purpose, store, s),
        }
    }
    fn subject(&self) -> (Option<i64>, Option<i64>) {
        let open = self.detail.as_ref().map(|d| d.person.id);
        (open.or_else(|| self.selected_id()), None)
    }
    fn topics(&self) -> &'static [Topic] {
        &[
            Topic::People,
            Topic::FollowUps,
            Topic::Goals,
            Topic::StatusChanges,
            Topic::Handovers,
            Topic::Workers,
        ]
    }
    /// The rows (only those changed since last read, when few did), the
    /// team, and the open detail.
    fn load(&mut self, store: &Store, _: &Session, changed: &Changed) -> Result<(), StoreError> {
        if changed.is_everything() {
            self.seen_seq = store.people().seq()?;
            self.set_people(store.people().list(None)?);
        } else if changed.any(ROW_TOPICS) {
            self.reload_rows(store)?;
        }
        if changed.any(&[Topic::Workers]) {
            self.set_team(store.workers().list()?, store.workers().me()?);
        }
        if changed.any(DETAIL_TOPICS)
            && let Some(id) = self.detail.as_ref().map(|d| d.person.id)
        {
            self.open_detail(store, id)?;
        }
        Ok(())
    }
    /// Kept current off screen: pane 2 follows its selection.
    fn keep_current(&self) -> bool {
        true
    }
}

impl CaseloadPane {
    /// Re-reads the rows that changed since last read (a handful after
    /// someone's write), or everyone's when many did.
    fn reload_rows(&mut self, store: &Store) -> Result<(), StoreError> {
        match store.people().touched_since(self.seen_seq, PATCH_PEOPLE)? {
            Some((seq, ids)) => {
                let rows = store.people().rows(&ids)?;
                self.patch_people(&ids, rows);
                self.seen_seq = seq;
            }
            None => {
                self.seen_seq = store.people().seq()?;
                self.set_people(store.people().list(None)?);
            }
        }
        Ok(())
    }

    /// Opens this person's detail: their record, status history and worker.
    pub fn open_detail(&mut self, store: &Store, id: i64) -> Result<(), StoreError> {
        let person = store.people().get(id)?;
        let history = store.people().status_history(id)?;
        let mut detail = Detail::new(person, history);
        detail.worker = match store.workers().assigned_to(id)? {
            Some(login) => Some(match store.workers().get(&login)? {
                Some(w) => format!("{} ({login})", w.name),
                None => login,
            }),
            None => None,
        };
        self.detail = Some(detail);
        Ok(())
    }

    /// The team (current workers) and who is at the keyboard. The first
    /// time, or when the worker shown has gone, the view starts at the
    /// default: my caseload for a link worker, everyone's for a coordinator.
    pub fn set_team(&mut self, workers: Vec<Worker>, me: Option<Worker>) {
        let first = self.workers.is_empty();
        self.me = me.as_ref().map(|w| w.login.clone());
        let current: Vec<Worker> = workers.into_iter().filter(|w| !w.is_retired()).collect();
        let gone = self
            .whose
            .login()
            .is_some_and(|l| !current.iter().any(|w| w.login == l));
        self.workers = current;
        if first || gone {
            self.whose = default_filter(me.as_ref());
        }
        self.refilter();
    }

    /// Whose caseload is shown, in words, for the status line.
    pub fn whose_label(&self) -> Option<String> {
        if self.workers.is_empty() {
            return None;
        }
        Some(match self.whose.login() {
            None => words::EVERYONE.into(),
            Some(l) if Some(l) == self.me.as_deref() => words::MINE.into(),
            Some(l) => {
                let name = self
                    .workers
                    .iter()
                    .find(|w| w.login == l)
                    .map_or(l, |w| w.name.as_str());
                words::whose(name)
            }
        })
    }

    /// Mine -> everyone's -> each other worker's -> mine.
    fn next_worker_filter(&mut self) {
        let mut order: Vec<WorkerFilter> = Vec::new();
        if let Some(me) = &self.me {
            order.push(WorkerFilter::Worker(me.clone()));
        }
        order.push(WorkerFilter::All);
        for w in &self.workers {
            if Some(&w.login) != self.me.as_ref() {
                order.push(WorkerFilter::Worker(w.login.clone()));
            }
        }
        let at = order.iter().position(|f| *f == self.whose).unwrap_or(0);
        self.whose = order[(at + 1) % order.len()].clone();
        self.refilter();
        self.nav.select(0, self.visible.len());
    }

    /// The team's current workers, for the handover form.
    pub fn workers(&self) -> &[Worker] {
        &self.workers
    }

    /// The name of the worker whose caseload `p` is on ("—": nobody's).
    fn worker_name(&self, p: &PersonRow) -> String {
        match &p.assigned_worker {
            None => "—".into(),
            Some(login) => self
                .workers
                .iter()
                .find(|w| &w.login == login)
                .map_or_else(|| login.clone(), |w| w.name.clone()),
        }
    }

    /// The first frame's rows: the first page of open cases on the caseload
    /// shown, in name order as the pane starts, and the header's counts.
    /// `load` reads everyone after it.
    pub fn load_first_page(&mut self, store: &Store) -> Result<(), StoreError> {
        self.set_team(store.workers().list()?, store.workers().me()?);
        let (rows, count) = store.people().first_open(self.whose.login(), FIRST_PAGE)?;
        self.people = rows;
        self.refilter();
        self.first_page = Some(count);
        Ok(())
    }

    /// Replaces the rows (after a save or reload), keeping the selected person.
    pub fn set_people(&mut self, people: Vec<PersonRow>) {
        let keep = self.selected_id();
        self.first_page = None;
        self.people = people;
        self.refilter();
        if let Some(id) = keep {
            self.select_id(id);
        }
    }

    /// The rows of `touched` changed: `rows` are those that still exist.
    /// The rest stay as they were, in the store's order (family name, given
    /// name, id; byte order, as SQLite sorts them).
    pub fn patch_people(&mut self, touched: &[i64], rows: Vec<PersonRow>) {
        if touched.is_empty() {
            return;
        }
        let keep = self.selected_id();
        let touched: std::collections::HashSet<i64> = touched.iter().copied().collect();
        self.people.retain(|p| !touched.contains(&p.id));
        self.people.extend(rows);
        self.people.sort_by(|a, b| {
            (a.family_name.as_str(), a.given_name.as_str(), a.id).cmp(&(
                b.family_name.as_str(),
                b.given_name.as_str(),
                b.id,
            ))
        });
        self.refilter();
        if let Some(id) = keep {
            self.select_id(id);
        }
    }

    /// One person's next follow-up changed: only their row changes (and
    /// the order, when sorted by next follow-up).
    pub fn set_next_follow_up(&mut self, id: i64, next: Option<chrono::NaiveDate>) {
        let Some(row) = self.people.iter_mut().find(|p| p.id == id) else {
            return;
        };
        row.next_follow_up = next;
        if self.sort == Sort::NextFollowUp {
            let keep = self.selected_id();
            self.refilter();
            if let Some(id) = keep {
                self.select_id(id);
            }
        }
    }

    pub fn select_id(&mut self, id: i64) {
        if let Some(pos) = self.visible.iter().position(|&i| self.people[i].id == id) {
            self.nav.select(pos, self.visible.len());
        }
    }

    /// Makes sure `id` is visible (a person just added may be outside the filter).
    pub fn reveal(&mut self, id: i64) {
        let Some(row) = self.people.iter().find(|p| p.id == id) else {
            return;
        };
        if !self.status_filter.admits(row.status) {
            self.status_filter = StatusFilter::All;
        }
        if self
            .whose
            .login()
            .is_some_and(|l| row.assigned_worker.as_deref() != Some(l))
        {
            self.whose = WorkerFilter::All;
        }
        self.filter.clear();
        self.refilter();
        self.select_id(id);
    }

    pub fn selected_id(&self) -> Option<i64> {
        self.visible
            .get(self.nav.selected)
            .map(|&i| self.people[i].id)
    }

    pub fn selected_row(&self) -> Option<&PersonRow> {
        self.visible
            .get(self.nav.selected)
            .map(|&i| &self.people[i])
    }

    /// Typing into the filter: every key is text, not a command.
    pub fn captures_input(&self) -> bool {
        self.filtering
    }

    fn refilter(&mut self) {
        let status = self.status_filter;
        let whose = self.whose.login();
        let filter = crate::domain::words::unaccented(&self.filter);
        let mut scored: Vec<(i64, usize)> = self
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| status.admits(p.status))
            .filter(|(_, p)| whose.is_none_or(|w| p.assigned_worker.as_deref() == Some(w)))
            .filter_map(|(i, p)| {
                if self.filter.is_empty() {
                    return Some((0, i));
                }
                self.matcher
                    .fuzzy_match(&match_name(p), &filter)
                    .map(|s| (s, i))
            })
            .collect();
        let people = &self.people;
        match self.sort {
            Sort::Name => {} // the store returns people by name
            Sort::ReferredOn => scored.sort_by_key(|&(_, i)| Reverse(people[i].referred_on)),
            Sort::NextFollowUp => scored.sort_by_key(|&(_, i)| {
                // People with no follow-up go last.
                (people[i].next_follow_up.is_none(), people[i].next_follow_up)
            }),
        }
        if !self.filter.is_empty() {
            scored.sort_by_key(|&(score, _)| Reverse(score));
        }
        self.visible = scored.into_iter().map(|(_, i)| i).collect();
        self.nav.select(self.nav.selected, self.visible.len());
    }

    fn contexts_now(&self) -> &'static [Context] {
        if self.filtering {
            chain::FILTER
        } else if self.detail.is_some() {
            chain::PERSON_DETAIL
        } else {
            chain::CASELOAD
        }
    }

    fn handle_command(&mut self, cmd: Command) -> Outcome {
        if self.filtering {
            return self.filter_command(cmd);
        }
        if let Some(detail) = &mut self.detail {
            let id = detail.person.id;
            return match cmd {
                Command::Back => {
                    self.detail = None;
                    Outcome::Done
                }
                Command::Down => {
                    detail.scroll = detail.scroll.saturating_add(1);
                    Outcome::Done
                }
                Command::Up => {
                    detail.scroll = detail.scroll.saturating_sub(1);
                    Outcome::Done
                }
                Command::Edit => Outcome::Act(Action::EditPerson(id)),
                Command::Status => Outcome::Act(Action::ChangeStatus(id)),
                Command::Handover => Outcome::Act(Action::Handover(id)),
                Command::ExportRecord => Outcome::Act(Action::ExportRecord(id)),
                Command::Letter => Outcome::Act(Action::PreviewLetter(id)),
                Command::Erase => Outcome::Act(Action::Erase(vec![id])),
                _ => Outcome::Ignored,
            };
        }
        if self.nav.handle(cmd, self.visible.len()) {
            return Outcome::Done;
        }
        let selected = self.selected_id();
        match cmd {
            Command::Filter => self.filtering = true,
            Command::ClearFilter => {
                if !self.filter.is_empty() {
                    self.filter.clear();
                    self.refilter();
                }
            }
            Command::StatusFilter => {
                self.status_filter = self.status_filter.next();
                self.refilter();
            }
            Command::WorkerFilter if self.workers.is_empty() => {
                return Outcome::Act(Action::Notice(words::NO_WORKERS.into()));
            }
            Command::WorkerFilter => self.next_worker_filter(),
            Command::Handover => return selected.map(Action::Handover).into(),
            Command::Sort => {
                self.sort = self.sort.next();
                self.refilter();
                self.nav.select(0, self.visible.len());
            }
            Command::Add => return Outcome::Act(Action::AddPerson),
            Command::Open => return selected.map(Action::OpenDetail).into(),
            Command::Edit => return selected.map(Action::EditPerson).into(),
            Command::Status => return selected.map(Action::ChangeStatus).into(),
            _ => return Outcome::Ignored,
        }
        Outcome::Done
    }

    fn filter_command(&mut self, cmd: Command) -> Outcome {
        match cmd {
            Command::Keep => self.filtering = false,
            Command::ClearFilter => {
                self.filtering = false;
                self.filter.clear();
            }
            Command::Down | Command::Up => {
                self.nav.handle(cmd, self.visible.len());
                return Outcome::Done;
            }
            _ => return Outcome::Ignored,
        }
        self.refilter();
        self.nav.select(0, self.visible.len());
        Outcome::Done
    }

    /// Text typed or pasted into the filter: one refilter however long it is.
    fn filter_text(&mut self, text: &str) {
        let room = MAX_FILTER_CHARS.saturating_sub(self.filter.chars().count());
        self.filter
            .extend(text.chars().filter(|c| !c.is_control()).take(room));
        self.refilter();
        self.nav.select(0, self.visible.len());
    }

    /// A key typed into the filter (the keymap had no command for it).
    fn filter_key(&mut self, key: KeyEvent) {
        match text_key(key) {
            Some(TextKey::Char(c)) => self.filter_text(c.encode_utf8(&mut [0; 4])),
            Some(TextKey::Backspace) => {
                self.filter.pop();
                self.refilter();
                self.nav.select(0, self.visible.len());
            }
            _ => {}
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if let Some(detail) = &self.detail {
            render_detail(frame, area, detail, ctx);
            return;
        }
        let [bar, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        self.render_bar(frame, bar, ctx);
        let block = Block::default().borders(Borders::TOP);
        let inner_height = block.inner(table_area).height.saturating_sub(1) as usize;
        let range = self.nav.window(inner_height, self.visible.len());
        // Everyone's caseload in a team says whose each person is.
        let everyone = !self.workers.is_empty() && self.whose.login().is_none();
        let cols = Column::fitting(table_area.width, everyone);
        let name_width = Column::name_width(&cols, table_area.width) as usize;
        let rows: Vec<Row> = self.visible[range.clone()]
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let p = &self.people[i];
                let cells = cols.iter().map(|c| match c {
                    Column::Risk if p.risk => Cell::from(Span::styled("!", ctx.theme.danger())),
                    Column::Risk => Cell::from(" "),
                    Column::Name => Cell::from(fit(&p.display_name(), name_width)),
                    Column::Status => Cell::from(p.status.as_str()),
                    Column::Worker => Cell::from(fit(&self.worker_name(p), 12)),
                    Column::Source => Cell::from(fit(&p.referral_source, 15)),
                    Column::Referred => Cell::from(p.referred_on.map(shown).unwrap_or_default()),
                    Column::Next => Cell::from(
                        p.next_follow_up
                            .map(|d| due_span(d, ctx))
                            .unwrap_or_else(|| Span::styled("—", ctx.theme.dim())),
                    ),
                    Column::Goals => Cell::from(match p.open_goals {
                        0 => String::new(),
                        n => n.to_string(),
                    }),
                });
                let row = Row::new(cells);
                if range.start + n == self.nav.selected {
                    row.style(ctx.theme.selected())
                } else {
                    row
                }
            })
            .collect();
        let widths = cols.iter().map(|c| match c.width() {
            0 => Constraint::Fill(1),
            w => Constraint::Length(w),
        });
        let header = Row::new(cols.iter().map(|c| c.title())).style(ctx.theme.header());
        let table = Table::new(rows, widths)
            .header(header)
            .block(block)
            .column_spacing(COLUMN_SPACING);
        frame.render_widget(table, table_area);
        if self.visible.is_empty() {
            let msg = if self.people.is_empty() {
                words::NOBODY_YET
            } else if self.whose.login().is_some() {
                words::NOBODY_HERE
            } else {
                words::NOBODY_MATCHES
            };
            let y = table_area.y + 2;
            if y < table_area.bottom() {
                let r = Rect {
                    y,
                    height: 1,
                    ..table_area
                };
                frame.render_widget(Paragraph::new(Span::styled(msg, ctx.theme.dim())), r);
            }
        }
    }

    fn render_bar(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let mut spans = vec![];
        if self.filtering || !self.filter.is_empty() {
            spans.push(Span::styled("/", ctx.theme.key()));
            spans.push(Span::raw(safe(&self.filter)));
            if self.filtering {
                spans.push(Span::styled("▏", ctx.theme.key()));
            }
            spans.push(Span::raw("  "));
        }
        let (shown, everyone) = self
            .first_page
            .map_or((self.visible.len(), self.people.len()), |c| {
                (c.open, c.everyone)
            });
        if let Some(whose) = self.whose_label() {
            spans.push(Span::raw(safe(&whose)));
            spans.push(Span::raw("  "));
        }
        spans.extend([
            Span::styled("status ", ctx.theme.dim()),
            Span::raw(self.status_filter.label()),
            Span::styled("  sort ", ctx.theme.dim()),
            Span::raw(self.sort.label()),
            Span::styled(format!("  {} of {}", shown, everyone), ctx.theme.dim()),
        ]);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// The caseload table's columns, in the order they are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Risk,
    Name,
    Status,
    /// Whose caseload the person is on: only in everyone's, in a team.
    Worker,
    Source,
    Referred,
    Next,
    Goals,
}

const COLUMN_SPACING: u16 = 1;

/// The Name column keeps at least this many cells: other columns go first.
const MIN_NAME_CELLS: u16 = 14;

impl Column {
    const ALL: [Column; 8] = [
        Column::Risk,
        Column::Name,
        Column::Status,
        Column::Worker,
        Column::Source,
        Column::Referred,
        Column::Next,
        Column::Goals,
    ];

    /// Dropped in this order when the terminal is narrow; risk and name stay.
    const DROP_ORDER: [Column; 6] = [
        Column::Source,
        Column::Referred,
        Column::Goals,
        Column::Worker,
        Column::Next,
        Column::Status,
    ];

    /// Fixed width in cells; 0 for the name, which takes the rest.
    fn width(self) -> u16 {
        match self {
            Column::Risk => 1,
            Column::Name => 0,
            Column::Status => 8,
            Column::Worker => 12,
            Column::Source => 15,
            Column::Referred => 11,
            Column::Next => 12,
            Column::Goals => 5,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Column::Risk => "",
            Column::Name => "Name",
            Column::Status => "Status",
            Column::Worker => "Worker",
            Column::Source => "Source",
            Column::Referred => "Referred",
            Column::Next => "Next",
            Column::Goals => "Goals",
        }
    }

    /// Cells left for the name when `cols` are drawn in `total` cells.
    fn name_width(cols: &[Column], total: u16) -> u16 {
        let fixed: u16 = cols.iter().map(|c| c.width()).sum();
        let gaps = (cols.len() as u16).saturating_sub(1) * COLUMN_SPACING;
        total.saturating_sub(fixed + gaps)
    }

    /// The columns that fit in `total` cells with the name at least
    /// `MIN_NAME_CELLS` wide, dropping the least needed first.
    fn fitting(total: u16, workers: bool) -> Vec<Column> {
        let mut cols = Column::ALL.to_vec();
        if !workers {
            cols.retain(|c| *c != Column::Worker);
        }
        for drop in Column::DROP_ORDER {
            if Column::name_width(&cols, total) >= MIN_NAME_CELLS {
                break;
            }
            cols.retain(|c| *c != drop);
        }
        cols
    }
}

fn render_detail(frame: &mut Frame, area: Rect, d: &Detail, ctx: &Ctx) {
    let p = &d.person;
    let t = ctx.theme;
    let label = |s: &'static str| Span::styled(format!("{s:<18}"), t.dim());
    let field = |name: &'static str, value: Option<String>| -> Option<Line<'static>> {
        value.map(|v| Line::from(vec![label(name), Span::raw(safe(&v))]))
    };
    let dd = &p.details;
    let mut lines: Vec<Line> = vec![Line::from(vec![
        Span::styled(safe(&p.display_name()), t.title()),
        Span::raw(format!("  #{}  ", p.id)),
        Span::styled(p.status.as_str(), t.key()),
    ])];
    if let Some(risk) = &dd.risk_note {
        lines.push(Line::from(vec![
            Span::styled("! RISK ", t.danger()),
            Span::styled(safe(risk), t.danger()),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Referral", t.header())));
    lines.extend(
        [
            field("Source", Some(dd.referral_source.clone())),
            field("Reason", dd.referral_reason.clone()),
            field("Referred on", dd.referred_on.map(shown)),
            field("First contact", p.first_contact_on.map(shown)),
            field("Status reason", p.status_reason.clone()),
            field("Closed on", p.closed_on.map(shown)),
            field("Link worker", d.worker.clone()),
        ]
        .into_iter()
        .flatten(),
    );
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Contact", t.header())));
    let before = lines.len();
    lines.extend(
        [
            field("Preferred name", dd.preferred_name.clone()),
            field("Date of birth", dd.date_of_birth.map(shown)),
            field(
                "NHS number",
                dd.nhs_number.as_deref().map(nhs_number::display),
            ),
            field("Phone", dd.phone.clone()),
            field("Email", dd.email.clone()),
            field("Address", dd.address.clone()),
            field("Postcode", dd.postcode.clone()),
            field("Preferences", dd.contact_preferences.clone()),
            field("Consent recorded", p.details.consent_recorded_on.map(shown)),
        ]
        .into_iter()
        .flatten(),
    );
    if lines.len() == before {
        lines.push(Line::from(Span::styled(words::NO_CONTACT, t.dim())));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(words::STATUS_HISTORY, t.header())));
    for h in &d.history {
        let mut spans = vec![
            Span::styled(
                format!("{:<18}", h.changed_on.map(shown).unwrap_or_default()),
                t.dim(),
            ),
            match &h.handed_to {
                Some(to) => Span::raw(words::handed_over_to(&safe(to))),
                None => Span::raw(h.status.as_str()),
            },
        ];
        if let Some(r) = &h.reason {
            spans.push(Span::raw(format!(" — {}", safe(r))));
        }
        lines.push(Line::from(spans));
    }
    let para = Paragraph::new(lines)
        .block(Block::default().borders(Borders::TOP))
        .wrap(Wrap { trim: false })
        .scroll((d.scroll, 0));
    frame.render_widget(para, area);
}

impl Detail {
    pub fn new(person: Person, history: Vec<StatusHistoryEntry>) -> Detail {
        Detail {
            person,
            history,
            worker: None,
            scroll: 0,
        }
    }
}

/// A person's names as the name filter and the palette match them: any
/// order, without accents ("lukasz" finds Łukasz).
fn match_name(p: &PersonRow) -> String {
    crate::domain::words::unaccented(&format!(
        "{} {} {}",
        p.given_name,
        p.family_name,
        p.preferred_name.as_deref().unwrap_or("")
    ))
}
