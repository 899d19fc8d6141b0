//! The `/v1` handlers: each reads its request, makes the library call the CLI
//! makes, and answers in the CLI's JSON schema. CPU work runs on the blocking
//! pool under the per-request time limit.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use tiaoli_compiler::graph::OrdinanceGraph;
use tiaoli_compiler::{view, Compilation};
use tiaoli_engine::facts::{FactsFile, Format};
use tiaoli_engine::{Date, Options};
use tiaoli_syntax::diag::did_you_mean;
use tiaoli_syntax::{render, SourceMap};
use utoipa::{IntoParams, ToSchema};

use crate::cancel::{report_until, Cancel};
use crate::error::{ApiError, ErrorBody};

type Shared = Arc<crate::State>;

/// Runs `f` on the blocking pool, within the time limit: past it the answer
/// is 504 and `f`'s [`Cancel`] is over, so work that looks at it stops.
async fn work<T, F>(state: &Shared, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&crate::State, &Cancel) -> Result<T, ApiError> + Send + 'static,
{
    let s = state.clone();
    let limit = state.config.timeout;
    let cancel = Cancel::new(limit);
    let theirs = cancel.clone();
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(move || f(&s, &theirs))).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(ApiError::internal(
            "服务器内部错误：处理请求时出错（这是 tiaoli 的缺陷，请报告）",
        )),
        Err(_) => {
            cancel.cancel();
            Err(timed_out(limit))
        }
    }
}

/// 504: the request took longer than the limit, and its work was stopped.
pub fn timed_out(limit: std::time::Duration) -> ApiError {
    ApiError::new(
        StatusCode::GATEWAY_TIMEOUT,
        "timeout",
        format!("请求超过时限（{} 秒），评估已中止", limit.as_secs_f64()),
    )
}

/// The body, or 413 past the limit.
fn body(b: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    b.map_err(|r| {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                "请求正文超过服务器允许的大小",
            )
        } else {
            ApiError::bad_request(format!("无法读取请求正文：{}", r.body_text()))
        }
    })
}

pub(crate) fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(t)| t)
        .map_err(|r| ApiError::bad_request(format!("查询参数有误：{}", r.body_text())))
}

fn utf8(b: &[u8]) -> Result<&str, ApiError> {
    std::str::from_utf8(b).map_err(|e| {
        ApiError::bad_request(format!(
            "请求正文不是 UTF-8 文本（第 {} 字节起无效）",
            e.valid_up_to()
        ))
    })
}

/// A JSON request body.
fn json_body<T: serde::de::DeserializeOwned>(b: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(b).map_err(|e| {
        ApiError::bad_request(format!(
            "请求正文不是所需的 JSON（第 {} 行第 {} 列）：{e}",
            e.line(),
            e.column()
        ))
    })
}

/// The facts document's format, by Content-Type: JSON, JSON Lines, else YAML.
fn facts_format(headers: &HeaderMap) -> Format {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ct.contains("ndjson") || ct.contains("jsonl") || ct.contains("json-seq") {
        Format::JsonLines
    } else if ct.contains("json") {
        Format::Json
    } else {
        Format::Yaml
    }
}

/// Where the evaluation happens and how.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvalQuery {
    /// The evaluation date (YYYY-MM-DD); overrides the document's `as_of`.
    pub as_of: Option<String>,
    /// Evaluate drafts (代拟稿, 草案, 征求意见稿) as if in force; results say so.
    #[serde(default)]
    pub drafts: bool,
    /// `json` (default, the schema of `tiaoli eval --format json`) or `markdown`.
    pub format: Option<String>,
}

/// The name facts errors are located in.
const FACTS_NAME: &str = "请求正文";

