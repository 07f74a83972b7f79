//! `caseload serve` as the real binary on a free loopback port: every
//! endpoint and page checked against the vendored UK profile schemas, no
//! personal data in any response, bad requests answered 400/404 (fuzzed),
//! a changed directory seen without a restart, and `directory pull` from
//! it giving back the same services under the same ids.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::http::{Client, Server, get, raw, request};
use common::{Sandbox, today};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oruk")
        .join(name)
}

/// Resolves the schemas' relative `$ref`s ("taxonomy_term.json") to the
/// vendored files: nothing is fetched.
struct Vendored;

impl jsonschema::Retrieve for Vendored {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or("");
        let text = std::fs::read_to_string(fixture(&format!(
            "uk_{}",
            name.replace(".json", ".schema.json")
        )))?;
        Ok(serde_json::from_str(&text)?)
    }
}

fn validator(file: &str) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(file)).unwrap()).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .with_base_uri("https://schemas.invalid/oruk/")
        .with_retriever(Vendored)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The schema the profile's OpenAPI file gives for a 200 answer to
/// `GET template` (the Page envelope and all), its `#/components` refs
/// inlined and its schema URLs resolved to the vendored files.
fn answer_schema(template: &str) -> jsonschema::Validator {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src/io/oruk_openapi.json"),
        )
        .unwrap(),
    )
    .unwrap();
    fn inline(v: &mut Value, doc: &Value) {
        if let Some(r) = v.get("$ref").and_then(Value::as_str)
            && let Some(local) = r.strip_prefix("#/")
        {
            *v = doc.pointer(&format!("/{local}")).unwrap().clone();
        }
        match v {
            Value::Object(m) => m.values_mut().for_each(|x| inline(x, doc)),
            Value::Array(a) => a.iter_mut().for_each(|x| inline(x, doc)),
            _ => {}
        }
    }
    let mut schema =
        doc["paths"][template]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
            .clone();
    assert!(schema.is_object(), "{template} in the OpenAPI file");
    inline(&mut schema, &doc);
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .with_base_uri("https://schemas.invalid/oruk/")
        .with_retriever(Vendored)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{template}: {e}"))
}

#[track_caller]
fn valid(v: &jsonschema::Validator, name: &str, value: &Value) {
    let errors: Vec<String> = v
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

/// A sandbox with the demo directory, the official HSDS example (which has
/// a taxonomy) and two services with coordinates, one of them inactive.
fn directory(sandbox: &Sandbox) -> PathBuf {
    let db = demo_directory(sandbox);
    let mut store = common::app::open_store(&db);
    let gone = store
        .directory()
        .list()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Walled garden volunteers")
        .unwrap();
    store.directory_mut().set_active(gone.id, false).unwrap();
    db
}

/// The demo directory (three of its services are inactive), the official
/// HSDS example and two services with coordinates.
fn demo_directory(sandbox: &Sandbox) -> PathBuf {
    let db = sandbox.path("demo.db");
    sandbox.run(["demo", "--out", db.to_str().unwrap()]).ok();
    sandbox
        .run_db(
            &db,
            &[
                "directory",
                "import",
                fixture("hsds3_service_full.json").to_str().unwrap(),
            ],
        )
        .ok();
    let near = sandbox.path("near.json");
    std::fs::write(&near, NEAR).unwrap();
    sandbox
        .run_db(&db, &["directory", "import", near.to_str().unwrap()])
        .ok();
    db
}

const NEAR: &str = r#"[
 {"id": "9a4b5c2e-1f00-4d6e-8a11-000000000001", "name": "Park run helpers", "status": "active",
  "service_at_locations": [{"id": "9a4b5c2e-1f00-4d6e-8a11-0000000000a1", "location": {
    "id": "9a4b5c2e-1f00-4d6e-8a11-0000000000b1", "location_type": "physical",
    "latitude": 53.7997, "longitude": -1.5492,
    "addresses": [{"id": "9a4b5c2e-1f00-4d6e-8a11-0000000000c1", "address_1": "Park Square",
      "city": "Leeds", "state_province": "", "postal_code": "LS1 2NE", "country": "GB",
      "address_type": "physical"}]}}]},
 {"id": "9a4b5c2e-1f00-4d6e-8a11-000000000002", "name": "Walled garden volunteers", "status": "active",
  "service_at_locations": [{"id": "9a4b5c2e-1f00-4d6e-8a11-0000000000a2", "location": {
    "id": "9a4b5c2e-1f00-4d6e-8a11-0000000000b2", "location_type": "physical",
    "latitude": 53.8310, "longitude": -1.5210,
    "addresses": [{"id": "9a4b5c2e-1f00-4d6e-8a11-0000000000c2", "address_1": "Roundhay",
      "city": "Leeds", "state_province": "", "postal_code": "LS8 2HH", "country": "GB",
      "address_type": "physical"}]}}]}
]"#;

