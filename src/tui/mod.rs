//! The terminal app: rendering and input. Draws only when something changed
//! (a key, a resize, a follow-up falling due, the day turning over): idle CPU
//! is zero.

pub mod app;
pub mod form;
pub mod keys;
pub mod list;
pub mod panes;
pub mod theme;

use std::io::{self, Write};
use std::time::Duration;

use chrono::Local;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

pub use app::App;
use theme::Theme;

use crate::store::Store;

/// Runs the app until the user quits. The terminal is restored on return and,
/// through ratatui's hook, on panic.
pub fn run(store: Store) -> io::Result<()> {
    let clock: app::Clock = Box::new(|| Local::now().naive_local());
    let mut app = App::new(store, clock, Theme::from_env()).map_err(io::Error::other)?;
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    draw(terminal, app)?;
    while !app.quit {
        // Sleep until a key, or until the next follow-up falls due (or midnight).
        let mut dirty = if event::poll(app.until_next_wake())? {
            app.handle_event(event::read()?)
        } else {
            app.tick()
        };
        // Drain whatever else arrived (a paste, key repeat) before drawing once.
        while !app.quit && event::poll(Duration::ZERO)? {
            dirty |= app.handle_event(event::read()?);
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
