//! What counts as typing. Text fields take only unmodified or Shift
//! characters and the editing keys; anything with Ctrl or Alt is a command or
//! nothing, never text (an Esc run into a digit arrives as Alt-digit).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKey {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
}

pub fn text_key(key: KeyEvent) -> Option<TextKey> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        return None;
    }
    Some(match key.code {
        KeyCode::Char(c) if !c.is_control() => TextKey::Char(c),
        KeyCode::Backspace => TextKey::Backspace,
        KeyCode::Delete => TextKey::Delete,
        KeyCode::Left => TextKey::Left,
        KeyCode::Right => TextKey::Right,
        KeyCode::Home => TextKey::Home,
        KeyCode::End => TextKey::End,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_or_shifted_characters_are_text() {
        let k = |code, m| text_key(KeyEvent::new(code, m));
        assert_eq!(
            k(KeyCode::Char('a'), KeyModifiers::NONE),
            Some(TextKey::Char('a'))
        );
        assert_eq!(
            k(KeyCode::Char('A'), KeyModifiers::SHIFT),
            Some(TextKey::Char('A'))
        );
        assert_eq!(k(KeyCode::Char('3'), KeyModifiers::ALT), None);
        assert_eq!(k(KeyCode::Char('s'), KeyModifiers::CONTROL), None);
        assert_eq!(k(KeyCode::Char('\u{7}'), KeyModifiers::NONE), None);
        assert_eq!(k(KeyCode::Enter, KeyModifiers::NONE), None);
    }
}
