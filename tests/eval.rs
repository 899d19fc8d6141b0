//! Evaluation semantics, scenario by scenario: applicability, three-valued
//! logic, legal time, priority, deeming, escalation, drafts, facts errors.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use tiaoli_engine::facts::{self, Format};
use tiaoli_engine::report::{Finding, Report};
use tiaoli_engine::{Calendar, Date, Engine, Options, Status, Tri};

/// Compiles a snippet, evaluates a YAML facts text, returns the report.
fn eval_with(src: &str, facts_yaml: &str, drafts: bool) -> Report {
    let c = compile(src);
    assert!(
        !c.has_errors(),
        "{}",
        tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
    );
    let f = facts::parse(facts_yaml, Format::Yaml, &c.graph.lexicon)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let engine = Engine::new(c.graph, Calendar::default_schedule().unwrap());
    engine.report(
        &f.units,
        Options {
            as_of: f.as_of.unwrap(),
            drafts,
        },
    )
}

fn eval(src: &str, facts_yaml: &str) -> Report {
    eval_with(src, facts_yaml, false)
}

fn find<'a>(r: &'a Report, name: &str) -> &'a Finding {
    r.units[0]
        .results
        .iter()
        .find(|f| f.norm == name)
        .unwrap_or_else(|| panic!("no result {name}: {:#?}", r.units[0].results))
}

fn d(s: &str) -> Option<Date> {
    Date::parse(s)
}

const REPORT_RULE: &str = r#"
词汇 {
  行为 履行调解协议
}
第三十六条 {
  款 "……当事人应当自调解协议生效之日起三十日内履行。"
  规范 履行 {
    主体 社会组织
    应当 履行调解协议
    期限 30 日 自 调解协议生效
  }
}
"#;

fn unit(as_of: &str, extra: &str) -> String {
    format!(
        "as_of: {as_of}\nunits:\n  - id: 甲协会\n    kind: 社会组织\n    level: 市\n    region: 海东市/乐都区\n{extra}"
    )
}

#[test]
fn a_period_counts_from_the_next_day_and_ends_on_a_working_day() {
    let src = format!("{HEADER_2024}{REPORT_RULE}");
    // Agreement effective 2024-09-01: the thirtieth day is 2024-10-01 (国庆节), so
    // the period ends on 2024-10-08, the next working day.
    let events = "    events:\n      - { type: 调解协议生效, date: 2024-09-01 }\n";
    let r = eval(&src, &unit("2024-10-05", events));
    let f = find(&r, "履行");
    assert_eq!(f.status, Status::Pending);
    assert_eq!(f.due, d("2024-10-08"));
    assert_eq!(f.due_extended_from, d("2024-10-01"));
    assert_eq!(f.triggered_on, d("2024-09-01"));
    // On the last day it is still pending; the day after, violated.
    assert_eq!(
        find(&eval(&src, &unit("2024-10-08", events)), "履行").status,
        Status::Pending
    );
    let late = eval(&src, &unit("2024-10-09", events));
    assert_eq!(find(&late, "履行").status, Status::Violated);
    assert_eq!(find(&late, "履行").overdue_since, d("2024-10-09"));
    assert_eq!(late.exit_code(), 1);
    // Performed in time: fulfilled, even when evaluated later.
    let done =
        format!("{events}    actions:\n      - {{ type: 履行调解协议, date: 2024-10-08 }}\n");
    let f = eval(&src, &unit("2024-12-01", &done));
    assert_eq!(find(&f, "履行").status, Status::Fulfilled);
    assert_eq!(find(&f, "履行").fulfilled_on, d("2024-10-08"));
    // Performed late: violated, with the day it became overdue.
    let late_done =
        format!("{events}    actions:\n      - {{ type: 履行调解协议, date: 2024-10-10 }}\n");
    let f = eval(&src, &unit("2024-12-01", &late_done));
    assert_eq!(find(&f, "履行").status, Status::Violated);
    assert_eq!(find(&f, "履行").overdue_since, d("2024-10-09"));
    // No agreement: nothing to do.
    assert_eq!(
        find(&eval(&src, &unit("2024-10-05", "")), "履行").status,
        Status::NotTriggered
    );
}

