//! Figures for the targets in DESIGN section 7, printed as `name value unit`.
//! Run with `cargo bench --bench ui`. Not a test: nothing here can flake CI.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use caseload::clock::Clock;
use caseload::store::Store;
use caseload::tui::App;
use caseload::tui::theme::Theme;
use chrono::Local;
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const PEOPLE: usize = 10_000;
const SERVICES: usize = 10_000;

/// Counts the bytes crossterm would send to the terminal.
#[derive(Clone, Default)]
struct CountingWriter(Arc<AtomicUsize>);

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn app(path: &std::path::Path) -> App {
    let store = Store::open(path, Clock::system()).expect("open bench database");
    App::new(store, Theme::from_env()).expect("load app")
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Median and p99 of `f` over `n` runs, each followed by a frame.
fn per_key(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    n: usize,
    mut f: impl FnMut(&mut App, usize),
) -> (f64, f64) {
    let mut samples = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        f(app, i);
        term.draw(|fr| app.render(fr)).expect("draw");
        samples.push(ms(t.elapsed()));
    }
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.99),
    )
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let t = Instant::now();
    let mut store = Store::open(&path, Clock::system()).expect("create bench database");
    caseload::cli::build_demo(&mut store, Some(PEOPLE), Some(SERVICES), 1).expect("generate");
    drop(store);
    println!("demo_generate_s {:.2} s", t.elapsed().as_secs_f64());

    // Start to first frame: open, load every pane's data, draw once.
    let t = Instant::now();
    let mut app = app(&path);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| app.render(f)).expect("draw");
    println!("first_frame_ms {:.1} ms", ms(t.elapsed()));
    println!("rss_mb {:.1} MB", rss_mb());

    app.handle_key(key('f')); // all statuses: the longest list
    let (median, p99) = per_key(&mut app, &mut term, 500, |app, i| {
        app.handle_key(key(if (i / 100) % 2 == 0 { 'j' } else { 'k' }))
    });
    println!("caseload_key_ms median {median:.3} p99 {p99:.3} ms");

    let (median, p99) = per_key(&mut app, &mut term, 40, |app, i| {
        let c = b"/ann"[i % 4] as char;
        if i % 4 == 0 {
            app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        }
        app.handle_key(key(c));
    });
    println!("caseload_filter_key_ms median {median:.3} p99 {p99:.3} ms");

    // A person with 500 notes: opening pane 2, then scrolling the timeline.
    let id = add_busy_person(&path, 500);
    let mut app = self::app(&path);
    app.handle_key(key('f')); // all statuses, so the new person is listed
    app.caseload.select_id(id);
    let mut opens = Vec::new();
    for _ in 0..30 {
        app.handle_key(key('1'));
        let (median, _) = per_key(&mut app, &mut term, 1, |app, _| app.handle_key(key('2')));
        opens.push(median);
    }
    println!(
        "person_open_ms median {:.3} p99 {:.3} ms",
        percentile(&mut opens, 0.5),
        percentile(&mut opens, 0.99)
    );
    let (median, p99) = per_key(&mut app, &mut term, 500, |app, i| {
        app.handle_key(key(if (i / 250) % 2 == 0 { 'j' } else { 'k' }))
    });
    println!("note_scroll_key_ms median {median:.3} p99 {p99:.3} ms");

    // Bytes on the wire for one row move, through the real crossterm backend:
    // a move inside the visible page, and a move that scrolls the list by a row.
    let counter = CountingWriter::default();
    let mut wire = Terminal::new(CrosstermBackend::new(counter.clone())).expect("terminal");
    wire.resize(ratatui::layout::Rect::new(0, 0, 80, 24))
        .expect("resize");
    let mut app = self::app(&path);
    wire.draw(|f| app.render(f)).expect("draw");
    let mut move_bytes = |app: &mut App, c: char| {
        let before = counter.0.load(Ordering::Relaxed);
        app.handle_key(key(c));
        wire.draw(|f| app.render(f)).expect("draw");
        counter.0.load(Ordering::Relaxed) - before
    };
    let within: Vec<usize> = (0..10).map(|_| move_bytes(&mut app, 'j')).collect();
    for _ in 0..20 {
        move_bytes(&mut app, 'j'); // reach the bottom of the page
    }
    let scrolling: Vec<usize> = (0..10).map(|_| move_bytes(&mut app, 'j')).collect();
    println!(
        "bytes_per_row_move {} bytes",
        within.iter().max().unwrap_or(&0)
    );
    println!(
        "bytes_per_row_scroll {} bytes",
        scrolling.iter().sum::<usize>() / scrolling.len()
    );

    agenda(&path);
    directory_search_bench();
}