fn serve(sandbox: &Sandbox, db: &Path) -> Server {
    let mut cmd = sandbox.command();
    cmd.args([
        "--db",
        db.to_str().unwrap(),
        "serve",
        "--listen",
        "127.0.0.1:0",
    ]);
    Server::start(cmd)
}

/// Every page of a paged list, checked for the profile's Page fields.
fn pages(server: &Server, path: &str, per_page: u64) -> Vec<Value> {
    let mut client = Client::new(server.addr);
    let envelope = answer_schema(path.split('?').next().unwrap_or(path));
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let r = client.get(&format!("{path}{sep}page={page}&per_page={per_page}"));
        assert_eq!(r.status, 200, "{path} page {page}: {}", r.text());
        let p = r.json();
        valid(&envelope, path, &p);
        let contents = p["contents"].as_array().unwrap().clone();
        let total = p["total_items"].as_u64().unwrap();
        let total_pages = p["total_pages"].as_u64().unwrap();
        assert_eq!(total_pages, total.div_ceil(per_page), "{path}");
        assert_eq!(p["page_number"], page);
        assert_eq!(p["size"].as_u64().unwrap(), contents.len() as u64);
        assert_eq!(p["first_page"], page == 1);
        assert_eq!(p["last_page"], page >= total_pages);
        assert_eq!(p["empty"], contents.is_empty());
        items.extend(contents);
        if page >= total_pages {
            assert_eq!(items.len() as u64, total, "{path}");
            return items;
        }
        page += 1;
    }
}

