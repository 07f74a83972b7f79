//! Switches a worker can turn off: the follow-ups the app offers on its own.

use std::sync::Arc;

use crate::report::{DEFAULT_FIRST_CONTACT_DAYS, MAX_FIRST_CONTACT_DAYS};
use crate::service::STALE_AFTER_MONTHS;
use crate::words::Thesaurus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Offer a check-in follow-up when a connection becomes "referred".
    OfferCheckIn,
    /// Show the "gone quiet" group in the agenda and in `caseload remind`.
    ShowGoneQuiet,
}

impl Setting {
    pub const ALL: [Setting; 2] = [Setting::OfferCheckIn, Setting::ShowGoneQuiet];

    pub fn key(self) -> &'static str {
        match self {
            Setting::OfferCheckIn => "offer_check_in",
            Setting::ShowGoneQuiet => "show_gone_quiet",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Setting::OfferCheckIn => {
                "offer a 14-day check-in when someone is referred to a service"
            }
            Setting::ShowGoneQuiet => "list open cases with no conversation in 28 days",
        }
    }

    /// Every switch starts on.
    pub fn default_on(self) -> bool {
        true
    }

    pub fn parse(key: &str) -> Result<Setting, String> {
        let key = key.trim().to_lowercase().replace('-', "_");
        Setting::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| {
                let keys: Vec<&str> = Setting::ALL.iter().map(|s| s.key()).collect();
                format!("unknown setting; use one of: {}", keys.join(", "))
            })
    }
}

/// The organisation's rules that the domain applies, from config.toml and the
/// command line, handed to whatever needs them (never a process global): when
/// a directory entry is stale, the first-contact target of the report, and the
/// synonyms every directory search uses.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Months after which an unverified directory entry is stale.
    pub stale_months: u32,
    /// Days from referral within which people should be first contacted.
    pub first_contact_days: u32,
    /// The built-in synonym groups and the organisation's own.
    pub thesaurus: Arc<Thesaurus>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            stale_months: STALE_AFTER_MONTHS,
            first_contact_days: DEFAULT_FIRST_CONTACT_DAYS,
            thesaurus: Arc::new(Thesaurus::builtin()),
        }
    }
}

impl Rules {
    /// The defaults with these values where given; `synonyms` are lines in
    /// the thesaurus format (checked by config.toml, so a bad one is skipped).
    pub fn new(
        stale_months: Option<u32>,
        first_contact_days: Option<u32>,
        synonyms: &[String],
    ) -> Rules {
        let mut thesaurus = Thesaurus::builtin();
        for line in synonyms {
            let _ = thesaurus.add_line(line);
        }
        Rules {
            stale_months: stale_months.unwrap_or(STALE_AFTER_MONTHS).max(1),
            first_contact_days: first_contact_days
                .unwrap_or(DEFAULT_FIRST_CONTACT_DAYS)
                .clamp(1, MAX_FIRST_CONTACT_DAYS),
            thesaurus: Arc::new(thesaurus),
        }
    }
}

/// `on`/`off` and the usual synonyms.
pub fn parse_switch(value: &str) -> Result<bool, String> {
    match value.trim().to_lowercase().as_str() {
        "on" | "yes" | "true" | "1" => Ok(true),
        "off" | "no" | "false" | "0" => Ok(false),
        _ => Err("use on or off".into()),
    }
}

pub fn switch_text(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_switches() {
        assert_eq!(Setting::parse("offer-check-in"), Ok(Setting::OfferCheckIn));
        assert_eq!(
            Setting::parse("SHOW_GONE_QUIET"),
            Ok(Setting::ShowGoneQuiet)
        );
        assert!(
            Setting::parse("colour")
                .unwrap_err()
                .contains("offer_check_in")
        );
        assert_eq!(parse_switch("Off"), Ok(false));
        assert_eq!(parse_switch("yes"), Ok(true));
        assert!(parse_switch("maybe").is_err());
    }
}
