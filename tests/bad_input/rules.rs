//! Rule files that once panicked or hung: deep nesting and a hundred thousand
//! `非`, errors past column 65535, a ten-megabyte token, five thousand errors, a
//! FIFO, a symlink loop, empty files, a byte order mark, numerals that are not.

use super::*;

#[test]
fn deeply_nested_parentheses_are_a_located_error_not_a_stack_overflow() {
    let t = temp();
    let n = 1_400;
    let f = write(
        t.path(),
        "deep.tiaoli",
        &with_condition(&format!("{}发生 挂牌督办{}", "(".repeat(n), ")".repeat(n))),
    );
    for cmd in ["check", "fmt", "lint", "graph"] {
        let args: Vec<&str> = match cmd {
            "fmt" => vec!["fmt", "--check", path_str(&f)],
            _ => vec![cmd, path_str(&f)],
        };
        let o = bad(&args, 20_000);
        assert_eq!(o.code, 2, "{cmd}: {}", o.err);
        assert!(o.err.contains("条件嵌套过深"), "{cmd}: {}", o.err);
        assert_located(&o.err, "deep.tiaoli", 13);
    }
}

#[test]
fn a_hundred_thousand_nots_are_a_located_error() {
    let t = temp();
    let f = write(
        t.path(),
        "nots.tiaoli",
        &with_condition(&format!("{}发生 挂牌督办", "非 ".repeat(100_000))),
    );
    let o = bad(&["check", path_str(&f)], 20_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("条件嵌套过深"), "{}", o.err);
    assert_located(&o.err, "nots.tiaoli", 13);
}

#[test]
fn the_deepest_nesting_allowed_compiles_formats_lints_and_diffs() {
    let depth = tiaoli_syntax::nesting::MAX_NESTING / 2;
    let cond = format!("{}发生 挂牌督办{}", "非 (".repeat(depth), ")".repeat(depth));
    let src = with_condition(&cond);
    // On this test thread's stack, through the libraries…
    let c = compile(&src);
    assert!(!c.has_errors(), "{}", render(&c));
    let lint = tiaoli_lint::lint(&c.graph, None, &tiaoli_lint::Options::default());
    let _ = lint.denied();
    let d = tiaoli_diff::diff(&c.graph, &c.graph);
    assert!(d.is_empty());
    // …and through the binary.
    let t = temp();
    let f = write(t.path(), "ok.tiaoli", &src);
    let o = bad(&["check", path_str(&f)], 20_000);
    assert_eq!(o.code, 0, "{}", o.err);
}

fn render(c: &tiaoli_compiler::Compilation) -> String {
    tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
}

#[test]
fn an_error_past_column_65535_renders_without_panicking() {
    let t = temp();
    let long = "长".repeat(70_000);
    let f = write(
        t.path(),
        "long.tiaoli",
        &format!(
            "{HEADER}\n第1条 {{ 款 \"{long}\" 规范 x {{ 主体 公按部门 应当 报告违法信息 }} }}\n"
        ),
    );
    let o = bad(&["check", path_str(&f)], 10_000);
    assert_eq!(o.code, 2, "{}", o.err);
    // The column counts characters: 第1条 { 款 " is 10 of them.
    assert!(o.err.contains("long.tiaoli:9:70022]"), "{}", o.err);
    assert!(o.err.contains("公按部门"), "{}", o.err);
}

#[test]
fn a_ten_megabyte_token_is_quoted_cut_and_rendered_in_a_window() {
    let t = temp();
    let token = "公".repeat(3_500_000);
    let f = write(
        t.path(),
        "token.tiaoli",
        &format!("{HEADER}\n第1条 {{ 款 \"x\" 规范 x {{ 主体 {token} 应当 报告违法信息 }} }}\n"),
    );
    let o = bad(&["check", path_str(&f)], 20_000);
    assert_eq!(o.code, 2, "{}", o.err);
    // The cut is said (miette may wrap the line between the number and 字).
    assert!(o.err.contains("…（共 3500000"), "{}", o.err);
    let o = bad(&["check", "--format", "json", path_str(&f)], 20_000);
    assert_eq!(o.code, 2);
}

#[test]
fn five_thousand_errors_are_all_rendered_each_in_bounded_size() {
    let t = temp();
    let mut src = HEADER.to_string();
    for i in 1..=5_000 {
        src.push_str(&format!(
            "第{i}条 {{\n  款 \"x\"\n  规范 x{i} {{\n    主体 公按部门\n    应当 报告违法信息\n  }}\n}}\n"
        ));
    }
    let f = write(t.path(), "many.tiaoli", &src);
    let o = bad(&["check", path_str(&f)], 5_000 * 1_000);
    assert_eq!(o.code, 2);
    assert_eq!(o.err.matches("tiaoli::unknown-term").count(), 5_000);
    assert!(o.out.contains("5000 个错误"), "{}", o.out);
}

#[test]
fn a_fifo_among_the_rules_is_an_error_and_never_blocks() {
    let t = temp();
    let made = Command::new("mkfifo")
        .arg(t.path().join("x.tiaoli"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available here; skipped");
        return;
    }
    let o = bad(&["check", path_str(t.path())], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不是普通文件（命名管道）"), "{}", o.err);
    let o = bad(&["check", path_str(&t.path().join("x.tiaoli"))], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
}

#[test]
fn a_symlink_loop_is_walked_once() {
    let t = temp();
    std::fs::copy(
        root().join("rules/haidong.tiaoli"),
        t.path().join("haidong.tiaoli"),
    )
    .unwrap();
    std::os::unix::fs::symlink(t.path(), t.path().join("loop")).unwrap();
    let o = bad(&["check", path_str(t.path())], 5_000);
    assert_eq!(o.code, 0, "{}", o.err);
    assert!(o.out.contains("0 个错误"), "{}", o.out);
}

#[test]
fn empty_and_comment_only_rule_files_are_errors() {
    for (name, what) in [
        ("empty.tiaoli", "规则文件是空的"),
        ("comments_only.tiaoli", "规则文件只有注释"),
    ] {
        let o = bad(&["check", &fixture(name)], 5_000);
        assert_eq!(o.code, 2, "{name}: {}", o.err);
        assert!(o.err.contains(what), "{name}: {}", o.err);
        assert_located(&o.err, name, 1);
        let o = bad(
            &["eval", "--rules", &fixture(name), "examples/units.yaml"],
            5_000,
        );
        assert_eq!(o.code, 2, "{name}: {}", o.err);
    }
    // Rules with a vocabulary and no ordinance bind no one: an error, not "nothing applies".
    let o = bad(
        &["eval", "--rules", "rules/lexicon", "examples/units.yaml"],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("没有条例"), "{}", o.err);
}

#[test]
fn a_byte_order_mark_is_accepted_in_a_rule_file() {
    let t = temp();
    let text = std::fs::read_to_string(root().join("rules/haidong.tiaoli")).unwrap();
    let f = write(t.path(), "bom.tiaoli", &format!("\u{feff}{text}"));
    let o = bad(&["check", path_str(&f)], 5_000);
    assert_eq!(o.code, 0, "{}", o.err);
}

#[test]
fn a_numeral_like_ten_ten_ten_is_not_article_thirty() {
    let t = temp();
    let f = write(
        t.path(),
        "numeral.tiaoli",
        &format!("{HEADER}\n第十十十条 {{\n  款 \"……\"\n}}\n"),
    );
    let o = bad(&["check", path_str(&f)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("十十十"), "{}", o.err);
    assert_located(&o.err, "numeral.tiaoli", 9);
}
