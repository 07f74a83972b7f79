//! Pane 3: the community directory. Type to search (fuzzy, ranked by
//! `domain::search`, results on every keystroke), filter by category, area,
//! activity and staleness, open an entry, verify it, edit it, connect a person.
//! The pane owns its state; forms and writes go out as `Action`s.

mod find;

use std::sync::Arc;
use std::thread::JoinHandle;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

use super::{Ctx, Share, fit, safe, share_widths};
use crate::domain::date::iso;
use crate::domain::search::{SearchIndex, Searcher, highlight};
use crate::domain::service::{Service, ServiceInput};
use crate::domain::setting::Rules;
use crate::domain::words::Thesaurus;
use crate::store::{Changed, Store, StoreError, Topic};
use crate::tui::action::{Action, Outcome};
use crate::tui::component::{Component, Effects, Session, Submitted};
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::keymap::{Command, Context, chain};
use crate::tui::list::ListNav;
use crate::tui::modal::{Modal, Purpose, ServiceMeta};
use crate::tui::palette::{Found, Target};
use crate::tui::strings::directory as words;
use crate::tui::text_input::{TextKey, text_key};
use crate::tui::theme::Theme;

/// A query longer than any service description is a paste gone wrong.
const MAX_QUERY_CHARS: usize = 200;

/// Which entries the list shows, besides the search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub category: Option<String>,
    pub area: Option<String>,
    /// Inactive services are hidden unless this is set.
    pub include_inactive: bool,
    /// Only entries not verified within the staleness window.
    pub stale_only: bool,
}

/// The open entry, with the count the app loaded for it.
struct Detail {
    service: usize,
    connected_now: i64,
    scroll: u16,
}

#[derive(Default)]
pub struct DirectoryPane {
    services: Arc<Vec<Service>>,
    /// Built off the input thread after each load, so loading and the first
    /// keystrokes stay fast; the first search waits for it if it is not ready.
    searcher: Option<Searcher>,
    building: Option<JoinHandle<SearchIndex>>,
    query: String,
    searching: bool,
    pub filters: Filters,
    /// Indices into `services`, ranked, after filters.
    results: Vec<u32>,
    nav: ListNav,
    detail: Option<Detail>,
    categories: Vec<String>,
    areas: Vec<String>,
    /// Today, for the stale filter; learnt from each key and frame.
    today: Option<chrono::NaiveDate>,
    /// When an entry is stale, and the search's synonyms (config.toml).
    rules: Rules,
}

