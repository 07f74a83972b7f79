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

/// One column of a table that shares out the terminal's width.
#[derive(Debug, Clone, Copy)]
pub struct Share {
    /// Fewer cells than this and the column is left out.
    pub min: u16,
    /// Cells it grows to before any column grows beyond its ideal.
    pub ideal: u16,
    /// Its part of what is left once every column has its ideal.
    pub share: u16,
    /// Columns are left out lowest `keep` first; 0 is never left out.
    pub keep: u8,
}

impl Share {
    pub const fn new(min: u16, ideal: u16, share: u16, keep: u8) -> Share {
        Share {
            min,
            ideal,
            share,
            keep,
        }
    }
}

/// The width of each column (0: left out) in a table `total` cells wide
/// with `spacing` between columns. Columns grow to their ideal in the
/// order given, so the first (the name) is the last to be cut short, and
/// a wide terminal gives its room to the columns with a share, not to
/// blank space after a name.
pub fn share_widths(total: u16, spacing: u16, columns: &[Share]) -> Vec<u16> {
    let mut shown: Vec<bool> = vec![true; columns.len()];
    let needed = |shown: &[bool]| -> u16 {
        let n = shown.iter().filter(|s| **s).count() as u16;
        let mins: u16 = columns
            .iter()
            .zip(shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| c.min)
            .sum();
        mins + spacing * n.saturating_sub(1)
    };
    while needed(&shown) > total {
        let drop = (0..columns.len())
            .filter(|&i| shown[i] && columns[i].keep > 0)
            .min_by_key(|&i| columns[i].keep);
        match drop {
            Some(i) => shown[i] = false,
            None => break,
        }
    }
    let mut widths: Vec<u16> = columns
        .iter()
        .zip(&shown)
        .map(|(c, s)| if *s { c.min } else { 0 })
        .collect();
    let mut left = total.saturating_sub(needed(&shown));
    for (i, c) in columns.iter().enumerate().filter(|(i, _)| shown[*i]) {
        let grow = c.ideal.saturating_sub(c.min).min(left);
        widths[i] += grow;
        left -= grow;
    }
    let shares: u16 = columns
        .iter()
        .zip(&shown)
        .filter(|(_, s)| **s)
        .map(|(c, _)| c.share)
        .sum();
    if shares > 0 && left > 0 {
        let extra = left;
        for (i, c) in columns.iter().enumerate().filter(|(i, _)| shown[*i]) {
            let part = (u32::from(extra) * u32::from(c.share) / u32::from(shares)) as u16;
            widths[i] += part.min(left);
            left -= part.min(left);
        }
        // What rounding left goes to the first column with a share.
        if let Some(i) = (0..columns.len()).find(|&i| shown[i] && columns[i].share > 0) {
            widths[i] += left;
        }
    }
    widths
}

#[cfg(test)]
mod share_tests {
    use super::*;

    const COLUMNS: [Share; 3] = [
        Share::new(10, 20, 2, 0),
        Share::new(8, 12, 1, 2),
        Share::new(6, 6, 0, 1),
    ];

    #[test]
    fn widths_fill_the_table_and_narrow_ones_leave_columns_out() {
        // Room for every ideal and more: the extra goes by share.
        assert_eq!(share_widths(50, 1, &COLUMNS), [27, 15, 6]);
        // Ideals in order: the first column grows first.
        assert_eq!(share_widths(30, 1, &COLUMNS), [14, 8, 6]);
        // Too narrow for all three: the least kept goes first, then the next.
        assert_eq!(share_widths(20, 1, &COLUMNS), [11, 8, 0]);
        assert_eq!(share_widths(12, 1, &COLUMNS), [12, 0, 0]);
        // Never below nothing, and the first is never left out.
        assert_eq!(share_widths(3, 1, &COLUMNS), [10, 0, 0]);
        for total in 0..200 {
            let w = share_widths(total, 1, &COLUMNS);
            let used: u16 = w.iter().sum::<u16>() + w.iter().filter(|w| **w > 0).count() as u16 - 1;
            assert!(used <= total.max(10), "{total}: {w:?}");
        }
    }
}
