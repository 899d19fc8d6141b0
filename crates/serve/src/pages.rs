//! The Chinese web application, rendered on the server (no script, no npm):
//! 单位合规自查 (a form → the report as the CLI groups it), 条文浏览 (articles
//! verbatim with their encoding and evaluation graph, in [`crate::browse`]) and
//! 草案审查 (lift, lint, diff of pasted texts). Each page makes the same
//! library calls as the API.

use std::sync::Arc;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;
use tiaoli_engine::facts::Format;
use tiaoli_engine::{Date, Options};

use crate::cancel::{report_until, Cancel};
use crate::html::{page, report_with, Styles, STYLESHEET};
use crate::results::{downloads, Carried};
use crate::selfcheck::{choose_form, generate, generated_form};
pub use crate::selfcheck::{facts_document, SelfCheck};

type Shared = Arc<crate::State>;

pub(crate) fn ok(title: &str, body: Markup) -> Response {
    Html(page(title, Styles::Linked, body)).into_response()
}

pub(crate) fn failed(status: StatusCode, title: &str, messages: &[String]) -> Response {
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

/// `GET /self-check`: the first step (who the unit is), or — once kind,
/// region and date are given — the form generated for that unit.
pub async fn self_check_form(
    State(state): State<Shared>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let Ok(Query(pairs)) = q else {
        return failed(
            StatusCode::BAD_REQUEST,
            "单位合规自查",
            &["地址中的参数无法读取".into()],
        );
    };
    let f = SelfCheck::from_pairs(&pairs);
    if f.kind.trim().is_empty() || f.region.trim().is_empty() || f.as_of.trim().is_empty() {
        return ok("单位合规自查", first_step(&state, &f, &[]));
    }
    form_page(state, f, true).await
}

/// The form generated for the unit `f` describes, on the blocking pool. A
/// description that does not read is the first step again (`first`) or an
/// error page, both 422.
async fn form_page(state: Shared, f: SelfCheck, first: bool) -> Response {
    let s = state.clone();
    let work = tokio::task::spawn_blocking(move || match generate(&s.engine, &f) {
        Ok(g) => ok("单位合规自查", generated_form(&s.engine, &f, &g)),
        Err(errors) if first => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(page(
                "单位合规自查",
                Styles::Linked,
                first_step(&s, &f, &errors),
            )),
        )
            .into_response(),
        Err(errors) => failed(StatusCode::UNPROCESSABLE_ENTITY, "单位合规自查", &errors),
    });
    match tokio::time::timeout(state.config.timeout, work).await {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => failed(
            StatusCode::INTERNAL_SERVER_ERROR,
            "单位合规自查",
            &["服务器内部错误".into()],
        ),
        Err(_) => timeout_page(state.config.timeout),
    }
}

/// The first step, and the other ways in: a whole facts file pasted or uploaded.
fn first_step(state: &crate::State, f: &SelfCheck, errors: &[String]) -> Markup {
    html! {
        (choose_form(&state.engine, f, errors))
        h2 { "或：粘贴整份事实文件" }
        form.paste method="post" action="/self-check" {
            label for="file" { "事实文件（YAML 或 JSON）" }
            textarea #file name="file" rows="8" required {}
            label for="file-as_of" { "评估日期（文件中没有 as_of 时）" }
            input #file-as_of type="date" name="as_of";
            label.inline { input type="checkbox" name="drafts" value="1"; " 草案按已施行评估" }
            p { button type="submit" { "评估" } }
        }
        h2 { "或：上传事实文件" }
        form method="post" action="/self-check/upload" enctype="multipart/form-data" {
            label for="upload-file" { "事实文件（YAML、JSON）" }
            input #upload-file type="file" name="file" required accept=".yaml,.yml,.json";
            (crate::upload::encoding_select("upload-encoding"))
            label for="upload-as_of" { "评估日期（文件中没有 as_of 时）" }
            input #upload-as_of type="date" name="as_of";
            label.inline { input type="checkbox" name="drafts" value="1"; " 草案按已施行评估" }
            p { button type="submit" { "上传并评估" } }
        }
    }
}

