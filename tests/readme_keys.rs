//! Issue 24, "Done when": the README's keys and the help overlay (both
//! from the keymap) agree. Every key a `| Key | Does |` table names is
//! bound, and every key the help overlay shows is named in the README.

use std::collections::BTreeSet;

const README: &str = include_str!("../README.md");

/// A key as the README writes it, as the keymap shows it.
fn as_shown(key: &str) -> Vec<String> {
    match key {
        "Shift-Tab" => vec!["S-Tab".into()],
        "arrows" => ["↑", "↓", "←", "→"].map(String::from).to_vec(),
        k => vec![k.to_string()],
    }
}

/// Every backticked word of `text`, as the keymap shows it.
fn backticked(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .flat_map(as_shown)
        .collect()
}

/// The first column of every `| Key | Does |` table.
fn key_columns() -> String {
    let mut keys = String::new();
    let mut in_table = false;
    for line in README.lines() {
        if line.starts_with("| Key | Does |") {
            in_table = true;
        } else if !line.starts_with('|') {
            in_table = false;
        } else if in_table {
            keys.push_str(line.split('|').nth(1).unwrap_or(""));
        }
    }
    keys
}

#[test]
fn every_key_in_a_readme_table_is_bound_and_every_help_key_is_in_the_readme() {
    let keymap = caseload::tui::panes::keymap(&Default::default()).unwrap();
    let mut bound = BTreeSet::new();
    let mut in_help = Vec::new();
    for (binding, keys) in keymap.rows() {
        bound.extend(keys.iter().map(|k| k.to_string()));
        if let Some(first) = keys.first().filter(|_| !binding.help.is_empty()) {
            in_help.push((binding.context.name(), first.to_string(), binding.help));
        }
    }
    let tables = backticked(&key_columns());
    let unbound: Vec<&String> = tables.iter().filter(|k| !bound.contains(*k)).collect();
    assert!(
        unbound.is_empty(),
        "README tables name unbound keys: {unbound:?}"
    );
    let named = backticked(README);
    let missing: Vec<String> = in_help
        .iter()
        .filter(|(_, k, _)| !named.contains(k))
        .map(|(context, k, help)| format!("{context}: {k} {help}"))
        .collect();
    assert!(
        missing.is_empty(),
        "help keys the README never names:\n{}",
        missing.join("\n")
    );
}
