//! What drawing needs everywhere (panes, forms, the editor): the context of a
//! frame and stored text made safe for the terminal. A leaf: it imports
//! nothing else from `tui`, so panes, forms and components can all use it.

use chrono::NaiveDate;

use super::theme::Theme;

/// What every pane needs to draw: the theme and today's date.
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub today: NaiveDate,
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
