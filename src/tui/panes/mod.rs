//! One file per pane. Panes never call each other or the store's writers:
//! they turn keys into `Action`s for the app to carry out.

pub mod caseload;
pub mod connections;
pub mod directory;
pub mod person;
pub mod reminders;

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::Span;

use super::theme::Theme;
use crate::domain::reminder::relative;

/// What every pane needs to draw: the theme and today's date.
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub today: NaiveDate,
}

/// A due date coloured by urgency: red when overdue, yellow today.
pub fn due_span(due: NaiveDate, ctx: &Ctx) -> Span<'static> {
    let style = match due.cmp(&ctx.today) {
        std::cmp::Ordering::Less => ctx.theme.danger(),
        std::cmp::Ordering::Equal => ctx.theme.warn(),
        std::cmp::Ordering::Greater => Style::new(),
    };
    Span::styled(relative(due, ctx.today), style)
}
