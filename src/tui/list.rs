//! Cursor and scroll position for a long list, shared by every pane.
//! Only the rows on screen are ever built, so 10k rows cost the same as 20.

use super::keymap::Command;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListNav {
    pub selected: usize,
    pub offset: usize,
    /// Rows that fit on screen, remembered from the last render for paging.
    pub page: usize,
}

impl ListNav {
    /// Moves for the list commands (down, up, top, bottom, pages). Returns
    /// true if the command was one of them.
    pub fn handle(&mut self, cmd: Command, len: usize) -> bool {
        let page = self.page.max(1);
        match cmd {
            Command::Down => self.select(self.selected.saturating_add(1), len),
            Command::Up => self.select(self.selected.saturating_sub(1), len),
            Command::Top => self.select(0, len),
            Command::Bottom => self.select(len.saturating_sub(1), len),
            Command::PageDown => self.select(self.selected.saturating_add(page), len),
            Command::PageUp => self.select(self.selected.saturating_sub(page), len),
            _ => return false,
        }
        true
    }

    pub fn select(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }

    /// Keeps the selection on screen for a list area `height` rows tall and
    /// returns the range of rows to draw.
    pub fn window(&mut self, height: usize, len: usize) -> std::ops::Range<usize> {
        self.page = height;
        self.select(self.selected, len);
        if height == 0 || len == 0 {
            self.offset = 0;
            return 0..0;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
        self.offset..(self.offset + height).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_follows_selection_and_clamps() {
        let mut nav = ListNav::default();
        assert_eq!(nav.window(5, 0), 0..0);
        nav.select(7, 10);
        assert_eq!(nav.window(5, 10), 3..8);
        nav.select(100, 10);
        assert_eq!(nav.selected, 9);
        assert_eq!(nav.window(5, 10), 5..10);
        // The list shrank (a filter): selection and window stay inside it.
        assert_eq!(nav.window(5, 3), 0..3);
        assert_eq!(nav.selected, 2);
    }
}
