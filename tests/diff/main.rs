//! `tiaoli diff`: each change kind on a pair of small rule files
//! (tests/fixtures/diff/), renumbering and moves, replaying units, REV:PATH from
//! git, the exit-code contract, a modified copy of 海东, and the properties
//! diff(x, x) = ∅ and diff(b, a) = mirror(diff(a, b)).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use proptest::prelude::*;
use serde_json::Value;
use tiaoli_diff::{Change, Kind};

fn fixture(name: &str) -> String {
    format!("tests/fixtures/diff/{name}.tiaoli")
}

/// Runs `tiaoli diff OLD NEW --format json` plus `extra`; returns the exit code
/// and the parsed output.
fn diff_json(old: &str, new: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["diff", old, new, "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    let v = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("not JSON ({e}); exit {code}\nstdout:\n{out}\nstderr:\n{err}"));
    (code, v)
}

/// The summary of a diff: kind code → count.
fn summary(v: &Value) -> BTreeMap<String, u64> {
    v["summary"]
        .as_object()
        .expect("summary")
        .iter()
        .map(|(k, n)| (k.clone(), n.as_u64().expect("count")))
        .collect()
}

fn expect(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

/// The changes of one kind.
fn of_kind<'a>(v: &'a Value, kind: &str) -> Vec<&'a Value> {
    v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["kind"] == kind)
        .collect()
}

/// One change of a kind, insisting there is exactly one.
fn one<'a>(v: &'a Value, kind: &str) -> &'a Value {
    let all = of_kind(v, kind);
    assert_eq!(all.len(), 1, "expected one {kind}, got {all:#?}");
    all[0]
}

/// Compiles a rule file with the repository lexicon (the library, not the binary).
fn graph(path: &str) -> tiaoli_compiler::Graph {
    compile_text(&read(&root().join(path)))
}

fn compile_text(text: &str) -> tiaoli_compiler::Graph {
    let c = compile(text);
    assert!(
        !c.has_errors(),
        "does not compile:\n{}\n{text}",
        tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
    );
    c.graph
}

fn sorted(mut v: Vec<Change>) -> Vec<Change> {
    v.sort();
    v
}

/// diff(b, a) is diff(a, b) with every change mirrored.
fn assert_mirror(a: &tiaoli_compiler::Graph, b: &tiaoli_compiler::Graph) {
    let ab = tiaoli_diff::diff(a, b);
    let ba = tiaoli_diff::diff(b, a);
    let mirrored = sorted(ab.changes.iter().map(Change::mirror).collect());
    assert_eq!(
        mirrored,
        sorted(ba.changes.clone()),
        "diff(b, a) is not the mirror of diff(a, b)"
    );
}

// ───────────────────────────── one kind at a time ─────────────────────────────

/// Each fixture against the base: exactly these kinds, and the mirror the other way.
fn check_pair(name: &str, expected: &[(&str, u64)]) -> Value {
    check_files("base", name, expected)
}

/// As [`check_pair`], between any two fixtures. A text and an encoding that
/// did not move together (encoding-stale) fail the run without --fail-on.
fn check_files(old: &str, name: &str, expected: &[(&str, u64)]) -> Value {
    let (code, v) = diff_json(&fixture(old), &fixture(name), &[]);
    let stale = expected.iter().any(|(k, _)| *k == "encoding-stale");
    assert_eq!(code, i32::from(stale), "{name}");
    assert_eq!(summary(&v), expect(expected), "{name}: {v:#}");
    let mirrored: BTreeMap<String, u64> = expected
        .iter()
        .map(|(k, n)| {
            let m = Kind::from_code(k).expect("a kind").mirror();
            (m.code().to_string(), *n)
        })
        .collect();
    let (_, back) = diff_json(&fixture(name), &fixture(old), &[]);
    assert_eq!(summary(&back), mirrored, "{name} → {old}");
    assert_mirror(&graph(&fixture(old)), &graph(&fixture(name)));
    v
}

