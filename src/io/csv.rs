//! The directory as CSV, one service a row, with the stable header
//! [`COLUMNS`] (documented in the README). Export then import changes nothing.

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;

use super::{ImportError, derived_uid};
use crate::domain::service::{Service, ServiceInput};

/// Column names, in export order. Imports accept any order and any subset that
/// includes `name`; unknown columns are refused so a typo is never ignored.
pub const COLUMNS: [&str; 18] = [
    "uid",
    "name",
    "organisation",
    "description",
    "categories",
    "area",
    "address",
    "postcode",
    "phone",
    "email",
    "url",
    "opening_times",
    "eligibility",
    "cost",
    "how_to_refer",
    "last_verified_on",
    "status",
    "source",
];

fn set(input: &mut ServiceInput, column: &str, value: String) {
    let slot = match column {
        "uid" => &mut input.uid,
        "name" => &mut input.name,
        "organisation" => &mut input.organisation,
        "description" => &mut input.description,
        "categories" => &mut input.categories,
        "area" => &mut input.area,
        "address" => &mut input.address,
        "postcode" => &mut input.postcode,
        "phone" => &mut input.phone,
        "email" => &mut input.email,
        "url" => &mut input.url,
        "opening_times" => &mut input.opening_times,
        "eligibility" => &mut input.eligibility,
        "cost" => &mut input.cost,
        "how_to_refer" => &mut input.how_to_refer,
        "last_verified_on" => &mut input.last_verified_on,
        "status" => &mut input.status,
        _ => &mut input.source,
    };
    *slot = value;
}

/// One service's values, in [`COLUMNS`] order.
pub fn record(s: &Service) -> [String; 18] {
    let i = ServiceInput::from_service(s);
    [
        i.uid,
        i.name,
        i.organisation,
        i.description,
        i.categories,
        i.area,
        i.address,
        i.postcode,
        i.phone,
        i.email,
        i.url,
        i.opening_times,
        i.eligibility,
        i.cost,
        i.how_to_refer,
        i.last_verified_on,
        i.status,
        i.source,
    ]
}

/// Writes `services` with the header row.
pub fn write(services: &[Service], out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(COLUMNS).map_err(err)?;
    for s in services {
        w.write_record(record(s)).map_err(err)?;
    }
    w.flush()
}

fn line_of(e: &csv::Error) -> u64 {
    e.position().map_or(0, csv::Position::line)
}

/// Parses a whole file; any problem refuses all of it, naming the line.
/// `today` refuses verification dates in the future.
pub fn parse(bytes: &[u8], today: NaiveDate) -> Result<Vec<Service>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let header = reader.byte_headers().map_err(|e| ImportError::Line {
        line: line_of(&e).max(1),
        message: format!("cannot read the header: {}", csv_reason(&e)),
    })?;
    if header.is_empty() {
        return Err(ImportError::File("the file is empty".into()));
    }
    let mut columns = Vec::new();
    for (n, h) in header.iter().enumerate() {
        let name = std::str::from_utf8(h)
            .map_err(|_| ImportError::Line {
                line: 1,
                message: format!("column {} is not UTF-8 text; save the file as UTF-8", n + 1),
            })?
            .trim()
            .to_ascii_lowercase();
        let Some(known) = COLUMNS.iter().find(|c| **c == name) else {
            return Err(ImportError::Line {
                line: 1,
                message: format!(
                    "unknown column {} ('{}'); expected some of: {}",
                    n + 1,
                    crate::domain::text::truncate(&name, 30),
                    COLUMNS.join(",")
                ),
            });
        };
        if columns.contains(known) {
            return Err(ImportError::Line {
                line: 1,
                message: format!("column '{known}' appears twice"),
            });
        }
        columns.push(*known);
    }
    if !columns.contains(&"name") {
        return Err(ImportError::Line {
            line: 1,
            message: "the header has no 'name' column".into(),
        });
    }
    let mut services = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in reader.byte_records() {
        let record = record.map_err(|e| ImportError::Line {
            line: line_of(&e),
            message: csv_reason(&e),
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let mut input = ServiceInput::default();
        for (field, column) in record.iter().zip(&columns) {
            let text = std::str::from_utf8(field).map_err(|_| ImportError::Line {
                line,
                message: format!("column '{column}' is not UTF-8 text; save the file as UTF-8"),
            })?;
            set(&mut input, column, text.to_string());
        }
        let mut service = input.validate(today).map_err(|errors| ImportError::Line {
            line,
            message: errors
                .iter()
                .map(|e| format!("column '{}': {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("; "),
        })?;
        if service.uid.is_empty() {
            service.uid = derived_uid(
                "csv",
                &[
                    &service.name,
                    service.organisation.as_deref().unwrap_or(""),
                    service.postcode.as_deref().unwrap_or(""),
                ],
            );
        }
        if let Some(first) = seen.insert(service.uid.clone(), line) {
            return Err(ImportError::Line {
                line,
                message: format!("the same uid as line {first} (each service once per file)"),
            });
        }
        services.push(service);
    }
    Ok(services)
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} columns as in the header, found {len}"),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text; save the file as UTF-8".into(),
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        _ => "not valid CSV".into(),
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

    #[test]
    fn round_trips_every_column() {
        let s = Service {
            uid: "x-1".into(),
            name: "Café, \"quoted\"\nand multi-line".into(),
            organisation: Some("王 Trust".into()),
            categories: Some("food,money".into()),
            last_verified_on: NaiveDate::from_ymd_opt(2026, 1, 2),
            url: Some("https://example.org".into()),
            active: false,
            source: Some("csv".into()),
            ..Default::default()
        };
        let mut out = Vec::new();
        write(std::slice::from_ref(&s), &mut out).unwrap();
        assert!(out.starts_with(COLUMNS.join(",").as_bytes()));
        let back = parse(&out, today()).unwrap();
        assert_eq!(back, vec![s]);
    }

    #[test]
    fn bad_files_name_the_line_and_the_reason() {
        assert!(err("name,area\nA,North\nB\n").starts_with("line 3: expected 2 columns"));
        assert!(err("name,colour\nA,red\n").contains("line 1: unknown column 2"));
        assert!(err("area\nNorth\n").contains("no 'name' column"));
        let e = err("name,last_verified_on\nA,2026-01-01\nB,31/02/2026\n");
        assert!(e.starts_with("line 3: column 'last_verified_on'"), "{e}");
        assert!(err("name,url\n,x\n").contains("line 2: column 'name': name is required"));
        assert!(err("uid,name\na,A\na,B\n").contains("line 3: the same uid as line 2"));
        assert_eq!(err(""), "the file is empty; nothing imported");
        let mut bad = b"name,area\nA,".to_vec();
        bad.extend_from_slice(&[0xff, 0xfe, b'\n']);
        let e = parse(&bad, today()).unwrap_err().to_string();
        assert!(e.starts_with("line 2: column 'area' is not UTF-8"), "{e}");
    }

    #[test]
    fn missing_uids_are_derived_and_stable() {
        let a = parse(b"name,postcode\nFood Bank,LS1 1AA\n", today()).unwrap();
        let b = parse(b"postcode,name\nls1 1aa, food bank \n", today()).unwrap();
        assert_eq!(a[0].uid, b[0].uid);
        assert!(a[0].uid.starts_with("csv-"));
    }
}
