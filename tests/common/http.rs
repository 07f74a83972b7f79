//! `caseload serve` as a process, and a plain HTTP/1.1 client over loopback
//! that can send anything (a client library would refuse a bad request, and
//! the tests send bad ones on purpose). Shared by tests/serve.rs and
//! benches/serve.rs.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};

use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `caseload serve`, stopped (by its own id) when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    /// `http://ADDR:PORT`, as the server printed it.
    pub base: String,
}

impl Server {
    /// Starts `cmd` (a `caseload ... serve --listen 127.0.0.1:0` command)
    /// and reads the bound address from its first line on standard output.
    pub fn start(mut cmd: Command) -> Server {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start caseload serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the first line");
        let base = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let addr = base
            .trim_start_matches("http://")
            .parse()
            .expect("a socket address");
        Server { child, addr, base }
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Reads one response from `r`; `head` says the request was HEAD (no body).
fn read_reply(r: &mut impl BufRead, head: bool) -> Option<Reply> {
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let status: u16 = line.split_whitespace().nth(1)?.parse().ok()?;
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    let mut reply = Reply {
        status,
        headers,
        body: Vec::new(),
    };
    let len: usize = reply
        .header("content-length")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    if !head && status != 304 {
        reply.body = vec![0; len];
        r.read_exact(&mut reply.body).ok()?;
    }
    Some(reply)
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).expect("connect to the server");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    s.set_write_timeout(Some(Duration::from_secs(30))).ok();
    s
}

/// Sends `bytes` as they are on a new connection and reads one response
/// (`None`: the server closed without one).
pub fn raw(addr: SocketAddr, bytes: &[u8]) -> Option<Reply> {
    let mut s = connect(addr);
    s.write_all(bytes).ok()?;
    let head = bytes.starts_with(b"HEAD ");
    read_reply(&mut BufReader::new(s), head)
}

/// `METHOD target` with extra header lines, on a new connection.
pub fn request(addr: SocketAddr, method: &str, target: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    raw(addr, req.as_bytes()).unwrap_or_else(|| panic!("no response to {method} {target}"))
}

pub fn get(addr: SocketAddr, target: &str) -> Reply {
    request(addr, "GET", target, &[])
}

/// One keep-alive connection, for many requests in a row.
pub struct Client {
    reader: BufReader<TcpStream>,
    addr: SocketAddr,
}

impl Client {
    pub fn new(addr: SocketAddr) -> Client {
        Client {
            reader: BufReader::new(connect(addr)),
            addr,
        }
    }

    /// GET `target`; reconnects once if the server closed the connection.
    pub fn get(&mut self, target: &str) -> Reply {
        let req = format!("GET {target} HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr);
        for _ in 0..2 {
            let sent = self.reader.get_mut().write_all(req.as_bytes()).is_ok();
            if sent && let Some(r) = read_reply(&mut self.reader, false) {
                return r;
            }
            self.reader = BufReader::new(connect(self.addr));
        }
        panic!("no response to GET {target}")
    }
}
