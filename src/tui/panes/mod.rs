//! One file per pane. Panes never call each other or the store's writers:
//! they turn keys into `Action`s for the app to carry out.

pub mod caseload;
pub mod connections;
pub mod directory;
pub mod person;
pub mod reminders;

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::Span;

use std::collections::BTreeMap;

use super::component::Component;
use super::keymap::{Binding, Keymap, KeymapError};
use super::theme::Theme;
use crate::domain::reminder::relative;

/// Panes beyond the core four, in tab order after them. A new pane is one
/// file implementing `Component` (with `pub mod` above) and one line here.
pub fn registry() -> Vec<Box<dyn Component>> {
    vec![]
}

/// The keymap: the defaults, the registered panes' bindings, then a user's
/// `[keys]` from config.toml.
pub fn keymap(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, KeymapError> {
    let panes = registry();
    let extra: Vec<&'static [Binding]> = panes.iter().map(|p| p.bindings()).collect();
    Keymap::with_bindings(overrides, &extra)
}

/// What every pane needs to draw: the theme and today's date.
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub today: NaiveDate,
}

/// A due date coloured by urgency: red when overdue, yellow today.
pub fn due_span(due: NaiveDate, ctx: &Ctx) -> Span<'static> {
    let style = match due.cmp(&ctx.today) {
        std::cmp::Ordering::Less => ctx.theme.danger(),
        std::cmp::Ordering::Equal => ctx.theme.warn(),
        std::cmp::Ordering::Greater => Style::new(),
    };
    Span::styled(relative(due, ctx.today), style)
}

/// Stored text (names, notes, goals, service fields, follow-ups, reasons) as
/// it may be handed to ratatui: [`display_safe`] draws the same width in the
/// buffer as terminals draw it (ZWJ sequences, variation selectors, flags and
/// skin tones included), shows controls as visible placeholders and drops
/// bidi overrides, so no stray cell is left behind on a screen change.
///
/// Every pane, form and the note editor pass stored text through this,
/// [`fit`] or [`pad`].
///
/// [`display_safe`]: crate::domain::text::display_safe
pub fn safe(s: &str) -> String {
    crate::domain::text::display_safe(s).into_owned()
}

/// Stored text made [`safe`], then cut to at most `max` cells (with '…').
pub fn fit(s: &str, max: usize) -> String {
    crate::domain::text::truncate(&safe(s), max)
}

/// Stored text made [`safe`], then cut or padded to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    crate::domain::text::pad(&safe(s), cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_substitutes_what_ratatui_and_terminals_draw_differently() {
        assert_eq!(safe("🇬🇧 Flag"), "GB Flag");
        assert_eq!(safe("👍🏽 ok"), "👍 ok");
        assert_eq!(safe("👨\u{200D}👩 \u{202E}x\u{1b}"), "👨👩 x␛");
        assert_eq!(safe("美玲 Zoë"), "美玲 Zoë");
        assert_eq!(fit("🇬🇧🇬🇧🇬🇧", 4), "GBG…");
        assert_eq!(pad("a\u{2028}b", 4), "a b ");
    }
}
