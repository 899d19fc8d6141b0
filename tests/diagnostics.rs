//! Every diagnostic the checker emits, on a minimal file, snapshot-tested as a
//! drafter sees it: file, line, column, the source line, a caret under the
//! Chinese text, a plain message, and help.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

fn article(body: &str) -> String {
    format!("{HEADER}\n第一条 {{\n  款 \"……\"\n{body}\n}}\n")
}

fn snap(name: &str, src: &str) {
    let out = diagnostics(src);
    assert!(!out.trim().is_empty(), "{name}: expected a diagnostic");
    insta::assert_snapshot!(name, out);
}

#[test]
fn syntax_error_with_did_you_mean_keyword() {
    snap(
        "syntax_misspelled_modality",
        &article("  规范 甲 {\n    主体 公安部门\n    应该 报告涉嫌电信网络诈骗\n  }"),
    );
}

#[test]
fn syntax_error_keyword_glued_to_term() {
    snap(
        "syntax_glued_keyword",
        &article("  规范 甲 {\n    主体 公安部门\n    应当报告涉嫌电信网络诈骗\n  }"),
    );
}

#[test]
fn syntax_error_unterminated_text() {
    snap(
        "syntax_unterminated_text",
        &format!("{HEADER}\n第一条 {{\n  款 \"为了推进平安建设\n}}\n"),
    );
}

#[test]
fn unknown_term_with_did_you_mean() {
    snap(
        "unknown_term",
        &article("  规范 甲 {\n    主体 公按部门\n    应当 报告涉嫌电信网络诈骗\n  }"),
    );
}

#[test]
fn term_of_the_wrong_kind() {
    snap(
        "wrong_kind",
        &article("  规范 甲 {\n    主体 公安部门\n    应当 通报\n  }"),
    );
}

#[test]
fn unknown_article_reference() {
    snap(
        "unknown_article",
        &article("  后果 乙 {\n    情形 符合 第九十九条\n    处理 通报\n  }"),
    );
}

#[test]
fn unknown_norm_reference() {
    snap(
        "unknown_norm",
        &article("  后果 乙 {\n    情形 违反 报告义务\n    处理 通报\n  }"),
    );
}

#[test]
fn unknown_provision_anchor() {
    snap(
        "unknown_provision",
        &article("  规范 甲 第（三）项 {\n    主体 公安部门\n    应当 报告涉嫌电信网络诈骗\n  }"),
    );
}

#[test]
fn duplicate_article() {
    snap(
        "duplicate_article",
        &format!("{HEADER}\n第一条 {{\n  性质 宗旨\n  款 \"甲\"\n}}\n第一条 {{\n  性质 宗旨\n  款 \"乙\"\n}}\n"),
    );
}

#[test]
fn duplicate_id() {
    snap(
        "duplicate_id",
        &article(
            "  规范 报告 {\n    主体 公安部门\n    应当 报告涉嫌电信网络诈骗\n  }\n  规范 报告 {\n    主体 民政部门\n    应当 报告涉嫌电信网络诈骗\n  }",
        ),
    );
}

#[test]
fn sanction_outside_the_catalogue() {
    snap(
        "unknown_sanction",
        &article("  后果 乙 {\n    情形 构成犯罪\n    处理 罚金\n  }"),
    );
}

#[test]
fn sanction_misspelled() {
    snap(
        "misspelled_sanction",
        &article("  后果 乙 {\n    情形 构成犯罪\n    处理 挂牌督导\n  }"),
    );
}

#[test]
fn deadline_without_anchor() {
    snap(
        "deadline_without_anchor",
        &article(
            "  规范 甲 {\n    主体 公安部门\n    应当 报告涉嫌电信网络诈骗\n    期限 30 日\n  }",
        ),
    );
}

#[test]
fn type_mismatch_enum_value() {
    snap(
        "type_mismatch_enum",
        &article("  后果 乙 {\n    情形 平安建设考评等次 = 一班\n    处理 通报\n  }"),
    );
}

#[test]
fn type_mismatch_non_boolean_fact_alone() {
    snap(
        "type_mismatch_alone",
        &article("  后果 乙 {\n    情形 平安建设考评等次\n    处理 通报\n  }"),
    );
}

#[test]
fn type_mismatch_ordering_on_enum() {
    snap(
        "type_mismatch_ordering",
        &article("  后果 乙 {\n    情形 平安建设考评等次 >= 3\n    处理 通报\n  }"),
    );
}

#[test]
fn reference_cycle_between_norms() {
    snap(
        "reference_cycle",
        &article(
            "  规范 甲 {\n    主体 公安部门\n    当 违反 乙\n    应当 报告涉嫌电信网络诈骗\n  }\n  规范 乙 {\n    主体 公安部门\n    当 违反 甲\n    应当 采取阻断措施\n  }",
        ),
    );
}

#[test]
fn violation_of_a_permission() {
    snap(
        "not_violable",
        &article("  规范 甲 {\n    主体 公安部门\n    可以 报告涉嫌电信网络诈骗\n  }\n  后果 乙 {\n    情形 违反 甲\n    处理 通报\n  }"),
    );
}

#[test]
fn overdue_needs_a_deadline() {
    snap(
        "no_deadline_event",
        &article("  后果 乙 {\n    情形 逾期 通报 未 整改完成\n    处理 约谈\n  }"),
    );
}

#[test]
fn article_neither_norm_nor_kind() {
    snap(
        "unencoded_article",
        &format!("{HEADER}\n第一条 {{\n  款 \"为了……\"\n}}\n"),
    );
}

#[test]
fn article_without_text() {
    snap(
        "missing_text",
        &format!("{HEADER}\n第一条 {{\n  性质 宗旨\n}}\n"),
    );
}

#[test]
fn articles_out_of_sequence() {
    snap(
        "article_sequence",
        &format!("{HEADER}\n第一条 {{\n  性质 宗旨\n  款 \"甲\"\n}}\n第四条 {{\n  性质 宗旨\n  款 \"乙\"\n}}\n"),
    );
}

#[test]
fn norm_missing_subject_and_modality() {
    snap(
        "incomplete_norm",
        &article("  规范 甲 {\n    期限 及时\n  }"),
    );
}

#[test]
fn consequence_missing_grounds_and_sanction() {
    snap(
        "incomplete_consequence",
        &article("  后果 乙 {\n    由 平安建设组织协调机构\n  }"),
    );
}

#[test]
fn articles_without_header() {
    snap("missing_header", "第一条 {\n  性质 宗旨\n  款 \"甲\"\n}\n");
}

#[test]
fn invalid_date() {
    snap("invalid_date", &HEADER.replace("2024-10-01", "2024-02-30"));
}

#[test]
fn duplicate_term_in_the_vocabulary() {
    snap(
        "duplicate_term",
        &format!("{HEADER}\n词汇 {{\n  主体类别 公安机关\n}}\n"),
    );
}

#[test]
fn json_diagnostics_carry_file_line_column() {
    let c = compile(&article(
        "  规范 甲 {\n    主体 公按部门\n    应当 报告涉嫌电信网络诈骗\n  }",
    ));
    let json = tiaoli_syntax::render::to_json(&c.diagnostics, &c.sources);
    let v = serde_json::to_value(&json).expect("json");
    insta::assert_json_snapshot!("json_unknown_term", v);
}

#[test]
fn no_input_ever_panics() {
    // Truncations of a real rule file at every character boundary: each must give
    // diagnostics or a graph, never a panic.
    let text = read(&root().join("rules/haidong.tiaoli"));
    let cut: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
    for i in cut {
        let _ = compile(&text[..i]);
    }
}