#[test]
fn working_days_before_an_event_count_make_up_days() {
    // 绵阳 第十八条: publish five working days before the reception day.
    let src = format!(
        r#"{HEADER}
词汇 {{
}}
第十八条 {{
  款 "……"
  规范 公布 {{
    主体 人民政府
    应当 公布信访接待日安排
    期限 5 个工作日 前 信访接待日
  }}
}}
"#
    );
    let facts = "as_of: 2024-10-01\nunits:\n  - id: 乐都区人民政府\n    kind: 人民政府\n    level: 县\n    region: 海东市/乐都区\n    events:\n      - { type: 信访接待日, date: 2024-10-14 }\n";
    let r = eval(&src, facts);
    // 10-12 (a make-up Saturday), 10-11, 10-10, 10-09, 10-08.
    assert_eq!(find(&r, "公布").due, d("2024-10-08"));
    assert_eq!(find(&r, "公布").status, Status::Pending);
}

#[test]
fn a_deadline_fixed_by_an_order_and_vague_deadlines() {
    let src = format!(
        r#"{HEADER_2024}
第一条 {{
  款 "……"
  规范 整改 {{
    主体 公安部门
    触发 挂牌督办
    应当 整改完成
    期限 限期
  }}
  规范 报告 {{
    主体 公安部门
    触发 发现涉嫌电信网络诈骗
    应当 报告涉嫌电信网络诈骗
    期限 及时
  }}
}}
"#
    );
    let base = "as_of: 2025-03-01\nunits:\n  - id: 平安区公安分局\n    kind: 公安机关\n    level: 县\n    region: 海东市/平安区\n    events:\n      - { type: 挂牌督办, date: 2024-11-01, deadline: 2025-02-01 }\n      - { type: 发现涉嫌电信网络诈骗, date: 2024-01-10 }\n";
    let r = eval(&src, base);
    let f = find(&r, "整改"); // The order's last day, 2025-02-01, falls in the 春节 break (01-28..02-04): it
                              // moves to the next working day (民法典 第二百零三条).
    assert_eq!(
        (f.status, f.due, f.overdue_since),
        (Status::Violated, d("2025-02-05"), d("2025-02-06"))
    );
    assert_eq!(f.due_extended_from, d("2025-02-01"));
    let f = find(&r, "报告");
    assert_eq!(
        f.status,
        Status::Pending,
        "及时 is never computed as overdue"
    );
    assert!(f.vague);
    assert_eq!(f.due, None);
    assert_eq!(f.deadline.as_deref(), Some("及时（未定期限）"));
    // An order without its deadline: undetermined, and the report says what is missing.
    let no_deadline = base.replace(", deadline: 2025-02-01", "");
    let f = eval(&src, &no_deadline);
    let f = find(&f, "整改");
    assert_eq!(f.status, Status::Unknown);
    assert_eq!(f.missing_facts, ["events.挂牌督办[2024-11-01].deadline"]);
}

#[test]
fn unknown_facts_make_unknown_results_that_name_exactly_what_would_decide_them() {
    let src = format!(
        r#"{HEADER}
第四十六条 {{
  款 "……"
  后果 督导 {{
    对象 平安建设成员单位
    情形 平安建设考评等次 = 一般 或 (重大安全隐患未及时整改 且 非 构成犯罪)
    由 同级 平安建设组织协调机构
    处理 通报、约谈 根据情节轻重
  }}
}}
"#
    );
    let facts = |f: &str| {
        format!(
            "as_of: 2025-03-01\nunits:\n  - id: 乐都区民政局\n    kind: 民政部门\n    level: 县\n    region: 海东市/乐都区\n    roles: [成员单位]\n{f}"
        )
    };
    let r = eval(&src, &facts(""));
    let f = find(&r, "督导");
    assert_eq!(f.status, Status::Unknown);
    assert_eq!(
        f.missing_facts,
        [
            "facts.平安建设考评等次",
            "facts.构成犯罪",
            "facts.重大安全隐患未及时整改"
        ]
    );
    assert_eq!(r.exit_code(), 3);
    // One fact decides it: the others are no longer asked for.
    let r = eval(&src, &facts("    facts:\n      平安建设考评等次: 一般\n"));
    let f = find(&r, "督导");
    assert_eq!(f.status, Status::Triggered);
    assert!(f.missing_facts.is_empty());
    assert_eq!(
        f.sanctions[0].authority.as_deref(),
        Some("乐都区平安建设组织协调机构（同级）")
    );
    assert_eq!(f.sanctions.len(), 2);
    assert!(
        f.sanctions.iter().all(|s| s.choice.is_some()),
        "通报 or 约谈: a choice"
    );
    // Facts that decide it the other way.
    let r = eval(
        &src,
        &facts("    facts:\n      平安建设考评等次: 良好\n      重大安全隐患未及时整改: false\n"),
    );
    assert!(
        r.units[0].results.iter().all(|f| f.norm != "督导"),
        "not triggered: not reported"
    );
    assert_eq!(r.exit_code(), 0);
    // A unit that is not a member unit is not concerned.
    let r = eval(
        &src,
        &facts("    facts:\n      平安建设考评等次: 一般\n").replace("    roles: [成员单位]\n", ""),
    );
    assert!(r.units[0].results.is_empty());
}

