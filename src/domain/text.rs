//! Display-width aware text helpers: columns must not break on emoji or CJK.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending in '…' when it had to cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The first line of a multi-line text, for one-line previews.
pub fn first_line(s: &str) -> &str {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// `s` cut or padded with spaces to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    let s = truncate(s, cells);
    let fill = cells.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_cells_not_bytes() {
        assert_eq!(truncate("王美玲", 4), "王…");
        assert_eq!(width(&truncate("王美玲", 4)), 3);
        assert_eq!(truncate("Zoë Ng", 10), "Zoë Ng");
        assert_eq!(truncate("Łukasz Nowak", 6), "Łukas…");
        assert_eq!(truncate("abc", 0), "");
        assert!(width(&truncate("🙂🙂🙂", 5)) <= 5);
    }
}
