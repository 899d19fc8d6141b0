//! The nine real texts: their article counts, nothing lost, every skeleton
//! accepted by `tiaoli check`; page artifacts listed; the CLI's skeleton and
//! report.

use super::*;

#[test]
fn the_nine_texts_segment_to_their_article_counts_losslessly_and_check() {
    let lex = lexicon_graph();
    for (path, count) in TEXTS {
        let text = read(&shared(path));
        let lifted = tiaoli_lift::lift(path, &text, &lex).unwrap();
        let arts = tiaoli_lift::article_texts(&lifted);
        assert_eq!(arts.len(), *count, "{path}: article count");
        assert_eq!(lifted.report.articles, *count);
        let numbers: Vec<u32> = arts.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            numbers,
            (1..=*count as u32).collect::<Vec<_>>(),
            "{path}: numbered in order"
        );
        let got: String = arts.iter().map(|(_, t)| squeeze(t)).collect();
        assert_eq!(
            got,
            source_body(&text),
            "{path}: every character of every article is in the skeleton"
        );
        // The skeleton compiles: warnings (待审), no error.
        let lexfiles = lexicon();
        let mut texts: Vec<(&str, &str)> = lexfiles
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        texts.push(("lifted.tiaoli", &lifted.text));
        let c = tiaoli_compiler::compile_texts(&texts);
        assert!(
            !c.has_errors(),
            "{path}: {}",
            tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
        );
    }
}

#[test]
fn artifacts_and_page_breaks_are_handled_and_listed() {
    let lex = lexicon_graph();
    let my = tiaoli_lift::lift(
        "000.txt",
        &read(&shared("seeds/000_2a419da6e60f0237.txt")),
        &lex,
    )
    .unwrap();
    assert_eq!(my.report.header.status, "代拟稿");
    assert_eq!(
        my.report.joined.len(),
        7,
        "绵阳: the page-break splits of 第八、十六（twice）、二十五、二十九、三十七、四十八条"
    );
    assert!(my.report.dropped.iter().any(|a| a.kind == "附件标签"));
    assert!(
        my.report.header.in_force.is_none(),
        "a blank date stays unknown"
    );
    let hd = tiaoli_lift::lift(
        "001.txt",
        &read(&shared("seeds/001_421397ef826d430b.txt")),
        &lex,
    )
    .unwrap();
    assert!(hd
        .report
        .dropped
        .iter()
        .any(|a| a.text == "[bookmark: _GoBack]"));
    assert_eq!(hd.report.header.in_force.as_deref(), Some("2024-10-01"));
    assert_eq!(hd.report.header.jurisdiction, "海东市");
    let zj = tiaoli_lift::lift(
        "002.txt",
        &read(&shared("seeds/002_96ddb7b9ec09f9f5.txt")),
        &lex,
    )
    .unwrap();
    assert!(zj.report.dropped.iter().any(|a| a.kind == "网页页脚"));
    assert!(
        zj.report.header.notes.iter().any(|n| n.contains("标题")),
        "the missing title is flagged"
    );
    // The draft norms: 海东 第二十二条第三款, subjects matched, trigger and 及时 found.
    let a22 = hd
        .report
        .per_article
        .iter()
        .find(|a| a.number == 22)
        .unwrap();
    let s = a22.sentences.iter().find(|s| s.trigger.is_some()).unwrap();
    assert_eq!(s.modality, Some("应当"));
    assert!(s.deadlines.contains(&"及时".to_string()));
    assert!(
        s.subjects.iter().all(|x| x.term.is_some()),
        "{:?}",
        s.subjects
    );
    let a46 = hd
        .report
        .per_article
        .iter()
        .find(|a| a.number == 46)
        .unwrap();
    assert!(a46.sentences.iter().any(|s| s
        .consequence
        .as_ref()
        .is_some_and(|c| c.sanctions.contains(&"挂牌督办".to_string()))));
}

#[test]
fn the_cli_writes_the_skeleton_and_the_report() {
    let dir = std::env::temp_dir().join(format!("tiaoli-lift-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("hd.tiaoli");
    let rep = dir.join("hd.json");
    let st = tiaoli()
        .args([
            "lift",
            &shared("seeds/001_421397ef826d430b.txt").to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
            "--report",
            &rep.to_string_lossy(),
        ])
        .status()
        .unwrap();
    assert!(st.success());
    let v: serde_json::Value = serde_json::from_str(&read(&rep)).unwrap();
    assert_eq!(v["articles"], 51);
    let check = tiaoli()
        .args(["check", &out.to_string_lossy()])
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(
        stderr.matches("unreviewed-article").count(),
        1,
        "one summary for the 51 articles, not one each:\n{stderr}"
    );
    assert!(stderr.contains("51 条尚未编码（待审）"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
