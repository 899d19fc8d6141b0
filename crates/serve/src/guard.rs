//! What every request passes first: the bearer token (when one is configured,
//! compared in constant time), and the headers every response carries.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::error::ApiError;

/// Nothing from elsewhere: no scripts at all, styles and images only from the
/// server itself (the pages inline none), no framing, forms only back here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Checks the token, runs the request, and sets the security headers on
/// whatever comes back (errors included).
pub async fn guard(State(state): State<Arc<crate::State>>, req: Request, next: Next) -> Response {
    let mut response = match &state.config.token {
        Some(token) if !authorised(&req, token) => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "未授权：请求须带 Authorization: Bearer <令牌>，且令牌正确",
        )
        .into_response(),
        _ => next.run(req).await,
    };
    let unauthorised = response.status() == StatusCode::UNAUTHORIZED;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if unauthorised {
        h.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

/// `Authorization: Bearer T` with T equal to the token. The comparison takes
/// the same time wherever the two first differ (only the length can leak).
fn authorised(req: &Request, token: &str) -> bool {
    // Bytes, not text: a token may be any bytes a header can carry.
    let Some(given) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
    else {
        return false;
    };
    bool::from(given.trim_ascii().ct_eq(token.as_bytes()))
}
