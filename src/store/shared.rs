//! A team file (`caseload init --shared`): one folder, setgid 2770, and one
//! database, 0660, both owned by the team's group. The file mode is the real
//! access boundary: anyone who can read the file can read every record.

use std::fs::{self, DirBuilder, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::{Result, Store, StoreError, os};
use crate::clock::Clock;

/// The folder's and the file's modes as read back after setting up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedModes {
    pub folder: u32,
    pub file: u32,
}

const FOLDER_MODE: u32 = 0o2770;
const FILE_MODE: u32 = 0o660;

impl Store {
    /// Creates a team database at `path` for OS group `group` (which the
    /// caller must be in): the folder is made setgid 2770 (it must be new,
    /// or empty, or already so), the file 0660, both to the group; after a
    /// first write the `-wal` and `-shm` files are checked to match.
    pub fn create_shared(
        path: &Path,
        group: &str,
        clock: Clock,
        actor_name: Option<String>,
    ) -> Result<SharedModes> {
        let invalid = |m: String| StoreError::Invalid(m);
        let gid = os::group_id(group).ok_or_else(|| {
            invalid(format!(
                "there is no group {group} on this system; create it first (groupadd)"
            ))
        })?;
        if !os::in_group(gid) {
            return Err(invalid(format!(
                "you are not in group {group}; ask an administrator to add you (usermod -aG {group} LOGIN) and log in again"
            )));
        }
        let io = |p: &Path| {
            let p = p.to_path_buf();
            move |source| StoreError::Io { path: p, source }
        };
        if fs::symlink_metadata(path).is_ok() {
            return Err(invalid(format!(
                "{} already exists; `init --shared` makes a new team file",
                path.display()
            )));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        match fs::metadata(&dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                DirBuilder::new()
                    .mode(0o700)
                    .create(&dir)
                    .map_err(io(&dir))?;
            }
            Err(e) => return Err(io(&dir)(e)),
            Ok(meta) => {
                let ready = meta.mode() & 0o7777 == FOLDER_MODE && meta.gid() == gid;
                let empty = fs::read_dir(&dir).map_err(io(&dir))?.next().is_none();
                if !ready && !empty {
                    return Err(invalid(format!(
                        "{} holds other files; give --db a path in a new folder (e.g. /srv/caseload/team.db), so no other file is opened to the group",
                        dir.display()
                    )));
                }
            }
        }
        os::chgrp(&dir, gid).map_err(io(&dir))?;
        fs::set_permissions(&dir, fs::Permissions::from_mode(FOLDER_MODE)).map_err(io(&dir))?;
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(FILE_MODE)
            .open(path)
            .map_err(io(path))?;
        // The umask may have taken bits away; set them exactly.
        file.set_permissions(fs::Permissions::from_mode(FILE_MODE))
            .map_err(io(path))?;
        drop(file);
        os::chgrp(path, gid).map_err(io(path))?;

        // Opening an empty file makes it 0600 (a new single-user caseload):
        // set the team mode again once it is a database.
        let mut store = Store::open(path, clock)?;
        fs::set_permissions(path, fs::Permissions::from_mode(FILE_MODE)).map_err(io(path))?;
        store.set_actor_name(actor_name);
        store.write(|tx, at| Store::audit(tx, at, "init", "database", 0))?;
        // Still open, so `-wal` and `-shm` exist: SQLite gives them the
        // database's mode; the setgid folder gives them its group. Check.
        for suffix in ["-wal", "-shm"] {
            let mut side = path.as_os_str().to_owned();
            side.push(suffix);
            let side = PathBuf::from(side);
            let Ok(meta) = fs::metadata(&side) else {
                continue;
            };
            if meta.gid() != gid {
                os::chgrp(&side, gid).map_err(io(&side))?;
            }
            if meta.mode() & 0o777 != FILE_MODE {
                fs::set_permissions(&side, fs::Permissions::from_mode(FILE_MODE))
                    .map_err(io(&side))?;
            }
        }
        let folder = fs::metadata(&dir).map_err(io(&dir))?.mode() & 0o7777;
        let file = fs::metadata(path).map_err(io(path))?.mode() & 0o7777;
        Ok(SharedModes { folder, file })
    }
}
