//! The Chinese web application, rendered on the server (no script, no npm):
//! 单位合规自查 (a form → the report as the CLI groups it), 条文浏览 (articles
//! verbatim with their evaluation graph) and 草案审查 (lift, lint, diff of
//! pasted texts). Each page makes the same library calls as the API.

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use tiaoli_engine::facts::Format;
use tiaoli_engine::{Date, Options};

use crate::cancel::{report_until, Cancel};
use crate::html::{page, report_with, Styles, STYLESHEET};
use crate::results::{downloads, Carried};

type Shared = Arc<crate::State>;

fn ok(title: &str, body: Markup) -> Response {
    Html(page(title, Styles::Linked, body)).into_response()
}

fn failed(status: StatusCode, title: &str, messages: &[String]) -> Response {
    let body = html! {
        @for m in messages { p.error { (m) } }
        p { a href="/" { "返回首页" } }
    };
    (status, Html(page(title, Styles::Linked, body))).into_response()
}

/// `GET /static/tiaoli.css`.
pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        STYLESHEET,
    )
        .into_response()
}

/// `GET /`.
pub async fn index(State(state): State<Shared>) -> Response {
    ok(
        "条例规则引擎",
        html! {
            p { "已载入 " (state.engine.graph.ordinances.len()) " 部条例。" }
            ul {
                li { a href="/self-check" { "单位合规自查" } "：填写单位情况，查看适用条文、应履行的职责、逾期与可能的处理" }
                li { a href="/articles" { "条文浏览" } "：逐条原文与评估图" }
                li { a href="/draft" { "草案审查" } "：提取骨架、规则检查、两版比较" }
                li { a href="/v1/openapi.json" { "HTTP 接口说明（OpenAPI）" } }
            }
        },
    )
}

/// What the self-check form sends.
#[derive(Deserialize, Default)]
pub struct SelfCheck {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub roles: String,
    #[serde(default)]
    pub as_of: String,
    /// One `名称: 值` a line.
    #[serde(default)]
    pub facts: String,
    /// One `类型 日期 [标识]` a line.
    #[serde(default)]
    pub events: String,
    /// One `类型 日期 [所答事件标识]` a line.
    #[serde(default)]
    pub actions: String,
    /// A whole facts file (YAML or JSON), used instead of the fields when given.
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub drafts: Option<String>,
}

/// `GET /self-check`: the form, with the kinds and facts of the lexicon.
pub async fn self_check_form(State(state): State<Shared>) -> Response {
    let lex = &state.engine.graph.lexicon;
    ok(
        "单位合规自查",
        html! {
            form method="post" action="/self-check" {
                label for="id" { "单位名称" }
                input #id type="text" name="id" required placeholder="平安区公安分局";
                label for="kind" { "单位类别" }
                select #kind name="kind" {
                    @for a in &lex.actors { option value=(a.name) { (a.name) } }
                }
                label for="level" { "层级" }
                select #level name="level" {
                    @for l in ["省", "市", "县", "乡", "村"] { option value=(l) { (l) } }
                }
                label for="region" { "所在地区（由大到小，以 / 分隔）" }
                input #region type="text" name="region" placeholder="海东市/平安区";
                label for="roles" { "身份（以、分隔）" }
                input #roles type="text" name="roles" placeholder="平安建设成员单位";
                label for="as_of" { "评估日期" }
                input #as_of type="date" name="as_of" required;
                label for="facts" { "事实（每行一项：名称: 值）" }
                textarea #facts name="facts" rows="5" placeholder="平安建设考评等次: 一般" {}
                details {
                    summary { "可填的事实" }
                    ul { @for f in &lex.facts { li { (f.name) } } }
                }
                label for="events" { "事件（每行一件：类型 日期 [标识]）" }
                textarea #events name="events" rows="3" placeholder="发现涉嫌电信网络诈骗 2025-01-06 e1" {}
                label for="actions" { "已采取的行为（每行一件：类型 日期 [所答事件标识]）" }
                textarea #actions name="actions" rows="3" {}
                label for="file" { "或：粘贴整份事实文件（YAML 或 JSON，填写后忽略上面各项）" }
                textarea #file name="file" rows="6" {}
                label { input type="checkbox" name="drafts" value="1"; " 草案按已施行评估" }
                p { button type="submit" { "评估" } }
            }
            h2 { "或：上传事实文件" }
            form method="post" action="/self-check/upload" enctype="multipart/form-data" {
                label for="upload-file" { "事实文件（YAML、JSON）" }
                input #upload-file type="file" name="file" required accept=".yaml,.yml,.json";
                (crate::upload::encoding_select("upload-encoding"))
                label for="upload-as_of" { "评估日期（文件中没有 as_of 时）" }
                input #upload-as_of type="date" name="as_of";
                label { input type="checkbox" name="drafts" value="1"; " 草案按已施行评估" }
                p { button type="submit" { "上传并评估" } }
            }
        },
    )
}

