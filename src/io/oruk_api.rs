//! The pages of the Open Referral UK API (HSDS 3.0 with the UK profile,
//! `schema/openapi.json` of OpenReferralUK/uk-profile, vendored here as
//! `oruk_openapi.json`), built from the directory by pure functions: the
//! server (`caseload serve`) only moves bytes. A service is the same
//! document as `directory export --format oruk` gives, under the same id, so
//! `directory pull` from the API gives back the same services.
//!
//! Only the directory goes in: a [`Catalogue`] is built from services alone.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::NaiveDateTime;
use serde_json::{Map, Value, json};

use super::oruk::service_json;
use crate::domain::search::SearchIndex;
use crate::domain::service::{Service, export_id};
use crate::domain::words::Thesaurus;

/// The OpenAPI file of the UK profile, byte for byte (CC BY-SA 4.0, see
/// tests/fixtures/oruk/README.md).
pub const OPENAPI_JSON: &str = include_str!("oruk_openapi.json");
/// The HSDS version the API serves.
pub const HSDS_VERSION: &str = "3.0";
/// Where the profile is described (the `profile` of `GET /`).
pub const PROFILE: &str = "https://github.com/OpenReferralUK/uk-profile";
/// The most items a page can hold (what the profile's clients ask at most).
pub const MAX_PER_PAGE: u64 = 100;
/// Items on a page when `per_page` is not given.
pub const DEFAULT_PER_PAGE: u64 = 50;
/// The furthest `proximity` (metres) a query can ask for.
pub const MAX_PROXIMITY: f64 = 1_000_000.0;

/// A request the API cannot answer: 400 (bad parameters) or 404 (no such
/// path or id). The message names the parameter, never directory data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 404,
            message: message.into(),
        }
    }

    /// The JSON body of the error response.
    pub fn body(&self) -> Value {
        json!({"code": self.status, "message": self.message})
    }
}

/// What a path answers with.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Json(Value),
    /// The OpenAPI file itself ([`OPENAPI_JSON`]).
    OpenApi,
}

/// A location of a service, for `postcode` and `proximity`.
#[derive(Debug, Clone, Default)]
struct Place {
    /// Upper case, no spaces.
    postcode: Option<String>,
    /// Latitude and longitude, where the source gave them.
    point: Option<(f64, f64)>,
}

/// One service and what the filters ask of it, read from its document.
struct Entry {
    service: Service,
    modified: Option<NaiveDateTime>,
    terms: Vec<String>,
    taxonomies: Vec<String>,
    /// One per `service_at_locations` item, in order.
    places: Vec<Place>,
}

