//! The HTTP API, request by request, on the router itself (no socket):
//! every endpoint with good input and bad, the status codes and the error
//! bodies, the token, the limits and the headers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use std::net::SocketAddr;

fn units_yaml() -> String {
    std::fs::read_to_string(root().join("examples/units.yaml")).unwrap()
}

const POLICE: &str = "as_of: 2025-03-01
units:
  - id: 平安区公安分局
    kind: 公安部门
    level: 县
    region: 海东市/平安区
    roles: [平安建设成员单位]
    facts:
      平安建设考评等次: 一般
";

// ───────────────────────────── eval ─────────────────────────────

#[tokio::test]
async fn eval_answers_the_report_of_tiaoli_eval() {
    let a = post(app(), "/v1/eval", "application/yaml", units_yaml()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.content_type.starts_with("application/json"));
    // The same library call as the CLI, the same schema.
    let s = state(config());
    let f = tiaoli_engine::facts::parse(
        &units_yaml(),
        tiaoli_engine::facts::Format::Yaml,
        &s.engine.graph.lexicon,
    )
    .unwrap();
    let opts = tiaoli_engine::Options {
        as_of: f.as_of.unwrap(),
        drafts: false,
    };
    let expected = serde_json::to_value(s.engine.report(&f.units, opts)).unwrap();
    assert_eq!(a.json(), expected);
    assert_eq!(a.json()["units"].as_array().unwrap().len(), 16);
}

