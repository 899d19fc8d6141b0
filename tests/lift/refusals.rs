//! What cannot be lifted: a text with nothing to lift is an error; awkward titles
//! and line endings still give a skeleton that checks.

use super::*;

/// Runs `tiaoli lift` on `bytes`: (exit code, stdout, stderr).
fn lift_bytes(name: &str, bytes: &[u8]) -> (Option<i32>, String, String) {
    let dir = std::env::temp_dir().join(format!("tiaoli-lift-bad-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    let out = tiaoli()
        .args(["lift", &p.to_string_lossy()])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_text_with_nothing_to_lift_is_an_error() {
    for (name, bytes, says) in [
        ("empty.txt", b"".to_vec(), "文本为空"),
        ("blank.txt", " \n\u{3000}\n".as_bytes().to_vec(), "文本为空"),
        ("nul.txt", vec![0u8; 100_000], "控制字符"),
        (
            "prose.txt",
            "某市平安建设条例\n这是一段说明，没有条文。\n"
                .as_bytes()
                .to_vec(),
            "没有找到条文",
        ),
        (
            "twice.txt",
            "第一条 甲。\n第一条 乙。\n".as_bytes().to_vec(),
            "第一条出现两次",
        ),
        (
            "bare.txt",
            "第一条\n第二条 乙。\n".as_bytes().to_vec(),
            "第一条没有条文内容",
        ),
    ] {
        let (code, stdout, stderr) = lift_bytes(name, &bytes);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert!(stdout.is_empty(), "{name}: no skeleton is written");
        assert!(stderr.contains(says), "{name}: {stderr}");
    }
}

/// The fuzz findings of issue 19: a title beginning with a year, a numbered title,
/// old-Mac line endings — each lifts to a skeleton that parses and compiles.
#[test]
fn awkward_titles_and_line_endings_still_give_a_skeleton_that_checks() {
    let lex = lexicon_graph();
    for text in [
        "2024年海东市平安建设条例\n第一条 为了推进平安建设，制定本条例。\n第二条 本条例自2024年10月1日起施行。\n",
        "1. 海东市平安建设条例\n第一条 为了推进平安建设，制定本条例。\n",
        "第3号海东市平安建设条例\n第一条 为了推进平安建设，制定本条例。\n",
        "海东市平安建设条例\r第一条 为了推进平安建设，制定本条例。\r第二条 市人民政府应当加强领导。\r",
        "市平安建设条例\n第一条 为了推进平安建设，制定本条例。\n",
        "海东市平安建设条例\n第一条 甲“乙\\丙”\"丁。\n",
    ] {
        let l = tiaoli_lift::lift("条例.txt", text, &lex).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!(tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &l.text).is_ok(), "{}", l.text);
        let c = tiaoli_compiler::compile_texts(&[("lifted.tiaoli", l.text.as_str())]);
        assert!(!c.has_errors(), "{text:?}\n{}", l.text);
        assert!(l.report.articles >= 1);
    }
    let cr = tiaoli_lift::lift(
        "cr.txt",
        "海东市平安建设条例\r第一条 甲。\r第二条 乙。\r",
        &lex,
    )
    .unwrap();
    assert_eq!(cr.report.articles, 2, "CR-only line endings are lines");
    let year = tiaoli_lift::lift("y.txt", "2024年海东市平安建设条例\n第一条 甲。\n", &lex).unwrap();
    assert_eq!(year.report.header.jurisdiction, "海东市");
}
