//! The header, read from the text itself: the title and status, the instrument's
//! type, the enacting body's jurisdiction and level, the dates of the latest
//! version (adopted, approved, published, in force) and how the text names itself.
//! What the text does not settle is guessed only where a rule of Chinese
//! legislation makes the guess safe, and every guess is marked.

use serde::Serialize;

use crate::segment::{draft_mark, Doc, Piece};
use crate::text::{date_at, has_sentence_punct, is_name, squeeze};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Header {
    /// 标题, without its draft mark.
    pub title: String,
    /// 类型: 地方性法规, 地方政府规章, 自治条例, 单行条例 — or unknown.
    pub instrument: Option<String>,
    /// 辖区: the enacting body's jurisdiction.
    pub jurisdiction: String,
    /// 级别: 省, 市, 州, 县.
    pub level: String,
    /// 状态.
    pub status: String,
    pub adopted: Option<String>,
    pub approved: Option<String>,
    pub published: Option<String>,
    pub in_force: Option<String>,
    /// 自称: 本条例, 本规定, 本规章, 本办法.
    pub self_name: Option<String>,
    /// The fields whose value is a guess (类型, 级别, 状态 …).
    pub guessed: Vec<&'static str>,
    /// What a human should know or decide about the header.
    pub notes: Vec<String>,
}

/// The words an instrument's title ends with, and how the text then names itself.
const INSTRUMENTS: [(&str, &str); 6] = [
    ("条例", "本条例"),
    ("规定", "本规定"),
    ("办法", "本办法"),
    ("细则", "本细则"),
    ("规则", "本规则"),
    ("决定", "本决定"),
];

/// The self-names the language knows (kw_this).
const SELF_NAMES: [&str; 4] = ["本条例", "本规定", "本规章", "本办法"];

/// The province-level municipalities.
const MUNICIPALITIES: [&str; 4] = ["北京市", "天津市", "上海市", "重庆市"];

