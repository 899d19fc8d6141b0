//! Durations of measures: a measure lasts its period and then expires, and only
//! the grounds it names start it.

use super::*;

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
