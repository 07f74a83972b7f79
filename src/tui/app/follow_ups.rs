//! The app's side of pane 4: the status line's counts, the timer, and a
//! written follow-up patched where it shows. The pane carries out its own
//! actions and forms (`panes/follow_ups.rs`, `Component::apply`).

use super::*;

/// Follow-ups (issue 6): the counts, the timer and the patch after a write.
impl App {
    /// The status line counts what the agenda shows, timed follow-ups included.
    pub(super) fn sync_follow_up_counts(&mut self) {
        if !self.is_loaded(Pane::FollowUps) || self.is_stale(Pane::FollowUps) {
            // Not read yet, or read again when shown: the store counts the
            // same way (whose follow-ups, and a time passed today is overdue).
            let now = self.store.clock().now();
            if let Ok((overdue, today)) = self
                .store
                .follow_ups()
                .agenda_counts(now, self.session.agenda_owner.as_deref())
            {
                self.counts.follow_ups_overdue = overdue;
                self.counts.follow_ups_today = today;
            }
            return;
        }
        self.counts.follow_ups_overdue = self.follow_ups.overdue() as i64;
        self.counts.follow_ups_today = self.follow_ups.due_today() as i64;
    }

    /// How long the event loop may sleep: until the next follow-up falls due
    /// or midnight, and at most an hour (so a suspended laptop catches up).
    pub fn until_next_wake(&self) -> std::time::Duration {
        if self.deferred_pending() {
            // Right after the first frame: `tick` loads the rest.
            return std::time::Duration::ZERO;
        }
        if self.checking_integrity() {
            // Look for the check's answer soon; it takes a fraction of a second.
            return std::time::Duration::from_millis(100);
        }
        let hour = std::time::Duration::from_secs(3600);
        (self.follow_ups.next_change() - self.store.clock().now())
            .to_std()
            .map_or(std::time::Duration::ZERO, |d| d.min(hour))
    }

    /// Who `r` would add a follow-up for, in the current pane.
    pub(super) fn follow_up_subject(&self) -> (Option<i64>, Option<i64>) {
        self.component(self.pane)
            .map_or((None, None), |c| c.subject())
    }

    /// What of pane 4's actions is the app's: going to a person, a notice.
    pub(super) fn apply_follow_up(&mut self, action: Action) {
        match action {
            Action::GoToPerson(id) => {
                self.pane = Pane::Caseload;
                self.caseload.reveal(id);
                let r = self.open_detail(id);
                self.report(r);
            }
            Action::Notice(text) => self.say(text),
            _ => {}
        }
    }

    /// One follow-up changed through this app (done, reopened, snoozed,
    /// edited): it is updated where it shows, the agenda and its person's
    /// "Next", instead of reloading 10k rows. If anything else changed
    /// meanwhile (another window), that is reloaded as usual.
    pub(super) fn refresh_follow_up(&mut self, id: i64) -> Result<(), StoreError> {
        let now = self.store.changes()?;
        let changed = now.since(&self.seen_changes);
        let only_this = changed.topics().eq([Topic::FollowUps])
            && now.delta(&self.seen_changes, Topic::FollowUps) == 1
            && self.is_loaded(Pane::FollowUps);
        self.seen_changes = now;
        if !only_this {
            return self.reload_parts(&changed);
        }
        let r = self.store.follow_ups().get(id)?;
        if let Some(person) = r.person_id {
            let next = self.store.follow_ups().next_for(person)?;
            self.caseload.set_next_follow_up(person, next);
        }
        // Pane 2 lists its person's open follow-ups.
        let shown_in_2 = r.person_id.is_some() && r.person_id == self.session.person;
        self.follow_ups.replace(r, self.store.clock().now());
        self.sync_follow_up_counts();
        if shown_in_2 && self.is_loaded(Pane::WhatMatters) {
            self.load_pane(Pane::WhatMatters, &Changed::everything())?;
        }
        Ok(())
    }
}
