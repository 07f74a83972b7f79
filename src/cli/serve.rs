//! `caseload serve`: publish the directory as a read-only Open Referral UK
//! API (see the README's "Publish your directory"). The store is opened
//! read-only and only its directory tables are read.

use super::*;

/// The address `serve` listens on by default: this machine only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0: any free port). Keep the
    /// loopback default behind a reverse proxy that adds TLS
    #[arg(long, value_name = "ADDR:PORT", default_value = DEFAULT_LISTEN)]
    pub listen: String,
    /// The public address of the API, given in `GET /` as the place of its
    /// OpenAPI file (default: http://ADDR:PORT as bound)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

/// Serves until the process is stopped. The bound address is the first
/// line on standard output, so a script (or a test) can use port 0.
pub fn serve(store: Store, args: &ServeArgs, rules: &Rules, out: &mut dyn Write) -> CliResult {
    use crate::adapters::serve::{Limits, bound, serve};
    if let Some(base) = &args.base_url {
        let lower = base.to_ascii_lowercase();
        let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
            && !base.contains(char::is_whitespace);
        if !ok {
            return Err(CliError::User(words::serve::bad_base_url(&quote(base, 80))));
        }
    }
    let listener = std::net::TcpListener::bind(args.listen.as_str()).map_err(|e| {
        CliError::User(words::serve::cannot_listen(
            &quote(&args.listen, 80),
            e,
            DEFAULT_LISTEN,
        ))
    })?;
    let addr = bound(&listener)?;
    let base = args
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"))
        .trim_end_matches('/')
        .to_string();
    writeln!(out, "{}", words::serve::serving(addr, &base))?;
    out.flush()?;
    serve(
        listener,
        store,
        (*rules.thesaurus).clone(),
        base,
        Limits::default(),
    )?;
    Ok(())
}
