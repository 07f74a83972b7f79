//! The command palette (`:` or `Ctrl-k` in any pane, rebindable as
//! `palette`): one box that finds a person, a service or any command of the
//! keymap as you type. The panes answer for their own rows
//! (`Component::find`: the caseload with its name filter's matcher, the
//! directory with its own search), so there is one matcher per kind of row,
//! the same one the pane uses; the commands are the keymap table itself, so
//! the palette is also where the keys are learnt.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::draw::{fit, pad};
use super::form::centered;
use super::keymap::{Command, Context, Keymap};
use super::list::ListNav;
use super::text_input::{TextKey, text_key};
use super::theme::Theme;
use ratatui::crossterm::event::KeyEvent;

/// What a row of the palette opens or runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Opens them in pane 2.
    Person(i64),
    /// Opens the directory entry.
    Service(i64),
    /// Runs the command in the pane its context belongs to.
    Command(Context, Command),
}

impl Target {
    /// The kind of row, as the palette shows it.
    pub fn kind(self) -> &'static str {
        match self {
            Target::Person(_) => "person",
            Target::Service(_) => "service",
            Target::Command(..) => "command",
        }
    }
}

/// One row: what it is, and the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub target: Target,
    pub label: String,
    /// Beside the label: a status, an area, a command's keys.
    pub detail: String,
}

/// Rows of each kind a query shows at most (the list scrolls).
pub const MAX_ROWS: usize = 30;
/// People and services opened lately, offered first in an empty box.
const RECENT: usize = 8;

/// People and services opened lately, newest first. In memory only.
#[derive(Debug, Default, Clone)]
pub struct Recent(Vec<Target>);

impl Recent {
    pub fn note(&mut self, target: Target) {
        self.0.retain(|t| *t != target);
        self.0.insert(0, target);
        self.0.truncate(RECENT);
    }

    /// An erased person leaves no trace here either.
    pub fn forget(&mut self, target: Target) {
        self.0.retain(|t| *t != target);
    }

    pub fn list(&self) -> &[Target] {
        &self.0
    }
}

/// A query split into its words and what kind of rows it asks for: `>`
/// first asks for commands only, as in VS Code.
pub struct Query<'a> {
    pub text: &'a str,
    pub commands_only: bool,
}

impl<'a> Query<'a> {
    pub fn parse(typed: &'a str) -> Query<'a> {
        match typed.trim_start().strip_prefix('>') {
            Some(rest) => Query {
                text: rest.trim(),
                commands_only: true,
            },
            None => Query {
                text: typed.trim(),
                commands_only: false,
            },
        }
    }
}

/// The palette's state: what was typed and the rows it found.
#[derive(Default)]
pub struct Palette {
    typed: String,
    rows: Vec<Found>,
    nav: ListNav,
}

/// What a key did in the palette.
#[derive(Debug, PartialEq, Eq)]
pub enum PaletteOutcome {
    /// The text changed: find again.
    Changed,
    Moved,
    Picked(Target),
    Close,
    Ignored,
}

impl Palette {
    pub fn typed(&self) -> &str {
        &self.typed
    }

    pub fn rows(&self) -> &[Found] {
        &self.rows
    }

    pub fn set_rows(&mut self, rows: Vec<Found>) {
        self.rows = rows;
        self.nav = ListNav::default();
    }

    pub fn command(&mut self, cmd: Command) -> PaletteOutcome {
        match cmd {
            Command::Open => self
                .rows
                .get(self.nav.selected)
                .map_or(PaletteOutcome::Ignored, |r| {
                    PaletteOutcome::Picked(r.target)
                }),
            Command::Close => PaletteOutcome::Close,
            Command::ClearField => {
                self.typed.clear();
                PaletteOutcome::Changed
            }
            other if self.nav.handle(other, self.rows.len()) => PaletteOutcome::Moved,
            _ => PaletteOutcome::Ignored,
        }
    }

    pub fn type_key(&mut self, key: KeyEvent) -> PaletteOutcome {
        match text_key(key) {
            Some(TextKey::Char(c)) => self.typed.push(c),
            Some(TextKey::Backspace) => {
                if self.typed.pop().is_none() {
                    return PaletteOutcome::Ignored;
                }
            }
            _ => return PaletteOutcome::Ignored,
        }
        PaletteOutcome::Changed
    }

