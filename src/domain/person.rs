//! People on the caseload: status rules and the validation of what a worker types.

use chrono::NaiveDate;
use serde::Serialize;

use super::date::{check_range, parse_day};
use super::limits::{MAX_FIELD_CHARS, MAX_NAME_CHARS, MAX_TEXT_BYTES, check_bytes, check_chars};
use super::nhs_number::NhsNumber;
use super::text::is_blank;

/// Where a person is on their journey with the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Referred,
    Active,
    Paused,
    Closed,
    Declined,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Referred,
        Status::Active,
        Status::Paused,
        Status::Closed,
        Status::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Referred => "referred",
            Status::Active => "active",
            Status::Paused => "paused",
            Status::Closed => "closed",
            Status::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s.trim().to_lowercase())
    }

    /// Open cases: the people a worker is still supporting or about to.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Referred | Status::Active | Status::Paused)
    }

    /// Closing or declining needs a reason, for the referrer and the record.
    pub fn needs_reason(self) -> bool {
        matches!(self, Status::Closed | Status::Declined)
    }

    /// The statuses a person can move to from this one. Closed and declined
    /// cases can be reopened: nobody is ever timed out of support.
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::Referred => &[Status::Active, Status::Declined],
            Status::Active => &[Status::Paused, Status::Closed],
            Status::Paused => &[Status::Active, Status::Closed],
            Status::Closed => &[Status::Active],
            Status::Declined => &[Status::Referred, Status::Active],
        }
    }
}

/// Years after closure before a record is reviewed, when nobody has set their
/// own: the NHS Records Management Code of Practice keeps adult health records
/// 8 years after the end of care. Each organisation sets its own period.
pub const DEFAULT_RETENTION_YEARS: u32 = 8;

/// The last day of closure or decline whose records are due for review
/// `years` after it; `None` when that reaches before any date.
pub fn retention_cutoff(today: NaiveDate, years: u32) -> Option<NaiveDate> {
    today.checked_sub_months(chrono::Months::new(years.checked_mul(12)?))
}

/// A typed confirmation matches (the person's name before an erasure, or
/// `ERASE 3`): ignoring case and runs of spaces; blank never matches.
pub fn same_name(typed: &str, name: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    !typed.trim().is_empty() && norm(typed) == norm(name)
}

/// A person record as the store returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: i64,
    #[serde(flatten)]
    pub details: PersonDetails,
    pub first_contact_on: Option<NaiveDate>,
    pub status: Status,
    pub status_reason: Option<String>,
    pub closed_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

impl Person {
    pub fn display_name(&self) -> String {
        self.details.display_name()
    }
}

/// The fields a worker enters and edits in the person form, validated.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PersonDetails {
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub nhs_number: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub contact_preferences: Option<String>,
    pub referral_source: String,
    pub referral_reason: Option<String>,
    /// Who made the referral ("Dr A Patel") and where ("Hyde Park Surgery"):
    /// the letter back is addressed to them.
    pub referrer_name: Option<String>,
    pub referrer_organisation: Option<String>,
    pub referred_on: Option<NaiveDate>,
    pub risk_note: Option<String>,
    /// Equality monitoring ([`super::monitoring`]): none is "not recorded".
    pub sex: Option<String>,
    pub ethnicity: Option<String>,
    pub carer: Option<String>,
    /// The GP practice's ODS code.
    pub gp_practice: Option<String>,
    /// The day they agreed to social prescribing and to their record being
    /// kept; none: not recorded yet.
    pub consent_recorded_on: Option<NaiveDate>,
}