#[test]
fn subjects_match_through_is_a_aliases_and_levels() {
    let src = format!(
        "{HEADER}\n第一条 {{\n  款 \"……\"\n  规范 甲 {{\n    主体 市、县 政府工作部门\n    应当 统筹推进平安建设工作\n  }}\n}}\n"
    );
    let facts = |kind: &str, level: &str| {
        format!(
            "as_of: 2025-03-01\nunits:\n  - id: u\n    kind: {kind}\n{level}    region: 海东市\n"
        )
    };
    // 公安机关 ≡ 公安部门, which is a 政府工作部门.
    assert_eq!(
        find(&eval(&src, &facts("公安机关", "    level: 县\n")), "甲").status,
        Status::Pending
    );
    // Wrong level: not bound.
    assert!(eval(&src, &facts("公安机关", "    level: 乡\n")).units[0]
        .results
        .is_empty());
    // Unknown level: unknown, and it says the level is missing.
    let r = eval(&src, &facts("公安机关", ""));
    assert_eq!(find(&r, "甲").status, Status::Unknown);
    assert_eq!(find(&r, "甲").missing_facts, ["level"]);
    // Not a government department at all.
    assert!(eval(&src, &facts("学校", "    level: 县\n")).units[0]
        .results
        .is_empty());
}

#[test]
fn other_departments_leave_out_the_ones_named_before() {
    // 广东 第二十四条第三款: "其他有关部门" — the departments other than 公安机关.
    let src = format!(
        "{HEADER}\n第一条 {{\n  款 \"……\"\n  规范 甲 {{\n    主体 政府工作部门 除 公安部门 外\n    负责 开展大型群众性活动安全管理\n  }}\n}}\n"
    );
    let facts = |kind: &str| {
        format!("as_of: 2025-03-01\nunits:\n  - id: u\n    kind: {kind}\n    level: 县\n    region: 海东市\n")
    };
    assert_eq!(
        find(&eval(&src, &facts("司法行政部门")), "甲").status,
        Status::Pending
    );
    assert!(
        eval(&src, &facts("公安机关")).units[0].results.is_empty(),
        "公安机关 is left out"
    );
}

#[test]
fn deeming_makes_a_sub_district_office_follow_the_township_rules() {
    let src = format!(
        r#"{HEADER}
第九条 {{
  款 "……乡镇人民政府……应当建立……"
  规范 评估 {{
    主体 乡镇人民政府
    应当 统筹推进平安建设工作
  }}
}}
第五十九条 {{
  款 "街道办事处依照本规章关于乡镇人民政府的规定，负责本辖区的平安绵阳建设工作。"
  视同 街道办事处 适用 乡镇人民政府 的规定
}}
"#
    );
    let facts = "as_of: 2025-03-01\nunits:\n  - id: 碾伯街道办事处\n    kind: 街道办事处\n    level: 乡\n    region: 海东市/乐都区/碾伯街道\n";
    let r = eval(&src, facts);
    assert_eq!(find(&r, "评估").status, Status::Pending);
    assert_eq!(r.units[0].deemed, ["t: 乡镇人民政府"]);
    // Without the deeming provision the office would not be bound.
    let without = src.replace(
        "  视同 街道办事处 适用 乡镇人民政府 的规定\n",
        "  性质 宣示\n",
    );
    assert!(eval(&without, facts).units[0].results.is_empty());
}

