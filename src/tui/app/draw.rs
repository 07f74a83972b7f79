//! Drawing the app around the panes: the tabs, the status line, the footer,
//! the help overlay, the welcome and the modal on top. Only from state.

use super::*;

impl App {
    pub fn render(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let quit = self.keymap.label(Context::Global, Command::Quit);
            let msg = strings::app::too_small(MIN_WIDTH, MIN_HEIGHT, &quit);
            frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
            return;
        }
        // A message wider than the terminal takes a second row, whole.
        let message_rows = match self.status_message() {
            Some((m, _)) if crate::domain::text::width(&m) > usize::from(area.width) => 2,
            _ => 1,
        };
        let [tabs, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(message_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_tabs(frame, tabs);
        // A copy of the theme: the pane is borrowed mutably while it draws.
        let theme = self.theme;
        let ctx = Ctx {
            theme: &theme,
            today: self.session.today,
        };
        if let Some(c) = self.component_mut(self.pane) {
            c.render(frame, body, &ctx);
        }
        self.render_status(frame, status);
        self.render_footer(frame, footer);
        match self.modals.last() {
            Some(Modal::Help) => self.render_help(frame, body),
            Some(Modal::Welcome { path }) => self.render_welcome(frame, body, path),
            Some(Modal::Conflicts { lines }) => self.render_conflicts(frame, body, lines),
            Some(Modal::Letter { text, scroll, .. }) => {
                self.render_letter(frame, body, text, *scroll)
            }
            Some(Modal::Confirm { question, .. }) => self.render_confirm(frame, body, question),
            Some(Modal::Editor(e)) => e.render(frame, body, &self.theme),
            Some(Modal::Form { form, .. }) => form.render(frame, body, &self.theme),
            Some(Modal::Palette(_)) => {
                let hint = self.palette_hint();
                if let Some(Modal::Palette(p)) = self.modals.last_mut() {
                    p.render(frame, body, &theme, &hint);
                }
            }
            None => {}
        }
    }

    /// A yes/no question, whole: wrapped in its box with the keys under it
    /// (it was a form's title, cut at the box's edge, over a form's keys).
    fn render_confirm(&self, frame: &mut Frame, area: Rect, question: &str) {
        let t = &self.theme;
        let yes = self.keymap.label(Context::Confirm, Command::Yes);
        let no = self.keymap.label(Context::Confirm, Command::No);
        let width = area.width.saturating_sub(4).clamp(20, 72).min(area.width);
        let inner = usize::from(width.saturating_sub(4));
        let mut lines: Vec<Line> = wrap(question, inner)
            .into_iter()
            .map(|l| Line::from(format!(" {l}")))
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(" {yes} = yes · {no} = no"),
            t.key(),
        )));
        let height = (lines.len() as u16).saturating_add(2);
        let r = centered(area, width, height);
        frame.render_widget(Clear, r);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(strings::form::CONFIRM_TITLE, t.header()));
        frame.render_widget(Paragraph::new(lines).block(block), r);
    }

    /// The palette's footer, with the keys as bound.
    fn palette_hint(&self) -> String {
        let k = |c| self.keymap.label(Context::Palette, c);
        strings::palette::hint(
            &k(Command::Open),
            &k(Command::Down),
            &k(Command::Up),
            &k(Command::Close),
        )
    }

    /// The first start on a new file says what to do first, over the
    /// empty caseload, instead of leaving a bare table.
    pub fn welcome(&mut self) {
        let path = self.store.path().display().to_string();
        self.modals.push(Modal::Welcome { path });
    }

    pub(super) fn render_welcome(&self, frame: &mut Frame, area: Rect, path: &str) {
        let t = &self.theme;
        let first = |context, command| {
            let keys = self.keymap.label(context, command);
            keys.split('/').next().unwrap_or_default().to_string()
        };
        let (close, add) = (
            first(Context::Help, Command::Close),
            first(Context::Caseload, Command::Add),
        );
        let text = strings::app::welcome(&crate::tui::panes::safe(path), &close, &add);
        let height = (text.len() as u16 + 2).min(area.height);
        let popup = centered(area, area.width.min(76), height);
        frame.render_widget(ratatui::widgets::Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(strings::app::WELCOME_TITLE, t.title()));
        let lines: Vec<Line> = text.into_iter().map(Line::from).collect();
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(ratatui::widgets::Wrap { trim: false }),
            popup,
        );
    }

    pub(super) fn render_tabs(&self, frame: &mut Frame, area: Rect) {
        let titles: Vec<&str> = (0..self.tab_count())
            .map(|i| self.component(Pane::at(i)).map_or("", |c| c.title()))
            .collect();
        let full: usize = titles
            .iter()
            .enumerate()
            .map(|(i, t)| tab_text(i, t).len())
            .sum();
        // Too narrow for every name: the others by number, so none is off screen.
        let compact = full > usize::from(area.width);
        let mut spans = Vec::new();
        for (i, title) in titles.iter().enumerate() {
            let p = Pane::at(i);
            let text = if compact && p != self.pane {
                format!(" {} ", i + 1)
            } else {
                tab_text(i, title)
            };
            let style = if p == self.pane {
                self.theme.tab_active()
            } else {
                self.theme.dim()
            };
            spans.push(Span::styled(text, style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    pub(super) fn render_status(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        let c = &self.counts;
        let mut right = vec![Span::raw(format!(
            "{} open of {} people",
            c.people_open, c.people_total
        ))];
        if c.follow_ups_overdue > 0 {
            right.push(Span::raw(" · "));
            right.push(Span::styled(
                format!("{} overdue", c.follow_ups_overdue),
                t.danger(),
            ));
        }
        if c.follow_ups_today > 0 {
            right.push(Span::raw(format!(" · {} today", c.follow_ups_today)));
        }
        right.push(Span::raw(format!(" · {} services", c.services)));
        if c.services_stale > 0 {
            right.push(Span::styled(
                format!(" ({} stale)", c.services_stale),
                t.warn(),
            ));
        }
        let width = usize::from(area.width);
        let shown = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
        let message = self.status_message();
        // A message (what just happened) has its room: the counts beside it
        // lose the directory's, then the caseload's, then go; one wider than
        // the terminal has the two rows render gave it, and no counts.
        // The counts keep a cell free at the right edge.
        let room = match &message {
            Some((m, _)) => width.saturating_sub(crate::domain::text::width(m) + 2),
            None => width.saturating_sub(1),
        };
        while !right.is_empty() && shown(&right) > room {
            right.pop();
        }
        let right = Line::from(right);
        let right_width = match right.width() {
            0 => 0,
            w => w as u16 + 1,
        };
        let left = match message {
            Some((m, error)) => {
                let style = if error { t.danger() } else { t.ok() };
                let rows = usize::from(area.height.max(1));
                let mut lines = wrap(&m, width);
                if lines.len() > rows {
                    lines.truncate(rows);
                    if let Some(last) = lines.last_mut() {
                        *last = truncate(&format!("{last} …"), width);
                    }
                }
                let lines: Vec<Line> = lines
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, style)))
                    .collect();
                Paragraph::new(lines)
            }
            None => {
                // A laptop copy says so (and what waits to go) where the
                // file's name would be.
                let name = self.copy_status().unwrap_or_else(|| {
                    self.store
                        .path()
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                });
                // The file's name whole or not at all: a stub says nothing.
                let left_width = width.saturating_sub(usize::from(right_width));
                let fits = crate::domain::text::width(&name) <= left_width;
                Paragraph::new(Span::styled(
                    if fits { name } else { String::new() },
                    t.dim(),
                ))
            }
        };
        let [l, r] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_width)]).areas(area);
        frame.render_widget(left, l);
        frame.render_widget(Paragraph::new(right), r);
    }

    /// What the status line says just happened, drawn safe like any stored
    /// text (messages name people). A damaged file's banner stays until the
    /// app closes, after any message.
    fn status_message(&self) -> Option<(String, bool)> {
        match (&self.message, &self.damaged) {
            (Some((m, error)), _) => Some((crate::tui::panes::safe(m), *error)),
            (None, Some(banner)) => Some((banner.clone(), true)),
            (None, None) => None,
        }
    }

    /// The footer: the main keys of what is on screen now, from the keymap,
    /// most specific first (the first key of each).
    /// Where the terminal is too narrow for every key, the last ones go,
    /// but quit and help always show.
    pub(super) fn render_footer(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        let mut entries = Vec::new();
        for context in self.contexts() {
            for (binding, keys) in self.keymap.rows() {
                let Some(first) = keys.first() else { continue };
                if binding.context != *context || binding.footer.is_empty() {
                    continue;
                }
                let always = matches!(
                    binding.command,
                    Command::Help | Command::Quit | Command::Palette
                );
                entries.push((first.to_string(), format!(" {}  ", binding.footer), always));
            }
        }
        let width = crate::domain::text::width;
        let cells = |e: &(String, String, bool)| width(&e.0) + width(&e.1);
        let kept: usize = entries.iter().filter(|e| e.2).map(cells).sum();
        let mut room = usize::from(area.width).saturating_sub(kept);
        let mut spans = Vec::new();
        for e in &entries {
            if !e.2 {
                if cells(e) > room {
                    room = 0;
                    continue;
                }
                room -= cells(e);
            }
            spans.push(Span::styled(e.0.clone(), t.key()));
            spans.push(Span::raw(e.1.clone()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    /// Help for what is on screen: every binding of every context that applies,
    /// in two columns when one does not fit.
    pub(super) fn render_help(&self, frame: &mut Frame, area: Rect) {
        let t = &self.theme;
        // Help describes the screen under it, not itself.
        let under: &[Context] = match self.modals.len() {
            0 | 1 => self
                .component(self.pane)
                .map_or(chain::NO_PERSON, |c| c.contexts()),
            n => self.modals[n - 2].contexts(),
        };
        let mut rows_out: Vec<(Option<String>, String, &'static str)> = Vec::new();
        // `Always` goes last: it is the least specific.
        let order = under.iter().skip(1).chain(under.first());
        for context in order {
            match context {
                Context::List | Context::Always => {}
                _ => rows_out.push((Some(capitalised(context.title())), String::new(), "")),
            }
            if context.takes_text() {
                rows_out.push((None, "type".into(), strings::app::HELP_TYPING));
            }
            for (keys, help) in self.keymap.help_rows(*context) {
                rows_out.push((None, keys, help));
            }
        }
        let popup = centered(area, area.width, area.height);
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(strings::app::HELP_TITLE, t.title()));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let height = inner.height as usize;
        // One column if it fits; else two, with a narrower key column. Long
        // lines wrap inside their column rather than being cut off.
        let one = help_lines(&rows_out, 16, inner.width as usize, t);
        if one.len() <= height {
            let one: Vec<Line> = one.into_iter().map(|(l, _)| l).collect();
            frame.render_widget(Paragraph::new(one), inner);
            return;
        }
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner);
        let mut lines = help_lines(&rows_out, 7, left.width as usize, t);
        // Fill the left column first; a heading never ends it.
        let mut split = height.min(lines.len());
        if split > 0 && split < lines.len() && lines[split - 1].1 {
            split -= 1;
        }
        let rest: Vec<Line> = lines.split_off(split).into_iter().map(|(l, _)| l).collect();
        let lines: Vec<Line> = lines.into_iter().map(|(l, _)| l).collect();
        frame.render_widget(Paragraph::new(lines), left);
        frame.render_widget(Paragraph::new(rest), right);
    }
}

/// "report" -> "Report": pane contexts are named in lower case.
fn capitalised(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Help rows as lines `width` wide, each marked true for a heading: the keys
/// in a column `key_width` wide (on a line of their own when longer), the
/// words wrapped beside them.
/// A tab's label: its number key and its name.
fn tab_text(i: usize, title: &str) -> String {
    format!(" {} {} ", i + 1, title)
}

fn help_lines(
    rows: &[(Option<String>, String, &'static str)],
    key_width: usize,
    width: usize,
    t: &Theme,
) -> Vec<(Line<'static>, bool)> {
    let mut out = Vec::new();
    let text_width = width.saturating_sub(key_width + 2).max(8);
    let indent = " ".repeat(key_width + 2);
    for (heading, keys, help) in rows {
        if let Some(h) = heading {
            out.push((Line::from(Span::styled(h.clone(), t.header())), true));
            continue;
        }
        let mut words = wrap(help, text_width).into_iter();
        let first = if crate::domain::text::width(keys) > key_width {
            out.push((Line::from(Span::styled(format!(" {keys}"), t.key())), false));
            None
        } else {
            words.next()
        };
        if let Some(first) = first {
            out.push((
                Line::from(vec![
                    Span::styled(format!(" {keys:<key_width$} "), t.key()),
                    Span::raw(first),
                ]),
                false,
            ));
        }
        for more in words {
            out.push((Line::from(format!("{indent}{more}")), false));
        }
    }
    out
}

/// Words into lines of at most `width` columns (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let w = crate::domain::text::width(word);
        let have = crate::domain::text::width(&line);
        if !line.is_empty() && have + 1 + w > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&crate::domain::text::truncate(word, width));
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
