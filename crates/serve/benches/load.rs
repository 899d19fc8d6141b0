//! A bounded load test of `tiaoli serve`, on loopback only:
//!
//!     cargo bench -p tiaoli-serve --bench load
//!
//! The server (the router of `tiaoli serve`, over the repository's rules, with
//! its default limits: 8 requests worked on at once) listens on 127.0.0.1 at a
//! port the system picks; 16 clients (`TIAOLI_LOAD_CLIENTS`) send requests back
//! to back for 30 s (`TIAOLI_LOAD_SECONDS`), then stop by themselves. Each
//! client cycles through the work an officer's browser makes: a self-check
//! evaluation of examples/units.yaml's first unit (`POST /v1/eval`), an article
//! (`GET /v1/ordinances/haidong/articles/46`) and its graph as SVG. Printed:
//! requests/s, latency p50/p99/max, the errors (any status but 200, or a
//! failed connection), and the process's resident memory sampled from
//! /proc/self/status once a second (server and clients share the process).
//! Fails when any request failed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tiaoli_engine::Calendar;

const FACTS: &str = "as_of: 2025-03-01
units:
  - id: 平安区公安分局
    kind: 公安部门
    level: 县
    region: 海东市/平安区
    roles: [平安建设成员单位]
    facts:
      平安建设考评等次: 一般
      重大安全隐患未及时整改: false
";

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// VmRSS of this process, in KiB.
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Latencies counted in 10 µs buckets up to 1 s (the last bucket: longer), so
/// that what the clients record does not grow with the run and the memory
/// sampled is the server's.
const BUCKET_US: u64 = 10;
const BUCKETS: usize = 100_000;

struct Histogram {
    counts: Vec<u64>,
    max: Duration,
}

impl Histogram {
    fn new() -> Histogram {
        Histogram {
            counts: vec![0; BUCKETS + 1],
            max: Duration::ZERO,
        }
    }
    fn record(&mut self, d: Duration) {
        let b = ((d.as_micros() as u64) / BUCKET_US).min(BUCKETS as u64) as usize;
        if let Some(c) = self.counts.get_mut(b) {
            *c += 1;
        }
        self.max = self.max.max(d);
    }
    fn merge(&mut self, o: &Histogram) {
        for (a, b) in self.counts.iter_mut().zip(&o.counts) {
            *a += b;
        }
        self.max = self.max.max(o.max);
    }
    fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
    /// The upper edge of the bucket holding the p-th fraction.
    fn percentile(&self, p: f64) -> Duration {
        let want = ((self.total() as f64) * p).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (i, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= want {
                return Duration::from_micros((i as u64 + 1) * BUCKET_US).min(self.max);
            }
        }
        self.max
    }
}

fn main() {
    let clients = env_number("TIAOLI_LOAD_CLIENTS", 16).max(1) as usize;
    let seconds = env_number("TIAOLI_LOAD_SECONDS", 30).max(1);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(run(clients, Duration::from_secs(seconds)));
}

async fn run(clients: usize, length: Duration) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sources = tiaoli_compiler::load::load_sources(&[root.join("rules")], &[]).unwrap();
    let c = tiaoli_compiler::compile(sources);
    let config = tiaoli_serve::Config::new(SocketAddr::from(([127, 0, 0, 1], 0)));
    let state = tiaoli_serve::State::new(c, Calendar::default_schedule().unwrap(), config).unwrap();
    let concurrency = state.config.concurrency;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    assert!(addr.ip().is_loopback());
    let app = tiaoli_serve::router(Arc::new(state));
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let client: Client<_, Body> = Client::builder(TokioExecutor::new()).build_http();
    let requests: Arc<Vec<(Method, String, Option<&'static str>)>> = Arc::new(vec![
        (Method::POST, format!("http://{addr}/v1/eval"), Some(FACTS)),
        (
            Method::GET,
            format!("http://{addr}/v1/ordinances/haidong/articles/46"),
            None,
        ),
        (
            Method::GET,
            format!("http://{addr}/v1/ordinances/haidong/graph?article=46"),
            None,
        ),
    ]);

    println!(
        "tiaoli serve load: {clients} clients for {} s against http://{addr} (at most {concurrency} requests worked on at once)",
        length.as_secs()
    );
    let start = Instant::now();
    let end = start + length;
    let sampler = tokio::spawn(async move {
        let mut samples = Vec::new();
        while Instant::now() < end {
            samples.push((start.elapsed().as_secs(), resident_kib()));
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
        samples.push((start.elapsed().as_secs(), resident_kib()));
        samples
    });
    let mut tasks = Vec::new();
    for k in 0..clients {
        let client = client.clone();
        let requests = requests.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Histogram::new();
            let mut errors: Vec<String> = Vec::new();
            let mut i = k;
            while Instant::now() < end {
                let Some((method, uri, body)) = requests.get(i % requests.len()) else {
                    break;
                };
                i += 1;
                let mut req = Request::builder().method(method.clone()).uri(uri.as_str());
                if body.is_some() {
                    req = req.header("content-type", "application/yaml");
                }
                let req = req
                    .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
                    .unwrap();
                let t = Instant::now();
                match client.request(req).await {
                    Ok(resp) => {
                        let status = resp.status();
                        let read = resp.into_body().collect().await;
                        latencies.record(t.elapsed());
                        if status != StatusCode::OK || read.is_err() {
                            errors.push(format!("{method} {uri}: {status}"));
                        }
                    }
                    Err(e) => errors.push(format!("{method} {uri}: {e}")),
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Histogram::new();
    let mut errors = Vec::new();
    for t in tasks {
        let (l, e) = t.await.unwrap();
        latencies.merge(&l);
        errors.extend(e);
    }
    let elapsed = start.elapsed();
    let samples = sampler.await.unwrap();
    server.abort();

    let n = latencies.total();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "requests: {n} in {:.1} s = {:.0} requests/s",
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(latencies.percentile(0.50)),
        ms(latencies.percentile(0.99)),
        ms(latencies.max)
    );
    println!("errors: {}", errors.len());
    let rss: Vec<u64> = samples.iter().map(|(_, k)| *k).collect();
    let mib = |k: u64| k as f64 / 1024.0;
    let (first, last) = (
        rss.first().copied().unwrap_or(0),
        rss.last().copied().unwrap_or(0),
    );
    // From the 5th second on: the allocator has its working set by then.
    let settled: Vec<u64> = samples
        .iter()
        .filter(|(s, _)| *s >= 5)
        .map(|(_, k)| *k)
        .collect();
    println!(
        "resident memory (server and clients, one process): start {:.1} MiB, end {:.1} MiB; from 5 s on min {:.1} MiB, max {:.1} MiB",
        mib(first),
        mib(last),
        mib(settled.iter().copied().min().unwrap_or(0)),
        mib(settled.iter().copied().max().unwrap_or(0)),
    );
    println!(
        "resident memory each second (MiB): {}",
        rss.iter()
            .map(|k| format!("{:.0}", mib(*k)))
            .collect::<Vec<_>>()
            .join(" ")
    );
    if !errors.is_empty() {
        for e in errors.iter().take(10) {
            eprintln!("error: {e}");
        }
        std::process::exit(1);
    }
}