/// The directory as the API serves it: built once per change of the
/// directory (the server watches the store's change counter), then shared
/// by every request.
pub struct Catalogue {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    sal_by_id: HashMap<String, (usize, usize)>,
    terms: BTreeMap<String, Value>,
    taxonomies: BTreeMap<String, Value>,
    thesaurus: Thesaurus,
    /// The active services' positions and their search index (built on the
    /// first `search=`), as the app and `directory search` build it.
    active_index: OnceLock<(Vec<usize>, SearchIndex)>,
    all_index: OnceLock<SearchIndex>,
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn number(v: &Value, key: &str) -> Option<f64> {
    match v.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

/// Upper case without spaces: "ls1 1aa" and "LS11AA" are one postcode.
fn postcode_key(p: &str) -> String {
    p.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Times as the store writes them (local, to the second).
fn local_time(t: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t.get(..19).unwrap_or(t), f).ok())
}

impl Catalogue {
    /// The catalogue of `services` (in the order listed: by name), each
    /// with when it last changed. `thesaurus` is the one the app searches with.
    pub fn new(services: Vec<(Service, Option<String>)>, thesaurus: &Thesaurus) -> Catalogue {
        let mut cat = Catalogue {
            entries: Vec::with_capacity(services.len()),
            by_id: HashMap::new(),
            sal_by_id: HashMap::new(),
            terms: BTreeMap::new(),
            taxonomies: BTreeMap::new(),
            thesaurus: thesaurus.clone(),
            active_index: OnceLock::new(),
            all_index: OnceLock::new(),
        };
        for (service, modified) in services {
            let doc = service_json(&service);
            let id = text(&doc, "id")
                .map(str::to_string)
                .unwrap_or_else(|| export_id(&service.uid));
            let n = cat.entries.len();
            let mut entry = Entry {
                modified: modified.as_deref().and_then(local_time),
                service,
                terms: Vec::new(),
                taxonomies: Vec::new(),
                places: Vec::new(),
            };
            for attr in items(&doc, "attributes") {
                let term = attr.get("taxonomy_term");
                let term_id =
                    text(attr, "taxonomy_term_id").or_else(|| term.and_then(|t| text(t, "id")));
                if let Some(term_id) = term_id {
                    entry.terms.push(term_id.to_string());
                }
                let Some(term) = term.filter(|t| t.is_object()) else {
                    continue;
                };
                let taxonomy = cat.taxonomy_of(term);
                if let Some(t) = taxonomy {
                    entry.taxonomies.push(t);
                }
                if let Some(tid) = text(term, "id") {
                    cat.terms
                        .entry(tid.to_string())
                        .or_insert_with(|| term.clone());
                }
            }
            for (i, sal) in items(&doc, "service_at_locations").iter().enumerate() {
                let location = sal.get("location").unwrap_or(&Value::Null);
                let postcode = items(location, "addresses")
                    .iter()
                    .filter_map(|a| text(a, "postal_code"))
                    .map(postcode_key)
                    .find(|p| !p.is_empty());
                let point = number(location, "latitude").zip(number(location, "longitude"));
                entry.places.push(Place { postcode, point });
                if let Some(sal_id) = text(sal, "id") {
                    cat.sal_by_id.entry(sal_id.to_string()).or_insert((n, i));
                }
            }
            // The first of a repeated id is the one served (ids are unique
            // in a directory the app wrote).
            cat.by_id.entry(id).or_insert(n);
            cat.entries.push(entry);
        }
        cat
    }

    /// The taxonomy a term belongs to, kept in the catalogue's list.
    fn taxonomy_of(&mut self, term: &Value) -> Option<String> {
        let detail = term.get("taxonomy_detail").filter(|d| d.is_object());
        let id = text(term, "taxonomy_id").or_else(|| detail.and_then(|d| text(d, "id")))?;
        let value = match detail {
            Some(d) => d.clone(),
            None => {
                let name = text(term, "taxonomy").unwrap_or("");
                json!({"id": id, "name": name, "description": name})
            }
        };
        self.taxonomies.entry(id.to_string()).or_insert(value);
        Some(id.to_string())
    }

    /// How many services it holds, active or not.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn entry(&self, id: &str) -> Option<usize> {
        self.by_id
            .get(id)
            .or_else(|| self.by_id.get(&export_id(id)))
            .copied()
    }

    /// Positions of the services matching `query`, best first, among
    /// those `status` lets through: the app's own ranking.
    fn search(&self, query: &str, status: Status) -> Vec<usize> {
        if status == Status::Active {
            let (positions, index) = self.active_index.get_or_init(|| {
                let positions: Vec<usize> = (0..self.entries.len())
                    .filter(|&i| self.entries[i].service.active)
                    .collect();
                let services: Vec<Service> = positions
                    .iter()
                    .map(|&i| self.entries[i].service.clone())
                    .collect();
                let index = SearchIndex::for_services(&services, &self.thesaurus);
                (positions, index)
            });
            return index
                .search(query)
                .iter()
                .filter_map(|h| positions.get(h.index as usize).copied())
                .collect();
        }
        let index = self.all_index.get_or_init(|| {
            let services: Vec<Service> = self.entries.iter().map(|e| e.service.clone()).collect();
            SearchIndex::for_services(&services, &self.thesaurus)
        });
        index
            .search(query)
            .iter()
            .map(|h| h.index as usize)
            .filter(|&i| i < self.entries.len() && status.admits(self.entries[i].service.active))
            .collect()
    }
}

