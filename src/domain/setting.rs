//! Switches a worker can turn off: the follow-ups the app offers on its own.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Offer a check-in reminder when a connection becomes "referred".
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