#[test]
fn identical_inputs_give_an_empty_diff_and_exit_0() {
    let (code, v) = diff_json(&fixture("base"), &fixture("base"), &[]);
    assert_eq!(code, 0);
    assert_eq!(v["changes"], serde_json::json!([]));
    assert_eq!(summary(&v), BTreeMap::new());
    let (code, out, _) = run(&[
        "diff",
        &fixture("base"),
        &fixture("base"),
        "--fail-on",
        "any",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("无差异"), "{out}");
}

#[test]
fn layout_keywords_aliases_and_comments_are_no_change() {
    check_pair("layout", &[]);
}

#[test]
fn status_and_dates() {
    let v = check_pair("status", &[("status-changed", 1), ("date-changed", 2)]);
    let s = one(&v, "status-changed");
    assert_eq!(
        (s["from"].as_str(), s["to"].as_str()),
        (Some("草案"), Some("通过"))
    );
    let force = of_kind(&v, "date-changed")
        .into_iter()
        .find(|c| c["field"] == "施行日期")
        .expect("施行日期");
    assert_eq!(
        (force["from"].as_str(), force["to"].as_str()),
        (Some("未知"), Some("2025-05-01"))
    );
}

#[test]
fn wording_only() {
    let v = check_pair("wording", &[("wording-changed", 1)]);
    let c = one(&v, "wording-changed");
    assert_eq!(c["old"]["cite"], "第一条");
    assert!(c["new"]["text"].as_str().unwrap().contains("安居乐业"));
}

#[test]
fn modality_strengthened_and_weakened() {
    let v = check_pair(
        "modality",
        &[("modality-strengthened", 1), ("text-changed", 1)],
    );
    let c = one(&v, "modality-strengthened");
    assert_eq!(
        (c["from"].as_str(), c["to"].as_str()),
        (Some("可以"), Some("应当"))
    );
    assert_eq!(c["new"]["name"], "委托评估");
    assert_eq!(c["new"]["cite"], "第三条");
    assert_eq!(
        c["old"]["text"],
        "人民政府可以委托第三方进行重大决策风险评估。"
    );
}

#[test]
fn leaving_a_kind_out_narrows_the_subjects() {
    let v = check_pair("subjects_except", &[("subjects-narrowed", 1)]);
    let n = one(&v, "subjects-narrowed");
    assert_eq!(
        (n["from"].as_str(), n["to"].as_str()),
        (Some("人民政府"), Some("人民政府（乡镇人民政府除外）"))
    );
}

#[test]
fn subjects_widened_and_narrowed_through_is_a() {
    let v = check_pair(
        "subjects",
        &[("subjects-widened", 1), ("subjects-narrowed", 1)],
    );
    let w = one(&v, "subjects-widened");
    assert_eq!(
        (w["from"].as_str(), w["to"].as_str()),
        (Some("公安部门"), Some("政府工作部门"))
    );
    let n = one(&v, "subjects-narrowed");
    assert_eq!(
        (n["from"].as_str(), n["to"].as_str()),
        (Some("人民政府"), Some("市人民政府"))
    );
}

#[test]
fn deadline_shortened() {
    let v = check_pair(
        "deadline_shorter",
        &[("deadline-shortened", 1), ("text-changed", 1)],
    );
    let c = one(&v, "deadline-shortened");
    assert!(c["from"].as_str().unwrap().contains("30日"), "{c}");
    assert!(c["to"].as_str().unwrap().contains("15日"), "{c}");
}

#[test]
fn deadline_made_vague() {
    check_pair(
        "deadline_vague",
        &[("deadline-made-vague", 1), ("text-changed", 1)],
    );
}

#[test]
fn deadline_removed() {
    check_pair(
        "deadline_removed",
        &[("deadline-removed", 1), ("text-changed", 1)],
    );
}

#[test]
fn conditions_of_norms_and_grounds_of_consequences() {
    let v = check_pair("condition", &[("condition-changed", 2)]);
    let all = of_kind(&v, "condition-changed");
    assert!(all.iter().any(|c| c["to"] == "除非 构成犯罪"), "{all:#?}");
    assert!(all.iter().any(|c| c["field"] == "情形"), "{all:#?}");
}

#[test]
fn sanctions_on_the_ladder_authority_and_targets() {
    let v = check_pair(
        "sanction",
        &[
            ("sanction-escalated", 1),
            ("sanction-added", 1),
            ("authority-changed", 1),
            ("targets-changed", 1),
        ],
    );
    let e = one(&v, "sanction-escalated");
    assert_eq!(e["from"], "通报（等级3）");
    assert_eq!(e["to"], "挂牌督办（等级6）");
    assert_eq!(one(&v, "sanction-added")["to"], "约谈（等级4）");
}

#[test]
fn norms_added_and_removed() {
    let v = check_pair("norms", &[("norm-added", 1), ("norm-removed", 1)]);
    assert_eq!(one(&v, "norm-added")["new"]["name"], "采取阻断");
    assert_eq!(one(&v, "norm-removed")["old"]["name"], "委托评估");
}

#[test]
fn an_inserted_article_is_one_addition_and_a_renumbering() {
    let v = check_pair(
        "renumbered",
        &[("article-added", 1), ("article-renumbered", 4)],
    );
    assert_eq!(one(&v, "article-added")["new"]["cite"], "第二条");
    let moves: Vec<(String, String)> = of_kind(&v, "article-renumbered")
        .iter()
        .map(|c| {
            (
                c["from"].as_str().unwrap().into(),
                c["to"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("第二条", "第三条"),
            ("第三条", "第四条"),
            ("第四条", "第五条"),
            ("第五条", "第六条")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn a_paragraph_inserted_moves_the_norm_to_the_next_paragraph() {
    let v = check_pair(
        "paragraph",
        &[("provision-renumbered", 1), ("wording-changed", 1)],
    );
    let c = one(&v, "provision-renumbered");
    assert_eq!(
        (c["from"].as_str(), c["to"].as_str()),
        (Some("第二条"), Some("第二条第二款"))
    );
}

#[test]
fn an_article_moved_is_moved_and_the_others_renumbered() {
    let v = check_pair("moved", &[("article-moved", 1), ("article-renumbered", 2)]);
    let m = one(&v, "article-moved");
    assert_eq!(
        (m["from"].as_str(), m["to"].as_str()),
        (Some("第二条"), Some("第四条"))
    );
}

#[test]
fn chapters_retitled_added_and_removed() {
    let (old, new) = (fixture("chapters_old"), fixture("chapters_retitled"));
    let (code, v) = diff_json(&old, &new, &[]);
    assert_eq!(code, 0);
    assert_eq!(
        summary(&v),
        expect(&[("chapter-retitled", 1), ("chapter-added", 1)]),
        "{v:#}"
    );
    let r = one(&v, "chapter-retitled");
    assert_eq!(
        (r["from"].as_str(), r["to"].as_str()),
        (Some("总则"), Some("一般规定"))
    );
    let (_, back) = diff_json(&new, &old, &[]);
    assert_eq!(
        summary(&back),
        expect(&[("chapter-retitled", 1), ("chapter-removed", 1)])
    );
}

#[test]
fn an_article_moved_into_another_chapter() {
    let (old, new) = (fixture("chapters_old"), fixture("chapters"));
    let (code, v) = diff_json(&old, &new, &[]);
    assert_eq!(code, 0);
    assert_eq!(summary(&v), expect(&[("article-moved", 1)]));
    let m = one(&v, "article-moved");
    assert_eq!(m["new"]["cite"], "第三条");
    assert_eq!(
        (m["from"].as_str(), m["to"].as_str()),
        (Some("总则"), Some("责任"))
    );
    assert_mirror(&graph(&old), &graph(&new));
    // Adding chapter headings to an ordinance that had none moves no article:
    // the two headings are new, nothing else.
    assert_eq!(
        summary(&diff_json(&fixture("base"), &new, &[]).1),
        expect(&[("chapter-added", 2)])
    );
}

#[test]
fn merged_articles_and_the_mirror_split() {
    let v = check_pair(
        "merged",
        &[
            ("article-merged", 1),
            ("article-renumbered", 2),
            // 委托评估 now stands in 第二条第二款, 风险提示 in 第二条第一款.
            ("provision-renumbered", 2),
            ("text-changed", 1),
        ],
    );
    let m = one(&v, "article-merged");
    assert_eq!(
        (m["from"].as_str(), m["to"].as_str()),
        (Some("第三条"), Some("第二条"))
    );
}

#[test]
fn the_remaining_norm_and_sanction_kinds() {
    let v = check_pair(
        "details",
        &[
            ("header-changed", 1),
            ("modality-changed", 1),
            ("subjects-changed", 1),
            ("action-changed", 1),
            ("trigger-changed", 1),
            ("recipients-changed", 1),
            ("priority-changed", 1),
            ("deadline-changed", 1),
            ("sanction-changed", 1),
        ],
    );
    let m = one(&v, "modality-changed");
    assert_eq!(
        (m["from"].as_str(), m["to"].as_str()),
        (Some("应当"), Some("负责"))
    );
    assert_eq!(one(&v, "priority-changed")["to"], "优先于 风险提示");
    assert_eq!(one(&v, "sanction-changed")["to"], "通报 当 构成犯罪");
    assert_eq!(one(&v, "header-changed")["field"], "标题");
}

#[test]
fn consequences_added_and_removed() {
    let v = check_pair(
        "consequences",
        &[("consequence-added", 1), ("consequence-removed", 1)],
    );
    assert_eq!(one(&v, "consequence-added")["new"]["cite"], "第二条");
    assert_eq!(one(&v, "consequence-removed")["old"]["name"], "督导");
}

#[test]
fn directories_and_ordinances_added_or_removed() {
    let (old, new) = ("tests/fixtures/diff/dir_old", "tests/fixtures/diff/dir_new");
    let (code, v) = diff_json(old, new, &["--fail-on", "ordinance-added"]);
    assert_eq!(code, 1);
    assert_eq!(summary(&v), expect(&[("ordinance-added", 1)]));
    assert_eq!(one(&v, "ordinance-added")["ordinance"], "u");
    let (_, v) = diff_json(new, old, &[]);
    assert_eq!(summary(&v), expect(&[("ordinance-removed", 1)]));
}

#[test]
fn the_vocabulary_a_parent_a_rank_a_term() {
    let (old, new) = (fixture("lexicon"), fixture("lexicon_new"));
    let (code, v) = diff_json(&old, &new, &["--fail-on", "term-changed"]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&v),
        expect(&[("term-added", 1), ("term-changed", 2)])
    );
    let changed = of_kind(&v, "term-changed");
    assert!(
        changed
            .iter()
            .any(|c| c["to"] == "测试单位 属于 政府工作部门"),
        "{changed:#?}"
    );
    assert!(
        changed.iter().any(|c| c["to"] == "公开曝光 等级 6 附期限"),
        "{changed:#?}"
    );
    assert!(changed.iter().all(|c| c["ordinance"] == "lexicon"));
    let (_, back) = diff_json(&new, &old, &[]);
    assert_eq!(
        summary(&back),
        expect(&[("term-removed", 1), ("term-changed", 2)])
    );
    assert_mirror(&graph(&old), &graph(&new));
    // The ordinance is the same: only the vocabulary differs.
    let (_, v) = diff_json(&fixture("base"), &old, &[]);
    assert_eq!(summary(&v), expect(&[("term-added", 2)]));

    // Terms added in one declaration are listed on one line.
    let dir = temp_dir("terms");
    let path = dir.join("t.tiaoli");
    let text = read(&root().join(fixture("base"))) + "\n词汇 {\n  行为 甲行为\n  行为 乙行为\n}\n";
    std::fs::write(&path, text).unwrap();
    let (code, human, err) = run(&["diff", &fixture("base"), path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(human.contains("〔词汇新增〕行为（2）："), "{human}");
    assert_eq!(human.matches("〔词汇新增〕").count(), 1, "{human}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ───────────────────────────── outputs ─────────────────────────────

// ───────────────────────────── text and encoding ─────────────────────────────

/// A deadline changed in the text only: the encoding still says 30 日. Not a
/// wording change: encoding-stale, which fails even `--fail-on weakening`
/// (nothing weakened in the encoding) unless the stale encoding is accepted.
#[test]
fn a_deadline_changed_in_the_text_only_is_encoding_stale() {
    let v = check_pair("deadline_text_only", &[("encoding-stale", 1)]);
    let c = one(&v, "encoding-stale");
    assert_eq!(c["new"]["cite"], "第二条");
    let to = c["to"].as_str().unwrap();
    assert!(to.contains("15日") && to.contains("30日"), "{to}");
    let (base, new) = (fixture("base"), fixture("deadline_text_only"));
    assert_eq!(run(&["diff", &base, &new, "--fail-on", "weakening"]).0, 1);
    assert_eq!(
        run(&[
            "diff",
            &base,
            &new,
            "--fail-on",
            "weakening",
            "--accept-stale"
        ])
        .0,
        0
    );
    // The report shows the edit in place, both numbers on screen.
    let (_, human, _) = run(&["diff", &base, &new]);
    assert!(human.contains("[-三十-]{+十五+}"), "{human}");
    let (_, md, _) = run(&["diff", &base, &new, "--format", "markdown"]);
    assert!(md.contains("~~三十~~**十五**"), "{md}");
}

/// The rule changed and the text did not: the shortening is reported, and so
/// is that the text still says 三十日.
#[test]
fn a_deadline_changed_in_the_rule_only_is_encoding_stale() {
    let v = check_pair(
        "deadline_rule_only",
        &[("deadline-shortened", 1), ("encoding-stale", 1)],
    );
    assert!(one(&v, "encoding-stale")["to"]
        .as_str()
        .unwrap()
        .contains("30日"));
    let (base, new) = (fixture("base"), fixture("deadline_rule_only"));
    assert_eq!(
        run(&[
            "diff",
            &base,
            &new,
            "--fail-on",
            "strengthening",
            "--accept-stale"
        ])
        .0,
        1
    );
    assert_eq!(
        run(&[
            "diff",
            &base,
            &new,
            "--fail-on",
            "weakening",
            "--accept-stale"
        ])
        .0,
        0
    );
}

/// 各成员单位 → 各部门 in the text only: the encoding's 对象 is no longer named.
#[test]
fn an_actor_changed_in_the_text_only_is_encoding_stale() {
    let v = check_pair("subjects_text_only", &[("encoding-stale", 1)]);
    assert!(one(&v, "encoding-stale")["to"]
        .as_str()
        .unwrap()
        .contains("平安建设成员单位"));
}

/// A 必须 sentence dropped from the text only, the other duty of the article
/// left: the text's modal verbs changed while the encoding did not.
#[test]
fn a_must_dropped_from_the_text_only_is_encoding_stale() {
    let v = check_files("must_old", "must_new", &[("encoding-stale", 1)]);
    let c = one(&v, "encoding-stale");
    assert_eq!(c["field"], "条文（编码未变）");
    assert!(c["from"].as_str().unwrap().contains("必须"), "{c}");
}

/// 可以 → 应当 on a measure is a modality change (one, for the clause), so
/// `--fail-on modality-strengthened` catches it; 应当 → 可以 weakens.
#[test]
fn may_to_shall_on_a_measure_is_a_modality_change() {
    let v = check_pair(
        "measure_may",
        &[("modality-weakened", 1), ("text-changed", 1)],
    );
    let c = one(&v, "modality-weakened");
    assert_eq!(
        (c["from"].as_str(), c["to"].as_str()),
        (Some("应当 通报"), Some("可以 通报"))
    );
    let (base, may) = (fixture("base"), fixture("measure_may"));
    assert_eq!(
        run(&["diff", &may, &base, "--fail-on", "modality-strengthened"]).0,
        1
    );
    assert_eq!(
        run(&["diff", &base, &may, "--fail-on", "modality-strengthened"]).0,
        0
    );
    assert_eq!(run(&["diff", &base, &may, "--fail-on", "weakening"]).0, 1);
}

/// A permission's window is the holder's: shortened, or given where there was
/// none, the holder loses time — weakening, not strengthening.
#[test]
fn a_permission_window_is_judged_from_the_holders_side() {
    let v = check_files(
        "window_old",
        "window_new",
        &[
            ("window-shortened", 1),
            ("window-added", 1),
            ("text-changed", 2),
        ],
    );
    assert_eq!(one(&v, "window-shortened")["new"]["name"], "申请确认");
    let (old, new) = (fixture("window_old"), fixture("window_new"));
    assert_eq!(run(&["diff", &old, &new, "--fail-on", "weakening"]).0, 1);
    assert_eq!(
        run(&["diff", &old, &new, "--fail-on", "strengthening"]).0,
        0
    );
    assert_eq!(
        run(&["diff", &new, &old, "--fail-on", "strengthening"]).0,
        1
    );
    assert_eq!(
        run(&[
            "diff",
            &new,
            &old,
            "--fail-on",
            "window-lengthened,window-removed"
        ])
        .0,
        1
    );
}

/// Markdown for a pull-request comment: a long diff stays under the comment
/// limit, no line is longer than a screen, and long lists are folded.
#[test]
fn markdown_fits_a_pull_request_comment() {
    // 海东 with every 应当 made 必须, in the text and in the rules: a long list.
    let text = read(&root().join("rules/haidong.tiaoli")).replace("应当", "必须");
    let dir = temp_dir("markdown");
    let path = dir.join("haidong.tiaoli");
    std::fs::write(&path, &text).unwrap();
    let (_, md, _) = run(&[
        "diff",
        "rules/haidong.tiaoli",
        path.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(md.matches("`modality-changed`").count() > 20, "{md}");
    assert!(
        md.chars().count() <= tiaoli_diff::render::MARKDOWN_LIMIT,
        "{}",
        md.len()
    );
    let longest = md.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest <= 400, "a line of {longest} characters");
    assert!(md.contains("<details>") && md.contains("</details>"));
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
}

#[test]
fn snapshots_human_markdown_json() {
    for (name, new) in [("sanction", "sanction"), ("renumbered", "renumbered")] {
        for format in ["human", "markdown", "json"] {
            let (code, out, err) =
                run(&["diff", &fixture("base"), &fixture(new), "--format", format]);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(format!("diff_{name}_{format}"), out);
        }
    }
}

#[test]
fn fail_on_chooses_the_kinds_that_exit_1() {
    let (base, modality) = (fixture("base"), fixture("modality"));
    let code = |fail: &str| run(&["diff", &base, &modality, "--fail-on", fail]).0;
    assert_eq!(code("modality-strengthened"), 1);
    assert_eq!(code("modality-weakened,sanction-softened"), 0);
    assert_eq!(code("sanction-softened,modality-strengthened"), 1);
    assert_eq!(code("any"), 1);
    assert_eq!(code("strengthening"), 1);
    assert_eq!(code("weakening"), 0);
    assert_eq!(
        run(&["diff", &modality, &base, "--fail-on", "weakening"]).0,
        1
    );
    // Without --fail-on, a difference is not a failure.
    assert_eq!(run(&["diff", &base, &modality]).0, 0);
    // The other way round, the same change weakens.
    assert_eq!(
        run(&["diff", &modality, &base, "--fail-on", "modality-weakened"]).0,
        1
    );
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let (code, _, err) = run(&[
        "diff",
        &fixture("base"),
        &fixture("base"),
        "--fail-on",
        "modality-weaker",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("modality-weaker") && err.contains("modality-weakened"),
        "{err}"
    );
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let (code, _, err) = run(&["diff", "no/such/file.tiaoli", &fixture("base")]);
    assert_eq!(code, 2);
    assert!(err.contains("旧版本 no/such/file.tiaoli"), "{err}");
    let (code, _, err) = run(&[
        "diff",
        &fixture("base"),
        "tests/fixtures/unknown_term.tiaoli",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("未知的词语")
            && err.contains("新版本（tests/fixtures/unknown_term.tiaoli）未能编译"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let (code, _, err) = run(&["diff", "no-such-revision-xyz:rules", &fixture("base")]);
    assert_eq!(code, 2);
    assert!(err.contains("git"), "{err}");
}

// ───────────────────────────── units ─────────────────────────────

#[test]
fn replayed_units_show_the_verdicts_that_change() {
    let units = "tests/fixtures/diff/units.yaml";
    let (code, v) = diff_json(
        &fixture("base"),
        &fixture("deadline_shorter"),
        &["--units", units, "--drafts", "--fail-on", "verdict-changed"],
    );
    assert_eq!(code, 1);
    let u = v["units"].as_array().expect("units");
    assert_eq!(u.len(), 1, "{u:#?}");
    assert_eq!(u[0]["unit"], "平安区公安分局");
    assert_eq!(u[0]["name"], "风险提示");
    assert_eq!(u[0]["old"]["status"], "pending");
    assert_eq!(u[0]["new"]["status"], "violated");
    assert_eq!(u[0]["new"]["due"], "2025-01-17");
    assert_eq!(v["summary"]["verdict-changed"], 1);

    // A stiffer sanction: the triggered consequence now carries other measures.
    let (_, v) = diff_json(
        &fixture("base"),
        &fixture("sanction"),
        &["--units", units, "--drafts"],
    );
    let u = v["units"].as_array().expect("units");
    assert_eq!(u.len(), 1, "{u:#?}");
    assert_eq!(u[0]["old"]["sanctions"], serde_json::json!(["通报"]));
    assert_eq!(
        u[0]["new"]["sanctions"],
        serde_json::json!(["挂牌督办", "约谈"])
    );

    // Wording changes no verdict.
    let (code, v) = diff_json(
        &fixture("base"),
        &fixture("wording"),
        &["--units", units, "--drafts", "--fail-on", "verdict-changed"],
    );
    assert_eq!(code, 0);
    assert_eq!(v["units"], serde_json::json!([]));
}

// ───────────────────────────── git ─────────────────────────────

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tiaoli-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn rev_path_reads_a_file_or_a_directory_from_git() {
    let dir = temp_dir("git");
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(
        dir.join("rules/t.tiaoli"),
        read(&root().join(fixture("base"))),
    )
    .unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-qm", "base"]);
    std::fs::write(
        dir.join("rules/t.tiaoli"),
        read(&root().join(fixture("modality"))),
    )
    .unwrap();

    let diff = |old: &str, new: &str| {
        let out = tiaoli()
            .current_dir(&dir)
            .args(["diff", old, new, "--format", "json"])
            .output()
            .expect("run");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
            panic!("{}", String::from_utf8_lossy(&out.stderr));
        });
        (out.status.code(), summary(&v))
    };
    let expected = expect(&[("modality-strengthened", 1), ("text-changed", 1)]);
    assert_eq!(diff("HEAD:rules", "rules"), (Some(0), expected.clone()));
    assert_eq!(
        diff("HEAD:rules/t.tiaoli", "rules/t.tiaoli"),
        (Some(0), expected)
    );
    assert_eq!(diff("HEAD:rules", "HEAD:rules"), (Some(0), BTreeMap::new()));

    let out = tiaoli()
        .current_dir(&dir)
        .args(["diff", "HEAD~5:rules", "rules"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = tiaoli()
        .current_dir(&dir)
        .args(["diff", "HEAD:nothing-here", "rules"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

// ───────────────────────────── the real thing ─────────────────────────────

#[test]
fn the_shipped_rules_against_themselves() {
    let (code, out, err) = run(&["diff", "rules", "rules", "--fail-on", "any"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("无差异"));
}

/// 海东 with an article inserted after 第十条, a sanction softened (挂牌督办 →
/// 督办) and a deadline shortened (及时 → 立即): the report says exactly that.
#[test]
fn a_modified_haidong() {
    let text = read(&root().join("rules/haidong.tiaoli"));
    let mut out = String::new();
    let mut shortened = false;
    for line in text.lines() {
        let number = line
            .strip_prefix('第')
            .and_then(|r| r.strip_suffix("条 {"))
            .and_then(tiaoli_syntax::chinese_numeral);
        match number {
            Some(n) if n >= 11 => {
                if n == 11 {
                    out.push_str("第十一条 {\n  款 \"乡镇人民政府应当每季度向县（区）平安建设组织协调机构报告本辖区平安建设工作情况。\"\n  规范 乡镇季度报告 {\n    主体 乡 人民政府\n    应当 报告平安建设工作\n    期限 每季度\n  }\n}\n\n");
                }
                out.push_str(&format!(
                    "第{}条 {{\n",
                    tiaoli_syntax::format::to_chinese(n + 1)
                ));
                continue;
            }
            _ => {}
        }
        if !shortened && line.trim() == "期限 及时" {
            shortened = true;
            out.push_str("    期限 立即\n");
            continue;
        }
        out.push_str(&line.replace(
            "处理 通报、约谈、挂牌督办 根据情节轻重",
            "处理 通报、约谈、督办 根据情节轻重",
        ));
        out.push('\n');
    }
    assert!(shortened);
    let dir = temp_dir("haidong");
    let path = dir.join("haidong.tiaoli");
    std::fs::write(&path, &out).unwrap();

    let (code, v) = diff_json("rules/haidong.tiaoli", path.to_str().unwrap(), &[]);
    // The edits are to the rules only: the text of 第四十六条 still says 挂牌督办,
    // so the encoding is stale there, and that fails the run.
    assert_eq!(code, 1);
    assert_eq!(
        summary(&v),
        expect(&[
            ("article-added", 1),
            ("norm-added", 1),
            ("article-renumbered", 41),
            ("sanction-softened", 1),
            ("deadline-shortened", 1),
            ("encoding-stale", 1),
        ])
    );
    let stale = one(&v, "encoding-stale");
    assert_eq!(stale["new"]["cite"], "第四十七条");
    assert!(stale["to"].as_str().unwrap().contains("督办"), "{stale}");
    let s = one(&v, "sanction-softened");
    assert_eq!(
        (s["old"]["cite"].as_str(), s["new"]["cite"].as_str()),
        (Some("第四十六条"), Some("第四十七条"))
    );
    assert_eq!(
        (s["from"].as_str(), s["to"].as_str()),
        (Some("挂牌督办（等级6）"), Some("督办（等级5）"))
    );
    assert_eq!(one(&v, "article-added")["new"]["cite"], "第十一条");

    let (_, human, _) = run(&[
        "diff",
        "rules/haidong.tiaoli",
        path.to_str().unwrap(),
        "--accept-stale",
    ]);
    assert!(human.contains("（依次顺延）"), "{human}");
    assert!(
        human.lines().count() < 30,
        "renumbering is summarised, not listed:\n{human}"
    );
    assert_mirror(&graph("rules/haidong.tiaoli"), &compile_text(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two different ordinances: a long diff, the same bytes every time, and the
/// mirror the other way round (real texts, real vocabulary shared between them).
#[test]
fn two_real_ordinances_deterministic_and_mirrored() {
    let a = [
        "diff",
        "rules/haidong.tiaoli",
        "rules/guangdong.tiaoli",
        "--format",
        "json",
        "--different-ordinances",
    ];
    let (code, first, _) = run(&a);
    assert_eq!(code, 0);
    assert_eq!(run(&a).1, first);
    let v: Value = serde_json::from_str(&first).unwrap();
    assert!(v["changes"].as_array().unwrap().len() > 100);
    // A pair of ordinances with different ids is reported under the new id; give
    // both the same id so that the mirror is exact.
    let same_id = |path: &str, id: &str| {
        let text = read(&root().join(path));
        compile_text(&text.replacen(&format!("条例 {id} {{"), "条例 x {", 1))
    };
    assert_mirror(
        &same_id("rules/haidong.tiaoli", "haidong"),
        &same_id("rules/guangdong.tiaoli", "guangdong"),
    );
    assert_mirror(
        &same_id("rules/zhejiang.tiaoli", "zhejiang"),
        &same_id("rules/anyang.tiaoli", "anyang"),
    );
}

// ───────────────────────────── properties ─────────────────────────────

const SENTENCES: &[&str] = &[
    "公安机关发现涉嫌电信网络诈骗的，应当及时向客户作出风险提示",
    "人民政府应当统筹推进本行政区域内的平安建设工作",
    "平安建设成员单位应当采取阻断措施并报告",
    "国家机关应当建立健全重大决策风险评估机制并听取公众意见",
    "对违反本条例规定的单位予以通报并责令限期整改",
    "鼓励社会组织和志愿者参与平安建设活动",
];
const SUBJECTS: &[&str] = &[
    "公安部门",
    "政府工作部门",
    "国家机关",
    "市 人民政府",
    "人民政府",
    "平安建设成员单位",
];
const MODALITIES: &[&str] = &["应当", "负责", "可以", "鼓励", "不得"];
const ACTIONS: &[&str] = &[
    "向客户作出风险提示",
    "采取阻断措施",
    "报告涉嫌电信网络诈骗",
    "统筹推进平安建设工作",
];
const DEADLINES: &[&str] = &[
    "",
    "及时",
    "立即",
    "定期",
    "每年",
    "每季度",
    "30 日",
    "15 日",
    "5 个工作日",
];
const GROUNDS: &[&str] = &[
    "构成犯罪",
    "重大安全隐患未及时整改",
    "平安建设考评等次 = 一般",
    "次数 发现涉嫌电信网络诈骗 近 30 日 >= 2",
];
const SANCTIONS: &[&str] = &["通报", "约谈", "挂牌督办", "批评教育", "处分"];
const BY: &[&str] = &["", "同级 平安建设组织协调机构", "上级 平安建设组织协调机构"];
const STATUSES: &[&str] = &["草案", "通过", "施行"];

#[derive(Clone, Debug)]
struct NormSpec {
    name: String,
    subject: usize,
    modality: usize,
    action: usize,
    deadline: usize,
}

#[derive(Clone, Debug)]
struct ConsSpec {
    name: String,
    ground: usize,
    sanction: usize,
    by: usize,
}

#[derive(Clone, Debug)]
struct ArticleSpec {
    uid: usize,
    sentence: usize,
    norms: Vec<NormSpec>,
    consequence: Option<ConsSpec>,
}

#[derive(Clone, Debug)]
struct DocSpec {
    status: usize,
    articles: Vec<ArticleSpec>,
    next: usize,
}

impl DocSpec {
    fn fresh(&mut self, g: &mut Gen) -> ArticleSpec {
        self.next += 1;
        let uid = self.next;
        let norms = (0..g.next(3))
            .map(|k| NormSpec {
                name: format!("规范{uid}_{k}"),
                subject: g.next(SUBJECTS.len()),
                modality: g.next(MODALITIES.len()),
                action: g.next(ACTIONS.len()),
                deadline: g.next(DEADLINES.len()),
            })
            .collect();
        let consequence = (g.next(3) == 0).then(|| ConsSpec {
            name: format!("后果{uid}"),
            ground: g.next(GROUNDS.len()),
            sanction: g.next(SANCTIONS.len()),
            by: g.next(BY.len()),
        });
        ArticleSpec {
            uid,
            sentence: g.next(SENTENCES.len()),
            norms,
            consequence,
        }
    }

    fn generate(g: &mut Gen) -> DocSpec {
        let mut d = DocSpec {
            status: g.next(STATUSES.len()),
            articles: vec![],
            next: 0,
        };
        for _ in 0..g.next(5) + 1 {
            let a = d.fresh(g);
            d.articles.push(a);
        }
        d
    }

    /// One random edit of the kinds a drafter makes.
    fn mutate(&mut self, g: &mut Gen) {
        let n = self.articles.len();
        let k = g.next(n.max(1));
        match g.next(10) {
            0 => {
                let a = self.fresh(g);
                self.articles.insert(g.next(n + 1), a);
            }
            1 if n > 1 => {
                self.articles.remove(k);
            }
            2 if n > 1 => {
                let j = g.next(n);
                self.articles.swap(k, j);
            }
            3 => self.status = g.next(STATUSES.len()),
            4 => {
                if let Some(a) = self.articles.get_mut(k) {
                    a.sentence = g.next(SENTENCES.len());
                }
            }
            5 => {
                if let Some(a) = self.articles.get_mut(k) {
                    if let Some(c) = a.consequence.as_mut() {
                        c.sanction = g.next(SANCTIONS.len());
                        c.by = g.next(BY.len());
                    } else {
                        a.norms.clear();
                    }
                }
            }
            field => {
                if let Some(x) = self.articles.get_mut(k).and_then(|a| a.norms.first_mut()) {
                    match field {
                        6 => x.modality = g.next(MODALITIES.len()),
                        7 => x.subject = g.next(SUBJECTS.len()),
                        8 => x.deadline = g.next(DEADLINES.len()),
                        _ => x.action = g.next(ACTIONS.len()),
                    }
                }
            }
        }
    }

    fn render(&self) -> String {
        let status = STATUSES[self.status];
        let date = if status == "草案" {
            ""
        } else {
            "  施行日期 2025-01-01\n"
        };
        let mut s = format!(
            "条例 t {{\n  标题 \"测试条例\"\n  辖区 海东市\n  级别 市\n  状态 {status}\n{date}}}\n"
        );
        for (i, a) in self.articles.iter().enumerate() {
            let number = tiaoli_syntax::format::to_chinese(i as u32 + 1);
            s.push_str(&format!(
                "\n第{number}条 {{\n  款 \"{}，适用第{}号规定。\"\n",
                SENTENCES[a.sentence],
                a.uid * 37 + 100
            ));
            if a.norms.is_empty() && a.consequence.is_none() {
                s.push_str("  性质 宣示\n");
            }
            for x in &a.norms {
                let modality = MODALITIES[x.modality];
                let binding = modality == "应当" || modality == "负责";
                let deadline = if binding { DEADLINES[x.deadline] } else { "" };
                s.push_str(&format!(
                    "  规范 {} {{\n    主体 {}\n",
                    x.name, SUBJECTS[x.subject]
                ));
                if deadline.ends_with('日') {
                    s.push_str("    触发 发现涉嫌电信网络诈骗\n");
                }
                s.push_str(&format!("    {modality} {}\n", ACTIONS[x.action]));
                if !deadline.is_empty() {
                    s.push_str(&format!("    期限 {deadline}\n"));
                }
                s.push_str("  }\n");
            }
            if let Some(c) = &a.consequence {
                s.push_str(&format!(
                    "  后果 {} {{\n    情形 {}\n",
                    c.name, GROUNDS[c.ground]
                ));
                if !BY[c.by].is_empty() {
                    s.push_str(&format!("    由 {}\n", BY[c.by]));
                }
                s.push_str(&format!("    处理 {}\n  }}\n", SANCTIONS[c.sanction]));
            }
            s.push_str("}\n");
        }
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn diff_of_a_document_with_itself_is_empty(seeds in prop::collection::vec(any::<u32>(), 32..128)) {
        let mut g = Gen { seeds, pos: 0 };
        let a = compile_text(&DocSpec::generate(&mut g).render());
        let d = tiaoli_diff::diff(&a, &a);
        prop_assert!(d.is_empty(), "{:#?}", d.changes);
    }

    #[test]
    fn diff_b_a_is_the_mirror_of_diff_a_b(
        seeds in prop::collection::vec(any::<u32>(), 32..128),
        edits in 1usize..5,
    ) {
        let mut g = Gen { seeds, pos: 0 };
        let a = DocSpec::generate(&mut g);
        let mut b = a.clone();
        for _ in 0..edits {
            b.mutate(&mut g);
        }
        let (ta, tb) = (a.render(), b.render());
        let (ga, gb) = (compile_text(&ta), compile_text(&tb));
        let ab = tiaoli_diff::diff(&ga, &gb);
        let ba = tiaoli_diff::diff(&gb, &ga);
        let mirrored = sorted(ab.changes.iter().map(Change::mirror).collect());
        prop_assert_eq!(mirrored, sorted(ba.changes.clone()), "\n--- a\n{}\n--- b\n{}", ta, tb);
        if ta == tb {
            prop_assert!(ab.is_empty());
        }
    }
}

/// Every kind is asserted by some test above, itself or through its mirror
/// (check_pair asserts the mirror of every expected kind on the way back).
#[test]
fn every_kind_is_exercised_by_a_test() {
    let src = read(&root().join("tests/diff.rs"));
    let (body, _) = src
        .split_once("fn every_kind_is_exercised_by_a_test")
        .unwrap();
    let missing: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| {
            !body.contains(&format!("\"{}\"", k.code()))
                && !body.contains(&format!("\"{}\"", k.mirror().code()))
        })
        .map(|k| k.code())
        .collect();
    assert!(missing.is_empty(), "no test produces: {missing:?}");
}

/// 及时 → 立即 in the text only (第二十二条第三款 of 海东): the deadline the text
/// states changed and the encoding still says 及时 — encoding-stale, not a
/// wording change.
#[test]
fn a_vague_deadline_changed_in_the_text_only_is_encoding_stale() {
    let text = read(&root().join("rules/haidong.tiaoli")).replacen(
        "发现涉嫌电信网络诈骗的，应当及时向客户作出风险提示",
        "发现涉嫌电信网络诈骗的，应当立即向客户作出风险提示",
        1,
    );
    let dir = temp_dir("vague");
    let path = dir.join("haidong.tiaoli");
    std::fs::write(&path, &text).unwrap();
    let (code, v) = diff_json("rules/haidong.tiaoli", path.to_str().unwrap(), &[]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 1);
    assert_eq!(summary(&v), expect(&[("encoding-stale", 1)]));
    let c = one(&v, "encoding-stale");
    assert_eq!(c["new"]["cite"], "第二十二条");
    assert_eq!(
        (c["from"].as_str(), c["to"].as_str()),
        (Some("期限 及时"), Some("期限 立即"))
    );
}