/// A value as written in a form: 是/否, a number, else text (dates and enum
/// values are read by the facts parser against the lexicon's types).
fn form_value(v: &str) -> Value {
    match v {
        "是" | "true" => Value::Bool(true),
        "否" | "false" => Value::Bool(false),
        _ => v
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(v.to_string()), Value::Number),
    }
}

/// The form's fields as a facts document (JSON), for the one facts parser.
pub fn facts_document(f: &SelfCheck) -> Value {
    let mut facts = Map::new();
    for line in f.facts.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (k, v) = line
            .split_once([':', '：'])
            .map_or((line, ""), |(k, v)| (k.trim(), v.trim()));
        facts.insert(k.to_string(), form_value(v));
    }
    let rows = |text: &str, third: &str| -> Vec<Value> {
        text.lines()
            .map(str::split_whitespace)
            .filter_map(|mut w| {
                let ty = w.next()?;
                let mut row = Map::new();
                row.insert("type".into(), json!(ty));
                row.insert("date".into(), json!(w.next().unwrap_or("")));
                if let Some(x) = w.next() {
                    row.insert(third.into(), json!(x));
                }
                Some(Value::Object(row))
            })
            .collect()
    };
    let roles: Vec<&str> = f
        .roles
        .split(['、', ',', '，'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect();
    let mut unit = Map::new();
    unit.insert("id".into(), json!(f.id.trim()));
    unit.insert("kind".into(), json!(f.kind.trim()));
    if !f.level.trim().is_empty() {
        unit.insert("level".into(), json!(f.level.trim()));
    }
    if !f.region.trim().is_empty() {
        unit.insert("region".into(), json!(f.region.trim()));
    }
    unit.insert("roles".into(), json!(roles));
    unit.insert("facts".into(), Value::Object(facts));
    unit.insert("events".into(), Value::Array(rows(&f.events, "id")));
    unit.insert("actions".into(), Value::Array(rows(&f.actions, "for")));
    json!({ "as_of": f.as_of.trim(), "units": [Value::Object(unit)] })
}

/// `POST /self-check`: the report, grouped as the CLI groups it.
pub async fn self_check(
    State(state): State<Shared>,
    form: Result<Form<SelfCheck>, FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return failed(
            StatusCode::BAD_REQUEST,
            "单位合规自查",
            &["表单无法读取".into()],
        );
    };
    evaluate(state, f).await
}

/// The self-check of a form's fields or of a whole facts file (pasted or
/// uploaded), as the result page.
pub async fn evaluate(state: Shared, f: SelfCheck) -> Response {
    let limit = state.config.timeout;
    let s = state.clone();
    let cancel = Cancel::new(limit);
    let theirs = cancel.clone();
    let work = tokio::task::spawn_blocking(move || -> Response {
        let (text, format, from_file) = if f.file.trim().is_empty() {
            (facts_document(&f).to_string(), Format::Json, false)
        } else {
            (f.file.clone(), Format::Yaml, true)
        };
        let parsed = match tiaoli_engine::facts::parse(&text, format, &s.engine.graph.lexicon) {
            Ok(p) => p,
            Err(errors) => {
                let messages: Vec<String> = errors
                    .iter()
                    .map(|e| {
                        if from_file {
                            e.at("事实文件")
                        } else {
                            e.to_string()
                        }
                    })
                    .collect();
                return failed(StatusCode::UNPROCESSABLE_ENTITY, "单位合规自查", &messages);
            }
        };
        let Some(as_of) = parsed.as_of.or_else(|| Date::parse(f.as_of.trim())) else {
            return failed(
                StatusCode::UNPROCESSABLE_ENTITY,
                "单位合规自查",
                &["没有评估日期：请填写评估日期（或在事实文件中写 as_of）".into()],
            );
        };
        let opts = Options {
            as_of,
            drafts: f.drafts.is_some(),
        };
        let carried = Carried {
            file: text,
            as_of: f.as_of.clone(),
            drafts: f.drafts.clone(),
        };
        match report_until(&s.engine, &parsed.units, opts, &theirs) {
            Some(r) => ok(
                "自查结果",
                html! { (downloads(&carried)) (report_with(&r, Some(&carried))) },
            ),
            None => timeout_page(limit),
        }
    });
    match tokio::time::timeout(limit, work).await {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => failed(
            StatusCode::INTERNAL_SERVER_ERROR,
            "单位合规自查",
            &["服务器内部错误".into()],
        ),
        Err(_) => {
            cancel.cancel();
            timeout_page(limit)
        }
    }
}

