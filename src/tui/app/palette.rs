//! The app's side of the command palette (`tui/palette.rs`): opening it,
//! asking every pane for its rows as the worker types, and carrying out the
//! row picked: a person opens in pane 2, a service in the directory, a
//! command runs in the pane its context belongs to.

use super::*;
use crate::tui::palette::{Palette, PaletteOutcome, Query, Target, commands};

impl App {
    /// The palette, while it is open (its rows, for tests and benches).
    pub fn palette(&self) -> Option<&Palette> {
        match self.modals.last() {
            Some(Modal::Palette(p)) => Some(p),
            _ => None,
        }
    }

    pub(super) fn open_palette(&mut self) {
        // It finds in the directory and the whole caseload: both loaded now.
        if self.deferred_pending() {
            let r = self.load_deferred();
            self.report(r);
        }
        let mut palette = Palette::default();
        palette.set_rows(self.palette_rows(""));
        self.modals.push(Modal::Palette(Box::new(palette)));
    }

    /// A key or paste went to the open palette.
    pub(super) fn palette_outcome(&mut self, mut palette: Box<Palette>, outcome: PaletteOutcome) {
        match outcome {
            PaletteOutcome::Picked(target) => return self.pick(target),
            PaletteOutcome::Close => return,
            PaletteOutcome::Changed => {
                let rows = self.palette_rows(palette.typed());
                palette.set_rows(rows);
            }
            PaletteOutcome::Moved | PaletteOutcome::Ignored => {}
        }
        self.modals.push(Modal::Palette(palette));
    }

    /// People, then services, then commands: each pane ranks its own. Called
    /// with the palette off the modal stack, so `contexts()` is the pane's
    /// (an empty box lists this pane's commands).
    fn palette_rows(&mut self, typed: &str) -> Vec<crate::tui::palette::Found> {
        let here = self.contexts();
        let query = Query::parse(typed);
        let mut rows = Vec::new();
        if !query.commands_only {
            let recent = self.recent.list().to_vec();
            for i in 0..self.tab_count() {
                if let Some(pane) = self.component_mut(Pane::at(i)) {
                    rows.extend(pane.find(query.text, &recent));
                }
            }
        }
        rows.extend(commands(&self.keymap, query.text, here));
        rows
    }

    fn pick(&mut self, target: Target) {
        match target {
            Target::Person(id) => self.apply(Action::OpenPerson(id)),
            Target::Service(id) => {
                self.show_pane(Pane::Directory);
                self.apply(Action::RevealService(id));
            }
            Target::Command(context, cmd) => self.apply(Action::Run(context, cmd)),
        }
    }

    /// Opens person `id` in pane 2, selected in the caseload too.
    pub(super) fn open_person(&mut self, id: i64) {
        self.caseload.reveal(id);
        if self.caseload.selected_id() == Some(id) {
            self.show_pane(Pane::WhatMatters);
        } else {
            self.message = Some((strings::palette::PERSON_GONE.into(), true));
        }
    }

    /// A command picked in the palette, run as its key would be in the pane
    /// its context belongs to; one that only works in a form or while typing
    /// says where its key works instead.
    pub(super) fn run_command(&mut self, context: Context, cmd: Command) {
        let keys = self.keymap.label(context, cmd);
        if let Some(pane) = self.pane_of(context) {
            if pane != self.pane {
                self.show_pane(pane);
            }
        } else if context.takes_text() || self.modal_context(context) {
            return self.say(strings::palette::done_elsewhere(&keys, context.title()));
        }
        if self.contexts().contains(&context) {
            if self.dispatch(context, cmd) == Outcome::Ignored {
                self.say(strings::palette::nothing_selected(&keys));
            }
        } else {
            self.say(strings::palette::not_here_yet(&keys, context.title()));
        }
    }

    /// The tab a context is shown in; `None` for everywhere (and modals).
    fn pane_of(&self, context: Context) -> Option<Pane> {
        Some(match context {
            Context::Caseload | Context::PersonDetail => Pane::Caseload,
            Context::Notes | Context::Goals | Context::NoteReader | Context::Connections => {
                Pane::WhatMatters
            }
            Context::Directory | Context::DirectoryEntry => Pane::Directory,
            Context::FollowUps | Context::FollowUpsDone => Pane::FollowUps,
            Context::Pane(_) => (Pane::CORE.len()..self.tab_count())
                .map(Pane::at)
                .find(|p| {
                    self.component(*p)
                        .is_some_and(|c| c.contexts().contains(&context))
                })?,
            _ => return None,
        })
    }

    fn modal_context(&self, context: Context) -> bool {
        matches!(
            context,
            Context::Confirm | Context::Help | Context::Letter | Context::Palette
        )
    }
}
