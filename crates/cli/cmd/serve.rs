//! `tiaoli serve [--addr 127.0.0.1:8080] [--rules PATH] [--token-file F]`: the
//! HTTP API (docs/serve.md). Loads and compiles the rules once, then hands them
//! to crates/serve. Exit 2 when the rules, the calendar, the token file or the
//! address are unusable; 0 after a graceful shutdown (SIGTERM, Ctrl-C).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::{EXIT_ERROR, EXIT_OK};

#[derive(clap::Args)]
pub struct Args {
    /// Where to listen. Not a loopback address only with --token-file.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Rule files or directories (default: the rules embedded in the binary).
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
    /// A holiday schedule replacing the shipped one (rules/calendar/cn-mainland.yaml).
    #[arg(long)]
    pub calendar: Option<PathBuf>,
    /// A file holding the bearer token every request must carry.
    #[arg(long)]
    pub token_file: Option<PathBuf>,
    /// The largest request body accepted, in bytes.
    #[arg(long, default_value_t = 2 * 1024 * 1024)]
    pub body_limit: usize,
    /// The longest a request may take, in seconds.
    #[arg(long, default_value_t = 10)]
    pub timeout: u64,
    /// How many requests are worked on at once; the others wait.
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
}

pub fn run(args: Args) -> u8 {
    let mut config = tiaoli_serve::Config::new(args.addr);
    config.body_limit = args.body_limit;
    config.timeout = Duration::from_secs(args.timeout.max(1));
    config.concurrency = args.concurrency.max(1);
    if let Some(p) = &args.token_file {
        let Some(t) = super::read_input(p) else {
            return EXIT_ERROR;
        };
        config.token = Some(t.trim().to_string());
    }
    if let Err(e) = config.check() {
        eprintln!("{}", super::error_line(&e));
        return EXIT_ERROR;
    }
    let Some(c) = super::compile(&args.rules) else {
        return EXIT_ERROR;
    };
    if c.has_errors() {
        super::print_human(&c);
        eprintln!(
            "{}",
            super::error_line(&tiaoli_l10n::t!("serve-rules-do-not-compile"))
        );
        return EXIT_ERROR;
    }
    let Some(calendar) = super::load_calendar(args.calendar.as_deref()) else {
        return EXIT_ERROR;
    };
    let state = match tiaoli_serve::State::new(c, calendar, config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", super::error_line(&e));
            return EXIT_ERROR;
        }
    };
    match tiaoli_serve::run_blocking(state) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let message = tiaoli_l10n::t!(
                "serve-cannot-listen",
                addr = args.addr.to_string(),
                error = e.to_string()
            );
            eprintln!("{}", super::error_line(&message));
            EXIT_ERROR
        }
    }
}
