//! Display-width aware text helpers: columns must not break on emoji or CJK,
//! and stored text must never reach a terminal as a control sequence.
//!
//! One measure of width, [`width`], is used by every caller: it is the sum of
//! each character's width (controls count 0), which is what xterm and tmux
//! draw. [`truncate`], [`pad`] and [`wrap`] measure with the same function, so
//! a cut cell never measures wider than the room it was cut for.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// Cells one character takes; controls and other zero-width characters take 0.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width in terminal cells: the sum of [`char_width`] over `s`.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
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
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
/// they can make text display in an order other than the one stored
/// ("Trojan Source"), and they leave stray cells in some terminals.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for a control character: the Unicode "control
/// pictures" (␛ for ESC, ␇ for BEL, …) for C0 and DEL, '�' for C1.
fn control_picture(c: char) -> char {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// Text as it may be printed to a terminal: every C0/C1 control except
/// newline and tab is shown as a visible placeholder (so `ESC[2J` prints as
/// `␛[2J` and cannot clear the screen, write the clipboard or retitle the
/// window), and bidi overrides/isolates are removed. Newline and tab are kept
/// because multi-line output (`person show`, CSV quoted cells) needs them and
/// they start no escape sequence. Borrows when there is nothing to change.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    neutralise(s, |c| match c {
        '\n' | '\t' => Keep,
        c if c.is_control() => Replace(control_picture(c)),
        c if is_bidi_control(c) => Remove,
        _ => Keep,
    })
}

/// Text as it may be kept in a file people open (a CSV, a directory
/// entry): [`for_terminal`], but CR is kept too, for CRLF line ends inside
/// a cell. Nothing in it starts an escape sequence or reorders what follows.
pub fn for_file(s: &str) -> Cow<'_, str> {
    neutralise(s, |c| match c {
        '\n' | '\t' | '\r' => Keep,
        c if c.is_control() => Replace(control_picture(c)),
        c if is_bidi_control(c) => Remove,
        _ => Keep,
    })
}

/// JSON text with every control character and bidi override that JSON lets
/// through raw (DEL, C1 controls, U+202A-U+202E, U+2066-U+2069) written as a
/// `\uXXXX` escape instead: the same document to a parser, nothing hidden
/// to a person who opens the file. Outside strings JSON is ASCII, so only
/// string contents change.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    // JSON itself escapes C0 controls, and has none outside strings.
    let raw = |c: char| c.is_control() && c >= '\u{7f}' || is_bidi_control(c);
    if !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`for_terminal`] for one line (a table cell, an echoed value in an error
/// message): newline and other line breaks become '␊', tab a space.
pub fn for_terminal_line(s: &str) -> Cow<'_, str> {
    neutralise(s, |c| match c {
        '\t' => Replace(' '),
        '\n' | '\u{2028}' | '\u{2029}' => Replace('\u{240A}'),
        c if c.is_control() => Replace(control_picture(c)),
        c if is_bidi_control(c) => Remove,
        _ => Keep,
    })
}

/// A value typed by someone, quoted for an error message: one line, no
/// controls, at most `max` cells (so a pasted note cannot flood stderr).
pub fn quote(s: &str, max: usize) -> String {
    format!("'{}'", truncate(&for_terminal_line(s), max))
}

/// Text made to draw the same width in ratatui's buffer (which measures
/// grapheme clusters) as terminals draw it (which mostly measure characters):
/// - ZWJ (U+200D) is dropped: "👨‍👩‍👧" is one 2-cell cluster to unicode-width
///   but three emoji (6 cells) in xterm and tmux; without the joiner both agree.
/// - Emoji variation selectors (U+FE0E, U+FE0F) are dropped: "❤️" is 2 cells to
///   unicode-width but 1 in xterm/tmux; the bare "❤" is 1 everywhere.
/// - Regional-indicator flags ("🇬🇧") become their letters ("GB"): ratatui
///   keeps the pair as one 2-cell glyph, but xterm, tmux and vt100 draw two
///   1-cell letters, so a repaint left a stray cell behind.
/// - Skin-tone modifiers (U+1F3FB–U+1F3FF) are dropped: "👍🏽" is 2 cells to
///   ratatui and 4 in terminals.
/// - Line and paragraph separators (U+2028, U+2029, U+0085, newline, tab, …)
///   become a space; other controls a visible placeholder as in [`for_terminal`].
/// - Bidi overrides and isolates are removed (a stray U+202E leaves a cell
///   behind on a screen change).
pub fn display_safe(s: &str) -> Cow<'_, str> {
    neutralise(s, |c| match c {
        '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' => Remove,
        // A regional indicator stands for the letter at its offset from U+1F1E6.
        c @ '\u{1F1E6}'..='\u{1F1FF}' => Replace(char::from(b'A' + (c as u32 - 0x1F1E6) as u8)),
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Replace(' ')
        }
        c if c.is_control() => Replace(control_picture(c)),
        c if is_bidi_control(c) => Remove,
        _ => Keep,
    })
}

/// Characters that draw nothing and are not whitespace to `char::is_whitespace`:
/// zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks and
/// controls, variation selectors. Text made only of these counts as empty.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
        )
}

/// True when `s` has nothing a reader could see.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_invisible)
}

enum Action {
    Keep,
    Remove,
    Replace(char),
}
use Action::{Keep, Remove, Replace};

