//! The self-check pages on the router itself (no socket): the first step, the
//! form generated for the unit, its rows, the result page with its downloads
//! and explain, a pasted or uploaded facts file, and escaping.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

/// Who the unit is: the first step's fields.
const CHOICE: [(&str, &str); 6] = [
    ("ordinance", "haidong"),
    ("kind", "公安部门"),
    ("level", "县"),
    ("region", "海东市/平安区"),
    ("role", "平安建设成员单位"),
    ("as_of", "2025-03-01"),
];

/// The generated form as an officer fills it for a county police bureau of
/// 海东 rated 一般, with `extra` fields (event rows …).
fn police_with(id: &str, extra: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(&str, &str)> = CHOICE.to_vec();
    pairs.extend([
        ("rows", "1"),
        ("id", id),
        ("fact:平安建设考评等次", "一般"),
        ("fact:重大安全隐患未及时整改", "否"),
    ]);
    pairs.extend_from_slice(extra);
    form(&pairs)
}

fn police(id: &str) -> String {
    police_with(id, &[])
}

/// The unit the generated form is for, as the engine reads it.
fn the_unit(s: &State) -> tiaoli_engine::facts::Unit {
    let doc = serde_json::json!({"units": [{
        "id": "u", "kind": "公安部门", "level": "县", "region": "海东市/平安区",
        "roles": ["平安建设成员单位"],
    }]});
    s.engine
        .parse_facts(&doc.to_string(), tiaoli_engine::facts::Format::Json)
        .unwrap()
        .units
        .remove(0)
}

fn on(date: &str) -> tiaoli_engine::Options {
    tiaoli_engine::Options {
        as_of: tiaoli_engine::Date::parse(date).unwrap(),
        drafts: false,
    }
}

