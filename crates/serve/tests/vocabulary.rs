//! `GET /v1/terms` and `GET /v1/template`: the same library calls as `tiaoli
//! terms` and `tiaoli template`, and their errors as JSON.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

/// Percent-encodes a query value (a URI carries no Chinese as such).
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn terms_are_the_engines_and_a_kind_narrows_them() {
    let all = get(app(), "/v1/terms").await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text());
    let s = state(config());
    let expected = serde_json::to_value(s.engine.terms(None, &[], None).unwrap()).unwrap();
    assert_eq!(all.json(), expected);

    let uri = format!(
        "/v1/terms?kind={}&ordinance={}",
        enc("公安部门"),
        enc("海东")
    );
    let some = get(app(), &uri).await;
    assert_eq!(some.status, StatusCode::OK, "{}", some.text());
    let expected =
        serde_json::to_value(s.engine.terms(Some("公安部门"), &[], Some("海东")).unwrap()).unwrap();
    assert_eq!(some.json(), expected);
    assert_ne!(some.json(), all.json());
}

#[tokio::test]
async fn an_unknown_kind_or_ordinance_is_422_with_the_engines_message() {
    for (q, word) in [
        (format!("kind={}", enc("公安部")), "公安部"),
        (format!("ordinance={}", enc("海西")), "海西"),
    ] {
        let a = get(app(), &format!("/v1/terms?{q}")).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
        let e = &a.json()["error"];
        assert_eq!(e["code"], "unknown-name");
        assert!(e["message"].as_str().unwrap().contains(word), "{e}");
    }
    let a = get(app(), "/v1/terms?sort=name").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
}

#[tokio::test]
async fn a_template_is_the_cli_skeleton_and_loads() {
    let uri = format!(
        "/v1/template?kind={}&region={}&as_of=2025-03-01",
        enc("公安部门"),
        enc("海东市/平安区")
    );
    let a = get(app(), &uri).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.content_type.starts_with("application/yaml"));
    let s = state(config());
    let req = tiaoli_engine::terms::TemplateRequest {
        kind: "公安部门".into(),
        region: "海东市/平安区".into(),
        level: None,
        roles: vec![],
    };
    let opts = tiaoli_engine::Options {
        as_of: tiaoli_engine::Date::parse("2025-03-01").unwrap(),
        drafts: false,
    };
    assert_eq!(a.text(), s.engine.template(&req, opts).unwrap());
    // What it answers is a facts file the server evaluates.
    let e = post(app(), "/v1/eval", "application/yaml", a.text()).await;
    assert_eq!(e.status, StatusCode::OK, "{}", e.text());
}

#[tokio::test]
async fn a_template_without_a_date_or_for_an_unknown_region_is_refused() {
    let no_date = format!(
        "/v1/template?kind={}&region={}",
        enc("公安部门"),
        enc("海东市/平安区")
    );
    assert_eq!(get(app(), &no_date).await.status, StatusCode::BAD_REQUEST);
    let bad_region = format!(
        "/v1/template?kind={}&region={}&as_of=2025-03-01",
        enc("公安部门"),
        enc("火星市")
    );
    let a = get(app(), &bad_region).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    assert_eq!(a.json()["error"]["code"], "facts");
}
