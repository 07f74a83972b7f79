//! What every bench needs to turn samples into figures, print them, and
//! find the binary they are taken from. Each bench uses its own subset.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

/// A figure's value, or why it could not be taken (printed, never a panic).
pub type Figure<T = String> = Result<T, String>;

/// `name value`, or `name failed: why`.
pub fn print(name: &str, figure: Figure) {
    match figure {
        Ok(value) => println!("{name} {value}"),
        Err(why) => println!("{name} failed: {why}"),
    }
}

/// The binary under test: the one cargo builds for benches (the bench
/// profile), or `$CASELOAD_BENCH_BIN` when set (e.g. the static build from
/// `.ci/static`), so two builds can be measured the same way.
pub fn binary() -> PathBuf {
    match std::env::var_os("CASELOAD_BENCH_BIN") {
        Some(bin) if !bin.is_empty() => PathBuf::from(bin),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_caseload")),
    }
}

/// `binary`: which binary the figures are from, and its size.
pub fn binary_figure() -> Figure {
    let bin = binary();
    let meta = std::fs::metadata(&bin).map_err(|e| format!("{}: {e}", bin.display()))?;
    Ok(format!(
        "{} ({:.1} MB)",
        bin.display(),
        meta.len() as f64 / (1024.0 * 1024.0)
    ))
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The `p` quantile (0 to 1) of `samples`, which it sorts.
pub fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

/// A `/proc/PROC/status` line's kB as MB (`VmRSS:`, `VmHWM:`); `proc` is a
/// pid or `self`.
pub fn status_mb(proc: &str, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{proc}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
