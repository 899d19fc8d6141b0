//! Cases over time: every occurrence its own instance, windows and durations from
//! any dated ground, no retroactivity. Each case asserts dates, not only statuses.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

use common::*;
use tiaoli_engine::facts::{self, Format};
use tiaoli_engine::report::{Finding, LastingState, Report};
use tiaoli_engine::{Calendar, Date, Engine, Options, Status};

fn run(src: &str, facts_yaml: &str) -> Report {
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
            drafts: false,
        },
    )
}

/// The results of one norm or consequence, in the order its instances opened.
fn of<'a>(r: &'a Report, name: &str) -> Vec<&'a Finding> {
    let mut v: Vec<&Finding> = r.units[0]
        .results
        .iter()
        .filter(|f| f.norm == name)
        .collect();
    v.sort_by_key(|f| (f.triggered_on, f.due));
    v
}

fn d(s: &str) -> Option<Date> {
    Date::parse(s)
}

fn unit(as_of: &str, kind: &str, body: &str) -> String {
    // A township government exists at the 乡 level only (the lexicon's 级别).
    let level = if kind == "乡镇人民政府" {
        "乡"
    } else {
        "县"
    };
    format!(
        "as_of: {as_of}\nunits:\n  - id: 甲\n    kind: {kind}\n    level: {level}\n    region: 海东市/乐都区\n{body}"
    )
}

// ── recurring duties: a breach stays a breach ───────────────────────────────

/// 绵阳 第十八条第二款: 在接待日之前的五个工作日公布…
const RECEPTION: &str = r#"
第十八条 {
  款 "……在接待日之前的五个工作日公布行政机关负责人接待的时间和地点。"
  规范 公布接待日 {
    主体 乡镇人民政府
    负责 公布信访接待日安排
    期限 5 个工作日 前 信访接待日
  }
}
"#;

#[test]
fn each_reception_day_is_its_own_duty_and_an_early_breach_stays() {
    let src = format!("{HEADER}{RECEPTION}");
    // 2025-02-12: five working days before are 02-11, 02-10, 02-08 (a Saturday
    // made a working day after 春节), 02-07, 02-06 → publish by 2025-02-06.
    // 2025-03-12: 03-11 … 03-05 → by 2025-03-05.
    let body = "    events:\n      - { type: 信访接待日, date: 2025-02-12 }\n      - { type: 信访接待日, date: 2025-03-12 }\n    actions:\n      - { type: 公布信访接待日安排, date: 2025-03-03 }\n";
    let r = run(&src, &unit("2025-03-15", "乡镇人民政府", body));
    let v = of(&r, "公布接待日");
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(
        (
            v[0].instance.as_deref(),
            v[0].status,
            v[0].due,
            v[0].overdue_since
        ),
        (
            Some("2025-02-12"),
            Status::Violated,
            d("2025-02-06"),
            d("2025-02-07")
        ),
        "the February reception day was never announced"
    );
    assert_eq!(
        (
            v[1].instance.as_deref(),
            v[1].status,
            v[1].due,
            v[1].fulfilled_on
        ),
        (
            Some("2025-03-12"),
            Status::Fulfilled,
            d("2025-03-05"),
            d("2025-03-03")
        )
    );
    // Before the first deadline passed: both pending; between them, the first is
    // already violated and the second pending.
    let r = run(&src, &unit("2025-02-05", "乡镇人民政府", body));
    assert!(of(&r, "公布接待日")
        .iter()
        .all(|f| f.status == Status::Pending));
    let r = run(&src, &unit("2025-02-10", "乡镇人民政府", body));
    let v = of(&r, "公布接待日");
    assert_eq!(
        (v[0].status, v[1].status),
        (Status::Violated, Status::Pending)
    );
    assert_eq!(r.summary.violated, 1);
}

/// 海东 第二十二条第三款, with a period in days so that lateness can be computed.
const FRAUD: &str = r#"
词汇 {
  事件 发现诈骗线索
  行为 报告诈骗线索
}
第二十二条 {
  款 "……发现涉嫌电信网络诈骗的，应当在十日内向公安机关报告。"
  规范 报告 {
    主体 电信业务经营者
    触发 发现诈骗线索
    应当 报告诈骗线索
    期限 10 日
  }
}
"#;

