//! Wrong verdicts from arithmetic: periods past a hundred years are compile errors
//! at the period.

use super::*;

#[test]
fn periods_past_a_hundred_years_are_compile_errors_at_the_period() {
    // The fixture has four such periods; the parser stops at the first, so each
    // is tried alone, the others made small.
    let text = std::fs::read_to_string(root().join(fixture("huge_period.tiaoli"))).unwrap();
    let huge = [
        (18, "4294967295 日", "30 日"),
        (22, "2000000000 个月", "3 个月"),
        (24, "8000 年", "1 年"),
        (29, "4000000000 个工作日", "5 个工作日"),
    ];
    let t = temp();
    for (line, period, _) in huge {
        let mut one = text.clone();
        for (_, other, small) in huge {
            if other != period {
                one = one.replace(other, small);
            }
        }
        let f = write(t.path(), "huge_period.tiaoli", &one);
        let o = bad(&["check", path_str(&f)], 20_000);
        assert_eq!(o.code, 2, "{period}: {}", o.err);
        assert!(
            o.err.contains("tiaoli::period-too-long"),
            "{period}: {}",
            o.err
        );
        assert!(
            o.err.contains(&format!("期间过长：{period}")),
            "{period}: {}",
            o.err
        );
        assert_located(&o.err, "huge_period.tiaoli", line);
    }
    // The JSON diagnostics say the same, with the column in characters.
    let o = bad(
        &["check", "--format", "json", &fixture("huge_period.tiaoli")],
        20_000,
    );
    let v: serde_json::Value = serde_json::from_str(&o.out).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "period-too-long")
        .unwrap();
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(18), Some(8))
    );
}
