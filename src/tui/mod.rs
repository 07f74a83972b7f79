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
pub mod component;
pub mod draw;
pub mod editor;
mod external;
pub mod form;
mod input;
pub mod keymap;
pub mod list;
pub mod modal;
pub mod palette;
pub mod panes;
pub mod strings;
pub mod text_input;
pub mod theme;
pub mod ui;

use std::io::{self, Write};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

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
pub use ui::Ui;

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
/// `welcome`: the file was new, so the app opens on what to do first.
pub fn run(mut store: Store, config: Config, welcome: bool) -> io::Result<Exit> {
    check_terminal().map_err(io::Error::other)?;
    let ui = Ui::from_config(&config).map_err(|e| io::Error::other(e.to_string()))?;
    let theme = Theme::with_palette(ui.palette);
    store.set_actor_name(config.display_name.clone());
    let settings = component::Settings::from_config(&config);
    let mut app = App::with_keymap(store, theme, ui.keymap).map_err(io::Error::other)?;
    app.set_settings(settings);
    if welcome {
        app.welcome();
    }
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
    // However the loop ended (even a lost terminal), an open note or form is kept as a draft.
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
/// last state wins. Each frame ends with a device-attributes query; the next
/// frame waits for the terminal's answer (see `Pacing`).
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, input: &mut InputThreads) -> Exit {
    let mut pacing = Pacing::default();
    if draw(terminal, app, &mut pacing).is_err() {
        return Exit::HangUp;
    }
    // Set when the last wait was a timer that was already due: if the timers
    // keep saying "now" (a save that keeps failing), wait a little, never spin.
    let mut was_due = false;
    // A frame is owed: something changed while the terminal was still busy.
    let mut owed = false;
    while !app.quit {
        // Sleep until input, the next follow-up falling due (or midnight), a
        // draft autosave, or the terminal's answer timing out.
        let mut wait = app.until_next_wake();
        if let Some(autosave) = app.autosave_due_in() {
            wait = wait.min(autosave);
        }
        if let Some(left) = pacing.time_left() {
            wait = wait.min(left);
        }
        if was_due && wait.is_zero() {
            wait = Duration::from_millis(100);
        }
        let mut dirty = match input.rx.recv_timeout(wait) {
            Ok(first) => {
                was_due = false;
                match handle(app, first, &mut pacing) {
                    Ok(dirty) => dirty,
                    Err(exit) => return exit,
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                was_due = wait.is_zero();
                pacing.check_timeout();
                app.tick()
            }
            Err(RecvTimeoutError::Disconnected) => return Exit::HangUp,
        };
        // Drain whatever else arrived (a paste, key repeat, a resize) before drawing once.
        while !app.quit {
            match input.rx.try_recv() {
                Ok(next) => match handle(app, next, &mut pacing) {
                    Ok(d) => dirty |= d,
                    Err(exit) => return exit,
                },
                Err(_) => break,
            }
        }
        if let Some(text) = app.take_external_edit() {
            let result =
                match given_back(terminal, app, input, &mut pacing, |_| external::edit(&text)) {
                    Ok(r) => r,
                    Err(exit) => return exit,
                };
            app.finish_external_edit(result);
            dirty = true;
        }
        if app.take_sync_request() {
            let result = match given_back(terminal, app, input, &mut pacing, App::run_sync) {
                Ok(r) => r,
                Err(exit) => return exit,
            };
            app.finish_sync(result);
            dirty = true;
        }
        // A slow link: while the terminal has not drawn the last frame, draw
        // nothing; when it has, draw the latest state once.
        let dirty = dirty || owed;
        owed = dirty && !app.quit && pacing.busy();
        if dirty && !owed && !app.quit && draw(terminal, app, &mut pacing).is_err() {
            return Exit::HangUp;
        }
    }
    Exit::Quit
}

/// Runs `f` with the terminal given back (main screen, cooked mode, our
/// reader paused), for a program that needs it: `$EDITOR`, or ssh asking
/// for a password. Then the app's screen comes back, cleared.
fn given_back<T>(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    input: &mut InputThreads,
    pacing: &mut Pacing,
    f: impl FnOnce(&mut App) -> T,
) -> Result<T, Exit> {
    // The terminal's answer must not be typed into the other program.
    pacing.settle(app, input)?;
    input.pause();
    restore();
    let result = f(app);
    let back = init();
    input.resume();
    *terminal = back.map_err(|_| Exit::HangUp)?;
    // Not `terminal.clear()`: it asks the terminal where the cursor is,
    // and the answer would go to our reader, not to crossterm.
    ratatui::crossterm::execute!(io::stdout(), Clear(ClearType::All)).map_err(|_| Exit::HangUp)?;
    Ok(result)
}

/// Frame pacing by the terminal itself. After each frame the app asks for the
/// terminal's device attributes (`ESC [ c`, answered by every VT100-style
/// terminal); the answer comes back only once everything before it has been
/// drawn, however slow the link. Until then no new frame is written, so frames
/// never pile up in kernel, SSH or tmux buffers and the screen settles as soon
/// as the keys stop. A terminal that never answers the first query is not
/// asked again.
#[derive(Default)]
struct Pacing {
    asked_at: Option<Instant>,
    /// `None` until the terminal answers once, or is found not to.
    answers: Option<bool>,
}

/// Waiting longer than this for an answer: draw anyway. A terminal that has
/// never answered gets a short wait; one that has, a slow link's worth.
const FIRST_ANSWER_WAIT: Duration = Duration::from_millis(700);
const ANSWER_WAIT: Duration = Duration::from_secs(3);

impl Pacing {
    fn limit(&self) -> Duration {
        if self.answers == Some(true) {
            ANSWER_WAIT
        } else {
            FIRST_ANSWER_WAIT
        }
    }

    /// True while the terminal has not answered the query after the last frame.
    fn busy(&self) -> bool {
        self.asked_at.is_some()
    }

    fn time_left(&self) -> Option<Duration> {
        self.asked_at
            .map(|at| self.limit().saturating_sub(at.elapsed()))
    }

    fn check_timeout(&mut self) {
        if self.time_left() == Some(Duration::ZERO) {
            self.asked_at = None;
            // Never answered at all: this terminal does not; stop asking.
            if self.answers.is_none() {
                self.answers = Some(false);
            }
        }
    }

    fn answered(&mut self) {
        self.asked_at = None;
        self.answers = Some(true);
    }

    /// Whether to ask after this frame.
    fn ask(&mut self) -> bool {
        let ask = self.answers != Some(false);
        if ask {
            self.asked_at = Some(Instant::now());
        }
        ask
    }

    /// Before handing the terminal to `$EDITOR`: waits for an outstanding
    /// answer, handling whatever else arrives meanwhile as usual.
    fn settle(&mut self, app: &mut App, input: &mut InputThreads) -> Result<(), Exit> {
        while let Some(left) = self.time_left().filter(|l| !l.is_zero()) {
            match input.rx.recv_timeout(left) {
                Ok(next) => {
                    handle(app, next, self)?;
                }
                Err(_) => break,
            }
        }
        self.check_timeout();
        self.asked_at = None;
        Ok(())
    }
}

/// One input: `Ok(redraw?)`, or how the app must end.
fn handle(app: &mut App, input: Input, pacing: &mut Pacing) -> Result<bool, Exit> {
    match input {
        Input::Event(event) => Ok(app.handle_event(event)),
        Input::Resize(cols, rows) => Ok(app.handle_event(Event::Resize(cols, rows))),
        Input::Drawn => {
            pacing.answered();
            Ok(false)
        }
        Input::HangUp => Err(Exit::HangUp),
        Input::Signal(n) => Err(Exit::Signal(n)),
    }
}

/// One frame inside a synchronized update, so SSH and tmux never show half a
/// frame, followed by the pacing query.
fn draw(terminal: &mut DefaultTerminal, app: &mut App, pacing: &mut Pacing) -> io::Result<()> {
    let mut out = io::stdout();
    ratatui::crossterm::queue!(out, BeginSynchronizedUpdate)?;
    terminal.draw(|f| app.render(f))?;
    ratatui::crossterm::queue!(out, EndSynchronizedUpdate)?;
    if pacing.ask() {
        out.write_all(b"\x1b[c")?;
    }
    out.flush()
}
