//! Each change kind on a pair of small rule files (tests/fixtures/diff/): modality,
//! subjects, deadlines, conditions, sanctions, norms and consequences added and
//! removed, articles inserted, moved, merged and split, chapters, whole ordinances,
//! the vocabulary.

use super::*;

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
