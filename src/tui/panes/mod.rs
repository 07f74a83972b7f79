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

use super::theme::Theme;
use crate::domain::reminder::relative;

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
/// buffer as terminals draw it, shows controls as visible placeholders and
/// drops bidi overrides, so no stray cell is left behind on a screen change.
/// Two more sequences on which ratatui (one cluster, 2 cells) and terminals
/// (char by char) disagree get a substitute:
/// - a regional-indicator flag ("🇬🇧") becomes its letters ("GB"): xterm and
///   vt100 draw two 1-cell letters that ratatui repaints only one of, while
///   tmux may draw one 2-cell flag;
/// - an emoji skin-tone modifier (U+1F3FB–U+1F3FF) is dropped: "👍🏽" is one
///   2-cell cluster to ratatui but 4 cells in terminals.
///
/// Every pane, form and the note editor pass stored text through this,
/// [`fit`] or [`pad`].
///
/// [`display_safe`]: crate::domain::text::display_safe
pub fn safe(s: &str) -> String {
    let s = crate::domain::text::display_safe(s);
    if !s
        .chars()
        .any(|c| regional_letter(c).is_some() || is_skin_tone(c))
    {
        return s.into_owned();
    }
    s.chars()
        .filter(|c| !is_skin_tone(*c))
        .map(|c| regional_letter(c).unwrap_or(c))
        .collect()
}

/// The letter a regional indicator symbol (U+1F1E6–U+1F1FF) stands for.
fn regional_letter(c: char) -> Option<char> {
    let n = (c as u32).checked_sub(0x1F1E6)?;
    (n < 26).then(|| char::from(b'A' + n as u8))
}

fn is_skin_tone(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
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