fn timeout_page(limit: std::time::Duration) -> Response {
    failed(
        StatusCode::GATEWAY_TIMEOUT,
        "单位合规自查",
        &[format!(
            "评估超过时限（{} 秒），已中止；请减少单位数量后重试",
            limit.as_secs_f64()
        )],
    )
}

/// `GET /articles`: every ordinance and its articles.
pub async fn articles(State(state): State<Shared>) -> Response {
    ok(
        "条文浏览",
        html! {
            @for o in &state.engine.graph.ordinances {
                h2 { (o.title) @if o.draft { "（草案）" } }
                ul {
                    @for a in &o.articles {
                        li {
                            a href={ "/articles/" (o.id) "/" (a.number) } { (a.cite) }
                            " " (a.text.chars().take(40).collect::<String>()) "…"
                        }
                    }
                }
            }
        },
    )
}

/// `GET /articles/{id}/{n}`: the article verbatim, and its graph.
pub async fn article(
    State(state): State<Shared>,
    Path((id, n)): Path<(String, String)>,
) -> Response {
    let Some(o) = state
        .engine
        .graph
        .ordinances
        .iter()
        .find(|o| o.id.eq_ignore_ascii_case(&id))
    else {
        return failed(
            StatusCode::NOT_FOUND,
            "条文浏览",
            &[format!("没有条例“{id}”")],
        );
    };
    let Some(a) =
        tiaoli_syntax::article_number(&n).and_then(|n| o.articles.iter().find(|a| a.number == n))
    else {
        return failed(
            StatusCode::NOT_FOUND,
            "条文浏览",
            &[format!("{} 没有“{n}”这一条", o.title)],
        );
    };
    let title = format!("{} {}", o.title, a.cite);
    ok(
        &title,
        html! {
            @for p in &a.paragraphs {
                p.paragraph id=(p.eid) { (p.text) }
                @for i in &p.items { p.item id=(i.eid) { (i.text) } }
            }
            h2 { "评估图" }
            img.graph alt={ (a.cite) "的评估图" } src={ "/v1/ordinances/" (o.id) "/graph?article=" (a.number) };
        },
    )
}

/// `GET /draft`: three forms.
pub async fn draft_form() -> Response {
    ok(
        "草案审查",
        html! {
            h2 { "提取骨架（lift）" }
            form method="post" action="/draft/lift" {
                label for="text" { "法规文本（每段一行）" }
                textarea #text name="text" rows="10" required {}
                p { button type="submit" { "提取" } }
            }
            form method="post" action="/draft/upload" enctype="multipart/form-data" {
                label for="draft-file" { "或：上传法规文本文件（.txt）" }
                input #draft-file type="file" name="file" required accept=".txt,text/plain";
                (crate::upload::encoding_select("draft-encoding"))
                p { button type="submit" { "上传并提取" } }
            }
            h2 { "规则检查（lint）" }
            form method="post" action="/draft/lint" {
                label for="rules" { "规则文本（.tiaoli）" }
                textarea #rules name="text" rows="10" required {}
                p { button type="submit" { "检查" } }
            }
            h2 { "两版比较（diff）" }
            form method="post" action="/draft/diff" {
                label for="old" { "旧版本（.tiaoli）" }
                textarea #old name="old" rows="8" required {}
                label for="new" { "新版本（.tiaoli）" }
                textarea #new name="new" rows="8" required {}
                p { button type="submit" { "比较" } }
            }
        },
    )
}