/// The facts of the body, validated against the loaded lexicon, and the options.
fn read_facts(
    s: &crate::State,
    format: Format,
    text: &str,
    as_of: Option<&str>,
    drafts: bool,
) -> Result<(FactsFile, Options), ApiError> {
    let parsed =
        tiaoli_engine::facts::parse(text, format, &s.engine.graph.lexicon).map_err(|errors| {
            // A document that does not even read (bad YAML or JSON) is a bad
            // request; one that reads but does not check is unprocessable.
            let unreadable = errors
                .iter()
                .all(|e| e.unit.is_none() && e.field.is_empty());
            let message = format!(
                "事实文件有 {} 处问题，未作评估：{}",
                errors.len(),
                errors
                    .iter()
                    .map(|e| e.at(FACTS_NAME))
                    .collect::<Vec<_>>()
                    .join("；")
            );
            let e = if unreadable {
                ApiError::bad_request(message)
            } else {
                ApiError::unprocessable("facts", message)
            };
            e.with_facts(errors)
        })?;
    let as_of = match as_of {
        Some(given) => Date::parse(given).ok_or_else(|| {
            ApiError::bad_request(format!("as_of “{given}” 不是日期（应为 YYYY-MM-DD）"))
        })?,
        None => parsed.as_of.ok_or_else(|| {
            ApiError::unprocessable(
                "facts",
                "没有评估日期：在事实文件中写 `as_of: YYYY-MM-DD`，或给出查询参数 as_of",
            )
        })?,
    };
    Ok((parsed, Options { as_of, drafts }))
}

/// Evaluates units' facts: `tiaoli eval` over the loaded rules.
#[utoipa::path(
    post, path = "/v1/eval", tag = "评估",
    params(EvalQuery),
    request_body(content = String, description = "事实文件（YAML、JSON 或 JSON Lines，按 Content-Type：application/yaml、application/json、application/x-ndjson）", content_type = "application/yaml"),
    responses(
        (status = 200, description = "评估报告（与 tiaoli eval --format json 相同）", body = tiaoli_engine::report::Report),
        (status = 400, description = "事实文件无法读取，或参数有误", body = ErrorBody),
        (status = 413, description = "请求正文过大", body = ErrorBody),
        (status = 422, description = "事实文件可读但有错（逐项带行列）", body = ErrorBody),
    )
)]
pub async fn eval(
    State(state): State<Shared>,
    headers: HeaderMap,
    q: Result<Query<EvalQuery>, QueryRejection>,
    b: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let q = query(q)?;
    let b = body(b)?;
    let format = facts_format(&headers);
    let markdown = match q.format.as_deref() {
        None | Some("json") => false,
        Some("markdown") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "format “{other}” 未知：可为 json 或 markdown"
            )))
        }
    };
    work(&state, move |s, cancel| {
        let text = utf8(&b)?;
        let (facts, opts) = read_facts(s, format, text, q.as_of.as_deref(), q.drafts)?;
        let report = report_until(&s.engine, &facts.units, opts, cancel)
            .ok_or_else(|| timed_out(s.config.timeout))?;
        Ok(if markdown {
            (
                [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
                tiaoli_engine::report::render_markdown(&report),
            )
                .into_response()
        } else {
            Json(report).into_response()
        })
    })
    .await
}

/// Which unit and article to explain.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExplainQuery {
    /// The unit (its id in the facts document).
    pub unit: String,
    /// The article: 46, 第46条 or 第四十六条.
    pub article: String,
    /// The ordinance, by id, when several have the article.
    pub ordinance: Option<String>,
    /// One instance only: its label as eval prints it.
    pub instance: Option<String>,
    pub as_of: Option<String>,
    #[serde(default)]
    pub drafts: bool,
}

/// The chain from facts to status, quoting the text.
#[derive(Serialize, ToSchema)]
pub struct Explanation {
    /// As `tiaoli explain` prints it.
    pub text: String,
}