#[test]
fn priority_and_fallback_displace_norms() {
    let src = format!(
        "{HEADER}\n{}",
        read(&root().join("examples/tutorial.tiaoli"))
            .split("// 绵阳 第四十三条")
            .nth(1)
            .map(|s| format!("// 绵阳 第四十三条{s}"))
            .unwrap()
    );
    let src = src
        .split("// 绵阳 第五十九条")
        .next()
        .unwrap()
        .replace("第3条", "第一条");
    let src = format!("{src}\n词汇 {{\n}}\n");
    let facts = |f: &str| {
        format!("as_of: 2025-03-01\nunits:\n  - id: 乐都区人民政府\n    kind: 人民政府\n    level: 县\n    region: 海东市/乐都区\n    facts:\n{f}")
    };
    // Unable to appear: the delegation applies and displaces the duty to appear.
    let r = eval(
        &src,
        &facts("      不能出庭: true\n      涉及重大公共利益: false\n"),
    );
    assert_eq!(find(&r, "委托出庭").status, Status::Pending);
    assert_eq!(find(&r, "出庭").status, Status::Overridden);
    assert!(find(&r, "出庭")
        .overridden_by
        .as_deref()
        .unwrap()
        .contains("委托出庭"));
    // Major public interest: the head must appear, may not delegate; the
    // delegation is displaced.
    let r = eval(
        &src,
        &facts("      不能出庭: true\n      涉及重大公共利益: true\n"),
    );
    assert_eq!(find(&r, "委托出庭").status, Status::Overridden);
    assert_eq!(find(&r, "必须出庭").status, Status::Pending);
    assert_eq!(
        find(&r, "不得委托").status,
        Status::Fulfilled,
        "no delegation recorded"
    );
    // A prohibition is violated by the act.
    let acted = format!(
        "{}    actions:\n      - {{ type: 委托工作人员出庭, date: 2025-02-01 }}\n",
        facts("      不能出庭: true\n      涉及重大公共利益: true\n")
    );
    let r = eval(&src, &acted);
    assert_eq!(find(&r, "不得委托").status, Status::Violated);
    assert_eq!(find(&r, "不得委托").overdue_since, d("2025-02-01"));
}

#[test]
fn escalation_of_an_overdue_order_and_cross_references() {
    let src = format!(
        r#"{HEADER}
词汇 {{
}}
第五十七条 {{
  款 "……"
  后果 约谈通报 {{
    情形 重大安全隐患未及时整改
    处理 可以 约谈、通报 择一 由 平安建设组织协调机构
    处理 挂牌督办 由 平安建设组织协调机构
  }}
}}
第五十八条 {{
  款 "……"
  后果 责任追究 {{
    情形 逾期 挂牌督办 未 整改完成 或 (符合 第五十七条 且 危害特别严重)
    对 直接负责的主管人员、直接责任人员
    处理 责任追究
  }}
}}
"#
    );
    let facts = |events: &str, actions: &str| {
        format!("as_of: 2025-03-01\nunits:\n  - id: u\n    kind: 民政部门\n    level: 县\n    region: 海东市\n    facts:\n      重大安全隐患未及时整改: true\n      危害特别严重: false\n{events}{actions}")
    };
    let ev = "    events:\n      - { type: 挂牌督办, date: 2024-11-01, deadline: 2025-02-01 }\n";
    // The order was not complied with in its period: escalation.
    let r = eval(&src, &facts(ev, ""));
    assert_eq!(find(&r, "责任追究").status, Status::Triggered);
    let f = find(&r, "约谈通报");
    assert!(
        f.follow_up
            .iter()
            .any(|x| x.contains("第五十八条 责任追究")),
        "{:?}",
        f.follow_up
    );
    assert!(f.sanctions.iter().any(|s| s.discretionary));
    // Complied with in time: no escalation (and 符合 第五十七条 alone is not enough).
    let done = "    actions:\n      - { type: 整改完成, date: 2025-01-20 }\n";
    let r = eval(&src, &facts(ev, done));
    assert!(r.units[0].results.iter().all(|f| f.norm != "责任追究"));
    // Complied with late: still escalated (未在规定期内完成).
    let late = "    actions:\n      - { type: 整改完成, date: 2025-02-15 }\n";
    assert_eq!(
        find(&eval(&src, &facts(ev, late)), "责任追究").status,
        Status::Triggered
    );
    // The cross-reference: 第五十七条's grounds and especially serious harm.
    let r = eval(
        &src,
        &facts("", "").replace("危害特别严重: false", "危害特别严重: true"),
    );
    assert_eq!(find(&r, "责任追究").status, Status::Triggered);
}

