//! The draft review pages on the router itself (no socket): lift (pasted and
//! uploaded), check and lint findings on the provisions they point at, and diff
//! with units replayed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

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

#[tokio::test]
async fn lint_findings_are_shown_on_the_provisions_they_cite() {
    let a = post(app(), "/draft/lint", FORM, form(&[("text", DRAFT)])).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    // The findings as tiaoli lint makes them, each inside the article it cites.
    let s = state(config());
    let files = [tiaoli_serve::api::SourceText {
        name: Some("草案.tiaoli".into()),
        text: DRAFT.into(),
    }];
    let Ok(c) = tiaoli_serve::api::compile_sources(&s, &files) else {
        panic!("the draft does not compile")
    };
    let r = tiaoli_lint::lint(&c.graph, None, &tiaoli_lint::Options::default());
    let cited: Vec<_> = r
        .findings
        .iter()
        .filter(|f| !f.provisions.is_empty())
        .collect();
    assert!(
        !cited.is_empty(),
        "the draft has no finding citing a provision"
    );
    for f in cited {
        for p in f.provisions.iter().filter(|p| p.eid.starts_with("art_")) {
            let article = p.eid.split("__").next().unwrap();
            let el = article_element(&t, article);
            assert!(el.starts_with("<article class=\"article flagged\""), "{el}");
            let message = f
                .message
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            assert!(
                el.contains(&message),
                "{} not on {article}: {el}",
                f.message
            );
            assert!(el.contains(&format!("<code>{}</code>", f.code)), "{el}");
        }
    }
    // The text verbatim, the paragraph by its eid.
    assert!(
        t.contains("id=\"art_1__para_1\">公安机关应当在三日内报告。</p>"),
        "{t}"
    );
    // And the CLI's own output below.
    assert!(t.contains(&format!("<code>{}</code>", r.findings[0].code)));
    let start = t.find("<p class=\"summary\">").unwrap();
    let end = t.find("<details class=\"cli\">").unwrap();
    insta::assert_snapshot!("lint_on_the_text", &t[start..end]);
}

#[tokio::test]
async fn a_check_error_is_shown_in_the_article_it_falls_in() {
    let bad = DRAFT.replace("主体 公安部门", "主体 公按部门");
    let a = post(app(), "/draft/lint", FORM, form(&[("text", &bad)])).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let t = a.text();
    let el = article_element(&t, "art_1");
    assert!(el.contains("class=\"mark error\""), "{t}");
    assert!(el.contains("公按部门"), "{el}");
    // Where in the rule text, as tiaoli check says it.
    assert!(el.contains("草案.tiaoli 第12行"), "{el}");
    assert!(t.contains("未运行 lint"), "{t}");
    // A text that does not parse points at no article: listed, with the CLI's output.
    let a = post(app(), "/draft/lint", FORM, form(&[("text", "第1条 {")])).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let t = a.text();
    assert!(t.contains("class=\"mark error\""), "{t}");
    assert!(!t.contains("<article"), "{t}");
}

#[tokio::test]
async fn the_diff_page_replays_units_against_both_versions() {
    let five = DRAFT
        .replace("三日内", "五日内")
        .replace("期限 3 日", "期限 5 日")
        .replace("状态 草案", "状态 施行")
        .replace("施行日期 未知", "施行日期 2025-01-01");
    let old = DRAFT
        .replace("状态 草案", "状态 施行")
        .replace("施行日期 未知", "施行日期 2025-01-01");
    let a = post(
        app(),
        "/draft/diff",
        FORM,
        form(&[
            ("old", &old),
            ("new", &five),
            ("units", DRAFT_UNITS),
            ("as_of", "2025-03-01"),
        ]),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(t.contains("<table class=\"verdicts\">"), "{t}");
    assert!(t.contains("<td class=\"unit\">示例市公安局</td>"), "{t}");
    // Three days from 6 January end on the 9th; five on Saturday the 11th, so Monday the 13th.
    assert!(t.contains("2025-01-09前"), "{t}");
    assert!(t.contains("2025-01-13前"), "{t}");
    // Unchanged versions: said so.
    let a = post(
        app(),
        "/draft/diff",
        FORM,
        form(&[
            ("old", &old),
            ("new", &old),
            ("units", DRAFT_UNITS),
            ("as_of", "2025-03-01"),
        ]),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.text().contains("没有变化"), "{}", a.text());
    // A facts file that does not check against a version: its words, and nothing evaluated.
    let a = post(
        app(),
        "/draft/diff",
        FORM,
        form(&[
            ("old", &old),
            ("new", &five),
            ("units", &DRAFT_UNITS.replace("公安部门", "公按部门")),
        ]),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("公按部门"), "{}", a.text());
    // No evaluation date, in the file or the form.
    let a = post(
        app(),
        "/draft/diff",
        FORM,
        form(&[("old", &old), ("new", &five), ("units", DRAFT_UNITS)]),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("没有评估日期"), "{}", a.text());
}

/// A draft whose 第1条 has two 款, the second with items; its norm encodes
/// the provision `anchor` names (none: the article), its subject `subject`.
fn two_paragraphs(anchor: &str, subject: &str, items: [&str; 2]) -> String {
    let head = DRAFT.split("第1条").next().unwrap();
    format!(
        "{head}第1条 {{
  款 \"公安机关应当在三日内报告。\"
  款 \"有下列情形之一的，应当报告：\"
  项 {} \"发现诈骗的；\"
  项 {} \"其他情形。\"
  规范 报告 {anchor}{{
    主体 {subject}
    应当 报告违法信息
    期限 3 日 自 发现涉嫌电信网络诈骗
  }}
}}
",
        items[0], items[1]
    )
}

