//! Open Referral UK / HSDS 3.0 services as JSON (the `/services/{id}` object of
//! the UK profile: organization, service_at_locations -> location -> addresses,
//! phones, schedules, attributes -> taxonomy_term, cost_options, service_areas,
//! assured_date, status). Accepts one service object, an array of them, or a
//! paged `/services` response (`contents`). A service's feed `id` becomes its
//! uid, so re-importing a feed updates instead of duplicating.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};

use super::{Import, ImportError, Place, Problem, derived_uid};
use crate::domain::service::{
    Absent, Fix, Service, ServiceInput, derived_uuid, export_id, import_notes, is_uuid,
};

/// A value kept as its JSON text: ids and numbers stay exactly as written
/// (a 30-digit id is not rounded through a float), and a value of the wrong
/// kind is reported instead of refusing the record.
type Raw = Box<RawValue>;

// The HSDS 3.0 / UK profile service, as far as we read it. Every field is
// optional; lists of the wrong shape are reported with their path by
// serde_path_to_error and left out (see `typed`).

#[derive(Deserialize, Default)]
#[serde(default)]
struct OService {
    id: Option<Raw>,
    name: Option<Raw>,
    description: Option<Raw>,
    url: Option<Raw>,
    email: Option<Raw>,
    status: Option<Raw>,
    assured_date: Option<Raw>,
    eligibility_description: Option<Raw>,
    application_process: Option<Raw>,
    minimum_age: Option<Raw>,
    maximum_age: Option<Raw>,
    fees_description: Option<Raw>,
    fees: Option<Raw>,
    organization: Option<OOrg>,
    attributes: Option<Vec<OAttribute>>,
    taxonomy_terms: Option<Vec<OTerm>>,
    service_taxonomys: Option<Vec<OServiceTaxonomy>>,
    service_at_locations: Option<Vec<OServiceAtLocation>>,
    service_areas: Option<Vec<OArea>>,
    phones: Option<Vec<OPhone>>,
    contacts: Option<Vec<OContact>>,
    schedules: Option<Vec<OSchedule>>,
    regular_schedules: Option<Vec<OSchedule>>,
    cost_options: Option<Vec<OCost>>,
    eligibilitys: Option<Vec<OEligibility>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OOrg {
    id: Option<Raw>,
    name: Option<Raw>,
    description: Option<Raw>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OAttribute {
    id: Option<Raw>,
    taxonomy_term_id: Option<Raw>,
    taxonomy_term: Option<OTerm>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OTerm {
    id: Option<Raw>,
    name: Option<Raw>,
    description: Option<Raw>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OServiceTaxonomy {
    taxonomy: Option<OTerm>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OServiceAtLocation {
    id: Option<Raw>,
    location: Option<OLocation>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OLocation {
    id: Option<Raw>,
    location_type: Option<Raw>,
    phones: Option<Vec<OPhone>>,
    addresses: Option<Vec<OAddress>>,
    physical_addresses: Option<Vec<OAddress>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OAddress {
    id: Option<Raw>,
    address_1: Option<Raw>,
    address_2: Option<Raw>,
    city: Option<Raw>,
    state_province: Option<Raw>,
    postal_code: Option<Raw>,
    country: Option<Raw>,
    address_type: Option<Raw>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OArea {
    id: Option<Raw>,
    name: Option<Raw>,
    service_area: Option<Raw>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OPhone {
    id: Option<Raw>,
    number: Option<Raw>,
    extension: Option<Raw>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OContact {
    email: Option<Raw>,
    phones: Option<Vec<OPhone>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OSchedule {
    id: Option<Raw>,
    description: Option<Raw>,
    byday: Option<Raw>,
    weekday: Option<Raw>,
    opens_at: Option<Raw>,
    closes_at: Option<Raw>,
    freq: Option<Raw>,
    notes: Option<Raw>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OCost {
    id: Option<Raw>,
    option: Option<Raw>,
    amount_description: Option<Raw>,
    amount: Option<Raw>,
    currency: Option<Raw>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OEligibility {
    eligibility: Option<Raw>,
    minimum_age: Option<Raw>,
    maximum_age: Option<Raw>,
}

/// One record being read: where it is, and what could not be taken as it came.
struct Rec {
    index: usize,
    fixes: Vec<Fix>,
}

impl Rec {
    fn fatal(&self, field: &str, message: impl Into<String>) -> ImportError {
        ImportError::Record {
            index: self.index,
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// Text (a number or true/false is taken as written; null or blank is None).
    /// A list or object where text belongs is left out and reported.
    fn text(&mut self, v: &Option<Raw>, path: &str) -> Option<String> {
        let raw = v.as_ref()?.get().trim();
        match raw.as_bytes().first() {
            Some(b'"') => serde_json::from_str::<String>(raw)
                .ok()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            Some(b'[' | b'{') => {
                self.fixes.push(Fix {
                    field: path.to_string(),
                    raw: raw.to_string(),
                    problem: "expected text".into(),
                    cleaned: None,
                });
                None
            }
            Some(b'n') | None => None,
            Some(_) => Some(raw.to_string()),
        }
    }
}

fn at(path: &str, i: usize, key: &str) -> String {
    format!("{path}[{i}].{key}")
}

/// The records of a file, as JSON text each: one service object, an array
/// of them, or a page (`contents`, or `content` in the first ORUK standard).
/// The records of a file, and the page count a paged response gives.
fn records(text: &str) -> Result<(Vec<&RawValue>, Option<u64>), ImportError> {
    let not_json = |e: serde_json::Error| ImportError::Line {
        line: e.line() as u64,
        message: format!("not valid JSON ({})", json_reason(&e)),
    };
    // Reading raw values does not count nesting; serde_json's own limit
    // (128, a guard against stack overflow) applies when records are typed.
    if let Some(line) = too_deep(text) {
        return Err(ImportError::Line {
            line,
            message: "not valid JSON (nested too deeply: more than 128 levels of lists and \
                      objects)"
                .into(),
        });
    }
    let whole: &RawValue = serde_json::from_str(text).map_err(not_json)?;
    match whole.get().as_bytes().first() {
        Some(b'[') => Ok((serde_json::from_str(whole.get()).map_err(not_json)?, None)),
        Some(b'{') => {
            let fields: std::collections::HashMap<String, &RawValue> =
                serde_json::from_str(whole.get()).map_err(not_json)?;
            // HSDS 3 pages say total_pages; the first ORUK API totalPages.
            let pages = fields
                .get("total_pages")
                .or_else(|| fields.get("totalPages"))
                .and_then(|n| n.get().trim().parse::<u64>().ok());
            match fields.get("contents").or_else(|| fields.get("content")) {
                Some(list) => Ok((
                    serde_json::from_str(list.get()).map_err(|_| {
                        ImportError::File("'contents' is not a list of services".into())
                    })?,
                    pages,
                )),
                None => Ok((vec![whole], None)),
            }
        }
        _ => Err(ImportError::File(
            "expected a service object, a list of services, or a page with 'contents'".into(),
        )),
    }
}

/// The line where lists and objects first nest more than 128 deep, if they do.
fn too_deep(text: &str) -> Option<u64> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0u32, 1u64, false, false);
    for b in text.bytes() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            b'\n' => line += 1,
            b'[' | b'{' if !in_string => {
                depth += 1;
                if depth > 128 {
                    return Some(line);
                }
            }
            b']' | b'}' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Parses a feed file. A file that is not JSON, not services, or has a
/// service without a name is refused whole, naming the record (1-based, in
/// file order) and the field. Anything else that fails its check is left out
/// (its raw value kept in the entry's import notes) and listed in
/// [`Import::problems`] with the record and the field's path; records
/// repeating an id are merged, the last one kept.
pub fn parse(bytes: &[u8], today: NaiveDate) -> Result<Import, ImportError> {
    let mut import = Import::default();
    parse_into(&mut import, bytes, today, None)?;
    Ok(import)
}

/// What one page of a paged `/services` response held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub records: usize,
    /// `total_pages` (or `totalPages`), if the response said.
    pub total_pages: Option<u64>,
    /// The ids of records that left fields out and have an id of their own:
    /// summaries, whose whole record a pull can ask for by that id.
    pub summaries: Vec<String>,
}

/// [`parse`] into `import`, which may hold earlier pages (an id repeated
/// from one is merged). With `page`, problems name it ("page 2, record 5").
pub fn parse_into(
    import: &mut Import,
    bytes: &[u8],
    today: NaiveDate,
    page: Option<u32>,
) -> Result<Page, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        ImportError::Line {
            line: line as u64,
            message: "not UTF-8 text; save the file as UTF-8".into(),
        }
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::File("the file is empty".into()));
    }
    let mut refused = Vec::new();
    let mut summaries = Vec::new();
    let (list, total_pages) = records(text)?;
    let count = list.len();
    for (i, raw) in list.into_iter().enumerate() {
        let mut rec = Rec {
            index: i + 1,
            fixes: Vec::new(),
        };
        if !raw.get().starts_with('{') {
            refused.push(rec.fatal("(record)", "expected a service object"));
            continue;
        }
        // A record that cannot be imported refuses the file, but the others
        // are still read, so the message names every such record.
        let read = typed(&mut rec, raw.get())
            .and_then(|(o, text)| Ok((service(&mut rec, &o, today)?, text)));
        let ((mut service, paths), text) = match read {
            Ok(r) => r,
            Err(e) => {
                refused.push(e);
                continue;
            }
        };
        service.import_notes = import_notes(&rec.fixes);
        service.source_extra = extra(&text, &service, &paths, &rec.fixes);
        let place = match page {
            Some(page) => Place::PageRecord(page, rec.index),
            None => Place::Record(rec.index),
        };
        import
            .problems
            .extend(rec.fixes.iter().map(|f| Problem::from_fix(place, f)));
        let absent = absent(raw.get());
        let own_id = !rec.fixes.iter().any(|f| f.field == "id");
        if !absent.is_empty() && own_id && !summaries.contains(&service.uid) {
            summaries.push(service.uid.clone());
        }
        import.push_absent(service, absent, place, "id");
    }
    match ImportError::all(refused) {
        Some(e) => Err(e),
        None => Ok(Page {
            records: count,
            total_pages,
            summaries,
        }),
    }
}

/// Our fields and the keys of a record any of which gives them.
const SOURCES: [(&str, &[&str]); 15] = [
    ("organisation", &["organization"]),
    ("description", &["description"]),
    (
        "categories",
        &["attributes", "taxonomy_terms", "service_taxonomys"],
    ),
    ("area", &["service_areas", "service_at_locations"]),
    ("address", &["service_at_locations"]),
    ("postcode", &["service_at_locations"]),
    ("phone", &["phones", "contacts", "service_at_locations"]),
    ("email", &["email", "contacts"]),
    ("url", &["url"]),
    ("opening_times", &["schedules", "regular_schedules"]),
    (
        "eligibility",
        &[
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "eligibilitys",
        ],
    ),
    ("cost", &["cost_options", "fees_description", "fees"]),
    ("how_to_refer", &["application_process"]),
    ("last_verified_on", &["assured_date"]),
    ("status", &["status"]),
];

/// The fields a record says nothing about: none of their keys is there (a
/// key with `null` or an empty list is there, and clears the field).
fn absent(record: &str) -> Absent {
    let Ok(keys) =
        serde_json::from_str::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(record)
    else {
        return Absent::default();
    };
    Absent(
        SOURCES
            .iter()
            .filter(|(_, from)| !from.iter().any(|k| keys.contains_key(*k)))
            .map(|(field, _)| *field)
            .collect(),
    )
}

/// The record as typed structs. A part of the wrong shape (`phones` a
/// string, a phone that is a number) is reported with its path and taken
/// out, and the record read again; only the record itself and its name are
/// beyond repair.
fn typed(rec: &mut Rec, raw: &str) -> Result<(OService, String), ImportError> {
    let mut text = raw.to_string();
    // Each round takes one part out; a record has far fewer bad parts.
    for _ in 0..256 {
        let mut de = serde_json::Deserializer::from_str(&text);
        let e = match serde_path_to_error::deserialize::<_, OService>(&mut de) {
            Ok(o) => return Ok((o, text)),
            Err(e) => e,
        };
        let path = e.path().to_string();
        let reason = serde_reason(e.inner());
        if path == "." || path == "name" {
            return Err(rec.fatal(&path.replace('.', "(record)"), reason));
        }
        let mut value: Value = serde_json::from_str(&text)
            .map_err(|_| rec.fatal(&path, format!("{reason}, and cannot be left out")))?;
        let removed = take(&mut value, e.path()).ok_or_else(|| rec.fatal(&path, reason.clone()))?;
        rec.fixes.push(Fix {
            field: path,
            raw: removed.to_string(),
            problem: reason,
            cleaned: None,
        });
        text = value.to_string();
    }
    Err(rec.fatal("(record)", "too many parts of the wrong shape"))
}

/// Takes the part at `path` out of `value` (an object key removed, a list
/// item removed), returning it.
fn take(value: &mut Value, path: &serde_path_to_error::Path) -> Option<Value> {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let (last, parents) = segments.split_last()?;
    let mut here = value;
    for s in parents {
        here = match s {
            Segment::Seq { index } => here.get_mut(*index)?,
            Segment::Map { key } => here.get_mut(key.as_str())?,
            _ => return None,
        };
    }
    match last {
        Segment::Seq { index } => {
            let list = here.as_array_mut()?;
            (*index < list.len()).then(|| list.remove(*index))
        }
        Segment::Map { key } => here.as_object_mut()?.remove(key.as_str()),
        _ => None,
    }
}

/// serde's message without the position (the path says where) and in plain words.
fn serde_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    if text.contains("expected a sequence") {
        "expected a list".into()
    } else if text.contains("expected struct") {
        "expected an object".into()
    } else if text.starts_with("invalid type") {
        "a value of the wrong kind".into()
    } else {
        text.to_string()
    }
}

fn json_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "it ends too early".into(),
        // serde_json stops at 128 levels of nesting (a guard against stack
        // overflow); no real feed nests more than about ten.
        Category::Syntax if e.to_string().starts_with("recursion limit exceeded") => {
            "nested too deeply (more than 128 levels of lists and objects)".into()
        }
        Category::Syntax => format!("syntax error at column {}", e.column()),
        Category::Data => "unexpected value".into(),
        Category::Io => "cannot read".into(),
    }
}

const DAYS: [(&str, &str); 7] = [
    ("MO", "Mon"),
    ("TU", "Tue"),
    ("WE", "Wed"),
    ("TH", "Thu"),
    ("FR", "Fri"),
    ("SA", "Sat"),
    ("SU", "Sun"),
];

/// A schedule as a person would write it: its description, or "Mon, Wed 10:00-12:00".
fn schedule_text(rec: &mut Rec, s: &OSchedule, path: &str) -> Option<String> {
    let p = |k: &str| format!("{path}.{k}");
    if let Some(d) = rec.text(&s.description, &p("description")) {
        return Some(d);
    }
    let days = rec.text(&s.byday, &p("byday")).map(|b| {
        b.split(',')
            .map(|d| {
                let code = d
                    .trim()
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
                DAYS.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(code))
                    .map_or(d.trim().to_string(), |(_, v)| v.to_string())
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let days = days.or_else(|| rec.text(&s.weekday, &p("weekday")));
    let hhmm = |t: Option<String>| t.map(|t| t.get(..5).unwrap_or(&t).to_string());
    let opens = hhmm(rec.text(&s.opens_at, &p("opens_at")));
    let closes = hhmm(rec.text(&s.closes_at, &p("closes_at")));
    let times = match (opens, closes) {
        (Some(o), Some(c)) => Some(format!("{o}-{c}")),
        (o, c) => o.or(c),
    };
    let freq = rec.text(&s.freq, &p("freq"));
    let mut parts: Vec<String> = Vec::new();
    if let Some(d) = days {
        parts.push(d);
    } else if freq.is_some_and(|f| f.eq_ignore_ascii_case("daily")) {
        parts.push("Daily".into());
    }
    parts.extend(times);
    parts.extend(rec.text(&s.notes, &p("notes")));
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn list<T>(v: &Option<Vec<T>>) -> &[T] {
    v.as_deref().unwrap_or(&[])
}

/// Where each of our fields was read: (field, path in the record).
type Paths = Vec<(&'static str, String)>;

fn service(rec: &mut Rec, o: &OService, today: NaiveDate) -> Result<(Service, Paths), ImportError> {
    if o.name
        .as_ref()
        .is_some_and(|n| n.get().starts_with(['[', '{']))
    {
        return Err(rec.fatal("name", "expected text"));
    }
    let name = rec
        .text(&o.name, "name")
        .ok_or_else(|| rec.fatal("name", "a service needs a name"))?;
    let organisation = o
        .organization
        .as_ref()
        .and_then(|org| rec.text(&org.name, "organization.name"));

    // Categories: HSDS 3 attributes -> taxonomy_term, or a plain taxonomy_terms list.
    let mut categories: Vec<String> = Vec::new();
    for (i, a) in list(&o.attributes).iter().enumerate() {
        if let Some(term) = &a.taxonomy_term
            && let Some(n) = rec.text(&term.name, &at("attributes", i, "taxonomy_term.name"))
        {
            categories.push(n);
        }
    }
    for (i, t) in list(&o.taxonomy_terms).iter().enumerate() {
        categories.extend(rec.text(&t.name, &at("taxonomy_terms", i, "name")));
    }
    // The first ORUK standard: service_taxonomys -> taxonomy.
    for (i, t) in list(&o.service_taxonomys).iter().enumerate() {
        if let Some(tax) = &t.taxonomy {
            categories.extend(rec.text(&tax.name, &at("service_taxonomys", i, "taxonomy.name")));
        }
    }
    let mut unique = Vec::new();
    for c in categories {
        let c = c.replace(',', " ");
        if !unique.contains(&c) {
            unique.push(c);
        }
    }

    // Address and postcode: the first physical address of the first location.
    let (mut address, mut postcode, mut city) = (None, None, None);
    let mut location_phone = None;
    let mut paths: Paths = Vec::new();
    'found: for (i, sal) in list(&o.service_at_locations).iter().enumerate() {
        let Some(loc) = &sal.location else {
            continue;
        };
        let path = format!("service_at_locations[{i}].location");
        for (k, p) in list(&loc.phones).iter().enumerate() {
            if location_phone.is_none() {
                let here = at(&format!("{path}.phones"), k, "number");
                location_phone = rec.text(&p.number, &here).map(|n| (n, here));
            }
        }
        // HSDS 3: addresses (typed); the first ORUK standard: physical_addresses.
        let (key, addresses) = match &loc.addresses {
            Some(a) => ("addresses", a.as_slice()),
            None => ("physical_addresses", list(&loc.physical_addresses)),
        };
        let mut chosen = None;
        for (j, a) in addresses.iter().enumerate() {
            let kind = rec.text(
                &a.address_type,
                &at(&format!("{path}.{key}"), j, "address_type"),
            );
            if chosen.is_none() || kind.as_deref() == Some("physical") {
                chosen = Some((j, a));
            }
        }
        if let Some((j, a)) = chosen {
            let path = format!("{path}.{key}[{j}]");
            let lines: Vec<String> = [(&a.address_1, "address_1"), (&a.address_2, "address_2")]
                .into_iter()
                .filter_map(|(v, k)| rec.text(v, &format!("{path}.{k}")))
                .collect();
            address = (!lines.is_empty()).then(|| lines.join(", "));
            postcode = rec.text(&a.postal_code, &format!("{path}.postal_code"));
            city = rec.text(&a.city, &format!("{path}.city"));
            paths.push(("address", format!("{path}.address_1")));
            paths.push(("postcode", format!("{path}.postal_code")));
            break 'found;
        }
    }
    let area = match list(&o.service_areas).first() {
        Some(a) => {
            paths.push(("area", "service_areas[0].name".into()));
            rec.text(&a.name, "service_areas[0].name")
                .or_else(|| rec.text(&a.service_area, "service_areas[0].service_area"))
        }
        None => None,
    }
    .or(city);

    // Phone: the service's own, else a contact's, else the location's.
    let mut phone: Option<(String, String)> = None;
    for (i, p) in list(&o.phones).iter().enumerate() {
        if phone.is_none() {
            let here = at("phones", i, "number");
            phone = rec.text(&p.number, &here).map(|n| (n, here));
        }
    }
    let mut contact_email = None;
    for (i, c) in list(&o.contacts).iter().enumerate() {
        if contact_email.is_none() {
            let here = at("contacts", i, "email");
            contact_email = rec.text(&c.email, &here).map(|e| (e, here));
        }
        for (k, p) in list(&c.phones).iter().enumerate() {
            if phone.is_none() {
                let here = at(&format!("contacts[{i}].phones"), k, "number");
                phone = rec.text(&p.number, &here).map(|n| (n, here));
            }
        }
    }
    let phone = phone.or(location_phone);
    if let Some((_, here)) = &phone {
        paths.push(("phone", here.clone()));
    }

    let mut opening = Vec::new();
    for (key, schedules) in [
        ("schedules", &o.schedules),
        ("regular_schedules", &o.regular_schedules),
    ] {
        for (i, s) in list(schedules).iter().enumerate() {
            opening.extend(schedule_text(rec, s, &format!("{key}[{i}]")));
        }
    }

    let mut costs = Vec::new();
    for (i, c) in list(&o.cost_options).iter().enumerate() {
        let path = format!("cost_options[{i}]");
        let option = rec.text(&c.option, &format!("{path}.option"));
        let described = rec.text(&c.amount_description, &format!("{path}.amount_description"));
        let amount = rec
            .text(&c.amount, &format!("{path}.amount"))
            .and_then(|a| match amount(&a) {
                Ok(n) => Some(n),
                Err(problem) => {
                    rec.fixes.push(Fix {
                        field: format!("{path}.amount"),
                        raw: a,
                        problem: problem.into(),
                        cleaned: None,
                    });
                    None
                }
            });
        let currency = rec.text(&c.currency, &format!("{path}.currency"));
        let priced = amount.map(|a| match (a == 0.0, currency.as_deref()) {
            (true, _) => "Free".to_string(),
            (false, None | Some("GBP")) => format!("£{a:.2}").replace(".00", ""),
            (false, Some(cur)) => format!("{a:.2} {cur}"),
        });
        let text = match (priced, described) {
            (Some(p), Some(d)) if !d.contains(&p) => format!("{p} {d}"),
            (_, Some(d)) => d,
            (Some(p), None) => p,
            (None, None) => continue,
        };
        costs.push(match option {
            Some(opt) => format!("{text} ({opt})"),
            None => text,
        });
    }
    let cost = if costs.is_empty() {
        rec.text(&o.fees_description, "fees_description")
            .or_else(|| rec.text(&o.fees, "fees"))
    } else {
        Some(costs.join("; "))
    };

    // HSDS 3: eligibility_description or ages on the service; the first ORUK
    // standard: an eligibilitys list with ages.
    let mut eligibility = match rec.text(&o.eligibility_description, "eligibility_description") {
        Some(e) => Some(e),
        None => ages(rec, &o.minimum_age, &o.maximum_age, ""),
    };
    for (i, e) in list(&o.eligibilitys).iter().enumerate() {
        if eligibility.is_none() {
            let path = format!("eligibilitys[{i}]");
            eligibility = rec
                .text(&e.eligibility, &format!("{path}.eligibility"))
                .or_else(|| ages(rec, &e.minimum_age, &e.maximum_age, &format!("{path}.")));
        }
    }

    let last_verified_on = rec
        .text(&o.assured_date, "assured_date")
        .unwrap_or_default();
    let status = rec.text(&o.status, "status").unwrap_or_default();
    let email = rec
        .text(&o.email, "email")
        .map(|e| (e, "email".to_string()))
        .or(contact_email);
    if let Some((_, here)) = &email {
        paths.push(("email", here.clone()));
    }
    let id = rec.text(&o.id, "id");
    let input = ServiceInput {
        uid: id.clone().unwrap_or_default(),
        name,
        organisation: organisation.unwrap_or_default(),
        description: rec.text(&o.description, "description").unwrap_or_default(),
        categories: unique.join(","),
        area: area.unwrap_or_default(),
        address: address.unwrap_or_default(),
        postcode: postcode.unwrap_or_default(),
        phone: phone.map(|p| p.0).unwrap_or_default(),
        email: email.map(|e| e.0).unwrap_or_default(),
        url: rec.text(&o.url, "url").unwrap_or_default(),
        opening_times: opening.join("; "),
        eligibility: eligibility.unwrap_or_default(),
        cost: cost.unwrap_or_default(),
        how_to_refer: rec
            .text(&o.application_process, "application_process")
            .unwrap_or_default(),
        last_verified_on,
        status,
        source: "oruk".into(),
    };
    let checked = input
        .validate_tolerant(today)
        .map_err(|errors| match errors.first() {
            Some(e) => rec.fatal(oruk_field(e.field, &paths), e.message.clone()),
            None => rec.fatal("(record)", "not a valid service"),
        })?;
    for mut fix in checked.fixes {
        fix.field = oruk_field(&fix.field, &paths).to_string();
        rec.fixes.push(fix);
    }
    let mut service = checked.service;
    if id.is_none() {
        // A service needs an id to be updated by the next import: one is
        // derived from what identifies it, as for CSV rows without a uid.
        service.uid = derived_uid(
            "oruk",
            &[
                &service.name,
                service.organisation.as_deref().unwrap_or(""),
                service.postcode.as_deref().unwrap_or(""),
            ],
        );
        rec.fixes.push(Fix {
            field: "id".into(),
            raw: String::new(),
            problem: "a service needs an id".into(),
            cleaned: Some(service.uid.clone()),
        });
    }
    Ok((service, paths))
}

/// Amounts above this are typing or export errors, not prices.
const MAX_AMOUNT: f64 = 1_000_000.0;

/// A cost amount: a plain number from 0 to [`MAX_AMOUNT`] (not `NaN`, `inf`,
/// `1e400` or 310 digits, which a float would take as infinite).
fn amount(text: &str) -> Result<f64, &'static str> {
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    match text.parse::<f64>() {
        Ok(n) if plain && n.is_finite() && (0.0..=MAX_AMOUNT).contains(&n) => Ok(n),
        Ok(_) if plain => Err("not a sensible amount: expected 0 to 1000000"),
        _ => Err("expected a number"),
    }
}

/// "Ages 18 to 65" from minimum_age / maximum_age.
fn ages(rec: &mut Rec, min: &Option<Raw>, max: &Option<Raw>, path: &str) -> Option<String> {
    let min = rec.text(min, &format!("{path}minimum_age"));
    let max = rec.text(max, &format!("{path}maximum_age"));
    match (min, max) {
        (Some(a), Some(b)) => Some(format!("Ages {a} to {b}")),
        (Some(a), None) => Some(format!("Ages {a} and over")),
        (None, Some(b)) => Some(format!("Ages up to {b}")),
        (None, None) => None,
    }
}

/// The feed's name for one of our fields, for messages: where it was read.
fn oruk_field<'a>(field: &'a str, paths: &'a [(&'static str, String)]) -> &'a str {
    if let Some((_, p)) = paths.iter().find(|(f, _)| *f == field) {
        return p;
    }
    match field {
        "last_verified_on" => "assured_date",
        "organisation" => "organization.name",
        "how_to_refer" => "application_process",
        "eligibility" => "eligibility_description",
        "opening_times" => "schedules",
        "categories" => "attributes",
        "cost" => "cost_options",
        other => other,
    }
}

// What a feed said that we do not model is kept with the service
// (`Service::source_extra`, this JSON) so an export gives it back:
// - `other`: the top-level keys we do not read (languages, funding, fees,
//   accreditations, alert, ...), as they came;
// - `parts`: the parts we read (organization, attributes, locations, phones,
//   schedules, ...), as they came, with the values of our fields they gave.
//   An export uses a part as it came while those fields still hold the same
//   values, and writes the part from our fields once they were edited.

#[derive(serde::Serialize, Deserialize, Default)]
struct Extra {
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    other: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    parts: Vec<Part>,
}

#[derive(serde::Serialize, Deserialize)]
struct Part {
    key: String,
    /// (our field, its value at import) for the fields this part gave.
    gave: Vec<(String, String)>,
    raw: Value,
}

/// Our fields each HSDS 3 part of a service can give.
const PARTS: [(&str, &[&str]); 14] = [
    ("organization", &["organisation"]),
    ("attributes", &["categories"]),
    (
        "service_at_locations",
        &["address", "postcode", "phone", "area"],
    ),
    ("service_areas", &["area"]),
    ("phones", &["phone"]),
    ("contacts", &["email", "phone"]),
    ("schedules", &["opening_times"]),
    ("cost_options", &["cost"]),
    ("fees_description", &["cost"]),
    ("fees", &["cost"]),
    ("status", &["status"]),
    ("minimum_age", &["eligibility"]),
    ("maximum_age", &["eligibility"]),
    ("eligibility_description", &["eligibility"]),
];

/// Keys we write from our own fields, or that belong to the first ORUK
/// standard (not HSDS 3): never kept as they came.
const OURS: [&str; 11] = [
    "id",
    "assured_date",
    "name",
    "description",
    "url",
    "email",
    "application_process",
    "taxonomy_terms",
    "service_taxonomys",
    "regular_schedules",
    "eligibilitys",
];

/// A kept source larger than this is not kept (the export is then written
/// from our fields alone): no real service record comes near it.
const MAX_EXTRA_BYTES: usize = 64 * 1024;

/// The `source_extra` of a service read from `text` (the record as typed,
/// with parts of the wrong shape already taken out).
fn extra(text: &str, s: &Service, paths: &Paths, fixes: &[Fix]) -> Option<String> {
    let Ok(Value::Object(record)) = serde_json::from_str::<Value>(text) else {
        return None;
    };
    let input = ServiceInput::from_service(s);
    let mut extra = Extra::default();
    for (key, mut value) in record {
        if OURS.contains(&key.as_str()) || value.is_null() {
            continue;
        }
        // Kept as an export will write it (ids as UUIDs, required fields
        // present), so importing our own export finds nothing changed.
        complete(&mut value, &key, &s.uid);
        // A part with a problem in it is written from our fields instead.
        // (A value only cleaned, such as a phone in quote marks, keeps it.)
        if fixes.iter().any(|f| {
            f.cleaned.is_none()
                && (f.field == key
                    || f.field.starts_with(&format!("{key}."))
                    || f.field.starts_with(&format!("{key}[")))
        }) {
            continue;
        }
        match PARTS.iter().find(|(k, _)| *k == key) {
            None => {
                extra.other.insert(key, value);
            }
            Some((_, fields)) => {
                let gave = fields
                    .iter()
                    .filter(|f| gave_field(&key, f, paths))
                    .map(|f| (f.to_string(), input.field(f).unwrap_or("").to_string()))
                    .collect();
                extra.parts.push(Part {
                    key,
                    gave,
                    raw: value,
                });
            }
        }
    }
    let text = serde_json::to_string(&extra).ok()?;
    (text.len() <= MAX_EXTRA_BYTES && text != "{}").then_some(text)
}

/// Whether `field` was read from the part `key` of the record.
fn gave_field(key: &str, field: &str, paths: &Paths) -> bool {
    match paths.iter().find(|(f, _)| *f == field) {
        Some((_, path)) => path.starts_with(key),
        // Fields without a recorded path come from one part only.
        None => !matches!(field, "phone" | "email" | "area" | "address" | "postcode"),
    }
}

/// Serialises services as an array of HSDS 3.0 / ORUK service objects,
/// valid against the official compiled schemas of HSDS 3.0 and the UK
/// profile: every id a UUID (the source's, else derived from the uid), every
/// required field present, and what the source said that we do not model
/// given back while the fields it gave are unchanged.
pub fn to_json(services: &[Service]) -> Value {
    Value::Array(services.iter().map(service_json).collect())
}

/// One service as an HSDS 3.0 / ORUK service object: the item
/// [`to_json`] gives for it, the `/services/{id}` document of the API.
pub fn service_json(s: &Service) -> Value {
    let mut o = ours(s);
    let kept: Extra = s
        .source_extra
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    if !kept.parts.is_empty() || !kept.other.is_empty() {
        let input = ServiceInput::from_service(s);
        let (mut ages, mut described) = (false, false);
        let mut applied: Vec<&str> = Vec::new();
        for part in kept.parts {
            let same = part
                .gave
                .iter()
                .all(|(f, v)| input.field(f).unwrap_or("") == v);
            if same {
                let mut raw = part.raw;
                if part.key == "phones"
                    && let Some(p) = &s.phone
                {
                    // The number as we cleaned it (no quote marks).
                    set_first_number(&mut raw, p);
                }
                ages |= part.key.ends_with("imum_age");
                described |= part.key == "eligibility_description";
                if let Some((k, _)) = PARTS.iter().find(|(k, _)| *k == part.key) {
                    applied.push(k);
                }
                o.insert(part.key, raw);
            }
        }
        // Eligibility read from the ages goes back as the ages alone.
        if ages && !described {
            o.remove("eligibility_description");
        }
        for (k, v) in kept.other {
            o.entry(k).or_insert(v);
        }
        // An area read from the address's city goes back as the city alone.
        if !applied.contains(&"service_areas") && s.area.is_some() && first_city(&o) == s.area {
            o.remove("service_areas");
        }
    }
    let mut v = Value::Object(o);
    complete(&mut v, "", &s.uid);
    v
}

/// The city of the address an import reads (the first physical one, else
/// the first, of the first location), as the import would read it.
fn first_city(o: &Map<String, Value>) -> Option<String> {
    let sals = o.get("service_at_locations")?.as_array()?;
    for sal in sals {
        let Some(loc) = sal.get("location") else {
            continue;
        };
        let list = loc
            .get("addresses")
            .or_else(|| loc.get("physical_addresses"))
            .and_then(Value::as_array)?;
        let chosen = list
            .iter()
            .find(|a| a.get("address_type").and_then(Value::as_str) == Some("physical"))
            .or(list.first())?;
        return chosen
            .get("city")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
    }
    None
}

/// Sets the number of the first phone that has one.
fn set_first_number(phones: &mut Value, number: &str) {
    if let Some(list) = phones.as_array_mut() {
        for p in list {
            if let Some(obj) = p.as_object_mut()
                && obj.get("number").is_some_and(|n| !n.is_null())
            {
                obj.insert("number".into(), json!(number));
                return;
            }
        }
    }
}

/// The service from our fields alone.
fn ours(s: &Service) -> Map<String, Value> {
    let uid = s.uid.as_str();
    let id = |what: &str| derived_uuid(&[uid, what]);
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        if !v.is_null() {
            o.insert(k.to_string(), v);
        }
    };
    put("id", json!(export_id(uid)));
    put("name", json!(s.name));
    put("description", json!(s.description));
    put("url", json!(s.url));
    put("email", json!(s.email));
    put(
        "status",
        json!(if s.active { "active" } else { "inactive" }),
    );
    put(
        "assured_date",
        json!(s.last_verified_on.map(crate::domain::date::iso)),
    );
    put("eligibility_description", json!(s.eligibility));
    put("application_process", json!(s.how_to_refer));
    if let Some(org) = &s.organisation {
        put(
            "organization",
            json!({"id": derived_uuid(&["organization", org]), "name": org, "description": ""}),
        );
    }
    if let Some(p) = &s.phone {
        put("phones", json!([{"id": id("phone"), "number": p}]));
    }
    if let Some(t) = &s.opening_times {
        put(
            "schedules",
            json!([{"id": id("schedule"), "description": t}]),
        );
    }
    if let Some(c) = &s.cost {
        put(
            "cost_options",
            json!([{"id": id("cost"), "amount_description": c}]),
        );
    }
    if let Some(a) = &s.area {
        put("service_areas", json!([{"id": id("area"), "name": a}]));
    }
    let cats = s.category_list();
    if !cats.is_empty() {
        let attrs: Vec<Value> = cats
            .iter()
            .map(|c| {
                let term = derived_uuid(&["taxonomy_term", c]);
                json!({
                    "id": derived_uuid(&[uid, "attribute", c]),
                    "taxonomy_term_id": term,
                    "taxonomy_term": {"id": term, "name": c, "description": c},
                })
            })
            .collect();
        put("attributes", Value::Array(attrs));
    }
    if s.address.is_some() || s.postcode.is_some() {
        put(
            "service_at_locations",
            json!([{
                "id": id("service_at_location"),
                "location": {
                    "id": id("location"),
                    "location_type": "physical",
                    "addresses": [{
                        "id": id("address"),
                        "address_type": "physical",
                        "address_1": s.address.as_deref().unwrap_or(""),
                        "city": "",
                        "state_province": "",
                        "postal_code": s.postcode.as_deref().unwrap_or(""),
                        "country": "GB",
                    }],
                },
            }]),
        );
    }
    o
}

/// Objects whose ids are shared between services (the same organisation or
/// term in many), so a derived id depends on the source's id alone.
const SHARED: [&str; 6] = [
    "organization",
    "taxonomy_term",
    "taxonomy_detail",
    "taxonomy",
    "location",
    "program",
];

/// Makes a kept part valid: every id a UUID (the source's kept, else derived
/// from it: shared things from the id alone, the service's own parts from
/// the uid and the id), every object that needs one given an id, and the
/// other required fields present (as empty text when the source had none).
fn complete(v: &mut Value, parent: &str, uid: &str) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                if let Value::Object(o) = item
                    && !o.contains_key("id")
                {
                    o.insert(
                        "id".into(),
                        json!(derived_uuid(&[uid, parent, &i.to_string()])),
                    );
                }
                complete(item, parent, uid);
            }
        }
        Value::Object(o) => {
            let defaults: &[(&str, &str)] = match parent {
                "organization" | "taxonomy_term" | "taxonomy_detail" | "program" | "programs" => {
                    &[("name", ""), ("description", "")]
                }
                "location" | "locations" => &[("location_type", "physical")],
                "addresses" => &[
                    ("address_1", ""),
                    ("city", ""),
                    ("state_province", ""),
                    ("postal_code", ""),
                    ("country", "GB"),
                    ("address_type", "physical"),
                ],
                "phones" => &[("number", "")],
                _ => &[],
            };
            for (k, d) in defaults {
                if !o.get(*k).is_some_and(Value::is_string) {
                    o.insert((*k).into(), json!(d));
                }
            }
            if SHARED.contains(&parent) && !o.contains_key("id") {
                let name = o.get("name").and_then(Value::as_str).unwrap_or("");
                o.insert("id".into(), json!(derived_uuid(&[parent, name])));
            }
            for (k, item) in o.iter_mut() {
                if k == "id" || k.ends_with("_id") {
                    if let Value::String(id) = item
                        && !is_uuid(id)
                    {
                        *id = if (parent.is_empty() && k == "id") || id == uid {
                            export_id(uid)
                        } else if k != "id" || SHARED.contains(&parent) {
                            derived_uuid(&["id", id])
                        } else {
                            derived_uuid(&[uid, "id", id])
                        };
                    }
                } else {
                    complete(item, k, uid);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn err(text: &str) -> String {
        parse(text.as_bytes(), today()).unwrap_err().to_string()
    }

    const FULL: &str = r#"{
      "id": "ac148810-d857-441c-9679-408f346de14b",
      "name": "Community Counselling",
      "description": "Counselling for adults.",
      "url": "http://example.com/counselling",
      "email": "email@example.com",
      "status": "active",
      "assured_date": "2026-05-01",
      "minimum_age": 18,
      "organization": {"id": "d9d5e0f5", "name": "Example Trust"},
      "phones": [{"id": "p1", "number": "0113 496 0000"}],
      "schedules": [{"id": "s1", "byday": "MO,WE", "opens_at": "10:00:00", "closes_at": "12:00:00"}],
      "cost_options": [{"id": "c1", "amount": 35, "currency": "GBP", "amount_description": "per 1 hour session"}],
      "attributes": [{"id": "a1", "taxonomy_term": {"id": "t1", "name": "Mental health"}},
                     {"id": "a2", "taxonomy_term": {"id": "t2", "name": "Counselling"}}],
      "service_at_locations": [{"id": "sl1", "location": {"id": "l1", "addresses": [
         {"id": "ad0", "address_1": "PO Box 1", "address_type": "postal"},
         {"id": "ad1", "address_1": "1 High Street", "city": "Leeds", "postal_code": "LS1 1AA", "address_type": "physical"}]}}]
    }"#;

    #[test]
    fn reads_a_full_service() {
        let s = parse(FULL.as_bytes(), today()).unwrap().services.remove(0);
        assert_eq!(s.uid, "ac148810-d857-441c-9679-408f346de14b");
        assert_eq!(s.organisation.as_deref(), Some("Example Trust"));
        assert_eq!(s.categories.as_deref(), Some("Mental health,Counselling"));
        assert_eq!(s.opening_times.as_deref(), Some("Mon, Wed 10:00-12:00"));
        assert_eq!(s.cost.as_deref(), Some("£35 per 1 hour session"));
        assert_eq!(s.address.as_deref(), Some("1 High Street"));
        assert_eq!(s.postcode.as_deref(), Some("LS1 1AA"));
        assert_eq!(s.area.as_deref(), Some("Leeds"));
        assert_eq!(s.eligibility.as_deref(), Some("Ages 18 and over"));
        assert_eq!(s.last_verified_on, NaiveDate::from_ymd_opt(2026, 5, 1));
        assert!(s.active);
    }

    #[test]
    fn accepts_array_and_paged_shapes_and_round_trips() {
        let one = parse(FULL.as_bytes(), today()).unwrap().services;
        let arr = parse(format!("[{FULL}]").as_bytes(), today())
            .unwrap()
            .services;
        let page = format!(r#"{{"total_items": 1, "page_number": 1, "contents": [{FULL}]}}"#);
        assert_eq!(one, arr);
        assert_eq!(one, parse(page.as_bytes(), today()).unwrap().services);
        let out = serde_json::to_vec(&to_json(&one)).unwrap();
        assert_eq!(parse(&out, today()).unwrap().services, one);
    }

    #[test]
    fn reads_the_first_oruk_standard_too() {
        let page = r#"{"totalElements": 1, "number": 1, "content": [{
            "id": 42, "name": "Chair Yoga", "status": "active",
            "organization": {"id": "o", "name": "Age Well"},
            "service_taxonomys": [{"id": "x", "taxonomy": {"id": "t", "name": "Physical activity"}}],
            "regular_schedules": [{"id": "r", "weekday": "Tuesday", "opens_at": "10:00", "closes_at": "11:00"}],
            "eligibilitys": [{"id": "e", "minimum_age": 55}],
            "service_at_locations": [{"id": "s", "location": {"id": "l",
                "physical_addresses": [{"id": "p", "address_1": "5 Quarry Street", "city": "Leeds", "postal_code": "LS2 7HX"}]}}]
        }]}"#;
        let s = parse(page.as_bytes(), today()).unwrap().services.remove(0);
        assert_eq!(s.uid, "42");
        assert_eq!(s.categories.as_deref(), Some("Physical activity"));
        assert_eq!(s.opening_times.as_deref(), Some("Tuesday 10:00-11:00"));
        assert_eq!(s.eligibility.as_deref(), Some("Ages 55 and over"));
        assert_eq!(s.postcode.as_deref(), Some("LS2 7HX"));
        assert_eq!(s.area.as_deref(), Some("Leeds"));
    }

    #[test]
    fn bad_records_name_the_index_and_field() {
        let e = err(r#"[{"id": "a", "name": "A"}, {"id": "b"}]"#);
        assert_eq!(
            e,
            "record 2, field name: a service needs a name; nothing imported"
        );
        let e = err(r#"[{"id": "a", "name": ["A"]}]"#);
        assert!(e.starts_with("record 1, field name: expected text"), "{e}");
        assert!(err("[1,").starts_with("line 1: not valid JSON"));
        assert!(err("42").contains("expected a service object"));
        assert!(err("[42]").contains("record 1, field (record): expected a service object"));
        let e = parse(b"[\n{\"name\": \"\xff\"}]", today()).unwrap_err();
        assert!(e.to_string().starts_with("line 2: not UTF-8"), "{e}");
    }

    fn problems(text: &str) -> (Vec<Service>, Vec<String>) {
        let import = parse(text.as_bytes(), today()).unwrap();
        let shown = import.problems.iter().map(|p| p.to_string()).collect();
        (import.services, shown)
    }

    #[test]
    fn bad_fields_are_left_out_and_every_one_is_reported() {
        let (s, p) = problems(
            r#"[{"id": "a", "name": "A", "assured_date": "yesterday", "url": "nope",
                 "phones": [{"number": 5}, 7], "contacts": "x",
                 "organization": {"name": {"x": 1}}}]"#,
        );
        assert_eq!(s.len(), 1);
        let expected = [
            "record 1, field phones[1], value '7': expected an object",
            "record 1, field contacts, value '\"x\"': expected a list",
            "record 1, field organization.name, value '{\"x\":1}': expected text",
            "record 1, field url, value 'nope': not a web address",
            "record 1, field phones[0].number, value '5': not a phone number",
            "record 1, field assured_date, value 'yesterday': not a date",
        ];
        assert_eq!(p.len(), expected.len(), "{p:#?}");
        for e in expected {
            assert!(p.iter().any(|l| l.starts_with(e)), "{e} in {p:#?}");
        }
        let notes = s[0].import_notes.as_deref().unwrap();
        assert!(notes.contains("url: \"nope\""), "{notes}");
        assert_eq!(s[0].url, None);
        assert_eq!(
            s[0].phone.as_deref(),
            None,
            "5 is no phone number: left empty"
        );
    }

    #[test]
    fn ids_stay_text_and_nonsense_amounts_are_refused() {
        let (s, p) = problems(
            r#"[{"id": 123456789012345678901234567890, "name": "A",
                 "cost_options": [{"amount": 1e400}, {"amount": "NaN"}, {"amount": -3},
                                  {"amount": 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000},
                                  {"amount": 2.5, "currency": "GBP"}]},
                {"id": 123456789012345678901234567891, "name": "B"}]"#,
        );
        assert_eq!(s.len(), 2, "two ids, not one after rounding");
        assert_eq!(s[0].uid, "123456789012345678901234567890");
        assert_eq!(s[1].uid, "123456789012345678901234567891");
        assert_eq!(s[0].cost.as_deref(), Some("£2.50"));
        assert_eq!(p.len(), 4, "{p:#?}");
        assert!(
            p[0].starts_with(
                "record 1, field cost_options[0].amount, value '1e400': not a sensible amount"
            ),
            "{p:#?}"
        );
        assert!(
            p[1].starts_with(
                "record 1, field cost_options[1].amount, value 'NaN': expected a number"
            ),
            "{p:#?}"
        );
        assert!(
            p[2].contains("cost_options[2].amount, value '-3': not a sensible amount"),
            "{p:#?}"
        );
        assert!(p[3].contains("cost_options[3].amount"), "{p:#?}");
    }

    #[test]
    fn repeated_ids_are_merged_the_last_one_kept() {
        let (s, p) = problems(
            r#"[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "a", "name": "C"}]"#,
        );
        assert_eq!(
            s.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["C", "B"]
        );
        assert_eq!(
            p,
            [
                "record 3, field id, value 'a': the same id as record 1; merged: this record replaces the one at record 1"
            ]
        );
    }

    #[test]
    fn deep_nesting_says_so() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = err(&deep);
        assert!(e.contains("nested too deeply"), "{e}");
        assert!(!e.contains("column 128"), "{e}");
    }
}