impl Component for DirectoryPane {
    fn title(&self) -> &'static str {
        "Directory"
    }
    fn contexts(&self) -> &'static [Context] {
        self.contexts_now()
    }
    fn handle(&mut self, cmd: Command, ctx: &Ctx) -> Outcome {
        self.handle_command(cmd, ctx.today)
    }
    fn type_key(&mut self, key: KeyEvent) {
        self.search_key(key)
    }
    fn type_text(&mut self, text: &str) {
        self.search_text(text)
    }
    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        self.draw(frame, area, ctx)
    }
    fn subject(&self) -> (Option<i64>, Option<i64>) {
        (None, self.selected().map(|s| s.id))
    }
    fn find(&mut self, text: &str, recent: &[Target]) -> Vec<Found> {
        self.find_services(text, recent)
    }
    fn topics(&self) -> &'static [Topic] {
        &[Topic::Services, Topic::Connections]
    }
    /// The whole directory, indexed on its own thread; a connection made
    /// anywhere changes only who the open entry lists.
    fn load(
        &mut self,
        store: &Store,
        session: &Session,
        changed: &Changed,
    ) -> Result<(), StoreError> {
        self.set_today(session.today);
        if changed.any(&[Topic::Services]) {
            self.set(store.directory().list()?);
        }
        if let Some(id) = self.open_service().map(|s| s.id)
            && changed.any(&[Topic::Connections])
        {
            self.set_connected_now(store.connections().connected_now(id)?);
        }
        Ok(())
    }
    /// Kept current off screen: `c` from pane 2 and the status line read it.
    fn keep_current(&self) -> bool {
        true
    }
    /// Its entries' forms, questions and writes, and `c` (connections.rs).
    fn apply(&mut self, action: &Action, store: &mut Store, s: &Session) -> Option<Effects> {
        Some(match *action {
            Action::ConnectService(id) => super::connections::open_connect(store, s, id),
            Action::RevealService(id) => match self.reveal(id) {
                true => Effects::default().then(Some(Action::OpenService(id))),
                false => Effects::refuse(words::GONE),
            },
            Action::OpenService(id) => match store.connections().connected_now(id) {
                Ok(n) => {
                    self.set_connected_now(n);
                    Effects::default()
                }
                Err(e) => Effects::failed(e),
            },
            Action::ServiceSaved(id) => {
                self.saved(id);
                Effects::default()
            }
            Action::EditService(id) => match id.map(|id| store.directory().get(id)).transpose() {
                Ok(service) => {
                    let (form, meta) = DirectoryPane::service_form(service.as_ref(), s.today);
                    Effects::open(Modal::form(form, Purpose::Service(meta)))
                }
                Err(e) => Effects::failed(e),
            },
            Action::VerifyService(id) => {
                self.written(store.directory_mut().verify(id, s.today), words::VERIFIED)
            }
            Action::AskVerifyService(id) => match store.directory().get(id) {
                Ok(service) => Effects::open(verify_question(&service)),
                Err(e) => Effects::failed(e),
            },
            Action::AskServiceActive(id, active) => match store.directory().get(id) {
                Ok(service) => Effects::open(active_question(&service, active)),
                Err(e) => Effects::failed(e),
            },
            Action::SetServiceActive(id, active) => {
                let said = if active {
                    words::REACTIVATED
                } else {
                    words::DEACTIVATED
                };
                self.written(store.directory_mut().set_active(id, active), said)
            }
            _ => return None,
        })
    }
    /// The service form: a new entry, or changes to one.
    fn submit(
        &mut self,
        form: &mut Form,
        purpose: &Purpose,
        store: &mut Store,
        session: &Session,
    ) -> Option<Submitted> {
        let meta = match purpose {
            Purpose::Service(meta) => meta,
            Purpose::Connect {
                person_id,
                service_id,
            } => {
                let ids = (*person_id, *service_id);
                return Some(super::connections::save_connect(form, ids, store, session));
            }
            _ => return None,
        };
        let service = match DirectoryPane::service_from_form(form, meta, session.today) {
            Ok(s) => s,
            Err(errors) => {
                form.set_errors(&errors);
                return Some(Submitted::KeepOpen);
            }
        };
        let result = if service.id == 0 {
            store.directory_mut().create(&service)
        } else {
            store.directory_mut().update(&service).map(|_| service.id)
        };
        Some(match result {
            Ok(id) => {
                let saved = Effects::say(words::saved(&service.name));
                Submitted::Saved(Box::new(saved.then(Some(Action::ServiceSaved(id)))))
            }
            Err(e) => {
                form.message = Some(crate::tui::strings::form::not_saved(&e));
                Submitted::KeepOpen
            }
        })
    }
}

/// The directory is the whole team's: one key must not change it, so `x` asks.
/// The directory is the whole team's: `v` asks before the day it was last
/// checked is replaced (a stray key would make a stale entry look checked).
fn verify_question(service: &Service) -> Modal {
    let name = crate::domain::text::for_terminal_line(&service.name);
    let last = service.last_verified_on.map(crate::domain::date::shown);
    Modal::Confirm {
        question: words::verify(&name, last.as_deref()),
        yes: Action::VerifyService(service.id),
    }
}

fn active_question(service: &Service, active: bool) -> Modal {
    let name = crate::domain::text::for_terminal_line(&service.name);
    let question = if active {
        words::reactivate(&name)
    } else {
        words::deactivate(&name)
    };
    Modal::Confirm {
        question,
        yes: Action::SetServiceActive(service.id, active),
    }
}

impl DirectoryPane {
    /// The organisation's rules, from config.toml, before the first load.
    pub fn set_rules(&mut self, rules: Rules) {
        self.rules = rules;
        if !self.services.is_empty() {
            // Loaded already: index again with these synonyms.
            self.set(self.services.as_ref().clone());
        }
    }