/// Explains one article for one unit: `tiaoli explain`.
#[utoipa::path(
    post, path = "/v1/explain", tag = "评估",
    params(ExplainQuery),
    request_body(content = String, description = "事实文件（同 /v1/eval）", content_type = "application/yaml"),
    responses(
        (status = 200, body = Explanation),
        (status = 400, body = ErrorBody),
        (status = 404, description = "没有这个单位或条文", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
pub async fn explain(
    State(state): State<Shared>,
    headers: HeaderMap,
    q: Result<Query<ExplainQuery>, QueryRejection>,
    b: Result<Bytes, BytesRejection>,
) -> Result<Json<Explanation>, ApiError> {
    let q = query(q)?;
    let b = body(b)?;
    let article = article_number(&q.article)?;
    let format = facts_format(&headers);
    work(&state, move |s, _| {
        let text = utf8(&b)?;
        let (facts, opts) = read_facts(s, format, text, q.as_of.as_deref(), q.drafts)?;
        let Some(unit) = facts.units.iter().find(|u| u.id == q.unit) else {
            let ids: Vec<&str> = facts.units.iter().map(|u| u.id.as_str()).collect();
            return Err(ApiError::not_found(format!(
                "事实文件中没有单位“{}”（有：{}）",
                q.unit,
                ids.join("、")
            ))
            .with_help(
                did_you_mean(&q.unit, ids.iter().copied()).map(|d| format!("是否指“{d}”？")),
            ));
        };
        let ev = s.engine.evaluate(unit, opts);
        s.engine
            .explain_instance(
                &ev,
                q.ordinance.as_deref(),
                article,
                q.instance.as_deref(),
                opts,
            )
            .map(|text| Json(Explanation { text }))
            .map_err(ApiError::not_found)
    })
    .await
}

fn article_number(s: &str) -> Result<u32, ApiError> {
    tiaoli_syntax::article_number(s)
        .ok_or_else(|| ApiError::bad_request(format!("“{s}”不是条文序号（写作 46 或 第四十六条）")))
}

/// One loaded ordinance, in brief.
#[derive(Serialize, ToSchema)]
pub struct OrdinanceSummary {
    pub id: String,
    pub title: String,
    pub jurisdiction: String,
    pub in_force: Option<String>,
    pub draft: bool,
    pub articles: usize,
}

/// The ordinances the server has loaded.
#[utoipa::path(get, path = "/v1/ordinances", tag = "条文",
    responses((status = 200, body = Vec<OrdinanceSummary>)))]
pub async fn ordinances(State(state): State<Shared>) -> Json<Vec<OrdinanceSummary>> {
    Json(
        state
            .engine
            .graph
            .ordinances
            .iter()
            .map(|o| OrdinanceSummary {
                id: o.id.clone(),
                title: o.title.clone(),
                jurisdiction: o.jurisdiction.clone(),
                in_force: o.in_force.clone(),
                draft: o.draft,
                articles: o.articles.len(),
            })
            .collect(),
    )
}

/// The ordinance by id (as `tiaoli graph --ordinance` finds it), or 404 with
/// the ids loaded.
fn find_ordinance<'a>(s: &'a crate::State, id: &str) -> Result<&'a OrdinanceGraph, ApiError> {
    let ords = &s.engine.graph.ordinances;
    ords.iter()
        .find(|o| o.id.eq_ignore_ascii_case(id))
        .ok_or_else(|| {
            let ids: Vec<&str> = ords.iter().map(|o| o.id.as_str()).collect();
            ApiError::not_found(format!("没有条例“{id}”；已载入：{}", ids.join("、")))
                .with_help(did_you_mean(id, ids.iter().copied()).map(|d| format!("是否指“{d}”？")))
        })
}

fn to_json<T: Serialize>(v: &T) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(v).map_err(|e| ApiError::internal(format!("无法序列化结果：{e}")))
}

/// An ordinance: its chapters and every article verbatim, with eids.
#[utoipa::path(get, path = "/v1/ordinances/{id}", tag = "条文",
    params(("id" = String, Path, description = "条例标识，如 haidong")),
    responses(
        (status = 200, description = "条例：标题、章节、逐条原文（与 tiaoli graph --format json 中的条例相同字段）", body = serde_json::Value),
        (status = 404, body = ErrorBody),
    ))]