/// Applies `act` to every character, borrowing when all are kept.
fn neutralise(s: &str, act: impl Fn(char) -> Action) -> Cow<'_, str> {
    let Some(first) = s.char_indices().find(|(_, c)| !matches!(act(*c), Keep)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        match act(c) {
            Keep => out.push(c),
            Remove => {}
            Replace(r) => out.push(r),
        }
    }
    Cow::Owned(out)
}

/// A cell of CSV meant for a spreadsheet: a cell starting with `=`, `+`, `-`,
/// `@`, tab or CR would be run as a formula by Excel or LibreOffice, so it gets
/// a leading `'` (OWASP's advice for CSV injection). A value that already
/// starts with quotes before such a character gets one more, so that
/// [`from_spreadsheet_cell`] (which removes exactly one) gives back the value.
pub fn spreadsheet_cell(s: &str) -> Cow<'_, str> {
    // Bidi controls are taken out of files and terminals after this, so a
    // formula start behind one is a formula start.
    let shown = s.trim_start_matches(|c| c == '\'' || is_bidi_control(c));
    if shown.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Undoes [`spreadsheet_cell`]: removes one `'` from a cell whose leading
/// quotes are followed by a formula start; any other `'` is data and kept.
pub fn from_spreadsheet_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => s,
    }
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

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
        used += char_width(c);
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

    #[test]
    fn for_terminal_shows_controls_and_strips_bidi() {
        let evil = "Evil\u{1b}[2J\u{1b}]52;c;aGk=\u{7}";
        assert_eq!(for_terminal(evil), "Evil␛[2J␛]52;c;aGk=␇");
        assert_eq!(for_terminal("a\u{9b}b\u{7f}"), "a\u{FFFD}b\u{2421}");
        assert_eq!(for_terminal("\u{202E}evil\u{2066}x"), "evilx");
        assert_eq!(for_terminal("two\nlines\tok"), "two\nlines\tok");
        assert!(matches!(for_terminal("Zoë 美玲"), Cow::Borrowed(_)));
        assert_eq!(for_terminal_line("a\nb\tc\rd"), "a␊b c␍d");
        assert_eq!(quote("x\u{1b}[2J\nline", 40), "'x␛[2J␊line'");
        assert!(!quote(&"a".repeat(500), 30).contains(&"a".repeat(31)));
    }

    #[test]
    fn display_safe_draws_the_same_width_everywhere() {
        use unicode_width::UnicodeWidthStr;
        let cases = [
            ("👨\u{200D}👩\u{200D}👧", "👨👩👧", 6),
            ("❤\u{FE0F}", "❤", 1),
            ("🇬🇧", "GB", 2),
            ("👍🏽", "👍", 2),
            ("a\u{2028}b", "a b", 3),
            ("\u{202E}evil", "evil", 4),
            ("美玲", "美玲", 4),
            ("Zoë", "Zoë", 3),
        ];
        for (input, want, cells) in cases {
            let got = display_safe(input);
            assert_eq!(got, want, "{input:?}");
            // unicode-width's string width is what ratatui measures; ours is
            // what terminals draw. After display_safe they agree.
            assert_eq!(width(&got), cells, "{input:?}");
            assert_eq!(UnicodeWidthStr::width(got.as_ref()), cells, "{input:?}");
        }
        assert_eq!(display_safe("\u{1b}[2J"), "␛[2J");
    }

    #[test]
    fn truncate_never_measures_wider_than_asked() {
        for s in [
            "Evil\u{1b}[2J\u{1b}]52;c;aGk=\u{7}",
            "Stored\u{1b}[2J",
            "👨\u{200D}👩",
            "❤\u{FE0F}❤\u{FE0F}",
        ] {
            for max in 0..12 {
                assert!(width(&truncate(s, max)) <= max, "{s:?} {max}");
            }
        }
    }

    #[test]
    fn invisible_only_text_is_blank() {
        for s in [
            "",
            " \n",
            "\u{200B}",
            "\u{FEFF}\u{200D}\u{2060}",
            "\u{00AD}\u{FE0F}",
        ] {
            assert!(is_blank(s), "{s:?}");
        }
        assert!(!is_blank("\u{200B}a"));
        assert!(!is_blank("美"));
    }

    #[test]
    fn spreadsheet_cells_never_start_a_formula_and_round_trip() {
        for s in ["=1+1", "+44 113", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let cell = spreadsheet_cell(s);
            assert!(cell.starts_with('\''), "{s:?}");
            assert_eq!(from_spreadsheet_cell(&cell), s);
        }
        for s in ["'=x", "''-1"] {
            assert_eq!(from_spreadsheet_cell(&spreadsheet_cell(s)), s);
        }
        for s in ["Food bank", "'quoted'", "", "O'Brien"] {
            assert_eq!(spreadsheet_cell(s), s);
            assert_eq!(from_spreadsheet_cell(s), s);
        }
        // A bidi override is taken out of files after this: "=" behind one
        // would then start the cell.
        assert_eq!(for_file(&spreadsheet_cell("\u{202E}=1+1")), "'=1+1");
    }

    #[test]
    fn json_keeps_no_raw_del_c1_or_bidi_control() {
        let json = serde_json::to_string("a\u{7f}b\u{9b}c\u{202E}d\u{1b}").unwrap();
        let safe = json_safe(&json);
        assert!(
            !safe.chars().any(|c| c.is_control() || is_bidi_control(c)),
            "{safe}"
        );
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{7f}b\u{9b}c\u{202E}d\u{1b}");
    }
}