#[test]
fn every_endpoint_and_page_validates_against_the_profile() {
    let sandbox = Sandbox::new();
    let db = directory(&sandbox);
    let server = serve(&sandbox, &db);
    let (hsds, uk) = (
        validator("hsds3_service.schema.json"),
        validator("uk_service.schema.json"),
    );
    let list = validator("uk_service_list.schema.json");
    let one_service = answer_schema("/services/{id}");

    let root = get(server.addr, "/");
    assert_eq!(root.status, 200);
    assert_eq!(root.header("access-control-allow-origin"), Some("*"));
    let root = root.json();
    valid(&answer_schema("/"), "/", &root);
    assert_eq!(root["version"], "3.0");
    assert_eq!(root["openapi_url"], format!("{}/openapi.json", server.base));
    let openapi = get(server.addr, "/openapi.json");
    assert_eq!(
        openapi.body,
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/io/oruk_openapi.json"))
            .unwrap()
    );

    // The export of the same file, active services only: the same documents.
    let export: Vec<Value> = serde_json::from_str(
        sandbox
            .run_db(&db, &["directory", "export", "--format", "oruk"])
            .ok(),
    )
    .unwrap();
    let active: Vec<&Value> = export.iter().filter(|s| s["status"] == "active").collect();
    assert!(active.len() < export.len(), "an inactive service is there");

    let services = pages(&server, "/services", 7);
    assert_eq!(services.len(), active.len());
    let mut client = Client::new(server.addr);
    for (item, exported) in services.iter().zip(&active) {
        assert_eq!(item, *exported, "a page item is the exported document");
        valid(&list, "service_list", item);
        let id = item["id"].as_str().unwrap();
        let whole = client.get(&format!("/services/{id}"));
        assert_eq!(whole.status, 200);
        let whole = whole.json();
        assert_eq!(&whole, *exported);
        valid(&hsds, "hsds3 service", &whole);
        valid(&uk, "uk service", &whole);
        valid(&one_service, "/services/{id}", &whole);
    }
    // An inactive service keeps its id: listed when asked, fetched by id.
    let inactive = pages(&server, "/services?status=inactive", 50);
    assert_eq!(inactive.len(), export.len() - active.len());
    let garden = inactive
        .iter()
        .find(|s| s["name"] == "Walled garden volunteers")
        .unwrap();
    let id = garden["id"].as_str().unwrap();
    assert_eq!(
        get(server.addr, &format!("/services/{id}")).json()["status"],
        "inactive"
    );

    let term_v = validator("uk_taxonomy_term.schema.json");
    let terms = pages(&server, "/taxonomy_terms", 9);
    assert!(terms.len() > 5);
    for t in &terms {
        valid(&term_v, "taxonomy_term", t);
        let one = get(
            server.addr,
            &format!("/taxonomy_terms/{}", t["id"].as_str().unwrap()),
        );
        let one = one.json();
        valid(
            &answer_schema("/taxonomy_terms/{id}"),
            "/taxonomy_terms/{id}",
            &one,
        );
        assert_eq!(&one, t);
    }
    let tax_v = validator("uk_taxonomy.schema.json");
    let taxonomies = pages(&server, "/taxonomies", 2);
    assert!(!taxonomies.is_empty(), "the HSDS example's taxonomy");
    for t in &taxonomies {
        valid(&tax_v, "taxonomy", t);
        let id = t["id"].as_str().unwrap();
        let one = get(server.addr, &format!("/taxonomies/{id}")).json();
        valid(&answer_schema("/taxonomies/{id}"), "/taxonomies/{id}", &one);
        assert_eq!(&one, t);
        let by_taxonomy = pages(&server, &format!("/services?taxonomy_id={id}"), 50);
        assert!(!by_taxonomy.is_empty());
    }
    // taxonomy_term_id gives the services with that term, and only them.
    let term = terms[0]["id"].as_str().unwrap();
    let with_term = pages(&server, &format!("/services?taxonomy_term_id={term}"), 50);
    assert!(!with_term.is_empty());
    for s in &with_term {
        assert!(
            s["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["taxonomy_term_id"] == term)
        );
    }

    let sal_list = validator("uk_service_at_location_list.schema.json");
    let sal_one = validator("uk_service_at_location.schema.json");
    // (The OpenAPI file gives compiled/service.json for
    // /service_at_locations/{id}, a slip upstream: the answer is a
    // service_at_location, checked against that schema.)
    let sals = pages(&server, "/service_at_locations", 11);
    assert!(sals.len() > 10);
    for s in &sals {
        valid(&sal_list, "service_at_location list item", s);
        let one = get(
            server.addr,
            &format!("/service_at_locations/{}", s["id"].as_str().unwrap()),
        );
        assert_eq!(one.status, 200);
        valid(&sal_one, "service_at_location", &one.json());
    }
    // Postcode: the whole postcode or its district; proximity from the
    // directory's own coordinates for that postcode.
    let at = pages(&server, "/service_at_locations?postcode=ls1%202ne", 50);
    assert!(
        at.iter()
            .any(|s| s["service"]["name"] == "Park run helpers")
    );
    for s in &at {
        let code = s["location"]["addresses"][0]["postal_code"]
            .as_str()
            .unwrap();
        assert_eq!(code.replace(' ', ""), "LS12NE");
    }
    let district = pages(&server, "/service_at_locations?postcode=LS1", 50);
    assert!(district.len() > at.len());
    for s in &district {
        let code = s["location"]["addresses"][0]["postal_code"]
            .as_str()
            .unwrap();
        assert!(code.starts_with("LS1 "), "{code}");
    }
    let near = pages(
        &server,
        "/service_at_locations?postcode=LS12NE&proximity=5000&status=all",
        50,
    );
    let names: BTreeSet<&str> = near
        .iter()
        .map(|s| s["service"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        BTreeSet::from(["Park run helpers", "Walled garden volunteers"])
    );
    let close = pages(
        &server,
        "/service_at_locations?postcode=LS12NE&proximity=500&status=all",
        50,
    );
    assert_eq!(close.len(), 1);
}

#[test]
fn search_ranks_as_directory_search_does() {
    let sandbox = Sandbox::new();
    let db = directory(&sandbox);
    let server = serve(&sandbox, &db);
    for query in ["walking", "money advice", "lonely", "garden"] {
        let cli = sandbox
            .run_db(
                &db,
                &[
                    "directory",
                    "search",
                    query,
                    "--format",
                    "json",
                    "--limit",
                    "1000",
                ],
            )
            .ok()
            .to_string();
        let cli: Vec<Value> = serde_json::from_str(&cli).unwrap();
        let want: Vec<String> = cli
            .iter()
            .map(|s| caseload::domain::service::export_id(s["uid"].as_str().unwrap()))
            .collect();
        let got: Vec<String> = pages(
            &server,
            &format!("/services?search={}", query.replace(' ', "+")),
            20,
        )
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
        assert!(!got.is_empty(), "{query}");
        assert_eq!(got, want, "{query}");
    }
    let after = pages(&server, "/services?modified_after=2100-01-01", 50);
    assert!(after.is_empty());
    let all = pages(&server, "/services?modified_after=2000-01-01T00:00:00Z", 50);
    assert_eq!(all.len(), pages(&server, "/services", 50).len());
}

const MARK: &str = "zqxmark";

/// Tables that hold the directory itself: everything else in the file is
/// about people, their workers or the app, and none of it may be served.
const DIRECTORY_TABLES: [&str; 2] = ["service", "change_counter"];

/// Plants a marker in every personal text field there is. Through the
/// store: a person (every free-text field, the referrer too), a note, a
/// goal, a connection, a follow-up done with an outcome, a worker; then
/// rows in the tables the store fills only from the app (drafts, a
/// handover, a connection's step); then, in SQL, the marker goes into every
/// text column of every row of every table but the directory's (a column
/// with a CHECK refuses it and keeps its value). Every such table ends up
/// with a marked row, so a table added later is covered too.
fn plant_personal_data(db: &Path) {
    use caseload::domain::PersonDetails;
    use caseload::domain::conversation::{ConversationKind, NewNote};
    use caseload::domain::service::ConnectionStatus;
    let mut store = common::app::open_store(db);
    let m = |f: &str| Some(format!("{MARK}-{f}"));
    let person = PersonDetails {
        given_name: format!("{MARK}given"),
        family_name: format!("{MARK}family"),
        preferred_name: m("preferred"),
        phone: Some("07700 900417".into()),
        email: Some(format!("{MARK}@example.org")),
        address: m("address"),
        postcode: Some("ZZ9 9ZQ".into()),
        contact_preferences: m("contact"),
        referral_source: format!("{MARK}-source"),
        referral_reason: m("reason"),
        referrer_name: m("referrer"),
        referrer_organisation: m("referrer-org"),
        risk_note: m("risk"),
        gp_practice: m("practice"),
        ..Default::default()
    };
    let id = store.people_mut().add(&person).unwrap();
    store
        .notes_mut()
        .add(&NewNote {
            person_id: id,
            kind: ConversationKind::Phone,
            occurred_at: common::now(),
            body: format!("{MARK}-note about walking and gardening"),
            amends: None,
        })
        .unwrap();
    store
        .goals_mut()
        .add(id, &format!("{MARK}-goal walking"), today())
        .unwrap();
    let service = store.directory().list().unwrap()[0].id;
    store
        .connections_mut()
        .add(
            id,
            service,
            ConnectionStatus::Referred,
            today(),
            Some(&format!("{MARK}-connection")),
        )
        .unwrap();
    let follow_up = store
        .follow_ups_mut()
        .add(
            Some(id),
            Some(service),
            today(),
            None,
            &format!("{MARK}-follow-up"),
        )
        .unwrap();
    store
        .follow_ups_mut()
        .complete_with(follow_up, Some(&format!("{MARK}-outcome")))
        .unwrap();
    store
        .workers_mut()
        .add(
            &format!("{MARK}login"),
            &format!("{MARK} worker"),
            caseload::domain::worker::Role::LinkWorker,
        )
        .unwrap();
    drop(store);

    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO draft (person_id, kind, occurred_at, body, updated_at)
             VALUES ({id}, 'other', '2026-11-23T09:00:00', '{MARK} draft', '2026-11-23T09:00:00');
         INSERT INTO form_draft (worker, purpose, person_id, fields, updated_at)
             VALUES ('{MARK}w', 'person', {id}, '{MARK} fields', '2026-11-23T09:00:00');
         INSERT INTO handover (person_id, from_worker, to_worker, note, handed_on, created_at)
             VALUES ({id}, '{MARK}a', '{MARK}b', '{MARK} handover', '2026-11-23', '2026-11-23T09:00:00');
         INSERT INTO connection_history (connection_id, status, status_on, note, created_at)
             SELECT id, 'attended', '2026-11-01', '{MARK} step', '2026-11-01T09:00:00'
             FROM connection WHERE person_id = {id};
         INSERT INTO sync_conflict (person_id, tbl, uid, field, kept, lost, lost_by, recorded_at)
             VALUES ({id}, 'person', 'u', 'phone', '{MARK} kept', '{MARK} lost', '{MARK} by', '2026-11-23T09:00:00');
         INSERT INTO sync_base (tbl, uid, row) VALUES ('person', 'u', '{MARK} base');
         INSERT INTO sync_device (device, worker) VALUES ('{MARK} device', '{MARK} worker');
         INSERT INTO sync_origin (id, origin, worker, device, cloned_at)
             VALUES (1, '{MARK} origin', '{MARK} worker', '{MARK} device', '2026-11-23T09:00:00');"
    ))
    .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND c.type LIKE '%TEXT%'",
        )
        .unwrap();
    let columns: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|c: rusqlite::Result<(String, String)>| c.unwrap())
        .filter(|(t, _)| !DIRECTORY_TABLES.contains(&t.as_str()))
        .collect();
    let mut marked = BTreeSet::new();
    for (table, column) in &columns {
        let sql = format!("UPDATE {table} SET {column} = coalesce({column}, '') || ' {MARK}'");
        if conn.execute(&sql, []).is_ok_and(|n| n > 0) {
            marked.insert(table.clone());
        }
    }
    let tables: BTreeSet<String> = columns.into_iter().map(|(t, _)| t).collect();
    assert_eq!(marked, tables, "every personal table has a marked row");
}

