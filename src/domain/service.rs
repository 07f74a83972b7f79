//! Community services in the directory.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::limits::{MAX_FIELD_CHARS, MAX_NAME_CHARS, MAX_TEXT_BYTES, check_bytes, check_chars};
use super::person::{FieldError, looks_like_email};
use super::text::is_blank;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Service {
    pub id: i64,
    pub uid: String,
    pub name: String,
    pub organisation: Option<String>,
    pub description: Option<String>,
    pub categories: Option<String>,
    pub area: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub opening_times: Option<String>,
    pub eligibility: Option<String>,
    pub cost: Option<String>,
    pub how_to_refer: Option<String>,
    pub last_verified_on: Option<NaiveDate>,
    pub active: bool,
    pub source: Option<String>,
    /// What a tolerant import could not keep: one line per field, naming the
    /// field, the raw value and why (the field itself was left empty).
    pub import_notes: Option<String>,
    /// What an Open Referral feed said that we do not model (ids, city,
    /// country, extensions, currency, the structured schedules, ...), kept
    /// so an export gives it back. Opaque here: `io::oruk` reads and writes it.
    /// Not in `directory search --format json` (it is the ORUK export's).
    #[serde(skip_serializing)]
    pub source_extra: Option<String>,
}

/// The namespace of the UUIDs (v5) derived for ids a source did not give as
/// UUIDs: fixed, so the same uid always gives the same UUID.
const ID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x7c3a_51e2_9d4b_4f0a_8e61_2b5d_c0f4_a913);

/// The UUID a service is exported under: its uid if that is a UUID (in its
/// canonical lower-case form), else a UUID v5 derived from the uid.
pub fn export_id(uid: &str) -> String {
    match uuid::Uuid::try_parse(uid.trim()) {
        Ok(u) => u.hyphenated().to_string(),
        Err(_) => derived_uuid(&[uid]),
    }
}

/// A UUID v5 from `parts` (joined with a separator no part holds).
pub fn derived_uuid(parts: &[&str]) -> String {
    uuid::Uuid::new_v5(&ID_NAMESPACE, parts.join("\u{1f}").as_bytes())
        .hyphenated()
        .to_string()
}

/// Whether `s` is a UUID as Open Referral wants it (hyphenated).
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36 && uuid::Uuid::try_parse(s).is_ok()
}

/// Months after which an unverified entry is flagged as stale, by default.
pub const STALE_AFTER_MONTHS: u32 = 12;

impl Service {
    /// Never verified, or verified longer ago than `months` (the staleness
    /// window, [`Rules::stale_months`](crate::setting::Rules)).
    pub fn is_stale(&self, today: NaiveDate, months: u32) -> bool {
        match self.last_verified_on {
            None => true,
            Some(d) => stale_cutoff(today, months).is_some_and(|cut| d < cut),
        }
    }
}

/// The day before which a verification is stale. Zero months is taken as
/// one: every entry stale at once helps nobody.
pub fn stale_cutoff(today: NaiveDate, months: u32) -> Option<NaiveDate> {
    today.checked_sub_months(Months::new(months.max(1)))
}

/// The service form and import rows as typed: every field a string.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceInput {
    pub uid: String,
    pub name: String,
    pub organisation: String,
    pub description: String,
    pub categories: String,
    pub area: String,
    pub address: String,
    pub postcode: String,
    pub phone: String,
    pub email: String,
    pub url: String,
    pub opening_times: String,
    pub eligibility: String,
    pub cost: String,
    pub how_to_refer: String,
    pub last_verified_on: String,
    pub status: String,
    pub source: String,
}

