//! The web pages, on the router itself (no socket): the self-check form and its
//! results, escaping, the article pages and the draft review.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const FORM: &str = "application/x-www-form-urlencoded";

fn police(id: &str) -> String {
    form(&[
        ("id", id),
        ("kind", "公安部门"),
        ("level", "县"),
        ("region", "海东市/平安区"),
        ("roles", "平安建设成员单位"),
        ("as_of", "2025-03-01"),
        (
            "facts",
            "平安建设考评等次: 一般\n重大安全隐患未及时整改: 否",
        ),
        ("events", ""),
        ("actions", ""),
        ("file", ""),
    ])
}

#[tokio::test]
async fn the_self_check_form_offers_the_lexicon_kinds() {
    let a = get(app(), "/self-check").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.content_type.starts_with("text/html"));
    let t = a.text();
    assert!(t.contains("<option value=\"公安部门\">"), "{t}");
    assert!(t.contains("平安建设考评等次"));
    assert!(t.contains("href=\"/static/tiaoli.css\""));
}

#[tokio::test]
async fn a_county_police_bureau_rated_yiban_sees_article_46_and_its_authority() {
    let a = post(app(), "/self-check", FORM, police("平安区公安分局")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(t.contains("平安区公安分局（公安部门）"), "{t}");
    assert!(t.contains("【触发后果】"), "{t}");
    assert!(t.contains("第四十六条"), "{t}");
    // The authority imposing the measures, as the CLI names it.
    let s = state(config());
    let f = tiaoli_engine::facts::parse(
        &tiaoli_serve::pages::facts_document(&serde_urlencoded_form(&police("平安区公安分局")))
            .to_string(),
        tiaoli_engine::facts::Format::Json,
        &s.engine.graph.lexicon,
    )
    .unwrap();
    let r = s.engine.report(
        &f.units,
        tiaoli_engine::Options {
            as_of: f.as_of.unwrap(),
            drafts: false,
        },
    );
    let f46 = r.units[0]
        .results
        .iter()
        .find(|f| f.cite.starts_with("第四十六条") && !f.sanctions.is_empty())
        .unwrap();
    let line = tiaoli_engine::report::exposure_line(&f46.sanctions[0], &r.units[0].unit);
    assert!(t.contains(&line), "no “{line}” in {t}");
}

fn serde_urlencoded_form(body: &str) -> tiaoli_serve::pages::SelfCheck {
    let mut f = tiaoli_serve::pages::SelfCheck::default();
    for pair in body.split('&') {
        let (k, v) = pair.split_once('=').unwrap();
        let v = decode(v);
        match k {
            "id" => f.id = v,
            "kind" => f.kind = v,
            "level" => f.level = v,
            "region" => f.region = v,
            "roles" => f.roles = v,
            "as_of" => f.as_of = v,
            "facts" => f.facts = v,
            _ => {}
        }
    }
    f
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16).unwrap(),
            );
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn a_unit_id_that_is_markup_shows_as_text() {
    let a = post(
        app(),
        "/self-check",
        FORM,
        police("<script>alert(1)</script>"),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(!t.contains("<script>"), "{t}");
    assert!(t.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{t}");
}

#[tokio::test]
async fn a_wrong_fact_is_shown_as_the_parser_says_it() {
    let body = police("平安区公安分局").replace(&urlencode("公安部门"), &urlencode("公按部门"));
    let a = post(app(), "/self-check", FORM, body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let t = a.text();
    assert!(t.contains("公按部门"), "{t}");
    assert!(t.contains("公安部门"), "no did-you-mean: {t}");
}

#[tokio::test]
async fn a_pasted_facts_file_is_used_with_its_lines() {
    let yaml = std::fs::read_to_string(root().join("examples/units.yaml")).unwrap();
    let a = post(app(), "/self-check", FORM, form(&[("file", &yaml)])).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.text().contains("合计 16 个单位"));
    let a = post(app(), "/self-check", FORM, form(&[("file", "units: [")])).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("事实文件:2:1"), "{}", a.text());
}

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
async fn the_draft_pages_lift_lint_and_diff() {
    assert_eq!(get(app(), "/draft").await.status, StatusCode::OK);
    let a = post(
        app(),
        "/draft/lift",
        FORM,
        form(&[("text", "第一条 公安机关应当报告。")]),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.text().contains("第一条 {"));
    let a = post(app(), "/draft/lint", FORM, form(&[("text", DRAFT)])).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let a = post(
        app(),
        "/draft/lint",
        FORM,
        form(&[("text", &DRAFT.replace("公安部门", "公按部门"))]),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("公按部门"));
    let weaker = DRAFT.replace("应当 报告违法信息", "可以 报告违法信息");
    let a = post(
        app(),
        "/draft/diff",
        FORM,
        form(&[("old", DRAFT), ("new", &weaker)]),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(t.contains("<table class=\"diff\">"), "{t}");
    // The kind of the change, and the changed word marked on each side.
    assert!(t.contains("data-kind="), "{t}");
    assert!(t.contains("<del>应当</del>"), "{t}");
    assert!(t.contains("<ins>可以</ins>"), "{t}");
    let five = DRAFT.replace("三日内", "五日内");
    let a = post(
        app(),
        "/draft/diff",
        FORM,
        form(&[("old", DRAFT), ("new", &five)]),
    )
    .await;
    let t = a.text();
    assert!(
        t.contains("公安机关应当在<del>三</del>日内报告。")
            && t.contains("公安机关应当在<ins>五</ins>日内报告。"),
        "{t}"
    );
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

/// The value of the hidden field `name` in a page (maud escapes `&`, `<`, `>`, `"`).
fn hidden(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let start = page.find(&key).unwrap() + key.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_result_page_downloads_the_facts_and_the_report_and_explains_a_result() {
    let a = post(app(), "/self-check", FORM, police("平安区公安分局")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(t.contains("action=\"/self-check/download\""), "{t}");
    assert!(t.contains("action=\"/self-check/explain\""), "{t}");
    let file = hidden(&t, "file");
    let as_of = hidden(&t, "as_of");
    assert!(file.contains("平安区公安分局"), "{file}");

    let d = |format: &str| form(&[("file", &file), ("as_of", &as_of), ("format", format)]);
    let facts = post(app(), "/self-check/download", FORM, d("facts")).await;
    assert_eq!(facts.status, StatusCode::OK);
    assert_eq!(facts.text(), file);
    assert!(facts.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let json = post(app(), "/self-check/download", FORM, d("json")).await;
    assert_eq!(json.status, StatusCode::OK, "{}", json.text());
    assert_eq!(json.json()["units"][0]["unit"], "平安区公安分局");
    // The same report as the API gives for the same facts.
    let api = post(app(), "/v1/eval", "application/json", file.clone()).await;
    assert_eq!(json.json(), api.json());
    let md = post(app(), "/self-check/download", FORM, d("markdown")).await;
    assert!(md.content_type.starts_with("text/markdown"));
    assert!(md.text().contains("第四十六条"));
    let html = post(app(), "/self-check/download", FORM, d("html")).await;
    assert!(html.text().contains("<style>"), "{}", html.text());
    assert!(html.text().contains("第四十六条"));
    let bad = post(app(), "/self-check/download", FORM, d("pdf")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    let x = post(
        app(),
        "/self-check/explain",
        FORM,
        form(&[
            ("file", &file),
            ("as_of", &as_of),
            ("unit", "平安区公安分局"),
            ("ordinance", "haidong"),
            ("article", "46"),
        ]),
    )
    .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text());
    let t = x.text();
    assert!(t.contains("评估过程") && t.contains("条文原文"), "{t}");
    // The chain as tiaoli explain gives it, beside the article verbatim.
    let chain = post(
        app(),
        "/v1/explain?unit=%E5%B9%B3%E5%AE%89%E5%8C%BA%E5%85%AC%E5%AE%89%E5%88%86%E5%B1%80&article=46&ordinance=haidong",
        "application/json",
        file.clone(),
    )
    .await;
    let chain = chain.json()["text"].as_str().unwrap().to_string();
    let escaped = chain
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(t.contains(&escaped), "no chain in {t}");
    assert!(
        t.contains("（六）平安建设考评评价等次为一般的")
            || t.contains("平安建设考评评价等次为一般的"),
        "{t}"
    );
    let missing = post(
        app(),
        "/self-check/explain",
        FORM,
        form(&[
            ("file", &file),
            ("as_of", &as_of),
            ("unit", "别的单位"),
            ("ordinance", "haidong"),
            ("article", "46"),
        ]),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

/// A multipart/form-data body: (name, filename, bytes) parts.
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "tiaoli-test-boundary";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn an_uploaded_facts_file_is_evaluated_as_a_pasted_one() {
    let page = get(app(), "/self-check").await.text();
    assert!(page.contains("enctype=\"multipart/form-data\""), "{page}");
    let yaml = std::fs::read(root().join("examples/units.yaml")).unwrap();
    let (ct, body) = multipart(&[("file", Some("units.yaml"), &yaml), ("drafts", None, b"1")]);
    let a = post(app(), "/self-check/upload", &ct, body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.text().contains("合计 16 个单位"), "{}", a.text());
    // The same text in GB18030, declared so, gives the same page.
    let (gb, _, _) = encoding_rs::GB18030.encode(std::str::from_utf8(&yaml).unwrap());
    let (ct, body) = multipart(&[
        ("file", Some("units.yaml"), &gb),
        ("encoding", None, b"gb18030"),
        ("drafts", None, b"1"),
    ]);
    let b = post(app(), "/self-check/upload", &ct, body).await;
    assert_eq!(b.status, StatusCode::OK, "{}", b.text());
    assert_eq!(a.text(), b.text());
    // Declared UTF-8 but not: a plain message, not a wrong evaluation.
    let (ct, body) = multipart(&[("file", Some("units.yaml"), &gb)]);
    let c = post(app(), "/self-check/upload", &ct, body).await;
    assert_eq!(c.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(c.text().contains("不是有效的 UTF-8 文本"), "{}", c.text());
    let (ct, body) = multipart(&[("as_of", None, b"2025-03-01")]);
    let d = post(app(), "/self-check/upload", &ct, body).await;
    assert_eq!(d.status, StatusCode::BAD_REQUEST);
    assert!(d.text().contains("没有上传文件"));
}

#[tokio::test]
async fn an_uploaded_draft_text_in_gb18030_is_lifted() {
    let text = "第一条 公安机关应当报告。";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let (ct, body) = multipart(&[
        ("file", Some("草案.txt"), &gb),
        ("encoding", None, b"gb18030"),
    ]);
    let a = post(app(), "/draft/upload", &ct, body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.text().contains("第一条 {"), "{}", a.text());
    let (ct, body) = multipart(&[
        ("file", Some("草案.txt"), text.as_bytes()),
        ("encoding", None, b"latin-1"),
    ]);
    let b = post(app(), "/draft/upload", &ct, body).await;
    assert_eq!(b.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(b.text().contains("文件编码“latin-1”未知"), "{}", b.text());
}