#[test]
fn two_discoveries_and_one_report_leave_one_case_open() {
    let src = format!("{HEADER}{FRAUD}");
    let body = "    events:\n      - { type: 发现诈骗线索, id: 线索-1, date: 2025-01-06 }\n      - { type: 发现诈骗线索, id: 线索-2, date: 2025-01-20 }\n    actions:\n      - { type: 报告诈骗线索, date: 2025-01-21 }\n";
    // Without for:, the report answers the earliest open case — late for 线索-1
    // (due 2025-01-16), and 线索-2 is then never reported.
    let r = run(&src, &unit("2025-02-10", "电信业务经营者", body));
    let v = of(&r, "报告");
    assert_eq!(
        (v[0].instance.as_deref(), v[0].status, v[0].fulfilled_on),
        (Some("线索-1"), Status::Violated, d("2025-01-21"))
    );
    assert_eq!(v[0].overdue_since, d("2025-01-17"));
    // Ten days from 01-20 end on 01-30, within 春节 2025 (01-28..02-04): the
    // period runs to 2025-02-05.
    assert_eq!(
        (
            v[1].instance.as_deref(),
            v[1].status,
            v[1].due,
            v[1].overdue_since
        ),
        (
            Some("线索-2"),
            Status::Violated,
            d("2025-02-05"),
            d("2025-02-06")
        )
    );
    // With for:, it answers 线索-2 on time; 线索-1 is still never reported.
    let body = body.replace("date: 2025-01-21 }", "date: 2025-01-21, for: 线索-2 }");
    let r = run(&src, &unit("2025-02-10", "电信业务经营者", &body));
    let v = of(&r, "报告");
    assert_eq!((v[0].status, v[0].fulfilled_on), (Status::Violated, None));
    assert_eq!(
        (v[1].status, v[1].fulfilled_on),
        (Status::Fulfilled, d("2025-01-21"))
    );
}

#[test]
fn a_fully_handled_later_case_changes_nothing_of_an_earlier_one() {
    let src = format!("{HEADER}{FRAUD}");
    let one = "    events:\n      - { type: 发现诈骗线索, date: 2025-01-06 }\n";
    let two = "    events:\n      - { type: 发现诈骗线索, date: 2025-01-06 }\n      - { type: 发现诈骗线索, id: 后来, date: 2025-02-01 }\n    actions:\n      - { type: 报告诈骗线索, date: 2025-02-02, for: 后来 }\n";
    let a = run(&src, &unit("2025-03-01", "电信业务经营者", one));
    let b = run(&src, &unit("2025-03-01", "电信业务经营者", two));
    let first = |r: &Report| {
        let f = of(r, "报告")[0].clone();
        (f.status, f.due, f.overdue_since, f.fulfilled_on)
    };
    assert_eq!(first(&a), first(&b));
    assert_eq!(first(&a).0, Status::Violated);
    assert_eq!(of(&b, "报告")[1].status, Status::Fulfilled);
}

/// 浙江 第三十六条: 可以自调解协议生效之日起三十日内…申请司法确认.
const MEDIATION: &str = r#"
第三十六条 {
  款 "……双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认……"
  规范 申请确认 {
    主体 社会组织
    可以 申请司法确认
    期限 30 日 自 调解协议生效
  }
}
"#;

#[test]
fn several_mediation_agreements_each_with_its_own_window() {
    let src = format!("{HEADER}{MEDIATION}");
    let body = "    events:\n      - { type: 调解协议生效, id: 协议A, date: 2025-01-02 }\n      - { type: 调解协议生效, id: 协议B, date: 2025-02-20 }\n      - { type: 调解协议生效, id: 协议C, date: 2025-03-01 }\n    actions:\n      - { type: 申请司法确认, date: 2025-03-05, for: 协议B }\n";
    let r = run(&src, &unit("2025-03-10", "社会组织", body));
    let v = of(&r, "申请确认");
    let got: Vec<(Option<&str>, Status, Option<Date>)> = v
        .iter()
        .map(|f| (f.instance.as_deref(), f.status, f.due))
        .collect();
    assert_eq!(
        got,
        vec![
            // 30 days from 01-02 end on 02-01, a rest day of 春节 2025 (01-28..02-04):
            // the period runs to 02-05, and has passed.
            (Some("协议A"), Status::Lapsed, d("2025-02-05")),
            (Some("协议B"), Status::Fulfilled, d("2025-03-24")),
            (Some("协议C"), Status::Permitted, d("2025-03-31")),
        ]
    );
}