/// Which services a list shows: active ones unless asked (`status=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Active,
    Inactive,
    All,
}

impl Status {
    fn admits(self, active: bool) -> bool {
        match self {
            Status::Active => active,
            Status::Inactive => !active,
            Status::All => true,
        }
    }
}

/// The query string, decoded: each parameter once.
#[derive(Debug, Default)]
struct Query(BTreeMap<String, String>);

/// `%XX` and `+` decoded; text that is not UTF-8 once decoded is refused.
fn decode(s: &str, what: &str) -> Result<String, ApiError> {
    let bad = || ApiError::bad(format!("{what} is not valid percent-encoded UTF-8"));
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or_else(bad)?;
                let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| bad())
}

/// A parameter name for an error message: short and printable.
fn shown(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| c.is_ascii_graphic())
        .take(40)
        .collect();
    format!("'{clean}'")
}

impl Query {
    fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Query, ApiError> {
        let mut q = Query::default();
        for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = decode(k, "a parameter name")?;
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter {}; this path takes {}",
                    shown(&k),
                    if allowed.is_empty() {
                        "none".to_string()
                    } else {
                        allowed.join(", ")
                    }
                )));
            }
            let v = decode(v, &format!("the value of {k}"))?;
            if q.0.insert(k.clone(), v).is_some() {
                return Err(ApiError::bad(format!("{k} is given more than once")));
            }
        }
        Ok(q)
    }

    fn get(&self, k: &str) -> Option<&str> {
        self.0.get(k).map(String::as_str)
    }

    /// A text parameter; empty counts as not given.
    fn text(&self, k: &str) -> Option<&str> {
        self.get(k).map(str::trim).filter(|v| !v.is_empty())
    }

    fn whole(&self, k: &str, min: u64, max: u64, default: u64) -> Result<u64, ApiError> {
        match self.get(k) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| ApiError::bad(format!("{k} must be a whole number {min} to {max}"))),
        }
    }

    fn status(&self) -> Result<Status, ApiError> {
        match self.text("status") {
            None | Some("active") => Ok(Status::Active),
            Some("inactive") => Ok(Status::Inactive),
            Some("all") => Ok(Status::All),
            Some(_) => Err(ApiError::bad("status must be active, inactive or all")),
        }
    }

    fn paging(&self) -> Result<(u64, u64), ApiError> {
        let page = self.whole("page", 1, u64::from(u32::MAX), 1)?;
        let per_page = self.whole("per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE)?;
        Ok((page, per_page))
    }

    fn modified_after(&self) -> Result<Option<NaiveDateTime>, ApiError> {
        let Some(v) = self.text("modified_after") else {
            return Ok(None);
        };
        // A zone given is not converted: times are the directory's own.
        let v = v.trim_end_matches('Z');
        let v = match v.get(19..) {
            Some(rest) if rest.starts_with(['+', '-', '.']) => &v[..19],
            _ => v,
        };
        local_time(v)
            .or_else(|| {
                chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
            .map(Some)
            .ok_or_else(|| {
                ApiError::bad(
                    "modified_after must be a date or date-time, e.g. 2026-01-31T09:00:00",
                )
            })
    }
}

const PAGING: [&str; 2] = ["page", "per_page"];
const SERVICE_FILTERS: [&str; 7] = [
    "page",
    "per_page",
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "modified_after",
    "status",
];

/// A page of the profile's `Page` shape around `contents`.
fn page(contents: Vec<Value>, total: usize, page: u64, per_page: u64) -> Value {
    let total = total as u64;
    let total_pages = total.div_ceil(per_page);
    json!({
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": contents.len(),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": contents.is_empty(),
        "contents": contents,
    })
}

/// The part of `all` that page `number` of `per_page` holds.
fn slice<T>(all: &[T], number: u64, per_page: u64) -> &[T] {
    let start = (number - 1).saturating_mul(per_page);
    let start = usize::try_from(start).unwrap_or(usize::MAX).min(all.len());
    let end = start.saturating_add(per_page as usize).min(all.len());
    &all[start..end]
}

/// Answers `GET path?query`. `base` is the API's public address (for
/// `openapi_url`).
pub fn answer(
    cat: &Catalogue,
    base: &str,
    path: &str,
    query: Option<&str>,
) -> Result<Answer, ApiError> {
    let trimmed = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    let mut parts = trimmed.split('/').skip(1);
    let first = parts.next().unwrap_or("");
    let second = parts.next();
    if parts.next().is_some() {
        return Err(ApiError::not_found("no such path"));
    }
    let id = second.map(|s| decode(s, "the id")).transpose()?;
    let json = match (first, id.as_deref()) {
        ("", None) => {
            Query::parse(query, &[])?;
            json!({
                "version": HSDS_VERSION,
                "profile": PROFILE,
                "openapi_url": format!("{}/openapi.json", base.trim_end_matches('/')),
            })
        }
        ("openapi.json", None) => {
            Query::parse(query, &[])?;
            return Ok(Answer::OpenApi);
        }
        ("services", None) => services(cat, &Query::parse(query, &SERVICE_FILTERS)?)?,
        ("services", Some(id)) => {
            Query::parse(query, &[])?;
            let n = cat
                .entry(id)
                .ok_or_else(|| ApiError::not_found("no service has that id"))?;
            service_json(&cat.entries[n].service)
        }
        ("taxonomy_terms", None) => listing(&cat.terms, &Query::parse(query, &PAGING)?)?,
        ("taxonomy_terms", Some(id)) => {
            Query::parse(query, &[])?;
            cat.terms
                .get(id)
                .cloned()
                .ok_or_else(|| ApiError::not_found("no taxonomy term has that id"))?
        }
        ("taxonomies", None) => listing(&cat.taxonomies, &Query::parse(query, &PAGING)?)?,
        ("taxonomies", Some(id)) => {
            Query::parse(query, &[])?;
            cat.taxonomies
                .get(id)
                .cloned()
                .ok_or_else(|| ApiError::not_found("no taxonomy has that id"))?
        }
        ("service_at_locations", None) => {
            let mut allowed = SERVICE_FILTERS.to_vec();
            allowed.extend(["postcode", "proximity"]);
            service_at_locations(cat, &Query::parse(query, &allowed)?)?
        }
        ("service_at_locations", Some(id)) => {
            Query::parse(query, &[])?;
            let (n, i) = *cat
                .sal_by_id
                .get(id)
                .ok_or_else(|| ApiError::not_found("no service at location has that id"))?;
            let doc = service_json(&cat.entries[n].service);
            sal_item(&doc, i, doc.clone())
        }
        _ => return Err(ApiError::not_found("no such path")),
    };
    Ok(Answer::Json(json))
}

/// Terms or taxonomies, by id, paged.
fn listing(all: &BTreeMap<String, Value>, q: &Query) -> Result<Value, ApiError> {
    let (number, per_page) = q.paging()?;
    let values: Vec<&Value> = all.values().collect();
    let contents = slice(&values, number, per_page)
        .iter()
        .map(|v| (*v).clone())
        .collect();
    Ok(page(contents, values.len(), number, per_page))
}

/// The positions of the services a list's filters let through, in the
/// order listed: by rank for `search=`, else by name.
fn matching(cat: &Catalogue, q: &Query) -> Result<Vec<usize>, ApiError> {
    let status = q.status()?;
    let after = q.modified_after()?;
    let term = q.text("taxonomy_term_id");
    let taxonomy = q.text("taxonomy_id");
    let candidates: Vec<usize> = match q.text("search") {
        Some(s) => cat.search(s, status),
        None => (0..cat.entries.len())
            .filter(|&i| status.admits(cat.entries[i].service.active))
            .collect(),
    };
    Ok(candidates
        .into_iter()
        .filter(|&i| {
            let e = &cat.entries[i];
            term.is_none_or(|t| e.terms.iter().any(|x| x == t))
                && taxonomy.is_none_or(|t| e.taxonomies.iter().any(|x| x == t))
                && after.is_none_or(|a| e.modified.is_some_and(|m| m >= a))
        })
        .collect())
}

fn services(cat: &Catalogue, q: &Query) -> Result<Value, ApiError> {
    let (number, per_page) = q.paging()?;
    let found = matching(cat, q)?;
    let contents = slice(&found, number, per_page)
        .iter()
        .map(|&i| service_json(&cat.entries[i].service))
        .collect();
    Ok(page(contents, found.len(), number, per_page))
}

/// The distance in metres between two points (haversine, mean Earth radius).
fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * h.sqrt().min(1.0).asin()
}

/// Whether `place` is at `postcode`: the whole postcode, or its district
/// (the outward code, "LS1" for "LS1 1AA").
fn at_postcode(place: &Place, postcode: &str) -> bool {
    place.postcode.as_deref().is_some_and(|p| {
        p == postcode || (postcode.len() <= 4 && p.len() > 3 && &p[..p.len() - 3] == postcode)
    })
}

fn service_at_locations(cat: &Catalogue, q: &Query) -> Result<Value, ApiError> {
    let (number, per_page) = q.paging()?;
    let postcode = q.text("postcode").map(postcode_key);
    let proximity = match q.text("proximity") {
        None => None,
        Some(p) => Some(
            p.parse::<f64>()
                .ok()
                .filter(|m| m.is_finite() && (0.0..=MAX_PROXIMITY).contains(m))
                .ok_or_else(|| {
                    ApiError::bad(format!("proximity must be metres, 0 to {MAX_PROXIMITY}"))
                })?,
        ),
    };
    if proximity.is_some() && postcode.is_none() {
        return Err(ApiError::bad("proximity needs a postcode to measure from"));
    }
    // A postcode's centre: where this directory's locations at it are (no
    // postcode register is consulted, so nothing leaves the machine).
    let centre = match (&postcode, proximity) {
        (Some(p), Some(_)) => {
            let points: Vec<(f64, f64)> = cat
                .entries
                .iter()
                .flat_map(|e| &e.places)
                .filter(|pl| pl.postcode.as_deref() == Some(p.as_str()))
                .filter_map(|pl| pl.point)
                .collect();
            if points.is_empty() {
                return Err(ApiError::bad(
                    "no location in this directory at that postcode has coordinates, so \
                     proximity cannot be measured from it; ask by postcode alone",
                ));
            }
            let n = points.len() as f64;
            Some((
                points.iter().map(|p| p.0).sum::<f64>() / n,
                points.iter().map(|p| p.1).sum::<f64>() / n,
            ))
        }
        _ => None,
    };
    let wanted = |pl: &Place| match (&postcode, centre, proximity) {
        (_, Some(c), Some(m)) => pl.point.is_some_and(|p| metres(c, p) <= m),
        (Some(p), _, _) => at_postcode(pl, p),
        _ => true,
    };
    let found: Vec<(usize, usize)> = matching(cat, q)?
        .into_iter()
        .flat_map(|n| {
            cat.entries[n]
                .places
                .iter()
                .enumerate()
                .filter(|(_, pl)| wanted(pl))
                .map(move |(i, _)| (n, i))
        })
        .collect();
    let contents = slice(&found, number, per_page)
        .iter()
        .map(|&(n, i)| {
            let doc = service_json(&cat.entries[n].service);
            let summary = one_to_one(&doc);
            sal_item(&doc, i, summary)
        })
        .collect();
    Ok(page(contents, found.len(), number, per_page))
}

/// The service's fields that are not lists (a list item of the profile).
fn one_to_one(doc: &Value) -> Value {
    let o: Map<String, Value> = doc
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(_, v)| !v.is_array())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    Value::Object(o)
}

