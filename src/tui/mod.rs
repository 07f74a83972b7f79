//! The terminal app: rendering and input. Draws only when something changed
//! (a key, a resize, a follow-up falling due, the day turning over): idle CPU
//! is zero.
//!
//! Input comes from two threads through one channel (`input.rs`); the main
//! loop waits on it with the next timer as timeout, handles everything pending,
//! then draws one frame. How the app ends, and the exit code `main` gives it:
//! quit 0; the terminal gone (end of input, an I/O error) 0; SIGHUP, SIGINT,
//! SIGTERM 128 + the signal (129, 130, 143). In every case the open note is
//! saved as a draft first and the terminal restored if it is still there.
//! Nothing here may use crossterm's event reader (`event::read`/`poll`,
//! `cursor::position`, `Terminal::clear`): the input thread owns the tty.

pub mod action;
pub mod app;
pub mod editor;
mod external;
pub mod form;
mod input;
pub mod keymap;
pub mod list;
pub mod modal;
pub mod panes;
pub mod text_input;
pub mod theme;

use std::io::{self, Write};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, LeaveAlternateScreen,
    disable_raw_mode,
};

pub use app::App;
pub use input::check_terminal;
use input::{Input, InputThreads};
use theme::Theme;

use crate::config::Config;
use crate::store::Store;

/// How the app ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The terminal went away: end of input, or an I/O error reading or drawing.
    HangUp,
    /// SIGHUP, SIGTERM or SIGINT (by number).
    Signal(i32),
}

/// Runs the app until the user quits, the terminal goes away or a signal asks
/// it to end. However it ends, an open note is saved as a draft first, and the
/// terminal is restored if there still is one (also on panic, through
/// ratatui's hook). Errors are for a terminal that could not be set up.
pub fn run(store: Store, config: Config) -> io::Result<Exit> {
    check_terminal().map_err(io::Error::other)?;
    let theme = Theme::with_palette(config.palette);
    let mut app = App::with_keymap(store, theme, config.keymap).map_err(io::Error::other)?;
    // Signal handlers before the first size query, so no resize falls in between.
    let mut input = input::start()?;
    // Ours first: ratatui's hook (installed by init) restores the screen, then calls this.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::crossterm::execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = match init() {
        Ok(terminal) => terminal,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    // Below the minimum size only quitting acts, so the app must know the size.
    if let Ok(size) = terminal.size() {
        app.set_size(size.width, size.height);
    }
    let exit = event_loop(&mut terminal, &mut app, &mut input);
    // However the loop ended (even a lost terminal), an open note is kept as a draft.
    app.save_draft_now();
    restore();
    Ok(exit)
}

/// Raw mode, alternate screen and bracketed paste (a pasted note arrives as one
/// event, not thousands of keys). ratatui's panic hook restores the terminal.
fn init() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    ratatui::crossterm::execute!(io::stdout(), EnableBracketedPaste)?;
    Ok(terminal)
}

/// Every step, whatever fails. After a hang-up the terminal is gone and each
/// write fails (EIO): then stdout and stderr are pointed at /dev/null, because
/// later writes would panic (`eprintln!` in ratatui's `Terminal` drop and panic
/// hook, and a panic in the hook aborts).
fn restore() {
    let _ = disable_raw_mode();
    // The cursor is shown again when ratatui's `Terminal` is dropped.
    let written =
        ratatui::crossterm::execute!(io::stdout(), DisableBracketedPaste, LeaveAlternateScreen);
    if written.is_err() {
        input::silence_output();
    }
}

/// Sleeps until input or the next timer; handles everything that is pending;
/// draws once. Keys that arrive while a frame is being written (a slow link)
/// pile up in the channel and are handled together: frames never queue, the
/// last state wins.
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, input: &mut InputThreads) -> Exit {
    if draw(terminal, app).is_err() {
        return Exit::HangUp;
    }
    // Set when the last wait was a timer that was already due: if the timers
    // keep saying "now" (a save that keeps failing), wait a little, never spin.
    let mut was_due = false;
    while !app.quit {
        // Sleep until input, the next follow-up falling due (or midnight), or a draft autosave.
        let mut wait = app.until_next_wake();
        if let Some(autosave) = app.autosave_due_in() {
            wait = wait.min(autosave);
        }
        if was_due && wait.is_zero() {
            wait = Duration::from_millis(100);
        }
        let mut dirty = match input.rx.recv_timeout(wait) {
            Ok(first) => {
                was_due = false;
                match handle(app, first) {
                    Ok(dirty) => dirty,
                    Err(exit) => return exit,
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                was_due = wait.is_zero();
                app.tick()
            }
            Err(RecvTimeoutError::Disconnected) => return Exit::HangUp,
        };
        // Drain whatever else arrived (a paste, key repeat, a resize) before drawing once.
        while !app.quit {
            match input.rx.try_recv() {
                Ok(next) => match handle(app, next) {
                    Ok(d) => dirty |= d,
                    Err(exit) => return exit,
                },
                Err(_) => break,
            }
        }
        if let Some(text) = app.take_external_edit() {
            input.pause();
            restore();
            let result = external::edit(&text);
            let back = init();
            input.resume();
            *terminal = match back {
                Ok(t) => t,
                Err(_) => return Exit::HangUp,
            };
            // Not `terminal.clear()`: it asks the terminal where the cursor is,
            // and the answer would go to our reader, not to crossterm.
            if ratatui::crossterm::execute!(io::stdout(), Clear(ClearType::All)).is_err() {
                return Exit::HangUp;
            }
            app.finish_external_edit(result);
            dirty = true;
        }
        if dirty && !app.quit && draw(terminal, app).is_err() {
            return Exit::HangUp;
        }
    }
    Exit::Quit
}

/// One input: `Ok(redraw?)`, or how the app must end.
fn handle(app: &mut App, input: Input) -> Result<bool, Exit> {
    match input {
        Input::Event(event) => Ok(app.handle_event(event)),
        Input::Resize(cols, rows) => Ok(app.handle_event(Event::Resize(cols, rows))),
        Input::HangUp => Err(Exit::HangUp),
        Input::Signal(n) => Err(Exit::Signal(n)),
    }
}

/// One frame inside a synchronized update, so SSH and tmux never show half a frame.
fn draw(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut out = io::stdout();
    ratatui::crossterm::queue!(out, BeginSynchronizedUpdate)?;
    terminal.draw(|f| app.render(f))?;
    ratatui::crossterm::execute!(out, EndSynchronizedUpdate)?;
    out.flush()
}