// ── orders, period ends and windows from them ───────────────────────────────

const ORDER: &str = r#"
第五十八条 {
  款 "……受到挂牌督办后未在规定期内完成整改目标的，一年内不得评为优秀等次……"
  后果 逾期不得评优 {
    情形 逾期 挂牌督办 未 整改完成 近 1 年
    处理 不得评为优秀等次
  }
}
"#;

#[test]
fn a_window_runs_from_the_end_of_an_orders_period() {
    let src = format!("{HEADER}{ORDER}");
    // The order's last day, 2025-02-01, falls in 春节: it moves to 2025-02-05. The
    // period has ended then; the year counts from it and ends on 2026-02-05.
    let body = "    events:\n      - { type: 挂牌督办, date: 2024-11-01, deadline: 2025-02-01 }\n";
    let at = |as_of: &str| {
        of(&run(&src, &unit(as_of, "公安部门", body)), "逾期不得评优")
            .first()
            .map(|f| (f.status, f.since))
    };
    assert_eq!(at("2025-02-05"), None, "still within the order's period");
    assert_eq!(at("2025-02-06"), Some((Status::Triggered, d("2025-02-05"))));
    assert_eq!(at("2026-02-05"), Some((Status::Triggered, d("2025-02-05"))));
    assert_eq!(at("2026-02-06"), None, "the year has run out");
    // Rectified within the period: never overdue.
    let done = format!("{body}    actions:\n      - {{ type: 整改完成, date: 2025-02-04 }}\n");
    assert_eq!(
        of(
            &run(&src, &unit("2025-03-01", "公安部门", &done)),
            "逾期不得评优"
        )
        .len(),
        0
    );
}

const PERIOD_END: &str = r#"
词汇 {
  事件 受理调解 附期限
  行为 终止调解
  行为 组织验收
}
第三十条 {
  款 "调解期限届满未达成调解协议的，应当终止调解；挂牌督办期满后十五日内，应当组织验收。"
  规范 终止 {
    主体 社会组织
    触发 期满 受理调解
    应当 终止调解
    期限 及时
  }
  规范 验收 {
    主体 社会组织
    触发 期满 挂牌督办
    应当 组织验收
    期限 15 日
  }
}
"#;

#[test]
fn duties_triggered_by_a_period_running_out() {
    let src = format!("{HEADER}{PERIOD_END}");
    let body = "    events:\n      - { type: 受理调解, id: 调-1, date: 2025-01-02, deadline: 2025-01-31 }\n      - { type: 受理调解, id: 调-2, date: 2025-02-20, deadline: 2025-03-20 }\n      - { type: 挂牌督办, id: 督-1, date: 2025-01-10, deadline: 2025-02-10 }\n";
    let r = run(&src, &unit("2025-03-01", "社会组织", body));
    // 调-1's period ran out on 2025-01-31 (a rest day of 春节 2025: extended to
    // 2025-02-05); 调-2's has not.
    let v = of(&r, "终止");
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].instance.as_deref(), v[0].triggered_on, v[0].status),
        (Some("调-1"), d("2025-02-05"), Status::Pending)
    );
    // Fifteen days from the end of the order's period (2025-02-10): by 2025-02-25.
    let v = of(&r, "验收");
    assert_eq!(
        (v[0].triggered_on, v[0].due, v[0].status),
        (d("2025-02-10"), d("2025-02-25"), Status::Violated)
    );
    // On the last day of the period itself, it has not run out yet.
    let r = run(&src, &unit("2025-02-10", "社会组织", body));
    assert!(of(&r, "验收")
        .iter()
        .all(|f| f.status == Status::NotTriggered));
    // A period end without the deadline cannot be placed: unknown, naming it.
    let r = run(
        &src,
        &unit(
            "2025-03-01",
            "社会组织",
            "    events:\n      - { type: 受理调解, id: 调-3, date: 2025-01-02 }\n",
        ),
    );
    let v = of(&r, "终止");
    assert_eq!(v[0].status, Status::Unknown);
    assert_eq!(v[0].missing_facts, ["events.受理调解[调-3].deadline"]);
}

const OVERDUE_TRIGGER: &str = r#"
词汇 {
  行为 书面说明逾期原因
}
第四十九条 {
  款 "……逾期不整改的，应当书面说明原因。"
  规范 说明 {
    主体 政府工作部门
    触发 逾期 责令限期整改 未 整改完成
    应当 书面说明逾期原因
    期限 5 个工作日
  }
}
"#;