/// The marks shown under the provision `eid` of a review page: from its text
/// to the next provision or the end of the article.
fn marks_under<'p>(page: &'p str, eid: &str) -> &'p str {
    let key = format!("id=\"{eid}\"");
    let at = page
        .find(&key)
        .unwrap_or_else(|| panic!("no {key} in {page}"));
    let after = at + page[at..].find("</p>").unwrap() + "</p>".len();
    let rest = &page[after..];
    let end = [rest.find("<p class="), rest.find("</article>")]
        .into_iter()
        .flatten()
        .min()
        .unwrap();
    &rest[..end]
}

/// The marks of an article as a whole: between its heading and its first provision.
fn marks_of_article<'p>(page: &'p str, eid: &str) -> &'p str {
    let el = article_element(page, eid);
    let start = el.find("</h3>").unwrap();
    let end = el.find("<p class=").unwrap();
    &el[start..end]
}

async fn review(text: &str) -> (StatusCode, String) {
    let a = post(app(), "/draft/lint", FORM, form(&[("text", text)])).await;
    (a.status, a.text())
}

#[tokio::test]
async fn a_check_error_is_shown_on_the_paragraph_or_item_it_falls_in() {
    let items = ["（一）", "（二）"];
    // The norm encodes 第二款: its error is shown under that paragraph.
    let (status, t) = review(&two_paragraphs("第二款 ", "公按部门", items)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{t}");
    let second = marks_under(&t, "art_1__para_2");
    assert!(second.contains("class=\"mark error\""), "{t}");
    assert!(second.contains("公按部门"), "{second}");
    assert!(
        t.contains("<p class=\"paragraph flagged\" id=\"art_1__para_2\">"),
        "{t}"
    );
    assert!(!marks_under(&t, "art_1__para_1").contains("mark"), "{t}");
    assert!(!marks_of_article(&t, "art_1").contains("公按部门"), "{t}");
    // Where in the rule text, as tiaoli check says it.
    assert!(second.contains("草案.tiaoli 第15行"), "{second}");
    // Encoding an item of it: under that item.
    let (_, t) = review(&two_paragraphs("第二款第（二）项 ", "公按部门", items)).await;
    let item = marks_under(&t, "art_1__para_2__point_2");
    assert!(item.contains("公按部门"), "{t}");
    assert!(!marks_under(&t, "art_1__para_2").contains("mark"), "{t}");
    assert!(
        t.contains("<p class=\"item flagged\" id=\"art_1__para_2__point_2\">（二）其他情形。</p>"),
        "{t}"
    );
    // A diagnostic in the text of an item itself: there (a break in the numbering).
    let (status, t) = review(&two_paragraphs("第二款 ", "公安部门", ["（一）", "（三）"])).await;
    assert_eq!(status, StatusCode::OK, "{t}");
    let item = marks_under(&t, "art_1__para_2__point_3");
    assert!(item.contains("class=\"mark warning\""), "{t}");
    assert!(item.contains("<code>item-sequence</code>"), "{item}");
    assert!(
        !marks_under(&t, "art_1__para_2").contains("item-sequence"),
        "{t}"
    );
}

#[tokio::test]
async fn a_check_error_in_no_provision_is_shown_on_its_article() {
    let items = ["（一）", "（二）"];
    // A norm encoding the article as a whole.
    let (status, t) = review(&two_paragraphs("", "公按部门", items)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{t}");
    assert!(marks_of_article(&t, "art_1").contains("公按部门"), "{t}");
    assert!(!marks_under(&t, "art_1__para_1").contains("mark"), "{t}");
    assert!(!marks_under(&t, "art_1__para_2").contains("mark"), "{t}");
    // An anchor to a paragraph the article does not have: the error is the anchor's, on the article.
    let (status, t) = review(&two_paragraphs("第三款 ", "公安部门", items)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{t}");
    let article = marks_of_article(&t, "art_1");
    assert!(article.contains("<code>unknown-provision</code>"), "{t}");
    assert!(!marks_under(&t, "art_1__para_2").contains("mark"), "{t}");
}

#[tokio::test]
async fn a_check_error_in_a_ground_is_shown_on_the_item_the_ground_encodes() {
    let base = two_paragraphs("第二款 ", "公安部门", ["（一）", "（二）"]);
    // The consequence inside 第1条, before its closing brace.
    let end = base.rfind("}\n").unwrap();
    let text = format!(
        "{}{}",
        &base[..end],
        "  后果 督导 第二款 {
    对象 公安部门
    情形 之一 {
      第二款第（一）项 重大安全隐患未及时整改
      第二款第（二）项 重大安全隐患未及时整该
    }
    由 公安部门
    对 本单位
    处理 通报
  }
}
"
    );
    let (status, t) = review(&text).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{t}");
    let item = marks_under(&t, "art_1__para_2__point_2");
    assert!(item.contains("重大安全隐患未及时整该"), "{t}");
    assert!(
        !marks_under(&t, "art_1__para_2__point_1").contains("mark"),
        "{t}"
    );
    assert!(!marks_under(&t, "art_1__para_2").contains("mark"), "{t}");
    // Elsewhere in the consequence: the paragraph it is anchored to.
    let (_, t) = review(&text.replace("对象 公安部门", "对象 公按部门")).await;
    assert!(marks_under(&t, "art_1__para_2").contains("公按部门"), "{t}");
}

#[tokio::test]
async fn the_diff_page_replays_drafts_as_in_force_when_asked() {
    // The diff form has the checkbox the other forms have.
    let page = get(app(), "/draft").await.text();
    let diff_form = &page[page.find("action=\"/draft/diff\"").unwrap()..];
    let diff_form = &diff_form[..diff_form.find("</form>").unwrap()];
    assert!(
        diff_form.contains("type=\"checkbox\" name=\"drafts\" value=\"1\""),
        "{diff_form}"
    );
    assert!(diff_form.contains("草案按已施行评估"), "{diff_form}");
    // Two versions of a draft (状态 草案): its units are evaluated only with drafts in force.
    let five = DRAFT
        .replace("三日内", "五日内")
        .replace("期限 3 日", "期限 5 日");
    let fields = |drafts: bool| {
        let mut f = vec![
            ("old", DRAFT),
            ("new", five.as_str()),
            ("units", DRAFT_UNITS),
            ("as_of", "2025-03-01"),
        ];
        if drafts {
            f.push(("drafts", "1"));
        }
        form(&f)
    };
    let a = post(app(), "/draft/diff", FORM, fields(true)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(t.contains("<td class=\"unit\">示例市公安局</td>"), "{t}");
    assert!(
        t.contains("2025-01-09前") && t.contains("2025-01-13前"),
        "{t}"
    );
    assert!(!t.contains("drafts-off"), "{t}");
    let a = post(app(), "/draft/diff", FORM, fields(false)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(!t.contains("<td class=\"unit\">示例市公安局</td>"), "{t}");
    // Said so, not left as "no change".
    assert!(
        t.contains("《测试条例》是草案，未勾选“草案按已施行评估”，其条文未对所给单位评估。"),
        "{t}"
    );
    // The same as the API answers.
    let body = |drafts: bool| {
        serde_json::json!({
            "old": [{"name": "旧版本.tiaoli", "text": DRAFT}],
            "new": [{"name": "新版本.tiaoli", "text": five}],
            "units": DRAFT_UNITS, "as_of": "2025-03-01", "drafts": drafts,
        })
        .to_string()
    };
    let api = post(app(), "/v1/diff", "application/json", body(true)).await;
    assert_eq!(
        api.json()["units"].as_array().unwrap().len(),
        1,
        "{}",
        api.text()
    );
    let api = post(app(), "/v1/diff", "application/json", body(false)).await;
    assert_eq!(api.json()["units"], serde_json::json!([]), "{}", api.text());
}

#[tokio::test]
async fn an_uploaded_rule_file_is_checked_as_a_pasted_one() {
    let page = get(app(), "/draft").await.text();
    assert!(page.contains("name=\"action\" value=\"lint\""), "{page}");
    let pasted = post(app(), "/draft/lint", FORM, form(&[("text", DRAFT)])).await;
    let (gb, _, _) = encoding_rs::GB18030.encode(DRAFT);
    let (ct, body) = multipart(&[
        ("file", Some("草案.tiaoli"), &gb),
        ("encoding", None, b"gb18030"),
        ("action", None, b"lint"),
    ]);
    let a = post(app(), "/draft/upload", &ct, body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(a.text(), pasted.text());
    // With errors: shown on the text, 422, as pasted.
    let bad = DRAFT.replace("主体 公安部门", "主体 公按部门");
    let (ct, body) = multipart(&[
        ("file", Some("草案.tiaoli"), bad.as_bytes()),
        ("action", None, b"lint"),
    ]);
    let a = post(app(), "/draft/upload", &ct, body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        article_element(&a.text(), "art_1").contains("公按部门"),
        "{}",
        a.text()
    );
    let (ct, body) = multipart(&[
        ("file", Some("草案.tiaoli"), DRAFT.as_bytes()),
        ("action", None, b"compile"),
    ]);
    let a = post(app(), "/draft/upload", &ct, body).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.text().contains("action “compile” 未知"), "{}", a.text());
}
