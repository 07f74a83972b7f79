//! Data protection figures on the real binary, each on its own copy of the
//! 10k database so one cannot change what the next measures: the online
//! backup, an erasure (with its VACUUM), encrypting in place, and the same
//! backup and erasure on the encrypted file (a raw key: no key derivation).

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::exec::{Figure, binary, first_frame_with, print};

/// Runs `caseload --db DB ARGS` with `key` as `$CASELOAD_KEY_FILE`; its time in seconds.
fn timed(dir: &Path, db: &Path, key: Option<&Path>, args: &[&str]) -> Figure {
    let mut cmd = Command::new(binary());
    cmd.env_clear().env("HOME", dir).current_dir(dir);
    cmd.arg("--db").arg(db).args(args);
    if let Some(key) = key {
        cmd.env("CASELOAD_KEY_FILE", key);
    }
    let t = Instant::now();
    let out = cmd.output().map_err(|e| format!("run caseload: {e}"))?;
    let secs = t.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(format!("{secs:.2} s"))
}

fn copy(dir: &Path, db: &Path, name: &str) -> Result<std::path::PathBuf, String> {
    let to = dir.join(name);
    std::fs::copy(db, &to).map_err(|e| format!("copy the database: {e}"))?;
    Ok(to)
}

pub fn figures(dir: &Path, db: &Path) {
    let key = dir.join("bench.key");
    // A fixed raw key (64 hex digits): SQLCipher uses it as it is.
    let raw = format!("x'{}'\n", "3a".repeat(32));
    if let Err(e) = std::fs::write(&key, raw) {
        print("protect", Err(format!("write the key file: {e}")));
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600));
    let run = |name: &str, file: &str, key: Option<&Path>, args: &[&str]| {
        let figure = copy(dir, db, file).and_then(|c| timed(dir, &c, key, args));
        print(name, figure);
    };
    let backup = dir.join("backup.db");
    let backup_args = [
        "backup",
        "--out",
        backup.to_str().unwrap_or("backup.db"),
        "--force",
    ];
    run("backup_10k_s", "p1.db", None, &backup_args);
    run(
        "erase_10k_s",
        "p2.db",
        None,
        &["person", "erase", "17", "--yes"],
    );
    run("encrypt_10k_s", "p3.db", Some(&key), &["encrypt"]);
    // p3.db is encrypted now: the same commands on it.
    let enc = dir.join("p3.db");
    print(
        "backup_encrypted_10k_s",
        timed(dir, &enc, Some(&key), &backup_args),
    );
    print(
        "first_frame_exec_encrypted_ms",
        first_frame_with(dir, &enc, 5, Some(&key)),
    );
    print(
        "erase_encrypted_10k_s",
        timed(dir, &enc, Some(&key), &["person", "erase", "17", "--yes"]),
    );
}