/// Pane 4 with 10k open follow-ups (issue 6): load, open, move, re-bucket.
fn agenda(path: &std::path::Path) {
    use caseload::domain::reminder::{QUIET_DAYS, ReminderDraft};
    const OPEN: usize = 10_000;
    let mut store = Store::open(path, Clock::system()).expect("open bench database");
    let today = Local::now().date_naive();
    let have = store.open_reminders().expect("reminders").len();
    let people = store.list_people(None).expect("people");
    let drafts: Vec<ReminderDraft> = (0..OPEN.saturating_sub(have))
        .map(|i| ReminderDraft {
            person_id: people.get(i % people.len().max(1)).map(|p| p.id),
            service_id: None,
            due_on: today + chrono::Duration::days((i % 90) as i64 - 30),
            due_time: None,
            text: "Call to see how it went".into(),
        })
        .collect();
    store.add_reminders(&drafts).expect("add reminders");
    let now = Local::now().naive_local();
    let mut app = app(path);
    let t = Instant::now();
    let open = store.open_reminders().expect("reminders");
    let quiet = store.gone_quiet(today, QUIET_DAYS).expect("gone quiet");
    let done = store.done_reminders(200).expect("done");
    let n = open.len();
    app.reminders.set(open, quiet, done, now);
    println!("agenda_load_ms {:.1} ms ({n} open)", ms(t.elapsed()));

    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| app.render(f)).expect("draw");
    let mut opens = Vec::new();
    for _ in 0..20 {
        app.handle_key(key('1'));
        let (median, _) = per_key(&mut app, &mut term, 1, |app, _| app.handle_key(key('4')));
        opens.push(median);
    }
    println!(
        "agenda_open_ms median {:.3} p99 {:.3} ms",
        percentile(&mut opens, 0.5),
        percentile(&mut opens, 0.99)
    );
    let (median, p99) = per_key(&mut app, &mut term, 500, |app, i| {
        app.handle_key(key(if (i / 100) % 2 == 0 { 'j' } else { 'k' }))
    });
    println!("agenda_key_ms median {median:.3} p99 {p99:.3} ms");
    // d then u: two writes, each followed by a reload of what is shown.
    let (median, p99) = per_key(&mut app, &mut term, 10, |app, i| {
        app.handle_key(key(if i % 2 == 0 { 'd' } else { 'u' }))
    });
    println!("agenda_done_undo_ms median {median:.3} p99 {p99:.3} ms");
    let t = Instant::now();
    app.reminders.rebucket(now + chrono::Duration::days(1));
    println!("agenda_rebucket_ms {:.2} ms", ms(t.elapsed()));
}

/// Adds one person with `notes` conversation notes; returns their id.
fn add_busy_person(path: &std::path::Path, notes: usize) -> i64 {
    let today = Local::now().date_naive();
    let mut rng = caseload::demo::Rng::new(99);
    let mut person = caseload::demo::people(&mut rng, 1, 1, today).remove(0);
    person.given_name = "Busy".into();
    person.status = caseload::domain::Status::Active;
    person.conversations = (0..notes)
        .map(|i| {
            let on = today - chrono::Duration::days(i as i64);
            (
                on,
                "follow_up",
                format!("Note {i}: talked about what matters this week."),
            )
        })
        .collect();
    let mut store = Store::open(path, Clock::system()).expect("open");
    store.insert_generated(&[person], &[]).expect("insert");
    store
        .list_people(None)
        .expect("list")
        .iter()
        .map(|p| p.id)
        .max()
        .unwrap_or(0)
}

