//! How much text each field takes, and the check every form, import and
//! command applies. Generous: no real record comes near them. They exist
//! because unbounded text made the app unusable (a 10 MB note took a second
//! a key) and let one paste fill the database. The TUI uses the same
//! constants to refuse an oversized paste or editor result.

/// A conversation note: about 15,000 words, several long conversations.
pub const MAX_NOTE_BYTES: usize = 100 * 1024;
/// A name (given, family, preferred, a service or organisation): the longest
/// real names are well under 100 characters; 200 leaves room for
/// transliterations and double-barrelled names.
pub const MAX_NAME_CHARS: usize = 200;
/// One-line fields (phone, email, postcode, referral source, web address,
/// categories, …): RFC 5321 caps an email path at 256, URLs rarely pass 2,000.
pub const MAX_FIELD_CHARS: usize = 2_000;
/// Multi-line fields other than notes (address, risk note, referral reason,
/// a service's description, eligibility, how to refer, …): a page of text.
pub const MAX_TEXT_BYTES: usize = 10 * 1024;
/// A goal from the care plan: a sentence or two.
pub const MAX_GOAL_CHARS: usize = 1_000;

/// Refuses NUL (SQLite would store it and C-string readers cut the text
/// short there) and text over `max` characters. `what` names the field.
pub fn check_chars(what: &str, s: &str, max: usize) -> Result<(), String> {
    check_nul(what, s)?;
    if s.chars().count() > max {
        return Err(format!("{what} is too long: at most {max} characters"));
    }
    Ok(())
}

/// As [`check_chars`], for long text measured in bytes (what it costs to
/// store and to lay out), reported in KB.
pub fn check_bytes(what: &str, s: &str, max: usize) -> Result<(), String> {
    check_nul(what, s)?;
    if s.len() > max {
        return Err(format!(
            "{what} is too long: {} KB, at most {} KB",
            s.len().div_ceil(1024),
            max / 1024
        ));
    }
    Ok(())
}

fn check_nul(what: &str, s: &str) -> Result<(), String> {
    if s.contains('\0') {
        return Err(format!("{what} contains a NUL character (\\0); remove it"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_nul() {
        assert!(check_chars("name", &"é".repeat(MAX_NAME_CHARS), MAX_NAME_CHARS).is_ok());
        let e = check_chars("name", &"é".repeat(MAX_NAME_CHARS + 1), MAX_NAME_CHARS).unwrap_err();
        assert_eq!(e, "name is too long: at most 200 characters");
        let e = check_bytes("the note", &"x".repeat(10 * 1024 * 1024), MAX_NOTE_BYTES).unwrap_err();
        assert_eq!(e, "the note is too long: 10240 KB, at most 100 KB");
        assert!(
            check_chars("name", "\0Bob", 10)
                .unwrap_err()
                .contains("NUL")
        );
        assert!(check_bytes("note", "a\0b", 10).unwrap_err().contains("NUL"));
    }
}
