//! The app's side of pane 1: opening a person's details from elsewhere (a
//! follow-up's "go to person"). The pane opens and saves its own forms
//! (`panes/caseload/forms.rs`).

use super::*;

impl App {
    pub(super) fn open_detail(&mut self, id: i64) -> Result<(), StoreError> {
        self.caseload.open_detail(&self.store, id)
    }
}