/// A place at the start of a name: (jurisdiction, level, certain).
fn place(name: &str) -> Option<(String, &'static str, bool)> {
    // Skip what cannot be part of a place: a year (2024年…), a list number (1. / 一、).
    let mut s = name.trim_start_matches(|c: char| c.is_ascii_digit() || " .、．-".contains(c));
    if let Some(r) = s.strip_prefix('年') {
        s = r;
    }
    let s = s.trim_start_matches(['《', '“']);
    let cut = |end: usize| s.get(..end).map(str::to_string);
    if let Some(m) = MUNICIPALITIES.iter().find(|m| s.starts_with(**m)) {
        return Some((m.to_string(), "省", true));
    }
    // 深圳经济特区: the city's congress enacts it; 海南 is the province-level zone.
    if let Some(at) = s.find("经济特区") {
        let base = s.get(..at)?;
        if base.chars().count() >= 2 && base.chars().count() <= 4 && !base.contains(['市', '省'])
        {
            return Some(if base == "海南" {
                ("海南省".to_string(), "省", true)
            } else {
                (format!("{base}市"), "市", false)
            });
        }
    }
    let find = |w: &str, max_chars: usize| {
        s.find(w)
            .filter(|i| s.get(..*i).is_some_and(|p| p.chars().count() <= max_chars))
    };
    let mut best: Option<(String, &'static str, bool)> = None;
    let mut from = 0usize;
    if let Some(i) = find("自治区", 10) {
        best = cut(i + "自治区".len()).map(|j| (j, "省", true));
        from = i + "自治区".len();
    } else if let Some(i) = find("省", 4) {
        best = cut(i + "省".len()).map(|j| (j, "省", true));
        from = i + "省".len();
    }
    let rest = s.get(from..).unwrap_or("");
    let within = |w: &str, max_chars: usize| {
        rest.find(w).filter(|i| {
            rest.get(..*i)
                .is_some_and(|p| p.chars().count() <= max_chars)
        })
    };
    let city_end = |i: usize, w: &str| s.get(..from + i + w.len()).map(str::to_string);
    if let Some(i) = within("自治州", 12) {
        if let Some(j) = city_end(i, "自治州") {
            best = Some((j, "州", true));
            from += i + "自治州".len();
        }
    } else if let Some(i) = within("市", 6) {
        if let Some(j) = city_end(i, "市") {
            best = Some((j, "市", true));
            from += i + "市".len();
        }
    } else if let Some(i) = within("州", 4) {
        // 湘西州: a short form of an autonomous prefecture's name (广州市, 杭州市 have
        // their 市 and were taken above).
        if let Some(j) = city_end(i, "州") {
            best = Some((j, "州", false));
            from += i + "州".len();
        }
    }
    let rest = s.get(from..).unwrap_or("");
    for w in ["自治县", "县", "旗"] {
        if let Some(i) = rest.find(w).filter(|i| {
            rest.get(..*i)
                .is_some_and(|p| (1..=8).contains(&p.chars().count()))
        }) {
            if let Some(j) = s.get(..from + i + w.len()) {
                best = Some((j.to_string(), "县", true));
            }
            break;
        }
    }
    // The most specific unit names the jurisdiction: 广东省广州市 → 广州市.
    best.map(|(j, level, certain)| (most_specific(&j), level, certain))
}

/// 广东省广州市 → 广州市: the last unit of a nested name.
fn most_specific(j: &str) -> String {
    let mut cut = 0;
    for w in ["自治区", "省"] {
        if let Some(i) = j.find(w) {
            let end = i + w.len();
            if end < j.len() {
                cut = cut.max(end);
            }
        }
    }
    let rest = j.get(cut..).unwrap_or(j);
    let mut cut2 = 0;
    for w in ["自治州", "市", "州"] {
        if let Some(i) = rest.find(w) {
            let end = i + w.len();
            if end < rest.len() && rest.get(end..).is_some_and(|r| r.ends_with(['县', '旗'])) {
                cut2 = cut2.max(end);
            }
        }
    }
    rest.get(cut2..).unwrap_or(rest).to_string()
}

/// One dated event in a note or publication line.
#[derive(Debug, Clone, PartialEq)]
enum Event {
    Adopted,
    Amended,
    Revised,
    Approved,
    Published,
    InForce,
}

/// The dated events of a line: "2010年11月11日 …通过", "2018年5月24日 …修正",
/// "…人民政府令第3号公布 自2023年1月1日起施行".
fn events(line: &str) -> Vec<(String, Event, String)> {
    let mut dates = Vec::new();
    let mut from = 0;
    while let Some((at, end, d)) = date_at(line, from) {
        dates.push((at, end, d));
        from = end;
    }
    let mut out = Vec::new();
    for (k, (at, end, d)) in dates.iter().enumerate() {
        let before = line.get(..*at).unwrap_or("");
        let next = dates.get(k + 1).map(|(a, _, _)| *a).unwrap_or(line.len());
        let after = line.get(*end..next).unwrap_or("");
        let ev = if before.ends_with('自') && after.starts_with("起施行") {
            Some(Event::InForce)
        } else if after.contains("修正") {
            Some(Event::Amended)
        } else if after.contains("修订") {
            Some(Event::Revised)
        } else if after.contains("批准") {
            Some(Event::Approved)
        } else if after.contains("通过") {
            Some(Event::Adopted)
        } else if after.contains("公布") || after.contains("发布") || before.contains("令") {
            Some(Event::Published)
        } else {
            None
        };
        if let Some(ev) = ev {
            out.push((d.clone(), ev, after.to_string()));
        }
    }
    // "…令第3号公布 自…起施行" written before its date, "现予公布，自2023年1月1日起施行".
    out
}

/// Whether a preamble line can be the title.
fn title_of(line: &str) -> Option<(String, Option<&'static str>)> {
    let mut t = squeeze(line);
    let mut mark = None;
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(i) = t.rfind(open) {
            if t.ends_with(close) {
                if let Some(status) = t.get(i..).and_then(draft_mark) {
                    mark = Some(status);
                    t.truncate(i);
                }
            }
        }
    }
    let t = t.trim_matches(['《', '》']).to_string();
    let ok = INSTRUMENTS.iter().any(|(w, _)| t.ends_with(w))
        && t.chars().count() <= 60
        && !has_sentence_punct(&t)
        && date_at(&t, 0).is_none()
        && !t.contains("通过")
        && !t.contains("公布");
    ok.then_some((t, mark))
}