pub async fn ordinance(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let o = find_ordinance(&state, &id)?;
    Ok(Json(serde_json::json!({
        "id": o.id,
        "title": o.title,
        "jurisdiction": o.jurisdiction,
        "in_force": o.in_force,
        "draft": o.draft,
        "chapters": to_json(&o.chapters)?,
        "articles": to_json(&o.articles)?,
    })))
}

/// One article verbatim, with its paragraphs and items and their eids.
#[utoipa::path(get, path = "/v1/ordinances/{id}/articles/{article}", tag = "条文",
    params(
        ("id" = String, Path, description = "条例标识"),
        ("article" = String, Path, description = "条文序号：46 或 第四十六条"),
    ),
    responses(
        (status = 200, body = serde_json::Value),
        (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
pub async fn article(
    State(state): State<Shared>,
    Path((id, article)): Path<(String, String)>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let n = article_number(&article)?;
    let o = find_ordinance(&state, &id)?;
    let a = o
        .articles
        .iter()
        .find(|a| a.number == n)
        .ok_or_else(|| ApiError::not_found(format!("{} 没有第{n}条", o.id)))?;
    Ok(Json(to_json(a)?))
}

/// Which graph, drawn how.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GraphQuery {
    /// Only this article and what it depends on: 46 or 第四十六条.
    pub article: Option<String>,
    /// `svg` (default) or `dot` (as `tiaoli graph` prints it).
    pub format: Option<String>,
}

/// The evaluation graph of an ordinance or one article, as `tiaoli graph`.
#[utoipa::path(get, path = "/v1/ordinances/{id}/graph", tag = "条文",
    params(("id" = String, Path, description = "条例标识"), GraphQuery),
    responses(
        (status = 200, description = "SVG（image/svg+xml）或 DOT（text/vnd.graphviz）", body = String),
        (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
pub async fn graph(
    State(state): State<Shared>,
    Path(id): Path<String>,
    q: Result<Query<GraphQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let q = query(q)?;
    let article = q.article.as_deref().map(article_number).transpose()?;
    let svg = match q.format.as_deref() {
        None | Some("svg") => true,
        Some("dot") => false,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "format “{other}” 未知：可为 svg 或 dot"
            )))
        }
    };
    work(&state, move |s, _| {
        let o = find_ordinance(s, &id)?;
        if let Some(n) = article {
            if !o.articles.iter().any(|a| a.number == n) {
                return Err(ApiError::not_found(format!("{} 没有第{n}条", o.id)));
            }
        }
        let dot = view::to_dot(o, article);
        Ok(if svg {
            let picture = crate::svg::dot_to_svg(&dot).map_err(ApiError::internal)?;
            ([(header::CONTENT_TYPE, "image/svg+xml")], picture).into_response()
        } else {
            (
                [(header::CONTENT_TYPE, "text/vnd.graphviz; charset=utf-8")],
                dot,
            )
                .into_response()
        })
    })
    .await
}

/// A rule file given in a request.
#[derive(Deserialize, ToSchema)]
pub struct SourceText {
    /// Its name in diagnostics (default `请求.tiaoli`).
    #[serde(default)]
    pub name: Option<String>,
    pub text: String,
}

/// Compiles request texts with the loaded vocabulary when they bring none (as
/// the CLI gives the embedded lexicon); 422 with the diagnostics on errors.
fn compile_texts(
    s: &crate::State,
    files: &[SourceText],
    what: &str,
) -> Result<Compilation, ApiError> {
    compile_sources(s, files).map_err(|c| {
        let diagnostics = render::to_json(&c.diagnostics, &c.sources);
        ApiError::unprocessable("rules", format!("{what}有 {} 处错误，无法编译", c.errors()))
            .with_diagnostics(diagnostics)
    })
}