impl PersonDetails {
    /// Who made the referral, as a letter is addressed: "Dr A Patel, Hyde
    /// Park Surgery", either alone, or `None` when neither is recorded.
    pub fn referrer(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.referrer_name, &self.referrer_organisation]
            .into_iter()
            .filter_map(|s| s.as_deref().map(str::trim))
            .filter(|s| !s.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// "Preferred Family" if a preferred name is set, else "Given Family".
    pub fn display_name(&self) -> String {
        let first = self.preferred_name.as_deref().unwrap_or(&self.given_name);
        format!("{} {}", first, self.family_name)
    }
}

/// One problem with one field, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// The person form as typed: every field a string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonInput {
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: String,
    pub date_of_birth: String,
    pub nhs_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub postcode: String,
    pub contact_preferences: String,
    pub referral_source: String,
    pub referral_reason: String,
    pub referrer_name: String,
    pub referrer_organisation: String,
    pub referred_on: String,
    pub risk_note: String,
    pub sex: String,
    pub ethnicity: String,
    pub carer: String,
    pub gp_practice: String,
    pub consent_recorded_on: String,
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(super::date::iso).unwrap_or_default()
}

impl PersonInput {
    /// Fills the form from a stored record, for editing.
    pub fn from_details(p: &PersonDetails) -> Self {
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        PersonInput {
            given_name: p.given_name.clone(),
            family_name: p.family_name.clone(),
            preferred_name: s(&p.preferred_name),
            date_of_birth: date_text(p.date_of_birth),
            nhs_number: p
                .nhs_number
                .as_deref()
                .map(super::nhs_number::display)
                .unwrap_or_default(),
            phone: s(&p.phone),
            email: s(&p.email),
            address: s(&p.address),
            postcode: s(&p.postcode),
            contact_preferences: s(&p.contact_preferences),
            referral_source: p.referral_source.clone(),
            referral_reason: s(&p.referral_reason),
            referrer_name: s(&p.referrer_name),
            referrer_organisation: s(&p.referrer_organisation),
            referred_on: date_text(p.referred_on),
            risk_note: s(&p.risk_note),
            sex: s(&p.sex),
            ethnicity: s(&p.ethnicity),
            carer: s(&p.carer),
            gp_practice: s(&p.gp_practice),
            consent_recorded_on: date_text(p.consent_recorded_on),
        }
    }

    /// A field by its name (the same names as the schema's columns), so
    /// forms and imports can fill the input generically.
    pub fn get_mut(&mut self, field: &str) -> Option<&mut String> {
        let p = self;
        Some(match field {
            "given_name" => &mut p.given_name,
            "family_name" => &mut p.family_name,
            "preferred_name" => &mut p.preferred_name,
            "date_of_birth" => &mut p.date_of_birth,
            "nhs_number" => &mut p.nhs_number,
            "phone" => &mut p.phone,
            "email" => &mut p.email,
            "address" => &mut p.address,
            "postcode" => &mut p.postcode,
            "contact_preferences" => &mut p.contact_preferences,
            "referral_source" => &mut p.referral_source,
            "referral_reason" => &mut p.referral_reason,
            "referrer_name" => &mut p.referrer_name,
            "referrer_organisation" => &mut p.referrer_organisation,
            "referred_on" => &mut p.referred_on,
            "risk_note" => &mut p.risk_note,
            "sex" => &mut p.sex,
            "ethnicity" => &mut p.ethnicity,
            "carer" => &mut p.carer,
            "gp_practice" => &mut p.gp_practice,
            "consent_recorded_on" => &mut p.consent_recorded_on,
            _ => return None,
        })
    }

