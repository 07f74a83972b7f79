//! The app's side of data protection: the settings every pane is given, and
//! audited reads when config.toml asks for them. Subject access and erasure
//! are panes/data_protection.rs.

use super::App;
use crate::tui::component::Settings;

impl App {
    /// Settings from config.toml, for the app and every registered pane.
    pub fn set_settings(&mut self, settings: Settings) {
        self.audit_reads = settings.audit_reads;
        self.letter_worker = (
            settings.worker_name.clone(),
            settings.worker_contact.clone(),
        );
        for pane in &mut self.more {
            pane.configure(&settings);
        }
        self.directory.set_rules(settings.rules.clone());
        self.rules = settings.rules;
        if let Ok(counts) = self
            .store
            .counts(self.session.today, self.rules.stale_months)
        {
            self.counts = counts;
            self.sync_follow_up_counts();
        }
    }

    /// With `audit_reads`, opening a person in pane 2 leaves an audit row
    /// (the id, never a name): once each time it turns to another person.
    pub(super) fn audit_open(&mut self, id: i64) {
        if !self.audit_reads || self.last_read == Some(id) {
            return;
        }
        match self.store.people_mut().audit_read(id) {
            Ok(()) => self.last_read = Some(id),
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    /// An erased person: pane 2 and the session forget them, so nothing on
    /// screen goes on showing them (the caseload drops its own detail).
    pub(super) fn forget(&mut self, id: i64) {
        self.recent.forget(crate::tui::palette::Target::Person(id));
        if self.person.person.as_ref().map(|p| p.id) == Some(id) {
            self.person.clear();
        }
        if self.session.person == Some(id) {
            self.session.person = None;
        }
        if self.last_read == Some(id) {
            self.last_read = None;
        }
    }
}