/// Compiles request texts with the loaded vocabulary when they bring none;
/// the compilation either way, `Err` when it has errors.
pub fn compile_sources(
    s: &crate::State,
    files: &[SourceText],
) -> Result<Compilation, Box<Compilation>> {
    let texts: Vec<(String, String)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let name = f.name.clone().unwrap_or_else(|| {
                if files.len() == 1 {
                    "请求.tiaoli".to_string()
                } else {
                    format!("请求{}.tiaoli", i + 1)
                }
            });
            (name, f.text.clone())
        })
        .collect();
    let mut sources = SourceMap::new();
    if !texts
        .iter()
        .any(|(_, t)| tiaoli_compiler::load::is_lexicon_file(t))
    {
        for (name, text) in &s.lexicon_texts {
            sources.add(name.clone(), text.clone());
        }
    }
    for (name, text) in texts {
        sources.add(name, text);
    }
    let c = tiaoli_compiler::compile(sources);
    if c.has_errors() {
        return Err(Box::new(c));
    }
    Ok(c)
}

/// What to lint.
#[derive(Deserialize, ToSchema)]
pub struct LintRequest {
    /// Rule texts; none: the rules the server has loaded.
    #[serde(default)]
    pub files: Vec<SourceText>,
    /// Compare with these ordinances too (a city's against its province's).
    #[serde(default)]
    pub against: Vec<SourceText>,
    /// As `--deny`: codes, names, `warnings` or `all`.
    #[serde(default)]
    pub deny: Vec<String>,
    /// As `--allow`.
    #[serde(default)]
    pub allow: Vec<String>,
}

/// Consistency checks for drafters: `tiaoli lint --format json`.
#[utoipa::path(post, path = "/v1/lint", tag = "草案审查",
    request_body = LintRequest,
    responses(
        (status = 200, description = "与 tiaoli lint --format json 相同", body = serde_json::Value),
        (status = 400, body = ErrorBody),
        (status = 422, description = "规则无法编译（带诊断）或检查名未知", body = ErrorBody),
    ))]
pub async fn lint(
    State(state): State<Shared>,
    b: Result<Bytes, BytesRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let b = body(b)?;
    work(&state, move |s, _| {
        let req: LintRequest = json_body(&b)?;
        let opts = tiaoli_lint::Options::new(&req.deny, &req.allow).map_err(|e| {
            let help = miette::Diagnostic::help(&e).map(|h| h.to_string());
            ApiError::unprocessable("lint-option", e.to_string()).with_help(help)
        })?;
        let own = if req.files.is_empty() {
            None
        } else {
            Some(compile_texts(s, &req.files, "规则")?)
        };
        let against = if req.against.is_empty() {
            None
        } else {
            Some(compile_texts(s, &req.against, "against 规则")?)
        };
        let graph = own.as_ref().map_or(&s.engine.graph, |c| &c.graph);
        let report = tiaoli_lint::lint(graph, against.as_ref().map(|a| &a.graph), &opts);
        Ok(Json(tiaoli_lint::output::json(&report)))
    })
    .await
}

/// A published or draft text to lift.
#[derive(Deserialize, ToSchema)]
pub struct LiftRequest {
    /// Names the source (for the skeleton's id and header comment).
    #[serde(default)]
    pub name: Option<String>,
    /// The regulation as published, one paragraph per line.
    pub text: String,
}

/// The skeleton and what lift found.
#[derive(Serialize, ToSchema)]
pub struct LiftResponse {
    /// The `.tiaoli` skeleton (it parses and compiles).
    pub skeleton: String,
    /// The report `tiaoli lift --report` writes.
    pub report: serde_json::Value,
}

/// From a published text to a rule skeleton for review: `tiaoli lift`.
#[utoipa::path(post, path = "/v1/lift", tag = "草案审查",
    request_body = LiftRequest,
    responses(
        (status = 200, body = LiftResponse),
        (status = 400, body = ErrorBody),
        (status = 422, description = "文本无法提取（空、非文本、没有条文）", body = ErrorBody),
    ))]