    /// Checks every field and reports all problems at once, so the worker
    /// can fix them in one pass. A blank referral date means today.
    pub fn validate(&self, today: NaiveDate) -> Result<PersonDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, message: String| errors.push(FieldError { field, message });
        for (field, what, value, limit) in self.limited_fields() {
            let checked = match limit {
                Limit::Chars(max) => check_chars(what, value, max),
                Limit::Bytes(max) => check_bytes(what, value, max),
            };
            if let Err(e) = checked {
                fail(field, e);
            }
        }
        if is_blank(&self.given_name) {
            fail("given_name", "given name is required".into());
        }
        if is_blank(&self.family_name) {
            fail("family_name", "family name is required".into());
        }
        let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
        let date_of_birth = match opt(&self.date_of_birth) {
            None => None,
            Some(s) => match parse_day(&s, today)
                .and_then(|d| check_range(d, earliest, today, "date of birth"))
            {
                Ok(d) => Some(d),
                Err(e) => {
                    fail("date_of_birth", e);
                    None
                }
            },
        };
        let referred_on = match opt(&self.referred_on) {
            None => Some(today),
            Some(s) => match parse_day(&s, today)
                .and_then(|d| check_range(d, earliest, today, "referral date"))
            {
                Ok(d) => Some(d),
                Err(e) => {
                    fail("referred_on", e);
                    None
                }
            },
        };
        // Consent is given, never planned: not in the future.
        let consent_recorded_on = match opt(&self.consent_recorded_on) {
            None => None,
            Some(s) => match parse_day(&s, today)
                .and_then(|d| check_range(d, earliest, today, "consent date"))
            {
                Ok(d) => Some(d),
                Err(e) => {
                    fail("consent_recorded_on", e);
                    None
                }
            },
        };
        let nhs_number = match opt(&self.nhs_number) {
            None => None,
            Some(s) => match NhsNumber::parse(&s) {
                Ok(n) => Some(n.digits().to_string()),
                Err(e) => {
                    fail("nhs_number", e.into());
                    None
                }
            },
        };
        let email = opt(&self.email);
        if email.as_deref().is_some_and(|e| !looks_like_email(e)) {
            fail("email", "email should look like name@example.org".into());
        }
        let phone = opt(&self.phone);
        if phone.as_deref().is_some_and(|p| !looks_like_phone(p)) {
            fail(
                "phone",
                "phone should be digits, spaces and an optional +".into(),
            );
        }
        let mut monitored = |field, parse: fn(&str) -> Result<Option<String>, String>, v: &str| {
            parse(v).unwrap_or_else(|e| {
                fail(field, e);
                None
            })
        };
        use super::monitoring::{parse_carer, parse_ethnicity, parse_gp_practice, parse_sex};
        let sex = monitored("sex", parse_sex, &self.sex);
        let ethnicity = monitored("ethnicity", parse_ethnicity, &self.ethnicity);
        let carer = monitored("carer", parse_carer, &self.carer);
        let gp_practice = monitored("gp_practice", parse_gp_practice, &self.gp_practice);
        if !errors.is_empty() {
            // One message per field: a too-long field is not also "not a date".
            let mut seen = Vec::new();
            errors.retain(|e| {
                let first = !seen.contains(&e.field);
                seen.push(e.field);
                first
            });
            return Err(errors);
        }
        Ok(PersonDetails {
            given_name: self.given_name.trim().to_string(),
            family_name: self.family_name.trim().to_string(),
            preferred_name: opt(&self.preferred_name),
            date_of_birth,
            nhs_number,
            phone,
            email,
            address: opt(&self.address),
            postcode: opt(&self.postcode).map(|p| p.to_uppercase()),
            contact_preferences: opt(&self.contact_preferences),
            referral_source: opt(&self.referral_source).unwrap_or_else(|| "other".into()),
            referral_reason: opt(&self.referral_reason),
            referrer_name: opt(&self.referrer_name),
            referrer_organisation: opt(&self.referrer_organisation),
            referred_on,
            risk_note: opt(&self.risk_note),
            sex,
            ethnicity,
            carer,
            gp_practice,
            consent_recorded_on,
        })
    }
}

enum Limit {
    Chars(usize),
    Bytes(usize),
}