/// A web address: http(s):// (any case), a dotted host, no spaces.
pub fn looks_like_url(s: &str) -> bool {
    match url_rest(s) {
        Some((_, r)) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// The scheme (lower case) and what follows `://`, for http and https in any case.
fn url_rest(s: &str) -> Option<(&'static str, &str)> {
    ["https", "http"].into_iter().find_map(|scheme| {
        let n = scheme.len() + 3;
        let head = s.get(..n)?;
        head.eq_ignore_ascii_case(&format!("{scheme}://"))
            .then(|| (scheme, &s[n..]))
    })
}

/// A web address with its scheme in lower case (`HTTPS://x.org` -> `https://x.org`).
fn normal_url(s: &str) -> String {
    match url_rest(s) {
        Some((scheme, rest)) => format!("{scheme}://{rest}"),
        None => s.to_string(),
    }
}

/// An email address without a `mailto:` in front (any case).
fn normal_email(s: &str) -> &str {
    match s.get(..7) {
        Some(head) if head.eq_ignore_ascii_case("mailto:") => s[7..].trim(),
        _ => s,
    }
}

/// A phone number without the quote marks some feeds leave around it
/// (`"\"+44 1234 234567\""` in the official HSDS example).
fn normal_phone(s: &str) -> &str {
    s.trim()
        .trim_matches(|c| matches!(c, '"' | '\'' | '\u{201C}' | '\u{201D}' | '`'))
        .trim()
}

/// Words that may follow a phone number before its extension.
const EXTENSION_WORDS: [&str; 4] = ["extension", "ext.", "ext", "x"];

/// A service's phone number as real directories write them: a UK or
/// international number (digits with spaces, dashes, dots, brackets, a leading
/// +), or a UK short code of 3 to 6 digits (`111`, `116 123`, `999`); then
/// optionally an extension (`ext 204`, `x204`) and notes in brackets
/// (`(freephone)`). A national number (leading 0) has 10 or 11 digits, an
/// international one (+) 7 to 15; a number of only zeros is no number.
pub fn looks_like_service_phone(s: &str) -> bool {
    // Notes in brackets that hold letters: "(freephone)", "(24 hours)".
    let mut main = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        main.push_str(&rest[..open]);
        if !inner.chars().any(char::is_alphabetic) {
            main.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    main.push_str(rest);
    let lower = main.to_lowercase();
    let mut number = lower.trim();
    for word in EXTENSION_WORDS {
        if let Some(at) = lower.rfind(word) {
            let ext = lower[at + word.len()..].trim();
            let before = lower[..at].trim_end();
            let boundary = at == 0
                || !lower[..at].ends_with(|c: char| c.is_alphanumeric())
                || word == "x" && lower[..at].ends_with(|c: char| c.is_ascii_digit());
            if boundary
                && !before.is_empty()
                && (1..=6).contains(&ext.len())
                && ext.bytes().all(|b| b.is_ascii_digit())
            {
                number = before.trim_end_matches([',', ';', ' ']);
                break;
            }
        }
    }
    let chars_ok = number
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " -().".contains(c) || (c == '+' && i == 0));
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if !chars_ok || digits.is_empty() || digits.bytes().all(|b| b == b'0') {
        return false;
    }
    let n = digits.len();
    if number.starts_with('+') {
        (7..=15).contains(&n)
    } else if digits.starts_with("00") {
        (9..=17).contains(&n)
    } else if digits.starts_with('0') {
        (10..=11).contains(&n)
    } else {
        (3..=6).contains(&n) || (7..=15).contains(&n)
    }
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl ServiceInput {
    /// Every field by name, and whether it is long text (limited in bytes).
    fn limited_fields(&self) -> [(&'static str, &str, bool); 18] {
        [
            ("uid", &self.uid, false),
            ("name", &self.name, false),
            ("organisation", &self.organisation, false),
            ("description", &self.description, true),
            ("categories", &self.categories, false),
            ("area", &self.area, false),
            ("address", &self.address, true),
            ("postcode", &self.postcode, false),
            ("phone", &self.phone, false),
            ("email", &self.email, false),
            ("url", &self.url, false),
            ("opening_times", &self.opening_times, true),
            ("eligibility", &self.eligibility, true),
            ("cost", &self.cost, true),
            ("how_to_refer", &self.how_to_refer, true),
            ("last_verified_on", &self.last_verified_on, false),
            ("status", &self.status, false),
            ("source", &self.source, false),
        ]
    }

    pub fn from_service(s: &Service) -> ServiceInput {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        ServiceInput {
            uid: s.uid.clone(),
            name: s.name.clone(),
            organisation: o(&s.organisation),
            description: o(&s.description),
            categories: o(&s.categories),
            area: o(&s.area),
            address: o(&s.address),
            postcode: o(&s.postcode),
            phone: o(&s.phone),
            email: o(&s.email),
            url: o(&s.url),
            opening_times: o(&s.opening_times),
            eligibility: o(&s.eligibility),
            cost: o(&s.cost),
            how_to_refer: o(&s.how_to_refer),
            last_verified_on: s.last_verified_on.map(super::date::iso).unwrap_or_default(),
            status: if s.active { "active" } else { "inactive" }.into(),
            source: o(&s.source),
        }
    }

    /// Checks every field; all problems at once, each naming its field.
    /// `today` refuses verification dates in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<Service, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, message: String| errors.push(FieldError { field, message });
        for (field, value, bytes) in self.limited_fields() {
            let checked = if bytes {
                check_bytes(field, value, MAX_TEXT_BYTES)
            } else if matches!(field, "name" | "organisation") {
                check_chars(field, value, MAX_NAME_CHARS)
            } else {
                check_chars(field, value, MAX_FIELD_CHARS)
            };
            if let Err(e) = checked {
                fail(field, e);
            }
        }
        if is_blank(&self.name) {
            fail("name", "name is required".into());
        }
        let url = normal_url(self.url.trim());
        if !url.is_empty() && !looks_like_url(&url) {
            fail("url", "not a web address: use https://example.org/…".into());
        }
        let email = normal_email(self.email.trim());
        if !email.is_empty() && !looks_like_email(email) {
            fail("email", "not an email address: use name@example.org".into());
        }
        let phone = normal_phone(&self.phone);
        if !phone.is_empty() && !looks_like_service_phone(phone) {
            fail(
                "phone",
                "not a phone number: 10 or 11 digits from 0, +44 and up to 15, or a short \
                 code such as 111 or 116 123"
                    .into(),
            );
        }
        let mut verified = None;
        let v = self.last_verified_on.trim();
        if !v.is_empty() {
            match super::date::parse_date_or_datetime(v) {
                Some(d) if d > today => fail("last_verified_on", "cannot be in the future".into()),
                Some(d) => verified = Some(d),
                None => fail(
                    "last_verified_on",
                    format!(
                        "not a date: {}, or an ISO date-time; years from {}",
                        super::date::DATE_HINT,
                        super::date::MIN_YEAR
                    ),
                ),
            }
        }
        let active = match self.status.trim().to_lowercase().as_str() {
            "" | "active" => true,
            "inactive" | "closed" | "temporarily closed" | "defunct" => false,
            _ => {
                fail(
                    "status",
                    "status must be active, or inactive, closed, temporarily closed or defunct"
                        .into(),
                );
                true
            }
        };
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
        let categories = opt(&self.categories).map(|c| {
            c.split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(",")
        });
        Ok(Service {
            id: 0,
            uid: self.uid.trim().to_string(),
            name: self.name.trim().to_string(),
            organisation: opt(&self.organisation),
            description: opt(&self.description),
            categories: categories.filter(|c| !c.is_empty()),
            area: opt(&self.area),
            address: opt(&self.address),
            postcode: opt(&self.postcode),
            phone: opt(phone),
            email: opt(email),
            url: opt(&url),
            opening_times: opt(&self.opening_times),
            eligibility: opt(&self.eligibility),
            cost: opt(&self.cost),
            how_to_refer: opt(&self.how_to_refer),
            last_verified_on: verified,
            active,
            source: opt(&self.source),
            import_notes: None,
            source_extra: None,
        })
    }

    /// Like [`validate`](Self::validate), but a field that fails its check
    /// does not refuse the record: it is left empty, and its raw value and
    /// the reason are kept in the service's `import_notes` and returned as a
    /// [`Fix`]. Only a missing or unusable name refuses the record.
    pub fn validate_tolerant(&self, today: NaiveDate) -> Result<Tolerant, Vec<FieldError>> {
        let mut input = self.clone();
        let mut fixes = Vec::new();
        // Control characters (an escape sequence, a bidi override) would run
        // in a terminal that shows the entry or a file that holds it.
        // (NUL is refused by the checks below, as everywhere.)
        for (field, value, _) in self.limited_fields() {
            let cleaned = super::text::for_file(value);
            if cleaned == value || value.contains('\0') {
                continue;
            }
            let cleaned = cleaned.into_owned();
            if let Some(slot) = input.field_mut(field) {
                slot.clone_from(&cleaned);
            }
            fixes.push(Fix {
                field: field.into(),
                raw: value.to_string(),
                problem: "control characters: shown as symbols".into(),
                cleaned: Some(cleaned),
            });
        }
        let url = input.url.trim();
        if url.len() > 4 && url.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) {
            let cleaned = format!("https://{url}");
            fixes.push(Fix {
                field: "url".into(),
                raw: std::mem::replace(&mut input.url, cleaned.clone()),
                problem: "no http:// or https://".into(),
                cleaned: Some(cleaned),
            });
        }
        // Values cleaned to pass their check are listed too (the feed's
        // maintainer should learn of them), unless the check fails anyway.
        let (phone, email, url) = (input.phone.trim(), input.email.trim(), input.url.trim());
        let cleanups = [
            (
                "phone",
                phone,
                normal_phone(phone).to_string(),
                "in quote marks",
            ),
            (
                "email",
                email,
                normal_email(email).to_string(),
                "a mailto: in front",
            ),
            ("url", url, normal_url(url), "the scheme in capitals"),
        ];
        for (field, raw, cleaned, problem) in cleanups {
            let passes = match field {
                "phone" => looks_like_service_phone(&cleaned),
                "email" => looks_like_email(&cleaned),
                _ => looks_like_url(&cleaned),
            };
            if cleaned != raw && passes {
                fixes.push(Fix {
                    field: field.into(),
                    raw: raw.to_string(),
                    problem: problem.into(),
                    cleaned: Some(cleaned),
                });
            }
        }
        // A date-time is taken as its day: the time is news to drop.
        let verified = input.last_verified_on.trim();
        if super::date::parse_iso_or_uk(verified).is_none()
            && let Some(day) = super::date::parse_date_or_datetime(verified).filter(|d| *d <= today)
        {
            fixes.push(Fix {
                field: "last_verified_on".into(),
                raw: verified.to_string(),
                problem: "a date and time: only the date is kept".into(),
                cleaned: Some(super::date::iso(day)),
            });
        }
        let errors = match input.validate(today) {
            Ok(mut service) => {
                service.import_notes = import_notes(&fixes);
                return Ok(Tolerant { service, fixes });
            }
            Err(errors) => errors,
        };
        if errors.iter().any(|e| e.field == "name") {
            return Err(errors.into_iter().filter(|e| e.field == "name").collect());
        }
        let mut cleared = input;
        // A field left empty is listed once, for why it was left empty.
        fixes.retain(|f| !errors.iter().any(|e| e.field == f.field));
        for e in errors {
            let Some(slot) = cleared.field_mut(e.field) else {
                continue;
            };
            // The value as it came, controls and all (notes keep it quoted).
            let raw = std::mem::take(slot);
            let raw = self.field(e.field).map_or(raw, str::to_string);
            fixes.push(Fix {
                field: e.field.to_string(),
                raw,
                problem: e.message,
                cleaned: None,
            });
        }
        let mut service = cleared.validate(today)?;
        service.import_notes = import_notes(&fixes);
        Ok(Tolerant { service, fixes })
    }

    /// A field's text by its name (as in [`ServiceInput`]).
    pub fn field(&self, field: &str) -> Option<&str> {
        Some(match field {
            "uid" => &self.uid,
            "name" => &self.name,
            "organisation" => &self.organisation,
            "description" => &self.description,
            "categories" => &self.categories,
            "area" => &self.area,
            "address" => &self.address,
            "postcode" => &self.postcode,
            "phone" => &self.phone,
            "email" => &self.email,
            "url" => &self.url,
            "opening_times" => &self.opening_times,
            "eligibility" => &self.eligibility,
            "cost" => &self.cost,
            "how_to_refer" => &self.how_to_refer,
            "last_verified_on" => &self.last_verified_on,
            "status" => &self.status,
            "source" => &self.source,
            _ => return None,
        })
    }

    fn field_mut(&mut self, field: &str) -> Option<&mut String> {
        Some(match field {
            "uid" => &mut self.uid,
            "name" => &mut self.name,
            "organisation" => &mut self.organisation,
            "description" => &mut self.description,
            "categories" => &mut self.categories,
            "area" => &mut self.area,
            "address" => &mut self.address,
            "postcode" => &mut self.postcode,
            "phone" => &mut self.phone,
            "email" => &mut self.email,
            "url" => &mut self.url,
            "opening_times" => &mut self.opening_times,
            "eligibility" => &mut self.eligibility,
            "cost" => &mut self.cost,
            "how_to_refer" => &mut self.how_to_refer,
            "last_verified_on" => &mut self.last_verified_on,
            "status" => &mut self.status,
            "source" => &mut self.source,
            _ => return None,
        })
    }
}

/// A record accepted by [`ServiceInput::validate_tolerant`], and what was
/// done to its fields on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Tolerant {
    pub service: Service,
    pub fixes: Vec<Fix>,
}

/// One field that failed its check or was changed to pass it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// Our field name, or where in the file it was (`phones[0].number`).
    pub field: String,
    /// The value as it came.
    pub raw: String,
    pub problem: String,
    /// What it became; `None` when it was left empty (the raw value is then
    /// in the service's `import_notes`).
    pub cleaned: Option<String>,
}

