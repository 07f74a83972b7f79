//! The directory as CSV, one service a row, with the stable header
//! [`COLUMNS`] (documented in the README). Export then import changes nothing.

use std::io::Write;

use chrono::NaiveDate;

use super::{Import, ImportError, Place, Problem, derived_uid};
use crate::domain::service::{Absent, Fix, Service, ServiceInput, import_notes};
use crate::domain::text::{for_file, for_terminal, from_spreadsheet_cell, quote, spreadsheet_cell};

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

/// Writes `services` with the header row. Cells that a spreadsheet would run
/// as a formula get a leading `'` ([`spreadsheet_cell`]); [`parse`] removes
/// it again, so export then import changes nothing. Control characters
/// (which imports no longer keep) are shown as symbols ([`for_file`]), so a
/// file that is `cat` or opened runs no escape sequence.
pub fn write(services: &[Service], out: &mut dyn Write) -> std::io::Result<()> {
    write_cells(services, out, |cell| for_file(cell).into_owned())
}

/// [`write`] for a terminal: also shows control characters as visible
/// placeholders ([`for_terminal`]); newlines in quoted cells are kept.
pub fn write_for_terminal(services: &[Service], out: &mut dyn Write) -> std::io::Result<()> {
    write_cells(services, out, |cell| for_terminal(cell).into_owned())
}

fn write_cells(
    services: &[Service],
    out: &mut dyn Write,
    show: impl Fn(&str) -> String,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(COLUMNS).map_err(err)?;
    for s in services {
        let cells = record(s).map(|c| show(&spreadsheet_cell(&c)));
        w.write_record(cells).map_err(err)?;
    }
    w.flush()
}

/// The 1-based line of the record at a byte offset. Counted from the bytes
/// ourselves so that CRLF files number right: the reader ends a record at the
/// CR and may report the next one as starting at the LF, so line terminators
/// at the offset are skipped first. Counts on from the previous offset, so
/// numbering every record of a large file stays linear.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: u64) -> u64 {
        let bytes = self.bytes;
        let mut end = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while matches!(bytes.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        if end < self.offset {
            *self = LineCounter::new(bytes);
        }
        self.line += line_breaks(&bytes[self.offset..end], bytes.get(end).copied());
        self.offset = end;
        self.line
    }
}

/// Line breaks in `bytes`: LF, CRLF (once) and a lone CR (old Mac files,
/// which the CSV reader also takes as line ends). `next` is the byte after.
fn line_breaks(bytes: &[u8], next: Option<u8>) -> u64 {
    let mut n = 0;
    for (i, b) in bytes.iter().enumerate() {
        let after = bytes.get(i + 1).copied().or(next);
        if *b == b'\n' || (*b == b'\r' && after != Some(b'\n')) {
            n += 1;
        }
    }
    n
}

fn line_at(bytes: &[u8], offset: u64) -> u64 {
    LineCounter::new(bytes).line_at(offset)
}

fn line_of(bytes: &[u8], e: &csv::Error) -> u64 {
    e.position().map_or(0, |p| line_at(bytes, p.byte()))
}

/// Refuses quoting that would silently swallow rows: a quoted field still
/// open at the end of the file, or one that runs over a line break into text
/// holding as many delimiters as the header (that is, into what looks like a
/// row). A CSV reader takes both as one long field and reports success.
/// Follows the reader's rules: a quote opens a field only at its start, and
/// `""` inside a quoted field is a literal quote.
fn check_quotes(bytes: &[u8], columns: usize) -> Result<(), ImportError> {
    let delimiters = columns.saturating_sub(1);
    let mut line: u64 = 1;
    let mut opened_on: Option<u64> = None;
    let mut field_start = true;
    let mut commas_this_line = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if opened_on.is_some() {
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => opened_on = None,
                b',' => commas_this_line += 1,
                b'\n' => {
                    line += 1;
                    commas_this_line = 0;
                }
                _ => {}
            }
            if let Some(start) = opened_on
                && line > start
                && delimiters > 0
                && commas_this_line >= delimiters
            {
                return Err(ImportError::Line {
                    line: start,
                    message: format!(
                        "the quoted field opened here runs into line {line}, which looks like \
                         a row of its own; close the quote"
                    ),
                });
            }
            field_start = false;
        } else {
            match b {
                b'"' if field_start => {
                    opened_on = Some(line);
                    commas_this_line = 0;
                }
                b',' => field_start = true,
                b'\r' => {
                    if bytes.get(i + 1) != Some(&b'\n') {
                        line += 1;
                    }
                    field_start = true;
                }
                b'\n' => {
                    line += 1;
                    field_start = true;
                }
                _ => field_start = false,
            }
        }
        i += 1;
    }
    match opened_on {
        Some(start) => Err(ImportError::Line {
            line: start,
            message: "a quoted field opened here is never closed; add the closing quote".into(),
        }),
        None => Ok(()),
    }
}