/// Reads the header from the segmented text.
pub(crate) fn read(doc: &Doc) -> Header {
    let mut h = Header::default();
    let mut title_line = None;
    for (no, l) in &doc.preamble {
        if let Some((t, mark)) = title_of(l) {
            h.title = t;
            title_line = Some(*no);
            if let Some(m) = mark {
                h.status = m.to_string();
            }
            break;
        }
    }
    if let Some(m) = &doc.draft_mark {
        if h.status.is_empty() {
            h.status = m.clone();
        }
    }
    if h.title.is_empty() {
        h.notes.push("文本没有标题行：标题待人工填写".into());
    }
    let notes: Vec<&str> = doc
        .preamble
        .iter()
        .filter(|(no, _)| Some(*no) != title_line)
        .map(|(_, l)| l.as_str())
        .collect();
    let body: String = doc
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Article(a) => Some(
                a.paras
                    .iter()
                    .flat_map(|p| {
                        std::iter::once(p.text.as_str())
                            .chain(p.items.iter().map(|i| i.text.as_str()))
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect();

    // The enacting body and the dates of the latest version.
    let mut adopted: Vec<(String, Event)> = Vec::new();
    let mut enacting_body: Option<String> = None;
    for l in &notes {
        for (d, ev, after) in events(l) {
            match ev {
                Event::Adopted | Event::Amended | Event::Revised => {
                    if ev == Event::Adopted && enacting_body.is_none() {
                        enacting_body = Some(
                            after
                                .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
                                .to_string(),
                        );
                    }
                    adopted.push((d, ev));
                }
                Event::Approved => h.approved = Some(d),
                Event::Published => h.published = Some(d),
                Event::InForce => h.in_force = Some(d),
            }
        }
    }
    if let Some((d, ev)) = adopted.iter().max_by(|a, b| a.0.cmp(&b.0)).cloned() {
        if ev != Event::Adopted {
            let first = adopted
                .iter()
                .filter(|(_, e)| *e == Event::Adopted)
                .map(|(d, _)| d.clone())
                .min();
            h.notes.push(format!(
                "通过日期取最新版本：{d}{}{}",
                if ev == Event::Amended {
                    "修正"
                } else {
                    "修订"
                },
                first
                    .map(|f| format!("（{f}初次通过）"))
                    .unwrap_or_default()
            ));
        }
        h.adopted = Some(d);
    }
    let publication_context = notes
        .iter()
        .any(|l| l.contains("人民政府令") || l.contains("现予公布") || l.contains("公告"));
    if h.published.is_none() && publication_context {
        if let Some(d) = notes.iter().find_map(|l| {
            let t = squeeze(l);
            date_at(&t, 0)
                .filter(|(a, e, _)| *a == 0 && *e == t.len())
                .map(|(_, _, d)| d)
        }) {
            h.published = Some(d);
        }
    }
    let publication = notes
        .iter()
        .any(|l| l.contains("公布") || l.contains("人民政府令") || l.contains("公告"));

    // 施行日期: the publication line's, else the last article's.
    let last_article = doc.pieces.iter().rev().find_map(|p| match p {
        Piece::Article(a) => Some(a.paras.iter().map(|p| p.text.as_str()).collect::<String>()),
        _ => None,
    });
    let from_publication = last_article
        .as_deref()
        .is_some_and(|t| t.contains("自公布之日起施行"));
    if h.in_force.is_none() {
        if let Some(t) = last_article.as_deref().filter(|t| t.contains("施行")) {
            if let Some((_, _, d)) = date_at(t, t.find('自').unwrap_or(0)) {
                h.in_force = Some(d);
            }
        }
    }
    if h.in_force.is_none() && from_publication {
        match &h.published {
            Some(p) => h.in_force = Some(p.clone()),
            None => h
                .notes
                .push("自公布之日起施行，文本未载公布日期：施行日期未知".into()),
        }
    }
    if adopted.len() > 1 && h.in_force.is_some() && !from_publication {
        h.notes
            .push("施行日期取自文本末条；修正、修订后文本的施行日期文本未载".into());
    }

    // Status.
    if h.status.is_empty() {
        let enacted = h.adopted.is_some() || h.published.is_some() || publication;
        h.status = if enacted && (h.in_force.is_some() || from_publication) {
            "施行".into()
        } else if enacted {
            "通过".into()
        } else if h.in_force.is_some() {
            h.guessed.push("状态");
            h.notes
                .push("末条载有施行日期，但文本未载通过或公布信息：状态“施行”为推定".into());
            "施行".into()
        } else {
            h.guessed.push("状态");
            h.notes
                .push("文本既无草案标记也无日期：状态“草案”为推定".into());
            "草案".into()
        };
    }

    // Jurisdiction and level: from the enacting body's name, else from the title.
    let from_body = enacting_body.as_deref().and_then(place);
    let from_title = place(&h.title);
    let (jurisdiction, level, certain) = match (&from_title, &from_body) {
        (Some(t), Some(b)) if t.1 == b.1 => (t.0.clone(), t.1, true),
        (Some(t), Some(b)) => {
            h.notes.push(format!(
                "标题的地名（{}）与制定机关（{}）级别不一致：取制定机关",
                t.0, b.0
            ));
            (b.0.clone(), b.1, b.2)
        }
        (Some(t), None) => t.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => (String::new(), "市", false),
    };
    if jurisdiction.is_empty() || !is_name(&jurisdiction) {
        h.notes
            .push("未能从标题或制定机关读出辖区：辖区与级别待人工填写".into());
        h.jurisdiction = "待定辖区".into();
        h.level = "市".into();
        h.guessed.push("辖区");
        h.guessed.push("级别");
    } else {
        h.jurisdiction = jurisdiction;
        h.level = level.into();
        if !certain {
            h.guessed.push("级别");
            h.notes
                .push(format!("级别“{}”由名称推定（{}）", h.level, h.jurisdiction));
        }
    }
    if h.title.contains("经济特区") {
        h.notes
            .push("经济特区法规：语言尚无此类型，类型记为地方性法规".into());
    }

    // The self-name: 本 + the title's word if the text uses it, else the most used.
    let counts: Vec<(&str, usize)> = [
        "本条例",
        "本规定",
        "本规章",
        "本办法",
        "本细则",
        "本规则",
        "本决定",
    ]
    .iter()
    .map(|w| (*w, body.matches(w).count()))
    .filter(|(_, n)| *n > 0)
    .collect();
    let own = INSTRUMENTS
        .iter()
        .find(|(w, _)| h.title.ends_with(w))
        .map(|(_, s)| *s);
    let chosen = own
        .filter(|s| counts.iter().any(|(w, _)| w == s))
        .or_else(|| counts.iter().max_by_key(|(_, n)| *n).map(|(w, _)| *w));
    if let Some(c) = chosen {
        if SELF_NAMES.contains(&c) {
            h.self_name = Some(c.to_string());
        } else {
            h.notes
                .push(format!("文本自称“{c}”，语言尚无此自称：自称未写"));
        }
        for (w, n) in &counts {
            if *w != c {
                h.notes.push(format!("文本也自称“{w}”（{n}处）"));
            }
        }
    }

    // The type.
    let government = notes
        .iter()
        .any(|l| l.contains("人民政府令") || l.contains("政府常务会议"))
        || body.contains("本规章");
    let congress = enacting_body
        .as_deref()
        .is_some_and(|b| b.contains("人民代表大会") || b.contains("人大"));
    let standing = enacting_body
        .as_deref()
        .is_some_and(|b| b.contains("常务委员会") || b.contains("常委会"));
    let autonomous = h.jurisdiction.ends_with("自治州") || h.jurisdiction.ends_with("自治县");
    h.instrument = if h.title.ends_with("自治条例") {
        Some("自治条例".into())
    } else if government {
        Some("地方政府规章".into())
    } else if congress && autonomous && !standing {
        Some("单行条例".into())
    } else if congress {
        Some("地方性法规".into())
    } else if h.title.ends_with("条例")
        || h.title.is_empty() && h.self_name.as_deref() == Some("本条例")
    {
        h.guessed.push("类型");
        h.notes
            .push("文本未载制定机关：条例只由人大及其常委会制定，类型“地方性法规”为推定".into());
        Some("地方性法规".into())
    } else {
        if !h.title.is_empty() {
            h.notes.push(
                "文本未载制定机关，规定、办法既可为地方性法规也可为规章：类型待人工填写".into(),
            );
        }
        None
    };
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places() {
        assert_eq!(
            place("广州市平安建设条例"),
            Some(("广州市".into(), "市", true))
        );
        assert_eq!(
            place("杭州市社会治安综合治理条例"),
            Some(("杭州市".into(), "市", true))
        );
        assert_eq!(
            place("湘西土家族苗族自治州平安建设条例"),
            Some(("湘西土家族苗族自治州".into(), "州", true))
        );
        assert_eq!(
            place("湘西自治州第十五届人大常委会"),
            Some(("湘西自治州".into(), "州", true))
        );
        assert_eq!(
            place("上海市社会治安综合治理条例"),
            Some(("上海市".into(), "省", true))
        );
        assert_eq!(
            place("广东省平安建设条例"),
            Some(("广东省".into(), "省", true))
        );
        assert_eq!(
            place("深圳经济特区平安建设条例"),
            Some(("深圳市".into(), "市", false))
        );
        assert_eq!(
            place("2024年海东市平安建设条例"),
            Some(("海东市".into(), "市", true))
        );
        assert_eq!(
            place("广东省广州市平安建设条例"),
            Some(("广州市".into(), "市", true))
        );
        assert_eq!(place("平安建设条例"), None);
    }
}
