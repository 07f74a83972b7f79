use super::Settings;
use rusqlite::OptionalExtension;
use std::ops::Deref;

use super::{Result, Store};
use crate::domain::setting::Setting;

fn letter_name_key(login: &str) -> String {
    format!("letter_name:{login}")
}

impl<S: Deref<Target = Store>> Settings<S> {
    /// A switch's value; one never set has its default.
    pub fn get(&self, setting: Setting) -> Result<bool> {
        let value: Option<String> = self
            .0
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [setting.key()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match value.as_deref() {
            Some("on") => true,
            Some("off") => false,
            _ => setting.default_on(),
        })
    }

    /// Every switch with its value, for `caseload config list`.
    pub fn list(&self) -> Result<Vec<(Setting, bool)>> {
        Setting::ALL
            .into_iter()
            .map(|s| Ok((s, self.0.settings().get(s)?)))
            .collect()
    }

    /// The name the worker at the keyboard signs letters with, kept in the
    /// settings under their login (`letter_name:LOGIN`): asked once by the
    /// app, or given once with `person letter --from`.
    pub fn letter_name(&self) -> Result<Option<String>> {
        Ok(self
            .0
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [letter_name_key(self.0.actor())],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .filter(|n| !n.trim().is_empty()))
    }

    /// Who signs a letter when config.toml names nobody: the registered
    /// worker at the keyboard, else the name they gave once.
    pub fn letter_signatory(&self) -> Result<Option<String>> {
        match self.0.workers().me()? {
            Some(w) => Ok(Some(w.name)),
            None => self.0.settings().letter_name(),
        }
    }

    /// This database's random id (made by migration 4), for calendar UIDs.
    pub fn database_id(&self) -> Result<String> {
        Ok(self
            .0
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = 'database_id'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_else(|| "caseload".into()))
    }
}

impl Settings<&mut Store> {
    pub fn set(&mut self, setting: Setting, on: bool) -> Result<()> {
        self.0.write(|tx, at| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (setting.key(), crate::domain::setting::switch_text(on)),
            )?;
            // Which switch changed: its key is a fixed name, not personal data.
            tx.execute(
                "INSERT INTO audit (at, actor, actor_name, action, entity, entity_id, entity_key)
                 VALUES (?1, ?2, ?3, 'set', 'setting', NULL, ?4)",
                (&at.now, &at.actor, &at.actor_name, setting.key()),
            )?;
            Ok(())
        })
    }

    /// Keeps `name` as the letter name of the worker at the keyboard.
    pub fn set_letter_name(&mut self, name: &str) -> Result<()> {
        let name =
            crate::domain::letter::check_worker_name(name).map_err(super::StoreError::Invalid)?;
        let key = letter_name_key(self.0.actor());
        self.0.write(|tx, at| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (&key, &name),
            )?;
            tx.execute(
                "INSERT INTO audit (at, actor, actor_name, action, entity, entity_id, entity_key)
                 VALUES (?1, ?2, ?3, 'set', 'setting', NULL, 'letter_name')",
                (&at.now, &at.actor, &at.actor_name),
            )?;
            Ok(())
        })
    }
}