/// Parses a whole file. A file that is not CSV, has an unknown or missing
/// header, or a row without a name is refused whole, naming the line. A value
/// that fails its check is left empty (its raw value kept in the entry's
/// import notes) and listed in [`Import::problems`]; rows repeating a uid are
/// merged, the last one kept. `today` refuses verification dates in the future.
pub fn parse(bytes: &[u8], today: NaiveDate) -> Result<Import, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let header = reader.byte_headers().map_err(|e| ImportError::Line {
        line: line_of(bytes, &e).max(1),
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
                    "unknown column {} ({}); expected some of: {}",
                    n + 1,
                    quote(&name, 30),
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
    check_quotes(bytes, columns.len())?;
    let absent = absent_columns(&columns);
    let mut import = Import::default();
    let mut refused = Vec::new();
    let mut lines = LineCounter::new(bytes);
    for record in reader.byte_records() {
        let record = record.map_err(|e| ImportError::Line {
            line: line_of(bytes, &e),
            message: csv_reason(&e),
        })?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let mut input = ServiceInput::default();
        let mut fixes = Vec::new();
        for (field, column) in record.iter().zip(&columns) {
            let text = match std::str::from_utf8(field) {
                Ok(text) => text,
                Err(_) if *column == "name" => {
                    return Err(ImportError::Line {
                        line,
                        message: format!(
                            "column '{column}' is not UTF-8 text; save the file as UTF-8"
                        ),
                    });
                }
                Err(_) => {
                    fixes.push(Fix {
                        field: column.to_string(),
                        raw: String::from_utf8_lossy(field).into_owned(),
                        problem: "not UTF-8 text".into(),
                        cleaned: None,
                    });
                    continue;
                }
            };
            set(&mut input, column, from_spreadsheet_cell(text).to_string());
        }
        let checked = match input.validate_tolerant(today) {
            Ok(c) => c,
            // Still read on, so the message names every row without a name.
            Err(errors) => {
                refused.push(ImportError::Line {
                    line,
                    message: errors
                        .iter()
                        .map(|e| format!("column '{}': {}", e.field, e.message))
                        .collect::<Vec<_>>()
                        .join("; "),
                });
                continue;
            }
        };
        fixes.extend(checked.fixes);
        let mut service = checked.service;
        service.import_notes = import_notes(&fixes);
        import.problems.extend(
            fixes
                .iter()
                .map(|f| Problem::from_fix(Place::Line(line), f)),
        );
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
        import.push_absent(service, absent.clone(), Place::Line(line), "uid");
    }
    match ImportError::all(refused) {
        Some(e) => Err(e),
        None => Ok(import),
    }
}

/// The fields a file without their column says nothing about: an import
/// keeps what is stored for them (a column that is there but empty clears
/// its field). `uid`, `name` and `source` are never kept this way.
fn absent_columns(columns: &[&'static str]) -> Absent {
    Absent(
        COLUMNS
            .iter()
            .filter(|c| !matches!(**c, "uid" | "name" | "source") && !columns.contains(c))
            .copied()
            .collect(),
    )
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

    /// The problems a tolerant parse reported, as shown.
    fn problems(text: &str) -> Vec<String> {
        let import = parse(text.as_bytes(), today()).unwrap();
        import.problems.iter().map(|p| p.to_string()).collect()
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
        let back = parse(&out, today()).unwrap().services;
        assert_eq!(back, vec![s]);
    }

    #[test]
    fn bad_files_name_the_line_and_the_reason() {
        assert!(err("name,area\nA,North\nB\n").starts_with("line 3: expected 2 columns"));
        assert!(err("name,colour\nA,red\n").contains("line 1: unknown column 2"));
        assert!(err("area\nNorth\n").contains("no 'name' column"));
        let p = problems("name,last_verified_on\nA,2026-01-01\nB,31/02/2026\n");
        assert_eq!(
            p,
            [
                "line 3, field last_verified_on, value '31/02/2026': not a date: use YYYY-MM-DD \
              or DD/MM/YYYY, or an ISO date-time; years from 1900; left empty; the value is kept in the entry's import notes"
            ]
        );
        assert!(err("name,url\n,x\n").contains("line 2: column 'name': name is required"));
        let import = parse(b"uid,name\na,A\na,B\n", today()).unwrap();
        assert_eq!(import.merged, 1);
        assert_eq!(import.services.len(), 1);
        assert_eq!(import.services[0].name, "B", "the last one wins");
        assert!(
            import.problems[0]
                .to_string()
                .contains("line 3, field uid, value 'a': the same id as line 2")
        );
        assert_eq!(err(""), "the file is empty; nothing imported");
        let mut bad = b"name,area\nA,".to_vec();
        bad.extend_from_slice(&[0xff, 0xfe, b'\n']);
        let import = parse(&bad, today()).unwrap();
        let p = import.problems[0].to_string();
        assert!(
            p.starts_with(
                "line 2, field area, value '\u{fffd}\u{fffd}': not UTF-8 text; left empty"
            ),
            "{p}"
        );
        let mut bad = b"name,area\nA\xff,North\n".to_vec();
        bad.push(b'\n');
        let e = parse(&bad, today()).unwrap_err().to_string();
        assert!(e.starts_with("line 2: column 'name' is not UTF-8"), "{e}");
    }

    #[test]
    fn statuses_as_in_oruk_and_old_mac_line_ends() {
        let import = parse(
            b"name,status\rA,closed\rB,Temporarily closed\rC,defunct\rD,gone\r",
            today(),
        )
        .unwrap();
        let active: Vec<bool> = import.services.iter().map(|s| s.active).collect();
        assert_eq!(active, [false, false, false, true]);
        let p = import.problems[0].to_string();
        assert!(p.starts_with("line 5, field status, value 'gone'"), "{p}");
        assert!(err("name,area\rA,x\rB\r").starts_with("line 3: expected 2 columns"));
    }

    #[test]
    fn missing_uids_are_derived_and_stable() {
        let a = parse(b"name,postcode\nFood Bank,LS1 1AA\n", today())
            .unwrap()
            .services;
        let b = parse(b"postcode,name\nls1 1aa, food bank \n", today())
            .unwrap()
            .services;
        assert_eq!(a[0].uid, b[0].uid);
        assert!(a[0].uid.starts_with("csv-"));
    }

    #[test]
    fn an_unclosed_quote_is_refused_naming_its_line() {
        // Issue 10 item 1: this imported as "added 1", two rows inside an area.
        let e = err("name,area\nFood Bank,\"North\nLunch Club,South\nWalking Group,East\n");
        assert!(e.starts_with("line 2: "), "{e}");
        assert!(e.ends_with("nothing imported"), "{e}");
        // Open at the end of the file, with no row-like text after it.
        let e = err("name,area\nFood Bank,\"North\nand south\n");
        assert!(
            e.starts_with("line 2: a quoted field opened here is never closed"),
            "{e}"
        );
        let e = err("name,area\r\nA,x\r\nFood Bank,\"North\r\nLunch Club,South\r\n");
        assert!(e.starts_with("line 3: "), "{e}");
    }

    #[test]
    fn a_quoted_line_break_into_a_row_is_refused_but_real_multi_line_text_imports() {
        let e = err("name,area\nFood Bank,\"North\nLunch Club,South\"\n");
        assert!(
            e.starts_with("line 2: the quoted field opened here runs into line 3"),
            "{e}"
        );
        let ok = parse(
            b"name,area,cost\n\"Food\nBank\",\"North, \"\"upper\"\"\nand south\",free\nB,\"x\",y\n",
            today(),
        )
        .unwrap()
        .services;
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].name, "Food\nBank");
        assert_eq!(ok[0].area.as_deref(), Some("North, \"upper\"\nand south"));
        // A quote inside an unquoted field is a literal character, as for the reader.
        let ok = parse(b"name,area\nO\"Brien Club,North\nB,South\n", today())
            .unwrap()
            .services;
        assert_eq!(ok[0].name, "O\"Brien Club");
    }

    #[test]
    fn crlf_files_name_the_right_line() {
        let e = err("name,area\r\nA,North\r\nB\r\n");
        assert!(e.starts_with("line 3: expected 2 columns"), "{e}");
        let p = problems("name,last_verified_on\r\nA,2026-01-01\r\nB,31/02/2026\r\n");
        assert!(p[0].starts_with("line 3, field last_verified_on"), "{p:?}");
        let p = problems("uid,name\r\na,\"A\r\nmore\"\r\na,B\r\n");
        assert!(
            p[0].starts_with("line 4, field uid, value 'a': the same id as line 2"),
            "{p:?}"
        );
    }

    #[test]
    fn formula_cells_are_neutralised_on_export_and_restored_on_import() {
        let s = Service {
            uid: "=cmd".into(),
            name: "=HYPERLINK(\"http://x\")".into(),
            description: Some("-2+3".into()),
            cost: Some("@SUM(A1)".into()),
            phone: Some("+44 113 496 0000".into()),
            area: Some("'=already quoted".into()),
            active: true,
            ..Default::default()
        };
        let mut out = Vec::new();
        write(std::slice::from_ref(&s), &mut out).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        for cell in text.lines().nth(1).unwrap().split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell} in {text}");
        }
        assert_eq!(parse(&out, today()).unwrap().services, vec![s]);
    }

    #[test]
    fn unknown_headers_are_echoed_on_one_line_without_controls() {
        let e = err("name,\"col\nour\u{1b}[2J\"\nA,red\n");
        assert!(!e.contains('\n') && !e.contains('\u{1b}'), "{e:?}");
        assert!(e.contains("unknown column 2"), "{e}");
    }
}