/// The query typed, one key at a time, in the directory search benchmark.
const DIRECTORY_QUERY: &str = "foodpantry";

/// `directory_search_key_ms` at 10k and 100k services: each keystroke of a
/// 10-letter query through the app to the next frame, from a cold index each
/// round; then `fzf --filter` on the same fields and prefixes, if fzf is here.
fn directory_search_bench() {
    for services in [10_000, 100_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("directory.db");
        let mut store = Store::open(&path, Clock::system()).expect("create directory database");
        caseload::cli::build_demo(&mut store, None, Some(services), 1).expect("generate");
        drop(store);
        let mut app = app(&path);
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        app.handle_key(key('3'));
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let reload = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        let rounds = 5;
        let mut samples = Vec::with_capacity(rounds * DIRECTORY_QUERY.len());
        for _ in 0..rounds {
            // A fresh index each round (not timed), so no result is reused.
            app.handle_key(esc);
            app.handle_key(reload);
            app.handle_key(key('/'));
            term.draw(|fr| app.render(fr)).expect("draw");
            // The index builds off the input thread after a load; a person
            // does not type within its build time (printed below), so wait.
            app.directory.wait_for_index();
            for c in DIRECTORY_QUERY.chars() {
                let t = Instant::now();
                app.handle_key(key(c));
                term.draw(|fr| app.render(fr)).expect("draw");
                samples.push(ms(t.elapsed()));
            }
        }
        let median = percentile(&mut samples, 0.5);
        let p99 = percentile(&mut samples, 0.99);
        let k = services / 1000;
        println!("directory_search_key_ms_{k}k median {median:.3} p99 {p99:.3} ms");
        let all = app.store().list_services().expect("services");
        let t = Instant::now();
        let index = caseload::domain::search::SearchIndex::for_services(&all);
        println!(
            "directory_index_build_ms_{k}k {:.1} ms (off the input thread)",
            ms(t.elapsed())
        );
        drop(index);
        fzf_compare(&app, k, median);
    }
}

/// Times `fzf --filter` for each prefix of the query over the same fields.
fn fzf_compare(app: &App, k: usize, ours_median: f64) {
    let found = std::process::Command::new("fzf")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("fzf_filter_key_ms_{k}k skipped: fzf is not on the PATH");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("lines.txt");
    let services = app.store().list_services().expect("services");
    let mut text = String::new();
    for s in &services {
        let f = caseload::domain::search::service_fields(s);
        text.push_str(&f.join(" | ").replace('\n', " "));
        text.push('\n');
    }
    std::fs::write(&file, text).expect("write fzf input");
    let mut samples = Vec::new();
    for _ in 0..3 {
        for end in 1..=DIRECTORY_QUERY.len() {
            let input = std::fs::File::open(&file).expect("open fzf input");
            let t = Instant::now();
            let out = std::process::Command::new("fzf")
                .arg("--filter")
                .arg(&DIRECTORY_QUERY[..end])
                .stdin(input)
                .output()
                .expect("run fzf");
            samples.push(ms(t.elapsed()));
            assert!(out.status.code().is_some());
        }
    }
    let fzf = percentile(&mut samples, 0.5);
    let p99 = percentile(&mut samples, 0.99);
    println!("fzf_filter_key_ms_{k}k median {fzf:.3} p99 {p99:.3} ms");
    println!(
        "directory_vs_fzf_ratio_{k}k {:.2} (target <= 1.5)",
        ours_median / fzf
    );
}
