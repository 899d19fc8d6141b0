//! What the self-check result page leads to, without script: the facts it was
//! computed from travel with the page in hidden fields ([`Carried`]), so the
//! officer can download them and the report (JSON, Markdown, the standalone
//! HTML), and ask for one result's explain chain, shown beside the article's
//! verbatim text. Each request evaluates the carried facts again (no state is
//! kept on the server between requests).

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;
use tiaoli_engine::facts::{FactsFile, Format};
use tiaoli_engine::report::Finding;
use tiaoli_engine::{Date, Options};

use crate::cancel::{report_until, Cancel};
use crate::html::{page, standalone_report, Styles};

type Shared = Arc<crate::State>;

/// The facts a result page was computed from, as hidden fields.
#[derive(Deserialize, Default, Clone)]
pub struct Carried {
    /// The facts document (YAML or JSON).
    #[serde(default)]
    pub file: String,
    /// The evaluation date given in the form, when the document has none.
    #[serde(default)]
    pub as_of: String,
    #[serde(default)]
    pub drafts: Option<String>,
}

impl Carried {
    fn hidden(&self) -> Markup {
        html! {
            input type="hidden" name="file" value=(self.file);
            input type="hidden" name="as_of" value=(self.as_of);
            @if self.drafts.is_some() { input type="hidden" name="drafts" value="1"; }
        }
    }

    /// The facts and options, or the messages to show.
    pub fn read(&self, s: &crate::State) -> Result<(FactsFile, Options), Vec<String>> {
        let parsed = tiaoli_engine::facts::parse(&self.file, Format::Yaml, &s.engine.graph.lexicon)
            .map_err(|errors| errors.iter().map(|e| e.at("事实文件")).collect::<Vec<_>>())?;
        let as_of = parsed
            .as_of
            .or_else(|| Date::parse(self.as_of.trim()))
            .ok_or_else(|| {
                vec!["没有评估日期：请填写评估日期（或在事实文件中写 as_of）".to_string()]
            })?;
        let drafts = self.drafts.is_some();
        Ok((parsed, Options { as_of, drafts }))
    }
}

/// The download buttons of a result page.
pub fn downloads(c: &Carried) -> Markup {
    html! {
        form.downloads method="post" action="/self-check/download" {
            (c.hidden())
            "下载："
            button type="submit" name="format" value="facts" { "事实文件（YAML/JSON）" }
            button type="submit" name="format" value="json" { "报告（JSON）" }
            button type="submit" name="format" value="markdown" { "报告（Markdown）" }
            button type="submit" name="format" value="html" { "报告（独立 HTML）" }
        }
    }
}

/// The 「解释」 button of one result.
pub fn explain_button(c: &Carried, unit: &str, f: &Finding, instance: Option<&str>) -> Markup {
    html! {
        form.explain method="post" action="/self-check/explain" {
            (c.hidden())
            input type="hidden" name="unit" value=(unit);
            input type="hidden" name="ordinance" value=(f.ordinance);
            input type="hidden" name="article" value=(f.article);
            @if let Some(i) = instance { input type="hidden" name="instance" value=(i); }
            button type="submit" { "解释：" (f.cite) }
        }
    }
}

fn failed(status: StatusCode, messages: &[String]) -> Response {
    let body = html! {
        @for m in messages { p.error { (m) } }
        p { a href="/self-check" { "返回单位合规自查" } }
    };
    (status, Html(page("单位合规自查", Styles::Linked, body))).into_response()
}

/// Runs `f` on the blocking pool within the time limit.
async fn blocking<F>(state: Shared, f: F) -> Response
where
    F: FnOnce(&crate::State, &Cancel) -> Response + Send + 'static,
{
    let limit = state.config.timeout;
    let cancel = Cancel::new(limit);
    let theirs = cancel.clone();
    match tokio::time::timeout(
        limit,
        tokio::task::spawn_blocking(move || f(&state, &theirs)),
    )
    .await
    {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => failed(
            StatusCode::INTERNAL_SERVER_ERROR,
            &["服务器内部错误".into()],
        ),
        Err(_) => {
            cancel.cancel();
            failed(
                StatusCode::GATEWAY_TIMEOUT,
                &[format!(
                    "评估超过时限（{} 秒），已中止",
                    limit.as_secs_f64()
                )],
            )
        }
    }
}

/// What a download asks for.
#[derive(Deserialize)]
pub struct Download {
    #[serde(flatten)]
    pub carried: Carried,
    pub format: String,
}

fn attachment(content_type: &'static str, name: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, name),
        ],
        body,
    )
        .into_response()
}