impl PersonInput {
    /// Every field with its label and size limit (see [`super::limits`]).
    fn limited_fields(&self) -> [(&'static str, &'static str, &str, Limit); 16] {
        use Limit::{Bytes, Chars};
        [
            (
                "given_name",
                "given name",
                &self.given_name,
                Chars(MAX_NAME_CHARS),
            ),
            (
                "family_name",
                "family name",
                &self.family_name,
                Chars(MAX_NAME_CHARS),
            ),
            (
                "preferred_name",
                "preferred name",
                &self.preferred_name,
                Chars(MAX_NAME_CHARS),
            ),
            (
                "date_of_birth",
                "date of birth",
                &self.date_of_birth,
                Chars(MAX_FIELD_CHARS),
            ),
            (
                "nhs_number",
                "NHS number",
                &self.nhs_number,
                Chars(MAX_FIELD_CHARS),
            ),
            ("phone", "phone", &self.phone, Chars(MAX_FIELD_CHARS)),
            ("email", "email", &self.email, Chars(MAX_FIELD_CHARS)),
            ("address", "address", &self.address, Bytes(MAX_TEXT_BYTES)),
            (
                "postcode",
                "postcode",
                &self.postcode,
                Chars(MAX_FIELD_CHARS),
            ),
            (
                "contact_preferences",
                "contact preferences",
                &self.contact_preferences,
                Bytes(MAX_TEXT_BYTES),
            ),
            (
                "referral_source",
                "referral source",
                &self.referral_source,
                Chars(MAX_FIELD_CHARS),
            ),
            (
                "referral_reason",
                "referral reason",
                &self.referral_reason,
                Bytes(MAX_TEXT_BYTES),
            ),
            (
                "referrer_name",
                "referrer's name",
                &self.referrer_name,
                Chars(MAX_NAME_CHARS),
            ),
            (
                "referrer_organisation",
                "referrer's organisation",
                &self.referrer_organisation,
                Chars(MAX_NAME_CHARS),
            ),
            (
                "referred_on",
                "referral date",
                &self.referred_on,
                Chars(MAX_FIELD_CHARS),
            ),
            (
                "risk_note",
                "risk note",
                &self.risk_note,
                Bytes(MAX_TEXT_BYTES),
            ),
        ]
    }
}