/// The database file's bytes and modification time.
fn fingerprint(db: &Path) -> (Vec<u8>, std::time::SystemTime) {
    let meta = std::fs::metadata(db).unwrap();
    (std::fs::read(db).unwrap(), meta.modified().unwrap())
}

#[test]
fn no_person_note_or_worker_data_in_any_response() {
    let sandbox = Sandbox::new();
    let db = directory(&sandbox);
    plant_personal_data(&db);
    let markers = [MARK, "07700 900417", "ZZ9 9ZQ", "ZZ99ZQ"];
    let before = fingerprint(&db);
    let server = serve(&sandbox, &db);
    let mut bodies: Vec<(String, String)> = Vec::new();
    let mut client = Client::new(server.addr);
    let mut fetch = |target: String| {
        let r = client.get(&target);
        assert!(r.status == 200, "{target}: {}", r.status);
        assert_eq!(
            r.header("access-control-allow-origin"),
            Some("*"),
            "{target}"
        );
        let body = r.text();
        let v: Value = serde_json::from_str(&body).unwrap();
        bodies.push((target, body));
        v
    };
    fetch("/".into());
    fetch("/openapi.json".into());
    let service_filters = [
        "&status=all".to_string(),
        "&status=inactive".to_string(),
        "&search=walking".to_string(),
        format!("&search={MARK}"),
        "&modified_after=2000-01-01".to_string(),
    ];
    for list in [
        "/services",
        "/taxonomies",
        "/taxonomy_terms",
        "/service_at_locations",
    ] {
        let mut extras = vec![String::new()];
        if !list.starts_with("/taxonom") {
            extras.extend(service_filters.iter().cloned());
        }
        if list == "/service_at_locations" {
            extras.push("&postcode=LS12NE&proximity=10000&status=all".into());
        }
        for extra in &extras {
            let mut page = 1;
            loop {
                let p = fetch(format!("{list}?page={page}&per_page=100{extra}"));
                for item in p["contents"].as_array().unwrap() {
                    if let Some(id) = item["id"].as_str() {
                        fetch(format!("{list}/{id}"));
                    }
                }
                if p["last_page"] == true {
                    break;
                }
                page += 1;
            }
        }
    }
    assert!(bodies.len() > 50, "{} responses", bodies.len());
    for (target, body) in &bodies {
        for m in markers {
            assert!(
                !body.to_lowercase().contains(&m.to_lowercase()),
                "{target} holds {m}"
            );
        }
    }
    // Read-only: the crawl left the file as it was, byte for byte.
    drop(server);
    assert!(before == fingerprint(&db), "the database file changed");
    // And it serves a file it cannot write (one opened for writing would
    // not start).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();
    let server = serve(&sandbox, &db);
    assert_eq!(get(server.addr, "/services").status, 200);
}

