//! Plain-text tables for the terminal, padded by display width so CJK and
//! emoji names keep the columns straight.

use crate::domain::text::{display_safe, truncate, width};

/// Renders rows under a header, each column as wide as its widest cell
/// (capped at `max_col` cells), separated by two spaces. Every cell goes
/// through [`display_safe`] first: stored text can hold escape sequences and
/// line breaks, which must neither reach the terminal nor break the columns.
pub fn render(header: &[&str], rows: &[Vec<String>], max_col: usize) -> String {
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let cells: Vec<Vec<String>> = std::iter::once(&header)
        .chain(rows)
        .map(|row| row.iter().map(|c| display_safe(c).into_owned()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in &cells[1..] {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell).min(max_col));
        }
    }
    let mut out = String::new();
    for row in &cells {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let cell = truncate(cell, *w);
            line.push_str(&cell);
            if i + 1 < row.len() {
                // Saturating: a cell never measures wider than its column
                // (truncate and width agree), but padding must not wrap if so.
                line.push_str(&" ".repeat(w.saturating_sub(width(&cell)) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        let rows = vec![
            vec!["1".into(), "王美玲".into(), "x".into()],
            vec!["2".into(), "Bob".into(), "y".into()],
        ];
        let out = render(&["ID", "NAME", "Z"], &rows, 40);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "ID  NAME    Z");
        assert_eq!(lines[1], "1   王美玲  x");
        assert_eq!(lines[2], "2   Bob     y");
    }

    #[test]
    fn escape_sequences_neither_panic_nor_reach_the_terminal() {
        let rows = vec![
            vec![
                "1".into(),
                "Evil\u{1b}[2J\u{1b}]52;c;aGk=\u{7} Name\u{1b}]0;pwned\u{7}".into(),
                "x".into(),
            ],
            vec!["2".into(), "Stored\u{1b}[2J Name".into(), "y\nz".into()],
        ];
        for max in [1, 5, 32] {
            let out = render(&["ID", "NAME", "Z"], &rows, max);
            assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
            assert_eq!(out.lines().count(), 3, "{out}");
        }
    }
}
