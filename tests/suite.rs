//! Every integration test in one test binary. Each `tests/*.rs` file is a
//! module here rather than its own crate: one link of the whole program (with
//! SQLCipher and OpenSSL) instead of fifty-five, so `cargo test` builds in a
//! fraction of the time and disk. Run one file's tests with its module name,
//! e.g. `cargo test --test suite e2e_notes::`.

mod common;

mod architecture;
mod cli;
mod cli_audit;
mod cli_backup;
mod cli_completions;
mod cli_directory;
mod cli_encrypt;
mod cli_erase;
mod cli_follow_ups;
mod cli_hardening;
mod cli_hardening_io;
mod cli_notes;
mod cli_report;
mod cli_retention;
mod cli_subject_access;
mod cli_team;
mod concurrency;
mod e2e;
mod e2e_config;
mod e2e_directory;
mod e2e_follow_ups;
mod e2e_input;
mod e2e_input_cases;
mod e2e_notes;
mod e2e_text;
mod first_frame;
mod hardening_v3_feeds;
mod hardening_v3_files;
mod hardening_v3_keys;
mod newcomer_week;
mod proptest_editor;
mod proptest_exports;
mod proptest_importers;
mod readme_keys;
mod search_relevance;
mod serve;
mod store;
mod store_directory;
mod store_follow_ups;
mod store_hardening;
mod store_team;
mod sync;
mod sync_merge;
mod team_scale;
mod tui;
mod tui_component;
mod tui_damaged;
mod tui_data_protection;
mod tui_directory;
mod tui_form_drafts;
mod tui_keymap;
mod tui_newcomer;
mod tui_palette;
mod tui_person_record;
mod tui_sync;
mod tui_team;
mod tui_text;
mod tui_widths;