/// The same directory with every service active: a pull copies it all.
fn active_directory(sandbox: &Sandbox) -> PathBuf {
    let db = demo_directory(sandbox);
    let mut store = common::app::open_store(&db);
    for s in store.directory().list().unwrap() {
        store.directory_mut().set_active(s.id, true).unwrap();
    }
    db
}

#[test]
fn a_pull_from_it_gives_the_same_services_and_nothing_else() {
    let sandbox = Sandbox::new();
    let db = active_directory(&sandbox);
    plant_personal_data(&db);
    let server = serve(&sandbox, &db);
    let copy = sandbox.path("copy.db");
    let out = sandbox
        .run_db(&copy, &["directory", "pull", &server.base])
        .ok()
        .to_string();
    assert!(out.starts_with("added "), "{out}");
    let export = |file: &Path| {
        sandbox
            .run_db(file, &["directory", "export", "--format", "oruk"])
            .ok()
            .to_string()
    };
    let (original, pulled) = (export(&db), export(&copy));
    let services: Vec<Value> = serde_json::from_str(&original).unwrap();
    assert!(services.len() > 20);
    assert!(
        original == pulled,
        "the copy's export is byte for byte the original's"
    );
    assert_eq!(
        common::count_rows(&copy, "service") as usize,
        services.len()
    );
    for table in ["person", "conversation", "goal", "connection", "reminder"] {
        assert_eq!(common::count_rows(&copy, table), 0, "{table}");
    }
    assert!(!pulled.contains(MARK));
    // Pulled again: nothing changes.
    let again = sandbox
        .run_db(&copy, &["directory", "pull", &server.base])
        .ok()
        .to_string();
    assert!(again.starts_with("added 0, updated 0"), "{again}");
    assert!(export(&copy) == original);
}

