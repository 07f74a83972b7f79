//! `caseload serve`: the directory as an Open Referral UK API over HTTP.
//!
//! Requests are read with `httparse` (the parser under hyper, already in
//! the build through ureq) on a fixed pool of threads, so every resource is
//! bounded: the request head (bytes and headers), the time to send it, the
//! idle time between requests, the connections served at once and waiting.
//! GET and HEAD only, no body, no keys. The pages come from
//! [`crate::io::oruk_api`]; the store is opened read-only by the caller and
//! only its directory is read. A catalogue is rebuilt when the store's
//! directory change counter moves, so a change shows on the next request.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::domain::words::Thesaurus;
use crate::io::oruk_api::{Answer, ApiError, Catalogue, OPENAPI_JSON, answer};
use crate::store::Store;

/// How much the server takes, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The request line and headers together.
    pub head_bytes: usize,
    /// Headers in one request.
    pub headers: usize,
    /// To send a whole request head, from its first byte (or from the
    /// connection's opening).
    pub read: Duration,
    /// To take a response.
    pub write: Duration,
    /// Between two requests on one connection.
    pub idle: Duration,
    /// Requests on one connection before it is closed.
    pub requests_per_connection: usize,
    /// Connections served at once (one thread each).
    pub workers: usize,
    /// Connections waiting for a thread; past that, 503 and closed.
    pub queue: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            head_bytes: 16 * 1024,
            headers: 32,
            read: Duration::from_secs(10),
            write: Duration::from_secs(30),
            idle: Duration::from_secs(5),
            requests_per_connection: 1000,
            workers: 16,
            queue: 64,
        }
    }
}

/// What the request threads share: the store (read-only) and the
/// catalogue of the directory version last read.
struct Shared {
    store: Mutex<Store>,
    cache: Mutex<Option<(i64, Arc<Catalogue>)>>,
    thesaurus: Thesaurus,
    base: String,
    limits: Limits,
}

/// A lock whose holder panicked still guards good data here (the store
/// and the cache are replaced whole).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Shared {
    /// The directory as of now, and its version.
    fn catalogue(&self) -> Result<(i64, Arc<Catalogue>), String> {
        let store = lock(&self.store);
        let version = store
            .directory()
            .version()
            .map_err(|e| format!("cannot read the directory: {e}"))?;
        let mut cache = lock(&self.cache);
        if let Some((v, cat)) = cache.as_ref()
            && *v == version
        {
            return Ok((version, cat.clone()));
        }
        let services = store
            .directory()
            .with_modified()
            .map_err(|e| format!("cannot read the directory: {e}"))?;
        let cat = Arc::new(Catalogue::new(services, &self.thesaurus));
        *cache = Some((version, cat.clone()));
        Ok((version, cat))
    }
}

/// Serves the directory of `store` on `listener` until the process ends.
/// `base` is the public address given in `GET /` (behind a proxy, its
/// https address).
pub fn serve(
    listener: TcpListener,
    store: Store,
    thesaurus: Thesaurus,
    base: String,
    limits: Limits,
) -> std::io::Result<()> {
    let shared = Arc::new(Shared {
        store: Mutex::new(store),
        cache: Mutex::new(None),
        thesaurus,
        base,
        limits,
    });
    let (tx, rx): (SyncSender<TcpStream>, Receiver<TcpStream>) = sync_channel(limits.queue);
    let rx = Arc::new(Mutex::new(rx));
    for n in 0..limits.workers.max(1) {
        let (rx, shared) = (rx.clone(), shared.clone());
        std::thread::Builder::new()
            .name(format!("serve-{n}"))
            .spawn(move || {
                loop {
                    let next = lock(&rx).recv();
                    let Ok(stream) = next else { return };
                    connection(stream, &shared);
                }
            })?;
    }
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file descriptors, or the peer gave up: go on serving.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        match tx.try_send(stream) {
            Ok(()) => {}
            Err(TrySendError::Full(mut stream)) => {
                let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                let body = ApiError {
                    status: 503,
                    message: "the server is busy; try again shortly".into(),
                };
                let _ = respond(&mut stream, &Reply::error(&body), false, false);
            }
            Err(TrySendError::Disconnected(_)) => break,
        }
    }
    Ok(())
}

