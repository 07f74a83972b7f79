//! The two facts the store asks the operating system: who is at the keyboard
//! (for the audit), and whether anyone could change a file (for read-only copies).

use std::ffi::{CStr, CString};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The login name of the real uid from its passwd entry, else `uid:NNN`.
/// `$USER` is not used: it can be empty, stale after `su`, or anything at all.
pub(crate) fn login_name() -> String {
    // SAFETY: getuid cannot fail and has no preconditions.
    let uid = unsafe { libc::getuid() };
    passwd_name(uid).unwrap_or_else(|| format!("uid:{uid}"))
}

fn passwd_name(uid: libc::uid_t) -> Option<String> {
    let mut size = 1024;
    // ERANGE means the buffer was too small; a passwd entry over 64 KiB is not one we trust.
    while size <= 64 * 1024 {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: an all-zero passwd is a valid value for getpwuid_r to fill in.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer refers to live memory of the stated size, and the
        // strings it fills in point into `buf`, which outlives their use below.
        let rc =
            unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
        if rc == libc::ERANGE {
            size *= 4;
            continue;
        }
        if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        // SAFETY: pw_name is a NUL-terminated string inside `buf`.
        let name = unsafe { CStr::from_ptr(pwd.pw_name) }.to_string_lossy();
        return (!name.is_empty()).then(|| name.into_owned());
    }
    None
}

/// Whether the file at `path` (and its folder, where SQLite keeps `-wal` and
/// `-shm`) could be written. No: the file system is mounted read-only, or
/// access(2) says this user may not write, or no write bit is set for anyone
/// on the file or on the folder. The last rule is what makes a backup copy
/// (`chmod 0444`, a `0555` folder) read-only even for root, whom access(2)
/// lets write anything: someone took every write bit away on purpose.
pub(crate) fn writable(path: &Path) -> bool {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    [path, dir].into_iter().all(|p| {
        let bits = std::fs::metadata(p).map(|m| m.permissions().mode() & 0o222);
        bits.is_ok_and(|b| b != 0) && access_write(p) && !mounted_read_only(p)
    })
}

fn c_path(path: &Path) -> Option<CString> {
    CString::new(path.as_os_str().as_bytes()).ok()
}

fn access_write(path: &Path) -> bool {
    // SAFETY: the pointer is a NUL-terminated path that lives across the call.
    c_path(path).is_some_and(|p| unsafe { libc::access(p.as_ptr(), libc::W_OK) } == 0)
}

fn mounted_read_only(path: &Path) -> bool {
    let Some(p) = c_path(path) else {
        return false;
    };
    // SAFETY: an all-zero statvfs is a valid value for statvfs to fill in.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers refer to live values for the duration of the call.
    let rc = unsafe { libc::statvfs(p.as_ptr(), &mut st) };
    rc == 0 && st.f_flag & libc::ST_RDONLY != 0
}
