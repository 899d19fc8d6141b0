//! Numbers as people write them: article numbers and Chinese numerals.

/// An article number as people write it: 46, 第46条, 第四十六条, 四十六 → 46.
pub fn article_number(s: &str) -> Option<u32> {
    let t = s.trim().trim_start_matches('第').trim_end_matches('条');
    t.parse().ok().or_else(|| chinese_numeral(t))
}

/// 一 → 1, 十二 → 12, 二十一 → 21, 一百零五 → 105, 两千 → 2000. Strict: units
/// fall (千 before 百 before 十), each digit is followed by a unit except the
/// last, 零 stands only between a unit and a digit, and 十 may stand alone only
/// first (十二). `十十十`, `一一`, `一百五` and `十百` are not numerals.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    // The last unit written (10, 100, 1000); units must fall.
    let mut last_unit: Option<u32> = None;
    let mut zero = false;
    for (i, c) in s.chars().enumerate() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            if digit.is_some() {
                return None; // two digits in a row: 一一
            }
            if d == 0 {
                // 零 only after a unit (一百零五), once, and not last.
                if zero || last_unit.is_none() && s.chars().count() > 1 {
                    return None;
                }
                zero = true;
                if s.chars().count() == 1 {
                    digit = Some(0);
                }
                continue;
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if last_unit.is_some_and(|l| unit >= l) {
            return None; // 十十, 十百
        }
        let times = match digit {
            Some(d) => d,
            None if i == 0 && unit == 10 => 1, // 十二
            None if zero && unit == 10 => 1,   // 一百零十 is not written, but 零十 reads 10
            None => return None,
        };
        total = total.checked_add(times.checked_mul(unit)?)?;
        last_unit = Some(unit);
        digit = None;
        zero = false;
    }
    if let Some(d) = digit {
        // A last digit after 百 or 千 needs 零 (一百零五); 一百五 is 150 in speech only.
        if d != 0 && last_unit.is_some_and(|l| l > 10) && !zero {
            return None;
        }
        total = total.checked_add(d)?;
    } else if zero {
        return None; // ends in 零
    }
    (!s.is_empty()).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十一", 21),
            ("四十六", 46),
            ("一百零五", 105),
            ("六十", 60),
            ("两千", 2000),
            ("一百一十", 110),
            ("一千零五", 1005),
            ("三千零二十", 3020),
            ("九百九十九", 999),
            ("一千二百三十四", 1234),
            ("零", 0),
            ("五", 5),
        ] {
            assert_eq!(chinese_numeral(s), Some(n), "{s}");
        }
        for s in [
            "十十十",
            "十十",
            "一一",
            "百百",
            "一百五",
            "零零",
            "十百",
            "二十二十",
            "零五",
            "一百零",
            "百",
            "千五",
        ] {
            assert_eq!(chinese_numeral(s), None, "{s}");
        }
        assert_eq!(chinese_numeral(""), None);
        assert_eq!(chinese_numeral("条"), None);
    }
}