    /// A paste is typed into the box on one line, control characters out.
    pub fn paste(&mut self, text: &str) -> PaletteOutcome {
        let clean: String = text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        self.typed.push_str(&clean);
        PaletteOutcome::Changed
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme, hint: &str) {
        let width = area.width.saturating_sub(4).min(76);
        let height = area.height.saturating_sub(2).min(22);
        let popup = centered(area, width, height);
        frame.render_widget(Clear, popup);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            crate::tui::strings::palette::TITLE,
            theme.title(),
        ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [input, list, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let typed = fit(&self.typed, usize::from(input.width).saturating_sub(3));
        let prompt = Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(typed),
            Span::styled("▏", theme.dim()),
        ]);
        frame.render_widget(Paragraph::new(prompt), input);
        self.render_rows(frame, list, theme);
        frame.render_widget(
            Paragraph::new(Span::styled(
                fit(hint, usize::from(foot.width)),
                theme.dim(),
            )),
            foot,
        );
    }

    fn render_rows(&mut self, frame: &mut Frame, area: Rect, theme: &Theme) {
        if self.rows.is_empty() {
            let none = if self.typed.trim().is_empty() {
                crate::tui::strings::palette::EMPTY
            } else {
                crate::tui::strings::palette::NOTHING_FOUND
            };
            frame.render_widget(Paragraph::new(Span::styled(none, theme.dim())), area);
            return;
        }
        let width = usize::from(area.width);
        let range = self.nav.window(usize::from(area.height), self.rows.len());
        let lines: Vec<Line> = range
            .map(|i| {
                let row = &self.rows[i];
                let detail = fit(&row.detail, (width / 3).max(8));
                let label_cells = width.saturating_sub(9 + detail.chars().count() + 1);
                let line = Line::from(vec![
                    Span::styled(pad(row.target.kind(), 8), theme.dim()),
                    Span::raw(" "),
                    Span::raw(pad(&row.label, label_cells)),
                    Span::raw(" "),
                    Span::styled(detail, theme.key()),
                ]);
                if i == self.nav.selected {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The keymap's commands that match `text`, best first; with no text, those
/// of `here` (the contexts on screen), so an empty box shows this pane's keys.
pub fn commands(keymap: &Keymap, text: &str, here: &[Context]) -> Vec<Found> {
    let matcher = SkimMatcherV2::default();
    let mut scored: Vec<(i64, usize, Found)> = keymap
        .rows()
        .filter(|(b, _)| b.context != Context::Palette)
        .enumerate()
        .filter_map(|(order, (b, keys))| {
            let score = if text.is_empty() {
                here.contains(&b.context).then_some(0)?
            } else {
                let words = format!("{} {} {}", b.help, b.context.title(), b.name);
                matcher.fuzzy_match(&words, text)?
            };
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            let keys = if keys.is_empty() {
                crate::tui::strings::palette::NO_KEY.to_string()
            } else {
                keys.join("/")
            };
            let found = Found {
                target: Target::Command(b.context, b.command),
                label: b.help.to_string(),
                detail: format!("{} · {keys}", b.context.title()),
            };
            Some((score, order, found))
        })
        .collect();
    scored.sort_by_key(|(score, order, _)| (std::cmp::Reverse(*score), *order));
    scored.truncate(MAX_ROWS);
    scored.into_iter().map(|(_, _, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_angle_asks_for_commands_only() {
        let q = Query::parse("> add ");
        assert!(q.commands_only);
        assert_eq!(q.text, "add");
        let q = Query::parse(" ann ");
        assert!(!q.commands_only);
        assert_eq!(q.text, "ann");
    }

    #[test]
    fn recent_keeps_the_newest_first_and_forgets() {
        let mut r = Recent::default();
        for id in 0..10 {
            r.note(Target::Person(id));
        }
        r.note(Target::Person(5));
        assert_eq!(r.list().len(), RECENT);
        assert_eq!(r.list()[0], Target::Person(5));
        r.forget(Target::Person(5));
        assert!(!r.list().contains(&Target::Person(5)));
    }

    #[test]
    fn a_paste_stays_on_one_line_without_controls() {
        let mut p = Palette::default();
        p.paste("Ann\n\u{1b}[2JSmith");
        assert_eq!(p.typed(), "Ann [2JSmith");
    }
}