#[test]
fn a_pull_leaves_out_inactive_services_and_keeps_the_ids() {
    let sandbox = Sandbox::new();
    let db = directory(&sandbox);
    let server = serve(&sandbox, &db);
    let copy = sandbox.path("copy.db");
    sandbox
        .run_db(&copy, &["directory", "pull", &server.base])
        .ok();
    let export = |file: &Path| -> BTreeMap<String, Value> {
        let text = sandbox
            .run_db(file, &["directory", "export", "--format", "oruk"])
            .ok()
            .to_string();
        let all: Vec<Value> = serde_json::from_str(&text).unwrap();
        all.into_iter()
            .map(|s| (s["id"].as_str().unwrap().to_string(), s))
            .collect()
    };
    let (original, pulled) = (export(&db), export(&copy));
    let active: BTreeMap<String, Value> = original
        .into_iter()
        .filter(|(_, s)| s["status"] == "active")
        .collect();
    assert_eq!(pulled, active);
}

#[test]
fn a_changed_directory_shows_on_the_next_request() {
    let sandbox = Sandbox::new();
    let db = directory(&sandbox);
    let server = serve(&sandbox, &db);
    let first = get(server.addr, "/services?per_page=1");
    let tag = first.header("etag").unwrap().to_string();
    let same = request(
        server.addr,
        "GET",
        "/services?per_page=1",
        &[("If-None-Match", &tag)],
    );
    assert_eq!(same.status, 304);
    assert!(same.body.is_empty());
    let total = first.json()["total_items"].as_u64().unwrap();

    let csv = sandbox.path("one.csv");
    std::fs::write(&csv, "name,categories\nNew chess club,chess\n").unwrap();
    sandbox
        .run_db(&db, &["directory", "import", csv.to_str().unwrap()])
        .ok();

    let after = request(
        server.addr,
        "GET",
        "/services?per_page=1",
        &[("If-None-Match", &tag)],
    );
    assert_eq!(after.status, 200, "the ETag moved with the directory");
    assert_ne!(after.header("etag"), Some(tag.as_str()));
    assert_eq!(after.json()["total_items"].as_u64().unwrap(), total + 1);
    let found = pages(&server, "/services?search=chess", 10);
    assert_eq!(found[0]["name"], "New chess club");
}