    /// Replaces the directory (after a load or a save), keeping the selection
    /// and the open entry where they still exist.
    pub fn set(&mut self, services: Vec<Service>) {
        let keep = self.selected().map(|s| s.id);
        let open = self.open_service().map(|s| s.id);
        let services = Arc::new(services);
        let shared = Arc::clone(&services);
        let thesaurus = Arc::clone(&self.rules.thesaurus);
        self.searcher = None;
        self.building = std::thread::Builder::new()
            .name("directory-index".into())
            .spawn(move || SearchIndex::for_services(&shared, &thesaurus))
            .ok();
        let mut categories: Vec<String> = services
            .iter()
            .flat_map(|s| s.category_list())
            .map(str::to_string)
            .collect();
        categories.sort_by_key(|c| c.to_lowercase());
        categories.dedup();
        let mut areas: Vec<String> = services.iter().filter_map(|s| s.area.clone()).collect();
        areas.sort_by_key(|a| a.to_lowercase());
        areas.dedup();
        self.categories = categories;
        self.areas = areas;
        self.services = services;
        self.refresh();
        if let Some(id) = keep {
            self.select_id(id);
        }
        self.detail = match (open, self.detail.take()) {
            (Some(id), Some(d)) => self
                .services
                .iter()
                .position(|s| s.id == id)
                .map(|service| Detail { service, ..d }),
            _ => None,
        };
    }

    /// The entry open in full, if any.
    pub fn open_service(&self) -> Option<&Service> {
        self.detail
            .as_ref()
            .and_then(|d| self.services.get(d.service))
    }

    /// The count of people connected now, shown in the open entry.
    pub fn set_connected_now(&mut self, n: i64) {
        if let Some(d) = &mut self.detail {
            d.connected_now = n;
        }
    }

    pub fn selected(&self) -> Option<&Service> {
        let i = *self.results.get(self.nav.selected)?;
        self.services.get(i as usize)
    }

    /// The service an action applies to: the open entry, else the selected row.
    fn current(&self) -> Option<&Service> {
        self.open_service().or_else(|| self.selected())
    }

    pub fn select_id(&mut self, id: i64) {
        if let Some(pos) = self
            .results
            .iter()
            .position(|&i| self.services[i as usize].id == id)
        {
            self.nav.select(pos, self.results.len());
        }
    }

