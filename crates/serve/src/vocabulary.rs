//! `GET /v1/terms` and `GET /v1/template`: the vocabulary the rules know (or a
//! kind's, with the provisions using each term) and a facts-file skeleton for
//! one unit — the library calls of `tiaoli terms` and `tiaoli template`.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use tiaoli_engine::terms::{TemplateRequest, Terms};
use tiaoli_engine::{Date, Options};
use utoipa::IntoParams;

use crate::error::{ApiError, ErrorBody};

type Shared = Arc<crate::State>;

/// A list given as one query parameter, its items separated by commas (、 too).
fn list(s: &Option<String>) -> Vec<String> {
    s.as_deref()
        .unwrap_or("")
        .split([',', '，', '、'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct TermsQuery {
    /// Only the terms of the articles binding this kind of unit (公安部门 …).
    pub kind: Option<String>,
    /// The unit's roles, comma-separated: their role-bound articles count too.
    pub role: Option<String>,
    /// One ordinance, by id or title (haidong, 海东, 《海东市平安建设条例》).
    pub ordinance: Option<String>,
}

/// The actor kinds, roles, facts (with their values), events (with their
/// attributes), actions and sanctions the rules know, each with the provisions
/// that use it.
#[utoipa::path(get, path = "/v1/terms", tag = "词汇",
    params(TermsQuery),
    responses(
        (status = 200, body = Terms),
        (status = 400, body = ErrorBody),
        (status = 422, description = "未知的类别、角色或条例（附近似项）", body = ErrorBody),
    ))]
pub async fn terms(
    State(state): State<Shared>,
    q: Result<Query<TermsQuery>, QueryRejection>,
) -> Result<Json<Terms>, ApiError> {
    let q = crate::api::query(q)?;
    state
        .engine
        .terms(q.kind.as_deref(), &list(&q.role), q.ordinance.as_deref())
        .map(Json)
        .map_err(|e| ApiError::unprocessable("unknown-name", e))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct TemplateQuery {
    /// The unit's kind (公安部门 …).
    pub kind: String,
    /// Its region (海东市/平安区, a full address …).
    pub region: String,
    /// Its level, where the kind does not fix one (市, 县 …).
    pub level: Option<String>,
    /// Its roles, comma-separated.
    pub role: Option<String>,
    /// The date whose law the skeleton follows (YYYY-MM-DD): the server reads no clock.
    pub as_of: String,
    /// Drafts count as law (as `--drafts`).
    #[serde(default)]
    pub drafts: bool,
}

/// A facts file (YAML) for one unit that loads as it is, every fact, event and
/// action its articles read commented out under the provisions that need them.
#[utoipa::path(get, path = "/v1/template", tag = "词汇",
    params(TemplateQuery),
    responses(
        (status = 200, description = "事实文件骨架（YAML）", content_type = "application/yaml", body = String),
        (status = 400, body = ErrorBody),
        (status = 422, description = "未知的类别、地区、层级或角色", body = ErrorBody),
    ))]
pub async fn template(
    State(state): State<Shared>,
    q: Result<Query<TemplateQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let q = crate::api::query(q)?;
    let as_of = Date::parse(&q.as_of).ok_or_else(|| {
        ApiError::bad_request(format!("as_of “{}” 不是日期（应为 YYYY-MM-DD）", q.as_of))
    })?;
    let req = TemplateRequest {
        kind: q.kind,
        region: q.region,
        level: q.level,
        roles: list(&q.role),
    };
    let opts = Options {
        as_of,
        drafts: q.drafts,
    };
    match state.engine.template(&req, opts) {
        Ok(text) => Ok((
            [(header::CONTENT_TYPE, "application/yaml; charset=utf-8")],
            text,
        )
            .into_response()),
        Err(errors) => {
            let message = errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("；");
            Err(ApiError::unprocessable("facts", message).with_facts(errors))
        }
    }
}