#[tokio::test]
async fn eval_reads_json_by_content_type_and_takes_as_of_and_drafts() {
    let json = r#"{"as_of":"2025-03-01","units":[{"id":"平安区公安分局","kind":"公安部门","level":"县","region":"海东市/平安区","roles":["平安建设成员单位"],"facts":{"平安建设考评等次":"一般"}}]}"#;
    let a = post(
        app(),
        "/v1/eval?as_of=2025-04-01&drafts=true",
        "application/json",
        json,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let v = a.json();
    assert_eq!(v["as_of"], "2025-04-01");
    assert_eq!(v["drafts"], true);
    assert_eq!(v["units"][0]["unit"], "平安区公安分局");
    let text = a.text();
    assert!(text.contains("第四十六条"), "{text}");
}

#[tokio::test]
async fn eval_in_markdown_is_the_cli_markdown() {
    let a = post(
        app(),
        "/v1/eval?format=markdown",
        "application/yaml",
        POLICE,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.content_type.starts_with("text/markdown"));
    assert!(a.text().contains("平安区公安分局"));
}

#[tokio::test]
async fn malformed_yaml_is_a_bad_request_located_in_the_body() {
    let a = post(
        app(),
        "/v1/eval",
        "application/yaml",
        "as_of: 2025-03-01\nunits: [\n",
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let v = a.json();
    assert_eq!(v["error"]["code"], "bad-request");
    assert_eq!(v["error"]["facts"][0]["line"], 3);
    insta::assert_json_snapshot!("malformed_yaml", v);
}

#[tokio::test]
async fn malformed_json_is_a_bad_request() {
    let a = post(
        app(),
        "/v1/eval",
        "application/json",
        r#"{"as_of": "2025-03-01", "units": [}"#,
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.code(), "bad-request");
    assert!(a.json()["error"]["facts"][0]["line"].is_number());
}

#[tokio::test]
async fn an_unknown_kind_is_unprocessable_with_its_place_and_a_suggestion() {
    let body = POLICE.replace("kind: 公安部门", "kind: 公按部门");
    let a = post(app(), "/v1/eval", "application/yaml", body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = a.json();
    assert_eq!(v["error"]["code"], "facts");
    assert_eq!(v["error"]["facts"][0]["field"], "kind");
    assert_eq!(v["error"]["facts"][0]["line"], 4);
    insta::assert_json_snapshot!("unknown_kind", v);
}

#[tokio::test]
async fn no_evaluation_date_and_a_bad_one_are_refused() {
    let body = POLICE.replace("as_of: 2025-03-01\n", "");
    let a = post(app(), "/v1/eval", "application/yaml", body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("as_of"));
    let a = post(
        app(),
        "/v1/eval?as_of=2025-02-30",
        "application/yaml",
        POLICE,
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("2025-02-30"));
    let a = post(app(), "/v1/eval?format=pdf", "application/yaml", POLICE).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = post(app(), "/v1/eval?drafts=perhaps", "application/yaml", POLICE).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_body_that_is_not_utf8_is_a_bad_request() {
    let a = post(
        app(),
        "/v1/eval",
        "application/yaml",
        vec![0xff, 0xfe, 0x00],
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
}

#[tokio::test]
async fn a_body_past_the_limit_is_413_as_json() {
    let mut c = config();
    c.body_limit = 1024;
    let big = format!("{POLICE}# {}\n", "长".repeat(2000));
    let a = post(app_with(c), "/v1/eval", "application/yaml", big).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(a.code(), "too-large");
    // Just under the limit is read.
    let mut c = config();
    c.body_limit = POLICE.len();
    let a = post(app_with(c), "/v1/eval", "application/yaml", POLICE).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
}

// ───────────────────────────── explain ─────────────────────────────

#[tokio::test]
async fn explain_gives_the_chain_of_tiaoli_explain() {
    let a = post(
        app(),
        "/v1/explain?unit=平安区公安分局&article=第四十六条",
        "application/yaml",
        POLICE,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let text = a.json()["text"].as_str().unwrap().to_string();
    assert!(text.contains("第四十六条"), "{text}");
    assert!(text.contains("平安区公安分局"), "{text}");
}

#[tokio::test]
async fn explain_an_unknown_unit_is_404_with_did_you_mean() {
    let a = post(
        app(),
        "/v1/explain?unit=平安区公安分&article=46",
        "application/yaml",
        POLICE,
    )
    .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["error"]["help"], "是否指“平安区公安分局”？");
}

#[tokio::test]
async fn explain_a_bad_article_or_missing_parameter_is_400() {
    let a = post(
        app(),
        "/v1/explain?unit=平安区公安分局&article=第几条",
        "application/yaml",
        POLICE,
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("第几条"));
    let a = post(app(), "/v1/explain?unit=x", "application/yaml", POLICE).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.code(), "bad-request");
}

// ───────────────────────────── ordinances, articles, graph ─────────────────────────────

#[tokio::test]
async fn ordinances_lists_every_loaded_ordinance() {
    let a = get(app(), "/v1/ordinances").await;
    assert_eq!(a.status, StatusCode::OK);
    let ids: Vec<String> = a
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    let s = state(config());
    let loaded: Vec<&str> = s
        .engine
        .graph
        .ordinances
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, loaded);
    for id in [
        "haidong",
        "guangdong",
        "mianyang",
        "xiangxi",
        "zhejiang",
        "anyang",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} not listed");
    }
}

#[tokio::test]
async fn an_article_is_given_verbatim() {
    let a = get(app(), "/v1/ordinances/haidong/articles/第四十六条").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let v = a.json();
    assert_eq!(v["number"], 46);
    let rules = std::fs::read_to_string(root().join("rules/haidong.tiaoli")).unwrap();
    for p in v["paragraphs"].as_array().unwrap() {
        let t = p["text"].as_str().unwrap();
        assert!(!t.is_empty());
        assert!(rules.contains(t), "not verbatim: {t}");
    }
    // The same article by its arabic number, and the ordinance in capitals.
    let b = get(app(), "/v1/ordinances/HAIDONG/articles/46").await;
    assert_eq!(b.json(), v);
}

#[tokio::test]
async fn an_ordinance_has_its_articles() {
    let a = get(app(), "/v1/ordinances/haidong").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["title"], "海东市平安建设条例");
    assert_eq!(a.json()["articles"].as_array().unwrap().len(), 51);
}

#[tokio::test]
async fn unknown_ordinances_and_articles_are_404() {
    let a = get(app(), "/v1/ordinances/haidon").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["error"]["help"], "是否指“haidong”？");
    let a = get(app(), "/v1/ordinances/haidong/articles/999").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = get(app(), "/v1/ordinances/haidong/articles/abc").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = get(app(), "/v1/ordinances/nowhere/graph").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = get(app(), "/v1/ordinances/haidong/graph?article=999").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = get(app(), "/v1/ordinances/haidong/graph?format=png").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_graph_is_the_cli_dot_or_its_svg() {
    let a = get(app(), "/v1/ordinances/haidong/graph?article=46&format=dot").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.content_type.starts_with("text/vnd.graphviz"));
    let s = state(config());
    let o = s
        .engine
        .graph
        .ordinances
        .iter()
        .find(|o| o.id == "haidong")
        .unwrap();
    assert_eq!(a.text(), tiaoli_compiler::view::to_dot(o, Some(46)));
    let a = get(app(), "/v1/ordinances/haidong/graph?article=第四十六条").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(a.content_type, "image/svg+xml");
    let svg = a.text();
    assert!(svg.contains("<svg"), "{svg}");
    assert!(svg.contains("</svg>"));
    // Chinese labels are drawn as text.
    assert!(
        svg.contains("第46条") || svg.contains("第四十六条"),
        "no article label"
    );
}

