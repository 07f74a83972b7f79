//! Erasure: the one sanctioned delete. Every row about the person goes, in one
//! transaction, then the freed bytes are overwritten and the log emptied, so
//! no byte of them stays in the database, its `-wal` or its `-shm`.

use super::{Result, Store, StoreError};

impl Store {
    /// Erases person `id` and every row that refers to them (found from the
    /// schema's foreign keys, as for a subject access export), and leaves a
    /// tombstone in the audit: when, who, which id and `reason`. Returns the
    /// number of rows removed.
    pub fn erase_person(&mut self, id: i64, reason: &str) -> Result<usize> {
        let removed = self.delete_person(id, reason)?;
        self.scrub()?;
        self.remove_killed_backups();
        Ok(removed)
    }

    /// Full copies left beside the database by a backup that was killed
    /// would keep an erased person: they go too.
    fn remove_killed_backups(&self) {
        let dir = match self.path().parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => std::path::Path::new("."),
        };
        super::remove_stale_backup_copies(dir);
    }

    /// Erases each of `ids` as [`Store::erase_person`] does, one transaction
    /// per person, then makes the bytes go once for all of them. Returns how
    /// many were erased, and the first error: erasing stops at a person that
    /// fails, and those already erased are scrubbed all the same. When every
    /// one was erased, an error is about the scrub (another program reading).
    pub fn erase_people(&mut self, ids: &[i64], reason: &str) -> (usize, Result<()>) {
        let mut erased = 0;
        for id in ids {
            if let Err(e) = self.delete_person(*id, reason) {
                if erased > 0 {
                    let _ = self.scrub();
                }
                return (erased, Err(e));
            }
            erased += 1;
        }
        let scrubbed = self.scrub();
        self.remove_killed_backups();
        (erased, scrubbed)
    }

    /// The rows and the tombstone, in one transaction; the bytes stay until `scrub`.
    fn delete_person(&mut self, id: i64, reason: &str) -> Result<usize> {
        self.people().get(id)?; // NotFound for an unknown id
        let owned = self.person_tables()?;
        self.write(|tx, at| {
            let removed = super::sync::delete_person_rows(tx, &owned, id)?;
            Store::audit_because(tx, at, ("erase", "person", id), reason)?;
            Ok(removed)
        })
    }

    /// Makes deleted bytes go: `secure_delete` (on for every write) zeroes
    /// freed cells; VACUUM rebuilds the file without free pages; a TRUNCATE
    /// checkpoint then empties the write-ahead log that held the old pages.
    pub(super) fn scrub(&mut self) -> Result<()> {
        self.conn.execute_batch("VACUUM")?;
        let (busy, _, _): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        if busy != 0 {
            // Another caseload is reading: the log could not be emptied yet.
            return Err(StoreError::Invalid(
                "the person is erased, but another program has the database open: old copies of pages stay in its write-ahead log until the last program using the file closes".into(),
            ));
        }
        Ok(())
    }
}
