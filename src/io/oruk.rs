//! Open Referral UK / HSDS 3.0 services as JSON (the `/services/{id}` object of
//! the UK profile: organization, service_at_locations -> location -> addresses,
//! phones, schedules, attributes -> taxonomy_term, cost_options, service_areas,
//! assured_date, status). Accepts one service object, an array of them, or a
//! paged `/services` response (`contents`). A service's feed `id` becomes its
//! uid, so re-importing a feed updates instead of duplicating.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::ImportError;
use crate::domain::service::{Service, ServiceInput};

type Obj = Map<String, Value>;

struct Rec<'a> {
    index: usize,
    obj: &'a Obj,
}

impl<'a> Rec<'a> {
    fn err(&self, field: &str, message: impl Into<String>) -> ImportError {
        ImportError::Record {
            index: self.index,
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// Text at `key` (numbers accepted, null or missing is None).
    fn text(&self, obj: &Obj, path: &str, key: &str) -> Result<Option<String>, ImportError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(self.err(&join(path, key), "expected text")),
        }
    }

    fn array(&self, obj: &'a Obj, path: &str, key: &str) -> Result<Vec<&'a Obj>, ImportError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    v.as_object().ok_or_else(|| {
                        self.err(&format!("{}[{i}]", join(path, key)), "expected an object")
                    })
                })
                .collect(),
            Some(_) => Err(self.err(&join(path, key), "expected a list")),
        }
    }

    fn object(&self, obj: &'a Obj, path: &str, key: &str) -> Result<Option<&'a Obj>, ImportError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(o)) => Ok(Some(o)),
            Some(_) => Err(self.err(&join(path, key), "expected an object")),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The list of service objects in any accepted shape.
fn records(value: &Value) -> Result<Vec<&Value>, ImportError> {
    match value {
        Value::Array(items) => Ok(items.iter().collect()),
        // HSDS 3 pages use `contents`; the first ORUK API used `content`.
        Value::Object(o) => match o.get("contents").or_else(|| o.get("content")) {
            Some(Value::Array(items)) => Ok(items.iter().collect()),
            Some(_) => Err(ImportError::File(
                "'contents' is not a list of services".into(),
            )),
            None => Ok(vec![value]),
        },
        _ => Err(ImportError::File(
            "expected a service object, a list of services, or a page with 'contents'".into(),
        )),
    }
}