/// `POST /self-check`: the report, grouped as the CLI groups it.
pub async fn self_check(
    State(state): State<Shared>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Ok(Form(pairs)) = form else {
        return failed(
            StatusCode::BAD_REQUEST,
            "单位合规自查",
            &["表单无法读取".into()],
        );
    };
    let mut f = SelfCheck::from_pairs(&pairs);
    if f.more {
        // One more blank row of each type, what was filled in kept.
        f.rows = f.rows.max(1) + 1;
        return form_page(state, f, false).await;
    }
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
            (
                facts_document(&f, &s.engine.graph.lexicon).to_string(),
                Format::Json,
                f.drafts.is_some(),
            )
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
                // The generated form again, what was filled in kept, the problems above it.
                if let (false, Ok(g)) = (from_file, generate(&s.engine, &f)) {
                    let body = html! {
                        @for m in &messages { p.error { (m) } }
                        (generated_form(&s.engine, &f, &g))
                    };
                    return (
                        StatusCode::UNPROCESSABLE_ENTITY,
                        Html(page("单位合规自查", Styles::Linked, body)),
                    )
                        .into_response();
                }
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
            form method="post" action="/draft/upload" enctype="multipart/form-data" {
                input type="hidden" name="action" value="lint";
                label for="rules-file" { "或：上传规则文件（.tiaoli）" }
                input #rules-file type="file" name="file" required accept=".tiaoli,text/plain";
                (crate::upload::encoding_select("rules-encoding"))
                p { button type="submit" { "上传并检查" } }
            }
            h2 { "两版比较（diff）" }
            form method="post" action="/draft/diff" {
                label for="old" { "旧版本（.tiaoli）" }
                textarea #old name="old" rows="8" required {}
                label for="new" { "新版本（.tiaoli）" }
                textarea #new name="new" rows="8" required {}
                label for="units" { "可选：事实文件（YAML 或 JSON），其中各单位按两版分别评估，列出结果的变化" }
                textarea #units name="units" rows="6" {}
                label for="diff-as_of" { "评估日期（事实文件中没有 as_of 时）" }
                input #diff-as_of type="date" name="as_of";
                label.inline { input #diff-drafts type="checkbox" name="drafts" value="1"; " 草案按已施行评估" }
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
    /// The diff's facts file, its units replayed against both versions (optional).
    #[serde(default)]
    pub units: String,
    #[serde(default)]
    pub as_of: String,
    /// 草案按已施行评估: the diff's units replayed with drafts in force (`--drafts`).
    #[serde(default)]
    pub drafts: Option<String>,
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
    review_as(state, form, move |s, form| {
        f(s, form).map(|(title, body)| (StatusCode::OK, title, body))
    })
    .await
}

/// A draft review whose page may carry another status (rules with errors,
/// shown on their text, are 422).
async fn review_as<F>(state: Shared, form: DraftForm, f: F) -> Response
where
    F: FnOnce(&crate::State, DraftForm) -> Result<(StatusCode, String, Markup), Vec<String>>
        + Send
        + 'static,
{
    let limit = state.config.timeout;
    let s = state.clone();
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(move || f(&s, form))).await {
        Ok(Ok(Ok((status, title, body)))) => {
            (status, Html(page(&title, Styles::Linked, body))).into_response()
        }
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

/// `POST /draft/lint`: the check diagnostics and lint findings on the
/// articles' text; rules with errors are shown so too (422, lint not run).
pub async fn draft_lint(
    State(state): State<Shared>,
    form: Result<Form<DraftForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return failed(
            StatusCode::BAD_REQUEST,
            "草案审查",
            &["表单无法读取".into()],
        );
    };
    lint_review(state, form).await
}

/// The check and lint review of a read form's rule text (pasted or uploaded), as a page.
pub async fn lint_review(state: Shared, form: DraftForm) -> Response {
    review_as(state, form, lint_page).await
}

/// The review of a rule text, as a page.
fn lint_page(s: &crate::State, f: DraftForm) -> Result<(StatusCode, String, Markup), Vec<String>> {
    let files = [crate::api::SourceText {
        name: Some("草案.tiaoli".to_string()),
        text: f.text,
    }];
    let (c, status) = match crate::api::compile_sources(s, &files) {
        Ok(c) => (c, StatusCode::OK),
        Err(c) => (*c, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let mut cli = tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false);
    let report = (status == StatusCode::OK)
        .then(|| tiaoli_lint::lint(&c.graph, None, &tiaoli_lint::Options::default()));
    if let Some(r) = &report {
        cli.push_str(&tiaoli_lint::output::human(r, false));
    }
    Ok((
        status,
        "检查结果".into(),
        crate::review::review_view(&c, report.as_ref(), &cli),
    ))
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
        let mut d = tiaoli_diff::diff(&old.graph, &new.graph).with_versions("旧版本", "新版本");
        // Drafts not in force: their articles bind no unit, which the verdicts should say.
        let mut not_in_force: Vec<String> = Vec::new();
        if f.drafts.is_none() && !f.units.trim().is_empty() {
            for o in old.graph.ordinances.iter().chain(&new.graph.ordinances) {
                if o.draft && !not_in_force.contains(&o.title) {
                    not_in_force.push(o.title.clone());
                }
            }
        }
        if !f.units.trim().is_empty() {
            let units =
                crate::replay::replay(s, old, new, &f.units, Some(&f.as_of), f.drafts.is_some())
                    .map_err(|e| vec![e.detail.message])?;
            d = d.with_units(units);
        }
        Ok((
            "比较结果".into(),
            crate::diffview::diff_view(&d, &not_in_force),
        ))
    })
    .await
}