/// The `import_notes` of a record: one line per field left empty.
pub fn import_notes(fixes: &[Fix]) -> Option<String> {
    let lines: Vec<String> = fixes
        .iter()
        .filter(|f| f.cleaned.is_none())
        .map(|f| {
            let raw: String = f.raw.chars().take(MAX_NOTE_VALUE_CHARS).collect();
            format!("{}: {:?} ({})", f.field, raw, f.problem)
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The fields a source record said nothing about (their keys were absent,
/// as in a list view that gives only a summary): an import keeps what is
/// stored for them. An explicit `null` or empty list is not absent: it
/// clears the field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Absent(pub Vec<&'static str>);

impl Absent {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `new` with the stored value (from `old`) of every absent field.
    pub fn keep_stored(&self, new: &Service, old: &Service) -> Service {
        let mut s = new.clone();
        for field in &self.0 {
            match *field {
                "organisation" => s.organisation.clone_from(&old.organisation),
                "description" => s.description.clone_from(&old.description),
                "categories" => s.categories.clone_from(&old.categories),
                "area" => s.area.clone_from(&old.area),
                "address" => s.address.clone_from(&old.address),
                "postcode" => s.postcode.clone_from(&old.postcode),
                "phone" => s.phone.clone_from(&old.phone),
                "email" => s.email.clone_from(&old.email),
                "url" => s.url.clone_from(&old.url),
                "opening_times" => s.opening_times.clone_from(&old.opening_times),
                "eligibility" => s.eligibility.clone_from(&old.eligibility),
                "cost" => s.cost.clone_from(&old.cost),
                "how_to_refer" => s.how_to_refer.clone_from(&old.how_to_refer),
                "last_verified_on" => s.last_verified_on = old.last_verified_on,
                "status" => s.active = old.active,
                _ => {}
            }
        }
        if !self.is_empty() {
            s.source_extra = merged_extra(old.source_extra.as_deref(), new.source_extra.as_deref());
        }
        s
    }
}

/// The kept source of a record that left parts out: the new one, with the
/// stored one's parts and other keys the new one does not have (the layout
/// is `io::oruk`'s: an object of `other` keys and a list of `parts` with a
/// `key` each). Anything else keeps the new one.
fn merged_extra(old: Option<&str>, new: Option<&str>) -> Option<String> {
    use serde_json::Value;
    let parse = |t: Option<&str>| match t.map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Object(m))) => Some(m),
        _ => None,
    };
    let Some(old) = parse(old) else {
        return new.map(str::to_string);
    };
    let mut merged = parse(new).unwrap_or_default();
    let mut added = false;
    if let Some(Value::Object(other)) = old.get("other") {
        let entry = merged
            .entry("other")
            .or_insert_with(|| Value::Object(Default::default()));
        if let Value::Object(mine) = entry {
            for (k, v) in other {
                if !mine.contains_key(k) {
                    mine.insert(k.clone(), v.clone());
                    added = true;
                }
            }
        }
    }
    if let Some(Value::Array(parts)) = old.get("parts") {
        let entry = merged
            .entry("parts")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(mine) = entry {
            let key = |p: &Value| p.get("key").cloned();
            let have: Vec<Option<Value>> = mine.iter().map(key).collect();
            for p in parts {
                if !have.contains(&key(p)) {
                    mine.push(p.clone());
                    added = true;
                }
            }
        }
    }
    if !added {
        // Nothing of the stored one is missing: the new one as it came.
        return new.map(str::to_string);
    }
    serde_json::to_string(&Value::Object(merged)).ok()
}

/// Raw values kept in `import_notes` are cut to this many characters.
const MAX_NOTE_VALUE_CHARS: usize = 300;

impl Service {
    /// The categories as a list.
    pub fn category_list(&self) -> Vec<&str> {
        self.categories
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// Same content, ignoring the database id (for import comparisons).
    pub fn same_content(&self, other: &Service) -> bool {
        Service {
            id: 0,
            ..self.clone()
        } == Service {
            id: 0,
            ..other.clone()
        }
    }
}

/// Where a person is with a service. No blame: trying and stopping are both fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionStatus {
    Suggested,
    Referred,
    Attended,
    Declined,
    DidNotAttend,
    Ended,
}

impl ConnectionStatus {
    pub const ALL: [ConnectionStatus; 6] = [
        ConnectionStatus::Suggested,
        ConnectionStatus::Referred,
        ConnectionStatus::Attended,
        ConnectionStatus::Declined,
        ConnectionStatus::DidNotAttend,
        ConnectionStatus::Ended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionStatus::Suggested => "suggested",
            ConnectionStatus::Referred => "referred",
            ConnectionStatus::Attended => "attended",
            ConnectionStatus::Declined => "declined",
            ConnectionStatus::DidNotAttend => "did_not_attend",
            ConnectionStatus::Ended => "ended",
        }
    }

    pub fn parse(s: &str) -> Option<ConnectionStatus> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }

    /// Still connected (counts towards "connected now" on the service).
    pub fn is_current(self) -> bool {
        matches!(
            self,
            ConnectionStatus::Suggested | ConnectionStatus::Referred | ConnectionStatus::Attended
        )
    }

    /// Where it can go next: suggested -> referred -> attended / declined /
    /// did_not_attend -> ended; a declined or missed service can be tried again.
    pub fn next(self) -> &'static [ConnectionStatus] {
        use ConnectionStatus::*;
        match self {
            Suggested => &[Referred, Declined, Ended],
            Referred => &[Attended, Declined, DidNotAttend, Ended],
            Attended => &[Ended, DidNotAttend],
            Declined => &[Suggested, Referred, Ended],
            DidNotAttend => &[Referred, Attended, Ended],
            Ended => &[Suggested, Referred],
        }
    }
}

