//! The app's side of pane 4: loading the agenda, its timer, and carrying out
//! follow-up actions through the store.

use super::*;

/// Follow-ups (issue 6): the agenda's data, its timer and its actions.
impl App {
    /// The status line counts what the agenda shows, timed follow-ups included.
    pub(super) fn sync_follow_up_counts(&mut self) {
        if !self.is_loaded(Pane::FollowUps) || self.is_stale(Pane::FollowUps) {
            // Not read yet, or read again when shown: the store counts the
            // same way (whose follow-ups, and a time passed today is overdue).
            let now = self.store.clock().now();
            if let Ok((overdue, today)) = self
                .store
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

    pub(super) fn apply_follow_up(&mut self, action: Action) {
        match action {
            Action::AddFollowUp {
                person_id,
                service_id,
            } => match self.store.subject_name(person_id, service_id) {
                Ok(about) => {
                    let form = FollowUpForm::add(person_id, service_id, about.as_deref());
                    self.push_follow_up_form(form);
                }
                Err(e) => self.report::<()>(Err(e)),
            },
            Action::EditFollowUp(id) => match self.store.get_follow_up(id) {
                Ok(r) => self.push_follow_up_form(FollowUpForm::edit(&r)),
                Err(e) => self.report::<()>(Err(e)),
            },
            Action::OpenSnooze(id) => {
                let form = crate::tui::panes::follow_ups::snooze_form(id);
                self.modals.push(Modal::form(form, Purpose::Snooze { id }));
            }
            Action::CompleteFollowUp(id) => {
                let r = self.store.complete_follow_up(id);
                self.after_follow_up(r, id, format!("Done: follow-up #{id} (u undoes)"));
            }
            Action::ReopenFollowUp(id) => {
                let r = self.store.reopen_follow_up(id);
                self.after_follow_up(r, id, format!("Follow-up #{id} is open again"));
                self.follow_ups.select_follow_up(id);
            }
            Action::SnoozeFollowUp { id, until } => {
                let r = self.store.snooze_follow_up(id, until);
                let when = crate::domain::follow_up::short_date(until, self.session.today);
                self.after_follow_up(r, id, format!("Follow-up #{id} snoozed until {when}"));
                self.follow_ups.select_follow_up(id);
            }
            Action::OfferCheckIn {
                person_id,
                service_id,
            } => {
                let offer = self
                    .store
                    .check_in_offer(person_id, Some(service_id), self.session.today)
                    .and_then(|draft| {
                        let about = self.store.subject_name(Some(person_id), None)?;
                        Ok(draft.map(|d| FollowUpForm::offer(&d, about.as_deref())))
                    });
                match offer {
                    Ok(Some(form)) => self.push_follow_up_form(form),
                    Ok(None) => {}
                    Err(e) => self.report::<()>(Err(e)),
                }
            }
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
        let r = self.store.get_follow_up(id)?;
        if let Some(person) = r.person_id {
            let next = self.store.next_follow_up(person)?;
            self.caseload.set_next_follow_up(person, next);
        }
        self.follow_ups.replace(r, self.store.clock().now());
        self.sync_follow_up_counts();
        Ok(())
    }

    pub(super) fn after_follow_up(&mut self, r: Result<(), StoreError>, id: i64, message: String) {
        match r {
            Ok(()) => {
                let r = self.refresh_follow_up(id);
                self.report(r);
                if self.message.is_none() {
                    self.say(message);
                }
            }
            Err(e) => self.report::<()>(Err(e)),
        }
    }

    fn push_follow_up_form(&mut self, f: FollowUpForm) {
        let purpose = Purpose::FollowUp {
            person_id: f.person_id,
            service_id: f.service_id,
            editing: f.editing,
        };
        self.modals.push(Modal::form(f.form, purpose));
    }

    /// The snooze form: a valid day snoozes; a bad one stays with the reason.
    pub(super) fn save_snooze(&mut self, mut form: Form, id: i64) -> Option<Form> {
        match self.follow_ups.snooze_date(&form, id) {
            Ok(until) => {
                self.apply(Action::SnoozeFollowUp { id, until });
                None
            }
            Err(message) => {
                form.set_error(FieldKey::Date, message);
                Some(form)
            }
        }
    }

    pub(super) fn save_follow_up(&mut self, mut form: FollowUpForm) -> Option<Form> {
        let Some(draft) = form.draft(self.session.today) else {
            return Some(form.form);
        };
        let saved = match form.editing {
            Some((id, version)) => self
                .store
                .update_follow_up(id, version, draft.due_on, draft.due_time, &draft.text)
                .map(|()| id),
            None => self.store.add_follow_up(
                draft.person_id,
                draft.service_id,
                draft.due_on,
                draft.due_time,
                &draft.text,
            ),
        };
        match saved {
            Ok(id) => {
                let r = self.refresh_follow_up(id);
                self.report(r);
                self.follow_ups.select_follow_up(id);
                let when = crate::domain::follow_up::short_date(draft.due_on, self.session.today);
                if self.message.is_none() {
                    self.say(format!("Follow-up #{id} saved for {when}"));
                }
                None
            }
            Err(e) => {
                form.form.message = Some(format!("Not saved: {e}"));
                Some(form.form)
            }
        }
    }
}
