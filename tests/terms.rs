//! `tiaoli terms` and `tiaoli template`: the vocabulary discoverable from the
//! binary, and a facts-file skeleton that loads as it is.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::run;

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

fn names(v: &serde_json::Value, section: &str) -> Vec<String> {
    v[section]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_kind_sees_only_the_terms_of_the_articles_binding_it() {
    let police = json(&[
        "terms",
        "--kind",
        "公安部门",
        "--ordinance",
        "haidong",
        "--format",
        "json",
    ]);
    let operator = json(&[
        "terms",
        "--kind",
        "电信业务经营者",
        "--ordinance",
        "haidong",
        "--format",
        "json",
    ]);
    // 第二十二条第三款 binds operators: its actions are theirs, not the police's.
    assert!(names(&operator, "actions").contains(&"向客户作出风险提示".to_string()));
    assert!(!names(&police, "actions").contains(&"向客户作出风险提示".to_string()));
    // Every term a kind is shown is cited by a provision of the ordinance asked.
    for section in ["facts", "events", "actions", "sanctions"] {
        for t in police[section].as_array().unwrap() {
            let cites = t["cited_by"].as_array().unwrap();
            assert!(!cites.is_empty(), "{t}");
            assert!(
                cites
                    .iter()
                    .all(|c| c.as_str().unwrap().starts_with("haidong ")),
                "{t}"
            );
        }
    }
    // A fact comes with its values.
    let rating = police["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "平安建设考评等次")
        .expect("第四十六条第（六）项 reads the rating");
    assert_eq!(rating["type"], "enum");
    assert!(rating["values"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "一般"));
}

#[test]
fn the_whole_vocabulary_lists_unused_terms_too() {
    let all = json(&["terms", "--format", "json"]);
    let haidong = json(&["terms", "--ordinance", "haidong", "--format", "json"]);
    assert_eq!(names(&all, "actors"), names(&haidong, "actors"));
    let unused = all["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["cited_by"].as_array().unwrap().is_empty())
        .count();
    assert!(unused > 0, "the lexicon declares actions no article uses");
    assert!(all["ordinances"].as_array().unwrap().len() > 1);
    assert_eq!(haidong["ordinances"].as_array().unwrap().len(), 1);
}

#[test]
fn an_ordinance_is_found_by_id_title_or_a_part_of_its_title() {
    for name in [
        "haidong",
        "HAIDONG",
        "海东市平安建设条例",
        "《海东市平安建设条例》",
        "海东",
    ] {
        let v = json(&["terms", "--ordinance", name, "--format", "json"]);
        assert_eq!(v["ordinances"][0]["id"], "haidong", "{name}");
    }
}

#[test]
fn unknown_names_are_errors_with_a_did_you_mean_in_both_languages() {
    let (code, out, err) = run(&["terms", "--kind", "公安处"]);
    assert_eq!((code, out.as_str()), (2, ""));
    insta::assert_snapshot!("terms_unknown_kind_zh", err);
    let (code, _, err) = run(&["--lang", "en", "terms", "--kind", "公安处"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("terms_unknown_kind_en", err);
    let (code, _, err) = run(&["terms", "--kind", "公安部门", "--role", "成员"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("terms_unknown_role_zh", err);
    let (code, _, err) = run(&["terms", "--ordinance", "haidon"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("terms_unknown_ordinance_zh", err);
    let (code, _, err) = common::tiaoli()
        .args(["terms", "--ordinance", "haidon"])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .map(|o| {
            (
                o.status.code().unwrap_or(-1),
                (),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        })
        .unwrap();
    assert_eq!(code, 2);
    insta::assert_snapshot!("terms_unknown_ordinance_en", err);
}

#[test]
fn terms_for_people_in_chinese_and_english() {
    let (code, zh, _) = run(&[
        "terms",
        "--kind",
        "电信业务经营者",
        "--ordinance",
        "haidong",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("terms_operator_haidong_zh", zh);
    let (code, en, _) = run(&[
        "--lang",
        "en",
        "terms",
        "--kind",
        "电信业务经营者",
        "--ordinance",
        "haidong",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("terms_operator_haidong_en", en);
}

/// The template of a unit, written to a file; then evaluated as it is.
fn template_then_eval(args: &[&str]) -> (String, i32, String) {
    let mut full = vec!["template", "--as-of", "2025-03-01"];
    full.extend_from_slice(args);
    let (code, text, err) = run(&full);
    assert_eq!(code, 0, "{args:?}: {err}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unit.yaml");
    std::fs::write(&path, &text).unwrap();
    let (code, out, err) = run(&["eval", path.to_str().unwrap(), "--format", "json"]);
    assert_ne!(code, 2, "the template does not load:\n{text}\n{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["units"][0]["unit"], "本单位");
    (text, code, err)
}

#[test]
fn a_template_loads_as_it_is_and_cites_what_needs_each_entry() {
    let (text, _, _) = template_then_eval(&[
        "--kind",
        "公安部门",
        "--region",
        "海东市/平安区",
        "--role",
        "平安建设成员单位",
    ]);
    assert!(text.contains("as_of: 2025-03-01"));
    assert!(text.contains("roles: [\"平安建设成员单位\"]"));
    // Every entry is commented out and followed by the provisions that need it.
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        if t.starts_with("# - { type:")
            || (t.starts_with("# ")
                && t.contains(": ")
                && l.starts_with("      # ")
                && !t.starts_with("#   "))
        {
            let next = lines.get(i + 1).copied().unwrap_or("");
            assert!(
                next.trim_start().starts_with("#   《"),
                "{l} has no cite:\n{text}"
            );
        }
    }
    assert!(text.contains(
        "#   《海东市平安建设条例》第四十六条第（六）项：“平安建设考评评价等次为一般的；”"
    ));
    // A kind that fixes its level asks for none; one of another ordinance evaluates too.
    let (text, _, _) = template_then_eval(&["--kind", "乡镇人民政府", "--region", "海东/化隆县"]);
    assert!(text.contains("无需填写 level"), "{text}");
    template_then_eval(&["--kind", "电信业务经营者", "--region", "海东市/乐都区"]);
    template_then_eval(&["--kind", "学校", "--region", "湘西州/凤凰县"]);
}

#[test]
fn a_template_for_an_unknown_region_or_kind_is_an_error() {
    let (code, out, err) = run(&["template", "--kind", "公安部门", "--region", "火星"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("火星"), "{err}");
    let (code, _, err) = run(&["template", "--kind", "公安处", "--region", "海东市/平安区"]);
    assert_eq!(code, 2);
    assert!(err.contains("公安部门"), "{err}");
}

#[test]
fn the_names_officers_use_for_the_same_body_are_aliases() {
    for (alias, kind) in [
        ("公安局", "公安部门"),
        ("信访局", "信访部门"),
        ("电信运营商", "电信业务经营者"),
        ("物业公司", "物业服务企业"),
    ] {
        let v = json(&["terms", "--kind", alias, "--format", "json"]);
        assert_eq!(v["kind"], kind, "{alias}");
    }
}