/// Parses a feed file; any problem refuses all of it, naming the record
/// (1-based, in file order) and the field.
pub fn parse(bytes: &[u8], today: NaiveDate) -> Result<Vec<Service>, ImportError> {
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
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Line {
        line: e.line() as u64,
        message: format!("not valid JSON ({})", json_reason(&e)),
    })?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, v) in records(&value)?.into_iter().enumerate() {
        let index = i + 1;
        let obj = v.as_object().ok_or(ImportError::Record {
            index,
            field: "(record)".into(),
            message: "expected a service object".into(),
        })?;
        let rec = Rec { index, obj };
        let s = service(&rec, today)?;
        if !seen.insert(s.uid.clone()) {
            return Err(rec.err("id", "the same id as an earlier record"));
        }
        out.push(s);
    }
    Ok(out)
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
fn schedule_text(rec: &Rec, s: &Obj, path: &str) -> Result<Option<String>, ImportError> {
    if let Some(d) = rec.text(s, path, "description")? {
        return Ok(Some(d));
    }
    let days = rec.text(s, path, "byday")?.map(|b| {
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
    let days = match days {
        Some(d) => Some(d),
        None => rec.text(s, path, "weekday")?,
    };
    let hhmm = |t: Option<String>| t.map(|t| t.get(..5).unwrap_or(&t).to_string());
    let opens = hhmm(rec.text(s, path, "opens_at")?);
    let closes = hhmm(rec.text(s, path, "closes_at")?);
    let times = match (opens, closes) {
        (Some(o), Some(c)) => Some(format!("{o}-{c}")),
        (o, c) => o.or(c),
    };
    let freq = rec.text(s, path, "freq")?;
    let mut parts: Vec<String> = Vec::new();
    if let Some(d) = days {
        parts.push(d);
    } else if freq.is_some_and(|f| f.eq_ignore_ascii_case("daily")) {
        parts.push("Daily".into());
    }
    parts.extend(times);
    parts.extend(rec.text(s, path, "notes")?);
    Ok((!parts.is_empty()).then(|| parts.join(" ")))
}

fn service(rec: &Rec, today: NaiveDate) -> Result<Service, ImportError> {
    let o = rec.obj;
    let uid = rec
        .text(o, "", "id")?
        .ok_or_else(|| rec.err("id", "a service needs an id"))?;
    let name = rec
        .text(o, "", "name")?
        .ok_or_else(|| rec.err("name", "a service needs a name"))?;
    let organisation = match rec.object(o, "", "organization")? {
        Some(org) => rec.text(org, "organization", "name")?,
        None => None,
    };

    // Categories: HSDS 3 attributes -> taxonomy_term, or a plain taxonomy_terms list.
    let mut categories: Vec<String> = Vec::new();
    for (i, a) in rec.array(o, "", "attributes")?.into_iter().enumerate() {
        let path = format!("attributes[{i}]");
        if let Some(term) = rec.object(a, &path, "taxonomy_term")?
            && let Some(n) = rec.text(term, &format!("{path}.taxonomy_term"), "name")?
        {
            categories.push(n);
        }
    }
    for (i, t) in rec.array(o, "", "taxonomy_terms")?.into_iter().enumerate() {
        if let Some(n) = rec.text(t, &format!("taxonomy_terms[{i}]"), "name")? {
            categories.push(n);
        }
    }
    // The first ORUK standard: service_taxonomys -> taxonomy.
    for (i, t) in rec
        .array(o, "", "service_taxonomys")?
        .into_iter()
        .enumerate()
    {
        let path = format!("service_taxonomys[{i}]");
        if let Some(tax) = rec.object(t, &path, "taxonomy")?
            && let Some(n) = rec.text(tax, &format!("{path}.taxonomy"), "name")?
        {
            categories.push(n);
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
    'found: for (i, sal) in rec
        .array(o, "", "service_at_locations")?
        .into_iter()
        .enumerate()
    {
        let path = format!("service_at_locations[{i}]");
        let Some(loc) = rec.object(sal, &path, "location")? else {
            continue;
        };
        let path = format!("{path}.location");
        for (k, p) in rec.array(loc, &path, "phones")?.into_iter().enumerate() {
            if location_phone.is_none() {
                location_phone = rec.text(p, &format!("{path}.phones[{k}]"), "number")?;
            }
        }
        // HSDS 3: addresses (typed); the first ORUK standard: physical_addresses.
        let key = if loc.contains_key("addresses") {
            "addresses"
        } else {
            "physical_addresses"
        };
        let addresses = rec.array(loc, &path, key)?;
        let mut chosen = None;
        for (j, a) in addresses.iter().enumerate() {
            let kind = rec.text(a, &format!("{path}.{key}[{j}]"), "address_type")?;
            if chosen.is_none() || kind.as_deref() == Some("physical") {
                chosen = Some((j, *a));
            }
        }
        if let Some((j, a)) = chosen {
            let path = format!("{path}.{key}[{j}]");
            let lines: Vec<String> = ["address_1", "address_2"]
                .iter()
                .map(|k| rec.text(a, &path, k))
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .flatten()
                .collect();
            address = (!lines.is_empty()).then(|| lines.join(", "));
            postcode = rec.text(a, &path, "postal_code")?;
            city = rec.text(a, &path, "city")?;
            break 'found;
        }
    }
    let area = match rec.array(o, "", "service_areas")?.first() {
        Some(a) => rec.text(a, "service_areas[0]", "name")?.or(rec.text(
            a,
            "service_areas[0]",
            "service_area",
        )?),
        None => None,
    }
    .or(city);

    // Phone: the service's own, else a contact's, else the location's.
    let mut phone = None;
    for (i, p) in rec.array(o, "", "phones")?.into_iter().enumerate() {
        if phone.is_none() {
            phone = rec.text(p, &format!("phones[{i}]"), "number")?;
        }
    }
    let mut contact_email = None;
    for (i, c) in rec.array(o, "", "contacts")?.into_iter().enumerate() {
        let path = format!("contacts[{i}]");
        if contact_email.is_none() {
            contact_email = rec.text(c, &path, "email")?;
        }
        for (k, p) in rec.array(c, &path, "phones")?.into_iter().enumerate() {
            if phone.is_none() {
                phone = rec.text(p, &format!("{path}.phones[{k}]"), "number")?;
            }
        }
    }
    let phone = phone.or(location_phone);

    let mut opening = Vec::new();
    for key in ["schedules", "regular_schedules"] {
        for (i, s) in rec.array(o, "", key)?.into_iter().enumerate() {
            opening.extend(schedule_text(rec, s, &format!("{key}[{i}]"))?);
        }
    }

    let mut costs = Vec::new();
    for (i, c) in rec.array(o, "", "cost_options")?.into_iter().enumerate() {
        let path = format!("cost_options[{i}]");
        let option = rec.text(c, &path, "option")?;
        let described = rec.text(c, &path, "amount_description")?;
        let amount = match c.get("amount") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(s)) => Some(
                s.trim()
                    .parse::<f64>()
                    .map_err(|_| rec.err(&format!("{path}.amount"), "expected a number"))?,
            ),
            Some(_) => return Err(rec.err(&format!("{path}.amount"), "expected a number")),
        };
        let currency = rec.text(c, &path, "currency")?;
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
        rec.text(o, "", "fees_description")?
            .or(rec.text(o, "", "fees")?)
    } else {
        Some(costs.join("; "))
    };

    // HSDS 3: eligibility_description or ages on the service; the first ORUK
    // standard: an eligibilitys list with ages.
    let mut eligibility = match rec.text(o, "", "eligibility_description")? {
        Some(e) => Some(e),
        None => ages(rec, o, "")?,
    };
    for (i, e) in rec.array(o, "", "eligibilitys")?.into_iter().enumerate() {
        if eligibility.is_none() {
            let path = format!("eligibilitys[{i}]");
            eligibility = rec.text(e, &path, "eligibility")?.or(ages(rec, e, &path)?);
        }
    }

    let assured = rec.text(o, "", "assured_date")?;
    let last_verified_on = match assured {
        None => String::new(),
        Some(a) => {
            let day = a.get(..10).unwrap_or(&a);
            if crate::domain::date::parse_iso_or_uk(day).is_none() {
                return Err(rec.err("assured_date", "not a date: use YYYY-MM-DD"));
            }
            day.to_string()
        }
    };
    let status = match rec.text(o, "", "status")?.as_deref() {
        None | Some("active") => "active",
        Some("inactive" | "defunct" | "temporarily closed") => "inactive",
        Some(_) => {
            return Err(rec.err(
                "status",
                "expected active, inactive, defunct or temporarily closed",
            ));
        }
    };

    let input = ServiceInput {
        uid,
        name,
        organisation: organisation.unwrap_or_default(),
        description: rec.text(o, "", "description")?.unwrap_or_default(),
        categories: unique.join(","),
        area: area.unwrap_or_default(),
        address: address.unwrap_or_default(),
        postcode: postcode.unwrap_or_default(),
        phone: phone.unwrap_or_default(),
        email: rec
            .text(o, "", "email")?
            .or(contact_email)
            .unwrap_or_default(),
        url: rec.text(o, "", "url")?.unwrap_or_default(),
        opening_times: opening.join("; "),
        eligibility: eligibility.unwrap_or_default(),
        cost: cost.unwrap_or_default(),
        how_to_refer: rec.text(o, "", "application_process")?.unwrap_or_default(),
        last_verified_on,
        status: status.into(),
        source: "oruk".into(),
    };
    input
        .validate(today)
        .map_err(|errors| match errors.first() {
            Some(e) => rec.err(oruk_field(e.field), e.message.clone()),
            None => rec.err("(record)", "not a valid service"),
        })
}

/// "Ages 18 to 65" from minimum_age / maximum_age.
fn ages(rec: &Rec, o: &Obj, path: &str) -> Result<Option<String>, ImportError> {
    let min = rec.text(o, path, "minimum_age")?;
    let max = rec.text(o, path, "maximum_age")?;
    Ok(match (min, max) {
        (Some(a), Some(b)) => Some(format!("Ages {a} to {b}")),
        (Some(a), None) => Some(format!("Ages {a} and over")),
        (None, Some(b)) => Some(format!("Ages up to {b}")),
        (None, None) => None,
    })
}

/// The feed's name for one of our fields, for error messages.
fn oruk_field(field: &str) -> &str {
    match field {
        "last_verified_on" => "assured_date",
        "phone" => "phones.number",
        other => other,
    }
}

/// Serialises services as an array of HSDS 3.0 / ORUK service objects.
pub fn to_json(services: &[Service]) -> Value {
    Value::Array(services.iter().map(service_json).collect())
}

fn service_json(s: &Service) -> Value {
    let id = &s.uid;
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        if !v.is_null() {
            o.insert(k.to_string(), v);
        }
    };
    put("id", json!(id));
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
            json!({"id": super::derived_uid("org", &[org]), "name": org}),
        );
    }
    if let Some(p) = &s.phone {
        put(
            "phones",
            json!([{"id": format!("{id}-phone"), "number": p}]),
        );
    }
    if let Some(t) = &s.opening_times {
        put(
            "schedules",
            json!([{"id": format!("{id}-schedule"), "description": t}]),
        );
    }
    if let Some(c) = &s.cost {
        put(
            "cost_options",
            json!([{"id": format!("{id}-cost"), "amount_description": c}]),
        );
    }
    if let Some(a) = &s.area {
        put(
            "service_areas",
            json!([{"id": format!("{id}-area"), "name": a}]),
        );
    }
    let cats = s.category_list();
    if !cats.is_empty() {
        let attrs: Vec<Value> = cats
            .iter()
            .map(|c| {
                let term = super::derived_uid("term", &[c]);
                json!({
                    "id": format!("{id}-{term}"),
                    "taxonomy_term_id": term,
                    "taxonomy_term": {"id": term, "name": c},
                })
            })
            .collect();
        put("attributes", Value::Array(attrs));
    }
    if s.address.is_some() || s.postcode.is_some() {
        let mut addr = Map::new();
        addr.insert("id".into(), json!(format!("{id}-address")));
        addr.insert("address_type".into(), json!("physical"));
        if let Some(a) = &s.address {
            addr.insert("address_1".into(), json!(a));
        }
        if let Some(p) = &s.postcode {
            addr.insert("postal_code".into(), json!(p));
        }
        addr.insert("country".into(), json!("GB"));
        put(
            "service_at_locations",
            json!([{
                "id": format!("{id}-sal"),
                "location": {"id": format!("{id}-location"), "addresses": [Value::Object(addr)]},
            }]),
        );
    }
    Value::Object(o)
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
        let s = parse(FULL.as_bytes(), today()).unwrap().remove(0);
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
        let one = parse(FULL.as_bytes(), today()).unwrap();
        let arr = parse(format!("[{FULL}]").as_bytes(), today()).unwrap();
        let page = format!(r#"{{"total_items": 1, "page_number": 1, "contents": [{FULL}]}}"#);
        assert_eq!(one, arr);
        assert_eq!(one, parse(page.as_bytes(), today()).unwrap());
        let out = serde_json::to_vec(&to_json(&one)).unwrap();
        assert_eq!(parse(&out, today()).unwrap(), one);
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
        let s = parse(page.as_bytes(), today()).unwrap().remove(0);
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
        let e = err(r#"[{"id": "a", "name": "A", "assured_date": "yesterday"}]"#);
        assert!(e.starts_with("record 1, field assured_date"), "{e}");
        let e = err(r#"[{"id": "a", "name": "A", "phones": [{"number": 5}, 7]}]"#);
        assert!(
            e.starts_with("record 1, field phones[1]: expected an object"),
            "{e}"
        );
        let e = err(r#"[{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]"#);
        assert!(e.contains("record 2, field id"), "{e}");
        assert!(err("[1,").starts_with("line 1: not valid JSON"));
        assert!(err("42").contains("expected a service object"));
        assert!(err(r#"{"id":"a","name":"A","url":"nope"}"#).contains("field url"));
        let e = parse(b"[\n{\"name\": \"\xff\"}]", today()).unwrap_err();
        assert!(e.to_string().starts_with("line 2: not UTF-8"), "{e}");
    }

    #[test]
    fn deep_nesting_says_so() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = err(&deep);
        assert!(e.contains("nested too deeply"), "{e}");
        assert!(!e.contains("column 128"), "{e}");
    }
}
