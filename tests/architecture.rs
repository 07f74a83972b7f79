//! The layout that shows the architecture. The build enforces the layers
//! (`domain`, `store` and `io` are crates whose manifests allow only downward
//! dependencies); these tests hold the manifests to that, keep SQL in the
//! store, and find no import circle in the app crate or inside `tui` (a pane
//! never imports the app).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn src(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(rel)
}

/// Lines of `path` that are code, not comments.
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `caseload-*` crates and other named crates a layer's manifest lists.
fn dependencies(layer: &str) -> BTreeSet<String> {
    let manifest = std::fs::read_to_string(src(layer).join("Cargo.toml")).unwrap();
    let table: toml::Table = toml::from_str(&manifest).unwrap();
    table
        .get("dependencies")
        .and_then(|d| d.as_table())
        .map(|d| d.keys().cloned().collect())
        .unwrap_or_default()
}

/// The layers are crates, so the compiler refuses an import the manifest does
/// not allow; this test holds the manifests to the layout.
#[test]
fn layers_depend_only_downwards() {
    let domain = dependencies("domain");
    assert!(
        !domain.iter().any(|d| d.starts_with("caseload")) && !domain.contains("rusqlite"),
        "domain knows no other layer and no database: {domain:?}"
    );
    for layer in ["store", "io"] {
        let deps = dependencies(layer);
        let ours: Vec<&String> = deps.iter().filter(|d| d.starts_with("caseload")).collect();
        assert_eq!(ours, ["caseload-domain"], "{layer} may only use domain");
        for net in ["ureq", "ratatui", "crossterm", "clap"] {
            assert!(!deps.contains(net), "{layer} uses {net}");
        }
    }
    assert!(
        !dependencies("io").contains("rusqlite"),
        "formats hold no SQL"
    );
    // The plain layer does no I/O of its own (a crate may still use std::fs).
    for file in rust_files(&src("domain")) {
        let text = code(&file);
        for w in ["std::fs", "std::net", "std::process", "std::env"] {
            assert!(!text.contains(w), "{} uses {w}", file.display());
        }
    }
}

/// Top-level modules of the app crate -> the others each one names.
fn app_imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = ["adapters", "cli", "config", "key_source", "tui"];
    let mut graph = BTreeMap::new();
    for module in modules {
        let dir = src(module);
        let files = if dir.is_dir() {
            rust_files(&dir)
        } else {
            vec![src(&format!("{module}.rs"))]
        };
        let text: String = files.iter().map(|f| code(f)).collect();
        let names: BTreeSet<String> = modules
            .iter()
            .filter(|m| **m != module && text.contains(&format!("crate::{m}")))
            .map(|m| m.to_string())
            .collect();
        graph.insert(module.to_string(), names);
    }
    graph
}

#[test]
fn the_app_crate_imports_in_no_circle() {
    let graph = app_imports();
    assert!(
        graph["config"].is_empty(),
        "config is plain data: {graph:?}"
    );
    assert!(!graph["tui"].contains("cli"), "{graph:?}");
    assert!(
        graph["adapters"].is_empty(),
        "adapters know no app: {graph:?}"
    );
    for module in graph.keys() {
        assert!(
            !reaches(&graph, module, module, &mut BTreeSet::new()),
            "{module} imports itself through a circle: {graph:?}"
        );
    }
}

/// Depth-first search for a path from `from` to `to`.
fn reaches(
    g: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
    seen: &mut BTreeSet<String>,
) -> bool {
    for next in g.get(from).into_iter().flatten() {
        if next == to || (seen.insert(next.clone()) && reaches(g, next, to, seen)) {
            return true;
        }
    }
    false
}

#[test]
fn sql_lives_in_the_store_only() {
    let mut files = rust_files(&src("tui"));
    files.extend(rust_files(&src("io")));
    files.extend(rust_files(&src("cli")));
    for file in files {
        let text = code(&file);
        for w in [
            "SELECT ",
            "INSERT INTO",
            "UPDATE ",
            "DELETE FROM",
            "PRAGMA ",
        ] {
            assert!(!text.contains(w), "{} holds SQL ({w})", file.display());
        }
    }
}