/// One dated step in a connection's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConnectionEvent {
    pub status: ConnectionStatus,
    pub on: NaiveDate,
    pub note: Option<String>,
}

/// A person's connection to a service, with its history (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Connection {
    pub id: i64,
    pub person_id: i64,
    pub service_id: i64,
    pub service_name: String,
    pub status: ConnectionStatus,
    pub status_on: NaiveDate,
    pub note: Option<String>,
    pub history: Vec<ConnectionEvent>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn validation_names_every_bad_field() {
        let input = ServiceInput {
            url: "example.org".into(),
            email: "nope".into(),
            phone: "12".into(),
            last_verified_on: "2030-01-01".into(),
            status: "gone".into(),
            ..Default::default()
        };
        let errors = input.validate(today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "name",
                "url",
                "email",
                "phone",
                "last_verified_on",
                "status"
            ]
        );
    }

    #[test]
    fn valid_input_is_trimmed() {
        let s = ServiceInput {
            name: " Food bank ".into(),
            categories: "food, , money ".into(),
            url: "https://food.example.org/x".into(),
            last_verified_on: "01/11/2026".into(),
            ..Default::default()
        }
        .validate(today())
        .unwrap();
        assert_eq!(s.name, "Food bank");
        assert_eq!(s.categories.as_deref(), Some("food,money"));
        assert!(s.active);
        assert_eq!(s.last_verified_on, NaiveDate::from_ymd_opt(2026, 11, 1));
    }

    #[test]
    fn real_phone_numbers_pass_and_nonsense_does_not() {
        for ok in [
            "0113 496 0000",
            "+44 113 496 0000",
            "(0113) 496 0000",
            "111",
            "999",
            "116 123",
            "116117",
            "0131 665 0135 ext 204",
            "0131 665 0135 ext. 204",
            "0131 665 0135 x204",
            "0800 123 4567 (freephone)",
            "0800 123 4567 (Freephone, 24 hours)",
            "020 7946 0000",
            "0044 20 7946 0000",
        ] {
            assert!(looks_like_service_phone(ok), "{ok}");
        }
        for bad in [
            "0000000000000",
            "000",
            "12",
            "0113 496",
            "01134960000000",
            "call us",
            "(freephone)",
            "ext 204",
            "+44 113 496 0000 0000 0000",
            "0113\u{1b}496 0000",
        ] {
            assert!(!looks_like_service_phone(bad), "{bad}");
        }
    }

    #[test]
    fn values_are_normalised_before_their_checks() {
        let s = ServiceInput {
            name: "Choir".into(),
            phone: "\"+44 1234 234567\"".into(),
            url: "HTTPS://Choir.example.org/Join".into(),
            email: "mailto:sing@choir.example.org".into(),
            last_verified_on: "2018-11-30 12:43:20.953659+00:00".into(),
            status: "Temporarily closed".into(),
            ..Default::default()
        }
        .validate(today())
        .unwrap();
        assert_eq!(s.phone.as_deref(), Some("+44 1234 234567"));
        assert_eq!(s.url.as_deref(), Some("https://Choir.example.org/Join"));
        assert_eq!(s.email.as_deref(), Some("sing@choir.example.org"));
        assert_eq!(s.last_verified_on, NaiveDate::from_ymd_opt(2018, 11, 30));
        assert!(!s.active);
        for status in ["closed", "defunct", "inactive", "INACTIVE"] {
            let input = ServiceInput {
                name: "x".into(),
                status: status.into(),
                ..Default::default()
            };
            assert!(!input.validate(today()).unwrap().active, "{status}");
        }
        for date in [
            "2026-10-01T09:30:00Z",
            "2026-10-01T09:30:00+01:00",
            "2026-10-01 09:30",
        ] {
            let input = ServiceInput {
                name: "x".into(),
                last_verified_on: date.into(),
                ..Default::default()
            };
            let got = input.validate(today()).unwrap().last_verified_on;
            assert_eq!(got, NaiveDate::from_ymd_opt(2026, 10, 1), "{date}");
        }
        for date in [
            "1899-12-31",
            "-2018-11-30",
            "2027-01-01",
            "2026-10-01Tnoon",
            "2026-10-01T09:30:00+1",
        ] {
            let input = ServiceInput {
                name: "x".into(),
                last_verified_on: date.into(),
                ..Default::default()
            };
            assert!(input.validate(today()).is_err(), "{date}");
        }
    }

    #[test]
    fn a_bare_www_address_gets_https_with_a_warning() {
        let t = ServiceInput {
            name: "Choir".into(),
            url: "www.choir.example.org".into(),
            phone: "12".into(),
            ..Default::default()
        }
        .validate_tolerant(today())
        .unwrap();
        assert_eq!(
            t.service.url.as_deref(),
            Some("https://www.choir.example.org")
        );
        assert_eq!(t.fixes.len(), 2);
        assert_eq!(
            t.fixes[0].cleaned.as_deref(),
            Some("https://www.choir.example.org")
        );
        assert_eq!(t.fixes[1].field, "phone");
        assert_eq!(t.fixes[1].cleaned, None);
        let notes = t.service.import_notes.unwrap();
        assert!(notes.starts_with("phone: \"12\""), "{notes}");
        assert!(
            !notes.contains("www"),
            "a cleaned value needs no note: {notes}"
        );
    }

    #[test]
    fn connection_steps() {
        use ConnectionStatus::*;
        assert!(Suggested.next().contains(&Referred));
        assert!(!Suggested.next().contains(&Attended));
        assert!(Referred.next().contains(&DidNotAttend));
        assert!(Declined.next().contains(&Suggested));
        assert_eq!(
            ConnectionStatus::parse("did_not_attend"),
            Some(DidNotAttend)
        );
        assert!(!Ended.is_current());
    }

    #[test]
    fn size_limits_and_nul_name_the_field() {
        let input = ServiceInput {
            name: "\0Food bank".into(),
            description: "d".repeat(20_000),
            ..Default::default()
        };
        let errors = input.validate(today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "description"]);
        assert!(errors[0].message.contains("NUL"), "{:?}", errors[0]);
        assert!(errors[1].message.contains("too long"), "{:?}", errors[1]);
    }
}