#[test]
fn a_duty_triggered_by_an_order_passing_unheeded() {
    let src = format!("{HEADER}{OVERDUE_TRIGGER}");
    // Two orders: the first heeded in time, the second not. The second's last day,
    // 2025-01-24, opens the duty: five working days after it, skipping the weekend
    // and counting Sunday 2025-01-26 (a make-up working day): 01-26, 01-27,
    // then 春节 until 02-04, 02-05, 02-06, 02-07 → 2025-02-07.
    let body = "    events:\n      - { type: 责令限期整改, id: 令-1, date: 2024-12-01, deadline: 2024-12-20 }\n      - { type: 责令限期整改, id: 令-2, date: 2024-12-10, deadline: 2025-01-24 }\n    actions:\n      - { type: 整改完成, date: 2024-12-18 }\n";
    let r = run(&src, &unit("2025-02-08", "公安部门", body));
    let v = of(&r, "说明");
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(
        (
            v[0].instance.as_deref(),
            v[0].triggered_on,
            v[0].due,
            v[0].status
        ),
        (
            Some("令-2"),
            d("2025-01-24"),
            d("2025-02-07"),
            Status::Violated
        )
    );
}

// ── durations of measures ───────────────────────────────────────────────────

/// 河南 第二十八条: 发生严重危害社会治安重特大案事件的地区和单位，在一年内不得被评选为…先进单位.
const DURATION: &str = r#"
词汇 {
  事件 治安案事件 属性 案事件等级: 枚举 一般、较大、重大、特别重大
}
第二十八条 {
  款 "……发生严重危害社会治安重特大案事件的地区和单位，在一年内不得被评选为社会主义精神文明或者综合性先进单位……"
  后果 一年内不得评先 {
    情形 发生 治安案事件【案事件等级 = 重大】 或 发生 治安案事件【案事件等级 = 特别重大】
    处理 不得评为先进单位 为期 1 年 自 治安案事件【案事件等级 = 重大】、治安案事件【案事件等级 = 特别重大】
  }
}
"#;

#[test]
fn a_measure_lasts_its_period_and_then_expires() {
    let src = format!("{HEADER}{DURATION}").replace(
        "自 治安案事件【案事件等级 = 重大】、治安案事件【案事件等级 = 特别重大】",
        "",
    );
    // From the day the grounds came to hold: the serious incident of 2024-12-20.
    // One year: the last day is 2025-12-20, a Saturday → 2025-12-22.
    let body = "    events:\n      - { type: 治安案事件, date: 2024-11-05, 案事件等级: 一般 }\n      - { type: 治安案事件, date: 2024-12-20, 案事件等级: 重大 }\n";
    let at = |as_of: &str| {
        let r = run(&src, &unit(as_of, "学校", body));
        let f = of(&r, "一年内不得评先")[0].clone();
        let l = f.sanctions[0].lasting.clone().unwrap();
        (f.status, f.since, l.state, l.from, l.until)
    };
    assert_eq!(
        at("2025-12-22"),
        (
            Status::Triggered,
            d("2024-12-20"),
            LastingState::Active,
            d("2024-12-20"),
            d("2025-12-22")
        ),
        "the last day"
    );
    let (status, _, state, _, until) = at("2025-12-23");
    assert_eq!(
        (status, state, until),
        (Status::Expired, LastingState::Expired, d("2025-12-22")),
        "the day after"
    );
}

#[test]
fn an_ordinary_incident_does_not_ground_the_measure() {
    let src = format!("{HEADER}{DURATION}").replace(
        "自 治安案事件【案事件等级 = 重大】、治安案事件【案事件等级 = 特别重大】",
        "",
    );
    let body = "    events:\n      - { type: 治安案事件, date: 2024-11-05, 案事件等级: 一般 }\n";
    assert!(of(
        &run(&src, &unit("2025-01-05", "学校", body)),
        "一年内不得评先"
    )
    .is_empty());
    // The grade not given: undetermined, naming the attribute of that occurrence.
    let body = "    events:\n      - { type: 治安案事件, id: 案-7, date: 2024-11-05 }\n";
    let r = run(&src, &unit("2025-01-05", "学校", body));
    let f = of(&r, "一年内不得评先")[0];
    assert_eq!(f.status, Status::Unknown);
    assert_eq!(f.missing_facts, ["events.治安案事件[案-7].案事件等级"]);
}

