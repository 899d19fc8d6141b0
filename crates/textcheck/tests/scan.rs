//! The scanner on any text: it never panics, and a period written in Chinese
//! or Arabic numerals reads back as its number.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use tiaoli_syntax::format::to_chinese;
use tiaoli_textcheck::{scan, Signal, Unit, Vocabulary};

fn periods(text: &str) -> Vec<(u32, Unit)> {
    scan::scan(text, &Vocabulary::default())
        .into_iter()
        .filter_map(|f| match f.signal {
            Signal::Period { amount, unit } => Some((amount, unit)),
            _ => None,
        })
        .collect()
}

proptest! {
    #[test]
    fn any_text_scans_without_panic(text in ".{0,200}") {
        let _ = scan::scan(&text, &Vocabulary::default());
        let _ = scan::shorthand(&text);
        let _ = scan::declarative(&text);
    }

    #[test]
    fn a_period_reads_back_in_either_numerals(n in 1u32..=999, unit in 0usize..4) {
        let (word, u) = [("日", Unit::Days), ("个工作日", Unit::WorkingDays), ("个月", Unit::Months), ("年", Unit::Years)][unit];
        let zh = format!("有关部门应当自收到之日起{}{word}内答复。", to_chinese(n));
        let ar = format!("有关部门应当自收到之日起{n}{word}内答复。");
        prop_assert_eq!(periods(&zh), vec![(n, u)], "{}", zh);
        prop_assert_eq!(periods(&ar), vec![(n, u)], "{}", ar);
    }
}

#[test]
fn dates_and_ordinals_are_not_periods() {
    assert!(periods("本条例自2024年10月1日起施行。").is_empty());
    assert!(periods("依照本条例第三十条处理；第二年起").is_empty());
    assert_eq!(periods("二十四小时内报告"), vec![(24, Unit::Hours)]);
}