#[test]
fn drafts_bind_no_one_unless_asked_and_then_say_so() {
    let src = format!("{HEADER}{REPORT_RULE}").replace("状态 施行", "状态 草案");
    let events = "    events:\n      - { type: 调解协议生效, date: 2024-09-01 }\n";
    let r = eval(&src, &unit("2024-10-05", events));
    assert!(r.units[0].results.is_empty());
    assert!(
        r.units[0].skipped[0].reason.contains("--drafts"),
        "{:?}",
        r.units[0].skipped
    );
    let r = eval_with(&src, &unit("2024-10-05", events), true);
    assert!(find(&r, "履行").draft);
}

#[test]
fn not_in_force_yet_and_outside_the_jurisdiction() {
    let src = format!("{HEADER}{REPORT_RULE}");
    let r = eval(&src, &unit("2024-09-30", ""));
    assert!(
        r.units[0].skipped[0].code == "not_yet_in_force",
        "{:?}",
        r.units[0].skipped
    );
    let r = eval(
        &src,
        &unit("2025-01-01", "").replace("海东市/乐都区", "西宁市/城东区"),
    );
    assert_eq!(r.units[0].skipped[0].code, "outside_jurisdiction");
    // No region: undetermined, and the region is what is missing.
    let r = eval(
        &src,
        &unit(
            "2025-01-01",
            "    events:\n      - { type: 调解协议生效, date: 2024-12-01 }\n",
        )
        .replace("    region: 海东市/乐都区\n", ""),
    );
    assert_eq!(find(&r, "履行").status, Status::Unknown);
    assert_eq!(find(&r, "履行").missing_facts, ["region"]);
}

#[test]
fn violating_any_duty_of_the_ordinance_reaches_the_general_consequence() {
    let src = format!(
        r#"{HEADER_2024}{REPORT_RULE}
第五十条 {{
  款 "……不履行平安建设职责的……依法予以处理……"
  后果 处理 {{
    情形 违反 本条例
    对 主要负责人
    处理 依法处理
  }}
}}
"#
    )
    .replace("后果 处理 {", "后果 追责 {");
    let events = "    events:\n      - { type: 调解协议生效, date: 2024-09-01 }\n";
    let r = eval(&src, &unit("2024-11-01", events));
    assert_eq!(find(&r, "履行").status, Status::Violated);
    assert!(find(&r, "履行")
        .follow_up
        .iter()
        .any(|x| x.contains("第五十条")));
    let f = find(&r, "追责");
    assert_eq!(f.status, Status::Triggered);
    assert_eq!(
        f.sanctions[0].authority, None,
        "the text names no authority"
    );
    assert_eq!(f.sanctions[0].applies, Tri::True);
}

#[test]
fn facts_errors_name_the_unit_and_field_and_suggest() {
    let c = compile(&format!("{HEADER}{REPORT_RULE}"));
    let bad = "as_of: 2025-03-01\nunits:\n  - id: 甲\n    kind: 公按部门\n    levle: 县\n    facts:\n      平安建设考评等次: 一班\n    events:\n      - { type: 挂牌督办, date: 2025-02-30 }\n  - id: 甲\n    kind: 学校\n";
    let errors = facts::parse(bad, Format::Yaml, &c.graph.lexicon).unwrap_err();
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    insta::assert_snapshot!("facts_errors", text.join("\n"));
    let e = facts::parse(
        "as_of: 2025-03-01\nunits: [",
        Format::Yaml,
        &c.graph.lexicon,
    )
    .unwrap_err();
    assert!(e[0].message.contains("YAML"), "{e:?}");
    let e = facts::parse("{\"as_of\": 1}", Format::Json, &c.graph.lexicon).unwrap_err();
    assert_eq!(e[0].field, "as_of");
    // JSON Lines: an as_of line and unit lines.
    let ok = facts::parse(
        "{\"as_of\": \"2025-03-01\"}\n{\"id\": \"a\", \"kind\": \"学校\"}\n{\"id\": \"b\", \"kind\": \"公安机关\", \"level\": \"县\"}\n",
        Format::JsonLines,
        &c.graph.lexicon,
    )
    .unwrap();
    assert_eq!(ok.units.len(), 2);
    assert_eq!(
        ok.units[1].kind, "公安部门",
        "aliases resolve to the canonical kind"
    );
}

