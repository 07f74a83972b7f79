//! One file (or folder) per pane. Panes never call each other or the app:
//! a key becomes an `Action`, and the pane that owns it carries it out
//! through the store (`Component::apply` and `submit`); what other panes
//! must know of a write goes back to the app as `Effects`.

pub mod caseload;
pub mod connections;
pub mod data_protection;
pub mod directory;
pub mod follow_ups;
pub mod report;
pub mod retention;
pub mod what_matters;

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::Span;

use std::collections::BTreeMap;

use super::component::Component;
pub use super::draw::{Ctx, Share, fit, pad, safe, share_widths};
use super::keymap::{Binding, Keymap, KeymapError, MORE_PANE_KEYS};
use crate::domain::follow_up::relative;

/// Panes beyond the core four, in tab order after them. A new pane is one
/// file implementing `Component` (with `pub mod` above) and one line here.
pub fn registry() -> Vec<Box<dyn Component>> {
    registry_writing_to(std::path::PathBuf::from("."))
}

/// [`registry`] with the files panes write (the report's CSV) going into
/// `folder` instead of the current one.
pub fn registry_writing_to(folder: std::path::PathBuf) -> Vec<Box<dyn Component>> {
    // In tab order: the report is pane 5, retention 6.
    vec![
        Box::new(report::ReportPane::new(folder)),
        Box::new(retention::RetentionPane::default()),
    ]
}

/// The keymap: the defaults, the registered panes' bindings, then a user's
/// `[keys]` from config.toml.
pub fn keymap(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, KeymapError> {
    keymap_for(overrides, &registry())
}

/// The keymap for these panes after the core four: each gets the next number
/// key (5, 6, ... up to 9) and brings its own bindings.
pub fn keymap_for(
    overrides: &BTreeMap<String, Vec<String>>,
    panes: &[Box<dyn Component>],
) -> Result<Keymap, KeymapError> {
    let numbers = &MORE_PANE_KEYS[..panes.len().min(MORE_PANE_KEYS.len())];
    let mut extra: Vec<&'static [Binding]> = vec![numbers];
    extra.extend(panes.iter().map(|p| p.bindings()));
    Keymap::with_bindings(overrides, &extra)
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
