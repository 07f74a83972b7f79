//! Schema migrations, numbered by `PRAGMA user_version`. Each runs once, in order,
//! inside one transaction with the version bump.

use rusqlite::{Connection, TransactionBehavior};

use super::Result;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_draft.sql"),
    include_str!("migrations/003_connection_history.sql"),
    include_str!("migrations/004_setting.sql"),
    include_str!("migrations/005_audit_key.sql"),
    include_str!("migrations/006_change_counter.sql"),
    include_str!("migrations/007_audit_reason.sql"),
    include_str!("migrations/008_audit_actor_name.sql"),
    include_str!("migrations/009_person_monitoring.sql"),
    include_str!("migrations/010_directory_data.sql"),
    include_str!("migrations/011_workers.sql"),
    include_str!("migrations/012_form_draft.sql"),
    include_str!("migrations/013_follow_up_outcome.sql"),
    include_str!("migrations/014_referrer.sql"),
    include_str!("migrations/015_sync.sql"),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    // Reading the version needs no write lock: a file that is up to date opens
    // at once even while another program holds the lock to write.
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        // Another, newer instance upgraded the file since we looked.
        return Err(super::StoreError::Invalid(format!(
            "this database uses schema {current}, newer than this caseload knows ({SCHEMA_VERSION}); upgrade caseload"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
