//! The shipped rules: against themselves, a modified copy of 海东, two different
//! ordinances.

use super::*;

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