/// The `name="…"` of every field of a page, in order.
fn field_names(page: &str) -> Vec<String> {
    page.match_indices(" name=\"")
        .map(|(i, m)| {
            let rest = &page[i + m.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .filter(|n| n != "viewport")
        .collect()
}

#[tokio::test]
async fn the_self_check_first_asks_who_the_unit_is() {
    let a = get(app(), "/self-check").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.content_type.starts_with("text/html"));
    let t = a.text();
    assert!(t.contains("<option value=\"公安部门\">"), "{t}");
    assert!(t.contains("<option value=\"haidong\">"), "{t}");
    // The regions of the gazetteer within the ordinances' jurisdictions.
    assert!(t.contains("<option value=\"海东市/平安区\">"), "{t}");
    assert!(
        t.contains("name=\"role\" value=\"平安建设成员单位\""),
        "{t}"
    );
    assert!(t.contains("href=\"/static/tiaoli.css\""));
    // The other ways in: a pasted or an uploaded facts file.
    assert!(t.contains("name=\"file\""));
    assert!(t.contains("action=\"/self-check/upload\""));
}

#[tokio::test]
async fn the_generated_form_asks_what_the_units_articles_read() {
    let q = form(&CHOICE);
    let a = get(app(), &format!("/self-check?{q}")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    let s = state(config());
    let lex = &s.engine.graph.lexicon;
    let v = s.engine.vocabulary(&the_unit(&s), on("2025-03-01"));
    let haidong = |cites: &[String]| cites.iter().any(|c| c.starts_with("haidong "));
    let facts: Vec<_> = v.facts.iter().filter(|f| haidong(&f.cited_by)).collect();
    let events: Vec<_> = v.events.iter().filter(|f| haidong(&f.cited_by)).collect();
    let actions: Vec<_> = v.actions.iter().filter(|f| haidong(&f.cited_by)).collect();
    assert!(!facts.is_empty() && !events.is_empty() && !actions.is_empty());
    let names = field_names(&t);
    // Exactly the facts the engine says the unit's articles read, each with its values.
    let fact_fields: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_prefix("fact:"))
        .collect();
    let want: Vec<&str> = facts.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(fact_fields, want);
    assert!(want.contains(&"平安建设考评等次"), "{want:?}");
    for f in &facts {
        let declared = lex.facts.iter().find(|x| x.name == f.name).unwrap();
        if let tiaoli_compiler::graph::FactTy::Enum { values } = &declared.ty {
            for value in values {
                assert!(
                    t.contains(&format!("<option value=\"{value}\">")),
                    "{value}"
                );
            }
        }
        for c in &f.cited_by {
            let (_, cite) = c.split_once(' ').unwrap();
            assert!(t.contains(cite), "{} cites {cite}", f.name);
        }
    }
    // Each event and action a row with its date; an event's with its attributes.
    for e in &events {
        assert!(
            names.contains(&format!("event:{}:0:date", e.name)),
            "{}",
            e.name
        );
        assert!(
            names.contains(&format!("event:{}:0:id", e.name)),
            "{}",
            e.name
        );
        let declared = lex.events.iter().find(|x| x.name == e.name).unwrap();
        for attr in declared.attrs.keys() {
            assert!(
                names.contains(&format!("event:{}:0:@{attr}", e.name)),
                "{attr}"
            );
        }
    }
    for x in &actions {
        assert!(
            names.contains(&format!("action:{}:0:date", x.name)),
            "{}",
            x.name
        );
        assert!(
            names.contains(&format!("action:{}:0:for", x.name)),
            "{}",
            x.name
        );
    }
    assert!(
        !names.iter().any(|n| n.contains(":1:")),
        "one row each at first"
    );
    // Nothing else is asked: the unit's choice carried, its name, then its terms.
    let others: Vec<&String> = names
        .iter()
        .filter(|n| {
            !n.starts_with("fact:") && !n.starts_with("event:") && !n.starts_with("action:")
        })
        .collect();
    assert_eq!(
        others,
        [
            "ordinance",
            "kind",
            "level",
            "region",
            "role",
            "as_of",
            "rows",
            "id",
            "more"
        ]
    );
}

#[tokio::test]
async fn a_choice_that_does_not_read_is_refused_with_the_parsers_words() {
    let bad = |k: &str, v: &str| {
        let pairs: Vec<(&str, &str)> = CHOICE
            .iter()
            .map(|(a, b)| if *a == k { (*a, v) } else { (*a, *b) })
            .collect();
        format!("/self-check?{}", form(&pairs))
    };
    let a = get(app(), &bad("kind", "公按部门")).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let t = a.text();
    assert!(t.contains("公按部门") && t.contains("公安部门"), "{t}");
    // The first step again, to correct it.
    assert!(t.contains("id=\"generate\""), "{t}");
    let a = get(app(), &bad("as_of", "2025-13-01")).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("2025-13-01"));
    let a = get(app(), &bad("ordinance", "nowhere")).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("nowhere"));
    let a = get(app(), &bad("region", "火星市")).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.text().contains("火星市"));
}