    /// Waits until the search index is built (for benchmarks: typing never
    /// needs to call this, the first search waits by itself).
    pub fn wait_for_index(&mut self) {
        if let Some(b) = self.building.take() {
            let index = b.join().unwrap_or_else(|_| {
                SearchIndex::for_services(&self.services, &self.rules.thesaurus)
            });
            self.searcher = Some(Searcher::new(index));
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// How many entries the list shows now.
    pub fn result_count(&self) -> usize {
        self.results.len()
    }

    /// Names of the listed services, best first (for tests and the CLI parity check).
    pub fn result_names(&self) -> Vec<&str> {
        self.results
            .iter()
            .map(|&i| self.services[i as usize].name.as_str())
            .collect()
    }

    fn contexts_now(&self) -> &'static [Context] {
        if self.searching {
            chain::SEARCH
        } else if self.detail.is_some() {
            chain::DIRECTORY_ENTRY
        } else {
            chain::DIRECTORY
        }
    }

    fn refresh(&mut self) {
        let today = self.today;
        let f = &self.filters;
        let services = &self.services;
        let thesaurus = &self.rules.thesaurus;
        let months = self.rules.stale_months;
        let ranked: Box<dyn Iterator<Item = u32>> = if self.query.trim().is_empty() {
            Box::new(0..services.len() as u32)
        } else {
            let building = self.building.take();
            let searcher = self.searcher.get_or_insert_with(|| {
                // The thread cannot fail short of a panic; build here if it did.
                let index = building
                    .and_then(|b| b.join().ok())
                    .unwrap_or_else(|| SearchIndex::for_services(services, thesaurus));
                Searcher::new(index)
            });
            Box::new(searcher.search(&self.query).iter().map(|h| h.index))
        };
        self.results = ranked
            .filter(|&i| {
                let s = &services[i as usize];
                (f.include_inactive || s.active)
                    && f.category
                        .as_deref()
                        .is_none_or(|c| s.category_list().contains(&c))
                    && f.area
                        .as_deref()
                        .is_none_or(|a| s.area.as_deref() == Some(a))
                    && (!f.stale_only || today.is_none_or(|d| s.is_stale(d, months)))
            })
            .collect();
        self.nav.select(self.nav.selected, self.results.len());
    }

    /// Learns today's date; a new day can change which entries are stale.
    pub fn set_today(&mut self, today: chrono::NaiveDate) {
        if self.today != Some(today) {
            self.today = Some(today);
            self.refresh();
        }
    }

    fn cycle(options: &[String], current: &Option<String>) -> Option<String> {
        match current {
            None => options.first().cloned(),
            Some(c) => {
                let pos = options.iter().position(|o| o == c);
                pos.and_then(|p| options.get(p + 1)).cloned()
            }
        }
    }

    fn handle_command(&mut self, cmd: Command, today: chrono::NaiveDate) -> Outcome {
        self.set_today(today);
        if self.searching {
            return self.search_command(cmd);
        }
        if let Some(d) = &mut self.detail {
            match cmd {
                Command::Back => self.detail = None,
                // `/` searches from the entry too: typed words never run as keys.
                Command::Search => {
                    self.detail = None;
                    self.searching = true;
                }
                Command::Down => d.scroll = d.scroll.saturating_add(1),
                Command::Up => d.scroll = d.scroll.saturating_sub(1),
                _ => return self.entry_command(cmd),
            }
            return Outcome::Done;
        }
        if self.nav.handle(cmd, self.results.len()) {
            return Outcome::Done;
        }
        match cmd {
            Command::Search => self.searching = true,
            Command::ClearFilter => {
                if !self.query.is_empty() {
                    self.query.clear();
                    self.refresh();
                }
            }
            Command::Open => return self.open_selected().into(),
            Command::CategoryFilter => {
                self.filters.category = Self::cycle(&self.categories, &self.filters.category);
                self.refresh();
            }
            Command::AreaFilter => {
                self.filters.area = Self::cycle(&self.areas, &self.filters.area);
                self.refresh();
            }
            Command::ShowInactive => {
                self.filters.include_inactive = !self.filters.include_inactive;
                self.refresh();
            }
            Command::StaleOnly => {
                self.filters.stale_only = !self.filters.stale_only;
                self.refresh();
            }
            Command::Add => return Outcome::Act(Action::EditService(None)),
            _ => return self.entry_command(cmd),
        }
        Outcome::Done
    }

    /// Commands that act on the current entry, from the list or the open entry.
    fn entry_command(&mut self, cmd: Command) -> Outcome {
        let entry = self.current().map(|s| (s.id, s.active));
        let act = |f: fn(i64, bool) -> Action| entry.map(|(id, active)| f(id, active)).into();
        match cmd {
            Command::Verify => act(|id, _| Action::AskVerifyService(id)),
            Command::Connect => act(|id, _| Action::ConnectService(id)),
            Command::ToggleActive => act(|id, active| Action::AskServiceActive(id, !active)),
            Command::Edit => act(|id, _| Action::EditService(Some(id))),
            _ => Outcome::Ignored,
        }
    }

    /// Opens the selected entry in full.
    fn open_selected(&mut self) -> Option<Action> {
        let &i = self.results.get(self.nav.selected)?;
        let id = self.services.get(i as usize)?.id;
        self.detail = Some(Detail {
            service: i as usize,
            connected_now: 0,
            scroll: 0,
        });
        Some(Action::OpenService(id))
    }

    /// Commands while typing in the search box. Enter opens the top result;
    /// ↓ or Tab moves to the list keeping the query.
    fn search_command(&mut self, cmd: Command) -> Outcome {
        match cmd {
            Command::ClearFilter => {
                self.searching = false;
                self.query.clear();
            }
            Command::Open => {
                self.searching = false;
                return self.open_selected().into();
            }
            Command::Results => {
                self.searching = false;
                return Outcome::Done;
            }
            Command::ClearField => self.query.clear(),
            _ => return Outcome::Ignored,
        }
        self.nav.select(0, self.results.len());
        self.refresh();
        Outcome::Done
    }

    /// Text typed or pasted into the search: every key re-ranks at once, and
    /// a paste ranks once, however long.
    fn search_text(&mut self, text: &str) {
        let room = MAX_QUERY_CHARS.saturating_sub(self.query.chars().count());
        self.query
            .extend(text.chars().filter(|c| !c.is_control()).take(room));
        self.nav.select(0, self.results.len());
        self.refresh();
    }

    /// A key typed into the search (the keymap had no command for it).
    fn search_key(&mut self, key: KeyEvent) {
        match text_key(key) {
            Some(TextKey::Char(c)) => self.search_text(c.encode_utf8(&mut [0; 4])),
            Some(TextKey::Backspace) => {
                self.query.pop();
                self.nav.select(0, self.results.len());
                self.refresh();
            }
            _ => {}
        }
    }

    /// The form for adding (`None`) or editing a service.
    pub fn service_form(s: Option<&Service>, today: chrono::NaiveDate) -> (Form, ServiceMeta) {
        let input = match s {
            Some(s) => ServiceInput::from_service(s),
            None => ServiceInput {
                last_verified_on: iso(today),
                ..Default::default()
            },
        };
        let title = if s.is_some() {
            words::EDIT_TITLE
        } else {
            words::ADD_TITLE
        };
        let mut status = Field::choice(
            FieldKey::Status,
            "Status",
            vec!["active".to_string(), "inactive".to_string()],
        );
        if !input.status.is_empty() {
            status.value = input.status.clone();
        }
        let t = |key, label, hint, value: &str| Field::text(key, label, hint).with_value(value);
        let form = Form::new(
            title,
            vec![
                t(FieldKey::Name, "Name", "required", &input.name),
                t(
                    FieldKey::Organisation,
                    "Organisation",
                    "",
                    &input.organisation,
                ),
                t(FieldKey::Description, "Description", "", &input.description),
                t(
                    FieldKey::Categories,
                    "Categories",
                    "comma-separated, e.g. food,money",
                    &input.categories,
                ),
                t(FieldKey::Area, "Area", "", &input.area),
                t(FieldKey::Address, "Address", "", &input.address),
                t(FieldKey::Postcode, "Postcode", "", &input.postcode),
                t(FieldKey::Phone, "Phone", "", &input.phone),
                t(FieldKey::Email, "Email", "", &input.email),
                t(FieldKey::Url, "Web address", "https://…", &input.url),
                t(
                    FieldKey::OpeningTimes,
                    "Opening times",
                    "e.g. Tue 10:00-13:00",
                    &input.opening_times,
                ),
                t(FieldKey::Eligibility, "Eligibility", "", &input.eligibility),
                t(FieldKey::Cost, "Cost", "", &input.cost),
                t(
                    FieldKey::HowToRefer,
                    "How to refer",
                    "",
                    &input.how_to_refer,
                ),
                t(
                    FieldKey::LastVerifiedOn,
                    "Last verified",
                    crate::tui::strings::form::DATE_HINT,
                    &input.last_verified_on,
                ),
                status,
            ],
        );
        let meta = ServiceMeta {
            id: s.map(|s| s.id),
            uid: input.uid,
            source: input.source,
        };
        (form, meta)
    }

    /// Reads a service form back: a valid service, or the problems per field.
    pub fn service_from_form(
        form: &Form,
        meta: &ServiceMeta,
        today: chrono::NaiveDate,
    ) -> Result<Service, Vec<crate::domain::FieldError>> {
        let v = |k: FieldKey| form.value(k).to_string();
        let input = ServiceInput {
            uid: meta.uid.clone(),
            name: v(FieldKey::Name),
            organisation: v(FieldKey::Organisation),
            description: v(FieldKey::Description),
            categories: v(FieldKey::Categories),
            area: v(FieldKey::Area),
            address: v(FieldKey::Address),
            postcode: v(FieldKey::Postcode),
            phone: v(FieldKey::Phone),
            email: v(FieldKey::Email),
            url: v(FieldKey::Url),
            opening_times: v(FieldKey::OpeningTimes),
            eligibility: v(FieldKey::Eligibility),
            cost: v(FieldKey::Cost),
            how_to_refer: v(FieldKey::HowToRefer),
            last_verified_on: v(FieldKey::LastVerifiedOn),
            status: v(FieldKey::Status),
            source: if meta.source.is_empty() {
                "manual".into()
            } else {
                meta.source.clone()
            },
        };
        let mut s = input.validate(today)?;
        s.id = meta.id.unwrap_or(0);
        Ok(s)
    }

    /// The app saved a service: show it.
    pub fn saved(&mut self, id: i64) {
        self.select_id(id);
    }

    /// After a write to an entry: say so, and count the open entry's
    /// connections again once reloaded.
    fn written(&self, r: Result<(), StoreError>, said: &str) -> Effects {
        match r {
            Ok(()) => {
                Effects::say(said).then(self.open_service().map(|s| Action::OpenService(s.id)))
            }
            Err(e) => Effects::failed(e),
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if self.detail.is_some() {
            self.render_detail(frame, area, ctx);
        } else {
            self.render_list(frame, area, ctx);
        }
    }

    fn render_list(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let [search, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        self.render_search_line(frame, search, t);
        let block = Block::default().borders(Borders::TOP).title(Span::styled(
            format!(
                " Directory ({} of {} services) ",
                self.results.len(),
                self.services.len()
            ),
            t.header(),
        ));
        let height = block.inner(list).height.saturating_sub(1) as usize;
        let range = self.nav.window(height, self.results.len());
        // Service, categories, area, verified: the name is cut last, and a
        // wide terminal gives room to the name and the categories.
        let widths = share_widths(
            list.width,
            1,
            // (min, ideal, share, keep)
            &[
                Share::new(16, 28, 1, 0),
                Share::new(12, 22, 1, 3),
                Share::new(8, 10, 0, 1),
                Share::new(11, 17, 0, 2),
            ],
        );
        let name_width = widths[0] as usize;
        let query = self.query.clone();
        let words = &self.rules.thesaurus;
        let rows: Vec<Row> = self.results[range.clone()]
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let s = &self.services[i as usize];
                let verified = match s.last_verified_on {
                    Some(d) if !s.is_stale(ctx.today, self.rules.stale_months) => {
                        Span::raw(crate::domain::date::shown(d))
                    }
                    Some(d) => {
                        Span::styled(format!("{} stale", crate::domain::date::shown(d)), t.warn())
                    }
                    None => Span::styled("never", t.warn()),
                };
                let name = if s.active {
                    s.name.clone()
                } else {
                    format!("{} (inactive)", s.name)
                };
                let base = if s.active { Style::new() } else { t.dim() };
                let cells = [
                    Cell::from(highlighted(
                        &name,
                        &query,
                        words,
                        name_width,
                        base,
                        t.highlight(),
                    )),
                    Cell::from(highlighted(
                        s.categories.as_deref().unwrap_or(""),
                        &query,
                        words,
                        widths[1] as usize,
                        Style::new(),
                        t.highlight(),
                    )),
                    Cell::from(fit(s.area.as_deref().unwrap_or(""), widths[2] as usize)),
                    Cell::from(verified),
                ];
                let row = Row::new(shown(cells, &widths));
                if range.start + n == self.nav.selected {
                    row.style(t.selected())
                } else {
                    row
                }
            })
            .collect();
        let header = Row::new(shown(
            ["Service", "Categories", "Area", "Verified"],
            &widths,
        ))
        .style(t.header());
        let widths: Vec<Constraint> = widths
            .iter()
            .filter(|w| **w > 0)
            .map(|w| Constraint::Length(*w))
            .collect();
        if self.results.is_empty() {
            let msg = if self.services.is_empty() {
                words::EMPTY
            } else {
                words::NOTHING_MATCHES
            };
            let inner = block.inner(list);
            frame.render_widget(block, list);
            frame.render_widget(
                Paragraph::new(Span::styled(msg, t.dim())).wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        frame.render_widget(Table::new(rows, widths).header(header).block(block), list);
    }

    fn render_search_line(&self, frame: &mut Frame, area: Rect, t: &Theme) {
        let mut spans = vec![Span::styled("Search: ", t.key())];
        if self.query.is_empty() && !self.searching {
            spans.push(Span::styled(words::TO_TYPE, t.dim()));
        } else {
            spans.push(Span::raw(safe(&self.query)));
        }
        let f = &self.filters;
        let mut parts = Vec::new();
        if let Some(c) = &f.category {
            parts.push(format!("category {}", safe(c)));
        }
        if let Some(a) = &f.area {
            parts.push(format!("area {}", safe(a)));
        }
        parts.push(if f.include_inactive {
            "all".into()
        } else {
            words::ACTIVE_ONLY.into()
        });
        if f.stale_only {
            parts.push(words::STALE_ONLY.into());
        }
        spans.push(Span::styled(format!("   [{}]", parts.join(" · ")), t.dim()));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        if self.searching {
            let x = area.x + 8 + crate::domain::text::width(&safe(&self.query)) as u16;
            if x < area.x + area.width {
                frame.set_cursor_position((x, area.y));
            }
        }
    }

    fn render_detail(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = ctx.theme;
        let Some(d) = &self.detail else {
            return;
        };
        let Some(s) = self.services.get(d.service) else {
            return;
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(safe(&s.name), t.title()),
            if s.active {
                Span::raw("")
            } else {
                Span::styled("  (inactive)", t.warn())
            },
        ])];
        if let Some(o) = &s.organisation {
            lines.push(Line::from(Span::styled(safe(o), t.dim())));
        }
        let verified = match s.last_verified_on {
            Some(v) if s.is_stale(ctx.today, self.rules.stale_months) => {
                Span::styled(words::stale_since(&crate::domain::date::shown(v)), t.warn())
            }
            Some(v) => Span::raw(crate::domain::date::shown(v)),
            None => Span::styled(words::NEVER_VERIFIED, t.warn()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:<16}", "Last verified"), t.key()),
            verified,
        ]));
        lines.push(Line::from(vec![
            Span::styled(format!("{:<16}", "Connected now"), t.key()),
            Span::raw(match d.connected_now {
                1 => "1 person".to_string(),
                n => format!("{n} people"),
            }),
        ]));
        if let Some(desc) = &s.description {
            lines.push(Line::from(""));
            lines.extend(desc.lines().map(|l| Line::from(safe(l))));
        }
        lines.push(Line::from(""));
        let fields: [(&str, &Option<String>); 11] = [
            ("Categories", &s.categories),
            ("Area", &s.area),
            ("Address", &s.address),
            ("Postcode", &s.postcode),
            ("Opening times", &s.opening_times),
            ("Eligibility", &s.eligibility),
            ("Cost", &s.cost),
            ("How to refer", &s.how_to_refer),
            ("Phone", &s.phone),
            ("Email", &s.email),
            ("Web", &s.url),
        ];
        for (label, value) in fields {
            if let Some(v) = value {
                lines.push(Line::from(vec![
                    Span::styled(format!("{label:<16}"), t.key()),
                    Span::raw(safe(v)),
                ]));
            }
        }
        // What the last import could not keep (the field was left empty).
        if let Some(notes) = &s.import_notes {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(words::IMPORT_NOTES, t.warn())));
            lines.extend(notes.lines().map(|l| Line::from(safe(l))));
        }
        let block = Block::default()
            .borders(Borders::TOP)
            .title(Span::styled(words::ENTRY_TITLE, t.header()));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((d.scroll, 0)),
            area,
        );
    }
}

/// The cells of the columns [`share_widths`] kept (width above 0).
fn shown<T>(cells: impl IntoIterator<Item = T>, widths: &[u16]) -> Vec<T> {
    cells
        .into_iter()
        .zip(widths)
        .filter(|(_, w)| **w > 0)
        .map(|(c, _)| c)
        .collect()
}

/// `text` cut to `width` cells with the chars `query` matches in `mark` style.
fn highlighted(
    text: &str,
    query: &str,
    words: &Thesaurus,
    width: usize,
    base: Style,
    mark: Style,
) -> Line<'static> {
    let text = &safe(text);
    let shown = crate::domain::text::truncate(text, width);
    let marks = if query.trim().is_empty() {
        Vec::new()
    } else {
        highlight(text, query, words)
    };
    if marks.is_empty() {
        return Line::from(Span::styled(shown, base));
    }
    let cut = if shown == *text {
        usize::MAX
    } else {
        shown.chars().count().saturating_sub(1)
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in shown.chars().enumerate() {
        let marked = i < cut && marks.binary_search(&i).is_ok();
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked { mark } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { mark } else { base }));
    }
    Line::from(spans)
}