/// Service-at-location `i` of the service `doc`, with `service` nested.
fn sal_item(doc: &Value, i: usize, service: Value) -> Value {
    let sal = items(doc, "service_at_locations")
        .get(i)
        .cloned()
        .unwrap_or_else(|| json!({}));
    let mut o = sal.as_object().cloned().unwrap_or_default();
    if let Some(id) = doc.get("id") {
        o.insert("service_id".into(), id.clone());
    }
    if let Some(loc) = sal.get("location").and_then(|l| l.get("id")) {
        o.entry("location_id").or_insert(loc.clone());
    }
    o.insert("service".into(), service);
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svc(uid: &str, name: &str, active: bool) -> Service {
        Service {
            uid: uid.into(),
            name: name.into(),
            categories: Some("Gardening,Walking".into()),
            postcode: Some("LS1 1AA".into()),
            address: Some("1 High Street".into()),
            active,
            ..Default::default()
        }
    }

    fn cat() -> Catalogue {
        Catalogue::new(
            vec![
                (
                    svc("a", "Allotment group", true),
                    Some("2026-03-01T10:00:00".into()),
                ),
                (
                    svc("b", "Book club", false),
                    Some("2026-01-01T10:00:00".into()),
                ),
                (svc("c", "Walking for health", true), None),
            ],
            &Thesaurus::builtin(),
        )
    }

    fn json(path: &str, query: Option<&str>) -> Value {
        match answer(&cat(), "http://x", path, query).unwrap() {
            Answer::Json(v) => v,
            Answer::OpenApi => panic!("openapi"),
        }
    }

    fn err(path: &str, query: Option<&str>) -> u16 {
        answer(&cat(), "http://x", path, query).unwrap_err().status
    }

    #[test]
    fn pages_count_active_services_unless_asked() {
        let p = json("/services", Some("per_page=1&page=2"));
        assert_eq!(p["total_items"], 2);
        assert_eq!(p["total_pages"], 2);
        assert_eq!(p["last_page"], true);
        assert_eq!(p["contents"][0]["name"], "Walking for health");
        assert_eq!(json("/services", Some("status=all"))["total_items"], 3);
        let gone = json("/services", Some("status=inactive"));
        assert_eq!(gone["contents"][0]["id"], export_id("b"));
        // An inactive service keeps its id and can still be fetched.
        let b = json(&format!("/services/{}", export_id("b")), None);
        assert_eq!(b["status"], "inactive");
        assert_eq!(json("/services", Some("page=9"))["empty"], true);
    }

    #[test]
    fn filters_and_search() {
        let p = json("/services", Some("search=walking"));
        assert_eq!(p["contents"][0]["name"], "Walking for health");
        let p = json("/services", Some("modified_after=2026-02-01"));
        assert_eq!(p["total_items"], 1);
        let term = json("/taxonomy_terms", None)["contents"][0]["id"].clone();
        let q = format!("taxonomy_term_id={}", term.as_str().unwrap());
        assert_eq!(json("/services", Some(&q))["total_items"], 2);
        assert_eq!(
            json("/services", Some("taxonomy_term_id=nope"))["total_items"],
            0
        );
        let sal = json("/service_at_locations", Some("postcode=ls1"));
        assert_eq!(sal["total_items"], 2);
        assert_eq!(
            json("/service_at_locations", Some("postcode=LS2"))["total_items"],
            0
        );
    }

    #[test]
    fn bad_parameters_and_paths() {
        for q in [
            "page=0",
            "per_page=101",
            "page=x",
            "colour=red",
            "page=1&page=2",
            "search=%ff",
            "search=%4",
            "status=gone",
            "modified_after=soon",
        ] {
            assert_eq!(err("/services", Some(q)), 400, "{q}");
        }
        assert_eq!(err("/service_at_locations", Some("proximity=10")), 400);
        assert_eq!(
            err(
                "/service_at_locations",
                Some("postcode=LS1 1AA&proximity=10")
            ),
            400,
            "no coordinates"
        );
        assert_eq!(err("/services/nope", None), 404);
        assert_eq!(err("/people", None), 404);
        assert_eq!(err("/services/a/b", None), 404);
    }
}