/// A response before it is written.
struct Reply {
    status: u16,
    body: Vec<u8>,
    etag: Option<String>,
    extra: Vec<(&'static str, String)>,
}

impl Reply {
    fn error(e: &ApiError) -> Reply {
        Reply {
            status: e.status,
            body: e.body().to_string().into_bytes(),
            etag: None,
            extra: Vec::new(),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Internal Server Error",
    }
}

fn respond(stream: &mut TcpStream, r: &Reply, head_only: bool, keep: bool) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Access-Control-Allow-Origin: *\r\nX-Content-Type-Options: nosniff\r\n\
         Cache-Control: no-cache\r\nConnection: {}\r\n",
        r.status,
        reason(r.status),
        if keep { "keep-alive" } else { "close" }
    );
    if r.status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    }
    if let Some(tag) = &r.etag {
        head.push_str(&format!("ETag: {tag}\r\n"));
    }
    for (k, v) in &r.extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    if !head_only && r.status != 304 {
        out.extend_from_slice(&r.body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

/// Why reading a request head stopped.
enum Head {
    /// A whole head, `len` bytes of the buffer.
    Complete(usize),
    /// The peer closed, or was idle too long, before a request began.
    Closed,
    /// Part of a head came, then nothing within the time allowed.
    TimedOut,
    TooLarge,
}

fn end_of_head(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

/// Reads until `buf` holds a whole request head, within the limits.
fn read_head(stream: &mut TcpStream, buf: &mut Vec<u8>, limits: &Limits, first: bool) -> Head {
    let start = Instant::now();
    let mut chunk = [0u8; 4096];
    loop {
        match end_of_head(buf) {
            Some(n) if n <= limits.head_bytes => return Head::Complete(n),
            Some(_) => return Head::TooLarge,
            None => {}
        }
        if buf.len() > limits.head_bytes {
            return Head::TooLarge;
        }
        // Waiting for a next request is idle time; once one began (or on
        // a new connection) the whole head must come within `read`.
        let allowed = if buf.is_empty() && !first {
            limits.idle
        } else {
            limits.read
        };
        let Some(left) = allowed
            .checked_sub(start.elapsed())
            .filter(|d| !d.is_zero())
        else {
            return if buf.is_empty() {
                Head::Closed
            } else {
                Head::TimedOut
            };
        };
        if stream.set_read_timeout(Some(left)).is_err() {
            return Head::Closed;
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Head::Closed,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return if buf.is_empty() {
                    Head::Closed
                } else {
                    Head::TimedOut
                };
            }
            Err(_) => return Head::Closed,
        }
    }
}

fn bad(status: u16, message: &str) -> Reply {
    Reply::error(&ApiError {
        status,
        message: message.into(),
    })
}

/// One connection: requests until it closes, idles, errs or has had its share.
fn connection(mut stream: TcpStream, shared: &Shared) {
    let limits = shared.limits;
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(limits.write));
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    for served in 0..limits.requests_per_connection {
        let len = match read_head(&mut stream, &mut buf, &limits, served == 0) {
            Head::Complete(n) => n,
            Head::Closed => return,
            Head::TimedOut => {
                let _ = respond(
                    &mut stream,
                    &bad(408, "the request did not arrive in time"),
                    false,
                    false,
                );
                return;
            }
            Head::TooLarge => {
                let r = bad(
                    431,
                    &format!("the request head is over {} bytes", limits.head_bytes),
                );
                let _ = respond(&mut stream, &r, false, false);
                return;
            }
        };
        let last = served + 1 == limits.requests_per_connection;
        let (reply, head_only, keep) = request(&buf[..len], shared);
        let keep = keep && !last;
        if respond(&mut stream, &reply, head_only, keep).is_err() || !keep {
            return;
        }
        buf.drain(..len);
    }
}

/// Answers one request head: the reply, whether it is for HEAD, and
/// whether the connection can stay open.
fn request(head: &[u8], shared: &Shared) -> (Reply, bool, bool) {
    let mut headers = vec![httparse::EMPTY_HEADER; shared.limits.headers];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            let m = format!("more than {} headers", shared.limits.headers);
            return (bad(431, &m), false, false);
        }
        Ok(httparse::Status::Partial) | Err(_) => {
            return (bad(400, "not an HTTP/1.1 request"), false, false);
        }
    }
    let header = |name: &str| {
        req.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .and_then(|h| std::str::from_utf8(h.value).ok())
            .map(str::trim)
    };
    let connection = header("connection").map(str::to_ascii_lowercase);
    let keep = match req.version {
        Some(1) => !connection.as_deref().is_some_and(|c| c.contains("close")),
        _ => connection
            .as_deref()
            .is_some_and(|c| c.contains("keep-alive")),
    };
    // No body is read, so a request with one ends the connection.
    let has_body =
        header("transfer-encoding").is_some() || header("content-length").is_some_and(|n| n != "0");
    if has_body {
        return (bad(413, "a request here has no body"), false, false);
    }
    let method = req.method.unwrap_or("");
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        let mut r = bad(405, "only GET and HEAD are served");
        r.extra.push(("Allow", "GET, HEAD".into()));
        return (r, false, keep);
    }
    let target = req.path.unwrap_or("");
    if !target.starts_with('/') {
        return (
            bad(400, "the request target must be a path"),
            head_only,
            keep,
        );
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target, None),
    };
    let if_none_match = header("if-none-match").map(str::to_string);
    let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        page(shared, path, query, if_none_match.as_deref())
    }))
    .unwrap_or_else(|_| bad(500, "the server failed on this request"));
    (reply, head_only, keep)
}