#[test]
fn explain_shows_the_chain_from_facts_to_status() {
    let src = format!("{HEADER_2024}{REPORT_RULE}");
    let c = compile(&src);
    let f = facts::parse(
        &unit(
            "2024-10-05",
            "    events:\n      - { type: 调解协议生效, date: 2024-09-01 }\n",
        ),
        Format::Yaml,
        &c.graph.lexicon,
    )
    .unwrap();
    let engine = Engine::new(c.graph, Calendar::default_schedule().unwrap());
    let opts = Options {
        as_of: f.as_of.unwrap(),
        drafts: false,
    };
    let ev = engine.evaluate(&f.units[0], opts);
    let text = engine.explain(&ev, None, 36, opts).unwrap();
    insta::assert_snapshot!("explain_period", text);
    assert!(engine.explain(&ev, None, 99, opts).is_err());
}

#[test]
fn occurrences_have_ids_and_attributes_and_actions_answer_them() {
    let src = format!(
        "{HEADER}\n词汇 {{\n  事件 治安案事件 属性 涉案人数: 数值、案事件等级: 枚举 一般、较大、重大、特别重大\n}}\n{REPORT_RULE}"
    );
    let c = compile(&src);
    assert!(!c.has_errors());
    let good = "as_of: 2025-03-01\nunits:\n  - id: 甲\n    kind: 学校\n    events:\n      - { type: 治安案事件, id: 案-1, date: 2025-01-05, 案事件等级: 重大, 涉案人数: 12 }\n      - { type: 治安案事件, id: 2, date: 2025-01-09 }\n    actions:\n      - { type: 履行调解协议, date: 2025-01-06, for: 案-1 }\n      - { type: 履行调解协议, date: 2025-01-10, for: 2 }\n";
    let f = facts::parse(good, Format::Yaml, &c.graph.lexicon).unwrap_or_else(|e| panic!("{e:?}"));
    let u = &f.units[0];
    assert_eq!(u.events[0].id.as_deref(), Some("案-1"));
    assert_eq!(
        u.events[1].id.as_deref(),
        Some("2"),
        "a numeric id is a name"
    );
    assert_eq!(
        u.events[0].attrs.get("案事件等级"),
        Some(&facts::FactValue::Enum("重大".into()))
    );
    assert_eq!(
        u.events[0].attrs.get("涉案人数"),
        Some(&facts::FactValue::Number(12.0))
    );
    assert_eq!(u.actions[0].answers.as_deref(), Some("案-1"));
    let bad = "as_of: 2025-03-01\nunits:\n  - id: 甲\n    kind: 学校\n    events:\n      - { type: 治安案事件, id: 案-1, date: 2025-01-05, 案事件等级: 重达 }\n      - { type: 治安案事件, id: 案-1, date: 2025-01-06, 等次: 重大 }\n      - { type: 调解协议生效, date: 2025-01-07, 案事件等级: 重大 }\n    actions:\n      - { type: 履行调解协议, date: 2025-01-06, for: 案-2 }\n      - { type: 履行调解协议, date: 2025-01-06, to: 公安机关 }\n";
    let errors = facts::parse(bad, Format::Yaml, &c.graph.lexicon).unwrap_err();
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    insta::assert_snapshot!("facts_occurrence_errors", text.join("\n"));
}

#[test]
fn the_loader_resolves_names_to_the_engines_ids_and_a_unit_changed_later_is_resolved_again() {
    let c = shipped_rules_with(&[]);
    let text = read(&root().join("examples/units.yaml"));
    let f = facts::parse(&text, Format::Yaml, &c.graph.lexicon).unwrap();
    let engine = Engine::new(c.graph, Calendar::default_schedule().unwrap());
    for u in &f.units {
        assert_eq!(u.resolved, engine.resolve(u), "unit {}", u.id);
    }
    let opts = Options {
        as_of: f.as_of.unwrap(),
        drafts: true,
    };
    let json = |units: &[tiaoli_engine::facts::Unit]| {
        serde_json::to_string(&engine.report(units, opts)).unwrap()
    };
    // The police bureau, changed after loading into a school with one fact fewer
    // and its first event moved: the ids the loader found no longer name what
    // the unit names, so the names decide.
    let mut changed = f.units[0].clone();
    changed.kind = "学校".into();
    changed.facts.shift_remove_index(0);
    if let Some(e) = changed.events.first_mut() {
        e.date = e.date.add_days(1).unwrap();
    }
    let mut fresh = changed.clone();
    fresh.resolved = Default::default();
    assert_ne!(json(&[changed.clone()]), json(&f.units[..1]));
    assert_eq!(json(&[changed]), json(&[fresh]));
}