/// `POST /self-check/download`: the facts file, or the report as JSON,
/// Markdown or a standalone HTML page, as an attachment.
pub async fn download(
    State(state): State<Shared>,
    form: Result<Form<Download>, FormRejection>,
) -> Response {
    let Ok(Form(d)) = form else {
        return failed(StatusCode::BAD_REQUEST, &["表单无法读取".into()]);
    };
    if d.format == "facts" {
        // The form's fields travel as a JSON document; a pasted file as written.
        return if d.carried.file.trim_start().starts_with('{') {
            attachment(
                "application/json",
                "attachment; filename=\"facts.json\"",
                d.carried.file,
            )
        } else {
            attachment(
                "application/yaml; charset=utf-8",
                "attachment; filename=\"facts.yaml\"",
                d.carried.file,
            )
        };
    }
    if !matches!(d.format.as_str(), "json" | "markdown" | "html") {
        return failed(
            StatusCode::BAD_REQUEST,
            &[format!(
                "下载格式“{}”未知：可为 facts、json、markdown 或 html",
                d.format
            )],
        );
    }
    blocking(state, move |s, cancel| {
        let (facts, opts) = match d.carried.read(s) {
            Ok(x) => x,
            Err(m) => return failed(StatusCode::UNPROCESSABLE_ENTITY, &m),
        };
        let Some(r) = report_until(&s.engine, &facts.units, opts, cancel) else {
            return failed(
                StatusCode::GATEWAY_TIMEOUT,
                &["评估超过时限，已中止".into()],
            );
        };
        match d.format.as_str() {
            "json" => match serde_json::to_string_pretty(&r) {
                Ok(j) => attachment(
                    "application/json",
                    "attachment; filename=\"report.json\"",
                    j + "\n",
                ),
                Err(e) => failed(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    &[format!("无法序列化报告：{e}")],
                ),
            },
            "markdown" => attachment(
                "text/markdown; charset=utf-8",
                "attachment; filename=\"report.md\"",
                tiaoli_engine::report::render_markdown(&r),
            ),
            _ => attachment(
                "text/html; charset=utf-8",
                "attachment; filename=\"report.html\"",
                standalone_report(&r),
            ),
        }
    })
    .await
}

/// What an explain asks for.
#[derive(Deserialize)]
pub struct Explain {
    #[serde(flatten)]
    pub carried: Carried,
    pub unit: String,
    pub ordinance: String,
    pub article: u32,
    #[serde(default)]
    pub instance: Option<String>,
}

/// `POST /self-check/explain`: the chain from the facts to the result
/// (`tiaoli explain`), beside the article's verbatim text.
pub async fn explain(
    State(state): State<Shared>,
    form: Result<Form<Explain>, FormRejection>,
) -> Response {
    let Ok(Form(x)) = form else {
        return failed(StatusCode::BAD_REQUEST, &["表单无法读取".into()]);
    };
    blocking(state, move |s, _| {
        let (facts, opts) = match x.carried.read(s) {
            Ok(v) => v,
            Err(m) => return failed(StatusCode::UNPROCESSABLE_ENTITY, &m),
        };
        let Some(unit) = facts.units.iter().find(|u| u.id == x.unit) else {
            return failed(
                StatusCode::NOT_FOUND,
                &[format!("事实文件中没有单位“{}”", x.unit)],
            );
        };
        let Some(o) = s
            .engine
            .graph
            .ordinances
            .iter()
            .find(|o| o.id == x.ordinance)
        else {
            return failed(
                StatusCode::NOT_FOUND,
                &[format!("没有条例“{}”", x.ordinance)],
            );
        };
        let Some(a) = o.articles.iter().find(|a| a.number == x.article) else {
            return failed(
                StatusCode::NOT_FOUND,
                &[format!("{} 没有第{}条", o.title, x.article)],
            );
        };
        let ev = s.engine.evaluate(unit, opts);
        let chain = match s.engine.explain_instance(
            &ev,
            Some(&o.id),
            x.article,
            x.instance.as_deref(),
            opts,
        ) {
            Ok(t) => t,
            Err(e) => return failed(StatusCode::NOT_FOUND, &[e]),
        };
        let title = format!("{}：{} {}", unit.id, o.title, a.cite);
        Html(page(
            &title,
            Styles::Linked,
            html! {
                div.side-by-side {
                    section.chain {
                        h2 { "评估过程" }
                        pre { (chain) }
                    }
                    section.article-text {
                        h2 { "条文原文" }
                        @for p in &a.paragraphs {
                            p.paragraph id=(p.eid) { (p.text) }
                            @for i in &p.items { p.item id=(i.eid) { (i.label) (i.text) } }
                        }
                        p { a href={ "/articles/" (o.id) "/" (a.number) } { "条文与评估图" } }
                    }
                }
                (downloads(&x.carried))
            },
        ))
        .into_response()
    })
    .await
}
