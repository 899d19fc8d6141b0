//! Every occurrence its own instance: recurring duties whose breaches stay,
//! several discoveries, reports and mediation agreements each with its own case;
//! nothing opened before entry into force; a yearly duty's instance per year; the
//! human report and explain, instance by instance.

use super::*;

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
