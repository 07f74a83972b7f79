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

/// Word-wraps `s` into lines of at most `max` cells, at most `lines` of them;
/// the last is cut with '…' if text remains. Long words are split.
pub fn wrap(s: &str, max: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let sep = usize::from(!line.is_empty());
        if width(&line) + sep + width(word) <= max {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        let mut rest = word.to_string();
        while width(&rest) > max {
            let head = prefix_within(&rest, max);
            if head.is_empty() {
                break; // a single character wider than the line
            }
            out.push(head.to_string());
            rest = rest[head.len()..].to_string();
        }
        line = rest;
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > lines {
        let kept = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        out.push(truncate(&kept, max));
    }
    out
}

/// The longest prefix of `s` that fits in `max` cells.
fn prefix_within(s: &str, max: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += c.width().unwrap_or(0);
        if used > max {
            return &s[..i];
        }
    }
    s
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
    fn wraps_by_words_and_cells() {
        assert_eq!(
            wrap("see GP record before visiting", 12, 3),
            ["see GP", "record", "before visi…"]
        );
        assert_eq!(wrap("a b", 10, 2), ["a b"]);
        for l in wrap("王美玲王美玲王美玲 lives alone", 5, 9) {
            assert!(width(&l) <= 5, "{l}");
        }
        assert!(wrap("", 10, 2).is_empty());
    }

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