#[test]
fn requests_are_bounded_and_only_get_and_head_are_served() {
    let sandbox = Sandbox::new();
    let db = directory(&sandbox);
    let server = serve(&sandbox, &db);
    let a = server.addr;
    let head = request(a, "HEAD", "/services", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert!(
        head.header("content-length")
            .unwrap()
            .parse::<usize>()
            .unwrap()
            > 100
    );
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let r = request(a, method, "/services", &[]);
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"));
    }
    assert_eq!(
        request(a, "GET", "/", &[("Content-Length", "5")]).status,
        413
    );
    let many: Vec<(String, String)> = (0..40).map(|i| (format!("X-H{i}"), "1".into())).collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(request(a, "GET", "/", &many).status, 431);
    let long = "a".repeat(20_000);
    assert_eq!(get(a, &format!("/services?search={long}")).status, 431);
    assert_eq!(get(a, "/services?per_page=101").status, 400);
    assert_eq!(get(a, "/services?per_page=100").status, 200);
    let e = get(a, "/services?colour=red");
    assert_eq!(e.status, 400);
    assert_eq!(e.json()["code"], 400);
    assert!(e.json()["message"].as_str().unwrap().contains("colour"));
    assert_eq!(get(a, "/people").status, 404);
    assert_eq!(
        get(a, "/services/00000000-0000-0000-0000-000000000000").status,
        404
    );
    assert_eq!(raw(a, b"NONSENSE\r\n\r\n").map(|r| r.status), Some(400));
    // Several requests on one connection.
    let mut c = Client::new(a);
    for _ in 0..5 {
        assert_eq!(c.get("/").status, 200);
    }
    // The default address is this machine only.
    let help = sandbox.run(["serve", "--help"]).ok().to_string();
    assert!(help.contains("127.0.0.1:8080"), "{help}");
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn part() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("page".to_string()),
            Just("per_page".to_string()),
            Just("search".to_string()),
            Just("taxonomy_term_id".to_string()),
            Just("taxonomy_id".to_string()),
            Just("modified_after".to_string()),
            Just("status".to_string()),
            Just("postcode".to_string()),
            Just("proximity".to_string()),
            "[a-z_%0-9]{0,12}",
            "-?[0-9]{1,25}(\\.[0-9]{0,5})?(e[0-9]{1,4})?",
            "(%[0-9A-Fa-f]{0,2}|[a-zA-Z0-9+~.\\-]){0,20}",
        ]
    }

    fn query() -> impl Strategy<Value = String> {
        prop::collection::vec((part(), part(), any::<bool>()), 0..5).prop_map(|pairs| {
            pairs
                .into_iter()
                .map(|(k, v, eq)| if eq { format!("{k}={v}") } else { k })
                .collect::<Vec<_>>()
                .join("&")
        })
    }

    fn path() -> impl Strategy<Value = String> {
        let seg = prop_oneof![
            Just("services".to_string()),
            Just("taxonomies".to_string()),
            Just("taxonomy_terms".to_string()),
            Just("service_at_locations".to_string()),
            Just("openapi.json".to_string()),
            "(%[0-9A-Fa-f]{0,2}|[a-zA-Z0-9._~\\-]){0,40}",
        ];
        prop::collection::vec(seg, 0..4).prop_map(|s| format!("/{}", s.join("/")))
    }

    #[test]
    fn fuzzed_paths_and_queries_get_an_answer_never_a_failure() {
        let sandbox = Sandbox::new();
        let db = directory(&sandbox);
        let mut server = serve(&sandbox, &db);
        let addr = server.addr;
        let client = std::cell::RefCell::new(Client::new(addr));
        let seen = std::cell::RefCell::new(BTreeMap::new());
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases: 3000,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        runner
            .run(&(path(), query()), |(path, query)| {
                let target = if query.is_empty() {
                    path
                } else {
                    format!("{path}?{query}")
                };
                let r = client.borrow_mut().get(&target);
                *seen.borrow_mut().entry(r.status).or_insert(0) += 1;
                prop_assert!(
                    matches!(r.status, 200 | 400 | 404),
                    "{target}: {} {}",
                    r.status,
                    r.text()
                );
                let body: Value = serde_json::from_slice(&r.body)
                    .map_err(|e| TestCaseError::fail(format!("{target}: {e}")))?;
                if r.status != 200 {
                    prop_assert_eq!(&body["code"], &Value::from(r.status));
                }
                Ok(())
            })
            .unwrap();
        let seen = seen.into_inner();
        assert!(
            seen.contains_key(&400) && seen.contains_key(&404),
            "{seen:?}"
        );
        // Raw bytes for a request head: never a 5xx, and the server goes on.
        let mut heads = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases: 500,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        heads
            .run(&prop::collection::vec(any::<u8>(), 0..300), |mut bytes| {
                bytes.extend_from_slice(b"\r\n\r\n");
                if let Some(r) = raw(addr, &bytes) {
                    prop_assert!(
                        r.status < 500,
                        "{:?}: {}",
                        String::from_utf8_lossy(&bytes),
                        r.status
                    );
                }
                Ok(())
            })
            .unwrap();
        assert!(server.running());
        assert_eq!(get(addr, "/").status, 200);
    }
}