// ── attributes of the occurrence ────────────────────────────────────────────

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

// ── counts and windows ──────────────────────────────────────────────────────

const COUNTS: &str = r#"
第五十六条 {
  款 "……在一个月内连续发生重大刑事案件或者群体性事件、公共安全事件的……在五个工作日内发生群体性事件的……"
  后果 连续发生 {
    情形 次数 重大刑事案件、群体性事件、公共安全事件 近 1 个月 >= 2
    处理 约谈
  }
  后果 近期群体性事件 {
    情形 发生 群体性事件 近 5 个工作日
    处理 通报
  }
}
"#;

#[test]
fn counts_over_several_event_types_and_working_day_windows() {
    let src = format!("{HEADER}{COUNTS}");
    // One criminal case and one mass incident within a month: two events of the
    // kinds the text lists together.
    let body = "    events:\n      - { type: 重大刑事案件, date: 2025-01-20 }\n      - { type: 群体性事件, date: 2025-01-24 }\n";
    let r = run(&src, &unit("2025-02-10", "公安部门", body));
    assert_eq!(of(&r, "连续发生")[0].status, Status::Triggered);
    assert_eq!(of(&r, "连续发生")[0].since, d("2025-01-24"));
    // A month after 2025-01-20 is 2025-02-20; on 2025-02-21 only one is left.
    let r = run(&src, &unit("2025-02-21", "公安部门", body));
    assert!(of(&r, "连续发生").is_empty());
    // Five working days from 2025-01-24 (Fri): 01-26 (Sun, a make-up working day),
    // 01-27, then 春节 until 02-04, 02-05, 02-06, 02-07 → the window ends on
    // 2025-02-07 (counted in calendar days it would have ended on 01-29).
    let r = run(&src, &unit("2025-02-07", "公安部门", body));
    assert_eq!(of(&r, "近期群体性事件")[0].status, Status::Triggered);
    let r = run(&src, &unit("2025-02-08", "公安部门", body));
    assert!(of(&r, "近期群体性事件").is_empty());
}

const MEETS_WINDOW: &str = r#"
第二十八条 {
  款 "……"
  后果 通报处理 {
    情形 发生 挂牌督办
    处理 通报
  }
}
第二十九条 {
  款 "……受到本条例第二十八条处理的单位，一年内不得评为优秀等次。"
  后果 一年内不评优 {
    情形 符合 第二十八条 近 1 年
    处理 不得评为优秀等次
  }
}
"#;

#[test]
fn a_window_from_the_day_another_articles_grounds_came_to_hold() {
    let src = format!("{HEADER}{MEETS_WINDOW}");
    let one = "    events:\n      - { type: 挂牌督办, date: 2024-11-04 }\n";
    let at = |as_of: &str, body: &str| {
        of(&run(&src, &unit(as_of, "公安部门", body)), "一年内不评优").len()
    };
    assert_eq!(at("2025-11-04", one), 1);
    assert_eq!(
        at("2025-11-05", one),
        0,
        "a year after, the window has closed"
    );
    // A second case starts its own year.
    let two = "    events:\n      - { type: 挂牌督办, date: 2024-11-04 }\n      - { type: 挂牌督办, date: 2025-06-02 }\n";
    assert_eq!(at("2025-11-05", two), 1);
    assert_eq!(at("2026-06-03", two), 0);
}

// ── no retroactivity ────────────────────────────────────────────────────────

#[test]
fn events_before_entry_into_force_open_nothing_and_the_report_says_so() {
    let src = format!("{HEADER}{FRAUD}");
    // HEADER is in force from 2024-10-01.
    let body = "    events:\n      - { type: 发现诈骗线索, date: 2024-09-20 }\n      - { type: 发现诈骗线索, date: 2024-10-08 }\n";
    let r = run(&src, &unit("2024-11-01", "电信业务经营者", body));
    let v = of(&r, "报告");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].triggered_on, d("2024-10-08"));
    let b = &r.units[0].before_in_force;
    assert_eq!(b.len(), 1);
    assert_eq!(
        (b[0].events, b[0].in_force),
        (1, Date::parse("2024-10-01").unwrap())
    );
    assert!(tiaoli_engine::report::render_human(&r).contains("不溯及既往"));
    // A text that reaches back says so: 溯及.
    let back = src.replace(
        "  施行日期 2024-10-01\n",
        "  施行日期 2024-10-01\n  溯及 2024-09-01\n",
    );
    let r = run(&back, &unit("2024-11-01", "电信业务经营者", body));
    assert_eq!(of(&r, "报告").len(), 2);
}

