//! Attributes of the occurrence: a condition on the occurrence decides each
//! instance; an attribute of another event is a located error.

use super::*;

const ATTRS: &str = r#"
词汇 {
  事件 安全事故 属性 事故等级: 枚举 一般、较大、重大、特别重大
  事件 行政诉讼案件 属性 开庭日期: 日期
  行为 报告安全事故
  行为 提交答辩材料
}
第九条 {
  款 "……发生重大以上安全事故的，应当在三日内报告……被诉行政机关应当在开庭三日前提交答辩材料。"
  规范 报告事故 {
    主体 政府工作部门
    触发 安全事故
    当 安全事故.事故等级 = 重大 或 安全事故.事故等级 = 特别重大
    应当 报告安全事故
    期限 3 日
  }
  规范 答辩 {
    主体 政府工作部门
    应当 提交答辩材料
    期限 3 日 前 行政诉讼案件.开庭日期
  }
}
"#;

#[test]
fn a_condition_on_the_occurrence_decides_each_instance() {
    let src = format!("{HEADER}{ATTRS}");
    let body = "    events:\n      - { type: 安全事故, id: 事故-1, date: 2025-03-03, 事故等级: 较大 }\n      - { type: 安全事故, id: 事故-2, date: 2025-03-04, 事故等级: 重大 }\n      - { type: 安全事故, id: 事故-3, date: 2025-03-05 }\n      - { type: 行政诉讼案件, id: 诉-1, date: 2025-02-01, 开庭日期: 2025-03-14 }\n";
    let r = run(&src, &unit("2025-03-10", "公安部门", body));
    let v = of(&r, "报告事故");
    let got: Vec<(Option<&str>, Status)> = v
        .iter()
        .map(|f| (f.instance.as_deref(), f.status))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("事故-2"), Status::Violated),
            (Some("事故-3"), Status::Unknown)
        ],
        "a 较大 accident opens no instance; one whose grade is not given is undetermined"
    );
    assert_eq!(v[0].due, d("2025-03-07"));
    assert_eq!(v[1].missing_facts, ["events.安全事故[事故-3].事故等级"]);
    // Three days before the hearing on 2025-03-14 (a Friday): counted back from
    // the day before, by 2025-03-11.
    let f = of(&r, "答辩")[0];
    assert_eq!(
        (f.instance.as_deref(), f.triggered_on, f.due, f.status),
        (
            Some("诉-1"),
            d("2025-03-14"),
            d("2025-03-11"),
            Status::Pending
        )
    );
}

#[test]
fn an_attribute_of_another_event_is_a_located_error() {
    let src = format!("{HEADER}{ATTRS}").replace(
        "当 安全事故.事故等级 = 重大 或 安全事故.事故等级 = 特别重大",
        "当 行政诉讼案件.开庭日期 = 2025-01-01",
    );
    let c = compile(&src);
    let text = tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false);
    assert!(text.contains("attribute-outside-instance"), "{text}");
    let src = format!("{HEADER}{ATTRS}").replace("事故等级 = 重大 或", "事故级别 = 重大 或");
    let c = compile(&src);
    let text = tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false);
    assert!(text.contains("unknown-attribute"), "{text}");
    assert!(text.contains("事故等级"), "did you mean: {text}");
}
