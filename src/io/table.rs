//! Plain-text tables for the terminal, padded by display width so CJK and
//! emoji names keep the columns straight.

use crate::domain::text::{truncate, width};

/// Renders rows under a header, each column as wide as its widest cell
/// (capped at `max_col` cells), separated by two spaces.
pub fn render(header: &[&str], rows: &[Vec<String>], max_col: usize) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell).min(max_col));
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let cell = truncate(cell, *w);
            line.push_str(&cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(w - width(&cell) + 2));
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
}
