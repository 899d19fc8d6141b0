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
        assert!(t.contains(&*p.text), "not verbatim: {}", p.text);
        // Each item with its label, as printed.
        for i in &p.items {
            assert!(
                t.contains(&format!("id=\"{}\">{}{}</p>", i.eid, i.label, i.text)),
                "{}{} not verbatim",
                i.label,
                i.text
            );
        }
    }
    assert!(t.contains("（六）平安建设考评评价等次为一般的"), "{t}");
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
async fn an_article_page_shows_its_chapter_its_encoding_and_its_neighbours() {
    let t = get(app(), "/articles/haidong/46").await.text();
    let s = state(config());
    let o = s
        .engine
        .graph
        .ordinances
        .iter()
        .find(|o| o.id == "haidong")
        .unwrap();
    let art = o.articles.iter().find(|a| a.number == 46).unwrap();
    let chapter = o
        .chapters
        .iter()
        .find(|c| Some(c.number) == art.chapter)
        .unwrap();
    assert!(t.contains(&format!("章　{}", chapter.title)), "{t}");
    // The rule text of the article: its block, from its number to its closing brace.
    let rules = std::fs::read_to_string(root().join("rules/haidong.tiaoli")).unwrap();
    let from = rules.find("\n第四十六条 {").unwrap() + 1;
    let to = from + rules[from..].find("\n}\n").unwrap() + 2;
    let block = rules[from..to]
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    assert!(
        t.contains(&format!("<pre class=\"encoding\">{block}</pre>")),
        "{t}"
    );
    let line = rules[..from].lines().count() + 1;
    assert!(t.contains(&format!("第{line}行起")), "{t}");
    assert!(block.contains("后果 督导整改 第一款 {"), "{block}");
    // The articles before and after it.
    assert!(
        t.contains("rel=\"prev\" href=\"/articles/haidong/45\""),
        "{t}"
    );
    assert!(
        t.contains("rel=\"next\" href=\"/articles/haidong/47\""),
        "{t}"
    );
    let first = get(app(), "/articles/haidong/1").await.text();
    assert!(!first.contains("rel=\"prev\""), "{first}");
}

#[tokio::test]
async fn the_article_list_has_each_article_under_its_chapter() {
    let list = get(app(), "/articles").await.text();
    let s = state(config());
    let o = s
        .engine
        .graph
        .ordinances
        .iter()
        .find(|o| o.id == "haidong")
        .unwrap();
    let at = |needle: &str| {
        list.find(needle)
            .unwrap_or_else(|| panic!("no {needle} in {list}"))
    };
    // The ordinances first, each a link to its part of the page.
    assert!(
        list.contains("<a href=\"#haidong\">《海东市平安建设条例》</a>"),
        "{list}"
    );
    assert!(
        list.contains("<section class=\"ordinance\" id=\"haidong\">"),
        "{list}"
    );
    let start = at(&format!("<h2>{}</h2>", o.title));
    assert!(o.chapters.len() > 1);
    for c in &o.chapters {
        let head = start
            + list[start..]
                .find(&format!("章　{}</h3>", c.title))
                .unwrap();
        let arts: Vec<_> = o
            .articles
            .iter()
            .filter(|a| a.chapter == Some(c.number))
            .collect();
        let first = at(&format!(
            "href=\"/articles/haidong/{}\"",
            arts.first().unwrap().number
        ));
        assert!(head < first, "{} not under its chapter", arts[0].cite);
        // The article before the chapter's first one stands before its heading.
        if let Some(prev) = o.articles.iter().rev().find(|a| a.number < arts[0].number) {
            let link = at(&format!("href=\"/articles/haidong/{}\"", prev.number));
            assert!(
                link < head,
                "{} after the heading of 第{}章",
                prev.cite,
                c.number
            );
        }
    }
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
