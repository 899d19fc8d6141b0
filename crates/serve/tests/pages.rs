//! The pages other than the self-check and the draft review, on the router
//! itself (no socket): the article pages, the stylesheet, the standalone report.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

#[tokio::test]
async fn an_article_page_has_the_text_verbatim_and_its_graph() {
    let a = get(app(), "/articles/haidong/46").await;
    assert_eq!(a.status, StatusCode::OK);
    let t = a.text();
    let s = state(config());
    let o = s
        .engine
        .graph
        .ordinances
        .iter()
        .find(|o| o.id == "haidong")
        .unwrap();
    let art = o.articles.iter().find(|a| a.number == 46).unwrap();
    for p in &art.paragraphs {
        assert!(t.contains(&p.text), "not verbatim: {}", p.text);
    }
    assert!(
        t.contains("src=\"/v1/ordinances/haidong/graph?article=46\""),
        "{t}"
    );
    assert_eq!(
        get(app(), "/articles/haidong/999").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(app(), "/articles/nowhere/1").await.status,
        StatusCode::NOT_FOUND
    );
    let list = get(app(), "/articles").await.text();
    assert!(list.contains("href=\"/articles/haidong/46\""));
}

#[tokio::test]
async fn the_stylesheet_is_served_and_pages_need_no_inline_style() {
    let a = get(app(), "/static/tiaoli.css").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.content_type.starts_with("text/css"));
    let page = get(app(), "/").await.text();
    assert!(!page.contains("<style"), "{page}");
    assert!(!page.contains("<script"), "{page}");
}

#[test]
fn the_standalone_report_inlines_its_styles_and_escapes() {
    let r = tiaoli_engine::Report {
        schema_version: 2,
        as_of: tiaoli_engine::Date::parse("2025-03-01").unwrap(),
        drafts: false,
        calendar: "<b>日历</b>".into(),
        ordinances: Vec::new(),
        units: Vec::new(),
        summary: Default::default(),
    };
    let html = tiaoli_serve::html::standalone_report(&r);
    assert!(html.contains("<style>"));
    assert!(html.contains("&lt;b&gt;日历&lt;/b&gt;"));
    assert!(!html.contains("<nav>"));
}