/// One '@', something either side, a dot in the domain, no spaces.
/// A referral source as typed on the command line, matched to one of the
/// coded list (`known`, from the database): the same name in any case, or a
/// usual way of saying it ("GP", "GP surgery", "self", "jobcentre"). An
/// unknown one is refused with the list, so the report never counts "GP"
/// and "GP practice" apart.
pub fn referral_source_from(typed: &str, known: &[String]) -> Result<String, String> {
    let folded = |s: &str| {
        s.trim()
            .to_lowercase()
            .replace(['-', '_'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let typed_folded = folded(typed);
    let alias = match typed_folded.as_str() {
        "gp" | "gp surgery" | "surgery" | "doctor" | "gp practice" | "practice" => "GP practice",
        "self" | "self referral" | "selfreferral" | "self referred" => "self-referral",
        "jobcentre" | "job centre plus" | "jobcentre plus" | "dwp" => "job centre",
        "voluntary sector" | "charity" | "community" => "VCSE",
        "council" | "la" => "local authority",
        other => other,
    };
    let wanted = folded(alias);
    known
        .iter()
        .find(|k| folded(k) == wanted)
        .cloned()
        .ok_or_else(|| {
            format!(
                "unknown referral source {}; use one of: {}",
                crate::text::quote(typed, 40),
                known.join(", ")
            )
        })
}

pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// UK or international numbers: digits with spaces, dashes, brackets, a leading +.
pub fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let rest_ok = s
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
    rest_ok && (7..=15).contains(&digits)
}

/// A validated status change.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub status: Status,
    pub reason: Option<String>,
    pub changed_on: NaiveDate,
}

/// Checks a requested status change against the current status.
pub fn validate_status_change(
    from: Status,
    to: Status,
    reason: &str,
    changed_on: NaiveDate,
) -> Result<StatusChange, String> {
    if !from.next().contains(&to) {
        return Err(format!(
            "cannot go from {} to {}",
            from.as_str(),
            to.as_str()
        ));
    }
    check_bytes("the reason", reason, MAX_TEXT_BYTES)?;
    let reason = opt(reason).filter(|r| !is_blank(r));
    if to.needs_reason() && reason.is_none() {
        return Err(format!(
            "a reason is required when a case is {}",
            to.as_str()
        ));
    }
    Ok(StatusChange {
        status: to,
        reason,
        changed_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referral_sources_are_one_coded_list() {
        let known: Vec<String> = ["GP practice", "self-referral", "job centre", "other"]
            .map(String::from)
            .to_vec();
        for typed in ["GP", "gp", "GP surgery", " gp  practice ", "GP PRACTICE"] {
            assert_eq!(referral_source_from(typed, &known).unwrap(), "GP practice");
        }
        assert_eq!(
            referral_source_from("Self", &known).unwrap(),
            "self-referral"
        );
        assert_eq!(
            referral_source_from("Jobcentre Plus", &known).unwrap(),
            "job centre"
        );
        let e = referral_source_from("the moon", &known).unwrap_err();
        assert!(e.contains("use one of: GP practice, self-referral"), "{e}");
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn input() -> PersonInput {
        PersonInput {
            given_name: "Zoë".into(),
            family_name: "Ng".into(),
            ..Default::default()
        }
    }

    #[test]
    fn minimal_person_defaults_referral_to_today() {
        let p = input().validate(today()).unwrap();
        assert_eq!(p.referred_on, Some(today()));
        assert_eq!(p.referral_source, "other");
        assert_eq!(p.display_name(), "Zoë Ng");
    }

    #[test]
    fn reports_every_error_at_once() {
        let bad = PersonInput {
            date_of_birth: "31/02/1980".into(),
            nhs_number: "943 476 5918".into(),
            email: "not an email".into(),
            referred_on: "2030-01-01".into(),
            ..Default::default()
        };
        let errs = bad.validate(today()).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "given_name",
                "family_name",
                "date_of_birth",
                "referred_on",
                "nhs_number",
                "email"
            ]
        );
    }

    #[test]
    fn accepts_uk_dates_and_spaced_nhs_numbers() {
        let p = PersonInput {
            date_of_birth: "02/03/1961".into(),
            nhs_number: "943 476 5919".into(),
            email: "zoe@example.org".into(),
            phone: "+44 113 496 0000".into(),
            ..input()
        }
        .validate(today())
        .unwrap();
        assert_eq!(p.nhs_number.as_deref(), Some("9434765919"));
        assert_eq!(p.date_of_birth, NaiveDate::from_ymd_opt(1961, 3, 2));
    }

    #[test]
    fn closing_needs_a_reason_and_a_legal_transition() {
        let t = today();
        assert!(validate_status_change(Status::Active, Status::Closed, " ", t).is_err());
        assert!(validate_status_change(Status::Active, Status::Closed, "goals met", t).is_ok());
        assert!(validate_status_change(Status::Referred, Status::Paused, "", t).is_err());
        assert!(validate_status_change(Status::Closed, Status::Active, "", t).is_ok());
    }

    #[test]
    fn size_limits_nul_and_invisible_names() {
        let long = PersonInput {
            given_name: "x".repeat(130_000),
            risk_note: "y".repeat(200_000),
            ..input()
        };
        let errs = long.validate(today()).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["given_name", "risk_note"]);
        assert!(errs[0].message.contains("at most 200 characters"));
        let nul = PersonInput {
            family_name: "Ng\0Evil".into(),
            ..input()
        };
        assert!(
            nul.validate(today()).unwrap_err()[0]
                .message
                .contains("NUL")
        );
        let invisible = PersonInput {
            given_name: "\u{200B}\u{FEFF}".into(),
            ..input()
        };
        assert_eq!(
            invisible.validate(today()).unwrap_err()[0].message,
            "given name is required"
        );
        assert!(
            validate_status_change(Status::Active, Status::Closed, "\u{200B}", today()).is_err()
        );
    }
}
