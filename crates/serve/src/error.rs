//! Errors as JSON: the CLI's messages, locations and codes, with the HTTP status
//! that fits (400 unreadable input, 401 no or wrong token, 404 an unknown name,
//! 413 a body past the limit, 422 input that reads but does not check, 503/504
//! the server busy or out of time).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use tiaoli_engine::facts::FactsError;
use tiaoli_syntax::render::JsonDiagnostic;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong, in Chinese, with a stable code.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable code: `bad-request`, `unauthorized`, `not-found`, `too-large`,
    /// `facts`, `rules`, `lift`, `lint-option`, `different-ordinances`,
    /// `timeout`, `internal`.
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Rule diagnostics (as `tiaoli check --format json`), when rules do not compile.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<JsonDiagnostic>,
    /// Problems in a facts document, each with its line and column in the body.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactsError>,
}

/// An error on its way to becoming a response.
pub struct ApiError {
    pub status: StatusCode,
    pub detail: ErrorDetail,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            detail: ErrorDetail {
                code,
                message: message.into(),
                help: None,
                diagnostics: Vec::new(),
                facts: Vec::new(),
            },
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad-request", message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not-found", message)
    }

    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    pub fn with_help(mut self, help: Option<String>) -> ApiError {
        self.detail.help = help;
        self
    }

    pub fn with_diagnostics(mut self, d: Vec<JsonDiagnostic>) -> ApiError {
        self.detail.diagnostics = d;
        self
    }

    pub fn with_facts(mut self, f: Vec<FactsError>) -> ApiError {
        self.detail.facts = f;
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { error: self.detail })).into_response()
    }
}
