//! Issue 21, item 2: shell completions and a man page from the clap
//! definitions. The bash script is loaded into a real bash and asked to
//! complete, as a shell would when Tab is pressed.

use crate::common;

use common::Sandbox;

/// What bash's completion for `caseload` offers for the words typed so far
/// (the last one being completed).
fn bash_completes(script: &str, words: &[&str]) -> Vec<String> {
    let words_arr = words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let cword = words.len() - 1;
    let prev = words.get(cword.wrapping_sub(1)).copied().unwrap_or("");
    let probe = format!(
        "{script}\nCOMP_WORDS=({words_arr}); COMP_CWORD={cword}; \
         _caseload caseload '{}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words[cword]
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &probe])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_bash_completion_loads_and_completes_subcommands_and_options() {
    let sb = Sandbox::new();
    let script = sb.run(["completions", "bash"]).ok().to_string();
    assert!(script.contains("complete -F _caseload"), "{script}");
    let top = bash_completes(&script, &["caseload", "dir"]);
    assert_eq!(top, ["directory"], "{top:?}");
    let person = bash_completes(&script, &["caseload", "person", ""]);
    for sub in ["add", "list", "show", "letter", "export", "erase"] {
        assert!(person.iter().any(|w| w == sub), "{sub} in {person:?}");
    }
    let options = bash_completes(&script, &["caseload", "person", "add", "--referred"]);
    assert_eq!(options, ["--referred-on"], "{options:?}");
    let mut options = bash_completes(&script, &["caseload", "person", "add", "--referrer"]);
    options.sort();
    assert_eq!(
        options,
        ["--referrer-name", "--referrer-org"],
        "{options:?}"
    );
}

#[test]
fn zsh_and_fish_scripts_and_the_man_page_are_generated() {
    let sb = Sandbox::new();
    let zsh = sb.run(["completions", "zsh"]).ok().to_string();
    assert!(zsh.starts_with("#compdef caseload"), "{zsh}");
    let fish = sb.run(["completions", "fish"]).ok().to_string();
    assert!(fish.contains("complete -c caseload"), "{fish}");
    let man = sb.run(["man"]).ok().to_string();
    assert!(man.contains(".TH caseload 1"), "{man}");
    for sub in [
        "person",
        "directory",
        "report",
        "backup",
        "encrypt",
        "completions",
    ] {
        assert!(man.contains(sub), "{sub} in the man page");
    }
    let bad = sb.run(["completions", "tcsh"]);
    assert_eq!(bad.code, 1, "{}", bad.stderr);
}
