//! The terminal app: rendering and input. Draws only when something changed
//! (a key, a resize, a follow-up falling due, the day turning over): idle CPU
//! is zero.

pub mod action;
pub mod app;
pub mod editor;
mod external;
pub mod form;
pub mod keymap;
pub mod list;
pub mod modal;
pub mod panes;
pub mod text_input;
pub mod theme;

use std::io::{self, Write};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

pub use app::App;
use theme::Theme;

use crate::store::Store;

/// Runs the app until the user quits. The terminal is restored on return and,
/// through ratatui's hook, on panic.
pub fn run(store: Store) -> io::Result<()> {
    let mut app = App::new(store, Theme::from_env()).map_err(io::Error::other)?;
    // Ours first: ratatui's hook (installed by init) restores the screen, then calls this.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::crossterm::execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = init();
    let result = event_loop(&mut terminal, &mut app);
    // However the loop ended (even a lost terminal), an open note is kept as a draft.
    app.save_draft_now();
    restore();
    result
}

/// Raw mode, alternate screen and bracketed paste (a pasted note arrives as one
/// event, not thousands of keys). ratatui's panic hook restores the terminal.
fn init() -> DefaultTerminal {
    let terminal = ratatui::init();
    let _ = ratatui::crossterm::execute!(io::stdout(), EnableBracketedPaste);
    terminal
}

fn restore() {
    let _ = ratatui::crossterm::execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    draw(terminal, app)?;
    while !app.quit {
        // Sleep until a key, the next follow-up falling due (or midnight), or a draft autosave.
        let mut wait = app.until_next_wake();
        if let Some(autosave) = app.autosave_due_in() {
            wait = wait.min(autosave);
        }
        let mut dirty = if event::poll(wait)? {
            app.handle_event(event::read()?)
        } else {
            app.tick()
        };
        // Drain whatever else arrived (a paste, key repeat) before drawing once.
        while !app.quit && event::poll(Duration::ZERO)? {
            dirty |= app.handle_event(event::read()?);
        }
        if let Some(text) = app.take_external_edit() {
            restore();
            let result = external::edit(&text);
            *terminal = init();
            terminal.clear()?;
            app.finish_external_edit(result);
            dirty = true;
        }
        if dirty && !app.quit {
            draw(terminal, app)?;
        }
    }
    Ok(())
}

/// One frame inside a synchronized update, so SSH and tmux never show half a frame.
fn draw(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut out = io::stdout();
    ratatui::crossterm::queue!(out, BeginSynchronizedUpdate)?;
    terminal.draw(|f| app.render(f))?;
    ratatui::crossterm::execute!(out, EndSynchronizedUpdate)?;
    out.flush()
}
