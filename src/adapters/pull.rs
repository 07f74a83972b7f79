//! `caseload directory pull URL`: every service of an Open Referral UK API
//! (`{URL}/services?page=N&per_page=100`, following `total_pages`), read into
//! one [`Import`] so the caller can write it in one transaction. Nothing here
//! writes: a failure on any page leaves the caller nothing to import.

use std::time::Duration;

use chrono::NaiveDate;

use crate::domain::text::for_terminal_line;
use crate::io::{Import, Problem, oruk};

/// Services asked for per page (the most the UK profile's API lets a client ask).
pub const PER_PAGE: u32 = 100;

/// How long a pull waits, and how much it takes.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// To connect to the server.
    pub connect: Duration,
    /// For one page, from asking to the last byte.
    pub page: Duration,
    /// The largest page (a page of 100 real services is well under 2 MB).
    pub page_bytes: u64,
    /// The most pages followed (10,000 pages is a million services).
    pub pages: u32,
    /// The most summaries whose whole record is asked for; the rest keep
    /// what is stored for the fields they leave out.
    pub details: usize,
    /// Detail requests that fail in a row before the rest are not asked
    /// (a server without `/services/{id}` fails them all, each slowly).
    pub detail_failures: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect: Duration::from_secs(10),
            page: Duration::from_secs(30),
            page_bytes: 32 * 1024 * 1024,
            pages: 10_000,
            details: 10_000,
            detail_failures: 5,
        }
    }
}

/// Why a pull stopped. Messages name the page and the server, never data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PullError {
    /// The URL given is not one we can ask (exit 1: the user can fix it).
    #[error("{0}")]
    Url(String),
    #[error("{0}; nothing imported")]
    Failed(String),
}

/// How far a pull is, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// About to ask for a page (1-based), and the page count once known.
    Page(u32, Option<u64>),
    /// About to ask for the whole record of summary `n` (1-based) of `of`.
    Detail(usize, usize),
}

/// The address of one service's whole record under the API base `base`.
pub fn service_url(base: &str, id: &str) -> String {
    let id: String = id
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{}/services/{id}", base.trim_end_matches('/'))
}

/// The address of page `page` under the API base `base`.
pub fn page_url(base: &str, page: u32) -> String {
    format!(
        "{}/services?page={page}&per_page={PER_PAGE}",
        base.trim_end_matches('/')
    )
}

fn check_base(base: &str) -> Result<(), PullError> {
    let lower = base.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !base.contains(char::is_whitespace) => {
            Ok(())
        }
        _ => Err(PullError::Url(format!(
            "{} is not an API address: give its base, e.g. https://api.example.org/api \
             (caseload asks for BASE/services?page=1)",
            quoted(base)
        ))),
    }
}

fn quoted(s: &str) -> String {
    crate::domain::text::quote(s, 80)
}

/// Reads every page, then the whole record of each summary on them (a list
/// item that leaves fields out, as HSDS list views do). `progress` is
/// called before each request. A page that fails fails the pull; a
/// summary whose record cannot be had keeps it, and is listed as a problem.
pub fn pull(
    base: &str,
    limits: Limits,
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress),
) -> Result<Import, PullError> {
    check_base(base)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect))
        .timeout_per_call(Some(limits.page))
        .http_status_as_error(false)
        .user_agent(concat!("caseload/", env!("CARGO_PKG_VERSION")))
        // TLS on the OpenSSL that SQLCipher links (the ureq feature `native-tls`).
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .provider(ureq::tls::TlsProvider::NativeTls)
                .build(),
        )
        .build()
        .into();
    let mut import = Import::default();
    let mut summaries = Vec::new();
    let mut total: Option<u64> = None;
    let mut page: u32 = 1;
    loop {
        progress(Progress::Page(page, total));
        let url = page_url(base, page);
        let bytes = fetch(&agent, &url, &format!("page {page}"), limits)?;
        let read = oruk::parse_into(&mut import, &bytes, today, Some(page)).map_err(|e| {
            PullError::Failed(format!(
                "page {page} ({}): {}",
                quoted(&url),
                e.to_string().trim_end_matches("; nothing imported")
            ))
        })?;
        if total.is_none() {
            total = read.total_pages;
        }
        for id in read.summaries.iter() {
            if !summaries.contains(id) {
                summaries.push(id.clone());
            }
        }
        let more = match total {
            Some(t) => u64::from(page) < t,
            // No page count: go on while pages come full.
            None => read.records >= PER_PAGE as usize,
        };
        if !more || read.records == 0 {
            break;
        }
        if page >= limits.pages {
            return Err(PullError::Failed(format!(
                "{} says it has more than {} pages; stopped there",
                quoted(base),
                limits.pages
            )));
        }
        page += 1;
    }
    details(
        &agent,
        base,
        &mut import,
        &summaries,
        limits,
        today,
        progress,
    );
    Ok(import)
}

/// Summaries asked for whose whole record added nothing, in a row, before
/// a pull takes the list's items as whole records and asks no more (a
/// sparse feed, not a list view).
const WHOLE_AFTER: usize = 3;