/// The ETag of every page of directory version `v`.
fn etag(v: i64) -> String {
    format!("\"caseload-{}-{v}\"", env!("CARGO_PKG_VERSION"))
}

/// Whether an `If-None-Match` value names `tag` (or is `*`).
fn matches_tag(header: &str, tag: &str) -> bool {
    header
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == tag)
}

fn page(shared: &Shared, path: &str, query: Option<&str>, if_none_match: Option<&str>) -> Reply {
    let (version, cat) = match shared.catalogue() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("caseload serve: {e}");
            return bad(500, "the directory cannot be read just now");
        }
    };
    let tag = etag(version);
    let body = match answer(&cat, &shared.base, path, query) {
        Err(e) => return Reply::error(&e),
        Ok(_) if if_none_match.is_some_and(|h| matches_tag(h, &tag)) => {
            return Reply {
                status: 304,
                body: Vec::new(),
                etag: Some(tag),
                extra: Vec::new(),
            };
        }
        Ok(Answer::OpenApi) => OPENAPI_JSON.as_bytes().to_vec(),
        Ok(Answer::Json(v)) => match serde_json::to_vec(&v) {
            Ok(b) => b,
            Err(_) => return bad(500, "the page could not be written"),
        },
    };
    Reply {
        status: 200,
        body,
        etag: Some(tag),
        extra: Vec::new(),
    }
}

/// The address a listener got (port 0 asks the system for a free one).
pub fn bound(listener: &TcpListener) -> std::io::Result<SocketAddr> {
    listener.local_addr()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader};

    /// A server on a free loopback port over an empty directory, with
    /// `limits`; it runs on its own thread until the test process ends.
    fn start(limits: Limits) -> (SocketAddr, tempfile::TempDir) {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("serve.db");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap();
        let clock = crate::clock::Clock::fixed(at);
        drop(Store::open(&path, clock.clone()).unwrap());
        let store = Store::open_read_only_keyed(&path, clock, None).unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            serve(
                listener,
                store,
                Thesaurus::builtin(),
                "http://test".into(),
                limits,
            )
        });
        (addr, dir)
    }

    /// The status of the response on `s`, read to its end.
    fn status(s: &mut TcpStream) -> u16 {
        let mut r = BufReader::new(s);
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        let code = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        let mut len = 0;
        loop {
            let mut h = String::new();
            r.read_line(&mut h).unwrap();
            if let Some(n) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                len = n.trim().parse().unwrap();
            }
            if h.trim().is_empty() {
                break;
            }
        }
        let mut body = vec![0; len];
        r.read_exact(&mut body).unwrap();
        code
    }

    fn send(s: &mut TcpStream, target: &str) -> u16 {
        write!(s, "GET {target} HTTP/1.1\r\nHost: t\r\n\r\n").unwrap();
        status(s)
    }

    #[test]
    fn past_the_workers_and_the_queue_a_connection_gets_503() {
        let limits = Limits {
            workers: 1,
            queue: 1,
            read: Duration::from_secs(60),
            idle: Duration::from_secs(60),
            ..Limits::default()
        };
        let (addr, _dir) = start(limits);
        // The one worker holds `a` (it has answered on it, so it took it).
        let mut a = TcpStream::connect(addr).unwrap();
        assert_eq!(send(&mut a, "/"), 200);
        // `b` waits in the queue; `c` finds it full.
        let mut b = TcpStream::connect(addr).unwrap();
        let mut c = TcpStream::connect(addr).unwrap();
        assert_eq!(status(&mut c), 503);
        // `a` closes: the worker takes `b`, then serves new connections.
        drop(a);
        assert_eq!(send(&mut b, "/services"), 200);
        drop(b);
        let mut d = TcpStream::connect(addr).unwrap();
        assert_eq!(send(&mut d, "/"), 200);
    }

    #[test]
    fn a_head_that_stops_coming_gets_408_and_the_connection_closes() {
        let limits = Limits {
            read: Duration::from_millis(200),
            ..Limits::default()
        };
        let (addr, _dir) = start(limits);
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"GET /services HTTP/1.1\r\nHost: t\r\n")
            .unwrap();
        assert_eq!(status(&mut s), 408);
        let mut rest = Vec::new();
        assert_eq!(s.read_to_end(&mut rest).unwrap(), 0, "closed");
    }

    #[test]
    fn etags_match_lists_and_weak_forms() {
        let tag = etag(7);
        assert!(matches_tag(&tag, &tag));
        assert!(matches_tag(&format!("\"x\", W/{tag}"), &tag));
        assert!(matches_tag("*", &tag));
        assert!(!matches_tag(&etag(8), &tag));
    }

    #[test]
    fn a_head_ends_at_its_blank_line() {
        assert_eq!(end_of_head(b"GET / HTTP/1.1\r\n\r\nGET"), Some(18));
        assert_eq!(end_of_head(b"GET / HTTP/1.1\r\n"), None);
    }
}