// ── recurring periods ───────────────────────────────────────────────────────

const YEARLY: &str = r#"
词汇 {
  行为 发布典型案例
}
第九条 {
  款 "……每年精选一批本地多发高发具有典型性的案事件……"
  规范 典型案例 {
    主体 政府工作部门
    应当 发布典型案例
    期限 每年
  }
}
"#;

#[test]
fn a_yearly_duty_has_one_instance_per_year_since_entry_into_force() {
    let src = format!("{HEADER_2024}{YEARLY}").replace("2024-01-01", "2023-05-01");
    let body = "    actions:\n      - { type: 发布典型案例, date: 2024-06-01 }\n";
    let r = run(&src, &unit("2025-03-01", "公安部门", body));
    let got: Vec<(Option<&str>, Status, Option<Date>)> = of(&r, "典型案例")
        .iter()
        .map(|f| (f.instance.as_deref(), f.status, f.due))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("2023年"), Status::Violated, d("2023-12-31")),
            (Some("2024年"), Status::Fulfilled, d("2024-12-31")),
            (Some("2025年"), Status::Pending, d("2025-12-31")),
        ]
    );
}

#[test]
fn the_human_report_groups_instances_under_their_norm_with_counts() {
    let src = format!("{HEADER}{RECEPTION}");
    let body = "    events:\n      - { type: 信访接待日, date: 2025-02-12 }\n      - { type: 信访接待日, date: 2025-03-12 }\n    actions:\n      - { type: 公布信访接待日安排, date: 2025-03-03 }\n";
    let r = run(&src, &unit("2025-03-15", "乡镇人民政府", body));
    let text = tiaoli_engine::report::render_human(&r);
    insta::assert_snapshot!("grouped_instances", text);
}

