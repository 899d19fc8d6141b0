//! Orders, period ends and windows from them: a window from an order's period,
//! duties triggered by a period running out or an order passing unheeded; counts
//! over several event types and working-day windows, a window from the day another
//! article's grounds came to hold.

use super::*;

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
