//! `tiaoli serve`: the HTTP API and the Chinese web pages over the libraries,
//! on axum and tokio.
//!
//! The server only translates: a request becomes the same library call the CLI
//! makes (`Engine::report`, `explain_instance`, `tiaoli_lint::lint`,
//! `tiaoli_lift::lift`, `tiaoli_diff::diff`, `view::to_dot`), and the result
//! goes back in the CLI's JSON schema. The rules are loaded once, before the
//! server starts (`State`); no request reads or writes the file system.
//!
//! Limits (docs/serve.md): a bounded body (`Config::body_limit`, 413 past it),
//! a time limit per request (`Config::timeout`, 504), a bounded number of
//! requests worked on at once (`Config::concurrency`, the rest wait), a bearer
//! token compared in constant time when one is configured, and a strict
//! Content-Security-Policy on every response.

pub mod api;
pub mod browse;
pub mod cancel;
pub mod diffview;
pub mod error;
pub mod guard;
pub mod html;
pub mod openapi;
pub mod pages;
pub mod replay;
pub mod results;
pub mod review;
pub mod selfcheck;
pub mod svg;
pub mod upload;
pub mod vocabulary;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use indexmap::IndexMap;
use tiaoli_compiler::Compilation;
use tiaoli_engine::{Calendar, Engine};

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    /// The bearer token every request must carry; None: no token (loopback only).
    pub token: Option<String>,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// The longest a request may take.
    pub timeout: Duration,
    /// How many requests are worked on at once; the others wait.
    pub concurrency: usize,
}

impl Config {
    /// 127.0.0.1:8080, no token, 2 MiB bodies, 10 s per request, 8 at once.
    pub fn new(addr: SocketAddr) -> Config {
        Config {
            addr,
            token: None,
            body_limit: 2 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            concurrency: 8,
        }
    }

    /// A non-loopback address without a token would serve the rules and every
    /// evaluation to anyone on the network: refused.
    /// The refusal is in the language of the run, without the `错误：` prefix.
    pub fn check(&self) -> Result<(), String> {
        if !self.addr.ip().is_loopback() && self.token.is_none() {
            return Err(tiaoli_l10n::t!(
                "serve-not-loopback",
                addr = self.addr.to_string()
            ));
        }
        if self.token.as_deref().is_some_and(|t| t.is_empty()) {
            return Err(tiaoli_l10n::t!("serve-empty-token"));
        }
        Ok(())
    }
}

/// What every request reads: the rules as loaded at start, compiled once.
pub struct State {
    /// The engine over the loaded rules (their graph, lexicon and the calendar).
    pub engine: Engine,
    /// The vocabulary files of the loaded rules, as (name, text): given with a
    /// rule text that brings none of its own (lint, diff), as the CLI gives the
    /// embedded lexicon.
    pub lexicon_texts: Vec<(String, String)>,
    /// Each article's rule text (`第N条 { … }`) with the line it starts on, by
    /// file and number: its page shows how it is encoded.
    pub article_rules: IndexMap<(String, u32), (usize, String)>,
    pub config: Config,
}

impl State {
    /// From a compilation without errors and with at least one ordinance.
    pub fn new(c: Compilation, calendar: Calendar, config: Config) -> Result<State, String> {
        if c.has_errors() {
            return Err(tiaoli_l10n::t!(
                "serve-rules-have-errors",
                count = c.errors().to_string()
            ));
        }
        if c.graph.ordinances.is_empty() {
            return Err(tiaoli_l10n::t!("cli-no-ordinance"));
        }
        let lexicon_texts = c
            .sources
            .iter()
            .filter(|(_, s)| tiaoli_compiler::load::is_lexicon_file(&s.text))
            .map(|(_, s)| (s.name.clone(), s.text.clone()))
            .collect();
        let mut article_rules = IndexMap::new();
        for (id, file) in &c.files {
            for item in &file.items {
                if let tiaoli_syntax::ast::TopItem::Article(a) = item {
                    article_rules.insert(
                        (c.sources.name(*id).to_string(), a.number.value),
                        (
                            c.sources.line_col(*id, a.span.start).line,
                            c.sources.slice(*id, a.span).to_string(),
                        ),
                    );
                }
            }
        }
        Ok(State {
            engine: Engine::new(c.graph, calendar),
            lexicon_texts,
            article_rules,
            config,
        })
    }
}

/// Every route, with the limits and headers.
pub fn router(state: Arc<State>) -> Router {
    let body_limit = state.config.body_limit;
    let concurrency = state.config.concurrency.max(1);
    Router::new()
        .route("/v1/openapi.json", get(openapi::document))
        .route("/v1/eval", post(api::eval))
        .route("/v1/explain", post(api::explain))
        .route("/v1/ordinances", get(api::ordinances))
        .route("/v1/ordinances/{id}", get(api::ordinance))
        .route("/v1/ordinances/{id}/articles/{article}", get(api::article))
        .route("/v1/ordinances/{id}/graph", get(api::graph))
        .route("/v1/lint", post(api::lint))
        .route("/v1/lift", post(api::lift))
        .route("/v1/diff", post(api::diff))
        .route("/v1/terms", get(vocabulary::terms))
        .route("/v1/template", get(vocabulary::template))
        .route("/", get(pages::index))
        .route("/static/tiaoli.css", get(pages::stylesheet))
        .route(
            "/self-check",
            get(pages::self_check_form).post(pages::self_check),
        )
        .route("/self-check/download", post(results::download))
        .route("/self-check/upload", post(upload::self_check_upload))
        .route("/draft/upload", post(upload::draft_upload))
        .route("/self-check/explain", post(results::explain))
        .route("/articles", get(browse::articles))
        .route("/articles/{id}/{article}", get(browse::article))
        .route("/draft", get(pages::draft_form))
        .route("/draft/lift", post(pages::draft_lift))
        .route("/draft/lint", post(pages::draft_lint))
        .route("/draft/diff", post(pages::draft_diff))
        .fallback(api::no_route)
        .layer(tower::limit::ConcurrencyLimitLayer::new(concurrency))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .with_state(state)
}

/// Binds, serves until SIGTERM or Ctrl-C, then finishes the requests under way.
pub async fn run(state: State) -> std::io::Result<()> {
    let addr = state.config.addr;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let url = format!("http://{}/", listener.local_addr()?);
    eprintln!("{}", tiaoli_l10n::t!("serve-listening", url = url));
    // The terminal's lines follow --lang; what the server answers — its
    // Chinese pages and the reports and reasons in its JSON — is Chinese, for
    // its users, whatever language the process was started in (a container's
    // LANG=en_US would otherwise mix English into the pages).
    let stopping = tiaoli_l10n::t!("serve-stopping");
    tiaoli_l10n::set(tiaoli_l10n::Lang::Zh);
    axum::serve(listener, router(Arc::new(state)))
        .with_graceful_shutdown(shutdown(stopping))
        .await
}

/// Resolves on SIGTERM or Ctrl-C, saying so in `message`.
async fn shutdown(message: String) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("{message}");
}

/// [`run`] on a runtime of its own (worker threads as many as the machine's
/// cores), for a caller that has none — the CLI.
pub fn run_blocking(state: State) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run(state))
}
