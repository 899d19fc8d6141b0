//! Periods, dates, vague deadlines and fixed rhythms as a text writes them.

use super::*;

pub(super) const NUMERAL: &str = "〇零一二两三四五六七八九十百千";

pub(super) fn is_num(c: char) -> bool {
    c.is_ascii_digit() || NUMERAL.contains(c) || ('０'..='９').contains(&c)
}

pub(super) fn value(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if ascii.chars().all(|c| c.is_ascii_digit()) {
        ascii.parse().ok()
    } else {
        chinese_numeral(&ascii)
    }
}

/// Periods and dates: a run of numerals followed by a unit.
pub(super) fn periods(cs: &[char], out: &mut Vec<Found>) {
    let mut i = 0;
    while i < cs.len() {
        let Some(c) = cs.get(i).copied() else { break };
        let prev = i.checked_sub(1).and_then(|k| cs.get(k)).copied();
        if !is_num(c) || prev.is_some_and(is_num) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while cs.get(j).is_some_and(|c| is_num(*c)) {
            j += 1;
        }
        let run = slice(cs, start, j);
        // 第三十日, 第二年: an ordinal, not a period.
        if prev == Some('第') {
            i = j;
            continue;
        }
        // A calendar date: 2024年10月1日 (or a year alone: 2024年).
        // A year is four digits (2024, 二〇二四), never 三百零一.
        let year_like = run.chars().count() == 4
            && run
                .chars()
                .all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c));
        if cs.get(j) == Some(&'年') && year_like {
            let mut k = j + 1;
            let month_start = k;
            while cs.get(k).is_some_and(|c| is_num(*c)) {
                k += 1;
            }
            let month = slice(cs, month_start, k);
            let mut end = j + 1;
            let mut date = None;
            if !month.is_empty() && cs.get(k) == Some(&'月') {
                let day_start = k + 1;
                let mut d = day_start;
                while cs.get(d).is_some_and(|c| is_num(*c)) {
                    d += 1;
                }
                let day = slice(cs, day_start, d);
                if !day.is_empty() && cs.get(d) == Some(&'日') {
                    if let (Some(y), Some(m), Some(dd)) = (value(&run), value(&month), value(&day))
                    {
                        date = Some(format!("{y:04}-{m:02}-{dd:02}"));
                    }
                    end = d + 1;
                }
            } else if blank_from(cs, j).is_some() {
                end = blank_from(cs, j).unwrap_or(j + 1);
                out.push(Found {
                    signal: Signal::Date { date: None },
                    words: slice(cs, start, end),
                    sentence: sentence(cs, start),
                });
                i = end;
                continue;
            }
            if let Some(d) = date {
                out.push(Found {
                    signal: Signal::Date { date: Some(d) },
                    words: slice(cs, start, end),
                    sentence: sentence(cs, start),
                });
            }
            i = end;
            continue;
        }
        let mut k = j;
        let ge = cs.get(k) == Some(&'个');
        if ge {
            k += 1;
        }
        let rest: String = cs
            .get(k..(k + 3).min(cs.len()))
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        let unit = if rest.starts_with("工作日") {
            Some((Unit::WorkingDays, 3))
        } else if rest.starts_with("小时") {
            Some((Unit::Hours, 2))
        } else if rest.starts_with('日') || rest.starts_with('天') {
            // 10月1日: the day of a date.
            (!ge && prev != Some('月')).then_some((Unit::Days, 1))
        } else if rest.starts_with('月') {
            // 三个月 is a period; 10月 a month of the calendar.
            ge.then_some((Unit::Months, 1))
        } else if rest.starts_with('年') {
            Some((Unit::Years, 1))
        } else {
            None
        };
        match (unit, value(&run)) {
            (Some((unit, len)), Some(amount)) if amount > 0 => {
                out.push(Found {
                    signal: Signal::Period { amount, unit },
                    words: slice(cs, start, k + len),
                    sentence: sentence(cs, start),
                });
                i = k + len;
            }
            _ => i = j,
        }
    }
    // 本条例自年月日起施行: a date with no numbers at all.
    let text: String = cs.iter().collect();
    for (pos, _) in text.match_indices("自年月日") {
        let at = text.get(..pos).map(|s| s.chars().count()).unwrap_or(0) + 1;
        out.push(Found {
            signal: Signal::Date { date: None },
            words: "年月日".into(),
            sentence: sentence(cs, at),
        });
    }
}

/// After a year (at the 年), a month and a day left blank (年   月   日): the end.
pub(super) fn blank_from(cs: &[char], at: usize) -> Option<usize> {
    let mut k = at + 1;
    while cs.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    if cs.get(k) != Some(&'月') {
        return None;
    }
    k += 1;
    while cs.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    (cs.get(k) == Some(&'日')).then_some(k + 1)
}

pub(super) fn vague(cs: &[char], out: &mut Vec<Found>) {
    let text: String = cs.iter().collect();
    for word in ["及时", "立即", "定期"] {
        for (pos, _) in text.match_indices(word) {
            let at = text.get(..pos).map(|s| s.chars().count()).unwrap_or(0);
            out.push(Found {
                signal: Signal::Vague {
                    word: word.to_string(),
                },
                words: word.to_string(),
                sentence: sentence(cs, at),
            });
        }
    }
}

pub(super) fn periodics(cs: &[char], out: &mut Vec<Found>) {
    let text: String = cs.iter().collect();
    let forms = [
        ("每半年", Periodic::HalfYearly),
        ("每季度", Periodic::Quarterly),
        ("每年", Periodic::Yearly),
        ("每月", Periodic::Monthly),
    ];
    let mut taken: Vec<usize> = Vec::new();
    for (form, period) in forms {
        for (pos, _) in text.match_indices(form) {
            if taken.contains(&pos) {
                continue;
            }
            taken.push(pos);
            let at = text.get(..pos).map(|s| s.chars().count()).unwrap_or(0);
            out.push(Found {
                signal: Signal::Periodic { period },
                words: form.to_string(),
                sentence: sentence(cs, at),
            });
        }
    }
}
