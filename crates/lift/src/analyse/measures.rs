//! Sanctions imposed (not merely mentioned), deadlines and references.

use super::names::Terms;
use super::words::*;

// ───────────────────────────── sanctions ─────────────────────────────

/// The catalogue's measures named in a unit, as measures (not 通报预警信息, not
/// 责任追究制), with the other disqualifications the text imposes.
pub(super) fn sanctions(chars: &[char], terms: &Terms) -> (Vec<String>, Vec<String>) {
    let text: String = chars.iter().collect();
    let mut out: Vec<String> = Vec::new();
    let mut taken = vec![false; chars.len()];
    let weak = ["制止", "劝阻", "警告", "训诫"];
    // "通报、约谈、挂牌督办等情况纳入考核": measures mentioned, not imposed.
    for (i, _) in text.match_indices("等情况") {
        let p = text.get(..i).unwrap_or("").chars().count();
        let from = chars
            .get(..p)
            .and_then(|b| {
                b.iter()
                    .rposition(|c| is_comma(*c) || is_end_punct(*c) || *c == '和' || *c == '及')
            })
            .map_or(0, |q| q + 1);
        for t in taken.iter_mut().take(p).skip(from) {
            *t = true;
        }
    }
    for (w, c) in &terms.sanctions {
        let wc: Vec<char> = w.chars().collect();
        let n = wc.len();
        if n < 2 {
            continue;
        }
        let mut i = 0;
        while i + n <= chars.len() {
            if chars.get(i..i + n) == Some(wc.as_slice())
                && !taken.get(i..i + n).unwrap_or(&[]).iter().any(|t| *t)
            {
                let next = cut(chars, i + n, i + n + 2);
                let prev = cut(chars, i.saturating_sub(2), i);
                let measure = !next.starts_with('制')
                    && !next.starts_with("机制")
                    && !next.starts_with("工作")
                    && !next.starts_with("通知")
                    && !next.starts_with("决定")
                    && match w.as_str() {
                        "通报" => {
                            next.starts_with("批评")
                                || ["予以", "给予", "采取", "进行"]
                                    .iter()
                                    .any(|p| prev.ends_with(p))
                                || prev.ends_with('、')
                                || next.starts_with('、')
                        }
                        "督办" => {
                            !next.starts_with("落实")
                                && (prev.ends_with('、')
                                    || prev.ends_with("挂牌")
                                    || next.starts_with('等'))
                        }
                        "依法处理" | "处理" => true,
                        x if weak.contains(&x) => {
                            // 制止 is a measure only where one is imposed: 予以警告、训诫、制止.
                            let before = cut(chars, i.saturating_sub(10), i);
                            ["予以", "进行", "给予"].iter().any(|p| before.contains(p))
                        }
                        _ => true,
                    };
                if measure {
                    for t in taken.iter_mut().skip(i).take(n) {
                        *t = true;
                    }
                    if !out.contains(c) {
                        out.push(c.clone());
                    }
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }
    // Measures written around their object: 追究…的责任, 给予/予以处理, 批评、教育.
    let canonical = |name: &str| {
        terms
            .sanctions
            .iter()
            .find(|(w, _)| w == name)
            .map(|(_, c)| c.clone())
    };
    let add = |name: &str, out: &mut Vec<String>| {
        if let Some(c) = canonical(name) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    };
    if let Some(k) = text.find("追究") {
        let after = text.get(k..).unwrap_or("");
        if !after.starts_with("追究刑事责任")
            && after.chars().take(16).collect::<String>().contains("责任")
            && !after.starts_with("追究制")
        {
            add("责任追究", &mut out);
        }
    }
    if ["予以处理", "给予处理", "依法处理"]
        .iter()
        .any(|w| text.contains(w))
    {
        add("依法处理", &mut out);
    }
    if ["批评或者教育", "批评和教育", "批评、教育"]
        .iter()
        .any(|w| text.contains(w))
    {
        add("批评教育", &mut out);
    }
    // Disqualifications the catalogue does not list.
    let mut other = Vec::new();
    for lead in [
        "不得评为",
        "不得被评选为",
        "不得升职",
        "不得晋职",
        "不得评选",
    ] {
        let mut from = 0;
        while let Some(k) = text.get(from..).and_then(|r| r.find(lead)) {
            let a = from + k;
            let rest = text.get(a..).unwrap_or("");
            let end = rest
                .find(['，', ',', '。', '；', ';', '：'])
                .unwrap_or(rest.len());
            let phrase = rest.get(..end).unwrap_or("").to_string();
            if !out.iter().any(|s| phrase.contains(s.as_str())) && !phrase.contains("优秀等次")
            {
                other.push(phrase);
            }
            from = a + lead.len();
        }
    }
    (out, other)
}

// ───────────────────────────── deadlines and references ─────────────────────────────

pub(crate) fn deadlines(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let units = ["个工作日", "工作日", "个月", "日", "天", "年"];
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c);
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| numeral(*c)) {
            let start = i;
            while chars.get(i).is_some_and(|c| numeral(*c)) {
                i += 1;
            }
            let rest = cut(&chars, i, i + 5);
            if let Some(u) = units.iter().find(|u| rest.starts_with(**u)) {
                let after = cut(&chars, i + u.chars().count(), i + u.chars().count() + 1);
                let num = cut(&chars, start, i);
                let is_date =
                    *u == "年" && num.chars().all(|c| c.is_ascii_digit()) && num.len() == 4;
                if !is_date
                    && (after == "内"
                        || *u == "个工作日"
                        || *u == "工作日"
                        || after == "前"
                        || after == "后")
                {
                    out.push(format!("{num}{u}{after}"));
                }
            }
            continue;
        }
        i += 1;
    }
    for w in [
        "限期",
        "每年",
        "每半年",
        "每季度",
        "每月",
        "定期",
        "及时",
        "立即",
        "适时",
        "尽快",
    ] {
        if s.contains(w) {
            out.push(w.to_string());
        }
    }
    out
}

pub(crate) fn references(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = s.get(from..).and_then(|r| r.find('第')) {
        let a = from + k;
        if let Some((n, _, _, _)) = s.get(a..).and_then(|r| crate::text::numbered(r, '条')) {
            let self_ref = s.get(..a).is_some_and(|b| {
                ["本条例", "本规定", "本办法", "本规章"]
                    .iter()
                    .any(|w| b.ends_with(w))
            });
            out.push(if self_ref {
                format!("本法第{n}条")
            } else {
                format!("第{n}条")
            });
        }
        from = a + '第'.len_utf8();
    }
    out
}