/// `tui/<module>` -> the other `tui` modules it names.
fn tui_imports() -> BTreeMap<String, BTreeSet<String>> {
    let root = src("tui");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&root) {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let module = rel
            .trim_end_matches(".rs")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        if module == "mod" {
            continue; // the root: it declares every module
        }
        let top_level_file = !rel.contains('/') || rel.ends_with("/mod.rs");
        let text = code(&file);
        let mut names = BTreeSet::new();
        for (prefix, ok) in [("crate::tui::", true), ("use super::", top_level_file)] {
            if !ok {
                continue;
            }
            for piece in text.split(prefix).skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    names.insert(name);
                }
            }
        }
        graph.entry(module).or_default().extend(names);
    }
    graph
}

#[test]
fn tui_modules_form_no_cycle() {
    let graph = tui_imports();
    for module in graph.keys() {
        assert!(
            !reaches(&graph, module, module, &mut BTreeSet::new()),
            "tui::{module} imports itself through a cycle: {graph:?}"
        );
    }
    // The leaf every pane shares imports no other tui module.
    assert!(
        graph.get("action").is_none_or(|d| d.is_empty()),
        "{graph:?}"
    );
    assert!(!graph["panes"].contains("app"), "a pane imports the app");
}

/// Writes that are not audited (`file::method`), and why. Everything else that opens a write
/// transaction in the store must record who did it (issue 12: "every write
/// path is audited"), so a new write path without an audit row fails here.
const UNAUDITED_WRITES: &[(&str, &str)] = &[
    // Autosaves of text being typed, every few seconds; the note they become is audited.
    ("conversation::save_draft", "autosave of an unsaved note"),
    ("conversation::discard_draft", "an unsaved note thrown away"),
    ("form_draft::save", "autosave of a half-filled form"),
    (
        "form_draft::discard",
        "a half-filled form saved or thrown away",
    ),
    // Fictional data written into a new file by `caseload demo`.
    ("demo::load_demo", "demo data"),
    ("demo::insert_generated", "demo data"),
];

#[test]
fn every_store_write_is_audited() {
    let mut unaudited = Vec::new();
    let mut writes = 0;
    for file in rust_files(&src("store")) {
        let text = code(&file);
        // Split the file at each method, so each chunk is one function's body.
        let mut chunks = Vec::new();
        let mut rest = text.as_str();
        while let Some(at) = ["\n    pub fn ", "\n    fn ", "\n    pub(crate) fn "]
            .iter()
            .filter_map(|m| rest[1..].find(m).map(|i| i + 1))
            .min()
        {
            chunks.push(&rest[..at]);
            rest = &rest[at..];
        }
        chunks.push(rest);
        for chunk in chunks {
            let Some(name) = chunk
                .split("fn ")
                .nth(1)
                .and_then(|s| s.split(['(', '<']).next())
            else {
                continue;
            };
            // On `Store` itself, or on a group's handle (`store.people_mut()`).
            if !chunk.contains("self.write(") && !chunk.contains("self.0.write(") {
                continue;
            }
            writes += 1;
            let audited = chunk.contains("audit(")
                || chunk.contains("audit_because(")
                || chunk.contains("INSERT INTO audit");
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let qualified = format!("{stem}::{name}");
            if !audited && !UNAUDITED_WRITES.iter().any(|(n, _)| *n == qualified) {
                unaudited.push(format!("{}: {name}", file.display()));
            }
        }
    }
    assert!(
        writes >= 15,
        "found only {writes} write paths: the scan is broken"
    );
    assert!(
        unaudited.is_empty(),
        "write paths with no audit row (audit them, or list them with a reason): {unaudited:#?}"
    );
}