/// What a draft form sends.
#[derive(Deserialize, Default)]
pub struct DraftForm {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub old: String,
    #[serde(default)]
    pub new: String,
}

/// Runs a draft review on the blocking pool, as a page.
async fn draft_page<F>(
    state: Shared,
    form: Result<Form<DraftForm>, FormRejection>,
    f: F,
) -> Response
where
    F: FnOnce(&crate::State, DraftForm) -> Result<(String, Markup), Vec<String>> + Send + 'static,
{
    let Ok(Form(form)) = form else {
        return failed(
            StatusCode::BAD_REQUEST,
            "草案审查",
            &["表单无法读取".into()],
        );
    };
    review(state, form, f).await
}

/// A draft review of a read form, as a page.
pub async fn review<F>(state: Shared, form: DraftForm, f: F) -> Response
where
    F: FnOnce(&crate::State, DraftForm) -> Result<(String, Markup), Vec<String>> + Send + 'static,
{
    let limit = state.config.timeout;
    let s = state.clone();
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(move || f(&s, form))).await {
        Ok(Ok(Ok((title, body)))) => ok(&title, body),
        Ok(Ok(Err(messages))) => failed(StatusCode::UNPROCESSABLE_ENTITY, "草案审查", &messages),
        Ok(Err(_)) => failed(
            StatusCode::INTERNAL_SERVER_ERROR,
            "草案审查",
            &["服务器内部错误".into()],
        ),
        Err(_) => failed(
            StatusCode::GATEWAY_TIMEOUT,
            "草案审查",
            &["请求超时".into()],
        ),
    }
}

/// Compile errors as the CLI prints them for people (no colour).
fn compiled(
    s: &crate::State,
    name: &str,
    text: String,
) -> Result<tiaoli_compiler::Compilation, Vec<String>> {
    let files = [crate::api::SourceText {
        name: Some(name.to_string()),
        text,
    }];
    crate::api::compile_sources(s, &files).map_err(|c| {
        vec![tiaoli_syntax::render::render_human(
            &c.diagnostics,
            &c.sources,
            false,
        )]
    })
}

/// `POST /draft/lift`.
pub async fn draft_lift(
    State(state): State<Shared>,
    form: Result<Form<DraftForm>, FormRejection>,
) -> Response {
    draft_page(state, form, lift_page).await
}

/// The skeleton lift makes of a text, as a page.
pub fn lift_page(s: &crate::State, f: DraftForm) -> Result<(String, Markup), Vec<String>> {
    let lifted = tiaoli_lift::lift("草案.txt", &f.text, &s.engine.graph.lexicon)
        .map_err(|e| vec![e.to_string()])?;
    Ok(("提取的骨架".into(), html! { pre { (lifted.text) } }))
}

/// `POST /draft/lint`.
pub async fn draft_lint(
    State(state): State<Shared>,
    form: Result<Form<DraftForm>, FormRejection>,
) -> Response {
    draft_page(state, form, |s, f| {
        let c = compiled(s, "草案.tiaoli", f.text)?;
        let report = tiaoli_lint::lint(&c.graph, None, &tiaoli_lint::Options::default());
        Ok((
            "检查结果".into(),
            html! { pre { (tiaoli_lint::output::human(&report, false)) } },
        ))
    })
    .await
}

/// `POST /draft/diff`.
pub async fn draft_diff(
    State(state): State<Shared>,
    form: Result<Form<DraftForm>, FormRejection>,
) -> Response {
    draft_page(state, form, |s, f| {
        let old = compiled(s, "旧版本.tiaoli", f.old)?;
        let new = compiled(s, "新版本.tiaoli", f.new)?;
        let p = tiaoli_diff::ordinance_pairing::pairing(&old.graph, &new.graph);
        if matches!(p, tiaoli_diff::ordinance_pairing::Pairing::Different { .. }) {
            return Err(vec![format!(
                "两个版本中的{}：两版比较只比较同一部条例的两个版本",
                p.message().unwrap_or_default()
            )]);
        }
        let d = tiaoli_diff::diff(&old.graph, &new.graph).with_versions("旧版本", "新版本");
        Ok(("比较结果".into(), crate::diffview::diff_view(&d)))
    })
    .await
}