// ───────────────────────────── lint, lift, diff ─────────────────────────────

#[tokio::test]
async fn lint_of_the_loaded_rules_is_the_cli_json() {
    let a = post(app(), "/v1/lint", "application/json", "{}").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let v = a.json();
    assert!(v["findings"].is_array());
    assert!(v["denied"].is_number());
}

#[tokio::test]
async fn lint_of_a_text_with_errors_is_422_with_diagnostics() {
    let bad = DRAFT.replace("主体 公安部门", "主体 公按部门");
    let req = serde_json::json!({ "files": [{ "name": "draft.tiaoli", "text": bad }] });
    let a = post(app(), "/v1/lint", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    let v = a.json();
    assert_eq!(v["error"]["code"], "rules");
    let d = &v["error"]["diagnostics"][0];
    assert_eq!(d["file"], "draft.tiaoli");
    assert_eq!(d["line"], 12);
    assert!(d["code"].is_string());
}

#[tokio::test]
async fn lint_of_a_good_text_and_an_unknown_check() {
    let req = serde_json::json!({ "files": [{ "text": DRAFT }] });
    let a = post(app(), "/v1/lint", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let req = serde_json::json!({ "files": [{ "text": DRAFT }], "deny": ["no-such-check"] });
    let a = post(app(), "/v1/lint", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.code(), "lint-option");
    let a = post(app(), "/v1/lint", "application/json", "{\"files\": 3}").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn lift_gives_a_skeleton_and_its_report() {
    let text = "某市平安建设条例\n第一条 为了推进平安建设，制定本条例。\n第二条 公安机关应当自发现之日起三日内报告。\n";
    let req = serde_json::json!({ "name": "某市.txt", "text": text });
    let a = post(app(), "/v1/lift", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let v = a.json();
    assert!(
        v["skeleton"].as_str().unwrap().contains("第二条"),
        "{}",
        v["skeleton"]
    );
    assert_eq!(v["report"]["articles"], 2);
}

#[tokio::test]
async fn lift_of_no_articles_is_422_with_the_cli_message() {
    let req = serde_json::json!({ "text": "这里没有条文。\n" });
    let a = post(app(), "/v1/lift", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.code(), "lift");
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("没有找到条文"));
    let a = post(app(), "/v1/lift", "application/json", "not json").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn diff_reports_a_weakened_duty() {
    let weaker = DRAFT.replace("应当 报告违法信息", "可以 报告违法信息");
    let req = serde_json::json!({ "old": [{ "text": DRAFT }], "new": [{ "text": weaker }] });
    let a = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let text = a.text();
    assert!(text.contains("modality-weakened"), "{text}");
}

#[tokio::test]
async fn diff_of_a_side_that_does_not_compile_or_is_missing() {
    let req = serde_json::json!({ "old": [{ "text": DRAFT }], "new": [{ "text": "条例 {" }] });
    let a = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("新版本"));
    assert!(!a.json()["error"]["diagnostics"]
        .as_array()
        .unwrap()
        .is_empty());
    let req = serde_json::json!({ "old": [], "new": [{ "text": DRAFT }] });
    let a = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn diff_of_two_different_ordinances_is_refused_unless_asked_for() {
    let other = DRAFT
        .replace("条例 draft", "条例 other")
        .replace("辖区 示例市", "辖区 海东市");
    let req = serde_json::json!({ "old": [{ "text": DRAFT }], "new": [{ "text": other }] });
    let a = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    assert_eq!(a.code(), "different-ordinances");
    let message = a.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(
        message.contains("draft《测试条例》（示例市）与 other《测试条例》（海东市）不是同一部条例"),
        "{message}"
    );
    assert!(a.json()["error"]["help"]
        .as_str()
        .unwrap()
        .contains("different_ordinances"));
    let req = serde_json::json!({
        "old": [{ "text": DRAFT }], "new": [{ "text": other }], "different_ordinances": true
    });
    let a = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    // The same jurisdiction under a new id is one ordinance renamed: compared.
    let renamed = DRAFT.replace("条例 draft", "条例 renamed");
    let req = serde_json::json!({ "old": [{ "text": DRAFT }], "new": [{ "text": renamed }] });
    let a = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
}

/// The one-article draft in force from 2025-01-01, its period `days` days.
fn in_force(days: &str) -> String {
    DRAFT
        .replace("状态 草案", "状态 施行")
        .replace("施行日期 未知", "施行日期 2025-01-01")
        .replace("三日内", &format!("{days}日内"))
        .replace(
            "期限 3 日",
            &format!("期限 {} 日", if days == "五" { 5 } else { 3 }),
        )
}

#[tokio::test]
async fn diff_replays_units_against_both_versions() {
    let req = serde_json::json!({
        "old": [{ "text": in_force("三") }], "new": [{ "text": in_force("五") }],
        "units": DRAFT_UNITS, "as_of": "2025-03-01",
    });
    let a = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let units = a.json()["units"].clone();
    let units = units.as_array().unwrap();
    assert_eq!(units.len(), 1, "{units:?}");
    let u = &units[0];
    assert_eq!(u["unit"], "示例市公安局");
    assert_eq!(u["name"], "报告");
    // Three days from Monday 6 January end on the 9th; five end on Saturday
    // the 11th, which moves to Monday the 13th.
    assert_eq!(u["old"]["due"], "2025-01-09", "{u}");
    assert_eq!(u["new"]["due"], "2025-01-13", "{u}");
    assert_eq!(u["old"]["status"], u["new"]["status"], "{u}");
    // The same facts as JSON, the date in the file.
    let json_units = serde_json::json!({
        "as_of": "2025-03-01",
        "units": [{ "id": "示例市公安局", "kind": "公安部门", "level": "市", "region": "示例市",
                    "events": [{ "type": "发现涉嫌电信网络诈骗", "date": "2025-01-06" }] }],
    });
    let req = serde_json::json!({
        "old": [{ "text": in_force("三") }], "new": [{ "text": in_force("五") }],
        "units": json_units.to_string(),
    });
    let b = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(b.status, StatusCode::OK, "{}", b.text());
    assert_eq!(b.json()["units"], a.json()["units"]);
    // Without units, no `units` in the answer; with units and no change, an empty list.
    let req = serde_json::json!({
        "old": [{ "text": in_force("三") }], "new": [{ "text": in_force("三") }],
        "units": DRAFT_UNITS, "as_of": "2025-03-01",
    });
    let c = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert_eq!(c.json()["units"], serde_json::json!([]));
    let req = serde_json::json!({ "old": [{ "text": in_force("三") }], "new": [{ "text": in_force("五") }] });
    let d = post(app(), "/v1/diff", "application/json", req.to_string()).await;
    assert!(d.json().get("units").is_none(), "{}", d.text());
}

#[tokio::test]
async fn diff_units_that_do_not_check_are_refused_with_their_locations() {
    let req = |units: &str, as_of: Option<&str>| {
        let mut r = serde_json::json!({
            "old": [{ "text": in_force("三") }], "new": [{ "text": in_force("五") }],
            "units": units,
        });
        if let Some(d) = as_of {
            r["as_of"] = d.into();
        }
        r.to_string()
    };
    let a = post(
        app(),
        "/v1/diff",
        "application/json",
        req(
            &DRAFT_UNITS.replace("公安部门", "公按部门"),
            Some("2025-03-01"),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    assert_eq!(a.code(), "facts");
    let e = a.json()["error"].clone();
    assert!(e["message"].as_str().unwrap().contains("旧版本"), "{e}");
    let f = &e["facts"][0];
    assert_eq!(f["line"], 3, "{e}");
    assert!(
        f["help"].as_str().unwrap().contains("公安部门"),
        "no did-you-mean: {e}"
    );
    // No date anywhere.
    let a = post(
        app(),
        "/v1/diff",
        "application/json",
        req(DRAFT_UNITS, None),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text());
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("没有评估日期"));
    // A date that is not one.
    let a = post(
        app(),
        "/v1/diff",
        "application/json",
        req(DRAFT_UNITS, Some("2025-02-30")),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
    // Units that are not text.
    let r =
        serde_json::json!({ "old": [{ "text": DRAFT }], "new": [{ "text": DRAFT }], "units": 3 });
    let a = post(app(), "/v1/diff", "application/json", r.to_string()).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
}

/// examples/units.yaml's units, `copies` times over (ids made unique), as YAML.
fn many_units(copies: usize) -> String {
    let yaml = std::fs::read_to_string(root().join("examples/units.yaml")).unwrap();
    let (head, units) = yaml.split_once("\nunits:\n").unwrap();
    let mut out = format!("{head}\nunits:\n");
    for k in 0..copies {
        for line in units.lines() {
            match line.strip_prefix("  - id: ") {
                Some(id) => out.push_str(&format!("  - id: {id}-{k}\n")),
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[tokio::test]
async fn an_evaluation_past_the_time_limit_is_stopped_and_answered_504() {
    let mut c = config();
    c.timeout = std::time::Duration::from_millis(1);
    let app = app_with(c);
    let body = many_units(40);
    let a = post(
        app.clone(),
        "/v1/eval?drafts=true",
        "application/yaml",
        body,
    )
    .await;
    assert_eq!(a.status, StatusCode::GATEWAY_TIMEOUT, "{}", a.text());
    assert_eq!(a.code(), "timeout");
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("已中止"));
}

#[test]
fn the_chunked_evaluation_stops_when_over_and_otherwise_equals_one_call() {
    use tiaoli_serve::cancel::{report_until, Cancel, CHUNK};
    let s = state(config());
    let yaml = std::fs::read_to_string(root().join("examples/units.yaml")).unwrap();
    let f = tiaoli_engine::facts::parse(
        &yaml,
        tiaoli_engine::facts::Format::Yaml,
        &s.engine.graph.lexicon,
    )
    .unwrap();
    assert!(f.units.len() > CHUNK, "the example must span chunks");
    let opts = tiaoli_engine::Options {
        as_of: f.as_of.unwrap(),
        drafts: true,
    };
    let whole = serde_json::to_string(&s.engine.report(&f.units, opts)).unwrap();
    let chunked = report_until(
        &s.engine,
        &f.units,
        opts,
        &Cancel::new(std::time::Duration::from_secs(60)),
    )
    .unwrap();
    assert_eq!(serde_json::to_string(&chunked).unwrap(), whole);
    let given_up = Cancel::new(std::time::Duration::from_secs(60));
    given_up.cancel();
    assert!(report_until(&s.engine, &f.units, opts, &given_up).is_none());
    assert!(report_until(
        &s.engine,
        &f.units,
        opts,
        &Cancel::new(std::time::Duration::ZERO)
    )
    .is_none());
}

// ───────────────────────────── the rest ─────────────────────────────

#[tokio::test]
async fn an_unknown_route_is_404_as_json() {
    let a = get(app(), "/v1/nothing").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    insta::assert_json_snapshot!("unknown_route", a.json());
}

#[tokio::test]
async fn the_openapi_document_lists_every_endpoint() {
    let a = get(app(), "/v1/openapi.json").await;
    assert_eq!(a.status, StatusCode::OK);
    let v = a.json();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    let mut paths: Vec<&str> = v["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "/v1/diff",
            "/v1/eval",
            "/v1/explain",
            "/v1/lift",
            "/v1/lint",
            "/v1/ordinances",
            "/v1/ordinances/{id}",
            "/v1/ordinances/{id}/articles/{article}",
            "/v1/ordinances/{id}/graph",
            "/v1/template",
            "/v1/terms",
        ]
    );
    for schema in ["Report", "ErrorBody", "Diff", "FactsError"] {
        assert!(
            v["components"]["schemas"][schema].is_object(),
            "no schema {schema}"
        );
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for a in [
        get(app(), "/v1/ordinances").await,
        get(app(), "/nowhere").await,
        post(app(), "/v1/eval", "application/yaml", "units: [").await,
    ] {
        let csp = a.headers.get(header::CONTENT_SECURITY_POLICY).unwrap();
        assert!(csp.to_str().unwrap().contains("default-src 'none'"));
        assert_eq!(
            a.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
            "nosniff"
        );
    }
}

fn with_token() -> Router {
    let mut c = config();
    c.token = Some("s3cret-令牌".into());
    app_with(c)
}

#[tokio::test]
async fn with_a_token_every_request_needs_it() {
    let a = get(with_token(), "/v1/ordinances").await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.code(), "unauthorized");
    assert_eq!(a.headers.get(header::WWW_AUTHENTICATE).unwrap(), "Bearer");
    let wrong = Request::get("/v1/ordinances")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        send(with_token(), wrong).await.status,
        StatusCode::UNAUTHORIZED
    );
    let basic = Request::get("/v1/ordinances")
        .header(header::AUTHORIZATION, "Basic czNjcmV0")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        send(with_token(), basic).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Unknown routes are not revealed without it either.
    assert_eq!(
        get(with_token(), "/nowhere").await.status,
        StatusCode::UNAUTHORIZED
    );
    let right = Request::get("/v1/ordinances")
        .header(header::AUTHORIZATION, "Bearer s3cret-令牌")
        .body(Body::empty())
        .unwrap();
    let a = send(with_token(), right).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.headers.get(header::WWW_AUTHENTICATE).is_none());
}

#[test]
fn a_public_address_needs_a_token() {
    let mut c = Config::new(SocketAddr::from(([0, 0, 0, 0], 8080)));
    let e = c.check().unwrap_err();
    assert!(e.contains("--token-file"), "{e}");
    c.token = Some("t".into());
    assert!(c.check().is_ok());
    c.token = Some(String::new());
    assert!(c.check().is_err());
    assert!(Config::new("[::1]:8080".parse().unwrap()).check().is_ok());
    assert!(config().check().is_ok());
}

#[test]
fn rules_without_an_ordinance_are_refused() {
    let sources =
        tiaoli_compiler::load::load_sources(&[root().join("rules/lexicon")], &[]).unwrap();
    let c = tiaoli_compiler::compile(sources);
    let e = State::new(
        c,
        tiaoli_engine::Calendar::default_schedule().unwrap(),
        config(),
    )
    .err()
    .unwrap();
    assert!(e.contains("没有条例"), "{e}");
}