/// Asks for the whole record of each summary, up to the limits, and puts
/// it in the summary's place. One that cannot be had is a problem; the
/// summary stays, keeping what is stored for the fields it leaves out.
fn details(
    agent: &ureq::Agent,
    base: &str,
    import: &mut Import,
    summaries: &[String],
    limits: Limits,
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress),
) {
    let asked = summaries.len().min(limits.details);
    let (mut failed_in_a_row, mut same_in_a_row, mut gained) = (0, 0, false);
    for (n, id) in summaries.iter().enumerate() {
        if !gained && same_in_a_row >= WHOLE_AFTER {
            return;
        }
        let not_asked = if n >= asked {
            Some(format!("more than {} summaries", limits.details))
        } else if failed_in_a_row >= limits.detail_failures {
            Some(format!("{failed_in_a_row} failures in a row"))
        } else {
            None
        };
        if let Some(why) = not_asked {
            let more = summaries.len() - n - 1;
            let them = if more == 0 {
                "its whole record".to_string()
            } else {
                format!("this one's and the next {more}'s whole records")
            };
            summary_problem(import, id, &format!("{them}: not asked after {why}"));
            return;
        }
        progress(Progress::Detail(n + 1, asked));
        let before = import.absent_of(id).map(|a| a.0.len());
        match detail(agent, base, id, limits, today)
            .and_then(|d| import.take_detail(id, d).map_err(PullError::Failed))
        {
            Ok(()) => {
                failed_in_a_row = 0;
                if import.absent_of(id).map(|a| a.0.len()) < before {
                    gained = true;
                } else {
                    same_in_a_row += 1;
                }
            }
            Err(PullError::Failed(why) | PullError::Url(why)) => {
                failed_in_a_row += 1;
                summary_problem(import, id, &format!("its whole record: {why}"));
            }
        }
    }
}

/// A summary kept as it came (`why` says what of its whole record).
fn summary_problem(import: &mut Import, id: &str, why: &str) {
    if let Some((_, place)) = import.find(id) {
        import.problems.push(Problem {
            place,
            field: "(record)".into(),
            value: id.to_string(),
            problem: format!("a summary; {why}"),
            done: "kept what is stored for the fields left out".into(),
        });
    }
}

/// The whole record of the service `id`, read as an import of one.
fn detail(
    agent: &ureq::Agent,
    base: &str,
    id: &str,
    limits: Limits,
    today: NaiveDate,
) -> Result<Import, PullError> {
    let url = service_url(base, id);
    let bytes = fetch(agent, &url, "the service", limits)?;
    oruk::parse(&bytes, today).map_err(|e| {
        PullError::Failed(format!(
            "{}: {}",
            quoted(&url),
            e.to_string().trim_end_matches("; nothing imported")
        ))
    })
}

fn fetch(agent: &ureq::Agent, url: &str, what: &str, limits: Limits) -> Result<Vec<u8>, PullError> {
    let failed = |why: String| PullError::Failed(format!("{what} ({}): {why}", quoted(url)));
    let mut response = agent
        .get(url)
        .header("Accept", "application/json")
        .call()
        .map_err(|e| failed(reason(&e, limits)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(failed(format!(
            "the server answered HTTP {}{}; try again later, or check the address",
            status.as_u16(),
            status
                .canonical_reason()
                .map(|r| format!(" {r}"))
                .unwrap_or_default()
        )));
    }
    response
        .body_mut()
        .with_config()
        .limit(limits.page_bytes)
        .read_to_vec()
        .map_err(|e| failed(reason(&e, limits)))
}

/// A transport error in plain words.
fn reason(e: &ureq::Error, limits: Limits) -> String {
    use ureq::Error;
    match e {
        Error::Timeout(_) => format!(
            "no complete answer within {} s (connect {} s); try again later",
            secs(limits.page),
            secs(limits.connect)
        ),
        Error::HostNotFound => "the host is not known; check the address".into(),
        Error::ConnectionFailed => {
            "cannot connect (the server is down or unreachable); check the address and your \
             connection"
                .into()
        }
        Error::BodyExceedsLimit(n) => format!(
            "the page is larger than {} MB; the server may be sending something else",
            n / (1024 * 1024)
        ),
        Error::Io(io) => {
            use std::io::ErrorKind::*;
            match io.kind() {
                ConnectionRefused | NetworkUnreachable | HostUnreachable | AddrNotAvailable => {
                    "cannot connect (nothing answers there, or the network is down); check the \
                     address and your connection"
                        .into()
                }
                TimedOut | WouldBlock => format!(
                    "no complete answer within {} s; try again later",
                    secs(limits.page)
                ),
                _ => format!(
                    "the connection failed: {}",
                    for_terminal_line(&io.to_string())
                ),
            }
        }
        Error::TooManyRedirects | Error::RedirectFailed => "too many redirects".into(),
        other => for_terminal_line(&other.to_string()).into_owned(),
    }
}

fn secs(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(1000) {
        (ms / 1000).to_string()
    } else {
        format!("{:.1}", ms as f64 / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_addresses_and_bad_bases() {
        assert_eq!(
            page_url("https://api.example.org/api/", 2),
            "https://api.example.org/api/services?page=2&per_page=100"
        );
        for bad in ["ftp://x.org", "api.example.org", "https://", "https:// x"] {
            assert!(check_base(bad).is_err(), "{bad}");
        }
        assert!(check_base("HTTP://127.0.0.1:8080").is_ok());
    }
}
