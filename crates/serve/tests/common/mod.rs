//! What the HTTP tests share: the state over the repository's rules, and
//! requests sent to the router itself.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

pub use axum::body::Body;
pub use axum::http::{header, Request, StatusCode};
pub use axum::Router;
use http_body_util::BodyExt;
pub use serde_json::Value;
use tiaoli_engine::Calendar;
pub use tiaoli_serve::{Config, State};
use tower::ServiceExt;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn config() -> Config {
    Config::new(SocketAddr::from(([127, 0, 0, 1], 8080)))
}

pub fn state(config: Config) -> State {
    let sources = tiaoli_compiler::load::load_sources(&[root().join("rules")], &[]).unwrap();
    let c = tiaoli_compiler::compile(sources);
    State::new(c, Calendar::default_schedule().unwrap(), config).unwrap()
}

pub fn app_with(config: Config) -> Router {
    tiaoli_serve::router(Arc::new(state(config)))
}

pub fn app() -> Router {
    app_with(config())
}

pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }
    /// The error code of an error body.
    pub fn code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap().to_string()
    }
}

pub async fn send(app: Router, req: Request<Body>) -> Answer {
    let res = app.oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        content_type,
        headers,
        body,
    }
}

pub async fn get(app: Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn post(app: Router, uri: &str, content_type: &str, body: impl Into<Body>) -> Answer {
    send(
        app,
        Request::post(uri)
            .header(header::CONTENT_TYPE, content_type)
            .body(body.into())
            .unwrap(),
    )
    .await
}

/// A one-article draft whose duty is encoded (the lint, lift and diff pages and endpoints use it).
pub const DRAFT: &str = "条例 draft {
  标题 \"测试条例\"
  辖区 示例市
  级别 市
  状态 草案
  施行日期 未知
}

第1条 {
  款 \"公安机关应当在三日内报告。\"
  规范 报告 {
    主体 公安部门
    应当 报告违法信息
    期限 3 日 自 发现涉嫌电信网络诈骗
  }
}
";

/// A 公安部门 of 示例市 that found a fraud on 2025-01-06: the units a diff of
/// [`DRAFT`] (in force) replays.
pub const DRAFT_UNITS: &str = "units:
  - id: 示例市公安局
    kind: 公安部门
    level: 市
    region: 示例市
    events:
      - { type: 发现涉嫌电信网络诈骗, date: 2025-01-06 }
";

/// A form body (application/x-www-form-urlencoded) of `pairs`.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The content type of a form body.
pub const FORM: &str = "application/x-www-form-urlencoded";

/// The pairs of a form body, decoded.
pub fn pairs(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (decode(k), decode(v))
        })
        .collect()
}

/// A percent-decoded form value.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16).unwrap(),
            );
            i += 3;
        } else if b[i] == b'+' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The value of the hidden field `name` in a page (maud escapes `&`, `<`, `>`, `"`).
pub fn hidden(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let start = page.find(&key).unwrap() + key.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A multipart/form-data body: (name, filename, bytes) parts.
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "tiaoli-test-boundary";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The `<article …>` element of a review page whose id is `eid`.
pub fn article_element<'p>(page: &'p str, eid: &str) -> &'p str {
    let key = format!("id=\"{eid}\"");
    let at = page
        .find(&key)
        .unwrap_or_else(|| panic!("no {key} in {page}"));
    let start = page[..at].rfind("<article").unwrap();
    let end = at + page[at..].find("</article>").unwrap();
    &page[start..end]
}
