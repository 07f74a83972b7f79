//! The letter as plain text or Markdown. Pure: a [`Letter`] in, text out.

use crate::domain::date::shown;
use crate::domain::letter::Letter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterFormat {
    Text,
    Markdown,
}

/// Markdown would read `*`, `_`, `#` and the like in names and free text as
/// formatting: they are escaped so the letter says exactly what was recorded.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_{}[]<>#|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The letter as text or Markdown, with every control character made visible
/// and bidi overrides removed, wherever it goes (a file, the screen, the preview).
pub fn render(letter: &Letter, format: LetterFormat) -> String {
    let mut out = String::new();
    match format {
        LetterFormat::Text => {
            out.push_str(&format!(
                "{}\n{}\nTo: {}\n\n",
                letter.title,
                shown(letter.date),
                letter.to
            ));
            for s in &letter.sections {
                out.push_str(&format!(
                    "{}\n{}\n",
                    s.heading,
                    "-".repeat(s.heading.chars().count())
                ));
                for line in &s.lines {
                    out.push_str(line);
                    out.push('\n');
                }
                out.push('\n');
            }
        }
        LetterFormat::Markdown => {
            out.push_str(&format!(
                "# {}\n\n{}  \nTo: {}\n\n",
                letter.title,
                shown(letter.date),
                md(&letter.to)
            ));
            for s in &letter.sections {
                out.push_str(&format!("## {}\n\n", s.heading));
                for line in &s.lines {
                    // A list item keeps its marker; everything else is escaped.
                    match line.strip_prefix("- ") {
                        Some(item) => out.push_str(&format!("- {}\n", md(item))),
                        None => out.push_str(&format!("{}  \n", md(line))),
                    }
                }
                out.push('\n');
            }
        }
    }
    // Read with `cat` as often as in an editor: no stored name or reason may
    // carry an escape sequence, a clipboard write or a bidi override into it.
    crate::domain::text::for_terminal(&out).into_owned()
}
