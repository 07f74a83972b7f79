//! Figures for `caseload serve` (issue 23), printed as `name value unit`.
//! Run with `cargo bench --bench serve`. Not a test: nothing here can flake CI.
//!
//! A directory of 10,000 services (the demo generator, in this process) is
//! served by the release binary in its own process on a free loopback port;
//! the requests come from this process over loopback, with the tests' plain
//! HTTP/1.1 client (tests/common/http.rs), one keep-alive connection each.
//! Every figure degrades to `name failed: reason` instead of stopping.

#[path = "common/figures.rs"]
mod figures;
#[path = "../tests/common/http.rs"]
mod http;

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use caseload::cli::DemoSize;
use caseload::clock::Clock;
use caseload::store::Store;
use figures::{ms, percentile, status_mb};
use http::{Client, Server};

const SERVICES: usize = 10_000;
const PER_PAGE: usize = 50;
/// Requests timed for each latency figure.
const SAMPLES: usize = 2_000;
/// `search=` queries, as a partner's site would send them.
const QUERIES: [&str; 6] = [
    "walking",
    "lonely+older+people",
    "money+advice",
    "gardening",
    "art",
    "carers",
];
const CLIENTS: usize = 8;
const RPS_FOR: Duration = Duration::from_secs(10);

/// Median and p99 of `n` GETs on one connection, the target of each from
/// `target(i)`; every answer must be a 200.
fn latency(
    server: &Server,
    n: usize,
    target: impl Fn(usize) -> String,
) -> Result<(f64, f64), String> {
    let mut client = Client::new(server.addr);
    let mut samples = Vec::with_capacity(n);
    for i in 0..n {
        let t = target(i);
        let start = Instant::now();
        let r = client.get(&t);
        samples.push(ms(start.elapsed()));
        if r.status != 200 {
            return Err(format!("{t}: {}", r.status));
        }
    }
    Ok((
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.99),
    ))
}

fn print_latency(name: &str, r: Result<(f64, f64), String>) {
    match r {
        Ok((p50, p99)) => println!("{name} p50 {p50:.3} p99 {p99:.3} ms"),
        Err(e) => println!("{name} failed: {e}"),
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("directory.db");
    let t = Instant::now();
    let generated = Store::open(&path, Clock::system())
        .map_err(|e| e.to_string())
        .and_then(|mut store| {
            caseload::cli::build_demo(
                &mut store,
                &DemoSize {
                    services: Some(SERVICES),
                    ..Default::default()
                },
            )
            .map_err(|e| format!("{e:?}"))
        });
    if let Err(e) = generated {
        println!("serve_generate failed: {e}");
        return;
    }
    println!(
        "serve_generate_s {:.1} s ({SERVICES} services)",
        t.elapsed().as_secs_f64()
    );

    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_caseload"));
    cmd.env_clear()
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .args(["--db"])
        .arg(&path)
        .args(["serve", "--listen", "127.0.0.1:0"]);
    let t = Instant::now();
    let server = Server::start(cmd);
    println!(
        "serve_start_ms {:.1} ms (to the address line)",
        ms(t.elapsed())
    );
    let pid = server.pid();

    // The first request reads the directory and builds the catalogue.
    let t = Instant::now();
    let first = Client::new(server.addr).get(&format!("/services?per_page={PER_PAGE}"));
    println!(
        "serve_first_request_ms {:.1} ms (status {}, {} services, {} bytes a page)",
        ms(t.elapsed()),
        first.status,
        first.json()["total_items"],
        first.body.len()
    );
    let total_pages = first.json()["total_pages"].as_u64().unwrap_or(1).max(1) as usize;

    // Pages in a scattered order, so no two in a row are neighbours.
    let page = move |i: usize| (i * 7919) % total_pages + 1;
    print_latency(
        "serve_services_page_ms",
        latency(&server, SAMPLES, |i| {
            format!("/services?page={}&per_page={PER_PAGE}", page(i))
        }),
    );
    // The first search builds the index; then each query, its first page.
    let t = Instant::now();
    let built = Client::new(server.addr).get("/services?search=walking");
    println!(
        "serve_first_search_ms {:.1} ms (status {}, builds the index)",
        ms(t.elapsed()),
        built.status
    );
    let mut client = Client::new(server.addr);
    let found: Vec<String> = QUERIES
        .iter()
        .map(|q| {
            let r = client.get(&format!("/services?search={q}&per_page=1"));
            format!("{q} {}", r.json()["total_items"])
        })
        .collect();
    println!("serve_search_found {}", found.join(", "));
    print_latency(
        "serve_search_ms",
        latency(&server, SAMPLES, |i| {
            format!(
                "/services?search={}&per_page={PER_PAGE}",
                QUERIES[i % QUERIES.len()]
            )
        }),
    );

    // Throughput: 8 clients, each on its own keep-alive connection, asking
    // for service pages as fast as they are answered, for 10 s.
    let done = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let addr = server.addr;
    let start = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (done, count, failed) = (done.clone(), count.clone(), failed.clone());
            std::thread::spawn(move || {
                let mut client = Client::new(addr);
                let mut i = c * 1000;
                while !done.load(Ordering::Relaxed) {
                    let r = client.get(&format!("/services?page={}&per_page={PER_PAGE}", page(i)));
                    if r.status == 200 {
                        count.fetch_add(1, Ordering::Relaxed);
                    } else {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                    i += 1;
                }
            })
        })
        .collect();
    std::thread::sleep(RPS_FOR);
    done.store(true, Ordering::Relaxed);
    let mut joined = true;
    for t in threads {
        joined &= t.join().is_ok();
    }
    let secs = start.elapsed().as_secs_f64();
    let n = count.load(Ordering::Relaxed);
    if joined {
        println!(
            "serve_rps {:.0} requests/s ({CLIENTS} clients, {secs:.1} s, per_page {PER_PAGE}, {n} answered, {} not 200)",
            n as f64 / secs,
            failed.load(Ordering::Relaxed)
        );
    } else {
        println!("serve_rps failed: a client thread panicked");
    }
    println!(
        "serve_rss_mb {:.1} MB (peak {:.1} MB)",
        status_mb(&pid.to_string(), "VmRSS:"),
        status_mb(&pid.to_string(), "VmHWM:")
    );
}
