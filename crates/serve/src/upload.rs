//! Files uploaded from the pages (multipart/form-data): a facts file on
//! 单位合规自查, a regulation's text or a rule file on 草案审查. The bytes are decoded in the
//! encoding the user chose — UTF-8 (a BOM dropped) or GB18030, the superset of
//! GBK/GB2312 that government texts are often saved in (encoding_rs) — and
//! then take the same path as pasted text. Nothing is written to disk; the
//! body limit bounds the upload.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup};

use crate::html::{page, Styles};
use crate::pages::{evaluate, lift_page, lint_review, review, DraftForm, SelfCheck};

type Shared = Arc<crate::State>;

/// The encodings offered: (form value, label).
pub const ENCODINGS: [(&str, &str); 2] =
    [("utf-8", "UTF-8"), ("gb18030", "GB18030（含 GBK、GB2312）")];

/// The encoding choice of an upload form.
pub fn encoding_select(id: &str) -> Markup {
    html! {
        label for=(id) { "文件编码" }
        select id=(id) name="encoding" {
            @for (v, l) in ENCODINGS { option value=(v) { (l) } }
        }
    }
}

/// The bytes of a file in the chosen encoding, or why not.
pub fn decode(bytes: &[u8], encoding: &str) -> Result<String, String> {
    let enc = match encoding {
        "" | "utf-8" => encoding_rs::UTF_8,
        "gb18030" => encoding_rs::GB18030,
        other => return Err(format!("文件编码“{other}”未知：可为 utf-8 或 gb18030")),
    };
    let (text, _, malformed) = enc.decode(bytes);
    if malformed {
        return Err(format!(
            "上传的文件不是有效的 {} 文本；请确认文件编码（可选 UTF-8 或 GB18030）",
            enc.name()
        ));
    }
    Ok(text.into_owned())
}

fn failed(status: StatusCode, title: &str, messages: &[String]) -> Response {
    let body = html! {
        @for m in messages { p.error { (m) } }
        p { a href="/" { "返回首页" } }
    };
    (status, Html(page(title, Styles::Linked, body))).into_response()
}

/// Every field of the form, by name (the last of a name wins).
async fn fields(
    m: Result<Multipart, MultipartRejection>,
) -> Result<HashMap<String, Vec<u8>>, (StatusCode, String)> {
    let too_large = |status: StatusCode| {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            (status, "上传的文件超过服务器允许的大小".to_string())
        } else {
            (StatusCode::BAD_REQUEST, "表单无法读取".to_string())
        }
    };
    let mut m = m.map_err(|r| too_large(r.status()))?;
    let mut out = HashMap::new();
    loop {
        match m.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let bytes = field.bytes().await.map_err(|e| too_large(e.status()))?;
                out.insert(name, bytes.to_vec());
            }
            Ok(None) => return Ok(out),
            Err(e) => return Err(too_large(e.status())),
        }
    }
}

/// The uploaded file's text and the form's other fields as text.
async fn read_upload(
    m: Result<Multipart, MultipartRejection>,
) -> Result<(String, HashMap<String, String>), (StatusCode, String)> {
    let mut f = fields(m).await?;
    let file = f
        .remove("file")
        .filter(|b| !b.is_empty())
        .ok_or((StatusCode::BAD_REQUEST, "没有上传文件".to_string()))?;
    let text: HashMap<String, String> = f
        .into_iter()
        .map(|(k, v)| (k, String::from_utf8_lossy(&v).into_owned()))
        .collect();
    let encoding = text.get("encoding").map(String::as_str).unwrap_or("");
    let decoded = decode(&file, encoding).map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e))?;
    let decoded = decoded
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(decoded);
    Ok((decoded, text))
}

/// `POST /self-check/upload`: a facts file, evaluated as a pasted one.
pub async fn self_check_upload(
    State(state): State<Shared>,
    m: Result<Multipart, MultipartRejection>,
) -> Response {
    match read_upload(m).await {
        Ok((file, mut rest)) => {
            let f = SelfCheck {
                file,
                as_of: rest.remove("as_of").unwrap_or_default(),
                drafts: rest.remove("drafts"),
                ..SelfCheck::default()
            };
            evaluate(state, f).await
        }
        Err((status, m)) => failed(status, "单位合规自查", &[m]),
    }
}

/// `POST /draft/upload`: a regulation's text, lifted as a pasted one; or,
/// with `action=lint`, a rule file, checked and linted as a pasted one.
pub async fn draft_upload(
    State(state): State<Shared>,
    m: Result<Multipart, MultipartRejection>,
) -> Response {
    match read_upload(m).await {
        Ok((text, rest)) => {
            let f = DraftForm {
                text,
                ..DraftForm::default()
            };
            match rest.get("action").map(String::as_str) {
                None | Some("lift") => review(state, f, lift_page).await,
                Some("lint") => lint_review(state, f).await,
                Some(other) => failed(
                    StatusCode::BAD_REQUEST,
                    "草案审查",
                    &[format!("action “{other}” 未知：可为 lift 或 lint")],
                ),
            }
        }
        Err((status, m)) => failed(status, "草案审查", &[m]),
    }
}
