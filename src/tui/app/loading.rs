//! What the app reads and when: a full reload, only what changed (by topic,
//! from any window), one pane through `Component::load`, the part of the
//! first frame left for later, and the integrity check on its own thread.

use super::*;

impl App {
    /// Re-reads everything shown from the database (Ctrl-r, a new day).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.seen_changes = self.store.changes()?;
        self.reload_parts(&Changed::everything())
    }

    /// After a write (ours or another process's): reloads only the parts of
    /// the screen read from what changed.
    pub(super) fn reload_changed(&mut self) -> Result<(), StoreError> {
        let now = self.store.changes()?;
        let changed = now.since(&self.seen_changes);
        self.seen_changes = now;
        if changed.is_empty() {
            return Ok(());
        }
        self.reload_parts(&changed)
    }

    /// The status line's counts, then every loaded pane whose topics moved:
    /// now if it is on screen or keeps current, else when next shown.
    pub(super) fn reload_parts(&mut self, changed: &Changed) -> Result<(), StoreError> {
        let agenda_loaded = self.is_loaded(Pane::FollowUps);
        if changed.any(&[Topic::Workers]) {
            let owner = self.agenda_owner()?;
            if owner != self.session.agenda_owner {
                self.session.agenda_owner = owner;
                self.mark_stale(Pane::FollowUps);
            }
        }
        if changed.any(&[Topic::Services]) || (!agenda_loaded && changed.any(COUNT_TOPICS)) {
            self.counts = self
                .store
                .counts(self.session.today, self.rules.stale_months)?;
        } else if changed.any(COUNT_TOPICS) {
            // People or follow-ups (a team's usual changes): no recount of
            // 10k services; the follow-up counts are the agenda's, below.
            self.store.people_counts(&mut self.counts)?;
        }
        for i in 0..self.tab_count() {
            let pane = Pane::at(i);
            let Some(c) = self.component(pane) else {
                continue;
            };
            let (moved, current) = (changed.any(c.topics()), c.keep_current());
            // Stale already: it missed earlier changes too, so all of it.
            let missed = self.is_stale(pane);
            if moved && self.is_loaded(pane) {
                self.mark_stale(pane);
            }
            if self.is_stale(pane) && (pane == self.pane || current) {
                let what = if missed {
                    Changed::everything()
                } else {
                    changed.clone()
                };
                self.load_pane(pane, &what)?;
            }
        }
        self.sync_follow_up_counts();
        self.refresh_copy();
        Ok(())
    }

    /// Who the agenda is for: me, a link worker in a team; else everyone.
    pub(super) fn agenda_owner(&self) -> Result<Option<String>, StoreError> {
        let me = self.store.workers().me()?;
        Ok(crate::domain::worker::default_filter(me.as_ref())
            .login()
            .map(str::to_string))
    }

    pub(super) fn is_loaded(&self, pane: Pane) -> bool {
        self.loaded.get(pane.index()).copied().unwrap_or(false)
    }

    pub(super) fn is_stale(&self, pane: Pane) -> bool {
        self.stale.get(pane.index()).copied().unwrap_or(false)
    }

    pub(super) fn mark_stale(&mut self, pane: Pane) {
        if let Some(stale) = self.stale.get_mut(pane.index()) {
            *stale = true;
        }
    }

    /// Offers an action to each pane in tab order; true if one carried it out.
    pub(super) fn apply_in_panes(&mut self, action: &Action) -> bool {
        self.session.selected = self.caseload.selected_id();
        let session = self.session.clone();
        for i in 0..self.tab_count() {
            let Some((pane, store)) = self.component_and_store(Pane::at(i)) else {
                continue;
            };
            if let Some(effects) = pane.apply(action, store, &session) {
                self.after_effects(effects);
                return true;
            }
        }
        false
    }

    /// Offers a submitted form to each pane in tab order.
    pub(super) fn submit_in_panes(
        &mut self,
        form: &mut Form,
        purpose: &Purpose,
    ) -> Option<Submitted> {
        let session = self.session.clone();
        (0..self.tab_count()).find_map(|i| {
            let (pane, store) = self.component_and_store(Pane::at(i))?;
            pane.submit(form, purpose, store, &session)
        })
    }

    /// What a pane asked for after its work: the reload first, so what it
    /// selects or counts next is read from the saved state.
    pub(super) fn after_effects(&mut self, effects: Effects) {
        for id in &effects.erased {
            self.forget(*id);
        }
        if let Some(id) = effects.person
            && self.session.person != Some(id)
        {
            let r = self.load_person(id);
            self.report(r);
        }
        let r = match effects.follow_up {
            Some(id) => self.refresh_follow_up(id),
            None => self.reload_changed(),
        };
        self.report(r);
        if let Some(modal) = effects.modal {
            self.modals.push(modal);
        }
        if let Some(action) = effects.then {
            self.apply(action);
        }
        if let Some((message, error)) = effects.message
            && (error || self.message.is_none())
        {
            self.message = Some((message, error));
        }
    }

    /// Loads one pane through `Component::load`, with the session.
    pub(super) fn load_pane(&mut self, pane: Pane, changed: &Changed) -> Result<(), StoreError> {
        let i = pane.index();
        if let Some(flag) = self.loaded.get_mut(i) {
            *flag = true;
        }
        if let Some(flag) = self.stale.get_mut(i) {
            *flag = false;
        }
        let session = self.session.clone();
        let Some((c, store)) = self.component_and_store(pane) else {
            return Ok(());
        };
        c.load(store, &session, changed)
    }

    /// The pane and the store, borrowed apart.
    pub(super) fn component_and_store(
        &mut self,
        pane: Pane,
    ) -> Option<(&mut dyn Component, &mut Store)> {
        let store = &mut self.store;
        let c: &mut dyn Component = match pane {
            Pane::Caseload => &mut self.caseload,
            Pane::WhatMatters => &mut self.person,
            Pane::Directory => &mut self.directory,
            Pane::FollowUps => &mut self.follow_ups,
            Pane::More(i) => self.more.get_mut(i)?.as_mut(),
        };
        Some((c, store))
    }

    /// Shows this person in pane 2 (the session's person), loaded now.
    pub(super) fn load_person(&mut self, id: i64) -> Result<(), StoreError> {
        self.session.person = Some(id);
        self.recent.note(crate::tui::palette::Target::Person(id));
        self.load_pane(Pane::WhatMatters, &Changed::everything())
    }

    /// Loads what the first frame left out: the agenda (its timer decides
    /// when the app next wakes) and the directory (its search index builds
    /// on its own thread); registered panes load when first shown.
    pub(super) fn load_deferred(&mut self) -> Result<(), StoreError> {
        if !self.is_loaded(Pane::FollowUps) && self.integrity.is_none() && self.damaged.is_none() {
            self.start_integrity_check();
        }
        for pane in [Pane::Caseload, Pane::FollowUps, Pane::Directory] {
            if !self.is_loaded(pane) {
                self.load_pane(pane, &Changed::everything())?;
            }
        }
        for i in Pane::CORE.len()..self.tab_count() {
            let pane = Pane::at(i);
            if self.is_loaded(pane) {
                continue;
            }
            if pane == self.pane {
                self.load_pane(pane, &Changed::everything())?;
            } else {
                // Loaded when first shown: the report reads every table.
                self.loaded[i] = true;
                self.stale[i] = true;
            }
        }
        self.sync_follow_up_counts();
        Ok(())
    }

    /// The first frame showed only the caseload's first page; a key acts on
    /// everyone, so they are read before it if the event loop has not yet.
    pub(super) fn read_whole_caseload(&mut self) {
        if !self.is_loaded(Pane::Caseload) {
            let r = self.load_pane(Pane::Caseload, &Changed::everything());
            self.report(r);
        }
    }

    /// Pane 2 loads when a person is opened, not after the first frame.
    pub(super) fn deferred_pending(&self) -> bool {
        let waiting = |(i, loaded): (usize, &bool)| !loaded && Pane::at(i) != Pane::WhatMatters;
        self.loaded.iter().enumerate().any(waiting)
    }

    /// Starts `PRAGMA quick_check` on a read-only connection of its own, so a
    /// 10k caseload's check (about 120 ms) never holds up a key.
    pub(super) fn start_integrity_check(&mut self) {
        // Opened on the thread too: with a key, opening alone costs SQLCipher's
        // deliberately slow key derivation.
        let reopen = self.store.read_only_opener();
        self.integrity = std::thread::Builder::new()
            .name("quick-check".into())
            .spawn(move || reopen()?.quick_check())
            .ok();
    }

    /// Takes the check's answer once it is in; true if it found damage. From
    /// then on the store refuses every write and the banner says why.
    pub fn poll_integrity(&mut self) -> bool {
        if !self.integrity.as_ref().is_some_and(|h| h.is_finished()) {
            return false;
        }
        let Some(handle) = self.integrity.take() else {
            return false;
        };
        let problems = match handle.join() {
            Ok(Ok(problems)) => problems,
            // A page so broken the check itself stops: damaged all the same
            // (the check reads a consistent snapshot, so this is no race).
            Ok(Err(StoreError::Damaged(_, detail) | StoreError::Corrupt(detail))) => vec![detail],
            // Busy, or the check could not run: say nothing rather than alarm.
            Ok(Err(_)) | Err(_) => return false,
        };
        if problems.is_empty() {
            return false;
        }
        self.store.mark_damaged(&problems.join("; "));
        self.damaged = Some(
            "This database is damaged: nothing more is saved. Close the app, keep the file \
             aside and restore your latest backup."
                .into(),
        );
        true
    }

    /// True while the integrity check runs: the event loop looks again soon.
    pub fn checking_integrity(&self) -> bool {
        self.integrity.is_some()
    }

    /// Called when the timer fires: a draft autosave may be due, the day may
    /// have changed, or a follow-up may have fallen due. Returns true if the
    /// screen needs redrawing.
    pub fn tick(&mut self) -> bool {
        if self.autosave_due_in() == Some(std::time::Duration::ZERO) {
            self.autosave();
        }
        if self.poll_integrity() {
            return true;
        }
        if self.deferred_pending() {
            let r = self.load_deferred();
            self.report(r);
            return true;
        }
        let now = self.store.clock().now();
        if now.date() != self.session.today {
            self.session.today = now.date();
            let r = self.reload();
            self.report(r);
            return true;
        }
        let changed = self.follow_ups.rebucket(now);
        if changed {
            self.sync_follow_up_counts();
        }
        changed
    }

    /// Another window saved something: reload before this key acts on old data.
    pub(super) fn refresh_if_changed(&mut self) {
        match self.store.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                let r = self.reload_changed();
                self.report(r);
            }
            Ok(_) => {}
            Err(e) => self.report::<()>(Err(e)),
        }
    }
}
