//! Text and encoding that did not move together (encoding-stale), and which way
//! modality and window changes cut.

use super::*;

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