#[test]
fn explain_shows_one_instance_when_asked() {
    let dir = std::env::temp_dir().join(format!("tiaoli-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rules = dir.join("r.tiaoli");
    std::fs::write(&rules, format!("{HEADER}{FRAUD}")).unwrap();
    let facts = dir.join("u.yaml");
    std::fs::write(
        &facts,
        unit(
            "2025-02-10",
            "电信业务经营者",
            "    events:\n      - { type: 发现诈骗线索, id: 线索-1, date: 2025-01-06 }\n      - { type: 发现诈骗线索, id: 线索-2, date: 2025-01-20 }\n    actions:\n      - { type: 报告诈骗线索, date: 2025-01-21, for: 线索-2 }\n",
        ),
    )
    .unwrap();
    let (r, f) = (rules.display().to_string(), facts.display().to_string());
    let (code, out, err) = common::run(&[
        "explain",
        &f,
        "--rules",
        &r,
        "--unit",
        "甲",
        "--article",
        "第二十二条",
        "--instance",
        "线索-1",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("线索-1") || out.contains("2025-01-06"),
        "{out}"
    );
    assert!(out.contains("已违反（自 2025-01-17 起逾期）"), "{out}");
    assert!(
        !out.contains("2025-01-21"),
        "the other instance is not shown: {out}"
    );
    let (code, _, err) = common::run(&[
        "explain",
        &f,
        "--rules",
        &r,
        "--unit",
        "甲",
        "--article",
        "第二十二条",
        "--instance",
        "线索-9",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("线索-9"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ── a property: a later case handled in full changes nothing else ──────────

mod handled_case {
    use super::*;
    use proptest::prelude::*;
    use tiaoli_compiler::graph::{Cond, Node};
    use tiaoli_engine::facts::{ActionRecord, Unit};
    use tiaoli_reference::{InstanceKey, Verdict};

    /// Norms whose own conditions read no event, breach or consequence: their
    /// instances can only depend on other occurrences through the rules of
    /// answering, which a case answered by `for:` leaves alone.
    fn independent(graph: &tiaoli_compiler::graph::Graph) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for o in &graph.ordinances {
            for n in &o.nodes {
                let Node::Norm(nn) = n else { continue };
                let roots: Vec<usize> = nn
                    .condition
                    .iter()
                    .chain(nn.unless.iter())
                    .copied()
                    .collect();
                let mut reads_time = false;
                o.leaf_conditions(&roots, true, |c| {
                    if !matches!(
                        c,
                        Cond::IsTrue { .. } | Cond::Compare { .. } | Cond::TriggerAttr { .. }
                    ) {
                        reads_time = true;
                    }
                });
                if !reads_time {
                    out.push((o.id.clone(), nn.name.clone()));
                }
            }
        }
        out
    }

    type Rules = (
        tiaoli_compiler::graph::Graph,
        Engine,
        Vec<(String, String)>,
        Calendar,
    );

    /// The shipped rules and the constructs fixture, compiled once for all cases.
    fn rules() -> &'static Rules {
        static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
        RULES.get_or_init(|| {
            let fixture = read(&root().join("tests/fixtures/differential/constructs.tiaoli"));
            let c =
                shipped_rules_with(&[("tests/fixtures/differential/constructs.tiaoli", &fixture)]);
            let graph = c.graph.clone();
            let free = independent(&graph);
            let cal = Calendar::default_schedule().unwrap();
            let engine = Engine::new(c.graph, cal.clone());
            (graph, engine, free, cal)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn adding_a_fully_handled_occurrence_changes_no_other_result(seed in any::<u64>()) {
            let (graph, engine, free, cal) = rules();
            let mut g = tiaoli_reference::generate::UnitGenerator::new(graph, cal, seed);
            let unit = g.unit(0);
            let opts = g.options_for(&unit);
            let Some(extra) = g.occurrence("新增案件", &unit) else { return Ok(()) };
            // Insert it in date order; the old occurrences keep their identity.
            let mut with = unit.clone();
            let pos = with.events.iter().position(|e| (e.date, &e.ty) > (extra.date, &extra.ty)).unwrap_or(with.events.len());
            with.events.insert(pos, extra);
            let renumber = |k: u32| if (k as usize) >= pos { k + 1 } else { k };
            // Handle it in full: every instance it opens answered by its due date.
            let first = tiaoli_reference::from_engine(engine, &engine.evaluate(&with, opts));
            for v in &first.results {
                // Answered by its own action even where another action would
                // answer it anyway (that one would be taken from an earlier case).
                if v.key == InstanceKey::Occurrence(pos as u32) {
                    let Some(o) = graph.ordinances.iter().find(|o| o.id == v.ordinance) else { continue };
                    let Some(n) = o.norms.get(&v.node).and_then(|i| match &o.nodes[*i] { Node::Norm(n) => Some(n), _ => None }) else { continue };
                    // Duties are done and permissions exercised; prohibitions need no act.
                    if !matches!(n.class, tiaoli_syntax::ast::ModalityClass::Obligation | tiaoli_syntax::ast::ModalityClass::Permission) { continue }
                    let date = v.due.or(v.triggered_on).unwrap_or(opts.as_of).min(opts.as_of);
                    with.actions.push(ActionRecord { ty: n.action.clone(), date, answers: Some("新增案件".into()) });
                }
            }
            with.actions.sort_by(|a, b| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
            let before = tiaoli_reference::from_engine(engine, &engine.evaluate(&unit, opts));
            let after = tiaoli_reference::from_engine(engine, &engine.evaluate(&with, opts));
            let keep = |v: &&Verdict| free.contains(&(v.ordinance.clone(), v.node.clone())) && v.key != InstanceKey::Whole;
            // A prohibited act is a breach whichever case made the prohibition bind:
            // its trigger date may move to the new case, nothing else.
            let plain = |v: &Verdict| {
                let mut v = v.clone();
                if matches!(v.key, InstanceKey::Act(_)) { v.triggered_on = None; }
                v
            };
            let old: Vec<Verdict> = before.results.iter().filter(keep).map(|v| {
                let mut v = plain(v);
                if let InstanceKey::Occurrence(k) = v.key { v.key = InstanceKey::Occurrence(renumber(k)); }
                v
            }).collect();
            let new: Vec<Verdict> = after.results.iter().filter(keep).filter(|v| v.key != InstanceKey::Occurrence(pos as u32)).map(plain).collect();
            for v in &old {
                prop_assert!(new.contains(v), "unit {}: {v:#?} changed after adding a handled case; now {:#?}", serde_json::to_string(&unit).unwrap(), new);
            }
            let _: Option<&Unit> = None;
        }
    }
}
