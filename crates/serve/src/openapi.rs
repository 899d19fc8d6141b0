//! The OpenAPI document, generated from the handlers' and types' annotations
//! (utoipa), served at `/v1/openapi.json`.

use axum::Json;
use utoipa::OpenApi;

use crate::api;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "tiaoli",
        description = "条例规则引擎的 HTTP 接口：评估、解释、词汇与事实文件模板、条文、评估图、检查、提取、比较（docs/serve.md）"
    ),
    paths(
        api::eval,
        api::explain,
        api::ordinances,
        api::ordinance,
        api::article,
        api::graph,
        api::lint,
        api::lift,
        api::diff,
        crate::vocabulary::terms,
        crate::vocabulary::template,
    ),
    components(schemas(
        crate::error::ErrorBody,
        api::SourceText,
        tiaoli_engine::terms::TermEntry
    ))
)]
pub struct ApiDoc;

/// `GET /v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