pub async fn lift(
    State(state): State<Shared>,
    b: Result<Bytes, BytesRejection>,
) -> Result<Json<LiftResponse>, ApiError> {
    let b = body(b)?;
    work(&state, move |s, _| {
        let req: LiftRequest = json_body(&b)?;
        let name = req.name.as_deref().unwrap_or("请求.txt");
        let lifted = tiaoli_lift::lift(name, &req.text, &s.engine.graph.lexicon)
            .map_err(|e| ApiError::unprocessable("lift", format!("{name}：{e}")))?;
        Ok(Json(LiftResponse {
            report: to_json(&lifted.report)?,
            skeleton: lifted.text,
        }))
    })
    .await
}

/// Two versions to compare.
#[derive(Deserialize, ToSchema)]
pub struct DiffRequest {
    /// The old version's rule texts.
    pub old: Vec<SourceText>,
    /// The new version's rule texts.
    pub new: Vec<SourceText>,
    /// Compare two different ordinances (two jurisdictions) as if one, as
    /// `tiaoli diff --different-ordinances`; otherwise that is refused (422).
    #[serde(default)]
    pub different_ordinances: bool,
    /// A facts file (YAML or JSON text) whose units are evaluated against both
    /// versions, as `tiaoli diff --units`: the answer's `units` lists the
    /// verdicts that change.
    #[serde(default)]
    pub units: Option<String>,
    /// The evaluation date for `units` (YYYY-MM-DD); overrides the file's `as_of`.
    #[serde(default)]
    pub as_of: Option<String>,
    /// Drafts count as law in the replay (as `--drafts`).
    #[serde(default)]
    pub drafts: bool,
}

/// What a change to the rules does to the law: `tiaoli diff --format json`.
#[utoipa::path(post, path = "/v1/diff", tag = "草案审查",
    request_body = DiffRequest,
    responses(
        (status = 200, description = "与 tiaoli diff --format json 相同", body = tiaoli_diff::Diff),
        (status = 400, body = ErrorBody),
        (status = 422, description = "某一版本无法编译（带诊断），两版是不同的条例，或 units 事实文件有问题", body = ErrorBody),
    ))]
pub async fn diff(
    State(state): State<Shared>,
    b: Result<Bytes, BytesRejection>,
) -> Result<Json<tiaoli_diff::Diff>, ApiError> {
    let b = body(b)?;
    work(&state, move |s, _| {
        let req: DiffRequest = json_body(&b)?;
        if req.old.is_empty() || req.new.is_empty() {
            return Err(ApiError::bad_request("old 与 new 都须至少有一个规则文本"));
        }
        let old = compile_texts(s, &req.old, "旧版本")?;
        let new = compile_texts(s, &req.new, "新版本")?;
        let p = tiaoli_diff::ordinance_pairing::pairing(&old.graph, &new.graph);
        if matches!(p, tiaoli_diff::ordinance_pairing::Pairing::Different { .. }) && !req.different_ordinances {
            return Err(ApiError::unprocessable(
                "different-ordinances",
                format!("old 与 new 中的{}", p.message().unwrap_or_default()),
            )
            .with_help(Some(
                "diff 比较同一部条例的两个版本；确要比较两部不同的条例，在请求中加 \"different_ordinances\": true".into(),
            )));
        }
        let mut d = tiaoli_diff::diff(&old.graph, &new.graph).with_versions("old", "new");
        if let Some(units) = &req.units {
            d = d.with_units(crate::replay::replay(
                s,
                old,
                new,
                units,
                req.as_of.as_deref(),
                req.drafts,
            )?);
        }
        Ok(Json(d))
    })
    .await
}

/// Any other address: 404, as JSON.
pub async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("没有这个地址：{method} {}", uri.path()))
        .with_help(Some("接口列在 /v1/openapi.json".into()))
}
