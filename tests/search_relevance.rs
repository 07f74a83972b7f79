//! How well the directory search answers a link worker's words (issue 11):
//! the relevance set in tests/fixtures/search_relevance.txt on the demo
//! directory. Prints success at 5 and mean reciprocal rank, and every query
//! that missed, so a ranking change shows what it cost.

use crate::common;

use common::relevance::{cases, evaluate};

fn demo_services() -> Vec<caseload::domain::service::Service> {
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        caseload::store::Store::open(&dir.path().join("demo.db"), common::clock()).unwrap();
    caseload::cli::build_demo(&mut store, &Default::default()).unwrap();
    store
        .directory()
        .list()
        .unwrap()
        .into_iter()
        .filter(|s| s.active)
        .collect()
}

#[test]
fn the_relevance_set_is_big_enough_and_names_real_services() {
    let services = demo_services();
    let cases = cases();
    assert!(cases.len() >= 30, "{} queries", cases.len());
    for case in &cases {
        for answer in &case.answers {
            assert!(
                services.iter().any(|s| &s.name == answer),
                "{:?}: no demo service is called {answer:?}",
                case.query
            );
        }
    }
}

#[test]
fn searches_find_what_a_link_worker_means() {
    let figures = evaluate(&demo_services());
    println!(
        "search_relevance: {} queries, success@5 {:.1}%, MRR {:.3}",
        figures.queries,
        figures.success_at_5 * 100.0,
        figures.mrr
    );
    for o in &figures.outcomes {
        if o.rank.is_none_or(|r| r > 1) {
            println!(
                "  {:?}: first right answer at {:?}; top {:?}",
                o.query, o.rank, o.top
            );
        }
    }
    assert!(
        figures.success_at_5 >= 0.95,
        "success@5 {:.1}% is under 95%",
        figures.success_at_5 * 100.0
    );
    assert!(figures.mrr >= 0.85, "MRR {:.3} is under 0.85", figures.mrr);
}

#[test]
fn the_queries_the_issue_names_find_the_right_services_first() {
    let services = demo_services();
    let index = caseload::domain::search::SearchIndex::for_services(
        &services,
        &caseload::domain::words::Thesaurus::builtin(),
    );
    let first = |q: &str| -> Vec<String> {
        index
            .search(q)
            .iter()
            .take(3)
            .map(|h| services[h.index as usize].name.clone())
            .collect()
    };
    assert_eq!(
        first("mens shed")[..2],
        ["Northside Men's Shed", "Old Town Men's Shed"]
    );
    // "walking" is a word of the directory, so "talking" is no typo of it.
    assert!(!first("walking group").contains(&"Men Talk Mondays".to_string()));
    assert_eq!(first("walking group")[0], "Walk and Talk Northside Park");
    assert!(first("loneliness").iter().all(|n| services.iter().any(|s| {
        &s.name == n
            && s.categories
                .as_deref()
                .unwrap_or("")
                .contains("befriending")
    })));
    assert_eq!(first("lonely older people")[0], "Old Town Lunch Club");
    // Scattered letters no longer pad a list that has real matches.
    let mens: Vec<String> = index
        .search("mens shed")
        .iter()
        .map(|h| services[h.index as usize].name.clone())
        .collect();
    assert_eq!(mens.len(), 2, "{mens:?}");
}

#[test]
fn an_organisation_adds_its_own_synonyms_in_config() {
    let sb = common::Sandbox::new();
    let db = sb.path("demo.db");
    sb.run(["demo", "--out", db.to_str().unwrap()]).ok();
    let search = |extra: &[&str]| {
        let mut args = vec!["--db", db.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["directory", "search", "carpentry", "--format", "csv"]);
        sb.run(args).ok().to_string()
    };
    assert!(
        !search(&[]).contains("Men's Shed"),
        "no such word in the demo"
    );
    let config = sb.path("config.toml");
    std::fs::write(
        &config,
        "[settings]\nsynonyms = [\"carpentry ~ woodwork ~ joinery\"]\n",
    )
    .unwrap();
    let found = search(&["--config", config.to_str().unwrap()]);
    assert!(found.contains("Men's Shed"), "{found}");
    // A group of one is refused with its line.
    std::fs::write(&config, "[settings]\nsynonyms = [\"carpentry\"]\n").unwrap();
    let line = sb
        .run([
            "--config",
            config.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "check",
        ])
        .fails(1)
        .to_string();
    assert!(
        line.contains("line 2") && line.contains("synonym"),
        "{line}"
    );
}
