//! Property tests (bounded: 256 small cases each, so CI stays quick) for the
//! CSV and Open Referral UK importers and the date, phone and NHS-number
//! parsers: arbitrary input never panics, and a refusal writes nothing to a
//! real store.

use crate::common;

use std::cell::RefCell;

use caseload::domain::date::{MIN_YEAR, parse_day, parse_iso_or_uk, parse_past_day, parse_time};
use caseload::domain::nhs_number::NhsNumber;
use caseload::domain::person::looks_like_phone;
use caseload::io::{Import, ImportError, csv, oruk};
use caseload::store::Store;
use chrono::Datelike;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Parses with `parse`, imports what it accepts into one real store, and
/// checks that whenever the parser or the store refuses, the store's
/// services are exactly as before.
fn importer_never_panics_and_refusals_write_nothing(
    strategy: impl Strategy<Value = Vec<u8>>,
    parse: fn(&[u8], chrono::NaiveDate) -> Result<Import, ImportError>,
) {
    let dir = tempfile::tempdir().unwrap();
    let store = RefCell::new(Store::open(&dir.path().join("p.db"), common::clock()).unwrap());
    let mut runner = TestRunner::new(config());
    runner
        .run(&strategy, |bytes| {
            let mut store = store.borrow_mut();
            let before = store.directory().list().unwrap();
            let refused = match parse(&bytes, common::today()) {
                Err(e) => {
                    // Messages are one line and name no control characters.
                    let text = e.to_string();
                    prop_assert!(!text.contains('\n') && !text.contains('\u{1b}'), "{text:?}");
                    true
                }
                Ok(import) => store.directory_mut().import(&import.services).is_err(),
            };
            if refused {
                prop_assert_eq!(store.directory().list().unwrap(), before);
            }
            Ok(())
        })
        .unwrap();
}

/// Rows built from the characters that matter to CSV: delimiters, quotes,
/// line ends, NUL, ESC and formula starts.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let header = prop_oneof![
        Just("name,area\n".to_string()),
        Just("uid,name,last_verified_on\r\n".to_string()),
        Just("name\n".to_string()),
        "[a-z_,\"\n]{0,20}",
    ];
    (header, "[a-c,\"\r\n\u{0}\u{1b}='0-9/ -]{0,80}")
        .prop_map(|(h, body)| format!("{h}{body}").into_bytes())
}

fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..200)
}

#[test]
fn csv_import_never_panics_and_refusals_write_nothing() {
    importer_never_panics_and_refusals_write_nothing(csv_like(), csv::parse);
    importer_never_panics_and_refusals_write_nothing(any_bytes(), csv::parse);
}

/// JSON-shaped text: service objects with arbitrary values, and fragments.
fn oruk_like() -> impl Strategy<Value = Vec<u8>> {
    let value = prop_oneof![
        "\"[a-z0-9 \\\\u0000-]{0,12}\"",
        "-?[0-9]{1,4}",
        Just("null".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("[{\"name\":\"x\"}]".to_string()),
    ];
    let key = prop_oneof![
        Just("id"),
        Just("name"),
        Just("status"),
        Just("assured_date"),
        Just("url"),
        Just("email"),
        Just("phones"),
        Just("organization"),
        Just("service_at_locations"),
        Just("cost_options"),
    ];
    let object = proptest::collection::vec((key, value), 0..6).prop_map(|fields| {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", body.join(","))
    });
    prop_oneof![
        object.clone().prop_map(String::into_bytes),
        proptest::collection::vec(object, 0..4).prop_map(|items| format!(
            "{{\"contents\":[{}]}}",
            items.join(",")
        )
        .into_bytes()),
        "[\\[\\]{}\":,0-9a-z \n]{0,60}".prop_map(String::into_bytes),
    ]
}

#[test]
fn oruk_import_never_panics_and_refusals_write_nothing() {
    importer_never_panics_and_refusals_write_nothing(oruk_like(), oruk::parse);
    importer_never_panics_and_refusals_write_nothing(any_bytes(), oruk::parse);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn typed_dates_never_panic_and_stay_in_range(s in "\\PC{0,24}|[-+0-9/a-z ]{0,14}") {
        let today = common::today();
        if let Ok(d) = parse_day(&s, today) {
            prop_assert!(d.year() >= MIN_YEAR);
            prop_assert!(d <= today + chrono::Duration::days(3650));
        }
        if let Ok(d) = parse_past_day(&s, today) {
            prop_assert!(d.year() >= MIN_YEAR && d <= today);
        }
        if let Some(d) = parse_iso_or_uk(&s) {
            prop_assert!(d.year() >= MIN_YEAR);
        }
        let _ = parse_time(&s);
        if let Err(e) = parse_day(&s, today) {
            prop_assert!(!e.contains('\n') && !e.contains('\u{1b}'), "{e:?}");
        }
    }

    #[test]
    fn written_dates_parse_back(y in 1900i32..2026, m in 1u32..=12, d in 1u32..=28) {
        let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        prop_assert_eq!(parse_iso_or_uk(&caseload::domain::date::iso(date)), Some(date));
        prop_assert_eq!(parse_iso_or_uk(&format!("{d}/{m}/{y}")), Some(date));
    }

    #[test]
    fn phone_check_never_panics(s in "\\PC{0,24}|[+0-9 ()-]{0,20}") {
        if looks_like_phone(&s) {
            let digits = s.chars().filter(char::is_ascii_digit).count();
            prop_assert!((7..=15).contains(&digits));
        }
    }

    #[test]
    fn service_value_checks_never_panic(s in "\\PC{0,24}|[+0-9 ()extEXT.:TZ-]{0,24}|[wW]{3}\\.\\PC{0,8}") {
        use caseload::domain::service::{ServiceInput, looks_like_service_phone};
        let _ = looks_like_service_phone(&s);
        if let Some(d) = caseload::domain::date::parse_date_or_datetime(&s) {
            prop_assert!(d.year() >= MIN_YEAR);
        }
        let input = ServiceInput {
            name: "x".into(),
            phone: s.clone(),
            url: s.clone(),
            email: s.clone(),
            last_verified_on: s.clone(),
            status: s.clone(),
            ..Default::default()
        };
        let t = input.validate_tolerant(common::today()).unwrap();
        prop_assert_eq!(t.service.name, "x");
    }

    #[test]
    fn nhs_numbers_never_panic_and_valid_ones_round_trip(s in "\\PC{0,16}|[0-9 -]{0,14}") {
        if let Ok(n) = NhsNumber::parse(&s) {
            prop_assert_eq!(n.digits().len(), 10);
            prop_assert_eq!(NhsNumber::parse(&n.to_string()).unwrap(), n);
        }
    }
}
