//! The two facts the store asks the operating system: who is at the keyboard
//! (for the audit), and whether anyone could change a file (for read-only copies).

use std::ffi::{CStr, CString};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Why `path` may not be written as a file: something is there that is not
/// a regular file (a device, a named pipe, a folder, or a symbolic link,
/// which could lead anywhere). `None` when nothing is there, or a file is.
pub fn not_a_file(path: &Path) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(path).ok()?.file_type();
    Some(if kind.is_file() {
        return None;
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    })
}

/// The login name of the real uid from its passwd entry, else `uid:NNN`.
/// `$USER` is not used: it can be empty, stale after `su`, or anything at all.
pub(crate) fn login_name() -> String {
    // Tests only (debug builds): one machine login playing several workers.
    // A release build never reads it, so the audit cannot be talked into a
    // different name.
    #[cfg(debug_assertions)]
    if let Some(login) = std::env::var("CASELOAD_TEST_LOGIN")
        .ok()
        .filter(|l| !l.is_empty())
    {
        return login;
    }
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

/// The id of group `name`, from the group database; `None` if there is none.
pub(crate) fn group_id(name: &str) -> Option<libc::gid_t> {
    let c_name = CString::new(name).ok()?;
    let mut size = 1024;
    while size <= 1024 * 1024 {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: an all-zero group is a valid value for getgrnam_r to fill in.
        let mut grp: libc::group = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::group = std::ptr::null_mut();
        // SAFETY: every pointer refers to live memory of the stated size.
        let rc = unsafe {
            libc::getgrnam_r(
                c_name.as_ptr(),
                &mut grp,
                buf.as_mut_ptr(),
                buf.len(),
                &mut found,
            )
        };
        if rc == libc::ERANGE {
            size *= 4;
            continue;
        }
        if rc != 0 || found.is_null() {
            return None;
        }
        return Some(grp.gr_gid);
    }
    None
}

/// Whether this process is in group `gid`: its real or effective group, or
/// one of its supplementary groups (getgroups).
pub(crate) fn in_group(gid: libc::gid_t) -> bool {
    // SAFETY: getgid and getegid cannot fail.
    if unsafe { libc::getgid() } == gid || unsafe { libc::getegid() } == gid {
        return true;
    }
    // SAFETY: a zero size asks for the count only; no buffer is written.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    let Ok(len) = usize::try_from(n) else {
        return false;
    };
    let mut groups = vec![0 as libc::gid_t; len];
    // SAFETY: the buffer holds `n` entries.
    let got = unsafe { libc::getgroups(n, groups.as_mut_ptr()) };
    let Ok(got) = usize::try_from(got) else {
        return false;
    };
    groups.truncate(got);
    groups.contains(&gid)
}

/// Changes the group of `path` (the owner stays).
pub(crate) fn chgrp(path: &Path, gid: libc::gid_t) -> std::io::Result<()> {
    let p = c_path(path).ok_or_else(|| std::io::Error::other("a path with a NUL byte"))?;
    // SAFETY: a NUL-terminated path; uid -1 leaves the owner unchanged.
    let rc = unsafe { libc::chown(p.as_ptr(), libc::uid_t::MAX, gid) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}