#[tokio::test]
async fn more_rows_keep_what_was_filled_in() {
    let event = "event:危险物品非法生产运输储存销售使用:0";
    let body = police_with(
        "平安区公安分局",
        &[
            (&format!("{event}:date"), "2025-01-06"),
            (&format!("{event}:id"), "危-1"),
            ("more", "1"),
        ],
    );
    let a = post(app(), "/self-check", FORM, body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    let names = field_names(&t);
    assert!(
        names.contains(&"event:危险物品非法生产运输储存销售使用:1:date".to_string()),
        "{names:?}"
    );
    assert!(t.contains("value=\"危-1\""), "{t}");
    assert!(t.contains("value=\"2025-01-06\""), "{t}");
    assert!(t.contains("name=\"rows\" value=\"2\""), "{t}");
    assert!(t.contains("<option value=\"一般\" selected>"), "{t}");
}

#[tokio::test]
async fn a_county_police_bureau_rated_yiban_sees_article_46_and_its_authority() {
    let body = police_with(
        "平安区公安分局",
        &[
            (
                "event:危险物品非法生产运输储存销售使用:0:date",
                "2025-01-06",
            ),
            ("event:危险物品非法生产运输储存销售使用:0:id", "危-1"),
        ],
    );
    let a = post(app(), "/self-check", FORM, body.clone()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(t.contains("平安区公安分局（公安部门）"), "{t}");
    assert!(t.contains("【触发后果】"), "{t}");
    assert!(t.contains("第四十六条"), "{t}");
    // The facts document the form makes is the CLI's: the row is an event of the unit.
    let s = state(config());
    let doc = tiaoli_serve::pages::facts_document(
        &tiaoli_serve::pages::SelfCheck::from_pairs(&pairs(&body)),
        &s.engine.graph.lexicon,
    );
    assert_eq!(
        doc["units"][0]["events"],
        serde_json::json!([{"type": "危险物品非法生产运输储存销售使用", "date": "2025-01-06", "id": "危-1"}])
    );
    assert_eq!(doc["units"][0]["facts"]["平安建设考评等次"], "一般");
    let f = s
        .engine
        .parse_facts(&doc.to_string(), tiaoli_engine::facts::Format::Json)
        .unwrap();
    let r = s.engine.report(&f.units, on("2025-03-01"));
    let f46 = r.units[0]
        .results
        .iter()
        .find(|f| f.cite.starts_with("第四十六条") && !f.sanctions.is_empty())
        .unwrap();
    // The authority imposing the measures, as the CLI names it.
    let line = tiaoli_engine::report::exposure_line(&f46.sanctions[0], &r.units[0].unit);
    assert!(t.contains(&line), "no “{line}” in {t}");
    // The event row counts: the result page's facts carry it.
    assert!(hidden(&t, "file").contains("危-1"));
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
async fn a_row_without_its_date_shows_the_form_again_with_the_parsers_words() {
    let body = police_with(
        "平安区公安分局",
        &[("event:危险物品非法生产运输储存销售使用:0:id", "危-1")],
    );
    let a = post(app(), "/self-check", FORM, body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    let t = a.text();
    assert!(t.contains("events[0].date"), "{t}");
    // The form again, what was filled in kept.
    assert!(t.contains("class=\"generated\""), "{t}");
    assert!(t.contains("value=\"危-1\""), "{t}");
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
        t.contains("id=\"art_46__para_1__point_6\">（六）平安建设考评评价等次为一般的"),
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

/// The `<section …>` of the generated form for the event or action type `ty`.
fn rows_section<'p>(page: &'p str, ty: &str) -> &'p str {
    let at = page.find(&format!("<h3>{ty}</h3>")).unwrap();
    let start = page[..at].rfind("<section").unwrap();
    let end = at + page[at..].find("</section>").unwrap() + "</section>".len();
    &page[start..end]
}

#[tokio::test]
async fn an_events_by_is_a_column_of_its_rows_but_not_of_an_actions() {
    let q = form(&CHOICE);
    let t = get(app(), &format!("/self-check?{q}")).await.text();
    let names = field_names(&t);
    assert!(
        names.contains(&"event:挂牌督办:0:by".to_string()),
        "{names:?}"
    );
    // The facts format gives `by` to events only: no action row asks for it.
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("action:") && n.ends_with(":by")),
        "{names:?}"
    );
    // An action's `by` sent anyway is not read into the facts.
    let f = tiaoli_serve::pages::SelfCheck::from_pairs(&pairs(&form(&[
        ("action:报告平安建设工作:0:date", "2025-01-06"),
        ("action:报告平安建设工作:0:by", "某机关"),
    ])));
    let s = state(config());
    let doc = tiaoli_serve::pages::facts_document(&f, &s.engine.graph.lexicon);
    assert_eq!(
        doc["units"][0]["actions"],
        serde_json::json!([{"type": "报告平安建设工作", "date": "2025-01-06"}])
    );
    insta::assert_snapshot!("supervision_rows", rows_section(&t, "挂牌督办"));
}

/// A 挂牌督办 of the county police bureau by 平安区平安建设组织协调机构, as the form sends it.
const SUPERVISION: [(&str, &str); 4] = [
    ("event:挂牌督办:0:date", "2025-01-06"),
    ("event:挂牌督办:0:id", "督办-1"),
    ("event:挂牌督办:0:@deadline", "2025-02-06"),
    ("event:挂牌督办:0:by", "平安区平安建设组织协调机构"),
];

#[tokio::test]
async fn an_events_by_reaches_the_facts_file_and_is_kept_through_the_pages() {
    let body = police_with("平安区公安分局", &SUPERVISION);
    // The facts document the form makes carries it, and the engine reads it.
    let s = state(config());
    let doc = tiaoli_serve::pages::facts_document(
        &tiaoli_serve::pages::SelfCheck::from_pairs(&pairs(&body)),
        &s.engine.graph.lexicon,
    );
    assert_eq!(
        doc["units"][0]["events"],
        serde_json::json!([{
            "type": "挂牌督办", "date": "2025-01-06", "id": "督办-1",
            "by": "平安区平安建设组织协调机构", "deadline": "2025-02-06",
        }])
    );
    let parsed = s
        .engine
        .parse_facts(&doc.to_string(), tiaoli_engine::facts::Format::Json)
        .unwrap();
    assert_eq!(
        parsed.units[0].events[0].by.as_deref(),
        Some("平安区平安建设组织协调机构")
    );
    // One more row asked for: still filled in.
    let mut more = SUPERVISION.to_vec();
    more.push(("more", "1"));
    let a = post(
        app(),
        "/self-check",
        FORM,
        police_with("平安区公安分局", &more),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    assert!(
        t.contains("name=\"event:挂牌督办:0:by\" value=\"平安区平安建设组织协调机构\""),
        "{t}"
    );
    assert!(t.contains("name=\"event:挂牌督办:1:by\" value=\"\""), "{t}");
    // The result page: its facts (hidden) and the downloaded facts file have it.
    let a = post(app(), "/self-check", FORM, body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let t = a.text();
    // The supervision counts: 第四十七条 takes it into the leaders' assessment.
    assert!(t.contains("纳入考核"), "{t}");
    let without = post(app(), "/self-check", FORM, police("平安区公安分局")).await;
    assert!(!without.text().contains("纳入考核"), "{}", without.text());
    let file = hidden(&t, "file");
    let d = form(&[
        ("file", &file),
        ("as_of", "2025-03-01"),
        ("format", "facts"),
    ]);
    let facts = post(app(), "/self-check/download", FORM, d).await;
    assert_eq!(facts.status, StatusCode::OK);
    let downloaded: Value = serde_json::from_str(&facts.text()).unwrap();
    assert_eq!(
        downloaded["units"][0]["events"][0]["by"],
        "平安区平安建设组织协调机构"
    );
    // A problem elsewhere in the row: the form again, `by` kept.
    let mut bad = SUPERVISION.to_vec();
    bad[2] = ("event:挂牌督办:0:@deadline", "2024-12-01");
    let a = post(
        app(),
        "/self-check",
        FORM,
        police_with("平安区公安分局", &bad),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    let t = a.text();
    assert!(t.contains("events[0].deadline"), "{t}");
    assert!(
        t.contains("name=\"event:挂牌督办:0:by\" value=\"平安区平安建设组织协调机构\""),
        "{t}"
    );
    // A row with only its `by` is not blank: its missing date is reported.
    let a = post(
        app(),
        "/self-check",
        FORM,
        police_with("平安区公安分局", &SUPERVISION[3..]),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    assert!(a.text().contains("events[0].date"), "{}", a.text());
}
